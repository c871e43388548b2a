/**
 * Funnel maths: conversion rate and cart abandonment.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cartAbandonment } from '../../src/kpi/funnel/cart-abandonment';
import { conversionRate } from '../../src/kpi/funnel/conversion-rate';
import { refusalIn } from '../support/kpi-errors';

const counts = fc
  .integer({ min: 1, max: 1_000_000 })
  .chain((total) => fc.tuple(fc.constant(total), fc.integer({ min: 0, max: total })));

describe('conversion rate', () => {
  it('hand-checked: 30 sales from 1200 visits → 0.025', () => {
    expect(conversionRate(30, 1200)).toBe(0.025);
    expect(conversionRate(0, 10)).toBe(0);
    expect(conversionRate(10, 10)).toBe(1);
  });

  it('no interactions, or more goals than interactions, is an error with a reason', () => {
    expect(refusalIn('CONVERSION_RATE', () => conversionRate(0, 0))).toContain(
      'CONVERSION_RATE: cannot divide by zero: interactions is 0',
    );
    expect(refusalIn('CONVERSION_RATE', () => conversionRate(11, 10))).toContain(
      'CONVERSION_RATE: goals (11) is larger than interactions (10)',
    );
  });

  it('property: a rate in [0, 1]', () => {
    fc.assert(
      fc.property(counts, ([interactions, goals]) => {
        const rate = conversionRate(goals, interactions);
        expect(rate).toBeGreaterThanOrEqual(0);
        expect(rate).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('cart abandonment', () => {
  it('FUNCTIONS.md worked example: 45 of 200 carts completed → 1 − 45/200 = 0.775', () => {
    expect(cartAbandonment(200, 45)).toBeCloseTo(0.775, 12);
  });

  it('no carts, or more purchases than carts, is an error with a reason', () => {
    expect(refusalIn('CART_ABANDONMENT', () => cartAbandonment(0, 0))).toContain(
      'CART_ABANDONMENT: cannot divide by zero: carts_created is 0',
    );
    expect(refusalIn('CART_ABANDONMENT', () => cartAbandonment(10, 12))).toContain(
      'CART_ABANDONMENT: purchases_completed (12) is larger than carts_created (10)',
    );
  });

  it('property: a rate in [0, 1], the complement of the completion rate', () => {
    fc.assert(
      fc.property(counts, ([created, completed]) => {
        const rate = cartAbandonment(created, completed);
        expect(rate).toBeGreaterThanOrEqual(0);
        expect(rate).toBeLessThanOrEqual(1);
        expect(rate + conversionRate(completed, created)).toBeCloseTo(1, 12);
      }),
    );
  });
});
