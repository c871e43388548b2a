/**
 * MBGNBD_FIT, HOLDOUT_CHECK and CLV_PREDICT's `model` argument and one-price fallback through the
 * built bundle, on the CDNOW sample as a sheet holds it. Expected values: lifetimes'
 * `test_params_out_is_close_to_BTYDplus`, counts from the data, and scipy (see the unit tests).
 */
import { describe, expect, it } from 'vitest';
import { sheetDate } from '../emulator';
import { addOn, column, errorOf } from '../support/addon';
import { CDNOW_SAMPLE, cdnowCells } from '../support/cdnow';

const LA = 'America/Los_Angeles';
const { fx } = addOn();
const es = addOn({ locale: 'es_ES' }).fx;
const sample = cdnowCells(CDNOW_SAMPLE, LA);
const calibrationEnd = sheetDate('1997-09-30', LA);
const holdoutEnd = sheetDate('1998-06-30', LA);

const HOLDOUT_HEADER = [
  'Repeat purchases in calibration',
  'Customers',
  'Predicted per customer',
  'Actual per customer',
];

describe('MBGNBD_FIT on the CDNOW sample, through the bundle', () => {
  it("gives lifetimes' BTYDplus parameters 0.525, 6.183, 0.891, 1.614 and the log-likelihood −9582.136", () => {
    const result = fx.MBGNBD_FIT(sample.ids, sample.dates, calibrationEnd);
    expect(result).toHaveLength(1);
    const [r, alpha, a, b, ll] = result[0];
    expect(r).toBeCloseTo(0.525, 3);
    expect(alpha).toBeCloseTo(6.183, 3);
    expect(a).toBeCloseTo(0.891, 3);
    expect(b).toBeCloseTo(1.614, 3);
    expect(ll).toBeCloseTo(-9582.135716, 4);
    // a higher likelihood than BG/NBD's −9582.429 on the same data
    expect(ll).toBeGreaterThan(fx.BGNBD_FIT(sample.ids, sample.dates, calibrationEnd)[0][4]);
  });

  it('alpha scales with the unit, r, a, b do not; the same fit in another zone; as_of as ISO text', () => {
    const [[r, alpha, a, b]] = fx.MBGNBD_FIT(sample.ids, sample.dates, '1997-09-30');
    const [[rd, alphad, ad, bd]] = fx.MBGNBD_FIT(sample.ids, sample.dates, calibrationEnd, 'día');
    expect(rd).toBeCloseTo(r, 5);
    expect(alphad / alpha).toBeCloseTo(7, 5);
    expect(ad).toBeCloseTo(a, 5);
    expect(bd).toBeCloseTo(b, 5);
    const tokyo = addOn({ timeZone: 'Asia/Tokyo' }).fx;
    const local = cdnowCells(CDNOW_SAMPLE, 'Asia/Tokyo');
    const [[rt]] = tokyo.MBGNBD_FIT(local.ids, local.dates, sheetDate('1997-09-30', 'Asia/Tokyo'));
    expect(rt).toBeCloseTo(0.525, 3);
  });

  it('bad data: the same messages as BGNBD_FIT, in English and Spanish', () => {
    const ids = column('A', 'B', 'C');
    const dates = column('2024-01-01', '2024-01-02', '2024-01-03');
    expect(errorOf(() => fx.MBGNBD_FIT(ids, dates))).toBe(
      'MBGNBD_FIT: not enough data: the model needs at least 10 customers, the data have 3.',
    );
    expect(errorOf(() => es.MBGNBD_FIT(ids, dates))).toBe(
      'MBGNBD_FIT: no hay datos suficientes: el modelo necesita al menos 10 clientes y los datos tienen 3.',
    );
    expect(errorOf(() => fx.MBGNBD_FIT(sample.ids, sample.dates, '1990-01-01'))).toBe(
      'MBGNBD_FIT: not enough data: no order falls on or before as_of.',
    );
    expect(errorOf(() => fx.MBGNBD_FIT(sample.ids, sample.dates.slice(1)))).toMatch(
      /^MBGNBD_FIT: customer_ids has 6919 cells but order_dates has 6918/,
    );
  });
});

describe('HOLDOUT_CHECK on the CDNOW sample (Fader, Hardie & Lee 2005, figure 5)', () => {
  it('BG/NBD: groups 0 … 6, 7+ of the data, 1,882 actual and 1,653.4 predicted repeat purchases', () => {
    const table = fx.HOLDOUT_CHECK(sample.ids, sample.dates, calibrationEnd, holdoutEnd);
    expect(table[0]).toEqual(HOLDOUT_HEADER);
    expect(table).toHaveLength(10);
    expect(table.slice(1).map((row: unknown[]) => row[0])).toEqual([0, 1, 2, 3, 4, 5, 6, '7+', 'Total']);
    expect(table.slice(1).map((row: unknown[]) => row[1])).toEqual([1411, 439, 214, 100, 62, 38, 29, 64, 2357]);
    const actual = [0.2367, 0.697, 1.3925, 1.56, 2.5323, 2.9474, 3.8621, 6.3594];
    const predicted = [0.225087, 0.523131, 1.044134, 1.520279, 2.163866, 2.653846, 3.504042, 6.15719];
    for (let k = 0; k < 8; k++) {
      expect(table[k + 1][3]).toBeCloseTo(actual[k], 4);
      expect(table[k + 1][2]).toBeCloseTo(predicted[k], 5);
    }
    const [, customers, predictedTotal, actualTotal] = table[9];
    expect(customers).toBe(2357);
    expect(actualTotal).toBe(1882);
    expect(predictedTotal).toBeCloseTo(1653.4087, 3);
  });

  it('MBG/NBD by any of its names: 1,576.7 predicted; the unit does not change the predictions', () => {
    const mbg = fx.HOLDOUT_CHECK(sample.ids, sample.dates, calibrationEnd, holdoutEnd, 'mbgnbd');
    expect(mbg[9][2]).toBeCloseTo(1576.72826, 3);
    expect(mbg[1][2]).toBeCloseTo(0.185161, 5);
    expect(fx.HOLDOUT_CHECK(sample.ids, sample.dates, calibrationEnd, holdoutEnd, 'MBG/NBD')).toEqual(mbg);
    expect(es.HOLDOUT_CHECK(sample.ids, sample.dates, calibrationEnd, holdoutEnd, 'BG/NBD modificado')).toEqual(mbg);
    const days = fx.HOLDOUT_CHECK(sample.ids, sample.dates, calibrationEnd, holdoutEnd, 'mbgnbd', 'día');
    for (let k = 1; k < 10; k++) expect(Math.abs(days[k][2] / mbg[k][2] - 1)).toBeLessThan(1e-7);
    expect(fx.HOLDOUT_CHECK(sample.ids, sample.dates, '1997-09-30', '1998-06-30', 'bgnbd')).toEqual(
      fx.HOLDOUT_CHECK(sample.ids, sample.dates, calibrationEnd, holdoutEnd),
    );
  });

  it('customers born in the holdout and orders after it are left out', () => {
    const table = fx.HOLDOUT_CHECK(
      [...sample.ids, ['new'], ['new'], ['0001']],
      [...sample.dates, ['1997-11-02'], ['1998-01-05'], ['1998-07-04']],
      calibrationEnd,
      holdoutEnd,
    );
    expect(table).toEqual(fx.HOLDOUT_CHECK(sample.ids, sample.dates, calibrationEnd, holdoutEnd));
  });

  it('a group without customers has blank means', () => {
    // 20 customers, none with 3 to 6 calibration repeat purchases (the documented example, without customer U)
    const rows: [string, string][] = [
      ['A', '2024-01-22'],
      ['A', '2024-02-04'],
      ['B', '2024-03-05'],
      ['C', '2024-02-02'],
      ['D', '2024-02-13'],
      ['D', '2024-02-24'],
      ['E', '2024-01-28'],
      ['E', '2024-02-04'],
      ['E', '2024-03-03'],
      ['E', '2024-11-24'],
      ['E', '2024-12-16'],
      ['F', '2024-01-20'],
      ['F', '2024-02-06'],
      ['F', '2024-02-25'],
      ['G', '2024-02-11'],
      ['H', '2024-02-25'],
      ['I', '2024-01-04'],
      ['J', '2024-03-30'],
      ['J', '2024-09-01'],
      ['J', '2024-10-09'],
      ['K', '2024-02-18'],
      ['L', '2024-01-07'],
      ['L', '2024-01-26'],
      ['L', '2024-02-16'],
      ['L', '2024-02-17'],
      ['L', '2024-02-24'],
      ['L', '2024-04-29'],
      ['L', '2024-05-17'],
      ['L', '2024-06-04'],
      ['L', '2024-06-18'],
      ['L', '2024-06-27'],
      ['L', '2024-07-25'],
      ['L', '2024-08-09'],
      ['M', '2024-03-02'],
      ['M', '2024-05-03'],
      ['M', '2024-05-12'],
      ['M', '2024-07-01'],
      ['N', '2024-03-10'],
      ['N', '2024-04-04'],
      ['O', '2024-01-01'],
      ['O', '2024-04-30'],
      ['P', '2024-03-24'],
      ['Q', '2024-01-14'],
      ['R', '2024-01-30'],
      ['R', '2024-02-21'],
      ['S', '2024-02-14'],
      ['S', '2024-02-24'],
      ['S', '2024-04-14'],
      ['T', '2024-03-05'],
      ['T', '2024-06-01'],
      ['T', '2024-08-07'],
      ['T', '2024-08-08'],
      ['T', '2024-10-26'],
      ['T', '2024-11-01'],
    ];
    const table = fx.HOLDOUT_CHECK(
      rows.map((r) => [r[0]]),
      rows.map((r) => [r[1]]),
      '2024-06-30',
      '2024-12-31',
    );
    expect(table.slice(4, 8)).toEqual([
      [3, 0, '', ''],
      [4, 0, '', ''],
      [5, 0, '', ''],
      [6, 0, '', ''],
    ]);
    // scipy: BG/NBD predicts 13.675606 against 11 actual; customer L (11 repeat purchases) is the 7+ group
    expect(table[8].slice(0, 2)).toEqual(['7+', 1]);
    expect(table[8][2]).toBeCloseTo(5.671177, 4);
    expect(table[9][0]).toBe('Total');
    expect(table[9][1]).toBe(20);
    expect(table[9][2]).toBeCloseTo(13.675606, 4);
    expect(table[9][3]).toBe(11);
  });

  it('bad arguments give catalogue messages, in English and Spanish', () => {
    expect(errorOf(() => fx.HOLDOUT_CHECK(sample.ids, sample.dates, calibrationEnd, '1997-09-01'))).toBe(
      'HOLDOUT_CHECK: holdout_end is "1997-09-01"; it must be after calibration_end (1997-09-30).',
    );
    expect(errorOf(() => es.HOLDOUT_CHECK(sample.ids, sample.dates, '1997-09-30', '1997-09-30'))).toBe(
      'HOLDOUT_CHECK: holdout_end es "1997-09-30"; debe ser posterior a calibration_end (1997-09-30).',
    );
    expect(errorOf(() => fx.HOLDOUT_CHECK(sample.ids, sample.dates, calibrationEnd, holdoutEnd, 'pareto'))).toBe(
      'HOLDOUT_CHECK: model "pareto" is not recognised. Use one of: bgnbd, mbgnbd.',
    );
    expect(errorOf(() => fx.HOLDOUT_CHECK(sample.ids, sample.dates, '1996-12-01', holdoutEnd))).toBe(
      'HOLDOUT_CHECK: not enough data: no order falls on or before calibration_end.',
    );
    expect(errorOf(() => fx.HOLDOUT_CHECK(sample.ids, sample.dates, calibrationEnd))).toBe(
      'HOLDOUT_CHECK: holdout_end is missing. Give it a value or a range.',
    );
    expect(errorOf(() => es.HOLDOUT_CHECK(sample.ids, sample.dates, '1997-01-01', holdoutEnd))).toMatch(
      /^HOLDOUT_CHECK: no hay datos suficientes: /,
    );
  });
});

describe('CLV_PREDICT with model "mbgnbd" and with a one-price product', () => {
  it('MBG/NBD: one-time buyers are no longer certainly alive; the first customers as scipy computes them', () => {
    const table: any[][] = fx.CLV_PREDICT(
      sample.ids,
      sample.dates,
      sample.amounts,
      39,
      calibrationEnd,
      '',
      0,
      'mbgnbd',
    );
    expect(table[0][4]).toBe('P(alive)');
    expect(table).toHaveLength(2358);
    const rows = table.slice(1);
    for (let i = 1; i < rows.length; i++) expect(rows[i][7]).toBeLessThanOrEqual(rows[i - 1][7]);
    const byId = new Map(rows.map((row) => [row[0], row]));
    // scipy at the MBG/NBD maximum: E[Y(39) | 2, 213/7, 272/7] = 1.262759, P(alive) 0.706138; P(alive | 0, 0, 272/7) 0.389723
    expect(byId.get('0001')![5]).toBeCloseTo(1.262759, 5);
    expect(byId.get('0001')![4]).toBeCloseTo(0.706138, 5);
    expect(byId.get('0003')![4]).toBeCloseTo(0.389723, 5);
    const oneTime = rows.filter((row) => row[1] === 0).map((row) => row[4] as number);
    expect(oneTime).toHaveLength(1411);
    expect(oneTime.reduce((sum, p) => sum + p, 0) / oneTime.length).toBeCloseTo(0.408807, 4);
    expect(Math.max(...oneTime)).toBeLessThan(0.43);
    // the default model is BG/NBD, by name too
    const bg = fx.CLV_PREDICT(sample.ids, sample.dates, sample.amounts, 39, calibrationEnd);
    expect(fx.CLV_PREDICT(sample.ids, sample.dates, sample.amounts, 39, calibrationEnd, '', 0, 'BG/NBD')).toEqual(bg);
  });

  it('one price for everything: every expected order value is that price instead of an error', () => {
    const seen = new Set<string>();
    const ids: unknown[][] = [];
    const dates: unknown[][] = [];
    sample.ids.forEach((row, i) => {
      const key = `${row[0]}|${(sample.dates[i][0] as Date).getTime()}`;
      if (seen.has(key)) return;
      seen.add(key);
      ids.push(row);
      dates.push(sample.dates[i]);
    });
    const prices = ids.map(() => [9.99]);
    expect(errorOf(() => fx.GAMMA_GAMMA_FIT(ids, dates, prices, calibrationEnd))).toMatch(
      /^GAMMA_GAMMA_FIT: the model could not be fitted to this data/,
    );
    for (const model of ['bgnbd', 'mbgnbd']) {
      const table: any[][] = fx.CLV_PREDICT(ids, dates, prices, 39, calibrationEnd, '', 0, model);
      expect(table).toHaveLength(2358);
      for (const row of table.slice(1)) {
        expect(row[6]).toBeCloseTo(9.99, 10);
        expect(row[7]).toBeCloseTo(row[5] * 9.99, 9);
      }
    }
  });

  it('an unknown model is refused, in English and Spanish', () => {
    expect(
      errorOf(() => fx.CLV_PREDICT(sample.ids, sample.dates, sample.amounts, 39, calibrationEnd, '', 0, 'pareto/nbd')),
    ).toBe('CLV_PREDICT: model "pareto/nbd" is not recognised. Use one of: bgnbd, mbgnbd.');
    expect(errorOf(() => es.CLV_PREDICT(sample.ids, sample.dates, sample.amounts, 39, '', '', 0, 'x'))).toBe(
      'CLV_PREDICT: model "x" no se reconoce. Usa uno de: bgnbd, mbgnbd.',
    );
  });
});
