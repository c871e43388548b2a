/**
 * Grouping per-customer (or per-order, per-answer) values by segment into the samples the segment
 * comparisons take. Segments come out sorted by name (code-unit order), so the row order of the
 * data never changes the table. A blank segment (`''`) is a segment like any other: the caller
 * leaves such rows out or names them.
 */
import { refuse } from '../domain-error';
import { npsCounts } from '../survey/nps';
import type { MeanSample, NpsSample, RateSample } from './compare';

/** Row indexes of each segment, segments sorted by name. */
function groups(segments: ArrayLike<string>, count: number, other: string): [string, number[]][] {
  if (segments.length !== count) {
    refuse({ code: 'lengthMismatch', input: 'segments', other, count: segments.length, otherCount: count });
  }
  const bySegment = new Map<string, number[]>();
  for (let i = 0; i < segments.length; i++) {
    let rows = bySegment.get(segments[i]);
    if (!rows) bySegment.set(segments[i], (rows = []));
    rows.push(i);
  }
  return [...bySegment.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * One {@link MeanSample} per segment from parallel lists (segment of row i, value of row i).
 * Refuses lists of different lengths (`lengthMismatch`, inputs `segments` and `values`). O(n + s log s).
 *
 * @example meanSamplesBySegment(['pro', 'basic', 'pro'], [120, 30, 80])
 * // [{ segment: 'basic', values: [30] }, { segment: 'pro', values: [120, 80] }]
 */
export function meanSamplesBySegment(segments: ArrayLike<string>, values: ArrayLike<number>): MeanSample[] {
  return groups(segments, values.length, 'values').map(([segment, rows]) => ({
    segment,
    values: rows.map((i) => values[i]),
  }));
}

/**
 * One {@link RateSample} per segment from parallel lists (segment of row i, whether row i is a
 * success: churned, repeat buyer…). Refuses lists of different lengths (`lengthMismatch`, inputs
 * `segments` and `outcomes`). O(n + s log s).
 *
 * @example rateSamplesBySegment(['pro', 'basic', 'pro'], [true, false, false])
 * // [{ segment: 'basic', successes: 0, trials: 1 }, { segment: 'pro', successes: 1, trials: 2 }]
 */
export function rateSamplesBySegment(segments: ArrayLike<string>, outcomes: ArrayLike<boolean>): RateSample[] {
  return groups(segments, outcomes.length, 'outcomes').map(([segment, rows]) => ({
    segment,
    successes: rows.reduce((n, i) => n + (outcomes[i] ? 1 : 0), 0),
    trials: rows.length,
  }));
}

/**
 * One {@link NpsSample} per segment from parallel lists (segment of answer i, its 0–10 score, already
 * validated by the caller). Refuses lists of different lengths (`lengthMismatch`, inputs `segments`
 * and `scores`). O(n + s log s).
 *
 * @example npsSamplesBySegment(['es', 'mx', 'es'], [10, 3, 8])
 * // [{ segment: 'es', counts: { promoters: 1, passives: 1, detractors: 0, responses: 2 } }, { segment: 'mx', … }]
 */
export function npsSamplesBySegment(segments: ArrayLike<string>, scores: ArrayLike<number>): NpsSample[] {
  return groups(segments, scores.length, 'scores').map(([segment, rows]) => ({
    segment,
    counts: npsCounts(rows.map((i) => scores[i])),
  }));
}
