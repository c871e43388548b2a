/**
 * Health band of a score: Poor, Average or Good.
 */
import { KpiError } from '../../errors/catalogue';

/** Bands of a health score. */
export type HealthBand = 'Poor' | 'Average' | 'Good';

/**
 * Band of a score: below `poorBelow` Poor, from `goodFrom` Good, Average in between.
 *
 * @throws KpiError `BAD_ARGUMENT` (formula `HEALTH_BAND`) when poorBelow > goodFrom.
 * @example healthBand(62) // 'Average'
 */
export function healthBand(score: number, poorBelow = 50, goodFrom = 75): HealthBand {
  if (poorBelow > goodFrom) {
    throw new KpiError(
      'BAD_ARGUMENT',
      { fn: 'HEALTH_BAND', arg: 'poor_below', value: poorBelow },
      { en: `it must not be above good_from (${goodFrom})`, es: `no debe ser mayor que good_from (${goodFrom})` },
    );
  }
  return score < poorBelow ? 'Poor' : score >= goodFrom ? 'Good' : 'Average';
}
