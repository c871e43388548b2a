/**
 * `Range` as Apps Script documents it: values (`getValues` gives `''` for blanks, Dates for dates;
 * `setValues` reads strings as user entry, see ./entry.ts), formulas, number formats and display
 * values, backgrounds, fonts, alignment, wrap, borders, notes, merges, offsets, developer metadata
 * and protection. Grid setters check the data's shape with Google's messages. Every call is counted.
 */
import { a1OfRect, type GridRect } from './a1';
import type { ServiceCalls } from './calls';
import { EmuColor, normalizeColor } from './colors';
import { enumName } from './enums';
import { isDate, parseEntry, rawEntry, type EmuValue } from './entry';
import {
  ARBITRARY_RANGE_METADATA,
  EmuDeveloperMetadata,
  EmuDeveloperMetadataFinder,
  inRange,
  metadataArguments,
} from './metadata';
import { DEFAULT_NUMBER_FORMAT, defaultDatePattern, displayValue, valueAsRead } from './number-format';
import { EmuProtection } from './protection';
import type { EmuCell, EmuSheet } from './sheet';
import { wallClock } from './dates';

type GasRange = GoogleAppsScript.Spreadsheet.Range;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Google's message for a range that leaves the sheet. */
export const OUTSIDE_SHEET = 'The coordinates of the range are outside the dimensions of the sheet.';
/** Google's message when a merge would cut through another merge. */
export const PARTIAL_MERGE = 'You must select all cells in a merged range to merge or unmerge them.';

/** Cell properties that are formatting (cleared by `clearFormat`), as opposed to content. */
export const FORMAT_KEYS = [
  'numberFormat',
  'background',
  'fontWeight',
  'fontColor',
  'fontSize',
  'fontStyle',
  'fontFamily',
  'horizontalAlignment',
  'verticalAlignment',
  'wrap',
  'border',
] as const;

/** One side of a cell border. */
export interface BorderSide {
  color: string;
  style: string;
}

/** Whether two rectangles share a cell. */
export function intersects(a: GridRect, b: GridRect): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns
  );
}

/** Whether `inner` lies inside `outer`. */
export function contains(outer: GridRect, inner: GridRect): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.column + inner.numColumns <= outer.column + outer.numColumns
  );
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'Object[]';
  if (value === null || value === undefined) return 'null';
  return typeof value === 'string'
    ? 'String'
    : typeof value === 'number'
      ? 'number'
      : typeof value === 'boolean'
        ? 'Boolean'
        : 'Object';
}

/** A rectangular range of one sheet. */
export class EmuRange
  implements
    Pick<
      GasRange,
      | 'getValues'
      | 'setValues'
      | 'getValue'
      | 'setValue'
      | 'getDisplayValues'
      | 'getDisplayValue'
      | 'getFormula'
      | 'getFormulas'
      | 'setFormula'
      | 'setFormulas'
      | 'getNumberFormat'
      | 'getNumberFormats'
      | 'setNumberFormat'
      | 'setNumberFormats'
      | 'getBackground'
      | 'getBackgrounds'
      | 'setBackground'
      | 'setBackgrounds'
      | 'setBackgroundRGB'
      | 'getFontWeight'
      | 'getFontWeights'
      | 'setFontWeight'
      | 'setFontWeights'
      | 'getFontColorObjects'
      | 'setFontColor'
      | 'setFontColors'
      | 'getFontSize'
      | 'getFontSizes'
      | 'setFontSize'
      | 'setFontSizes'
      | 'getFontStyle'
      | 'getFontStyles'
      | 'setFontStyle'
      | 'setFontStyles'
      | 'setFontFamily'
      | 'getHorizontalAlignment'
      | 'getHorizontalAlignments'
      | 'setHorizontalAlignment'
      | 'setHorizontalAlignments'
      | 'getVerticalAlignment'
      | 'getVerticalAlignments'
      | 'setVerticalAlignment'
      | 'setVerticalAlignments'
      | 'getWrap'
      | 'getWraps'
      | 'setWrap'
      | 'setWraps'
      | 'setBorder'
      | 'getNote'
      | 'getNotes'
      | 'setNote'
      | 'setNotes'
      | 'clearNote'
      | 'merge'
      | 'mergeAcross'
      | 'mergeVertically'
      | 'breakApart'
      | 'getMergedRanges'
      | 'isPartOfMerge'
      | 'offset'
      | 'getCell'
      | 'getA1Notation'
      | 'getSheet'
      | 'getGridId'
      | 'getRow'
      | 'getColumn'
      | 'getNumRows'
      | 'getNumColumns'
      | 'getLastRow'
      | 'getLastColumn'
      | 'getHeight'
      | 'getWidth'
      | 'isBlank'
      | 'clear'
      | 'clearContent'
      | 'clearFormat'
      | 'activate'
      | 'addDeveloperMetadata'
      | 'getDeveloperMetadata'
      | 'createDeveloperMetadataFinder'
      | 'protect'
    >
{
  constructor(
    readonly sheet: EmuSheet,
    readonly rect: GridRect,
  ) {}

  private get calls(): ServiceCalls {
    return this.sheet.spreadsheet.calls;
  }

  private record(method: string): void {
    this.calls.record(`Range.${method}`);
  }

  private chain(method: string, change: () => void): GasRange {
    this.record(method);
    change();
    return this as unknown as GasRange;
  }

  /** A1 notation without counting a call. */
  a1(): string {
    return a1OfRect(this.rect);
  }

  /** The cell at a 0-based offset inside the range (created when `create`). */
  private cellAt(r: number, c: number, create: true): EmuCell;
  private cellAt(r: number, c: number, create?: false): EmuCell | undefined;
  private cellAt(r: number, c: number, create = false): EmuCell | undefined {
    return create
      ? this.sheet.cell(this.rect.row + r, this.rect.column + c, true)
      : this.sheet.cell(this.rect.row + r, this.rect.column + c);
  }

  /** A grid read cell by cell (no call counted). */
  private read<T>(get: (cell: EmuCell | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.rect.numRows; r++) {
      const source = this.sheet.grid[this.rect.row - 1 + r];
      const line: T[] = new Array(this.rect.numColumns);
      for (let c = 0; c < this.rect.numColumns; c++) line[c] = get(source?.[this.rect.column - 1 + c]);
      out.push(line);
    }
    return out;
  }

  /** Sets every cell of the range, uncounted (the counted call is the caller's: a Range or RangeList method). */
  fill(set: (cell: EmuCell) => void): void {
    this.sheet.ensureSize(this.rect.row + this.rect.numRows - 1, this.rect.column + this.rect.numColumns - 1);
    for (let r = 0; r < this.rect.numRows; r++)
      for (let c = 0; c < this.rect.numColumns; c++) set(this.cellAt(r, c, true));
  }

  /** Applies a grid of the range's shape (checked first, with Google's messages). */
  private apply<T>(method: string, values: T[][], set: (cell: EmuCell, value: T) => void): GasRange {
    this.record(method);
    this.checkShape(method, values);
    this.sheet.ensureSize(this.rect.row + this.rect.numRows - 1, this.rect.column + this.rect.numColumns - 1);
    for (let r = 0; r < this.rect.numRows; r++)
      for (let c = 0; c < this.rect.numColumns; c++) set(this.cellAt(r, c, true), values[r][c]);
    return this as unknown as GasRange;
  }

  private checkShape(method: string, values: unknown): void {
    if (!Array.isArray(values))
      throw new Error(
        `The parameters (${typeName(values)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
      );
    if (values.length !== this.rect.numRows)
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.rect.numRows}.`,
      );
    for (const row of values) {
      if (!Array.isArray(row))
        throw new Error(
          `The parameters (${typeName(values)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
        );
      if (row.length !== this.rect.numColumns)
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.rect.numColumns}.`,
        );
    }
  }

  /** Stores one user-entered value in a cell (see ./entry.ts). */
  private enter(cell: EmuCell, raw: unknown): void {
    const parsed = parseEntry(raw, cell.numberFormat, this.sheet.spreadsheet.timeZone);
    cell.value = parsed.value;
    if (parsed.formula) cell.formula = parsed.formula;
    else delete cell.formula;
    if (!cell.numberFormat) {
      if (parsed.autoFormat) cell.numberFormat = parsed.autoFormat;
      else if (isDate(parsed.value)) {
        const w = wallClock(parsed.value, this.sheet.spreadsheet.timeZone);
        cell.numberFormat = defaultDatePattern(this.sheet.spreadsheet.locale, w.hour + w.minute + w.second > 0);
      }
    }
  }

  // ---- values -------------------------------------------------------------------------------

  getValues(): any[][] {
    this.record('getValues');
    return this.readValues();
  }

  /** Values without counting a call (for the emulator's own use). */
  readValues(): EmuValue[][] {
    const { timeZone, valueTypes } = this.sheet.spreadsheet;
    return this.read((cell) => (cell ? valueAsRead(cell.value, cell.numberFormat, timeZone, valueTypes) : ''));
  }

  /** Display values without counting a call. */
  readDisplayValues(): string[][] {
    const { locale, timeZone } = this.sheet.spreadsheet;
    return this.read((cell) => (cell ? displayValue(cell.value, cell.numberFormat, locale, timeZone) : ''));
  }

  getValue(): any {
    this.record('getValue');
    const cell = this.cellAt(0, 0);
    const { timeZone, valueTypes } = this.sheet.spreadsheet;
    return cell ? valueAsRead(cell.value, cell.numberFormat, timeZone, valueTypes) : '';
  }

  setValues(values: any[][]): GasRange {
    return this.apply('setValues', values, (cell, value) => this.enter(cell, value));
  }

  /** `setValues` without counting a call (for other emulated methods such as `Sheet.appendRow`). */
  enterValues(values: unknown[][]): void {
    this.checkShape('setValues', values);
    this.sheet.ensureSize(this.rect.row + this.rect.numRows - 1, this.rect.column + this.rect.numColumns - 1);
    for (let r = 0; r < this.rect.numRows; r++)
      for (let c = 0; c < this.rect.numColumns; c++) this.enter(this.cellAt(r, c, true), values[r][c]);
  }

  /** Sets every cell of the range to the value (read as user entry). */
  setValue(value: any): GasRange {
    return this.chain('setValue', () => this.fill((cell) => this.enter(cell, value)));
  }

  /** Writes values as they are, without counting a call or parsing (test set-up). `rows`/`columns` limit the write to the top-left part. */
  writeValues(values: unknown[][], rows = this.rect.numRows, columns = this.rect.numColumns): void {
    this.sheet.ensureSize(this.rect.row + rows - 1, this.rect.column + columns - 1);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        const cell = this.cellAt(r, c, true);
        cell.value = rawEntry(values[r][c]);
        delete cell.formula;
      }
    }
  }

  getDisplayValues(): string[][] {
    this.record('getDisplayValues');
    return this.readDisplayValues();
  }

  getDisplayValue(): string {
    this.record('getDisplayValue');
    return this.readDisplayValues()[0][0];
  }

  isBlank(): boolean {
    this.record('isBlank');
    return this.read((cell) => !cell || (cell.value === '' && !cell.formula)).every((row) => row.every(Boolean));
  }

  // ---- formulas -----------------------------------------------------------------------------

  getFormula(): string {
    this.record('getFormula');
    return this.cellAt(0, 0)?.formula ?? '';
  }

  getFormulas(): string[][] {
    this.record('getFormulas');
    return this.read((cell) => cell?.formula ?? '');
  }

  /** Sets the same formula in every cell (relative references are not adjusted by the emulator). */
  setFormula(formula: string): GasRange {
    return this.chain('setFormula', () =>
      this.fill((cell) => this.enter(cell, String(formula).startsWith('=') ? formula : `=${formula}`)),
    );
  }

  setFormulas(formulas: string[][]): GasRange {
    return this.apply('setFormulas', formulas, (cell, formula) =>
      this.enter(cell, formula === '' ? '' : String(formula).startsWith('=') ? formula : `=${formula}`),
    );
  }

  // ---- number formats -----------------------------------------------------------------------

  getNumberFormat(): string {
    this.record('getNumberFormat');
    return this.cellAt(0, 0)?.numberFormat ?? DEFAULT_NUMBER_FORMAT;
  }

  getNumberFormats(): string[][] {
    this.record('getNumberFormats');
    return this.read((cell) => cell?.numberFormat ?? DEFAULT_NUMBER_FORMAT);
  }

  setNumberFormat(numberFormat: string): GasRange {
    return this.chain('setNumberFormat', () =>
      this.fill((cell) => {
        cell.numberFormat = String(numberFormat);
      }),
    );
  }

  setNumberFormats(numberFormats: string[][]): GasRange {
    return this.apply('setNumberFormats', numberFormats, (cell, format) => {
      cell.numberFormat = String(format);
    });
  }

  // ---- colours and fonts --------------------------------------------------------------------

  getBackground(): string {
    this.record('getBackground');
    return this.cellAt(0, 0)?.background ?? '#ffffff';
  }

  getBackgrounds(): string[][] {
    this.record('getBackgrounds');
    return this.read((cell) => cell?.background ?? '#ffffff');
  }

  setBackground(color: string | null): GasRange {
    return this.chain('setBackground', () =>
      this.fill((cell) =>
        setOrDelete(cell, 'background', color === null ? undefined : normalizeColor(color, '#ffffff'), '#ffffff'),
      ),
    );
  }

  setBackgrounds(color: string[][]): GasRange {
    return this.apply('setBackgrounds', color, (cell, c) =>
      setOrDelete(cell, 'background', c === null ? undefined : normalizeColor(c, '#ffffff'), '#ffffff'),
    );
  }

  setBackgroundRGB(red: number, green: number, blue: number): GasRange {
    const hex = `#${[red, green, blue]
      .map((n) =>
        Math.max(0, Math.min(255, Math.round(n)))
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')}`;
    return this.chain('setBackgroundRGB', () => this.fill((cell) => setOrDelete(cell, 'background', hex, '#ffffff')));
  }

  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    this.record('getFontWeight');
    return (this.cellAt(0, 0)?.fontWeight ?? 'normal') as GoogleAppsScript.Spreadsheet.FontWeight;
  }

  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    this.record('getFontWeights');
    return this.read((cell) => (cell?.fontWeight ?? 'normal') as GoogleAppsScript.Spreadsheet.FontWeight);
  }

  setFontWeight(fontWeight: 'bold' | 'normal' | null): GasRange {
    return this.chain('setFontWeight', () =>
      this.fill((cell) => setOrDelete(cell, 'fontWeight', fontWeight ?? undefined, 'normal')),
    );
  }

  setFontWeights(fontWeights: any[][]): GasRange {
    return this.apply('setFontWeights', fontWeights, (cell, w) =>
      setOrDelete(cell, 'fontWeight', w ?? undefined, 'normal'),
    );
  }

  setFontColor(color: string | null): GasRange {
    return this.chain('setFontColor', () =>
      this.fill((cell) =>
        setOrDelete(cell, 'fontColor', color === null ? undefined : normalizeColor(color, '#000000'), '#000000'),
      ),
    );
  }

  /** Font colours as `Color` objects (RGB; black by default). */
  getFontColorObjects(): GoogleAppsScript.Spreadsheet.Color[][] {
    this.record('getFontColorObjects');
    return this.read(
      (cell) => new EmuColor(cell?.fontColor ?? '#000000') as unknown as GoogleAppsScript.Spreadsheet.Color,
    );
  }

  setFontColors(colors: any[][]): GasRange {
    return this.apply('setFontColors', colors, (cell, c) =>
      setOrDelete(cell, 'fontColor', c === null ? undefined : normalizeColor(String(c), '#000000'), '#000000'),
    );
  }

  getFontSize(): number {
    this.record('getFontSize');
    return this.cellAt(0, 0)?.fontSize ?? 10;
  }

  getFontSizes(): number[][] {
    this.record('getFontSizes');
    return this.read((cell) => cell?.fontSize ?? 10);
  }

  setFontSize(size: number): GasRange {
    return this.chain('setFontSize', () => this.fill((cell) => setOrDelete(cell, 'fontSize', size, 10)));
  }

  setFontSizes(sizes: any[][]): GasRange {
    return this.apply('setFontSizes', sizes, (cell, size) => setOrDelete(cell, 'fontSize', size ?? undefined, 10));
  }

  getFontStyle(): GoogleAppsScript.Spreadsheet.FontStyle {
    this.record('getFontStyle');
    return (this.cellAt(0, 0)?.fontStyle ?? 'normal') as GoogleAppsScript.Spreadsheet.FontStyle;
  }

  getFontStyles(): GoogleAppsScript.Spreadsheet.FontStyle[][] {
    this.record('getFontStyles');
    return this.read((cell) => (cell?.fontStyle ?? 'normal') as GoogleAppsScript.Spreadsheet.FontStyle);
  }

  setFontStyle(fontStyle: 'italic' | 'normal' | null): GasRange {
    return this.chain('setFontStyle', () =>
      this.fill((cell) => setOrDelete(cell, 'fontStyle', fontStyle ?? undefined, 'normal')),
    );
  }

  setFontStyles(fontStyles: any[][]): GasRange {
    return this.apply('setFontStyles', fontStyles, (cell, s) =>
      setOrDelete(cell, 'fontStyle', s ?? undefined, 'normal'),
    );
  }

  setFontFamily(fontFamily: string | null): GasRange {
    return this.chain('setFontFamily', () =>
      this.fill((cell) => setOrDelete(cell, 'fontFamily', fontFamily ?? undefined, 'Arial')),
    );
  }

  // ---- alignment, wrap, borders, notes ------------------------------------------------------

  getHorizontalAlignment(): string {
    this.record('getHorizontalAlignment');
    return this.cellAt(0, 0)?.horizontalAlignment ?? 'general';
  }

  getHorizontalAlignments(): string[][] {
    this.record('getHorizontalAlignments');
    return this.read((cell) => cell?.horizontalAlignment ?? 'general');
  }

  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): GasRange {
    return this.chain('setHorizontalAlignment', () =>
      this.fill((cell) =>
        setOrDelete(
          cell,
          'horizontalAlignment',
          alignment === null || alignment === 'normal' ? undefined : alignment,
          'general',
        ),
      ),
    );
  }

  setHorizontalAlignments(alignments: any[][]): GasRange {
    return this.apply('setHorizontalAlignments', alignments, (cell, a) =>
      setOrDelete(cell, 'horizontalAlignment', a === null || a === 'normal' ? undefined : a, 'general'),
    );
  }

  /** Vertical alignments are `bottom` by default, as in Sheets. */
  getVerticalAlignment(): string {
    this.record('getVerticalAlignment');
    return this.cellAt(0, 0)?.verticalAlignment ?? 'bottom';
  }

  getVerticalAlignments(): string[][] {
    this.record('getVerticalAlignments');
    return this.read((cell) => cell?.verticalAlignment ?? 'bottom');
  }

  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): GasRange {
    return this.chain('setVerticalAlignment', () =>
      this.fill((cell) => setOrDelete(cell, 'verticalAlignment', alignment ?? undefined, 'bottom')),
    );
  }

  setVerticalAlignments(alignments: any[][]): GasRange {
    return this.apply('setVerticalAlignments', alignments, (cell, a) =>
      setOrDelete(cell, 'verticalAlignment', a ?? undefined, 'bottom'),
    );
  }

  /** Wrap is off by default (Sheets' default wrap strategy is OVERFLOW). */
  getWrap(): boolean {
    this.record('getWrap');
    return this.cellAt(0, 0)?.wrap ?? false;
  }

  getWraps(): boolean[][] {
    this.record('getWraps');
    return this.read((cell) => cell?.wrap ?? false);
  }

  setWrap(isWrapEnabled: boolean): GasRange {
    return this.chain('setWrap', () => this.fill((cell) => setOrDelete(cell, 'wrap', Boolean(isWrapEnabled), false)));
  }

  setWraps(isWrapEnabled: any[][]): GasRange {
    return this.apply('setWraps', isWrapEnabled, (cell, w) => setOrDelete(cell, 'wrap', Boolean(w), false));
  }

  /**
   * `setBorder(top, left, bottom, right, vertical, horizontal[, color, style])`: `true` draws,
   * `false` removes, `null` leaves a side unchanged; `vertical`/`horizontal` are the inner lines.
   */
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string | null,
    style?: GoogleAppsScript.Spreadsheet.BorderStyle | null,
  ): GasRange {
    const side: BorderSide = {
      color: normalizeColor(color ?? null, '#000000'),
      style: style ? enumName(style) : 'SOLID',
    };
    const lastRow = this.rect.numRows - 1;
    const lastColumn = this.rect.numColumns - 1;
    return this.chain('setBorder', () => {
      for (let r = 0; r <= lastRow; r++) {
        for (let c = 0; c <= lastColumn; c++) {
          const cell = this.cellAt(r, c, true);
          const border = { ...(cell.border ?? {}) };
          const sides: [keyof typeof border, boolean | null][] = [
            ['top', r === 0 ? top : horizontal],
            ['bottom', r === lastRow ? bottom : horizontal],
            ['left', c === 0 ? left : vertical],
            ['right', c === lastColumn ? right : vertical],
          ];
          for (const [name, on] of sides) {
            if (on === true) border[name] = { ...side };
            else if (on === false) delete border[name];
          }
          if (Object.keys(border).length) cell.border = border;
          else delete cell.border;
        }
      }
    });
  }

  getNote(): string {
    this.record('getNote');
    return this.cellAt(0, 0)?.note ?? '';
  }

  getNotes(): string[][] {
    this.record('getNotes');
    return this.read((cell) => cell?.note ?? '');
  }

  setNote(note: string | null): GasRange {
    return this.chain('setNote', () =>
      this.fill((cell) => setOrDelete(cell, 'note', note === null ? undefined : String(note), '')),
    );
  }

  setNotes(notes: any[][]): GasRange {
    return this.apply('setNotes', notes, (cell, n) =>
      setOrDelete(cell, 'note', n === null ? undefined : String(n), ''),
    );
  }

  clearNote(): GasRange {
    return this.chain('clearNote', () =>
      this.each((cell) => {
        delete cell.note;
      }),
    );
  }

  // ---- clearing -----------------------------------------------------------------------------

  private each(change: (cell: EmuCell) => void): void {
    for (let r = 0; r < this.rect.numRows; r++) {
      const line = this.sheet.grid[this.rect.row - 1 + r];
      if (!line) continue;
      for (let c = 0; c < this.rect.numColumns; c++) {
        const cell = line[this.rect.column - 1 + c];
        if (cell) change(cell);
      }
    }
  }

  /** `clear()` clears content and formats; `clear({contentsOnly})`, `clear({formatOnly})` one of them. */
  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): GasRange {
    const contents =
      !options || options.contentsOnly || (!options.formatOnly && !options.commentsOnly && !options.validationsOnly);
    const formats =
      !options || options.formatOnly || (!options.contentsOnly && !options.commentsOnly && !options.validationsOnly);
    return this.chain('clear', () => this.clearCells(Boolean(contents), Boolean(formats)));
  }

  /** Clears content and/or formats without counting a call. */
  clearCells(contents: boolean, formats: boolean): void {
    this.each((cell) => {
      if (contents) clearContent(cell);
      if (formats) clearFormat(cell);
    });
  }

  clearContent(): GasRange {
    return this.chain('clearContent', () => this.each(clearContent));
  }

  clearFormat(): GasRange {
    return this.chain('clearFormat', () => this.each(clearFormat));
  }

  // ---- merges -------------------------------------------------------------------------------

  private mergeRects(method: string, rects: GridRect[]): GasRange {
    return this.chain(method, () => {
      for (const rect of rects) {
        if (rect.numRows * rect.numColumns < 2) continue;
        const merges = this.sheet.merges;
        if (merges.some((m) => intersects(m, rect) && !contains(rect, m))) throw new Error(PARTIAL_MERGE);
        for (let i = merges.length - 1; i >= 0; i--) if (contains(rect, merges[i])) merges.splice(i, 1);
        merges.push({ row: rect.row, column: rect.column, numRows: rect.numRows, numColumns: rect.numColumns });
        for (let r = 0; r < rect.numRows; r++)
          for (let c = 0; c < rect.numColumns; c++) {
            if (r === 0 && c === 0) continue;
            const cell = this.sheet.cell(rect.row + r, rect.column + c);
            if (cell) clearContent(cell);
          }
      }
    });
  }

  /** Merges the range into one cell, keeping the top-left value (as Sheets does). */
  merge(): GasRange {
    return this.mergeRects('merge', [this.rect]);
  }

  mergeAcross(): GasRange {
    return this.mergeRects(
      'mergeAcross',
      Array.from({ length: this.rect.numRows }, (_, r) => ({
        row: this.rect.row + r,
        column: this.rect.column,
        numRows: 1,
        numColumns: this.rect.numColumns,
      })),
    );
  }

  mergeVertically(): GasRange {
    return this.mergeRects(
      'mergeVertically',
      Array.from({ length: this.rect.numColumns }, (_, c) => ({
        row: this.rect.row,
        column: this.rect.column + c,
        numRows: this.rect.numRows,
        numColumns: 1,
      })),
    );
  }

  breakApart(): GasRange {
    return this.chain('breakApart', () => {
      const merges = this.sheet.merges;
      if (merges.some((m) => intersects(m, this.rect) && !contains(this.rect, m))) throw new Error(PARTIAL_MERGE);
      for (let i = merges.length - 1; i >= 0; i--) if (intersects(merges[i], this.rect)) merges.splice(i, 1);
    });
  }

  getMergedRanges(): GasRange[] {
    this.record('getMergedRanges');
    return this.sheet.merges
      .filter((m) => intersects(m, this.rect))
      .map((m) => new EmuRange(this.sheet, { ...m }) as unknown as GasRange);
  }

  isPartOfMerge(): boolean {
    this.record('isPartOfMerge');
    return this.sheet.merges.some((m) => intersects(m, this.rect));
  }

  // ---- geometry -----------------------------------------------------------------------------

  /** `offset(rowOffset, columnOffset[, numRows[, numColumns]])`: the size defaults to this range's. */
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GasRange {
    this.record('offset');
    const rect = {
      row: this.rect.row + rowOffset,
      column: this.rect.column + columnOffset,
      numRows: numRows ?? this.rect.numRows,
      numColumns: numColumns ?? this.rect.numColumns,
    };
    return this.sheet.checkedRange(rect) as unknown as GasRange;
  }

  /** A cell of the range, 1-based relative to its top-left corner. */
  getCell(row: number, column: number): GasRange {
    this.record('getCell');
    if (row < 1 || column < 1 || row > this.rect.numRows || column > this.rect.numColumns)
      throw new Error('Cell reference out of range');
    return new EmuRange(this.sheet, {
      row: this.rect.row + row - 1,
      column: this.rect.column + column - 1,
      numRows: 1,
      numColumns: 1,
    }) as unknown as GasRange;
  }

  getA1Notation(): string {
    this.record('getA1Notation');
    return this.a1();
  }

  getSheet(): GasSheet {
    this.record('getSheet');
    return this.sheet as unknown as GasSheet;
  }

  getGridId(): number {
    this.record('getGridId');
    return this.sheet.sheetId;
  }

  getRow(): number {
    this.record('getRow');
    return this.rect.row;
  }

  getColumn(): number {
    this.record('getColumn');
    return this.rect.column;
  }

  getNumRows(): number {
    this.record('getNumRows');
    return this.rect.numRows;
  }

  getNumColumns(): number {
    this.record('getNumColumns');
    return this.rect.numColumns;
  }

  getHeight(): number {
    this.record('getHeight');
    return this.rect.numRows;
  }

  getWidth(): number {
    this.record('getWidth');
    return this.rect.numColumns;
  }

  getLastRow(): number {
    this.record('getLastRow');
    return this.rect.row + this.rect.numRows - 1;
  }

  getLastColumn(): number {
    this.record('getLastColumn');
    return this.rect.column + this.rect.numColumns - 1;
  }

  activate(): GasRange {
    return this.chain('activate', () => this.sheet.spreadsheet.activate(this.sheet));
  }

  // ---- developer metadata and protection ----------------------------------------------------

  /** Only on an entire single row or column (Google's message otherwise). */
  addDeveloperMetadata(...args: unknown[]): GasRange {
    this.record('addDeveloperMetadata');
    const { key, value, visibility } = metadataArguments(args);
    const wholeRow =
      this.rect.numRows === 1 && this.rect.column === 1 && this.rect.numColumns === this.sheet.maxColumns;
    const wholeColumn = this.rect.numColumns === 1 && this.rect.row === 1 && this.rect.numRows === this.sheet.maxRows;
    if (!wholeRow && !wholeColumn) throw new Error(ARBITRARY_RANGE_METADATA);
    const spreadsheet = this.sheet.spreadsheet;
    spreadsheet.metadata.push({
      id: spreadsheet.newMetadataId(),
      key,
      value,
      visibility,
      location: wholeRow
        ? { type: 'ROW', sheet: this.sheet, index: this.rect.row }
        : { type: 'COLUMN', sheet: this.sheet, index: this.rect.column },
    });
    return this as unknown as GasRange;
  }

  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    this.record('getDeveloperMetadata');
    const spreadsheet = this.sheet.spreadsheet;
    return spreadsheet.metadata
      .filter((e) => inRange(e, this, false))
      .map(
        (e) => new EmuDeveloperMetadata(spreadsheet, e) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadata,
      );
  }

  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    this.record('createDeveloperMetadataFinder');
    return new EmuDeveloperMetadataFinder(this.sheet.spreadsheet, (e, intersecting) =>
      inRange(e, this, intersecting),
    ) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.record('protect');
    const protection = new EmuProtection(this.calls, this.sheet, 'RANGE', this);
    this.sheet.protections.push(protection);
    return protection as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }
}

/** Sets a formatting property, or removes it when it is `undefined` or the default. */
function setOrDelete<K extends keyof EmuCell>(
  cell: EmuCell,
  key: K,
  value: EmuCell[K] | undefined,
  fallback: EmuCell[K],
): void {
  if (value === undefined || value === fallback) delete cell[key];
  else cell[key] = value;
}

function clearContent(cell: EmuCell): void {
  cell.value = '';
  delete cell.formula;
}

function clearFormat(cell: EmuCell): void {
  for (const key of FORMAT_KEYS) delete cell[key];
}
