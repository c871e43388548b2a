/**
 * Customer Effort Score (CES): how easy customers found it to get what they needed.
 */

/** How a CES is computed from the ratings. */
export type CesMethod = 'mean' | 'top2';

/**
 * Customer Effort Score of integer ratings 1 … `scaleMax` (at least one; the caller checks), where a
 * higher rating means easier ("the company made it easy for me": agree). When the question asks
 * for effort instead (lower = easier), `lowerIsBetter` turns each rating r into scaleMax + 1 − r
 * first. `'mean'`: the mean rating, in 1 … scaleMax; `'top2'`: the share of ratings ≥ scaleMax − 1
 * (the two easiest answers), in 0 … 1. O(n).
 *
 * Source: M. Dixon, K. Freeman and N. Toman, "Stop Trying to Delight Your Customers", Harvard
 * Business Review, July 2010, and CEB's CES 2.0 (1–7 agreement scale); the mean as Nicereply
 * computes it, the top-2 share as Delighted does ("agree" = 4–5 of 5).
 *
 * @example customerEffortScore([1, 2, 3, 4, 5, 4, 5, 3, 2, 1], 5, 'top2', false) // 0.4
 * @example customerEffortScore([4, 5, 6, 7, 7], 7, 'mean', false) // 29 ÷ 5 = 5.8
 */
export function customerEffortScore(
  ratings: ArrayLike<number>,
  scaleMax: number,
  method: CesMethod,
  lowerIsBetter: boolean,
): number {
  const n = ratings.length;
  const easeOf = (r: number) => (lowerIsBetter ? scaleMax + 1 - r : r);
  if (method === 'top2') {
    let easy = 0;
    for (let i = 0; i < n; i++) if (easeOf(ratings[i]) >= scaleMax - 1) easy++;
    return easy / n;
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += easeOf(ratings[i]);
  return sum / n;
}
