/**
 * Net revenue retention and revenue churn over a period, from start, end and new revenue.
 */
import { KpiError } from '../../errors/catalogue';

/** Checks the three revenues of a period for formula `fn`; all are ≥ 0 (the caller checks signs). */
function checkRevenues(fn: string, start: number, end: number, added: number): void {
  if (start === 0) {
    throw new KpiError(
      'DIVISION_BY_ZERO',
      { fn, arg: 'revenue_start' },
      {
        en: 'revenue_start is 0, so there was no revenue to retain',
        es: 'revenue_start es 0, así que no había ingresos que retener',
      },
    );
  }
  if (added > end) {
    throw new KpiError(
      'INCONSISTENT_COUNTS',
      { fn },
      {
        en: `revenue_new (${added}) is larger than revenue_end (${end}); new revenue is part of the end revenue`,
        es: `revenue_new (${added}) es mayor que revenue_end (${end}); los ingresos nuevos forman parte de los ingresos finales`,
      },
    );
  }
}

/**
 * Net revenue retention = (end − new) ÷ start: the share of the starting revenue still billed at
 * the end, expansion included (so it can exceed 1). Always ≥ 0.
 *
 * @throws KpiError `DIVISION_BY_ZERO` when start is 0; `INCONSISTENT_COUNTS` when new > end
 *   (formula `REVENUE_RETENTION`).
 * @example revenueRetention(10000, 10500, 1500) // 0.9
 */
export function revenueRetention(start: number, end: number, added: number): number {
  checkRevenues('REVENUE_RETENTION', start, end, added);
  return (end - added) / start;
}

/**
 * Revenue churn = (start − end + new) ÷ start = 1 − net revenue retention. New revenue inflates the
 * end revenue, so it is added back before measuring what was lost. A widely copied Spanish article
 * writes "(start − end − new) ÷ start": that sign is wrong. Negative when expansion outweighs
 * losses (net negative churn); always ≤ 1.
 *
 * @throws KpiError `DIVISION_BY_ZERO` when start is 0; `INCONSISTENT_COUNTS` when new > end
 *   (formula `REVENUE_CHURN`).
 * @example revenueChurn(10000, 10500, 1500) // 0.1
 */
export function revenueChurn(start: number, end: number, added: number): number {
  checkRevenues('REVENUE_CHURN', start, end, added);
  return (start - end + added) / start;
}
