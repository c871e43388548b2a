/**
 * Customer Profitability Score (CPS): how much a customer earns over what serving them costs.
 */
import { KpiError } from '../../errors/catalogue';

/**
 * CPS = (revenue − cost) ÷ cost. 0.25 means the customer brings 25 % more than they cost; a
 * negative score is a loss-making customer. Revenue and cost are ≥ 0 (the caller checks signs).
 *
 * @throws KpiError `MUST_BE_POSITIVE` (formula `CPS`, argument `cost`) when cost ≤ 0.
 * @example customerProfitabilityScore(1500, 1200) // 0.25
 */
export function customerProfitabilityScore(revenue: number, cost: number): number {
  if (!(cost > 0)) throw new KpiError('MUST_BE_POSITIVE', { fn: 'CPS', arg: 'cost', value: cost });
  return (revenue - cost) / cost;
}
