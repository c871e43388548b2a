/**
 * MRR on a day and MRR movements per month.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromCivil, periodEndDay, periodIndex } from '../../src/kpi/calendar/days';
import { mrrOn } from '../../src/kpi/revenue/mrr';
import { mrrMovements, type MrrMonth } from '../../src/kpi/revenue/mrr-movements';
import type { Subscription } from '../../src/kpi/revenue/subscription';
import { refusalIn } from '../support/kpi-errors';

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayFromCivil(y, m, d);
};
const sub = (customerId: string, start: string, end: string | null, monthlyAmount: number): Subscription => ({
  customerId,
  startDay: day(start),
  endDay: end === null ? null : day(end),
  monthlyAmount,
});
const month = (iso: string) => periodIndex(day(`${iso}-01`), 'month');
/** A row as [starting, new, expansion, contraction, churned, reactivation, ending]. */
const amounts = (m: MrrMonth) => [
  m.startingMrr,
  m.newMrr,
  m.expansion,
  m.contraction,
  m.churned,
  m.reactivation,
  m.endingMrr,
];

describe('MRR on a day', () => {
  it('counts subscriptions with start ≤ day and (no end or end > day)', () => {
    const subs = [
      sub('a', '2024-01-05', '2024-02-10', 10),
      sub('a', '2024-02-10', null, 25),
      sub('b', '2024-01-20', '2024-03-01', 40),
      sub('c', '2024-03-01', null, 30),
    ];
    // 2024-03-01: a's second line (25) and c (30, starts that day); b ended that day, a's first line before
    expect(mrrOn(subs, day('2024-03-01'))).toBe(55);
    // 2024-02-29: a 25 + b 40
    expect(mrrOn(subs, day('2024-02-29'))).toBe(65);
    // 2024-02-10: a's upgrade takes effect that day: 25 + 40
    expect(mrrOn(subs, day('2024-02-10'))).toBe(65);
    expect(mrrOn(subs, day('2024-01-04'))).toBe(0);
  });
});

describe('MRR movements', () => {
  it("ChartMogul's worked example: $100 starting, $10 churned, $10 contraction, $10 expansion → gross churn 20 %, net churn 10 %, NRR 90 %", () => {
    const subs = [
      sub('a', '2024-01-10', '2024-02-15', 10), // churns in February
      sub('b', '2024-01-05', '2024-02-10', 30), // downgrades 30 → 20 in February
      sub('b', '2024-02-10', null, 20),
      sub('c', '2024-01-20', null, 30), // adds a 10 add-on in February
      sub('c', '2024-02-03', null, 10),
      sub('d', '2024-01-01', null, 30), // unchanged
    ];
    const [january, february] = mrrMovements(subs);
    expect(amounts(january)).toEqual([0, 100, 0, 0, 0, 0, 100]);
    expect(amounts(february)).toEqual([100, 0, 10, 10, 10, 0, 90]);
    expect(february.grossMrrChurn).toBeCloseTo(0.2, 12);
    expect(february.netRevenueRetention).toBeCloseTo(0.9, 12);
    // net MRR churn = (churned + contraction − expansion)/starting = 1 − NRR here (no reactivation counted in NRR)
    expect((february.churned + february.contraction - february.expansion) / february.startingMrr).toBeCloseTo(0.1, 12);
    expect(january.grossMrrChurn).toBeNull();
    expect(january.netRevenueRetention).toBeNull();
  });

  /*
   * Hand-checked scenario. MRR at each month's end:
   *   a: 100 from Jan; + add-on 50 from Mar, ending 2024-05-20     → Jan 100, Feb 100, Mar 150, Apr 150, May 100
   *   b: 200 until 2024-03-01; 150 again from 2024-04-10           → Jan 200, Feb 200, Mar 0,   Apr 150, May 150
   *   c: 80 Feb–Mar (ends 2024-04-01), 60 from 2024-04-01          → Jan 0,   Feb 80,  Mar 80,  Apr 60,  May 60
   *   d: 500 from 02-20 to 02-25: never active at a month's end    → 0 throughout
   * Totals: Jan 300, Feb 380, Mar 230, Apr 360, May 310.
   * Feb: c new 80. Mar: a expansion 50, b churned 200. Apr: b reactivation 150, c contraction 20.
   * May: a contraction 50.
   */
  const scenario = [
    sub('a', '2024-01-10', null, 100),
    sub('a', '2024-03-05', '2024-05-20', 50),
    sub('b', '2024-01-15', '2024-03-01', 200),
    sub('b', '2024-04-10', null, 150),
    sub('c', '2024-02-01', '2024-04-01', 80),
    sub('c', '2024-04-01', null, 60),
    sub('d', '2024-02-20', '2024-02-25', 500),
  ];

  it('hand-checked table with new, expansion, contraction, churn and a reactivation', () => {
    const rows = mrrMovements(scenario);
    expect(rows.map((r) => r.month)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05'].map(month));
    expect(rows.map((r) => r.firstDay)).toEqual(
      ['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01'].map(day),
    );
    expect(rows.map(amounts)).toEqual([
      [0, 300, 0, 0, 0, 0, 300],
      [300, 80, 0, 0, 0, 0, 380],
      [380, 0, 50, 0, 200, 0, 230],
      [230, 0, 0, 20, 0, 150, 360],
      [360, 0, 0, 50, 0, 0, 310],
    ]);
    expect(rows.map((r) => r.grossMrrChurn)).toEqual([null, 0, 200 / 380, 20 / 230, 50 / 360]);
    expect(rows.map((r) => r.netRevenueRetention)).toEqual([null, 1, 230 / 380, 210 / 230, 310 / 360]);
  });

  it('history before `from` gives the starting MRR and decides New vs Reactivation', () => {
    const rows = mrrMovements(scenario, month('2024-04'));
    expect(rows.map(amounts)).toEqual([
      [230, 0, 0, 20, 0, 150, 360],
      [360, 0, 0, 50, 0, 0, 310],
    ]);
    const march = mrrMovements(scenario, month('2024-03'), month('2024-03'));
    expect(march.map(amounts)).toEqual([[380, 0, 50, 0, 200, 0, 230]]);
    // months after the data: flat, NRR 1
    const later = mrrMovements(scenario, month('2024-06'), month('2024-07'));
    expect(later.map(amounts)).toEqual([
      [310, 0, 0, 0, 0, 0, 310],
      [310, 0, 0, 0, 0, 0, 310],
    ]);
    expect(later[0].netRevenueRetention).toBe(1);
  });

  it('`to` before `from` is an error; no data and no months is an empty table', () => {
    expect(refusalIn('MRR_MOVEMENTS', () => mrrMovements(scenario, month('2024-04'), month('2024-02')))).toContain(
      'MRR_MOVEMENTS: to is "2024-02"; it is before from (2024-04)',
    );
    expect(mrrMovements([])).toEqual([]);
    expect(mrrMovements([], month('2024-01')).map(amounts)).toEqual([[0, 0, 0, 0, 0, 0, 0]]);
  });

  it('changes that cancel within a month are no movement, even with decimals', () => {
    const rows = mrrMovements([
      sub('a', '2024-01-01', '2024-02-10', 10.1),
      sub('a', '2024-01-01', null, 20.2),
      sub('a', '2024-02-10', null, 10.1),
    ]);
    expect(rows).toHaveLength(2);
    expect(amounts(rows[1]).slice(1, 6)).toEqual([0, 0, 0, 0, 0]);
  });

  /** Random subscription lines over 2023–2024, amounts in cents. */
  const subscriptions = fc
    .array(
      fc.record({
        customer: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
        start: fc.integer({ min: day('2023-01-01'), max: day('2024-12-31') }),
        length: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
        cents: fc.integer({ min: 0, max: 100_000 }),
      }),
      { minLength: 1, maxLength: 40 },
    )
    .map((rows) =>
      rows.map(
        (r): Subscription => ({
          customerId: r.customer,
          startDay: r.start,
          endDay: r.length === null ? null : r.start + r.length,
          monthlyAmount: r.cents / 100,
        }),
      ),
    );

  it('property: Ending = Starting + New + Expansion − Contraction − Churned + Reactivation, = MRR on the last day, and chains', () => {
    fc.assert(
      fc.property(subscriptions, (subs) => {
        const rows = mrrMovements(subs);
        rows.forEach((r, k) => {
          expect(r.endingMrr).toBeCloseTo(
            r.startingMrr + r.newMrr + r.expansion - r.contraction - r.churned + r.reactivation,
            6,
          );
          expect(r.endingMrr).toBeCloseTo(mrrOn(subs, periodEndDay(r.month, 'month')), 6);
          for (const x of amounts(r)) expect(x).toBeGreaterThanOrEqual(0);
          if (k > 0) expect(r.startingMrr).toBe(rows[k - 1].endingMrr);
          if (r.grossMrrChurn !== null) {
            expect(r.grossMrrChurn).toBeGreaterThanOrEqual(0);
            expect(r.grossMrrChurn).toBeLessThanOrEqual(1 + 1e-9);
            expect(r.netRevenueRetention!).toBeGreaterThanOrEqual(0);
          }
        });
        expect(rows[0].startingMrr).toBe(0);
      }),
    );
  });

  it('property: the order of subscription lines never matters', () => {
    fc.assert(
      fc.property(subscriptions, fc.integer(), (subs, seed) => {
        const shuffled = subs
          .map((s, i) => ({ s, k: Math.sin(seed + i) }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.s);
        const a = mrrMovements(subs);
        const b = mrrMovements(shuffled);
        expect(b.length).toBe(a.length);
        b.forEach((row, k) => amounts(row).forEach((x, j) => expect(x).toBeCloseTo(amounts(a[k])[j], 6)));
      }),
    );
  });

  it("property: a month's movements are the same whatever range of months is asked for", () => {
    const month = fc.integer({
      min: periodIndex(day('2022-10-01'), 'month'),
      max: periodIndex(day('2025-03-01'), 'month'),
    });
    fc.assert(
      fc.property(subscriptions, month, month, month, month, (subs, ...ends) => {
        const [outerFrom, from, to, outerTo] = ends.sort((x, y) => x - y);
        const inner = mrrMovements(subs, from, to);
        const outer = mrrMovements(subs, outerFrom, outerTo).slice(from - outerFrom, to - outerFrom + 1);
        const moves = (r: (typeof inner)[number]) => [
          r.month,
          r.newMrr,
          r.expansion,
          r.contraction,
          r.churned,
          r.reactivation,
        ];
        expect(outer.map(moves)).toEqual(inner.map(moves));
      }),
    );
  });

  it('property: a customer is New only once; later returns are Reactivation', () => {
    fc.assert(
      fc.property(subscriptions, (subs) => {
        // each customer's first month with MRR > 0 at a month's end, found by brute force
        const firstPaid = new Map<string, number>();
        for (const s of subs) {
          for (let m = periodIndex(s.startDay, 'month'); m < periodIndex(s.startDay, 'month') + 30; m++) {
            if (s.monthlyAmount > 0 && mrrOn([s], periodEndDay(m, 'month')) > 0) {
              firstPaid.set(s.customerId, Math.min(firstPaid.get(s.customerId) ?? Infinity, m));
              break;
            }
          }
        }
        const rows = mrrMovements(subs);
        const newCount = rows.reduce((n, r) => n + (r.newMrr > 0 ? 1 : 0), 0);
        expect(newCount).toBeLessThanOrEqual(new Set(firstPaid.values()).size);
        const newMonths = new Set(rows.filter((r) => r.newMrr > 0).map((r) => r.month));
        expect(newMonths).toEqual(new Set(firstPaid.values()));
      }),
    );
  });

  it('100 000 subscription lines take under 300 ms', () => {
    const subs: Subscription[] = [];
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 100_000; i++) {
      const start = day('2019-01-01') + Math.floor(random() * 2000);
      subs.push({
        customerId: `C${Math.floor(random() * 30_000)}`,
        startDay: start,
        endDay: random() < 0.5 ? null : start + Math.floor(random() * 900),
        monthlyAmount: Math.round(random() * 20_000) / 100,
      });
    }
    // best of three: the first run includes compilation, and the machine running the suite is shared
    let best = Infinity;
    let rows: MrrMonth[] = [];
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      rows = mrrMovements(subs);
      best = Math.min(best, performance.now() - t0);
    }
    expect(rows.length).toBeGreaterThan(60);
    expect(best).toBeLessThan(300);
  });
});
