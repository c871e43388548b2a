/**
 * Predicted customer lifetime value over a horizon from raw orders: BG/NBD or MBG/NBD for the
 * number of future purchases, Gamma-Gamma for their value (Fader, Hardie & Lee 2005; Batislam,
 * Denizel & Filiztekin 2007; Fader & Hardie 2013).
 *
 * CLV = expected purchases in the next `horizon` units × expected spend per purchase.
 * Discounting (when an annual rate R > 0 is given): the horizon is cut into months of
 * 30.4375 days (the last one possibly shorter); the purchases the model expects within month k,
 * E[Y(tₖ)] − E[Y(tₖ₋₁)], are discounted from the month's end tₖ by (1 + R)^(−tₖ in years). With
 * R = 0 this is exactly E[Y(horizon)] × value.
 *
 * When Gamma-Gamma cannot be fitted because repeat spend does not vary between customers (a
 * one-price product), every customer's expected spend is the mean repeat-order value
 * (`fitSpendModel`), and the prediction says so (`spendFallback`).
 */
import type { Period } from '../calendar/days';
import { refuse } from '../domain-error';
import { sortedOrder } from '../retention/customers';
import { fitSpendModel, type GammaGammaParams, type SpendModel, spendOf } from './gamma-gamma';
import {
  type GroupedHistories,
  groupHistories,
  type PurchaseFit,
  type PurchaseModel,
  type PurchaseParams,
} from './likelihood';
import { groupProbabilityAlive, PURCHASE_MODELS } from './models';
import { type CustomerSummaries, summarizeCustomers } from './summary';

/** Options of {@link predictCustomerValue}. */
export interface PredictOptions {
  /** Last day of the history (day number); default the latest order day. */
  asOfDay?: number;
  /** Length of the prediction window, in units (> 0). */
  horizon: number;
  /** Time unit of recency, age and horizon (default week). */
  unit?: Period;
  /** Annual discount rate as a fraction, e.g. 0.1 (default 0: no discounting). */
  annualDiscountRate?: number;
  /** The repeat-buying model (default BG/NBD). */
  model?: PurchaseModel;
}

/** One customer's prediction. */
export interface CustomerValue {
  id: string;
  /** Repeat purchases (distinct order days − 1). */
  x: number;
  /** First to last order, in units. */
  recency: number;
  /** First order to as_of, in units. */
  age: number;
  /** Probability the customer is still active. */
  pAlive: number;
  /** Purchases expected in the horizon (undiscounted). */
  expectedPurchases: number;
  /** Expected spend per purchase (Gamma-Gamma, or the mean repeat-order value: see `spendFallback`). */
  expectedOrderValue: number;
  /** Predicted (discounted) value over the horizon. */
  clv: number;
}

/** Fitted models and per-customer predictions, sorted by CLV descending (ties by id). */
export interface CustomerValuePrediction {
  /** The repeat-buying model used. */
  model: PurchaseModel;
  /** Its fit on the orders up to as_of. */
  fit: PurchaseFit;
  /** The Gamma-Gamma fit; undefined when `spendFallback`. */
  gammaGamma: GammaGammaParams | undefined;
  /**
   * True when Gamma-Gamma could not be fitted because repeat spend does not vary between customers
   * (a one-price product): every expected order value is then `meanRepeatOrderValue`.
   */
  spendFallback: boolean;
  /** Mean value of the repeat orders of the repeat buyers with spend above 0. */
  meanRepeatOrderValue: number;
  asOfDay: number;
  customers: CustomerValue[];
}

/** Days in the month of the discounting schedule (365.25 / 12). */
const MONTH_DAYS = 30.4375;

/**
 * Fits the repeat-buying model (BG/NBD by default, or MBG/NBD) and the spend model on the orders up
 * to as_of and predicts every customer's purchases, order value and CLV over the horizon. Refuses a
 * horizon ≤ 0 (`notPositive`, input `horizon`), a negative rate (`negative`, input `rate`), and what
 * the summary and the fits refuse.
 *
 * @example predictCustomerValue(ids, days, amounts, { horizon: 52 }).customers[0] // the most valuable customer
 */
export function predictCustomerValue(
  customerIds: readonly string[],
  days: readonly number[],
  amounts: readonly number[],
  options: PredictOptions,
): CustomerValuePrediction {
  const { horizon } = options;
  const rate = options.annualDiscountRate ?? 0;
  checkHorizon(horizon, rate);
  const unit = options.unit ?? 'week';
  const model = options.model ?? 'bgnbd';
  const summaries = summarizeCustomers(customerIds, days, amounts, { asOfDay: options.asOfDay, unit });
  const data = groupHistories(summaries.customers);
  const fit = PURCHASE_MODELS[model].fit(data);
  const spend = fitSpendModel(summaries.customers);
  return valueCustomers(summaries, data, model, fit, spend, horizon, rate);
}

/** Refuses a horizon ≤ 0 (`notPositive`) and a negative or non-finite rate (`negative`). */
export function checkHorizon(horizon: number, rate: number): void {
  if (!(horizon > 0) || !isFinite(horizon)) refuse({ code: 'notPositive', input: 'horizon', value: horizon });
  if (!(rate >= 0) || !isFinite(rate)) refuse({ code: 'negative', input: 'rate', value: rate });
}

/**
 * Per-customer predictions from fitted models: summaries and their grouping (`groupHistories` of
 * the same customers) in, customers sorted by CLV descending (ties by id) out. Each customer group
 * of identical history is predicted once, and each hypergeometric function once per distinct (x, T).
 * Refuses `notFinite` when a prediction overflows.
 *
 * @example valueCustomers(summaries, groupHistories(summaries.customers), 'bgnbd', fit, spend, 52, 0)
 */
export function valueCustomers(
  summaries: CustomerSummaries,
  data: GroupedHistories,
  model: PurchaseModel,
  fit: PurchaseFit,
  spend: SpendModel,
  horizon: number,
  rate: number,
): CustomerValuePrediction {
  const alive = groupProbabilityAlive(model, fit, data);
  const ages = data.ages.length;
  const cache = new Map<number, { purchases: number; discounted: number }>();
  const groupPurchases = new Float64Array(data.count.length);
  const groupDiscounted = new Float64Array(data.count.length);
  for (let g = 0; g < data.count.length; g++) {
    const key = data.xIndex[g] * ages + data.ageIndex[g];
    let value = cache.get(key);
    if (!value) {
      const x = data.xs[data.xIndex[g]];
      const age = data.ages[data.ageIndex[g]];
      value = discountedAlivePurchases(model, fit, horizon, x, age, summaries.unitDays, rate);
      cache.set(key, value);
    }
    groupPurchases[g] = value.purchases * alive[g];
    groupDiscounted[g] = value.discounted * alive[g];
  }
  const customers = summaries.customers.map((c, i): CustomerValue => {
    const g = data.group[i];
    const value = spendOf(spend, c.x, c.monetary);
    return {
      id: c.id,
      x: c.x,
      recency: c.recency,
      age: c.age,
      pAlive: alive[g],
      expectedPurchases: groupPurchases[g],
      expectedOrderValue: value,
      clv: groupDiscounted[g] * value,
    };
  });
  if (customers.some((c) => !isFinite(c.clv) || !isFinite(c.pAlive) || !isFinite(c.expectedPurchases)))
    refuse({ code: 'notFinite' });
  const sorted = sortedOrder(
    customers.map((c) => c.id),
    customers.map((c) => -c.clv),
  ).map((k) => customers[k]);
  return {
    model,
    fit,
    gammaGamma: spend.gammaGamma,
    spendFallback: spend.fallback,
    meanRepeatOrderValue: spend.meanRepeatOrderValue,
    asOfDay: summaries.asOfDay,
    customers: sorted,
  };
}

/**
 * Expected purchases of a customer in the next `horizon` units, undiscounted and discounted month
 * by month at an annual rate (see the module comment), under `model` (default BG/NBD).
 *
 * @example discountedPurchases(params, 52, 2, 30.43, 38.86, 7, 0) // { purchases: E[Y(52)], discounted: the same }
 */
export function discountedPurchases(
  params: PurchaseParams,
  horizon: number,
  x: number,
  recency: number,
  age: number,
  unitDays: number,
  annualRate: number,
  model: PurchaseModel = 'bgnbd',
): { purchases: number; discounted: number } {
  const alive = PURCHASE_MODELS[model].probabilityAlive(params, x, recency, age);
  const { purchases, discounted } = discountedAlivePurchases(model, params, horizon, x, age, unitDays, annualRate);
  return { purchases: purchases * alive, discounted: discounted * alive };
}

/**
 * {@link discountedPurchases} of a customer known to be alive (recency plays no part): multiply by
 * P(alive) for the customer's expectation.
 */
function discountedAlivePurchases(
  model: PurchaseModel,
  params: PurchaseParams,
  horizon: number,
  x: number,
  age: number,
  unitDays: number,
  annualRate: number,
): { purchases: number; discounted: number } {
  const expected = PURCHASE_MODELS[model].aliveExpectedPurchases;
  if (annualRate === 0) {
    const purchases = expected(params, horizon, x, age);
    return { purchases, discounted: purchases };
  }
  const month = MONTH_DAYS / unitDays;
  const steps = Math.max(1, Math.ceil(horizon / month - 1e-9));
  let previous = 0;
  let discounted = 0;
  for (let k = 1; k <= steps; k++) {
    const t = Math.min(k * month, horizon);
    const value = expected(params, t, x, age);
    discounted += (value - previous) * (1 + annualRate) ** (-(t * unitDays) / 365.25);
    previous = value;
  }
  return { purchases: previous, discounted };
}
