/**
 * A real public data set as a user's own Orders sheet: the CDNOW sample (Fader, Hardie & Lee,
 * 2005; data/cdnow/README.md) read by demo/input/cdnow.ts with headers
 * `Customer ID, Order date, Amount`, reported in English through the built bundle.
 * Run `npm run build` first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cdnowOrdersSheet, type CdnowTransaction, readCdnowTransactions } from '../../demo/input/cdnow';
import { CDNOW_DIR, CDNOW_SAMPLE, SHARED_CDNOW_DIR } from '../support/cdnow';
import {
  generate,
  headlineRow,
  listsTable,
  reportLists,
  reportRig,
  reportView,
  roleView,
  summaryCards,
  wire,
  ZONE,
  type ReportRig,
  type SheetView,
} from '../support/report';

const FILE = CDNOW_SAMPLE;
const PREDICTED = 'Customers by predicted lifetime value (next 52 weeks)';

describe('the CDNOW sample as an Orders sheet', () => {
  it('has the reference data in the repository (data/cdnow), the same bytes as ../shared/data/cdnow where it is beside it', () => {
    expect(existsSync(FILE), `${FILE} is missing: the CDNOW data lives in data/cdnow`).toBe(true);
    for (const name of ['CDNOW_sample.txt', 'CDNOW_master.txt']) {
      const shared = `${SHARED_CDNOW_DIR}${name}`;
      if (existsSync(shared)) expect(readFileSync(`${CDNOW_DIR}${name}`).equals(readFileSync(shared)), name).toBe(true);
    }
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
    expect(view.at(2, 1).value).toBe('June 1998 (compared with May 1998)');
    const sources = view.row('Source');
    expect(view.line(sources + 1)).toEqual(['Orders', 'Orders', lines.length, lines.length, 0, '—']);
    // No row skipped, so no data-quality note: the summary band follows the title block.
    expect(view.rowOf(/rows were skipped/)).toBe(0);
    // June 1998 orders and revenue, recounted from the file.
    const june = lines.filter((t) => t.year === 1998 && t.month === 6);
    const may = lines.filter((t) => t.year === 1998 && t.month === 5);
    const revenue = (list: CdnowTransaction[]) => list.reduce((s, t) => s + t.amount, 0);
    expect([headlineRow(view, 'Orders').current.value, headlineRow(view, 'Orders').previous.value]).toEqual([
      june.length,
      may.length,
    ]);
    expect(headlineRow(view, 'Revenue').current.value as number).toBeCloseTo(revenue(june), 6);
    expect(headlineRow(view, 'Revenue').previous.value as number).toBeCloseTo(revenue(may), 6);
    // June 1997 is in the file: the change against a year earlier is June 1998's revenue minus June 1997's.
    const june97 = lines.filter((t) => t.year === 1997 && t.month === 6);
    expect(headlineRow(view, 'Revenue').yearChange.value as number).toBeCloseTo(revenue(june) - revenue(june97), 2);
    // CDNOW's customers were all acquired in the first quarter of 1997: nobody is new in June 1998.
    expect(headlineRow(view, 'New customers').current.value).toBe(0);
    // The band: the cards an orders sheet allows.
    expect([...summaryCards(view).keys()]).toEqual([
      'Customers at end',
      'Customer churn',
      'Revenue',
      'Repeat rate',
      'Average order value',
      'New customers',
      'Orders',
      'Purchase frequency',
    ]);
    expect(summaryCards(view).get('Revenue')!.value.value).toBe(headlineRow(view, 'Revenue').current.value);
    // Customers, revenue and RFM on the grid; the LTV curves and the projection beside their tables.
    expect(rig.workbook.chartSpecs(result.sheetName).map((s) => s.type)).toEqual([
      'COMBO',
      'COMBO',
      'BAR',
      'LINE',
      'COMBO',
    ]);
  });

  it('lists every customer by predicted value: the first ten in the report, all of them in the lists sheet', () => {
    const customers = new Set(lines.map((t) => t.customerId)).size;
    const list = reportLists(view).find((l) => l.title === PREDICTED)!;
    expect(list.count).toBe(customers);
    expect(list.rows).toHaveLength(10);
    expect(list.after).toBe(`10 of ${customers} — all of them in “KPI lists”.`);
    const rows = listsTable(roleView(rig, 'lists')).filter((r) => r.list === PREDICTED);
    expect(rows).toHaveLength(customers);
    expect(new Set(rows.map((r) => r.customerId)).size).toBe(customers);
    // Sorted by predicted value, the largest first; worth the heading's value at stake.
    const values = rows.map((r) => r.value as number);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(Math.round(values.reduce((s, v) => s + v, 0))).toBe(Number(list.stake.replace(/[^\d]/g, '')));
    for (const row of rows) {
      expect(typeof row.value).toBe('number');
      expect(row.value as number).toBeGreaterThanOrEqual(0);
      // P(alive) is a share with a percent format.
      expect(typeof row.fact.value).toBe('number');
      expect(row.fact.value as number).toBeGreaterThan(0);
      expect(row.fact.value as number).toBeLessThanOrEqual(1);
      expect(row.fact.format).toMatch(/%/);
      // No Customers sheet: no names or emails.
      expect([row.name, row.email]).toEqual(['', '']);
    }
    // The report's rows are the lists sheet's first ten; customer ids stay the file's text ("0357"), not numbers.
    list.rows.forEach((shown, k) => {
      expect(shown[0].value).toBe(rows[k].customerId);
      expect(shown[2].value).toBe(rows[k].value);
    });
    const firstId = list.rows[0][0];
    expect(firstId.value).toMatch(/^\d{4}$/);
    expect(firstId.display).toBe(firstId.value);
  });
});
