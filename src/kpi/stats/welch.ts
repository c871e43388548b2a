/**
 * Welch's t-test: do two groups (segments, periods) differ in their mean, without assuming equal
 * variances?
 */
import { studentTTwoSided } from './student-t';

/** Difference of two means and its significance. */
export interface WelchTest {
  /** mean₂ − mean₁ (the second sample's mean minus the first's). */
  difference: number;
  /** t = (mean₂ − mean₁) ÷ √(s₁²/n₁ + s₂²/n₂); `undefined` when both samples have no variance. */
  t: number | undefined;
  /** Welch–Satterthwaite degrees of freedom; `undefined` with t. */
  df: number | undefined;
  /** Two-sided p-value in 0 … 1. Both samples without variance: 1 if the means are equal, else 0. */
  pValue: number;
}

/** Mean and sample variance (n − 1 denominator), two passes. */
function moments(values: ArrayLike<number>): { n: number; mean: number; variance: number } {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] - mean) * (values[i] - mean);
  return { n, mean, variance: squares / (n - 1) };
}

/**
 * Welch's unequal-variances t-test of `second` against `first` (each at least 2 values, else a
 * `RangeError`: the caller checks the sizes):
 * t = (x̄₂ − x̄₁) ÷ √(s₁²/n₁ + s₂²/n₂), df = (s₁²/n₁ + s₂²/n₂)² ÷ ((s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1)),
 * two-sided p = P(|T_df| ≥ |t|). The sign follows second − first, like every change in Fideliza
 * (scipy's `ttest_ind(a, b)` reports a − b: the same |t| and p). When neither sample varies the test
 * is degenerate: p is 1 if the means are equal and 0 if not (the limit as the noise vanishes). O(n).
 *
 * Source: B. L. Welch, "The generalization of 'Student's' problem when several different population
 * variances are involved", Biometrika 34, 1947; F. E. Satterthwaite, Biometrics Bulletin 2, 1946.
 *
 * @example welchTTest(A1, A2) // Wikipedia's "Welch's t-test" example: t = 2.455356, df = 24.98853,
 *   p = 0.021378 (scipy: t = −2.455356398 for A1 − A2)
 */
export function welchTTest(first: ArrayLike<number>, second: ArrayLike<number>): WelchTest {
  if (first.length < 2 || second.length < 2) {
    throw new RangeError(`welchTTest: each sample needs 2 values, got ${first.length} and ${second.length}`);
  }
  const a = moments(first);
  const b = moments(second);
  const difference = b.mean - a.mean;
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const se2 = va + vb;
  if (!(se2 > 0)) return { difference, t: undefined, df: undefined, pValue: difference === 0 ? 1 : 0 };
  const t = difference / Math.sqrt(se2);
  const df = (se2 * se2) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  return { difference, t, df, pValue: studentTTwoSided(t, df) };
}
