/**
 * The headline KPIs of one window of days, each computed with the maths of the formula that defines
 * it (docs/report.md lists, for every KPI, the formula that reproduces it, or why none does).
 */
import { periodEndDay, periodIndex, periodStartDay } from '../../kpi/calendar/days';
import { isDomainError } from '../../kpi/domain-error';
import { cartAbandonment } from '../../kpi/funnel/cart-abandonment';
import { conversionRate } from '../../kpi/funnel/conversion-rate';
import { repeatRateByDay } from '../../kpi/retention/churn';
import { orderSummary } from '../../kpi/retention/orders';
import { customerProfitabilityScore } from '../../kpi/revenue/cps';
import { lifetimeValue } from '../../kpi/revenue/ltv';
import { ltvToCac } from '../../kpi/revenue/ltv-cac';
import { type MrrMonth, mrrMovements } from '../../kpi/revenue/mrr-movements';
import { mrrOn } from '../../kpi/revenue/mrr';
import { quickRatio } from '../../kpi/revenue/quick-ratio';
import { annualRecurringRevenue, averageRevenuePerAccount, mrrGrowthRate } from '../../kpi/revenue/saas-efficiency';
import { cacPaybackMonths } from '../../kpi/revenue/cac-payback';
import { customerEffortScore } from '../../kpi/survey/ces';
import { twoProportionZTest } from '../../kpi/stats/proportions';
import { welchTTest } from '../../kpi/stats/welch';
import { npsChange } from '../../kpi/survey/nps-change';
import { isActiveOn, type Subscription } from '../../kpi/revenue/subscription';
import { csatShare } from '../../kpi/survey/csat';
import { npsCounts, npsMarginOfError, npsOfCounts, type NpsCounts } from '../../kpi/survey/nps';
import { PERIODS_PER_YEAR, type ReportPeriod } from '../period';
import type { CustomerRecord, OrderRecord, ReportData } from '../records';
import { ACTIVE_WINDOW_DAYS, CustomerActivity } from './activity';
import { oncePer } from './once-per';
import { orderColumns, ordersIn } from './order-columns';
import type { ChangeTest, HeadlineKpi, KpiFormat } from './model';

/** A window of days, both ends included. */
export interface DayWindow {
  start: number;
  end: number;
}

type Values = Record<string, number | null>;

/**
 * The counts behind a window's rates, for the significance tests of their changes: NPS answers by
 * group, satisfied of all CSAT ratings, churned of the customers at start, and the funnel's counts.
 */
export interface WindowEvidence {
  nps?: NpsCounts;
  csat?: { satisfied: number; ratings: number };
  churn?: { churned: number; atStart: number };
  conversion?: { goals: number; interactions: number };
  carts?: { abandoned: number; carts: number };
  /** The effort answers, for Welch's t-test of the CES mean (reversing the scale does not change its p-value). */
  effort?: number[];
}

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

/** A KPI the maths refuses for this window (nothing to divide by, counts that cannot be real) is blank. */
function refusedAsNull(compute: () => number): number | null {
  try {
    return compute();
  } catch (error) {
    if (isDomainError(error)) return null;
    throw error;
  }
}

/** Survey KPIs: NPS with its margin, responses and CSAT. */
function surveyKpis(data: ReportData, w: DayWindow, out: Values, evidence: WindowEvidence): void {
  const surveys = data.surveys?.records;
  if (!surveys) return;
  const nps: number[] = [];
  const csat: number[] = [];
  let responses = 0;
  const { csatMax, nps: anyNps } = surveyFacts(data.surveys!);
  for (const s of surveys) {
    if (s.day < w.start || s.day > w.end) continue;
    responses++;
    if (s.nps !== null) nps.push(s.nps);
    if (s.csat !== null) csat.push(s.csat);
  }
  if (anyNps) {
    const counts = npsCounts(nps);
    evidence.nps = counts;
    out.nps = counts.responses ? npsOfCounts(counts) : null;
    out.npsMargin = counts.responses ? npsMarginOfError(counts, 0.95) : null;
  }
  out.responses = responses;
  effortKpi(data, w, out, evidence);
  if (csatMax !== undefined) {
    out.csat = csat.length ? csatShare(csat, csatMax - 1) : null;
    const satisfiedMin = csatMax - 1;
    evidence.csat = { satisfied: csat.filter((r) => r >= satisfiedMin).length, ratings: csat.length };
  }
}

/** Per surveys source, found once (every window asks): its CSAT scale and whether it has NPS answers. */
const surveyFacts = oncePer((surveys: NonNullable<ReportData['surveys']>): { csatMax?: number; nps: boolean } => ({
  csatMax: csatScale(surveys.records.flatMap((s) => (s.csat === null ? [] : [s.csat]))),
  nps: surveys.records.some((s) => s.nps !== null),
}));

/**
 * The scale CSAT ratings were asked on: the smallest common scale (1–5, 1–7 or 1–10) that holds
 * 99 % of all the answers, so one stray value does not change the scale of the whole report.
 * Satisfied = the top two answers of that scale. `undefined` when there is no rating at all.
 */
export function csatScale(ratings: number[]): number | undefined {
  if (!ratings.length) return undefined;
  const sorted = ratings.slice().sort((a, b) => a - b);
  const p99 = sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))];
  return [5, 7, 10].find((scale) => p99 <= scale) ?? 10;
}

/**
 * The scale an effort question was asked on, from the answers as CES's `scale_max` takes it: 5 when
 * 99 % of all the answers are 1–5, else 7 (CEB's CES 2.0 agreement scale). `undefined` without answers.
 * @example effortScale([1, 2, 5, 4]) // 5
 * @example effortScale([1, 6, 7, 3]) // 7
 */
export function effortScale(ratings: number[]): 5 | 7 | undefined {
  if (!ratings.length) return undefined;
  const sorted = ratings.slice().sort((a, b) => a - b);
  const p99 = sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))];
  return p99 <= 5 ? 5 : 7;
}

/** The effort scale of each surveys source, found once (every window asks for it). */
const effortScaleOf = oncePer((surveys: NonNullable<ReportData['surveys']>) =>
  effortScale(surveys.records.flatMap((s) => (s.effort === null ? [] : [s.effort]))),
);

/**
 * Customer Effort Score of the window's answers: `=CES(ratings, scale_max, "mean", lower_is_better)`
 * — the mean ease on 1 … scale, an effort question ("how much effort…", lower is better, as the
 * wizard read or the user chose) reversed first (scale + 1 − answer), so a higher CES is always
 * easier. Answers outside 1 … scale are left out. Present only when the survey has an effort column.
 */
function effortKpi(data: ReportData, w: DayWindow, out: Values, evidence: WindowEvidence): void {
  const surveys = data.surveys!;
  const scale = effortScaleOf(surveys);
  if (scale === undefined) return;
  const lowerIsBetter = surveys.effortDirection === 'lowerIsBetter';
  const ratings: number[] = [];
  for (const s of surveys.records)
    if (s.day >= w.start && s.day <= w.end && s.effort !== null && s.effort >= 1 && s.effort <= scale)
      ratings.push(s.effort);
  out.ces = ratings.length ? customerEffortScore(ratings, scale, 'mean', lowerIsBetter) : null;
  evidence.effort = ratings;
}

/**
 * Customer and order KPIs from the orders sheet, each through the maths its formula uses
 * (ORDER_SUMMARY, REPEAT_RATE, CPS, LTV, LTV_CAC); customer counts and churn follow the report's
 * 12-month activity rule (`activity.ts`).
 */
function orderKpis(
  data: ReportData,
  activity: CustomerActivity,
  w: DayWindow,
  out: Values,
  evidence: WindowEvidence,
  light: boolean,
): void {
  const orders = data.orders?.records;
  if (!orders) return;
  const counts = activity.window(w.start, w.end);
  out.customersStart = counts.atStart;
  out.newCustomers = counts.newCustomers;
  out.customersEnd = counts.atEnd;
  out.churn = ratio(counts.churned, counts.atStart);
  evidence.churn = { churned: counts.churned, atStart: counts.atStart };
  out.retention = ratio(counts.atStart - counts.churned, counts.atStart);

  const window = ordersIn(orders, w);
  const summary = window.ids.length
    ? orderSummary(window.ids, window.days, window.amounts, window.customers)
    : undefined;
  out.orders = summary?.orders ?? 0;
  out.revenue = summary?.revenue ?? 0;
  out.aov = summary?.averageOrderValue ?? null;
  out.frequency = summary?.ordersPerCustomer ?? null;
  out.repeatRate = repeatRatesOf(orders).at(w.end);
  if (light) return; // a trend point needs only the KPIs above

  const costs = orderCosts(orders);
  if (costs) {
    const { days, amounts } = orderColumns(orders);
    let cost = 0;
    let revenueWithCost = 0;
    for (let i = 0; i < days.length; i++) {
      if (days[i] < w.start || days[i] > w.end || Number.isNaN(costs[i])) continue;
      cost += costs[i];
      revenueWithCost += amounts[i];
    }
    out.cps = refusedAsNull(() => customerProfitabilityScore(revenueWithCost, cost));
  }

  // Historic LTV over the 12 months to the window's end: AOV × orders per customer per year × lifespan.
  const year: DayWindow = { start: w.end - ACTIVE_WINDOW_DAYS + 1, end: w.end };
  const yearOrders = ordersIn(orders, year);
  const yearSummary = yearOrders.ids.length
    ? orderSummary(yearOrders.ids, yearOrders.days, yearOrders.amounts, yearOrders.customers)
    : undefined;
  const yearCounts = activity.window(year.start, year.end);
  const annualChurn = ratio(yearCounts.churned, yearCounts.atStart);
  const ltv =
    annualChurn && yearSummary
      ? lifetimeValue(yearSummary.averageOrderValue, yearSummary.ordersPerCustomer, 1 / annualChurn)
      : null;
  out.ltv = ltv;
  const cac = averageCac(data, activity, w);
  if (cac === undefined) return;
  out.ltvCac = ltv !== null && cac !== null ? refusedAsNull(() => ltvToCac(ltv, cac)) : null;
}

/** Each order's cost (NaN where blank), in sheet order; `undefined` when no order has one. Once per orders source. */
const orderCosts = oncePer((orders: readonly OrderRecord[]) => {
  if (!orders.some((o) => o.cost !== null)) return undefined;
  const costs = new Float64Array(orders.length);
  for (let i = 0; i < orders.length; i++) costs[i] = orders[i].cost ?? NaN;
  return costs;
});

/**
 * REPEAT_RATE of the orders placed up to a day, for any day: built once per orders source (every
 * window asks for it) instead of copying and re-indexing the orders of each window.
 */
const repeatRatesOf = oncePer((orders: readonly OrderRecord[]) => {
  const columns = orderColumns(orders);
  return repeatRateByDay(columns.ids, columns.days, columns.customers);
});

/** Stands for "no orders" where an activity is the key of a kept value. */
const NO_ACTIVITY = {};

/**
 * The customers with a CAC, in sheet order, as columns: their CAC and the day they were acquired
 * (their signup date, else their first order; NaN when neither is known). Built once per customers
 * source and activity: every window and every month of the MRR chart asks for it.
 */
const acquisitionsOf = oncePer((customers: readonly CustomerRecord[]) =>
  oncePer((activity: CustomerActivity | typeof NO_ACTIVITY) => {
    const firstOrder = new Map<string, number>();
    if (activity instanceof CustomerActivity) activity.ids.forEach((id, c) => firstOrder.set(id, activity.firstDay(c)));
    const withCac = customers.filter((c) => c.cac !== null);
    const cac = new Float64Array(withCac.length);
    const since = new Float64Array(withCac.length);
    withCac.forEach((c, i) => {
      cac[i] = c.cac!;
      since[i] = c.signupDay ?? firstOrder.get(c.customerId) ?? NaN;
    });
    return { cac, since };
  }),
);

/**
 * The average acquisition cost of the customers acquired in the 12 months to the window's end (their
 * signup date, else their first order): what LTV:CAC and CAC payback divide by. `undefined` without a
 * CAC column, `null` when no customer with a CAC was acquired in those months.
 * @example averageCac(data, activity, { start, end }) // 85.2 (CACs of 80, 90.4 acquired in the year)
 */
export function averageCac(
  data: ReportData,
  activity: CustomerActivity | undefined,
  w: DayWindow,
): number | null | undefined {
  const customers = data.customers?.records;
  if (!customers) return undefined;
  const { cac, since } = acquisitionsOf(customers)(activity ?? NO_ACTIVITY);
  if (!cac.length) return undefined;
  const start = w.end - ACTIVE_WINDOW_DAYS + 1;
  let cacSum = 0;
  let cacCount = 0;
  for (let i = 0; i < cac.length; i++) {
    if (since[i] >= start && since[i] <= w.end) {
      cacSum += cac[i];
      cacCount++;
    }
  }
  return cacCount ? cacSum / cacCount : null;
}

/** The MRR movements of the months a window spans. */
type MrrMonthsOf = (w: DayWindow) => MrrMonth[];

/**
 * The MRR movements of every month the windows span (in day order), worked out in one pass; each
 * window then takes its months. A month's movements do not depend on the range asked for.
 */
function mrrMonthsOver(subscriptions: Subscription[], windows: DayWindow[]): MrrMonthsOf {
  const from = periodIndex(windows[0].start, 'month');
  const months = mrrMovements(subscriptions, from, periodIndex(windows[windows.length - 1].end, 'month'));
  return (w) => months.slice(periodIndex(w.start, 'month') - from, periodIndex(w.end, 'month') - from + 1);
}

/** MRR of each customer on a day (subscriptions active that day, summed). */
function mrrByCustomer(subscriptions: Subscription[], day: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of subscriptions)
    if (isActiveOn(s, day)) out.set(s.customerId, (out.get(s.customerId) ?? 0) + s.monthlyAmount);
  return out;
}

/**
 * Subscription KPIs. MRR at the window's end; expansion summed over its months (MRR_MOVEMENTS);
 * NRR and gross MRR churn over the customers paying when the window starts — what they pay at
 * its end against what they paid at its start — which is MRR_MOVEMENTS' monthly definition for a
 * month, and for a quarter or a year does not count customers won during the window against it.
 */
function subscriptionKpis(
  data: ReportData,
  activity: CustomerActivity | undefined,
  subscriptions: Subscription[] | undefined,
  w: DayWindow,
  out: Values,
  monthsOf: MrrMonthsOf,
): void {
  if (!subscriptions?.length) return;
  const mrr = mrrOn(subscriptions, w.end);
  out.mrr = mrr;
  const months = monthsOf(w);
  const total = (pick: (m: MrrMonth) => number) => months.reduce((sum, m) => sum + pick(m), 0);
  out.expansionMrr = total((m) => m.expansion);
  const before = mrrByCustomer(subscriptions, w.start - 1);
  const after = mrrByCustomer(subscriptions, w.end);
  saasKpis(data, activity, w, { mrr, before, after, total }, out);
  let starting = 0;
  let kept = 0;
  let lost = 0;
  before.forEach((amount, customer) => {
    if (amount <= 0) return;
    const now = after.get(customer) ?? 0;
    starting += amount;
    kept += now;
    lost += Math.max(0, amount - now);
  });
  out.nrr = ratio(kept, starting);
  out.grossMrrChurn = ratio(lost, starting);
}

/**
 * SaaS efficiency of a window, each by the maths of its formula: ARR = 12 × MRR; ARPA = MRR ÷ paying
 * accounts (customers whose subscriptions active at the window's end add up to more than 0); MRR
 * growth = (MRR at the end − MRR the day before the window) ÷ the latter (`null` from nothing);
 * Quick Ratio = `QUICK_RATIO` of the window's months' movements summed (`null` when no MRR was
 * lost); CAC payback = `CAC_PAYBACK(average CAC, ARPA)` in months, gross margin 1, with the CAC
 * LTV:CAC uses (present only with a CAC column).
 */
function saasKpis(
  data: ReportData,
  activity: CustomerActivity | undefined,
  w: DayWindow,
  mrr: {
    mrr: number;
    /** Each customer's MRR the day before the window, and at its end. */
    before: Map<string, number>;
    after: Map<string, number>;
    /** A movement summed over the window's months. */
    total: (pick: (m: MrrMonth) => number) => number;
  },
  out: Values,
): void {
  out.arr = annualRecurringRevenue(mrr.mrr);
  let accounts = 0;
  mrr.after.forEach((amount) => {
    if (amount > 0) accounts++;
  });
  const arpa = accounts > 0 ? averageRevenuePerAccount(mrr.mrr, accounts) : null;
  out.arpa = arpa;
  let previous = 0;
  mrr.before.forEach((amount) => {
    previous += amount;
  });
  out.mrrGrowth = previous > 0 ? refusedAsNull(() => mrrGrowthRate(previous, mrr.mrr)) : null;
  const lost = mrr.total((m) => m.contraction + m.churned);
  out.quickRatio =
    lost > 0
      ? quickRatio(
          mrr.total((m) => m.newMrr),
          mrr.total((m) => m.expansion),
          mrr.total((m) => m.contraction),
          mrr.total((m) => m.churned),
          mrr.total((m) => m.reactivation),
        )
      : null;
  const cac = averageCac(data, activity, w);
  if (cac !== undefined)
    out.cacPayback =
      cac !== null && arpa !== null && arpa > 0 ? refusedAsNull(() => cacPaybackMonths(cac, arpa)) : null;
}

/** Funnel and support KPIs (CONVERSION_RATE and CART_ABANDONMENT over the window's sums). */
function funnelAndTicketKpis(
  data: ReportData,
  w: DayWindow,
  customersAtEnd: number | null,
  out: Values,
  evidence: WindowEvidence,
): void {
  const funnel = data.funnel?.records;
  if (funnel) {
    let interactions = 0;
    let goals = 0;
    let carts = 0;
    let purchases = 0;
    for (const f of funnel) {
      if (f.day < w.start || f.day > w.end) continue;
      interactions += f.interactions;
      goals += f.goals ?? 0;
      carts += f.carts ?? 0;
      purchases += f.purchases ?? 0;
    }
    if (funnel.some((f) => f.goals !== null)) {
      out.conversionRate = refusedAsNull(() => conversionRate(goals, interactions));
      if (out.conversionRate !== null) evidence.conversion = { goals, interactions };
    }
    if (funnel.some((f) => f.carts !== null)) {
      out.cartAbandonment = refusedAsNull(() => cartAbandonment(carts, purchases));
      if (out.cartAbandonment !== null) evidence.carts = { abandoned: carts - purchases, carts };
    }
  }
  const tickets = data.tickets?.records;
  if (tickets) {
    const opened = tickets.filter((t) => t.day >= w.start && t.day <= w.end).length;
    out.ticketsPerCustomer = customersAtEnd ? opened / customersAtEnd : null;
  }
}

/** Every KPI of the headline table, in display order, with its format. */
const HEADLINE = [
  ['nps', 'points'],
  ['npsMargin', 'points'],
  ['responses', 'integer'],
  ['csat', 'percent'],
  ['ces', 'decimal'],
  ['customersStart', 'integer'],
  ['newCustomers', 'integer'],
  ['customersEnd', 'integer'],
  ['churn', 'percent'],
  ['retention', 'percent'],
  ['repeatRate', 'percent'],
  ['orders', 'integer'],
  ['revenue', 'currency'],
  ['aov', 'currency'],
  ['frequency', 'decimal'],
  ['ltv', 'currency'],
  ['ltvCac', 'ratio'],
  ['cps', 'ratio'],
  ['mrr', 'currency'],
  ['nrr', 'percent'],
  ['grossMrrChurn', 'percent'],
  ['expansionMrr', 'currency'],
  ['arr', 'currency'],
  ['arpa', 'currency'],
  ['mrrGrowth', 'percent'],
  ['quickRatio', 'ratio'],
  ['cacPayback', 'decimal'],
  ['conversionRate', 'percent'],
  ['cartAbandonment', 'percent'],
  ['ticketsPerCustomer', 'decimal'],
] as const satisfies readonly (readonly [string, KpiFormat])[];

/** A headline KPI's key. */
export type HeadlineKey = (typeof HEADLINE)[number][0];

/**
 * Whether a KPI is better higher (1), better lower (−1), or neither (0: a count that only gives
 * context, like the survey answers or the margin of error).
 */
export const BETTER_WHEN: Record<HeadlineKey, 1 | -1 | 0> = {
  nps: 1,
  npsMargin: 0,
  responses: 0,
  csat: 1,
  ces: 1,
  customersStart: 0,
  newCustomers: 1,
  customersEnd: 1,
  churn: -1,
  retention: 1,
  repeatRate: 1,
  orders: 1,
  revenue: 1,
  aov: 1,
  frequency: 1,
  ltv: 1,
  ltvCac: 1,
  cps: 1,
  mrr: 1,
  nrr: 1,
  grossMrrChurn: -1,
  expansionMrr: 1,
  arr: 1,
  arpa: 1,
  mrrGrowth: 1,
  quickRatio: 1,
  cacPayback: -1,
  conversionRate: 1,
  cartAbandonment: -1,
  ticketsPerCustomer: -1,
};

/** The KPI values of one window and the counts behind its rates. */
interface WindowKpis {
  values: Values;
  evidence: WindowEvidence;
}

/** KPI values of one window; `light` computes only what a trend point needs. */
function windowKpis(
  data: ReportData,
  activity: CustomerActivity | undefined,
  subscriptions: Subscription[] | undefined,
  w: DayWindow,
  monthsOf: MrrMonthsOf,
  light = false,
): WindowKpis {
  const values: Values = {};
  const evidence: WindowEvidence = {};
  surveyKpis(data, w, values, evidence);
  if (activity) orderKpis(data, activity, w, values, evidence, light);
  subscriptionKpis(data, activity, subscriptions, w, values, monthsOf);
  funnelAndTicketKpis(data, w, (values.customersEnd as number | undefined) ?? null, values, evidence);
  return { values, evidence };
}

/** Periods of a trend: this one and the twelve before it. */
export const TREND_PERIODS = 13;

/**
 * The significance at 5 % of a KPI's change between two windows, from the counts behind it: NPS by
 * NPS_CHANGE's z test, CSAT by CSAT_CHANGE's two-proportion test, and churn, retention, conversion
 * and cart abandonment by the same two-proportion test. `null` where no test applies: counts and
 * money cover every order, not a sample, and cumulative or money-weighted rates are not
 * independent samples.
 */
export function changeTest(key: HeadlineKey, before: WindowEvidence, after: WindowEvidence): ChangeTest | null {
  const proportion = (s1: number, n1: number, s2: number, n2: number): ChangeTest | null =>
    n1 > 0 && n2 > 0 ? significance('proportion', twoProportionZTest(s1, n1, s2, n2).pValue) : null;
  switch (key) {
    case 'nps':
      return before.nps?.responses && after.nps?.responses
        ? significance('nps', npsChange(before.nps, after.nps).pValue)
        : null;
    case 'csat':
      return before.csat && after.csat
        ? proportion(before.csat.satisfied, before.csat.ratings, after.csat.satisfied, after.csat.ratings)
        : null;
    case 'churn':
    case 'retention':
      return before.churn && after.churn
        ? proportion(before.churn.churned, before.churn.atStart, after.churn.churned, after.churn.atStart)
        : null;
    case 'conversionRate':
      return before.conversion && after.conversion
        ? proportion(
            before.conversion.goals,
            before.conversion.interactions,
            after.conversion.goals,
            after.conversion.interactions,
          )
        : null;
    case 'ces':
      return before.effort && after.effort && before.effort.length >= 2 && after.effort.length >= 2
        ? significance('mean', welchTTest(before.effort, after.effort).pValue)
        : null;
    case 'cartAbandonment':
      return before.carts && after.carts
        ? proportion(before.carts.abandoned, before.carts.carts, after.carts.abandoned, after.carts.carts)
        : null;
    default:
      return null;
  }
}

/** The level the report calls a change significant at. */
export const SIGNIFICANCE_LEVEL = 0.05;

function significance(test: ChangeTest['test'], pValue: number): ChangeTest {
  return { test, pValue, significant: pValue < SIGNIFICANCE_LEVEL };
}

/**
 * The headline table: every KPI the sources allow, for this period, the previous one and the same
 * period a year earlier (when the data reaches back that far), with the significance of each
 * change and the KPI's values over the last {@link TREND_PERIODS} periods. A KPI whose source
 * sheet is absent is left out; one that cannot be computed for a window (e.g. no answers that
 * month) is `null` there.
 */
export function headlineKpis(
  data: ReportData,
  activity: CustomerActivity | undefined,
  subscriptions: Subscription[] | undefined,
  period: ReportPeriod,
  firstDataDay: number | undefined,
): HeadlineKpi[] {
  const perYear = PERIODS_PER_YEAR[period.kind];
  const windows = Array.from({ length: TREND_PERIODS }, (_, k) => {
    const index = period.index - (TREND_PERIODS - 1) + k;
    return { start: periodStartDay(index, period.kind), end: periodEndDay(index, period.kind) };
  });
  // A window counts once the data reaches back to its start; KPIs of the 12-month activity rule
  // (customers, churn, retention, LTV) need the year before it too, or they read a zero they
  // cannot measure.
  const covered = (w: DayWindow, key?: HeadlineKey) =>
    firstDataDay !== undefined && w.start - (key && NEEDS_A_YEAR.has(key) ? ACTIVE_WINDOW_DAYS : 0) >= firstDataDay;
  const last = TREND_PERIODS - 1;
  const monthsOf = subscriptions?.length ? mrrMonthsOver(subscriptions, windows) : () => [];
  const full = new Map<number, WindowKpis>();
  for (const k of [last, last - 1, last - perYear])
    if (k >= 0) full.set(k, windowKpis(data, activity, subscriptions, windows[k], monthsOf));
  const trendPoints = windows.map((w, k) =>
    k >= last - 1
      ? full.get(k)
      : covered(w)
        ? (full.get(k) ?? windowKpis(data, activity, subscriptions, w, monthsOf, true))
        : undefined,
  );
  const now = full.get(last)!;
  const before = full.get(last - 1)!;
  const yearWindow = windows[last - perYear];
  const yearAgo = full.get(last - perYear);
  return HEADLINE.filter(([key]) => key in now.values).map(([key, format]) => {
    const year = yearAgo && covered(yearWindow, key) ? yearAgo : undefined;
    return {
      key,
      format,
      current: now.values[key] ?? null,
      previous: before.values[key] ?? null,
      yearAgo: year ? (year.values[key] ?? null) : null,
      changeTest: changeTest(key, before.evidence, now.evidence),
      yearTest: year ? changeTest(key, year.evidence, now.evidence) : null,
      trend: trendPoints.map((point, k) =>
        point && (k >= last - 1 || covered(windows[k], key)) ? (point.values[key] ?? null) : null,
      ),
    };
  });
}

/** KPIs that read the 12 months before their window (active customers, churn, the historic LTV). */
const NEEDS_A_YEAR: ReadonlySet<HeadlineKey> = new Set([
  'customersStart',
  'customersEnd',
  'churn',
  'retention',
  'ltv',
  'ltvCac',
] as HeadlineKey[]);

/**
 * Whether a KPI's value meets the user's target, by the KPI's direction ({@link BETTER_WHEN}): at or
 * above it when higher is better, at or below it when lower is better; `null` for a KPI that is
 * neither (a count that only gives context) or without a value.
 * @example targetMet('nps', 42, 40) // true
 * @example targetMet('churn', 0.065, 0.05) // false (churn is better lower)
 */
export function targetMet(key: HeadlineKey, value: number | null, target: number): boolean | null {
  const direction = BETTER_WHEN[key];
  if (value === null || direction === 0) return null;
  return direction === 1 ? value >= target : value <= target;
}

/**
 * The headline with the user's targets set on its KPIs (wizard step 3): each KPI with a finite
 * target gets it and whether this period's value meets it ({@link targetMet}); the others none.
 * @example withTargets([{ key: 'nps', current: 32, … }], { nps: 40 })[0].target // { value: 40, met: false }
 */
export function withTargets(
  headline: HeadlineKpi[],
  targets: Partial<Record<HeadlineKey, number>> | undefined,
): HeadlineKpi[] {
  return headline.map((kpi) => {
    const value = targets?.[kpi.key];
    return typeof value === 'number' && Number.isFinite(value)
      ? { ...kpi, target: { value, met: targetMet(kpi.key, kpi.current, value) } }
      : kpi;
  });
}
