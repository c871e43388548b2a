/**
 * The wizard on data a user brings, not on the demo workbook: a Google Forms response sheet in a
 * Spanish spreadsheet and a Shopify orders export in an English one, each imported as Sheets imports
 * the CSV. Step 2 must show the columns understood with no manual mapping; its screenshots go to
 * docs/img/ (sidebar-2-forms-es.png, sidebar-2-shopify.png) for the report guide.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../../demo/input/workbook';
import { UI_STRINGS } from '../../src/ui/sidebar/strings';
import { Workbook } from '../emulator';
import { launchBrowser, openSidebar, readableText, screenshot } from './support';

const DIR = fileURLToPath(new URL('../fixtures/exports/', import.meta.url));
const MADRID = 'Europe/Madrid';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Walks from step 1 to step 2 and waits for the server's check of the detected mapping. */
async function toColumns(page: Page, language: 'en' | 'es'): Promise<string> {
  const strings = UI_STRINGS[language];
  const heading = (text: string) =>
    page.waitForFunction((expected) => document.getElementById('step-title')?.textContent === expected, text);
  await heading(strings.sheetsTitle);
  await page.click('#next');
  await heading(strings.columnsTitle);
  await page.waitForSelector('#warnings.ok, #warnings.soft, #warnings.bad');
  return (await page.getAttribute('#warnings', 'class')) ?? '';
}

/** The header chosen in each column select of a source's step-2 section, by field. */
async function chosenColumns(page: Page, kind: string): Promise<Record<string, string>> {
  return page.evaluate((source) => {
    const out: Record<string, string> = {};
    for (const select of Array.from(
      document.querySelectorAll<HTMLSelectElement>(`section[data-source="${source}"] select[data-field]`),
    ))
      out[select.dataset.field ?? ''] = select.selectedOptions[0]?.textContent ?? '';
    return out;
  }, kind);
}

describe('the wizard on real exports, with no manual mapping', () => {
  it('a Google Forms response sheet in a Spanish spreadsheet: date, NPS, satisfaction, comment and email', async () => {
    const sheets = await readWorkbookFile(join(DIR, 'google-forms-es.csv'), { timeZone: MADRID, locale: 'es_ES' });
    const workbook = new Workbook({ sheets, locale: 'es_ES', timeZone: MADRID });
    const { page, pageErrors } = await openSidebar(browser, workbook, undefined, 'es');
    try {
      expect(await toColumns(page, 'es')).not.toBe('bad');
      const columns = await chosenColumns(page, 'surveys');
      expect(columns.date).toBe('Marca temporal');
      expect(columns.nps).toMatch(/recomiendes/);
      expect(columns.comment).toMatch(/^¿Por qué/);
      expect(columns.customerId).toMatch(/correo/i);
      await screenshot(page, 'sidebar-2-forms-es.png');
      expect(pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a Shopify orders export: one order per Name, the email as the customer, Total as the amount', async () => {
    const sheets = await readWorkbookFile(join(DIR, 'shopify-orders.csv'), { timeZone: MADRID, locale: 'en_US' });
    const workbook = new Workbook({ sheets, locale: 'en_US', timeZone: MADRID });
    const { page, pageErrors } = await openSidebar(browser, workbook, undefined, 'en');
    try {
      expect(await toColumns(page, 'en')).not.toBe('bad');
      const columns = await chosenColumns(page, 'orders');
      expect(columns.orderId).toBe('Name');
      expect(columns.customerId).toBe('Email');
      expect(columns.amount).toBe('Total');
      expect(await readableText(page)).toMatch(/Shopify/);
      await screenshot(page, 'sidebar-2-shopify.png');
      expect(pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
