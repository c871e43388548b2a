/**
 * Revenue and value maths: CPS, LTV, SaaS LTV, LTV:CAC, revenue retention and churn.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerProfitabilityScore } from '../../src/kpi/revenue/cps';
import { lifetimeValue } from '../../src/kpi/revenue/ltv';
import { ltvToCac } from '../../src/kpi/revenue/ltv-cac';
import { revenueChurn, revenueRetention } from '../../src/kpi/revenue/revenue-retention';
import { saasLifetimeValue } from '../../src/kpi/revenue/saas-ltv';
import { codeOf, refusalIn } from '../support/kpi-errors';
import { expectAtMost, expectClose } from '../support/numbers';

const amount = fc.double({ min: 0, max: 1e7, noNaN: true });

describe('CPS', () => {
  it('hand-checked: revenue 1500, cost 1200 → (1500 − 1200)/1200 = 0.25; a loss is negative', () => {
    expect(customerProfitabilityScore(1500, 1200)).toBeCloseTo(0.25, 12);
    expect(customerProfitabilityScore(800, 1000)).toBeCloseTo(-0.2, 12); // (800 − 1000)/1000
    expect(customerProfitabilityScore(0, 50)).toBe(-1);
  });

  it('cost must be above 0', () => {
    expect(codeOf(() => customerProfitabilityScore(100, 0))).toBe('notPositive');
    expect(refusalIn('CPS', () => customerProfitabilityScore(100, 0))).toContain(
      'CPS: cost is 0; it must be greater than 0',
    );
  });

  it('property: CPS ≥ −1 and CPS + 1 = revenue ÷ cost', () => {
    fc.assert(
      fc.property(amount, fc.double({ min: 0.01, max: 1e7, noNaN: true }), (revenue, cost) => {
        const cps = customerProfitabilityScore(revenue, cost);
        expect(cps).toBeGreaterThanOrEqual(-1);
        expect(cps + 1).toBeCloseTo(revenue / cost, 6);
      }),
    );
  });
});

describe('LTV', () => {
  it('hand-checked: $50 orders, 4 a year, 3 years → $600 of revenue; at 60 % margin $360', () => {
    expect(lifetimeValue(50, 4, 3)).toBe(600);
    expect(lifetimeValue(50, 4, 3, 0.6)).toBeCloseTo(360, 10);
    expect(lifetimeValue(0, 4, 3)).toBe(0);
  });

  it('rejects a margin typed as a percentage', () => {
    expect(refusalIn('LTV', () => lifetimeValue(50, 4, 3, 60))).toContain(
      'LTV: gross_margin is 60; it must be a fraction between 0 and 1',
    );
  });

  it('property: LTV is monotone in each factor and proportional to the margin', () => {
    fc.assert(
      fc.property(
        amount,
        amount,
        amount,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (value, frequency, lifespan, margin) => {
          const ltv = lifetimeValue(value, frequency, lifespan, margin);
          expect(ltv).toBeGreaterThanOrEqual(0);
          expect(ltv).toBeLessThanOrEqual(lifetimeValue(value, frequency, lifespan) * (1 + 1e-12));
          expect(lifetimeValue(value * 2, frequency, lifespan, margin)).toBeCloseTo(
            2 * ltv,
            Math.max(0, 6 - Math.log10(ltv + 1)),
          );
        },
      ),
    );
  });
});

describe('SaaS LTV', () => {
  it('hand-checked: ARPA $100 a month, 5 % monthly churn (20-month lifetime), 80 % margin → 100 × 0.8 / 0.05 = $1600', () => {
    expect(saasLifetimeValue(100, 0.05, 0.8)).toBeCloseTo(1600, 9);
    expect(saasLifetimeValue(100, 0.05)).toBeCloseTo(2000, 9); // revenue LTV: 100 / 0.05
    expect(saasLifetimeValue(100, 1)).toBe(100); // everyone leaves after one month
  });

  it('churn 0 means an unbounded lifetime, churn above 1 is not a rate', () => {
    expect(codeOf(() => saasLifetimeValue(100, 0))).toBe('zeroChurn');
    expect(refusalIn('SAAS_LTV', () => saasLifetimeValue(100, 0))).toContain(
      'SAAS_LTV: churn is 0, lifetime is unbounded',
    );
    expect(refusalIn('SAAS_LTV', () => saasLifetimeValue(100, 5))).toContain(
      'SAAS_LTV: churn_rate is 5; it must be a fraction between 0 and 1',
    );
    expect(codeOf(() => saasLifetimeValue(100, 0.1, 1.5))).toBe('notFraction');
  });

  it('property: halving churn doubles the LTV', () => {
    fc.assert(
      fc.property(
        amount,
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (arpa, churn, margin) => {
          const ltv = saasLifetimeValue(arpa, churn, margin);
          expect(ltv).toBeGreaterThanOrEqual(arpa * margin * (1 - 1e-12));
          expect(saasLifetimeValue(arpa, churn / 2, margin) / 2).toBeCloseTo(ltv, Math.max(0, 6 - Math.log10(ltv + 1)));
        },
      ),
    );
  });
});

describe('LTV:CAC', () => {
  it('hand-checked: LTV $1600, CAC $400 → 4 (healthy, above the usual target of 3)', () => {
    expect(ltvToCac(1600, 400)).toBe(4);
    expect(ltvToCac(900, 400)).toBe(2.25);
  });

  it('cac must be above 0', () => {
    expect(refusalIn('LTV_CAC', () => ltvToCac(1600, 0))).toContain('LTV_CAC: cac is 0; it must be greater than 0');
  });
});

describe('revenue retention and churn', () => {
  it('hand-checked: start 10 000, end 10 500 with 1 500 new → retention (10500 − 1500)/10000 = 0.9, churn 0.1', () => {
    expect(revenueRetention(10000, 10500, 1500)).toBeCloseTo(0.9, 12);
    expect(revenueChurn(10000, 10500, 1500)).toBeCloseTo(0.1, 12);
  });

  it('adds new revenue back: the "− new" variant of a widely copied Spanish article would give (10000 − 10500 − 1500)/10000 = −0.2', () => {
    const wrongSign = (10000 - 10500 - 1500) / 10000;
    expect(revenueChurn(10000, 10500, 1500)).not.toBeCloseTo(wrongSign, 6);
    // with no new revenue it is plain lost revenue: 1000 lost of 10 000
    expect(revenueChurn(10000, 9000, 0)).toBeCloseTo(0.1, 12);
  });

  it('expansion beyond losses gives retention above 1 and negative (net negative) churn', () => {
    expect(revenueRetention(1000, 1300, 100)).toBeCloseTo(1.2, 12);
    expect(revenueChurn(1000, 1300, 100)).toBeCloseTo(-0.2, 12);
  });

  it('start 0 and new above end are errors with a reason', () => {
    expect(refusalIn('REVENUE_RETENTION', () => revenueRetention(0, 10, 0))).toContain(
      'REVENUE_RETENTION: cannot divide by zero: revenue_start is 0',
    );
    expect(refusalIn('REVENUE_CHURN', () => revenueChurn(100, 10, 20))).toContain(
      'REVENUE_CHURN: revenue_new (20) is larger than revenue_end (10)',
    );
  });

  it('property: churn = 1 − retention, retention ≥ 0, churn ≤ 1', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        amount,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (start, end, share) => {
          const added = end * share;
          const retention = revenueRetention(start, end, added);
          const churn = revenueChurn(start, end, added);
          // Rounding scales with the revenues over the start (a start of 0.01 against ends of a million).
          const scale = (end + added) / start;
          expect(retention).toBeGreaterThanOrEqual(0);
          expectAtMost(churn, 1, 1e-12, scale);
          expectClose(churn, 1 - retention, 1e-12, scale);
        },
      ),
    );
  });
});
