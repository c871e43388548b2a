/**
 * Customer health score: a weighted mean of percentile-ranked signals, 0 … 100.
 */
import { KpiError } from '../../errors/catalogue';
import { percentileRanks } from './percentile-rank';

/** Direction of a signal: 1 when more is healthier (orders), −1 when less is (open tickets). */
export type SignalDirection = 1 | -1;

/**
 * Health score of each row of `metrics` (rows = customers, columns = signals), 0 … 100.
 *
 * Each column becomes percentile ranks over its non-null values ({@link percentileRanks});
 * a direction of −1 flips them (1 − rank). A row's score is the weighted mean × 100 of its
 * non-null signals, the weights renormalised over the signals present; a row with no signal (or
 * only signals of weight 0) is `null`. O(rows × columns + Σ n log n).
 *
 * @param metrics rows of equal length; `null` for a missing signal.
 * @param weights one weight ≥ 0 per column, not all 0 (need not sum to 1).
 * @param directions one direction per column (default all 1).
 * @throws KpiError (formula `HEALTH_SCORE`) `INCONSISTENT_COUNTS` when weights or directions do
 *   not match the columns; `BAD_ARGUMENT` for a negative weight, weights all 0 or a direction
 *   other than 1 or −1.
 * @example healthScores([[5, 0], [3, 2], [3, 1], [1, null]], [2, 1], [1, -1]) // [100, 33.33, 50, 0]
 */
export function healthScores(
  metrics: readonly (readonly (number | null)[])[],
  weights: readonly number[],
  directions?: readonly number[],
): (number | null)[] {
  const columns = metrics.length ? metrics[0].length : weights.length;
  checkCount('weights', weights.length, columns);
  if (directions) checkCount('directions', directions.length, columns);
  weights.forEach((weight) => {
    if (!(weight >= 0))
      throw new KpiError(
        'BAD_ARGUMENT',
        { fn: 'HEALTH_SCORE', arg: 'weights', value: weight },
        { en: 'weights must be 0 or more', es: 'los pesos deben ser 0 o más' },
      );
  });
  if (!weights.some((weight) => weight > 0)) {
    throw new KpiError(
      'BAD_ARGUMENT',
      { fn: 'HEALTH_SCORE', arg: 'weights', value: 0 },
      { en: 'at least one weight must be above 0', es: 'al menos un peso debe ser mayor que 0' },
    );
  }
  directions?.forEach((direction) => {
    if (direction !== 1 && direction !== -1) {
      throw new KpiError(
        'BAD_ARGUMENT',
        { fn: 'HEALTH_SCORE', arg: 'directions', value: direction },
        {
          en: 'each direction must be 1 (more is healthier) or -1 (less is healthier)',
          es: 'cada dirección debe ser 1 (más es mejor) o -1 (menos es mejor)',
        },
      );
    }
  });

  const weighted = new Float64Array(metrics.length);
  const weightSum = new Float64Array(metrics.length);
  for (let c = 0; c < columns; c++) {
    if (weights[c] === 0) continue;
    const ranks = percentileRanks(metrics.map((row) => row[c]));
    const flip = directions !== undefined && directions[c] === -1;
    for (let r = 0; r < metrics.length; r++) {
      const rank = ranks[r];
      if (rank === null) continue;
      weighted[r] += weights[c] * (flip ? 1 - rank : rank);
      weightSum[r] += weights[c];
    }
  }
  return metrics.map((_, r) => (weightSum[r] > 0 ? (weighted[r] / weightSum[r]) * 100 : null));
}

function checkCount(arg: string, count: number, columns: number): void {
  if (count !== columns) {
    throw new KpiError(
      'INCONSISTENT_COUNTS',
      { fn: 'HEALTH_SCORE', arg },
      {
        en: `${arg} has ${count} values but metrics has ${columns} columns; give one per column`,
        es: `${arg} tiene ${count} valores pero metrics tiene ${columns} columnas; indique uno por columna`,
      },
    );
  }
}
