import { describe, expect, it } from 'vitest';
import { Random } from '../../demo/sample/random';

/** Mean and variance of n draws. */
function moments(n: number, draw: () => number): { mean: number; variance: number } {
  let s = 0,
    ss = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    s += x;
    ss += x * x;
  }
  const mean = s / n;
  return { mean, variance: ss / n - mean * mean };
}

describe('Random (mulberry32 and its distributions)', () => {
  const N = 200_000;

  it('repeats a sequence for a seed and differs across seeds', () => {
    const a = new Random(1),
      b = new Random(1),
      c = new Random(2);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  // Expected moments are the textbook ones; tolerances are about 5 standard errors for N draws.
  it('draws uniform, normal, log-normal, exponential, gamma and Poisson values with the right moments', () => {
    const r = new Random(123);
    const u = moments(N, () => r.next()); // U(0,1): mean 1/2, variance 1/12
    expect(u.mean).toBeCloseTo(0.5, 2);
    expect(u.variance).toBeCloseTo(1 / 12, 2);
    const z = moments(N, () => r.normal(3, 2)); // N(3, 2²)
    expect(Math.abs(z.mean - 3)).toBeLessThan(0.025);
    expect(Math.abs(z.variance - 4)).toBeLessThan(0.07);
    const ln = moments(N, () => r.logNormal(0, 0.5)); // mean exp(σ²/2) = 1.1331
    expect(Math.abs(ln.mean - Math.exp(0.125))).toBeLessThan(0.007);
    const e = moments(N, () => r.exponential(4)); // mean 4, variance 16
    expect(Math.abs(e.mean - 4)).toBeLessThan(0.05);
    expect(Math.abs(e.variance - 16)).toBeLessThan(0.9);
    for (const [shape, scale] of [
      [0.5, 2],
      [1.5, 1],
      [4, 2.5],
    ]) {
      const g = moments(N, () => r.gamma(shape, scale)); // mean kθ, variance kθ²
      expect(Math.abs(g.mean - shape * scale) / (shape * scale)).toBeLessThan(0.02);
      expect(Math.abs(g.variance - shape * scale * scale) / (shape * scale * scale)).toBeLessThan(0.06);
    }
    const p = moments(N, () => r.poisson(2.5)); // mean = variance = λ
    expect(Math.abs(p.mean - 2.5)).toBeLessThan(0.02);
    expect(Math.abs(p.variance - 2.5)).toBeLessThan(0.05);
    expect(r.poisson(0)).toBe(0);
  });

  it('picks integers in range and weighted indexes in proportion', () => {
    const r = new Random(9);
    const counts = [0, 0, 0];
    for (let i = 0; i < N; i++) counts[r.weighted([1, 0, 3])]++;
    expect(counts[1]).toBe(0);
    expect(counts[2] / N).toBeCloseTo(0.75, 2);
    const ints = new Set(Array.from({ length: 1000 }, () => r.int(2, 5)));
    expect([...ints].sort()).toEqual([2, 3, 4, 5]);
  });
});
