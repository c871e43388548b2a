/**
 * Percentile ranks of a column of values, ties sharing their average rank.
 */
import { countAtOrBelow, countBelow } from '../stats/sorted';

/**
 * Percentile rank of each value among the non-null values: (rank − 1) ÷ (n − 1) with 1-based
 * ranks, tied values sharing the average of their ranks, in 0 … 1 (0.5 when n = 1). `null` stays
 * `null`. O(n log n).
 *
 * @example percentileRanks([5, 3, null, 3, 1]) // [1, 0.5, null, 0.5, 0]
 */
export function percentileRanks(values: readonly (number | null)[]): (number | null)[] {
  const ranks: (number | null)[] = new Array(values.length).fill(null);
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== null) n++;
  if (n === 1) ranks[values.findIndex((v) => v !== null)] = 0.5;
  if (n < 2) return ranks;
  const sorted = new Float64Array(n);
  for (let i = 0, k = 0; i < values.length; i++) if (values[i] !== null) sorted[k++] = values[i] as number;
  sorted.sort();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) continue;
    // tied values hold positions first … last (0-based): their average 1-based rank less one is (first + last) / 2
    const first = countBelow(sorted, v);
    const last = countAtOrBelow(sorted, v) - 1;
    ranks[i] = (first + last) / 2 / (n - 1);
  }
  return ranks;
}
