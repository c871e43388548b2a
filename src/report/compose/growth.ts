/**
 * Revenue cohorts and the projection, laid out: the revenue-retention heatmap after the customer
 * cohort heatmap with the LTV curves chart under it (cumulative revenue per customer of a few recent
 * cohorts), and the projection — its assumptions stated first, the 12 projected months, where the
 * rates level off — with its chart. The charts read data blocks written under "Chart data".
 */
import { periodStartDay } from '../../kpi/calendar/days';
import { fill } from '../fill';
import type { ReportModel } from '../compute/model';
import { numberText } from '../../locale/number-text';
import { COLORS, type LayoutValue } from '../layout';
import { type PendingChart, placeCharts } from './charts';
import type { Flow } from './flow';
import { shortMonth } from './months';
import { moneyText, valueText } from './prose';

const LINE_COLORS = ['#9aa0a6', '#a142f4', '#e8710a', '#1a73e8'];

/** "#rrggbb" → [r, g, b]. */
function rgb(hex: string): number[] {
  return [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
}

/**
 * The colour of a value on the heatmap's three-point scale — the lowest value low, the median mid,
 * the highest high, linear in between — as Sheets' gradient rule with a 50th-percentile midpoint
 * paints it.
 * @example heatScale([0.1, 0.2, 0.9])(0.2) // COLORS.heatMid
 */
function heatScale(values: number[]): (value: number) => string {
  const sorted = values.slice().sort((a, b) => a - b);
  const low = sorted[0];
  const high = sorted[sorted.length - 1];
  const position = ((sorted.length - 1) * 50) / 100;
  const below = Math.floor(position);
  const mid = sorted[below] + (sorted[Math.min(below + 1, sorted.length - 1)] - sorted[below]) * (position - below);
  const [lo, mi, hi] = [COLORS.heatLow, COLORS.heatMid, COLORS.heatHigh].map(rgb);
  const mix = (a: number[], b: number[], t: number) =>
    `#${a
      .map((x, i) =>
        Math.round(x + (b[i] - x) * t)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')}`;
  return (value) => {
    if (value <= mid) return mix(lo, mi, mid > low ? (value - low) / (mid - low) : 1);
    return mix(mi, hi, high > mid ? (value - mid) / (high - mid) : 1);
  };
}

/** The revenue cohort heatmap and the LTV curves; returns the chart to write data for. */
export function revenueCohortSection(flow: Flow, model: ReportModel): PendingChart[] {
  const cohorts = model.revenueCohorts;
  if (!cohorts) return [];
  const { labels, formats, layout } = flow;
  const words = labels.revenueCohorts;
  flow.skip();
  flow.subtitle(words.title);
  const headers = [...words.headers, ...Array.from({ length: cohorts.offsets }, (_, k) => String(k))];
  const rect = flow.table(
    headers,
    cohorts.rows.map((r) => [{ day: r.start }, r.customers, r.firstRevenue, ...r.retention] as LayoutValue[]),
    [formats.month, formats.integer, formats.wholeCurrency, ...Array(cohorts.offsets).fill(formats.percent)],
  );
  for (let k = 0; k < cohorts.offsets; k++)
    layout.set(rect.row, 4 + k, { value: k, bold: true, background: COLORS.header, format: '0' });
  // Coloured cell by cell, on a scale of its own: the sheet's one conditional-format rule spans every
  // range it covers, and revenue retention (often near or above 100 %) would wash out the customer
  // cohort heatmap. Month 0 is 100 % by definition and stays out of the scale.
  const values = cohorts.rows.flatMap((r) => r.retention.slice(1).filter((v): v is number => v !== null));
  if (values.length) {
    const scale = heatScale(values);
    cohorts.rows.forEach((r, i) =>
      r.retention.forEach((v, k) => {
        if (k === 0 || v === null) return;
        layout.set(rect.row + 1 + i, 4 + k, { value: v, format: formats.percent, background: scale(v) });
      }),
    );
  }
  if (!model.options.sections.charts || !cohorts.curves.length) return [];
  flow.skip();
  const { language } = model.options;
  const shown = cohorts.curves.map((k) => cohorts.rows[k]);
  const chart: PendingChart = {
    chart: {
      id: 'ltvCurves',
      kind: 'line',
      title: words.ltvTitle,
      anchor: { row: 0, column: 0 },
      series: Object.fromEntries(
        shown.map((_, k) => [k, { color: LINE_COLORS[k % LINE_COLORS.length], lineWidth: 3, pointSize: 5 }]),
      ),
      hAxis: { title: words.monthsAfter },
      vAxes: [{ title: words.perCustomer, min: 0 }],
    },
    block: {
      title: words.ltvTitle,
      headers: [words.monthsAfter, ...shown.map((r) => `${shortMonth(language, r.start)} (${r.customers})`)],
      body: Array.from({ length: cohorts.offsets }, (_, k) => [k, ...shown.map((r) => r.cumulative[k] ?? null)]),
      formats: ['0', ...shown.map(() => formats.wholeCurrency)],
    },
    columns: shown.length + 1,
  };
  placeCharts(flow, [chart]);
  return [chart];
}

/** The projection section; returns its chart to write data for. */
export function projectionSection(flow: Flow, model: ReportModel): PendingChart[] {
  const p = model.projection;
  const { labels, formats, locale } = flow;
  const words = labels.projection;
  if (!p) {
    if (model.missing.projection) {
      flow.section(words.title);
      flow.note(labels.missingSource[model.missing.projection]);
    }
    return [];
  }
  const { currency, language } = model.options;
  const a = p.assumptions;
  flow.section(words.title);
  flow.note(
    fill(words.assumptions, {
      months: a.basisMonths.map((m) => shortMonth(language, periodStartDay(m, 'month'))).join(', '),
      churn: valueText(a.churnRate, 'percent', currency, locale),
      added: numberText(a.newCustomersPerMonth, 0, locale),
      revenue: moneyText(a.revenuePerCustomer, currency, locale),
      customers: numberText(a.startCustomers, 0, locale),
    }),
    COLORS.title,
  );
  flow.table(
    words.headers,
    p.months.map((m) => [{ day: m.firstDay }, m.customersAtEnd, m.newCustomers, m.lostCustomers, m.revenue]),
    [formats.month, formats.integer, formats.integer, formats.integer, formats.wholeCurrency],
  );
  flow.note(fill(words.total, { revenue: moneyText(p.totalRevenue, currency, locale) }));
  if (p.steadyStateCustomers !== null && p.steadyStateRevenue !== null)
    flow.note(
      fill(words.steady, {
        customers: numberText(p.steadyStateCustomers, 0, locale),
        revenue: moneyText(p.steadyStateRevenue, currency, locale),
      }),
    );
  if (!model.options.sections.charts) return [];
  flow.skip();
  const chart: PendingChart = {
    chart: {
      id: 'projection',
      kind: 'combo',
      title: words.chartTitle,
      anchor: { row: 0, column: 0 },
      series: {
        0: { color: '#a8dab5' },
        1: { type: 'line', axis: 1, color: COLORS.line, lineWidth: 3, pointSize: 5 },
      },
      vAxes: [
        { title: labels.axes.amount, min: 0 },
        { title: labels.axes.customers, min: 0 },
      ],
    },
    block: {
      title: words.chartTitle,
      headers: [words.headers[0], words.headers[4], words.headers[1]],
      body: p.months.map((m) => [{ day: m.firstDay }, m.revenue, m.customersAtEnd]),
      formats: [formats.month, formats.wholeCurrency, formats.integer],
    },
    columns: 3,
  };
  placeCharts(flow, [chart]);
  return [chart];
}
