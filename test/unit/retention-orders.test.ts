import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Period } from '../../src/kpi/calendar/days';
import { sortedOrder } from '../../src/kpi/retention/customers';
import { orderSummary, periodsSpanned, purchaseFrequency } from '../../src/kpi/retention/orders';
import { day } from './retention-support';

describe('order summary', () => {
  it('hand example: 3 customers, 6 orders', () => {
    const ids = ['a', 'b', 'a', 'c', 'a', 'b'];
    const days = ['2024-01-01', '2024-01-05', '2024-01-11', '2024-02-01', '2024-01-31', '2024-01-25'].map(day);
    const summary = orderSummary(ids, days, [10, 20, 30, 40, 50, 60]);
    // revenue 210, AOV 210/6 = 35, 6/3 = 2 orders per customer, a and b repeat → 2/3.
    // a: Jan 1 … Jan 31 over 3 orders → 30/2 = 15 days; b: Jan 5 … Jan 25 over 2 → 20 days; mean (15 + 20)/2 = 17.5
    // (pooling the gaps would give (30 + 20)/3 = 16.67: the per-customer mean is the documented choice).
    expect(summary).toEqual({
      customers: 3,
      orders: 6,
      revenue: 210,
      averageOrderValue: 35,
      ordersPerCustomer: 2,
      repeatRate: 2 / 3,
      averageDaysBetweenOrders: 17.5,
      firstDay: day('2024-01-01'),
      lastDay: day('2024-02-01'),
    });
  });

  it('has no average gap when nobody ordered twice, and same-day orders are a gap of 0', () => {
    expect(orderSummary(['a', 'b'], [1, 2], [5, 5]).averageDaysBetweenOrders).toBeNull();
    expect(orderSummary(['a', 'a'], [7, 7], [5, 5]).averageDaysBetweenOrders).toBe(0);
  });

  it('property: figures are consistent and do not depend on row order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('a', 'b', 'c', 'd'),
            fc.integer({ min: 0, max: 400 }),
            fc.integer({ min: 0, max: 10_000 }).map((c) => c / 100),
          ),
          { minLength: 1, maxLength: 60 },
        ),
        (orders) => {
          const s = orderSummary(
            orders.map((o) => o[0]),
            orders.map((o) => o[1]),
            orders.map((o) => o[2]),
          );
          expect(s.repeatRate).toBeGreaterThanOrEqual(0);
          expect(s.repeatRate).toBeLessThanOrEqual(1);
          expect(s.averageOrderValue * s.orders).toBeCloseTo(s.revenue, 6);
          expect(s.customers).toBe(new Set(orders.map((o) => o[0])).size);
          if (s.averageDaysBetweenOrders !== null) {
            expect(s.averageDaysBetweenOrders).toBeGreaterThanOrEqual(0);
            expect(s.averageDaysBetweenOrders).toBeLessThanOrEqual(s.lastDay - s.firstDay);
          }
          const reversed = [...orders].reverse();
          const r = orderSummary(
            reversed.map((o) => o[0]),
            reversed.map((o) => o[1]),
            reversed.map((o) => o[2]),
          );
          expect({
            ...r,
            revenue: 0,
            averageOrderValue: 0,
            averageDaysBetweenOrders: r.averageDaysBetweenOrders === null,
          }).toEqual({
            ...s,
            revenue: 0,
            averageOrderValue: 0,
            averageDaysBetweenOrders: s.averageDaysBetweenOrders === null,
          });
          expect(r.revenue).toBeCloseTo(s.revenue, 6);
          if (s.averageDaysBetweenOrders !== null)
            expect(r.averageDaysBetweenOrders).toBeCloseTo(s.averageDaysBetweenOrders, 9);
        },
      ),
    );
  });
});

describe('purchase frequency', () => {
  it('counts whole periods covered by first … last day, both included, at least 1', () => {
    // 2023-01-01 … 2024-12-31 covers exactly two calendar years
    expect(periodsSpanned(day('2023-01-01'), day('2024-12-31'), 'year')).toBe(2);
    // 2023-01-15 … 2024-03-20: one whole year plus two months and some days
    expect(periodsSpanned(day('2023-01-15'), day('2024-03-20'), 'year')).toBe(1);
    // two days across New Year: less than a year, so the minimum of 1
    expect(periodsSpanned(day('2023-12-31'), day('2024-01-01'), 'year')).toBe(1);
    // 2024-01-01 … 2024-06-30 is two quarters; … 2024-06-29 is one whole quarter and some
    expect(periodsSpanned(day('2024-01-01'), day('2024-06-30'), 'quarter')).toBe(2);
    expect(periodsSpanned(day('2024-01-01'), day('2024-06-29'), 'quarter')).toBe(1);
    // January 10 … March 9 is two whole months (10 Jan → 10 Mar)
    expect(periodsSpanned(day('2024-01-10'), day('2024-03-09'), 'month')).toBe(2);
    expect(periodsSpanned(day('2024-01-10'), day('2024-03-08'), 'month')).toBe(1);
    // 14 days (1 … 14) are 2 weeks, 13 days 1 week; 3 days are 3 days; one day is 1 of anything
    expect(periodsSpanned(1, 14, 'week')).toBe(2);
    expect(periodsSpanned(1, 13, 'week')).toBe(1);
    expect(periodsSpanned(1, 3, 'day')).toBe(3);
    for (const period of ['day', 'week', 'month', 'quarter', 'year'] as Period[])
      expect(periodsSpanned(5, 5, period)).toBe(1);
  });

  it('hand example: 4 orders, 2 customers, two years → 1 order per customer per year', () => {
    const days = ['2023-01-01', '2023-06-01', '2024-03-05', '2024-12-31'].map(day);
    expect(purchaseFrequency(['a', 'b', 'a', 'a'], days, 'year')).toEqual({
      orders: 4,
      customers: 2,
      periods: 2,
      frequency: 1,
    });
    // by month: 24 months → 4 / 2 / 24
    expect(purchaseFrequency(['a', 'b', 'a', 'a'], days, 'month').frequency).toBeCloseTo(1 / 12, 15);
  });

  it('property: periods ≥ 1, never fewer when the span grows, frequency > 0 and order-free', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -20_000, max: 20_000 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.constantFrom<Period>('day', 'week', 'month', 'quarter', 'year'),
        (first, span, period) => {
          const p = periodsSpanned(first, first + span, period);
          expect(p).toBeGreaterThanOrEqual(1);
          expect(periodsSpanned(first, first + span + 1, period)).toBeGreaterThanOrEqual(p);
          const f = purchaseFrequency(['x', 'y', 'x'], [first, first + span, first + 1], period);
          expect(f.frequency).toBeGreaterThan(0);
          expect(purchaseFrequency(['x', 'x', 'y'], [first + 1, first + span, first], period)).toEqual(f);
        },
      ),
    );
  });
});

describe('natural order of ids and names', () => {
  it('sorts digit runs as numbers, ignores case and accents first, and is total', () => {
    const ids = ['C10', 'c2', 'C2', 'B', '10', '9', '009', 'Álvaro', 'alba', 'Beatriz'];
    expect(sortedOrder(ids).map((i) => ids[i])).toEqual([
      '009',
      '9',
      '10',
      'alba',
      'Álvaro',
      'B',
      'Beatriz',
      'C2',
      'c2',
      'C10',
    ]);
  });

  it('property: the sorted result never depends on the input order', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-cA-C0-9]{0,4}$/), { maxLength: 40 }), (ids) => {
        const sorted = sortedOrder(ids).map((i) => ids[i]);
        const reversed = [...ids].reverse();
        expect(sortedOrder(reversed).map((i) => reversed[i])).toEqual(sorted);
      }),
    );
  });
});
