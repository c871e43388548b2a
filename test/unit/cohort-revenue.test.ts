/**
 * Revenue cohorts (COHORT_REVENUE's maths): the same cohorts as the retention triangle, revenue per
 * period as net revenue retention or as cumulative revenue per customer. Expected values worked by
 * hand in the comments; no published numeric example exists (the research notes looked).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoOfDay, periodIndex, type Period } from '../../src/kpi/calendar/days';
import { cohortRevenue } from '../../src/kpi/retention/cohort-revenue';
import { cohortRetention } from '../../src/kpi/retention/cohorts';
import { codeOf, refusalIn } from '../support/kpi-errors';
import { expectClose } from '../support/numbers';
import { cpuMillis, day, syntheticOrders } from './retention-support';

/** Orders as [customer, iso date, amount] → the parallel arrays the KPI takes. */
function split(orders: [string, string, number][]): [string[], number[], number[]] {
  return [orders.map((o) => o[0]), orders.map((o) => day(o[1])), orders.map((o) => o[2])];
}

/**
 * a: Jan 100, Feb 50, Mar 80   b: Jan 60, Mar 40   c: Feb 30, Mar 45   d: Feb 20
 * January cohort a, b (2 customers): Jan 160, Feb 50, Mar 120.
 *   retention 160/160 = 1, 50/160 = 0.3125, 120/160 = 0.75; cumulative 160/2 = 80, 210/2 = 105, 330/2 = 165.
 * February cohort c, d (2): Feb 50, Mar 45 → retention 1, 0.9, blank; cumulative 25, 47.5, blank.
 */
const EXAMPLE = split([
  ['a', '2024-01-05', 100],
  ['a', '2024-02-10', 50],
  ['a', '2024-03-15', 80],
  ['b', '2024-01-20', 60],
  ['b', '2024-03-01', 40],
  ['c', '2024-02-03', 30],
  ['c', '2024-03-20', 45],
  ['d', '2024-02-25', 20],
]);

describe('cohort revenue', () => {
  it('hand-checked monthly table, retention', () => {
    const table = cohortRevenue(...EXAMPLE, 'month', 'retention');
    expect(table.offsets).toBe(3);
    expect(table.cohorts.map((c) => [isoOfDay(c.start), c.customers, c.firstRevenue, c.revenue, c.values])).toEqual([
      ['2024-01-01', 2, 160, [160, 50, 120], [1, 0.3125, 0.75]],
      ['2024-02-01', 2, 50, [50, 45], [1, 0.9, null]],
    ]);
  });

  it('hand-checked monthly table, cumulative revenue per customer', () => {
    const table = cohortRevenue(...EXAMPLE, 'month', 'cumulative');
    expect(table.cohorts.map((c) => c.values)).toEqual([
      [80, 105, 165],
      [25, 47.5, null],
    ]);
  });

  it('expansion shows above 1; several orders in a period add up; a first period of 0 gives a blank row', () => {
    // x: Jan 10, then Feb 15 + 10 (two orders): Feb 25/10 = 2.5 (expansion).
    // y: a free sample in March (0), then April 30: first-period revenue 0 → retention blank, cumulative 0, 30.
    const orders = split([
      ['x', '2024-01-10', 10],
      ['x', '2024-02-01', 15],
      ['x', '2024-02-28', 10],
      ['y', '2024-03-05', 0],
      ['y', '2024-04-02', 30],
    ]);
    const retention = cohortRevenue(...orders, 'month', 'retention');
    expect(retention.cohorts.map((c) => [isoOfDay(c.start), c.firstRevenue, c.values])).toEqual([
      ['2024-01-01', 10, [1, 2.5, 0, 0]],
      ['2024-03-01', 0, [null, null, null, null]],
    ]);
    const cumulative = cohortRevenue(...orders, 'month', 'cumulative');
    expect(cumulative.cohorts.map((c) => c.values)).toEqual([
      [10, 35, 35, 35],
      [0, 30, null, null],
    ]);
  });

  it('ISO weeks and quarters, as COHORT_RETENTION buckets them', () => {
    // Sunday 7 Jan 2024 is in the week of Monday 1 Jan; Monday 8 Jan starts the next.
    const weeks = cohortRevenue(
      ...split([
        ['p', '2024-01-07', 5],
        ['p', '2024-01-08', 7],
      ]),
      'week',
      'retention',
    );
    expect(weeks.cohorts.map((c) => [isoOfDay(c.start), c.values])).toEqual([['2024-01-01', [1, 1.4]]]);
    const quarters = cohortRevenue(
      ...split([
        ['q', '2023-12-31', 4],
        ['q', '2024-01-01', 6],
      ]),
      'quarter',
      'cumulative',
    );
    expect(quarters.cohorts.map((c) => [isoOfDay(c.start), c.values])).toEqual([['2023-10-01', [4, 10]]]);
  });

  it('no orders: an empty table', () => {
    expect(cohortRevenue([], [], [], 'month', 'retention')).toEqual({
      period: 'month',
      measure: 'retention',
      offsets: 0,
      cohorts: [],
    });
  });

  it('refuses a table too large for a sheet, as COHORT_RETENTION does', () => {
    // Daily periods from 1970 to 2024: more than 18 278 columns.
    const orders = split([
      ['a', '1970-01-01', 1],
      ['b', '2024-01-01', 1],
    ]);
    expect(codeOf(() => cohortRevenue(...orders, 'day', 'retention'))).toBe('tooManyCohortCells');
    expect(refusalIn('COHORT_REVENUE', () => cohortRevenue(...orders, 'day', 'retention'))).toMatch(
      /^COHORT_REVENUE: period is "day"; the table would have 2 cohorts × 19724 periods/,
    );
  });

  const orders = fc.array(
    fc.tuple(
      fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      fc.integer({ min: day('2023-11-01'), max: day('2024-06-30') }),
      fc.oneof(
        fc.constant(0),
        fc.integer({ min: 1, max: 100_000 }).map((cents) => cents / 100),
      ),
    ),
    { minLength: 1, maxLength: 40 },
  );
  const periods = fc.constantFrom<Period>('day', 'week', 'month', 'quarter', 'year');

  it('property: same cohorts as COHORT_RETENTION; cells agree with a direct sum; blanks exactly after the last period', () => {
    fc.assert(
      fc.property(orders, periods, (list, period) => {
        const ids = list.map((o) => o[0]);
        const days = list.map((o) => o[1]);
        const amounts = list.map((o) => o[2]);
        const retention = cohortRevenue(ids, days, amounts, period, 'retention');
        const cumulative = cohortRevenue(ids, days, amounts, period, 'cumulative');
        const triangle = cohortRetention(ids, days, period);
        expect(retention.offsets).toBe(triangle.offsets);
        expect(retention.cohorts.map((c) => [c.start, c.customers])).toEqual(
          triangle.cohorts.map((c) => [c.start, c.customers]),
        );
        // Direct count: each customer's cohort, then every order's amount into (cohort, offset).
        const first = new Map<string, number>();
        list.forEach(([id, d]) => first.set(id, Math.min(first.get(id) ?? Infinity, periodIndex(d, period))));
        const last = Math.max(...days.map((d) => periodIndex(d, period)));
        triangle.cohorts.forEach((cohort, row) => {
          const spent = new Array<number>(last - cohort.index + 1).fill(0);
          list.forEach(([id, d, amount]) => {
            if (first.get(id) === cohort.index) spent[periodIndex(d, period) - cohort.index] += amount;
          });
          const r = retention.cohorts[row];
          const c = cumulative.cohorts[row];
          expect(r.firstRevenue).toBeCloseTo(spent[0], 9);
          let total = 0;
          for (let k = 0; k < retention.offsets; k++) {
            if (k >= spent.length) {
              expect(r.values[k]).toBeNull();
              expect(c.values[k]).toBeNull();
              continue;
            }
            total += spent[k];
            expectClose(c.values[k] as number, total / cohort.customers, 1e-12);
            if (spent[0] === 0) expect(r.values[k]).toBeNull();
            else expectClose(r.values[k] as number, spent[k] / spent[0], 1e-12);
          }
          if (spent[0] > 0) expect(r.values[0]).toBe(1);
          // Cumulative revenue never falls (amounts are ≥ 0).
          for (let k = 1; k < spent.length; k++) expect(c.values[k]).toBeGreaterThanOrEqual(c.values[k - 1] as number);
        });
      }),
    );
  });

  it('property: the order of rows never matters; scaling every amount scales cumulative and keeps retention', () => {
    fc.assert(
      fc.property(orders, periods, fc.integer({ min: 2, max: 1000 }), (list, period, factor) => {
        const columns = (rows: readonly [string, number, number][]): [string[], number[], number[]] => [
          rows.map((o) => o[0]),
          rows.map((o) => o[1]),
          rows.map((o) => o[2]),
        ];
        const table = cohortRevenue(...columns(list), period, 'retention');
        const reversed = cohortRevenue(...columns([...list].reverse()), period, 'retention');
        expect(reversed.cohorts.map((c) => c.customers)).toEqual(table.cohorts.map((c) => c.customers));
        reversed.cohorts.forEach((c, row) =>
          c.values.forEach((v, k) => {
            const w = table.cohorts[row].values[k];
            if (w === null) expect(v).toBeNull();
            else expectClose(v as number, w, 1e-12);
          }),
        );
        const scaled = list.map(([id, d, amount]) => [id, d, amount * factor] as [string, number, number]);
        const scaledRetention = cohortRevenue(...columns(scaled), period, 'retention');
        scaledRetention.cohorts.forEach((c, row) =>
          c.values.forEach((v, k) => {
            const w = table.cohorts[row].values[k];
            if (w === null) expect(v).toBeNull();
            else expectClose(v as number, w, 1e-12);
          }),
        );
        const cumulative = cohortRevenue(...columns(list), period, 'cumulative');
        const scaledCumulative = cohortRevenue(...columns(scaled), period, 'cumulative');
        scaledCumulative.cohorts.forEach((c, row) =>
          c.values.forEach((v, k) => {
            const w = cumulative.cohorts[row].values[k];
            if (w === null) expect(v).toBeNull();
            else expectClose(v as number, w * factor, 1e-12, w * factor);
          }),
        );
      }),
    );
  });

  it('handles 100 000 orders well under 300 ms', () => {
    const { ids, days, amounts } = syntheticOrders(100_000, 25_000, 7);
    const table = cohortRevenue(ids, days, amounts, 'month', 'retention');
    expect(table.cohorts.length).toBe(36);
    expect(cpuMillis(() => cohortRevenue(ids, days, amounts, 'month', 'cumulative'))).toBeLessThan(300);
  });
});
