/**
 * The BG/NBD ("beta-geometric / negative binomial distribution") model of repeat buying:
 * while alive a customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each purchase
 * they drop out with probability p ~ Beta(a, b).
 *
 * Source: P. S. Fader, B. G. S. Hardie & K. L. Lee, "'Counting Your Customers' the Easy Way: An
 * Alternative to the Pareto/NBD Model", Marketing Science 24(2), 2005, equations (6), (9), (10)
 * and the appendix (P(alive)); the grouped, numerically stable form of the log-likelihood follows
 * the `lifetimes` package (C. Davidson-Pilon, MIT). On the CDNOW sample (2,357 customers, weeks,
 * calibration to 1997-09-30) the maximum-likelihood estimates are r = 0.243, α = 4.414, a = 0.793,
 * b = 2.426, LL = −9582.4. The likelihood and the fit are shared with MBG/NBD (`likelihood.ts`).
 */
import { logHyp2f1 } from './hypergeometric';
import {
  type FitOptions,
  fitPurchaseModel,
  type GroupedHistories,
  type PurchaseFit,
  type PurchaseParams,
  purchaseLogLikelihood,
  type RepeatHistory,
} from './likelihood';
import { lagrange } from './special';

/** BG/NBD parameters. α is in the summary's time unit. */
export type BgNbdParams = PurchaseParams;

/** Maximum-likelihood fit: the parameters and the log-likelihood they reach. */
export type BgNbdFit = PurchaseFit;

/**
 * BG/NBD log-likelihood of grouped histories (FHL 2005 eq. 6):
 * L = Γ(r+x)αʳ/(Γ(r)(α+T)^(r+x)) · B(a, b+x)/B(a, b) + δ(x>0) · Γ(r+x)αʳ/(Γ(r)(α+tₓ)^(r+x)) · B(a+1, b+x−1)/B(a, b),
 * summed in logs with the log-sum-exp trick.
 */
export function bgNbdLogLikelihood(params: BgNbdParams, data: GroupedHistories): number {
  return purchaseLogLikelihood('bgnbd', params, data);
}

/**
 * Maximum-likelihood BG/NBD fit on log-parameters (quasi-Newton from a warm start when given and
 * two starting points, checked by the gradient; Nelder–Mead with restarts when none converges).
 * Takes the histories or, to share them between fits, the histories grouped once. Refuses fewer
 * than 10 customers (`tooFewCustomers`) or 3 repeat buyers (`tooFewRepeatBuyers`), and a likelihood
 * with no interior maximum or a search that does not converge (see `checkFit`).
 *
 * @example fitBgNbd(cdnowSampleSummaries) // { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, logLikelihood: −9582.4 }
 */
export function fitBgNbd(histories: readonly RepeatHistory[] | GroupedHistories, options?: FitOptions): BgNbdFit {
  return fitPurchaseModel('bgnbd', histories, options);
}

/**
 * Probability that a customer with history (x, tₓ, T) is still alive (FHL 2005, appendix; Fader,
 * Hardie & Lee, "Computing P(alive) using the BG/NBD model", 2008):
 * P = 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)). It is 1 when x = 0.
 *
 * @example probabilityAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 2, 30.43, 38.86) // ≈ 0.76
 */
export function probabilityAlive(params: BgNbdParams, x: number, recency: number, age: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const logOdds = (r + x) * Math.log((alpha + age) / (alpha + recency)) + Math.log(a / (b + x - 1));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * Expected purchases in (0, t] of a customer just acquired (FHL 2005 eq. 9):
 * E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))ʳ · ₂F₁(r, b; a+b−1; t/(α+t))].
 *
 * @example expectedPurchases({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 78) // 1.858
 */
export function expectedPurchases(params: BgNbdParams, t: number): number {
  return aroundOne(params, (p) => {
    const { r, alpha, a, b } = p;
    const f = logHyp2f1(r, b, a + b - 1, t / (alpha + t));
    return ((a + b - 1) / (a - 1)) * oneMinus(f.sign, f.log + r * Math.log(alpha / (alpha + t)));
  });
}

/**
 * Expected purchases in the next t units of a customer with history (x, tₓ, T) (FHL 2005 eq. 10):
 * E[Y(t) | x, tₓ, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
 * ÷ (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)), that is {@link aliveExpectedPurchases} × P(alive).
 *
 * @example conditionalExpectedPurchases({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, 2, 30.43, 38.86) // 1.226
 */
export function conditionalExpectedPurchases(
  params: BgNbdParams,
  t: number,
  x: number,
  recency: number,
  age: number,
): number {
  if (t === 0) return 0;
  return aliveExpectedPurchases(params, t, x, age) * probabilityAlive(params, x, recency, age);
}

/**
 * Expected purchases in the next t units of a customer with x repeat purchases and age T who is
 * still alive (FHL 2005 eq. 10 without its P(alive) factor; recency plays no part):
 * (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))].
 *
 * @example aliveExpectedPurchases({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, 2, 38.86) // ≈ 1.69
 */
export function aliveExpectedPurchases(params: BgNbdParams, t: number, x: number, age: number): number {
  if (t === 0) return 0;
  return aroundOne(params, (p) => {
    const { r, alpha, a, b } = p;
    const f = logHyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + age + t));
    const bracket = oneMinus(f.sign, f.log + (r + x) * Math.log((alpha + age) / (alpha + age + t)));
    return ((a + b + x - 1) / (a - 1)) * bracket;
  });
}

/** 1 − sign·e^log, accurate when sign·e^log is close to 1. */
export function oneMinus(sign: number, log: number): number {
  if (sign > 0) return -Math.expm1(log);
  return sign < 0 ? 1 + Math.exp(log) : 1;
}

/** Distance from a = 1 below which the removable singularity of (·)/(a − 1) is interpolated. */
const NEAR_ONE = 1e-3;

/**
 * Evaluates `compute` at the parameters, or — when a is within {@link NEAR_ONE} of 1, where the
 * formulas read 0/0 — interpolates it from a = 1 ± NEAR_ONE and 1 ± 2·NEAR_ONE (cubic, error
 * O(NEAR_ONE⁴)).
 */
export function aroundOne(params: BgNbdParams, compute: (p: BgNbdParams) => number): number {
  if (Math.abs(params.a - 1) >= NEAR_ONE) return compute(params);
  const nodes = [-2, -1, 1, 2].map((j) => 1 + j * NEAR_ONE);
  return lagrange(
    nodes,
    nodes.map((a) => compute({ ...params, a })),
    params.a,
  );
}
