/**
 * Loads the built add-on (`dist/*.js`) into a Node `vm` context whose globals are the emulated
 * services, as Apps Script runs a project: only top-level `function` and `var` declarations become
 * properties of the context (gas-local does the loading).
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const gas = require('gas-local') as {
  require(folder: string, globals: object, options?: { filter?: (file: string) => boolean }): Record<string, any>;
};

/** The globals object a bundle is loaded with. */
export type AppsScriptGlobals = Record<string, unknown>;

/** Folder of the built add-on. */
export const DIST = fileURLToPath(new URL('../../dist', import.meta.url));

/** Loads every `dist/*.js` into a fresh `vm` context with `globals` and returns the context. */
export function loadBundle(
  globals: AppsScriptGlobals,
  options: { filter?: (file: string) => boolean } = {},
): Record<string, any> {
  return gas.require(DIST, globals, { filter: options.filter ?? ((file: string) => file.endsWith('.js')) });
}
