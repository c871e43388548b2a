/**
 * Writes a laid-out report into the add-on's own sheet, in a constant number of block calls.
 *
 * Safety rules (PRODUCT.md): only the sheet marked with Fideliza's developer metadata is written;
 * a user's sheet with the same name is never touched (`KPI Summary (2)` is used instead);
 * regenerating rewrites the same sheet (same id); the previous content is snapshotted first and
 * put back if any write fails; user text is written so Sheets never evaluates it.
 */
import { KpiError } from '../../errors/catalogue';
import type { LayoutCell, LayoutChart, LayoutRect, SheetLayout } from '../../report/layout';
import { COLORS } from '../../report/layout';
import type { ZoneCalendar } from '../timezone';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Developer-metadata key marking the add-on's report sheet. */
export const REPORT_METADATA_KEY = 'fideliza.report';

/** The report sheet and the developer metadata that marks it. */
interface ReportMark {
  sheet: Sheet;
  metadata: GoogleAppsScript.Spreadsheet.DeveloperMetadata;
}

function findReportMark(spreadsheet: Spreadsheet): ReportMark | null {
  const found = spreadsheet.createDeveloperMetadataFinder().withKey(REPORT_METADATA_KEY).find();
  for (const metadata of found) {
    const sheet = metadata.getLocation().getSheet();
    if (sheet) return { sheet, metadata };
  }
  return null;
}

/** The report sheet the add-on created earlier, found by its metadata, or `null`. */
export function findReportSheet(spreadsheet: Spreadsheet): Sheet | null {
  return findReportMark(spreadsheet)?.sheet ?? null;
}

/**
 * What the marker's value records about the report written last: the area it covered (every cell
 * of it is top-aligned) and its non-black font colours (colour → row-major cell indexes). A
 * rollback needs both and they are not read back cell by cell.
 */
interface WrittenLook {
  rows: number;
  columns: number;
  colors: Record<string, number[]>;
}

function lookOf(layout: SheetLayout): WrittenLook {
  const colors: Record<string, number[]> = {};
  const columns = layout.width;
  layout.cells().forEach((line, r) =>
    line.forEach((cell, c) => {
      if (cell?.color && cell.color !== '#000000') (colors[cell.color] ??= []).push(r * columns + c);
    }),
  );
  return { rows: layout.height, columns, colors };
}

function parseLook(text: string | null): WrittenLook | undefined {
  try {
    const look = JSON.parse(text ?? '') as WrittenLook;
    return look && Number.isInteger(look.rows) && Number.isInteger(look.columns) && typeof look.colors === 'object'
      ? look
      : undefined;
  } catch {
    return undefined; // a marker from an earlier version ("v1")
  }
}

/** `base`, or `base (2)`, `base (3)`… — the first name no sheet has. */
export function freeSheetName(spreadsheet: Spreadsheet, base: string): string {
  const taken = new Set(spreadsheet.getSheets().map((s) => s.getName().toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} (${n})`.toLowerCase())) return `${base} (${n})`;
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

function cellValue(cell: LayoutCell | undefined, zone: ZoneCalendar): unknown {
  const value = cell?.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return textCell(value);
  if (typeof value === 'number') return isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value;
  if ('day' in value) return zone.midnightOf(value.day);
  return new Date(value.instant);
}

/** The grids one block write per property needs. */
function grids(layout: SheetLayout, zone: ZoneCalendar) {
  const cells = layout.cells();
  return {
    values: cells.map((row) => row.map((cell) => cellValue(cell, zone))),
    formats: cells.map((row) => row.map((cell) => cell?.format ?? 'General')),
    backgrounds: cells.map((row) => row.map((cell) => cell?.background ?? null)),
    weights: cells.map((row) => row.map((cell) => (cell?.bold ? 'bold' : 'normal'))),
    styles: cells.map((row) => row.map((cell) => (cell?.italic ? 'italic' : 'normal'))),
    colors: cells.map((row) => row.map((cell) => cell?.color ?? '#000000')),
    sizes: cells.map((row) => row.map((cell) => cell?.size ?? 10)),
  };
}

interface Snapshot {
  rows: number;
  columns: number;
  values: unknown[][];
  formats: string[][];
  backgrounds: string[][];
  weights: string[][];
  styles: string[][];
  sizes: number[][];
  look: WrittenLook | undefined;
  rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[];
}

/** The previous report as it is now: the area it covered (and anything typed below or beside it). */
function snapshot(sheet: Sheet, look: WrittenLook | undefined): Snapshot {
  const rows = Math.max(look?.rows ?? 0, sheet.getLastRow());
  const columns = Math.max(look?.columns ?? 0, sheet.getLastColumn());
  const rules = sheet.getConditionalFormatRules();
  if (!rows || !columns)
    return { rows, columns, values: [], formats: [], backgrounds: [], weights: [], styles: [], sizes: [], look, rules };
  const range = sheet.getRange(1, 1, rows, columns);
  return {
    rows,
    columns,
    values: range.getValues(),
    formats: range.getNumberFormats(),
    backgrounds: range.getBackgrounds(),
    weights: range.getFontWeights(),
    styles: range.getFontStyles(),
    sizes: range.getFontSizes(),
    look,
    rules,
  };
}

function restore(sheet: Sheet, saved: Snapshot): void {
  sheet.clear();
  if (saved.rows && saved.columns) {
    const range = sheet.getRange(1, 1, saved.rows, saved.columns);
    range.setValues(saved.values.map((row) => row.map((v) => (typeof v === 'string' ? textCell(v) : v))));
    range.setNumberFormats(saved.formats);
    range.setBackgrounds(saved.backgrounds);
    range.setFontWeights(saved.weights as GoogleAppsScript.Spreadsheet.FontWeight[][]);
    range.setFontStyles(saved.styles as GoogleAppsScript.Spreadsheet.FontStyle[][]);
    range.setFontSizes(saved.sizes);
  }
  const look = saved.look;
  if (look?.rows && look.columns) {
    const colors = Array.from({ length: look.rows }, () => Array<string>(look.columns).fill('#000000'));
    for (const [color, cells] of Object.entries(look.colors))
      for (const i of cells) colors[Math.floor(i / look.columns)][i % look.columns] = color;
    const area = sheet.getRange(1, 1, look.rows, look.columns);
    area.setFontColors(colors);
    area.setVerticalAlignment('top');
  }
  sheet.setConditionalFormatRules(saved.rules);
}

/** The message of a service error, across `vm` realms (where `instanceof Error` fails). */
function messageOf(error: unknown): string {
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return String(message ?? error).replace(/\.$/, '');
}

function rangeOf(sheet: Sheet, rect: LayoutRect): GoogleAppsScript.Spreadsheet.Range {
  return sheet.getRange(rect.row, rect.column, rect.numRows, rect.numColumns);
}

function buildChart(sheet: Sheet, chart: LayoutChart): GoogleAppsScript.Spreadsheet.EmbeddedChart {
  const base = sheet
    .newChart()
    .addRange(rangeOf(sheet, chart.data))
    .setPosition(chart.anchor.row, chart.anchor.column, 0, 0);
  switch (chart.kind) {
    case 'column': {
      let b = base.asColumnChart().setTitle(chart.title).setLegendPosition(Charts.Position.BOTTOM);
      if (chart.stacked) b = b.setStacked();
      if (chart.colors) b = b.setColors(chart.colors);
      return b.build();
    }
    case 'bar': {
      let b = base.asBarChart().setTitle(chart.title).setLegendPosition(Charts.Position.NONE);
      if (chart.colors) b = b.setColors(chart.colors);
      return b.build();
    }
    case 'line': {
      let b = base.asLineChart().setTitle(chart.title).setLegendPosition(Charts.Position.BOTTOM);
      if (chart.colors) b = b.setColors(chart.colors);
      return b.build();
    }
    case 'pie':
      return base.asPieChart().setTitle(chart.title).build();
    case 'scatter': {
      let b = base.asScatterChart().setTitle(chart.title).setLegendPosition(Charts.Position.NONE);
      if (chart.xTitle) b = b.setXAxisTitle(chart.xTitle);
      if (chart.yTitle) b = b.setYAxisTitle(chart.yTitle);
      return b.build();
    }
  }
}

/** What {@link writeReport} did. */
export interface WriteResult {
  sheetId: number;
  sheetName: string;
  created: boolean;
}

/**
 * Writes `layout` into the report sheet (creating it, named `baseName` or `baseName (n)`, the first
 * time). If any write fails, the sheet's previous content is restored (or the new sheet removed)
 * and a `REPORT_WRITE_FAILED` error says nothing was changed; if even that fails, the original
 * error is re-thrown.
 */
export function writeReport(
  spreadsheet: Spreadsheet,
  layout: SheetLayout,
  zone: ZoneCalendar,
  baseName: string,
  protectionNote: string,
  onCharts: () => void = () => undefined,
): WriteResult {
  const mark = findReportMark(spreadsheet);
  const look = JSON.stringify(lookOf(layout));
  const created = !mark;
  let sheet: Sheet;
  if (mark) {
    sheet = mark.sheet;
  } else {
    sheet = spreadsheet.insertSheet(freeSheetName(spreadsheet, baseName), spreadsheet.getSheets().length);
    sheet.addDeveloperMetadata(REPORT_METADATA_KEY, look, SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
  }
  const saved = mark ? snapshot(sheet, parseLook(mark.metadata.getValue())) : undefined;
  const oldCharts = created ? [] : sheet.getCharts();
  const newCharts: GoogleAppsScript.Spreadsheet.EmbeddedChart[] = [];
  try {
    fill(sheet, layout, zone, newCharts, onCharts);
    for (const chart of oldCharts) sheet.removeChart(chart);
    if (sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length === 0) {
      sheet.protect().setDescription(protectionNote).setWarningOnly(true);
    }
    if (mark) mark.metadata.setValue(look);
  } catch (error) {
    try {
      if (created) {
        spreadsheet.deleteSheet(sheet);
      } else {
        for (const chart of newCharts) sheet.removeChart(chart);
        restore(sheet, saved!);
      }
    } catch {
      throw error; // the rollback failed too: the original failure is the one to report
    }
    throw new KpiError('REPORT_WRITE_FAILED', { fn: 'Fideliza', detail: messageOf(error) });
  }
  return { sheetId: sheet.getSheetId(), sheetName: sheet.getName(), created };
}

function fill(
  sheet: Sheet,
  layout: SheetLayout,
  zone: ZoneCalendar,
  newCharts: GoogleAppsScript.Spreadsheet.EmbeddedChart[],
  onCharts: () => void,
): void {
  sheet.clear();
  sheet.setConditionalFormatRules([]);
  const height = layout.height;
  const width = layout.width;
  const extraRows = height - sheet.getMaxRows();
  if (extraRows > 0) sheet.insertRowsAfter(sheet.getMaxRows(), extraRows);
  const extraColumns = width + 12 - sheet.getMaxColumns(); // room for the charts to the right
  if (extraColumns > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), extraColumns);
  const g = grids(layout, zone);
  const range = sheet.getRange(1, 1, height, width);
  range.setNumberFormats(g.formats);
  range.setValues(g.values);
  range.setBackgrounds(g.backgrounds);
  range.setFontWeights(g.weights);
  range.setFontStyles(g.styles);
  range.setFontColors(g.colors);
  range.setFontSizes(g.sizes);
  range.setVerticalAlignment('top');
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
  if (layout.frozenRows) sheet.setFrozenRows(layout.frozenRows);
  if (layout.heatmaps.length) {
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .setGradientMinpoint(COLORS.heatLow)
      .setGradientMidpointWithValue(COLORS.heatMid, SpreadsheetApp.InterpolationType.PERCENTILE, '50')
      .setGradientMaxpoint(COLORS.heatHigh)
      .setRanges(layout.heatmaps.map((rect) => rangeOf(sheet, rect)))
      .build();
    sheet.setConditionalFormatRules([rule]);
  }
  onCharts();
  for (const chart of layout.charts) {
    const built = buildChart(sheet, chart);
    sheet.insertChart(built);
    newCharts.push(built);
  }
}
