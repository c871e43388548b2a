/**
 * Timing helpers: a garbage collection before each run (so one run's garbage is not billed to the
 * next), warm-up runs, and the median of the timed runs.
 */
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--expose-gc');
/** A full garbage collection (exposed without a command-line flag, so `tsx bench/run.ts` works). */
export const gc: () => void = runInNewContext('gc');

/** Median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Result of a timed measurement. */
export interface Timing {
  /** Median of the timed runs, ms. */
  median: number;
  /** Every timed run, ms. */
  samples: number[];
}

/** Runs `body` `warmups` times untimed, then `runs` times timed; returns the median. */
export function measure(body: () => unknown, runs: number, warmups = 1): Timing {
  for (let i = 0; i < warmups; i++) {
    gc();
    body();
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const t0 = performance.now();
    body();
    samples.push(performance.now() - t0);
  }
  return { median: median(samples), samples };
}

/** Like {@link measure}, for bodies that need untimed set-up each run (`setup` returns the state). */
export function measureWithSetup<S>(setup: () => S, body: (state: S) => unknown, runs: number, warmups = 1): Timing {
  for (let i = 0; i < warmups; i++) {
    const state = setup();
    gc();
    body(state);
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const state = setup();
    gc();
    const t0 = performance.now();
    body(state);
    samples.push(performance.now() - t0);
  }
  return { median: median(samples), samples };
}

/** Formats milliseconds for a table: 3 significant digits. */
export function ms(value: number): string {
  if (!isFinite(value)) return '—';
  const size = Math.abs(value); // a difference may be negative
  if (size >= 100) return value.toFixed(0);
  if (size >= 10) return value.toFixed(1);
  if (size >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

/**
 * Growth exponent k of time ∝ nᵏ between two sizes (1 = linear; n·log n between 10⁵ and 10⁶
 * gives about 1.05–1.1).
 */
export function exponent(n1: number, t1: number, n2: number, t2: number): number {
  return Math.log(t2 / t1) / Math.log(n2 / n1);
}
