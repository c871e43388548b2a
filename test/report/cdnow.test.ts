/**
 * A real public data set as a user's own Orders sheet: the CDNOW sample (Fader, Hardie & Lee,
 * 2005; ../shared/data/cdnow/README.md) read by demo/input/cdnow.ts with headers
 * `Customer ID, Order date, Amount`, reported in English through the built bundle.
 * Run `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cdnowOrdersSheet, type CdnowTransaction, readCdnowTransactions } from '../../demo/input/cdnow';
import { CDNOW_SAMPLE } from '../support/cdnow';
import { generate, reportRig, reportView, wire, ZONE, type ReportRig, type SheetView } from '../support/report';

const FILE = CDNOW_SAMPLE;

describe('the CDNOW sample as an Orders sheet', () => {
  it('has the reference data beside the repository (../shared/data/cdnow)', () => {
    expect(existsSync(FILE), `${FILE} is missing: the CDNOW data lives in ../shared/data/cdnow`).toBe(true);
  });

  let rig: ReportRig;
  let scan: any;
  let result: any;
  let view: SheetView;
  /** Transactions of the file, read again here to recount what the report shows. */
  let lines: CdnowTransaction[];

  beforeAll(() => {
    lines = readCdnowTransactions(FILE);
    rig = reportRig({ Orders: cdnowOrdersSheet(FILE, { timeZone: ZONE }) });
    scan = wire(rig.fx.wizardScan());
    // The wizard's default period: the newest month offered (the file ends on 1998-06-30).
    result = generate(rig, { periodKind: 'month', periodIndex: scan.periods.month[0].index, today: undefined });
    view = reportView(rig, result.sheetName);
  });

  it('detects the sheet and its English headers by themselves', () => {
    expect(scan.mapping).toEqual({
      orders: { sheet: 'Orders', columns: { customerId: 'Customer ID', date: 'Order date', amount: 'Amount' } },
    });
    expect(scan.periods.month[0].label).toBe('June 1998');
  });

  it('produces an English report for June 1998 over every transaction of the file', () => {
    expect(result.sheetName).toBe('KPI Summary');
    expect(view.at(view.row('Period'), 2).value).toBe('June 1998 (compared with May 1998)');
    const sources = view.row('Source');
    expect(view.line(sources + 1)).toEqual(['Orders', 'Orders', lines.length, lines.length, 0, '—']);
    // June 1998 orders and revenue, recounted from the file.
    const june = lines.filter((t) => t.year === 1998 && t.month === 6);
    const top = view.row('Headline KPIs');
    expect(view.at(view.row('Orders', top), 2).value).toBe(june.length);
    const revenue = june.reduce((s, t) => s + t.amount, 0);
    expect(view.at(view.row('Revenue', top), 2).value as number).toBeCloseTo(revenue, 6);
    // CDNOW's customers were all acquired in the first quarter of 1997: nobody is new in June 1998.
    expect(view.at(view.row('New customers', top), 2).value).toBe(0);
    expect(rig.workbook.chartSpecs(result.sheetName).map((s) => s.type)).toEqual(['COLUMN', 'COLUMN', 'BAR']);
  });

  it('has the predicted-value section, with probabilities and money as numbers', () => {
    view.row(/^Predicted value: customers by predicted CLV over the next 52 weeks/);
    const predicted = view.row(/^Top customers by predicted CLV \(\d+\)$/);
    const customers = new Set(lines.map((t) => t.customerId)).size;
    expect(view.at(predicted, 1).value).toBe(`Top customers by predicted CLV (${customers})`);
    // no Customers sheet, so no Name column
    expect(view.line(predicted + 1)).toEqual([
      'Customer',
      'P(alive)',
      'Expected purchases',
      'Expected order value',
      'Predicted CLV',
    ]);
    let previousClv = Infinity;
    for (let r = predicted + 2; r < predicted + 27; r++) {
      const [id, pAlive, purchases, value, clv] = view.rows[r - 1].map((c) => c.value);
      // FUNCTIONS.md, CLV_PREDICT: CLV = expected purchases × expected order value (no discount), sorted descending.
      expect(clv as number).toBeLessThanOrEqual(previousClv);
      previousClv = clv as number;
      expect(typeof id).toBe('string');
      expect(pAlive as number).toBeGreaterThan(0);
      expect(pAlive as number).toBeLessThanOrEqual(1);
      expect(purchases as number).toBeGreaterThan(0);
      expect(clv as number).toBeCloseTo((purchases as number) * (value as number), 6);
    }
    // Customer ids stay the file's text ("0357"), not numbers.
    const firstId = view.at(predicted + 2, 1);
    expect(firstId.value).toMatch(/^\d{4}$/);
    expect(firstId.display).toBe(firstId.value);
  });
});
