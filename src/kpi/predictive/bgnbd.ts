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
 * b = 2.426, LL = −9582.4.
 */
import { refuse } from '../domain-error';
import { logHyp2f1 } from './hypergeometric';
import { minimize } from './optimizer';
import { lagrange, lnGamma } from './special';

/** BG/NBD parameters. α is in the summary's time unit. */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Maximum-likelihood fit: the parameters and the log-likelihood they reach. */
export interface BgNbdFit extends BgNbdParams {
  logLikelihood: number;
}

/** What the model needs of a customer: repeat purchases x, recency tₓ and age T (same unit). */
export interface RepeatHistory {
  x: number;
  recency: number;
  age: number;
}

/** Fewest customers a fit accepts. */
export const MIN_CUSTOMERS = 10;
/** Fewest repeat buyers (x ≥ 1) a fit accepts. */
export const MIN_REPEAT_BUYERS = 3;
/** A log-parameter beyond ±this is a parameter running to 0 or ∞ (e^18 ≈ 6.6·10⁷). */
const LOG_PARAMETER_LIMIT = 18;

/**
 * Customers grouped by identical (x, tₓ, T), with the distinct x, tₓ and T values indexed so a
 * likelihood evaluation computes each log-gamma and each log once per distinct value.
 */
export interface GroupedHistories {
  count: Float64Array;
  xIndex: Int32Array;
  recencyIndex: Int32Array;
  ageIndex: Int32Array;
  xs: number[];
  recencies: number[];
  ages: number[];
}

/** Groups histories by identical (x, tₓ, T). */
export function groupHistories(histories: readonly RepeatHistory[]): GroupedHistories {
  const groups = new Map<string, number>();
  const counts: number[] = [];
  const xi: number[] = [];
  const ri: number[] = [];
  const ai: number[] = [];
  const xs = new Indexer();
  const recencies = new Indexer();
  const ages = new Indexer();
  for (const h of histories) {
    const key = `${h.x}|${h.recency}|${h.age}`;
    const g = groups.get(key);
    if (g !== undefined) {
      counts[g]++;
      continue;
    }
    groups.set(key, counts.length);
    counts.push(1);
    xi.push(xs.of(h.x));
    ri.push(recencies.of(h.recency));
    ai.push(ages.of(h.age));
  }
  return {
    count: Float64Array.from(counts),
    xIndex: Int32Array.from(xi),
    recencyIndex: Int32Array.from(ri),
    ageIndex: Int32Array.from(ai),
    xs: xs.values,
    recencies: recencies.values,
    ages: ages.values,
  };
}

class Indexer {
  readonly values: number[] = [];
  private readonly index = new Map<number, number>();
  of(value: number): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.index.set(value, i);
      this.values.push(value);
    }
    return i;
  }
}

/**
 * BG/NBD log-likelihood of grouped histories (FHL 2005 eq. 6):
 * L = Γ(r+x)αʳ/(Γ(r)(α+T)^(r+x)) · B(a, b+x)/B(a, b) + δ(x>0) · Γ(r+x)αʳ/(Γ(r)(α+tₓ)^(r+x)) · B(a+1, b+x−1)/B(a, b),
 * summed in logs with the log-sum-exp trick.
 */
export function bgNbdLogLikelihood(params: BgNbdParams, data: GroupedHistories): number {
  const { r, alpha, a, b } = params;
  const logAlpha = Math.log(alpha);
  const base = lnGamma(a + b) - lnGamma(b) - lnGamma(r) + r * logAlpha;
  const perX = new Float64Array(data.xs.length);
  const dropTerm = new Float64Array(data.xs.length);
  for (let k = 0; k < data.xs.length; k++) {
    const x = data.xs[k];
    perX[k] = base + lnGamma(r + x) + lnGamma(b + x) - lnGamma(a + b + x);
    dropTerm[k] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : -Infinity;
  }
  const logAge = data.ages.map((T) => Math.log(alpha + T));
  const logRecency = data.recencies.map((t) => Math.log(alpha + t));
  let total = 0;
  for (let g = 0; g < data.count.length; g++) {
    const k = data.xIndex[g];
    const x = data.xs[k];
    const a3 = -(r + x) * logAge[data.ageIndex[g]];
    let ll: number;
    if (x > 0) {
      const a4 = dropTerm[k] - (r + x) * logRecency[data.recencyIndex[g]];
      ll = a3 > a4 ? a3 + Math.log1p(Math.exp(a4 - a3)) : a4 + Math.log1p(Math.exp(a3 - a4));
    } else ll = a3;
    total += data.count[g] * (perX[k] + ll);
  }
  return total;
}

/**
 * Maximum-likelihood BG/NBD fit on log-parameters (Nelder–Mead with restarts from two starting
 * points, checked by the gradient). Refuses fewer than {@link MIN_CUSTOMERS} customers
 * (`tooFewCustomers`) or {@link MIN_REPEAT_BUYERS} repeat buyers (`tooFewRepeatBuyers`), and a
 * likelihood with no interior maximum or a search that does not converge (see `checkFit`).
 *
 * @example fitBgNbd(cdnowSampleSummaries) // { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, logLikelihood: −9582.4 }
 */
export function fitBgNbd(histories: readonly RepeatHistory[]): BgNbdFit {
  let repeatBuyers = 0;
  let ageSum = 0;
  for (const h of histories) {
    if (h.x > 0) repeatBuyers++;
    ageSum += h.age;
  }
  if (histories.length < MIN_CUSTOMERS)
    refuse({ code: 'tooFewCustomers', found: histories.length, needed: MIN_CUSTOMERS });
  if (repeatBuyers < MIN_REPEAT_BUYERS)
    refuse({ code: 'tooFewRepeatBuyers', found: repeatBuyers, needed: MIN_REPEAT_BUYERS });
  const data = groupHistories(histories);
  const meanAge = ageSum / histories.length;
  const negLogLikelihood = (theta: number[]) => {
    if (theta.some((v) => Math.abs(v) > 2 * LOG_PARAMETER_LIMIT)) return Infinity;
    return -bgNbdLogLikelihood(paramsOf(theta), data);
  };
  const starts = [
    [0, Math.log(meanAge), 0, 0],
    [Math.log(0.5), Math.log(meanAge / 5), Math.log(0.5), Math.log(3)],
  ];
  const best = minimize(negLogLikelihood, starts);
  checkFit(best.x, best.converged);
  return { ...paramsOf(best.x), logLikelihood: -best.value };
}

function paramsOf(theta: number[]): BgNbdParams {
  return { r: Math.exp(theta[0]), alpha: Math.exp(theta[1]), a: Math.exp(theta[2]), b: Math.exp(theta[3]) };
}

/** Refuses a maximum on the boundary (a parameter → 0 or ∞: `fitUnbounded`) or no convergence (`fitNotConverged`). */
export function checkFit(theta: number[], converged: boolean): void {
  if (theta.some((v) => !isFinite(v) || Math.abs(v) > LOG_PARAMETER_LIMIT)) refuse({ code: 'fitUnbounded' });
  if (!converged) refuse({ code: 'fitNotConverged' });
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
 * ÷ (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)).
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
  return aroundOne(params, (p) => {
    const { r, alpha, a, b } = p;
    const f = logHyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + age + t));
    const bracket = oneMinus(f.sign, f.log + (r + x) * Math.log((alpha + age) / (alpha + age + t)));
    const numerator = ((a + b + x - 1) / (a - 1)) * bracket;
    const denominator =
      x > 0 ? 1 + (a / (b + x - 1)) * Math.exp((r + x) * Math.log((alpha + age) / (alpha + recency))) : 1;
    return numerator / denominator;
  });
}

/** 1 − sign·e^log, accurate when sign·e^log is close to 1. */
function oneMinus(sign: number, log: number): number {
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
function aroundOne(params: BgNbdParams, compute: (p: BgNbdParams) => number): number {
  if (Math.abs(params.a - 1) >= NEAR_ONE) return compute(params);
  const nodes = [-2, -1, 1, 2].map((j) => 1 + j * NEAR_ONE);
  return lagrange(
    nodes,
    nodes.map((a) => compute({ ...params, a })),
    params.a,
  );
}
