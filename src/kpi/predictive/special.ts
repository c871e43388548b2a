/**
 * Special functions the predictive models need: the log-gamma function (with its sign for negative
 * arguments), its derivative the digamma function (for the likelihood gradients), and Lagrange
 * interpolation used to step around removable singularities.
 *
 * Source: C. Lanczos, "A Precision Approximation of the Gamma Function", SIAM J. Numer. Anal. B 1
 * (1964); coefficients g = 7, n = 9 as in Press et al., Numerical Recipes (3rd ed.), §6.1 — about
 * 15 correct digits for Γ over the positive reals.
 */

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.91893853320467274178;

/**
 * ln Γ(x) for x > 0 (Lanczos approximation); `NaN` for x ≤ 0 (use {@link signedLnGamma}).
 *
 * @example lnGamma(5) // ln 24 = 3.1780538303479458
 */
export function lnGamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x < 0.5) {
    // reflection keeps the Lanczos sum in its accurate range: Γ(x)Γ(1 − x) = π / sin(πx)
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  }
  const y = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * The digamma function ψ(x) = d/dx ln Γ(x), for x > 0: the recurrence ψ(x) = ψ(x + 1) − 1/x up to
 * x ≥ 10, then the asymptotic series ln x − 1/(2x) − Σ B₂ₖ/(2k·x²ᵏ) (Abramowitz & Stegun 6.3.5 and
 * 6.3.18), about 15 correct digits. `NaN` for x ≤ 0.
 *
 * @example digamma(1) // −γ = −0.5772156649015329
 */
export function digamma(x: number): number {
  if (!(x > 0)) return NaN;
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  const series =
    inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760))))));
  return shift + Math.log(x) - 0.5 / x - series;
}

/** Γ(x) as sign · exp(log). `sign` is 0 where 1/Γ(x) = 0 (x = 0, −1, −2, …). */
export interface SignedLog {
  sign: number;
  log: number;
}

/**
 * ln |Γ(x)| and the sign of Γ(x) for any real x. At the poles (0, −1, −2, …) the sign is 0 and the
 * log is +∞, so that 1/Γ(x) = 0 there, as the reciprocal gamma function is.
 *
 * @example signedLnGamma(-0.5) // Γ(−0.5) = −2√π: { sign: −1, log: ln(2√π) }
 */
export function signedLnGamma(x: number): SignedLog {
  if (x > 0) return { sign: 1, log: lnGamma(x) };
  if (Number.isInteger(x)) return { sign: 0, log: Infinity };
  // Γ(x) = π / (sin(πx) · Γ(1 − x)), with 1 − x > 1
  const s = sinPi(x);
  return { sign: Math.sign(s), log: Math.log(Math.PI / Math.abs(s)) - lnGamma(1 - x) };
}

/** sin(πx) without the rounding error of π·x near integers. */
function sinPi(x: number): number {
  const k = Math.round(x);
  const s = Math.sin(Math.PI * (x - k));
  return k % 2 === 0 ? s : -s;
}

/**
 * Value at `at` of the polynomial through the points (nodes[i], values[i]) (Lagrange form). Used to
 * evaluate functions with a removable singularity from values a little away from it.
 *
 * @example lagrange([-2, -1, 1, 2], [4, 1, 1, 4], 0) // x² at 0 = 0
 */
export function lagrange(nodes: readonly number[], values: readonly number[], at: number): number {
  let total = 0;
  for (let i = 0; i < nodes.length; i++) {
    let weight = 1;
    for (let j = 0; j < nodes.length; j++) if (j !== i) weight *= (at - nodes[j]) / (nodes[i] - nodes[j]);
    total += weight * values[i];
  }
  return total;
}
