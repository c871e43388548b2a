/**
 * The modified BG/NBD (MBG/NBD) model of repeat buying: as BG/NBD, a customer buys as a Poisson
 * process with rate λ ~ Gamma(r, α) while alive and drops out with probability p ~ Beta(a, b), but
 * the drop-out chance also comes right after the first purchase, not only after repeat ones. So a
 * one-time buyer who has not come back for a long time is no longer certainly alive (under BG/NBD
 * their P(alive) is always 1).
 *
 * Source: E. P. Batislam, M. Denizel & A. Filiztekin, "Empirical validation and comparison of
 * models for customer base analysis", International Journal of Research in Marketing 24(3), 2007,
 * eq. (4) (likelihood) and appendix A (P(alive)); the conditional expectation as corrected by
 * C. Wagner & D. Hoppe, "Erratum on the MBG/NBD model", 2008; the formulas as implemented in
 * `lifetimes` (C. Davidson-Pilon, MIT: `ModifiedBetaGeoFitter`) and BTYDplus (M. Platzer, GPL:
 * `mbgcnbd` with k = 1). On the CDNOW sample (weeks, calibration to 1997-09-30) the maximum-
 * likelihood estimates are r = 0.525, α = 6.183, a = 0.891, b = 1.614 (lifetimes'
 * `test_params_out_is_close_to_BTYDplus`), LL = −9582.14.
 */
import { aroundOne, oneMinus } from './bgnbd';
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

/**
 * MBG/NBD log-likelihood of grouped histories (Batislam et al. 2007 eq. 4):
 * L = Γ(r+x)αʳ/Γ(r) · B(a, b+x+1)/B(a, b) · [(α+T)^−(r+x) + a/(b+x) · (α+tₓ)^−(r+x)], for x = 0 too.
 *
 * @example mbgNbdLogLikelihood({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, groupHistories(cdnow)) // −9582.1358
 */
export function mbgNbdLogLikelihood(params: PurchaseParams, data: GroupedHistories): number {
  return purchaseLogLikelihood('mbgnbd', params, data);
}

/**
 * Maximum-likelihood MBG/NBD fit, with the same search, convergence checks and refusals as the
 * BG/NBD fit (`fitPurchaseModel`): fewer than 10 customers or 3 repeat buyers, a likelihood with no
 * interior maximum, a search that does not converge.
 *
 * @example fitMbgNbd(cdnowSampleSummaries) // { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614, logLikelihood: −9582.14 }
 */
export function fitMbgNbd(histories: readonly RepeatHistory[] | GroupedHistories, options?: FitOptions): PurchaseFit {
  return fitPurchaseModel('mbgnbd', histories, options);
}

/**
 * Probability that a customer with history (x, tₓ, T) is still alive (Batislam et al. 2007,
 * appendix A): P = 1 / (1 + a/(b+x) · ((α+T)/(α+tₓ))^(r+x)), for x = 0 too, so always below 1.
 *
 * @example mbgProbabilityAlive({ r: 0.524843, alpha: 6.183086, a: 0.891359, b: 1.614002 }, 0, 0, 38.86) // 0.3897
 */
export function mbgProbabilityAlive(params: PurchaseParams, x: number, recency: number, age: number): number {
  const { r, alpha, a, b } = params;
  const logOdds = (r + x) * Math.log((alpha + age) / (alpha + recency)) + Math.log(a / (b + x));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * Expected purchases in (0, t] of a customer just acquired (`lifetimes`,
 * `expected_number_of_purchases_up_to_time`): E[X(t)] = b/(a−1) · [1 − (α/(α+t))ʳ · ₂F₁(r, b+1; a+b; t/(α+t))].
 *
 * @example mbgExpectedPurchases({ r: 0.524843, alpha: 6.183086, a: 0.891359, b: 1.614002 }, 78) // 1.8036
 */
export function mbgExpectedPurchases(params: PurchaseParams, t: number): number {
  if (t === 0) return 0;
  return aroundOne(params, (p) => {
    const { r, alpha, a, b } = p;
    const f = logHyp2f1(r, b + 1, a + b, t / (alpha + t));
    return (b / (a - 1)) * oneMinus(f.sign, f.log + r * Math.log(alpha / (alpha + t)));
  });
}

/**
 * Expected purchases in the next t units of a customer with history (x, tₓ, T) (Wagner & Hoppe
 * 2008): E[Y(t) | x, tₓ, T] = (a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x+1; a+b+x; t/(α+T+t))]
 * ÷ (1 + a/(b+x) · ((α+T)/(α+tₓ))^(r+x)), that is {@link mbgAliveExpectedPurchases} × P(alive).
 *
 * @example mbgConditionalExpectedPurchases({ r: 0.524843, alpha: 6.183086, a: 0.891359, b: 1.614002 }, 39, 2,
 * 30.43, 38.86) // 1.2627
 */
export function mbgConditionalExpectedPurchases(
  params: PurchaseParams,
  t: number,
  x: number,
  recency: number,
  age: number,
): number {
  if (t === 0) return 0;
  return mbgAliveExpectedPurchases(params, t, x, age) * mbgProbabilityAlive(params, x, recency, age);
}

/**
 * Expected purchases in the next t units of a customer with x repeat purchases and age T who is
 * still alive: (a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x+1; a+b+x; t/(α+T+t))].
 *
 * @example mbgAliveExpectedPurchases({ r: 0.524843, alpha: 6.183086, a: 0.891359, b: 1.614002 }, 39, 0, 38.86)
 * // 0.3950
 */
export function mbgAliveExpectedPurchases(params: PurchaseParams, t: number, x: number, age: number): number {
  if (t === 0) return 0;
  return aroundOne(params, (p) => {
    const { r, alpha, a, b } = p;
    const f = logHyp2f1(r + x, b + x + 1, a + b + x, t / (alpha + age + t));
    const bracket = oneMinus(f.sign, f.log + (r + x) * Math.log((alpha + age) / (alpha + age + t)));
    return ((a + b + x) / (a - 1)) * bracket;
  });
}
