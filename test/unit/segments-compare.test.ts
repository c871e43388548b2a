/**
 * KPIs by segment: each segment against the rest (every other segment pooled), tested with the
 * two-proportion z-test (rates), Welch's t-test (means) or NPS_CHANGE's test (NPS), Holm-adjusted
 * across the segments. With two segments the rest of one is the other, so the published two-sample
 * examples apply unchanged; three-segment tables are checked against scipy 1.17 (chi2_contingency
 * without continuity correction, ttest_ind(equal_var=False), the NPS z by hand) and Holm by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareMeans, compareNps, compareRates, type SegmentComparison } from '../../src/kpi/segments/compare';
import { meanSamplesBySegment, npsSamplesBySegment, rateSamplesBySegment } from '../../src/kpi/segments/group';
import { holmAdjust } from '../../src/kpi/stats/holm';
import { npsCounts } from '../../src/kpi/survey/nps';
import { codeOf } from '../support/kpi-errors';
import { expectClose } from '../support/numbers';

/** Wikipedia, "Welch's t-test", example data. */
const A1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
const A2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];

const bySegment = (rows: SegmentComparison[]) => Object.fromEntries(rows.map((r) => [r.segment, r]));

describe('rates by segment (two-proportion z-test)', () => {
  it('two segments: statsmodels 5/83 against 12/99 → p = 0.15918…, Holm ×2 = 0.31836…, no mark', () => {
    const { A, B } = bySegment(
      compareRates([
        { segment: 'A', successes: 5, trials: 83 },
        { segment: 'B', successes: 12, trials: 99 },
      ]),
    );
    expectClose(A.value as number, 5 / 83, 1e-15);
    expectClose(A.rest as number, 12 / 99, 1e-15);
    expectClose(A.difference as number, 5 / 83 - 12 / 99, 1e-15);
    expect(B.difference).toBeCloseTo(-(A.difference as number), 15);
    expect([A.n, A.restN, B.n, B.restN]).toEqual([83, 99, 99, 83]);
    for (const r of [A, B]) {
      expectClose(r.pValue as number, 0.15918129181156992, 1e-12);
      expectClose(r.adjustedPValue as number, 2 * 0.15918129181156992, 1e-12);
      expect(r.differs).toBe(false);
    }
  });

  it('three segments against scipy: A and C differ from the rest after Holm, B does not', () => {
    const rows = bySegment(
      compareRates([
        { segment: 'A', successes: 5, trials: 83 },
        { segment: 'B', successes: 12, trials: 99 },
        { segment: 'C', successes: 30, trials: 120 },
      ]),
    );
    // scipy.stats.chi2_contingency([[s, n − s], [S − s, N − n − (S − s)]], correction=False).pvalue
    const p = { A: 0.004875311010301386, B: 0.24923198752795833, C: 0.00023921742286505223 };
    // Holm by hand: sorted C, A, B × 3, 2, 1 → 0.000717652…, 0.009750622…, max(0.2492…, 0.00975) = 0.2492…
    const adjusted = { A: 0.009750622020602772, B: 0.24923198752795833, C: 0.0007176522685951567 };
    for (const name of ['A', 'B', 'C'] as const) {
      expectClose(rows[name].pValue as number, p[name], 1e-10);
      expectClose(rows[name].adjustedPValue as number, adjusted[name], 1e-10);
    }
    expectClose(rows.A.rest as number, 42 / 219, 1e-15);
    expectClose(rows.C.difference as number, 0.25 - 17 / 182, 1e-15);
    expect([rows.A.differs, rows.B.differs, rows.C.differs]).toEqual([true, false, true]);
  });

  it('too small or without variance: no test (null), never an exception; an empty segment has no value', () => {
    const rows = bySegment(
      compareRates([
        { segment: 'one', successes: 1, trials: 1 },
        { segment: 'empty', successes: 0, trials: 0 },
        { segment: 'big', successes: 10, trials: 50 },
      ]),
    );
    expect(rows.one.pValue).toBeNull();
    expect(rows.one.adjustedPValue).toBeNull();
    expect(rows.one.differs).toBe(false);
    expect(rows.one.value).toBe(1);
    expect(rows.empty).toMatchObject({ n: 0, value: null, difference: null, pValue: null, differs: false });
    // 'big' is tested alone (m = 1): no correction.
    expect(rows.big.adjustedPValue).toBe(rows.big.pValue);
    // Nobody churned anywhere: the pooled share is 0, nothing to test.
    const none = compareRates([
      { segment: 'a', successes: 0, trials: 40 },
      { segment: 'b', successes: 0, trials: 60 },
    ]);
    expect(none.map((r) => [r.value, r.pValue, r.differs])).toEqual([
      [0, null, false],
      [0, null, false],
    ]);
    // One segment only: no rest.
    expect(compareRates([{ segment: 'x', successes: 3, trials: 9 }])[0]).toMatchObject({
      rest: null,
      restN: 0,
      pValue: null,
    });
    expect(compareRates([])).toEqual([]);
  });

  it('bad input: negative counts are refused, more successes than trials is a caller bug', () => {
    expect(codeOf(() => compareRates([{ segment: 'a', successes: -1, trials: 3 }]))).toBe('negative');
    expect(codeOf(() => compareRates([{ segment: 'a', successes: 0, trials: -3 }]))).toBe('negative');
    expect(() => compareRates([{ segment: 'a', successes: 4, trials: 3 }])).toThrow(RangeError);
    expect(() => compareRates([], 0)).toThrow(RangeError);
    expect(() => compareRates([], 1)).toThrow(RangeError);
  });
});

describe('means by segment (Welch)', () => {
  it("two segments: Wikipedia's Welch example → p = 0.021378, Holm ×2 = 0.042756: both differ at 5 %", () => {
    const { A, B } = bySegment(
      compareMeans([
        { segment: 'A', values: A1 },
        { segment: 'B', values: A2 },
      ]),
    );
    expectClose(A.value as number, 20.82, 1e-13);
    expectClose(A.rest as number, 22.986666666666668, 1e-13);
    expectClose(A.difference as number, 20.82 - 22.986666666666668, 1e-12);
    for (const r of [A, B]) {
      expectClose(r.pValue as number, 0.021378001462866992, 1e-9);
      expectClose(r.adjustedPValue as number, 0.042756002925733984, 1e-9);
      expect(r.differs).toBe(true);
    }
    // At α = 1 %, neither.
    expect(
      compareMeans(
        [
          { segment: 'A', values: A1 },
          { segment: 'B', values: A2 },
        ],
        0.01,
      ).some((r) => r.differs),
    ).toBe(false);
  });

  it('three segments against scipy ttest_ind(segment, rest, equal_var=False)', () => {
    const A3 = [30.1, 28.4, 25.0, 26.2, 29.9, 27.7];
    const rows = bySegment(
      compareMeans([
        { segment: 'A1', values: A1 },
        { segment: 'A2', values: A2 },
        { segment: 'A3', values: A3 },
      ]),
    );
    const p = { A1: 0.0008996081104065747, A2: 0.8869654977948391, A3: 0.00016481350519178067 };
    const adjusted = { A1: 0.0017992162208131494, A2: 0.8869654977948391, A3: 0.000494440515575342 };
    for (const name of ['A1', 'A2', 'A3'] as const) {
      expectClose(rows[name].pValue as number, p[name], 1e-8);
      expectClose(rows[name].adjustedPValue as number, adjusted[name], 1e-8);
    }
    expectClose(rows.A1.rest as number, 24.385714285714286, 1e-13);
    expectClose(rows.A3.difference as number, 27.88333333333333 - 21.90333333333333, 1e-12);
    expect([rows.A1.differs, rows.A2.differs, rows.A3.differs]).toEqual([true, false, true]);
  });

  it('fewer than 2 values, or no variance on either side: no test (null), never an exception', () => {
    const rows = bySegment(
      compareMeans([
        { segment: 'single', values: [100] },
        { segment: 'none', values: [] },
        { segment: 'many', values: [10, 20, 30, 40] },
      ]),
    );
    expect(rows.single).toMatchObject({ n: 1, value: 100, pValue: null, differs: false });
    expect(rows.none).toMatchObject({ n: 0, value: null, difference: null, pValue: null });
    // 'many' has 4 values but its rest only the single value 100: no test either.
    expect(rows.many).toMatchObject({ n: 4, restN: 1, rest: 100, difference: -75, pValue: null });
    // A one-price shop: every order 25 in both segments → nothing to test, not a "certain" difference.
    const flat = compareMeans([
      { segment: 'a', values: [25, 25, 25] },
      { segment: 'b', values: [25, 25] },
    ]);
    expect(flat.map((r) => r.pValue)).toEqual([null, null]);
    // Different prices but no variance within either: still no test.
    const twoPrices = compareMeans([
      { segment: 'a', values: [25, 25, 25] },
      { segment: 'b', values: [40, 40] },
    ]);
    expect(twoPrices.map((r) => [r.difference, r.pValue])).toEqual([
      [-15, null],
      [15, null],
    ]);
    // One side constant, the other varying: Welch is defined (df = n − 1 of the varying side).
    expect(
      compareMeans([
        { segment: 'a', values: [5, 5, 5, 5] },
        { segment: 'b', values: [1, 2, 3] },
      ])[0].pValue,
    ).not.toBeNull();
  });

  it('bad input: a value that is not finite is a caller bug', () => {
    expect(() => compareMeans([{ segment: 'a', values: [1, Number.NaN] }])).toThrow(RangeError);
    expect(() => compareMeans([{ segment: 'a', values: [1, Infinity] }])).toThrow(RangeError);
  });
});

describe('NPS by segment (NPS_CHANGE test)', () => {
  it("two segments: NPS_CHANGE's example (0 against 75 points) → p = 0.1687, Holm ×2", () => {
    const { A, B } = bySegment(
      compareNps([
        { segment: 'A', counts: { promoters: 2, passives: 0, detractors: 2, responses: 4 } },
        { segment: 'B', counts: { promoters: 3, passives: 1, detractors: 0, responses: 4 } },
      ]),
    );
    expect([A.value, A.rest, A.difference]).toEqual([0, 75, -75]);
    expect(B.difference).toBe(75);
    expect(A.pValue as number).toBeCloseTo(0.1687, 4);
    expect(B.pValue).toBe(A.pValue);
    expectClose(A.adjustedPValue as number, 2 * (A.pValue as number), 1e-14);
    expect(A.differs || B.differs).toBe(false);
  });

  it('three segments against the z test worked in numpy/scipy', () => {
    const rows = bySegment(
      compareNps([
        { segment: 'es', counts: { promoters: 40, passives: 30, detractors: 30, responses: 100 } },
        { segment: 'mx', counts: { promoters: 20, passives: 20, detractors: 40, responses: 80 } },
        { segment: 'ar', counts: { promoters: 35, passives: 10, detractors: 5, responses: 50 } },
      ]),
    );
    expectClose(rows.es.value as number, 10, 1e-13);
    expectClose(rows.es.rest as number, 100 / 13, 1e-13);
    expectClose(rows.mx.rest as number, 80 / 3, 1e-13);
    const p = { es: 0.8381976607345627, mx: 5.899082466592249e-6, ar: 6.814463077899812e-9 };
    const adjusted = { es: 0.8381976607345627, mx: 1.1798164933184499e-5, ar: 2.0443389233699436e-8 };
    for (const name of ['es', 'mx', 'ar'] as const) {
      expect((rows[name].pValue as number) / p[name]).toBeCloseTo(1, 8);
      expect((rows[name].adjustedPValue as number) / adjusted[name]).toBeCloseTo(1, 8);
    }
    expect([rows.es.differs, rows.mx.differs, rows.ar.differs]).toEqual([false, true, true]);
  });

  it('too few responses or no variance on either side: no test', () => {
    const one = { promoters: 1, passives: 0, detractors: 0, responses: 1 };
    const allPromoters = { promoters: 6, passives: 0, detractors: 0, responses: 6 };
    const mixed = { promoters: 3, passives: 2, detractors: 4, responses: 9 };
    expect(
      compareNps([
        { segment: 'a', counts: one },
        { segment: 'b', counts: mixed },
      ])[0].pValue,
    ).toBeNull();
    // Both sides all promoters: SE 0 on both.
    expect(
      compareNps([
        { segment: 'a', counts: allPromoters },
        { segment: 'b', counts: allPromoters },
      ]).map((r) => r.pValue),
    ).toEqual([null, null]);
    // One side constant: the other's SE carries the test, as NPS_CHANGE does.
    expect(
      compareNps([
        { segment: 'a', counts: allPromoters },
        { segment: 'b', counts: mixed },
      ])[0].pValue,
    ).not.toBeNull();
  });

  it('bad input: negative counts are refused; responses that do not add up are a caller bug', () => {
    expect(
      codeOf(() => compareNps([{ segment: 'a', counts: { promoters: -1, passives: 0, detractors: 2, responses: 1 } }])),
    ).toBe('negative');
    expect(() =>
      compareNps([{ segment: 'a', counts: { promoters: 1, passives: 0, detractors: 2, responses: 4 } }]),
    ).toThrow(RangeError);
  });
});

describe('grouping by segment', () => {
  it('groups parallel lists, segments sorted by name', () => {
    expect(meanSamplesBySegment(['pro', 'basic', 'pro'], [120, 30, 80])).toEqual([
      { segment: 'basic', values: [30] },
      { segment: 'pro', values: [120, 80] },
    ]);
    expect(rateSamplesBySegment(['pro', 'basic', 'pro'], [true, false, false])).toEqual([
      { segment: 'basic', successes: 0, trials: 1 },
      { segment: 'pro', successes: 1, trials: 2 },
    ]);
    expect(npsSamplesBySegment(['es', 'mx', 'es'], [10, 3, 8])).toEqual([
      { segment: 'es', counts: { promoters: 1, passives: 1, detractors: 0, responses: 2 } },
      { segment: 'mx', counts: { promoters: 0, passives: 0, detractors: 1, responses: 1 } },
    ]);
  });

  it('lists of different lengths are refused', () => {
    expect(codeOf(() => meanSamplesBySegment(['a'], [1, 2]))).toBe('lengthMismatch');
    expect(codeOf(() => rateSamplesBySegment(['a', 'b'], [true]))).toBe('lengthMismatch');
    expect(codeOf(() => npsSamplesBySegment([], [9]))).toBe('lengthMismatch');
  });
});

describe('properties', () => {
  const segmentNames = ['a', 'b', 'c', 'd', 'e'];
  const rateSamples = fc
    .array(
      fc.integer({ min: 0, max: 300 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
      { minLength: 1, maxLength: 5 },
    )
    .map((rows) => rows.map(([successes, trials], i) => ({ segment: segmentNames[i], successes, trials })));

  it('rates: p in [0, 1], adjusted ≥ raw, adjusted = Holm of the tested p-values, marks iff adjusted ≤ α', () => {
    fc.assert(
      fc.property(rateSamples, (samples) => {
        const rows = compareRates(samples);
        const tested = rows.filter((r) => r.pValue !== null);
        const holm = holmAdjust(tested.map((r) => r.pValue as number));
        tested.forEach((r, i) => {
          expect(r.pValue).toBeGreaterThanOrEqual(0);
          expect(r.adjustedPValue as number).toBeGreaterThanOrEqual(r.pValue as number);
          expect(r.adjustedPValue).toBe(holm[i]);
          expect(r.differs).toBe((r.adjustedPValue as number) <= 0.05);
        });
        for (const r of rows) {
          if (r.pValue === null) expect([r.adjustedPValue, r.differs]).toEqual([null, false]);
          // The rest pools the other segments: n + restN is the total for every segment.
          expect(r.n + r.restN).toBe(samples.reduce((t, s) => t + s.trials, 0));
        }
      }),
    );
  });

  it('rates: the segments’ order does not change any row', () => {
    fc.assert(
      fc.property(rateSamples, (samples) => {
        const forward = bySegment(compareRates(samples));
        const backward = bySegment(compareRates([...samples].reverse()));
        expect(backward).toEqual(forward);
      }),
    );
  });

  it('means: never throws for any sizes; shifting every value changes only the values, not the tests', () => {
    const values = fc.array(fc.integer({ min: -500, max: 500 }), { maxLength: 12 });
    fc.assert(
      fc.property(
        fc.array(values, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: -1e4, max: 1e4 }),
        (groups, k) => {
          const samples = groups.map((v, i) => ({ segment: segmentNames[i], values: v }));
          const rows = compareMeans(samples);
          const shifted = compareMeans(samples.map((s) => ({ ...s, values: s.values.map((x) => x + k) })));
          rows.forEach((r, i) => {
            if (r.value !== null) expectClose(shifted[i].value as number, r.value + k, 1e-12);
            expect(shifted[i].pValue === null).toBe(r.pValue === null);
            if (r.pValue !== null) expectClose(shifted[i].pValue as number, r.pValue, 1e-6);
            if (r.n < 2 || r.restN < 2) expect(r.pValue).toBeNull();
          });
        },
      ),
    );
  });

  it('NPS: value and rest in −100 … 100, difference = value − rest, p in [0, 1]', () => {
    const scores = fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 40 });
    fc.assert(
      fc.property(fc.array(scores, { minLength: 1, maxLength: 4 }), (groups) => {
        const rows = compareNps(groups.map((s, i) => ({ segment: segmentNames[i], counts: npsCounts(s) })));
        for (const r of rows) {
          for (const v of [r.value, r.rest]) if (v !== null) expect(Math.abs(v)).toBeLessThanOrEqual(100);
          if (r.difference !== null) expectClose(r.difference, (r.value as number) - (r.rest as number), 1e-12);
          if (r.pValue !== null) expect(r.pValue >= 0 && r.pValue <= 1).toBe(true);
        }
      }),
    );
  });

  it('100 000 order values in 20 segments: grouping and the tests under 300 ms (best of three)', () => {
    let seed = 5;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const segments = Array.from({ length: 100_000 }, () => `S${Math.floor(random() * 20)}`);
    const values = Array.from({ length: 100_000 }, () => Math.round(random() * 20_000) / 100);
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      compareMeans(meanSamplesBySegment(segments, values));
      best = Math.min(best, performance.now() - t0);
    }
    expect(best).toBeLessThan(300);
  });
});
