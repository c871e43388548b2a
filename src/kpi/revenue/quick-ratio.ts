/**
 * SaaS quick ratio: how much MRR a business adds for each unit of MRR it loses.
 */
import { finite, refuse } from '../domain-error';

/**
 * Quick ratio = (new + expansion + reactivation MRR) ÷ (contraction + churned MRR) over a period:
 * above 4 is strong growth, below 1 the MRR shrinks. All inputs are movements ≥ 0 (the caller
 * checks signs). Refuses a period in which no MRR was lost (`nothingLost`): the ratio is unbounded.
 *
 * Source: M. Hamid (Social Capital), "SaaS quick ratio" (InsightSquared interview, 2015); reactivation
 * counted as gained MRR, as ChartMogul's MRR movements classify it.
 *
 * @example quickRatio(5000, 1000, 500, 1500) // 3 (abracalc's worked example)
 */
export function quickRatio(
  newMrr: number,
  expansion: number,
  contraction: number,
  churned: number,
  reactivation = 0,
): number {
  const lost = contraction + churned;
  if (lost === 0) refuse({ code: 'nothingLost' });
  return finite((newMrr + expansion + reactivation) / lost);
}
