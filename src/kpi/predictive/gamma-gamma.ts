/**
 * The Gamma-Gamma model of spend per purchase: a customer's purchase amounts are Gamma(p, ν) with
 * ν ~ Gamma(q, v) across customers, independent of the purchase process.
 *
 * Source: P. S. Fader & B. G. S. Hardie, "The Gamma-Gamma Model of Monetary Value" (2013 note),
 * equations (1)–(5); log-likelihood of the mean spend m̄ of x repeat purchases as in `lifetimes`
 * (C. Davidson-Pilon, MIT). CDNOW sample, 946 repeat buyers: p = 6.25, q = 3.74, v = 15.44.
 */
import { isDomainError, refuse } from '../domain-error';
import { checkFit, EDGE } from './likelihood';
import { minimizeSmooth } from './optimizer';
import { digamma, lnGamma } from './special';

/** Gamma-Gamma parameters (v in the currency of the amounts). */
export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

/** What the model needs of a customer: repeat purchases x and their mean spend. */
export interface SpendHistory {
  x: number;
  monetary: number;
}

/** Fewest repeat buyers with spend above 0 a fit accepts. */
export const MIN_SPENDING_REPEAT_BUYERS = 3;

/**
 * Spend histories with the distinct x values indexed: per distinct x, its customers and the sum of
 * their ln m̄; per customer, x·m̄.
 */
export interface PreparedSpend {
  xs: number[];
  /** Customers with each distinct x, and Σ ln m̄ over them. */
  counts: number[];
  logSpendSums: number[];
  xIndex: Int32Array;
  /** x·m̄ of each customer. */
  totals: Float64Array;
}

/**
 * Prepares the histories given (each with x > 0 and m̄ > 0) for {@link spendLogLikelihood}.
 *
 * @example prepareSpend([{ x: 2, monetary: 10 }, { x: 2, monetary: 30 }]).counts // [2]
 */
export function prepareSpend(histories: readonly SpendHistory[]): PreparedSpend {
  const index = new Map<number, number>();
  const xs: number[] = [];
  const counts: number[] = [];
  const logSpendSums: number[] = [];
  const xIndex = new Int32Array(histories.length);
  const totals = new Float64Array(histories.length);
  histories.forEach((h, i) => {
    let k = index.get(h.x);
    if (k === undefined) {
      k = xs.length;
      index.set(h.x, k);
      xs.push(h.x);
      counts.push(0);
      logSpendSums.push(0);
    }
    xIndex[i] = k;
    counts[k]++;
    logSpendSums[k] += Math.log(h.monetary);
    totals[i] = h.x * h.monetary;
  });
  return { xs, counts, logSpendSums, xIndex, totals };
}

/**
 * Σ over customers of ln f(m̄ | x; p, q, v) (FH 2013 eq. 3, up to terms free of the parameters as
 * `lifetimes` writes it): lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln v + px ln x + (px−1) ln m̄ − (px+q) ln(x m̄ + v).
 * When `gradient` is given, its derivatives with respect to ln p, ln q and ln v are written into it.
 *
 * @example spendLogLikelihood({ p: 6.25, q: 3.74, v: 15.44 }, prepareSpend(cdnowRepeatBuyers)) // the maximum on CDNOW
 */
export function spendLogLikelihood(params: GammaGammaParams, data: PreparedSpend, gradient?: number[]): number {
  const { p, q, v } = params;
  const { xs, counts, logSpendSums, xIndex, totals } = data;
  const groups = xs.length;
  // Σ ln(x m̄ + v) and Σ 1/(x m̄ + v) over each distinct x's customers
  const logSums = new Float64Array(groups);
  const inverseSums = new Float64Array(groups);
  for (let i = 0; i < totals.length; i++) {
    const k = xIndex[i];
    const shifted = totals[i] + v;
    logSums[k] += Math.log(shifted);
    if (gradient) inverseSums[k] += 1 / shifted;
  }
  const logV = Math.log(v);
  const lnGammaQ = lnGamma(q);
  const psiQ = gradient ? digamma(q) : 0;
  let total = 0;
  let dP = 0;
  let dQ = 0;
  let dV = 0;
  for (let k = 0; k < groups; k++) {
    const x = xs[k];
    const n = counts[k];
    const px = p * x;
    const logX = Math.log(x);
    total +=
      n * (lnGamma(px + q) - lnGamma(px) - lnGammaQ + q * logV + px * logX) +
      (px - 1) * logSpendSums[k] -
      (px + q) * logSums[k];
    if (gradient) {
      const psiPxQ = digamma(px + q);
      dP += x * (n * (psiPxQ - digamma(px) + logX) + logSpendSums[k] - logSums[k]);
      dQ += n * (psiPxQ - psiQ + logV) - logSums[k];
      dV += (n * q) / v - (px + q) * inverseSums[k];
    }
  }
  if (gradient) {
    gradient[0] = p * dP;
    gradient[1] = q * dQ;
    gradient[2] = v * dV;
  }
  return total;
}

/**
 * Maximum-likelihood Gamma-Gamma fit on the repeat buyers whose mean repeat spend is above 0
 * (others are left out: one-time buyers carry no repeat spend, and zero-value orders such as free
 * samples have no Gamma density), on log-parameters: quasi-Newton with the analytic gradient, and
 * Nelder–Mead to confirm a maximum near the edge of the domain (see `minimizeSmooth`). Refuses fewer
 * than {@link MIN_SPENDING_REPEAT_BUYERS} such buyers (`tooFewSpendingBuyers`) and a likelihood with
 * no interior maximum (see `checkFit`).
 *
 * @example fitGammaGamma(cdnowSampleSummaries) // { p: 6.25, q: 3.74, v: 15.44 }
 */
export function fitGammaGamma(histories: readonly SpendHistory[]): GammaGammaParams {
  const spending = histories.filter((h) => h.x > 0 && h.monetary > 0);
  if (spending.length < MIN_SPENDING_REPEAT_BUYERS)
    refuse({ code: 'tooFewSpendingBuyers', found: spending.length, needed: MIN_SPENDING_REPEAT_BUYERS });
  let spend = 0;
  for (const h of spending) spend += h.monetary;
  const meanSpend = spend / spending.length;
  const data = prepareSpend(spending);
  const negLogLikelihood = (theta: number[], gradient?: number[]) => {
    if (theta.some((t) => !(Math.abs(t) <= 36))) return Infinity;
    const value = -spendLogLikelihood(paramsOf(theta), data, gradient);
    if (gradient) for (let i = 0; i < gradient.length; i++) gradient[i] = -gradient[i];
    return value;
  };
  // E[spend] = p·v/(q−1): start from p = 1, q = 2, v = mean spend, and from a peaked alternative
  const starts = [
    [0, Math.log(2), Math.log(meanSpend)],
    [Math.log(5), Math.log(4), Math.log((meanSpend * 3) / 5)],
  ];
  // p and q are scale-free; v is in the currency of the amounts, so its edge is measured from the mean spend
  const logMeanSpend = Math.log(meanSpend);
  const best = minimizeSmooth(negLogLikelihood, starts, {
    confirm: ([logP, logQ, logV]) => Math.max(Math.abs(logP), Math.abs(logQ), Math.abs(logV - logMeanSpend)) > EDGE,
  });
  checkFit(best.x, best.converged);
  return paramsOf(best.x);
}

function paramsOf(theta: number[]): GammaGammaParams {
  return { p: Math.exp(theta[0]), q: Math.exp(theta[1]), v: Math.exp(theta[2]) };
}

/**
 * Expected spend per purchase of a customer given x repeat purchases of mean m̄ (FH 2013 eq. 5):
 * E[M | x, m̄] = (q−1)/(px+q−1) · pv/(q−1) + px/(px+q−1) · m̄, the population mean pv/(q−1) when
 * x = 0. Needs q > 1 (otherwise the mean spend is unbounded): refuses `spendUnbounded`.
 *
 * @example expectedOrderValue({ p: 6.25, q: 3.74, v: 15.44 }, 2, 22.35) // ≈ 24.3
 */
export function expectedOrderValue(params: GammaGammaParams, x: number, monetary: number): number {
  const { p, q, v } = params;
  if (!(q > 1)) refuse({ code: 'spendUnbounded', q });

  const populationMean = (p * v) / (q - 1);
  if (x <= 0) return populationMean;
  const weight = (p * x) / (p * x + q - 1);
  return (1 - weight) * populationMean + weight * monetary;
}

/**
 * What predicts a customer's spend per purchase: the Gamma-Gamma fit, or — when it cannot be
 * fitted because repeat spend does not vary between customers (a one-price product) — the mean
 * repeat-order value for everyone, the limit of the model as that variation goes to 0.
 */
export interface SpendModel {
  /** The fit; undefined when the fallback is used. */
  gammaGamma: GammaGammaParams | undefined;
  /** True when every customer's expected order value is {@link SpendModel.meanRepeatOrderValue}. */
  fallback: boolean;
  /** Σ repeat spend ÷ Σ repeat purchases over the repeat buyers whose mean repeat spend is above 0. */
  meanRepeatOrderValue: number;
}

/** Mean repeat spends this close (relative to the mean) are equal: a one-price product, fitted or not. */
const SAME_SPEND = 1e-9;
/** Mean repeat spends within this share of the mean differ only by rounding (cents, taxes). */
const ROUNDING_SPREAD = 0.01;

/**
 * Fits Gamma-Gamma ({@link fitGammaGamma}) on the repeat buyers whose mean repeat spend is above
 * 0, or falls back to their mean repeat-order value when that spend does not vary between
 * customers: all their mean spends equal (up to 1e−9 relative: not even tried), or the fit refusing
 * (`fitUnbounded`, `fitNotConverged`, or q ≤ 1) while the mean spends differ by at most 1 % of their
 * mean (rounding). Other refusals stand, as does `tooFewSpendingBuyers`.
 *
 * @example fitSpendModel([{ x: 2, monetary: 9.99 }, { x: 1, monetary: 9.99 }, { x: 4, monetary: 9.99 }])
 * // { gammaGamma: undefined, fallback: true, meanRepeatOrderValue: 9.99 }
 */
export function fitSpendModel(histories: readonly SpendHistory[]): SpendModel {
  let buyers = 0;
  let spend = 0;
  let purchases = 0;
  let low = Infinity;
  let high = -Infinity;
  for (const h of histories) {
    if (!(h.x > 0 && h.monetary > 0)) continue;
    buyers++;
    spend += h.x * h.monetary;
    purchases += h.x;
    low = Math.min(low, h.monetary);
    high = Math.max(high, h.monetary);
  }
  if (buyers < MIN_SPENDING_REPEAT_BUYERS)
    refuse({ code: 'tooFewSpendingBuyers', found: buyers, needed: MIN_SPENDING_REPEAT_BUYERS });
  const meanRepeatOrderValue = spend / purchases;
  const fallback: SpendModel = { gammaGamma: undefined, fallback: true, meanRepeatOrderValue };
  if (high - low <= SAME_SPEND * meanRepeatOrderValue) return fallback;
  const rounding = high - low <= ROUNDING_SPREAD * meanRepeatOrderValue;
  try {
    const gammaGamma = fitGammaGamma(histories);
    if (!(gammaGamma.q > 1) && rounding) return fallback;
    return { gammaGamma, fallback: false, meanRepeatOrderValue };
  } catch (error) {
    const code = isDomainError(error) ? error.issue.code : undefined;
    if (rounding && (code === 'fitUnbounded' || code === 'fitNotConverged')) return fallback;
    throw error;
  }
}

/**
 * Expected spend per purchase under a {@link SpendModel}: Gamma-Gamma's
 * ({@link expectedOrderValue}), or the mean repeat-order value when it fell back.
 *
 * @example spendOf(fitSpendModel(summaries), 2, 22.35) // ≈ 24.3 on CDNOW
 */
export function spendOf(model: SpendModel, x: number, monetary: number): number {
  return model.gammaGamma ? expectedOrderValue(model.gammaGamma, x, monetary) : model.meanRepeatOrderValue;
}
