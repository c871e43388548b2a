/**
 * CSAT_CHANGE and CES called through the built bundle, as Sheets calls them: ranges as 2-D arrays,
 * blanks and "N/A" skipped, errors as one localized sentence. The maths is hand-checked in
 * test/unit/survey-effort.test.ts and test/unit/stats.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addOn, column, errorOf } from '../support/addon';
import { expectClose } from '../support/numbers';

const { fx } = addOn();
const spanish = addOn({ locale: 'es_ES' }).fx;

/** `count` copies of `rating` as a column. */
const times = (count: number, rating: unknown) => new Array(count).fill(rating);

describe('CSAT_CHANGE through the bundle', () => {
  it('worked example: 2 of 4 satisfied → 3 of 4: +0.25, p = 0.4652', () => {
    const [[change, p]] = fx.CSAT_CHANGE(column(5, 4, 3, 2), column(5, 5, 4, 3));
    expect(change).toBe(0.25);
    expectClose(p, 0.4652088184521418, 1e-12);
  });

  it("statsmodels' proportions_ztest example: 5 of 83 then 12 of 99 satisfied → p = 0.15918129181156992", () => {
    const before = column(...times(5, 5), ...times(78, 2));
    const after = column(...times(12, 4), ...times(87, 1));
    const [[change, p]] = fx.CSAT_CHANGE(before, after);
    expectClose(change, 12 / 99 - 5 / 83, 1e-15);
    expectClose(p, 0.15918129181156992, 1e-12);
  });

  it('skips blanks and text, takes another scale and threshold, any range shape', () => {
    // Before 9, 3 (1 of 2 satisfied from 8 on 1–10); after 10, 8, 2 (2 of 3): +1/6.
    const [[change]] = fx.CSAT_CHANGE(
      [
        [9, ''],
        ['N/A', 3],
      ],
      column(10, 8, 'n/a', 2),
      10,
      8,
    );
    expectClose(change, 2 / 3 - 1 / 2, 1e-15);
    // Default threshold on 1–10 is 9: 9 of (9, 3) and 10 of (10, 8, 2).
    expectClose(fx.CSAT_CHANGE(column(9, 3), column(10, 8, 2), 10)[0][0], 1 / 3 - 1 / 2, 1e-15);
  });

  it('both surveys all satisfied (or none): no change, p = 1', () => {
    expect(fx.CSAT_CHANGE(column(5, 4), column(4, 4, 5))).toEqual([[0, 1]]);
    expect(fx.CSAT_CHANGE(column(1, 2), column(3))).toEqual([[0, 1]]);
  });

  it('property: antisymmetric — swapping the surveys negates the change and keeps p; p in [0, 1]', () => {
    const ratings = fc.array(fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant('')), {
      minLength: 1,
      maxLength: 40,
    });
    fc.assert(
      fc.property(ratings, ratings, (a, b) => {
        if (!a.some((x) => x !== '') || !b.some((x) => x !== '')) return;
        const [[change, p]] = fx.CSAT_CHANGE(column(...a), column(...b));
        const [[back, q]] = fx.CSAT_CHANGE(column(...b), column(...a));
        expect(back).toBeCloseTo(-change, 14);
        expectClose(q, p, 1e-12);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        // The change is CSAT after − CSAT before.
        expect(change).toBeCloseTo(fx.CSAT(column(...b)) - fx.CSAT(column(...a)), 14);
      }),
      { numRuns: 100 },
    );
  });

  it('bad input: out-of-scale ratings name the argument and row; empty surveys; thresholds — English and Spanish', () => {
    expect(errorOf(() => fx.CSAT_CHANGE(column(5, 4), column(5, 6)))).toBe(
      'CSAT_CHANGE: rating 6 at row 2 of ratings_after is outside 1–5.',
    );
    expect(errorOf(() => fx.CSAT_CHANGE(column(4.5), column(5)))).toBe(
      'CSAT_CHANGE: rating 4.5 at row 1 of ratings_before is not a whole number from 1 to 5.',
    );
    expect(errorOf(() => fx.CSAT_CHANGE(column('', 'N/A'), column(5)))).toBe(
      'CSAT_CHANGE: no valid ratings in the range.',
    );
    expect(errorOf(() => fx.CSAT_CHANGE(column(5), column(5, '#N/A')))).toBe(
      'CSAT_CHANGE ratings_after row 2 holds the error #N/A. Fix that cell or leave it out of the range.',
    );
    expect(errorOf(() => fx.CSAT_CHANGE(column(5), column(5), 5, 6))).toBe(
      'CSAT_CHANGE: satisfied_min is 6; it must be within 1–5.',
    );
    expect(errorOf(() => fx.CSAT_CHANGE(column(5), column(5), 1))).toBe(
      'CSAT_CHANGE: scale_max is 1; it must be within 2–100.',
    );
    expect(errorOf(() => fx.CSAT_CHANGE(column(5)))).toBe(
      'CSAT_CHANGE: ratings_after is missing. Give it a value or a range.',
    );
    expect(errorOf(() => spanish.CSAT_CHANGE(column(5, 4), column(5, 6)))).toBe(
      'CSAT_CHANGE: valoración 6 en la fila 2 de ratings_after está fuera de 1–5.',
    );
    expect(errorOf(() => spanish.CSAT_CHANGE(column(''), column(5)))).toBe(
      'CSAT_CHANGE: no hay valoraciones válidas en el rango.',
    );
  });
});

describe('CES through the bundle', () => {
  it('the mean on the default 1–7 scale: 4, 5, 6, 7, 7 → 29 ÷ 5 = 5.8', () => {
    expect(fx.CES(column(4, 5, 6, 7, 7))).toBeCloseTo(5.8, 14);
    expect(fx.CES(column(4, 5, 6, 7, 7), 7, 'mean', false)).toBeCloseTo(5.8, 14);
  });

  it("Delighted's example: 5 disagree (1–2), 5 neutral (3), 10 agree (4–5) of 20 on 1–5 → top-2 share 0.5", () => {
    const ratings = column(...times(3, 1), ...times(2, 2), ...times(5, 3), ...times(6, 4), ...times(4, 5));
    expect(fx.CES(ratings, 5, 'top2')).toBe(0.5);
    expect(fx.CES(ratings, 5, 'TOP2')).toBe(0.5);
    expect(fx.CES(ratings, 5, 'Top 2')).toBe(0.5);
  });

  it('lower_is_better counts r as scale_max + 1 − r; Spanish method words and TRUE as text work', () => {
    expect(fx.CES(column(1, 2, 2, 5), 5, 'mean', true)).toBe(3.5); // 5, 4, 4, 1
    expect(fx.CES(column(1, 2, 2, 5), 5, 'media', 'VERDADERO')).toBe(3.5);
    expect(fx.CES(column(1, 2, 2, 5), 5, 'top2', true)).toBe(0.75);
    expect(fx.CES(column(1, 2, 2, 5), 5, '', '')).toBe(2.5); // defaults: mean, higher is better
  });

  it('skips blanks and text answers like CSAT', () => {
    expect(
      fx.CES([
        [7, ''],
        ['N/A', 5],
        ['6', 'no answer'],
      ]),
    ).toBe(6);
  });

  it('property: mean in [1, scale_max], top-2 in [0, 1], reversing maps the mean m to scale_max + 1 − m', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 40 }), (ratings) => {
        const mean = fx.CES(column(...ratings));
        expect(mean).toBeGreaterThanOrEqual(1);
        expect(mean).toBeLessThanOrEqual(7);
        expectClose(fx.CES(column(...ratings), 7, 'mean', true), 8 - mean, 1e-14);
        const top2 = fx.CES(column(...ratings), 7, 'top2');
        expect(top2).toBeGreaterThanOrEqual(0);
        expect(top2).toBeLessThanOrEqual(1);
        expect(fx.CES(column(...[...ratings].reverse()), 7, 'top2')).toBe(top2);
      }),
      { numRuns: 100 },
    );
  });

  it('bad input: out-of-scale ratings, unknown method, bad boolean — English and Spanish', () => {
    expect(errorOf(() => fx.CES(column(7, 8)))).toBe('CES: rating 8 at row 2 is outside 1–7.');
    expect(errorOf(() => fx.CES(column(5, 6), 5))).toBe('CES: rating 6 at row 2 is outside 1–5.');
    expect(errorOf(() => fx.CES(column(0)))).toBe('CES: rating 0 at row 1 is outside 1–7.');
    expect(errorOf(() => fx.CES(column(3), 7, 'median'))).toBe(
      'CES: method "median" is not recognised. Use one of: mean, top2.',
    );
    expect(errorOf(() => fx.CES(column(3), 7, 'mean', 'maybe'))).toBe(
      'CES: lower_is_better "maybe" is not recognised. Use one of: TRUE, FALSE.',
    );
    expect(errorOf(() => fx.CES(column('', 'N/A')))).toBe('CES: no valid ratings in the range.');
    expect(errorOf(() => fx.CES(column(3, '#DIV/0!')))).toBe(
      'CES ratings row 2 holds the error #DIV/0!. Fix that cell or leave it out of the range.',
    );
    expect(errorOf(() => spanish.CES(column(3), 7, 'median'))).toBe(
      'CES: method "median" no se reconoce. Usa uno de: mean, top2.',
    );
    expect(errorOf(() => spanish.CES(column(7, 8)))).toBe('CES: valoración 8 en la fila 2 está fuera de 1–7.');
  });
});
