/**
 * Holm's step-down correction for testing several hypotheses at once (one p-value per segment,
 * per question…), so that the chance of any false alarm stays at the chosen level.
 */

/**
 * Holm-adjusted p-values, in the order given: sort the m p-values ascending, multiply the i-th
 * smallest (i = 0, 1, …) by m − i, carry the running maximum so the adjusted values keep their
 * order, and cap at 1. Rejecting every hypothesis whose adjusted p-value is ≤ α is Holm's
 * procedure at level α. Ties keep their order. Each p-value must be in 0 … 1 (a `RangeError`
 * otherwise). O(m log m).
 *
 * Source: S. Holm, "A simple sequentially rejective multiple test procedure", Scandinavian Journal
 * of Statistics 6(2), 1979; adjusted p-values as R's `p.adjust(p, "holm")`.
 *
 * @example holmAdjust([0.01, 0.04, 0.03, 0.005]) // [0.03, 0.06, 0.06, 0.02] (Wikipedia, "Holm–Bonferroni method":
 *   H1 and H4 rejected at α = 0.05, H2 and H3 not)
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  for (const p of pValues) if (!(p >= 0 && p <= 1)) throw new RangeError(`holmAdjust: p-value ${p} outside 0 … 1`);
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b] || a - b);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach((index, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * pValues[index]));
    adjusted[index] = running;
  });
  return adjusted;
}
