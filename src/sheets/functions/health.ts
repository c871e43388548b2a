/**
 * Customer health formulas: health score and band. Thin wrappers over `src/kpi/health`.
 */
import { KpiError } from '../../errors/catalogue';
import { healthBand } from '../../kpi/health/health-band';
import { healthScores } from '../../kpi/health/health-score';
import { isBlank, type CellInput, type CellOutput, type CellTable } from '../cells';
import { runFormula } from '../formula';

/**
 * Customer health score 0–100 per row, from percentile-ranked signals.
 *
 * @param metrics Signals per customer: rows = customers, columns = signals (orders in 90 days, last NPS, open tickets…); blanks and text are missing signals.
 * @param weights One weight per column (≥ 0, need not sum to 1).
 * @param directions One per column: 1 when more is healthier (default), -1 when less is (tickets, days since last order).
 * @return One column: the score of each row, blank for a row with no signal.
 * @formula Each column → percentile rank (rank − 1) ÷ (n − 1) over its non-blank values (1-based ranks, ties share their average rank, 0.5 when n = 1), flipped to 1 − rank for direction -1; score = weighted mean × 100 over the row's non-blank signals.
 * @source Gainsight, "Customer health scores" (weighted, normalised signals); percentile rank with mid-ranks for ties.
 * @example =HEALTH_SCORE({5,0;3,2;3,1;1,""}, {2,1}, {1,-1})
 * | 100 |
 * | 33.33 |
 * | 50 |
 * | 0 |
 * @customfunction
 */
export function HEALTH_SCORE(metrics: CellInput, weights: CellInput, directions?: CellInput): CellTable {
  return runFormula('HEALTH_SCORE', (args) => {
    const grid = args.grid(metrics, 'metrics');
    if (!grid.values.some((value) => value !== null))
      throw new KpiError('NO_VALID_VALUES', { fn: 'HEALTH_SCORE', arg: 'metrics' });
    const rows: (number | null)[][] = [];
    for (let r = 0; r < grid.rows; r++) rows.push(grid.values.slice(r * grid.columns, (r + 1) * grid.columns));
    const weightList = args.numbers(weights, 'weights', { nonNegative: true, noun: 'weight' });
    const directionList =
      directions === undefined || isBlank(directions) ? undefined : args.numbers(directions, 'directions');
    return healthScores(rows, weightList, directionList).map((score) => [score ?? '']);
  });
}

/**
 * Health band of a score: Poor, Average or Good.
 *
 * @param score A health score, or a range of them; works cell by cell.
 * @param poor_below Scores below this are Poor (default 50).
 * @param good_from Scores from this up are Good (default 75); must not be below poor_below.
 * @return Poor, Average or Good for each score; blank stays blank.
 * @formula score < poor_below → Poor; score ≥ good_from → Good; otherwise Average.
 * @source Gainsight, "Customer health scores" (red / yellow / green bands).
 * @example =HEALTH_BAND({30;62;75})
 * | Poor |
 * | Average |
 * | Good |
 * @customfunction
 */
export function HEALTH_BAND(
  score: CellInput,
  poor_below?: CellInput,
  good_from?: CellInput,
): CellOutput | CellOutput[][] {
  return runFormula('HEALTH_BAND', (args) =>
    args.elementwise(
      [
        { arg: 'score', input: score },
        { arg: 'poor_below', input: poor_below, fallback: 50 },
        { arg: 'good_from', input: good_from, fallback: 75 },
      ],
      ([value, poor, good]) => healthBand(value, poor, good),
    ),
  );
}
