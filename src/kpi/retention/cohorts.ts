/**
 * Cohort retention: customers grouped by the period of their first order, and for each later
 * period the share of the group that ordered again — the triangle behind a retention heatmap.
 *
 * Source: acquisition cohorts as in N. Glenn, "Cohort Analysis" (Sage, 2nd ed. 2005), measured as
 * Amplitude's "N-day retention" generalised to any period: active in period N counted from the
 * cohort's own period, period 0 being 100 %.
 */
import { periodEndDay, periodIndex, periodStartDay, type Period } from '../calendar/days';
import { refuse } from '../domain-error';
import { type CustomerIndex, indexCustomers } from './customers';

/** One cohort: the customers whose first order fell in one period. */
export interface CohortRow {
  /** Period index (see `periodIndex`) of the cohort. */
  index: number;
  /** Day number of the first day of the cohort's period. */
  start: number;
  /** Customers in the cohort. */
  customers: number;
  /** retained[k]: customers of the cohort with at least one order in period index + k. */
  retained: number[];
  /** shares[k] = retained[k] ÷ customers (shares[0] is 1); `null` for periods after the data's last. */
  shares: (number | null)[];
}

/** The cohort triangle. */
export interface CohortRetention {
  period: Period;
  /** Period indexes of the first cohort and of the last period with an order. */
  firstPeriod: number;
  lastPeriod: number;
  /** Number of offset columns, lastPeriod − firstPeriod + 1 (0 when there are no orders). */
  offsets: number;
  /** Non-empty cohorts, ascending. Periods in which nobody ordered for the first time have no row. */
  cohorts: CohortRow[];
}

/** Largest table (cohorts × offsets) built; a sheet holds at most 10 million cells. */
export const MAX_COHORT_CELLS = 2_000_000;

/** Columns a Google sheet can have. */
export const MAX_SHEET_COLUMNS = 18_278;

/**
 * Builds the cohort retention triangle from orders given as parallel arrays. A customer belongs
 * to the cohort of the period of their first order; offset k counts the customers of the cohort
 * with at least one order in cohort period + k (several orders in one period count once).
 * O(n) plus the size of the table; refuses (`tooManyCohortCells`) a table of more than
 * {@link MAX_COHORT_CELLS} cells or {@link MAX_SHEET_COLUMNS} columns (e.g. daily cohorts over decades).
 * `index` is `indexCustomers(customerIds)`, when the caller has it already.
 *
 * @example cohortRetention(['a', 'b', 'a'], [dayFromCivil(2024, 1, 5), dayFromCivil(2024, 1, 20), dayFromCivil(2024, 2,
 *   10)], 'month')
 * // one cohort starting 2024-01-01 with 2 customers, shares [1, 0.5]
 */
export function cohortRetention(
  customerIds: ArrayLike<string>,
  days: ArrayLike<number>,
  period: Period,
  index: CustomerIndex = indexCustomers(customerIds),
): CohortRetention {
  const n = days.length;
  const periods = new Float64Array(n);
  const cohortOf = new Float64Array(index.ids.length).fill(Infinity);
  let lastPeriod = -Infinity;
  for (let i = 0; i < n; i++) {
    const p = periodIndex(days[i], period);
    periods[i] = p;
    const c = index.of[i];
    if (p < cohortOf[c]) cohortOf[c] = p;
    if (p > lastPeriod) lastPeriod = p;
  }
  if (n === 0) return { period, firstPeriod: 0, lastPeriod: -1, offsets: 0, cohorts: [] };

  // cohort sizes, by period index relative to the first cohort (size checked before allocating)
  const cohortSizes = new Map<number, number>();
  for (let c = 0; c < cohortOf.length; c++) cohortSizes.set(cohortOf[c], (cohortSizes.get(cohortOf[c]) ?? 0) + 1);
  let firstPeriod = Infinity;
  for (const p of cohortSizes.keys()) if (p < firstPeriod) firstPeriod = p;
  const offsets = lastPeriod - firstPeriod + 1;
  const rows = cohortSizes.size;
  if (rows * offsets > MAX_COHORT_CELLS || offsets + 2 > MAX_SHEET_COLUMNS) {
    refuse({
      code: 'tooManyCohortCells',
      period,
      cohorts: rows,
      periods: offsets,
      firstDay: periodStartDay(firstPeriod, period),
      lastDay: periodEndDay(lastPeriod, period),
    });
  }
  const sizes = new Int32Array(offsets);
  for (const [p, size] of cohortSizes) sizes[p - firstPeriod] = size;

  // retained[cohort][offset], each (customer, offset) counted once
  const retained: number[][] = [];
  for (let k = 0; k < offsets; k++) retained.push(sizes[k] > 0 ? new Array<number>(offsets - k).fill(0) : []);
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    const c = index.of[i];
    const offset = periods[i] - cohortOf[c];
    const key = c * offsets + offset;
    if (seen.has(key)) continue;
    seen.add(key);
    retained[cohortOf[c] - firstPeriod][offset]++;
  }

  const cohorts: CohortRow[] = [];
  for (let k = 0; k < offsets; k++) {
    const customers = sizes[k];
    if (customers === 0) continue;
    const shares: (number | null)[] = new Array(offsets).fill(null);
    for (let j = 0; j < retained[k].length; j++) shares[j] = retained[k][j] / customers;
    cohorts.push({
      index: firstPeriod + k,
      start: periodStartDay(firstPeriod + k, period),
      customers,
      retained: retained[k],
      shares,
    });
  }
  return { period, firstPeriod, lastPeriod, offsets, cohorts };
}
