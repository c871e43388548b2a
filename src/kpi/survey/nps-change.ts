/**
 * Change of the NPS between two independent surveys, with its significance.
 */
import { normalCdf } from '../stats/normal';
import { npsOfCounts, npsStandardError, type NpsCounts } from './nps';

/** NPS change in points and the two-sided p-value of the z test. */
export interface NpsChange {
  /** NPS after − NPS before, in points. */
  change: number;
  /** Two-sided p-value of z = change ÷ √(SE_before² + SE_after²). */
  pValue: number;
}

/**
 * Change of the NPS from `before` to `after` (two independent samples) and the two-sided p-value
 * of z = Δ / √(SE₁² + SE₂²), each SE the multinomial standard error of its NPS; p = 2·Φ(−|z|).
 *
 * When both standard errors are 0 (each survey is all promoters, all detractors or all passives)
 * z is undefined; the p-value is then 1 if the NPS did not change and 0 if it did, the limit of the
 * test as the sampling noise vanishes. Both counts need at least one response.
 *
 * Source: normal approximation to the difference of two independent NPS estimates, as in
 * B. Rocks, "Interval estimation for the 'net promoter score'", The American Statistician 70(4), 2016.
 *
 * @example npsChange({ promoters: 2, passives: 0, detractors: 2, responses: 4 }, { promoters: 3, passives: 1,
 *   detractors: 0, responses: 4 }) // { change: 75, pValue: 0.1687 }
 */
export function npsChange(before: NpsCounts, after: NpsCounts): NpsChange {
  const change = npsOfCounts(after) - npsOfCounts(before);
  const se1 = npsStandardError(before);
  const se2 = npsStandardError(after);
  const se = Math.sqrt(se1 * se1 + se2 * se2);
  if (se === 0) return { change, pValue: change === 0 ? 1 : 0 };
  const pValue = 2 * normalCdf(-Math.abs(change / se));
  return { change, pValue: Math.min(1, pValue) };
}
