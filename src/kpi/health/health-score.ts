/**
 * Customer health score: a weighted mean of percentile-ranked signals, 0 … 100.
 */
import { refuse } from '../domain-error';
import { percentileRanks } from './percentile-rank';

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
 * Refuses weights or directions that do not match the columns (`countMismatch`), a negative
 * weight (`negativeWeight`), weights all 0 (`allWeightsZero`) and a direction other than 1 or −1
 * (`notDirection`); inputs are named `weights` and `directions`.
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
  for (const weight of weights) if (!(weight >= 0)) refuse({ code: 'negativeWeight', input: 'weights', value: weight });
  if (!weights.some((weight) => weight > 0)) refuse({ code: 'allWeightsZero', input: 'weights' });
  for (const direction of directions ?? []) {
    if (direction !== 1 && direction !== -1) refuse({ code: 'notDirection', input: 'directions', value: direction });
  }

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

function checkCount(input: string, count: number, columns: number): void {
  if (count !== columns) refuse({ code: 'countMismatch', input, count, columns });
}
