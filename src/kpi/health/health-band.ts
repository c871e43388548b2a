/**
 * Health band of a score: poor, average or good.
 */
import { refuse } from '../domain-error';

/** Bands of a health score. */
export type HealthBand = 'poor' | 'average' | 'good';

/**
 * Band of a score: below `poorBelow` poor, from `goodFrom` good, average in between. Refuses
 * `poorBelow` > `goodFrom` (`poorAboveGood`).
 *
 * @example healthBand(62) // 'average'
 */
export function healthBand(score: number, poorBelow = 50, goodFrom = 75): HealthBand {
  if (poorBelow > goodFrom) refuse({ code: 'poorAboveGood', poorBelow, goodFrom });
  return score < poorBelow ? 'poor' : score >= goodFrom ? 'good' : 'average';
}
