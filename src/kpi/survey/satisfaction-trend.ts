/**
 * Satisfaction trend per customer: who is getting happier and who is slipping.
 */
import { sortedOrder } from '../retention/customers';
import { leastSquaresSlope } from '../stats/regression';

/** Trend of one customer's answers. */
export interface CustomerTrend {
  customer: string;
  responses: number;
  /** The answer before the latest one. */
  previous: number;
  /** The latest answer. */
  latest: number;
  /** latest − previous. */
  change: number;
  /** Least-squares slope of score on day × 30; `undefined` when every answer is on one day. */
  slopePer30Days: number | undefined;
}

/** Days the slope is expressed over. */
const SLOPE_DAYS = 30;

/**
 * Trend of each customer with at least 2 answers. `customers`, `days` (day numbers) and `scores`
 * are paired, in sheet order. Answers are put in date order; answers on the same day keep their
 * sheet order, so of two same-day answers the lower one in the sheet counts as the later.
 * Previous and Latest are the last two answers in that order; Change = latest − previous; the slope
 * is the least-squares slope of score on day, × 30. Sorted by change ascending (falling customers
 * first), ties by customer id in natural order (as RFM sorts them: C2 before C10). O(n log n).
 *
 * @example satisfactionTrend(['A', 'B', 'A', 'B', 'A'], [0, 0, 30, 60, 60], [8, 5, 6, 9, 5]) // A: 6 → 5, change −1,
 *   slope −1.5; B: 5 → 9, change 4, slope 2
 */
export function satisfactionTrend(
  customers: readonly string[],
  days: ArrayLike<number>,
  scores: ArrayLike<number>,
): CustomerTrend[] {
  const rowsOf = new Map<string, number[]>();
  for (let i = 0; i < customers.length; i++) {
    const rows = rowsOf.get(customers[i]);
    if (rows) rows.push(i);
    else rowsOf.set(customers[i], [i]);
  }
  const out: CustomerTrend[] = [];
  for (const [customer, rows] of rowsOf) {
    if (rows.length < 2) continue;
    rows.sort((a, b) => days[a] - days[b] || a - b);
    const xs = rows.map((i) => days[i]);
    const ys = rows.map((i) => scores[i]);
    const previous = ys[ys.length - 2];
    const latest = ys[ys.length - 1];
    const slope = leastSquaresSlope(xs, ys);
    out.push({
      customer,
      responses: rows.length,
      previous,
      latest,
      change: latest - previous,
      slopePer30Days: slope === undefined ? undefined : slope * SLOPE_DAYS,
    });
  }
  return sortedOrder(
    out.map((t) => t.customer),
    out.map((t) => t.change),
  ).map((k) => out[k]);
}
