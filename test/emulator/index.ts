/**
 * The emulated Apps Script environment: a {@link Workbook} (spreadsheet + properties, locks, UI)
 * with the global services the bundle sees, and the loader that runs `dist/` in a Node `vm`
 * context the way Apps Script does. Each service lives in its own file; this module is the one
 * entry the demo, the benchmarks, the scripts and the add-on's tests import it through (only the
 * emulator's own tests reach into its files).
 */
export { a1OfRect, columnLetters, parseA1, quoteSheetName, splitSheetReference } from './a1';
export { readOption, type ChartSpec } from './charts';
export type { GradientPoint, RuleState } from './conditional-format';
export { isoDateIn, offsetMinutes, sheetDate, wallClock } from './dates';
export * as Enums from './enums';
export { FORMULA_VALUE, isDate, type EmuValue } from './entry';
export { LOCK_TIMEOUT } from './lock';
export { INTL_BEHAVIOURS } from './intl';
export { DIST, loadBundle } from './loader';
export { displayValue } from './number-format';
export { STORE_QUOTA_EXCEEDED, VALUE_TOO_LARGE } from './properties';
export { CELL_LIMIT, DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, type EmuCell, EmuSheet } from './sheet';
export type { SeedGrid } from './spreadsheet';
export { TEST_SPREADSHEET_ZONE, Workbook, type WorkbookOptions } from './workbook';
