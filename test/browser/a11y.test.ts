/**
 * Accessibility of both sidebars in headless Chromium: axe-core's WCAG 2.1 A/AA checks and best
 * practices on the Function help and on every state of the report wizard (steps 1–4, the result card,
 * the error cards), and the wizard driven with the keyboard alone, in reading order, with a visible
 * focus ring on every control it reaches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { generateSampleWorkbook } from '../../demo/sample/generator';
import { UI_STRINGS } from '../../src/ui/sidebar/strings';
import { loadBundle, sheetDate, TEST_SPREADSHEET_ZONE, Workbook } from '../emulator';
import type { SeedGrid } from '../emulator';
import { launchBrowser, openSidebar, runAxe, SIDEBAR_VIEWPORT } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const EN = UI_STRINGS.en;

/**
 * Violations the wizard still has whose fix is in src/ui/sidebar/main.ts (not in the CSS or the help):
 * rule and element → the change that removes it. Only these exact elements are let through: the same
 * rule anywhere else, or any other rule, fails.
 */
const KNOWN_WIZARD_VIOLATIONS: Readonly<Record<string, string>> = {};

function sampleSheets(): Record<string, SeedGrid> {
  return generateSampleWorkbook({ customers: 300, orders: 3000, timeZone: TEST_SPREADSHEET_ZONE });
}

/** The page's full height and the width its widest scrolled box (a result table) needs. */
function contentSize(page: Page): Promise<{ width: number; height: number }> {
  return page.evaluate(() => {
    const scroll = document.querySelector('.scroll');
    const frame = ['.app-header', '.nav'].reduce(
      (sum, selector) => sum + ((document.querySelector(selector) as HTMLElement | null)?.offsetHeight ?? 0),
      0,
    );
    const height = Math.max(document.documentElement.scrollHeight, scroll ? scroll.scrollHeight + frame : 0);
    const overflow = Array.from(document.querySelectorAll('.table-wrap'), (box) => box.scrollWidth - box.clientWidth);
    return { width: Math.max(0, ...overflow), height };
  });
}

/**
 * Runs axe on what the page shows now and fails on any violation not in `known` (keyed by rule and
 * element), and on any text whose contrast axe could not measure. Axe measures only text it sees:
 * the rules run at the sidebar's width with the viewport as tall as the content (nothing scrolled
 * out of the wizard's scroll box or under its footer), and the contrast again as wide as the widest
 * result table, whose far columns otherwise sit out of view.
 */
async function expectAccessible(page: Page, where: string, known: Readonly<Record<string, string>> = {}) {
  const size = page.viewportSize() ?? SIDEBAR_VIEWPORT;
  await page.setViewportSize({ width: SIDEBAR_VIEWPORT.width, height: 8000 });
  const content = await contentSize(page);
  await page.setViewportSize({ width: SIDEBAR_VIEWPORT.width, height: content.height + 20 });
  const { violations } = await runAxe(page);
  await page.setViewportSize({ width: SIDEBAR_VIEWPORT.width + content.width + 40, height: content.height + 20 });
  const contrast = await runAxe(page, ['color-contrast']);
  await page.setViewportSize(size);

  const found = violations.flatMap((v) =>
    v.nodes.map((node) => ({
      key: `${v.id} ${node.target}`,
      text: `${v.id} (${v.impact}) at ${node.target}: ${node.summary}`,
    })),
  );
  expect(
    found.filter((f) => !(f.key in known)).map((f) => f.text),
    where,
  ).toEqual([]);
  expect(contrast.violations, `${where}: contrast of the whole tables`).toEqual([]);
  // Axe does not judge one-character text ("0", "1" in a table); its cells' colours are measured on the others.
  const undecided = contrast.incomplete
    .flatMap((finding) => finding.nodes.map((node) => `${node.target}: ${node.summary}`))
    .filter((text) => !/content is too short/.test(text));
  expect(undecided, `${where}: contrast axe could not measure`).toEqual([]);
  return found.map((f) => f.key);
}

async function waitForHeading(page: Page, text: string): Promise<void> {
  await page.waitForFunction((expected) => document.getElementById('step-title')?.textContent === expected, text);
}

async function waitForCheck(page: Page): Promise<void> {
  await page.waitForSelector('#warnings.ok, #warnings.soft, #warnings.bad');
}

/** The help page the menu action makes for a spreadsheet locale and a user language. */
async function openServedHelp(locale: string, userLocale: string): Promise<Page> {
  const workbook = new Workbook({ locale, userLocale });
  loadBundle(workbook.globals()).showFunctionHelp();
  const page = await browser.newPage({ viewport: SIDEBAR_VIEWPORT });
  await page.setContent(workbook.ui.sidebars.at(-1)?.content ?? '');
  await page.waitForSelector('#functions article');
  return page;
}

describe('axe-core finds no WCAG 2.1 A/AA or best-practice violation', () => {
  for (const [locale, user] of [
    ['en_US', 'en'],
    ['es_ES', 'es'],
  ] as const) {
    it(`in the Function help (${locale}, ${user}), whole, filtered and with no match`, async () => {
      const page = await openServedHelp(locale, user);
      await expectAccessible(page, 'help, every function');
      await page.locator('#search').pressSequentially(user === 'es' ? 'abandono' : 'churn');
      await expectAccessible(page, 'help, filtered');
      await page.locator('#search').fill('zzzz');
      await page.locator('#search').dispatchEvent('input');
      expect(await page.isVisible('#none')).toBe(true);
      await expectAccessible(page, 'help, no match');
      await page.close();
    });
  }

  it('in every step of the wizard, while it generates, and in the result card', async () => {
    const workbook = new Workbook({ sheets: sampleSheets() });
    const { page } = await openSidebar(browser, workbook, (server) => {
      server.delays.wizardGenerate = 2500; // long enough to check the progress view
    });
    const seen = new Set<string>();
    const check = async (where: string) => {
      for (const key of await expectAccessible(page, where, KNOWN_WIZARD_VIOLATIONS)) seen.add(key);
    };
    await waitForHeading(page, EN.sheetsTitle);
    await check('step 1, sheets');
    await page.click('#next');
    await waitForHeading(page, EN.columnsTitle);
    await waitForCheck(page);
    await check('step 2, columns');
    const closedPreview = page.locator('details.preview:not([open]) summary');
    while ((await closedPreview.count()) > 0) await closedPreview.first().click();
    await check('step 2, every preview open');
    await page.click('#next');
    await waitForHeading(page, EN.optionsTitle);
    await check('step 3, options');
    await page.selectOption('#targets select', 'nps');
    await page.fill('#targets input[type="text"]', '30');
    await page.click('#target-add');
    await page.waitForSelector('#targets li[data-target="nps"]');
    await page.fill('#targets input[type="text"]', 'lots');
    await page.click('#target-add');
    await page.waitForFunction(() => !!document.querySelector('#targets .target-error')?.textContent);
    await check('step 3, a target set and one refused');
    await page.click('#generate');
    await page.waitForSelector('[role="progressbar"]');
    await check('step 4, generating');
    await page.waitForSelector('#result', { timeout: 30_000 });
    await check('result card, with the sharing card and its two PDFs');
    // The allow-list holds only what is still there: once main.ts is fixed, remove its entry.
    expect([...seen].sort(), 'entries of KNOWN_WIZARD_VIOLATIONS still seen').toEqual(
      Object.keys(KNOWN_WIZARD_VIOLATIONS).sort(),
    );
    await page.close();
  });

  it('in the error cards: a missing column in step 2, and a run that failed', async () => {
    const day = (iso: string) => sheetDate(iso, TEST_SPREADSHEET_ZONE);
    const missing = new Workbook({
      sheets: {
        Orders: [
          ['Customer ID', 'Order date', 'Notes'],
          ['C1', day('2024-03-01'), 'first'],
        ],
      },
    });
    const first = await openSidebar(browser, missing);
    await waitForHeading(first.page, EN.sheetsTitle);
    await first.page.selectOption('select[data-source="orders"]', 'Orders');
    await first.page.click('#next');
    await first.page.waitForSelector('#warnings.bad');
    await first.page.click('#next');
    await first.page.waitForSelector('.error-card');
    await expectAccessible(first.page, 'step 2, problem and error cards', KNOWN_WIZARD_VIOLATIONS);
    await first.page.close();

    const workbook = new Workbook({ sheets: sampleSheets() });
    const second = await openSidebar(browser, workbook);
    await waitForHeading(second.page, EN.sheetsTitle);
    await second.page.click('#next');
    await waitForHeading(second.page, EN.columnsTitle);
    await waitForCheck(second.page);
    await second.page.click('#next');
    await waitForHeading(second.page, EN.optionsTitle);
    workbook
      .sheet('Pedidos')
      .rangeOf('C1')
      .writeValues([['Total bruto']]);
    await second.page.click('#generate');
    await second.page.waitForSelector('.error-card #retry');
    await expectAccessible(second.page, 'step 4, failed run', KNOWN_WIZARD_VIOLATIONS);
    await second.page.close();
  });
});

/** What has the keyboard focus: its id, else its tag and text. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return 'body';
    return element.id || `${element.tagName.toLowerCase()}:${(element.textContent ?? '').trim().slice(0, 30)}`;
  });
}

/**
 * The controls Tab should reach, in reading (DOM) order: visible, enabled, not taken out with
 * tabindex -1; of a group of radio buttons only the checked one.
 */
function tabbableInOrder(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = 'a[href], button, input, select, textarea, summary, [tabindex]';
    return Array.from(document.querySelectorAll<HTMLElement>(selector))
      .filter((element) => {
        if (element.tabIndex < 0 || (element as HTMLButtonElement).disabled) return false;
        if (!element.checkVisibility({ visibilityProperty: true })) return false;
        const input = element as HTMLInputElement;
        return input.type !== 'radio' || input.checked;
      })
      .map(
        (element) =>
          element.id || `${element.tagName.toLowerCase()}:${(element.textContent ?? '').trim().slice(0, 30)}`,
      );
  });
}

/** Whether the focused element draws a focus indicator (an outline or a ring of box-shadow). */
function showsFocus(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return false;
    const style = getComputedStyle(element);
    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) || style.boxShadow !== 'none';
  });
}

/**
 * Presses Tab through the whole page from the current focus and checks that the focus visits every
 * control in reading order, showing a focus ring on each; returns the order it took.
 */
async function expectTabOrder(page: Page, where: string): Promise<string[]> {
  const expected = await tabbableInOrder(page);
  const visited: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    await page.keyboard.press('Tab');
    visited.push(await focused(page));
    expect(await showsFocus(page), `${where}: focus ring on ${visited.at(-1)}`).toBe(true);
  }
  expect(visited, where).toEqual(expected);
  return visited;
}

/** Presses Tab until `id` has the focus (fails after a full round of the page). */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if ((await focused(page)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}; it stays on ${await focused(page)}`);
}

describe('the wizard with the keyboard alone', () => {
  it('goes from step 1 to the result with Tab, Enter, Space and the arrow keys, in reading order', async () => {
    const workbook = new Workbook({ sheets: sampleSheets() });
    const { page, server, pageErrors } = await openSidebar(browser, workbook);

    // Each step opens with the focus on its title; Tab then runs through the step in reading order.
    await waitForHeading(page, EN.sheetsTitle);
    expect(await focused(page)).toBe('step-title');
    const step1 = await expectTabOrder(page, 'step 1');
    expect(step1.at(-1)).toBe('next');
    await page.keyboard.press('Enter');

    await waitForHeading(page, EN.columnsTitle);
    expect(await focused(page)).toBe('step-title');
    await waitForCheck(page);
    const step2 = await expectTabOrder(page, 'step 2');
    expect(step2.slice(-2)).toEqual(['back', 'next']);
    await page.keyboard.press('Space');

    await waitForHeading(page, EN.optionsTitle);
    expect(await focused(page)).toBe('step-title');
    const step3 = await expectTabOrder(page, 'step 3');
    expect(step3.slice(-2)).toEqual(['back', 'generate']);
    // Choices by keyboard: an arrow key moves the period type, Space ticks "without personal data".
    await page.keyboard.press('Shift+Tab'); // back to Back, then round to the first control
    await tabTo(page, step3[0]);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('month');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('quarter');
    const privacy = await page.getAttribute('input[type="checkbox"][aria-describedby]', 'id');
    expect(privacy).toBeTruthy();
    await tabTo(page, privacy as string);
    const before = await page.isChecked(`#${privacy}`);
    await page.keyboard.press('Space');
    expect(await page.isChecked(`#${privacy}`)).toBe(!before);
    await tabTo(page, 'generate');
    await page.keyboard.press('Enter');

    // The result: focus on its title, then Tab reaches its actions; Enter opens the summary sheet.
    await page.waitForSelector('#result', { timeout: 30_000 });
    await waitForHeading(page, EN.resultTitle);
    expect(await focused(page)).toBe('step-title');
    const result = await expectTabOrder(page, 'result');
    expect(result).toEqual(expect.arrayContaining(['open-sheet', 'close']));
    const request = server.callsOf('wizardGenerate')[0].args[0] as { periodKind: string; withoutPersonalData: boolean };
    expect(request.periodKind).toBe('quarter');
    expect(request.withoutPersonalData).toBe(!before);
    workbook.spreadsheet.activate(workbook.spreadsheet.sheets[0]);
    await tabTo(page, 'open-sheet');
    await page.keyboard.press('Enter');
    await expect.poll(() => server.callsOf('wizardOpenSheet').length).toBe(1);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('after a failed run, the focus is on "Try again" and Enter runs it again', async () => {
    const workbook = new Workbook({ sheets: sampleSheets() });
    const { page, server } = await openSidebar(browser, workbook);
    await waitForHeading(page, EN.sheetsTitle);
    await tabTo(page, 'next');
    await page.keyboard.press('Enter');
    await waitForHeading(page, EN.columnsTitle);
    await waitForCheck(page);
    await tabTo(page, 'next');
    await page.keyboard.press('Enter');
    await waitForHeading(page, EN.optionsTitle);
    workbook
      .sheet('Pedidos')
      .rangeOf('C1')
      .writeValues([['Total bruto']]);
    await tabTo(page, 'generate');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.error-card #retry');
    await expect.poll(() => focused(page)).toBe('retry');
    expect(await showsFocus(page)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => server.callsOf('wizardGenerate').length).toBe(2);
    await page.close();
  });
});
