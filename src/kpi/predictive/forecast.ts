/**
 * The report's prediction in one call: the customer summary built once, both repeat-buying models
 * (BG/NBD and MBG/NBD) checked on a holdout window at the end of the data, the one whose predicted
 * total is closer to what happened refitted on all the orders (warm-started from its calibration
 * fit), and every customer's P(alive), expected purchases, order value and CLV from it.
 *
 * Holdout window: the last 26 weeks when the orders span at least 78 weeks (the 3:2 split of Fader,
 * Hardie & Lee 2005 is 39 + 39 weeks; 26 weeks keeps a year of calibration at least), else the last
 * third of the span. The model whose predicted holdout total is closer to the actual total wins;
 * on a tie, the one with the smaller mean absolute error over the groups 0 … 6, 7+; then BG/NBD.
 */
import type { Period } from '../calendar/days';
import type { CustomerIndex } from '../retention/customers';
import { type DomainIssue, isDomainError } from '../domain-error';
import { checkHorizon, type CustomerValuePrediction, valueCustomers } from './clv';
import { fitSpendModel } from './gamma-gamma';
import { compareHoldout, type HoldoutData, type HoldoutResult, holdoutData } from './holdout';
import { groupHistories, type PurchaseFit, type PurchaseModel } from './likelihood';
import { PURCHASE_MODELS } from './models';
import { type CustomerOrders, groupOrders, summariesAt } from './summary';

/** Options of {@link predictWithHoldout}. */
export interface ForecastOptions {
  /** Last day of the history (day number); default the latest order day. Later orders are ignored. */
  endDay?: number;
  /** Length of the holdout window in days; default 182 (26 weeks) from 546 days (78 weeks) of orders, else a third. */
  holdoutDays?: number;
  /** Length of the prediction window, in units (> 0). */
  horizon: number;
  /** Time unit of recency, age and horizon (default week). */
  unit?: Period;
  /** Annual discount rate as a fraction (default 0). */
  annualDiscountRate?: number;
}

/** The holdout check of both models. */
export interface HoldoutComparison {
  calibrationEndDay: number;
  endDay: number;
  /** Customers whose first order is on or before the calibration end. */
  customers: number;
  /** Their actual repeat purchases in the window. */
  actualTotal: number;
  /** Each model's check (fit on the calibration orders, groups, predicted total), when it could be fitted. */
  results: Partial<Record<PurchaseModel, HoldoutResult>>;
  /** Why a model could not be fitted on the calibration orders. */
  refused: Partial<Record<PurchaseModel, DomainIssue>>;
}

/** {@link CustomerValuePrediction} of the chosen model, with the holdout check that chose it. */
export interface HoldoutForecast extends CustomerValuePrediction {
  /** Undefined when the span is too short for a window, or neither model could be fitted on the calibration orders. */
  holdout: HoldoutComparison | undefined;
}

const DAYS_26_WEEKS = 182;
const DAYS_78_WEEKS = 546;

/**
 * Predicts every customer's value with the model that did better on a holdout window (see the
 * module comment). When neither model can be fitted on the calibration orders (or the span is under
 * 3 days) BG/NBD is used without a check. Refuses what `predictCustomerValue`'s checks and the
 * fits on all the orders refuse (`notPositive` horizon, `negative` rate, `noOrdersByAsOf`, too
 * few customers, a failed fit…). `index` is `indexCustomers(customerIds)`, when the caller has it.
 *
 * @example predictWithHoldout(ids, days, amounts, { horizon: 52 }).model // 'bgnbd' or 'mbgnbd'
 */
export function predictWithHoldout(
  customerIds: ArrayLike<string>,
  days: ArrayLike<number>,
  amounts: ArrayLike<number>,
  options: ForecastOptions,
  index?: CustomerIndex,
): HoldoutForecast {
  const rate = options.annualDiscountRate ?? 0;
  checkHorizon(options.horizon, rate);
  const unit = options.unit ?? 'week';
  const orders = groupOrders(customerIds, days, amounts, options.endDay, index);
  const endDay = orders.lastDay;
  const all = summariesAt(orders, endDay, unit);
  let firstDay = Infinity;
  for (const c of all.customers) firstDay = Math.min(firstDay, c.firstDay);
  const span = endDay - firstDay;
  const window = Math.floor(options.holdoutDays ?? (span >= DAYS_78_WEEKS ? DAYS_26_WEEKS : Math.floor(span / 3)));
  const holdout = window >= 1 && window < span ? checkBoth(orders, endDay - window, endDay, unit) : undefined;
  const model = holdout ? choose(holdout) : 'bgnbd';
  const start = holdout?.results[model]?.fit;
  const grouped = groupHistories(all.customers);
  const fit = PURCHASE_MODELS[model].fit(grouped, { start });
  const spend = fitSpendModel(all.customers);
  return { ...valueCustomers(all, grouped, model, fit, spend, options.horizon, rate), holdout };
}

/** Both models fitted on the orders up to `calibrationEndDay` and checked up to `endDay`. */
function checkBoth(
  orders: CustomerOrders,
  calibrationEndDay: number,
  endDay: number,
  unit: Period,
): HoldoutComparison | undefined {
  let data: HoldoutData;
  try {
    data = holdoutData(orders, calibrationEndDay, endDay, unit);
  } catch (error) {
    if (isDomainError(error)) return undefined;
    throw error;
  }
  const results: Partial<Record<PurchaseModel, HoldoutResult>> = {};
  const refused: Partial<Record<PurchaseModel, DomainIssue>> = {};
  for (const model of ['bgnbd', 'mbgnbd'] as const) {
    try {
      const fit: PurchaseFit = PURCHASE_MODELS[model].fit(data.grouped);
      results[model] = compareHoldout(data, model, fit);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      refused[model] = error.issue;
    }
  }
  if (!results.bgnbd && !results.mbgnbd) return undefined;
  let actualTotal = 0;
  for (const n of data.actual) actualTotal += n;
  return {
    calibrationEndDay,
    endDay,
    customers: data.calibration.customers.length,
    actualTotal,
    results,
    refused,
  };
}

/** The model whose predicted total is closer to the actual one; ties by mean absolute error, then BG/NBD. */
function choose(holdout: HoldoutComparison): PurchaseModel {
  const bg = holdout.results.bgnbd;
  const mbg = holdout.results.mbgnbd;
  if (!bg || !mbg) return bg ? 'bgnbd' : 'mbgnbd';
  const tie = 1e-9 * Math.max(1, holdout.actualTotal);
  const gap = Math.abs(mbg.predictedTotal - holdout.actualTotal) - Math.abs(bg.predictedTotal - holdout.actualTotal);
  if (Math.abs(gap) > tie) return gap < 0 ? 'mbgnbd' : 'bgnbd';
  return mbg.meanAbsoluteError < bg.meanAbsoluteError - 1e-12 ? 'mbgnbd' : 'bgnbd';
}
