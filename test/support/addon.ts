/**
 * Test support: the built add-on (dist/) loaded into a `vm` over an emulated workbook.
 */
import { loadBundle, Workbook, type WorkbookOptions } from '../emulator';

/** The add-on's globals (custom functions and endpoints), called as Apps Script would. */
export type AddOnGlobals = Record<string, (...args: any[]) => any>;

/** A custom function's name: capitals, digits and `_` (the menu and sidebar endpoints are camelCase). */
const CUSTOM_FUNCTION = /^[A-Z][A-Z0-9_]*$/;

/**
 * A fresh workbook and the built bundle loaded over it. Custom functions run as Sheets runs them:
 * in `AuthMode.CUSTOM_FUNCTION`, where only the services Google documents for custom functions
 * answer (spreadsheet reads, Utilities, Properties reads, Cache, Lock; no writes, UI or Session).
 */
export function addOn(options: WorkbookOptions = {}): { workbook: Workbook; fx: AddOnGlobals } {
  const workbook = new Workbook(options);
  const loaded = loadBundle(workbook.globals()) as AddOnGlobals;
  const fx: AddOnGlobals = { ...loaded };
  for (const [name, fn] of Object.entries(loaded)) {
    if (typeof fn !== 'function' || !CUSTOM_FUNCTION.test(name)) continue;
    fx[name] = (...args: unknown[]) => {
      const mode = workbook.authMode;
      workbook.authMode = 'CUSTOM_FUNCTION';
      try {
        return fn(...args);
      } finally {
        workbook.authMode = mode;
      }
    };
  }
  return { workbook, fx };
}

/** The message of what `call` throws (fails the test when it does not throw). */
export function errorOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the call to throw, it returned normally');
}

/** A column range as Sheets passes it: one value per row. */
export function column(...values: unknown[]): unknown[][] {
  return values.map((v) => [v]);
}
