/**
 * The Gaussian hypergeometric function ₂F₁(a, b; c; z) for real parameters and z < 1, as the BG/NBD
 * model needs it (a = r + x, b = b + x, c = a + b + x − 1, z = t / (α + T + t) in [0, 1)).
 *
 * Method (Abramowitz & Stegun, Handbook of Mathematical Functions, ch. 15):
 * - z < 0: Pfaff's transformation 15.3.4, F(a,b;c;z) = (1−z)^(−a) F(a, c−b; c; z/(z−1)), whose
 *   argument lies in [0, 1).
 * - 0 ≤ z ≤ 0.9: the Gauss series 15.1.1, or Euler's transformation 15.3.3,
 *   F(a,b;c;z) = (1−z)^(c−a−b) F(c−a, c−b; c; z), whichever has the smaller upper parameters (for
 *   the model's a ≈ b ≈ c, both large, the transformed series converges at once where the plain one
 *   climbs to (1−z)^(−a) first).
 * - 0.9 < z < 1: the linear transformation 15.3.6 to 1 − z, where both series converge fast. It
 *   has poles when c − a − b is an integer that cancel between its two terms; there the function
 *   (analytic in c) is interpolated from four values at c shifted by ±δ and ±2δ.
 * Series are summed with rescaling, so the result is returned as a logarithm and never overflows.
 */
import { lagrange, signedLnGamma, type SignedLog } from './special';

/** The series switches to the 1 − z transformation above this argument. */
const SERIES_LIMIT = 0.9;
/** Distance of c − a − b from an integer below which the 15.3.6 poles are stepped around. */
const NEAR_INTEGER = 1e-4;
const MAX_TERMS = 200_000;
const RESCALE = 1e250;
const LOG_RESCALE = Math.log(RESCALE);

/**
 * ln |₂F₁(a, b; c; z)| and its sign, for z < 1 and c not 0, −1, −2, …; `NaN` log where undefined
 * (z ≥ 1, c a non-positive integer, or a series that does not settle).
 *
 * @example logHyp2f1(1, 1, 2, 0.5) // { sign: 1, log: ln(2 ln 2) }: ₂F₁(1,1;2;z) = −ln(1−z)/z
 */
export function logHyp2f1(a: number, b: number, c: number, z: number): SignedLog {
  if (!(z < 1) || !isFinite(a) || !isFinite(b) || !isFinite(c) || (c <= 0 && Number.isInteger(c)))
    return { sign: NaN, log: NaN };
  if (z === 0 || a === 0 || b === 0) return { sign: 1, log: 0 };
  if (z < 0) {
    const inner = logHyp2f1(a, c - b, c, z / (z - 1));
    return { sign: inner.sign, log: inner.log - a * Math.log1p(-z) };
  }
  if (z <= SERIES_LIMIT) return bestSeries(a, b, c, z);
  const m = c - a - b;
  const k = Math.round(m);
  if (Math.abs(m - k) >= NEAR_INTEGER) return nearOne(a, b, c, z);
  // c − a − b is (almost) an integer: interpolate in c from points NEAR_INTEGER and 2·NEAR_INTEGER away
  const offsets = [-2, -1, 1, 2].map((j) => k + j * NEAR_INTEGER - m);
  const values = offsets.map((d) => nearOne(a, b, c + d, z));
  const top = Math.max(...values.map((v) => v.log));
  const scaled = values.map((v) => v.sign * Math.exp(v.log - top));
  const value = lagrange(offsets, scaled, 0);
  return { sign: Math.sign(value), log: Math.log(Math.abs(value)) + top };
}

/**
 * ₂F₁(a, b; c; z) for z < 1 (see {@link logHyp2f1}); ±Infinity when it overflows a double.
 *
 * @example hyp2f1(1, 1, 2, 0.5) // 2 ln 2 = 1.3862943611198906
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  const { sign, log } = logHyp2f1(a, b, c, z);
  return sign === 0 ? 0 : sign * Math.exp(log);
}

/** Gauss series or Euler-transformed series, whichever has smaller upper parameters; 0 ≤ z < 1. */
function bestSeries(a: number, b: number, c: number, z: number): SignedLog {
  if (Math.abs(c - a) + Math.abs(c - b) < Math.abs(a) + Math.abs(b)) {
    const inner = gaussSeries(c - a, c - b, c, z);
    return { sign: inner.sign, log: inner.log + (c - a - b) * Math.log1p(-z) };
  }
  return gaussSeries(a, b, c, z);
}

/** A&S 15.3.6: the two-term expansion around z = 1, for c − a − b not an integer. */
function nearOne(a: number, b: number, c: number, z: number): SignedLog {
  const w = 1 - z;
  const m = c - a - b;
  const gc = signedLnGamma(c);
  const terms: SignedLog[] = [];
  // Γ(c)Γ(m) / (Γ(c−a)Γ(c−b)) · F(a, b; 1−m; w)
  const g1 = [gc, signedLnGamma(m)];
  const d1 = [signedLnGamma(c - a), signedLnGamma(c - b)];
  if (d1[0].sign !== 0 && d1[1].sign !== 0) {
    const s = bestSeries(a, b, 1 - m, w);
    terms.push({
      sign: g1[0].sign * g1[1].sign * d1[0].sign * d1[1].sign * s.sign,
      log: g1[0].log + g1[1].log - d1[0].log - d1[1].log + s.log,
    });
  }
  // w^m · Γ(c)Γ(−m) / (Γ(a)Γ(b)) · F(c−a, c−b; 1+m; w)
  const g2 = signedLnGamma(-m);
  const d2 = [signedLnGamma(a), signedLnGamma(b)];
  if (d2[0].sign !== 0 && d2[1].sign !== 0) {
    const s = bestSeries(c - a, c - b, 1 + m, w);
    terms.push({
      sign: gc.sign * g2.sign * d2[0].sign * d2[1].sign * s.sign,
      log: m * Math.log(w) + gc.log + g2.log - d2[0].log - d2[1].log + s.log,
    });
  }
  return addSigned(terms);
}

/** Sum of signed logarithms, in log form. */
function addSigned(terms: SignedLog[]): SignedLog {
  const live = terms.filter((t) => t.sign !== 0);
  if (live.length === 0) return { sign: 0, log: -Infinity };
  const top = Math.max(...live.map((t) => t.log));
  let total = 0;
  for (const t of live) total += t.sign * Math.exp(t.log - top);
  return { sign: Math.sign(total), log: Math.log(Math.abs(total)) + top };
}

/**
 * Σₙ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ for 0 ≤ z < 1, summed until the remaining tail is below 1e−16 of the
 * sum (tail ≤ |term|·q/(1−q), q the larger of the current term ratio and z), rescaled on the way.
 */
function gaussSeries(a: number, b: number, c: number, z: number): SignedLog {
  let sum = 1;
  let term = 1;
  let scale = 0;
  // past every sign change of (a+n), (b+n), (c+n) the term ratio settles towards z
  const settled = Math.max(0, -a, -b, -c);
  for (let n = 0; n < MAX_TERMS; n++) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    if (term === 0) break;
    sum += term;
    const q = Math.max(Math.abs(ratio), z);
    if (n > settled && q < 1 && (Math.abs(term) * q) / (1 - q) <= 1e-16 * Math.abs(sum)) break;
    if (Math.abs(term) > RESCALE || Math.abs(sum) > RESCALE) {
      term /= RESCALE;
      sum /= RESCALE;
      scale += LOG_RESCALE;
    }
    if (n === MAX_TERMS - 1 || !isFinite(sum)) return { sign: NaN, log: NaN };
  }
  return { sign: Math.sign(sum), log: Math.log(Math.abs(sum)) + scale };
}
