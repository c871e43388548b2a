/**
 * The headline KPIs by segment (plan, channel, country…) for the report's period, each segment
 * compared with the rest of the customers and marked where it differs at 5 % after Holm's
 * correction across the segments (`src/kpi/segments/compare.ts`): churn, repeat rate and CSAT by the
 * two-proportion test, average order value by Welch's t-test, NPS by NPS_CHANGE's test. Customers
 * and revenue are counts of every customer and order, not samples: they carry no mark.
 *
 * A customer's segment is the Customers sheet's, else the one on their latest order up to the
 * period's end; an answer's is its own, else its customer's. One pass over each source.
 */
import { compareMeans, compareNps, compareRates, type SegmentComparison } from '../../kpi/segments/compare';
import { npsCounts } from '../../kpi/survey/nps';
import type { ReportPeriod } from '../period';
import type { ReportData } from '../records';
import type { CustomerActivity } from './activity';
import { BETTER_WHEN, csatScale, type HeadlineKey } from './headline';
import { orderColumns, ordersIn } from './order-columns';

/** The most segments the table shows; smaller ones are pooled into one "other" row. */
export const MAX_SEGMENTS = 10;

/** The name of the pooled row of the smaller segments (the layout words it). */
export const OTHER_SEGMENTS = '\u0000other';
/** The name of the row of customers without a segment (the layout words it). */
export const NO_SEGMENT = '\u0000none';

/** One tested KPI of one segment: its value and whether it differs from the rest (and which way). */
export interface SegmentValue {
  value: number | null;
  /** Holm-adjusted p-value of the segment-vs-rest test; `null` when no test could be made. */
  adjustedPValue: number | null;
  /** Better or worse than the rest at 5 % after Holm's correction; `null` when it does not differ. */
  differs: 'better' | 'worse' | null;
}

/** One row of the segment table. */
export interface SegmentRow {
  segment: string;
  /** Active customers (an order in the 12 months) at the period's end. */
  customers: number;
  churn: SegmentValue;
  revenue: number;
  aov: SegmentValue;
  repeatRate: SegmentValue;
  nps: SegmentValue;
  csat: SegmentValue;
}

/** The segment table, and which of its KPIs the sources allow. */
export interface SegmentTable {
  rows: SegmentRow[];
  columns: { orders: boolean; nps: boolean; csat: boolean };
}

const blank = (s: string | null | undefined) => s === null || s === undefined || s.trim() === '';

/** A segment's tested value out of a comparison, marked by the KPI's direction. */
function segmentValue(comparison: SegmentComparison | undefined, key: HeadlineKey): SegmentValue {
  if (!comparison) return { value: null, adjustedPValue: null, differs: null };
  const direction = BETTER_WHEN[key];
  const differs =
    comparison.differs && comparison.difference !== null && comparison.difference !== 0
      ? Math.sign(comparison.difference) === direction
        ? 'better'
        : 'worse'
      : null;
  return { value: comparison.value, adjustedPValue: comparison.adjustedPValue, differs };
}

/** Whether any source has a non-blank segment. */
export function hasSegments(data: ReportData): boolean {
  return Boolean(
    data.customers?.records.some((c) => !blank(c.segment)) ||
      data.orders?.records.some((o) => !blank(o.segment)) ||
      data.surveys?.records.some((s) => !blank(s.segment)),
  );
}

/**
 * The KPIs of the period by segment, or `undefined` when fewer than two segments have customers or
 * answers. Each tested KPI is compared segment against the rest with Holm's correction across the
 * segments (compareRates, compareMeans, compareNps). O(orders + customers + answers), plus
 * O(segments · orders in the period) for Welch's test of the order values. `ofCustomer` is
 * `customerSegments(data, period.end)`, when the caller has it already.
 * @example segmentTable(data, activity, period)?.rows[0]
 * // { segment: 'Club', customers: 310, churn: { value: 0.04, adjustedPValue: 0.01, differs: 'better' }, … }
 */
export function segmentTable(
  data: ReportData,
  activity: CustomerActivity | undefined,
  period: ReportPeriod,
  ofCustomer: Map<string, string> = customerSegments(data, period.end),
): SegmentTable | undefined {
  const { start, end } = period;
  const rawOf = (customerId: string, own?: string | null) =>
    !blank(own) ? own!.trim() : (ofCustomer.get(customerId) ?? NO_SEGMENT);

  // Sizes decide which segments get a row of their own.
  const size = new Map<string, number>();
  const count = (segment: string) => size.set(segment, (size.get(segment) ?? 0) + 1);
  activity?.ids.forEach((id, c) => {
    if (activity.firstDay(c) <= end) count(rawOf(id));
  });
  const surveys = (data.surveys?.records ?? []).filter((s) => s.day >= start && s.day <= end);
  for (const s of surveys) count(rawOf(s.customerId, s.segment));
  const named = [...size.keys()].filter((s) => s !== NO_SEGMENT);
  if (named.length === 0 || size.size < 2) return undefined;
  const kept = new Set(
    named
      .sort((a, b) => size.get(b)! - size.get(a)! || (a < b ? -1 : 1))
      .slice(0, named.length > MAX_SEGMENTS ? MAX_SEGMENTS - 1 : MAX_SEGMENTS),
  );
  const segmentOf = (customerId: string, own?: string | null) => {
    const raw = rawOf(customerId, own);
    return raw === NO_SEGMENT || kept.has(raw) ? raw : OTHER_SEGMENTS;
  };

  const rows = new Map<string, { customers: number; revenue: number }>();
  const row = (segment: string) => {
    let r = rows.get(segment);
    if (!r) rows.set(segment, (r = { customers: 0, revenue: 0 }));
    return r;
  };
  // Customers: active at the end, churned of those active at the start, repeat buyers so far.
  const churnSegments: string[] = [];
  const churned: boolean[] = [];
  const repeatSegments: string[] = [];
  const repeated: boolean[] = [];
  const ordersSoFar = new Map<string, number>();
  if (data.orders?.records.length) {
    const { days, customers } = orderColumns(data.orders.records);
    const counts = new Int32Array(customers.ids.length);
    for (let i = 0; i < days.length; i++) if (days[i] <= end) counts[customers.of[i]]++;
    customers.ids.forEach((id, c) => {
      if (counts[c]) ordersSoFar.set(id, counts[c]);
    });
  }
  activity?.ids.forEach((id, c) => {
    if (activity.firstDay(c) > end) return;
    const segment = segmentOf(id);
    const r = row(segment);
    const atEnd = activity.activeOn(c, end);
    if (atEnd) r.customers++;
    if (activity.activeOn(c, start - 1)) {
      churnSegments.push(segment);
      churned.push(!atEnd);
    }
    repeatSegments.push(segment);
    repeated.push((ordersSoFar.get(id) ?? 0) >= 2);
  });
  // Orders of the period: revenue and order values.
  const orderValues = new Map<string, number[]>();
  const ofPeriod = data.orders?.records.length ? ordersIn(data.orders.records, { start, end }) : undefined;
  for (let i = 0; i < (ofPeriod?.ids.length ?? 0); i++) {
    const amount = ofPeriod!.amounts[i];
    const segment = segmentOf(ofPeriod!.ids[i]);
    row(segment).revenue += amount;
    let values = orderValues.get(segment);
    if (!values) orderValues.set(segment, (values = []));
    values.push(amount);
  }
  // Answers of the period: NPS counts and satisfied CSAT ratings.
  const allCsat = (data.surveys?.records ?? []).flatMap((s) => (s.csat === null ? [] : [s.csat]));
  const scale = csatScale(allCsat);
  const npsScores = new Map<string, number[]>();
  const csatRates = new Map<string, { successes: number; trials: number }>();
  for (const s of surveys) {
    const segment = segmentOf(s.customerId, s.segment);
    row(segment);
    if (s.nps !== null) {
      let scores = npsScores.get(segment);
      if (!scores) npsScores.set(segment, (scores = []));
      scores.push(s.nps);
    }
    if (s.csat !== null && scale !== undefined) {
      let rate = csatRates.get(segment);
      if (!rate) csatRates.set(segment, (rate = { successes: 0, trials: 0 }));
      rate.trials++;
      if (s.csat >= scale - 1) rate.successes++;
    }
  }
  if (rows.size < 2) return undefined;

  const segments = [...rows.keys()].sort(
    (a, b) => rank(a) - rank(b) || rows.get(b)!.customers - rows.get(a)!.customers || (a < b ? -1 : 1),
  );
  const bySegment = (comparisons: SegmentComparison[]) => new Map(comparisons.map((c) => [c.segment, c]));
  const rates = (segs: string[], outcomes: boolean[]) => {
    const tally = new Map(segments.map((s) => [s, { segment: s, successes: 0, trials: 0 }]));
    segs.forEach((s, i) => {
      const t = tally.get(s)!;
      t.trials++;
      if (outcomes[i]) t.successes++;
    });
    return bySegment(compareRates([...tally.values()].filter((t) => t.trials > 0)));
  };
  const hasOrders = Boolean(activity);
  const churn = hasOrders ? rates(churnSegments, churned) : new Map();
  const repeat = hasOrders ? rates(repeatSegments, repeated) : new Map();
  const aov = bySegment(
    compareMeans(segments.filter((s) => orderValues.has(s)).map((s) => ({ segment: s, values: orderValues.get(s)! }))),
  );
  const nps = bySegment(
    compareNps(
      segments.filter((s) => npsScores.has(s)).map((s) => ({ segment: s, counts: npsCounts(npsScores.get(s)!) })),
    ),
  );
  const csat = bySegment(
    compareRates(segments.filter((s) => csatRates.has(s)).map((s) => ({ segment: s, ...csatRates.get(s)! }))),
  );
  return {
    rows: segments.map((segment) => ({
      segment,
      customers: rows.get(segment)!.customers,
      churn: segmentValue(churn.get(segment), 'churn'),
      revenue: rows.get(segment)!.revenue,
      aov: segmentValue(aov.get(segment), 'aov'),
      repeatRate: segmentValue(repeat.get(segment), 'repeatRate'),
      nps: segmentValue(nps.get(segment), 'nps'),
      csat: segmentValue(csat.get(segment), 'csat'),
    })),
    columns: { orders: hasOrders, nps: npsScores.size > 0, csat: csatRates.size > 0 },
  };
}

/** Named segments first, then the pooled smaller ones, then customers without a segment. */
function rank(segment: string): number {
  return segment === NO_SEGMENT ? 2 : segment === OTHER_SEGMENTS ? 1 : 0;
}

/**
 * Each customer's segment as the segment table places them — the Customers sheet's, else their latest
 * order's up to `endDay`, else (someone known only by the surveys) their latest answer's — for the
 * action lists. Empty without any segment.
 * @example customerSegments(data, endDay).get('C-0007') // 'Club'
 */
export function customerSegments(data: ReportData, endDay: number): Map<string, string> {
  const out = new Map<string, string>();
  const latest = new Map<string, number>();
  for (const o of data.orders?.records ?? []) {
    if (o.day > endDay || blank(o.segment)) continue;
    if (o.day >= (latest.get(o.customerId) ?? Number.NEGATIVE_INFINITY)) {
      latest.set(o.customerId, o.day);
      out.set(o.customerId, o.segment.trim());
    }
  }
  for (const c of data.customers?.records ?? []) if (!blank(c.segment)) out.set(c.customerId, c.segment.trim());
  // A respondent known by no sheet but the surveys: the segment of their latest answer.
  const answered = new Map<string, number>();
  for (const s of data.surveys?.records ?? []) {
    if (s.day > endDay || blank(s.segment) || !s.customerId || (out.has(s.customerId) && !answered.has(s.customerId)))
      continue;
    if (s.day >= (answered.get(s.customerId) ?? Number.NEGATIVE_INFINITY)) {
      answered.set(s.customerId, s.day);
      out.set(s.customerId, s.segment.trim());
    }
  }
  return out;
}
