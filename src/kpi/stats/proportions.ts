/**
 * Two-proportion z-test: did a rate (satisfied share, conversion, churn…) change between two
 * independent samples?
 */
import { refuse } from '../domain-error';
import { normalCdf } from './normal';

/** Change of a proportion between two samples and its significance. */
export interface ProportionTest {
  /** p₂ − p₁, a fraction (the second sample's share minus the first's). */
  difference: number;
  /** z = (p₂ − p₁) ÷ SE; 0 when the pooled share is 0 or 1 (both samples all one way). */
  z: number;
  /** Two-sided p-value 2·Φ(−|z|), in 0 … 1; 1 when the pooled share is 0 or 1. */
  pValue: number;
}

/**
 * Two-proportion z-test with pooled variance, comparing `successes2` of `n2` (the later sample)
 * against `successes1` of `n1` (the earlier one):
 * p̂ = (s₁ + s₂) ÷ (n₁ + n₂), SE = √(p̂(1 − p̂)(1/n₁ + 1/n₂)), z = (p₂ − p₁) ÷ SE, p = 2·Φ(−|z|).
 * When p̂ is 0 or 1 both samples are all failures or all successes: no difference, z = 0, p = 1.
 * Samples must not be empty (`notPositive`, inputs `n1`/`n2`); successes are counts 0 … n (a
 * `RangeError` otherwise: the caller counted them). O(1).
 *
 * Source: pooled two-proportion z-test (e.g. Agresti, Franklin & Klingenberg, "Statistics: The Art
 * and Science of Learning from Data", ch. 10); equals statsmodels' `proportions_ztest` and the
 * chi-square test without continuity correction.
 *
 * @example twoProportionZTest(5, 83, 12, 99) // { difference: 0.0610, z: 1.4078, pValue: 0.1592 } (statsmodels
 *   test_default_values: z = −1.4078304151258787 for 5/83 − 12/99, p = 0.15918129181156992)
 */
export function twoProportionZTest(successes1: number, n1: number, successes2: number, n2: number): ProportionTest {
  if (!(n1 > 0)) refuse({ code: 'notPositive', input: 'n1', value: n1 });
  if (!(n2 > 0)) refuse({ code: 'notPositive', input: 'n2', value: n2 });
  checkCount(successes1, n1);
  checkCount(successes2, n2);
  const p1 = successes1 / n1;
  const p2 = successes2 / n2;
  const difference = p2 - p1;
  const pooled = (successes1 + successes2) / (n1 + n2);
  const variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  if (!(variance > 0)) return { difference, z: 0, pValue: 1 };
  const z = difference / Math.sqrt(variance);
  return { difference, z, pValue: Math.min(1, 2 * normalCdf(-Math.abs(z))) };
}

function checkCount(successes: number, n: number): void {
  if (!(successes >= 0 && successes <= n)) throw new RangeError(`successes ${successes} outside 0 … ${n}`);
}
