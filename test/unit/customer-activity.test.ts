import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVE_WINDOW_DAYS, CustomerActivity } from '../../src/report/compute/activity';

describe('CustomerActivity', () => {
  it('lists each customer once, by first appearance, with their distinct order days sorted', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'B', 'c10', 'c2', 'ñ'), fc.integer({ min: 19_000, max: 19_060 })), {
          maxLength: 80,
        }),
        (orders) => {
          const activity = new CustomerActivity(
            orders.map(([id]) => id),
            orders.map(([, day]) => day),
          );
          const ids = [...new Set(orders.map(([id]) => id))];
          expect(activity.ids).toEqual(ids);
          const daysOf = (id: string) =>
            [...new Set(orders.filter(([who]) => who === id).map(([, day]) => day))].sort((x, y) => x - y);
          expect(activity.days.map((days) => [...days])).toEqual(ids.map(daysOf));
        },
      ),
    );
  });

  it('counts a window as the definitions say: active = an order in the 365 days up to a day', () => {
    const day = fc.integer({ min: 19_000, max: 20_000 });
    const orders = fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), day), { minLength: 1, maxLength: 40 });
    // windows whose ends often fall on an order's day, or a year and a day either side of one
    const near = (days: number[]) =>
      fc.oneof(
        day,
        fc
          .tuple(fc.constantFrom(...days), fc.constantFrom(-366, -365, -364, -1, 0, 1, 364, 365, 366))
          .map(([d, k]) => d + k),
      );
    fc.assert(
      fc.property(
        orders.chain((o) => {
          const days = o.map(([, d]) => d);
          return fc.tuple(fc.constant(o), near(days), near(days));
        }),
        ([orders, a, b]) => {
          const [start, end] = [Math.min(a, b), Math.max(a, b)];
          const ids = orders.map(([id]) => id);
          const activity = new CustomerActivity(
            ids,
            orders.map(([, d]) => d),
          );
          const expected = { atStart: 0, newCustomers: 0, atEnd: 0, churned: 0, reactivated: 0, ordering: 0 };
          for (const id of new Set(ids)) {
            const days = orders.filter(([who]) => who === id).map(([, d]) => d);
            const activeOn = (on: number) => days.some((d) => d <= on && d > on - ACTIVE_WINDOW_DAYS);
            const first = Math.min(...days);
            if (first > end) continue;
            const before = activeOn(start - 1);
            const after = activeOn(end);
            if (before) expected.atStart++;
            if (after) expected.atEnd++;
            if (first >= start) expected.newCustomers++;
            else if (after && !before) expected.reactivated++;
            if (before && !after) expected.churned++;
            if (days.some((d) => d >= start && d <= end)) expected.ordering++;
          }
          expect(activity.window(start, end)).toEqual(expected);
        },
      ),
    );
  });
});
