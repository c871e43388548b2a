/**
 * The charts, on the report's grid (two per row, each four columns wide), and the data blocks they
 * read, written at the end of the sheet under "Chart data":
 *
 * - NPS by month: promoter, passive and detractor shares stacked to 100 %, the NPS as a line on a
 *   right axis, each month labelled with its number of answers;
 * - new and churned customers by month, the churn rate as a line on a right axis;
 * - MRR movements stacked (losses below zero) with net new MRR as a line, or revenue from new and
 *   returning customers with the total as a line;
 * - customers by RFM segment, coloured by the segment's health;
 * - key drivers: one series per question, so the legend names each point, and the two quadrant
 *   lines at the averages.
 */
import type { ReportModel } from '../compute/model';
import { COLORS, type LayoutChart, type LayoutRect, type LayoutValue } from '../layout';
import { type Flow, GRID_COLUMN_WIDTH } from './flow';
import { shortMonth } from './months';

/** Rows one chart takes on the grid (Sheets' default chart is 371 px high). */
const CHART_ROWS = 19;
const CHART_WIDTH = 4 * GRID_COLUMN_WIDTH;
const CHART_HEIGHT = 371;

/** A chart waiting for its data block: everything but where its data sits. */
export interface PendingChart {
  chart: Omit<LayoutChart, 'data'>;
  block: { title: string; headers: string[]; body: LayoutValue[][]; formats: (string | undefined)[] };
  /** Columns of the block the chart reads (from the first). */
  columns: number;
}

const day = (d: number): LayoutValue => ({ day: d });

function npsChart(flow: Flow, model: ReportModel): PendingChart | undefined {
  const rows = model.blocks.npsTrend;
  if (!rows) return undefined;
  const { labels, formats } = flow;
  const share = (count: number, total: number) => (total ? count / total : null);
  return {
    chart: {
      id: 'npsTrend',
      kind: 'combo',
      title: labels.chartTitles.npsTrend,
      anchor: { row: 0, column: 0 },
      stacked: true,
      series: {
        0: { color: COLORS.promoter },
        1: { color: COLORS.passive },
        2: { color: COLORS.detractor },
        3: { type: 'line', axis: 1, color: COLORS.line, lineWidth: 3, pointSize: 6 },
      },
      vAxes: [
        { title: labels.axes.shareOfAnswers, format: 'percent', min: 0, max: 1, gridlines: 5 },
        { title: 'NPS', format: '0', min: -100, max: 100, gridlines: 5 },
      ],
    },
    block: {
      title: labels.chartTitles.npsTrend,
      headers: labels.blockHeaders.npsTrend,
      body: rows.map((r) => [
        `${shortMonth(model.options.language, r.monthStart)} (${r.responses})`,
        share(r.promoters, r.responses),
        share(r.passives, r.responses),
        share(r.detractors, r.responses),
        r.nps,
        r.responses,
      ]),
      formats: [undefined, formats.percent, formats.percent, formats.percent, formats.points, formats.integer],
    },
    columns: 5,
  };
}

function customersChart(flow: Flow, model: ReportModel): PendingChart | undefined {
  const rows = model.blocks.customers;
  if (!rows) return undefined;
  const { labels, formats } = flow;
  return {
    chart: {
      id: 'customers',
      kind: 'combo',
      title: labels.chartTitles.customers,
      anchor: { row: 0, column: 0 },
      series: {
        0: { color: COLORS.good },
        1: { color: COLORS.bad },
        2: { type: 'line', axis: 1, color: COLORS.line, lineWidth: 3, pointSize: 5 },
      },
      vAxes: [
        { title: labels.axes.customers, min: 0 },
        { title: labels.axes.churnRate, format: 'percent', min: 0 },
      ],
    },
    block: {
      title: labels.chartTitles.customers,
      headers: labels.blockHeaders.customers,
      body: rows.map((r) => [day(r.monthStart), r.newCustomers, r.churned, r.churnRate, r.active]),
      formats: [formats.month, formats.integer, formats.integer, formats.percent, formats.integer],
    },
    columns: 4,
  };
}

function moneyChart(flow: Flow, model: ReportModel): PendingChart | undefined {
  const { labels, formats } = flow;
  const money = formats.wholeCurrency;
  if (model.blocks.mrr) {
    return {
      chart: {
        id: 'mrr',
        kind: 'combo',
        title: labels.chartTitles.mrr,
        anchor: { row: 0, column: 0 },
        stacked: true,
        series: {
          0: { color: '#34a853' },
          1: { color: '#1a73e8' },
          2: { color: '#a142f4' },
          3: { color: '#fbbc04' },
          4: { color: '#ea4335' },
          5: { type: 'line', color: '#202124', lineWidth: 3, pointSize: 5 },
        },
        vAxes: [{ title: labels.axes.amount }],
      },
      block: {
        title: labels.chartTitles.mrr,
        headers: labels.blockHeaders.mrr,
        body: model.blocks.mrr.map((r) => [
          day(r.monthStart),
          r.newMrr,
          r.expansion,
          r.reactivation,
          -r.contraction,
          -r.churned,
          r.netNew,
          r.ending,
        ]),
        formats: [formats.month, money, money, money, money, money, money, money],
      },
      columns: 7,
    };
  }
  if (!model.blocks.revenue) return undefined;
  return {
    chart: {
      id: 'revenue',
      kind: 'combo',
      title: labels.chartTitles.revenue,
      anchor: { row: 0, column: 0 },
      stacked: true,
      series: {
        0: { color: '#34a853' },
        1: { color: '#1a73e8' },
        2: { type: 'line', color: '#202124', lineWidth: 3, pointSize: 5 },
      },
      vAxes: [{ title: labels.axes.amount, min: 0 }],
    },
    block: {
      title: labels.chartTitles.revenue,
      headers: labels.blockHeaders.revenue,
      body: model.blocks.revenue.map((r) => [day(r.monthStart), r.fromNew, r.fromReturning, r.total]),
      formats: [formats.month, money, money, money],
    },
    columns: 4,
  };
}

function rfmChart(flow: Flow, model: ReportModel): PendingChart | undefined {
  const rows = model.blocks.rfm;
  if (!rows) return undefined;
  const { labels, formats } = flow;
  const groups = ['healthy', 'attention', 'atRisk'] as const;
  return {
    chart: {
      id: 'rfm',
      kind: 'bar',
      title: labels.chartTitles.rfm,
      anchor: { row: 0, column: 0 },
      stacked: true,
      colors: [COLORS.good, COLORS.attention, COLORS.bad],
    },
    block: {
      title: labels.chartTitles.rfm,
      headers: labels.blockHeaders.rfm,
      body: rows.map((r) => [
        labels.rfmSegments[r.segment],
        ...groups.map((g) => (r.health === g ? r.customers : null)),
        r.share,
      ]),
      formats: [undefined, formats.integer, formats.integer, formats.integer, formats.percent],
    },
    columns: 4,
  };
}

function driversChart(flow: Flow, model: ReportModel): PendingChart | undefined {
  const drivers = model.blocks.drivers?.filter((d) => d.correlation !== null);
  if (!drivers || drivers.length < 2) return undefined;
  const { labels, formats } = flow;
  const names = drivers.map((d) => (d.reversed ? labels.driversReversed[d.driver] : labels.drivers[d.driver]));
  const means = drivers.map((d) => d.mean);
  const correlations = drivers.map((d) => d.correlation!);
  const average = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanAverage = average(means);
  const correlationAverage = average(correlations);
  const pad = (lo: number, hi: number) => Math.max((hi - lo) * 0.1, 0.1);
  const xLo = Math.min(...means) - pad(Math.min(...means), Math.max(...means));
  const xHi = Math.max(...means) + pad(Math.min(...means), Math.max(...means));
  const yLo = Math.min(...correlations) - pad(Math.min(...correlations), Math.max(...correlations));
  const yHi = Math.max(...correlations) + pad(Math.min(...correlations), Math.max(...correlations));
  const width = drivers.length + 3;
  const row = (x: number, column: number, y: number): LayoutValue[] =>
    Array.from({ length: width }, (_, c) => (c === 0 ? x : c === column ? y : null));
  const body = [
    ...drivers.map((d, k) => row(d.mean, k + 1, d.correlation!)),
    row(xLo, drivers.length + 1, correlationAverage),
    row(xHi, drivers.length + 1, correlationAverage),
    row(meanAverage, drivers.length + 2, yLo),
    row(meanAverage, drivers.length + 2, yHi),
  ];
  const series: LayoutChart['series'] = {};
  const palette = ['#1a73e8', '#e8710a', '#188038', '#a142f4', '#d01884', '#12b5cb'];
  drivers.forEach((_, k) => {
    series[k] = { color: palette[k % palette.length], pointSize: 9, lineWidth: 0 };
  });
  series[drivers.length] = { color: COLORS.reference, lineWidth: 1, pointSize: 0, hideInLegend: true };
  series[drivers.length + 1] = { color: COLORS.reference, lineWidth: 1, pointSize: 0, hideInLegend: true };
  return {
    chart: {
      id: 'drivers',
      kind: 'scatter',
      title: labels.chartTitles.drivers,
      anchor: { row: 0, column: 0 },
      series,
      hAxis: { title: labels.axes.mean, min: xLo, max: xHi },
      vAxes: [{ title: labels.axes.correlation, min: yLo, max: yHi }],
    },
    block: {
      title: labels.chartTitles.drivers,
      headers: [labels.axes.mean, ...names, labels.axes.averageCorrelation, labels.axes.averageMean],
      body,
      formats: Array(width).fill(formats.decimal),
    },
    columns: width,
  };
}

/** Tickets opened by month as columns, the median first-response and resolution hours as lines on a right axis. */
function supportChart(flow: Flow, model: ReportModel): PendingChart | undefined {
  const support = model.support;
  if (!support) return undefined;
  const { labels, formats } = flow;
  const words = labels.support;
  return {
    chart: {
      id: 'support',
      kind: 'combo',
      title: words.chartTitle,
      anchor: { row: 0, column: 0 },
      series: {
        0: { color: '#9aa0a6' },
        1: { type: 'line', axis: 1, color: COLORS.line, lineWidth: 3, pointSize: 5 },
        2: { type: 'line', axis: 1, color: '#e8710a', lineWidth: 3, pointSize: 5 },
      },
      vAxes: [
        { title: words.kpis.opened, min: 0 },
        { title: words.hours, min: 0 },
      ],
    },
    block: {
      title: words.chartTitle,
      headers: words.chartHeaders,
      body: support.months.map((m) => [
        day(m.monthStart),
        m.opened,
        m.medianFirstResponseHours,
        m.medianResolutionHours,
        support.hasResolved ? m.resolvedWithinPeriodShare : null,
        m.ticketsPerCustomer,
      ]),
      formats: [formats.month, formats.integer, formats.decimal, formats.decimal, formats.percent, formats.decimal],
    },
    columns: 4,
  };
}

/** The charts the model allows, in reading order. */
export function pendingCharts(flow: Flow, model: ReportModel): PendingChart[] {
  return [npsChart, customersChart, moneyChart, rfmChart, driversChart, supportChart].flatMap((make) => {
    const chart = make(flow, model);
    return chart ? [chart] : [];
  });
}

/** Places the charts two per row on the grid, from the flow's row. */
export function placeCharts(flow: Flow, charts: PendingChart[]): void {
  charts.forEach((pending, i) => {
    const gridRow = Math.floor(i / 2);
    pending.chart.anchor = { row: flow.row + gridRow * CHART_ROWS, column: i % 2 === 0 ? 1 : 5 };
  });
  flow.row += Math.ceil(charts.length / 2) * CHART_ROWS;
}

/** Writes each chart's data block where the flow is, and gives the chart its range. */
export function writeChartData(flow: Flow, charts: PendingChart[]): void {
  for (const pending of charts) {
    flow.subtitle(pending.block.title);
    const rect: LayoutRect = flow.table(pending.block.headers, pending.block.body, pending.block.formats);
    flow.layout.charts.push({
      ...pending.chart,
      data: { ...rect, numColumns: pending.columns },
      legend: pending.chart.legend ?? 'bottom',
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
    });
    flow.skip();
  }
}
