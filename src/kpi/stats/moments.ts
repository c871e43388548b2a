/**
 * Centred sums of paired numbers, the building block of correlation and least-squares slope.
 * Two passes (means first), which keeps the sums accurate when values are large and close together.
 */

/** Centred sums of a paired sample: Sxx = Σ(x − x̄)², Syy = Σ(y − ȳ)², Sxy = Σ(x − x̄)(y − ȳ). */
export interface PairedSums {
  n: number;
  meanX: number;
  meanY: number;
  sxx: number;
  syy: number;
  sxy: number;
}

/**
 * Centred sums of `xs` and `ys` taken pair by pair (same length). O(n).
 *
 * @example pairedSums([1, 2, 3], [2, 4, 6]) // { n: 3, meanX: 2, meanY: 4, sxx: 2, syy: 8, sxy: 4 }
 */
export function pairedSums(xs: ArrayLike<number>, ys: ArrayLike<number>): PairedSums {
  const n = xs.length;
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < n; i++) {
    sumX += xs[i];
    sumY += ys[i];
  }
  const meanX = n > 0 ? sumX / n : 0;
  const meanY = n > 0 ? sumY / n : 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - meanX;
    const dy = ys[i] - meanY;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  return { n, meanX, meanY, sxx, syy, sxy };
}
