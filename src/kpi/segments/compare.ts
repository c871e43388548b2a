/**
 * KPIs by segment (plan, channel, country…): each segment compared with the rest of the customers
 * (every other segment pooled), with a significance test per segment and Holm's correction across
 * the segments of one KPI, so that a table of many segments does not mark differences that are only
 * noise.
 *
 * Tests: the pooled two-proportion z-test for rates (churn, repeat rate), Welch's t-test for means
 * (revenue per customer, average order value, CSAT mean), NPS_CHANGE's z-test for NPS. A segment
 * `differs` when its Holm-adjusted p-value is ≤ α (5 % by default).
 */
import { refuse } from '../domain-error';
import { holmAdjust } from '../stats/holm';
import { twoProportionZTest } from '../stats/proportions';
import { welchTTest } from '../stats/welch';
import { type NpsCounts, npsOfCounts } from '../survey/nps';
import { npsChange } from '../survey/nps-change';

/** A rate of one segment: `successes` of `trials` (churned of customers at start, repeat of customers…). */
export interface RateSample {
  segment: string;
  successes: number;
  trials: number;
}

/** The values of one segment whose mean is compared (revenue per customer, order values, CSAT ratings…). */
export interface MeanSample {
  segment: string;
  values: ArrayLike<number>;
}

/** The NPS answers of one segment, counted. */
export interface NpsSample {
  segment: string;
  counts: NpsCounts;
}

/** One segment against the rest, for one KPI. */
export interface SegmentComparison {
  segment: string;
  /** The segment's sample size: trials, values or responses. */
  n: number;
  /** The segment's KPI (a fraction, a mean, or NPS points); `null` when n is 0. */
  value: number | null;
  /** The rest's sample size (every other segment pooled). */
  restN: number;
  /** The rest's KPI; `null` when restN is 0. */
  rest: number | null;
  /** value − rest; `null` when either is. */
  difference: number | null;
  /** Two-sided p-value of the segment-vs-rest test; `null` when no test can be made (see each function). */
  pValue: number | null;
  /** Holm-adjusted p-value across the segments of this KPI that have a test; `null` without a test. */
  adjustedPValue: number | null;
  /** True when adjustedPValue ≤ α: the segment differs from the rest after the correction. */
  differs: boolean;
}

/** Significance level of the segment marks. */
export const SEGMENT_ALPHA = 0.05;

/**
 * Each segment's rate against the rest's: p = successes ÷ trials, the rest pooling every other
 * segment's successes and trials, tested with the pooled two-proportion z-test (difference =
 * segment − rest), then Holm-adjusted across the segments. No test (`null`) when the segment or the
 * rest has fewer than 2 trials, or when every trial of both is a success or every one a failure (no
 * variance: the test would say nothing). Refuses negative counts (`negative`, inputs `successes`
 * and `trials`, with the segment's index); more successes than trials is a caller bug (`RangeError`).
 * O(s log s) for s segments.
 *
 * Source: see {@link twoProportionZTest} and {@link holmAdjust}.
 *
 * @example compareRates([{ segment: 'A', successes: 5, trials: 83 }, { segment: 'B', successes: 12, trials: 99 }])
 * // A: value 0.0602, rest 0.1212, difference −0.0610, pValue 0.1592 (statsmodels' 5/83 vs 12/99), adjusted 0.3184
 */
export function compareRates(samples: readonly RateSample[], alpha = SEGMENT_ALPHA): SegmentComparison[] {
  checkAlpha(alpha);
  let successes = 0;
  let trials = 0;
  samples.forEach((s, index) => {
    if (!(s.successes >= 0)) refuse({ code: 'negative', input: 'successes', value: s.successes, index });
    if (!(s.trials >= 0)) refuse({ code: 'negative', input: 'trials', value: s.trials, index });
    if (s.successes > s.trials) throw new RangeError(`compareRates: ${s.successes} successes of ${s.trials} trials`);
    successes += s.successes;
    trials += s.trials;
  });
  const rows = samples.map((s) => {
    const restSuccesses = successes - s.successes;
    const restTrials = trials - s.trials;
    const value = s.trials > 0 ? s.successes / s.trials : null;
    const rest = restTrials > 0 ? restSuccesses / restTrials : null;
    const pooled = trials > 0 ? successes / trials : 0;
    const testable = s.trials >= 2 && restTrials >= 2 && pooled > 0 && pooled < 1;
    const pValue = testable ? twoProportionZTest(restSuccesses, restTrials, s.successes, s.trials).pValue : null;
    return comparison(s.segment, s.trials, value, restTrials, rest, pValue);
  });
  return withHolm(rows, alpha);
}

/**
 * Each segment's mean against the rest's (every other segment's values pooled), tested with Welch's
 * t-test (difference = segment − rest), then Holm-adjusted across the segments. No test (`null`)
 * when the segment or the rest has fewer than 2 values, or when neither varies (every value of both
 * equal within each: no noise to judge a difference against). Values must be finite (`RangeError`,
 * a caller bug). O(s · N) for s segments and N values (the rest is copied once per segment).
 *
 * Source: see {@link welchTTest} and {@link holmAdjust}.
 *
 * @example compareMeans([{ segment: 'A', values: A1 }, { segment: 'B', values: A2 }]) // Wikipedia's Welch example:
 *   A: difference −2.1667, pValue 0.021378 for both segments, adjusted 0.042756: both differ at 5 %
 */
export function compareMeans(samples: readonly MeanSample[], alpha = SEGMENT_ALPHA): SegmentComparison[] {
  checkAlpha(alpha);
  const offsets = [0];
  for (const s of samples) offsets.push(offsets[offsets.length - 1] + s.values.length);
  const total = offsets[samples.length];
  const all = new Float64Array(total);
  samples.forEach((s, k) => {
    for (let i = 0; i < s.values.length; i++) {
      const v = s.values[i];
      if (!Number.isFinite(v)) throw new RangeError(`compareMeans: value ${v} of segment ${s.segment} is not finite`);
      all[offsets[k] + i] = v;
    }
  });
  const rest = new Float64Array(total);
  const rows = samples.map((s, k) => {
    const mine = all.subarray(offsets[k], offsets[k + 1]);
    const others = rest.subarray(0, total - mine.length);
    others.set(all.subarray(0, offsets[k]));
    others.set(all.subarray(offsets[k + 1]), offsets[k]);
    const value = mine.length ? meanOf(mine) : null;
    const restMean = others.length ? meanOf(others) : null;
    let pValue: number | null = null;
    if (mine.length >= 2 && others.length >= 2) {
      const test = welchTTest(others, mine);
      if (test.t !== undefined) pValue = test.pValue;
    }
    return comparison(s.segment, mine.length, value, others.length, restMean, pValue);
  });
  return withHolm(rows, alpha);
}

/**
 * Each segment's NPS against the rest's (every other segment's answers pooled), tested as
 * `NPS_CHANGE` tests a change, z = Δ ÷ √(SE_rest² + SE_segment²) (difference = segment − rest, in
 * points), then Holm-adjusted across the segments. No test (`null`) when the segment or the rest has
 * fewer than 2 responses, or when both standard errors are 0 (each all promoters, all passives or
 * all detractors: no variance). Refuses negative counts (`negative`, input `counts`). O(s log s).
 *
 * Source: see {@link npsChange} and {@link holmAdjust}.
 *
 * @example compareNps([{ segment: 'A', counts: { promoters: 2, passives: 0, detractors: 2, responses: 4 } },
 *   { segment: 'B', counts: { promoters: 3, passives: 1, detractors: 0, responses: 4 } }])
 * // A: value 0, rest 75, difference −75, pValue 0.1687 (NPS_CHANGE's example); adjusted 0.3374 for both
 */
export function compareNps(samples: readonly NpsSample[], alpha = SEGMENT_ALPHA): SegmentComparison[] {
  checkAlpha(alpha);
  const total: NpsCounts = { promoters: 0, passives: 0, detractors: 0, responses: 0 };
  samples.forEach((s, index) => {
    const c = s.counts;
    for (const key of ['promoters', 'passives', 'detractors'] as const) {
      if (!(c[key] >= 0)) refuse({ code: 'negative', input: 'counts', value: c[key], index });
      total[key] += c[key];
    }
    if (c.responses !== c.promoters + c.passives + c.detractors) {
      throw new RangeError(`compareNps: responses of segment ${s.segment} are not promoters + passives + detractors`);
    }
  });
  total.responses = total.promoters + total.passives + total.detractors;
  const rows = samples.map((s) => {
    const mine = s.counts;
    const others: NpsCounts = {
      promoters: total.promoters - mine.promoters,
      passives: total.passives - mine.passives,
      detractors: total.detractors - mine.detractors,
      responses: total.responses - mine.responses,
    };
    const value = mine.responses > 0 ? npsOfCounts(mine) : null;
    const rest = others.responses > 0 ? npsOfCounts(others) : null;
    let pValue: number | null = null;
    if (mine.responses >= 2 && others.responses >= 2 && !(constant(mine) && constant(others))) {
      pValue = npsChange(others, mine).pValue;
    }
    return comparison(s.segment, mine.responses, value, others.responses, rest, pValue);
  });
  return withHolm(rows, alpha);
}

/** Whether every answer is in one group (the NPS standard error is then 0). */
function constant(c: NpsCounts): boolean {
  return c.promoters === c.responses || c.passives === c.responses || c.detractors === c.responses;
}

function comparison(
  segment: string,
  n: number,
  value: number | null,
  restN: number,
  rest: number | null,
  pValue: number | null,
): SegmentComparison {
  const difference = value !== null && rest !== null ? value - rest : null;
  return { segment, n, value, restN, rest, difference, pValue, adjustedPValue: null, differs: false };
}

/** Holm-adjusts the p-values of the rows that have one (m = their number) and marks the differences. */
function withHolm(rows: SegmentComparison[], alpha: number): SegmentComparison[] {
  const tested = rows.filter((r) => r.pValue !== null);
  const adjusted = holmAdjust(tested.map((r) => r.pValue as number));
  tested.forEach((r, i) => {
    r.adjustedPValue = adjusted[i];
    r.differs = adjusted[i] <= alpha;
  });
  return rows;
}

function meanOf(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

function checkAlpha(alpha: number): void {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`segment comparison: alpha ${alpha} outside (0, 1)`);
}
