/**
 * Revenue cohorts: customers grouped by the period of their first order (as in the cohort
 * retention triangle), and what each cohort spends in every later period — the revenue view of
 * retention (net revenue retention by cohort) and its running total per customer (an LTV curve).
 *
 * Source: ChartMogul, "Cohort: Net MRR Retention" (a cohort's revenue in a later period ÷ its
 * starting revenue, above 100 % with expansion); cumulative revenue per customer of the cohort as
 * in cohort LTV curves (e.g. "customer lifetime revenue" by months since joining).
 */
import { periodEndDay, periodIndex, periodStartDay, type Period } from '../calendar/days';
import { refuse } from '../domain-error';
import { type CohortRetention, cohortRetention, MAX_SHEET_COLUMNS } from './cohorts';
import { type CustomerIndex, indexCustomers } from './customers';

/** What the cells of a revenue cohort table measure. */
export type CohortRevenueMeasure = 'retention' | 'cumulative';

/** One cohort's revenue. */
export interface CohortRevenueRow {
  /** Day number of the first day of the cohort's period. */
  start: number;
  /** Customers in the cohort. */
  customers: number;
  /** The cohort's revenue in its own period (offset 0). */
  firstRevenue: number;
  /** revenue[k]: the cohort's revenue in cohort period + k, up to the data's last period. */
  revenue: number[];
  /**
   * values[k], one per offset of the table: `retention` revenue[k] ÷ firstRevenue (`null` for every
   * k when firstRevenue is 0); `cumulative` (revenue[0] + … + revenue[k]) ÷ customers. `null` for
   * periods after the data's last.
   */
  values: (number | null)[];
}

/** The revenue cohort table. */
export interface CohortRevenue {
  period: Period;
  measure: CohortRevenueMeasure;
  /** Number of offset columns (0 when there are no orders). */
  offsets: number;
  /** Non-empty cohorts, ascending. */
  cohorts: CohortRevenueRow[];
}

/** Columns before the offsets in a sheet: Cohort, Customers, First-period revenue. */
const LEADING_COLUMNS = 3;

/**
 * Revenue cohorts from orders given as parallel arrays (customer id, day number, amount ≥ 0). A
 * customer belongs to the cohort of the period of their first order, exactly as in
 * {@link cohortRetention}; every order of the cohort's customers adds its amount to the period it
 * falls in. Refuses (`tooManyCohortCells`) what the cohort triangle refuses, and a table wider than
 * a sheet once its three leading columns are added. O(n) plus the size of the table. `triangle`
 * is the {@link cohortRetention} of the same orders and period, and `index` is
 * `indexCustomers(customerIds)`, when the caller has them already.
 *
 * @example cohortRevenue(['a', 'b', 'a'], [dayFromCivil(2024, 1, 5), dayFromCivil(2024, 1, 20), dayFromCivil(2024, 2,
 *   10)], [100, 60, 50], 'month', 'retention')
 * // one cohort starting 2024-01-01: 2 customers, first-period revenue 160, values [1, 0.3125]
 */
export function cohortRevenue(
  customerIds: ArrayLike<string>,
  days: ArrayLike<number>,
  amounts: ArrayLike<number>,
  period: Period,
  measure: CohortRevenueMeasure,
  triangle?: CohortRetention,
  index: CustomerIndex = indexCustomers(customerIds),
): CohortRevenue {
  triangle ??= cohortRetention(customerIds, days, period, index);
  const { firstPeriod, lastPeriod, offsets } = triangle;
  if (offsets === 0) return { period, measure, offsets, cohorts: [] };
  if (offsets + LEADING_COLUMNS > MAX_SHEET_COLUMNS) {
    refuse({
      code: 'tooManyCohortCells',
      period,
      cohorts: triangle.cohorts.length,
      periods: offsets,
      firstDay: periodStartDay(firstPeriod, period),
      lastDay: periodEndDay(lastPeriod, period),
    });
  }

  // Each order's period (each distinct day's calendar arithmetic once) and each customer's cohort.
  const n = days.length;
  const periods = new Float64Array(n);
  const periodOfDay = new Map<number, number>();
  const cohortOf = new Float64Array(index.ids.length).fill(Infinity);
  for (let i = 0; i < n; i++) {
    let p = periodOfDay.get(days[i]);
    if (p === undefined) {
      p = periodIndex(days[i], period);
      periodOfDay.set(days[i], p);
    }
    periods[i] = p;
    const c = index.of[i];
    if (p < cohortOf[c]) cohortOf[c] = p;
  }

  // revenue[cohort row][offset]
  const rowOf = new Map<number, number>();
  triangle.cohorts.forEach((cohort, row) => rowOf.set(cohort.index, row));
  const revenue = triangle.cohorts.map((cohort) => new Array<number>(lastPeriod - cohort.index + 1).fill(0));
  for (let i = 0; i < n; i++) {
    const cohort = cohortOf[index.of[i]];
    revenue[rowOf.get(cohort)!][periods[i] - cohort] += amounts[i];
  }

  const cohorts = triangle.cohorts.map((cohort, row) => {
    const spent = revenue[row];
    const firstRevenue = spent[0];
    const values: (number | null)[] = new Array(offsets).fill(null);
    let total = 0;
    for (let k = 0; k < spent.length; k++) {
      total += spent[k];
      if (measure === 'cumulative') values[k] = total / cohort.customers;
      else if (firstRevenue > 0) values[k] = spent[k] / firstRevenue;
    }
    return { start: cohort.start, customers: cohort.customers, firstRevenue, revenue: spent, values };
  });
  return { period, measure, offsets, cohorts };
}
