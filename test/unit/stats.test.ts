/**
 * Significance tests of src/kpi/stats: the pooled two-proportion z-test (CSAT_CHANGE, every rate of
 * the report), Student's t tail through the incomplete beta function, Welch's t-test and Holm's
 * correction (segment comparisons in the report). Expected values are published ones where they
 * exist (statsmodels' test suite, Wikipedia, R output), else computed with scipy 1.17 (noted).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holmAdjust } from '../../src/kpi/stats/holm';
import { twoProportionZTest } from '../../src/kpi/stats/proportions';
import { regularizedBeta, studentTTwoSided } from '../../src/kpi/stats/student-t';
import { welchTTest } from '../../src/kpi/stats/welch';
import { codeOf } from '../support/kpi-errors';
import { expectClose } from '../support/numbers';

describe('two-proportion z-test (pooled)', () => {
  it('statsmodels test_default_values (GH 2969): 5/83 against 12/99 → |z| = 1.4078304151258787, p = 0.15918…', () => {
    // statsmodels' proportions_ztest([5, 12], [83, 99]) reports z = p₁ − p₂ over SE = −1.40783…; ours is
    // p₂ − p₁ (after − before), the same size with the other sign.
    const test = twoProportionZTest(5, 83, 12, 99);
    expectClose(test.difference, 12 / 99 - 5 / 83, 1e-15);
    expectClose(test.z, 1.4078304151258787, 1e-13);
    expectClose(test.pValue, 0.15918129181156992, 1e-12);
    // Swapping the samples changes the sign only.
    const swapped = twoProportionZTest(12, 99, 5, 83);
    expectClose(swapped.z, -1.4078304151258787, 1e-13);
    expect(swapped.pValue).toBe(test.pValue);
  });

  it('Agresti, Franklin & Klingenberg, ch. 10 example 5: 5/88 against 154/619 → z = 4.0359, p = 5.439e−5', () => {
    // Inputs from artofstat/RCode Chp_10_Example_5.R; z and p with the pooled formula (scipy).
    const test = twoProportionZTest(5, 88, 154, 619);
    expectClose(test.z, 4.035908512544919, 1e-12);
    expect(test.pValue / 5.439140948635234e-5).toBeCloseTo(1, 10);
  });

  it('pooled, not unpooled: the cigarette-tax poll 351/605 against 41/195 gives |z| = 8.9859, not 10.445', () => {
    const test = twoProportionZTest(351, 605, 41, 195);
    expectClose(test.z, -8.985900954503084, 1e-12);
    expect(test.pValue / 2.566230446480293e-19).toBeCloseTo(1, 6);
  });

  it('pooled share 0 or 1: no difference, z = 0 and p = 1', () => {
    expect(twoProportionZTest(0, 10, 0, 3)).toEqual({ difference: 0, z: 0, pValue: 1 });
    expect(twoProportionZTest(7, 7, 2, 2)).toEqual({ difference: 0, z: 0, pValue: 1 });
  });

  it('an empty sample is refused; a count outside 0 … n is a caller bug', () => {
    expect(codeOf(() => twoProportionZTest(0, 0, 1, 2))).toBe('notPositive');
    expect(codeOf(() => twoProportionZTest(1, 2, 0, 0))).toBe('notPositive');
    expect(() => twoProportionZTest(3, 2, 1, 2)).toThrow(RangeError);
    expect(() => twoProportionZTest(-1, 2, 1, 2)).toThrow(RangeError);
  });

  it('property: p in [0, 1]; swapping the samples negates z and keeps p; more data, same shares → smaller p', () => {
    const sample = fc
      .integer({ min: 1, max: 2000 })
      .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    fc.assert(
      fc.property(sample, sample, ([s1, n1], [s2, n2]) => {
        const test = twoProportionZTest(s1, n1, s2, n2);
        expect(test.pValue).toBeGreaterThanOrEqual(0);
        expect(test.pValue).toBeLessThanOrEqual(1);
        expect(Number.isFinite(test.z)).toBe(true);
        const swapped = twoProportionZTest(s2, n2, s1, n1);
        expect(swapped.z).toBeCloseTo(-test.z, 9);
        expect(swapped.difference).toBeCloseTo(-test.difference, 12);
        expectClose(swapped.pValue, test.pValue, 1e-12);
        // Ten times the sample with the same shares: |z| grows by √10, so p cannot grow.
        const bigger = twoProportionZTest(10 * s1, 10 * n1, 10 * s2, 10 * n2);
        expect(bigger.pValue).toBeLessThanOrEqual(test.pValue + 1e-12);
      }),
    );
  });
});

describe("Student's t two-sided tail", () => {
  it('matches scipy.stats.t.sf × 2 from 1 to 10⁹ degrees of freedom', () => {
    // [t, df, 2·P(T > |t|)] computed with scipy 1.17.
    const cases: [number, number, number][] = [
      [2.2281388519649385, 10, 0.05000000000180864],
      [1, 1, 0.5000000000000001],
      [0.5, 3.7, 0.6453356333199318],
      [10, 2.5, 0.0044414957673074235],
      [50, 30, 1.871541765922271e-30],
      [3, 1e6, 0.0026998625414218],
      [0.1, 1e4, 0.920346330031075],
      [-4, 7, 0.005189913349296813],
      [1e-8, 5, 0.9999999924078662],
      [30, 1, 0.02121280481107085],
      [2, 1e9, 0.045500264166313246],
    ];
    for (const [t, df, p] of cases) {
      expect(Math.abs(studentTTwoSided(t, df) / p - 1), `t = ${t}, df = ${df}`).toBeLessThan(1e-9);
    }
    expect(studentTTwoSided(0, 4)).toBe(1);
    expect(studentTTwoSided(Infinity, 4)).toBe(0);
    expectClose(studentTTwoSided(1.959963984540054, Infinity), 0.05, 1e-12);
    expect(() => studentTTwoSided(1, 0)).toThrow(RangeError);
  });

  it("agrees with 40-digit values (mpmath) to 1e-9, on both sides of the switch to Hill's series at df = 1e5", () => {
    // [t, df, I_{df/(df+t²)}(df/2, 1/2)] with mpmath at 40 digits.
    const cases: [number, number, number][] = [
      [0.3, 1, 0.81445284184451532],
      [2.5, 1, 0.2422378831816868],
      [15, 1, 0.042378609269892824],
      [0.3, 2.5, 0.78734237149519721],
      [2.5, 2.5, 0.10456996307815539],
      [15, 2.5, 0.0016333097165503475],
      [0.3, 7, 0.77289005040213428],
      [2.5, 7, 0.040992218585752897],
      [15, 7, 1.4051696248093968e-6],
      [0.3, 300, 0.76438491882814132],
      [2.5, 300, 0.012953109204319177],
      [15, 300, 2.4513298666433793e-38],
      [0.3, 30000, 0.76417923417640686],
      [2.5, 30000, 0.012424626089799844],
      [15, 30000, 1.1213377187214887e-50],
      [0.3, 99999, 0.76417777919657338],
      [2.5, 99999, 0.012420919208445002],
      [15, 99999, 8.3402871710729017e-51],
      [0.3, 1e5, 0.76417777919033764],
      [2.5, 1e5, 0.012420919192559045],
      [15, 1e5, 8.3402765534685096e-51],
      [0.3, 1e7, 0.76417716185778543],
      [2.5, 1e7, 0.01241934653657847],
      [15, 1e7, 7.3513127983253095e-51],
    ];
    for (const [t, df, p] of cases) {
      expect(Math.abs(studentTTwoSided(t, df) / p - 1), `t = ${t}, df = ${df}`).toBeLessThan(1e-9);
    }
  });

  it('the regularized incomplete beta function agrees with scipy.special.betainc', () => {
    expectClose(regularizedBeta(0.3, 0.7, 2, 5), 0.5798250000000003, 1e-12);
    expectClose(regularizedBeta(0.9, 0.1, 0.5, 0.5), 0.7951672353008665, 1e-12);
    expect(regularizedBeta(0.01, 0.99, 50, 0.5) / 7.998227417904836e-102).toBeCloseTo(1, 9);
    expect(regularizedBeta(0.5, 0.5, 2, 2)).toBeCloseTo(0.5, 14);
    expect(regularizedBeta(0, 1, 2, 2)).toBe(0);
    expect(regularizedBeta(1, 0, 2, 2)).toBe(1);
  });

  it('property: in [0, 1], symmetric in t, falling as |t| grows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -60, max: 60, noNaN: true }),
        fc.double({ min: 0.5, max: 1e6, noNaN: true }),
        (t, df) => {
          const p = studentTTwoSided(t, df);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
          expect(studentTTwoSided(-t, df)).toBe(p);
          expect(studentTTwoSided(Math.abs(t) + 0.5, df)).toBeLessThanOrEqual(p + 1e-12);
        },
      ),
    );
  });
});

describe("Welch's t-test", () => {
  /** Wikipedia, "Welch's t-test", example data (quoted by Azure Data Explorer's welch_test() docs). */
  const A1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
  const A2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];

  it("Wikipedia's example: t = −2.455356398 (A1 − A2), df = 24.98852929, p = 0.021378001", () => {
    // Ours is second − first, so welchTTest(A2, A1) has scipy's sign; welchTTest(A1, A2) the other.
    const test = welchTTest(A2, A1);
    expectClose(test.t as number, -2.455356398286006, 1e-11);
    expectClose(test.df as number, 24.988529290231416, 1e-11);
    expectClose(test.pValue, 0.021378001462866992, 1e-9);
    expectClose(test.difference, 20.82 - 22.986666666666668, 1e-12);
    const forward = welchTTest(A1, A2);
    expectClose(forward.t as number, 2.455356398286006, 1e-11);
    expect(forward.pValue).toBe(test.pValue);
    // MathPHP's README gives t = −2.4553600286929, df = 24.988527070145, p = 0.021377829: within 1e-5.
    expect(Math.abs(test.pValue - 0.021377829227958)).toBeLessThan(1e-5);
  });

  it('R t.test example: ts1 against ts2 → t = −1.8325, df = 17.9, p = 0.08356', () => {
    const ts1 = [11, 9, 10, 11, 10, 12, 9, 11, 12, 9];
    const ts2 = [11, 13, 10, 13, 12, 9, 11, 12, 12, 11];
    const test = welchTTest(ts2, ts1);
    expectClose(test.t as number, -1.8325416653445783, 1e-11);
    expectClose(test.df as number, 17.900310146211787, 1e-11);
    expectClose(test.pValue, 0.08355979161922325, 1e-9);
    expect(test.pValue).toBeCloseTo(0.08356, 5);
  });

  it('one sample without variance: df = n − 1 of the other; neither varying: p is 1 or 0', () => {
    // first constant 5 (variance 0); second 1, 2, 3 (mean 2, variance 1): t = (2 − 5) ÷ √(1/3), df = 2.
    const test = welchTTest([5, 5, 5, 5], [1, 2, 3]);
    expectClose(test.t as number, -3 / Math.sqrt(1 / 3), 1e-12);
    expectClose(test.df as number, 2, 1e-12);
    expect(welchTTest([4, 4], [4, 4, 4])).toEqual({ difference: 0, t: undefined, df: undefined, pValue: 1 });
    expect(welchTTest([4, 4], [6, 6])).toEqual({ difference: 2, t: undefined, df: undefined, pValue: 0 });
    expect(() => welchTTest([1], [1, 2])).toThrow(RangeError);
  });

  it('property: p in [0, 1]; swapping negates t and keeps p; shifting both samples changes nothing', () => {
    const sample = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 30 });
    fc.assert(
      fc.property(sample, sample, fc.integer({ min: -1e6, max: 1e6 }), (a, b, shift) => {
        const test = welchTTest(a, b);
        expect(test.pValue).toBeGreaterThanOrEqual(0);
        expect(test.pValue).toBeLessThanOrEqual(1);
        const swapped = welchTTest(b, a);
        expectClose(swapped.pValue, test.pValue, 1e-12);
        if (test.t === undefined) {
          expect(swapped.t).toBeUndefined();
          return;
        }
        expectClose(swapped.t as number, -test.t, 1e-12);
        const shifted = welchTTest(
          a.map((x) => x + shift),
          b.map((x) => x + shift),
        );
        expectClose(shifted.pValue, test.pValue, 1e-6);
      }),
    );
  });
});

describe('Holm correction', () => {
  it('Wikipedia "Holm–Bonferroni method": (0.01, 0.04, 0.03, 0.005) → (0.03, 0.06, 0.06, 0.02)', () => {
    // Sorted 0.005, 0.01, 0.03, 0.04 × 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04 → running max 0.02, 0.03, 0.06, 0.06.
    const adjusted = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((p, i) => expectClose(adjusted[i], p, 1e-15));
    // At α = 0.05 H1 and H4 are rejected, H2 and H3 not — as the article's step-down reads it.
    expect(adjusted.map((p) => p <= 0.05)).toEqual([true, false, false, true]);
  });

  it('caps at 1, keeps ties, handles one and no p-value', () => {
    expect(holmAdjust([0.5, 0.5, 0.9])).toEqual([1, 1, 1]);
    expect(holmAdjust([0.2])).toEqual([0.2]);
    expect(holmAdjust([])).toEqual([]);
    expect(holmAdjust([0.01, 0.01])).toEqual([0.02, 0.02]);
    expect(() => holmAdjust([0.5, 1.2])).toThrow(RangeError);
  });

  it('property: adjusted ≥ raw, ≤ 1, ≤ Bonferroni, and in the same order as the raw p-values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 }), (ps) => {
        const adjusted = holmAdjust(ps);
        ps.forEach((p, i) => {
          expect(adjusted[i]).toBeGreaterThanOrEqual(p);
          expect(adjusted[i]).toBeLessThanOrEqual(1);
          expect(adjusted[i]).toBeLessThanOrEqual(Math.min(1, ps.length * p) + 1e-15);
          ps.forEach((q, j) => {
            if (p < q) expect(adjusted[i]).toBeLessThanOrEqual(adjusted[j]);
          });
        });
      }),
    );
  });
});
