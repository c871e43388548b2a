import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoOfDay, periodIndex, type Period } from '../../src/kpi/calendar/days';
import { cohortRetention } from '../../src/kpi/retention/cohorts';
import { cpuMillis, day, syntheticOrders } from './retention-support';
import { refusalIn } from '../support/kpi-errors';

/** Orders as [customer, iso date] pairs → the parallel arrays the KPI takes. */
function split(orders: [string, string][]): [string[], number[]] {
  return [orders.map((o) => o[0]), orders.map((o) => day(o[1]))];
}

describe('cohort retention', () => {
  it('hand-checked monthly triangle', () => {
    // a: Jan, Feb, Apr   b: Jan, Mar   c: Jan   d: Jan, Feb (twice), Mar, Apr
    // e: Feb, Mar        f: Feb        g: Mar, Apr   h: Apr
    const [ids, days] = split([
      ['a', '2024-01-03'],
      ['a', '2024-02-14'],
      ['a', '2024-04-30'],
      ['b', '2024-01-31'],
      ['b', '2024-03-01'],
      ['c', '2024-01-15'],
      ['d', '2024-01-01'],
      ['d', '2024-02-02'],
      ['d', '2024-02-27'],
      ['d', '2024-03-10'],
      ['d', '2024-04-01'],
      ['e', '2024-02-29'],
      ['e', '2024-03-31'],
      ['f', '2024-02-10'],
      ['g', '2024-03-05'],
      ['g', '2024-04-15'],
      ['h', '2024-04-20'],
    ]);
    const table = cohortRetention(ids, days, 'month');
    // January cohort a, b, c, d (4): February a, d → 2/4; March b, d → 2/4; April a, d → 2/4.
    // February cohort e, f (2): March e → 1/2; April nobody → 0; offset 3 is after April → blank.
    // March cohort g (1): April g → 1. April cohort h (1): only offset 0.
    expect(table.offsets).toBe(4);
    expect(table.cohorts.map((c) => [isoOfDay(c.start), c.customers, c.shares])).toEqual([
      ['2024-01-01', 4, [1, 0.5, 0.5, 0.5]],
      ['2024-02-01', 2, [1, 0.5, 0, null]],
      ['2024-03-01', 1, [1, 1, null, null]],
      ['2024-04-01', 1, [1, null, null, null]],
    ]);
    expect(table.cohorts[0].retained).toEqual([4, 2, 2, 2]);
  });

  it('ISO weeks start on Monday; periods without newcomers have no row', () => {
    // 2024-01-01 is a Monday. x: Sun 7 Jan (week of 1 Jan), Mon 8 Jan (week +1). y: Mon 22 Jan (week +3, 21 days later).
    const [ids, days] = split([
      ['x', '2024-01-07'],
      ['x', '2024-01-08'],
      ['y', '2024-01-22'],
    ]);
    const table = cohortRetention(ids, days, 'week');
    expect(table.cohorts.map((c) => [isoOfDay(c.start), c.customers, c.shares])).toEqual([
      ['2024-01-01', 1, [1, 1, 0, 0]],
      ['2024-01-22', 1, [1, null, null, null]],
    ]);
  });

  it('quarters and years', () => {
    const [ids, days] = split([
      ['p', '2023-12-31'],
      ['p', '2024-01-01'],
      ['q', '2024-03-31'],
      ['q', '2024-07-01'],
    ]);
    const quarters = cohortRetention(ids, days, 'quarter');
    // p starts 2023 Q4 and buys in 2024 Q1; q starts 2024 Q1, nothing in Q2, buys in Q3
    expect(quarters.cohorts.map((c) => [isoOfDay(c.start), c.shares])).toEqual([
      ['2023-10-01', [1, 1, 0, 0]],
      ['2024-01-01', [1, 0, 1, null]],
    ]);
    const years = cohortRetention(ids, days, 'year');
    expect(years.cohorts.map((c) => [isoOfDay(c.start), c.customers, c.shares])).toEqual([
      ['2023-01-01', 1, [1, 1]],
      ['2024-01-01', 1, [1, null]],
    ]);
  });

  it('refuses a table too large for a sheet', () => {
    // 3000 customers each starting on a different day, over 3000 days: 3000 × 3000 cells
    const ids = Array.from({ length: 3000 }, (_, i) => `c${i}`);
    const days = ids.map((_, i) => i);
    expect(refusalIn('COHORT_RETENTION', () => cohortRetention(ids, days, 'day'))).toMatch(
      /^COHORT_RETENTION: period is "day"; the table would have 3000 cohorts × 3000 periods \(orders from 1970-01-01 – 1978-03-19\), too many for a sheet/,
    );
  });

  it('property: agrees with a direct count, shares in [0, 1], column 0 is 1, blanks exactly after the last period, order-free', () => {
    const periods: Period[] = ['day', 'week', 'month', 'quarter', 'year'];
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), fc.integer({ min: 19_700, max: 20_200 })),
          { minLength: 1, maxLength: 50 },
        ),
        fc.constantFrom(...periods),
        (orders, period) => {
          const ids = orders.map((o) => o[0]);
          const days = orders.map((o) => o[1]);
          const table = cohortRetention(ids, days, period);
          const p = (d: number) => periodIndex(d, period);
          const last = Math.max(...days.map(p));
          const firstOf = new Map<string, number>();
          for (const [c, d] of orders) firstOf.set(c, Math.min(firstOf.get(c) ?? Infinity, p(d)));
          expect(table.cohorts.reduce((sum, c) => sum + c.customers, 0)).toBe(firstOf.size);
          for (const cohort of table.cohorts) {
            const members = [...firstOf].filter(([, f]) => f === cohort.index).map(([c]) => c);
            expect(cohort.customers).toBe(members.length);
            cohort.shares.forEach((share, k) => {
              if (cohort.index + k > last) return expect(share).toBeNull();
              const active = members.filter((m) =>
                orders.some(([c, d]) => c === m && p(d) === cohort.index + k),
              ).length;
              expect(share).toBe(active / members.length);
              expect(share).toBeGreaterThanOrEqual(0);
              expect(share).toBeLessThanOrEqual(1);
            });
            expect(cohort.shares[0]).toBe(1);
          }
          expect(table.cohorts.map((c) => c.index)).toEqual([...new Set(firstOf.values())].sort((x, y) => x - y));
          const reversed = [...orders].reverse();
          expect(
            cohortRetention(
              reversed.map((o) => o[0]),
              reversed.map((o) => o[1]),
              period,
            ),
          ).toEqual(table);
        },
      ),
    );
  });

  it('handles 100 000 orders well under 300 ms', () => {
    const { ids, days } = syntheticOrders(100_000, 20_000, 7);
    expect(cohortRetention(ids, days, 'month').offsets).toBe(36);
    expect(cpuMillis(() => cohortRetention(ids, days, 'month'))).toBeLessThan(300);
  });
});
