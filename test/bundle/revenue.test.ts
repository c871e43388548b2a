/**
 * Revenue and value formulas called through the built bundle, as Sheets calls them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDateIn, sheetDate } from '../emulator';
import { addOn, column, errorOf } from '../support/addon';
import { expectClose } from '../support/numbers';

const ZONE = 'America/Los_Angeles';
const { fx } = addOn();
const spanish = addOn({ locale: 'es_ES' }).fx;
const date = (iso: string) => sheetDate(iso, ZONE);
const HEADER = [
  'Month',
  'Starting MRR',
  'New',
  'Expansion',
  'Contraction',
  'Churned',
  'Reactivation',
  'Ending MRR',
  'Gross MRR churn',
  'Net revenue retention',
];

/** The element-wise formulas of this family with valid arguments for a scalar check. */
const ELEMENTWISE: [string, number[]][] = [
  ['CPS', [1500, 1200]],
  ['LTV', [50, 4, 3, 0.6]],
  ['SAAS_LTV', [100, 0.05, 0.8]],
  ['LTV_CAC', [1600, 400]],
  ['REVENUE_RETENTION', [10000, 10500, 1500]],
  ['REVENUE_CHURN', [10000, 10500, 1500]],
  ['QUICK_RATIO', [5000, 1000, 500, 1500]],
];

describe('value formulas through the bundle', () => {
  it('give the hand-checked values on single values', () => {
    expect(fx.CPS(1500, 1200)).toBeCloseTo(0.25, 12); // (1500 − 1200)/1200
    expect(fx.LTV(50, 4, 3)).toBe(600); // 50 × 4 × 3
    expect(fx.LTV(50, 4, 3, 0.6)).toBeCloseTo(360, 10);
    expect(fx.SAAS_LTV(100, 0.05, 0.8)).toBeCloseTo(1600, 9); // 100 × 0.8 / 0.05
    expect(fx.SAAS_LTV(100, 0.05)).toBeCloseTo(2000, 9);
    expect(fx.LTV_CAC(1600, 400)).toBe(4);
    expect(fx.REVENUE_RETENTION(10000, 10500, 1500)).toBeCloseTo(0.9, 12); // (10500 − 1500)/10000
    expect(fx.REVENUE_CHURN(10000, 10500, 1500)).toBeCloseTo(0.1, 12); // (10000 − 10500 + 1500)/10000
  });

  it('work cell by cell over ranges, broadcasting single values, blanks staying blank', () => {
    expect(fx.CPS(column(1500, 800, ''), column(1200, 1000, 500))).toEqual([[0.25], [-0.2], ['']]);
    expect(fx.LTV_CAC([[1600, 900]], 400)).toEqual([[4, 2.25]]);
    // 50·4·3·0.5 = 300; a blank cell inside a range gives a blank result (the default margin is only for an omitted or blank single value)
    expect(fx.LTV(column(50, 20), 4, column(3, 5), column(0.5, ''))).toEqual([[300], ['']]);
    expect(fx.LTV(column(50, 20), 4, column(3, 5), '')).toEqual([[600], [400]]); // 50·4·3, 20·4·5
  });

  it('property: a single value and [[x]] agree', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ELEMENTWISE),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        ([name, args], factor) => {
          const scaled = args.map((a, i) => (i === 0 ? a * factor : a));
          expect(fx[name](...scaled.map((a) => [[a]]))[0][0]).toBe(fx[name](...scaled));
        },
      ),
    );
  });

  it('property: REVENUE_CHURN = 1 − REVENUE_RETENTION, retention ≥ 0, churn ≤ 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (start, end, share) => {
          const added = Math.floor(end * share);
          const retention = fx.REVENUE_RETENTION(start, end, added);
          const churn = fx.REVENUE_CHURN(start, end, added);
          expect(retention).toBeGreaterThanOrEqual(0);
          expect(churn).toBeLessThanOrEqual(1 + 1e-12);
          expect(churn).toBeCloseTo(1 - retention, 9);
        },
      ),
    );
  });
});

describe('QUICK_RATIO through the bundle', () => {
  it('published examples: abracalc 3.0, pitchkit 3.5, theprimecalculator 2.92', () => {
    expect(fx.QUICK_RATIO(5000, 1000, 500, 1500)).toBe(3); // (5,000 + 1,000) ÷ (500 + 1,500)
    expect(fx.QUICK_RATIO(20_000, 8000, 3000, 5000)).toBe(3.5); // 28k ÷ 8k
    expect(fx.QUICK_RATIO(25_000, 10_000, 4000, 8000)).toBeCloseTo(35 / 12, 12); // 35,000 ÷ 12,000 = 2.9167
    // Reactivation is gained MRR: (10 + 2 + 4) ÷ (1 + 3) = 4; left out or blank it is 0.
    expect(fx.QUICK_RATIO(10, 2, 1, 3, 4)).toBe(4);
    expect(fx.QUICK_RATIO(10, 2, 1, 3)).toBe(3);
    expect(fx.QUICK_RATIO(10, 2, 1, 3, '')).toBe(3);
  });

  it('works cell by cell over months, broadcasting single values, blanks staying blank', () => {
    // One row per month: (new, expansion, contraction, churned, reactivation).
    expect(
      fx.QUICK_RATIO(column(5000, 20_000, ''), column(1000, 8000, 10), column(500, 3000, 1), column(1500, 5000, 1), 0),
    ).toEqual([[3], [3.5], ['']]);
    expect(fx.QUICK_RATIO([[100, 200]], 0, 25, 25, [[0, 100]])).toEqual([[2, 6]]);
  });

  it('property: scale invariance — the same movements in cents or in thousands give the same ratio', () => {
    const money = fc.integer({ min: 0, max: 1e7 });
    fc.assert(
      fc.property(
        money,
        money,
        money,
        fc.integer({ min: 1, max: 1e7 }),
        money,
        fc.constantFrom(0.01, 100, 1000),
        (n, e, c, l, r, k) => {
          const ratio = fx.QUICK_RATIO(n, e, c, l, r);
          expect(ratio).toBeGreaterThanOrEqual(0);
          expectClose(fx.QUICK_RATIO(n * k, e * k, c * k, l * k, r * k), ratio, 1e-12);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('bad input: nothing lost, text, negatives, error values, shapes — in English and Spanish', () => {
    expect(errorOf(() => fx.QUICK_RATIO(10, 2, 0, 0))).toBe(
      'QUICK_RATIO: cannot divide by zero: no MRR was lost (no churn, no contraction): the quick ratio is unbounded.',
    );
    expect(errorOf(() => fx.QUICK_RATIO(column(10, 10), 2, column(1, 0), 0))).toBe(
      'QUICK_RATIO: cannot divide by zero: no MRR was lost (no churn, no contraction): the quick ratio is unbounded.',
    );
    expect(errorOf(() => fx.QUICK_RATIO(column(10, '12,5 €'), 2, 1, 1))).toBe(
      'QUICK_RATIO new_mrr row 2: "12,5 €" is not a number. Type a plain number such as 12.5.',
    );
    expect(errorOf(() => fx.QUICK_RATIO(10, 2, column(1, -3), 1))).toBe(
      'QUICK_RATIO contraction row 2: amount -3 is negative. It must be 0 or more.',
    );
    expect(errorOf(() => fx.QUICK_RATIO(10, 2, 1, column('#N/A')))).toBe(
      'QUICK_RATIO churned row 1 holds the error #N/A. Fix that cell or leave it out of the range.',
    );
    expect(errorOf(() => fx.QUICK_RATIO(column(1, 2), column(1, 2, 3), 1, 1))).toBe(
      'QUICK_RATIO: new_mrr is 2×1 but expansion is 3×1. Use ranges of the same shape, or single values.',
    );
    expect(errorOf(() => fx.QUICK_RATIO(10, 2, 1))).toBe(
      'QUICK_RATIO: churned is missing. Give it a value or a range.',
    );
    expect(errorOf(() => fx.QUICK_RATIO(1e308, 1e308, 1, 1))).toBe(
      'QUICK_RATIO: the result is too large to compute. Check the inputs for a typing slip such as extra zeros.',
    );
    expect(errorOf(() => spanish.QUICK_RATIO(10, 2, 0, 0))).toBe(
      'QUICK_RATIO: no se puede dividir entre cero: no se perdió MRR (ni bajas ni reducciones): el quick ratio no ' +
        'tiene límite.',
    );
    expect(errorOf(() => spanish.QUICK_RATIO(10, 2, column(1, -3), 1))).toBe(
      'QUICK_RATIO contraction fila 2: importe -3 es negativo. Debe ser 0 o más.',
    );
  });
});

describe('MRR and MRR_MOVEMENTS through the bundle', () => {
  const ids = column('a', 'a', 'b', 'c');
  const starts = column(date('2024-01-05'), date('2024-02-10'), date('2024-01-20'), date('2024-03-01'));
  const ends = column(date('2024-02-10'), '', date('2024-03-01'), '');
  const amounts = column(10, 25, 40, 30);

  it('MRR counts the subscriptions active on as_of (start ≤ as_of < end, blank end = running)', () => {
    expect(fx.MRR(ids, starts, ends, amounts, date('2024-03-01'))).toBe(55); // a 25 + c 30; b ended that day
    expect(fx.MRR(ids, starts, ends, amounts, date('2024-02-29'))).toBe(65); // a 25 + b 40
    expect(fx.MRR(ids, starts, ends, amounts, '2024-01-19')).toBe(10);
  });

  it("MRR_MOVEMENTS reproduces ChartMogul's example: $100 start, $10 churn, $10 contraction, $10 expansion → 20 % gross churn, 90 % NRR", () => {
    const table = fx.MRR_MOVEMENTS(
      column('a', 'b', 'b', 'c', 'c', 'd'),
      column(
        date('2024-01-10'),
        date('2024-01-05'),
        date('2024-02-10'),
        date('2024-01-20'),
        date('2024-02-03'),
        date('2024-01-01'),
      ),
      column(date('2024-02-15'), date('2024-02-10'), '', '', '', ''),
      column(10, 30, 20, 30, 10, 30),
    );
    expect(table[0]).toEqual(HEADER);
    expect(table.slice(1).map((row: unknown[]) => isoDateIn(row[0] as Date, ZONE))).toEqual([
      '2024-01-01',
      '2024-02-01',
    ]);
    expect(table[1].slice(1)).toEqual([0, 100, 0, 0, 0, 0, 100, '', '']);
    expect(table[2].slice(1, 8)).toEqual([100, 0, 10, 10, 10, 0, 90]);
    expect(table[2][8]).toBeCloseTo(0.2, 12);
    expect(table[2][9]).toBeCloseTo(0.9, 12);
  });

  it('MRR_MOVEMENTS takes from and to as any date in the month and uses earlier history', () => {
    const table = fx.MRR_MOVEMENTS(
      column('b', 'b'),
      column('2024-01-15', '2024-04-10'),
      column('2024-03-01', ''),
      column(200, 150),
      '2024-04-20',
      date('2024-05-31'),
    );
    expect(table.length).toBe(3);
    expect(isoDateIn(table[1][0], ZONE)).toBe('2024-04-01');
    expect(table[1].slice(1, 8)).toEqual([0, 0, 0, 0, 0, 150, 150]); // a reactivation, not New
    expect(table[2].slice(1, 8)).toEqual([150, 0, 0, 0, 0, 0, 150]);
  });

  it('time zone: 00:30 on the 1st and 23:30 on the last day fall in their own month in a zone far from the host', () => {
    const zone = 'Pacific/Kiritimati'; // UTC+14: 2024-03-01 00:30 there is 2024-02-29 10:30 UTC
    const { fx: far } = addOn({ timeZone: zone });
    const at = (iso: string) => sheetDate(iso, zone);
    const table = far.MRR_MOVEMENTS(
      column('x', 'y'),
      column(at('2024-03-01T00:30'), at('2024-03-01T00:30')),
      column(at('2024-05-31T23:30'), at('2024-06-01T00:30')),
      column(10, 5),
    );
    // both start in March; x ends on May 31 (not active at May's end → churned in May), y on June 1 (churned in June)
    expect(table.slice(1).map((row: unknown[]) => [isoDateIn(row[0] as Date, zone), ...row.slice(1, 8)])).toEqual([
      ['2024-03-01', 0, 15, 0, 0, 0, 0, 15],
      ['2024-04-01', 15, 0, 0, 0, 0, 0, 15],
      ['2024-05-01', 15, 0, 0, 0, 10, 0, 5],
      ['2024-06-01', 5, 0, 0, 0, 5, 0, 0],
    ]);
    expect(
      far.MRR(
        column('x'),
        column(at('2024-03-01T00:30')),
        column(at('2024-05-31T23:30')),
        column(10),
        at('2024-03-01'),
      ),
    ).toBe(10);
    expect(
      far.MRR(
        column('x'),
        column(at('2024-03-01T00:30')),
        column(at('2024-05-31T23:30')),
        column(10),
        at('2024-02-29'),
      ),
    ).toBe(0);
    expect(
      far.MRR(
        column('x'),
        column(at('2024-03-01T00:30')),
        column(at('2024-05-31T23:30')),
        column(10),
        at('2024-05-31'),
      ),
    ).toBe(0);
  });

  it('100 000 subscription lines in well under a second', () => {
    const n = 100_000;
    const idCol: unknown[][] = [];
    const startCol: unknown[][] = [];
    const endCol: unknown[][] = [];
    const amountCol: unknown[][] = [];
    const base = Date.UTC(2019, 0, 1, 8); // 00:00 or 01:00 in Los Angeles: the same calendar date
    for (let i = 0; i < n; i++) {
      const start = (i * 7919) % 2000;
      idCol.push([`C${(i * 104729) % 30000}`]);
      startCol.push([new Date(base + start * 86_400_000)]);
      endCol.push([i % 2 ? '' : new Date(base + (start + ((i * 31) % 900)) * 86_400_000)]);
      amountCol.push([((i * 13) % 20000) / 100]);
    }
    // best of two calls: the machine running the suite is shared, a single timing is noisy
    let best = Infinity;
    let table: unknown[][] = [];
    for (let k = 0; k < 2; k++) {
      const t0 = performance.now();
      table = fx.MRR_MOVEMENTS(idCol, startCol, endCol, amountCol);
      best = Math.min(best, performance.now() - t0);
    }
    expect(best).toBeLessThan(1000);
    expect(table.length).toBeGreaterThan(60);
  });
});

describe('bad input', () => {
  it('shape mismatch between element-wise ranges names both arguments', () => {
    expect(errorOf(() => fx.CPS(column(1, 2), column(1, 2, 3)))).toBe(
      'CPS: revenue is 2×1 but cost is 3×1. Use ranges of the same shape, or single values.',
    );
    expect(errorOf(() => fx.REVENUE_CHURN(column(1, 2), column(1, 2), [[1, 2]]))).toMatch(
      /^REVENUE_CHURN: revenue_start is 2×1 but revenue_new is 1×2/,
    );
  });

  it('text in an amount names the argument and row; negatives too', () => {
    expect(errorOf(() => fx.CPS(column(100, '12,5 €'), 50))).toBe(
      'CPS revenue row 2: "12,5 €" is not a number. Type a plain number such as 12.5.',
    );
    expect(errorOf(() => fx.LTV_CAC(column(1, 2, -3), 1))).toBe(
      'LTV_CAC ltv row 3: amount -3 is negative. It must be 0 or more.',
    );
    expect(
      errorOf(() =>
        fx.MRR(
          column('a', 'b'),
          column('2024-01-01', '2024-01-02'),
          column('', ''),
          column(10, '12,5 €'),
          '2024-02-01',
        ),
      ),
    ).toBe('MRR monthly_amounts row 2: "12,5 €" is not a number. Type a plain number such as 12.5.');
    expect(errorOf(() => fx.MRR_MOVEMENTS(column('a'), column('01/02/2024'), column(''), column(10)))).toBe(
      'MRR_MOVEMENTS start_dates row 1: "01/02/2024" is not a date. Use a date cell or text like 2024-03-31.',
    );
  });

  it('error values are named with their row', () => {
    expect(errorOf(() => fx.SAAS_LTV(column(100, '#N/A'), 0.1))).toBe(
      'SAAS_LTV arpa row 2 holds the error #N/A. Fix that cell or leave it out of the range.',
    );
    expect(
      errorOf(() =>
        fx.MRR_MOVEMENTS(column('a', '#N/A'), column('2024-01-01', '2024-01-01'), column('', ''), column(1, 1)),
      ),
    ).toBe('MRR_MOVEMENTS customer_ids row 2 holds the error #N/A. Fix that cell or leave it out of the range.');
  });

  it('division by zero is an error with a reason, never Infinity', () => {
    expect(errorOf(() => fx.CPS(100, 0))).toBe('CPS: cost is 0; it must be greater than 0 (it is divided by).');
    expect(errorOf(() => fx.SAAS_LTV(100, 0))).toBe(
      'SAAS_LTV: churn is 0, lifetime is unbounded. Use a churn rate above 0.',
    );
    // In a range the message names the row too (FUNCTIONS.md: "an error naming the value and row").
    expect(errorOf(() => fx.LTV_CAC(column(100, 100), column(10, 0)))).toBe(
      'LTV_CAC: cac row 2 is 0; it must be greater than 0 (it is divided by).',
    );
    expect(errorOf(() => fx.REVENUE_RETENTION(0, 0, 0))).toBe(
      'REVENUE_RETENTION: cannot divide by zero: revenue_start is 0, so there was no revenue to retain.',
    );
    expect(errorOf(() => fx.REVENUE_CHURN(100, 10, 20))).toBe(
      'REVENUE_CHURN: revenue_new (20) is larger than revenue_end (10); new revenue is part of the end revenue.',
    );
  });

  it('paired subscription ranges must match; an end before its start names the row', () => {
    expect(
      errorOf(() => fx.MRR(column('a', 'b'), column('2024-01-01'), column('', ''), column(1, 2), '2024-02-01')),
    ).toBe('MRR: customer_ids has 2 cells but start_dates has 1. Give ranges with the same number of rows.');
    expect(
      errorOf(() =>
        fx.MRR(
          column('a', 'b'),
          column('2024-01-01', '2024-03-01'),
          column('', '2024-02-01'),
          column(1, 2),
          '2024-02-01',
        ),
      ),
    ).toBe('MRR: end_dates row 2 (2024-02-01) is before its start date (2024-03-01).');
    expect(errorOf(() => fx.MRR(column('a'), column('2024-01-01'), column(''), column(1)))).toBe(
      'MRR: as_of is missing. Give it a value or a range.',
    );
    expect(errorOf(() => fx.MRR(column(''), column(''), column(''), column('')))).toMatch(/^MRR: /);
    expect(
      errorOf(() =>
        fx.MRR_MOVEMENTS(column('a'), column('2024-01-01'), column(''), column(1), '2024-05-01', '2024-03-01'),
      ),
    ).toBe('MRR_MOVEMENTS: to is "2024-03"; it is before from (2024-05).');
  });

  it('speaks Spanish under es_ES', () => {
    expect(errorOf(() => spanish.CPS(column(100, '12,5 €'), 50))).toBe(
      'CPS revenue fila 2: "12,5 €" no es un número. Escribe un número sin texto, como 12,5.',
    );
    expect(errorOf(() => spanish.SAAS_LTV(100, 0))).toBe(
      'SAAS_LTV: la tasa de abandono es 0, la vida del cliente no tiene límite. Usa una tasa mayor que 0.',
    );
    expect(errorOf(() => spanish.REVENUE_RETENTION(0, 1, 0))).toBe(
      'REVENUE_RETENTION: no se puede dividir entre cero: revenue_start es 0, así que no había ingresos que retener.',
    );
    expect(errorOf(() => spanish.LTV(50, 4, 3, 70))).toBe(
      'LTV: gross_margin es 70; debe ser una fracción entre 0 y 1, como 0,7 para el 70 %.',
    );
    expect(
      errorOf(() => spanish.MRR(column('a'), column('2024-01-01'), column(''), column('#N/A'), '2024-02-01')),
    ).toBe('MRR monthly_amounts fila 1 contiene el error #N/A. Corrige esa celda o déjala fuera del rango.');
    expect(
      errorOf(() => spanish.MRR(column('a'), column('2024-03-01'), column('2024-02-01'), column(1), '2024-02-01')),
    ).toBe('MRR: end_dates fila 1 (2024-02-01) es anterior a su fecha de inicio (2024-03-01).');
  });
});
