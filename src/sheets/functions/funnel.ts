/**
 * Funnel formulas: conversion rate and cart abandonment. Thin wrappers over `src/kpi/funnel`.
 */
import { cartAbandonment } from '../../kpi/funnel/cart-abandonment';
import { conversionRate } from '../../kpi/funnel/conversion-rate';
import type { CellInput, CellOutput } from '../cells';
import { runFormula } from '../formula';

/**
 * Conversion rate: the share of interactions that reached the goal.
 *
 * @param goals Conversions: purchases, sign-ups or other goals reached (≥ 0).
 * @param interactions Visits, leads or other interactions the goals came from (greater than 0).
 * @return The rate as a fraction 0–1, cell by cell.
 * @formula Conversion rate = goals ÷ interactions.
 * @source Google Analytics, "Conversion rate" (conversions ÷ sessions).
 * @example =CONVERSION_RATE({30;45}, {1200;900})
 * | 0.025 |
 * | 0.05 |
 * @customfunction
 */
export function CONVERSION_RATE(goals: CellInput, interactions: CellInput): CellOutput | CellOutput[][] {
  return runFormula('CONVERSION_RATE', (args) =>
    args.elementwise(
      [
        { arg: 'goals', input: goals, read: args.amountReader('goals', 'value') },
        { arg: 'interactions', input: interactions, read: args.amountReader('interactions', 'value') },
      ],
      ([g, i]) => conversionRate(g, i),
    ),
  );
}

/**
 * Cart abandonment rate: the share of carts created that did not end in a purchase.
 *
 * @param carts_created Shopping carts created (greater than 0).
 * @param purchases_completed Purchases completed from those carts (≥ 0, at most carts_created).
 * @return The rate as a fraction 0–1, cell by cell.
 * @formula Cart abandonment = 1 − purchases_completed ÷ carts_created (45 of 200 completed → 0.775).
 * @source Baymard Institute, "Cart abandonment rate statistics".
 * @example =CART_ABANDONMENT(200, 45)
 * 0.775
 * @customfunction
 */
export function CART_ABANDONMENT(
  carts_created: CellInput,
  purchases_completed: CellInput,
): CellOutput | CellOutput[][] {
  return runFormula('CART_ABANDONMENT', (args) =>
    args.elementwise(
      [
        { arg: 'carts_created', input: carts_created, read: args.amountReader('carts_created', 'value') },
        {
          arg: 'purchases_completed',
          input: purchases_completed,
          read: args.amountReader('purchases_completed', 'value'),
        },
      ],
      ([created, completed]) => cartAbandonment(created, completed),
    ),
  );
}
