/**
 * Gross margin as a fraction: the check shared by every value formula that takes one.
 */
import { refuse } from '../domain-error';

/**
 * Returns `margin` when it is a fraction in 0 … 1, else refuses it (`notFraction`, input `margin`):
 * a margin typed as a percentage, such as 70, is the usual mistake.
 *
 * @example checkedGrossMargin(0.7) // 0.7
 */
export function checkedGrossMargin(margin: number): number {
  if (!(margin >= 0 && margin <= 1)) refuse({ code: 'notFraction', input: 'margin', value: margin });
  return margin;
}
