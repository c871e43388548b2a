/**
 * CAC payback: how many months of gross profit a customer takes to pay back what acquiring it cost.
 */
import { finite, refuse } from '../domain-error';
import { checkedGrossMargin } from './gross-margin';

/**
 * CAC payback = CAC ÷ (ARPA × gross margin), in months when ARPA is monthly revenue per account.
 * CAC ≥ 0 (the caller checks signs). Refuses ARPA ≤ 0 or a margin of 0 (`notPositive`, inputs
 * `arpa` and `margin`: nothing would ever be paid back) and a margin outside 0 … 1 (`notFraction`).
 *
 * @source D. Skok, "SaaS Metrics 2.0", For Entrepreneurs ("months to recover CAC").
 * @example cacPaybackMonths(600, 100, 0.75) // 8 months
 */
export function cacPaybackMonths(cac: number, arpa: number, grossMargin = 1): number {
  if (!(arpa > 0)) refuse({ code: 'notPositive', input: 'arpa', value: arpa });
  const margin = checkedGrossMargin(grossMargin);
  if (!(margin > 0)) refuse({ code: 'notPositive', input: 'margin', value: margin });
  return finite(cac / (arpa * margin));
}
