/**
 * Where the revenue comes from and where it leads: revenue cohorts (COHORT_REVENUE's maths — each
 * monthly cohort's revenue k months on against its first month, and the cumulative revenue per
 * customer, the LTV curves) and a 12-month projection of customers and revenue from the last 3
 * months' rates (`projectFromActuals`).
 */
import { periodEndDay, periodIndex, periodStartDay } from '../../kpi/calendar/days';
import { isDomainError } from '../../kpi/domain-error';
import {
  type ProjectionBasis,
  type Projection,
  type ActualMonth,
  projectFromActuals,
} from '../../kpi/projection/stock-and-flow';
import { cohortRevenue } from '../../kpi/retention/cohort-revenue';
import type { OrderRecord } from '../records';
import type { CustomerActivity } from './activity';
import { type MonthlyCohorts, TREND_MONTHS } from './blocks';

/** LTV curves drawn: this many recent cohorts, spaced evenly over the table's cohorts. */
export const LTV_CURVES = 4;

/** The revenue cohort tables of the report. */
export interface RevenueCohorts {
  offsets: number;
  rows: {
    start: number;
    customers: number;
    firstRevenue: number;
    /** Revenue k months on ÷ the first month's (COHORT_REVENUE "retention"); `null` after the data. */
    retention: (number | null)[];
    /** Revenue of months 0 … k ÷ the cohort's customers (COHORT_REVENUE "cumulative"). */
    cumulative: (number | null)[];
  }[];
  /** Indexes into `rows` of the cohorts the LTV chart draws, oldest first. */
  curves: number[];
}

/**
 * The last 12 monthly revenue cohorts of the orders up to `endDay` (their {@link monthlyCohorts}),
 * both measures of COHORT_REVENUE (`cohortRevenue` 'retention', and its rows' revenue summed ÷
 * customers for 'cumulative'), offsets up to the last month with data seen from the oldest cohort
 * shown, and {@link LTV_CURVES} cohorts for the LTV chart (every third of the twelve, ending with the
 * newest that has at least two months). O(orders).
 * @example revenueCohorts(monthlyCohorts(orders, end)!, end)?.rows[0].retention // [1, 0.42, 0.38, …]
 */
export function revenueCohorts(cohorts: MonthlyCohorts, endDay: number): RevenueCohorts | undefined {
  const { ids, days, amounts, triangle, customers } = cohorts;
  // One pass of COHORT_REVENUE's maths; its "cumulative" measure is the running total of the same
  // per-month revenue ÷ the cohort's customers, read here from the row rather than by a second pass.
  const retention = cohortRevenue(ids, days, amounts, 'month', 'retention', triangle, customers);
  const rows = retention.cohorts.slice(-TREND_MONTHS);
  const lastMonth = periodIndex(endDay, 'month');
  const offsets = Math.min(lastMonth - periodIndex(rows[0].start, 'month') + 1, retention.offsets);
  const shown = rows.map((r) => {
    let total = 0;
    const cumulative = r.values.slice(0, offsets).map((_, k) => {
      if (k >= r.revenue.length) return null;
      total += r.revenue[k];
      return total / r.customers;
    });
    return {
      start: r.start,
      customers: r.customers,
      firstRevenue: r.firstRevenue,
      retention: r.values.slice(0, offsets),
      cumulative,
    };
  });
  // Cohorts with at least two months of data, newest last; every third one back from the newest.
  const withTwo = shown.flatMap((r, k) => (r.cumulative.filter((v) => v !== null).length >= 2 ? [k] : []));
  const curves: number[] = [];
  for (let k = withTwo.length - 1; k >= 0 && curves.length < LTV_CURVES; k -= 3) curves.unshift(withTwo[k]);
  return { offsets, rows: shown, curves };
}

/** The projection section: the projected months, and the actual months its rates came from. */
export type GrowthProjection = Projection<ProjectionBasis>;

/**
 * Customers and revenue for the 12 months after the period, from the last 3 months to its end
 * (`projectFromActuals`): each month's customers at start and end and new ones (first-time and
 * returning) under the report's activity rule, and the month's revenue from the orders. `undefined`
 * when the maths refuses the months (no customer at their start: nothing to take a rate from).
 * O(3 · customers + orders).
 * @example projection(orders, activity, dayFromCivil(2025, 12, 31))?.assumptions.churnRate // 0.019
 */
export function projection(
  orders: readonly OrderRecord[],
  activity: CustomerActivity,
  endDay: number,
): GrowthProjection | undefined {
  const last = periodIndex(endDay, 'month');
  const months = [last - 2, last - 1, last];
  const revenue = new Map<number, number>(months.map((m) => [m, 0]));
  const first = periodStartDay(months[0], 'month');
  for (const o of orders) {
    if (o.day < first || o.day > endDay) continue;
    const m = periodIndex(o.day, 'month');
    revenue.set(m, (revenue.get(m) ?? 0) + o.amount);
  }
  const actual: ActualMonth[] = months.map((m) => {
    const counts = activity.window(periodStartDay(m, 'month'), periodEndDay(m, 'month'));
    return {
      month: m,
      customersAtStart: counts.atStart,
      newCustomers: counts.newCustomers + counts.reactivated,
      customersAtEnd: counts.atEnd,
      revenue: revenue.get(m) ?? 0,
    };
  });
  try {
    return projectFromActuals(actual);
  } catch (error) {
    if (isDomainError(error)) return undefined;
    throw error;
  }
}
