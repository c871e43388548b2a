/**
 * The "Function help" sidebar (dist/Help.html) in headless Chromium: the whole catalogue from the
 * JSDoc, filtered as the user types, its chrome in the user's language, its examples in the syntax of
 * the spreadsheet's locale.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { inlineJson } from '../../scripts/build-html.mjs';
import { type FunctionEntry, syntaxOf } from '../../scripts/catalogue.mjs';
import { parseExample } from '../../scripts/examples.mjs';
import { HELP_STRINGS } from '../../src/ui/help/strings';
import { loadBundle, Workbook } from '../emulator';
import { API } from '../support/catalogue';
import { containsWords, distPage, launchBrowser, screenshot, SIDEBAR_VIEWPORT } from './support';

let browser: Browser;
const functions: FunctionEntry[] = API.functions;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * The page the menu action "Function help" makes, run by the bundle over a workbook whose
 * spreadsheet locale and user language are given, as the sidebar shows it.
 */
async function openServedHelp(locale: string, userLocale: string): Promise<Page> {
  const workbook = new Workbook({ locale, userLocale });
  loadBundle(workbook.globals()).showFunctionHelp();
  const shown = workbook.ui.sidebars.at(-1);
  expect(shown).toBeDefined();
  const page = await browser.newPage({ viewport: SIDEBAR_VIEWPORT });
  await page.setContent(shown!.content);
  await page.waitForSelector('#functions article');
  return page;
}

/** Text of a formula with what is inside double quotes left out ("a, b" may hold a comma in any locale). */
const outsideQuotes = (formula: string) => formula.replace(/"(?:[^"]|"")*"/g, '""');

async function openHelp(query: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: SIDEBAR_VIEWPORT });
  const url = distPage('Help.html', query);
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    if (request.url() !== url) requests.push(request.url());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForSelector('#functions article');
  return { page, requests, errors };
}

const shownNames = (page: Page) =>
  page.$$eval('article.fn', (articles) =>
    articles.filter((a) => !(a as HTMLElement).hidden).map((a) => a.getAttribute('data-name')),
  );

describe('the function help sidebar', () => {
  it('lists every custom function with its syntax, arguments and example, from the JSDoc', async () => {
    const { page, requests, errors } = await openHelp('?lang=en');
    expect(await shownNames(page)).toEqual(expect.arrayContaining(functions.map((f) => f.name)));
    expect((await shownNames(page)).length).toBe(functions.length);
    expect(await page.textContent('#count')).toBe(`${functions.length} of ${functions.length} functions`);

    for (const fn of functions) {
      const article = page.locator(`#fn-${fn.name}`);
      expect(await article.locator('.description').textContent()).toBe(fn.description);
      expect(await article.locator('code.syntax').textContent()).toBe(syntaxOf(fn));
      expect(await article.locator('.params dt code').allTextContents()).toEqual(fn.params.map((p) => p.name));
      const example = parseExample(fn.examples[0]);
      expect(await article.locator('code.formula').first().textContent()).toBe(example.formula);
    }
    // NPS's example, as written in its JSDoc: a single value.
    expect(await page.locator('#fn-NPS .result code').textContent()).toBe('25');
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters as you type, by name or by a word of the description, ignoring case', async () => {
    const { page } = await openHelp('?lang=en');
    const search = page.locator('#search');
    await search.pressSequentially('nps');
    const nps = await shownNames(page);
    const expected = functions
      .filter((f) => /nps/i.test(`${f.name} ${f.description} ${f.params.map((p) => `${p.name} ${p.doc}`).join(' ')}`))
      .map((f) => f.name);
    expect(nps.sort()).toEqual(expected.sort());
    expect(nps).toContain('NPS');
    expect(nps).not.toContain('CHURN_RATE');
    expect(await page.textContent('#count')).toBe(`${expected.length} of ${functions.length} functions`);
    await screenshot(page, 'help.png');

    await search.fill('');
    await search.pressSequentially('churn rate');
    const churn = await shownNames(page);
    expect(churn).toContain('CHURN_RATE');
    expect(churn).not.toContain('NPS');
    // Families without a match are hidden with their title.
    expect(await page.locator('section.family[data-family="survey"]').isHidden()).toBe(true);

    await search.fill('');
    await search.pressSequentially('zzzz-no-such-function');
    expect(await shownNames(page)).toEqual([]);
    expect(await page.isVisible('#none')).toBe(true);
    expect(await page.textContent('#none')).toContain('zzzz-no-such-function');

    await search.fill('');
    expect((await shownNames(page)).length).toBe(functions.length);
    expect(await page.isHidden('#none')).toBe(true);
    await page.close();
  });

  it('shows its labels in Spanish when the server serves it for a Spanish user', async () => {
    // The menu action, run by the bundle over a Spanish workbook, makes the page the sidebar shows.
    const workbook = new Workbook({ locale: 'es_ES', userLocale: 'es' });
    loadBundle(workbook.globals()).showFunctionHelp();
    const shown = workbook.ui.sidebars.at(-1);
    expect(shown).toBeDefined();
    const page = await browser.newPage({ viewport: SIDEBAR_VIEWPORT });
    await page.setContent(shown!.content);
    await page.waitForSelector('#functions article');
    const es = HELP_STRINGS.es;
    const en = HELP_STRINGS.en;
    expect(await page.textContent('h1')).toBe(es.title);
    expect(await page.getAttribute('#search', 'placeholder')).toBe(es.searchPlaceholder);
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    const headings = new Set(await page.locator('article h4').allTextContents());
    expect([...headings].sort()).toEqual([es.arguments, es.example, es.syntax].sort());
    // The descriptions are the Spanish ones of each declaration.
    for (const fn of functions) {
      expect(await page.locator(`#fn-${fn.name} .description`).textContent(), fn.name).toBe(fn.descriptionEs);
    }
    // The page chrome (everything but the descriptions and the examples) has no English label.
    const chrome = await page.evaluate(() => {
      const clone = document.body.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('script, .description, .params dd, code, .table-wrap').forEach((e) => e.remove());
      return clone.innerText;
    });
    const text = `${chrome}\n${await page.getAttribute('#search', 'placeholder')}`;
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const label = en[key].split(/\{\w+\}/)[0].trim();
      if (label && label !== es[key]) expect(containsWords(text, label), key).toBe(false);
    }
    // A Spanish word finds the functions: "abandono" is churn and cart abandonment, also where the
    // Spanish description says it with another word (REVENUE_CHURN: "pérdida de ingresos").
    await page.locator('#search').pressSequentially('abandono');
    const found = await shownNames(page);
    const churnAndAbandonment = functions.filter((f) => /CHURN|ABANDONMENT/.test(f.name)).map((f) => f.name);
    expect(churnAndAbandonment).toEqual(expect.arrayContaining(['CHURN_RATE', 'REVENUE_CHURN', 'CART_ABANDONMENT']));
    expect(found).toEqual(expect.arrayContaining(churnAndAbandonment));
    expect(found).not.toContain('NPS');
    await page.close();
  });

  // Words follow the user's language; argument separators and decimal marks, the spreadsheet's locale.
  const LOCALES = [
    {
      locale: 'es_ES',
      user: 'es',
      churn: '=CHURN_RATE(200; 190; 40)',
      churnResult: '0,25',
      csi: '=CSI({8\\6;10\\4;6\\""}; {2\\1})',
      npsCi: '=NPS_CI({10;9;9;8;7;6;3;10}; 0,9)',
      npsCiSyntax: 'NPS_CI(scores; [confidence])',
      breakdownShare: ['0,5', '0,25', '0,25'],
      confidenceDefault: '0,95',
    },
    {
      locale: 'es_ES',
      user: 'en',
      churn: '=CHURN_RATE(200; 190; 40)',
      churnResult: '0,25',
      csi: '=CSI({8\\6;10\\4;6\\""}; {2\\1})',
      npsCi: '=NPS_CI({10;9;9;8;7;6;3;10}; 0,9)',
      npsCiSyntax: 'NPS_CI(scores; [confidence])',
      breakdownShare: ['0,5', '0,25', '0,25'],
      confidenceDefault: '0,95',
    },
    {
      locale: 'es_MX',
      user: 'es',
      churn: '=CHURN_RATE(200, 190, 40)',
      churnResult: '0.25',
      csi: '=CSI({8,6;10,4;6,""}, {2,1})',
      npsCi: '=NPS_CI({10;9;9;8;7;6;3;10}, 0.9)',
      npsCiSyntax: 'NPS_CI(scores, [confidence])',
      breakdownShare: ['0.5', '0.25', '0.25'],
      confidenceDefault: '0.95',
    },
    {
      locale: 'en_US',
      user: 'en',
      churn: '=CHURN_RATE(200, 190, 40)',
      churnResult: '0.25',
      csi: '=CSI({8,6;10,4;6,""}, {2,1})',
      npsCi: '=NPS_CI({10;9;9;8;7;6;3;10}, 0.9)',
      npsCiSyntax: 'NPS_CI(scores, [confidence])',
      breakdownShare: ['0.5', '0.25', '0.25'],
      confidenceDefault: '0.95',
    },
  ] as const;

  for (const expected of LOCALES) {
    it(`writes examples as a ${expected.locale} spreadsheet takes them (user language ${expected.user})`, async () => {
      const page = await openServedHelp(expected.locale, expected.user);
      expect(await page.getAttribute('html', 'lang')).toBe(expected.user);
      expect(await page.textContent('h1')).toBe(HELP_STRINGS[expected.user].title);
      const formula = (name: string) => page.locator(`#fn-${name} code.formula`).first().textContent();
      expect(await formula('CHURN_RATE')).toBe(expected.churn);
      expect(await page.locator('#fn-CHURN_RATE .result code').textContent()).toBe(expected.churnResult);
      expect(await formula('CSI')).toBe(expected.csi);
      expect(await formula('NPS_CI')).toBe(expected.npsCi);
      expect(await page.locator('#fn-NPS_CI code.syntax').textContent()).toBe(expected.npsCiSyntax);
      // NPS_BREAKDOWN's table: the Share column of promoters, passives and detractors.
      const shares = await page.$$eval('#fn-NPS_BREAKDOWN table tr', (rows) =>
        rows.slice(1, 4).map((row) => row.querySelectorAll('td')[2]?.textContent),
      );
      expect(shares).toEqual(expected.breakdownShare);
      expect(await page.locator('#fn-NPS_CI .accepts').last().textContent()).toContain(expected.confidenceDefault);

      // Every example and syntax line of the page, in the locale's punctuation.
      const formulas = await page.locator('code.formula').allTextContents();
      const numbers = (await page.locator('.result code, .fn td').allTextContents()).filter((t) =>
        /^-?\d+[.,]\d+$/.test(t),
      );
      const documented = functions.flatMap((fn) => fn.examples.map((text) => parseExample(text).formula));
      expect(formulas).toHaveLength(documented.length);
      expect(numbers.length).toBeGreaterThan(20);
      if (expected.locale === 'es_ES') {
        // The only commas left are decimal marks: one for each decimal point of the JSDoc's formula.
        formulas.forEach((shown, i) => {
          const decimalPoints = outsideQuotes(documented[i]).match(/\d\.\d/g) ?? [];
          expect(outsideQuotes(shown).match(/,/g) ?? [], shown).toHaveLength(decimalPoints.length);
          expect(outsideQuotes(shown), shown).not.toMatch(/\d\.\d/);
        });
        for (const line of await page.locator('code.syntax').allTextContents()) expect(line).not.toContain(',');
        expect(numbers.filter((n) => n.includes('.'))).toEqual([]);
      } else {
        // The JSDoc examples are written in the comma syntax: shown exactly as written.
        expect(formulas).toEqual(documented);
        expect(numbers.filter((n) => n.includes(','))).toEqual([]);
      }
      await page.close();
    });
  }

  it('embeds its data so that no text can close the script element', () => {
    const hostile = { description: '</script><script>window.__pwned=1</script> <!-- \u2028' };
    const json = inlineJson(hostile);
    expect(json).not.toMatch(/<\/script|<!--/i);
    expect(JSON.parse(json)).toEqual(hostile);
  });
});
