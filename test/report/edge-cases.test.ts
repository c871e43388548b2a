/**
 * Odd data a real workbook holds, found in review: the report must neither shrug nor mislead.
 */
import { describe, expect, it } from 'vitest';
import { USTED_FORMS } from '../../src/locale/glossary';
import { sheetDate } from '../emulator';
import { addOn, column, errorOf } from '../support/addon';
import { generate, headlineRow, markedSheets, reportRig, reportView, ZONE } from '../support/report';

const d = (iso: string) => sheetDate(iso, ZONE);
/** A KPI's value in the headline table: this period's, or the previous period's. */
const kpiValue = (
  rig: ReturnType<typeof reportRig>,
  sheet: string,
  label: string,
  which: 'current' | 'previous' = 'current',
) => headlineRow(reportView(rig, sheet), label)[which].value;

describe('report: odd data', () => {
  it('one stray CSAT value (55) is skipped and does not turn a 1–5 survey into a 1–10 one', () => {
    const answers: unknown[][] = [['Date', 'CSAT']];
    for (let i = 0; i < 16; i++) answers.push([d('2025-12-05'), 5]);
    for (let i = 0; i < 4; i++) answers.push([d('2025-12-06'), 3]);
    answers.push([d('2025-06-01'), 55]);
    const rig = reportRig({ Surveys: answers as never });
    const result = generate(rig, { mapping: undefined });
    expect(kpiValue(rig, result.sheetName, 'CSAT')).toBeCloseTo(16 / 20, 12);
    expect(result.skippedRows).toBe(1);
    expect(reportView(rig, result.sheetName).texts().join(' ')).toMatch(
      /outside 0–10 \(satisfaction \(CSAT\)\): 1 \(row 22\)/,
    );
  });

  it('a comment as long as a cell holds is cut by one character and an ellipsis, and the note counts it', () => {
    // Sheets holds 50 000 characters in a cell; the report writes texts after an apostrophe.
    const answers: unknown[][] = [['Date', 'NPS', 'Comment']];
    for (let i = 0; i < 10; i++) answers.push([d('2025-12-05'), 3, i === 4 ? 'x'.repeat(50_000) : 'Slow delivery']);
    const rig = reportRig({ Surveys: answers as never });
    const result = generate(rig, { mapping: undefined });
    const texts = reportView(rig, result.sheetName).texts();
    expect(texts.join(' ')).toMatch(/cut to the 50,000 characters a cell holds \(comment\): 1\b/);
    const cut = texts.find((t) => t.startsWith('xxx'));
    expect(cut).toBe(`${'x'.repeat(49_998)}…`);
  });

  it('a 1–7 satisfaction scale counts 6 and 7 as satisfied', () => {
    const answers: unknown[][] = [['Date', 'CSAT']];
    [7, 6, 6, 5, 4, 2, 7, 1].forEach((rating) => answers.push([d('2025-12-10'), rating]));
    const rig = reportRig({ Surveys: answers as never });
    const result = generate(rig, { mapping: undefined });
    expect(kpiValue(rig, result.sheetName, 'CSAT')).toBeCloseTo(4 / 8, 12);
  });

  it('quarterly NRR counts only the customers paying when the quarter starts', () => {
    // A pays 1 000 all along; B arrives on 10 Oct and leaves on 20 Nov: A kept everything.
    const rig = reportRig({
      Orders: [
        ['Customer ID', 'Order date', 'Amount'],
        ['A', d('2025-01-05'), 10],
        ['A', d('2025-12-05'), 10],
      ],
      Subscriptions: [
        ['Customer ID', 'Start', 'End', 'MRR'],
        ['A', d('2024-01-01'), '', 1000],
        ['B', d('2025-10-10'), d('2025-11-20'), 100],
      ],
    });
    const result = generate(rig, { periodKind: 'quarter', periodIndex: 2025 * 4 + 3 });
    expect(kpiValue(rig, result.sheetName, 'Net revenue retention')).toBe(1);
    expect(kpiValue(rig, result.sheetName, 'Gross MRR churn')).toBe(0);
  });

  it('an order date typed as a bare year, and a subscription ending before it starts, are skipped with their reason', () => {
    const rig = reportRig({
      Orders: [
        ['Customer ID', 'Order date', 'Amount'],
        ['A', d('2025-12-05'), 10],
        ['B', 20251203, 20],
        ['C', 2025, 5],
      ],
      Subscriptions: [
        ['Customer ID', 'Start', 'End', 'MRR'],
        ['A', d('2025-03-01'), d('2025-02-01'), 10],
        ['A', d('2025-01-01'), '', 10],
      ],
    });
    const result = generate(rig);
    const text = reportView(rig, result.sheetName).texts().join(' ');
    expect(text).toMatch(/not a date \(date\): 1 \(row 3\)/); // 20251203 is no date serial of our era
    expect(text).toMatch(/ends before it starts \(end date\): 1 \(row 2\)/);
    expect(kpiValue(rig, result.sheetName, 'Revenue')).toBe(10);
  });

  it('an amount written as text with a currency ("12,5 €") is read; a word ("gratis") is skipped with its reason', () => {
    const rig = reportRig({
      Orders: [
        ['Customer ID', 'Order date', 'Amount'],
        ['A', d('2025-12-05'), '12,5 €'],
        ['B', d('2025-12-06'), 'gratis'],
      ],
    });
    const result = generate(rig, { mapping: undefined });
    expect(kpiValue(rig, result.sheetName, 'Revenue')).toBe(12.5);
    expect(result.skippedRows).toBe(1);
    expect(reportView(rig, result.sheetName).texts().join(' ')).toMatch(/not a number \(amount\): 1 \(row 3\)/);
  });

  it('an orders sheet with nothing readable stops with the reasons and writes nothing', () => {
    const rig = reportRig({
      Orders: [
        ['Customer ID', 'Order date', 'Amount'],
        ['A', d('2025-12-05'), 'doce euros'],
        ['B', d('2025-12-06'), 'gratis'],
      ],
    });
    const before = rig.workbook.fingerprints();
    expect(() => rig.fx.wizardGenerate({ periodKind: 'month' })).toThrow(
      'Sheet "Orders" has no readable rows. Rows skipped: not a number (amount): 2 (rows 2, 3). Fix them and generate the report again.',
    );
    const empty = reportRig({ Orders: [['Customer ID', 'Order date', 'Amount']] });
    expect(() => empty.fx.wizardGenerate({})).toThrow(
      'Sheet "Orders" has no readable rows. Add data below the header row.',
    );
    expect(markedSheets(rig.workbook)).toHaveLength(0);
    expect(rig.workbook.fingerprints()).toEqual(before);
  });

  it('in Spanish the same stop speaks "tú", as the rest of the add-on does (issue 13: one form of address)', () => {
    const unreadable = reportRig(
      {
        Pedidos: [
          ['ID cliente', 'Fecha pedido', 'Importe'],
          ['A', d('2025-12-05'), 'doce euros'],
          ['B', d('2025-12-06'), 'gratis'],
        ],
      },
      { locale: 'es_ES' },
    );
    const empty = reportRig({ Pedidos: [['ID cliente', 'Fecha pedido', 'Importe']] }, { locale: 'es_ES' });
    const messages = [
      errorOf(() => unreadable.fx.wizardGenerate({ periodKind: 'month' })),
      errorOf(() => empty.fx.wizardGenerate({})),
    ];
    expect(messages[0]).toMatch(
      /^La hoja "Pedidos" no tiene filas legibles\. Filas omitidas: no es un número \(importe\): 2/,
    );
    expect(messages[1]).toMatch(/^La hoja "Pedidos" no tiene filas legibles\. /);
    const usted = (text: string) =>
      USTED_FORMS.filter((form) => new RegExp(`(^|[^\\p{L}])${form}(?![\\p{L}])`, 'iu').test(text));
    for (const message of messages) expect(usted(message), message).toEqual([]);
  });

  it('keeps the CPS row when this period has no order with a cost but the sheet has costs', () => {
    const rig = reportRig({
      Orders: [
        ['Customer ID', 'Order date', 'Amount', 'Cost'],
        ['A', d('2025-11-05'), 100, 60],
        ['A', d('2025-12-05'), 100, ''],
      ],
    });
    const result = generate(rig);
    expect(kpiValue(rig, result.sheetName, 'Profit on cost (CPS)')).toBe(''); // not computable this month
    expect(kpiValue(rig, result.sheetName, 'Profit on cost (CPS)', 'previous')).toBeCloseTo(40 / 60, 12); // November
  });
});

describe('formulas: odd arguments', () => {
  const { fx } = addOn();
  const ids = column('A', 'B', 'A');
  const dates = column('2025-01-05', '2025-02-03', '2025-03-09');

  it('a period named like an Object property is an unknown period, not an internal error', () => {
    for (const name of ['constructor', '__proto__', 'toString']) {
      expect(errorOf(() => fx.COHORT_RETENTION(ids, dates, name))).toMatch(
        /^COHORT_RETENTION: period ".*" is not recognised\. Use one of: day, week, month/,
      );
      expect(errorOf(() => fx.PURCHASE_FREQUENCY(ids, dates, name))).toMatch(/is not recognised/);
    }
  });

  it('NPS_TREND refuses a span that would spill a century of days', () => {
    expect(errorOf(() => fx.NPS_TREND(column(9, 10), column('0001-01-07', '2025-01-01'), 'day'))).toMatch(
      /^NPS_TREND: period is "day"; answers from 0001-01-07 to 2025-01-01 make \d+ periods, too many for a sheet/,
    );
  });

  it('shows a date in an amount range as the date the sheet shows, in the spreadsheet zone', () => {
    const auckland = addOn({ timeZone: 'Pacific/Auckland' }).fx;
    expect(
      errorOf(() =>
        auckland.ORDER_SUMMARY(column('A'), column('2024-03-01'), column(sheetDate('2024-03-01', 'Pacific/Auckland'))),
      ),
    ).toBe(
      'ORDER_SUMMARY amounts row 1: this cell is formatted as a date, so it reads as 2024-03-01 instead of a number. ' +
        'Select the cell and choose Format > Number > Automatic (or Number), then check its value.',
    );
  });

  it('takes a date serial for a single date argument, as it does in ranges', () => {
    const serial = 45725; // 2025-03-09
    expect(fx.RFM(ids, dates, column(10, 20, 30), serial)).toEqual(
      fx.RFM(ids, dates, column(10, 20, 30), '2025-03-09'),
    );
  });
});
