/**
 * Net revenue retention and revenue churn over a period, from start, end and new revenue.
 */
import { refuse } from '../domain-error';

/** Checks the three revenues of a period; all are ≥ 0 (the caller checks signs). */
function checkRevenues(start: number, end: number, added: number): void {
  if (start === 0) refuse({ code: 'nothingToRetain' });
  if (added > end) refuse({ code: 'newRevenueAboveEnd', added, end });
}

/**
 * Net revenue retention = (end − new) ÷ start: the share of the starting revenue still billed at
 * the end, expansion included (so it can exceed 1). Always ≥ 0. Refuses a start of 0
 * (`nothingToRetain`) and new revenue above the end revenue (`newRevenueAboveEnd`).
 *
 * @example revenueRetention(10000, 10500, 1500) // 0.9
 */
export function revenueRetention(start: number, end: number, added: number): number {
  checkRevenues(start, end, added);
  return (end - added) / start;
}

/**
 * Revenue churn = (start − end + new) ÷ start = 1 − net revenue retention. New revenue inflates the
 * end revenue, so it is added back before measuring what was lost. A widely copied Spanish article
 * writes "(start − end − new) ÷ start": that sign is wrong. Negative when expansion outweighs
 * losses (net negative churn); always ≤ 1. Refuses what {@link revenueRetention} refuses.
 *
 * @example revenueChurn(10000, 10500, 1500) // 0.1
 */
export function revenueChurn(start: number, end: number, added: number): number {
  checkRevenues(start, end, added);
  return (start - end + added) / start;
}
