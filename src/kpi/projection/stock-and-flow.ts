/**
 * Where the current rates lead: customers and revenue (or MRR) for the coming months from the recent
 * months' new customers, churn and revenue per customer.
 *
 * The model is a cohort-free stock and flow — a bucket with a hole in it. Each month a share `churn`
 * of the customers there at its start leave and `new` customers arrive:
 *
 *   customers_{m+1} = customers_m × (1 − churn) + new,    revenue_{m+1} = customers_{m+1} × revenue per customer.
 *
 * With churn > 0 the customers approach the steady state new ÷ churn (where the customers lost each
 * month equal the new ones), geometrically: customers_m = S + (customers_0 − S)(1 − churn)^m. It
 * ignores that new customers churn more than old ones and that revenue per customer drifts; it says
 * where the *current* rates lead, not what will happen — the report states the rates beside the numbers.
 *
 * Source: the "growth ceiling" of subscription businesses (J. Cohen, "The hypothetical maximum", A Smart
 * Bear; P. Lohmann, "Revenue ceiling calculation"; TokyoDev, "Calculating your growth ceiling":
 * ceiling = new customers ÷ churn × ARPU).
 */
import { periodStartDay } from '../calendar/days';
import { finite, refuse } from '../domain-error';

/** The rates a projection runs on, stated beside it. */
export interface ProjectionAssumptions {
  /** Month index of the last actual month; the projection starts the month after. */
  lastMonth: number;
  /** Customers at the end of the last actual month. */
  startCustomers: number;
  /** Share of the customers at a month's start lost in the month, 0 … 1. */
  churnRate: number;
  /** Customers won each month (first-time and returning). */
  newCustomersPerMonth: number;
  /** Revenue (or MRR) per customer at a month's end, per month. */
  revenuePerCustomer: number;
}

/** Assumptions taken from actual months, with where they came from. */
export interface ProjectionBasis extends ProjectionAssumptions {
  /** Month indexes of the actual months the rates were taken from (the last 3, or fewer when there are fewer). */
  basisMonths: number[];
}

/** One projected month. Customers are expected values, so fractional: round for display. */
export interface ProjectedMonth {
  /** Month index and the day number of its first day. */
  month: number;
  firstDay: number;
  customersAtStart: number;
  newCustomers: number;
  lostCustomers: number;
  customersAtEnd: number;
  /** customersAtEnd × revenue per customer. */
  revenue: number;
}

/** A projection with the assumptions it ran on. */
export interface Projection<A extends ProjectionAssumptions = ProjectionAssumptions> {
  assumptions: A;
  months: ProjectedMonth[];
  /** Sum of the projected months' revenue. */
  totalRevenue: number;
  /**
   * new ÷ churn, the customers the rates lead to in the long run; `null` when churn is 0 (no ceiling) or
   * so close to 0 that the ceiling is beyond what a number holds.
   */
  steadyStateCustomers: number | null;
  /** steadyStateCustomers × revenue per customer; `null` with it. */
  steadyStateRevenue: number | null;
}

/** One actual month the rates are taken from (the counts of the report's customers block). */
export interface ActualMonth {
  /** Month index, `year × 12 + month − 1`. */
  month: number;
  customersAtStart: number;
  /** Customers won in the month: first-time and returning (reactivated) ones. */
  newCustomers: number;
  customersAtEnd: number;
  /** Revenue of the month, or MRR at its end (then customers are paying accounts). */
  revenue: number;
}

/** Months projected by default. */
export const PROJECTION_MONTHS = 12;
/** Actual months the rates are taken from by default. */
export const PROJECTION_BASIS_MONTHS = 3;
/** Longest projection: 100 years. */
const MAX_PROJECTION_MONTHS = 1200;

/**
 * Projects `months` (default 12) months from explicit assumptions: customers_{m+1} =
 * customers_m × (1 − churn) + new, revenue = customers at the month's end × revenue per customer.
 * Refuses a churn rate outside 0 … 1 (`notFraction`, input `churnRate`), negative customers, new
 * customers or revenue per customer (`negative`, inputs `startCustomers`, `newCustomersPerMonth`,
 * `revenuePerCustomer`); `months` must be a whole number 1 … 1200 (`RangeError`). O(months).
 *
 * @example projectStockAndFlow({ lastMonth: 24_299, startCustomers: 100, churnRate: 0.05,
 *   newCustomersPerMonth: 10, revenuePerCustomer: 40 }, 2).months.map((m) => m.customersAtEnd)
 * // [105, 109.75]: 100 × 0.95 + 10, then 105 × 0.95 + 10; steadyStateCustomers 200, steadyStateRevenue 8000
 */
export function projectStockAndFlow<A extends ProjectionAssumptions>(
  assumptions: A,
  months = PROJECTION_MONTHS,
): Projection<A> {
  const { lastMonth, startCustomers, churnRate, newCustomersPerMonth, revenuePerCustomer } = assumptions;
  if (!(Number.isInteger(months) && months >= 1 && months <= MAX_PROJECTION_MONTHS)) {
    throw new RangeError(`projectStockAndFlow: months ${months} is not a whole number 1 … ${MAX_PROJECTION_MONTHS}`);
  }
  if (!(churnRate >= 0 && churnRate <= 1)) refuse({ code: 'notFraction', input: 'churnRate', value: churnRate });
  for (const [input, value] of [
    ['startCustomers', startCustomers],
    ['newCustomersPerMonth', newCustomersPerMonth],
    ['revenuePerCustomer', revenuePerCustomer],
  ] as const) {
    if (!(value >= 0)) refuse({ code: 'negative', input, value });
    finite(value);
  }
  const projected: ProjectedMonth[] = [];
  let customers = startCustomers;
  let totalRevenue = 0;
  for (let k = 1; k <= months; k++) {
    const lostCustomers = customers * churnRate;
    const customersAtEnd = customers - lostCustomers + newCustomersPerMonth;
    const revenue = finite(customersAtEnd * revenuePerCustomer);
    totalRevenue += revenue;
    projected.push({
      month: lastMonth + k,
      firstDay: periodStartDay(lastMonth + k, 'month'),
      customersAtStart: customers,
      newCustomers: newCustomersPerMonth,
      lostCustomers,
      customersAtEnd,
      revenue,
    });
    customers = customersAtEnd;
  }
  const steadyStateCustomers = churnRate > 0 ? finiteOrNull(newCustomersPerMonth / churnRate) : null;
  return {
    assumptions,
    months: projected,
    totalRevenue: finite(totalRevenue),
    steadyStateCustomers,
    steadyStateRevenue: steadyStateCustomers === null ? null : finiteOrNull(steadyStateCustomers * revenuePerCustomer),
  };
}

/**
 * The rates of the last `basisMonths` (default 3) actual months, pooled so that a month with few
 * customers does not weigh as much as a busy one:
 * - churn = Σ lost ÷ Σ customers at start, lost = start + new − end;
 * - new customers per month = Σ new ÷ the number of months;
 * - revenue per customer = Σ revenue ÷ Σ customers at end;
 * and the projection from the last month's customers at end. `actual` is in month order (a
 * `RangeError` otherwise). Refuses no actual month (`notPositive`, input `months`), counts that
 * cannot be real as CHURN_RATE does (`negativeCustomers`, `endAboveStartPlusNew`), negative revenue
 * (`negative`, input `revenue`), no customer at any basis month's start or end (`notPositive`, inputs
 * `customersAtStart`, `customersAtEnd`: no rate) and a pooled churn above 1 (`notFraction`, input
 * `churnRate`: more customers lost than there were). O(basis + months).
 *
 * @example projectFromActuals([
 *   { month: 24_297, customersAtStart: 100, newCustomers: 10, customersAtEnd: 104, revenue: 4160 },
 *   { month: 24_298, customersAtStart: 104, newCustomers: 12, customersAtEnd: 110, revenue: 4400 },
 *   { month: 24_299, customersAtStart: 110, newCustomers: 8, customersAtEnd: 112, revenue: 4480 },
 * ]).assumptions // churn 18 / 314 = 0.0573, new 10 a month, revenue per customer 13 040 / 326 = 40
 */
export function projectFromActuals(
  actual: readonly ActualMonth[],
  options: { months?: number; basisMonths?: number } = {},
): Projection<ProjectionBasis> {
  const basisMonths = options.basisMonths ?? PROJECTION_BASIS_MONTHS;
  if (!(Number.isInteger(basisMonths) && basisMonths >= 1)) {
    throw new RangeError(`projectFromActuals: basisMonths ${basisMonths} is not a whole number ≥ 1`);
  }
  if (!actual.length) refuse({ code: 'notPositive', input: 'months', value: 0 });
  for (let i = 1; i < actual.length; i++) {
    if (!(actual[i].month > actual[i - 1].month)) throw new RangeError('projectFromActuals: months out of order');
  }
  const basis = actual.slice(-basisMonths);
  let start = 0;
  let added = 0;
  let end = 0;
  let revenue = 0;
  for (const m of basis) {
    checkCounts(m);
    start += m.customersAtStart;
    added += m.newCustomers;
    end += m.customersAtEnd;
    revenue += m.revenue;
  }
  if (!(start > 0)) refuse({ code: 'notPositive', input: 'customersAtStart', value: start });
  if (!(end > 0)) refuse({ code: 'notPositive', input: 'customersAtEnd', value: end });
  const last = basis[basis.length - 1];
  const assumptions: ProjectionBasis = {
    lastMonth: last.month,
    startCustomers: last.customersAtEnd,
    churnRate: (start + added - end) / start,
    newCustomersPerMonth: added / basis.length,
    revenuePerCustomer: finite(revenue / end),
    basisMonths: basis.map((m) => m.month),
  };
  return projectStockAndFlow(assumptions, options.months);
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** The checks of CHURN_RATE's counts (start and new ≥ 0, end ≤ start + new), and revenue ≥ 0. */
function checkCounts(m: ActualMonth): void {
  for (const [input, value] of [
    ['start', m.customersAtStart],
    ['added', m.newCustomers],
    ['end', m.customersAtEnd],
  ] as const) {
    if (!(value >= 0)) refuse({ code: 'negativeCustomers', input, value });
  }
  if (m.customersAtEnd > m.customersAtStart + m.newCustomers) {
    refuse({ code: 'endAboveStartPlusNew', end: m.customersAtEnd, start: m.customersAtStart, added: m.newCustomers });
  }
  if (!(m.revenue >= 0)) refuse({ code: 'negative', input: 'revenue', value: m.revenue });
}
