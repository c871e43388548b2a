/**
 * The emulated Apps Script environment: a {@link Workbook} (spreadsheet + properties, locks, UI)
 * with the global services the bundle sees, and the loader that runs `dist/` in a Node `vm`
 * context the way Apps Script does. Each service lives in its own file; this module re-exports
 * the public API.
 */
import { loadBundle } from './loader';
import type { Workbook } from './workbook';

export {
  a1OfRect,
  columnIndex,
  columnLetters,
  parseA1,
  quoteSheetName,
  splitSheetReference,
  type GridRect,
} from './a1';
export { ServiceCalls } from './calls';
export { chartSpec, readOption, type ChartSpec } from './charts';
export { formatDate, isoDateIn, sheetDate, wallClock } from './dates';
export * as Enums from './enums';
export { FORMULA_VALUE, parseEntry, type EmuValue } from './entry';
export { canonicalJson, fingerprintSheet } from './fingerprint';
export { LOCK_TIMEOUT } from './lock';
export { DIST, loadBundle, type AppsScriptGlobals } from './loader';
export { ARBITRARY_RANGE_METADATA } from './metadata';
export { DEFAULT_NUMBER_FORMAT, displayValue } from './number-format';
export { PROPERTY_STORE_LIMIT, PROPERTY_VALUE_LIMIT, STORE_QUOTA_EXCEEDED, VALUE_TOO_LARGE } from './properties';
export { EmuRange, OUTSIDE_SHEET, PARTIAL_MERGE } from './range';
export { EmuSheet, type EmuCell } from './sheet';
export { duplicateNameMessage, EmuSpreadsheet, type SeedGrid } from './spreadsheet';
export type { MenuSpec, UiRecord } from './ui';
export { TEST_SPREADSHEET_ZONE, Workbook, type AuthModeName, type WorkbookOptions } from './workbook';

/** A workbook with the add-on loaded over it: `fx.NPS(...)` calls the global `NPS` as Sheets would. */
export function addOnOver(workbook: Workbook): Record<string, any> {
  return loadBundle(workbook.globals());
}
