// Each export fixture (test/fixtures/exports) end to end through the built bundle, as the sidebar runs
// it: imported as Sheets' File ▸ Import would in a spreadsheet locale, `wizardScan` detects it with no
// manual mapping, `wizardCheckMapping` accepts it, `wizardGenerate` writes a report whose headline
// matches facts computed here from the raw CSV text alone (its own parsing, no Sheets typing), by
// the rules the fixtures' README states. Read in the other locale (amounts and dates left as text
// by the import), the report is the same.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../../demo/input/workbook';
import { parsePeriod } from '../../demo/run-report';
import { reportLabels } from '../../src/report/labels';
import type { SeedGrid } from '../emulator';
import {
  cents,
  csatOf,
  EXPORTS_DIR as DIR,
  factsOf,
  formsAnswers,
  type MonthFacts,
  npsOf,
  prestashopFacts,
  rawRows,
  shopifyFacts,
  stripeMrrAt,
  sum,
  total,
  wooAnalyticsFacts,
  wooExportFacts,
} from '../fixtures/exports/facts';
import { headlineRow, reportRig, reportView, wire } from '../support/report';

const MADRID = 'Europe/Madrid';

/** What one run through the bundle gives: the scan, the check, and the headline values of the report. */
interface ReportRun {
  scan: any;
  check: any;
  result: any;
  headline: (key: string) => [unknown, unknown];
}

async function runFixture(
  files: string[],
  options: { locale: string; zone: string; period: string; today?: string },
): Promise<ReportRun> {
  const sheets: Record<string, SeedGrid> = {};
  for (const file of files)
    Object.assign(sheets, await readWorkbookFile(join(DIR, file), { timeZone: options.zone, locale: options.locale }));
  const rig = reportRig(sheets, { timeZone: options.zone, locale: options.locale });
  const before = rig.workbook.fingerprints();
  const scan = wire(rig.fx.wizardScan());
  const check = wire(rig.fx.wizardCheckMapping(wire(scan.mapping)));
  expect(rig.workbook.fingerprints()).toEqual(before); // reading changes nothing
  const result = wire(
    rig.fx.wizardGenerate(
      wire({
        mapping: scan.mapping,
        ...parsePeriod(options.period),
        currency: 'EUR',
        sections: scan.defaults.sections,
        withoutPersonalData: false,
        runId: 'fixture',
        today: options.today ?? '2026-01-10',
      }),
    ),
  );
  for (const name of Object.keys(sheets)) expect(rig.workbook.fingerprints()[name]).toEqual(before[name]);
  const view = reportView(rig, result.sheetName);
  const labels = reportLabels(scan.language, options.locale);
  // This period's and the previous period's value, from the headline table (columns C and D).
  const headline = (key: string): [unknown, unknown] => {
    const row = headlineRow(view, (labels.kpis as Record<string, [string, string]>)[key][0]);
    return [row.current.value, row.previous.value];
  };
  return { scan, check, result, headline };
}

/** Expects the headline revenue and orders of a run to be the facts of the period and the one before. */
function expectRevenue(run: ReportRun, facts: Map<string, MonthFacts>, months: [string, string]) {
  const [now, before] = months.map((m) => factsOf(facts, m));
  const [revenue, previousRevenue] = run.headline('revenue');
  expect(cents(revenue as number)).toBe(now.revenue);
  expect(cents(previousRevenue as number)).toBe(before.revenue);
  expect(run.headline('orders')).toEqual([now.orders, before.orders]);
}

describe('Shopify orders export', () => {
  it.each([
    ['en_US', MADRID],
    ['es_ES', MADRID],
    ['en_US', 'America/New_York'],
  ])('detected with no manual mapping; the November report matches the facts (%s, %s)', async (locale, zone) => {
    const run = await runFixture(['shopify-orders.csv'], { locale, zone, period: '2025-11' });
    const detected = run.scan.detection.find((d: any) => d.kind === 'orders');
    expect(detected.format).toBe('shopify');
    expect(run.scan.mapping.orders.columns).toMatchObject({
      orderId: 'Name',
      customerId: 'Email',
      date: 'Created at',
      amount: 'Total',
      status: 'Financial Status',
      refunded: 'Refunded Amount',
      cancelled: 'Cancelled at',
    });
    expect(run.check.ok).toBe(true);
    expect(run.check.messages).toEqual([]);
    const reading = run.check.readings.find((r: any) => r.kind === 'orders');
    const names = rawRows('shopify-orders.csv').map((r) => r.Name);
    const multiLine = new Set(names.filter((name, i) => names.indexOf(name) !== i)).size;
    expect(reading.grouped).toEqual({
      rows: 38,
      orders: 24,
      multiLineOrders: multiLine,
      amounts: 'repeated',
      refundRows: 0,
    });
    expect(reading.excluded.byReason).toEqual({
      cancelled: expect.objectContaining({ count: 3 }),
      refunded: expect.objectContaining({ count: 1 }),
      notPaid: expect.objectContaining({ count: 1 }),
    });
    expectRevenue(run, shopifyFacts(zone), ['2025-11', '2025-10']);
    expect(run.result.skippedRows).toBe(0);
  });

  it('the year 2025 holds the README’s net revenue, 1 075.14 over 19 orders', async () => {
    const run = await runFixture(['shopify-orders.csv'], { locale: 'en_US', zone: MADRID, period: '2025' });
    const year = total(shopifyFacts(MADRID));
    expect(year.revenue).toBe(1075.14);
    expect(cents(run.headline('revenue')[0] as number)).toBe(year.revenue);
    expect(run.headline('orders')[0]).toBe(year.orders);
  });
});

describe('Google Forms response sheets', () => {
  it.each([
    ['google-forms-es.csv', 'es_ES', true],
    ['google-forms-en.csv', 'en_US', false],
  ])('%s (%s): the question texts are recognised, NPS and CSAT of the year match', async (file, locale, dayFirst) => {
    const run = await runFixture([file], { locale, zone: MADRID, period: '2025' });
    const detected = run.scan.detection.find((d: any) => d.kind === 'surveys');
    expect(detected.format).toBe('googleForms');
    const headers = Object.keys(rawRows(file)[0]);
    expect(run.scan.mapping.surveys.columns).toEqual({
      date: headers[0],
      customerId: headers[1],
      nps: headers[2],
      csat: headers[3],
      comment: headers[4],
    });
    const reasons = Object.fromEntries(detected.choices.map((c: any) => [c.field, c.reason]));
    expect(reasons).toEqual({
      date: 'exportLayout',
      customerId: 'emailAsId',
      nps: 'questionText',
      csat: 'questionText',
      comment: 'questionText',
    });
    expect(detected.choices.find((c: any) => c.field === 'nps').scale).toEqual({ min: 0, max: 10 });
    expect(run.check.ok).toBe(true);
    const answers = formsAnswers(file, dayFirst);
    const [npsNow] = run.headline('nps');
    const [csatNow] = run.headline('csat');
    expect(npsNow as number).toBeCloseTo(npsOf(answers), 9);
    expect(csatNow as number).toBeCloseTo(csatOf(answers), 9);
    expect(run.headline('responses')[0]).toBe(answers.length);
  });

  it('a month: the Spanish day-first timestamps land in the right month', async () => {
    const run = await runFixture(['google-forms-es.csv'], { locale: 'es_ES', zone: MADRID, period: '2025-06' });
    const answers = formsAnswers('google-forms-es.csv', true);
    const count = (month: string) => answers.filter((a) => a.month === month).length;
    expect(run.headline('responses')).toEqual([count('2025-06'), count('2025-05')]);
  });
});

describe('WooCommerce exports', () => {
  it.each(['en_US', 'es_ES'])('Analytics › Orders download (%s)', async (locale) => {
    const run = await runFixture(['woocommerce-analytics-orders.csv'], { locale, zone: MADRID, period: '2025-12' });
    expect(run.scan.detection.find((d: any) => d.kind === 'orders').format).toBe('wooAnalytics');
    expect(run.scan.mapping.orders.columns).toMatchObject({
      orderId: 'Order #',
      customerId: 'Customer',
      date: 'Date',
      amount: 'Net sales',
      status: 'Status',
    });
    expectRevenue(run, wooAnalyticsFacts(), ['2025-12', '2025-11']);
    const year = await runFixture(['woocommerce-analytics-orders.csv'], { locale, zone: MADRID, period: '2025' });
    const netSales = sum(rawRows('woocommerce-analytics-orders.csv').map((r) => Number(r['Net sales'])));
    expect(netSales).toBe(905.33); // the README's net sales, the sum of every row
    expect(cents(year.headline('revenue')[0] as number)).toBe(netSales);
    expect(total(wooAnalyticsFacts()).revenue).toBe(netSales);
  });

  it('Advanced Order Export (en_US): November, and the year’s 739.44', async () => {
    const run = await runFixture(['woocommerce-order-export.csv'], {
      locale: 'en_US',
      zone: MADRID,
      period: '2025-11',
    });
    expect(run.scan.detection.find((d: any) => d.kind === 'orders').format).toBe('wooOrderExport');
    expect(run.scan.mapping.orders.columns).toMatchObject({
      orderId: 'Order Number',
      customerId: 'Email (Billing)',
      date: 'Order Date',
      amount: 'Order Total Amount',
      status: 'Order Status',
      refunded: 'Order Refund Amount',
    });
    expectRevenue(run, wooExportFacts(), ['2025-11', '2025-10']);
    const year = await runFixture(['woocommerce-order-export.csv'], { locale: 'en_US', zone: MADRID, period: '2025' });
    expect(total(wooExportFacts()).revenue).toBe(739.44);
    expect(cents(year.headline('revenue')[0] as number)).toBe(739.44);
  });
});

describe('PrestaShop orders export', () => {
  it.each(['es_ES', 'en_US'])('Spanish back office, read in %s: November and December match', async (locale) => {
    for (const [period, previous] of [
      ['2025-11', '2025-10'],
      ['2025-12', '2025-11'],
    ]) {
      const run = await runFixture(['prestashop-pedidos.csv'], { locale, zone: MADRID, period });
      expect(run.scan.detection.find((d: any) => d.kind === 'orders').format).toBe('prestashop');
      expect(run.scan.mapping.orders.columns).toMatchObject({
        orderId: 'ID',
        customerId: 'Cliente',
        date: 'Fecha',
        amount: 'Total',
        status: 'Estado',
        segment: 'Entrega',
      });
      expectRevenue(run, prestashopFacts(), [period, previous]);
    }
    expect(factsOf(prestashopFacts(), '2025-11').revenue).toBe(177.31);
    expect(factsOf(prestashopFacts(), '2025-12').revenue).toBe(1763.98);
  });
});

describe('Stripe subscriptions export', () => {
  it('alone makes a report: MRR and its movements, periods offered from the subscriptions’ starts', async () => {
    const run = await runFixture(['stripe-subscriptions.csv'], { locale: 'en_US', zone: 'UTC', period: '2025-12' });
    expect(run.check.ok).toBe(true);
    expect(Object.keys(run.scan.mapping)).toEqual(['subscriptions']);
    const starts = rawRows('stripe-subscriptions.csv').map((row) => row['Start Date (UTC)'].slice(0, 7));
    const newest = [...starts].sort().at(-1)!;
    const [year, month] = newest.split('-').map(Number);
    const label = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-US', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    expect(run.scan.periods.month[0].label).toBe(label);
    expect(cents(run.headline('mrr')[0] as number)).toBe(stripeMrrAt(Date.UTC(2025, 12, 1) - 1000));
    expect(run.result.headline.map((h: any) => h.key)).toContain('mrr');
  });

  // The same subscriptions beside the shop's orders (the Shopify file).
  it.each(['2025-03', '2025-06', '2025-12'])('MRR at the end of %s, in a UTC spreadsheet', async (period) => {
    const run = await runFixture(['stripe-subscriptions.csv', 'shopify-orders.csv'], {
      locale: 'en_US',
      zone: 'UTC',
      period,
    });
    expect(run.scan.detection.find((d: any) => d.kind === 'subscriptions').format).toBe('stripe');
    expect(run.scan.mapping.subscriptions.columns).toMatchObject({
      customerId: 'Customer ID',
      start: 'Start Date (UTC)',
      end: 'Ended At (UTC)',
      mrr: 'Amount',
      quantity: 'Quantity',
      interval: 'Interval',
      status: 'Status',
      trialEnd: 'Trial End (UTC)',
      cancelled: 'Canceled At (UTC)',
      periodEnd: 'Current Period End (UTC)',
    });
    const [year, month] = period.split('-').map(Number);
    const endOfMonth = Date.UTC(year, month, 1) - 1000;
    const [mrr] = run.headline('mrr');
    expect(cents(mrr as number)).toBe(stripeMrrAt(endOfMonth));
  });

  it('in a Madrid spreadsheet the (UTC) columns are read as UTC: the same MRR', async () => {
    const run = await runFixture(['stripe-subscriptions.csv', 'shopify-orders.csv'], {
      locale: 'en_US',
      zone: MADRID,
      period: '2025-12',
    });
    const reading = run.check.readings.find((r: any) => r.kind === 'subscriptions');
    expect(reading.columns.find((c: any) => c.field === 'start').utc).toBe(true);
    // The end of 31 December in Madrid is 22:59:59 UTC; no subscription changes in that hour.
    expect(cents(run.headline('mrr')[0] as number)).toBe(stripeMrrAt(Date.UTC(2025, 11, 31, 22, 59, 59)));
  });
});
