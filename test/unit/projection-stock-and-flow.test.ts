/**
 * The 12-month projection: a cohort-free stock and flow, customers_{m+1} = customers_m × (1 − churn) + new,
 * revenue = customers × revenue per customer, with the rates taken from the last 3 actual months. Its
 * long-run level new ÷ churn is the "growth ceiling" of the subscription literature, whose published
 * examples check it; the monthly steps are worked by hand and checked against the closed form.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ActualMonth,
  projectFromActuals,
  projectStockAndFlow,
  type ProjectionAssumptions,
} from '../../src/kpi/projection/stock-and-flow';
import { periodStartDay } from '../../src/kpi/calendar/days';
import { codeOf } from '../support/kpi-errors';
import { expectClose } from '../support/numbers';

/** December 2024 as a month index. */
const DEC_2024 = 2024 * 12 + 11;
const assume = (a: Partial<ProjectionAssumptions>): ProjectionAssumptions => ({
  lastMonth: DEC_2024,
  startCustomers: 100,
  churnRate: 0.05,
  newCustomersPerMonth: 10,
  revenuePerCustomer: 40,
  ...a,
});

describe('stock and flow from explicit rates', () => {
  it('hand-checked months: 100 customers, 5 % churn, 10 new, 40 a customer', () => {
    const p = projectStockAndFlow(assume({}));
    expect(p.months).toHaveLength(12);
    const [jan, feb] = p.months;
    expect(jan).toEqual({
      month: DEC_2024 + 1,
      firstDay: periodStartDay(DEC_2024 + 1, 'month'),
      customersAtStart: 100,
      newCustomers: 10,
      lostCustomers: 5,
      customersAtEnd: 105,
      revenue: 4200,
    });
    // 105 × 0.95 + 10 = 109.75; × 40 = 4390.
    expectClose(feb.lostCustomers, 5.25, 1e-14);
    expectClose(feb.customersAtEnd, 109.75, 1e-14);
    expectClose(feb.revenue, 4390, 1e-14);
    expectClose(
      p.totalRevenue,
      p.months.reduce((t, m) => t + m.revenue, 0),
      1e-14,
    );
    expect(p.assumptions).toEqual(assume({}));
  });

  it('published growth ceilings: the long-run level new ÷ churn (× revenue per customer)', () => {
    // TokyoDev, "Calculating your growth ceiling": 10 new customers, 5 % churn → a ceiling of $8,000 (ARPU $40).
    const tokyo = projectStockAndFlow(assume({ startCustomers: 0 }));
    expect(tokyo.steadyStateCustomers).toBe(200);
    expect(tokyo.steadyStateRevenue).toBe(8000);
    // Peter Lohmann, "Revenue ceiling calculation": $600 a month, 3 % churn, 10 new a month → $200,000 a month.
    const lohmann = projectStockAndFlow(assume({ churnRate: 0.03, revenuePerCustomer: 600 }));
    expectClose(lohmann.steadyStateRevenue as number, 200_000, 1e-12);
    // Charlie Graham, "Max revenue": 25 % churn a year and 1000 new a year → at most 4000 customers (any unit of time).
    expect(projectStockAndFlow(assume({ churnRate: 0.25, newCustomersPerMonth: 1000 })).steadyStateCustomers).toBe(
      4000,
    );
    // The projection approaches the ceiling: after 100 years of months, within rounding of it.
    const long = projectStockAndFlow(assume({ startCustomers: 0 }), 1200);
    expectClose(long.months[1199].customersAtEnd, 200, 1e-12);
    // No churn: no ceiling.
    expect(projectStockAndFlow(assume({ churnRate: 0 }))).toMatchObject({
      steadyStateCustomers: null,
      steadyStateRevenue: null,
    });
  });

  it('bad input: churn outside 0 … 1, negative counts or revenue, months outside 1 … 1200', () => {
    expect(codeOf(() => projectStockAndFlow(assume({ churnRate: 5 })))).toBe('notFraction');
    expect(codeOf(() => projectStockAndFlow(assume({ churnRate: -0.1 })))).toBe('notFraction');
    expect(codeOf(() => projectStockAndFlow(assume({ churnRate: Number.NaN })))).toBe('notFraction');
    expect(codeOf(() => projectStockAndFlow(assume({ startCustomers: -1 })))).toBe('negative');
    expect(codeOf(() => projectStockAndFlow(assume({ newCustomersPerMonth: -1 })))).toBe('negative');
    expect(codeOf(() => projectStockAndFlow(assume({ revenuePerCustomer: -1 })))).toBe('negative');
    expect(codeOf(() => projectStockAndFlow(assume({ revenuePerCustomer: Infinity })))).toBe('notFinite');
    expect(() => projectStockAndFlow(assume({}), 0)).toThrow(RangeError);
    expect(() => projectStockAndFlow(assume({}), 1.5)).toThrow(RangeError);
    expect(() => projectStockAndFlow(assume({}), 1201)).toThrow(RangeError);
  });
});

/**
 * October–December 2024: starts 100, 104, 110; new 10, 12, 8; ends 104, 110, 112; revenue 4160, 4400, 4480.
 * Lost 6, 6, 6 = 18 of 314 at the starts → churn 0.05732…; new 30 ÷ 3 = 10 a month; revenue per customer
 * 13 040 ÷ (104 + 110 + 112 = 326) = 40. January 2025: 112 × (1 − 18/314) + 10 = 115.579…, × 40 = 4623.18…
 */
const ACTUAL: ActualMonth[] = [
  { month: DEC_2024 - 3, customersAtStart: 90, newCustomers: 20, customersAtEnd: 100, revenue: 9999 },
  { month: DEC_2024 - 2, customersAtStart: 100, newCustomers: 10, customersAtEnd: 104, revenue: 4160 },
  { month: DEC_2024 - 1, customersAtStart: 104, newCustomers: 12, customersAtEnd: 110, revenue: 4400 },
  { month: DEC_2024, customersAtStart: 110, newCustomers: 8, customersAtEnd: 112, revenue: 4480 },
];

describe('projection from the last 3 actual months', () => {
  it('hand-checked rates and first month; September is outside the basis', () => {
    const p = projectFromActuals(ACTUAL);
    expect(p.assumptions.basisMonths).toEqual([DEC_2024 - 2, DEC_2024 - 1, DEC_2024]);
    expect(p.assumptions.lastMonth).toBe(DEC_2024);
    expect(p.assumptions.startCustomers).toBe(112);
    expectClose(p.assumptions.churnRate, 18 / 314, 1e-15);
    expect(p.assumptions.newCustomersPerMonth).toBe(10);
    expect(p.assumptions.revenuePerCustomer).toBe(40);
    expectClose(p.months[0].customersAtEnd, 112 * (1 - 18 / 314) + 10, 1e-14);
    expectClose(p.months[0].revenue, (112 * (1 - 18 / 314) + 10) * 40, 1e-14);
    expect(p.months[11].month).toBe(DEC_2024 + 12);
    // Fewer actual months than the basis: all of them; a basis of 1 uses December alone.
    expect(projectFromActuals(ACTUAL.slice(0, 2)).assumptions.basisMonths).toEqual([DEC_2024 - 3, DEC_2024 - 2]);
    const december = projectFromActuals(ACTUAL, { basisMonths: 1, months: 3 });
    expectClose(december.assumptions.churnRate, 6 / 110, 1e-15);
    expect(december.months).toHaveLength(3);
  });

  it('MRR: month-end MRR and paying accounts give ARPA as revenue per customer', () => {
    const mrr = projectFromActuals([
      { month: DEC_2024, customersAtStart: 4, newCustomers: 2, customersAtEnd: 5, revenue: 8000 },
    ]);
    expect(mrr.assumptions.revenuePerCustomer).toBe(1600);
    expect(mrr.assumptions.churnRate).toBe(0.25);
  });

  it('bad input: no months, counts that cannot be real, no customers, churn above 1, months out of order', () => {
    const m = (a: Partial<ActualMonth>): ActualMonth => ({
      month: DEC_2024,
      customersAtStart: 10,
      newCustomers: 2,
      customersAtEnd: 11,
      revenue: 100,
      ...a,
    });
    expect(codeOf(() => projectFromActuals([]))).toBe('notPositive');
    expect(codeOf(() => projectFromActuals([m({ customersAtStart: -1 })]))).toBe('negativeCustomers');
    expect(codeOf(() => projectFromActuals([m({ customersAtEnd: 13 })]))).toBe('endAboveStartPlusNew');
    expect(codeOf(() => projectFromActuals([m({ revenue: -5 })]))).toBe('negative');
    expect(codeOf(() => projectFromActuals([m({ customersAtStart: 0, newCustomers: 0, customersAtEnd: 0 })]))).toBe(
      'notPositive',
    );
    // Customers at the start but none at the end: no revenue per customer.
    expect(codeOf(() => projectFromActuals([m({ customersAtEnd: 0, newCustomers: 0 })]))).toBe('notPositive');
    // 1 customer at the start, 5 won and 5 lost in the month (4 of them new): churn 5 > 1.
    expect(codeOf(() => projectFromActuals([m({ customersAtStart: 1, newCustomers: 5, customersAtEnd: 1 })]))).toBe(
      'notFraction',
    );
    expect(() => projectFromActuals([m({}), m({})])).toThrow(RangeError);
    expect(() => projectFromActuals(ACTUAL, { basisMonths: 0 })).toThrow(RangeError);
  });
});

describe('properties', () => {
  const count = fc.double({ min: 0, max: 1e6, noNaN: true });
  const rate = fc.double({ min: 0, max: 1, noNaN: true });
  const money = fc.double({ min: 0, max: 1e4, noNaN: true });
  const assumptions = fc
    .tuple(count, rate, count, money)
    .map(([startCustomers, churnRate, newCustomersPerMonth, revenuePerCustomer]) =>
      assume({ startCustomers, churnRate, newCustomersPerMonth, revenuePerCustomer }),
    );

  it('zero churn and zero new: flat customers and revenue', () => {
    fc.assert(
      fc.property(count, money, (startCustomers, revenuePerCustomer) => {
        const p = projectStockAndFlow(
          assume({ startCustomers, revenuePerCustomer, churnRate: 0, newCustomersPerMonth: 0 }),
        );
        for (const m of p.months) {
          expect(m.customersAtEnd).toBe(startCustomers);
          expect(m.revenue).toBe(startCustomers * revenuePerCustomer);
        }
      }),
    );
  });

  it('more churn → fewer customers (and no more revenue) every month; more new → more', () => {
    fc.assert(
      fc.property(assumptions, rate, count, (a, otherChurn, extraNew) => {
        const base = projectStockAndFlow(a);
        const churnier = projectStockAndFlow({ ...a, churnRate: Math.max(a.churnRate, otherChurn) });
        const busier = projectStockAndFlow({ ...a, newCustomersPerMonth: a.newCustomersPerMonth + extraNew });
        base.months.forEach((m, k) => {
          const slack = 1e-9 * Math.max(1, a.startCustomers + 12 * a.newCustomersPerMonth + extraNew * 12);
          expect(churnier.months[k].customersAtEnd).toBeLessThanOrEqual(m.customersAtEnd + slack);
          expect(busier.months[k].customersAtEnd).toBeGreaterThanOrEqual(m.customersAtEnd - slack);
          // Strictly fewer once there are customers to lose (the first month's new ones only arrive).
          if (
            otherChurn > a.churnRate + 1e-6 &&
            a.startCustomers + a.newCustomersPerMonth > 1 &&
            (k > 0 || a.startCustomers > 1)
          ) {
            expect(churnier.months[k].customersAtEnd).toBeLessThan(m.customersAtEnd);
          }
        });
      }),
    );
  });

  it('closed form customers_m = S + (c₀ − S)(1 − churn)^m, never negative, revenue = customers × revenue per customer', () => {
    fc.assert(
      fc.property(assumptions, (a) => {
        const p = projectStockAndFlow(a);
        p.months.forEach((m, k) => {
          expect(m.customersAtEnd).toBeGreaterThanOrEqual(0);
          expectClose(m.revenue, m.customersAtEnd * a.revenuePerCustomer, 1e-15);
          expectClose(m.customersAtEnd, m.customersAtStart - m.lostCustomers + m.newCustomers, 1e-12);
          if (a.churnRate > 1e-9) {
            const s = a.newCustomersPerMonth / a.churnRate;
            const expected = s + (a.startCustomers - s) * (1 - a.churnRate) ** (k + 1);
            expectClose(m.customersAtEnd, expected, 1e-9, s + a.startCustomers);
          } else {
            // No churn (or next to none): new customers simply add up.
            const linear = a.startCustomers + (k + 1) * a.newCustomersPerMonth;
            expectClose(m.customersAtEnd, linear, a.churnRate === 0 ? 1e-12 : 1e-7);
          }
        });
      }),
    );
  });

  it('moves monotonically toward the ceiling and never crosses it', () => {
    fc.assert(
      fc.property(assumptions, (a) => {
        const p = projectStockAndFlow(a);
        if (p.steadyStateCustomers === null) return;
        const s = p.steadyStateCustomers;
        const slack = 1e-9 * Math.max(1, s, a.startCustomers);
        let previous = a.startCustomers;
        for (const m of p.months) {
          expect(Math.abs(m.customersAtEnd - s)).toBeLessThanOrEqual(Math.abs(previous - s) + slack);
          if (a.startCustomers <= s) expect(m.customersAtEnd).toBeLessThanOrEqual(s + slack);
          else expect(m.customersAtEnd).toBeGreaterThanOrEqual(s - slack);
          previous = m.customersAtEnd;
        }
      }),
    );
  });

  it('from actuals: the assumptions reproduce the basis months’ own flows (pooled), and scale with the inputs', () => {
    const month = fc
      .tuple(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 500 }), fc.double({ min: 0, max: 1 }), money)
      .map(([start, added, keep, rpc]) => {
        const lost = Math.floor((start + added) * keep * 0.3);
        const end = start + added - lost;
        return { customersAtStart: start, newCustomers: added, customersAtEnd: end, revenue: end * rpc };
      });
    fc.assert(
      fc.property(fc.array(month, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 100 }), (rows, k) => {
        const actual = rows.map((r, i) => ({ ...r, month: DEC_2024 - rows.length + 1 + i }));
        let p: ReturnType<typeof projectFromActuals>;
        try {
          p = projectFromActuals(actual);
        } catch {
          return; // churn above 1 (new customers lost within their month): refused, tested above
        }
        const basis = actual.slice(-3);
        const lost = basis.reduce((t, r) => t + r.customersAtStart + r.newCustomers - r.customersAtEnd, 0);
        const started = basis.reduce((t, r) => t + r.customersAtStart, 0);
        expectClose(p.assumptions.churnRate * started, lost, 1e-12, started);
        const scaled = projectFromActuals(
          actual.map((r) => ({
            ...r,
            customersAtStart: r.customersAtStart * k,
            newCustomers: r.newCustomers * k,
            customersAtEnd: r.customersAtEnd * k,
            revenue: r.revenue * k,
          })),
        );
        expectClose(scaled.assumptions.churnRate, p.assumptions.churnRate, 1e-12);
        expectClose(scaled.assumptions.revenuePerCustomer, p.assumptions.revenuePerCustomer, 1e-12);
        p.months.forEach((m, i) => expectClose(scaled.months[i].customersAtEnd, k * m.customersAtEnd, 1e-9));
      }),
    );
  });
});
