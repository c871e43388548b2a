/**
 * How many values of an ascending array are ≤ `limit` (NaN and +∞ never are): the index of the
 * first value above it. O(log n).
 *
 * @example countAtOrBelow(Float64Array.of(1, 3, 3, 7), 3) // 3
 */
export function countAtOrBelow(sorted: ArrayLike<number>, limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * How many values of an ascending array are < `limit`: the index of the first value at or above it.
 * O(log n).
 *
 * @example countBelow(Float64Array.of(1, 3, 3, 7), 3) // 1
 */
export function countBelow(sorted: ArrayLike<number>, limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
