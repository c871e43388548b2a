/**
 * Net Promoter Score (Reichheld, "The One Number You Need to Grow", HBR 2003; Bain & Company).
 */
import { twoSidedZ } from '../stats/normal';

/** NPS groups: promoters answer 9–10, passives 7–8, detractors 0–6. */
export type NpsCategory = 'promoter' | 'passive' | 'detractor';

/** Answer counts of an NPS survey. */
export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
  /** All answers: promoters + passives + detractors. */
  responses: number;
}

/** Group of one 0–10 answer. Example: `npsCategory(9)` → `'promoter'`. */
export function npsCategory(score: number): NpsCategory {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

/** Counts promoters, passives and detractors among 0–10 answers. One pass, O(n). */
export function npsCounts(scores: ArrayLike<number>): NpsCounts {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (s >= 9) promoters++;
    else if (s >= 7) passives++;
    else detractors++;
  }
  return { promoters, passives, detractors, responses: promoters + passives + detractors };
}

/**
 * NPS in points: (promoters − detractors) / responses × 100, in −100 … 100.
 * The caller makes sure `responses > 0`.
 *
 * @example npsOfCounts({ promoters: 250, passives: 675, detractors: 75, responses: 1000 }) // 17.5
 */
export function npsOfCounts(counts: NpsCounts): number {
  return ((counts.promoters - counts.detractors) / counts.responses) * 100;
}

/**
 * Standard error of the NPS in points, from the multinomial variance of the score
 * (+1 promoter, 0 passive, −1 detractor): SE = 100·√((p + d − (p − d)²)/n).
 */
export function npsStandardError(counts: NpsCounts): number {
  const p = counts.promoters / counts.responses;
  const d = counts.detractors / counts.responses;
  return 100 * Math.sqrt(Math.max(0, p + d - (p - d) * (p - d)) / counts.responses);
}

/** Half-width of the NPS confidence interval in points: z·SE, z the two-sided normal quantile. */
export function npsMarginOfError(counts: NpsCounts, confidence = 0.95): number {
  return twoSidedZ(confidence) * npsStandardError(counts);
}

/**
 * Confidence interval of the NPS, clamped to −100 … 100.
 *
 * @example npsConfidenceInterval({ promoters: 250, passives: 675, detractors: 75, responses: 1000 }) // [14.14, 20.86]
 */
export function npsConfidenceInterval(counts: NpsCounts, confidence = 0.95): [number, number] {
  const nps = npsOfCounts(counts);
  const margin = npsMarginOfError(counts, confidence);
  return [Math.max(-100, nps - margin), Math.min(100, nps + margin)];
}
