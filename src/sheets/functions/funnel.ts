/**
 * Funnel formulas: conversion rate and cart abandonment. Each is declared once (parameters, kinds,
 * defaults, bounds) over the maths in `src/kpi/funnel`.
 */
import { cartAbandonment } from '../../kpi/funnel/cart-abandonment';
import { conversionRate } from '../../kpi/funnel/conversion-rate';
import { customFunction } from '../declaration';

/** A count, read cell by cell: 0 or more, text is an error. */
const COUNT = { kind: 'amount', noun: 'value' } as const;

export const FUNNEL_FORMULAS = {
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
   * @es Tasa de conversión: la parte de las interacciones que alcanzó el objetivo.
   * @esparam goals Conversiones: compras, altas u otros objetivos alcanzados (≥ 0).
   * @esparam interactions Visitas, contactos u otras interacciones de las que salen los objetivos (mayor que 0).
   * @customfunction
   */
  CONVERSION_RATE: customFunction({
    elementwise: true,
    params: { goals: COUNT, interactions: COUNT },
    compute: ({ goals, interactions }) => conversionRate(goals, interactions),
  }),

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
   * @es Tasa de abandono de carrito: la parte de los carritos creados que no terminó en una compra.
   * @esparam carts_created Carritos de compra creados (mayor que 0).
   * @esparam purchases_completed Compras completadas desde esos carritos (≥ 0, como mucho carts_created).
   * @customfunction
   */
  CART_ABANDONMENT: customFunction({
    elementwise: true,
    params: { carts_created: COUNT, purchases_completed: COUNT },
    roles: { carts: 'carts_created', purchases: 'purchases_completed' },
    compute: ({ carts_created, purchases_completed }) => cartAbandonment(carts_created, purchases_completed),
  }),
};
