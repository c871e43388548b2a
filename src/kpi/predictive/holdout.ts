/**
 * The repeat-buying models checked on data they have not seen (Fader, Hardie & Lee 2005, §4 and
 * figure 5; `lifetimes`' `calibration_and_holdout_data` and
 * `plot_calibration_purchases_vs_holdout_purchases`; BTYD's `PlotFreqVsConditionalExpectedFrequency`
 * with a 7+ bin): the model is fitted on the orders up to the end of a calibration period and
 * predicts each customer's repeat purchases in the holdout window that follows, E[Y(t) | x, tₓ, T]
 * with t the window's length; the actual purchases are the customer's distinct order days in the
 * window. Customers are grouped by their calibration repeat purchases x = 0, 1, …, 6 and 7+.
 * Customers whose first order falls in the window are left out (the model knows nothing of them).
 *
 * On the CDNOW sample (calibration to 1997-09-30, holdout to 1998-06-30, 39 weeks) the 2,357
 * customers made 1,882 repeat purchases in the holdout; BG/NBD predicts 1,653.4.
 */
import type { Period } from '../calendar/days';
import { refuse } from '../domain-error';
import { type GroupedHistories, groupHistories, type PurchaseFit, type PurchaseModel } from './likelihood';
import { groupAliveExpectedPurchases, groupProbabilityAlive, PURCHASE_MODELS } from './models';
import { type CustomerOrders, type CustomerSummaries, groupOrders, repeatDaysBetween, summariesAt } from './summary';

/** Customers are grouped by calibration repeat purchases 0 … 6 and this many or more. */
export const HOLDOUT_TOP_GROUP = 7;

/** Calibration summaries and holdout purchases of the same customers, in the same order. */
export interface HoldoutData {
  calibration: CustomerSummaries;
  /** `groupHistories` of the calibration summaries. */
  grouped: GroupedHistories;
  /** Distinct order days of each customer in (calibration end, holdout end]. */
  actual: Int32Array;
  calibrationEndDay: number;
  holdoutEndDay: number;
  /** Length of the holdout window, in units. */
  length: number;
}

/** One row of the comparison: the customers with x calibration repeat purchases (x = 7: 7 or more). */
export interface HoldoutGroup {
  x: number;
  customers: number;
  /** Mean predicted holdout purchases per customer; undefined when the group is empty. */
  predicted: number | undefined;
  /** Mean actual holdout purchases per customer; undefined when the group is empty. */
  actual: number | undefined;
}

/** A model's holdout check. */
export interface HoldoutResult {
  model: PurchaseModel;
  /** The fit on the calibration orders. */
  fit: PurchaseFit;
  /** x = 0 … 6, then 7+. */
  groups: HoldoutGroup[];
  customers: number;
  predictedTotal: number;
  actualTotal: number;
  /** Mean over the non-empty groups of |predicted − actual| per customer. */
  meanAbsoluteError: number;
}

/** Options of {@link holdoutCheck}. */
export interface HoldoutOptions {
  /** The repeat-buying model (default BG/NBD). */
  model?: PurchaseModel;
  /** Time unit of the fit (default week); the predictions do not depend on it. */
  unit?: Period;
}

/**
 * Fits `model` on the orders up to `calibrationEndDay` and compares its predicted repeat purchases
 * in (calibrationEndDay, holdoutEndDay] with the actual ones (see the module comment). Orders after
 * `holdoutEndDay` are ignored. Refuses a holdout end not after the calibration end (`notPositive`,
 * input `holdoutLength`), no order by the calibration end (`noOrdersByAsOf`, input `asOf`), and what
 * the fit refuses.
 *
 * @example holdoutCheck(ids, days, dayFromCivil(1997, 9, 30), dayFromCivil(1998, 6, 30)).predictedTotal
 * // 1653.4 on the CDNOW sample (actual 1882)
 */
export function holdoutCheck(
  customerIds: readonly string[],
  days: readonly number[],
  calibrationEndDay: number,
  holdoutEndDay: number,
  options: HoldoutOptions = {},
): HoldoutResult {
  if (!(holdoutEndDay > calibrationEndDay))
    refuse({ code: 'notPositive', input: 'holdoutLength', value: holdoutEndDay - calibrationEndDay });
  const orders = groupOrders(customerIds, days, undefined, holdoutEndDay);
  const data = holdoutData(orders, calibrationEndDay, holdoutEndDay, options.unit ?? 'week');
  const model = options.model ?? 'bgnbd';
  return compareHoldout(data, model, PURCHASE_MODELS[model].fit(data.grouped));
}

/**
 * Calibration summaries and holdout purchases from orders grouped once (`groupOrders` up to the
 * holdout end at least). Refuses `noOrdersByAsOf` (input `asOf`) when no customer has bought by the
 * calibration end.
 *
 * @example holdoutData(groupOrders(ids, days, amounts), calibrationEnd, holdoutEnd, 'week').actual
 */
export function holdoutData(
  orders: CustomerOrders,
  calibrationEndDay: number,
  holdoutEndDay: number,
  unit: Period,
): HoldoutData {
  const calibration = summariesAt(orders, calibrationEndDay, unit);
  return {
    calibration,
    grouped: groupHistories(calibration.customers),
    actual: repeatDaysBetween(orders, calibrationEndDay, holdoutEndDay),
    calibrationEndDay,
    holdoutEndDay,
    length: (holdoutEndDay - calibrationEndDay) / calibration.unitDays,
  };
}

/**
 * The holdout comparison of a model already fitted on the calibration data. Refuses `notFinite`
 * when a prediction overflows.
 *
 * @example compareHoldout(data, 'mbgnbd', fitMbgNbd(data.grouped)).groups[0] // x = 0: customers, predicted, actual
 */
export function compareHoldout(data: HoldoutData, model: PurchaseModel, fit: PurchaseFit): HoldoutResult {
  const { grouped } = data;
  const alive = groupProbabilityAlive(model, fit, grouped);
  const ifAlive = groupAliveExpectedPurchases(model, fit, grouped, data.length);
  const customers = new Float64Array(HOLDOUT_TOP_GROUP + 1);
  const predicted = new Float64Array(HOLDOUT_TOP_GROUP + 1);
  const actual = new Float64Array(HOLDOUT_TOP_GROUP + 1);
  data.calibration.customers.forEach((c, i) => {
    const g = grouped.group[i];
    const k = Math.min(c.x, HOLDOUT_TOP_GROUP);
    customers[k]++;
    predicted[k] += alive[g] * ifAlive[g];
    actual[k] += data.actual[i];
  });
  let predictedTotal = 0;
  let actualTotal = 0;
  let errors = 0;
  let filled = 0;
  const groups: HoldoutGroup[] = [];
  for (let k = 0; k <= HOLDOUT_TOP_GROUP; k++) {
    predictedTotal += predicted[k];
    actualTotal += actual[k];
    const n = customers[k];
    groups.push({
      x: k,
      customers: n,
      predicted: n > 0 ? predicted[k] / n : undefined,
      actual: n > 0 ? actual[k] / n : undefined,
    });
    if (n > 0) {
      errors += Math.abs(predicted[k] - actual[k]) / n;
      filled++;
    }
  }
  if (!isFinite(predictedTotal)) refuse({ code: 'notFinite' });
  return {
    model,
    fit,
    groups,
    customers: data.calibration.customers.length,
    predictedTotal,
    actualTotal,
    meanAbsoluteError: errors / filled,
  };
}
