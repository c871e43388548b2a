/**
 * BGNBD_FIT, GAMMA_GAMMA_FIT and CLV_PREDICT through the built bundle, on the CDNOW sample as a
 * sheet holds it (date cells in the spreadsheet's zone).
 */
import { describe, expect, it } from 'vitest';
import { sheetDate } from '../emulator';
import { addOn, column, errorOf } from '../support/addon';
import { CDNOW_SAMPLE, cdnowCells } from '../support/cdnow';

const HEADER = [
  'Customer',
  'Repeat purchases',
  'Recency',
  'Age',
  'P(alive)',
  'Expected purchases',
  'Expected order value',
  'Predicted CLV',
];

const LA = 'America/Los_Angeles';
const { fx } = addOn();
const sample = cdnowCells(CDNOW_SAMPLE, LA);
const asOf = sheetDate('1997-09-30', LA);

/** 12 customers (the @example data): weeks, as_of 2024-06-30. */
const SMALL_IDS = column(...'AAAAAAAAAABBCCDDDEFFGGHIJJJJKL'.split(''));
const SMALL_DATES = column(
  '2024-02-01',
  '2024-02-08',
  '2024-03-01',
  '2024-04-18',
  '2024-05-18',
  '2024-06-14',
  '2024-06-21',
  '2024-06-22',
  '2024-06-23',
  '2024-06-25',
  '2024-01-05',
  '2024-05-29',
  '2024-02-20',
  '2024-02-22',
  '2024-01-26',
  '2024-02-10',
  '2024-02-15',
  '2024-02-26',
  '2024-02-02',
  '2024-04-30',
  '2024-02-13',
  '2024-03-02',
  '2024-02-21',
  '2024-02-04',
  '2024-01-02',
  '2024-01-09',
  '2024-03-17',
  '2024-06-19',
  '2024-02-13',
  '2024-02-06',
);
const SMALL_AMOUNTS = column(
  38.62,
  76.24,
  133.81,
  80.53,
  92.64,
  87.62,
  97.41,
  87.84,
  45.62,
  58.26,
  20.81,
  25.59,
  8.78,
  18.67,
  131.82,
  405.9,
  117.82,
  189.25,
  57.45,
  148.04,
  66.71,
  100.41,
  15.47,
  74.09,
  34.3,
  207.13,
  428.78,
  306.66,
  54.13,
  40.01,
);

describe('BG/NBD and Gamma-Gamma on the CDNOW sample, through the bundle', () => {
  it('BGNBD_FIT gives the published 0.243, 4.414, 0.793, 2.426 and −9582.4', () => {
    const result = fx.BGNBD_FIT(sample.ids, sample.dates, asOf);
    expect(result).toHaveLength(1);
    const [r, alpha, a, b, ll] = result[0];
    expect(r).toBeCloseTo(0.243, 3);
    expect(alpha).toBeCloseTo(4.414, 3);
    expect(a).toBeCloseTo(0.793, 3);
    expect(b).toBeCloseTo(2.426, 3);
    expect(Math.abs(ll - -9582.4)).toBeLessThanOrEqual(0.1);
  });

  it('GAMMA_GAMMA_FIT gives the published 6.25, 3.74, 15.44; as_of may be ISO text', () => {
    const [[p, q, v]] = fx.GAMMA_GAMMA_FIT(sample.ids, sample.dates, sample.amounts, '1997-09-30');
    expect(p).toBeCloseTo(6.25, 2);
    expect(q).toBeCloseTo(3.74, 2);
    expect(v).toBeCloseTo(15.44, 2);
  });

  it('CLV_PREDICT: exact header, one row per customer, CLV descending, the first customers summarised as published', () => {
    const table: any[][] = fx.CLV_PREDICT(sample.ids, sample.dates, sample.amounts, 39, asOf);
    expect(table[0]).toEqual(HEADER);
    expect(table).toHaveLength(2358);
    const rows = table.slice(1);
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i][7] < rows[i - 1][7] || (rows[i][7] === rows[i - 1][7] && rows[i][0] > rows[i - 1][0])).toBe(true);
    }
    const byId = new Map(rows.map((row) => [row[0], row]));
    const first = byId.get('0001')!;
    expect(first[1]).toBe(2);
    expect(first[2]).toBeCloseTo(30.43, 2);
    expect(first[3]).toBeCloseTo(38.86, 2);
    // FHL 2005: E[Y(39) | x = 2, tx = 30.43, T = 38.86] = 1.226
    expect(first[5]).toBeCloseTo(1.226, 3);
    expect(first[7]).toBeCloseTo(first[5] * first[6], 9);
    const third = byId.get('0003')!;
    expect(third.slice(1, 5)).toEqual([0, 0, expect.closeTo(38.86, 2), 1]);
    for (const row of rows) {
      expect(row[4]).toBeGreaterThanOrEqual(0);
      expect(row[4]).toBeLessThanOrEqual(1);
      if (row[1] === 0) expect(row[4]).toBe(1);
    }
  });

  it('gives the same fit in another spreadsheet zone with the dates entered there', () => {
    const tokyo = addOn({ timeZone: 'Asia/Tokyo' }).fx;
    const local = cdnowCells(CDNOW_SAMPLE, 'Asia/Tokyo');
    const [[r, alpha]] = tokyo.BGNBD_FIT(local.ids, local.dates, sheetDate('1997-09-30', 'Asia/Tokyo'));
    expect(r).toBeCloseTo(0.243, 3);
    expect(alpha).toBeCloseTo(4.414, 3);
  });
});

describe('CLV_PREDICT options, through the bundle', () => {
  it('unit: alpha scales with the unit (days = 7 × weeks), r, a, b do not; Spanish names accepted', () => {
    const [[r, alpha, a, b]] = fx.BGNBD_FIT(SMALL_IDS, SMALL_DATES, '2024-06-30');
    const [[rd, alphad, ad, bd]] = fx.BGNBD_FIT(SMALL_IDS, SMALL_DATES, '2024-06-30', 'día');
    expect(rd).toBeCloseTo(r, 4);
    expect(alphad / alpha).toBeCloseTo(7, 4);
    expect(ad).toBeCloseTo(a, 4);
    expect(bd).toBeCloseTo(b, 4);
    expect(fx.BGNBD_FIT(SMALL_IDS, SMALL_DATES, '2024-06-30', 'semana')).toEqual(
      fx.BGNBD_FIT(SMALL_IDS, SMALL_DATES, '2024-06-30'),
    );
  });

  it('a horizon of 26 weeks equals 182 days; discounting lowers every CLV and leaves expected purchases alone', () => {
    const weeks = fx.CLV_PREDICT(SMALL_IDS, SMALL_DATES, SMALL_AMOUNTS, 26, '2024-06-30');
    const days = fx.CLV_PREDICT(SMALL_IDS, SMALL_DATES, SMALL_AMOUNTS, 182, '2024-06-30', 'day');
    expect(days.map((row: unknown[]) => row[0])).toEqual(weeks.map((row: unknown[]) => row[0]));
    for (let i = 1; i < weeks.length; i++) expect(days[i][7]).toBeCloseTo(weeks[i][7], 4);
    const discounted = fx.CLV_PREDICT(SMALL_IDS, SMALL_DATES, SMALL_AMOUNTS, 26, '2024-06-30', '', 0.1);
    const undiscounted = new Map<unknown, any[]>(weeks.slice(1).map((row: any[]) => [row[0], row]));
    for (const row of discounted.slice(1)) {
      const plain = undiscounted.get(row[0])!;
      expect(row[5]).toBeCloseTo(plain[5], 10);
      expect(row[7]).toBeLessThan(plain[7]);
      // six months at 10 % a year: between the end-of-horizon factor and no discount
      expect(row[7]).toBeGreaterThan(plain[7] * 1.1 ** -0.5);
    }
  });

  it('orders after as_of are ignored and row order never matters', () => {
    const later = fx.CLV_PREDICT(
      column(...SMALL_IDS.map((r) => r[0]), 'A', 'Z'),
      column(...SMALL_DATES.map((r) => r[0]), '2024-07-05', '2024-08-01'),
      column(...SMALL_AMOUNTS.map((r) => r[0]), 99, 10),
      26,
      '2024-06-30',
    );
    const base = fx.CLV_PREDICT(SMALL_IDS, SMALL_DATES, SMALL_AMOUNTS, 26, '2024-06-30');
    expect(later).toEqual(base);
    const reversed = fx.CLV_PREDICT(
      [...SMALL_IDS].reverse(),
      [...SMALL_DATES].reverse(),
      [...SMALL_AMOUNTS].reverse(),
      26,
      '2024-06-30',
    );
    expect(reversed.map((row: unknown[]) => row[0])).toEqual(base.map((row: unknown[]) => row[0]));
    // the same maximum, reached by the optimiser to ~1e−9 relative
    for (let i = 1; i < base.length; i++)
      expect(Math.abs(reversed[i][7] - base[i][7])).toBeLessThanOrEqual(1e-7 * base[i][7]);
  });
});

describe('bad data gives catalogue errors, in English and Spanish', () => {
  const es = addOn({ locale: 'es_ES' }).fx;

  it('too few customers or no repeat buyers', () => {
    const ids = column('A', 'B', 'C');
    const dates = column('2024-01-01', '2024-01-02', '2024-01-03');
    expect(errorOf(() => fx.BGNBD_FIT(ids, dates))).toBe(
      'BGNBD_FIT: not enough data: the model needs at least 10 customers, the data have 3.',
    );
    expect(errorOf(() => es.BGNBD_FIT(ids, dates))).toBe(
      'BGNBD_FIT: no hay datos suficientes: el modelo necesita al menos 10 clientes y los datos tienen 3.',
    );
    const once = column(...'ABCDEFGHIJKL'.split(''));
    const days = column(...Array.from({ length: 12 }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')}`));
    expect(errorOf(() => fx.CLV_PREDICT(once, days, column(...Array(12).fill(10)), 52))).toMatch(
      /^CLV_PREDICT: not enough data: only 0 customers bought again/,
    );
    expect(errorOf(() => es.CLV_PREDICT(once, days, column(...Array(12).fill(10)), 52))).toMatch(
      /^CLV_PREDICT: no hay datos suficientes: solo 0 clientes volvieron a comprar/,
    );
  });

  it('a fit with no interior maximum', () => {
    // 20 identical customers buying every week: no dropout and no heterogeneity to estimate
    const ids: string[] = [];
    const dates: string[] = [];
    for (let c = 0; c < 20; c++)
      for (let k = 0; k < 8; k++) {
        ids.push(`C${c}`);
        dates.push(
          `2024-${String(1 + Math.floor((k * 7) / 28)).padStart(2, '0')}-${String(1 + ((k * 7) % 28)).padStart(2, '0')}`,
        );
      }
    expect(errorOf(() => fx.BGNBD_FIT(column(...ids), column(...dates)))).toMatch(
      /^BGNBD_FIT: the model could not be fitted to this data \(/,
    );
    expect(errorOf(() => es.BGNBD_FIT(column(...ids), column(...dates)))).toMatch(
      /^BGNBD_FIT: no se pudo ajustar el modelo a estos datos \(/,
    );
  });

  it('negative or text amounts, bad dates, mismatched ranges, bad options', () => {
    const amounts = SMALL_AMOUNTS.map((row, i) => (i === 4 ? [-5] : row));
    expect(errorOf(() => fx.CLV_PREDICT(SMALL_IDS, SMALL_DATES, amounts, 26))).toBe(
      'CLV_PREDICT amounts row 5: amount -5 is negative. It must be 0 or more.',
    );
    expect(errorOf(() => es.GAMMA_GAMMA_FIT(SMALL_IDS, SMALL_DATES, amounts))).toBe(
      'GAMMA_GAMMA_FIT amounts fila 5: importe -5 es negativo. Debe ser 0 o más.',
    );
    const dates = SMALL_DATES.map((row, i) => (i === 2 ? ['soon'] : row));
    expect(errorOf(() => fx.BGNBD_FIT(SMALL_IDS, dates))).toMatch(/^BGNBD_FIT order_dates row 3: "soon" is not a date/);
    expect(errorOf(() => fx.BGNBD_FIT(SMALL_IDS, SMALL_DATES.slice(1)))).toMatch(
      /^BGNBD_FIT: customer_ids has 30 cells but order_dates has 29/,
    );
    expect(errorOf(() => fx.BGNBD_FIT(SMALL_IDS, SMALL_DATES, '', 'fortnight'))).toMatch(
      /^BGNBD_FIT: unit "fortnight" is not recognised/,
    );
    expect(errorOf(() => fx.CLV_PREDICT(SMALL_IDS, SMALL_DATES, SMALL_AMOUNTS, 0))).toBe(
      'CLV_PREDICT: horizon is 0; it must be a number above 0.',
    );
    expect(errorOf(() => es.CLV_PREDICT(SMALL_IDS, SMALL_DATES, SMALL_AMOUNTS, -4))).toBe(
      'CLV_PREDICT: horizon es -4; debe ser un número mayor que 0.',
    );
    expect(errorOf(() => es.CLV_PREDICT(SMALL_IDS, SMALL_DATES, SMALL_AMOUNTS, 26, '', '', -0.1))).toMatch(
      /^CLV_PREDICT: annual_discount_rate es -0,1; debe estar entre 0–∞/,
    );
    expect(errorOf(() => fx.BGNBD_FIT(SMALL_IDS, SMALL_DATES, '2023-01-01'))).toBe(
      'BGNBD_FIT: not enough data: no order falls on or before as_of.',
    );
  });
});
