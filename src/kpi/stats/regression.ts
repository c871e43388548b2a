/**
 * Ordinary least-squares line.
 */
import { pairedSums } from './moments';

/**
 * Slope b = Sxy / Sxx of the least-squares line y = a + b·x through paired values.
 * `undefined` when all x are equal (the slope is not defined). O(n).
 *
 * Source: NIST/SEMATECH e-Handbook of Statistical Methods, 4.1.4.1 (linear least squares).
 *
 * @example leastSquaresSlope([0, 30, 60], [8, 6, 5]) // -0.05
 */
export function leastSquaresSlope(xs: ArrayLike<number>, ys: ArrayLike<number>): number | undefined {
  const s = pairedSums(xs, ys);
  if (s.n < 2 || s.sxx <= 0) return undefined;
  return s.sxy / s.sxx;
}
