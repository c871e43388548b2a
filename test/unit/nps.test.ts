import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csatShare } from '../../src/kpi/survey/csat';
import {
  npsCategory,
  npsConfidenceInterval,
  npsCounts,
  npsMarginOfError,
  npsOfCounts,
  npsStandardError,
} from '../../src/kpi/survey/nps';
import { normalCdf, normalQuantile, twoSidedZ } from '../../src/kpi/stats/normal';

/** n answers: `promoters` 10s, `detractors` 0s, the rest 8s. */
function answers(n: number, promoters: number, detractors: number): number[] {
  return [...Array(promoters).fill(10), ...Array(detractors).fill(0), ...Array(n - promoters - detractors).fill(8)];
}

describe('NPS maths', () => {
  it('FUNCTIONS.md worked example: n=1000, 250 promoters, 75 detractors → NPS 17.5, 95 % CI 14.1 … 20.9', () => {
    const counts = npsCounts(answers(1000, 250, 75));
    expect(counts).toEqual({ promoters: 250, passives: 675, detractors: 75, responses: 1000 });
    expect(npsOfCounts(counts)).toBeCloseTo(17.5, 10);
    const [low, high] = npsConfidenceInterval(counts);
    expect(low).toBeCloseTo(14.1, 1);
    expect(high).toBeCloseTo(20.9, 1);
    // SE from the multinomial variance: 100·√((0.325 − 0.175²)/1000)
    expect(npsStandardError(counts)).toBeCloseTo(100 * Math.sqrt((0.325 - 0.175 ** 2) / 1000), 12);
  });

  it('groups answers as Bain defines them: 9–10 promoters, 7–8 passives, 0–6 detractors', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsCategory)).toEqual([
      'detractor',
      'detractor',
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
    expect(npsCounts([10, 9, 9, 8, 7, 6, 3, 10])).toEqual({ promoters: 4, passives: 2, detractors: 2, responses: 8 });
  });

  it('all promoters is +100 with a zero-width interval, all detractors −100', () => {
    expect(npsOfCounts(npsCounts([9, 10, 10]))).toBe(100);
    expect(npsOfCounts(npsCounts([0, 1, 6]))).toBe(-100);
    expect(npsConfidenceInterval(npsCounts([9, 10]))).toEqual([100, 100]);
  });

  it('property: NPS lies in [−100, 100] and the interval inside it, around the NPS', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (scores, confidence) => {
          const counts = npsCounts(scores);
          const nps = npsOfCounts(counts);
          const [low, high] = npsConfidenceInterval(counts, confidence);
          expect(nps).toBeGreaterThanOrEqual(-100);
          expect(nps).toBeLessThanOrEqual(100);
          expect(low).toBeGreaterThanOrEqual(-100);
          expect(high).toBeLessThanOrEqual(100);
          expect(low).toBeLessThanOrEqual(nps + 1e-9);
          expect(high).toBeGreaterThanOrEqual(nps - 1e-9);
        },
      ),
    );
  });

  it('property: the order of answers never changes the counts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 200 }),
        fc.integer(),
        (scores, seed) => {
          const shuffled = scores
            .map((s, i) => ({ s, k: Math.sin(seed + i) }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.s);
          expect(npsCounts(shuffled)).toEqual(npsCounts(scores));
        },
      ),
    );
  });

  it('a larger confidence gives a wider margin', () => {
    const counts = npsCounts(answers(200, 80, 40));
    expect(npsMarginOfError(counts, 0.99)).toBeGreaterThan(npsMarginOfError(counts, 0.95));
    expect(npsMarginOfError(counts, 0.95)).toBeGreaterThan(npsMarginOfError(counts, 0.9));
  });
});

describe('CSAT maths', () => {
  it('counts the top-2-box of a 1–5 scale', () => {
    expect(csatShare([5, 4, 3, 5, 2, 4], 4)).toBeCloseTo(4 / 6, 12);
    expect(csatShare([1, 2, 3], 4)).toBe(0);
  });

  it('property: CSAT is a share in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1 }),
        fc.integer({ min: 1, max: 5 }),
        (ratings, min) => {
          const share = csatShare(ratings, min);
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('normal distribution', () => {
  it('matches published quantiles of the standard normal', () => {
    // Abramowitz & Stegun table 26.5 / R's qnorm
    expect(twoSidedZ(0.95)).toBeCloseTo(1.959963984540054, 12);
    expect(twoSidedZ(0.99)).toBeCloseTo(2.5758293035489, 12);
    expect(twoSidedZ(0.9)).toBeCloseTo(1.6448536269514722, 12);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 10);
    expect(normalCdf(0)).toBeCloseTo(0.5, 15);
    expect(normalCdf(-1.959963984540054)).toBeCloseTo(0.025, 12);
    // deep tail: relative accuracy (R: pnorm(-8) = 6.220960574271785e-16)
    expect(normalCdf(-8) / 6.220960574271785e-16).toBeCloseTo(1, 7);
  });

  it('property: the quantile inverts the cumulative probability', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 12);
      }),
    );
  });
});
