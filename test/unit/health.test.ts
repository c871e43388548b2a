/**
 * Customer health maths: percentile ranks, health score and band.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { healthBand } from '../../src/kpi/health/health-band';
import { healthScores } from '../../src/kpi/health/health-score';
import { percentileRanks } from '../../src/kpi/health/percentile-rank';
import { refusalIn } from '../support/kpi-errors';

describe('percentile ranks', () => {
  it('hand-checked with ties: [5, 3, –, 3, 1] → ranks 4, 2.5, –, 2.5, 1 of n = 4 → (r − 1)/3', () => {
    expect(percentileRanks([5, 3, null, 3, 1])).toEqual([1, 0.5, null, 0.5, 0]);
  });

  it('a single value is 0.5; all equal values share the middle', () => {
    expect(percentileRanks([null, 7])).toEqual([null, 0.5]);
    expect(percentileRanks([2, 2, 2])).toEqual([0.5, 0.5, 0.5]);
    expect(percentileRanks([null])).toEqual([null]);
  });

  it('property: ranks in [0, 1], mean 0.5, monotone in the value', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 2, maxLength: 60 }), (values) => {
        const ranks = percentileRanks(values) as number[];
        const mean = ranks.reduce((a, b) => a + b, 0) / ranks.length;
        expect(mean).toBeCloseTo(0.5, 9); // average ranks sum to n(n+1)/2 whatever the ties
        values.forEach((v, i) => {
          expect(ranks[i]).toBeGreaterThanOrEqual(0);
          expect(ranks[i]).toBeLessThanOrEqual(1);
          values.forEach((w, j) => {
            if (v < w) expect(ranks[i]).toBeLessThan(ranks[j]);
            if (v === w) expect(ranks[i]).toBe(ranks[j]);
          });
        });
      }),
    );
  });

  it('property: a value ranks as the average of the 1-based ranks its ties hold, less one, over n − 1', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }), { maxLength: 60 }), (values) => {
        const present = values.filter((v): v is number => v !== null);
        const n = present.length;
        const expected = values.map((v) => {
          if (v === null) return null;
          if (n === 1) return 0.5;
          const below = present.filter((w) => w < v).length;
          const ties = present.filter((w) => w === v).length;
          const averageRank = below + (ties + 1) / 2; // ranks below + 1 … below + ties
          return (averageRank - 1) / (n - 1);
        });
        expect(percentileRanks(values)).toEqual(expected);
      }),
    );
  });
});

describe('health score', () => {
  /*
   * Hand-checked, with ties and a missing signal. Signals: orders (more is healthier, weight 2),
   * open tickets (fewer is healthier, weight 1).
   *   orders  A 5, B 3, C 3, D 1 → ranks 4, 2.5, 2.5, 1 (n 4) → 1, 0.5, 0.5, 0
   *   tickets A 0, B 2, C 1, D – → ranks 1, 3, 2 (n 3)       → 0, 1, 0.5 → flipped 1, 0, 0.5
   *   A (2·1 + 1·1)/3 = 1 → 100; B (2·0.5 + 0)/3 → 33.33; C (2·0.5 + 0.5)/3 = 0.5 → 50;
   *   D only orders: 0 → 0.
   */
  it('hand-checked with ties, a flipped signal and a missing value', () => {
    const scores = healthScores(
      [
        [5, 0],
        [3, 2],
        [3, 1],
        [1, null],
      ],
      [2, 1],
      [1, -1],
    ) as number[];
    expect(scores[0]).toBeCloseTo(100, 10);
    expect(scores[1]).toBeCloseTo(100 / 3, 10);
    expect(scores[2]).toBeCloseTo(50, 10);
    expect(scores[3]).toBeCloseTo(0, 10);
  });

  it('a row with no signal is null; a single customer scores 50', () => {
    expect(
      healthScores(
        [
          [1, 2],
          [null, null],
        ],
        [1, 1],
      ),
    ).toEqual([50, null]);
    expect(healthScores([[4, 9]], [1, 3], [1, -1])).toEqual([50]);
  });

  it('rejects weights or directions that do not match the columns, and bad values', () => {
    expect(refusalIn('HEALTH_SCORE', () => healthScores([[1, 2]], [1]))).toContain(
      'HEALTH_SCORE: weights has 1 values but metrics has 2 columns; give one per column.',
    );
    expect(refusalIn('HEALTH_SCORE', () => healthScores([[1, 2]], [1, 1], [1]))).toContain(
      'HEALTH_SCORE: directions has 1 values but metrics has 2 columns',
    );
    expect(refusalIn('HEALTH_SCORE', () => healthScores([[1, 2]], [1, 1], [1, 0]))).toContain(
      'HEALTH_SCORE: directions is 0; each direction must be 1 (more is better) or -1',
    );
    expect(refusalIn('HEALTH_SCORE', () => healthScores([[1, 2]], [0, 0]))).toContain(
      'HEALTH_SCORE: weights is 0; at least one weight must be above 0',
    );
    expect(refusalIn('HEALTH_SCORE', () => healthScores([[1, 2]], [1, -1]))).toContain(
      'HEALTH_SCORE: weights is -1; weights must be 0 or more',
    );
  });

  const grids = fc.integer({ min: 1, max: 4 }).chain((columns) =>
    fc.tuple(
      fc.array(
        fc.array(fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }), {
          minLength: columns,
          maxLength: columns,
        }),
        { minLength: 1, maxLength: 30 },
      ),
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: columns, maxLength: columns }),
      fc.array(fc.constantFrom(1, -1), { minLength: columns, maxLength: columns }),
    ),
  );

  it('property: scores in [0, 100], null only for rows with no signal, row order never matters', () => {
    fc.assert(
      fc.property(grids, fc.integer(), ([metrics, weights, directions], seed) => {
        const scores = healthScores(metrics, weights, directions);
        scores.forEach((score, r) => {
          if (metrics[r].every((v) => v === null)) expect(score).toBeNull();
          else {
            expect(score).toBeGreaterThanOrEqual(0);
            expect(score).toBeLessThanOrEqual(100 + 1e-9);
          }
        });
        const order = metrics
          .map((_, i) => ({ i, k: Math.sin(seed + i) }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.i);
        const shuffled = healthScores(
          order.map((i) => metrics[i]),
          weights,
          directions,
        );
        order.forEach((i, k) =>
          scores[i] === null ? expect(shuffled[k]).toBeNull() : expect(shuffled[k]).toBeCloseTo(scores[i]!, 9),
        );
      }),
    );
  });

  it('property: flipping a direction mirrors a single-signal score around 50', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 40 }), (values) => {
        const up = healthScores(
          values.map((v) => [v]),
          [1],
          [1],
        ) as number[];
        const down = healthScores(
          values.map((v) => [v]),
          [1],
          [-1],
        ) as number[];
        up.forEach((score, i) => expect(score + down[i]).toBeCloseTo(100, 9));
      }),
    );
  });

  it('100 000 customers × 3 signals in well under a second (n log n per column)', () => {
    const metrics = Array.from({ length: 100_000 }, (_, i) => [
      (i * 7919) % 1000,
      (i * 104729) % 97,
      i % 13 === 0 ? null : (i * 31) % 50,
    ]);
    const t0 = performance.now();
    const scores = healthScores(metrics, [3, 2, 1], [1, -1, 1]);
    expect(performance.now() - t0).toBeLessThan(800);
    expect(scores).toHaveLength(100_000);
  });
});

describe('health band', () => {
  it('Poor below 50, Good from 75, Average between (boundaries included as documented)', () => {
    expect([0, 49.99, 50, 74.99, 75, 100].map((s) => healthBand(s))).toEqual([
      'poor',
      'poor',
      'average',
      'average',
      'good',
      'good',
    ]);
    expect(healthBand(60, 40, 60)).toBe('good');
    expect(healthBand(60, 60, 60)).toBe('good');
    expect(healthBand(59, 60, 60)).toBe('poor');
  });

  it('poor_below above good_from is an error', () => {
    expect(refusalIn('HEALTH_BAND', () => healthBand(50, 80, 70))).toContain(
      'HEALTH_BAND: poor_below is 80; it must not be above good_from (70)',
    );
  });

  it('property: the band never falls as the score rises', () => {
    const level = { poor: 0, average: 1, good: 2 };
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(level[healthBand(low)]).toBeLessThanOrEqual(level[healthBand(high)]);
        },
      ),
    );
  });
});
