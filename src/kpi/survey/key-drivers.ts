/**
 * Key-driver analysis: which survey questions move the overall outcome, and how well we do on them.
 */
import { refuse } from '../domain-error';
import { pearson } from '../stats/correlation';
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
 * variance), and its quadrant by the averages of the means and of the correlations, both taken
 * over the drivers that have a correlation: key strength (mean ≥ average, corr ≥ average), key
 * weakness (mean <, corr ≥), secondary strength (mean ≥, corr <), secondary weakness (mean <,
 * corr <). Averages, not medians: with four drivers the medians always split them two and two,
 * whatever the data say.
 *
 * `directions` (optional) holds 1 or −1 per column; a column with −1 is a question where lower is
 * better ("how likely are you to switch?") and is reversed first over its observed scale, rating →
 * min + max − rating (min and max of the column's answers), so that higher is better everywhere:
 * its mean becomes min + max − mean and its correlation changes sign. Refuses a count other than
 * one per column (`countMismatch`) and a value other than 1 or −1 (`notDirection`); the input is
 * named `directions`, the grid `metrics`.
 *
 * `outcome` holds one value (or null) per row of `drivers`. O(rows × columns).
 *
 * Source: importance–performance analysis (J. A. Martilla and J. C. James, Journal of Marketing
 * 41(1), 1977) with correlation as derived importance; crosshairs at the averages of the data
 * (data-centred quadrants).
 *
 * @example keyDrivers({ rows: 4, columns: 2, values: [5, 1, 4, 2, 3, 2, 2, 1] }, [10, 8, 6, 4]) // [{ mean: 3.5,
 *   correlation: 1, quadrant: 'keyStrength' }, { mean: 1.5, correlation: 0, quadrant: 'secondaryWeakness' }]
 */
export function keyDrivers(
  drivers: RatingGrid,
  outcome: ArrayLike<number | null>,
  directions?: readonly number[],
): KeyDriver[] {
  if (directions) {
    if (directions.length !== drivers.columns) {
      refuse({ code: 'countMismatch', input: 'directions', count: directions.length, columns: drivers.columns });
    }
    for (const direction of directions) {
      if (direction !== 1 && direction !== -1) refuse({ code: 'notDirection', input: 'directions', value: direction });
    }
  }
  const out: KeyDriver[] = [];
  for (let c = 0; c < drivers.columns; c++) {
    const reversed = directions !== undefined && directions[c] === -1;
    const column = columnOf(drivers, c);
    let low = Infinity;
    let high = -Infinity;
    if (reversed) {
      for (const x of column) {
        if (x === null) continue;
        if (x < low) low = x;
        if (x > high) high = x;
      }
    }
    const xs: number[] = [];
    const ys: number[] = [];
    let sum = 0;
    let count = 0;
    for (let r = 0; r < drivers.rows; r++) {
      const raw = column[r];
      if (raw === null) continue;
      const x = reversed ? low + (high - raw) : raw;
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
  const meanAverage = average(rated.map((d) => d.mean as number));
  const correlationAverage = average(rated.map((d) => d.correlation as number));
  for (const d of rated) {
    d.quadrant = quadrantOf(
      atLeast(d.mean as number, meanAverage),
      atLeast(d.correlation as number, correlationAverage),
    );
  }
  return out;
}

/** Column `c` of the grid, `null` where unanswered. */
function columnOf(grid: RatingGrid, c: number): (number | null)[] {
  const column = new Array<number | null>(grid.rows);
  for (let r = 0; r < grid.rows; r++) column[r] = grid.values[r * grid.columns + c] ?? null;
  return column;
}

/** Mean of a non-empty list. */
function average(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
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
