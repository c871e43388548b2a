/**
 * CES through the built bundle against a published worked example. The expected value is the
 * source's own figure, not this code's output.
 *
 * Left out on purpose (the sources' own arithmetic does not hold, so they cannot be asserted):
 * calculator.academy's "4, 5, 6, 7, 7 → sum 24 → 4.8" (the sum is 29: 5.8, which
 * test/bundle/survey-effort.test.ts checks by hand), and CYS's 5-point example on
 * support.cys.group (its counts add up to 1 010, not 1 000, and weigh 3 020, not 2 820).
 */
import { describe, expect, it } from 'vitest';
import { addOn } from '../support/addon';

const { fx } = addOn();

/** A column of answers from counts per rating: `{ 1: 80, 2: 210, … }`. */
function answers(counts: Record<number, number>): number[][] {
  return Object.entries(counts).flatMap(([rating, n]) => Array.from({ length: n }, () => [Number(rating)]));
}

describe('CES: published worked examples', () => {
  it('CYS "CES 7-point scale to average": 1 000 answers weighing 4 080 → 4.08', () => {
    // https://support.cys.group/support/solutions/articles/3000095529-customer-effort-score-7-point-scale-to-average
    const ratings = answers({ 1: 80, 2: 210, 3: 140, 4: 110, 5: 160, 6: 180, 7: 120 });
    expect(ratings).toHaveLength(1000);
    expect(fx.CES(ratings)).toBeCloseTo(4.08, 12); // scale_max 7 and the mean are the defaults
    expect(fx.CES(ratings, 7, 'mean')).toBeCloseTo(4.08, 12);
  });
});
