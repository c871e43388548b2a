/**
 * Maths of CSAT_CHANGE (CSAT share change and the pooled two-proportion z-test) and CES (mean or
 * top-2 share, optionally reversed). Published examples where they exist, otherwise worked by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerEffortScore } from '../../src/kpi/survey/ces';
import { csatChange, csatShare } from '../../src/kpi/survey/csat';
import { expectClose } from '../support/numbers';

/** `count` copies of `rating`. */
const times = (count: number, rating: number) => new Array<number>(count).fill(rating);

describe('CSAT change', () => {
  it('hand-checked: 2 of 4 satisfied → 3 of 4; pooled 5/8, z = 0.25 ÷ √(5/8 · 3/8 · 1/2) = 0.7303, p = 0.4652', () => {
    const change = csatChange([5, 4, 3, 2], [5, 5, 4, 3], 4);
    expect(change.difference).toBe(0.25);
    expectClose(change.z, 0.25 / Math.sqrt((5 / 8) * (3 / 8) * 0.5), 1e-14);
    expectClose(change.pValue, 0.4652088184521418, 1e-12); // scipy: 2·norm.sf(0.7302967433402214)
  });

  it("statsmodels' proportions_ztest example as CSAT: 5 of 83 satisfied, then 12 of 99 → p = 0.15918129181156992", () => {
    const before = [...times(5, 5), ...times(78, 2)];
    const after = [...times(12, 4), ...times(87, 1)];
    const change = csatChange(before, after, 4);
    expectClose(change.difference, 12 / 99 - 5 / 83, 1e-15);
    expectClose(change.pValue, 0.15918129181156992, 1e-12);
  });

  it('all satisfied or none in both surveys: p = 1', () => {
    expect(csatChange([5, 4], [4, 4, 5], 4)).toEqual({ difference: 0, z: 0, pValue: 1 });
    expect(csatChange([1, 2], [3], 4)).toEqual({ difference: 0, z: 0, pValue: 1 });
    // All satisfied before, none after: the largest possible change, p small but defined.
    const drop = csatChange(times(50, 5), times(50, 1), 4);
    expect(drop.difference).toBe(-1);
    expect(drop.pValue).toBeLessThan(1e-20);
  });

  it('the threshold decides who is satisfied (7-point scale, satisfied from 6)', () => {
    const change = csatChange([7, 6, 5, 4], [7, 7, 6, 2], 6);
    expect(change.difference).toBe(0.25);
    expect(csatShare([7, 6, 5, 4], 6)).toBe(0.5);
  });

  const ratings = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 60 });

  it('property: antisymmetric (swapping the surveys negates the change, keeps p); p in [0, 1]; Δ = CSAT₂ − CSAT₁', () => {
    fc.assert(
      fc.property(ratings, ratings, fc.integer({ min: 1, max: 5 }), (a, b, min) => {
        const forward = csatChange(a, b, min);
        const backward = csatChange(b, a, min);
        expect(backward.difference).toBeCloseTo(-forward.difference, 14);
        expect(backward.z).toBeCloseTo(-forward.z, 12);
        expectClose(backward.pValue, forward.pValue, 1e-12);
        expect(forward.pValue).toBeGreaterThanOrEqual(0);
        expect(forward.pValue).toBeLessThanOrEqual(1);
        expect(forward.difference).toBeCloseTo(csatShare(b, min) - csatShare(a, min), 14);
        // The same survey twice: no change, p = 1.
        expect(csatChange(a, a, min).pValue).toBe(1);
      }),
    );
  });
});

describe('CES', () => {
  it("Delighted's example (5-point scale): 5 disagree, 5 neutral, 10 agree of 20 → 50 %", () => {
    const ratings = [1, 2, 1, 2, 1, 3, 3, 3, 3, 3, 4, 5, 4, 5, 4, 5, 4, 5, 4, 5];
    expect(customerEffortScore(ratings, 5, 'top2', false)).toBe(0.5);
  });

  it('mean: 4, 5, 6, 7, 7 on 1–7 → 29 ÷ 5 = 5.8 (yescalculator; calculator.academy prints 4.8 from a wrong sum of 24)', () => {
    expect(customerEffortScore([4, 5, 6, 7, 7], 7, 'mean', false)).toBeCloseTo(5.8, 14);
  });

  it('mean of a hand-counted survey: 3×1, 2×2, 1×3, 2×4, 2×5 on 1–5 → 28 ÷ 10 = 2.8; top-2 share 4 of 10', () => {
    // 3·1 + 2·2 + 1·3 + 2·4 + 2·5 = 3 + 4 + 3 + 8 + 10 = 28 over 10 answers. (The CYS page the notes quote
    // lists 190, 240, 110, 330, 140 "of 1000": they add up to 1010, so neither its 2.82 nor 3.02 is usable.)
    const ratings = [...times(3, 1), ...times(2, 2), ...times(1, 3), ...times(2, 4), ...times(2, 5)];
    expect(customerEffortScore(ratings, 5, 'mean', false)).toBeCloseTo(2.8, 14);
    expect(customerEffortScore(ratings, 5, 'top2', false)).toBe(0.4);
  });

  it('lower_is_better reverses r → scale_max + 1 − r: effort 1, 2, 2, 5 of 5 reads as ease 5, 4, 4, 1', () => {
    expect(customerEffortScore([1, 2, 2, 5], 5, 'mean', true)).toBe(3.5); // (5 + 4 + 4 + 1) ÷ 4
    expect(customerEffortScore([1, 2, 2, 5], 5, 'top2', true)).toBe(0.75); // 5, 4, 4 are ≥ 4
    // On 1–7, top-2 is 6 and 7 (CES 2.0's two strongest "agree" answers).
    expect(customerEffortScore([7, 6, 5, 1], 7, 'top2', false)).toBe(0.5);
    expect(customerEffortScore([1, 2, 3, 7], 7, 'top2', true)).toBe(0.5);
  });

  it('property: mean in [1, scale_max], top-2 in [0, 1]; reversing maps the mean to scale_max + 1 − mean', () => {
    const sample = fc
      .integer({ min: 2, max: 10 })
      .chain((max) =>
        fc.tuple(fc.constant(max), fc.array(fc.integer({ min: 1, max }), { minLength: 1, maxLength: 50 })),
      );
    fc.assert(
      fc.property(sample, ([max, ratings]) => {
        const mean = customerEffortScore(ratings, max, 'mean', false);
        expect(mean).toBeGreaterThanOrEqual(1);
        expect(mean).toBeLessThanOrEqual(max);
        expectClose(customerEffortScore(ratings, max, 'mean', true), max + 1 - mean, 1e-14);
        const top2 = customerEffortScore(ratings, max, 'top2', false);
        expect(top2).toBeGreaterThanOrEqual(0);
        expect(top2).toBeLessThanOrEqual(1);
        // Reversed, the top two become the bottom two: 1 and 2.
        expect(customerEffortScore(ratings, max, 'top2', true)).toBe(
          ratings.filter((r) => r <= 2).length / ratings.length,
        );
      }),
    );
  });
});
