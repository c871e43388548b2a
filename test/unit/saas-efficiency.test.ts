/**
 * SaaS efficiency: ARR = 12 × MRR, ARPA = MRR ÷ paying accounts, MRR growth rate, and the monthly
 * table built on the MRR movements with the quick ratio and CAC payback. Worked examples from the
 * public pages quoted beside each; the monthly table worked by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromCivil, periodEndDay, periodIndex } from '../../src/kpi/calendar/days';
import { mrrOn } from '../../src/kpi/revenue/mrr';
import {
  annualRecurringRevenue,
  averageRevenuePerAccount,
  mrrGrowthRate,
  payingAccountsByMonth,
  saasEfficiency,
} from '../../src/kpi/revenue/saas-efficiency';
import { isActiveOn, type Subscription } from '../../src/kpi/revenue/subscription';
import { codeOf } from '../support/kpi-errors';
import { expectClose } from '../support/numbers';

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

describe('ARR, ARPA and MRR growth rate', () => {
  it('published worked examples', () => {
    // TrueRev, "How TrueRev calculates your ARR": 100 customers paying $10 a month → ($10 × 100) × 12 = $12,000.
    expect(annualRecurringRevenue(10 * 100)).toBe(12_000);
    // Simplicable, "Annual recurring revenue": a $800 monthly subscription → ARR $9,600.
    expect(annualRecurringRevenue(800)).toBe(9600);
    // ChartMogul, "Average Revenue Per Account": $1 + $1 + $3 + $5 + $5 = $15 over 5 customers → $3.
    expect(averageRevenuePerAccount(15, 5)).toBe(3);
    // bigdelta metrics library: $20,000 of MRR across 100 paying accounts → ARPA $200.
    expect(averageRevenuePerAccount(20_000, 100)).toBe(200);
    // upzelo glossary: net MRR $10,000 last month, $11,000 this month → 10 %.
    expectClose(mrrGrowthRate(10_000, 11_000), 0.1, 1e-15);
    // PayPro Global: ($12,000 − $10,000) ÷ $10,000 = 20 %.
    expectClose(mrrGrowthRate(10_000, 12_000), 0.2, 1e-15);
    // Shrinking MRR: negative growth; to nothing: −100 %.
    expectClose(mrrGrowthRate(10_000, 9000), -0.1, 1e-15);
    expect(mrrGrowthRate(10_000, 0)).toBe(-1);
  });

  it('bad input: negative MRR, no paying account, growth from nothing are refused', () => {
    expect(codeOf(() => annualRecurringRevenue(-1))).toBe('negative');
    expect(codeOf(() => annualRecurringRevenue(Number.NaN))).toBe('negative');
    expect(codeOf(() => annualRecurringRevenue(1e308))).toBe('notFinite');
    expect(codeOf(() => averageRevenuePerAccount(15, 0))).toBe('notPositive');
    expect(codeOf(() => averageRevenuePerAccount(-15, 5))).toBe('negative');
    expect(codeOf(() => mrrGrowthRate(0, 100))).toBe('notPositive');
    expect(codeOf(() => mrrGrowthRate(100, -1))).toBe('negative');
  });

  it('property: ARR is linear in MRR; ARPA × accounts = MRR; growth is the ratio − 1, ≥ −1, signed as the change', () => {
    const mrr = fc.double({ min: 0, max: 1e9, noNaN: true });
    const positive = fc.double({ min: 0.01, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(mrr, fc.integer({ min: 1, max: 100_000 }), positive, positive, (m, n, a, b) => {
        expectClose(annualRecurringRevenue(m) / 12, m, 1e-15);
        expectClose(averageRevenuePerAccount(m, n) * n, m, 1e-12);
        const growth = mrrGrowthRate(a, b);
        expectClose(growth, b / a - 1, 1e-12);
        expect(Math.sign(growth)).toBe(Math.sign(b - a));
        expect(growth).toBeGreaterThanOrEqual(-1);
      }),
    );
  });
});

/**
 * Hand-checked: January 2024 A 1500, B 1000, C 1000, D 500 → MRR 4000, 4 accounts, ARPA 1000 (all New).
 * February: A churns (ends 10 Feb: churned 1500); B adds a 1000 line (expansion 1000); C moves from 1000 to a
 * 500 line on 3 Feb (contraction 500); E (3000) and F (2000) are new (5000); D stays. MRR 8000, growth 100 %,
 * quick ratio (5000 + 1000) ÷ (500 + 1500) = 3 (abracalc's example), 5 accounts (B, C, D, E, F), ARPA 1600,
 * CAC payback 4800 ÷ (1600 × 0.75) = 4 months. March: nothing moves: growth 0, no quick ratio (nothing lost).
 */
const SUBSCRIPTIONS: Subscription[] = [
  sub('A', '2024-01-01', '2024-02-10', 1500),
  sub('B', '2024-01-01', null, 1000),
  sub('B', '2024-02-05', null, 1000),
  sub('C', '2024-01-01', '2024-02-03', 1000),
  sub('C', '2024-02-03', null, 500),
  sub('D', '2024-01-15', null, 500),
  sub('E', '2024-02-20', null, 3000),
  sub('F', '2024-02-01', null, 2000),
];

describe('SaaS efficiency by month', () => {
  it('hand-checked January–March 2024', () => {
    const rows = saasEfficiency(SUBSCRIPTIONS, { toMonth: month('2024-03'), cac: 4800, grossMargin: 0.75 });
    expect(rows.map((r) => r.month)).toEqual([month('2024-01'), month('2024-02'), month('2024-03')]);
    expect(rows.map((r) => [r.mrr, r.arr, r.payingAccounts, r.arpa])).toEqual([
      [4000, 48_000, 4, 1000],
      [8000, 96_000, 5, 1600],
      [8000, 96_000, 5, 1600],
    ]);
    expect(rows.map((r) => r.mrrGrowthRate)).toEqual([null, 1, 0]);
    expect(rows.map((r) => r.quickRatio)).toEqual([null, 3, null]);
    expect(rows.map((r) => r.cacPaybackMonths)).toEqual([6.4, 4, 4]);
    expect(rows[1].movements).toMatchObject({ newMrr: 5000, expansion: 1000, contraction: 500, churned: 1500 });
    expect(rows[0].firstDay).toBe(day('2024-01-01'));
  });

  it("ChartMogul's ARPA example from subscription lines: a customer's lines count as one account", () => {
    const rows = saasEfficiency([
      sub('1', '2024-01-01', null, 1),
      sub('2', '2024-01-01', null, 1),
      sub('3', '2024-01-01', null, 3),
      sub('4', '2024-01-01', null, 2),
      sub('4', '2024-01-01', null, 3),
      sub('5', '2024-01-01', null, 5),
    ]);
    expect(rows.map((r) => [r.mrr, r.payingAccounts, r.arpa])).toEqual([[15, 5, 3]]);
  });

  it('CAC per month; months without one have no payback; no paying account → no ARPA', () => {
    const rows = saasEfficiency(SUBSCRIPTIONS, {
      toMonth: month('2024-04'),
      cac: new Map([[month('2024-02'), 3200]]),
    });
    expect(rows.map((r) => r.cacPaybackMonths)).toEqual([null, 2, null, null]);
    const ended = saasEfficiency([sub('a', '2024-01-01', '2024-02-15', 10)]);
    expect(ended.map((r) => [r.mrr, r.payingAccounts, r.arpa, r.mrrGrowthRate, r.quickRatio])).toEqual([
      [10, 1, 10, null, null],
      [0, 0, null, -1, 0],
    ]);
    expect(saasEfficiency([])).toEqual([]);
  });

  it('bad input: a negative CAC, a margin typed as a percentage, a reversed range are refused', () => {
    expect(codeOf(() => saasEfficiency(SUBSCRIPTIONS, { cac: -5 }))).toBe('negative');
    expect(codeOf(() => saasEfficiency(SUBSCRIPTIONS, { cac: 100, grossMargin: 75 }))).toBe('notFraction');
    expect(
      codeOf(() => saasEfficiency(SUBSCRIPTIONS, { fromMonth: month('2024-03'), toMonth: month('2024-01') })),
    ).toBe('monthsReversed');
  });

  /** Random subscription lines over 2023–2024, amounts in cents (as the MRR movements tests draw them). */
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

  /** Customers paying on a day, by brute force. */
  function payingOn(subs: Subscription[], onDay: number): number {
    const total = new Map<string, number>();
    for (const s of subs)
      if (isActiveOn(s, onDay)) total.set(s.customerId, (total.get(s.customerId) ?? 0) + s.monthlyAmount);
    return [...total.values()].filter((v) => v > 1e-9).length;
  }

  it('property: accounts and MRR are those paying on the month’s last day; ARPA × accounts = MRR; ARR = 12 × MRR', () => {
    fc.assert(
      fc.property(subscriptions, (subs) => {
        for (const r of saasEfficiency(subs)) {
          const last = periodEndDay(r.month, 'month');
          expect(r.payingAccounts).toBe(payingOn(subs, last));
          expectClose(r.mrr, mrrOn(subs, last), 1e-9, 1e6);
          expectClose(r.arr, 12 * r.mrr, 1e-15);
          if (r.arpa === null) expect(r.payingAccounts === 0 || r.mrr === 0).toBe(true);
          else expectClose(r.arpa * r.payingAccounts, r.mrr, 1e-12);
          if (r.mrrGrowthRate !== null) {
            const m = r.movements;
            expectClose(r.mrrGrowthRate, (m.endingMrr - m.startingMrr) / m.startingMrr, 1e-12);
          }
          if (r.quickRatio !== null) expect(r.quickRatio).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('property: paying accounts of any month range agree with the full table', () => {
    fc.assert(
      fc.property(subscriptions, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 12 }), (subs, a, n) => {
        const from = month('2022-10') + a;
        const counts = payingAccountsByMonth(subs, from, from + n);
        counts.forEach((c, k) => expect(c).toBe(payingOn(subs, periodEndDay(from + k, 'month'))));
      }),
    );
  });

  it('20 000 subscription lines: the whole table under 300 ms (best of three)', () => {
    let seed = 3;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const subs: Subscription[] = Array.from({ length: 20_000 }, () => {
      const start = day('2020-01-01') + Math.floor(random() * 1500);
      return {
        customerId: `C${Math.floor(random() * 8000)}`,
        startDay: start,
        endDay: random() < 0.5 ? null : start + Math.floor(random() * 700),
        monthlyAmount: Math.round(random() * 20_000) / 100,
      };
    });
    let best = Infinity;
    let rows: ReturnType<typeof saasEfficiency> = [];
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      rows = saasEfficiency(subs);
      best = Math.min(best, performance.now() - t0);
    }
    expect(rows.length).toBeGreaterThan(40);
    expect(best).toBeLessThan(300);
  });
});
