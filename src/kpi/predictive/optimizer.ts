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
