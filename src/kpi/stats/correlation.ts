/**
 * Pearson product-moment correlation.
 */
import { pairedSums } from './moments';

/**
 * Pearson correlation r = Sxy / √(Sxx·Syy) of paired values, clamped to −1 … 1 against rounding.
 * `undefined` when fewer than 2 pairs or when either side has no variance (r is not defined).
 * O(n).
 *
 * Source: K. Pearson, "Mathematical contributions to the theory of evolution III", 1896; any
 * statistics text (e.g. NIST/SEMATECH e-Handbook of Statistical Methods, 7.1.6).
 *
 * @example pearson([1, 2, 3, 4], [10, 8, 6, 4]) // -1
 */
export function pearson(xs: ArrayLike<number>, ys: ArrayLike<number>): number | undefined {
  const s = pairedSums(xs, ys);
  if (s.n < 2 || s.sxx <= 0 || s.syy <= 0) return undefined;
  const r = s.sxy / Math.sqrt(s.sxx * s.syy);
  return Math.max(-1, Math.min(1, r));
}
