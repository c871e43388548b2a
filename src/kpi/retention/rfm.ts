/**
 * RFM analysis: Recency, Frequency and Monetary value per customer, each scored 1–5 against the
 * other customers, and the customer's segment from the R and F scores.
 *
 * Sources: A. M. Hughes, "Strategic Database Marketing" (1994) for RFM scoring; the ten-segment
 * R×F grid (Champions … Hibernating) as popularised by Putler's RFM segmentation guide. Scores
 * here are rank-based and tie-safe: s = 1 + ⌊5·w / n⌋, w = customers with a strictly worse value.
 */
import { type CustomerIndex, indexCustomers, sortedOrder } from './customers';

/** Stable keys of the ten RFM segments. */
export type RfmSegment =
  | 'champions'
  | 'loyal'
  | 'potentialLoyalist'
  | 'newCustomers'
  | 'promising'
  | 'needAttention'
  | 'aboutToSleep'
  | 'atRisk'
  | 'cantLoseThem'
  | 'hibernating';

/** Segment of each R score (rows, 1–5) and F score (columns, 1–5), as the FUNCTIONS.md table. */
const SEGMENT_GRID: RfmSegment[][] = [
  ['hibernating', 'hibernating', 'atRisk', 'atRisk', 'cantLoseThem'], // R = 1
  ['hibernating', 'hibernating', 'atRisk', 'atRisk', 'cantLoseThem'], // R = 2
  ['aboutToSleep', 'aboutToSleep', 'needAttention', 'loyal', 'loyal'], // R = 3
  ['promising', 'potentialLoyalist', 'potentialLoyalist', 'loyal', 'loyal'], // R = 4
  ['newCustomers', 'potentialLoyalist', 'potentialLoyalist', 'champions', 'champions'], // R = 5
];

/**
 * Segment of an R and an F score (each 1–5): 11, 12, 21, 22 hibernating; 13, 14, 23, 24 at risk;
 * 15, 25 can't lose them; 31, 32 about to sleep; 33 need attention; 34, 35, 44, 45 loyal;
 * 41 promising; 51 new customers; 42, 43, 52, 53 potential loyalist; 54, 55 champions.
 *
 * @example rfmSegment(5, 1) // 'newCustomers'
 */
export function rfmSegment(r: number, f: number): RfmSegment {
  return SEGMENT_GRID[r - 1][f - 1];
}

/**
 * Score 1–5 of a customer with `worse` customers strictly worse than them among `n`:
 * 1 + ⌊5·worse / n⌋. Since worse ≤ n − 1, 5·worse / n < 5 and the score never exceeds 5 (it is
 * capped anyway). Customers with equal values have equal `worse`, hence equal scores.
 *
 * @example rfmScore(3, 4) // 4: 1 + ⌊15 / 4⌋
 */
export function rfmScore(worse: number, n: number): number {
  return Math.min(5, 1 + Math.floor((5 * worse) / n));
}

/**
 * Scores 1–5 of values, where a customer's "worse" count is the number of values strictly below
 * theirs (`higherIsBetter`) or strictly above (recency, where fewer days is better). O(n log n).
 */
export function rankScores(values: Float64Array, higherIsBetter: boolean): Int8Array {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const scores = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    // first position holding a value ≥ v (strictly below: that many) or > v (strictly above: n − that)
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (higherIsBetter ? sorted[mid] < v : sorted[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    scores[i] = rfmScore(higherIsBetter ? lo : n - lo, n);
  }
  return scores;
}

/** One customer's RFM figures. */
export interface RfmRow {
  customer: string;
  /** Days from the customer's last order to as_of. */
  recency: number;
  /** Number of orders. */
  frequency: number;
  /** Total spend. */
  monetary: number;
  r: number;
  f: number;
  m: number;
  segment: RfmSegment;
}

/** Money is summed in millionths as whole numbers: exact, so neither row order nor 0.1 + 0.2 vs 0.3 changes a tie. */
const MICROS = 1e6;

/**
 * RFM table of orders given as parallel arrays, one row per customer, sorted by customer id
 * (natural order, see `sortedOrder`). `asOfDay` defaults to the latest order day — never today;
 * orders after `asOfDay` are ignored, and customers with no order on or before it are left out.
 * Spend is summed exactly in millionths of the currency unit (amounts are rounded to 6 decimals,
 * totals exact up to about 9 billion per customer), so the input's row order never changes a
 * total, and 0.1 + 0.2 ties with 0.3. O(n log n). `index` is `indexCustomers(customerIds)`, when the
 * caller has it already.
 *
 * @example rfmScores(['a', 'b'], [10, 3], [50, 20], 10) // a: recency 0, R 3, F 1, M 3 → aboutToSleep; b: recency 7, R
 *   1, F 1, M 1 → hibernating
 */
export function rfmScores(
  customerIds: ArrayLike<string>,
  days: ArrayLike<number>,
  amounts: ArrayLike<number>,
  asOfDay?: number,
  index?: CustomerIndex,
): RfmRow[] {
  let asOf = asOfDay ?? -Infinity;
  if (asOfDay === undefined) for (let i = 0; i < days.length; i++) if (days[i] > asOf) asOf = days[i];

  const kept: number[] = [];
  for (let i = 0; i < days.length; i++) if (days[i] <= asOf) kept.push(i);
  // Every row kept: the caller's index (if any) is the one of the kept rows.
  const customers = index && kept.length === days.length ? index : indexCustomers(kept.map((i) => customerIds[i]));
  const n = customers.ids.length;
  const last = new Float64Array(n).fill(-Infinity);
  const frequency = new Float64Array(n);
  const micros = new Float64Array(n);
  for (let k = 0; k < kept.length; k++) {
    const i = kept[k];
    const c = customers.of[k];
    if (days[i] > last[c]) last[c] = days[i];
    frequency[c]++;
    micros[c] += Math.round(amounts[i] * MICROS);
  }
  const recency = new Float64Array(n);
  const monetary = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    recency[c] = asOf - last[c];
    monetary[c] = micros[c] / MICROS;
  }
  const r = rankScores(recency, false);
  const f = rankScores(frequency, true);
  const m = rankScores(monetary, true);
  return sortedOrder(customers.ids).map((c) => {
    const segment = rfmSegment(r[c], f[c]);
    return {
      customer: customers.ids[c],
      recency: recency[c],
      frequency: frequency[c],
      monetary: monetary[c],
      r: r[c],
      f: f[c],
      m: m[c],
      segment,
    };
  });
}
