/**
 * Test support: the public API as the build reads it — every custom function's declaration joined
 * with its JSDoc, and the other globals — read once per test file.
 */
import { describeFunctions, readFunctionDocs, readGlobals } from '../../scripts/catalogue.mjs';
import { FAMILIES } from '../../src/sheets/functions/catalogue';

/** The custom functions and the other globals. */
export const API = { functions: describeFunctions(FAMILIES, readFunctionDocs()), globals: readGlobals() };
