/**
 * `Sheet` as Apps Script documents it: name (unique, case-insensitively), a stable unique sheet id,
 * a 1000 × 26 grid that grows with `insertRows…`/`insertColumns…`, ranges by A1 or row/column
 * (outside the grid: Google's "The coordinates of the range are outside the dimensions of the
 * sheet."), clearing, frozen rows/columns, sizes, gridlines, tab colour, embedded charts,
 * conditional format rules, developer metadata and protections. Every call is counted.
 */
import { a1OfRect, parseA1, splitSheetReference, type GridRect } from './a1';
import type { ServiceCalls } from './calls';
import {
  chartSpec,
  copyChartState,
  EmuEmbeddedChart,
  EmuEmbeddedChartBuilder,
  newChartState,
  type ChartSpec,
  type ChartState,
} from './charts';
import { normalizeColor } from './colors';
import { EmuConditionalFormatRule } from './conditional-format';
import { ProtectionType, enumName } from './enums';
import type { EmuValue } from './entry';
import { EmuDeveloperMetadata, EmuDeveloperMetadataFinder, metadataArguments, onSheet } from './metadata';
import { EmuProtection } from './protection';
import { EmuRange, OUTSIDE_SHEET, type BorderSide } from './range';
import { EmuRangeList } from './range-list';
import type { EmuSpreadsheet } from './spreadsheet';

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** One cell's content and formatting (absent properties have Sheets' defaults). */
export interface EmuCell {
  value: EmuValue;
  formula?: string;
  numberFormat?: string;
  background?: string;
  fontWeight?: string;
  fontColor?: string;
  fontSize?: number;
  fontStyle?: string;
  fontFamily?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrap?: boolean;
  border?: { top?: BorderSide; bottom?: BorderSide; left?: BorderSide; right?: BorderSide };
  note?: string;
}

/** Size of a new sheet, and Sheets' default column width / row height in pixels. */
export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;
export const DEFAULT_ROW_HEIGHT = 21;
/** Sheets' cell limit per spreadsheet and its message. */
export const CELL_LIMIT = 10_000_000;
const CELL_LIMIT_MESSAGE = `This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT} cells.`;

/** One sheet (tab). */
export class EmuSheet
  implements
    Pick<
      GasSheet,
      | 'getName'
      | 'setName'
      | 'getSheetName'
      | 'getSheetId'
      | 'getParent'
      | 'getIndex'
      | 'activate'
      | 'getRange'
      | 'getDataRange'
      | 'getRangeList'
      | 'getLastRow'
      | 'getLastColumn'
      | 'getMaxRows'
      | 'getMaxColumns'
      | 'getSheetValues'
      | 'appendRow'
      | 'insertRows'
      | 'insertRowsAfter'
      | 'insertRowsBefore'
      | 'insertRowAfter'
      | 'insertRowBefore'
      | 'insertColumns'
      | 'insertColumnsAfter'
      | 'insertColumnsBefore'
      | 'insertColumnAfter'
      | 'insertColumnBefore'
      | 'deleteRows'
      | 'deleteRow'
      | 'deleteColumns'
      | 'deleteColumn'
      | 'clear'
      | 'clearContents'
      | 'clearFormats'
      | 'clearNotes'
      | 'clearConditionalFormatRules'
      | 'getConditionalFormatRules'
      | 'setConditionalFormatRules'
      | 'setFrozenRows'
      | 'setFrozenColumns'
      | 'getFrozenRows'
      | 'getFrozenColumns'
      | 'setColumnWidth'
      | 'setColumnWidths'
      | 'getColumnWidth'
      | 'setRowHeight'
      | 'setRowHeights'
      | 'getRowHeight'
      | 'autoResizeColumn'
      | 'autoResizeColumns'
      | 'setHiddenGridlines'
      | 'hasHiddenGridlines'
      | 'setTabColor'
      | 'getTabColor'
      | 'hideSheet'
      | 'showSheet'
      | 'isSheetHidden'
      | 'getCharts'
      | 'insertChart'
      | 'removeChart'
      | 'updateChart'
      | 'newChart'
      | 'addDeveloperMetadata'
      | 'getDeveloperMetadata'
      | 'createDeveloperMetadataFinder'
      | 'protect'
      | 'getProtections'
    >
{
  /** Cells that hold something, by row then column (0-based). Sparse beyond the used area. */
  readonly grid: EmuCell[][] = [];
  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;
  frozenRows = 0;
  frozenColumns = 0;
  readonly columnWidths = new Map<number, number | 'auto'>();
  readonly rowHeights = new Map<number, number>();
  hiddenGridlines = false;
  tabColor: string | null = null;
  hidden = false;
  readonly merges: GridRect[] = [];
  readonly charts: ChartState[] = [];
  conditionalFormatRules: EmuConditionalFormatRule[] = [];
  readonly protections: EmuProtection[] = [];

  constructor(
    readonly spreadsheet: EmuSpreadsheet,
    public name: string,
    readonly sheetId: number,
  ) {}

  private get calls(): ServiceCalls {
    return this.spreadsheet.calls;
  }

  private record(method: string): void {
    this.calls.record(`Sheet.${method}`);
  }

  private chain(method: string, change: () => void): GasSheet {
    this.record(method);
    change();
    return this as unknown as GasSheet;
  }

  getName(): string {
    this.record('getName');
    return this.name;
  }

  getSheetName(): string {
    this.record('getSheetName');
    return this.name;
  }

  /** Renames; a name another sheet has (case-insensitively) throws Google's message. */
  setName(name: string): GasSheet {
    return this.chain('setName', () => {
      this.spreadsheet.checkNewName(String(name), this);
      this.name = String(name);
    });
  }

  getSheetId(): number {
    this.record('getSheetId');
    return this.sheetId;
  }

  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.record('getParent');
    return this.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  }

  /** 1-based position among the tabs. */
  getIndex(): number {
    this.record('getIndex');
    return this.spreadsheet.sheets.indexOf(this) + 1;
  }

  activate(): GasSheet {
    return this.chain('activate', () => this.spreadsheet.activate(this));
  }

  // ---- ranges -------------------------------------------------------------------------------

  getRange(row: number, column: number): GasRange;
  getRange(row: number, column: number, numRows: number): GasRange;
  getRange(row: number, column: number, numRows: number, numColumns: number): GasRange;
  getRange(a1Notation: string): GasRange;
  getRange(rowOrA1: number | string, column?: number, numRows = 1, numColumns = 1): GasRange {
    this.record('getRange');
    if (typeof rowOrA1 === 'string') {
      const { sheetName, a1 } = splitSheetReference(rowOrA1);
      const sheet = sheetName === undefined ? this : this.spreadsheet.sheets.find((s) => s.name === sheetName);
      if (!sheet) throw new Error('Range not found');
      return sheet.checkedRange(parseA1(a1, sheet.maxRows, sheet.maxColumns)) as unknown as GasRange;
    }
    if (column === undefined)
      throw new Error("The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    return this.checkedRange({ row: rowOrA1, column, numRows, numColumns }) as unknown as GasRange;
  }

  /** A range checked against the grid with Google's messages. */
  checkedRange(rect: GridRect): EmuRange {
    if (rect.row < 1) throw new Error('The starting row of the range is too small.');
    if (rect.column < 1) throw new Error('The starting column of the range is too small.');
    if (rect.numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (rect.numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (rect.row + rect.numRows - 1 > this.maxRows || rect.column + rect.numColumns - 1 > this.maxColumns)
      throw new Error(OUTSIDE_SHEET);
    return new EmuRange(this, rect);
  }

  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    this.record('getRangeList');
    return new EmuRangeList(this, a1Notations) as unknown as GoogleAppsScript.Spreadsheet.RangeList;
  }

  /** The range an A1 reference names, uncounted and unchecked (test helper: the grid grows on write). */
  rangeOf(a1: string): EmuRange {
    return new EmuRange(this, parseA1(a1, this.maxRows, this.maxColumns));
  }

  getDataRange(): GasRange {
    this.record('getDataRange');
    return new EmuRange(this, {
      row: 1,
      column: 1,
      numRows: Math.max(1, this.lastRow()),
      numColumns: Math.max(1, this.lastColumn()),
    }) as unknown as GasRange;
  }

  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): any[][] {
    this.record('getSheetValues');
    const rows = numRows === -1 ? Math.max(0, this.lastRow() - startRow + 1) : numRows;
    const columns = numColumns === -1 ? Math.max(0, this.lastColumn() - startColumn + 1) : numColumns;
    if (!rows || !columns) return [];
    return this.checkedRange({ row: startRow, column: startColumn, numRows: rows, numColumns: columns }).readValues();
  }

  /** Appends a row after the last row with content (values read as user entry). */
  appendRow(rowContents: any[]): GasSheet {
    return this.chain('appendRow', () => {
      const row = this.lastRow() + 1;
      this.ensureSize(row, rowContents.length);
      new EmuRange(this, { row, column: 1, numRows: 1, numColumns: rowContents.length }).enterValues([rowContents]);
    });
  }

  getLastRow(): number {
    this.record('getLastRow');
    return this.lastRow();
  }

  getLastColumn(): number {
    this.record('getLastColumn');
    return this.lastColumn();
  }

  getMaxRows(): number {
    this.record('getMaxRows');
    return this.maxRows;
  }

  getMaxColumns(): number {
    this.record('getMaxColumns');
    return this.maxColumns;
  }

  /** Last row holding content (0 when empty). */
  lastRow(): number {
    for (let r = this.grid.length - 1; r >= 0; r--)
      if (this.grid[r]?.some((c) => c && (c.value !== '' || c.formula))) return r + 1;
    return 0;
  }

  /** Last column holding content (0 when empty). */
  lastColumn(): number {
    let last = 0;
    for (const row of this.grid) {
      if (!row) continue;
      for (let c = row.length - 1; c >= last; c--)
        if (row[c] && (row[c].value !== '' || row[c].formula)) {
          last = c + 1;
          break;
        }
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
    if (!cell && create) cell = line[column - 1] = { value: '' };
    return cell;
  }

  /** Grows the grid (test set-up writes past the edge; the add-on's ranges are checked instead). */
  ensureSize(rows: number, columns: number): void {
    this.maxRows = Math.max(this.maxRows, rows);
    this.maxColumns = Math.max(this.maxColumns, columns);
  }

  // ---- inserting and deleting rows and columns ----------------------------------------------

  /** Inserts (`count` > 0) or deletes (`count` < 0) rows or columns at 1-based `at`, moving what follows. */
  private shift(dimension: 'row' | 'column', at: number, count: number): void {
    const rows = dimension === 'row';
    const max = rows ? this.maxRows : this.maxColumns;
    const grown = rows ? (this.maxRows + count) * this.maxColumns : this.maxRows * (this.maxColumns + count);
    if (count > 0 && this.spreadsheet.cellCount() - this.maxRows * this.maxColumns + grown > CELL_LIMIT)
      throw new Error(CELL_LIMIT_MESSAGE);
    if (at < 1 || (count > 0 ? at > max + 1 : at - count - 1 > max)) throw new Error(OUTSIDE_SHEET);
    const index = at - 1;
    if (rows) {
      if (count > 0) {
        if (this.grid.length > index) this.grid.splice(index, 0, ...new Array<EmuCell[]>(count));
      } else this.grid.splice(index, -count);
      this.maxRows += count;
    } else {
      for (const line of this.grid) {
        if (!line) continue;
        if (count > 0) {
          if (line.length > index) line.splice(index, 0, ...new Array<EmuCell>(count));
        } else line.splice(index, -count);
      }
      this.maxColumns += count;
    }
    const start = rows ? 'row' : 'column';
    const size = rows ? 'numRows' : 'numColumns';
    for (let i = this.merges.length - 1; i >= 0; i--) {
      const m = this.merges[i];
      const end = m[start] + m[size] - 1;
      if (count > 0) {
        if (m[start] >= at) m[start] += count;
        else if (end >= at) m[size] += count;
      } else if (end >= at) {
        const deletedEnd = at - count - 1;
        if (m[start] > deletedEnd) m[start] += count;
        else this.merges.splice(i, 1);
      }
    }
    const metadata = this.spreadsheet.metadata;
    for (let i = metadata.length - 1; i >= 0; i--) {
      const { location } = metadata[i];
      if (location.sheet !== this || location.type !== (rows ? 'ROW' : 'COLUMN')) continue;
      if (count < 0 && location.index! >= at && location.index! <= at - count - 1) metadata.splice(i, 1);
      else if (location.index! >= at) location.index! += count;
    }
    const sizes = (rows ? this.rowHeights : this.columnWidths) as Map<number, unknown>;
    const entries = [...sizes.entries()];
    sizes.clear();
    for (const [k, v] of entries) {
      if (count < 0 && k >= at && k <= at - count - 1) continue;
      sizes.set(k >= at ? k + count : k, v);
    }
  }

  insertRows(rowIndex: number, numRows = 1): void {
    this.record('insertRows');
    this.shift('row', rowIndex, numRows);
  }

  insertRowsAfter(afterPosition: number, howMany: number): GasSheet {
    return this.chain('insertRowsAfter', () => this.shift('row', afterPosition + 1, howMany));
  }

  insertRowsBefore(beforePosition: number, howMany: number): GasSheet {
    return this.chain('insertRowsBefore', () => this.shift('row', beforePosition, howMany));
  }

  insertRowAfter(afterPosition: number): GasSheet {
    return this.chain('insertRowAfter', () => this.shift('row', afterPosition + 1, 1));
  }

  insertRowBefore(beforePosition: number): GasSheet {
    return this.chain('insertRowBefore', () => this.shift('row', beforePosition, 1));
  }

  insertColumns(columnIndex: number, numColumns = 1): void {
    this.record('insertColumns');
    this.shift('column', columnIndex, numColumns);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): GasSheet {
    return this.chain('insertColumnsAfter', () => this.shift('column', afterPosition + 1, howMany));
  }

  insertColumnsBefore(beforePosition: number, howMany: number): GasSheet {
    return this.chain('insertColumnsBefore', () => this.shift('column', beforePosition, howMany));
  }

  insertColumnAfter(afterPosition: number): GasSheet {
    return this.chain('insertColumnAfter', () => this.shift('column', afterPosition + 1, 1));
  }

  insertColumnBefore(beforePosition: number): GasSheet {
    return this.chain('insertColumnBefore', () => this.shift('column', beforePosition, 1));
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.record('deleteRows');
    this.shift('row', rowPosition, -howMany);
  }

  deleteRow(rowPosition: number): GasSheet {
    return this.chain('deleteRow', () => this.shift('row', rowPosition, -1));
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.record('deleteColumns');
    this.shift('column', columnPosition, -howMany);
  }

  deleteColumn(columnPosition: number): GasSheet {
    return this.chain('deleteColumn', () => this.shift('column', columnPosition, -1));
  }

  // ---- clearing -----------------------------------------------------------------------------

  private whole(): EmuRange {
    return new EmuRange(this, { row: 1, column: 1, numRows: this.maxRows, numColumns: this.maxColumns });
  }

  /** `clear()` content and formats, `clear({contentsOnly})` or `clear({formatOnly})`. Merges, charts, rules stay. */
  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): GasSheet {
    return this.chain('clear', () => {
      const contents = !options || options.contentsOnly || !options.formatOnly;
      const formats = !options || options.formatOnly || !options.contentsOnly;
      this.whole().clearCells(Boolean(contents), Boolean(formats));
    });
  }

  clearContents(): GasSheet {
    return this.chain('clearContents', () => this.whole().clearCells(true, false));
  }

  clearFormats(): GasSheet {
    return this.chain('clearFormats', () => this.whole().clearCells(false, true));
  }

  clearNotes(): GasSheet {
    return this.chain('clearNotes', () => {
      for (const line of this.grid) for (const cell of line ?? []) if (cell) delete cell.note;
    });
  }

  // ---- conditional formats ------------------------------------------------------------------

  clearConditionalFormatRules(): void {
    this.record('clearConditionalFormatRules');
    this.conditionalFormatRules = [];
  }

  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    this.record('getConditionalFormatRules');
    return this.conditionalFormatRules.map(
      (rule) =>
        new EmuConditionalFormatRule(
          this.calls,
          rule.state,
        ) as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRule,
    );
  }

  /** Replaces all the sheet's rules. */
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    this.record('setConditionalFormatRules');
    this.conditionalFormatRules = (rules as unknown as EmuConditionalFormatRule[]).map(
      (rule) => new EmuConditionalFormatRule(this.calls, rule.state),
    );
  }

  // ---- layout -------------------------------------------------------------------------------

  setFrozenRows(rows: number): void {
    this.record('setFrozenRows');
    if (rows < 0 || rows > this.maxRows) throw new Error(OUTSIDE_SHEET);
    this.frozenRows = rows;
  }

  setFrozenColumns(columns: number): void {
    this.record('setFrozenColumns');
    if (columns < 0 || columns > this.maxColumns) throw new Error(OUTSIDE_SHEET);
    this.frozenColumns = columns;
  }

  getFrozenRows(): number {
    this.record('getFrozenRows');
    return this.frozenRows;
  }

  getFrozenColumns(): number {
    this.record('getFrozenColumns');
    return this.frozenColumns;
  }

  setColumnWidth(columnPosition: number, width: number): GasSheet {
    return this.chain('setColumnWidth', () => {
      this.columnWidths.set(columnPosition, width);
    });
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): GasSheet {
    return this.chain('setColumnWidths', () => {
      for (let c = 0; c < numColumns; c++) this.columnWidths.set(startColumn + c, width);
    });
  }

  /** Pixels; a column sized with `autoResizeColumn(s)` reports the default width (the emulator does not measure text). */
  getColumnWidth(columnPosition: number): number {
    this.record('getColumnWidth');
    const width = this.columnWidths.get(columnPosition);
    return typeof width === 'number' ? width : DEFAULT_COLUMN_WIDTH;
  }

  setRowHeight(rowPosition: number, height: number): GasSheet {
    return this.chain('setRowHeight', () => {
      this.rowHeights.set(rowPosition, height);
    });
  }

  setRowHeights(startRow: number, numRows: number, height: number): GasSheet {
    return this.chain('setRowHeights', () => {
      for (let r = 0; r < numRows; r++) this.rowHeights.set(startRow + r, height);
    });
  }

  getRowHeight(rowPosition: number): number {
    this.record('getRowHeight');
    return this.rowHeights.get(rowPosition) ?? DEFAULT_ROW_HEIGHT;
  }

  autoResizeColumn(columnPosition: number): GasSheet {
    return this.chain('autoResizeColumn', () => {
      this.columnWidths.set(columnPosition, 'auto');
    });
  }

  autoResizeColumns(startColumn: number, numColumns: number): GasSheet {
    return this.chain('autoResizeColumns', () => {
      for (let c = 0; c < numColumns; c++) this.columnWidths.set(startColumn + c, 'auto');
    });
  }

  setHiddenGridlines(hideGridlines: boolean): GasSheet {
    return this.chain('setHiddenGridlines', () => {
      this.hiddenGridlines = Boolean(hideGridlines);
    });
  }

  hasHiddenGridlines(): boolean {
    this.record('hasHiddenGridlines');
    return this.hiddenGridlines;
  }

  setTabColor(color: string | null): GasSheet {
    return this.chain('setTabColor', () => {
      this.tabColor = color === null ? null : normalizeColor(color, '#ffffff');
    });
  }

  getTabColor(): string | null {
    this.record('getTabColor');
    return this.tabColor;
  }

  hideSheet(): GasSheet {
    return this.chain('hideSheet', () => {
      if (this.spreadsheet.sheets.filter((s) => !s.hidden && s !== this).length === 0)
        throw new Error("You can't hide all the sheets in a document.");
      this.hidden = true;
    });
  }

  showSheet(): GasSheet {
    return this.chain('showSheet', () => {
      this.hidden = false;
    });
  }

  isSheetHidden(): boolean {
    this.record('isSheetHidden');
    return this.hidden;
  }

  // ---- charts -------------------------------------------------------------------------------

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    this.record('newChart');
    return new EmuEmbeddedChartBuilder(this.calls, newChartState(this));
  }

  /** Inserts a built chart; it gets a chart id unique in the spreadsheet. */
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.record('insertChart');
    const built = chart as unknown as EmuEmbeddedChart;
    const state = copyChartState(built.state);
    state.sheet = this;
    state.chartId = this.spreadsheet.newChartId();
    built.state.chartId = state.chartId;
    this.charts.push(state);
  }

  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    this.record('getCharts');
    return this.charts.map(
      (state) =>
        new EmuEmbeddedChart(
          this.calls,
          copyChartState(state),
        ) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChart,
    );
  }

  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.record('removeChart');
    const at = this.charts.findIndex((c) => c.chartId === (chart as unknown as EmuEmbeddedChart).state.chartId);
    if (at >= 0) this.charts.splice(at, 1);
  }

  /** Replaces the chart with the same id by a chart rebuilt with `modify()…build()`. */
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.record('updateChart');
    const built = chart as unknown as EmuEmbeddedChart;
    const at = this.charts.findIndex((c) => c.chartId !== null && c.chartId === built.state.chartId);
    if (at < 0) throw new Error('Invalid argument: chart');
    this.charts[at] = { ...copyChartState(built.state), sheet: this };
  }

  /** Plain specs of the sheet's charts, in insertion order, for renderers and assertions (uncounted). */
  chartSpecs(): ChartSpec[] {
    return this.charts.map(chartSpec);
  }

  // ---- developer metadata and protection ----------------------------------------------------

  addDeveloperMetadata(...args: unknown[]): GasSheet {
    return this.chain('addDeveloperMetadata', () => {
      const { key, value, visibility } = metadataArguments(args);
      this.spreadsheet.metadata.push({
        id: this.spreadsheet.newMetadataId(),
        key,
        value,
        visibility,
        location: { type: 'SHEET', sheet: this },
      });
    });
  }

  /** The metadata attached to the sheet itself (not to its rows or columns). */
  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    this.record('getDeveloperMetadata');
    return this.spreadsheet.metadata
      .filter((e) => e.location.type === 'SHEET' && e.location.sheet === this)
      .map(
        (e) =>
          new EmuDeveloperMetadata(this.spreadsheet, e) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadata,
      );
  }

  /** Finds metadata on the sheet and its rows and columns. */
  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    this.record('createDeveloperMetadataFinder');
    return new EmuDeveloperMetadataFinder(this.spreadsheet, (e) =>
      onSheet(e, this),
    ) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.record('protect');
    const protection = new EmuProtection(this.calls, this, 'SHEET', this.whole());
    this.protections.push(protection);
    return protection as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    this.record('getProtections');
    const name = enumName(type ?? ProtectionType.SHEET);
    return this.protections.filter((p) => p.type === name) as unknown as GoogleAppsScript.Spreadsheet.Protection[];
  }

  // ---- state for tests ----------------------------------------------------------------------

  /** The sheet's whole state as plain data (cells only when `withCells`): what "sheet unchanged" tests compare. */
  snapshot(withCells = true): Record<string, unknown> {
    const cells: unknown[] = [];
    if (withCells)
      this.grid.forEach((line, r) =>
        line?.forEach((cell, c) => {
          if (!cell) return;
          const { value, ...rest } = cell;
          if (value === '' && Object.keys(rest).length === 0) return;
          cells.push([
            a1OfRect({ row: r + 1, column: c + 1, numRows: 1, numColumns: 1 }),
            value instanceof Date || Object.prototype.toString.call(value) === '[object Date]'
              ? { date: (value as Date).toISOString() }
              : value,
            rest,
          ]);
        }),
      );
    return {
      name: this.name,
      sheetId: this.sheetId,
      maxRows: this.maxRows,
      maxColumns: this.maxColumns,
      frozenRows: this.frozenRows,
      frozenColumns: this.frozenColumns,
      columnWidths: [...this.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
      rowHeights: [...this.rowHeights.entries()].sort((a, b) => a[0] - b[0]),
      hiddenGridlines: this.hiddenGridlines,
      tabColor: this.tabColor,
      hidden: this.hidden,
      cells,
      merges: this.merges.map((m) => a1OfRect(m)).sort(),
      charts: this.chartSpecs(),
      conditionalFormatRules: this.conditionalFormatRules.map((r) => r.spec()),
      developerMetadata: this.spreadsheet.metadata
        .filter((e) => onSheet(e, this))
        .map((e) => ({
          id: e.id,
          key: e.key,
          value: e.value,
          visibility: e.visibility,
          type: e.location.type,
          index: e.location.index ?? null,
        })),
      protections: this.protections.map((p) => p.spec()),
    };
  }
}
