/**
 * LTV to CAC ratio: value of a customer over the cost of acquiring one.
 */
import { refuse } from '../domain-error';

/**
 * LTV:CAC = lifetime value ÷ customer acquisition cost. Above 1 a customer pays back what it cost
 * to win; 3 or more is the usual target. LTV ≥ 0 (the caller checks signs). Refuses cac ≤ 0
 * (`notPositive`, input `cac`).
 *
 * @example ltvToCac(1600, 400) // 4
 */
export function ltvToCac(ltv: number, cac: number): number {
  if (!(cac > 0)) refuse({ code: 'notPositive', input: 'cac', value: cac });
  return ltv / cac;
}
