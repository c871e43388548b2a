/**
 * In-memory emulator of the SpreadsheetApp surface Fideliza uses: spreadsheets, sheets and ranges
 * behaving as Google documents them (`getValues` gives `''` for blanks and `Date`s for dates,
 * `insertSheet` with a taken name throws, …). Each class implements a `Pick` of the real
 * `@types/google-apps-script` interface, so signatures match the real service; grow the picks as
 * the add-on uses more of it. Every call is counted in {@link ServiceCalls}.
 */
import { ServiceCalls } from './calls';

type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** A value a cell can hold. */
export type EmuValue = string | number | boolean | Date;

/** One cell's content and formatting. */
export interface EmuCell {
  value: EmuValue;
  formula?: string;
  numberFormat?: string;
}

/** A grid of plain values used to build a workbook: `''` or `null` for blank. */
export type SeedGrid = (EmuValue | null | undefined)[][];

const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;

/** Column letters of a 1-based column index: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** 1-based column index of column letters: A → 1, AA → 27. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Row/column bounds of an A1 reference, for a sheet of a given size. */
export interface GridRect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** Parses `A1`, `B2:D9`, `A:C` or `2:5` (sheet prefix handled by the caller). */
export function parseA1(a1: string, maxRows: number, maxColumns: number): GridRect {
  const m = /^\$?([A-Za-z]*)\$?(\d*)(?::\$?([A-Za-z]*)\$?(\d*))?$/.exec(a1.trim());
  if (!m || (!m[1] && !m[2])) throw new Error(`Range not found`);
  const [, c1, r1, c2 = c1, r2 = r1] = m;
  const startColumn = c1 ? columnIndex(c1) : 1;
  const endColumn = c2 ? columnIndex(c2) : maxColumns;
  const startRow = r1 ? Number(r1) : 1;
  const endRow = r2 ? Number(r2) : maxRows;
  const row = Math.min(startRow, endRow);
  const column = Math.min(startColumn, endColumn);
  if (row < 1 || column < 1) throw new Error('Range not found');
  return { row, column, numRows: Math.abs(endRow - startRow) + 1, numColumns: Math.abs(endColumn - startColumn) + 1 };
}

function blankCell(): EmuCell {
  return { value: '' };
}

function copyValue(value: EmuValue): EmuValue {
  return Object.prototype.toString.call(value) === '[object Date]' ? new Date((value as Date).getTime()) : value;
}

/** The emulated spreadsheet. */
export class EmuSpreadsheet implements Pick<GasSpreadsheet, 'getId' | 'getName' | 'getSpreadsheetTimeZone' | 'getSpreadsheetLocale' | 'getSheets' | 'getSheetByName' | 'getActiveSheet' | 'getRange' | 'insertSheet' | 'setSpreadsheetTimeZone' | 'setSpreadsheetLocale'> {
  readonly sheets: EmuSheet[] = [];
  private nextSheetId = 0;
  private activeSheet?: EmuSheet;

  constructor(
    readonly calls: ServiceCalls,
    private timeZone: string,
    private locale: string,
    private readonly name = 'Untitled spreadsheet',
    private readonly id = 'emulated-spreadsheet-1',
  ) {}

  getId(): string {
    this.calls.record('Spreadsheet.getId');
    return this.id;
  }

  getName(): string {
    this.calls.record('Spreadsheet.getName');
    return this.name;
  }

  getSpreadsheetTimeZone(): string {
    this.calls.record('Spreadsheet.getSpreadsheetTimeZone');
    return this.timeZone;
  }

  setSpreadsheetTimeZone(timeZone: string): GasSpreadsheet {
    this.calls.record('Spreadsheet.setSpreadsheetTimeZone');
    this.timeZone = timeZone;
    return this as unknown as GasSpreadsheet;
  }

  getSpreadsheetLocale(): string {
    this.calls.record('Spreadsheet.getSpreadsheetLocale');
    return this.locale;
  }

  setSpreadsheetLocale(locale: string): void {
    this.calls.record('Spreadsheet.setSpreadsheetLocale');
    this.locale = locale;
  }

  getSheets(): GasSheet[] {
    this.calls.record('Spreadsheet.getSheets');
    return this.sheets.slice() as unknown as GasSheet[];
  }

  getSheetByName(name: string): GasSheet | null {
    this.calls.record('Spreadsheet.getSheetByName');
    return (this.sheets.find((s) => s.name === name) ?? null) as unknown as GasSheet | null;
  }

  getActiveSheet(): GasSheet {
    this.calls.record('Spreadsheet.getActiveSheet');
    return (this.activeSheet ?? this.sheets[0]) as unknown as GasSheet;
  }

  /** `Sheet1!A1:B2` style reference, or a range of the active sheet. */
  getRange(a1Notation: string): GasRange {
    this.calls.record('Spreadsheet.getRange');
    const bang = a1Notation.lastIndexOf('!');
    let sheet = this.activeSheet ?? this.sheets[0];
    let ref = a1Notation;
    if (bang >= 0) {
      const sheetName = a1Notation.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
      const found = this.sheets.find((s) => s.name === sheetName);
      if (!found) throw new Error('Range not found');
      sheet = found;
      ref = a1Notation.slice(bang + 1);
    }
    return sheet.rangeOf(ref) as unknown as GasRange;
  }

  /** `insertSheet()`, `(name)`, `(name, index)`, `(index)`; the `options.template` forms copy nothing here. */
  insertSheet(...args: unknown[]): GasSheet {
    const [nameOrIndex, index] = args as [string | number | undefined, number | undefined];
    this.calls.record('Spreadsheet.insertSheet');
    let name = typeof nameOrIndex === 'string' ? nameOrIndex : undefined;
    const at = typeof nameOrIndex === 'number' ? nameOrIndex : index ?? this.sheets.length;
    if (name !== undefined && this.sheets.some((s) => s.name.toLowerCase() === name!.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    if (name === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheets.some((s) => s.name === `Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    const sheet = new EmuSheet(this, name, this.nextSheetId++ === 0 ? 0 : 100000 + this.nextSheetId * 7919);
    this.sheets.splice(Math.max(0, Math.min(at, this.sheets.length)), 0, sheet);
    this.activeSheet = sheet;
    return sheet as unknown as GasSheet;
  }
}

/** One sheet (tab). */
export class EmuSheet implements Pick<GasSheet, 'getName' | 'getSheetId' | 'getRange' | 'getDataRange' | 'getLastRow' | 'getLastColumn' | 'getMaxRows' | 'getMaxColumns' | 'getParent'> {
  /** Cells that hold something, by row then column (0-based). Sparse beyond the used area. */
  readonly grid: EmuCell[][] = [];
  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;

  constructor(
    readonly spreadsheet: EmuSpreadsheet,
    public name: string,
    readonly sheetId: number,
  ) {}

  private get calls(): ServiceCalls {
    return this.spreadsheet.calls;
  }

  getName(): string {
    this.calls.record('Sheet.getName');
    return this.name;
  }

  getSheetId(): number {
    this.calls.record('Sheet.getSheetId');
    return this.sheetId;
  }

  getParent(): GasSpreadsheet {
    this.calls.record('Sheet.getParent');
    return this.spreadsheet as unknown as GasSpreadsheet;
  }

  getRange(row: number, column: number): GasRange;
  getRange(row: number, column: number, numRows: number): GasRange;
  getRange(row: number, column: number, numRows: number, numColumns: number): GasRange;
  getRange(a1Notation: string): GasRange;
  getRange(rowOrA1: number | string, column?: number, numRows = 1, numColumns = 1): GasRange {
    this.calls.record('Sheet.getRange');
    if (typeof rowOrA1 === 'string') return this.rangeOf(rowOrA1) as unknown as GasRange;
    if (column === undefined) throw new Error('The parameters (number) don\'t match the method signature for SpreadsheetApp.Sheet.getRange.');
    if (rowOrA1 < 1 || column < 1) throw new Error('The starting row or column of the range is too small.');
    if (numRows < 1 || numColumns < 1) throw new Error('The number of rows or columns in the range must be at least 1.');
    return new EmuRange(this, { row: rowOrA1, column, numRows, numColumns }) as unknown as GasRange;
  }

  /** The range an A1 reference names, uncounted (the caller counted its own call). */
  rangeOf(a1: string): EmuRange {
    return new EmuRange(this, parseA1(a1, this.maxRows, this.maxColumns));
  }

  getDataRange(): GasRange {
    this.calls.record('Sheet.getDataRange');
    return new EmuRange(this, { row: 1, column: 1, numRows: Math.max(1, this.lastRow()), numColumns: Math.max(1, this.lastColumn()) }) as unknown as GasRange;
  }

  getLastRow(): number {
    this.calls.record('Sheet.getLastRow');
    return this.lastRow();
  }

  getLastColumn(): number {
    this.calls.record('Sheet.getLastColumn');
    return this.lastColumn();
  }

  getMaxRows(): number {
    this.calls.record('Sheet.getMaxRows');
    return this.maxRows;
  }

  getMaxColumns(): number {
    this.calls.record('Sheet.getMaxColumns');
    return this.maxColumns;
  }

  /** Last row holding content (0 when empty). */
  lastRow(): number {
    for (let r = this.grid.length - 1; r >= 0; r--) if (this.grid[r]?.some((c) => c && (c.value !== '' || c.formula))) return r + 1;
    return 0;
  }

  /** Last column holding content (0 when empty). */
  lastColumn(): number {
    let last = 0;
    for (const row of this.grid) {
      if (!row) continue;
      for (let c = row.length - 1; c >= last; c--) if (row[c] && (row[c].value !== '' || row[c].formula)) { last = c + 1; break; }
    }
    return last;
  }

  /** The cell at 1-based coordinates, created when `create` is set. */
  cell(row: number, column: number, create: true): EmuCell;
  cell(row: number, column: number, create?: false): EmuCell | undefined;
  cell(row: number, column: number, create = false): EmuCell | undefined {
    let line = this.grid[row - 1];
    if (!line) {
      if (!create) return undefined;
      line = this.grid[row - 1] = [];
    }
    let cell = line[column - 1];
    if (!cell && create) cell = line[column - 1] = blankCell();
    return cell;
  }

  /** Grows the sheet as Sheets does when a write goes past its edge. */
  ensureSize(rows: number, columns: number): void {
    this.maxRows = Math.max(this.maxRows, rows);
    this.maxColumns = Math.max(this.maxColumns, columns);
  }
}

/** A rectangular range of one sheet. */
export class EmuRange implements Pick<GasRange, 'getValues' | 'setValues' | 'getValue' | 'setValue' | 'getNumRows' | 'getNumColumns' | 'getRow' | 'getColumn' | 'getLastRow' | 'getLastColumn' | 'getA1Notation' | 'getSheet'> {
  constructor(
    readonly sheet: EmuSheet,
    readonly rect: GridRect,
  ) {}

  private get calls(): ServiceCalls {
    return this.sheet.spreadsheet.calls;
  }

  getValues(): any[][] {
    this.calls.record('Range.getValues');
    return this.readValues();
  }

  /** Values without counting a call (for the emulator's own use). */
  readValues(): EmuValue[][] {
    const out: EmuValue[][] = [];
    for (let r = 0; r < this.rect.numRows; r++) {
      const line: EmuValue[] = new Array(this.rect.numColumns);
      const source = this.sheet.grid[this.rect.row - 1 + r];
      for (let c = 0; c < this.rect.numColumns; c++) {
        const cell = source?.[this.rect.column - 1 + c];
        line[c] = cell ? copyValue(cell.value) : '';
      }
      out.push(line);
    }
    return out;
  }

  getValue(): any {
    this.calls.record('Range.getValue');
    const cell = this.sheet.cell(this.rect.row, this.rect.column);
    return cell ? copyValue(cell.value) : '';
  }

  setValues(values: any[][]): GasRange {
    this.calls.record('Range.setValues');
    if (!Array.isArray(values) || values.length !== this.rect.numRows || values.some((row) => !Array.isArray(row) || row.length !== this.rect.numColumns)) {
      const rows = Array.isArray(values) ? values.length : 0;
      const columns = Array.isArray(values) && Array.isArray(values[0]) ? values[0].length : 0;
      throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${rows} but the range has ${this.rect.numRows}.` + (rows === this.rect.numRows ? ` (columns: data ${columns}, range ${this.rect.numColumns})` : ''));
    }
    this.writeValues(values);
    return this as unknown as GasRange;
  }

  setValue(value: any): GasRange {
    this.calls.record('Range.setValue');
    this.writeValues([[value]], 1, 1);
    return this as unknown as GasRange;
  }

  /** Writes values without counting a call. `rows`/`columns` limit the write to the top-left part. */
  writeValues(values: unknown[][], rows = this.rect.numRows, columns = this.rect.numColumns): void {
    this.sheet.ensureSize(this.rect.row + rows - 1, this.rect.column + columns - 1);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        const cell = this.sheet.cell(this.rect.row + r, this.rect.column + c, true);
        cell.value = storedValue(values[r][c]);
        delete cell.formula;
      }
    }
  }

  getNumRows(): number {
    this.calls.record('Range.getNumRows');
    return this.rect.numRows;
  }

  getNumColumns(): number {
    this.calls.record('Range.getNumColumns');
    return this.rect.numColumns;
  }

  getRow(): number {
    this.calls.record('Range.getRow');
    return this.rect.row;
  }

  getColumn(): number {
    this.calls.record('Range.getColumn');
    return this.rect.column;
  }

  getLastRow(): number {
    this.calls.record('Range.getLastRow');
    return this.rect.row + this.rect.numRows - 1;
  }

  getLastColumn(): number {
    this.calls.record('Range.getLastColumn');
    return this.rect.column + this.rect.numColumns - 1;
  }

  getA1Notation(): string {
    this.calls.record('Range.getA1Notation');
    const start = `${columnLetters(this.rect.column)}${this.rect.row}`;
    if (this.rect.numRows === 1 && this.rect.numColumns === 1) return start;
    return `${start}:${columnLetters(this.rect.column + this.rect.numColumns - 1)}${this.rect.row + this.rect.numRows - 1}`;
  }

  getSheet(): GasSheet {
    this.calls.record('Range.getSheet');
    return this.sheet as unknown as GasSheet;
  }
}

/** What a cell keeps of a written value: `null`/`undefined` clear it. */
function storedValue(value: unknown): EmuValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (Object.prototype.toString.call(value) === '[object Date]') return new Date((value as Date).getTime());
  return String(value);
}
