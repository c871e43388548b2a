/**
 * Customer health formulas: health score and band. Each is declared once (parameters, kinds,
 * defaults, bounds) over the maths in `src/kpi/health`.
 */
import { KpiError } from '../../errors/catalogue';
import { type HealthBand, healthBand } from '../../kpi/health/health-band';
import { healthScores } from '../../kpi/health/health-score';
import { customFunction } from '../declaration';

/** Band names of HEALTH_BAND's output. */
const BAND_NAMES: Record<HealthBand, string> = { poor: 'Poor', average: 'Average', good: 'Good' };

export const HEALTH_FORMULAS = {
  /**
   * Customer health score 0–100 per row, from percentile-ranked signals.
   *
   * @param metrics Signals per customer: rows = customers, columns = signals (orders in 90 days, last NPS, open
   * tickets…); blanks and text are missing signals.
   * @param weights One weight per column (≥ 0, need not sum to 1).
   * @param directions One per column: 1 when more is healthier (default), -1 when less is (tickets, days since last
   * order).
   * @return One column: the score of each row, blank for a row with no signal.
   * @formula Each column → percentile rank (rank − 1) ÷ (n − 1) over its non-blank values (1-based ranks, ties share
   * their average rank, 0.5 when n = 1), flipped to 1 − rank for direction -1; score = weighted mean × 100 over the
   * row's non-blank signals.
   * @source Gainsight, "Customer health scores" (weighted, normalised signals); percentile rank with mid-ranks for
   * ties.
   * @example =HEALTH_SCORE({5,0;3,2;3,1;1,""}, {2,1}, {1,-1})
   * | 100 |
   * | 33.33 |
   * | 50 |
   * | 0 |
   * @es Puntuación de salud del cliente de 0 a 100 por fila, a partir de señales convertidas en percentiles.
   * @esparam metrics Señales por cliente: filas = clientes, columnas = señales (pedidos en 90 días, último NPS,
   * tickets abiertos…); los blancos y los textos son señales que faltan.
   * @esparam weights Un peso por columna (≥ 0, no tienen que sumar 1).
   * @esparam directions Una por columna: 1 cuando más es mejor (por defecto), -1 cuando menos es mejor (tickets, días
   * desde el último pedido).
   * @customfunction
   */
  HEALTH_SCORE: customFunction({
    params: {
      metrics: { kind: 'grid' },
      weights: { kind: 'numbers', nonNegative: true, noun: 'weight' },
      directions: { kind: 'numbers', optional: true },
    },
    compute: ({ metrics, weights, directions }) => {
      if (!metrics.values.some((value) => value !== null)) throw new KpiError('NO_VALID_VALUES', { arg: 'metrics' });
      const rows: (number | null)[][] = [];
      for (let r = 0; r < metrics.rows; r++) {
        rows.push(metrics.values.slice(r * metrics.columns, (r + 1) * metrics.columns));
      }
      return healthScores(rows, weights, directions).map((score) => [score ?? '']);
    },
  }),

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
   * @es Franja de salud de una puntuación: baja (Poor), media (Average) o buena (Good).
   * @esparam score Una puntuación de salud o un rango de ellas; se calcula celda a celda.
   * @esparam poor_below Las puntuaciones por debajo de este valor son Poor (por defecto 50).
   * @esparam good_from Las puntuaciones desde este valor son Good (por defecto 75); no puede ser menor que poor_below.
   * @customfunction
   */
  HEALTH_BAND: customFunction({
    elementwise: true,
    params: {
      score: { kind: 'number' },
      poor_below: { kind: 'number', default: 50 },
      good_from: { kind: 'number', default: 75 },
    },
    roles: { poorBelow: 'poor_below', goodFrom: 'good_from' },
    compute: ({ score, poor_below, good_from }) => BAND_NAMES[healthBand(score, poor_below, good_from)],
  }),
};
