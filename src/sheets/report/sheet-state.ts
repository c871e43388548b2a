/**
 * The state of a sheet the add-on owns, before it is rewritten, and how to put it back: cell values
 * and the formulas a user typed there, number formats, backgrounds, font weights, styles, sizes and
 * colours, vertical alignments, the grid's size, frozen rows, the widths of the columns the write
 * sets, conditional format rules, protections and the marker. Charts are not here: a run never
 * removes a chart before it is sure to complete (a chart a user restyled cannot be read back).
 * Every read and write is a block call; their number does not depend on the data.
 */
import { columnLetters } from '../../report/layout';
import type { OwnedSheet } from './owned-sheets';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A sheet as it was before a run touched it. */
export interface SheetState {
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  /** The area read: the last write's and whatever the user typed below or beside it. */
  rows: number;
  columns: number;
  values: unknown[][];
  formulas: string[][];
  formats: string[][];
  backgrounds: string[][];
  weights: string[][];
  styles: string[][];
  sizes: number[][];
  colors: string[][];
  alignments: ('top' | 'middle' | 'bottom' | null)[][];
  /** Horizontal alignments, with Sheets' automatic ones ("general…") as `null`. */
  horizontal: (string | null)[][];
  /** Widths of the columns the run sets, by column. */
  widths: Map<number, number>;
  /** Heights of the rows the run sets, by row. */
  heights: Map<number, number>;
  rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[];
  protections: number;
  marker: string;
}

/**
 * Every text is written with the apostrophe prefix that makes Sheets store it as plain text (the
 * apostrophe is not part of the stored value): `=HYPERLINK(…)`, `+34 600…`, `-`, `@x`, `0012` or
 * `March 2025` from the user's data or our labels are kept exactly as text, never parsed as a
 * formula, number or date.
 */
export function textCell(text: string): string {
  return text === '' ? '' : `'${text}`;
}

/** Reads the state of an owned sheet: `widthColumns` and `heightRows` are the ones the run will resize. */
export function readState(owned: OwnedSheet, widthColumns: number[], heightRows: number[] = []): SheetState {
  const { sheet, look } = owned;
  const rows = Math.max(look?.rows ?? 0, sheet.getLastRow());
  const columns = Math.max(look?.columns ?? 0, sheet.getLastColumn());
  const widths = new Map(widthColumns.map((c) => [c, sheet.getColumnWidth(c)]));
  const heights = new Map(heightRows.filter((r) => r <= sheet.getMaxRows()).map((r) => [r, sheet.getRowHeight(r)]));
  const base = {
    maxRows: sheet.getMaxRows(),
    maxColumns: sheet.getMaxColumns(),
    frozenRows: sheet.getFrozenRows(),
    rows,
    columns,
    widths,
    heights,
    rules: sheet.getConditionalFormatRules(),
    protections: sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length,
    marker: owned.metadata.getValue() ?? '',
  };
  if (!rows || !columns) {
    const none = {
      values: [],
      formulas: [],
      formats: [],
      backgrounds: [],
      weights: [],
      styles: [],
      sizes: [],
      colors: [],
    };
    return { ...base, ...none, alignments: [], horizontal: [] };
  }
  const range = sheet.getRange(1, 1, rows, columns);
  return {
    ...base,
    values: range.getValues(),
    formulas: range.getFormulas(),
    formats: range.getNumberFormats(),
    backgrounds: range.getBackgrounds(),
    weights: range.getFontWeights(),
    styles: range.getFontStyles(),
    sizes: range.getFontSizes(),
    colors: range.getFontColorObjects().map((row) => row.map(hexOf)),
    alignments: range.getVerticalAlignments() as SheetState['alignments'],
    horizontal: range.getHorizontalAlignments().map((row) => row.map((a) => (/^general/i.test(a) ? null : a))),
  };
}

/**
 * Puts a sheet back as `state` records it, after a failed run: `written` is the area the run may
 * have written (cleared first), `newProtection` a protection the run added.
 */
export function restoreState(
  owned: OwnedSheet,
  state: SheetState,
  written: { rows: number; columns: number },
  newProtection: GoogleAppsScript.Spreadsheet.Protection | undefined,
): void {
  const { sheet, metadata } = owned;
  newProtection?.remove();
  const clearRows = Math.min(Math.max(written.rows, state.rows), sheet.getMaxRows());
  const clearColumns = Math.min(Math.max(written.columns, state.columns), sheet.getMaxColumns());
  if (clearRows && clearColumns) sheet.getRange(1, 1, clearRows, clearColumns).clear();
  shrink(sheet, state);
  if (state.rows && state.columns) {
    const range = sheet.getRange(1, 1, state.rows, state.columns);
    range.setValues(
      state.values.map((row, r) =>
        row.map((v, c) => state.formulas[r][c] || (typeof v === 'string' ? textCell(v) : v)),
      ),
    );
    setNumberFormats(sheet, state.formats);
    range.setBackgrounds(state.backgrounds);
    range.setFontWeights(state.weights as GoogleAppsScript.Spreadsheet.FontWeight[][]);
    range.setFontStyles(state.styles as GoogleAppsScript.Spreadsheet.FontStyle[][]);
    range.setFontSizes(state.sizes);
    range.setFontColors(state.colors);
    range.setVerticalAlignments(state.alignments);
    range.setHorizontalAlignments(state.horizontal as ('left' | 'center' | 'right' | null)[][]);
  }
  if (sheet.getFrozenRows() !== state.frozenRows) sheet.setFrozenRows(state.frozenRows);
  state.widths.forEach((width, column) => sheet.setColumnWidth(column, width));
  state.heights.forEach((height, row) => sheet.setRowHeight(row, height));
  sheet.setConditionalFormatRules(state.rules);
  metadata.setValue(state.marker);
}

/** What `getNumberFormat` returns for a cell nobody formatted (Sheets' automatic format). */
const AUTOMATIC = '0.###############';

/** Columns [start, end) of rows first … last (0-based) that share one number format. */
interface FormatBlock {
  format: string;
  start: number;
  end: number;
  first: number;
  last: number;
}

/**
 * Sets the number formats of the grid from A1, one call per distinct format (Sheets' `RangeList`):
 * cells without a format (`undefined` or the automatic pattern) are not touched, so after a clear
 * they keep Sheets' automatic format, which shows a date as a date and a number as a number. A run
 * of columns with one format that repeats on the rows below is one range (a table's column is one
 * range, not one per row).
 */
export function setNumberFormats(sheet: Sheet, formats: (string | undefined)[][]): void {
  const runs = new Map<string, string[]>();
  /** Runs still growing downwards, by columns and format. */
  const open = new Map<string, FormatBlock>();
  const close = (b: FormatBlock) =>
    runs.get(b.format)!.push(`${columnLetters(b.start + 1)}${b.first + 1}:${columnLetters(b.end)}${b.last + 1}`);
  formats.forEach((row, r) => {
    let start = 0;
    for (let c = 1; c <= row.length; c++) {
      if (c < row.length && row[c] === row[start]) continue;
      const format = row[start];
      if (format && format !== AUTOMATIC) {
        const key = `${start}:${c}:${format}`;
        const run = open.get(key);
        if (run && run.last === r - 1) run.last = r;
        else {
          if (run) close(run);
          else if (!runs.has(format)) runs.set(format, []); // the calls in the order formats first appear
          open.set(key, { format, start, end: c, first: r, last: r });
        }
      }
      start = c;
    }
  });
  open.forEach(close);
  runs.forEach((a1s, format) => sheet.getRangeList(a1s).setNumberFormat(format));
}

/** A font colour as `#rrggbb` (a theme colour, which has no fixed value, reads as black). */
function hexOf(color: GoogleAppsScript.Spreadsheet.Color): string {
  return color.getColorType() === SpreadsheetApp.ColorType.RGB ? color.asRgbColor().asHexString() : '#000000';
}

/** Removes the rows and columns a run added. */
function shrink(sheet: Sheet, state: SheetState): void {
  const extraRows = sheet.getMaxRows() - state.maxRows;
  if (extraRows > 0) sheet.deleteRows(state.maxRows + 1, extraRows);
  const extraColumns = sheet.getMaxColumns() - state.maxColumns;
  if (extraColumns > 0) sheet.deleteColumns(state.maxColumns + 1, extraColumns);
}
