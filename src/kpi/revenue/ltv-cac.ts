/**
 * LTV to CAC ratio: value of a customer over the cost of acquiring one.
 */
import { KpiError } from '../../errors/catalogue';

/**
 * LTV:CAC = lifetime value ÷ customer acquisition cost. Above 1 a customer pays back what it cost
 * to win; 3 or more is the usual target. LTV ≥ 0 (the caller checks signs).
 *
 * @throws KpiError `MUST_BE_POSITIVE` (formula `LTV_CAC`, argument `cac`) when cac ≤ 0.
 * @example ltvToCac(1600, 400) // 4
 */
export function ltvToCac(ltv: number, cac: number): number {
  if (!(cac > 0)) throw new KpiError('MUST_BE_POSITIVE', { fn: 'LTV_CAC', arg: 'cac', value: cac });
  return ltv / cac;
}
