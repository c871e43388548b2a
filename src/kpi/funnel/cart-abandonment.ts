/**
 * Cart abandonment rate: the share of shopping carts created that did not end in a purchase.
 */
import { refuse } from '../domain-error';

/**
 * Cart abandonment = 1 − purchases completed ÷ carts created, in 0 … 1. Counts are ≥ 0 (the
 * caller checks signs). Refuses no carts (`noCarts`) and more purchases than carts
 * (`purchasesAboveCarts`).
 *
 * @source Baymard Institute, "Cart abandonment rate statistics" (rate = 1 − completed ÷ created).
 * @example cartAbandonment(200, 45) // 0.775
 */
export function cartAbandonment(cartsCreated: number, purchasesCompleted: number): number {
  if (cartsCreated === 0) refuse({ code: 'noCarts' });
  if (purchasesCompleted > cartsCreated)
    refuse({ code: 'purchasesAboveCarts', purchases: purchasesCompleted, carts: cartsCreated });
  return 1 - purchasesCompleted / cartsCreated;
}
