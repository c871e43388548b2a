/**
 * Room for the lists sheet under Google Sheets' limit of 10 million cells in a file — every cell of
 * every sheet counts, empty ones included. The sheets a run does not write keep their size; the ones
 * it writes end with the grid `writeOwnedSheets` gives them (a new sheet starts at 1 000 × 26; rows
 * and columns are added as the layout needs and, on a sheet that was there, never removed).
 */
import { LISTS_HEADING_ROWS } from '../../report/compose/lists';
import type { SheetLayout } from '../../report/layout';
import type { OwnedRole, OwnedSheet } from './owned-sheets';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Google Sheets' limit of cells in a file (https://support.google.com/drive/answer/37603). */
export const CELL_LIMIT = 10_000_000;
/** The grid of a sheet `insertSheet` creates. */
const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;
/** Columns left free to the right of a layout with charts (writeOwnedSheets places them there). */
const CHART_COLUMNS = 12;

/** A sheet's grid after the write: rows × columns. */
function gridAfterWrite(layout: SheetLayout, sheet: Sheet | undefined): [number, number] {
  const wanted = layout.charts.length ? layout.width + CHART_COLUMNS : Math.max(layout.width, 1);
  if (!sheet) {
    const columns = layout.charts.length ? Math.max(NEW_SHEET_COLUMNS, wanted) : wanted;
    return [Math.max(layout.height, NEW_SHEET_ROWS), columns];
  }
  return [Math.max(layout.height, sheet.getMaxRows()), Math.max(wanted, sheet.getMaxColumns())];
}

/**
 * Data rows the lists sheet can hold (below its three heading rows) with the other sheets written as
 * planned; 0 when there is no room at all. Two reads per sheet, whatever the data. (A new lists sheet
 * also needs, for a moment, the 26 000 cells of a fresh sheet before its extra columns go: with less
 * room than that left, the write stops with Sheets' own message and nothing changed.)
 *
 * @param spreadsheet the file.
 * @param owned the sheets the add-on owns, by role.
 * @param planned the layouts of the other sheets this run writes, by role.
 * @param listsWidth the lists sheet's columns.
 * @returns rows of list data that fit.
 * @example listsRoomRows(spreadsheet, owned, [{ role: 'report', layout }], 9) // 1 085 000
 */
export function listsRoomRows(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  owned: Map<OwnedRole, OwnedSheet>,
  planned: readonly { role: OwnedRole; layout: SheetLayout }[],
  listsWidth: number,
): number {
  const written = new Set<OwnedRole>(['lists', ...planned.map((p) => p.role)]);
  const writtenIds = new Set([...owned.values()].filter((o) => written.has(o.role)).map((o) => o.sheet.getSheetId()));
  let cells = 0;
  for (const sheet of spreadsheet.getSheets())
    if (!writtenIds.has(sheet.getSheetId())) cells += sheet.getMaxRows() * sheet.getMaxColumns();
  for (const { role, layout } of planned) {
    const [rows, columns] = gridAfterWrite(layout, owned.get(role)?.sheet);
    cells += rows * columns;
  }
  const lists = owned.get('lists')?.sheet;
  const columns = Math.max(listsWidth, lists?.getMaxColumns() ?? 0, 1);
  return Math.max(0, Math.floor((CELL_LIMIT - cells) / columns) - LISTS_HEADING_ROWS);
}
