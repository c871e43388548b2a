/**
 * Lays a computed report out as a sheet: title block, sources, headline table, chart data blocks
 * with their charts beside them, the cohort heatmap and the action lists, top to bottom, in the
 * user's language. Only values and formats: the sheet reads the same without the add-on.
 */
import type { HeadlineKpi, KpiFormat, ReportModel } from './compute/model';
import { cutDescriptions, periodLabel, reportLabels, skipDescriptions, type ReportLabels } from './labels';
import {
  COLORS,
  formatsFor,
  SheetLayout,
  type Formats,
  type LayoutChart,
  type LayoutRect,
  type LayoutValue,
} from './layout';

/** Columns the section bars span (the data blocks and the charts beside them). */
const SECTION_WIDTH = 14;
/** Rows a chart covers (Sheets' default chart is about 18 rows high). */
const CHART_ROWS = 20;

const day = (d: number | null): LayoutValue => (d === null ? null : { day: d });

/** Cursor that places sections one below the other. */
class Flow {
  row = 1;
  /** Lists become counts (the "without personal data" version). */
  privacy = false;
  /** The workbook has customer names or emails (else those columns are left out). */
  hasNames = true;
  constructor(
    readonly layout: SheetLayout,
    readonly labels: ReportLabels,
    readonly formats: Formats,
  ) {}

  skip(rows = 1): void {
    this.row += rows;
  }

  section(title: string): void {
    this.skip();
    for (let c = 1; c <= SECTION_WIDTH; c++)
      this.layout.set(this.row, c, { value: c === 1 ? title : null, bold: true, size: 12, background: COLORS.section });
    this.row += 2;
  }

  subtitle(title: string): void {
    this.layout.set(this.row, 1, { value: title, bold: true, color: COLORS.title });
    this.row++;
  }

  note(text: string): void {
    this.layout.set(this.row, 1, { value: text, italic: true, color: COLORS.muted });
    this.row++;
  }

  table(headers: string[], body: LayoutValue[][], formats: (string | undefined)[] = []): LayoutRect {
    const rect = this.layout.table(this.row, 1, headers, body, formats);
    this.row += rect.numRows;
    return rect;
  }
}

function kpiFormat(formats: Formats, format: KpiFormat, signed: boolean): string {
  switch (format) {
    case 'integer':
      return signed ? formats.signedInteger : formats.integer;
    case 'currency':
      return signed ? formats.signedCurrency : formats.currency;
    case 'percent':
      return signed ? formats.signedPercent : formats.percent;
    case 'points':
      return signed ? formats.signedPoints : formats.points;
    case 'decimal':
    case 'ratio':
      return signed ? formats.signedDecimal : formats.decimal;
  }
}

function headerBlock(flow: Flow, model: ReportModel): void {
  const { labels, layout } = flow;
  const { period, options } = model;
  layout.set(1, 1, { value: labels.title, bold: true, size: 16, color: COLORS.title });
  layout.set(2, 1, { value: labels.period, bold: true });
  layout.set(
    2,
    2,
    `${periodLabel(options.language, period.kind, period.index)} (${labels.comparedWith} ` +
      `${periodLabel(options.language, period.kind, period.previous.index)})`,
  );
  layout.set(3, 1, { value: labels.generatedAt, bold: true });
  layout.set(3, 2, { value: { instant: options.generatedAt }, format: flow.formats.dateTime });
  layout.set(3, 3, { value: `${labels.timeZone}: ${options.timeZone}`, color: COLORS.muted });
  flow.row = 4;
  if (options.withoutPersonalData) flow.note(labels.personalDataOmitted);
  flow.section(labels.sources);
  // One line per skip reason, so a long list never runs across the sheet.
  const body: LayoutValue[][] = [];
  for (const s of model.sources) {
    const reasons = [...skipDescriptions(labels, s.skipped), ...cutDescriptions(labels, s.cut)];
    body.push([
      labels.sourceKinds[s.kind],
      s.sheet,
      s.rowCount,
      s.used,
      s.skipped.total,
      reasons[0] ?? labels.noneSkipped,
    ]);
    for (const reason of reasons.slice(1)) body.push([null, null, null, null, null, reason]);
  }
  flow.table(labels.sourceHeaders, body, [
    undefined,
    undefined,
    flow.formats.integer,
    flow.formats.integer,
    flow.formats.integer,
  ]);
}

function headlineBlock(flow: Flow, headline: HeadlineKpi[]): void {
  const { labels, layout, formats } = flow;
  flow.section(labels.headline);
  const top = flow.row;
  flow.table(labels.headlineHeaders, []);
  headline.forEach((kpi, i) => {
    const row = top + 1 + i;
    const [name, definition] = labels.kpis[kpi.key];
    // A change of a rate is in percentage points: written ×100 with a "pp" format, still a number.
    const points = kpi.format === 'percent';
    const change =
      kpi.current !== null && kpi.previous !== null ? (kpi.current - kpi.previous) * (points ? 100 : 1) : null;
    const pp = labels.percentagePoints;
    layout.set(row, 1, { value: name, bold: true });
    layout.set(row, 2, { value: kpi.current, format: kpiFormat(formats, kpi.format, false) });
    layout.set(row, 3, { value: kpi.previous, format: kpiFormat(formats, kpi.format, false), color: COLORS.muted });
    layout.set(row, 4, {
      value: change,
      format: points ? `+0.0${pp};-0.0${pp};0.0${pp}` : kpiFormat(formats, kpi.format, true),
    });
    layout.set(row, 5, { value: definition, color: COLORS.muted, italic: true });
  });
  flow.row = top + 1 + headline.length;
}

/** A data block with its chart anchored to the right of it. */
function chartBlock(
  flow: Flow,
  id: string,
  title: string,
  headers: string[],
  body: LayoutValue[][],
  formats: (string | undefined)[],
  chart: Omit<LayoutChart, 'id' | 'title' | 'data' | 'anchor'>,
  chartColumns = headers.length,
): void {
  const top = flow.row;
  flow.subtitle(title);
  const rect = flow.table(headers, body, formats);
  flow.layout.charts.push({
    id,
    title,
    data: { ...rect, numColumns: chartColumns },
    anchor: { row: top, column: headers.length + 2 },
    ...chart,
  });
  flow.row = Math.max(flow.row, top + CHART_ROWS) + 1;
}

function chartsSection(flow: Flow, model: ReportModel): void {
  const { labels, formats } = flow;
  const b = model.blocks;
  if (!b.npsTrend && !b.customers && !b.revenue && !b.mrr && !b.rfm && !b.drivers) return;
  flow.section(labels.charts);
  const month = formats.month;
  if (b.npsTrend) {
    chartBlock(
      flow,
      'npsTrend',
      labels.chartTitles.npsTrend,
      labels.blockHeaders.npsTrend,
      b.npsTrend.map((r) => [day(r.monthStart), r.promoters, r.passives, r.detractors, r.nps]),
      [month, formats.integer, formats.integer, formats.integer, formats.points],
      { kind: 'column', stacked: true, colors: [COLORS.promoter, COLORS.passive, COLORS.detractor] },
      4,
    );
  }
  if (b.customers) {
    chartBlock(
      flow,
      'customers',
      labels.chartTitles.customers,
      labels.blockHeaders.customers,
      b.customers.map((r) => [day(r.monthStart), r.newCustomers, r.churned, r.active, r.churnRate]),
      [month, formats.integer, formats.integer, formats.integer, formats.percent],
      { kind: 'column', colors: [COLORS.good, COLORS.bad] },
      3,
    );
  }
  if (b.mrr) {
    chartBlock(
      flow,
      'mrr',
      labels.chartTitles.mrr,
      labels.blockHeaders.mrr,
      b.mrr.map((r) => [
        day(r.monthStart),
        r.newMrr,
        r.expansion,
        r.reactivation,
        -r.contraction,
        -r.churned,
        r.ending,
      ]),
      [
        month,
        formats.currency,
        formats.currency,
        formats.currency,
        formats.currency,
        formats.currency,
        formats.currency,
      ],
      { kind: 'column', stacked: true, colors: ['#34a853', '#1a73e8', '#a142f4', '#fbbc04', '#ea4335'] },
      6,
    );
  } else if (b.revenue) {
    chartBlock(
      flow,
      'revenue',
      labels.chartTitles.revenue,
      labels.blockHeaders.revenue,
      b.revenue.map((r) => [day(r.monthStart), r.fromNew, r.fromReturning, r.total]),
      [month, formats.currency, formats.currency, formats.currency],
      { kind: 'column', stacked: true, colors: ['#34a853', '#1a73e8'] },
      3,
    );
  }
  if (b.rfm) {
    const names = labels.rfmSegments;
    chartBlock(
      flow,
      'rfm',
      labels.chartTitles.rfm,
      labels.blockHeaders.rfm,
      b.rfm.map((r) => [names[r.segment], r.customers, r.share]),
      [undefined, formats.integer, formats.percent],
      { kind: 'bar', colors: ['#1a73e8'] },
      2,
    );
  }
  if (b.drivers) {
    chartBlock(
      flow,
      'drivers',
      labels.chartTitles.drivers,
      labels.blockHeaders.drivers,
      b.drivers.map((r) => [
        labels.drivers[r.driver] ?? r.driver,
        r.mean,
        r.correlation,
        r.quadrant ? labels.quadrants[r.quadrant] : null,
      ]),
      [undefined, formats.decimal, formats.decimal],
      { kind: 'scatter', xTitle: labels.blockHeaders.drivers[1], yTitle: labels.blockHeaders.drivers[2] },
      3,
    );
    // a scatter reads x from the first column: the range starts at the Mean column
    const chart = flow.layout.charts[flow.layout.charts.length - 1];
    chart.data = { ...chart.data, column: chart.data.column + 1, numColumns: 2 };
  }
}

function cohortSection(flow: Flow, cohorts: NonNullable<ReportModel['cohorts']>): void {
  const { labels, formats, layout } = flow;
  flow.section(labels.cohorts);
  const headers = [...labels.cohortHeaders, ...Array.from({ length: cohorts.offsets }, (_, k) => String(k))];
  const body = cohorts.rows.map((r) => [day(r.start), r.customers, ...r.shares]);
  const rect = flow.table(headers, body, [
    formats.month,
    formats.integer,
    ...Array(cohorts.offsets).fill(formats.percent),
  ]);
  // header "0, 1, 2…" are offsets in months: written as numbers, as COHORT_RETENTION returns them
  for (let k = 0; k < cohorts.offsets; k++)
    layout.set(rect.row, 3 + k, { value: k, bold: true, background: COLORS.header, format: '0' });
  // The colour scale covers months 1… (month 0 is 100 % by definition and would flatten it).
  if (cohorts.rows.length && cohorts.offsets > 1)
    layout.heatmaps.push({
      row: rect.row + 1,
      column: 4,
      numRows: cohorts.rows.length,
      numColumns: cohorts.offsets - 1,
    });
}

/**
 * One action list: its title with the total, then the rows (or, without personal data, only the
 * count). Columns in `personal` (name, email) are left out when the workbook has no customer names.
 */
function listSection<T>(
  flow: Flow,
  title: string,
  headers: string[],
  rows: T[],
  total: number,
  cells: (row: T) => LayoutValue[],
  formats: (string | undefined)[],
  personal: number[] = [1, 2],
): void {
  const { labels } = flow;
  flow.subtitle(`${title} (${total})`);
  if (total === 0) flow.note(labels.none);
  else if (flow.privacy) flow.note(`${total} ${total === 1 ? labels.countOnlyOne : labels.countOnly}`);
  else {
    const keep = (_: unknown, c: number) => flow.hasNames || !personal.includes(c);
    flow.table(
      headers.filter(keep),
      rows.map((row) => cells(row).filter(keep)),
      formats.filter(keep),
    );
  }
  flow.skip();
}

function actionsSection(flow: Flow, model: ReportModel): void {
  const a = model.actions!;
  const { labels, formats } = flow;
  flow.section(labels.actions);
  const h = labels.listHeaders;
  const reasonText = (reasons: (keyof ReportLabels['reasons'])[]) => reasons.map((r) => labels.reasons[r]).join('; ');
  listSection(
    flow,
    labels.lists.winBack,
    h.winBack,
    a.winBack,
    a.winBackTotal,
    (r) => [r.customerId, r.name, r.email, reasonText(r.reasons), day(r.lastOrderDay), r.orders, r.spend, r.pAlive],
    [undefined, undefined, undefined, undefined, formats.date, formats.integer, formats.currency, formats.percent],
  );
  listSection(
    flow,
    labels.lists.promoters,
    h.promoters,
    a.promoters,
    a.promotersTotal,
    (r) => [r.customerId, r.name, r.email, r.score, day(r.day), r.comment],
    [undefined, undefined, undefined, '0', formats.date],
  );
  listSection(
    flow,
    labels.lists.welcome,
    h.welcome,
    a.welcome,
    a.welcomeTotal,
    (r) => [r.customerId, r.name, r.email, day(r.firstOrderDay), r.amount],
    [undefined, undefined, undefined, formats.date, formats.currency],
  );
  listSection(
    flow,
    labels.lists.upcoming,
    h.upcoming,
    a.upcoming,
    a.upcomingTotal,
    (r) => [r.customerId, r.name, r.email, labels.occasions[r.occasion], day(r.nextDay), r.daysUntil, r.years],
    [undefined, undefined, undefined, undefined, formats.date, formats.integer, formats.integer],
  );
  listSection(
    flow,
    labels.lists.detractors,
    h.detractors,
    a.detractors,
    a.detractorsTotal,
    (r) => [r.customerId, r.name, r.score, day(r.day), r.comment],
    [undefined, undefined, '0', formats.date],
    [1],
  );
  if (flow.privacy) return; // words come from the comments: they stay out of a version meant to travel
  flow.subtitle(labels.lists.words);
  if (a.words.length)
    flow.table(
      h.words,
      a.words.map((w) => [w.word, w.mentions]),
      [undefined, formats.integer],
    );
  else flow.note(labels.none);
}

function predictedSection(flow: Flow, predicted: NonNullable<ReportModel['predicted']>): void {
  const { labels, formats } = flow;
  flow.section(labels.lists.predicted);
  if ('unavailable' in predicted) {
    flow.note(predicted.unavailable);
    return;
  }
  listSection(
    flow,
    labels.lists.predictedList,
    labels.listHeaders.predicted,
    predicted.rows,
    predicted.customers,
    (r) => [r.customerId, r.name, r.pAlive, r.expectedPurchases, r.expectedOrderValue, r.clv],
    [undefined, undefined, formats.percent, formats.decimal, formats.currency, formats.currency],
    [1],
  );
}

/** The report sheet's layout. */
export function composeReport(model: ReportModel): SheetLayout {
  const labels = reportLabels(model.options.language);
  const layout = new SheetLayout();
  const flow = new Flow(layout, labels, formatsFor(model.options.currency));
  flow.privacy = model.options.withoutPersonalData;
  flow.hasNames = model.hasCustomerNames;
  headerBlock(flow, model);
  headlineBlock(flow, model.headline);
  chartsSection(flow, model);
  if (model.cohorts) cohortSection(flow, model.cohorts);
  if (model.actions) actionsSection(flow, model);
  if (model.predicted) predictedSection(flow, model.predicted);
  // Names and emails sit in columns B and C of the action lists.
  layout.columnWidths.set(1, 250);
  layout.columnWidths.set(2, 190);
  layout.columnWidths.set(3, 220);
  layout.columnWidths.set(4, 180); // the win-back list's reasons
  for (let c = 5; c <= 7; c++) layout.columnWidths.set(c, 130);
  layout.frozenRows = 1;
  return layout;
}
