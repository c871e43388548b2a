/**
 * The KPI history (issue 16): a sheet the add-on owns where every run leaves one row per headline
 * KPI of the report's period — the period (its label, kind and index), the KPI (its name and key),
 * its value and the run's date. Running the same period again replaces that period's rows KPI by
 * KPI; the rows of other periods stay, even when the data that produced them is gone (survey
 * exports rolling off, customers deleted), so a KPI keeps its record. A KPI the run cannot compute
 * (no answers that month) writes no row, so it never blanks a value recorded before.
 *
 * The sheet is read back before each run: rows the add-on cannot read (a user's edit, text in a
 * value cell, a moved column) are neither lost nor guessed at: they are written back, as they were,
 * under a note that says why. Pure: no Apps Script service is called here.
 */
import type { Language } from '../errors/catalogue';
import { BETTER_WHEN, type HeadlineKey } from './compute/headline';
import type { KpiFormat, ReportModel } from './compute/model';
import { formatsFor, kpiFormat } from './formats';
import { periodLabel, reportLabels } from './labels';
import { COLORS, type LayoutChart, type LayoutDate, type LayoutValue, SheetLayout } from './layout';
import type { ReportPeriodKind } from './period';

/** Period kinds, in the order the history sorts them. */
const PERIOD_KINDS: readonly ReportPeriodKind[] = ['month', 'quarter', 'year'];
const KPI_FORMATS: readonly KpiFormat[] = ['integer', 'currency', 'percent', 'points', 'decimal', 'ratio'];

/** Columns of the history table: what a person reads first, then what the add-on matches rows on. */
export const HISTORY_COLUMNS = 8;
const COLUMN = { label: 0, name: 1, value: 2, run: 3, kind: 4, index: 5, key: 6, unit: 7 } as const;
/** First column of the blocks the charts read, right of the table and a spacer column. */
const PIVOT_COLUMN = HISTORY_COLUMNS + 2;
/** Series per chart, so each stays readable. */
const SERIES_PER_CHART = 4;
/** Rows a chart covers (371 px at the default row height): blocks are placed at least this far apart. */
const CHART_ROWS = 19;
const RUN_DATE_FORMAT = 'yyyy-mm-dd';

/** The texts of the history sheet, per language (Spanish in the glossary's terms, tú). */
export const HISTORY_LABELS = {
  en: {
    sheetName: 'KPI history',
    protectionNote: 'KPI history, written by Fideliza: each run replaces the rows of its own period.',
    headers: ['Period', 'KPI', 'Value', 'Run date', 'Period kind', 'Period index', 'KPI key', 'Unit'],
    unreadable:
      'Rows Fideliza could not read, kept as they were (a period kind, a whole period index, a KPI key ' +
      'and a number value are needed to keep them in the history above):',
    chartTitle: 'KPI history',
    groups: { percent: 'rates', points: 'NPS', currency: 'money', integer: 'counts' },
  },
  es: {
    sheetName: 'Historial de KPI',
    protectionNote: 'Historial de KPI, escrito por Fideliza: cada ejecución sustituye las filas de su periodo.',
    headers: [
      'Periodo',
      'KPI',
      'Valor',
      'Fecha de ejecución',
      'Tipo de periodo',
      'Índice del periodo',
      'Clave del KPI',
      'Unidad',
    ],
    unreadable:
      'Filas que Fideliza no pudo leer, conservadas tal como estaban (para incluirlas en el historial de ' +
      'arriba hacen falta un tipo de periodo, un índice de periodo entero, una clave de KPI y un valor numérico):',
    chartTitle: 'Historial de KPI',
    groups: { percent: 'tasas', points: 'NPS', currency: 'importes', integer: 'recuentos' },
  },
} as const;

/** One readable row of the history. */
export interface HistoryRow {
  kind: ReportPeriodKind;
  index: number;
  periodLabel: string;
  key: string;
  name: string;
  value: number;
  /** How the value is shown: the KPI's unit, and the cell's number format (kept for rows read back). */
  unit: KpiFormat;
  numberFormat: string;
  /** When the run that wrote it happened: a day for a new row, the cell as read for an old one. */
  run: LayoutValue;
  runFormat: string;
}

/** A row of the sheet the add-on could not read: its cells and their number formats, as they were. */
export interface UnreadableRow {
  cells: LayoutValue[];
  formats: string[];
}

/** The history as read back from its sheet. */
export interface HistoryContent {
  rows: HistoryRow[];
  unreadable: UnreadableRow[];
}

/** The headline KPIs in display order (the order of the headline's own table). */
function kpiOrder(): Map<string, number> {
  return new Map(Object.keys(BETTER_WHEN).map((key, i) => [key, i]));
}

/**
 * The rows a run adds: one per headline KPI with a value in the report's period, named in the
 * report's language, with the report's number formats; `runDay` is the day of the run.
 */
export function historyRowsOf(model: ReportModel, runDay: number): HistoryRow[] {
  const { language, locale, currency } = model.options;
  const labels = reportLabels(language, locale);
  const formats = formatsFor(currency, locale);
  const label = periodLabel(language, model.period.kind, model.period.index);
  return model.headline.flatMap((kpi) =>
    kpi.current === null || !Number.isFinite(kpi.current)
      ? []
      : [
          {
            kind: model.period.kind,
            index: model.period.index,
            periodLabel: label,
            key: kpi.key,
            name: labels.kpis[kpi.key]?.[0] ?? kpi.key,
            value: kpi.current,
            unit: kpi.format,
            numberFormat: kpiFormat(formats, kpi.format),
            run: { day: runDay },
            runFormat: RUN_DATE_FORMAT,
          },
        ],
  );
}

function isBlankCell(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** A `Date` from any realm (the bundle runs in a `vm` context in tests). */
function isDateValue(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]' && !Number.isNaN((value as Date).getTime());
}

/** A cell as read, as the layout writes it back: text stays text, a date stays that instant. */
function asLayoutValue(value: unknown): LayoutValue {
  if (isDateValue(value)) return { instant: value.getTime() } satisfies LayoutDate;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (isBlankCell(value)) return null;
  return String(value);
}

/** Texts of rows the add-on wrote itself that are not history rows: the header and the note. */
function isOwnLine(cells: unknown[]): boolean {
  const first = typeof cells[0] === 'string' ? cells[0].trim() : '';
  return Object.values(HISTORY_LABELS).some(
    (labels) =>
      first === labels.unreadable || labels.headers.every((header, c) => String(cells[c] ?? '').trim() === header),
  );
}

/** An index written as a number (or as text of a whole number, as a user may retype it). */
function wholeNumber(value: unknown): number | undefined {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) ? n : undefined;
}

/**
 * Reads the history sheet's table (`values` and `formats` from A1, as `getValues` and
 * `getNumberFormats` return them): blank rows, the header and the note are skipped; every other
 * row is either a {@link HistoryRow} or kept, as it was, as an {@link UnreadableRow}.
 */
export function readHistory(values: unknown[][], formats: string[][] = []): HistoryContent {
  const rows: HistoryRow[] = [];
  const unreadable: UnreadableRow[] = [];
  values.forEach((line, r) => {
    const cells = Array.from({ length: HISTORY_COLUMNS }, (_, c) => line[c]);
    const cellFormats = Array.from({ length: HISTORY_COLUMNS }, (_, c) => formats[r]?.[c] ?? '');
    if (cells.every(isBlankCell) || isOwnLine(cells)) return;
    const kind = String(cells[COLUMN.kind] ?? '').trim() as ReportPeriodKind;
    const index = wholeNumber(cells[COLUMN.index]);
    const key = String(cells[COLUMN.key] ?? '').trim();
    const value = cells[COLUMN.value];
    const unitText = String(cells[COLUMN.unit] ?? '').trim() as KpiFormat;
    if (
      !PERIOD_KINDS.includes(kind) ||
      index === undefined ||
      !/^[A-Za-z][\w]{0,40}$/.test(key) ||
      typeof value !== 'number' ||
      !Number.isFinite(value)
    ) {
      unreadable.push({ cells: cells.map(asLayoutValue), formats: cellFormats });
      return;
    }
    const label = cells[COLUMN.label];
    const name = cells[COLUMN.name];
    rows.push({
      kind,
      index,
      periodLabel: isBlankCell(label) ? '' : String(asLayoutValue(label) ?? ''),
      key,
      name: isBlankCell(name) ? key : String(name),
      value,
      unit: KPI_FORMATS.includes(unitText) ? unitText : 'decimal',
      numberFormat: cellFormats[COLUMN.value],
      run: asLayoutValue(cells[COLUMN.run]),
      runFormat: cellFormats[COLUMN.run],
    });
  });
  return { rows, unreadable };
}

/** Sort key of a row: period kind, period index, then the KPI's place in the headline. */
function compareRows(order: Map<string, number>) {
  const place = (key: string) => order.get(key) ?? order.size;
  return (a: HistoryRow, b: HistoryRow) =>
    PERIOD_KINDS.indexOf(a.kind) - PERIOD_KINDS.indexOf(b.kind) ||
    a.index - b.index ||
    place(a.key) - place(b.key) ||
    a.key.localeCompare(b.key);
}

/**
 * The history after a run: `fresh` replaces the rows of the same period kind, period index and
 * KPI key; every other row is kept. Sorted by period, then by the KPI's place in the headline.
 */
export function mergeHistory(existing: HistoryRow[], fresh: HistoryRow[]): HistoryRow[] {
  const id = (row: HistoryRow) => `${row.kind}|${row.index}|${row.key}`;
  const replaced = new Set(fresh.map(id));
  return [...existing.filter((row) => !replaced.has(id(row))), ...fresh].sort(compareRows(kpiOrder()));
}

/** Chart groups: KPIs of one unit share an axis. */
const CHART_GROUPS = ['points', 'percent', 'currency', 'integer'] as const;

/** The KPIs a group's chart shows: those a user can aim at (not context counts), in headline order, at most four. */
function chartKeys(rows: HistoryRow[], unit: KpiFormat): string[] {
  const order = kpiOrder();
  const keys = new Set(
    rows
      .filter((row) => row.unit === unit && (BETTER_WHEN as Record<string, number>)[row.key] !== undefined)
      .filter((row) => BETTER_WHEN[row.key as HeadlineKey] !== 0)
      .map((row) => row.key),
  );
  return [...keys].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)).slice(0, SERIES_PER_CHART);
}

/**
 * Lays out the history sheet: the table (header frozen, values with their number formats), the
 * unreadable rows under a note, and for the run's period kind one line chart per unit (NPS, rates,
 * money, counts) over a small block of periods × KPIs beside the table, which the chart reads.
 */
export function composeHistory(
  content: HistoryContent,
  language: Language,
  periodKind: ReportPeriodKind,
  locale: string,
  currency: string,
): SheetLayout {
  const texts = HISTORY_LABELS[language];
  const layout = new SheetLayout();
  texts.headers.forEach((header, c) => layout.set(1, c + 1, { value: header, bold: true, background: COLORS.header }));
  layout.frozenRows = 1;
  content.rows.forEach((row, r) => {
    const line = 2 + r;
    layout.set(line, 1 + COLUMN.label, row.periodLabel);
    layout.set(line, 1 + COLUMN.name, row.name);
    layout.set(line, 1 + COLUMN.value, { value: row.value, format: row.numberFormat || undefined });
    layout.set(line, 1 + COLUMN.run, { value: row.run, format: row.runFormat || undefined });
    layout.set(line, 1 + COLUMN.kind, row.kind);
    layout.set(line, 1 + COLUMN.index, { value: row.index, format: '0' });
    layout.set(line, 1 + COLUMN.key, row.key);
    layout.set(line, 1 + COLUMN.unit, row.unit);
  });
  if (content.unreadable.length) {
    const noteRow = content.rows.length + 3;
    layout.set(noteRow, 1, { value: texts.unreadable, italic: true, color: COLORS.muted });
    content.unreadable.forEach((row, r) =>
      row.cells.forEach((value, c) => {
        if (value !== null) layout.set(noteRow + 1 + r, c + 1, { value, format: row.formats[c] || undefined });
      }),
    );
  }
  const widths = [150, 210, 120, 110, 100, 100, 150, 80];
  widths.forEach((px, c) => layout.columnWidths.set(c + 1, px));
  composeCharts(layout, content.rows, texts, periodKind, locale, currency);
  return layout;
}

/** The blocks of periods × KPIs and their line charts, one per unit that has data. */
function composeCharts(
  layout: SheetLayout,
  rows: HistoryRow[],
  texts: (typeof HISTORY_LABELS)[Language],
  periodKind: ReportPeriodKind,
  locale: string,
  currency: string,
): void {
  const ofKind = rows.filter((row) => row.kind === periodKind);
  const periods = [...new Map(ofKind.map((row) => [row.index, row])).values()].sort((a, b) => a.index - b.index);
  if (!periods.length) return;
  const formats = formatsFor(currency, locale);
  let top = 1;
  for (const unit of CHART_GROUPS) {
    const keys = chartKeys(ofKind, unit);
    if (!keys.length) continue;
    const names = keys.map((key) => ofKind.find((row) => row.key === key)!.name);
    const byPeriod = new Map(ofKind.map((row) => [`${row.index}|${row.key}`, row.value]));
    const rect = layout.table(
      top,
      PIVOT_COLUMN,
      [texts.headers[0], ...names],
      periods.map((p) => [
        p.periodLabel || String(p.index),
        ...keys.map((k) => byPeriod.get(`${p.index}|${k}`) ?? null),
      ]),
      [undefined, ...keys.map(() => kpiFormat(formats, unit))],
    );
    const chart: LayoutChart = {
      id: `history-${unit}`,
      kind: 'line',
      title: `${texts.chartTitle}: ${texts.groups[unit]}`,
      data: rect,
      anchor: { row: top, column: PIVOT_COLUMN + keys.length + 2 },
      legend: 'bottom',
      vAxes: [unit === 'percent' ? { format: 'percent' } : {}],
      series: Object.fromEntries(keys.map((_, i) => [i, { pointSize: 5, lineWidth: 2 }])),
    };
    layout.charts.push(chart);
    for (let c = 0; c <= keys.length; c++) layout.columnWidths.set(PIVOT_COLUMN + c, 110);
    top += Math.max(CHART_ROWS + 2, periods.length + 3);
  }
}
