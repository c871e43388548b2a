/**
 * Conversion rate: the share of interactions (visits, leads, trials) that reached a goal.
 */
import { KpiError } from '../../errors/catalogue';

/**
 * Conversion rate = goals ÷ interactions, in 0 … 1. Counts are ≥ 0 (the caller checks signs).
 *
 * @throws KpiError (formula `CONVERSION_RATE`) `DIVISION_BY_ZERO` when interactions is 0;
 *   `INCONSISTENT_COUNTS` when goals > interactions.
 * @example conversionRate(30, 1200) // 0.025
 */
export function conversionRate(goals: number, interactions: number): number {
  if (interactions === 0) {
    throw new KpiError(
      'DIVISION_BY_ZERO',
      { fn: 'CONVERSION_RATE', arg: 'interactions' },
      { en: 'interactions is 0, so nothing could convert', es: 'interactions es 0, así que nada pudo convertir' },
    );
  }
  if (goals > interactions) {
    throw new KpiError(
      'INCONSISTENT_COUNTS',
      { fn: 'CONVERSION_RATE' },
      {
        en: `goals (${goals}) is larger than interactions (${interactions}); each goal comes from an interaction`,
        es: `goals (${goals}) es mayor que interactions (${interactions}); cada objetivo procede de una interacción`,
      },
    );
  }
  return goals / interactions;
}
