// The rules shop and billing exports carry (src/sheets/report/source-rules.ts): which orders are
// sales, how line-item rows make one order, what a subscription pays per month and from when.
import { describe, expect, it } from 'vitest';
import {
  monthsPerPeriod,
  type OrderRow,
  orderClassOf,
  ordersOfRows,
  subscriptionClassOf,
  subscriptionOf,
  type SubscriptionFields,
} from '../../src/sheets/report/source-rules';

const FIELDS = ['customerId', 'date', 'amount', 'orderId', 'status', 'refunded', 'cancelled'];
const REQUIRED = [
  { key: 'customerId', reason: 'blankId' as const },
  { key: 'date', reason: 'badDate' as const },
  { key: 'amount', reason: 'notANumber' as const },
];

/** A row of an orders sheet: sheet row number and its field values (blank = null). */
function row(n: number, values: Record<string, unknown>): OrderRow {
  const full: Record<string, unknown> = {};
  for (const key of FIELDS) full[key] = values[key] ?? null;
  return { row: n, values: full, bad: {} };
}

describe('orderClassOf', () => {
  it('knows the statuses that are not sales, in Shopify, WooCommerce and PrestaShop words', () => {
    for (const status of ['cancelled', 'Cancelled', 'voided', 'Cancelado', 'wc-cancelled'])
      expect(orderClassOf(status), status).toBe('cancelled');
    for (const status of [
      'pending',
      'Pending payment',
      'failed',
      'Error en pago',
      'En espera de pago por transferencia bancaria',
      'checkout-draft',
    ])
      expect(orderClassOf(status), status).toBe('notPaid');
    for (const status of ['refunded', 'Refunded', 'Reembolsado']) expect(orderClassOf(status), status).toBe('refunded');
    for (const status of [
      'paid',
      'completed',
      'processing',
      'on-hold',
      'On hold',
      'partially_refunded',
      'Pago aceptado',
      'Entregado',
      '',
    ])
      expect(orderClassOf(status), status).toBe('sale');
  });
});

describe('ordersOfRows', () => {
  it('Shopify: line items make one order, order fields on its first row, net of refunds', () => {
    const rows = [
      row(2, { orderId: '#1001', customerId: 'a@x.com', date: 10, amount: 50, status: 'paid', refunded: 0 }),
      row(3, { orderId: '#1001', customerId: 'a@x.com' }), // a second line item: only the line fields
      row(4, {
        orderId: '#1002',
        customerId: 'b@x.com',
        date: 11,
        amount: 40,
        status: 'partially_refunded',
        refunded: 12.5,
      }),
      row(5, { orderId: '#1003', customerId: 'c@x.com', date: 12, amount: 30, status: 'refunded', refunded: 30 }),
      row(6, { orderId: '#1004', customerId: 'd@x.com', date: 13, amount: 20, status: 'voided', cancelled: true }),
      row(7, { orderId: '#1005', customerId: 'e@x.com', date: 14, amount: 25, status: 'pending' }),
      row(8, { orderId: '#1006', customerId: 'f@x.com', date: 15, amount: 15, status: 'paid', cancelled: true }),
    ];
    const { outcomes, amounts, orders } = ordersOfRows(rows, FIELDS, REQUIRED, true);
    expect(orders).toBe(6);
    expect(amounts).toBe('repeated');
    expect(outcomes).toEqual([
      { row: 2, values: expect.objectContaining({ customerId: 'a@x.com', date: 10, amount: 50 }) },
      { row: 4, values: expect.objectContaining({ amount: 27.5 }) },
      { row: 5, excluded: 'refunded' },
      { row: 6, excluded: 'cancelled' },
      { row: 7, excluded: 'notPaid' },
      { row: 8, excluded: 'cancelled' },
    ]);
  });

  it('WooCommerce order export: the total repeated on each product row is counted once', () => {
    const rows = [
      row(2, { orderId: 4121, customerId: 'n@x.net', date: 10, amount: 94, status: 'Completed', refunded: 16 }),
      row(3, { orderId: 4121, customerId: 'n@x.net', date: 10, amount: 94, status: 'Completed', refunded: 16 }),
      row(4, { orderId: 4123, customerId: 'b@x.org', date: 11, amount: 35.31, status: 'Completed', refunded: 0 }),
    ];
    const { outcomes, amounts } = ordersOfRows(rows, FIELDS, REQUIRED, true);
    expect(amounts).toBe('repeated');
    expect(outcomes.map((o) => ('values' in o ? o.values.amount : o))).toEqual([78, 35.31]);
  });

  it('WooCommerce Analytics: a refund row (negative, later date) is subtracted from its order on the order’s day', () => {
    const rows = [
      row(2, { orderId: 2346, customerId: 'María García', date: 30, amount: -15.92, status: 'completed' }),
      row(3, { orderId: 2346, customerId: 'María García', date: 20, amount: 73.36, status: 'completed' }),
      row(4, { orderId: 2313, customerId: 'Rocío Marín', date: 5, amount: -79.8, status: 'refunded' }),
      row(5, { orderId: 2313, customerId: 'Rocío Marín', date: 1, amount: 79.8, status: 'refunded' }),
    ];
    const { outcomes } = ordersOfRows(rows, FIELDS, REQUIRED, true);
    expect(outcomes[0]).toEqual({ row: 3, values: expect.objectContaining({ date: 20, amount: 57.44 }) });
    expect(outcomes[1]).toEqual({ row: 5, excluded: 'refunded' });
  });

  it('a log of order lines with different amounts is added up', () => {
    const rows = [
      row(2, { orderId: 'A', customerId: 'c1', date: 1, amount: 10 }),
      row(3, { orderId: 'A', customerId: 'c1', date: 1, amount: 15 }),
    ];
    const { outcomes, amounts } = ordersOfRows(rows, FIELDS, REQUIRED, true);
    expect(amounts).toBe('summed');
    expect(outcomes).toEqual([{ row: 2, values: expect.objectContaining({ amount: 25 }) }]);
  });

  it('without an order id each row is an order, a negative amount an error, a blank customer a skip', () => {
    const rows = [
      row(2, { customerId: 'c1', date: 1, amount: -5 }),
      row(3, { customerId: null, date: 1, amount: 5 }),
      { ...row(4, { customerId: 'c2', amount: 5 }), bad: { date: 'badDate' as const } },
      row(5, { customerId: 'c3', date: 2, amount: 0 }), // a free order is still an order
    ];
    const { outcomes } = ordersOfRows(rows, FIELDS, REQUIRED, false);
    expect(outcomes).toEqual([
      { row: 2, skip: 'negative', field: 'amount' },
      { row: 3, skip: 'blankId', field: 'customerId' },
      { row: 4, skip: 'badDate', field: 'date' },
      { row: 5, values: expect.objectContaining({ amount: 0 }) },
    ]);
  });
});

describe('subscriptions', () => {
  const base: SubscriptionFields = {
    startDay: 100,
    endDay: null,
    mrr: 29,
    quantity: 1,
    interval: 'month',
    intervalCount: null,
    status: 'active',
    trialEndDay: null,
    cancelled: false,
    periodEndDay: 130,
  };

  it('months per billing period: Stripe intervals and their kin, times the interval count', () => {
    expect(monthsPerPeriod('month', null)).toBe(1);
    expect(monthsPerPeriod('year', 1)).toBe(12);
    expect(monthsPerPeriod('month', 3)).toBe(3);
    expect(monthsPerPeriod('Anual', null)).toBe(12);
    expect(monthsPerPeriod('week', null)).toBeCloseTo(12 / 52, 12);
    expect(monthsPerPeriod('', null)).toBe(1);
    expect(monthsPerPeriod('fortnightly-ish', null)).toBeUndefined();
  });

  it('classes Stripe statuses', () => {
    expect(subscriptionClassOf('trialing')).toBe('trialing');
    expect(subscriptionClassOf('canceled')).toBe('ended');
    expect(subscriptionClassOf('incomplete_expired')).toBe('neverStarted');
    expect(subscriptionClassOf('past_due')).toBe('live');
  });

  it('MRR = amount × quantity ÷ months per period', () => {
    expect(subscriptionOf({ ...base, mrr: 19, quantity: 3 })).toEqual({ startDay: 100, endDay: null, mrr: 57 });
    expect(subscriptionOf({ ...base, mrr: 290, interval: 'year' })).toMatchObject({ mrr: 290 / 12 });
    expect(subscriptionOf({ ...base, mrr: 90, interval: 'month', intervalCount: 3 })).toMatchObject({ mrr: 30 });
  });

  it('a trial adds nothing until it ends; a trial cancelled before it ends never counts', () => {
    expect(subscriptionOf({ ...base, status: 'trialing', trialEndDay: 114 })).toMatchObject({ startDay: 114 });
    expect(subscriptionOf({ ...base, status: 'trialing' })).toEqual({ excluded: 'trialOnly' });
    expect(subscriptionOf({ ...base, status: 'canceled', trialEndDay: 114, endDay: 110 })).toEqual({
      excluded: 'trialOnly',
    });
  });

  it('ends at its end date, else at the period end when cancelled at the period’s end', () => {
    expect(subscriptionOf({ ...base, status: 'canceled', endDay: 120 })).toMatchObject({ endDay: 120 });
    expect(subscriptionOf({ ...base, cancelled: true })).toMatchObject({ endDay: 130 });
    expect(subscriptionOf({ ...base, status: 'canceled' })).toMatchObject({ endDay: 130 });
    expect(subscriptionOf({ ...base, status: 'canceled', periodEndDay: null })).toEqual({ excluded: 'cancelled' });
    expect(subscriptionOf({ ...base, endDay: 90 })).toEqual({ skip: 'endBeforeStart', field: 'end' });
    expect(subscriptionOf({ ...base, status: 'incomplete' })).toEqual({ excluded: 'neverStarted' });
    expect(subscriptionOf({ ...base, interval: 'lunar' })).toEqual({ skip: 'notANumber', field: 'interval' });
  });
});
