/**
 * Subscription (SaaS) lifetime value: revenue per account × margin ÷ churn rate.
 */
import { KpiError } from '../../errors/catalogue';
import { checkedGrossMargin } from './gross-margin';

/**
 * SaaS LTV = ARPA × gross margin ÷ churn rate, where 1 ÷ churn is the expected lifetime in periods
 * (churn and ARPA over the same period, e.g. monthly). ARPA ≥ 0 (the caller checks signs).
 *
 * @throws KpiError `UNBOUNDED_LIFETIME` when churn is 0; `BAD_ARGUMENT` when churn is above 1 or
 *   the margin is outside 0 … 1 (formula `SAAS_LTV`).
 * @example saasLifetimeValue(100, 0.05, 0.8) // 1600 = 100 × 0.8 ÷ 0.05
 */
export function saasLifetimeValue(arpa: number, churnRate: number, grossMargin = 1): number {
  if (churnRate === 0) throw new KpiError('UNBOUNDED_LIFETIME', { fn: 'SAAS_LTV', arg: 'churn_rate' });
  if (!(churnRate > 0 && churnRate <= 1)) {
    throw new KpiError(
      'BAD_ARGUMENT',
      { fn: 'SAAS_LTV', arg: 'churn_rate', value: churnRate },
      {
        en: 'it must be a fraction between 0 and 1, such as 0.05 for 5 % a month',
        es: 'debe ser una fracción entre 0 y 1, como 0.05 para un 5 % al mes',
      },
    );
  }
  return (arpa * checkedGrossMargin(grossMargin, 'SAAS_LTV')) / churnRate;
}
