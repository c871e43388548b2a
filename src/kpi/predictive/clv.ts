/**
 * Predicted customer lifetime value over a horizon from raw orders: BG/NBD for the number of future
 * purchases, Gamma-Gamma for their value (Fader, Hardie & Lee 2005; Fader & Hardie 2013).
 *
 * CLV = expected purchases in the next `horizon` units × expected spend per purchase.
 * Discounting (when an annual rate R > 0 is given): the horizon is cut into months of
 * 30.4375 days (the last one possibly shorter); the purchases the model expects within month k,
 * E[Y(tₖ)] − E[Y(tₖ₋₁)], are discounted from the month's end tₖ by (1 + R)^(−tₖ in years). With
 * R = 0 this is exactly E[Y(horizon)] × value.
 */
import type { Period } from '../calendar/days';
import { refuse } from '../domain-error';
import { conditionalExpectedPurchases, fitBgNbd, probabilityAlive, type BgNbdFit, type BgNbdParams } from './bgnbd';
import { expectedOrderValue, fitGammaGamma, type GammaGammaParams } from './gamma-gamma';
import { sortedOrder } from '../retention/customers';
import { summarizeCustomers, UNIT_DAYS } from './summary';

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
  /** Expected spend per purchase (Gamma-Gamma). */
  expectedOrderValue: number;
  /** Predicted (discounted) value over the horizon. */
  clv: number;
}

/** Fitted models and per-customer predictions, sorted by CLV descending (ties by id). */
export interface CustomerValuePrediction {
  bgnbd: BgNbdFit;
  gammaGamma: GammaGammaParams;
  asOfDay: number;
  customers: CustomerValue[];
}

/** Days in the month of the discounting schedule (365.25 / 12). */
const MONTH_DAYS = 30.4375;

/**
 * Fits BG/NBD and Gamma-Gamma on the orders up to as_of and predicts every customer's purchases,
 * order value and CLV over the horizon. Refuses a horizon ≤ 0 (`notPositive`, input `horizon`), a
 * negative rate (`negative`, input `rate`), and what the summary and the fits refuse.
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
  if (!(horizon > 0) || !isFinite(horizon)) refuse({ code: 'notPositive', input: 'horizon', value: horizon });
  if (!(rate >= 0) || !isFinite(rate)) refuse({ code: 'negative', input: 'rate', value: rate });
  const unit = options.unit ?? 'week';
  const summaries = summarizeCustomers(customerIds, days, amounts, { asOfDay: options.asOfDay, unit });
  const bgnbd = fitBgNbd(summaries.customers);
  const gammaGamma = fitGammaGamma(summaries.customers);
  const cache = new Map<string, { pAlive: number; purchases: number; discounted: number }>();
  const customers = summaries.customers.map((c): CustomerValue => {
    const key = `${c.x}|${c.recency}|${c.age}`;
    let purchase = cache.get(key);
    if (!purchase) {
      const { purchases, discounted } = discountedPurchases(
        bgnbd,
        horizon,
        c.x,
        c.recency,
        c.age,
        UNIT_DAYS[unit],
        rate,
      );
      purchase = { pAlive: probabilityAlive(bgnbd, c.x, c.recency, c.age), purchases, discounted };
      cache.set(key, purchase);
    }
    const value = expectedOrderValue(gammaGamma, c.x, c.monetary);
    return {
      id: c.id,
      x: c.x,
      recency: c.recency,
      age: c.age,
      pAlive: purchase.pAlive,
      expectedPurchases: purchase.purchases,
      expectedOrderValue: value,
      clv: purchase.discounted * value,
    };
  });
  if (customers.some((c) => !isFinite(c.clv) || !isFinite(c.pAlive))) refuse({ code: 'notFinite' });
  const sorted = sortedOrder(
    customers.map((c) => c.id),
    customers.map((c) => -c.clv),
  ).map((k) => customers[k]);
  return { bgnbd, gammaGamma, asOfDay: summaries.asOfDay, customers: sorted };
}

/**
 * Expected purchases of a customer in the next `horizon` units, undiscounted and discounted month
 * by month at an annual rate (see the module comment).
 *
 * @example discountedPurchases(params, 52, 2, 30.43, 38.86, 7, 0) // { purchases: E[Y(52)], discounted: the same }
 */
export function discountedPurchases(
  params: BgNbdParams,
  horizon: number,
  x: number,
  recency: number,
  age: number,
  unitDays: number,
  annualRate: number,
): { purchases: number; discounted: number } {
  if (annualRate === 0) {
    const purchases = conditionalExpectedPurchases(params, horizon, x, recency, age);
    return { purchases, discounted: purchases };
  }
  const month = MONTH_DAYS / unitDays;
  const steps = Math.max(1, Math.ceil(horizon / month - 1e-9));
  let previous = 0;
  let discounted = 0;
  for (let k = 1; k <= steps; k++) {
    const t = Math.min(k * month, horizon);
    const expected = conditionalExpectedPurchases(params, t, x, recency, age);
    discounted += (expected - previous) * (1 + annualRate) ** (-(t * unitDays) / 365.25);
    previous = expected;
  }
  return { purchases: previous, discounted };
}
