import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomerActivity } from '../../src/report/compute/activity';

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
});
