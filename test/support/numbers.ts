/**
 * Test support: floating-point comparisons with relative tolerances, so that a property over values
 * from 0.01 to a million means the same whatever the magnitudes drawn.
 */
import { expect } from 'vitest';

/** `actual` equals `expected` to `relative` of the larger magnitude (and of `scale`, when the inputs were larger). */
export function expectClose(actual: number, expected: number, relative = 1e-9, scale = 1): void {
  const tolerance = relative * Math.max(1, Math.abs(actual), Math.abs(expected), scale);
  expect(Math.abs(actual - expected), `${actual} vs ${expected} (tolerance ${tolerance})`).toBeLessThanOrEqual(
    tolerance,
  );
}

/** `actual` ≤ `limit`, up to `relative` of `scale` (the magnitude of the numbers it was computed from). */
export function expectAtMost(actual: number, limit: number, relative = 1e-12, scale = 1): void {
  expect(actual, `${actual} ≤ ${limit}`).toBeLessThanOrEqual(limit + relative * Math.max(1, Math.abs(limit), scale));
}
