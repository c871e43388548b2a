/**
 * Key-driver analysis: which survey questions move the overall outcome, and how well we do on them.
 */
import { pearson } from '../stats/correlation';
import { median } from '../stats/median';
import type { RatingGrid } from './csi';

/** Quadrant of the importance–performance map. */
export type DriverQuadrant = 'keyStrength' | 'keyWeakness' | 'secondaryStrength' | 'secondaryWeakness';

/** One driver (a column of the ratings grid). */
export interface KeyDriver {
  /** Mean of the driver's answers (every answered row), `undefined` if it has none. */
  mean: number | undefined;
  /** Pearson correlation with the outcome over rows where both are present; `undefined` if too few. */
  correlation: number | undefined;
  /** Quadrant; `undefined` when the correlation is. */
  quadrant: DriverQuadrant | undefined;
}

/** Fewest paired rows for which a correlation is reported. */
export const MIN_DRIVER_PAIRS = 3;

/**
 * Key drivers of an outcome. For each column of `drivers`: its mean, its Pearson correlation with
 * `outcome` over the rows where both are answered (undefined with fewer than 3 such rows or no
 * variance), and its quadrant by the medians of the means and of the correlations, both medians
 * taken over the drivers that have a correlation: key strength (mean ≥ median, corr ≥ median), key
 * weakness (mean <, corr ≥), secondary strength (mean ≥, corr <), secondary weakness (mean <, corr <).
 * `outcome` holds one value (or null) per row of `drivers`. O(rows × columns + columns log columns).
 *
 * Source: importance–performance analysis (J. A. Martilla and J. C. James, Journal of Marketing
 * 41(1), 1977) with correlation as derived importance.
 *
 * @example keyDrivers({ rows: 4, columns: 2, values: [5, 1, 4, 2, 3, 2, 2, 1] }, [10, 8, 6, 4]) // [{ mean: 3.5,
 *   correlation: 1, quadrant: 'keyStrength' }, { mean: 1.5, correlation: 0, quadrant: 'secondaryWeakness' }]
 */
export function keyDrivers(drivers: RatingGrid, outcome: ArrayLike<number | null>): KeyDriver[] {
  const out: KeyDriver[] = [];
  for (let c = 0; c < drivers.columns; c++) {
    const xs: number[] = [];
    const ys: number[] = [];
    let sum = 0;
    let count = 0;
    for (let r = 0; r < drivers.rows; r++) {
      const x = drivers.values[r * drivers.columns + c];
      if (x === null || x === undefined) continue;
      sum += x;
      count++;
      const y = outcome[r];
      if (y === null || y === undefined) continue;
      xs.push(x);
      ys.push(y);
    }
    const correlation = xs.length >= MIN_DRIVER_PAIRS ? pearson(xs, ys) : undefined;
    out.push({ mean: count > 0 ? sum / count : undefined, correlation, quadrant: undefined });
  }
  const rated = out.filter((d) => d.correlation !== undefined);
  if (rated.length === 0) return out;
  const meanMedian = median(rated.map((d) => d.mean as number));
  const correlationMedian = median(rated.map((d) => d.correlation as number));
  for (const d of rated)
    d.quadrant = quadrantOf(atLeast(d.mean as number, meanMedian), atLeast(d.correlation as number, correlationMedian));
  return out;
}

/**
 * `value ≥ threshold`, counting values equal up to rounding as equal: two drivers that are
 * mathematically tied (e.g. one is the other plus a constant) must land in the same quadrant
 * whatever order the rows came in.
 */
function atLeast(value: number, threshold: number): boolean {
  return value >= threshold - 1e-12 * Math.max(1, Math.abs(threshold));
}

function quadrantOf(highMean: boolean, highCorrelation: boolean): DriverQuadrant {
  if (highCorrelation) return highMean ? 'keyStrength' : 'keyWeakness';
  return highMean ? 'secondaryStrength' : 'secondaryWeakness';
}
