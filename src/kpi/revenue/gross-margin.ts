/**
 * Gross margin as a fraction: the check shared by every value formula that takes one.
 */
import { KpiError } from '../../errors/catalogue';

/**
 * Returns `margin` when it is a fraction in 0 … 1, else raises a catalogue error for formula `fn`
 * (a margin typed as a percentage, such as 70, is the usual mistake).
 *
 * @example checkedGrossMargin(0.7, 'LTV') // 0.7
 */
export function checkedGrossMargin(margin: number, fn: string): number {
  if (!(margin >= 0 && margin <= 1)) {
    throw new KpiError(
      'BAD_ARGUMENT',
      { fn, arg: 'gross_margin', value: margin },
      {
        en: 'it must be a fraction between 0 and 1, such as 0.7 for 70 %',
        es: 'debe ser una fracción entre 0 y 1, como 0.7 para el 70 %',
      },
    );
  }
  return margin;
}
