/**
 * Funnel and health formulas called through the built bundle, as Sheets calls them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addOn, column, errorOf } from '../support/addon';

const { fx } = addOn();
const spanish = addOn({ locale: 'es_ES' }).fx;

describe('CONVERSION_RATE and CART_ABANDONMENT through the bundle', () => {
  it('give the worked and hand-checked values', () => {
    expect(fx.CART_ABANDONMENT(200, 45)).toBeCloseTo(0.775, 12); // FUNCTIONS.md: 45 of 200 completed
    expect(fx.CONVERSION_RATE(30, 1200)).toBe(0.025);
    expect(fx.CONVERSION_RATE(column(30, 45, ''), column(1200, 900, 10))).toEqual([[0.025], [0.05], ['']]);
    expect(fx.CART_ABANDONMENT([[200, 100]], [[45, 100]])).toEqual([[0.775, 0]]);
  });

  it('property: rates in [0, 1]; a single value and [[x]] agree', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.double({ min: 0, max: 1, noNaN: true }), (total, share) => {
        const part = Math.floor(total * share);
        for (const [name, args] of [
          ['CONVERSION_RATE', [part, total]],
          ['CART_ABANDONMENT', [total, part]],
        ] as const) {
          const rate = fx[name](...args);
          expect(rate).toBeGreaterThanOrEqual(0);
          expect(rate).toBeLessThanOrEqual(1);
          expect(fx[name](...args.map((a) => [[a]]))).toEqual([[rate]]);
        }
      }),
    );
  });

  it('bad input: counts above their total, zero divisors, text, error values, shapes', () => {
    expect(errorOf(() => fx.CONVERSION_RATE(11, 10))).toBe(
      'CONVERSION_RATE: goals (11) is larger than interactions (10); each goal comes from an interaction.',
    );
    expect(errorOf(() => fx.CART_ABANDONMENT(10, 12))).toBe(
      'CART_ABANDONMENT: purchases_completed (12) is larger than carts_created (10); each purchase comes from a cart.',
    );
    expect(errorOf(() => fx.CONVERSION_RATE(0, 0))).toBe(
      'CONVERSION_RATE: cannot divide by zero: interactions is 0, so nothing could convert.',
    );
    expect(errorOf(() => fx.CART_ABANDONMENT(column(5, 0), 0))).toBe(
      'CART_ABANDONMENT: cannot divide by zero: carts_created is 0, so no cart could be abandoned.',
    );
    expect(errorOf(() => fx.CONVERSION_RATE(column(1, 'ten'), 100))).toBe(
      'CONVERSION_RATE goals row 2: "ten" is not a number. Type a plain number such as 12.5.',
    );
    expect(errorOf(() => fx.CONVERSION_RATE(column(1, -2), 100))).toBe(
      'CONVERSION_RATE goals row 2: value -2 is negative. It must be 0 or more.',
    );
    expect(errorOf(() => fx.CART_ABANDONMENT(column(10, '#N/A'), 1))).toBe(
      'CART_ABANDONMENT carts_created row 2 holds the error #N/A. Fix that cell or leave it out of the range.',
    );
    expect(errorOf(() => fx.CART_ABANDONMENT(column(10, 20), column(1, 2, 3)))).toBe(
      'CART_ABANDONMENT: carts_created is 2×1 but purchases_completed is 3×1. Use ranges of the same shape, or single values.',
    );
  });

  it('speaks Spanish under es_ES', () => {
    expect(errorOf(() => spanish.CART_ABANDONMENT(10, 12))).toBe(
      'CART_ABANDONMENT: purchases_completed (12) es mayor que carts_created (10); cada compra procede de un carrito.',
    );
    expect(errorOf(() => spanish.CONVERSION_RATE(column(1, 'diez'), 100))).toBe(
      'CONVERSION_RATE goals fila 2: "diez" no es un número. Escribe un número sin texto, como 12,5.',
    );
  });
});

describe('HEALTH_SCORE and HEALTH_BAND through the bundle', () => {
  /* Hand-checked in test/unit/health.test.ts: orders up (weight 2), tickets down (weight 1), with ties and a blank. */
  const metrics = [
    [5, 0],
    [3, 2],
    [3, 1],
    [1, ''],
  ];

  it('returns one score per row, blank for a row with no signal', () => {
    const scores = fx.HEALTH_SCORE(metrics, [[2, 1]], [[1, -1]]);
    expect(scores.map((row: number[]) => row.length)).toEqual([1, 1, 1, 1]);
    expect(scores[0][0]).toBeCloseTo(100, 10);
    expect(scores[1][0]).toBeCloseTo(100 / 3, 10);
    expect(scores[2][0]).toBeCloseTo(50, 10);
    expect(scores[3][0]).toBeCloseTo(0, 10);
    expect(
      fx.HEALTH_SCORE(
        [
          [4, 'N/A'],
          ['', ''],
        ],
        column(1, 1),
      ),
    ).toEqual([[50], ['']]); // one value in a column → 0.5
  });

  it('weights and directions also come as columns, directions default to 1', () => {
    expect(fx.HEALTH_SCORE(metrics, column(2, 1), column(1, -1))).toEqual(
      fx.HEALTH_SCORE(metrics, [[2, 1]], [[1, -1]]),
    );
    // without directions, tickets count upwards: A (2·1 + 0)/3, B (2·0.5 + 1)/3, C (2·0.5 + 0.5)/3, D 0
    const plain = fx.HEALTH_SCORE(metrics, [[2, 1]]).map((row: number[]) => row[0]);
    [200 / 3, 200 / 3, 50, 0].forEach((expected, i) => expect(plain[i]).toBeCloseTo(expected, 10));
  });

  it('property: scores in [0, 100] and row order never changes a customer’s score', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 5 }))), {
          minLength: 1,
          maxLength: 25,
        }),
        (rows) => {
          const scores = fx.HEALTH_SCORE(rows, [[3, 1]], [[1, -1]]).map((r: number[]) => r[0]);
          for (const score of scores) {
            expect(score).toBeGreaterThanOrEqual(0);
            expect(score).toBeLessThanOrEqual(100);
          }
          const reversed = fx.HEALTH_SCORE([...rows].reverse(), [[3, 1]], [[1, -1]]).map((r: number[]) => r[0]);
          expect(reversed.reverse().map((s: number) => s.toFixed(9))).toEqual(scores.map((s: number) => s.toFixed(9)));
        },
      ),
    );
  });

  it('HEALTH_BAND works cell by cell with default and custom thresholds', () => {
    expect(fx.HEALTH_BAND(column(30, 62, 75, ''))).toEqual([['Poor'], ['Average'], ['Good'], ['']]);
    expect(fx.HEALTH_BAND(62, 40, 60)).toBe('Good');
    expect(fx.HEALTH_BAND([[62]])).toEqual([['Average']]);
    fc.assert(
      fc.property(fc.double({ min: -10, max: 110, noNaN: true }), (score) => {
        expect(fx.HEALTH_BAND([[score]])).toEqual([[fx.HEALTH_BAND(score)]]);
      }),
    );
  });

  it('bad input: counts that do not match the columns, bad directions, thresholds, error values', () => {
    expect(errorOf(() => fx.HEALTH_SCORE(metrics, [[1]]))).toBe(
      'HEALTH_SCORE: weights has 1 values but metrics has 2 columns; give one per column.',
    );
    expect(errorOf(() => fx.HEALTH_SCORE(metrics, [[1, 1]], [[1, 2]]))).toBe(
      'HEALTH_SCORE: directions is 2; each direction must be 1 (more is better) or -1 (less is better).',
    );
    expect(errorOf(() => fx.HEALTH_SCORE(metrics, [[1, -1]]))).toBe(
      'HEALTH_SCORE weights row 1: weight -1 is negative. It must be 0 or more.',
    );
    expect(errorOf(() => fx.HEALTH_SCORE([[1, '#N/A']], [[1, 1]]))).toBe(
      'HEALTH_SCORE metrics row 1 holds the error #N/A. Fix that cell or leave it out of the range.',
    );
    expect(errorOf(() => fx.HEALTH_SCORE([['', 'x']], [[1, 1]]))).toBe('HEALTH_SCORE: no valid values in the range.');
    expect(errorOf(() => fx.HEALTH_BAND(50, 80, 70))).toBe(
      'HEALTH_BAND: poor_below is 80; it must not be above good_from (70).',
    );
    expect(errorOf(() => fx.HEALTH_BAND(column(50, 'high')))).toBe(
      'HEALTH_BAND score row 2: "high" is not a number. Type a plain number such as 12.5.',
    );
    expect(errorOf(() => fx.HEALTH_BAND(column(50, 60), column(1, 2, 3)))).toMatch(
      /^HEALTH_BAND: score is 2×1 but poor_below is 3×1/,
    );
  });

  it('speaks Spanish under es_ES', () => {
    expect(errorOf(() => spanish.HEALTH_SCORE(metrics, [[1]]))).toBe(
      'HEALTH_SCORE: weights tiene 1 valores pero metrics tiene 2 columnas; indica uno por columna.',
    );
    expect(errorOf(() => spanish.HEALTH_BAND(50, 80, 70))).toBe(
      'HEALTH_BAND: poor_below es 80; no debe ser mayor que good_from (70).',
    );
  });
});
