/**
 * Customers and retention formulas called through the built bundle, as Sheets calls them.
 * Expected values are hand calculations, explained next to each.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDateIn, sheetDate } from '../emulator';
import { addOn, column, errorOf } from '../support/addon';
import { cpuMillis, syntheticOrders } from '../unit/retention-support';

const ZONE = 'America/Los_Angeles';
const { fx, workbook } = addOn();
const spanish = addOn({ locale: 'es_ES' }).fx;

/** A column of date cells in the test spreadsheet's zone. */
const dates = (...isos: string[]) => column(...isos.map((iso) => sheetDate(iso, ZONE)));
/** Dates of a returned table shown as yyyy-mm-dd in a zone. */
const showDates = (table: unknown[][], zone = ZONE) =>
  table.map((row) =>
    row.map((cell) =>
      Object.prototype.toString.call(cell) === '[object Date]' ? isoDateIn(cell as Date, zone) : cell,
    ),
  );

describe('CHURN_RATE and RETENTION_RATE through the bundle', () => {
  it('worked examples: S = 200, N = 40, E = 190 → retention 0.75, churn 0.25; without new customers 200 → 180 is 0.1', () => {
    expect(fx.RETENTION_RATE(200, 190, 40)).toBe(0.75);
    expect(fx.CHURN_RATE(200, 190, 40)).toBe(0.25);
    expect(fx.CHURN_RATE(200, 180)).toBe(0.1);
    expect(fx.CHURN_RATE(200, 180, '')).toBe(0.1);
  });

  it('work cell by cell on same-shaped ranges, broadcasting single values, blank staying blank', () => {
    // (100 − 90)/100 = 0.1; (50 + 10 − 45)/50 = 0.3; blank start → blank
    expect(fx.CHURN_RATE(column(100, 50, ''), column(90, 45, 10), column(0, 10, 0))).toEqual([[0.1], [0.3], ['']]);
    // start 100 broadcast: (100 − 80)/100, (100 − 100)/100
    expect(fx.CHURN_RATE(100, [[80, 100]])).toEqual([[0.2, 0]]);
    // (90 − 10)/100 = 0.8, (120 − 30)/100 = 0.9
    expect(fx.RETENTION_RATE(100, column(90, 120), column(10, 30))).toEqual([[0.8], [0.9]]);
  });

  it('property: a single value and [[x]] agree, rates lie in [0, 1] and add up to 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (start, added, t) => {
          const end = added + Math.round(t * start);
          const churn = fx.CHURN_RATE(start, end, added);
          const retention = fx.RETENTION_RATE(start, end, added);
          expect(fx.CHURN_RATE([[start]], [[end]], [[added]])).toEqual([[churn]]);
          expect(fx.RETENTION_RATE([[start]], [[end]], [[added]])).toEqual([[retention]]);
          expect(churn).toBeGreaterThanOrEqual(0);
          expect(retention).toBeLessThanOrEqual(1);
          expect(churn + retention).toBeCloseTo(1, 12);
        },
      ),
    );
  });

  it('say plainly what is wrong with the counts, in English and Spanish', () => {
    expect(errorOf(() => fx.CHURN_RATE(0, 10))).toBe(
      'CHURN_RATE: customers_start is 0; it must be greater than 0 (it is divided by).',
    );
    expect(errorOf(() => fx.CHURN_RATE(200, 250, 40))).toBe(
      'CHURN_RATE: customers_end (250) is more than customers_start + new_customers (200 + 40 = 240): there cannot be more customers at the end than at the start plus the new ones. Check the counts, or give the new customers.',
    );
    expect(errorOf(() => fx.RETENTION_RATE(200, 40, 50))).toBe(
      'RETENTION_RATE: new_customers (50) is more than customers_end (40): the customers at the end include the new ones, so there cannot be more new customers than end customers.',
    );
    expect(errorOf(() => spanish.CHURN_RATE(200, 250, 40))).toBe(
      'CHURN_RATE: customers_end (250) es mayor que customers_start + new_customers (200 + 40 = 240): al final no puede haber más clientes que al inicio más los nuevos. Revisa los recuentos o indica los clientes nuevos.',
    );
    expect(errorOf(() => spanish.RETENTION_RATE(0, 40, 10))).toBe(
      'RETENTION_RATE: customers_start es 0; debe ser mayor que 0 (se divide entre él).',
    );
    expect(errorOf(() => fx.RETENTION_RATE(200, 190))).toBe(
      'RETENTION_RATE: new_customers is missing. Give it a value or a range.',
    );
    expect(errorOf(() => fx.CHURN_RATE(column(1, 2), [[1, 2]]))).toBe(
      'CHURN_RATE: customers_start is 2×1 but customers_end is 1×2. Use ranges of the same shape, or single values.',
    );
    expect(errorOf(() => fx.CHURN_RATE(column(100, 'many'), 90))).toBe(
      'CHURN_RATE customers_start row 2: "many" is not a number. Type a plain number such as 12.5.',
    );
    expect(errorOf(() => fx.CHURN_RATE(100, column(90, '#N/A')))).toBe(
      'CHURN_RATE customers_end row 2 holds the error #N/A. Fix that cell or leave it out of the range.',
    );
  });
});

describe('order formulas through the bundle: hand-checked examples', () => {
  it('CUSTOMER_CHURN: February 2024 against the previous 29 days', () => {
    // previous window 3–31 January: a, b, c; a and c came back in February, b did not → 1/3
    const ids = column('a', 'b', 'c', 'a', 'c');
    const orderDates = dates('2024-01-05', '2024-01-20', '2024-01-25', '2024-02-10', '2024-02-03');
    expect(
      fx.CUSTOMER_CHURN(ids, orderDates, sheetDate('2024-02-01', ZONE), sheetDate('2024-02-29', ZONE)),
    ).toBeCloseTo(1 / 3, 15);
    expect(fx.CUSTOMER_CHURN(ids, orderDates, '2024-02-01', '2024-02-29')).toBeCloseTo(1 / 3, 15);
    expect(errorOf(() => fx.CUSTOMER_CHURN(ids, orderDates, '2023-01-01', '2023-01-31'))).toBe(
      'CUSTOMER_CHURN: not enough data: no customer ordered in the previous window 2022-12-01 – 2022-12-31, so nobody could churn. Give a later period or more orders.',
    );
    expect(errorOf(() => spanish.CUSTOMER_CHURN(ids, orderDates, '2023-01-01', '2023-01-31'))).toBe(
      'CUSTOMER_CHURN: no hay datos suficientes: ningún cliente hizo pedidos en la ventana anterior 2022-12-01 – 2022-12-31, así que nadie pudo abandonar. Indica un periodo posterior o más pedidos.',
    );
    expect(errorOf(() => fx.CUSTOMER_CHURN(ids, orderDates, '2024-02-29', '2024-02-01'))).toBe(
      'CUSTOMER_CHURN: period_end is "2024-02-01"; it must be on or after period_start (2024-02-29).',
    );
  });

  it('REPEAT_RATE: a ×3, b ×2, c ×1 → 2/3; blanks skipped; numbers and numeric text are the same id', () => {
    expect(fx.REPEAT_RATE(column('a', 'b', 'a', 'c', 'b', 'a'))).toBeCloseTo(2 / 3, 15);
    expect(
      fx.REPEAT_RATE([
        ['a', ''],
        ['b', 'a'],
      ]),
    ).toBeCloseTo(1 / 2, 15);
    expect(fx.REPEAT_RATE(column(101, '101', 102))).toBeCloseTo(1 / 2, 15);
    expect(errorOf(() => fx.REPEAT_RATE(column('', '')))).toBe('REPEAT_RATE: no valid customers in the range.');
  });

  it('PURCHASE_FREQUENCY: 4 orders ÷ 2 customers ÷ 2 whole years = 1; by month 4 ÷ 2 ÷ 24', () => {
    const ids = column('a', 'b', 'a', 'a');
    const orderDates = dates('2023-01-01', '2023-06-01', '2024-03-05', '2024-12-31');
    expect(fx.PURCHASE_FREQUENCY(ids, orderDates)).toBe(1);
    expect(fx.PURCHASE_FREQUENCY(ids, orderDates, 'mes')).toBeCloseTo(1 / 12, 15);
    // 2023-12-31 … 2024-01-01: less than a year counts as 1 → 2 orders ÷ 1 customer ÷ 1
    expect(fx.PURCHASE_FREQUENCY(column('z', 'z'), dates('2023-12-31', '2024-01-01'), 'year')).toBe(2);
    expect(errorOf(() => fx.PURCHASE_FREQUENCY(ids, orderDates, 'fortnight'))).toMatch(
      /^PURCHASE_FREQUENCY: period "fortnight" is not recognised\. Use one of: day, week, month/,
    );
  });

  it('COHORT_RETENTION: the hand-checked triangle, cohorts as Dates, offsets as numbers, blanks after the data', () => {
    const table = fx.COHORT_RETENTION(
      column('a', 'a', 'a', 'b', 'b', 'c', 'c', 'd'),
      dates(
        '2024-01-05',
        '2024-02-10',
        '2024-03-15',
        '2024-01-20',
        '2024-03-01',
        '2024-02-03',
        '2024-03-20',
        '2024-02-25',
      ),
    );
    // January cohort a, b: Feb a (1/2), Mar a and b (2/2). February cohort c, d: Mar c (1/2), April is after the data.
    expect(showDates(table)).toEqual([
      ['Cohort', 'Customers', 0, 1, 2],
      ['2024-01-01', 2, 1, 0.5, 1],
      ['2024-02-01', 2, 1, 0.5, ''],
    ]);
    expect(Object.prototype.toString.call(table[1][0])).toBe('[object Date]');
    // Spanish period names: by quarter a and b start in 2024 Q1 and b buys again on 1 April (Q2) → 1/2
    const ids = column('a', 'b', 'b');
    const orderDates = dates('2024-01-05', '2024-03-31', '2024-04-01');
    expect(showDates(fx.COHORT_RETENTION(ids, orderDates, 'trimestre'))).toEqual([
      ['Cohort', 'Customers', 0, 1],
      ['2024-01-01', 2, 1, 0.5],
    ]);
    expect(fx.COHORT_RETENTION(ids, orderDates, 'Semana')).toEqual(fx.COHORT_RETENTION(ids, orderDates, 'week'));
    expect(table[1][0].getTime()).toBe(sheetDate('2024-01-01', ZONE).getTime());
  });

  it('COHORT_REVENUE: the hand-checked tables (retention and cumulative), blanks after the data', () => {
    const ids = column('a', 'a', 'a', 'b', 'b', 'c', 'c', 'd');
    const orderDates = dates(
      '2024-01-05',
      '2024-02-10',
      '2024-03-15',
      '2024-01-20',
      '2024-03-01',
      '2024-02-03',
      '2024-03-20',
      '2024-02-25',
    );
    const amounts = column(100, 50, 80, 60, 40, 30, 45, 20);
    // January cohort a, b: Jan 100 + 60 = 160, Feb 50, Mar 80 + 40 = 120 → 1, 50/160, 120/160; per customer
    // cumulative 160/2, 210/2, 330/2. February cohort c, d: Feb 30 + 20 = 50, Mar 45 → 1, 0.9; 25, 47.5.
    const header = ['Cohort', 'Customers', 'First-period revenue', 0, 1, 2];
    const table = fx.COHORT_REVENUE(ids, orderDates, amounts);
    expect(showDates(table)).toEqual([
      header,
      ['2024-01-01', 2, 160, 1, 0.3125, 0.75],
      ['2024-02-01', 2, 50, 1, 0.9, ''],
    ]);
    expect(table[1][0].getTime()).toBe(sheetDate('2024-01-01', ZONE).getTime());
    expect(showDates(fx.COHORT_REVENUE(ids, orderDates, amounts, 'month', 'cumulative'))).toEqual([
      header,
      ['2024-01-01', 2, 160, 80, 105, 165],
      ['2024-02-01', 2, 50, 25, 47.5, ''],
    ]);
    // Spanish words and the default period; the same cohorts and customers as COHORT_RETENTION.
    expect(fx.COHORT_REVENUE(ids, orderDates, amounts, 'mes', 'Acumulado')).toEqual(
      fx.COHORT_REVENUE(ids, orderDates, amounts, '', 'cumulative'),
    );
    expect(fx.COHORT_REVENUE(ids, orderDates, amounts, 'month', 'retención')).toEqual(table);
    const retention = fx.COHORT_RETENTION(ids, orderDates);
    expect(table.slice(1).map((row: unknown[]) => row.slice(0, 2))).toEqual(
      retention.slice(1).map((row: unknown[]) => row.slice(0, 2)),
    );
    // A cohort whose first period is free (0) has a blank retention row, and a cumulative one.
    expect(showDates(fx.COHORT_REVENUE(column('x', 'x'), dates('2024-01-10', '2024-02-10'), column(0, 30)))).toEqual([
      ['Cohort', 'Customers', 'First-period revenue', 0, 1],
      ['2024-01-01', 1, 0, '', ''],
    ]);
  });

  it('ORDER_SUMMARY: the exact rows of FUNCTIONS.md', () => {
    const table = fx.ORDER_SUMMARY(
      column('a', 'b', 'a', 'c', 'a', 'b'),
      dates('2024-01-01', '2024-01-05', '2024-01-11', '2024-02-01', '2024-01-31', '2024-01-25'),
      column(10, 20, 30, 40, 50, 60),
    );
    // a: (Jan 31 − Jan 1)/2 = 15 days, b: (Jan 25 − Jan 5)/1 = 20 days → 17.5
    expect(showDates(table)).toEqual([
      ['Metric', 'Value'],
      ['Customers', 3],
      ['Orders', 6],
      ['Revenue', 210],
      ['Average order value', 35],
      ['Orders per customer', 2],
      ['Repeat rate', 2 / 3],
      ['Average days between orders', 17.5],
      ['First order', '2024-01-01'],
      ['Last order', '2024-02-01'],
    ]);
    // nobody ordered twice → blank
    expect(fx.ORDER_SUMMARY(column('a', 'b'), dates('2024-01-01', '2024-01-02'), column(1, 2))[7]).toEqual([
      'Average days between orders',
      '',
    ]);
  });

  it('RFM: hand-checked scores and segments, sorted by id, as_of defaulting to the latest order', () => {
    const ids = column('d', 'c', 'b', 'a', 'a', 'c', 'c');
    const orderDates = dates(
      '2024-02-20',
      '2024-03-25',
      '2024-01-10',
      '2024-03-30',
      '2024-03-01',
      '2024-02-01',
      '2024-01-15',
    );
    const amounts = column(80, 300, 20, 100, 50, 100, 100);
    // as_of 31 March. Recency a 1, b 81 (21 + 29 + 31), c 6, d 40 (9 + 31). n = 4, score 1 + ⌊5w/4⌋:
    // R: a w=3 → 4, c w=2 → 3, d w=1 → 2, b w=0 → 1. F: c 3 (w 3) → 4, a 2 (w 2) → 3, b, d 1 → 1.
    // M: c 500 → 4, a 150 → 3, d 80 → 2, b 20 → 1. Segments: a 43 Potential loyalist, b 11 and d 21 Hibernating, c 34 Loyal.
    const expected = [
      ['Customer', 'Recency (days)', 'Frequency', 'Monetary', 'R', 'F', 'M', 'Segment'],
      ['a', 1, 2, 150, 4, 3, 3, 'Potential loyalist'],
      ['b', 81, 1, 20, 1, 1, 1, 'Hibernating'],
      ['c', 6, 3, 500, 3, 4, 4, 'Loyal'],
      ['d', 40, 1, 80, 2, 1, 2, 'Hibernating'],
    ];
    expect(fx.RFM(ids, orderDates, amounts, sheetDate('2024-03-31', ZONE))).toEqual(expected);
    // default as_of = 30 March (a's order): every recency one day less, same scores
    expect(
      fx
        .RFM(ids, orderDates, amounts)
        .slice(1)
        .map((row: unknown[]) => row[1]),
    ).toEqual([0, 80, 5, 39]);
    expect(errorOf(() => fx.RFM(ids, orderDates, amounts, '2023-12-31'))).toBe(
      'RFM: not enough data: no order on or before as_of (2023-12-31). Give a later as_of or leave it out.',
    );
  });

  it('UPCOMING_DATES: window of 30 days from 20 December, across the year end', () => {
    const table = fx.UPCOMING_DATES(
      column('Marta', 'Luis', 'Ana', 'Pablo'),
      dates('2000-02-29', '1985-01-05', '1990-12-25', '1975-06-15'),
      sheetDate('2024-12-20', ZONE),
    );
    expect(showDates(table)).toEqual([
      ['Name', 'Date', 'Next', 'Days until', 'Years'],
      ['Ana', '1990-12-25', '2024-12-25', 5, 34],
      ['Luis', '1985-01-05', '2025-01-05', 16, 40],
    ]);
    // window 15 days: 5 January (16 days) drops out; nothing in the window leaves just the header
    expect(fx.UPCOMING_DATES(column('Luis'), dates('1985-01-05'), '2024-12-20', 15)).toEqual([
      ['Name', 'Date', 'Next', 'Days until', 'Years'],
    ]);
    expect(errorOf(() => fx.UPCOMING_DATES(column('Luis'), dates('1985-01-05'), '2024-12-20', 400))).toBe(
      'UPCOMING_DATES: days is 400; it must be within 0–366.',
    );
  });

  it('UPCOMING_DATES: a 29 February birthday falls on 28 February in 2023 and on the 29th in 2024', () => {
    const names = column('Leap');
    const born = dates('2000-02-29');
    expect(showDates(fx.UPCOMING_DATES(names, born, '2023-02-20', 10))[1]).toEqual([
      'Leap',
      '2000-02-29',
      '2023-02-28',
      8,
      23,
    ]);
    expect(showDates(fx.UPCOMING_DATES(names, born, '2024-02-20', 10))[1]).toEqual([
      'Leap',
      '2000-02-29',
      '2024-02-29',
      9,
      24,
    ]);
  });
});

describe('bad input, for every order formula', () => {
  const ids = column('a', 'b', 'a');
  const good = dates('2024-01-05', '2024-01-20', '2024-02-10');
  const amounts = column(10, 20, 30);
  type Call = (f: typeof fx, ids: unknown, dates: unknown, amounts: unknown) => unknown;
  const calls: Record<string, Call> = {
    CUSTOMER_CHURN: (f, i, d) => f.CUSTOMER_CHURN(i, d, '2024-02-01', '2024-02-29'),
    PURCHASE_FREQUENCY: (f, i, d) => f.PURCHASE_FREQUENCY(i, d),
    COHORT_RETENTION: (f, i, d) => f.COHORT_RETENTION(i, d),
    ORDER_SUMMARY: (f, i, d, a) => f.ORDER_SUMMARY(i, d, a),
    RFM: (f, i, d, a) => f.RFM(i, d, a),
    COHORT_REVENUE: (f, i, d, a) => f.COHORT_REVENUE(i, d, a),
  };

  for (const [name, call] of Object.entries(calls)) {
    it(`${name}: size mismatch, text date, #N/A and their Spanish messages`, () => {
      expect(errorOf(() => call(fx, column('a', 'b'), good, amounts))).toBe(
        `${name}: customer_ids has 2 cells but order_dates has 3. Give ranges with the same number of rows.`,
      );
      expect(
        errorOf(() =>
          call(fx, ids, column(sheetDate('2024-01-05', ZONE), 'next week', sheetDate('2024-02-10', ZONE)), amounts),
        ),
      ).toBe(`${name} order_dates row 2: "next week" is not a date. Use a date cell or text like 2024-03-31.`);
      expect(errorOf(() => call(fx, column('a', '#N/A', 'a'), good, amounts))).toBe(
        `${name} customer_ids row 2 holds the error #N/A. Fix that cell or leave it out of the range.`,
      );
      expect(errorOf(() => call(spanish, column('a', 'b'), good, amounts))).toBe(
        `${name}: customer_ids tiene 2 celdas pero order_dates tiene 3. Usa rangos con el mismo número de filas.`,
      );
      expect(errorOf(() => call(spanish, ids, column('2024-01-05', '2024-13-01', '2024-02-10'), amounts))).toBe(
        `${name} order_dates fila 2: "2024-13-01" no es una fecha. Usa una celda de fecha o texto como 2024-03-31.`,
      );
      expect(errorOf(() => call(fx, column('', ''), column('', ''), column('', '')))).toBe(
        `${name}: no valid orders in the range.`,
      );
    });
  }

  for (const name of ['ORDER_SUMMARY', 'RFM', 'COHORT_REVENUE']) {
    it(`${name}: a text amount is named with its row, a negative one too`, () => {
      expect(errorOf(() => calls[name](fx, ids, good, column(10, 20, '12,5 €')))).toBe(
        `${name} amounts row 3: "12,5 €" is not a number. Type a plain number such as 12.5.`,
      );
      expect(errorOf(() => calls[name](spanish, ids, good, column(10, '12,5 €', 1)))).toBe(
        `${name} amounts fila 2: "12,5 €" no es un número. Escribe un número sin texto, como 12,5.`,
      );
      expect(errorOf(() => calls[name](fx, ids, good, column(10, -5, 1)))).toBe(
        `${name} amounts row 2: amount -5 is negative. It must be 0 or more.`,
      );
      expect(errorOf(() => calls[name](fx, ids, good, column(10, 20)))).toBe(
        `${name}: customer_ids has 3 cells but amounts has 2. Give ranges with the same number of rows.`,
      );
    });
  }

  it('COHORT_REVENUE: an unknown measure or period lists the words it takes, in English and Spanish', () => {
    expect(errorOf(() => fx.COHORT_REVENUE(ids, good, amounts, 'month', 'ltv'))).toBe(
      'COHORT_REVENUE: measure "ltv" is not recognised. Use one of: retention, cumulative.',
    );
    expect(errorOf(() => spanish.COHORT_REVENUE(ids, good, amounts, 'month', 'ltv'))).toBe(
      'COHORT_REVENUE: measure "ltv" no se reconoce. Usa uno de: retention, cumulative.',
    );
    expect(errorOf(() => fx.COHORT_REVENUE(ids, good, amounts, 'fortnight'))).toBe(
      'COHORT_REVENUE: period "fortnight" is not recognised. Use one of: day, week, month, quarter, year (día, ' +
        'semana, mes, trimestre, año).',
    );
    expect(
      errorOf(() => fx.COHORT_REVENUE(column('a', 'b'), dates('1970-01-01', '2024-01-01'), column(1, 1), 'day')),
    ).toMatch(
      /^COHORT_REVENUE: period is "day"; the table would have 2 cohorts × 19724 periods \(orders from 1970-01-01 – 2024-01-01\), too many for a sheet/,
    );
  });

  it('UPCOMING_DATES and REPEAT_RATE: mismatch, text date, error value, Spanish', () => {
    expect(errorOf(() => fx.UPCOMING_DATES(column('Ana', 'Luis'), dates('1990-12-25'), '2024-12-20'))).toBe(
      'UPCOMING_DATES: names has 2 cells but dates has 1. Give ranges with the same number of rows.',
    );
    expect(errorOf(() => fx.UPCOMING_DATES(column('Ana'), column('Christmas'), '2024-12-20'))).toBe(
      'UPCOMING_DATES dates row 1: "Christmas" is not a date. Use a date cell or text like 2024-03-31.',
    );
    expect(errorOf(() => fx.UPCOMING_DATES(column('Ana'), dates('1990-12-25'), '#N/A'))).toBe(
      'UPCOMING_DATES as_of row 1 holds the error #N/A. Fix that cell or leave it out of the range.',
    );
    expect(errorOf(() => fx.UPCOMING_DATES(column('Ana'), dates('1990-12-25')))).toBe(
      'UPCOMING_DATES: as_of is missing. Give it a value or a range.',
    );
    expect(errorOf(() => spanish.UPCOMING_DATES(column('Ana'), column('#REF!'), '2024-12-20'))).toBe(
      'UPCOMING_DATES dates fila 1 contiene el error #REF!. Corrige esa celda o déjala fuera del rango.',
    );
    expect(errorOf(() => fx.REPEAT_RATE(column('a', '#DIV/0!')))).toBe(
      'REPEAT_RATE customer_ids row 2 holds the error #DIV/0!. Fix that cell or leave it out of the range.',
    );
  });

  it('skips rows with a blank required field', () => {
    // the blank-id row and the blank-date row are left out: a (Jan 5, Feb 10), b (Jan 20)
    const table = fx.ORDER_SUMMARY(
      column('a', '', 'b', 'a', 'c'),
      dates('2024-01-05', '2024-01-06', '2024-01-20', '2024-02-10').concat([['']]),
      column(10, 99, 20, 30, 40),
    );
    expect(table.slice(1, 4)).toEqual([
      ['Customers', 2],
      ['Orders', 3],
      ['Revenue', 60],
    ]);
  });

  it('property: random mixes of blanks, text, error values, numbers and dates give a result or a catalogue message, never a raw or internal error', () => {
    const cell = fc.oneof(
      fc.constant(''),
      fc.constantFrom('#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#ERROR!'),
      fc.constantFrom('x', 'N/A', '12,5 €', '2024-02-30', '2024-03-01', ' ', 'TRUE'),
      fc.integer({ min: -5, max: 50_000 }),
      fc.double({ noNaN: false }),
      fc.boolean(),
      fc.integer({ min: 19_000, max: 20_000 }).map((d) => new Date(d * 86_400_000)),
    );
    const range = fc.array(cell, { minLength: 0, maxLength: 8 }).map((cells) => column(...cells));
    const arg = fc.oneof(range, cell);
    const functions: [string, number][] = [
      ['CHURN_RATE', 3],
      ['RETENTION_RATE', 3],
      ['CUSTOMER_CHURN', 4],
      ['REPEAT_RATE', 1],
      ['PURCHASE_FREQUENCY', 3],
      ['COHORT_RETENTION', 3],
      ['ORDER_SUMMARY', 3],
      ['RFM', 4],
      ['UPCOMING_DATES', 4],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...functions),
        fc.array(arg, { minLength: 4, maxLength: 4 }),
        fc.boolean(),
        ([name, arity], args, inSpanish) => {
          const f = inSpanish ? spanish : fx;
          try {
            f[name](...args.slice(0, arity));
          } catch (error) {
            const message = (error as Error).message;
            expect(message.startsWith(name)).toBe(true);
            expect(message).not.toMatch(/internal error|error interno/i);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('time zones', () => {
  it('orders at 23:30 on 31 January and 00:30 on 1 February land in their own months, in a zone far from the host', () => {
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', ZONE]) {
      const { fx: local } = addOn({ timeZone: zone });
      const table = local.COHORT_RETENTION(
        column('late', 'early', 'late'),
        column(
          sheetDate('2024-01-31 23:30', zone),
          sheetDate('2024-02-01 00:30', zone),
          sheetDate('2024-02-01 00:30', zone),
        ),
      );
      // late starts in January and orders again in February; early starts in February
      expect(showDates(table, zone)).toEqual([
        ['Cohort', 'Customers', 0, 1],
        ['2024-01-01', 1, 1, 1],
        ['2024-02-01', 1, 1, ''],
      ]);
      expect(table[1][0].getTime()).toBe(sheetDate('2024-01-01', zone).getTime());
      const revenue = local.COHORT_REVENUE(
        column('late', 'early', 'late'),
        column(
          sheetDate('2024-01-31 23:30', zone),
          sheetDate('2024-02-01 00:30', zone),
          sheetDate('2024-02-01 00:30', zone),
        ),
        column(10, 20, 5),
      );
      expect(showDates(revenue, zone)).toEqual([
        ['Cohort', 'Customers', 'First-period revenue', 0, 1],
        ['2024-01-01', 1, 10, 1, 0.5],
        ['2024-02-01', 1, 20, 1, ''],
      ]);
      const summary = local.ORDER_SUMMARY(
        column('late', 'early'),
        column(sheetDate('2024-01-31 23:30', zone), sheetDate('2024-02-01 00:30', zone)),
        column(1, 1),
      );
      expect(isoDateIn(summary[8][1], zone)).toBe('2024-01-31');
      expect(isoDateIn(summary[9][1], zone)).toBe('2024-02-01');
      // the 23:30 order is one day before the 00:30 one, whatever the zone
      const rfm = local.RFM(
        column('late', 'early'),
        column(sheetDate('2024-01-31 23:30', zone), sheetDate('2024-02-01 00:30', zone)),
        column(1, 1),
      );
      expect(rfm.slice(1).map((row: unknown[]) => [row[0], row[1]])).toEqual([
        ['early', 0],
        ['late', 1],
      ]);
    }
  });

  it('UPCOMING_DATES returns Dates showing the right day in the spreadsheet zone', () => {
    const zone = 'Pacific/Kiritimati';
    const { fx: local } = addOn({ timeZone: zone });
    const table = local.UPCOMING_DATES(
      column('Ana'),
      column(sheetDate('1990-01-05', zone)),
      sheetDate('2024-12-20', zone),
    );
    expect(showDates(table, zone)[1]).toEqual(['Ana', '1990-01-05', '2025-01-05', 16, 35]);
  });

  it('reads the time zone once per call and nothing else', () => {
    workbook.calls.reset();
    fx.COHORT_RETENTION(column('a', 'b'), dates('2024-01-01', '2024-02-01'));
    expect(workbook.calls.byMethod()).toEqual({
      'Spreadsheet.getSpreadsheetTimeZone': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
  });
});

describe('speed through the bundle', () => {
  it('100 000 orders: COHORT_RETENTION, RFM and COHORT_REVENUE each well under a second', () => {
    // noon UTC of each synthetic day: a date-time Sheets could hold; only the speed matters here
    const orders = syntheticOrders(100_000, 30_000, 3);
    const ids = column(...orders.ids);
    const when = column(...orders.days.map((d) => new Date(d * 86_400_000 + 43_200_000)));
    const amounts = column(...orders.amounts);
    expect(cpuMillis(() => fx.COHORT_RETENTION(ids, when))).toBeLessThan(1000);
    expect(cpuMillis(() => fx.RFM(ids, when, amounts))).toBeLessThan(1000);
    expect(cpuMillis(() => fx.COHORT_REVENUE(ids, when, amounts))).toBeLessThan(1000);
  });
});
