/**
 * The report wizard (dist/Sidebar.html) in headless Chromium, talking through a stand-in
 * `google.script.run` to the built add-on running over an emulated workbook.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { generateSampleWorkbook } from '../../demo/sample/generator';
import { reportLabels } from '../../src/report/labels';
import type { GenerateResult } from '../../src/ui/protocol';
import { UI_STRINGS, type StringKey, type UiLanguage } from '../../src/ui/sidebar/strings';
import { loadBundle, sheetDate, TEST_SPREADSHEET_ZONE, Workbook } from '../emulator';
import type { SeedGrid } from '../emulator';
import {
  containsWords,
  distPage,
  launchBrowser,
  openSidebar,
  readableText,
  screenshot,
  type OpenSidebar,
} from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const EN = UI_STRINGS.en;
const ES = UI_STRINGS.es;

function sampleSheets(): Record<string, SeedGrid> {
  return generateSampleWorkbook({ customers: 300, orders: 3000, timeZone: TEST_SPREADSHEET_ZONE });
}

async function waitForHeading(page: Page, text: string): Promise<void> {
  await page.waitForFunction((expected) => document.getElementById('step-title')?.textContent === expected, text);
}

/** Waits until the server's answer about the mapping is shown (step 2). */
async function waitForCheck(page: Page): Promise<string> {
  await page.waitForSelector('#warnings.ok, #warnings.soft, #warnings.bad');
  return (await page.getAttribute('#warnings', 'class')) ?? '';
}

async function focusedId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.id ?? null);
}

function columnSelect(kind: string, field: string): string {
  return `section[data-source="${kind}"] select[data-field="${field}"]`;
}

/** Walks steps 1 → 3 with the defaults, clicking Next. */
async function toOptions(page: Page, strings: Record<StringKey, string>): Promise<void> {
  await waitForHeading(page, strings.sheetsTitle);
  await page.click('#next');
  await waitForHeading(page, strings.columnsTitle);
  await waitForCheck(page);
  await page.click('#next');
  await waitForHeading(page, strings.optionsTitle);
}

/** Rows of the report sheet's headline table: KPI label → [this period, previous period]. */
function headlineRows(workbook: Workbook, sheetName: string): Map<string, unknown[]> {
  const values = workbook.sheet(sheetName).getDataRange().getValues() as unknown[][];
  // The table's header row starts with "KPI" under the "Headline KPIs" bar; it ends at the first blank row.
  const top = values.findIndex(
    (row, r) => row[0] === 'KPI' && r > 0 && /Headline KPIs|KPI principales/.test(String(values[r - 2]?.[0])),
  );
  const rows: unknown[][] = [];
  for (let r = top + 1; r < values.length && values[r][0] !== ''; r++) rows.push(values[r]);
  return new Map(rows.map((row) => [row[0] as string, row.slice(2, 4)]));
}

/** A number shown in the result card ("$13,548", "27.3", "1.234,5 €") as a JS number. */
function shownNumber(text: string, language: UiLanguage): number {
  const digits = language === 'es' ? text.replace(/[^\d,-]/g, '').replace(',', '.') : text.replace(/[^\d.-]/g, '');
  return Number(digits);
}

function expectClean(open: OpenSidebar): void {
  expect(open.externalRequests).toEqual([]);
  expect(open.pageErrors).toEqual([]);
  expect(open.server.violations).toEqual([]);
}

describe('the report wizard', () => {
  it('offers exactly the public server functions through google.script.run', async () => {
    const open = await openSidebar(browser, new Workbook({ sheets: sampleSheets() }));
    const keys = await open.page.evaluate(() =>
      Object.keys((window as any).google.script.run).filter((k) => !k.startsWith('with')),
    );
    expect(keys.sort()).toEqual(open.server.endpoints);
    for (const name of ['wizardScan', 'wizardCheckMapping', 'wizardGenerate', 'wizardProgress'])
      expect(keys).toContain(name);
    await open.page.close();
  });

  it('runs the full flow on the sample workbook: the KPI sheet is written and the card shows its numbers', async () => {
    const workbook = new Workbook({ sheets: sampleSheets() });
    const open = await openSidebar(browser, workbook, (server) => {
      server.delays.wizardGenerate = 1600; // long enough for the sidebar to poll the progress
    });
    const { page, server } = open;

    // Step 1: the sample's Spanish sheets are detected for each source kind.
    await waitForHeading(page, EN.sheetsTitle);
    expect(await focusedId(page)).toBe('step-title');
    const chosen = await page.$$eval('select[data-source]', (selects) =>
      Object.fromEntries(selects.map((s) => [s.getAttribute('data-source'), (s as HTMLSelectElement).value])),
    );
    expect(chosen).toEqual({
      orders: 'Pedidos',
      customers: 'Clientes',
      surveys: 'Encuestas',
      subscriptions: 'Suscripciones',
      tickets: 'Tickets',
      funnel: 'Embudo',
    });
    // Every control has a label.
    const unlabelled = await page.$$eval(
      'select, input',
      (controls) => controls.filter((c) => !(c as HTMLInputElement).labels?.length).length,
    );
    expect(unlabelled).toBe(0);
    await screenshot(page, 'sidebar-1-sheets.png');

    // Step 2 by keyboard: Enter on the focused Next button; focus moves to the new heading.
    await page.focus('#next');
    await page.keyboard.press('Enter');
    await waitForHeading(page, EN.columnsTitle);
    expect(await focusedId(page)).toBe('step-title');
    await waitForCheck(page);
    expect(await page.inputValue(columnSelect('orders', 'amount'))).toBe('Importe');
    expect(await page.inputValue(columnSelect('orders', 'date'))).toBe('Fecha pedido');
    const ordersPreview = page.locator('section[data-source="orders"] table');
    expect(await ordersPreview.locator('thead th').allTextContents()).toEqual([
      'ID cliente',
      'Fecha pedido',
      'Importe',
      'Coste',
    ]);
    expect(await ordersPreview.locator('tbody tr').count()).toBe(5);
    expect(await ordersPreview.locator('thead th.mapped').count()).toBe(4);
    await screenshot(page, 'sidebar-2-mapping.png');

    // Step 3 by keyboard: Space on Next.
    await page.focus('#next');
    await page.keyboard.press('Space');
    await waitForHeading(page, EN.optionsTitle);
    const scan = server.callsOf('wizardScan')[0].answer as { periods: { month: { label: string }[] } };
    expect(
      await page.$eval('select[id^="period-"]', (s) => (s as HTMLSelectElement).selectedOptions[0].textContent),
    ).toBe(scan.periods.month[0].label);
    await screenshot(page, 'sidebar-3-options.png');

    // Step 4: generate; the progress bar shows while it runs.
    await page.click('#generate');
    await page.waitForSelector('[role="progressbar"]');
    expect(await page.isDisabled('#back')).toBe(true);
    await page.waitForSelector('#result', { timeout: 30_000 });
    await waitForHeading(page, EN.resultTitle);

    expect(workbook.sheetNames()).toContain('KPI Summary');
    const generated = server.callsOf('wizardGenerate');
    expect(generated).toHaveLength(1);
    const result = generated[0].answer as GenerateResult;
    const runId = (generated[0].args[0] as { runId: string }).runId;
    const polls = server.callsOf('wizardProgress');
    expect(polls.length).toBeGreaterThanOrEqual(1);
    expect(polls.every((p) => p.args[0] === runId)).toBe(true);
    expect(server.maxInFlight.wizardProgress).toBe(1);

    // The card's numbers are the sheet's numbers.
    const rows = headlineRows(workbook, 'KPI Summary');
    const card = Object.fromEntries(
      await page.$$eval('#result .kpi', (kpis) =>
        kpis.map((k) => [
          k.getAttribute('data-kpi'),
          { label: k.querySelector('dt')?.textContent, value: k.querySelector('.kpi-value')?.textContent },
        ]),
      ),
    );
    for (const key of ['revenue', 'customersEnd', 'nps']) {
      const shown = card[key] as { label: string; value: string };
      expect(shown, key).toBeDefined();
      const sheetValue = rows.get(shown.label)?.[0];
      expect(typeof sheetValue, `${shown.label} in the sheet`).toBe('number');
      const decimals = key === 'nps' ? 1 : 0;
      expect(shownNumber(shown.value, 'en')).toBeCloseTo(sheetValue as number, decimals);
    }
    // "Open" makes the report the active tab through the server (no link out of the sidebar's sandbox).
    workbook.spreadsheet.activate(workbook.spreadsheet.sheets[0]);
    await page.click('#open-sheet');
    await expect.poll(() => server.callsOf('wizardOpenSheet').length).toBe(1);
    expect(workbook.spreadsheet.getActiveSheet().getSheetId()).toBe(result.sheetId);

    await page.evaluate(() => {
      (window as any).open = (url: string) => {
        (window as any).__opened = url;
        return null;
      };
    });
    // Sharing: the PDF without personal data comes first, the named one second.
    const buttons = await page.$$eval('.share button', (list) => list.map((b) => b.id));
    expect(buttons).toEqual(['download-shared-pdf', 'download-pdf']);
    await page.click('#download-shared-pdf');
    expect(await page.evaluate(() => (window as any).__opened)).toBe(result.shared.pdfUrl);
    expect(result.shared.pdfUrl).toContain(`gid=${result.shared.sheetId}`);
    await page.click('#download-pdf');
    expect(await page.evaluate(() => (window as any).__opened)).toBe(result.pdfUrl);
    expect(result.pdfUrl).toContain(`gid=${result.sheetId}`);
    expect(await page.textContent('.share')).toContain(EN.shareTitle);
    expect(await page.textContent('.share')).toContain(result.shared.sheetName);
    await page.setViewportSize({ width: 300, height: 860 }); // the whole card, as on a tall screen
    await screenshot(page, 'sidebar-4-result.png');

    // The named report lists customers by name; the version to share, written beside it, has none.
    const names = (
      sampleSheets()
        .Clientes.slice(1)
        .map((row) => row[1]) as string[]
    )
      .filter((n) => typeof n === 'string' && /^[A-ZÁÉÍÓÚ]/.test(n))
      .slice(0, 50);
    const sheetText = (name: string) => workbook.sheet(name).getDataRange().getDisplayValues().flat().join('\n');
    expect(names.some((n) => sheetText(result.sheetName).includes(n))).toBe(true);
    expect(names.filter((n) => sheetText(result.shared.sheetName).includes(n))).toEqual([]);
    expectClean(open);
    await page.close();
  });

  it('uses a changed mapping, and remembers it for the document', async () => {
    // Orders of March 2024 (the latest month, so the default period) and one of February.
    // Amount: 100 + 50 + 25 = 175 in March; Net amount: 80 + 40 + 20 = 140 in March, 8 in February.
    const day = (iso: string) => sheetDate(iso, TEST_SPREADSHEET_ZONE);
    const workbook = new Workbook({
      sheets: {
        Orders: [
          ['Customer ID', 'Order date', 'Amount', 'Net amount'],
          ['C1', day('2024-02-10'), 10, 8],
          ['C1', day('2024-03-01'), 100, 80],
          ['C2', day('2024-03-15'), 50, 40],
          ['C1', day('2024-03-31'), 25, 20],
        ],
      },
    });
    const open = await openSidebar(browser, workbook);
    const { page, server } = open;
    await waitForHeading(page, EN.sheetsTitle);
    await page.click('#next');
    await waitForHeading(page, EN.columnsTitle);
    await waitForCheck(page);
    expect(await page.inputValue(columnSelect('orders', 'amount'))).toBe('Amount');
    await page.selectOption(columnSelect('orders', 'amount'), 'Net amount');
    expect(await waitForCheck(page)).not.toContain('bad');
    // The preview marks the newly mapped column.
    expect(await page.locator('section[data-source="orders"] thead th.mapped').allTextContents()).toEqual([
      'Customer ID',
      'Order date',
      'Net amount',
    ]);
    await page.click('#next');
    await waitForHeading(page, EN.optionsTitle);
    await page.click('#generate');
    await page.waitForSelector('#result', { timeout: 30_000 });

    const request = server.callsOf('wizardGenerate')[0].args[0] as {
      mapping: { orders: { columns: Record<string, string> } };
    };
    expect(request.mapping.orders.columns.amount).toBe('Net amount');
    const revenue = headlineRows(workbook, 'KPI Summary').get('Revenue');
    expect(revenue).toEqual([140, 8]);
    expect(shownNumber((await page.textContent('[data-kpi="revenue"] .kpi-value')) ?? '', 'en')).toBe(140);
    expectClean(open);
    await page.close();

    // A new sidebar on the same document starts from the remembered mapping.
    const again = await openSidebar(browser, workbook);
    await waitForHeading(again.page, EN.sheetsTitle);
    expect(await again.page.textContent('.step')).toContain(EN.remembered);
    await again.page.click('#next');
    await waitForHeading(again.page, EN.columnsTitle);
    expect(await again.page.inputValue(columnSelect('orders', 'amount'))).toBe('Net amount');
    await again.page.close();
  });

  it('names a missing required column and writes nothing', async () => {
    const day = (iso: string) => sheetDate(iso, TEST_SPREADSHEET_ZONE);
    const workbook = new Workbook({
      sheets: {
        Orders: [
          ['Customer ID', 'Order date', 'Notes'],
          ['C1', day('2024-03-01'), 'first'],
          ['C2', day('2024-03-15'), 'gift'],
        ],
      },
    });
    const before = workbook.fingerprints();
    const open = await openSidebar(browser, workbook);
    const { page } = open;
    await waitForHeading(page, EN.sheetsTitle);
    await page.selectOption('select[data-source="orders"]', 'Orders');
    await page.click('#next');
    await waitForHeading(page, EN.columnsTitle);
    expect(await waitForCheck(page)).toContain('bad');
    expect(await page.inputValue(columnSelect('orders', 'amount'))).toBe('');
    const warning = (await page.textContent('#warnings')) ?? '';
    expect(warning).toContain('Orders');
    expect(warning.toLowerCase()).toContain('amount');
    await page.click('#next');
    expect(await page.textContent('#step-title')).toBe(EN.columnsTitle);
    expect(await page.textContent('.error-card')).toContain(EN.fixBeforeNext);
    expect(open.server.callsOf('wizardGenerate')).toHaveLength(0);
    expect(workbook.sheetNames()).toEqual(['Orders']);
    expect(workbook.fingerprints()).toEqual(before);
    expectClean(open);
    await page.close();
  });

  it('sets and removes targets in step 3; the server reads them, the report gets them, the document remembers them', async () => {
    const workbook = new Workbook({ sheets: sampleSheets() });
    const open = await openSidebar(browser, workbook);
    const { page, server } = open;
    await toOptions(page, EN);
    const kpi = '#targets select';
    const value = '#targets input[type="text"]';
    const listed = () => page.locator('#targets li[data-target]').allTextContents();

    // Text that is not a number: the message beside the box says what, where and how, and the box is marked invalid.
    await page.selectOption(kpi, 'churn');
    expect(await page.textContent('#targets .hint[id$="-unit"]')).toBe(EN.targetUnitPercent);
    await page.fill(value, 'five');
    await page.click('#target-add');
    await page.waitForFunction(() => !!document.querySelector('#targets .target-error')?.textContent);
    expect(await page.textContent('#targets .target-error')).toBe(
      'Target for Customer churn: “five” is not a number. Type a percentage such as 5 or 5 % (between −1000 % and 1000 %).',
    );
    expect(await page.getAttribute(value, 'aria-invalid')).toBe('true');
    expect(await listed()).toEqual([]);

    // "5" for a rate is 5 %; Enter adds it like the button does.
    await page.fill(value, '5');
    await page.press(value, 'Enter');
    await page.waitForSelector('#targets li[data-target="churn"]');
    expect(await page.getAttribute(value, 'aria-invalid')).toBeNull();
    await page.selectOption(kpi, 'nps');
    await page.fill(value, '30');
    await page.click('#target-add');
    await page.waitForSelector('#targets li[data-target="nps"]');
    await page.selectOption(kpi, 'aov');
    // An amount's hint names the report's currency, and follows it when it changes.
    const unitHint = '#targets .hint[id$="-unit"]';
    const currency = await page.inputValue('select[id^="currency"]');
    expect(await page.textContent(unitHint)).toBe(`An amount in ${currency}.`);
    await page.selectOption('select[id^="currency"]', 'GBP');
    expect(await page.textContent(unitHint)).toBe('An amount in GBP.');
    await page.selectOption('select[id^="currency"]', currency);
    await page.fill(value, '55.5');
    await page.click('#target-add');
    await page.waitForSelector('#targets li[data-target="aov"]');
    // Listed in the headline's order, whatever the order they were added in.
    expect(await listed()).toEqual(['NPS: 30Remove', 'Customer churn: 5 %Remove', 'Average order value: 55.5Remove']);
    expect(server.callsOf('wizardCheckTarget').map((c) => c.args)).toEqual([
      ['churn', 'five'],
      ['churn', '5'],
      ['nps', '30'],
      ['aov', '55.5'],
    ]);

    // Remove, by keyboard: the button is named after its KPI.
    await page.focus('#targets button[aria-label="Remove the target for Average order value"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('#targets li[data-target="aov"]'));
    expect(await listed()).toEqual(['NPS: 30Remove', 'Customer churn: 5 %Remove']);

    await page.click('#generate');
    await page.waitForSelector('#result', { timeout: 30_000 });
    const request = server.callsOf('wizardGenerate')[0].args[0] as { targets: Record<string, number> };
    expect(request.targets).toEqual({ nps: 30, churn: 0.05 });
    const settings = JSON.parse(workbook.properties.document.data.get('fideliza.settings') as string);
    expect(settings.targets).toEqual({ nps: 30, churn: 0.05 });
    expectClean(open);
    await page.close();

    // A new sidebar lists the remembered targets; removing every target sends none.
    const again = await openSidebar(browser, workbook);
    await toOptions(again.page, EN);
    expect(await again.page.locator('#targets li[data-target]').allTextContents()).toEqual([
      'NPS: 30Remove',
      'Customer churn: 5 %Remove',
    ]);
    await again.page.click('#targets button[data-target="nps"]');
    await again.page.click('#targets button[data-target="churn"]');
    expect(await again.page.isVisible('#targets .target-none')).toBe(true);
    await again.page.click('#generate');
    await again.page.waitForSelector('#result', { timeout: 30_000 });
    expect((again.server.callsOf('wizardGenerate')[0].args[0] as { targets: unknown }).targets).toEqual({});
    const cleared = JSON.parse(workbook.properties.document.data.get('fideliza.settings') as string);
    expect(cleared.targets).toEqual({});
    await again.page.close();
  });

  it('shows a failed run in plain words, with the sheet and column, and leaves every sheet as it was', async () => {
    const workbook = new Workbook({ sheets: sampleSheets() });
    const open = await openSidebar(browser, workbook);
    const { page, server } = open;
    await toOptions(page, EN);
    // The user renames the amount column while the sidebar is open.
    workbook
      .sheet('Pedidos')
      .rangeOf('C1')
      .writeValues([['Total bruto']]);
    const before = workbook.fingerprints();
    await page.click('#generate');
    await page.waitForSelector('.error-card');
    const message = (await page.textContent('.error-card .error-message')) ?? '';
    expect(message).toBe(server.callsOf('wizardGenerate')[0].answer);
    expect(message).toContain('Pedidos');
    expect(message).toContain('Importe');
    expect(message).not.toMatch(/Error:|at \w+ \(|undefined/);
    expect(await page.textContent('.error-card h3')).toBe(EN.errorTitle);
    expect(await page.isEnabled('#back')).toBe(true);
    expect(await page.isVisible('#retry')).toBe(true);
    expect(workbook.sheetNames()).not.toContain('KPI Summary');
    expect(workbook.fingerprints()).toEqual(before);
    expect(open.pageErrors).toEqual([]);
    await page.close();
  });

  it('follows only https links to Google, and shows what could not be finished after the report was written', async () => {
    const workbook = new Workbook({ sheets: sampleSheets() });
    const open = await openSidebar(browser, workbook, (server) => {
      server.tamper.wizardGenerate = (result) => ({
        ...result,
        pdfUrl: 'https://docs.google.com.evil.example/export?format=pdf',
      });
    });
    const { page } = open;
    await toOptions(page, EN);
    // Making the link fails after the report is written: a success with a warning.
    workbook.failOn('Spreadsheet.getId');
    await page.click('#generate');
    await page.waitForSelector('#result');
    expect(await page.$('#download-pdf')).toBeNull();
    expect(await page.$('#pdf-account-hint')).toBeNull();
    expect(await page.$$eval('a[href]', (links) => links.map((a) => a.getAttribute('href')))).not.toContainEqual(
      expect.stringMatching(/^javascript:|evil/),
    );
    const warnings = await page.$$eval('.result-warning', (items) => items.map((p) => p.textContent));
    expect(warnings).toEqual([reportLabels('en').wizard.warnings.noLink.replace('{sheet}', 'KPI Summary')]);
    expect(workbook.sheetNames()).toContain('KPI Summary');
    expect(open.pageErrors).toEqual([]);
    await page.close();
  });

  it('shows sheet names, headers and customer names as text and runs none of them', async () => {
    const day = (iso: string) => sheetDate(iso, TEST_SPREADSHEET_ZONE);
    const header = '<img src=x onerror="window.__pwned=1">';
    const customer = '<script>window.__pwned=2</script>';
    const sheetName = '<img src=y onerror="window.__pwned=3">';
    const workbook = new Workbook({
      sheets: {
        Orders: [
          ['Customer ID', 'Order date', 'Amount', header],
          ['C1', day('2024-03-01'), 100, 1],
          ['C2', day('2024-03-15'), 50, 2],
        ],
        Customers: [
          ['Customer ID', 'Name', 'Email'],
          ['C1', customer, 'c1@example.com'],
          ['C2', 'Ana <b>bold</b>', 'c2@example.com'],
        ],
        [sheetName]: [
          ['Customer ID', 'Order date', 'Amount'],
          ['C9', day('2024-03-02'), 5],
        ],
      },
    });
    const open = await openSidebar(browser, workbook);
    const { page } = open;
    await waitForHeading(page, EN.sheetsTitle);
    const options = await page.locator('select[data-source="orders"] option').allTextContents();
    expect(options).toContain(sheetName);
    await page.click('#next');
    await waitForHeading(page, EN.columnsTitle);
    await waitForCheck(page);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    // Map the hostile header as the cost column: it is an option and a highlighted header.
    await page.selectOption(columnSelect('orders', 'cost'), header);
    await waitForCheck(page);
    expect(await page.locator('section[data-source="orders"] thead th').allTextContents()).toContain(header);
    expect(await page.locator('section[data-source="customers"] tbody td').allTextContents()).toContain(customer);
    expect(await page.locator('section[data-source="customers"] tbody td').allTextContents()).toContain(
      'Ana <b>bold</b>',
    );
    await page.click('#next');
    await waitForHeading(page, EN.optionsTitle);
    await page.click('#generate');
    await page.waitForSelector('#result, .error-card', { timeout: 30_000 });
    await page.waitForTimeout(300);

    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(await page.locator('img, b').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(open.externalRequests).toEqual([]);
    await page.close();
  });

  it('speaks Spanish everywhere for a Spanish user', async () => {
    const sheets = sampleSheets();
    const workbook = new Workbook({ sheets, locale: 'es_ES', userLocale: 'es' });
    const open = await openSidebar(browser, workbook, (server) => {
      server.delays.wizardGenerate = 1200;
    });
    const { page } = open;
    const seen: string[] = [];

    await waitForHeading(page, ES.sheetsTitle);
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    seen.push(await readableText(page));
    // The error shown when no source is chosen.
    await page.selectOption('select[data-source="orders"]', '');
    await page.selectOption('select[data-source="surveys"]', '');
    await page.click('#next');
    expect(await page.textContent('.error-card')).toContain(ES.noSourceChosen);
    seen.push(await readableText(page));
    await page.selectOption('select[data-source="orders"]', 'Pedidos');
    await page.selectOption('select[data-source="surveys"]', 'Encuestas');

    await page.click('#next');
    await waitForHeading(page, ES.columnsTitle);
    await waitForCheck(page);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    seen.push(await readableText(page));

    await page.click('#next');
    await waitForHeading(page, ES.optionsTitle);
    for (const kind of ['quarter', 'year', 'month']) {
      await page.check(`input[type="radio"][value="${kind}"]`);
      seen.push(await readableText(page));
    }

    await page.click('#generate');
    await page.waitForSelector('[role="progressbar"]');
    seen.push(await readableText(page));
    await page.waitForSelector('#result', { timeout: 30_000 });
    await waitForHeading(page, ES.resultTitle);
    seen.push(await readableText(page));
    expect(workbook.sheetNames()).toContain('Resumen KPI');
    const text = seen.join('\n');

    // Every label is translated (only the product name, a number pattern and "KPI" read the same)…
    const sameInBoth: StringKey[] = ['appName', 'targetKpi', 'progressNow'];
    expect((Object.keys(EN) as StringKey[]).filter((key) => EN[key] === ES[key])).toEqual(sameInBoth);
    // …and none of the wizard's own English labels is left on screen.
    const english: string[] = [];
    for (const key of Object.keys(EN) as StringKey[]) {
      if (sameInBoth.includes(key)) continue;
      for (const fragment of EN[key].split(/\{\w+\}/)) {
        const words = fragment.trim();
        if (/\p{L}{3,}/u.test(words)) english.push(words);
      }
    }
    // Nor the server's English labels (sources, fields, periods, headline KPIs) where Spanish differs.
    const enWorkbook = new Workbook({ sheets, locale: 'en_US', userLocale: 'en' });
    const enServer = loadBundle(enWorkbook.globals());
    const esServer = loadBundle(new Workbook({ sheets, locale: 'es_ES', userLocale: 'es' }).globals());
    const [enScan, esScan] = [enServer.wizardScan(), esServer.wizardScan()];
    const labelsOf = (scan: any) => [
      ...scan.sources.flatMap((s: any) => [s.label, ...s.fields.map((f: any) => f.label)]),
      ...['month', 'quarter', 'year'].flatMap((k) => scan.periods[k].map((p: any) => p.label)),
    ];
    const headlineOf = (server: any, scan: any) =>
      server.wizardGenerate({ mapping: scan.mapping }).headline.map((k: any) => k.label);
    const enServerLabels = [...labelsOf(enScan), ...headlineOf(enServer, enScan)];
    const esServerLabels = new Set([...labelsOf(esScan), ...headlineOf(esServer, esScan)]);
    for (const label of enServerLabels) if (!esServerLabels.has(label)) english.push(label);

    const left = english.filter((words) => containsWords(text, words));
    expect(left).toEqual([]);
    // And the Spanish ones are there.
    for (const key of [
      'sheetsTitle',
      'columnsTitle',
      'optionsTitle',
      'resultTitle',
      'generateTitle',
      'downloadPdf',
      'shareTitle',
      'withoutPersonalData',
      'back',
      'next',
    ] as StringKey[]) {
      expect(text).toContain(ES[key]);
    }
    expectClean(open);
    await page.close();
  });

  for (const language of ['en', 'es'] as UiLanguage[]) {
    it(`says what to do when several Google accounts are signed in (${language})`, async () => {
      const workbook = new Workbook({ sheets: sampleSheets() });
      const open = await openSidebar(
        browser,
        workbook,
        (server) => {
          server.otherAccountIsDefault = true;
        },
        language,
      );
      await open.page.waitForSelector('.error-card');
      expect(await open.page.textContent('.error-card .error-message')).toBe(UI_STRINGS[language].severalAccounts);
      expect(open.pageErrors).toEqual([]);
      await open.page.close();
    });
  }

  it('tells the user to open it from the menu when there is no Apps Script around it', async () => {
    const page = await browser.newPage({ viewport: { width: 300, height: 400 } });
    await page.goto(distPage('Sidebar.html'));
    await page.waitForSelector('.error-card');
    expect(await page.textContent('.error-card .error-message')).toBe(EN.noServer);
    await page.close();
  });
});
