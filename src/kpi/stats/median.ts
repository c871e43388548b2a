/**
 * Median of a list of numbers.
 */

/**
 * The middle value of the numbers once sorted; the mean of the two middle values for an even
 * count. The input is not modified. O(n log n). The caller makes sure there is at least one value.
 *
 * @example median([3, 1, 2]) // 2
 * @example median([4, 1, 3, 2]) // 2.5
 */
export function median(values: ArrayLike<number>): number {
  const sorted = Array.from(values).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
