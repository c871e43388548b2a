/**
 * Lays a computed report out as a sheet, the story first: title and period; a data-quality note
 * when rows were skipped; the summary band (KPI cards and three sentences); the headline table
 * with each change's significance and the year-earlier value; the charts on the grid and the key
 * drivers; the action lists; the cohort heatmap; predicted value; then, at the bottom, the sources
 * with every skip reason, and the data the charts and sparklines read. Values and number formats,
 * plus the one kind of native formula the report writes: a SPARKLINE of its own trend cells.
 *
 * Two variants: the named report (lists with names, pointing to the lists sheet) and the version
 * to share (no names, emails, comments or ages: each list is its count and value at stake).
 */
import type { HeadlineKpi, ReportModel } from '../compute/model';
import { verdictOf } from '../compute/story';
import { fill } from '../fill';
import { PERIODS_PER_YEAR } from '../period';
import { formatsFor, kpiFormat } from '../formats';
import { cutDescriptions, periodLabel, reportLabels, skipDescriptions } from '../labels';
import { COLORS, columnLetters, SheetLayout, type LayoutValue } from '../layout';
import { changeCell, significanceCell, summaryBand, targetCell, type SparklineCell } from './band';
import { pendingCharts, placeCharts, writeChartData } from './charts';
import { Flow, GRID_COLUMN_WIDTH, GRID_COLUMNS } from './flow';
import { numberText } from '../../locale/number-text';
import { composeLists, listSection, type ListsSheetPlace } from './lists';
import { projectionSection, revenueCohortSection } from './growth';
import { segmentSection } from './segments';
import { supportSectionLayout } from './support';
import { moneyText } from './prose';
import { shortPeriod } from './months';

/** Which version of the report. */
export type ReportVariant = 'named' | 'shared';

function header(flow: Flow, model: ReportModel, variant: ReportVariant): void {
  const { labels, layout, formats } = flow;
  const { period, options } = model;
  layout.set(1, 1, {
    value: variant === 'shared' ? labels.sharedTitle : labels.title,
    bold: true,
    size: 16,
    color: COLORS.title,
  });
  layout.set(2, 1, {
    value:
      `${periodLabel(options.language, period.kind, period.index)} (${labels.comparedWith} ` +
      `${periodLabel(options.language, period.kind, period.previous.index)})`,
    bold: true,
  });
  layout.set(3, 1, { value: labels.generatedAt, color: COLORS.muted });
  layout.set(3, 2, { value: { instant: options.generatedAt }, format: formats.dateTime, color: COLORS.muted });
  layout.set(3, 3, { value: `${labels.timeZone}: ${options.timeZone}`, color: COLORS.muted });
  flow.row = 4;
  if (variant === 'shared') flow.note(labels.personalDataOmitted);
  const skipped = model.sources.filter((s) => s.skipped.total > 0);
  if (skipped.length) {
    const total = skipped.reduce((n, s) => n + s.skipped.total, 0);
    const where = skipped.map((s) => `${s.sheet} ${s.skipped.total}`).join(', ');
    flow.note(fill(labels.dataQuality, { count: String(total), where }), COLORS.attention);
  }
}

/** The headline table: value, previous, change (coloured), significance, a year earlier, definition. */
function headlineTable(flow: Flow, model: ReportModel): void {
  const { labels, layout, formats } = flow;
  flow.section(labels.headline);
  const top = flow.row;
  const yearLabel = shortPeriod(
    model.options.language,
    model.period.kind,
    model.period.index - PERIODS_PER_YEAR[model.period.kind],
  );
  const headers = labels.headlineHeaders.map((h, c) => (c === 6 ? fill(h, { period: yearLabel }) : h));
  flow.table(headers, []);
  model.headline.forEach((kpi: HeadlineKpi, i) => {
    const row = top + 1 + i;
    const [name, definition] = labels.kpis[kpi.key];
    const format = kpiFormat(formats, kpi.format);
    layout.set(row, 1, { value: name, bold: true });
    const met = kpi.target?.met;
    layout.set(row, 3, {
      value: kpi.current,
      format,
      ...(met === true || met === false ? { color: met ? COLORS.good : COLORS.bad, bold: true } : {}),
    });
    layout.set(row, 4, { value: kpi.previous, format, color: COLORS.muted });
    layout.set(row, 5, { ...changeCell(flow, kpi, kpi.previous, verdictOf(kpi), false), bold: false, align: 'right' });
    layout.set(row, 6, { ...significanceCell(flow, kpi.changeTest), size: 10 });
    if (kpi.yearAgo !== null)
      layout.set(row, 7, {
        ...changeCell(flow, kpi, kpi.yearAgo, verdictOf(kpi, 'yearAgo'), false),
        bold: false,
        align: 'right',
      });
    if (kpi.target) {
      // The target goes first in the last column, coloured like the card's mark; the definition follows it.
      const mark = targetCell(flow, model, kpi);
      layout.set(row, 8, { ...mark, value: `${mark.value} · ${definition}`, size: 10 });
    } else layout.set(row, 8, { value: definition, color: COLORS.muted, italic: true });
  });
  flow.row = top + 1 + model.headline.length;
}

/** The key drivers as a table a reader can scan: the question, its mean, correlation and quadrant. */
function driversTable(flow: Flow, model: ReportModel): void {
  const drivers = model.blocks.drivers;
  if (!drivers) return;
  const { labels, formats } = flow;
  flow.subtitle(labels.chartTitles.drivers);
  flow.table(
    [labels.blockHeaders.drivers[0], '', ...labels.blockHeaders.drivers.slice(1)],
    drivers.map((d) => [
      d.reversed ? labels.driversReversed[d.driver] : labels.drivers[d.driver],
      null,
      d.mean,
      d.correlation,
      d.quadrant ? labels.quadrants[d.quadrant] : null,
    ]),
    [undefined, undefined, formats.decimal, formats.decimal],
  );
}

/**
 * SaaS efficiency by month (with subscriptions): ARR, paying accounts, ARPA, MRR growth rate, Quick
 * Ratio and CAC payback for each month of the MRR chart, blank where the maths has no denominator;
 * a note says what CAC payback needs when the Customers sheet has no acquisition cost.
 */
function saasTable(flow: Flow, model: ReportModel): void {
  const rows = model.blocks.mrr;
  if (!rows) return;
  const { labels, formats } = flow;
  flow.skip();
  flow.subtitle(labels.saas.title);
  flow.table(
    labels.saas.headers,
    rows.map((r) => [{ day: r.monthStart }, r.arr, r.payingAccounts, r.arpa, r.growth, r.quickRatio, r.cacPayback]),
    [
      formats.month,
      formats.wholeCurrency,
      formats.integer,
      formats.currency,
      formats.percent,
      formats.decimal,
      formats.decimal,
    ],
  );
  if (!model.headline.some((kpi) => kpi.key === 'cacPayback')) flow.note(labels.saas.noCac);
}

/** Notes for the parts a missing sheet or column leaves out of the charts. */
function missingCharts(flow: Flow, model: ReportModel): void {
  const { labels } = flow;
  for (const part of ['npsTrend', 'customers', 'revenue', 'rfm', 'drivers'] as const) {
    const source = model.missing[part];
    if (source) flow.note(`${labels.chartTitles[part]}: ${labels.missingSource[source]}`);
  }
}

function cohortSection(flow: Flow, cohorts: NonNullable<ReportModel['cohorts']>): void {
  const { labels, formats, layout } = flow;
  flow.section(labels.cohorts);
  const headers = [...labels.cohortHeaders, ...Array.from({ length: cohorts.offsets }, (_, k) => String(k))];
  const body = cohorts.rows.map((r) => [{ day: r.start }, r.customers, ...r.shares] as LayoutValue[]);
  const rect = flow.table(headers, body, [
    formats.month,
    formats.integer,
    ...Array(cohorts.offsets).fill(formats.percent),
  ]);
  // The offsets (months after the first order) are numbers, as COHORT_RETENTION returns them.
  for (let k = 0; k < cohorts.offsets; k++)
    layout.set(rect.row, 3 + k, { value: k, bold: true, background: COLORS.header, format: '0' });
  // Month 0 is 100 % by definition and would flatten the colour scale.
  if (cohorts.rows.length && cohorts.offsets > 1)
    layout.heatmaps.push({
      row: rect.row + 1,
      column: 4,
      numRows: cohorts.rows.length,
      numColumns: cohorts.offsets - 1,
    });
}

/** Which model the predictions use and why: the holdout check's totals and groups, and the spend fallback. */
function predictedSection(flow: Flow, model: ReportModel): void {
  const p = model.predicted;
  const { labels, formats, locale } = flow;
  if (!p || 'unavailable' in p) {
    predictedNote(flow, model);
    return;
  }
  const words = labels.predictedWords;
  const name = (m: 'bgnbd' | 'mbgnbd') => words.models[m];
  flow.section(labels.lists.predicted);
  const h = p.holdout;
  if (h) {
    const other = p.model === 'bgnbd' ? 'mbgnbd' : 'bgnbd';
    const otherTotal = h.predicted[other];
    flow.note(
      fill(words.chosen, {
        model: name(p.model),
        predicted: numberText(h.predicted[p.model] ?? 0, 0, locale),
        weeks: String(h.weeks),
        actual: numberText(h.actual, 0, locale),
      }) +
        (otherTotal === undefined
          ? ''
          : ` ${fill(words.other, { model: name(other), predicted: numberText(otherTotal, 0, locale) })}`),
      COLORS.title,
    );
    const top = flow.row;
    flow.table(
      words.groupHeaders,
      h.groups.map((g) => [g.x, g.customers, g.actual, g.bgnbd, g.mbgnbd]),
      ['0', formats.integer, formats.decimal, formats.decimal, formats.decimal],
    );
    // The last group holds 7 or more repeat purchases.
    flow.layout.set(top + h.groups.length, 1, { value: 7, format: '0"+"' });
  } else flow.note(fill(words.noCheck, { model: name(p.model) }));
  if (p.spendFallback)
    flow.note(
      fill(words.fallback, { value: moneyText(p.spendFallback.meanRepeatOrderValue, model.options.currency, locale) }),
    );
  flow.note(words.bands);
}

function predictedNote(flow: Flow, model: ReportModel): void {
  const p = model.predicted;
  const { labels } = flow;
  if (p && 'unavailable' in p) {
    flow.section(labels.lists.predicted);
    flow.note(p.unavailable);
  } else if (!p && model.options.sections.predicted && model.missing.predicted) {
    flow.section(labels.lists.predicted);
    flow.note(labels.missingSource[model.missing.predicted]);
  }
}

/** The cohort section's place, with what to add when the orders it needs are missing. */
function missingCohorts(flow: Flow, model: ReportModel): void {
  if (model.cohorts || !model.options.sections.cohorts || !model.missing.cohorts) return;
  flow.section(flow.labels.cohorts);
  flow.note(flow.labels.missingSource[model.missing.cohorts]);
}

function sourcesSection(flow: Flow, model: ReportModel): void {
  const { labels, formats } = flow;
  flow.section(labels.sources);
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
  flow.table(labels.sourceHeaders, body, [undefined, undefined, formats.integer, formats.integer, formats.integer]);
}

/** The trend block the sparklines read, and the sparkline formulas pointing at it. */
function trends(flow: Flow, model: ReportModel, sparklines: SparklineCell[]): void {
  if (!sparklines.length) return;
  const { labels, formats, layout } = flow;
  const byKey = new Map(model.headline.map((kpi) => [kpi.key, kpi]));
  const first = model.period.index - (byKey.get(sparklines[0].key)!.trend.length - 1);
  const periods = byKey
    .get(sparklines[0].key)!
    .trend.map((_, k) => periodLabel(model.options.language, model.period.kind, first + k));
  flow.subtitle(labels.trendsTitle);
  const top = flow.row;
  flow.table(
    [labels.headlineHeaders[0], ...periods],
    sparklines.map((s) => [labels.kpis[s.key][0], ...byKey.get(s.key)!.trend]),
  );
  sparklines.forEach((s, i) => {
    const kpi = byKey.get(s.key)!;
    const row = top + 1 + i;
    for (let c = 0; c < kpi.trend.length; c++)
      layout.set(row, 2 + c, { value: kpi.trend[c], format: kpiFormat(formats, kpi.format) });
    const range = `${columnLetters(2)}${row}:${columnLetters(1 + kpi.trend.length)}${row}`;
    layout.set(s.row, s.column, {
      value: {
        formula: `=SPARKLINE(${range},{"charttype","line";"linewidth",2;"color","${COLORS.line}";"empty","ignore"})`,
      },
      background: COLORS.card,
    });
  });
}

/** The report sheet's layout, named or to share; `listsSheet` is where the lists sheet is (named version). */
export function composeReport(
  model: ReportModel,
  variant: ReportVariant,
  listsSheet: ListsSheetPlace | null,
): SheetLayout {
  const labels = reportLabels(model.options.language, model.options.locale);
  const layout = new SheetLayout();
  const flow = new Flow(layout, labels, formatsFor(model.options.currency, model.options.locale), model.options.locale);
  const shared = variant === 'shared';
  header(flow, model, variant);
  const sparklines = summaryBand(flow, model, shared ? null : listsSheet);
  headlineTable(flow, model);
  const charts = model.options.sections.charts ? pendingCharts(flow, model) : [];
  if (charts.length || model.options.sections.charts) {
    flow.section(labels.charts);
    placeCharts(flow, charts);
    missingCharts(flow, model);
    driversTable(flow, model);
    saasTable(flow, model);
  }
  segmentSection(flow, model);
  supportSectionLayout(flow, model);
  listSection(flow, model, shared, shared ? null : listsSheet);
  if (model.cohorts) cohortSection(flow, model.cohorts);
  else missingCohorts(flow, model);
  const growthCharts = [...revenueCohortSection(flow, model), ...projectionSection(flow, model)];
  predictedSection(flow, model);
  sourcesSection(flow, model);
  if (charts.length || growthCharts.length || sparklines.length) {
    flow.section(labels.chartData);
    writeChartData(flow, [...charts, ...growthCharts]);
    trends(flow, model, sparklines);
  }
  for (let c = 1; c <= GRID_COLUMNS; c++) layout.columnWidths.set(c, GRID_COLUMN_WIDTH);
  layout.frozenRows = 1;
  return layout;
}

/** The lists sheet's layout (named version only); `place` says how many rows of each list it holds. */
export function composeListsSheet(model: ReportModel, place?: ListsSheetPlace): SheetLayout {
  const labels = reportLabels(model.options.language, model.options.locale);
  return composeLists(model, labels, formatsFor(model.options.currency, model.options.locale), place);
}
