/**
 * Subscription (SaaS) lifetime value: revenue per account × margin ÷ churn rate.
 */
import { refuse } from '../domain-error';
import { checkedGrossMargin } from './gross-margin';

/**
 * SaaS LTV = ARPA × gross margin ÷ churn rate, where 1 ÷ churn is the expected lifetime in periods
 * (churn and ARPA over the same period, e.g. monthly). ARPA ≥ 0 (the caller checks signs).
 * Refuses churn 0 (`zeroChurn`), churn outside (0, 1] (`notChurnFraction`) and a margin outside
 * 0 … 1 (`notFraction`); inputs are named `churn` and `margin`.
 *
 * @example saasLifetimeValue(100, 0.05, 0.8) // 1600 = 100 × 0.8 ÷ 0.05
 */
export function saasLifetimeValue(arpa: number, churnRate: number, grossMargin = 1): number {
  if (churnRate === 0) refuse({ code: 'zeroChurn', input: 'churn' });
  if (!(churnRate > 0 && churnRate <= 1)) refuse({ code: 'notChurnFraction', input: 'churn', value: churnRate });
  return (arpa * checkedGrossMargin(grossMargin)) / churnRate;
}
