/**
 * Percentile ranks of a column of values, ties sharing their average rank.
 */

/**
 * Percentile rank of each value among the non-null values: (rank − 1) ÷ (n − 1) with 1-based
 * ranks, tied values sharing the average of their ranks, in 0 … 1 (0.5 when n = 1). `null` stays
 * `null`. O(n log n).
 *
 * @example percentileRanks([5, 3, null, 3, 1]) // [1, 0.5, null, 0.5, 0]
 */
export function percentileRanks(values: readonly (number | null)[]): (number | null)[] {
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i] !== null) present.push(i);
  const ranks: (number | null)[] = values.map(() => null);
  const n = present.length;
  if (n === 1) ranks[present[0]] = 0.5;
  if (n < 2) return ranks;
  present.sort((a, b) => (values[a] as number) - (values[b] as number));
  for (let first = 0; first < n; ) {
    let last = first;
    while (last + 1 < n && values[present[last + 1]] === values[present[first]]) last++;
    const averageRank = (first + last) / 2 + 1; // ranks first+1 … last+1
    for (let k = first; k <= last; k++) ranks[present[k]] = (averageRank - 1) / (n - 1);
    first = last + 1;
  }
  return ranks;
}
