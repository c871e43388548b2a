/**
 * The report's "Predicted value" section: BG/NBD and Gamma-Gamma fitted on the orders up to the
 * period's end (the CLV_PREDICT maths), shown when the orders span enough time to fit.
 */
import { domainError, type Language } from '../../errors/catalogue';
import { isDomainError } from '../../kpi/domain-error';
import { predictCustomerValue, type CustomerValuePrediction } from '../../kpi/predictive/clv';
import type { OrderRecord } from '../records';

/** Orders must span at least this many days before a fit is attempted. */
export const MIN_SPAN_DAYS = 90;
/** Prediction horizon: 52 weeks. */
export const HORIZON_WEEKS = 52;

/** A fitted prediction, or why there is none (in the report's language). */
export type PredictionOutcome = { prediction: CustomerValuePrediction } | { unavailable: string };

/**
 * Fits the models on the orders up to `endDay`. `undefined` when the orders span less than
 * {@link MIN_SPAN_DAYS} (the section is then left out); what the fit refuses becomes the reason
 * shown in its place.
 */
export function predictFromOrders(
  orders: OrderRecord[],
  endDay: number,
  language: Language,
): PredictionOutcome | undefined {
  const kept = orders.filter((o) => o.day <= endDay);
  if (!kept.length) return undefined;
  let first = Infinity;
  for (const o of kept) if (o.day < first) first = o.day;
  if (endDay - first < MIN_SPAN_DAYS) return undefined;
  try {
    const prediction = predictCustomerValue(
      kept.map((o) => o.customerId),
      kept.map((o) => o.day),
      kept.map((o) => o.amount),
      { asOfDay: endDay, horizon: HORIZON_WEEKS, unit: 'week' },
    );
    return { prediction };
  } catch (error) {
    if (isDomainError(error))
      return { unavailable: domainError(error.issue, 'Fideliza', (input) => input).localized(language) };
    throw error;
  }
}
