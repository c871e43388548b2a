/**
 * SaaS quick ratio (QUICK_RATIO's maths): (new + expansion + reactivation) ÷ (contraction + churned).
 * Worked examples from the public calculators quoted in the research notes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quickRatio } from '../../src/kpi/revenue/quick-ratio';
import { codeOf, refusalIn } from '../support/kpi-errors';
import { expectClose } from '../support/numbers';

const amount = fc.double({ min: 0, max: 1e7, noNaN: true });
const positive = fc.double({ min: 0.01, max: 1e7, noNaN: true });

describe('quick ratio', () => {
  it('published worked examples', () => {
    // abracalc.com: new 5,000 + expansion 1,000 = 6,000 over churn 1,500 + contraction 500 = 2,000 → 3.0×.
    expect(quickRatio(5000, 1000, 500, 1500)).toBe(3);
    // pitchkit.net glossary: (20k + 8k) ÷ (5k + 3k) = 3.5.
    expect(quickRatio(20_000, 8000, 3000, 5000)).toBe(3.5);
    // theprimecalculator.com: (25,000 + 10,000) ÷ (8,000 + 4,000) = 35,000 ÷ 12,000 = 2.9167.
    expectClose(quickRatio(25_000, 10_000, 4000, 8000), 35 / 12, 1e-15);
    // The "$10k + $2k over $3k + $1k" example the notes could not source: 12 ÷ 4 = 3.
    expect(quickRatio(10_000, 2000, 1000, 3000)).toBe(3);
  });

  it('reactivation counts as gained MRR; it defaults to 0', () => {
    // (10 + 2 + 4) ÷ (1 + 3) = 4
    expect(quickRatio(10, 2, 1, 3, 4)).toBe(4);
    expect(quickRatio(10, 2, 1, 3)).toBe(3);
    // Nothing gained: 0 (the MRR only shrinks).
    expect(quickRatio(0, 0, 1, 0)).toBe(0);
  });

  it('no MRR lost: refused, the ratio is unbounded (never Infinity or NaN)', () => {
    expect(codeOf(() => quickRatio(10, 2, 0, 0))).toBe('nothingLost');
    expect(codeOf(() => quickRatio(0, 0, 0, 0))).toBe('nothingLost');
    expect(refusalIn('QUICK_RATIO', () => quickRatio(10, 2, 0, 0))).toBe(
      'QUICK_RATIO: cannot divide by zero: no MRR was lost (no churn, no contraction): the quick ratio is unbounded.',
    );
    expect(refusalIn('QUICK_RATIO', () => quickRatio(10, 2, 0, 0), 'es')).toBe(
      'QUICK_RATIO: no se puede dividir entre cero: no se perdió MRR (ni bajas ni reducciones): el quick ratio no ' +
        'tiene límite.',
    );
    // A result too large for a number is refused too.
    expect(codeOf(() => quickRatio(1e308, 1e308, 1, 0))).toBe('notFinite');
    expect(codeOf(() => quickRatio(1, 0, 5e-324, 0))).toBe('notFinite');
  });

  it('property: scale invariance (the currency and the unit do not matter)', () => {
    fc.assert(
      fc.property(
        amount,
        amount,
        amount,
        positive,
        amount,
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (n, e, c, l, r, k) => {
          expectClose(quickRatio(k * n, k * e, k * c, k * l, k * r), quickRatio(n, e, c, l, r), 1e-12);
        },
      ),
    );
  });

  it('property: ≥ 0; above 1 exactly when MRR grew (gained > lost); more loss, lower ratio', () => {
    fc.assert(
      fc.property(amount, amount, amount, positive, amount, positive, (n, e, c, l, r, extra) => {
        const ratio = quickRatio(n, e, c, l, r);
        expect(ratio).toBeGreaterThanOrEqual(0);
        const gained = n + e + r;
        const lost = c + l;
        if (gained > lost * (1 + 1e-12)) expect(ratio).toBeGreaterThan(1);
        if (gained < lost * (1 - 1e-12)) expect(ratio).toBeLessThan(1);
        expect(quickRatio(n, e, c, l + extra, r)).toBeLessThanOrEqual(ratio);
        // Contraction and churn weigh the same, as do new, expansion and reactivation.
        expectClose(quickRatio(n, e, l, c, r), quickRatio(r, n, c, l, e), 1e-12);
      }),
    );
  });
});
