/**
 * Customer Profitability Score (CPS): how much a customer earns over what serving them costs.
 */
import { refuse } from '../domain-error';

/**
 * CPS = (revenue − cost) ÷ cost. 0.25 means the customer brings 25 % more than they cost; a
 * negative score is a loss-making customer. Revenue and cost are ≥ 0 (the caller checks signs).
 * Refuses cost ≤ 0 (`notPositive`, input `cost`).
 *
 * @example customerProfitabilityScore(1500, 1200) // 0.25
 */
export function customerProfitabilityScore(revenue: number, cost: number): number {
  if (!(cost > 0)) refuse({ code: 'notPositive', input: 'cost', value: cost });
  return (revenue - cost) / cost;
}
