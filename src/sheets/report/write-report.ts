/**
 * Writes laid-out sheets into the sheets the add-on owns, as one transaction, in a constant number
 * of block calls.
 *
 * Rules (PRODUCT.md): only the sheets marked as the add-on's, by role, are written; a user's sheet
 * with the same name is never touched (`KPI Summary (2)` is used instead); regenerating rewrites
 * the same sheet (same id); user text is written so Sheets never evaluates it.
 *
 * A run either completes or leaves everything as it was: each owned sheet's state is read first;
 * new sheets are created inside the transaction (a failed first run leaves none behind); the new
 * charts are built before the old ones are removed, and the old ones are removed only once every
 * other write has succeeded (a chart a user restyled cannot be read back). If removing them is what
 * fails, the new report stands and the result carries a warning.
 */
import { serviceMessage } from '../service-message';
import { KpiError } from '../../errors/catalogue';
import type { LayoutAxis, LayoutCell, LayoutChart, LayoutRect, SheetLayout } from '../../report/layout';
import { COLORS } from '../../report/layout';
import type { ZoneCalendar } from '../timezone';
import { findOwnedSheets, freeSheetName, OWNED_SHEET_KEY, type OwnedRole, type OwnedSheet } from './owned-sheets';
import { readState, restoreState, setNumberFormats, type SheetState, textCell } from './sheet-state';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The most characters a cell holds, in Sheets (a text's apostrophe prefix counts). */
export const CELL_TEXT_LIMIT = 50_000;

/** One sheet to write: its role, the name it gets when it is created, its layout and its protection note. */
export interface SheetPlan {
  role: OwnedRole;
  baseName: string;
  layout: SheetLayout;
  protectionNote: string;
}

/** A sheet a run wrote. */
export interface WrittenSheet {
  role: OwnedRole;
  sheetId: number;
  sheetName: string;
  created: boolean;
}

/** Something that did not stop the run but the user should know. */
export type WriteWarning = 'oldChartsLeft';

/** What {@link writeOwnedSheets} did. */
export interface WriteResult {
  sheets: WrittenSheet[];
  warnings: WriteWarning[];
}

/** One sheet in the transaction: as it was (an owned sheet and its state, or none: created), and what the run added. */
interface Step {
  plan: SheetPlan;
  sheet: Sheet;
  /** Read inside the transaction, so nothing after it can fail on them. */
  sheetId: number;
  sheetName: string;
  owned?: OwnedSheet;
  state?: SheetState;
  oldCharts: GoogleAppsScript.Spreadsheet.EmbeddedChart[];
  newCharts: GoogleAppsScript.Spreadsheet.EmbeddedChart[];
  newProtection?: GoogleAppsScript.Spreadsheet.Protection;
}

/** Service errors that will fail again however often the user retries: a limit of Sheets was reached. */
const LIMIT_REACHED = /maximum|limit|too (?:large|many cells|long)|exceeds/i;

function writeFailure(error: unknown): KpiError {
  const detail = serviceMessage(error);
  return new KpiError(LIMIT_REACHED.test(detail) ? 'REPORT_LIMIT_REACHED' : 'REPORT_WRITE_FAILED', { detail });
}

/**
 * Writes every plan into its owned sheet (created, named `baseName` or `baseName (n)`, the first
 * time). If any write fails, every sheet is put back as it was (new ones deleted) and a catalogue
 * error says nothing was changed; if even that fails, the original error is re-thrown.
 */
export function writeOwnedSheets(
  spreadsheet: Spreadsheet,
  plans: SheetPlan[],
  zone: ZoneCalendar,
  onCharts: () => void = () => undefined,
  owned: Map<OwnedRole, OwnedSheet> = findOwnedSheets(spreadsheet),
): WriteResult {
  const steps: Step[] = [];
  try {
    for (const plan of plans) {
      const existing = owned.get(plan.role);
      if (existing) {
        const widths = [...plan.layout.columnWidths.keys()];
        const heights = [...plan.layout.rowHeights.keys()];
        const { sheet } = existing;
        const state = readState(existing, widths, heights);
        const named = { sheetId: sheet.getSheetId(), sheetName: sheet.getName() };
        steps.push({ plan, sheet, ...named, owned: existing, state, oldCharts: sheet.getCharts(), newCharts: [] });
      } else {
        const name = freeSheetName(spreadsheet, plan.baseName);
        const sheet = spreadsheet.insertSheet(name, spreadsheet.getSheets().length);
        const step: Step = { plan, sheet, sheetId: -1, sheetName: name, oldCharts: [], newCharts: [] };
        steps.push(step);
        step.sheetId = sheet.getSheetId();
        sheet.addDeveloperMetadata(OWNED_SHEET_KEY, marker(plan), SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
      }
    }
    for (const step of steps) fill(step, zone);
    onCharts();
    for (const step of steps) {
      for (const chart of step.plan.layout.charts) {
        const built = buildChart(step.sheet, chart);
        step.sheet.insertChart(built);
        step.newCharts.push(built);
      }
    }
    for (const step of steps) step.owned?.metadata.setValue(marker(step.plan));
  } catch (error) {
    rollBack(spreadsheet, steps, error);
    throw writeFailure(error);
  }
  // Every write succeeded: now the old charts can go.
  const warnings: WriteWarning[] = [];
  for (const step of steps) {
    try {
      for (const chart of step.oldCharts) step.sheet.removeChart(chart);
    } catch {
      if (!warnings.includes('oldChartsLeft')) warnings.push('oldChartsLeft');
    }
  }
  return {
    sheets: steps.map((step) => ({
      role: step.plan.role,
      sheetId: step.sheetId,
      sheetName: step.sheetName,
      created: !step.owned,
    })),
    warnings,
  };
}

/** The marker of an owned sheet: its role and the area its layout covers. */
function marker(plan: SheetPlan): string {
  return JSON.stringify({ role: plan.role, look: { rows: plan.layout.height, columns: plan.layout.width } });
}

/** Puts every sheet back, last first; if that fails too, the original failure is the one to report. */
function rollBack(spreadsheet: Spreadsheet, steps: Step[], error: unknown): void {
  try {
    for (const step of [...steps].reverse()) {
      if (!step.owned || !step.state) {
        spreadsheet.deleteSheet(step.sheet);
        continue;
      }
      for (const chart of step.newCharts) step.sheet.removeChart(chart);
      const written = { rows: step.plan.layout.height, columns: step.plan.layout.width };
      restoreState(step.owned, step.state, written, step.newProtection);
    }
  } catch {
    throw error;
  }
}

function cellValue(cell: LayoutCell | undefined, zone: ZoneCalendar): unknown {
  const value = cell?.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return textCell(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value;
  if ('formula' in value) return value.formula;
  if ('day' in value) return zone.midnightOf(value.day);
  return new Date(value.instant);
}

/** Sheets' default font colour and size: what a cell without a style of its own shows. */
const DEFAULT_FONT_COLOR = '#000000';
const DEFAULT_FONT_SIZE = 10;

/** Whether a cell looks other than Sheets' default (a number format is not a look: it is written apart). */
function isStyled(cell: LayoutCell | undefined): boolean {
  return (
    cell !== undefined &&
    (cell.background !== undefined ||
      cell.bold === true ||
      cell.italic === true ||
      (cell.color !== undefined && cell.color !== DEFAULT_FONT_COLOR) ||
      (cell.size !== undefined && cell.size !== DEFAULT_FONT_SIZE) ||
      cell.align !== undefined)
  );
}

/** The last row (1-based) with a styled cell, 0 when none is. */
function lastStyledRow(cells: (LayoutCell | undefined)[][]): number {
  for (let r = cells.length - 1; r >= 0; r--) if (cells[r].some(isStyled)) return r + 1;
  return 0;
}

/**
 * The grid of one cell property for one block write. Each grid is built just before its call and is
 * garbage right after it, so one grid at a time is alive rather than all eight.
 */
function grid<T>(cells: (LayoutCell | undefined)[][], property: (cell: LayoutCell | undefined) => T): T[][] {
  return cells.map((row) => row.map(property));
}

function rangeOf(sheet: Sheet, rect: LayoutRect): GoogleAppsScript.Spreadsheet.Range {
  return sheet.getRange(rect.row, rect.column, rect.numRows, rect.numColumns);
}

function fill(step: Step, zone: ZoneCalendar): void {
  const { sheet, state } = step;
  const { layout, protectionNote } = step.plan;
  const height = layout.height;
  const width = layout.width;
  if (state) {
    // What the last write and the user filled is cleared; the rest of the grid is not touched.
    const clearRows = Math.min(Math.max(state.rows, height), sheet.getMaxRows());
    const clearColumns = Math.min(Math.max(state.columns, width), sheet.getMaxColumns());
    if (clearRows && clearColumns) sheet.getRange(1, 1, clearRows, clearColumns).clear();
    if (state.rules.length) sheet.setConditionalFormatRules([]);
  }
  // Room for the charts to the right; a new sheet without charts (the lists) keeps only its own
  // columns: its rows grow with the customers, and Sheets counts every cell of every column.
  const wantedColumns = layout.charts.length ? width + 12 : Math.max(width, 1);
  const extraColumns = wantedColumns - sheet.getMaxColumns();
  if (extraColumns > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), extraColumns);
  else if (!state && extraColumns < 0 && !layout.charts.length) sheet.deleteColumns(wantedColumns + 1, -extraColumns);
  const extraRows = height - sheet.getMaxRows();
  if (extraRows > 0) sheet.insertRowsAfter(sheet.getMaxRows(), extraRows);
  if (height && width) {
    const cells = layout.cells();
    const range = sheet.getRange(1, 1, height, width);
    setNumberFormats(
      sheet,
      grid(cells, (cell) => cell?.format),
    );
    range.setValues(grid(cells, (cell) => cellValue(cell, zone)));
    // Below the last styled row every cell keeps Sheets' default look (a new sheet's, or the one
    // clear() left): the styles are written down to that row only, not over the lists' long tables.
    const styledRows = Math.max(lastStyledRow(cells), 1);
    const styled = cells.slice(0, styledRows);
    const styledRange = sheet.getRange(1, 1, styledRows, width);
    styledRange.setBackgrounds(grid(styled, (cell) => cell?.background ?? null));
    styledRange.setFontWeights(grid(styled, (cell) => (cell?.bold ? 'bold' : 'normal')));
    styledRange.setFontStyles(grid(styled, (cell) => (cell?.italic ? 'italic' : 'normal')));
    styledRange.setFontColors(grid(styled, (cell) => cell?.color ?? DEFAULT_FONT_COLOR));
    styledRange.setFontSizes(grid(styled, (cell) => cell?.size ?? DEFAULT_FONT_SIZE));
    styledRange.setHorizontalAlignments(
      grid(styled, (cell) => cell?.align ?? null) as ('left' | 'center' | 'right' | null)[][],
    );
    range.setVerticalAlignment('top');
  }
  const byWidth = new Map<number, number[]>();
  layout.columnWidths.forEach((px, column) => byWidth.set(px, [...(byWidth.get(px) ?? []), column]));
  byWidth.forEach((columns, px) => {
    // consecutive runs share one call
    columns.sort((a, b) => a - b);
    let start = columns[0];
    for (let i = 1; i <= columns.length; i++) {
      if (i === columns.length || columns[i] !== columns[i - 1] + 1) {
        sheet.setColumnWidths(start, columns[i - 1] - start + 1, px);
        start = columns[i];
      }
    }
  });
  const byHeight = new Map<number, number[]>();
  layout.rowHeights.forEach((px, row) => byHeight.set(px, [...(byHeight.get(px) ?? []), row]));
  byHeight.forEach((rows, px) => rows.forEach((row) => sheet.setRowHeight(row, px)));
  if (sheet.getFrozenRows() !== layout.frozenRows) sheet.setFrozenRows(layout.frozenRows);
  if (layout.heatmaps.length) {
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .setGradientMinpoint(COLORS.heatLow)
      .setGradientMidpointWithValue(COLORS.heatMid, SpreadsheetApp.InterpolationType.PERCENTILE, '50')
      .setGradientMaxpoint(COLORS.heatHigh)
      .setRanges(layout.heatmaps.map((rect) => rangeOf(sheet, rect)))
      .build();
    sheet.setConditionalFormatRules([rule]);
  }
  if (sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length === 0) {
    const protection = sheet.protect();
    step.newProtection = protection;
    protection.setDescription(protectionNote).setWarningOnly(true);
  }
}

/** Google Charts options of the series and axes (read by every chart type; `setOption` never validates). */
function chartOptions(chart: LayoutChart): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  if (chart.series) {
    const series: Record<number, Record<string, unknown>> = {};
    for (const [index, s] of Object.entries(chart.series)) {
      const o: Record<string, unknown> = {};
      if (s.type) o.type = s.type;
      if (s.axis !== undefined) o.targetAxisIndex = s.axis;
      if (s.color) o.color = s.color;
      if (s.lineWidth !== undefined) o.lineWidth = s.lineWidth;
      if (s.pointSize !== undefined) o.pointSize = s.pointSize;
      if (s.hideInLegend) o.visibleInLegend = false;
      series[Number(index)] = o;
    }
    options.series = series;
  }
  const axis = (a: LayoutAxis) => {
    const o: Record<string, unknown> = {};
    if (a.title) o.title = a.title;
    if (a.format) o.format = a.format;
    if (a.min !== undefined || a.max !== undefined) o.viewWindow = { min: a.min, max: a.max };
    if (a.gridlines !== undefined) o.gridlines = { count: a.gridlines };
    return o;
  };
  // Titles go through vAxes: embedded charts ignore vAxis.title (a known Sheets behaviour).
  if (chart.vAxes) options.vAxes = Object.fromEntries(chart.vAxes.map((a, i) => [i, axis(a)]));
  if (chart.hAxis) options.hAxis = axis(chart.hAxis);
  if (chart.kind === 'combo') options.seriesType = 'bars';
  if (chart.width) options.width = chart.width;
  if (chart.height) options.height = chart.height;
  return options;
}

function buildChart(sheet: Sheet, chart: LayoutChart): GoogleAppsScript.Spreadsheet.EmbeddedChart {
  const base = sheet
    .newChart()
    .addRange(rangeOf(sheet, chart.data))
    .setPosition(chart.anchor.row, chart.anchor.column, 0, 0);
  const legend = chart.legend === 'none' ? Charts.Position.NONE : Charts.Position.BOTTOM;
  let builder: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  switch (chart.kind) {
    case 'combo':
    case 'column':
    case 'bar': {
      const typed =
        chart.kind === 'combo' ? base.asComboChart() : chart.kind === 'bar' ? base.asBarChart() : base.asColumnChart();
      let b = typed.setTitle(chart.title).setLegendPosition(legend);
      if (chart.stacked) b = b.setStacked();
      if (chart.colors) b = b.setColors(chart.colors);
      builder = b;
      break;
    }
    case 'line': {
      let b = base.asLineChart().setTitle(chart.title).setLegendPosition(legend);
      if (chart.colors) b = b.setColors(chart.colors);
      builder = b;
      break;
    }
    case 'pie':
      builder = base.asPieChart().setTitle(chart.title).setLegendPosition(legend);
      break;
    case 'scatter':
      builder = base.asScatterChart().setTitle(chart.title).setLegendPosition(legend);
      break;
  }
  for (const [option, value] of Object.entries(chartOptions(chart))) builder = builder.setOption(option, value);
  return builder.build();
}
