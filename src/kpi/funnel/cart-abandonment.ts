/**
 * Cart abandonment rate: the share of shopping carts created that did not end in a purchase.
 */
import { KpiError } from '../../errors/catalogue';

/**
 * Cart abandonment = 1 − purchases completed ÷ carts created, in 0 … 1. Counts are ≥ 0 (the
 * caller checks signs).
 *
 * @source Baymard Institute, "Cart abandonment rate statistics" (rate = 1 − completed ÷ created).
 * @throws KpiError (formula `CART_ABANDONMENT`) `DIVISION_BY_ZERO` when no cart was created;
 *   `INCONSISTENT_COUNTS` when completed > created.
 * @example cartAbandonment(200, 45) // 0.775
 */
export function cartAbandonment(cartsCreated: number, purchasesCompleted: number): number {
  if (cartsCreated === 0) {
    throw new KpiError(
      'DIVISION_BY_ZERO',
      { fn: 'CART_ABANDONMENT', arg: 'carts_created' },
      {
        en: 'carts_created is 0, so no cart could be abandoned',
        es: 'carts_created es 0, así que no se pudo abandonar ningún carrito',
      },
    );
  }
  if (purchasesCompleted > cartsCreated) {
    throw new KpiError(
      'INCONSISTENT_COUNTS',
      { fn: 'CART_ABANDONMENT' },
      {
        en: `purchases_completed (${purchasesCompleted}) is larger than carts_created (${cartsCreated}); each purchase comes from a cart`,
        es: `purchases_completed (${purchasesCompleted}) es mayor que carts_created (${cartsCreated}); cada compra procede de un carrito`,
      },
    );
  }
  return 1 - purchasesCompleted / cartsCreated;
}
