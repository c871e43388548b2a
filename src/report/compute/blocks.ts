/**
 * The data blocks the report's charts read, and the cohort table.
 */
import { periodEndDay, periodIndex, periodStartDay } from '../../kpi/calendar/days';
import { type CohortRetention, cohortRetention } from '../../kpi/retention/cohorts';
import { rfmScores, type RfmRow, type RfmSegment } from '../../kpi/retention/rfm';
import { saasEfficiency } from '../../kpi/revenue/saas-efficiency';
import type { Subscription } from '../../kpi/revenue/subscription';
import { keyDrivers } from '../../kpi/survey/key-drivers';
import { npsCounts, npsOfCounts } from '../../kpi/survey/nps';
import type { OrderRecord, SurveyRecord } from '../records';
import type { CustomerActivity } from './activity';
import type { ReportModel } from './model';
import { type OrderColumns, ordersIn } from './order-columns';

/** Months shown in the trend charts and cohort table. */
export const TREND_MONTHS = 12;

/** Month indexes of the 12 months ending with the month holding `endDay`. */
function trendMonths(endDay: number): number[] {
  const last = periodIndex(endDay, 'month');
  return Array.from({ length: TREND_MONTHS }, (_, k) => last - TREND_MONTHS + 1 + k);
}

/** Promoters, passives and detractors per month, with the answers they come from. */
export function npsTrendBlock(surveys: SurveyRecord[], endDay: number): NonNullable<ReportModel['blocks']['npsTrend']> {
  const months = trendMonths(endDay);
  const first = months[0];
  const scores: number[][] = months.map(() => []);
  for (const s of surveys) {
    if (s.nps === null) continue;
    const k = periodIndex(s.day, 'month') - first;
    if (k >= 0 && k < months.length) scores[k].push(s.nps);
  }
  return months.map((m, k) => {
    const counts = npsCounts(scores[k]);
    return {
      monthStart: periodStartDay(m, 'month'),
      promoters: counts.promoters,
      passives: counts.passives,
      detractors: counts.detractors,
      responses: counts.responses,
      nps: counts.responses ? npsOfCounts(counts) : null,
    };
  });
}

/** Active, new and churned customers per month. */
export function customersBlock(
  activity: CustomerActivity,
  endDay: number,
): NonNullable<ReportModel['blocks']['customers']> {
  return trendMonths(endDay).map((m) => {
    const counts = activity.window(periodStartDay(m, 'month'), periodEndDay(m, 'month'));
    return {
      monthStart: periodStartDay(m, 'month'),
      active: counts.atEnd,
      newCustomers: counts.newCustomers,
      churned: counts.churned,
      churnRate: counts.atStart ? counts.churned / counts.atStart : null,
    };
  });
}

/** Revenue per month from customers in their first month and from returning customers. */
export function revenueBlock(
  orders: OrderRecord[],
  activity: CustomerActivity,
  endDay: number,
): NonNullable<ReportModel['blocks']['revenue']> {
  const months = trendMonths(endDay);
  const first = months[0];
  const firstMonth = new Map<string, number>();
  activity.ids.forEach((id, c) => firstMonth.set(id, periodIndex(activity.firstDay(c), 'month')));
  const fromNew = months.map(() => 0);
  const fromReturning = months.map(() => 0);
  for (const o of orders) {
    const month = periodIndex(o.day, 'month');
    const k = month - first;
    if (k < 0 || k >= months.length) continue;
    if (firstMonth.get(o.customerId) === month) fromNew[k] += o.amount;
    else fromReturning[k] += o.amount;
  }
  return months.map((m, k) => ({
    monthStart: periodStartDay(m, 'month'),
    fromNew: fromNew[k],
    fromReturning: fromReturning[k],
    total: fromNew[k] + fromReturning[k],
  }));
}

/**
 * MRR movements and SaaS efficiency of the 12 months to `endDay`, one row per month, from
 * `saasEfficiency` (the maths of MRR_MOVEMENTS, QUICK_RATIO and CAC_PAYBACK): ARR, paying accounts,
 * ARPA, MRR growth rate, Quick Ratio, and CAC payback with `cacAt(month's last day)` — the average
 * CAC the headline uses — when the Customers sheet has a CAC column (`undefined` without one).
 * @example mrrBlock(subscriptions, dayFromCivil(2025, 12, 31), () => 90)[11].cacPayback // 90 ÷ ARPA
 */
export function mrrBlock(
  subscriptions: Subscription[],
  endDay: number,
  cacAt: (day: number) => number | null | undefined = () => undefined,
): NonNullable<ReportModel['blocks']['mrr']> {
  const months = trendMonths(endDay);
  const cac = new Map<number, number>();
  for (const month of months) {
    const value = cacAt(periodEndDay(month, 'month'));
    if (typeof value === 'number') cac.set(month, value);
  }
  return saasEfficiency(subscriptions, { fromMonth: months[0], toMonth: months[months.length - 1], cac }).map((row) => {
    const m = row.movements;
    return {
      monthStart: m.firstDay,
      newMrr: m.newMrr,
      expansion: m.expansion,
      reactivation: m.reactivation,
      contraction: m.contraction,
      churned: m.churned,
      netNew: m.newMrr + m.expansion + m.reactivation - m.contraction - m.churned,
      ending: m.endingMrr,
      arr: row.arr,
      payingAccounts: row.payingAccounts,
      arpa: row.arpa,
      growth: row.mrrGrowthRate,
      quickRatio: row.quickRatio,
      cacPayback: row.cacPaybackMonths,
    };
  });
}

/** RFM scores of the customers with orders up to `endDay`. */
export function rfmAt(orders: OrderRecord[], endDay: number): RfmRow[] {
  const kept = ordersIn(orders, { start: -Infinity, end: endDay });
  if (!kept.ids.length) return [];
  return rfmScores(kept.ids, kept.days, kept.amounts, endDay, kept.customers);
}

/** Segment order of the RFM chart: best to worst. */
const SEGMENT_ORDER: RfmSegment[] = [
  'champions',
  'loyal',
  'potentialLoyalist',
  'newCustomers',
  'promising',
  'needAttention',
  'aboutToSleep',
  'atRisk',
  'cantLoseThem',
  'hibernating',
];

/** How healthy the customers of an RFM segment are: the chart colours segments by it. */
export type SegmentHealth = 'healthy' | 'attention' | 'atRisk';

const SEGMENT_HEALTH: Record<RfmSegment, SegmentHealth> = {
  champions: 'healthy',
  loyal: 'healthy',
  potentialLoyalist: 'healthy',
  newCustomers: 'healthy',
  promising: 'healthy',
  needAttention: 'attention',
  aboutToSleep: 'attention',
  atRisk: 'atRisk',
  cantLoseThem: 'atRisk',
  hibernating: 'atRisk',
};

/** Customers per RFM segment, with the segment's health. */
export function rfmBlock(rows: RfmRow[]): NonNullable<ReportModel['blocks']['rfm']> {
  const counts = new Map<RfmSegment, number>();
  for (const row of rows) counts.set(row.segment, (counts.get(row.segment) ?? 0) + 1);
  return SEGMENT_ORDER.map((segment) => ({
    segment,
    health: SEGMENT_HEALTH[segment],
    customers: counts.get(segment) ?? 0,
    share: rows.length ? (counts.get(segment) ?? 0) / rows.length : 0,
  }));
}

/** Survey questions that can drive NPS, in the order they are shown. */
const DRIVER_FIELDS = ['csat', 'switchLikelihood', 'repurchase', 'overallExperience'] as const;
/** Questions where a lower answer is better: KEY_DRIVERS reverses them (direction −1). */
const LOWER_IS_BETTER: ReadonlySet<string> = new Set(['switchLikelihood']);

/** A survey question that can drive NPS. */
export type DriverField = (typeof DRIVER_FIELDS)[number];

/**
 * Key drivers of NPS over the 12 months to `endDay`: each other survey question's mean and its
 * correlation with the NPS answer, questions where lower is better reversed (KEY_DRIVERS'
 * `directions`), quadrants split at the averages. Needs two questions with answers.
 */
export function driversBlock(surveys: SurveyRecord[], endDay: number): ReportModel['blocks']['drivers'] {
  const recent = surveys.filter((s) => s.day <= endDay && s.day > endDay - 365 && s.nps !== null);
  const fields = DRIVER_FIELDS.filter((f) => recent.some((s) => s[f] !== null));
  if (fields.length < 2 || recent.length < 3) return undefined;
  const values: (number | null)[] = [];
  for (const s of recent) for (const f of fields) values.push(s[f]);
  const drivers = keyDrivers(
    { rows: recent.length, columns: fields.length, values },
    recent.map((s) => s.nps),
    fields.map((f) => (LOWER_IS_BETTER.has(f) ? -1 : 1)),
  );
  return drivers.flatMap((d, k) =>
    d.mean === undefined
      ? []
      : [
          {
            driver: fields[k],
            reversed: LOWER_IS_BETTER.has(fields[k]),
            mean: d.mean,
            correlation: d.correlation ?? null,
            quadrant: d.quadrant ?? null,
          },
        ],
  );
}

/** The orders up to a day as columns, with their monthly cohort triangle (COHORT_RETENTION's maths). */
export interface MonthlyCohorts extends OrderColumns {
  triangle: CohortRetention;
}

/**
 * The orders up to `endDay` grouped into monthly cohorts once, for the cohort table and the revenue
 * cohorts alike; `undefined` without orders. O(orders).
 * @example monthlyCohorts(orders, dayFromCivil(2025, 12, 31))?.triangle.cohorts.length // 36
 */
export function monthlyCohorts(orders: readonly OrderRecord[], endDay: number): MonthlyCohorts | undefined {
  const kept = ordersIn(orders, { start: -Infinity, end: endDay });
  if (!kept.ids.length) return undefined;
  return { ...kept, triangle: cohortRetention(kept.ids, kept.days, 'month', kept.customers) };
}

/** The monthly cohort table: the last 12 cohorts and their offsets. */
export function cohortBlock({ triangle: table }: MonthlyCohorts): ReportModel['cohorts'] {
  const rows = table.cohorts.slice(-TREND_MONTHS);
  // Offsets up to the last period with data, seen from the oldest cohort shown.
  const offsets = table.lastPeriod - rows[0].index + 1;
  return {
    offsets,
    rows: rows.map((r) => ({ start: r.start, customers: r.customers, shares: r.shares.slice(0, offsets) })),
  };
}
