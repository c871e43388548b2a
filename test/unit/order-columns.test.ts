import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repeatRateByDay } from '../../src/kpi/retention/churn';
import { cohortRevenue } from '../../src/kpi/retention/cohort-revenue';
import { cohortRetention } from '../../src/kpi/retention/cohorts';
import { indexCustomers } from '../../src/kpi/retention/customers';
import { orderSummary } from '../../src/kpi/retention/orders';
import { rfmScores } from '../../src/kpi/retention/rfm';
import { groupOrders } from '../../src/kpi/predictive/summary';
import { ordersIn } from '../../src/report/compute/order-columns';
import type { OrderRecord } from '../../src/report/records';

/** Orders as the reader makes them (only the fields the columns read), on the days `day` gives. */
const ordersOn = (day: fc.Arbitrary<number>) =>
  fc.array(
    fc.record({
      customerId: fc.constantFrom('C2', 'c10', 'ana', 'Álvaro', 'b@x.es', '7'),
      day,
      amount: fc.integer({ min: 0, max: 50_000 }).map((cents) => cents / 100),
    }),
    { minLength: 1, maxLength: 60 },
  ) as fc.Arbitrary<OrderRecord[]>;
const twoYears = fc.integer({ min: 19_000, max: 19_800 });
const ordersArb = ordersOn(twoYears);
const windowArb = fc.oneof(
  fc
    .tuple(fc.integer({ min: 18_990, max: 19_810 }), fc.integer({ min: -5, max: 900 }))
    .map(([start, length]) => ({ start, end: start + length })),
  fc.integer({ min: 18_990, max: 19_810 }).map((end) => ({ start: -Infinity, end })),
  fc.constant({ start: -Infinity, end: Infinity }),
);

/** Orders and windows of them, with ends often on an order's day (the edge cases of "both ends included"). */
// mostly whole days over two years; now and then a day far off or a fraction (the day sort's other path)
const anyDay = fc.oneof(
  { weight: 20, arbitrary: twoYears },
  { weight: 1, arbitrary: fc.constantFrom(0, 1_000_000, 19_400.5) },
);
const ordersWithWindows = ordersOn(anyDay).chain((orders) => {
  const orderDay = fc.constantFrom(...orders.map((o) => o.day));
  const onOrderDays = fc.tuple(orderDay, orderDay).map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) }));
  const windows = fc.array(fc.oneof(windowArb, onOrderDays), { minLength: 1, maxLength: 4 });
  return fc.tuple(fc.constant(orders), windows);
});

describe('ordersIn', () => {
  it('keeps the orders of each window in sheet order, with the customer index indexCustomers gives them', () => {
    fc.assert(
      // several windows of the same orders: the orders sorted by day are built once and reused
      fc.property(ordersWithWindows, ([orders, windows]) => {
        for (const w of windows) {
          const kept = orders.filter((o) => o.day >= w.start && o.day <= w.end);
          const window = ordersIn(orders, w);
          expect(window.ids).toEqual(kept.map((o) => o.customerId));
          expect([...window.days]).toEqual(kept.map((o) => o.day));
          expect([...window.amounts]).toEqual(kept.map((o) => o.amount));
          const index = indexCustomers(window.ids);
          expect(window.customers.ids).toEqual(index.ids);
          expect([...window.customers.of]).toEqual([...index.of]);
        }
      }),
    );
  });

  it('gives the retention maths the same results with its index as without', () => {
    fc.assert(
      fc.property(ordersArb, windowArb, (orders, w) => {
        const { ids, days, amounts, customers } = ordersIn(orders, w);
        if (!ids.length) return;
        expect(orderSummary(ids, days, amounts, customers)).toEqual(orderSummary(ids, days, amounts));
        const triangle = cohortRetention(ids, days, 'month', customers);
        expect(triangle).toEqual(cohortRetention(ids, days, 'month'));
        expect(cohortRevenue(ids, days, amounts, 'month', 'retention', triangle, customers)).toEqual(
          cohortRevenue(ids, days, amounts, 'month', 'retention'),
        );
        const byDay = repeatRateByDay(ids, days, customers);
        const plain = repeatRateByDay(ids, days);
        for (const day of [w.start, (w.start + w.end) >> 1, w.end]) expect(byDay.at(day)).toBe(plain.at(day));
        for (const asOf of [w.end, w.start]) {
          expect(rfmScores(ids, days, amounts, asOf, customers)).toEqual(rfmScores(ids, days, amounts, asOf));
          // orders after the last day are left out, and their customers with them when they have no other
          if (days.some((d) => d <= asOf))
            expect(groupOrders(ids, days, amounts, asOf, customers)).toEqual(groupOrders(ids, days, amounts, asOf));
        }
        expect(groupOrders(ids, days, amounts, undefined, customers)).toEqual(groupOrders(ids, days, amounts));
      }),
    );
  });
});
