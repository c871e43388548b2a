/**
 * The report's predicted value: both repeat-buying models (BG/NBD and MBG/NBD) checked on a holdout
 * window, the one whose predicted total of repeat purchases came closer to the actual total refitted
 * on all the orders up to the period's end and used (HOLDOUT_CHECK and CLV_PREDICT's maths, through
 * `predictWithHoldout`). Shown when the orders span enough time to fit.
 */
import { domainError, type Language } from '../../errors/catalogue';
import { isDomainError } from '../../kpi/domain-error';
import { predictWithHoldout, type HoldoutForecast } from '../../kpi/predictive/forecast';
import type { OrderRecord } from '../records';
import { ordersIn } from './order-columns';

/** Orders must span at least this many days before a fit is attempted. */
export const MIN_SPAN_DAYS = 90;
/** Prediction horizon: 52 weeks. */
export const HORIZON_WEEKS = 52;
/** A customer whose first order is more recent than this (8 weeks) is too early to predict. */
export const TOO_EARLY_DAYS = 56;

/** How likely a customer is to be still active, in plain words (the rule of thumb lifetimes' maintainers give). */
export type AliveBand = 'likelyActive' | 'atRisk' | 'probablyGone';

/** P(alive) ≥ 70 %: likely active; 30–70 %: at risk; < 30 %: probably gone. */
export function aliveBand(pAlive: number): AliveBand {
  return pAlive >= 0.7 ? 'likelyActive' : pAlive >= 0.3 ? 'atRisk' : 'probablyGone';
}

/** A fitted prediction with the check that chose its model, or why there is none (in the report's language). */
export type PredictionOutcome = { prediction: HoldoutForecast } | { unavailable: string };

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
  const { ids, days, amounts, customers } = ordersIn(orders, { start: -Infinity, end: endDay });
  let first = Infinity;
  for (let i = 0; i < days.length; i++) if (days[i] < first) first = days[i];
  if (!ids.length || endDay - first < MIN_SPAN_DAYS) return undefined;
  try {
    return {
      prediction: predictWithHoldout(ids, days, amounts, { endDay, horizon: HORIZON_WEEKS, unit: 'week' }, customers),
    };
  } catch (error) {
    if (isDomainError(error))
      return { unavailable: domainError(error.issue, 'Fideliza', (input) => input).localized(language) };
    throw error;
  }
}
