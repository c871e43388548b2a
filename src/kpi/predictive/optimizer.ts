/**
 * Unconstrained minimisation for the maximum-likelihood fits: Nelder–Mead simplex search with
 * restarts, then a convergence check on the central-difference gradient.
 *
 * Source: J. A. Nelder & R. Mead, "A Simplex Method for Function Minimization", The Computer
 * Journal 7 (1965); restarting from the best vertex with a fresh simplex until the minimum stops
 * moving is the standard cure for a collapsed simplex (Press et al., Numerical Recipes, §10.5).
 * The models are fitted on log-parameters, so every point of ℝⁿ is a valid parameter vector.
 */

/** Outcome of {@link minimize}. */
export interface Minimum {
  /** The best point found. */
  x: number[];
  /** f at that point. */
  value: number;
  /** Function evaluations used. */
  evaluations: number;
  /** Largest |∂f/∂xᵢ| at the point (central differences). */
  gradient: number;
  /** True when restarts no longer improve f and the gradient is negligible. */
  converged: boolean;
}

/** Tuning of {@link minimize}. */
export interface MinimizeOptions {
  /** Edge of the initial simplex along each axis (default 0.5: ×1.65 on a log-parameter). */
  step?: number;
  /** Relative spread of f over the simplex at which one run stops (default 1e−12). */
  fTolerance?: number;
  /** Size of the simplex at which one run stops (default 1e−9). */
  xTolerance?: number;
  /** Most Nelder–Mead runs from the running best point (default 8). */
  maxRestarts?: number;
  /** Most evaluations in one run (default 4000). */
  maxEvaluations?: number;
  /** Gradient bound for convergence, relative to max(1, |f|) (default 1e−6). */
  gradientTolerance?: number;
}

/**
 * Minimises `f` from `starts` in turn: Nelder–Mead, restarted from its own result until f improves
 * by less than 1e−10 relative, then checked by the gradient. The next start is tried only when the
 * previous ones did not converge (the best point wins). Non-finite values of f count as +∞, so f
 * may refuse points outside its domain.
 *
 * @example minimize(([x, y]) => (x - 1) ** 2 + 10 * (y + 2) ** 2, [[0, 0]]).x // ≈ [1, −2]
 */
export function minimize(f: (x: number[]) => number, starts: number[][], options: MinimizeOptions = {}): Minimum {
  const step = options.step ?? 0.5;
  const maxRestarts = options.maxRestarts ?? 8;
  let evaluations = 0;
  const g = (x: number[]) => {
    evaluations++;
    const value = f(x);
    return isFinite(value) ? value : Infinity;
  };
  let best: { x: number[]; value: number; converged: boolean; gradient: number } | undefined;
  const tolerance = (value: number) => (options.gradientTolerance ?? 1e-6) * Math.max(1, Math.abs(value));
  for (const start of starts) {
    let point = { x: start.slice(), value: g(start) };
    let stable = false;
    for (let run = 0; run < maxRestarts && !stable; run++) {
      const next = nelderMead(g, point.x, step, options);
      stable = Math.abs(point.value - next.value) <= 1e-10 * (1 + Math.abs(next.value)) && run > 0;
      if (next.value <= point.value) point = next;
    }
    const gradient = largestGradient(g, point.x);
    const converged = stable && isFinite(point.value) && gradient <= tolerance(point.value);
    if (!best || point.value < best.value) best = { ...point, converged, gradient };
    if (best.converged) break;
  }
  if (!best) throw new Error('minimize needs at least one starting point');
  return { x: best.x, value: best.value, evaluations, gradient: best.gradient, converged: best.converged };
}

/** One Nelder–Mead run (reflection 1, expansion 2, contraction ½, shrink ½). */
function nelderMead(
  f: (x: number[]) => number,
  x0: number[],
  step: number,
  options: MinimizeOptions,
): { x: number[]; value: number } {
  const n = x0.length;
  const fTolerance = options.fTolerance ?? 1e-12;
  const xTolerance = options.xTolerance ?? 1e-9;
  const maxEvaluations = options.maxEvaluations ?? 4000;
  const points: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i] += step;
    points.push(p);
  }
  const values = points.map(f);
  let used = n + 1;
  const order = points.map((_, i) => i);
  const along = (from: number[], to: number[], t: number) => from.map((v, i) => v + t * (to[i] - v));
  while (used < maxEvaluations) {
    order.sort((i, j) => values[i] - values[j]);
    const bestIndex = order[0];
    const worstIndex = order[n];
    const spread = values[worstIndex] - values[bestIndex];
    let size = 0;
    for (const i of order)
      for (let k = 0; k < n; k++) size = Math.max(size, Math.abs(points[i][k] - points[bestIndex][k]));
    if (spread <= fTolerance * (Math.abs(values[bestIndex]) + 1e-30) && size <= xTolerance) break;
    if (!isFinite(values[bestIndex]) && size <= xTolerance) break;
    const centroid = new Array<number>(n).fill(0);
    for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) centroid[k] += points[order[j]][k] / n;
    const worst = points[worstIndex];
    const reflected = along(centroid, worst, -1);
    const fr = f(reflected);
    used++;
    if (fr < values[bestIndex]) {
      const expanded = along(centroid, worst, -2);
      const fe = f(expanded);
      used++;
      if (fe < fr) replace(worstIndex, expanded, fe);
      else replace(worstIndex, reflected, fr);
    } else if (fr < values[order[n - 1]]) {
      replace(worstIndex, reflected, fr);
    } else {
      const outside = fr < values[worstIndex];
      const contracted = along(centroid, outside ? reflected : worst, 0.5);
      const fc = f(contracted);
      used++;
      if (fc < (outside ? fr : values[worstIndex])) {
        replace(worstIndex, contracted, fc);
      } else {
        const anchor = points[bestIndex];
        for (let j = 1; j <= n; j++) {
          const i = order[j];
          points[i] = along(anchor, points[i], 0.5);
          values[i] = f(points[i]);
          used++;
        }
      }
    }
  }
  let bestIndex = 0;
  for (let i = 1; i <= n; i++) if (values[i] < values[bestIndex]) bestIndex = i;
  return { x: points[bestIndex], value: values[bestIndex] };

  function replace(i: number, point: number[], value: number): void {
    points[i] = point;
    values[i] = value;
  }
}

/** max |∂f/∂xᵢ| by central differences with step 1e−5. */
function largestGradient(f: (x: number[]) => number, x: number[]): number {
  const h = 1e-5;
  let largest = 0;
  for (let i = 0; i < x.length; i++) {
    const up = x.slice();
    const down = x.slice();
    up[i] += h;
    down[i] -= h;
    const d = (f(up) - f(down)) / (2 * h);
    largest = Math.max(largest, isFinite(d) ? Math.abs(d) : Infinity);
  }
  return largest;
}

/** f(x), writing ∇f(x) into `gradient` when one is given. */
export type SmoothFunction = (x: number[], gradient?: number[]) => number;

/** Tuning of {@link minimizeSmooth}. */
export interface SmoothOptions {
  /** Gradient bound at which a quasi-Newton run stops, relative to max(1, |f|) (default 1e−10). */
  stopGradient?: number;
  /** Most quasi-Newton iterations per start (default 200). */
  maxIterations?: number;
  /** Longest step along any axis in one iteration (default 4: ×55 on a log-parameter). */
  maxStep?: number;
  /** Gradient bound for convergence, relative to max(1, |f|), as in {@link minimize} (default 1e−6). */
  gradientTolerance?: number;
  /**
   * True for a converged point that Nelder–Mead must confirm: near the edge of the domain, where a
   * flat likelihood lets the gradient vanish short of the edge it is still rising towards.
   */
  confirm?: (x: number[]) => boolean;
}

/**
 * Minimises a smooth `f` that also gives its gradient: from each start in turn, a quasi-Newton
 * search (BFGS with a backtracking Armijo line search: Nocedal & Wright, Numerical Optimization,
 * 2nd ed., algorithms 6.1 and 3.1), then the same convergence check as {@link minimize} (the
 * central-difference gradient of f, independent of the analytic one). The next start is tried only
 * when the previous ones did not converge; when none does, or when `confirm` asks for it (a point
 * near the edge of the domain), {@link minimize} (Nelder–Mead with restarts) runs from the same
 * starts and its result is kept (a confirmed point, unless Nelder–Mead goes as low elsewhere): a
 * likelihood that runs to the edge of its domain ends where Nelder–Mead alone would. Non-finite
 * values count as +∞.
 *
 * @example minimizeSmooth(([x, y], g) => { if (g) { g[0] = 2 * (x - 1); g[1] = 20 * (y + 2); }
 * return (x - 1) ** 2 + 10 * (y + 2) ** 2; }, [[0, 0]]).x // ≈ [1, −2]
 */
export function minimizeSmooth(f: SmoothFunction, starts: number[][], options: SmoothOptions = {}): Minimum {
  let evaluations = 0;
  const counted: SmoothFunction = (x, gradient) => {
    evaluations++;
    const value = f(x, gradient);
    return isFinite(value) ? value : Infinity;
  };
  const valueOnly = (x: number[]) => counted(x);
  const tolerance = (value: number) => (options.gradientTolerance ?? 1e-6) * Math.max(1, Math.abs(value));
  let best: Minimum | undefined;
  for (const start of starts) {
    const run = quasiNewton(counted, start, options);
    const gradient = largestGradient(valueOnly, run.x);
    const converged = run.stationary && isFinite(run.value) && gradient <= tolerance(run.value);
    if (!best || run.value < best.value) best = { x: run.x, value: run.value, evaluations, gradient, converged };
    if (best.converged) break;
  }
  if (!best) throw new Error('minimizeSmooth needs at least one starting point');
  if (best.converged && !options.confirm?.(best.x)) return { ...best, evaluations };
  const fallback = minimize(valueOnly, starts);
  if (best.converged) {
    // confirmed unless Nelder–Mead goes as low or lower elsewhere
    const slack = 1e-9 * Math.max(1, Math.abs(best.value));
    return fallback.value <= best.value + slack ? { ...fallback, evaluations } : { ...best, evaluations };
  }
  return { ...fallback, evaluations };
}

/** One BFGS run from x0: the last point, f there, and whether it stopped at a stationary point. */
function quasiNewton(
  f: SmoothFunction,
  x0: number[],
  options: SmoothOptions,
): { x: number[]; value: number; stationary: boolean } {
  const n = x0.length;
  const stopGradient = options.stopGradient ?? 1e-10;
  const looseGradient = options.gradientTolerance ?? 1e-6;
  const maxIterations = options.maxIterations ?? 200;
  const maxStep = options.maxStep ?? 4;
  let x = x0.slice();
  let g = new Array<number>(n).fill(0);
  let value = f(x, g);
  if (!isFinite(value) || !g.every(isFinite)) return { x, value, stationary: false };
  // inverse Hessian approximation, row-major
  let h = identity(n);
  let scaled = false;
  const largest = (v: number[]) => v.reduce((m, e) => Math.max(m, Math.abs(e)), 0);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (largest(g) <= stopGradient * Math.max(1, Math.abs(value))) return { x, value, stationary: true };
    let p = times(h, g).map((v) => -v);
    let slope = dot(g, p);
    if (!(slope < 0)) {
      h = identity(n);
      scaled = false;
      p = g.map((v) => -v);
      slope = -dot(g, g);
    }
    let t = Math.min(1, maxStep / largest(p));
    const next = new Array<number>(n).fill(0);
    let xNext: number[] = x;
    let vNext = Infinity;
    let accepted = false;
    for (let backtrack = 0; backtrack < 60 && !accepted; backtrack++) {
      xNext = x.map((v, i) => v + t * p[i]);
      vNext = f(xNext, next);
      if (isFinite(vNext) && next.every(isFinite) && vNext <= value + 1e-4 * t * slope) accepted = true;
      else {
        // minimiser of the quadratic through f(x), f'(x) and f(x + t·p), kept within [0.1 t, 0.5 t]
        const q = isFinite(vNext) ? (-slope * t * t) / (2 * (vNext - value - slope * t)) : 0.1 * t;
        t = Math.min(0.5 * t, Math.max(0.1 * t, q));
      }
    }
    // no decrease left: f is flat to rounding here; a stationary point when the gradient says so
    if (!accepted) return { x, value, stationary: largest(g) <= looseGradient * Math.max(1, Math.abs(value)) };
    const s = xNext.map((v, i) => v - x[i]);
    const y = next.map((v, i) => v - g[i]);
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (!scaled) {
        h = identity(n).map((v) => (v * sy) / dot(y, y));
        scaled = true;
      }
      h = bfgsUpdate(h, s, y, 1 / sy);
    }
    const moved = largest(s);
    x = xNext;
    g = next.slice();
    value = vNext;
    if (moved <= 1e-14 * Math.max(1, largest(x)))
      return { x, value, stationary: largest(g) <= looseGradient * Math.max(1, Math.abs(value)) };
  }
  return { x, value, stationary: largest(g) <= stopGradient * Math.max(1, Math.abs(value)) };
}

function identity(n: number): number[] {
  const m = new Array<number>(n * n).fill(0);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  return m;
}

function dot(u: number[], v: number[]): number {
  let total = 0;
  for (let i = 0; i < u.length; i++) total += u[i] * v[i];
  return total;
}

/** The square matrix m (row-major) times the vector v. */
function times(m: number[], v: number[]): number[] {
  const n = v.length;
  const out = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i] += m[i * n + j] * v[j];
  return out;
}

/** H⁺ = (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1/(sᵀy). */
function bfgsUpdate(h: number[], s: number[], y: number[], rho: number): number[] {
  const n = s.length;
  const hy = times(h, y);
  const yhy = dot(y, hy);
  const out = new Array<number>(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      out[i * n + j] = h[i * n + j] - rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
  return out;
}
