// The export fixtures of test/fixtures/exports (see its README: layouts, sources, expected facts)
// read through readWorkbookFile in their natural spreadsheet locale, as Sheets' File › Import would
// type them. The facts asserted here were computed independently from the raw CSV text (README).
// Then `npm run demo -- --input <fixture>` on each, as a user previews an export: what it recognised
// and the headline it prints, against the same facts (test/fixtures/exports/facts.ts).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../../demo/input/workbook';
import { isoDateIn, sheetDate } from '../emulator';
import type { SeedGrid } from '../emulator';
import {
  csatOf,
  factsOf,
  formsAnswers,
  npsOf as npsOfAnswers,
  prestashopFacts,
  shopifyFacts,
  stripeMrrAt,
  wooAnalyticsFacts,
  wooExportFacts,
} from '../fixtures/exports/facts';

const DIR = fileURLToPath(new URL('../fixtures/exports/', import.meta.url));
const ZONE = 'Europe/Madrid';
type Cell = SeedGrid[number][number];

async function sheetOf(file: string, locale: string, timeZone = ZONE): Promise<SeedGrid> {
  const read = await readWorkbookFile(join(DIR, file), { timeZone, locale });
  const name = file.replace(/\.csv$/, '');
  expect(Object.keys(read)).toEqual([name]);
  return read[name];
}

/** The cells of a column below the header, found by its exact header text. */
function column(rows: SeedGrid, header: string): Cell[] {
  const i = rows[0].indexOf(header);
  if (i < 0) throw new Error(`no column ${header}`);
  return rows.slice(1).map((row) => row[i]);
}

/** Data rows as header → cell records. */
function records(rows: SeedGrid): Record<string, Cell>[] {
  const header = rows[0] as string[];
  return rows.slice(1).map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
}

const cents = (x: number) => Math.round(x * 100) / 100;
const sum = (xs: number[]) => cents(xs.reduce((s, x) => s + x, 0));
const count = <T>(xs: T[], test: (x: T) => boolean) => xs.filter(test).length;
const isDate = (v: unknown): v is Date => v instanceof Date;
const month = (v: Cell, zone = ZONE) => isoDateIn(v as Date, zone).slice(0, 7);

function npsOf(scores: Cell[]): { promoters: number; passives: number; detractors: number; nps: number } {
  expect(scores.every((s) => typeof s === 'number' && Number.isInteger(s) && s >= 0 && s <= 10)).toBe(true);
  const n = scores as number[];
  const promoters = count(n, (s) => s >= 9);
  const detractors = count(n, (s) => s <= 6);
  return {
    promoters,
    passives: n.length - promoters - detractors,
    detractors,
    nps: cents(((promoters - detractors) / n.length) * 100),
  };
}

describe('Google Forms response sheets', () => {
  const ES_HEADER = [
    'Marca temporal',
    'Dirección de correo electrónico',
    '¿Qué probabilidad hay de que recomiendes nuestra tienda a un amigo o colega?',
    '¿Cómo de satisfecho/a estás con tu último pedido?',
    '¿Por qué has dado esa puntuación?',
    '¿Qué podríamos mejorar?',
    '¿Cómo nos conociste? ',
  ];

  it('es_ES: day-first timestamps become date-times, scores numbers', async () => {
    const rows = await sheetOf('google-forms-es.csv', 'es_ES');
    expect(rows[0]).toEqual(ES_HEADER);
    expect(rows).toHaveLength(41);
    const stamps = column(rows, 'Marca temporal');
    expect(stamps.every(isDate)).toBe(true);
    expect(stamps[0]).toEqual(sheetDate('2025-01-02T09:09:49', ZONE)); // "2/1/2025 9:09:49" is 2 January
    expect(stamps[39]).toEqual(sheetDate('2025-12-30T19:08:08', ZONE));
    const byMonth: Record<string, number> = {};
    for (const s of stamps) byMonth[month(s)] = (byMonth[month(s)] ?? 0) + 1;
    expect(Object.values(byMonth)).toEqual([5, 4, 1, 1, 4, 6, 5, 2, 4, 3, 2, 3]);
    expect(npsOf(column(rows, ES_HEADER[2]))).toEqual({ promoters: 18, passives: 12, detractors: 10, nps: 20 });
    const csat = column(rows, ES_HEADER[3]) as number[];
    expect(cents((count(csat, (s) => s >= 4) / csat.length) * 100)).toBe(62.5);
    expect(new Set(column(rows, ES_HEADER[1])).size).toBe(36);
    const comments = column(rows, ES_HEADER[4]);
    expect(count(comments, (c) => c === null)).toBe(7);
    expect(comments).toContain('Llegó roto.\nPedí la devolución y sigo esperando');
    expect(column(rows, ES_HEADER[5])).toContain('Atención al cliente, Variedad de productos');
  });

  it('es_ES file in an en_US spreadsheet: day > 12 stays text, the rest turn month-first', async () => {
    const stamps = column(await sheetOf('google-forms-es.csv', 'en_US'), 'Marca temporal');
    expect(count(stamps, (s) => typeof s === 'string')).toBe(27);
    expect(stamps[0]).toEqual(sheetDate('2025-02-01T09:09:49', ZONE)); // the wrong date, as Sheets gives it
  });

  it('en_US: month-first timestamps, English headers', async () => {
    const rows = await sheetOf('google-forms-en.csv', 'en_US');
    expect(rows[0]).toEqual([
      'Timestamp',
      'Email Address',
      'How likely are you to recommend our store to a friend or colleague?',
      'How satisfied are you with your last order?',
      'Why did you give that score?',
      'What could we improve?',
      'How did you hear about us? ',
    ]);
    expect(rows).toHaveLength(31);
    const stamps = column(rows, 'Timestamp');
    expect(stamps.every(isDate)).toBe(true);
    expect(stamps[0]).toEqual(sheetDate('2025-01-02T16:31:45', ZONE)); // "1/2/2025 16:31:45"
    expect(stamps[29]).toEqual(sheetDate('2025-12-30T07:42:29', ZONE));
    expect(npsOf(column(rows, rows[0][2] as string))).toEqual({
      promoters: 13,
      passives: 9,
      detractors: 8,
      nps: 16.67,
    });
    expect(new Set(column(rows, 'Email Address')).size).toBe(27);
    const inSpain = column(await sheetOf('google-forms-en.csv', 'es_ES'), 'Timestamp');
    expect(count(inSpain, (s) => typeof s === 'string')).toBe(20);
  });
});

describe('Shopify orders export', () => {
  // The 79 columns as the research notes give them (Rust header constant checked against a real row).
  const HEADER =
    'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,Payment ID,Payment Terms Name,Next Payment Due At,Payment References'.split(
      ',',
    );

  it('en_US: amounts are numbers, offset date-times stay text, order fields only on first rows', async () => {
    const rows = await sheetOf('shopify-orders.csv', 'en_US');
    expect(rows[0]).toEqual(HEADER);
    expect(rows).toHaveLength(39);
    const all = records(rows);
    expect(new Set(all.map((r) => r.Name)).size).toBe(24);
    const orders = all.filter((r) => r['Financial Status'] !== null);
    expect(orders).toHaveLength(24);
    expect(
      all.filter((r) => r['Financial Status'] === null).every((r) => r.Total === null && r['Created at'] === null),
    ).toBe(true);
    expect(
      orders.every(
        (r) => typeof r['Created at'] === 'string' && /^2025-\d\d-\d\d \d\d:\d\d:\d\d \+0[12]00$/.test(r['Created at']),
      ),
    ).toBe(true);
    expect(orders[0]['Created at']).toBe('2025-01-14 10:22:05 +0100');
    expect(orders.every((r) => typeof r.Total === 'number' && typeof r['Refunded Amount'] === 'number')).toBe(true);
    expect(orders.every((r) => typeof r.Id === 'number')).toBe(true);
    expect(orders[0]['Billing Zip']).toBe('28014'); // "'28014": the apostrophe keeps the text, and goes
    expect(orders[1]['Billing Zip']).toBe('08036');
    expect(all.every((r) => r['Lineitem requires shipping'] === true)).toBe(true);
    expect(sum(all.map((r) => r['Lineitem quantity'] as number))).toBe(68);
    const emails = new Map<Cell, number>();
    for (const r of orders) emails.set(r.Email, (emails.get(r.Email) ?? 0) + 1);
    expect(emails.size).toBe(17);
    expect(count([...emails.values()], (n) => n >= 2)).toBe(5);
    expect(orders.filter((r) => r['Cancelled at'] !== null).map((r) => r.Name)).toEqual(['#1010', '#1016', '#1024']);
    // net revenue: not cancelled, paid / partially_refunded / refunded; Total − Refunded Amount; month of Created at
    const counted = orders.filter(
      (r) =>
        r['Cancelled at'] === null &&
        ['paid', 'partially_refunded', 'refunded'].includes(r['Financial Status'] as string),
    );
    const net = (rs: typeof counted) => sum(rs.map((r) => (r.Total as number) - (r['Refunded Amount'] as number)));
    expect(net(counted)).toBe(1075.14);
    expect(net(counted.filter((r) => (r['Created at'] as string).startsWith('2025-10')))).toBe(126.23);
    expect(net(counted.filter((r) => (r['Created at'] as string).startsWith('2025-11')))).toBe(180.26);
    expect(net(counted.filter((r) => (r['Created at'] as string).startsWith('2025-12')))).toBe(319.75);
    expect(sum(orders.map((r) => r['Refunded Amount'] as number))).toBe(85.55);
  });

  it('es_ES: the "." amounts stay text, as Sheets leaves another locale\'s decimals', async () => {
    const orders = records(await sheetOf('shopify-orders.csv', 'es_ES')).filter((r) => r['Financial Status'] !== null);
    expect(orders[0].Total).toBe('39.25');
    expect(orders.every((r) => typeof r.Total === 'string')).toBe(true);
    expect(orders.every((r) => typeof r.Id === 'number' && typeof r['Lineitem quantity'] === 'number')).toBe(true);
  });
});

describe('WooCommerce exports', () => {
  it('Analytics › Orders (en_US): dates, net sales with refund rows, newest first', async () => {
    const rows = await sheetOf('woocommerce-analytics-orders.csv', 'en_US');
    expect(rows[0]).toEqual([
      'Date',
      'Order #',
      'Status',
      'Customer',
      'Customer type',
      'Payment method',
      'Product(s)',
      'Items sold',
      'Coupon(s)',
      'Net sales',
      'Attribution',
    ]);
    expect(rows).toHaveLength(27);
    const all = records(rows);
    expect(all.every((r) => isDate(r.Date) && typeof r['Net sales'] === 'number')).toBe(true);
    expect(all[0].Date).toEqual(sheetDate('2025-12-29T09:31:15', ZONE));
    expect(all[25].Date).toEqual(sheetDate('2025-01-08T11:02:44', ZONE));
    expect(new Set(all.map((r) => r['Order #'])).size).toBe(23);
    const net = all.map((r) => r['Net sales'] as number);
    expect(count(net, (n) => n < 0)).toBe(3);
    expect(sum(net.filter((n) => n < 0))).toBe(-115.62);
    expect(sum(net)).toBe(905.33);
    expect(sum(all.filter((r) => month(r.Date) === '2025-11').map((r) => r['Net sales'] as number))).toBe(206.36);
    expect(sum(all.filter((r) => month(r.Date) === '2025-12').map((r) => r['Net sales'] as number))).toBe(238.6);
    expect(new Set(all.map((r) => r.Customer)).size).toBe(16);
    expect(all[0]['Product(s)']).toBe('2× Calcetines de rayas (pack 3), 1× Bolsa tote de lona');
  });

  it('Analytics › Orders in es_ES: only the whole-number net sales become numbers', async () => {
    const net = column(await sheetOf('woocommerce-analytics-orders.csv', 'es_ES'), 'Net sales');
    expect(count(net, (n) => typeof n === 'number')).toBe(1);
    expect(count(net, (n) => typeof n === 'string')).toBe(25);
  });

  it('Advanced Order Export (en_US): order columns repeated per product row, zip codes lose zeros', async () => {
    const rows = await sheetOf('woocommerce-order-export.csv', 'en_US');
    expect(rows[0]).toEqual(
      'Order Number,Order Status,Order Date,Customer Note,First Name (Billing),Last Name (Billing),Company (Billing),Address 1&2 (Billing),City (Billing),State Code (Billing),Postcode (Billing),Country Code (Billing),Email (Billing),Phone (Billing),First Name (Shipping),Last Name (Shipping),Address 1&2 (Shipping),City (Shipping),State Code (Shipping),Postcode (Shipping),Country Code (Shipping),SKU,Item #,Item Name,Quantity (- Refund),Item Cost,Coupon Code,Discount Amount,Discount Amount Tax,Payment Method Title,Cart Discount Amount,Order Subtotal Amount,Shipping Method Title,Order Shipping Amount,Order Refund Amount,Order Total Amount,Order Total Tax Amount'.split(
        ',',
      ),
    );
    expect(rows).toHaveLength(30);
    const all = records(rows);
    expect(all.every((r) => isDate(r['Order Date']) && typeof r['Order Total Amount'] === 'number')).toBe(true);
    expect(all[0]['Order Date']).toEqual(sheetDate('2025-01-21T10:04', ZONE));
    expect(all[0]['Postcode (Billing)']).toBe(8014); // "08014": a plain number to Sheets
    expect(all[0]['Order Number']).toBe(4105);
    const orders = new Map<Cell, Record<string, Cell>>();
    for (const r of all) if (!orders.has(r['Order Number'])) orders.set(r['Order Number'], r);
    expect(orders.size).toBe(19);
    expect(sum(all.map((r) => r['Order Total Amount'] as number))).toBe(1490.97); // summing every row double-counts
    const live = [...orders.values()].filter((r) => r['Order Status'] !== 'Cancelled');
    const net = (rs: typeof live) =>
      sum(rs.map((r) => (r['Order Total Amount'] as number) - (r['Order Refund Amount'] as number)));
    expect(net(live)).toBe(739.44);
    expect(net(live.filter((r) => month(r['Order Date']) === '2025-11'))).toBe(214.12);
    expect(net(live.filter((r) => month(r['Order Date']) === '2025-12'))).toBe(136.3);
    expect(all.map((r) => r['Customer Note'])).toContain('Son para regalar:\nenvolved cada taza por separado, gracias');
  });
});

describe('PrestaShop orders export', () => {
  it('es_ES: "45,90 €" totals become numbers, raw dates become date-times', async () => {
    const rows = await sheetOf('prestashop-pedidos.csv', 'es_ES');
    expect(rows[0]).toEqual([
      'ID',
      'Referencia',
      'Nuevo cliente',
      'Entrega',
      'Cliente',
      'Total',
      'Pago',
      'Estado',
      'Fecha',
    ]);
    expect(rows).toHaveLength(41);
    const all = records(rows);
    expect(all.every((r) => typeof r.Total === 'number' && isDate(r.Fecha) && typeof r.ID === 'number')).toBe(true);
    expect(all[0].ID).toBe(340);
    expect(all[0].Fecha).toEqual(sheetDate('2025-12-30T15:38:22', ZONE));
    expect(Math.max(...all.map((r) => r.Total as number))).toBe(1234.5); // "1.234,50 €"
    expect(sum(all.map((r) => r['Nuevo cliente'] as number))).toBe(20);
    const invalid = ['Cancelado', 'Reembolsado', 'Error en pago', 'En espera de pago por transferencia bancaria'];
    const valid = all.filter((r) => !invalid.includes(r.Estado as string));
    expect(valid).toHaveLength(34);
    expect(sum(valid.map((r) => r.Total as number))).toBe(3711.37);
    expect(sum(valid.filter((r) => month(r.Fecha) === '2025-11').map((r) => r.Total as number))).toBe(177.31);
    expect(sum(valid.filter((r) => month(r.Fecha) === '2025-12').map((r) => r.Total as number))).toBe(1763.98);
    expect(new Set(all.map((r) => r.Cliente)).size).toBe(19);
  });

  it('en_US: the euro totals stay text', async () => {
    const totals = column(await sheetOf('prestashop-pedidos.csv', 'en_US'), 'Total');
    expect(totals.every((t) => typeof t === 'string')).toBe(true);
    expect(totals[0]).toBe('56,43\u00A0€');
  });
});

describe('Stripe subscriptions export', () => {
  const HEADER = [
    'id',
    'Customer ID',
    'Customer Email',
    'Customer Name',
    'Plan',
    'Quantity',
    'Currency',
    'Interval',
    'Amount',
    'Status',
    'Created (UTC)',
    'Start Date (UTC)',
    'Current Period Start (UTC)',
    'Current Period End (UTC)',
    'Trial Start (UTC)',
    'Trial End (UTC)',
    'Canceled At (UTC)',
    'Ended At (UTC)',
    'Cancellation Reason',
    'Coupon',
    'account_id (metadata)',
  ];

  it('en_US in a UTC spreadsheet: amounts, quantities and UTC date-times; MRR on given dates', async () => {
    const rows = await sheetOf('stripe-subscriptions.csv', 'en_US', 'UTC');
    expect(rows[0]).toEqual(HEADER);
    expect(rows).toHaveLength(23);
    const all = records(rows);
    expect(all.every((r) => typeof r.Amount === 'number' && typeof r.Quantity === 'number')).toBe(true);
    expect(all.every((r) => isDate(r['Created (UTC)']) && isDate(r['Current Period End (UTC)']))).toBe(true);
    expect((all[0]['Created (UTC)'] as Date).toISOString()).toBe('2025-01-06T09:14:00.000Z');
    const statuses: Record<string, number> = {};
    for (const r of all) statuses[r.Status as string] = (statuses[r.Status as string] ?? 0) + 1;
    expect(statuses).toEqual({ active: 15, canceled: 4, past_due: 1, trialing: 2 });
    expect(
      all.filter((r) => r.Status === 'active' && r['Canceled At (UTC)'] !== null).map((r) => r['Customer Name']),
    ).toEqual(['Ryan Foster', 'Nuria Castro']);
    // MRR at the end of a day: started, not ended, not in trial; Amount × Quantity, ÷ 12 for yearly plans.
    const mrr = (iso: string) => {
      const at = Date.parse(iso);
      const paying = all.filter((r) => {
        const ended = r['Ended At (UTC)'] as Date | null;
        const trialEnd = r['Trial End (UTC)'] as Date | null;
        return (
          (r['Start Date (UTC)'] as Date).getTime() <= at &&
          (ended === null || ended.getTime() > at) &&
          (trialEnd === null || trialEnd.getTime() <= at)
        );
      });
      return {
        mrr: sum(paying.map((r) => ((r.Amount as number) * (r.Quantity as number)) / (r.Interval === 'year' ? 12 : 1))),
        paying: paying.length,
      };
    };
    expect(mrr('2025-03-31T23:59:59Z')).toEqual({ mrr: 157.17, paying: 6 });
    expect(mrr('2025-06-30T23:59:59Z')).toEqual({ mrr: 305.33, paying: 9 });
    expect(mrr('2025-12-31T23:59:59Z')).toEqual({ mrr: 528.5, paying: 16 });
  });

  it('in a Madrid spreadsheet the "(UTC)" wall-clock times are taken as Madrid times, as Sheets does', async () => {
    const created = column(await sheetOf('stripe-subscriptions.csv', 'en_US'), 'Created (UTC)');
    expect(created[0]).toEqual(sheetDate('2025-01-06T09:14', ZONE));
    expect((created[0] as Date).toISOString()).toBe('2025-01-06T08:14:00.000Z'); // an hour before the real instant
  });
});

describe('npm run demo on each export', () => {
  const ROOT = fileURLToPath(new URL('../../', import.meta.url));
  const out = mkdtempSync(join(tmpdir(), 'fideliza-fixtures-demo-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  /** The demo over the built bundle (`npm run build` first), without a browser. */
  function demo(...args: string[]): { status: number | null; stdout: string; stderr: string } {
    const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/demo.ts', ...args, '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, CHROME_PATH: 'none' },
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  }
  /** A whole amount as the console prints it, as a pattern: `€180`, `180 €` (with a no-break space). */
  const money = (n: number, language: 'en' | 'es', symbol = '€') =>
    language === 'en' ? `${symbol}${Math.round(n)}` : `${Math.round(n)}\\s${symbol}`;

  it('Shopify, in Spanish, in euros, for November', () => {
    const run = demo(
      '--input',
      join(DIR, 'shopify-orders.csv'),
      '--locale',
      'es',
      '--currency',
      'EUR',
      '--period',
      '2025-11',
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Reconocido como: exportación de pedidos de Shopify.');
    expect(run.stdout).toContain('Resumen KPI — noviembre de 2025');
    expect(run.stdout).toMatch(/«Created at» contiene fechas y horas con desfase UTC/);
    expect(run.stdout).toMatch(
      new RegExp(`Ingresos\\s+${money(factsOf(shopifyFacts(ZONE), '2025-11').revenue, 'es')}`),
    );
  });

  it('Google Forms in English: NPS and CSAT of the year', () => {
    const answers = formsAnswers('google-forms-en.csv', false);
    const run = demo('--input', join(DIR, 'google-forms-en.csv'), '--locale', 'en', '--period', '2025');
    expect(run.stdout).toContain('Recognised as: Google Forms responses.');
    expect(run.stdout).toMatch(new RegExp(`NPS\\s+${npsOfAnswers(answers).toFixed(1)}`));
    expect(run.stdout).toMatch(new RegExp(`CSAT\\s+${(csatOf(answers) * 100).toFixed(1)}%`));
  });

  it('Google Forms in Spanish, read in an English spreadsheet: the timestamps seem written day first', () => {
    const run = demo('--input', join(DIR, 'google-forms-es.csv'), '--locale', 'en');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/the column seems written day first/);
  });

  it('WooCommerce Analytics and the order export plugin, in dollars and euros', () => {
    const analytics = demo('--input', join(DIR, 'woocommerce-analytics-orders.csv'), '--period', '2025-11');
    expect(analytics.stdout).toContain('Recognised as: WooCommerce Analytics › Orders download.');
    const nov = factsOf(wooAnalyticsFacts(), '2025-11').revenue;
    expect(analytics.stdout).toMatch(new RegExp(`Revenue\\s+\\${money(nov, 'en', '$')}`));
    const plugin = demo(
      '--input',
      join(DIR, 'woocommerce-order-export.csv'),
      '--currency',
      'eur',
      '--period',
      '2025-12',
    );
    expect(plugin.stdout).toContain('Recognised as: WooCommerce order export (Advanced Order Export).');
    expect(plugin.stdout).toMatch(
      new RegExp(`Revenue\\s+${money(factsOf(wooExportFacts(), '2025-12').revenue, 'en')}`),
    );
  });

  it('PrestaShop, in Spanish, for November', () => {
    const run = demo('--input', join(DIR, 'prestashop-pedidos.csv'), '--locale', 'es', '--period', '2025-11');
    expect(run.stdout).toContain('Reconocido como: exportación del listado de pedidos de PrestaShop.');
    expect(run.stdout).toMatch(new RegExp(`Ingresos\\s+${money(factsOf(prestashopFacts(), '2025-11').revenue, 'es')}`));
  });

  it('Stripe alone makes a report (MRR from the subscriptions); beside the shop’s orders the MRR is the same', () => {
    const mrr = new RegExp(`MRR\\s+${money(stripeMrrAt(Date.UTC(2026, 0, 1) - 1000), 'en')}`);
    const alone = demo(
      '--input',
      join(DIR, 'stripe-subscriptions.csv'),
      '--timezone',
      'UTC',
      '--currency',
      'EUR',
      '--period',
      '2025-12',
      '--out',
      join(out, 'stripe-alone'),
    );
    expect(alone.stderr).toBe('');
    expect(alone.status).toBe(0);
    expect(alone.stdout).toContain('Recognised as: Stripe subscriptions export.');
    expect(alone.stdout).toMatch(mrr);
    const folder = join(out, 'stripe-and-shop');
    mkdirSync(folder);
    for (const file of ['stripe-subscriptions.csv', 'shopify-orders.csv'])
      copyFileSync(join(DIR, file), join(folder, file));
    const run = demo('--input', folder, '--timezone', 'UTC', '--currency', 'EUR', '--period', '2025-12');
    expect(run.stdout).toContain('Recognised as: Stripe subscriptions export.');
    expect(run.stdout).toMatch(mrr);
  });

  it('refuses a currency that is not a three-letter code, saying how to write one', () => {
    const run = demo('--input', join(DIR, 'shopify-orders.csv'), '--currency', 'euros');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--currency euros: use a three-letter code such as EUR, USD or MXN');
  });
});
