/**
 * What the BG/NBD and MBG/NBD repeat-buying models share: customers grouped by identical history,
 * the log-likelihood of both (with its gradient) and the maximum-likelihood fit.
 *
 * Both models: while alive a customer buys as a Poisson process with rate λ ~ Gamma(r, α); the
 * probability p of dropping out is Beta(a, b) across customers. BG/NBD (Fader, Hardie & Lee 2005)
 * lets a customer drop out right after each repeat purchase; MBG/NBD (Batislam, Denizel &
 * Filiztekin 2007) also right after the first one, so that a one-time buyer may be gone. For a
 * history (x repeat purchases, recency tₓ, age T), with s = 0 for BG/NBD and s = 1 for MBG/NBD:
 *
 *   L = Γ(r+x)αʳ/Γ(r) · B(a, b+x+s)/B(a, b) · [(α+T)^−(r+x) + δ · a/(b+x−1+s) · (α+tₓ)^−(r+x)],
 *
 * δ = 1 for MBG/NBD and δ = (x > 0) for BG/NBD: FHL 2005 eq. (6); Batislam et al. 2007 eq. (4) as
 * corrected by Wagner & Hoppe (2008) and implemented in `lifetimes` (`ModifiedBetaGeoFitter`) and
 * BTYDplus (`mbgcnbd`, k = 1).
 */
import { refuse } from '../domain-error';
import { minimizeSmooth } from './optimizer';
import { digamma, lnGamma } from './special';

/** The repeat-buying models: BG/NBD and the modified BG/NBD. */
export type PurchaseModel = 'bgnbd' | 'mbgnbd';

/** Parameters of either model. α is in the summary's time unit. */
export interface PurchaseParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Maximum-likelihood fit: the parameters and the log-likelihood they reach. */
export interface PurchaseFit extends PurchaseParams {
  logLikelihood: number;
}

/** What the models need of a customer: repeat purchases x, recency tₓ and age T (same unit). */
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
 * A maximum with a log-parameter beyond ±this (a parameter under 0.001 or over 1,100) is confirmed
 * by Nelder–Mead: the likelihood may still be rising, slowly, towards the edge.
 */
export const EDGE = 7;

/**
 * Customers grouped by identical (x, tₓ, T), with the distinct x, tₓ and T values indexed so a
 * likelihood evaluation computes each log-gamma and each log once per distinct value. `group[i]`
 * is the group of the i-th history given.
 */
export interface GroupedHistories {
  count: Float64Array;
  xIndex: Int32Array;
  recencyIndex: Int32Array;
  ageIndex: Int32Array;
  xs: number[];
  recencies: number[];
  ages: number[];
  group: Int32Array;
  /** Customers in all (Σ count). */
  customers: number;
  /** Customers with x ≥ 1. */
  repeatBuyers: number;
  /** Mean age T. */
  meanAge: number;
}

/** Groups histories by identical (x, tₓ, T). */
export function groupHistories(histories: readonly RepeatHistory[]): GroupedHistories {
  const n = histories.length;
  const xs = new Indexer();
  const recencies = new Indexer();
  const ages = new Indexer();
  const xi = new Int32Array(n);
  const ri = new Int32Array(n);
  const ai = new Int32Array(n);
  let repeatBuyers = 0;
  let ageSum = 0;
  for (let i = 0; i < n; i++) {
    const h = histories[i];
    xi[i] = xs.of(h.x);
    ri[i] = recencies.of(h.recency);
    ai[i] = ages.of(h.age);
    if (h.x > 0) repeatBuyers++;
    ageSum += h.age;
  }
  const nr = recencies.values.length;
  const na = ages.values.length;
  // one number per (x, tₓ, T) when it fits a double exactly, else text
  const exact = xs.values.length * nr * na < Number.MAX_SAFE_INTEGER;
  const groups = new Map<number | string, number>();
  const group = new Int32Array(n);
  const counts: number[] = [];
  const gx: number[] = [];
  const gr: number[] = [];
  const ga: number[] = [];
  for (let i = 0; i < n; i++) {
    const key = exact ? (xi[i] * nr + ri[i]) * na + ai[i] : `${xi[i]}|${ri[i]}|${ai[i]}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = counts.length;
      groups.set(key, g);
      counts.push(0);
      gx.push(xi[i]);
      gr.push(ri[i]);
      ga.push(ai[i]);
    }
    counts[g]++;
    group[i] = g;
  }
  return {
    count: Float64Array.from(counts),
    xIndex: Int32Array.from(gx),
    recencyIndex: Int32Array.from(gr),
    ageIndex: Int32Array.from(ga),
    xs: xs.values,
    recencies: recencies.values,
    ages: ages.values,
    group,
    customers: n,
    repeatBuyers,
    meanAge: n > 0 ? ageSum / n : 0,
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
 * Log-likelihood Σ count · ln L of grouped histories under `model` (the module comment's L), summed
 * in logs with the log-sum-exp trick. When `gradient` is given, its derivatives with respect to
 * ln r, ln α, ln a and ln b are written into it (ψ the digamma function):
 * ∂/∂r = ψ(r+x) − ψ(r) + ln α − (1−w) ln(α+T) − w ln(α+tₓ), ∂/∂α = r/α − (r+x)((1−w)/(α+T) + w/(α+tₓ)),
 * ∂/∂a = ψ(a+b) − ψ(a+b+x+s) + w/a, ∂/∂b = ψ(a+b) − ψ(b) + ψ(b+x+s) − ψ(a+b+x+s) − w/(b+x−1+s),
 * with w the share of the drop-out term in the bracket.
 *
 * @example purchaseLogLikelihood('mbgnbd', { r: Math.E, alpha: Math.E, a: Math.E, b: Math.E },
 * groupHistories([{ x: 1, recency: 2, age: 5 }])) // −3.407177712589 (lifetimes' test value)
 */
export function purchaseLogLikelihood(
  model: PurchaseModel,
  params: PurchaseParams,
  data: GroupedHistories,
  gradient?: number[],
): number {
  const { r, alpha, a, b } = params;
  const s = model === 'mbgnbd' ? 1 : 0;
  const logAlpha = Math.log(alpha);
  const nx = data.xs.length;
  const base = lnGamma(a + b) - lnGamma(b) - lnGamma(r) + r * logAlpha;
  const perX = new Float64Array(nx);
  const dropTerm = new Float64Array(nx);
  const dropInverse = new Float64Array(nx);
  const countOfX = new Float64Array(nx);
  for (let g = 0; g < data.count.length; g++) countOfX[data.xIndex[g]] += data.count[g];
  let total = 0;
  let dR = 0;
  let dAlpha = 0;
  let dA = 0;
  let dB = 0;
  const psiR = gradient ? digamma(r) : 0;
  const psiAB = gradient ? digamma(a + b) : 0;
  const psiB = gradient ? digamma(b) : 0;
  for (let k = 0; k < nx; k++) {
    const x = data.xs[k];
    perX[k] = base + lnGamma(r + x) + lnGamma(b + x + s) - lnGamma(a + b + x + s);
    const dropping = s === 1 || x > 0;
    dropTerm[k] = dropping ? Math.log(a) - Math.log(b + x - 1 + s) : -Infinity;
    dropInverse[k] = dropping ? 1 / (b + x - 1 + s) : 0;
    total += countOfX[k] * perX[k];
    if (gradient) {
      const c = countOfX[k];
      const psiABX = digamma(a + b + x + s);
      dR += c * (digamma(r + x) - psiR + logAlpha);
      dAlpha += (c * r) / alpha;
      dA += c * (psiAB - psiABX);
      dB += c * (psiAB - psiB + digamma(b + x + s) - psiABX);
    }
  }
  const logAge = new Float64Array(data.ages.length);
  const inverseAge = new Float64Array(data.ages.length);
  for (let j = 0; j < logAge.length; j++) {
    logAge[j] = Math.log(alpha + data.ages[j]);
    inverseAge[j] = 1 / (alpha + data.ages[j]);
  }
  const logRecency = new Float64Array(data.recencies.length);
  const inverseRecency = new Float64Array(data.recencies.length);
  for (let j = 0; j < logRecency.length; j++) {
    logRecency[j] = Math.log(alpha + data.recencies[j]);
    inverseRecency[j] = 1 / (alpha + data.recencies[j]);
  }
  const { count, xIndex, ageIndex, recencyIndex, xs } = data;
  let dropShare = 0;
  let dropShareB = 0;
  for (let g = 0; g < count.length; g++) {
    const k = xIndex[g];
    const rx = r + xs[k];
    const la = logAge[ageIndex[g]];
    const a3 = -rx * la;
    const drop = dropTerm[k];
    if (drop === -Infinity) {
      total += count[g] * a3;
      if (gradient) {
        dR -= count[g] * la;
        dAlpha -= count[g] * rx * inverseAge[ageIndex[g]];
      }
      continue;
    }
    const lr = logRecency[recencyIndex[g]];
    const a4 = drop - rx * lr;
    let lse: number;
    let w: number;
    if (a4 > a3) {
      const e = Math.exp(a3 - a4);
      lse = a4 + Math.log1p(e);
      w = 1 / (1 + e);
    } else {
      const e = Math.exp(a4 - a3);
      lse = a3 + Math.log1p(e);
      w = e / (1 + e);
    }
    const c = count[g];
    total += c * lse;
    if (gradient) {
      dR -= c * ((1 - w) * la + w * lr);
      dAlpha -= c * rx * ((1 - w) * inverseAge[ageIndex[g]] + w * inverseRecency[recencyIndex[g]]);
      dropShare += c * w;
      dropShareB += c * w * dropInverse[k];
    }
  }
  if (gradient) {
    dA += dropShare / a;
    dB -= dropShareB;
    gradient[0] = r * dR;
    gradient[1] = alpha * dAlpha;
    gradient[2] = a * dA;
    gradient[3] = b * dB;
  }
  return total;
}

/** Options of {@link fitPurchaseModel}. */
export interface FitOptions {
  /** Parameters to start the search from (a warm start, e.g. a fit on fewer orders), before the usual starts. */
  start?: PurchaseParams;
}

/**
 * Maximum-likelihood fit of `model` on log-parameters: quasi-Newton with the analytic gradient from
 * a warm start (when given) and two default starting points, each result checked by the
 * central-difference gradient; Nelder–Mead with restarts when no start converges or a parameter
 * ends near 0 or ∞ (see `minimizeSmooth`). Refuses fewer than {@link MIN_CUSTOMERS} customers (`tooFewCustomers`) or
 * {@link MIN_REPEAT_BUYERS} repeat buyers (`tooFewRepeatBuyers`), and a likelihood with no interior
 * maximum or a search that does not converge (see {@link checkFit}).
 *
 * @example fitPurchaseModel('mbgnbd', cdnowSampleSummaries) // r 0.525, α 6.183, a 0.891, b 1.614, LL −9582.14
 */
export function fitPurchaseModel(
  model: PurchaseModel,
  histories: readonly RepeatHistory[] | GroupedHistories,
  options: FitOptions = {},
): PurchaseFit {
  const data = isGrouped(histories) ? histories : undefined;
  const customers = data ? data.customers : (histories as readonly RepeatHistory[]).length;
  let repeatBuyers = data?.repeatBuyers ?? 0;
  if (!data) for (const h of histories as readonly RepeatHistory[]) if (h.x > 0) repeatBuyers++;
  if (customers < MIN_CUSTOMERS) refuse({ code: 'tooFewCustomers', found: customers, needed: MIN_CUSTOMERS });
  if (repeatBuyers < MIN_REPEAT_BUYERS)
    refuse({ code: 'tooFewRepeatBuyers', found: repeatBuyers, needed: MIN_REPEAT_BUYERS });
  const grouped = data ?? groupHistories(histories as readonly RepeatHistory[]);
  const negLogLikelihood = (theta: number[], gradient?: number[]) => {
    if (theta.some((v) => !(Math.abs(v) <= 2 * LOG_PARAMETER_LIMIT))) return Infinity;
    const value = -purchaseLogLikelihood(model, paramsOf(theta), grouped, gradient);
    if (gradient) for (let i = 0; i < gradient.length; i++) gradient[i] = -gradient[i];
    return value;
  };
  const meanAge = grouped.meanAge;
  const starts = [
    [0, Math.log(meanAge), 0, 0],
    [Math.log(0.5), Math.log(meanAge / 5), Math.log(0.5), Math.log(3)],
  ];
  const warm = options.start && thetaOf(options.start);
  const best = minimizeSmooth(negLogLikelihood, warm ? [warm, ...starts] : starts, {
    confirm: (theta) => theta.some((v) => Math.abs(v) > EDGE),
  });
  checkFit(best.x, best.converged);
  return { ...paramsOf(best.x), logLikelihood: -best.value };
}

function isGrouped(histories: readonly RepeatHistory[] | GroupedHistories): histories is GroupedHistories {
  return !Array.isArray(histories);
}

function paramsOf(theta: number[]): PurchaseParams {
  return { r: Math.exp(theta[0]), alpha: Math.exp(theta[1]), a: Math.exp(theta[2]), b: Math.exp(theta[3]) };
}

/** Log-parameters of a warm start, or undefined when one is not a finite number above 0. */
function thetaOf(p: PurchaseParams): number[] | undefined {
  const theta = [p.r, p.alpha, p.a, p.b].map(Math.log);
  return theta.every((v) => Math.abs(v) <= LOG_PARAMETER_LIMIT) ? theta : undefined;
}

/** Refuses a maximum on the boundary (a parameter → 0 or ∞: `fitUnbounded`) or no convergence (`fitNotConverged`). */
export function checkFit(theta: number[], converged: boolean): void {
  if (theta.some((v) => !isFinite(v) || Math.abs(v) > LOG_PARAMETER_LIMIT)) refuse({ code: 'fitUnbounded' });
  if (!converged) refuse({ code: 'fitNotConverged' });
}
