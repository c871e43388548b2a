/**
 * BG/NBD and MBG/NBD behind one interface, so a caller picks the model by name: the fit and the
 * per-customer predictions, and the predictions for customers grouped by identical history (each
 * hypergeometric function computed once per distinct (x, T)).
 */
import {
  aliveExpectedPurchases,
  conditionalExpectedPurchases,
  expectedPurchases,
  fitBgNbd,
  probabilityAlive,
} from './bgnbd';
import type {
  FitOptions,
  GroupedHistories,
  PurchaseFit,
  PurchaseModel,
  PurchaseParams,
  RepeatHistory,
} from './likelihood';
import {
  fitMbgNbd,
  mbgAliveExpectedPurchases,
  mbgConditionalExpectedPurchases,
  mbgExpectedPurchases,
  mbgProbabilityAlive,
} from './mbgnbd';

/** What either model computes. */
interface ModelFunctions {
  fit(histories: readonly RepeatHistory[] | GroupedHistories, options?: FitOptions): PurchaseFit;
  probabilityAlive(params: PurchaseParams, x: number, recency: number, age: number): number;
  /** E[X(t)] of a customer just acquired. */
  expectedPurchases(params: PurchaseParams, t: number): number;
  /** E[Y(t) | x, tₓ, T]. */
  conditionalExpectedPurchases(params: PurchaseParams, t: number, x: number, recency: number, age: number): number;
  /** E[Y(t) | x, T, alive]. */
  aliveExpectedPurchases(params: PurchaseParams, t: number, x: number, age: number): number;
}

/** The two models by name. */
export const PURCHASE_MODELS: Readonly<Record<PurchaseModel, ModelFunctions>> = {
  bgnbd: {
    fit: fitBgNbd,
    probabilityAlive,
    expectedPurchases,
    conditionalExpectedPurchases,
    aliveExpectedPurchases,
  },
  mbgnbd: {
    fit: fitMbgNbd,
    probabilityAlive: mbgProbabilityAlive,
    expectedPurchases: mbgExpectedPurchases,
    conditionalExpectedPurchases: mbgConditionalExpectedPurchases,
    aliveExpectedPurchases: mbgAliveExpectedPurchases,
  },
};

/**
 * P(alive) of each group of {@link GroupedHistories} (index = group).
 *
 * @example groupProbabilityAlive('mbgnbd', fit, groupHistories(summaries))[0]
 */
export function groupProbabilityAlive(
  model: PurchaseModel,
  params: PurchaseParams,
  data: GroupedHistories,
): Float64Array {
  const alive = PURCHASE_MODELS[model].probabilityAlive;
  const out = new Float64Array(data.count.length);
  for (let g = 0; g < out.length; g++)
    out[g] = alive(params, data.xs[data.xIndex[g]], data.recencies[data.recencyIndex[g]], data.ages[data.ageIndex[g]]);
  return out;
}

/**
 * E[Y(t) | alive] of each group (index = group), computed once per distinct (x, T): multiply by
 * {@link groupProbabilityAlive} for the conditional expectation E[Y(t) | x, tₓ, T].
 *
 * @example groupAliveExpectedPurchases('bgnbd', fit, groupHistories(summaries), 39)
 */
export function groupAliveExpectedPurchases(
  model: PurchaseModel,
  params: PurchaseParams,
  data: GroupedHistories,
  t: number,
): Float64Array {
  const expected = PURCHASE_MODELS[model].aliveExpectedPurchases;
  const ages = data.ages.length;
  const cache = new Map<number, number>();
  const out = new Float64Array(data.count.length);
  for (let g = 0; g < out.length; g++) {
    const key = data.xIndex[g] * ages + data.ageIndex[g];
    let value = cache.get(key);
    if (value === undefined) {
      value = expected(params, t, data.xs[data.xIndex[g]], data.ages[data.ageIndex[g]]);
      cache.set(key, value);
    }
    out[g] = value;
  }
  return out;
}
