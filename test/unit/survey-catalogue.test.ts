/**
 * Maths of NPS_CHANGE, NPS_TREND, CSI, KEY_DRIVERS and SATISFACTION_TREND (src/kpi/survey) and the
 * small statistics helpers they use. Expected values are worked by hand in the comments.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromCivil, periodIndex, type Period } from '../../src/kpi/calendar/days';
import { pearson } from '../../src/kpi/stats/correlation';
import { median } from '../../src/kpi/stats/median';
import { leastSquaresSlope } from '../../src/kpi/stats/regression';
import { columnMeans, csiOfMeans, type RatingGrid } from '../../src/kpi/survey/csi';
import { keyDrivers } from '../../src/kpi/survey/key-drivers';
import { npsCounts } from '../../src/kpi/survey/nps';
import { npsChange } from '../../src/kpi/survey/nps-change';
import { npsTrend } from '../../src/kpi/survey/nps-trend';
import { satisfactionTrend } from '../../src/kpi/survey/satisfaction-trend';
import { codeOf, refusalIn } from '../support/kpi-errors';

/** A deterministic shuffle driven by fast-check's seed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  return items
    .map((item, i) => ({ item, key: Math.sin(seed * 7919 + i * 104729) }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item);
}

describe('statistics helpers', () => {
  it('median: middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5); // (2 + 3) / 2
    expect(median([7])).toBe(7);
    const input = [3, 1, 2];
    median(input);
    expect(input).toEqual([3, 1, 2]); // not sorted in place
  });

  it('pearson: ±1 on lines, undefined without variance or with one pair', () => {
    expect(pearson([1, 2, 3, 4], [10, 8, 6, 4])).toBeCloseTo(-1, 12);
    // x = 1,2,3,4,6 (mean 3.2) against y = 1…5 (mean 3): Sxy = 12, Sxx = 14.8, Syy = 10 → r = 12/√148.
    expect(pearson([1, 2, 3, 4, 6], [1, 2, 3, 4, 5])).toBeCloseTo(12 / Math.sqrt(148), 12);
    expect(pearson([2, 2, 2], [1, 2, 3])).toBeUndefined();
    expect(pearson([1, 2, 3], [5, 5, 5])).toBeUndefined();
    expect(pearson([1], [1])).toBeUndefined();
  });

  it('least-squares slope: x = 0, 30, 60, y = 8, 6, 5 → Sxy = −90, Sxx = 1800, slope −0.05', () => {
    expect(leastSquaresSlope([0, 30, 60], [8, 6, 5])).toBeCloseTo(-0.05, 12);
    expect(leastSquaresSlope([3, 3], [1, 9])).toBeUndefined();
  });

  it('property: correlations stay in [−1, 1] and are symmetric', () => {
    const pairs = fc.array(
      fc.tuple(fc.integer({ min: -50, max: 50 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
      { minLength: 2, maxLength: 60 },
    );
    fc.assert(
      fc.property(pairs, (list) => {
        const xs = list.map((p) => p[0]);
        const ys = list.map((p) => p[1]);
        const r = pearson(xs, ys);
        if (r === undefined) return;
        expect(r).toBeGreaterThanOrEqual(-1);
        expect(r).toBeLessThanOrEqual(1);
        expect(pearson(ys, xs)).toBeCloseTo(r, 9);
      }),
    );
  });
});

describe('NPS change', () => {
  it('worked example: 0 → 75 points with p ≈ 0.1687', () => {
    // Before 10, 9, 6, 3: 2 promoters, 2 detractors of 4 → NPS 0, SE = 100·√((0.5 + 0.5 − 0²)/4) = 50.
    // After 10, 10, 9, 8: 3 promoters, 0 detractors → NPS 75, SE = 100·√((0.75 − 0.75²)/4) = 21.6506.
    // z = 75 / √(50² + 21.6506²) = 75 / 54.4862 = 1.37649; p = 2·(1 − Φ(1.37649)) = 0.168669
    // (scipy.stats.norm.sf(1.3764944) · 2 = 0.16866861888781526).
    const { change, pValue } = npsChange(npsCounts([10, 9, 6, 3]), npsCounts([10, 10, 9, 8]));
    expect(change).toBeCloseTo(75, 12);
    expect(pValue).toBeCloseTo(0.16866861888781526, 9);
  });

  it('the FUNCTIONS.md worked sample against itself: no change, p = 1', () => {
    const counts = { promoters: 250, passives: 675, detractors: 75, responses: 1000 };
    expect(npsChange(counts, counts)).toEqual({ change: 0, pValue: 1 });
  });

  it('a known significant change: 1000 answers each, NPS 17.5 → 30', () => {
    // Before: p = 0.25, d = 0.075 → SE² = 100²·(0.325 − 0.175²)/1000 = 2.943750.
    // After: 350 promoters, 50 detractors: p = 0.35, d = 0.05 → SE² = 100²·(0.4 − 0.3²)/1000 = 3.1.
    // z = 12.5 / √6.04375 = 5.0846 → p = 2·Φ(−5.0846) = 3.6840221842e-7 (scipy.stats.norm.sf(z)·2).
    const after = { promoters: 350, passives: 600, detractors: 50, responses: 1000 };
    const { change, pValue } = npsChange({ promoters: 250, passives: 675, detractors: 75, responses: 1000 }, after);
    expect(change).toBeCloseTo(12.5, 10);
    expect(Math.abs(pValue / 3.6840221842272285e-7 - 1)).toBeLessThan(1e-6);
  });

  it('both standard errors 0: p = 1 without a change, 0 with one', () => {
    const allPromoters = npsCounts([10, 9, 10]);
    const allDetractors = npsCounts([0, 3]);
    expect(npsChange(allPromoters, allPromoters)).toEqual({ change: 0, pValue: 1 });
    expect(npsChange(allDetractors, allPromoters)).toEqual({ change: 200, pValue: 0 });
    expect(npsChange(npsCounts([8, 7]), npsCounts([0]))).toEqual({ change: -100, pValue: 0 });
  });

  it('property: p in [0, 1]; swapping the surveys negates the change and keeps p', () => {
    const scores = fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 80 });
    fc.assert(
      fc.property(scores, scores, (a, b) => {
        const forward = npsChange(npsCounts(a), npsCounts(b));
        const backward = npsChange(npsCounts(b), npsCounts(a));
        expect(forward.pValue).toBeGreaterThanOrEqual(0);
        expect(forward.pValue).toBeLessThanOrEqual(1);
        expect(backward.change).toBeCloseTo(-forward.change, 9);
        expect(backward.pValue).toBeCloseTo(forward.pValue, 12);
      }),
    );
  });
});

describe('NPS trend', () => {
  const jan15 = dayFromCivil(2024, 1, 15);

  it('worked example: January, an empty February, March', () => {
    // 10 (promoter) on Jan 15, 6 (detractor) on Jan 20 → 2 answers, NPS (1 − 1)/2 = 0.
    // Nothing in February. 9 (promoter) on Mar 2, 8 (passive) on Mar 5 → NPS (1 − 0)/2·100 = 50.
    const days = [jan15, dayFromCivil(2024, 1, 20), dayFromCivil(2024, 3, 2), dayFromCivil(2024, 3, 5)];
    expect(npsTrend([10, 6, 9, 8], days, 'month')).toEqual([
      { startDay: dayFromCivil(2024, 1, 1), counts: { promoters: 1, passives: 0, detractors: 1, responses: 2 } },
      { startDay: dayFromCivil(2024, 2, 1), counts: { promoters: 0, passives: 0, detractors: 0, responses: 0 } },
      { startDay: dayFromCivil(2024, 3, 1), counts: { promoters: 1, passives: 1, detractors: 0, responses: 2 } },
    ]);
  });

  it('ISO weeks start on Monday: Sunday 2024-01-07 and Monday 2024-01-08 are in different weeks', () => {
    const trend = npsTrend([10, 0], [dayFromCivil(2024, 1, 7), dayFromCivil(2024, 1, 8)], 'week');
    expect(trend.map((p) => p.startDay)).toEqual([dayFromCivil(2024, 1, 1), dayFromCivil(2024, 1, 8)]);
    expect(trend.map((p) => p.counts.responses)).toEqual([1, 1]);
  });

  it('quarters and years across a year end', () => {
    const days = [dayFromCivil(2023, 11, 30), dayFromCivil(2024, 4, 1)];
    expect(npsTrend([9, 9], days, 'quarter').map((p) => p.startDay)).toEqual([
      dayFromCivil(2023, 10, 1),
      dayFromCivil(2024, 1, 1),
      dayFromCivil(2024, 4, 1),
    ]);
    expect(npsTrend([9, 9], days, 'year').map((p) => p.startDay)).toEqual([
      dayFromCivil(2023, 1, 1),
      dayFromCivil(2024, 1, 1),
    ]);
  });

  it('is linear: 100 000 answers over two years well under 300 ms', () => {
    const scores = Array.from({ length: 100_000 }, (_, i) => (i * 7) % 11);
    const days = Array.from({ length: 100_000 }, (_, i) => jan15 + ((i * 31) % 730));
    const time = () => {
      const start = performance.now();
      const trend = npsTrend(scores, days, 'month');
      expect(trend.reduce((sum, p) => sum + p.counts.responses, 0)).toBe(100_000);
      return performance.now() - start;
    };
    expect(Math.min(time(), time())).toBeLessThan(300);
  });

  const answers = fc.array(
    fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: jan15 - 400, max: jan15 + 400 })),
    { minLength: 1, maxLength: 150 },
  );
  const periods = fc.constantFrom<Period>('day', 'week', 'month', 'quarter', 'year');

  it('property: responses add up to the answers, periods are consecutive, each group adds up', () => {
    fc.assert(
      fc.property(answers, periods, (list, period) => {
        const trend = npsTrend(
          list.map((a) => a[0]),
          list.map((a) => a[1]),
          period,
        );
        expect(trend.reduce((sum, p) => sum + p.counts.responses, 0)).toBe(list.length);
        for (const p of trend)
          expect(p.counts.promoters + p.counts.passives + p.counts.detractors).toBe(p.counts.responses);
        const first = periodIndex(Math.min(...list.map((a) => a[1])), period);
        trend.forEach((p, k) => expect(periodIndex(p.startDay, period)).toBe(first + k));
        expect(periodIndex(trend[trend.length - 1].startDay, period)).toBe(
          periodIndex(Math.max(...list.map((a) => a[1])), period),
        );
      }),
    );
  });

  it('property: the order of rows never changes the trend', () => {
    fc.assert(
      fc.property(answers, periods, fc.integer(), (list, period, seed) => {
        const other = shuffled(list, seed);
        expect(
          npsTrend(
            other.map((a) => a[0]),
            other.map((a) => a[1]),
            period,
          ),
        ).toEqual(
          npsTrend(
            list.map((a) => a[0]),
            list.map((a) => a[1]),
            period,
          ),
        );
      }),
    );
  });
});

describe('CSI', () => {
  it('worked example: means 8 and 5 on 1–10, weights 2 and 1 → 66.67', () => {
    // Column 1: 8, 10, 6 → mean 8 → (8 − 1)/9·100 = 77.78. Column 2: 6, 4 (third blank) → mean 5 → 44.44.
    // Weighted: (2·77.78 + 1·44.44)/3 = (1400/9 + 400/9)/3 = 200/3 = 66.67; equal weights: 61.11.
    const grid: RatingGrid = { rows: 3, columns: 2, values: [8, 6, 10, 4, 6, null] };
    const means = columnMeans(grid);
    expect(means).toEqual([8, 5]);
    expect(csiOfMeans(means as number[], [2, 1], 1, 10)).toBeCloseTo(200 / 3, 10);
    expect(csiOfMeans(means as number[], [1, 1], 1, 10)).toBeCloseTo(550 / 9, 10);
  });

  it('a 1–5 scale: all 5s is 100, all 1s is 0, all 3s is 50', () => {
    expect(csiOfMeans([5, 5], [1, 1], 1, 5)).toBe(100);
    expect(csiOfMeans([1], [1], 1, 5)).toBe(0);
    expect(csiOfMeans([3, 3, 3], [0.2, 0.3, 0.5], 1, 5)).toBeCloseTo(50, 12);
  });

  it('a column with no answer has no mean', () => {
    expect(columnMeans({ rows: 2, columns: 3, values: [1, null, 3, 2, null, 5] })).toEqual([1.5, undefined, 4]);
  });

  const ratings = fc.integer({ min: 1, max: 6 }).chain((columns) =>
    fc.record({
      columns: fc.constant(columns),
      rows: fc.array(fc.array(fc.integer({ min: 1, max: 10 }), { minLength: columns, maxLength: columns }), {
        minLength: 1,
        maxLength: 40,
      }),
      weights: fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: columns, maxLength: columns }),
    }),
  );

  it("property: CSI in [0, 100], independent of row order and of the weights' scale", () => {
    fc.assert(
      fc.property(
        ratings,
        fc.integer(),
        fc.double({ min: 0.1, max: 1000, noNaN: true }),
        ({ columns, rows, weights }, seed, factor) => {
          const of = (lines: number[][], w: number[]) =>
            csiOfMeans(columnMeans({ rows: lines.length, columns, values: lines.flat() }) as number[], w, 1, 10);
          const csi = of(rows, weights);
          expect(csi).toBeGreaterThanOrEqual(0);
          expect(csi).toBeLessThanOrEqual(100);
          expect(of(shuffled(rows, seed), weights)).toBeCloseTo(csi, 9);
          expect(
            of(
              rows,
              weights.map((w) => w * factor),
            ),
          ).toBeCloseTo(csi, 9);
        },
      ),
    );
  });
});

describe('key drivers', () => {
  /**
   * Five drivers, outcome y = 1, 2, 3, 4, 5 and a sixth row without outcome.
   *   D1 6,7,8,9,10 (+8 in row 6): mean 48/6 = 8, r = 1 (a line).
   *   D2 1,2,3,4,6: mean 3.2; Sxy = 12, Sxx = 14.8, Syy = 10 → r = 12/√148 = 0.98639.
   *   D3 9,7,9,7,8: mean 8; centred 1,−1,1,−1,0 · (−2,−1,0,1,2) → Sxy = −2, Sxx = 4 → r = −2/√40 = −0.31623.
   *   D4 3,1,2,1,3: mean 2; centred 1,−1,0,−1,1 → Sxy = −2 + 1 + 0 − 1 + 2 = 0 → r = 0.
   *   D5 0 in rows 1 and 5 only: 2 pairs → no correlation, no quadrant; mean 0.
   * Averages over D1–D4 (D5 has no correlation): means (8 + 3.2 + 8 + 2)/4 = 5.3; correlations
   * (1 + 0.986 − 0.316 + 0)/4 = 0.4175. D1 (8 ≥, 1 ≥) Key strength; D2 (3.2 <, 0.986 ≥) Key weakness;
   * D3 (8 ≥, −0.316 <) Secondary strength; D4 (2 <, 0 <) Secondary weakness. D5's mean does not
   * count in the average of means: it has no quadrant to place.
   * (FUNCTIONS.md changed the crosshairs from the medians — 5.6 and 0.4932 here, the same quadrants —
   * to the averages; the test below shows a table where the two rules disagree.)
   */
  const table: (number | null)[][] = [
    [6, 1, 9, 3, 0],
    [7, 2, 7, 1, null],
    [8, 3, 9, 2, null],
    [9, 4, 7, 1, null],
    [10, 6, 8, 3, 0],
    [8, null, null, null, null],
  ];
  const outcome = [1, 2, 3, 4, 5, null];
  const grid = (lines: (number | null)[][]): RatingGrid => ({
    rows: lines.length,
    columns: lines[0].length,
    values: lines.flat(),
  });

  it('puts one driver in each quadrant (hand-checked above)', () => {
    const drivers = keyDrivers(grid(table), outcome);
    expect(drivers.map((d) => d.quadrant)).toEqual([
      'keyStrength',
      'keyWeakness',
      'secondaryStrength',
      'secondaryWeakness',
      undefined,
    ]);
    expect(drivers.map((d) => d.mean)).toEqual([8, 3.2, 8, 2, 0].map((m) => expect.closeTo(m, 12)));
    const r = drivers.map((d) => d.correlation);
    expect(r[0]).toBeCloseTo(1, 12);
    expect(r[1]).toBeCloseTo(12 / Math.sqrt(148), 12);
    expect(r[2]).toBeCloseTo(-2 / Math.sqrt(40), 12);
    expect(r[3]).toBeCloseTo(0, 12);
    expect(r[4]).toBeUndefined();
  });

  it('a driver without variance has no correlation; an unanswered driver has no mean', () => {
    const drivers = keyDrivers(
      grid([
        [5, null, 1],
        [5, null, 2],
        [5, null, 3],
      ]),
      [1, 2, 3],
    );
    expect(drivers[0]).toEqual({ mean: 5, correlation: undefined, quadrant: undefined });
    expect(drivers[1]).toEqual({ mean: undefined, correlation: undefined, quadrant: undefined });
    // The only correlated driver sits on both averages: Key strength.
    expect(drivers[2].quadrant).toBe('keyStrength');
  });

  it('quadrants split at the averages, not the medians (FUNCTIONS.md): with four drivers medians always split 2–2', () => {
    // Outcome 1…5. Each driver = a level + a pattern whose correlation with the outcome is known:
    //   D1 = 3 + (−2, −1, 0, 1, 2) = 1,2,3,4,5:   mean 3, r = 1
    //   D2 = 2 + (−1, −1, 0, 1, 1) = 1,1,2,3,3:   mean 2, Sxy = 6, Sxx = 4, Syy = 10 → r = 6/√40 = 0.9487
    //   D3 = 4 + (1, −1, 0, −1, 1) = 5,3,4,3,5:   mean 4, r = 0
    //   D4 = 9 + (1, −1, 1, −1, 0) = 10,8,10,8,9: mean 9, Sxy = −2, Sxx = 4 → r = −2/√40 = −0.3162
    // Averages: means 18/4 = 4.5, correlations (1 + 0.9487 + 0 − 0.3162)/4 = 0.4081.
    //   D1 (3 <, 1 ≥) and D2 (2 <, 0.95 ≥) Key weakness; D3 (4 <, 0 <) Secondary weakness; D4 (9 ≥, −0.32 <)
    //   Secondary strength. Only one driver is above the average mean: D4 is far ahead of the others.
    // Medians (the old rule) would be 3.5 and 0.4743: D3 (4 ≥ 3.5) would have been a Secondary strength.
    const drivers = keyDrivers(
      grid([
        [1, 1, 5, 10],
        [2, 1, 3, 8],
        [3, 2, 4, 10],
        [4, 3, 3, 8],
        [5, 3, 5, 9],
      ]),
      [1, 2, 3, 4, 5],
    );
    expect(drivers.map((d) => d.mean)).toEqual([3, 2, 4, 9].map((m) => expect.closeTo(m, 12)));
    expect(drivers[1].correlation).toBeCloseTo(6 / Math.sqrt(40), 12);
    expect(drivers[3].correlation).toBeCloseTo(-2 / Math.sqrt(40), 12);
    expect(drivers.map((d) => d.quadrant)).toEqual([
      'keyWeakness',
      'keyWeakness',
      'secondaryWeakness',
      'secondaryStrength',
    ]);
  });

  it('direction −1 reverses a column over its observed scale: rating → min + max − rating', () => {
    // Column 2 ("likelihood to switch", lower is better): 2, 4, 3, 6 and 1 in a row without outcome.
    // Observed scale 1…6 (the 1 is in the row without outcome, and still sets the scale) → reversed
    // 5, 3, 4, 1, 6: mean 19/5 = 3.8 = 7 − 16/5. Its correlation with the outcome 10, 8, 6, 4 flips sign:
    //   raw x̄ = 15/4 over the 4 paired rows; centred −1.75, 0.25, −0.75, 2.25; y centred 3, 1, −1, −3:
    //   Sxy = −5.25 + 0.25 + 0.75 − 6.75 = −11, Sxx = 3.0625 + 0.0625 + 0.5625 + 5.0625 = 8.75, Syy = 20
    //   → r = −11/√175 = −0.8315 raw, +0.8315 reversed.
    // Reversed, the averages are (3.5 + 3.8)/2 = 3.65 and (1 + 0.8315)/2 = 0.9157: column 1 (3.5 <, 1 ≥) is a
    // Key weakness, column 2 (3.8 ≥, 0.83 <) a Secondary strength.
    const table = grid([
      [5, 2],
      [4, 4],
      [3, 3],
      [2, 6],
      [null, 1],
    ]);
    const outcome = [10, 8, 6, 4, null];
    const plain = keyDrivers(table, outcome);
    const reversed = keyDrivers(table, outcome, [1, -1]);
    expect(plain[1].mean).toBeCloseTo(16 / 5, 12);
    expect(plain[1].correlation).toBeCloseTo(-11 / Math.sqrt(175), 12);
    expect(reversed[1].mean).toBeCloseTo(19 / 5, 12);
    expect(reversed[1].correlation).toBeCloseTo(11 / Math.sqrt(175), 12);
    // Column 1's mean and correlation are untouched; its quadrant is relative to the other driver's.
    expect([reversed[0].mean, reversed[0].correlation]).toEqual([plain[0].mean, plain[0].correlation]);
    expect(plain.map((d) => d.quadrant)).toEqual(['keyStrength', 'secondaryWeakness']);
    expect(reversed.map((d) => d.quadrant)).toEqual(['keyWeakness', 'secondaryStrength']);
    expect(keyDrivers(table, outcome, [1, 1])).toEqual(plain);
  });

  it('directions: one per column, each 1 or −1', () => {
    const table = grid([
      [1, 2],
      [2, 3],
      [3, 1],
    ]);
    expect(codeOf(() => keyDrivers(table, [1, 2, 3], [1]))).toBe('countMismatch');
    expect(refusalIn('KEY_DRIVERS', () => keyDrivers(table, [1, 2, 3], [1, -1, 1]))).toBe(
      'KEY_DRIVERS: directions has 3 values but driver_ratings has 2 columns; give one per column.',
    );
    expect(codeOf(() => keyDrivers(table, [1, 2, 3], [1, 0]))).toBe('notDirection');
    expect(codeOf(() => keyDrivers(table, [1, 2, 3], [-2, 1]))).toBe('notDirection');
  });

  it('property: direction −1 is the same as typing the reversed column with direction 1', () => {
    const rows = fc.array(
      fc.tuple(
        fc.option(fc.integer({ min: 1, max: 7 }), { nil: null, freq: 5 }),
        fc.option(fc.integer({ min: 1, max: 7 }), { nil: null, freq: 5 }),
        fc.option(fc.integer({ min: 0, max: 10 }), { nil: null, freq: 6 }),
      ),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(rows, (list) => {
        const second = list.map((r) => r[1]).filter((x): x is number => x !== null);
        const low = Math.min(...second);
        const high = Math.max(...second);
        const outcome = list.map((r) => r[2]);
        const reversed = keyDrivers(grid(list.map((r) => [r[0], r[1]])), outcome, [1, -1]);
        const typed = keyDrivers(grid(list.map((r) => [r[0], r[1] === null ? null : low + high - r[1]])), outcome);
        expect(reversed.map((d) => d.quadrant)).toEqual(typed.map((d) => d.quadrant));
        reversed.forEach((d, c) => {
          if (d.mean === undefined) expect(typed[c].mean).toBeUndefined();
          else expect(d.mean).toBeCloseTo(typed[c].mean as number, 12);
          if (d.correlation === undefined) expect(typed[c].correlation).toBeUndefined();
          else expect(d.correlation).toBeCloseTo(typed[c].correlation as number, 12);
        });
      }),
    );
  });

  const surveys = fc.integer({ min: 1, max: 5 }).chain((columns) =>
    fc.array(
      fc.tuple(
        fc.array(fc.option(fc.integer({ min: 1, max: 10 }), { nil: null, freq: 5 }), {
          minLength: columns,
          maxLength: columns,
        }),
        fc.option(fc.integer({ min: 0, max: 10 }), { nil: null, freq: 6 }),
      ),
      { minLength: 1, maxLength: 40 },
    ),
  );

  it('property: correlations in [−1, 1]; row order changes nothing', () => {
    fc.assert(
      fc.property(surveys, fc.integer(), (rows, seed) => {
        const drivers = keyDrivers(
          grid(rows.map((r) => r[0])),
          rows.map((r) => r[1]),
        );
        for (const d of drivers) {
          if (d.correlation === undefined) {
            expect(d.quadrant).toBeUndefined();
            continue;
          }
          expect(d.correlation).toBeGreaterThanOrEqual(-1);
          expect(d.correlation).toBeLessThanOrEqual(1);
          expect(d.quadrant).toBeDefined();
        }
        const other = shuffled(rows, seed);
        const again = keyDrivers(
          grid(other.map((r) => r[0])),
          other.map((r) => r[1]),
        );
        expect(again.map((d) => d.quadrant)).toEqual(drivers.map((d) => d.quadrant));
        again.forEach((d, c) => {
          if (d.mean === undefined) expect(drivers[c].mean).toBeUndefined();
          else expect(d.mean).toBeCloseTo(drivers[c].mean as number, 9);
          if (d.correlation === undefined) expect(drivers[c].correlation).toBeUndefined();
          else expect(d.correlation).toBeCloseTo(drivers[c].correlation as number, 9);
        });
      }),
    );
  });
});

describe('satisfaction trend', () => {
  it('worked example: A falls, B rises, C has one answer and is left out', () => {
    // A: day 0 → 8, day 30 → 6, day 60 → 5. Previous 6, latest 5, change −1.
    //    x̄ = 30, ȳ = 19/3; Sxy = (−30)(8 − 19/3) + 0 + 30(5 − 19/3) = 30·(5 − 8) = −90; Sxx = 1800;
    //    slope −0.05 per day → −1.5 per 30 days.
    // B: day 0 → 5, day 60 → 9: change 4, slope 4/60·30 = 2.
    const trends = satisfactionTrend(['A', 'B', 'A', 'B', 'A', 'C'], [0, 0, 30, 60, 60, 31], [8, 5, 6, 9, 5, 7]);
    expect(trends.map((t) => t.customer)).toEqual(['A', 'B']);
    expect(trends[0]).toMatchObject({ customer: 'A', responses: 3, previous: 6, latest: 5, change: -1 });
    expect(trends[0].slopePer30Days).toBeCloseTo(-1.5, 12);
    expect(trends[1]).toMatchObject({ customer: 'B', responses: 2, previous: 5, latest: 9, change: 4 });
    expect(trends[1].slopePer30Days).toBeCloseTo(2, 12);
  });

  it('orders by date, not by sheet order; same-day answers keep their sheet order and have no slope', () => {
    // Sheet order 9 (day 50), 3 (day 10): by date 3 then 9 → previous 3, latest 9.
    expect(satisfactionTrend(['X', 'X'], [50, 10], [9, 3])[0]).toMatchObject({ previous: 3, latest: 9, change: 6 });
    // Same day: the lower row counts as later → previous 9, latest 3; all on one day → no slope.
    expect(satisfactionTrend(['X', 'X'], [10, 10], [9, 3])[0]).toEqual({
      customer: 'X',
      responses: 2,
      previous: 9,
      latest: 3,
      change: -6,
      slopePer30Days: undefined,
    });
  });

  it('ties on change are sorted by customer id', () => {
    const trends = satisfactionTrend(['b', 'a', 'b', 'a', 'c', 'c'], [1, 1, 2, 2, 1, 2], [5, 5, 4, 4, 1, 9]);
    expect(trends.map((t) => [t.customer, t.change])).toEqual([
      ['a', -1],
      ['b', -1],
      ['c', 8],
    ]);
  });

  const history = fc.uniqueArray(
    fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 10 })),
    {
      selector: (t) => `${t[0]}/${t[1]}`,
      minLength: 1,
      maxLength: 60,
    },
  );

  it('property: sorted by change, changes match the answers, row order changes nothing (distinct days)', () => {
    fc.assert(
      fc.property(history, fc.integer(), (rows, seed) => {
        const trends = satisfactionTrend(
          rows.map((r) => r[0]),
          rows.map((r) => r[1]),
          rows.map((r) => r[2]),
        );
        for (let k = 1; k < trends.length; k++) {
          const a = trends[k - 1];
          const b = trends[k];
          expect(a.change < b.change || (a.change === b.change && a.customer < b.customer)).toBe(true);
        }
        for (const t of trends) {
          const own = rows.filter((r) => r[0] === t.customer).sort((x, y) => x[1] - y[1]);
          expect(t.responses).toBe(own.length);
          expect([t.previous, t.latest]).toEqual([own[own.length - 2][2], own[own.length - 1][2]]);
          expect(t.change).toBe(t.latest - t.previous);
        }
        const other = shuffled(rows, seed);
        const again = satisfactionTrend(
          other.map((r) => r[0]),
          other.map((r) => r[1]),
          other.map((r) => r[2]),
        );
        expect(again.map(({ slopePer30Days, ...rest }) => rest)).toEqual(
          trends.map(({ slopePer30Days, ...rest }) => rest),
        );
        again.forEach((t, k) => expect(t.slopePer30Days).toBeCloseTo(trends[k].slopePer30Days as number, 9));
      }),
    );
  });
});
