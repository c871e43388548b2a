/**
 * NPS_CHANGE, NPS_TREND, CSI, KEY_DRIVERS and SATISFACTION_TREND called through the built bundle,
 * as Sheets calls them: ranges as 2-D arrays (some read from an emulated sheet), dates as the
 * instants of local midnight in the spreadsheet's zone, errors as one localized sentence.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDateIn, sheetDate } from '../emulator';
import { addOn, column, errorOf } from '../support/addon';

const ZONE = 'America/Los_Angeles';
const { fx } = addOn({ timeZone: ZONE });
const spanish = addOn({ locale: 'es_ES' }).fx;

/** The values a range of an emulated sheet hands to a custom function. */
function rangeValues(sheets: Record<string, unknown[][]>, a1: string): unknown[][] {
  const { workbook } = addOn({ sheets: sheets as never });
  return (workbook.spreadsheet.getRange(a1) as unknown as { getValues(): unknown[][] }).getValues();
}

/** A table with its Period dates shown as yyyy-mm-dd in a zone. */
function withIsoDates(table: unknown[][], zone: string): unknown[][] {
  return table.map((row) =>
    row.map((cell) =>
      Object.prototype.toString.call(cell) === '[object Date]' ? isoDateIn(cell as Date, zone) : cell,
    ),
  );
}

describe('NPS_CHANGE through the bundle', () => {
  it('worked example: 0 → 75 points, p = 0.1687 (hand calculation in the unit test)', () => {
    const [[change, p]] = fx.NPS_CHANGE(column(10, 9, 6, 3), column(10, 10, 9, 8));
    expect(change).toBeCloseTo(75, 10);
    expect(p).toBeCloseTo(0.16866861888781526, 9);
  });

  it('reads ranges from a sheet, skipping blanks and "N/A", in any shape', () => {
    // Before: 10, 9, 6, 3 (the N/A and the blank skipped); after: 10, 10, 9, 8 in a 2×2 block.
    const before = rangeValues(
      { Survey: [['before', 'after', ''], [10, 10, 10], [9, 9, 8], ['N/A', '', ''], [6], [3]] },
      'Survey!A2:A6',
    );
    const after = rangeValues(
      {
        Survey: [
          ['after', 'x'],
          [10, 10],
          [9, 8],
        ],
      },
      'Survey!A2:B3',
    );
    expect(fx.NPS_CHANGE(before, after)[0][0]).toBeCloseTo(75, 10);
  });

  it('the same answers twice: no change, p = 1; all promoters against all detractors: p = 0', () => {
    expect(fx.NPS_CHANGE(column(9, 10), column(10, 9))).toEqual([[0, 1]]);
    expect(fx.NPS_CHANGE(column(0, 1), [[10, 9]])).toEqual([[200, 0]]);
  });

  it('bad input names the argument, the row and the value, in English and Spanish', () => {
    expect(errorOf(() => fx.NPS_CHANGE(column(10), column(9, '#N/A')))).toBe(
      'NPS_CHANGE scores_after row 2 holds the error #N/A. Fix that cell or leave it out of the range.',
    );
    expect(errorOf(() => fx.NPS_CHANGE(column(10, 11), column(9)))).toBe(
      'NPS_CHANGE: score 11 at row 2 of scores_before is outside 0–10.',
    );
    expect(errorOf(() => fx.NPS_CHANGE(column('N/A'), column(9)))).toBe('NPS_CHANGE: no valid scores in the range.');
    expect(errorOf(() => spanish.NPS_CHANGE(column(10), column('')))).toBe(
      'NPS_CHANGE: no hay puntuaciones válidas en el rango.',
    );
  });
});

describe('NPS_TREND through the bundle', () => {
  const header = ['Period', 'Responses', 'Promoters', 'Passives', 'Detractors', 'NPS'];

  it('worked example: January, an empty February with a blank NPS, March', () => {
    // Jan: 10 and 6 → 1 promoter, 1 detractor → NPS 0. Feb: nothing. Mar: 9 and 8 → (1 − 0)/2·100 = 50.
    const table = fx.NPS_TREND(column(10, 6, 9, 8), column('2024-01-15', '2024-01-20', '2024-03-02', '2024-03-05'));
    expect(withIsoDates(table, ZONE)).toEqual([
      header,
      ['2024-01-01', 2, 1, 0, 1, 0],
      ['2024-02-01', 0, 0, 0, 0, ''],
      ['2024-03-01', 2, 1, 1, 0, 50],
    ]);
  });

  it('returns each period as the Date Sheets shows as its first day (midnight in the spreadsheet zone)', () => {
    const table = fx.NPS_TREND(column(9), [[sheetDate('2024-03-31', ZONE)]]);
    expect(table[1][0].getTime()).toBe(sheetDate('2024-03-01', ZONE).getTime());
  });

  it('reads date cells from a sheet, skips rows with a blank date or a text answer, takes Spanish period names', () => {
    const rows = [
      ['score', 'date'],
      [10, sheetDate('2024-01-01', ZONE)], // Monday: week of 2024-01-01
      ['N/A', sheetDate('2024-01-02', ZONE)], // skipped: text answer
      [3, ''], // skipped: no date
      [8, sheetDate('2024-01-14', ZONE)], // Sunday: still the week of 2024-01-08
    ];
    const scores = rangeValues({ Survey: rows }, 'Survey!A2:A5');
    const dates = rangeValues({ Survey: rows }, 'Survey!B2:B5');
    expect(withIsoDates(fx.NPS_TREND(scores, dates, 'semana'), ZONE)).toEqual([
      header,
      ['2024-01-01', 1, 1, 0, 0, 100],
      ['2024-01-08', 1, 0, 1, 0, 0],
    ]);
  });

  it.each(['Pacific/Kiritimati', 'America/Los_Angeles'])(
    'answers at 23:30 on 31 Jan and 00:30 on 1 Feb land in January and February in %s',
    (zone) => {
      const local = addOn({ timeZone: zone }).fx;
      const table = local.NPS_TREND(
        column(10, 0),
        column(sheetDate('2024-01-31 23:30', zone), sheetDate('2024-02-01 00:30', zone)),
      );
      expect(withIsoDates(table, zone)).toEqual([
        header,
        ['2024-01-01', 1, 1, 0, 0, 100],
        ['2024-02-01', 1, 0, 0, 1, -100],
      ]);
    },
  );

  it('property: responses add up to the valid answers; row order never matters', () => {
    const day0 = Date.UTC(2023, 0, 1);
    const answers = fc.array(
      fc.tuple(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant('N/A')), fc.integer({ min: 0, max: 500 })),
      { minLength: 1, maxLength: 60 },
    );
    fc.assert(
      fc.property(answers, fc.constantFrom('day', 'week', 'month', 'quarter', 'year'), (list, period) => {
        fc.pre(list.some((a) => typeof a[0] === 'number'));
        const iso = (offset: number) => new Date(day0 + offset * 86_400_000).toISOString().slice(0, 10);
        const table = fx.NPS_TREND(column(...list.map((a) => a[0])), column(...list.map((a) => iso(a[1]))), period);
        const valid = list.filter((a) => typeof a[0] === 'number').length;
        expect(table.slice(1).reduce((sum: number, row: number[]) => sum + row[1], 0)).toBe(valid);
        const reversed = [...list].reverse();
        expect(
          fx.NPS_TREND(column(...reversed.map((a) => a[0])), column(...reversed.map((a) => iso(a[1]))), period),
        ).toEqual(table);
      }),
      { numRuns: 60 },
    );
  });

  it('bad input: sizes, text dates, error values, periods, in English and Spanish', () => {
    expect(errorOf(() => fx.NPS_TREND(column(9, 9, 9), column('2024-01-01', '2024-01-02')))).toBe(
      'NPS_TREND: scores has 3 cells but dates has 2. Give ranges with the same number of rows.',
    );
    expect(errorOf(() => fx.NPS_TREND(column(9, 9), column('2024-01-01', 'soon')))).toBe(
      'NPS_TREND dates row 2: "soon" is not a date. Use a date cell or text like 2024-03-31.',
    );
    expect(errorOf(() => fx.NPS_TREND(column(9, '#VALUE!'), column('2024-01-01', '2024-01-02')))).toBe(
      'NPS_TREND scores row 2 holds the error #VALUE!. Fix that cell or leave it out of the range.',
    );
    expect(errorOf(() => fx.NPS_TREND(column(9), column('2024-01-01'), 'fortnight'))).toMatch(
      /^NPS_TREND: period "fortnight" is not recognised/,
    );
    expect(errorOf(() => fx.NPS_TREND(column('N/A'), column('2024-01-01')))).toBe(
      'NPS_TREND: no valid scores in the range.',
    );
    expect(errorOf(() => spanish.NPS_TREND(column(9, 9), column('2024-01-01', 'pronto')))).toBe(
      'NPS_TREND dates fila 2: "pronto" no es una fecha. Usa una celda de fecha o texto como 2024-03-31.',
    );
  });

  // FUNCTIONS.md: 100 000 rows well under a second. Most of this time is the shared argument layer,
  // which in gas-local's vm context pays for every global lookup (Math, isFinite…); the trend itself
  // is timed alone in test/unit/survey-catalogue.test.ts (under 300 ms).
  it('handles 100 000 answers well under a second', () => {
    const days = Array.from(
      { length: 730 },
      (_, k) => new Date(sheetDate('2023-01-01', ZONE).getTime() + k * 86_400_000 + 3_600_000 * 12),
    );
    const scores = Array.from({ length: 100_000 }, (_, i) => [(i * 7) % 11]);
    const dates = Array.from({ length: 100_000 }, (_, i) => [days[(i * 31) % days.length]]);
    const table = fx.NPS_TREND(scores, dates); // also warms up the JIT
    expect(table.slice(1).reduce((sum: number, row: number[]) => sum + row[1], 0)).toBe(100_000);
    expect(table.length).toBe(1 + 24);
    // Best of three: the compute cost, not the noise of other processes sharing the machine.
    const elapsed = Math.min(
      ...[0, 1, 2].map(() => {
        const start = performance.now();
        fx.NPS_TREND(scores, dates);
        return performance.now() - start;
      }),
    );
    expect(elapsed).toBeLessThan(500);
  });
});

describe('CSI through the bundle', () => {
  it('worked example: means 8 and 5 on 1–10 → 61.11 equally weighted, 66.67 with weights 2 and 1', () => {
    // (8 − 1)/9·100 = 77.78 and (5 − 1)/9·100 = 44.44; equal: 61.11; (2·77.78 + 44.44)/3 = 200/3.
    const ratings = [
      [8, 6],
      [10, 4],
      [6, ''],
    ];
    expect(fx.CSI(ratings)).toBeCloseTo(550 / 9, 10);
    expect(fx.CSI(ratings, [[2, 1]])).toBeCloseTo(200 / 3, 10);
    expect(fx.CSI(ratings, column(2, 1))).toBeCloseTo(200 / 3, 10);
    expect(fx.CSI(ratings, '', 1, 10)).toBeCloseTo(550 / 9, 10);
  });

  it('reads a sheet range with text answers, on a 1–5 scale', () => {
    // Q1: 5, 4, 3 → mean 4 → (4 − 1)/4·100 = 75. Q2: 2 ("N/A" skipped), 4 → mean 3 → 50. Equal weights: 62.5.
    const ratings = rangeValues(
      {
        Survey: [
          ['Q1', 'Q2'],
          [5, 2],
          [4, 'N/A'],
          [3, 4],
        ],
      },
      'Survey!A2:B4',
    );
    expect(fx.CSI(ratings, undefined, 1, 5)).toBeCloseTo(62.5, 10);
    expect(fx.CSI(ratings, [[0, 1]], 1, 5)).toBeCloseTo(50, 10);
  });

  it('property: CSI is in [0, 100] and ignores row order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 })), {
          minLength: 1,
          maxLength: 40,
        }),
        (rows) => {
          const csi = fx.CSI(rows, [[3, 1]]);
          expect(csi).toBeGreaterThanOrEqual(0);
          expect(csi).toBeLessThanOrEqual(100);
          expect(fx.CSI([...rows].reverse(), [[3, 1]])).toBeCloseTo(csi, 10);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('bad input: weights, scales, empty columns, error values, in English and Spanish', () => {
    const ratings = [
      [8, 6],
      [10, 4],
    ];
    expect(errorOf(() => fx.CSI(ratings, [[1, 2, 3]]))).toBe(
      'CSI: weights has 3 numbers but ratings has 2 columns (questions); give one weight per column.',
    );
    expect(errorOf(() => fx.CSI(ratings, [[1, -2]]))).toBe(
      'CSI weights row 1: weight -2 is negative. It must be 0 or more.',
    );
    expect(errorOf(() => fx.CSI(ratings, [[0, 0]]))).toBe(
      'CSI: cannot divide by zero: the weights add up to 0; give at least one weight above 0.',
    );
    expect(
      errorOf(() =>
        fx.CSI([
          [8, ''],
          [9, 'N/A'],
        ]),
      ),
    ).toBe('CSI: not enough data: column 2 of ratings has no ratings; give it answers or leave it out of the range.');
    expect(
      errorOf(() =>
        fx.CSI([
          ['', ''],
          ['N/A', ''],
        ]),
      ),
    ).toBe('CSI: no valid ratings in the range.');
    expect(
      errorOf(() =>
        fx.CSI([
          [8, 6],
          [11, 4],
        ]),
      ),
    ).toBe('CSI: rating 11 at row 2 is outside 1–10.');
    expect(errorOf(() => fx.CSI(ratings, '', 5, 5))).toBe(
      'CSI: scale_max is 5; it must be greater than scale_min (5).',
    );
    expect(errorOf(() => fx.CSI([[8, '#DIV/0!']]))).toBe(
      'CSI ratings row 1 holds the error #DIV/0!. Fix that cell or leave it out of the range.',
    );
    expect(errorOf(() => spanish.CSI(ratings, [[1]]))).toBe(
      'CSI: weights tiene 1 números pero ratings tiene 2 columnas (preguntas); indica un peso por columna.',
    );
  });
});

describe('KEY_DRIVERS through the bundle', () => {
  const header = ['Driver', 'Mean', 'Correlation', 'Quadrant'];
  /** The four-quadrant table of test/unit/survey-catalogue.test.ts (hand-checked there), as a sheet. */
  const sheet = [
    ['Speed', 'Price', 'Support', 'Website', 'App', 'Overall'],
    [6, 1, 9, 3, 0, 1],
    [7, 2, 7, 1, '', 2],
    [8, 3, 9, 2, 'N/A', 3],
    [9, 4, 7, 1, '', 4],
    [10, 6, 8, 3, 0, 5],
    [8, '', '', '', '', ''],
  ];

  it('puts one driver in each quadrant, names from a header range', () => {
    const table = fx.KEY_DRIVERS(
      rangeValues({ S: sheet }, 'S!A2:E7'),
      rangeValues({ S: sheet }, 'S!F2:F7'),
      rangeValues({ S: sheet }, 'S!A1:E1'),
    );
    expect(table[0]).toEqual(header);
    expect(table.slice(1).map((row: unknown[]) => [row[0], row[3]])).toEqual([
      ['Speed', 'Key strength'],
      ['Price', 'Key weakness'],
      ['Support', 'Secondary strength'],
      ['Website', 'Secondary weakness'],
      ['App', ''],
    ]);
    expect(table.slice(1).map((row: number[]) => row[1])).toEqual([8, 3.2, 8, 2, 0].map((m) => expect.closeTo(m, 10)));
    expect(table[2][2]).toBeCloseTo(12 / Math.sqrt(148), 10);
    expect(table[3][2]).toBeCloseTo(-2 / Math.sqrt(40), 10);
    expect(table[5][2]).toBe('');
  });

  it('default names Driver 1…; fewer than 3 paired rows give a blank correlation and quadrant', () => {
    // Outcome only in rows 1–2: 2 pairs for both drivers.
    expect(
      fx.KEY_DRIVERS(
        [
          [1, 5],
          [2, 4],
          [3, 3],
        ],
        column(10, 8, ''),
      ),
    ).toEqual([header, ['Driver 1', 2, '', ''], ['Driver 2', 4, '', '']]);
    // The JSDoc example: Speed (3.5, r = 1), Price (1.5, r = 0); averages 2.5 and 0.5.
    expect(
      fx
        .KEY_DRIVERS(
          [
            [5, 1],
            [4, 2],
            [3, 2],
            [2, 1],
          ],
          column(10, 8, 6, 4),
          [['Speed', 'Price']],
        )
        .map((row: unknown[]) => [row[0], row[3]]),
    ).toEqual([
      ['Driver', 'Quadrant'],
      ['Speed', 'Key strength'],
      ['Price', 'Secondary weakness'],
    ]);
  });

  it('quadrants at the averages: one driver far ahead is the only high-mean one (medians would split 2–2)', () => {
    // Hand-checked in test/unit/survey-catalogue.test.ts: means 3, 2, 4, 9 (average 4.5, median 3.5),
    // correlations 1, 0.9487, 0, −0.3162 (average 0.4081).
    const table = fx.KEY_DRIVERS(
      [
        [1, 1, 5, 10],
        [2, 1, 3, 8],
        [3, 2, 4, 10],
        [4, 3, 3, 8],
        [5, 3, 5, 9],
      ],
      column(1, 2, 3, 4, 5),
    );
    expect(table.map((row: unknown[]) => row[3])).toEqual([
      'Quadrant',
      'Key weakness',
      'Key weakness',
      'Secondary weakness',
      'Secondary strength',
    ]);
  });

  it('directions: −1 reverses a column over its observed scale (rating → min + max − rating) before anything else', () => {
    // "Switch" 4, 3, 2, 5 (lower is better) on its observed 2…5 → 3, 4, 5, 2: mean 3.5; against the outcome
    // 10, 8, 6, 4: Sxy = 2, Sxx = 5, Syy = 20 → r = 0.2. Averages: means 8.5/3 = 2.83, r (1 + 0 + 0.2)/3 = 0.4:
    // Switch (3.5 ≥, 0.2 <) is a Secondary strength (with the median r = 0.2 it would have been a Key strength).
    const ratings = [
      [5, 1, 4],
      [4, 2, 3],
      [3, 2, 2],
      [2, 1, 5],
    ];
    const names = [['Speed', 'Price', 'Switch']];
    const table = fx.KEY_DRIVERS(ratings, column(10, 8, 6, 4), names, [[1, 1, -1]]);
    expect(table).toEqual([
      ['Driver', 'Mean', 'Correlation', 'Quadrant'],
      ['Speed', 3.5, 1, 'Key strength'],
      ['Price', 1.5, 0, 'Secondary weakness'],
      ['Switch', 3.5, expect.closeTo(0.2, 12), 'Secondary strength'],
    ]);
    // Unreversed, Switch falls as the outcome rises: r = −0.2, mean 3.5 (2 + 5 − 3.5 is the same here).
    expect(fx.KEY_DRIVERS(ratings, column(10, 8, 6, 4), names)[3][2]).toBeCloseTo(-0.2, 12);
    // Directions as a column, or all 1, or left blank: the same as without them.
    expect(fx.KEY_DRIVERS(ratings, column(10, 8, 6, 4), names, column(1, 1, -1))).toEqual(table);
    expect(fx.KEY_DRIVERS(ratings, column(10, 8, 6, 4), names, [[1, 1, 1]])).toEqual(
      fx.KEY_DRIVERS(ratings, column(10, 8, 6, 4), names),
    );
    expect(fx.KEY_DRIVERS(ratings, column(10, 8, 6, 4), names, '')).toEqual(
      fx.KEY_DRIVERS(ratings, column(10, 8, 6, 4), names),
    );
  });

  it('bad directions name the argument, in English and Spanish', () => {
    const ratings = [
      [1, 2],
      [2, 1],
      [3, 3],
    ];
    expect(errorOf(() => fx.KEY_DRIVERS(ratings, column(1, 2, 3), '', [[1, -1, 1]]))).toBe(
      'KEY_DRIVERS: directions has 3 values but driver_ratings has 2 columns; give one per column.',
    );
    expect(errorOf(() => fx.KEY_DRIVERS(ratings, column(1, 2, 3), '', [[1, 0]]))).toMatch(
      /^KEY_DRIVERS: directions is 0; each direction must be 1 .* or -1 /,
    );
    expect(errorOf(() => fx.KEY_DRIVERS(ratings, column(1, 2, 3), '', [[1, 'down']]))).toMatch(
      /^KEY_DRIVERS directions row 1: "down" is not a number/,
    );
    expect(errorOf(() => spanish.KEY_DRIVERS(ratings, column(1, 2, 3), '', [[1, -1, 1]]))).toBe(
      'KEY_DRIVERS: directions tiene 3 valores pero driver_ratings tiene 2 columnas; indica uno por columna.',
    );
  });

  it('property: correlations in [−1, 1]; reversing the rows changes nothing', () => {
    const rows = fc.array(
      fc.tuple(
        fc.integer({ min: 1, max: 5 }),
        fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant('')),
        fc.integer({ min: 0, max: 10 }),
      ),
      { minLength: 3, maxLength: 30 },
    );
    fc.assert(
      fc.property(rows, (list) => {
        const table = fx.KEY_DRIVERS(
          list.map((r) => [r[0], r[1]]),
          column(...list.map((r) => r[2])),
        );
        for (const row of table.slice(1)) {
          if (row[2] === '') continue;
          expect(row[2]).toBeGreaterThanOrEqual(-1);
          expect(row[2]).toBeLessThanOrEqual(1);
        }
        const reversed = [...list].reverse();
        const again = fx.KEY_DRIVERS(
          reversed.map((r) => [r[0], r[1]]),
          column(...reversed.map((r) => r[2])),
        );
        expect(again.map((row: unknown[]) => row[3])).toEqual(table.map((row: unknown[]) => row[3]));
        again.slice(1).forEach((row: (number | string)[], k: number) => {
          for (const c of [1, 2]) {
            if (row[c] === '') expect(table[k + 1][c]).toBe('');
            else expect(row[c]).toBeCloseTo(table[k + 1][c] as number, 9);
          }
        });
      }),
      { numRuns: 60 },
    );
  });

  it('bad input: sizes naming both arguments, names, error values, in English and Spanish', () => {
    expect(
      errorOf(() =>
        fx.KEY_DRIVERS(
          [
            [1, 2],
            [3, 4],
            [5, 6],
          ],
          column(1, 2),
        ),
      ),
    ).toBe(
      'KEY_DRIVERS: driver_ratings has 3 rows but outcome has 2 cells; give one outcome per row of driver_ratings.',
    );
    expect(errorOf(() => fx.KEY_DRIVERS([[1, 2]], column(1), [['A', 'B', 'C']]))).toBe(
      'KEY_DRIVERS: driver_names has 3 names but driver_ratings has 2 columns; give one name per column.',
    );
    expect(errorOf(() => fx.KEY_DRIVERS([[1], ['#N/A']], column(1, 2)))).toBe(
      'KEY_DRIVERS driver_ratings row 2 holds the error #N/A. Fix that cell or leave it out of the range.',
    );
    expect(errorOf(() => fx.KEY_DRIVERS([[1], [2]], column('#REF!', 2)))).toBe(
      'KEY_DRIVERS outcome row 1 holds the error #REF!. Fix that cell or leave it out of the range.',
    );
    expect(errorOf(() => fx.KEY_DRIVERS([[1], [2]], column('', 'N/A')))).toBe(
      'KEY_DRIVERS: no valid values in the range.',
    );
    expect(
      errorOf(() =>
        spanish.KEY_DRIVERS(
          [
            [1, 2],
            [3, 4],
            [5, 6],
          ],
          column(1, 2),
        ),
      ),
    ).toBe(
      'KEY_DRIVERS: driver_ratings tiene 3 filas pero outcome tiene 2 celdas; indica un resultado por fila de driver_ratings.',
    );
  });
});

describe('SATISFACTION_TREND through the bundle', () => {
  const header = ['Customer', 'Responses', 'Previous', 'Latest', 'Change', 'Slope per 30 days'];

  it('worked example (hand-checked in the unit test): A falls −1 at −1.5 per 30 days, B rises 4 at 2', () => {
    const table = fx.SATISFACTION_TREND(
      column('A', 'B', 'A', 'B', 'A', 'C'),
      column('2024-01-01', '2024-01-01', '2024-01-31', '2024-03-01', '2024-03-01', '2024-02-01'),
      column(8, 5, 6, 9, 5, 7),
    );
    expect(table).toEqual([
      header,
      ['A', 3, 6, 5, -1, expect.closeTo(-1.5, 10)],
      ['B', 2, 5, 9, 4, expect.closeTo(2, 10)],
    ]);
  });

  it('reads a sheet with date cells and numeric ids; same-day answers keep sheet order and have a blank slope', () => {
    const rows = [
      ['customer', 'date', 'score'],
      [1001, sheetDate('2024-05-02', ZONE), 4],
      [1002, sheetDate('2024-05-01', ZONE), 2],
      [1001, sheetDate('2024-05-02', ZONE), 5], // same day as row 1: counts as later
      [1002, sheetDate('2024-04-01', ZONE), 'N/A'], // skipped
      [1002, sheetDate('2024-05-31', ZONE), 3], // 30 days after 2024-05-01: slope (3 − 2)/30·30 = 1
    ];
    const table = fx.SATISFACTION_TREND(
      rangeValues({ S: rows }, 'S!A2:A6'),
      rangeValues({ S: rows }, 'S!B2:B6'),
      rangeValues({ S: rows }, 'S!C2:C6'),
    );
    expect(table).toEqual([header, ['1001', 2, 4, 5, 1, ''], ['1002', 2, 2, 3, 1, expect.closeTo(1, 10)]]);
  });

  it('property: falling customers first; reversing rows with distinct days changes nothing', () => {
    const history = fc.uniqueArray(
      fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 5 })),
      { selector: (t) => `${t[0]}/${t[1]}`, minLength: 2, maxLength: 40 },
    );
    const iso = (offset: number) => new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
    const call = (list: [string, number, number][]) =>
      fx.SATISFACTION_TREND(
        column(...list.map((r) => r[0])),
        column(...list.map((r) => iso(r[1]))),
        column(...list.map((r) => r[2])),
      );
    fc.assert(
      fc.property(history, (list) => {
        const counts = new Map<string, number>();
        for (const r of list) counts.set(r[0], (counts.get(r[0]) ?? 0) + 1);
        fc.pre([...counts.values()].some((n) => n >= 2));
        const table = call(list);
        for (let k = 2; k < table.length; k++) expect(table[k - 1][4] <= table[k][4]).toBe(true);
        const again = call([...list].reverse());
        expect(again.map((row: unknown[]) => row.slice(0, 5))).toEqual(table.map((row: unknown[]) => row.slice(0, 5)));
      }),
      { numRuns: 60 },
    );
  });

  it('bad input: sizes, text dates, error values, nobody answering twice, in English and Spanish', () => {
    expect(errorOf(() => fx.SATISFACTION_TREND(column('A', 'A'), column('2024-01-01'), column(3, 4)))).toBe(
      'SATISFACTION_TREND: customer_ids has 2 cells but dates has 1. Give ranges with the same number of rows.',
    );
    expect(errorOf(() => fx.SATISFACTION_TREND(column('A', 'A'), column('2024-01-01', '2024-01-02'), column(3)))).toBe(
      'SATISFACTION_TREND: customer_ids has 2 cells but scores has 1. Give ranges with the same number of rows.',
    );
    expect(
      errorOf(() =>
        fx.SATISFACTION_TREND(column('A', 'A', 'A'), column('2024-01-01', '2024-01-02', 'yesterday'), column(3, 4, 5)),
      ),
    ).toBe('SATISFACTION_TREND dates row 3: "yesterday" is not a date. Use a date cell or text like 2024-03-31.');
    expect(
      errorOf(() => fx.SATISFACTION_TREND(column('A', 'A'), column('2024-01-01', '2024-01-02'), column(3, '#NUM!'))),
    ).toBe('SATISFACTION_TREND scores row 2 holds the error #NUM!. Fix that cell or leave it out of the range.');
    expect(
      errorOf(() => fx.SATISFACTION_TREND(column('A', 'B'), column('2024-01-01', '2024-01-02'), column(3, 4))),
    ).toBe('SATISFACTION_TREND: not enough data: no customer has 2 or more answers.');
    expect(
      errorOf(() => spanish.SATISFACTION_TREND(column('A', 'B'), column('2024-01-01', '2024-01-02'), column(3, 4))),
    ).toBe('SATISFACTION_TREND: no hay datos suficientes: ningún cliente tiene 2 o más respuestas.');
  });

  it('handles 100 000 answers from 20 000 customers quickly', () => {
    const days = Array.from({ length: 365 }, (_, k) => sheetDate('2024-01-01', ZONE).getTime() + k * 86_400_000);
    const ids = Array.from({ length: 100_000 }, (_, i) => [`C${i % 20_000}`]);
    const dates = Array.from({ length: 100_000 }, (_, i) => [new Date(days[(i * 13) % days.length])]);
    const scores = Array.from({ length: 100_000 }, (_, i) => [(i * 7) % 11]);
    const table = fx.SATISFACTION_TREND(ids, dates, scores);
    expect(table.length).toBe(1 + 20_000);
    expect(table.slice(1).reduce((sum: number, row: number[]) => sum + row[1], 0)).toBe(100_000);
    const start = performance.now();
    fx.SATISFACTION_TREND(ids, dates, scores);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
