/**
 * Historic customer lifetime value: order value × purchase frequency × lifespan × margin.
 */
import { checkedGrossMargin } from './gross-margin';

/**
 * LTV = average order value × purchases per period × lifespan in periods × gross margin.
 * Inputs are ≥ 0 (the caller checks signs); the margin is a fraction in 0 … 1 (default 1, i.e.
 * revenue LTV).
 *
 * Refuses a margin outside 0 … 1 (`notFraction`, input `margin`).
 * @example lifetimeValue(50, 4, 3, 0.6) // 360 = 50 × 4 × 3 × 0.6
 */
export function lifetimeValue(
  averageOrderValue: number,
  purchasesPerPeriod: number,
  lifespanPeriods: number,
  grossMargin = 1,
): number {
  return averageOrderValue * purchasesPerPeriod * lifespanPeriods * checkedGrossMargin(grossMargin);
}
