/**
 * Survey formulas called through the built bundle, as Sheets calls them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addOn, column, errorOf } from '../support/addon';

const { fx } = addOn();

/** The FUNCTIONS.md worked example: 1000 answers, 250 promoters, 75 detractors. */
const worked = column(...Array(250).fill(10), ...Array(75).fill(3), ...Array(675).fill(8));

describe('NPS through the bundle', () => {
  it('gives the worked example of FUNCTIONS.md', () => {
    expect(fx.NPS(worked)).toBeCloseTo(17.5, 10);
    const [[low, high]] = fx.NPS_CI(worked);
    expect(low).toBeCloseTo(14.1, 1);
    expect(high).toBeCloseTo(20.9, 1);
  });

  it('NPS_BREAKDOWN has the exact layout of FUNCTIONS.md', () => {
    const table = fx.NPS_BREAKDOWN(worked);
    expect(table.map((row: unknown[]) => row[0])).toEqual([
      'Group',
      'Promoters',
      'Passives',
      'Detractors',
      'Responses',
      'NPS',
      'Margin of error (95%)',
    ]);
    expect(table[0]).toEqual(['Group', 'Count', 'Share']);
    expect(table.slice(1, 5).map((row: unknown[]) => row.slice(1))).toEqual([
      [250, 0.25],
      [675, 0.675],
      [75, 0.075],
      [1000, 1],
    ]);
    expect(table[5][1]).toBe('');
    expect(table[5][2]).toBeCloseTo(17.5, 10);
    expect(table[6][2]).toBeCloseTo(20.9 - 17.5, 1);
    expect(table.every((row: unknown[]) => row.length === 3)).toBe(true);
  });

  it('a single value and [[x]] agree', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), (score) => {
        expect(fx.NPS(score)).toBe(fx.NPS([[score]]));
        expect(fx.CSAT(Math.max(1, score % 6))).toBe(fx.CSAT([[Math.max(1, score % 6)]]));
        expect(fx.NPS_CATEGORY(score)).toEqual(fx.NPS_CATEGORY([[score]])[0][0]);
      }),
    );
  });

  it('property: NPS is in [−100, 100] and the order of cells never matters, in any range shape', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 1, max: 4 }),
        (scores, width) => {
          const rows: (number | string)[][] = [];
          for (let i = 0; i < scores.length; i += width)
            rows.push(Array.from({ length: width }, (_, k) => scores[i + k] ?? ''));
          const nps = fx.NPS(rows);
          expect(nps).toBeGreaterThanOrEqual(-100);
          expect(nps).toBeLessThanOrEqual(100);
          expect(fx.NPS(column(...[...scores].reverse()))).toBeCloseTo(nps, 10);
        },
      ),
    );
  });

  it('NPS_CATEGORY works cell by cell, keeps the shape, and speaks Spanish', () => {
    expect(
      fx.NPS_CATEGORY([
        [10, 7],
        ['', 3],
      ]),
    ).toEqual([
      ['Promoter', 'Passive'],
      ['', 'Detractor'],
    ]);
    expect(fx.NPS_CATEGORY(column(9, 8, 2), 'es')).toEqual([['Promotor'], ['Pasivo'], ['Detractor']]);
    expect(fx.NPS_CATEGORY(9)).toBe('Promoter');
    expect(fx.NPS_CATEGORY(column('N/A', '9'))).toEqual([[''], ['Promoter']]);
  });
});

describe('CSAT through the bundle', () => {
  it('counts the share of 4s and 5s on the default 1–5 scale', () => {
    expect(fx.CSAT(column(5, 4, 3, 5, 2, 4))).toBeCloseTo(4 / 6, 12);
  });

  it('takes another scale and threshold', () => {
    expect(fx.CSAT(column(10, 9, 8, 7, 1), 10)).toBeCloseTo(2 / 5, 12);
    expect(fx.CSAT(column(10, 9, 8, 7, 1), 10, 8)).toBeCloseTo(3 / 5, 12);
    expect(fx.CSAT(column(3, 2, 1), 3, 3)).toBeCloseTo(1 / 3, 12);
  });

  it('property: CSAT is a share in [0, 1] and ignores row order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 80 }), (ratings) => {
        const share = fx.CSAT(column(...ratings));
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
        expect(fx.CSAT(column(...[...ratings].reverse()))).toBeCloseTo(share, 12);
      }),
    );
  });
});

describe('bad input: one test per rule of the conventions table', () => {
  it('skips blank cells', () => {
    expect(fx.NPS(column(10, '', 0, ''))).toBe(0);
  });

  it('skips text answers such as "N/A" in a score range', () => {
    expect(fx.NPS(column(10, 'N/A', 'no answer', 9))).toBe(100);
  });

  it('counts numeric text as the number', () => {
    expect(fx.NPS(column('9', ' 10 ', '3'))).toBeCloseTo(100 / 3, 10);
  });

  it('rejects 11, −1 and 7.5 naming the value and the row', () => {
    expect(errorOf(() => fx.NPS(column(9, 9, 8, 7, 11)))).toBe('NPS: score 11 at row 5 is outside 0–10.');
    expect(errorOf(() => fx.NPS(column(-1)))).toBe('NPS: score -1 at row 1 is outside 0–10.');
    expect(errorOf(() => fx.NPS(column(9, 7.5)))).toBe('NPS: score 7.5 at row 2 is not a whole number from 0 to 10.');
    expect(errorOf(() => fx.CSAT(column(5, 6)))).toBe('CSAT: rating 6 at row 2 is outside 1–5.');
  });

  it('names the first error value in the range and its row', () => {
    expect(errorOf(() => fx.NPS(column(10, 9, '#N/A', '#DIV/0!')))).toBe(
      'NPS scores row 3 holds the error #N/A. Fix that cell or leave it out of the range.',
    );
  });

  it('reads a multi-column range row by row for row numbers', () => {
    expect(
      errorOf(() =>
        fx.NPS([
          [9, 9],
          [9, 12],
        ]),
      ),
    ).toMatch(/at row 2 /);
  });

  it('an empty range, or one with nothing valid, is an error', () => {
    expect(errorOf(() => fx.NPS(column('', '', '')))).toBe('NPS: no valid scores in the range.');
    expect(errorOf(() => fx.NPS(column('N/A')))).toBe('NPS: no valid scores in the range.');
    expect(errorOf(() => fx.CSAT([]))).toBe('CSAT: no valid ratings in the range.');
  });

  it('rejects bad options with what is allowed', () => {
    expect(errorOf(() => fx.NPS_CI(worked, 1.5))).toMatch(/^NPS_CI: confidence is 1.5; it must be between 0 and 1/);
    expect(errorOf(() => fx.NPS_CATEGORY(9, 'fr'))).toMatch(
      /^NPS_CATEGORY: language "fr" is not recognised. Use one of: en, es/,
    );
    expect(errorOf(() => fx.CSAT(column(5), 5, 6))).toMatch(/^CSAT: satisfied_min is 6; it must be within 1–5/);
  });

  it('speaks Spanish under an es locale', () => {
    const spanish = addOn({ locale: 'es_ES' }).fx;
    expect(errorOf(() => spanish.NPS(column(9, 9, 8, 7, 11)))).toBe(
      'NPS: puntuación 11 en la fila 5 está fuera de 0–10.',
    );
    expect(errorOf(() => spanish.NPS(column('')))).toBe('NPS: no hay puntuaciones válidas en el rango.');
    expect(errorOf(() => spanish.NPS(column('#REF!')))).toBe(
      'NPS scores fila 1 contiene el error #REF!. Corrige esa celda o déjala fuera del rango.',
    );
    expect(spanish.NPS(column(10, 0))).toBe(0);
  });

  it('reads the locale only to word an error, and never the time zone for survey formulas', () => {
    const { workbook, fx: counted } = addOn();
    counted.NPS(column(10, 9, 3));
    expect(workbook.calls.count()).toBe(0);
    errorOf(() => counted.NPS(column(12)));
    expect(workbook.calls.byMethod()).toEqual({
      'Spreadsheet.getSpreadsheetLocale': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
  });
});
