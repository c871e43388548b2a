/**
 * Customer Satisfaction Index: question means rescaled to 0–100 and averaged with weights.
 */

/** A respondents × questions grid read row by row; `null` is a missing answer. */
export interface RatingGrid {
  rows: number;
  columns: number;
  values: ArrayLike<number | null>;
}

/**
 * Mean of each column of a grid over its answered cells; `undefined` for a column with no answer.
 * O(rows × columns).
 *
 * @example columnMeans({ rows: 2, columns: 2, values: [8, 6, 10, null] }) // [9, 6]
 */
export function columnMeans(grid: RatingGrid): (number | undefined)[] {
  const sums = new Array<number>(grid.columns).fill(0);
  const counts = new Array<number>(grid.columns).fill(0);
  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0; c < grid.columns; c++) {
      const value = grid.values[r * grid.columns + c];
      if (value === null || value === undefined) continue;
      sums[c] += value;
      counts[c]++;
    }
  }
  return sums.map((sum, c) => (counts[c] > 0 ? sum / counts[c] : undefined));
}

/**
 * CSI in 0 … 100 from the question means: each mean is rescaled to (mean − min) ÷ (max − min) × 100
 * and the index is their weighted mean Σ wᵢ·sᵢ ÷ Σ wᵢ (weights need not sum to 1).
 * The caller gives one mean per weight, weights ≥ 0 with a positive sum, and `scaleMax > scaleMin`.
 *
 * Source: the rescaling of ACSI-style indexes (Fornell et al., "The American Customer Satisfaction
 * Index", Journal of Marketing 60(4), 1996), with explicit weights instead of PLS-estimated ones.
 *
 * @example csiOfMeans([8, 5], [2, 1], 1, 10) // (2·77.78 + 44.44) ÷ 3 = 66.67
 */
export function csiOfMeans(
  means: ArrayLike<number>,
  weights: ArrayLike<number>,
  scaleMin: number,
  scaleMax: number,
): number {
  let weighted = 0;
  let total = 0;
  for (let i = 0; i < means.length; i++) {
    const rescaled = ((means[i] - scaleMin) / (scaleMax - scaleMin)) * 100;
    weighted += weights[i] * rescaled;
    total += weights[i];
  }
  return Math.max(0, Math.min(100, weighted / total));
}
