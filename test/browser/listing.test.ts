/**
 * The Marketplace store-listing screenshots (1280 × 800, the listing's size), taken from the real
 * add-on, in English and Spanish, into docs/listing/screenshots/:
 *
 * - `<lang>-1-report.png`, `-2-charts.png`, `-3-cohorts.png`: the built wizard (dist/Sidebar.html),
 *   driven through its four steps over the emulated sample shop exactly as a user would (stand-in
 *   `google.script.run` over the vm-loaded bundle), at the right of the KPI summary sheet it has just
 *   written — rendered by demo/render as `npm run demo` renders it: the result card beside the
 *   headline KPIs, the column step beside the first chart, the options step beside the cohort
 *   heatmap and the first action list.
 * - `<lang>-4-formulas.png`: the Function help sidebar (dist/Help.html) at the right of a sheet whose
 *   values were computed by the built bundle's custom functions on the same data.
 *
 * A page composes them like a Sheets window: title bar, formula bar, the grid (the report's HTML in
 * an iframe, scrolled with its frozen row kept in place), sheet tabs and the 300-px sidebar with the
 * title the add-on itself gives it. Nothing is loaded from the network. Each PNG must be 1280 × 800
 * and not blank (many colours, plenty of ink, a sidebar that is not empty).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml, renderSheetHtml } from '../../demo/render';
import { generateSample } from '../../demo/sample/generator';
import { COLORS } from '../../src/report/layout';
import { reportLabels } from '../../src/report/labels';
import { UI_STRINGS, type StringKey, type UiLanguage } from '../../src/ui/sidebar/strings';
import { DIST, loadBundle, type SeedGrid, Workbook } from '../emulator';
import { distPage, launchBrowser, type OpenSidebar, openSidebar } from './support';

/** The Marketplace's screenshot size. */
const SCREEN = { width: 1280, height: 800 };
/** Where the listing's screenshots go (committed, linked from docs/listing/*.md). */
const OUT = path.resolve(DIST, '../docs/listing/screenshots');

/** The window's layout, in CSS pixels. */
const TITLE_BAR = 48;
const FORMULA_BAR = 30;
const TAB_BAR = 36;
const SIDEBAR_WIDTH = 300;
const SIDEBAR_HEADER = 48;
const GRID = { width: SCREEN.width - SIDEBAR_WIDTH, height: SCREEN.height - TITLE_BAR - FORMULA_BAR - TAB_BAR };
const SIDEBAR_BODY = { width: SIDEBAR_WIDTH, height: SCREEN.height - TITLE_BAR - SIDEBAR_HEADER };

const ZONE = 'Europe/Madrid';
const LANGUAGES: UiLanguage[] = ['en', 'es'];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  fs.mkdirSync(OUT, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** The sample shop's sheets and headers in English (the wizard detects both languages). */
const ENGLISH: Record<string, { name: string; headers: string[] }> = {
  Clientes: {
    name: 'Customers',
    headers: ['Customer ID', 'Name', 'Email', 'Signup date', 'Birthday', 'Acquisition cost', 'Segment'],
  },
  Pedidos: { name: 'Orders', headers: ['Customer ID', 'Order date', 'Amount', 'Cost'] },
  Encuestas: {
    name: 'Surveys',
    headers: [
      'Customer ID',
      'Date',
      'Likelihood to recommend',
      'Satisfaction',
      'Comment',
      'Likelihood to switch',
      'Repurchase',
      'Overall experience',
    ],
  },
  Suscripciones: { name: 'Subscriptions', headers: ['Customer ID', 'Start date', 'End date', 'Monthly fee'] },
  Tickets: { name: 'Tickets', headers: ['Customer ID', 'Date', 'Status'] },
  Embudo: { name: 'Funnel', headers: ['Month', 'Visits', 'Conversions', 'Carts', 'Purchases'] },
};

/** Words of the window around the sheet, per language. */
const CHROME: Record<UiLanguage, { title: string; extensions: string; dashboard: string }> = {
  en: { title: 'Online shop — customers and orders', extensions: 'Extensions', dashboard: 'Dashboard' },
  es: { title: 'Tienda online — clientes y pedidos', extensions: 'Extensiones', dashboard: 'Panel' },
};

/** The sample shop (Spanish sheets), or the same data under English sheet names and headers. */
function shopSheets(language: UiLanguage, clean: boolean): Record<string, SeedGrid> {
  const sample = generateSample({ customers: 800, orders: 8000, timeZone: ZONE });
  const sheets: Record<string, SeedGrid> = {};
  for (const [name, rows] of Object.entries(sample.sheets)) {
    // `clean`: without the planted unreadable rows, as a tidy sheet that formulas can read whole
    const dirty = new Set(sample.dirty.filter((d) => d.sheet === name).map((d) => d.row));
    let kept = clean ? rows.filter((_, i) => !dirty.has(i + 1)) : rows;
    // The generated e-mails use real mail domains; a public image shows only reserved ones.
    if (name === 'Clientes')
      kept = kept.map((row, i) =>
        i > 0 && typeof row[2] === 'string'
          ? [...row.slice(0, 2), row[2].replace(/@.*$/, '@example.com'), ...row.slice(3)]
          : row,
      );
    const english = ENGLISH[name];
    sheets[language === 'en' ? english.name : name] = language === 'en' ? [english.headers, ...kept.slice(1)] : kept;
  }
  return sheets;
}

function sheetName(language: UiLanguage, spanish: string): string {
  return language === 'en' ? ENGLISH[spanish].name : spanish;
}

/** What the composed window shows. */
interface WindowParts {
  language: UiLanguage;
  /** The menu path shown in the title bar (from the add-on's own menu). */
  menuPath: string;
  cellRef: string;
  formula: string;
  /** renderSheetHtml() of the sheet in the grid. */
  sheetHtml: string;
  tabs: string[];
  activeTab: string;
  sidebarTitle: string;
  sidebarPng: Buffer;
}

const WINDOW_CSS = `
*{box-sizing:border-box}
html,body{margin:0;width:${SCREEN.width}px;height:${SCREEN.height}px;overflow:hidden;background:#ffffff;
  font-family:Arial,"Liberation Sans","DejaVu Sans",sans-serif;color:#1f1f1f}
.top{position:absolute;left:0;top:0;width:${SCREEN.width}px;height:${TITLE_BAR}px;display:flex;align-items:center;
  justify-content:space-between;padding:0 16px;background:#f9fbfd;border-bottom:1px solid #e1e3e1}
.doc{font-size:18px}
.menu{font-size:13px;color:#444746}
.menu b{color:#1a73e8}
.fbar{position:absolute;left:0;top:${TITLE_BAR}px;width:${GRID.width}px;height:${FORMULA_BAR}px;display:flex;
  align-items:center;font-size:13px;border-bottom:1px solid #c4c7c5;background:#ffffff}
.ref{width:84px;padding-left:10px;border-right:1px solid #e1e3e1;line-height:${FORMULA_BAR}px;color:#1f1f1f}
.fx{width:34px;text-align:center;color:#5f6368;font-style:italic;font-family:Georgia,"DejaVu Serif",serif}
.formula{white-space:pre;font-size:13px}
.grid{position:absolute;left:0;top:${TITLE_BAR + FORMULA_BAR}px;width:${GRID.width}px;height:${GRID.height}px;border:0}
.tabs{position:absolute;left:0;top:${SCREEN.height - TAB_BAR}px;width:${GRID.width}px;height:${TAB_BAR}px;display:flex;
  gap:2px;align-items:flex-start;padding:0 8px 0 46px;background:#f9fbfd;border-top:1px solid #c4c7c5;font-size:13px;overflow:hidden}
.tab{padding:8px 14px;color:#444746;white-space:nowrap;border-radius:0 0 6px 6px}
.tab.active{background:#e1e9f7;color:#0b57d0;font-weight:bold}
.side{position:absolute;left:${GRID.width}px;top:${TITLE_BAR}px;width:${SIDEBAR_WIDTH}px;
  height:${SCREEN.height - TITLE_BAR}px;background:#ffffff;box-shadow:-1px 0 0 #c4c7c5,-4px 0 8px rgba(60,64,67,.12)}
.side-head{height:${SIDEBAR_HEADER}px;display:flex;align-items:center;justify-content:space-between;padding:0 12px 0 16px;
  font-size:16px;border-bottom:1px solid #e1e3e1}
.close{font-size:22px;color:#444746}
.side img{display:block}
`;

/** The Sheets-like window around a rendered sheet and a sidebar screenshot. */
function windowHtml(parts: WindowParts): string {
  // The grid shows the rendered sheet without its own tab strip (the window draws the tabs).
  const sheet = parts.sheetHtml.replace('</style>', '.tabs{display:none}\nhtml,body{overflow:hidden}\n</style>');
  const tabs = parts.tabs
    .map((name) => `<span class="tab${name === parts.activeTab ? ' active' : ''}">${escapeHtml(name)}</span>`)
    .join('');
  return [
    '<!DOCTYPE html>',
    `<html lang="${parts.language}"><head><meta charset="utf-8"><style>${WINDOW_CSS}</style></head><body>`,
    `<header class="top"><span class="doc">${escapeHtml(CHROME[parts.language].title)}</span>`,
    `<span class="menu">${parts.menuPath}</span></header>`,
    `<div class="fbar"><span class="ref">${escapeHtml(parts.cellRef)}</span><span class="fx">fx</span>`,
    `<span class="formula">${escapeHtml(parts.formula)}</span></div>`,
    `<iframe class="grid" title="sheet" srcdoc="${escapeHtml(sheet)}"></iframe>`,
    `<nav class="tabs">${tabs}</nav>`,
    `<aside class="side"><div class="side-head"><span>${escapeHtml(parts.sidebarTitle)}</span><span class="close">×</span></div>`,
    `<img alt="" width="${SIDEBAR_BODY.width}" height="${SIDEBAR_BODY.height}" src="data:image/png;base64,${parts.sidebarPng.toString('base64')}">`,
    '</aside></body></html>',
  ].join('');
}

/** Where the grid is scrolled to: the first row under the frozen ones, and how far right. */
interface SheetScroll {
  row: number;
  /** Pixels scrolled right (default 0). */
  x?: number;
  /** Scroll right until this chart (1-based, in sheet order) is whole instead. */
  chart?: number;
  /** The selected cell, outlined (e.g. `A10`). */
  select?: string;
}

/**
 * Scrolls the rendered sheet in the grid frame as Sheets scrolls: the rows from `row` on (and the
 * columns after `x` pixels) move up (left) under the column letters (row numbers), while the frozen
 * rows stay. Optionally outlines the selected cell. Returns false when the row (or chart) is not in
 * the sheet.
 */
async function scrollSheet(frame: Frame, scroll: SheetScroll): Promise<boolean> {
  return frame.evaluate(({ row, x: givenX, chart, select }) => {
    const sheet = document.querySelector<HTMLElement>('.sheet');
    const corner = document.querySelector<HTMLElement>('.corner');
    if (!sheet || !corner) return false;
    const px = (value: string) => Number.parseFloat(value || '0');
    const headerWidth = corner.offsetWidth;
    const headerHeight = corner.offsetHeight;
    const frozenLine = sheet.querySelector<HTMLElement>('.frozen-row');
    const frozenBottom = frozenLine ? px(frozenLine.style.top) + 2 : headerHeight;
    const rowHead = Array.from(sheet.querySelectorAll<HTMLElement>('.rowhead')).find(
      (el) => el.textContent === String(row),
    );
    if (!rowHead) return false;
    const y = Math.max(0, px(rowHead.style.top) - frozenBottom);
    // with `chart`, far enough right for that chart to be whole, with a little margin
    const box = chart ? sheet.querySelector<HTMLElement>(`.chart-box[data-chart="${chart}"]`) : null;
    if (chart && !box) return false;
    const x = box ? Math.max(0, px(box.style.left) + box.offsetWidth + 12 - window.innerWidth) : (givenX ?? 0);
    // Layers, bottom to top: what scrolls (lines, cells, charts, row numbers), a white mask over the
    // frozen band, the frozen rows (lines, cells), the frozen divider and row numbers, the letters.
    const layer = (el: HTMLElement, z: number) => {
      el.style.zIndex = String(z);
    };
    for (const el of Array.from(sheet.children) as HTMLElement[]) {
      const kind = el.classList;
      const top = px(el.style.top);
      const left = px(el.style.left);
      const frozen = top < frozenBottom;
      if (kind.contains('corner')) layer(el, 9);
      else if (kind.contains('colhead')) {
        el.style.left = `${left - x}px`;
        layer(el, 8);
      } else if (kind.contains('frozen-row')) layer(el, 7);
      else if (kind.contains('rowhead')) {
        if (!frozen) el.style.top = `${top - y}px`;
        layer(el, frozen ? 7 : 3);
      } else if (kind.contains('vline')) {
        el.style.left = `${left - x}px`;
        layer(el, 0);
        if (left - x < headerWidth) el.style.display = 'none';
        else if (frozenBottom > headerHeight) {
          // the same gridline again over the frozen band, under its cells
          const copy = el.cloneNode() as HTMLElement;
          copy.style.height = `${frozenBottom - headerHeight}px`;
          layer(copy, 5);
          sheet.appendChild(copy);
        }
      } else if (kind.contains('hline')) {
        if (!frozen) el.style.top = `${top - y}px`;
        layer(el, frozen ? 5 : 0);
      } else {
        // cells, fills and charts
        el.style.left = `${left - x}px`;
        if (!frozen) el.style.top = `${top - y}px`;
        layer(el, frozen ? 6 : kind.contains('chart-box') ? 2 : 1);
      }
    }
    const mask = document.createElement('div');
    mask.style.cssText = `position:absolute;left:0;top:0;width:100%;height:${frozenBottom}px;background:#ffffff;z-index:4`;
    sheet.appendChild(mask);
    if (select) {
      const cell = sheet.querySelector<HTMLElement>(`.cell[data-cell="${select}"]`);
      if (cell) {
        const frozen = px(cell.style.top) < frozenBottom;
        const outline = document.createElement('div');
        outline.style.cssText = `position:absolute;left:${px(cell.style.left) - 1}px;top:${px(cell.style.top) - 1}px;width:${cell.offsetWidth + 1}px;height:${cell.offsetHeight + 1}px;border:2px solid #1a73e8;z-index:${frozen ? 6 : 2}`;
        sheet.appendChild(outline);
      }
    }
    return true;
  }, scroll);
}

/** Colours and ink of a PNG, decoded by the browser; `left`/`right` split at the sidebar's edge. */
async function imageStats(page: Page, png: Buffer) {
  return page.evaluate(
    async ({ dataUrl, split }) => {
      const image = new Image();
      image.src = dataUrl;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      const all = new Set<number>();
      const left = new Set<number>();
      const right = new Set<number>();
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) {
        const colour = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
        all.add(colour);
        ((i / 4) % canvas.width < split ? left : right).add(colour);
        if (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240) ink++;
      }
      return {
        width: canvas.width,
        height: canvas.height,
        colours: all.size,
        leftColours: left.size,
        rightColours: right.size,
        ink: ink / (data.length / 4),
      };
    },
    { dataUrl: `data:image/png;base64,${png.toString('base64')}`, split: GRID.width },
  );
}

/** Composes the window, checks it loads nothing, saves it and checks the PNG. */
async function saveWindow(parts: WindowParts, file: string, scroll: SheetScroll) {
  const page = await browser.newPage({ viewport: SCREEN, deviceScaleFactor: 1 });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('data:') && request.url() !== 'about:srcdoc') requests.push(request.url());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.setContent(windowHtml(parts), { waitUntil: 'load' });
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame, 'the grid frame').toBeDefined();
    expect(await scrollSheet(frame!, scroll)).toBe(true);
    const png = await page.screenshot({ path: path.join(OUT, file) });
    expect(requests, 'the composed window loads nothing').toEqual([]);
    expect(errors).toEqual([]);

    // The PNG's header says 1280 × 800 …
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(SCREEN.width);
    expect(png.readUInt32BE(20)).toBe(SCREEN.height);
    // … and it is not blank: text anti-aliasing, cell colours and charts give hundreds of colours on
    // each side of the sidebar's edge (a blank grid or an empty sidebar gives a handful).
    const stats = await imageStats(page, png);
    expect(stats).toMatchObject({ width: SCREEN.width, height: SCREEN.height });
    expect(stats.colours).toBeGreaterThan(300);
    expect(stats.leftColours).toBeGreaterThan(150);
    expect(stats.rightColours).toBeGreaterThan(80);
    expect(stats.ink).toBeGreaterThan(0.05);
  } finally {
    await page.close();
  }
}

async function waitForHeading(page: Page, text: string): Promise<void> {
  await page.waitForFunction((expected) => document.getElementById('step-title')?.textContent === expected, text);
}

function expectClean(open: OpenSidebar): void {
  expect(open.externalRequests).toEqual([]);
  expect(open.pageErrors).toEqual([]);
  expect(open.server.violations).toEqual([]);
}

/** The menu path of an item of the add-on's own menu, as `onOpen` builds it, e.g. "Extensions ▸ Fideliza ▸ Function help". */
function menuPath(workbook: Workbook, fx: Record<string, any>, functionName: string, language: UiLanguage): string {
  fx.onOpen({ authMode: 'FULL' });
  const menu = workbook.ui.menus.at(-1)!;
  const item = menu.items.find((i) => 'functionName' in i && i.functionName === functionName) as
    | { caption: string }
    | undefined;
  expect(item, functionName).toBeDefined();
  return `${CHROME[language].extensions} ▸ ${escapeHtml(menu.caption)} ▸ <b>${escapeHtml(item!.caption)}</b>`;
}

/** The title the add-on gives a sidebar (`showSidebar(...setTitle(...))`). */
function sidebarTitle(workbook: Workbook, open: () => void): string {
  open();
  return workbook.ui.sidebars.at(-1)!.title;
}

describe('store-listing screenshots (docs/listing/screenshots, 1280 × 800)', () => {
  for (const language of LANGUAGES) {
    const strings: Record<StringKey, string> = UI_STRINGS[language];

    it(`${language}: the wizard beside the KPI summary sheet it wrote (result card; options)`, async () => {
      const workbook = new Workbook({
        sheets: shopSheets(language, false),
        timeZone: ZONE,
        locale: language === 'es' ? 'es_ES' : 'en_US',
        userLocale: language,
        name: CHROME[language].title,
        addOnName: 'Fideliza',
      });
      const open = await openSidebar(browser, workbook);
      const { page, server } = open;
      try {
        await page.setViewportSize(SIDEBAR_BODY);
        await waitForHeading(page, strings.sheetsTitle);
        // every source of the shop is found, in either language
        const chosen = await page.$$eval('select[data-source]', (selects) =>
          selects.map((s) => (s as HTMLSelectElement).value),
        );
        expect(chosen.filter(Boolean)).toHaveLength(6);
        await page.click('#next');
        await waitForHeading(page, strings.columnsTitle);
        await page.waitForSelector('#warnings.ok, #warnings.soft');
        const columnsPng = await page.screenshot();
        await page.click('#next');
        await waitForHeading(page, strings.optionsTitle);
        const optionsPng = await page.screenshot();
        await page.click('#generate');
        await page.waitForSelector('#result', { timeout: 60_000 });
        await waitForHeading(page, strings.resultTitle);
        expectClean(open);

        const generated = server.callsOf('wizardGenerate');
        expect(generated).toHaveLength(1);
        expect(generated[0].ok).toBe(true);
        const result = generated[0].answer as { sheetName: string };
        expect(workbook.sheetNames()).toContain(result.sheetName);

        const resultPng = await page.screenshot();

        // The grid scrolls (under the frozen title row) to the headline KPIs beside the result card,
        // to the first chart beside the column step, and to the cohort heatmap and the first action
        // list beside the options step.
        const labels = reportLabels(language);
        const values = workbook.sheet(result.sheetName).getDataRange().getValues() as unknown[][];
        const rowOf = (label: string) => values.findIndex((row) => row[0] === label) + 1;
        const headlineRow = rowOf(labels.headline);
        const chartsRow = rowOf(labels.charts);
        const cohortRow = rowOf(labels.cohorts);
        expect(headlineRow).toBeGreaterThan(1);
        expect(chartsRow).toBeGreaterThan(headlineRow);
        expect(cohortRow).toBeGreaterThan(chartsRow);
        expect(workbook.chartSpecs(result.sheetName).length).toBeGreaterThan(0);

        const common = {
          language,
          menuPath: menuPath(workbook, server.globals, 'showReportWizard', language),
          sheetHtml: renderSheetHtml(workbook, result.sheetName),
          tabs: workbook.sheetNames(),
          activeTab: result.sheetName,
          sidebarTitle: sidebarTitle(workbook, () => server.globals.showReportWizard()),
        };
        await saveWindow(
          { ...common, cellRef: 'A1', formula: String(values[0][0]), sidebarPng: resultPng },
          `${language}-1-report.png`,
          { row: headlineRow, select: 'A1' },
        );
        await saveWindow(
          { ...common, cellRef: `A${chartsRow}`, formula: String(values[chartsRow - 1][0]), sidebarPng: columnsPng },
          `${language}-2-charts.png`,
          { row: chartsRow, chart: 1 },
        );
        await saveWindow(
          {
            ...common,
            cellRef: `A${cohortRow}`,
            formula: String(values[cohortRow - 1][0]),
            sidebarPng: optionsPng,
          },
          `${language}-3-cohorts.png`,
          { row: cohortRow, select: `A${cohortRow}` },
        );
      } finally {
        await page.close();
      }
    });

    it(`${language}: the Function help sidebar beside a sheet of formulas computed by the add-on`, async () => {
      const workbook = new Workbook({
        sheets: shopSheets(language, true),
        timeZone: ZONE,
        locale: language === 'es' ? 'es_ES' : 'en_US',
        userLocale: language,
        name: CHROME[language].title,
        addOnName: 'Fideliza',
      });
      const fx = loadBundle(workbook.globals());
      const surveys = sheetName(language, 'Encuestas');
      const orders = sheetName(language, 'Pedidos');
      const lastSurvey = workbook.sheet(surveys).getLastRow();
      const lastOrder = workbook.sheet(orders).getLastRow();
      const sep = language === 'es' ? ';' : ',';
      const ref = (sheet: string, column: string, last: number) => `${sheet}!${column}2:${column}${last}`;
      const ids = workbook.arg(ref(orders, 'A', lastOrder));
      const dates = workbook.arg(ref(orders, 'B', lastOrder));
      const quarter = language === 'es' ? 'trimestre' : 'quarter';

      // Each value is what the formula beside it answers, computed by the built bundle.
      const rows: [string, string, number, string][] = [
        ['NPS', `=NPS(${surveys}!C2:C)`, fx.NPS(workbook.arg(ref(surveys, 'C', lastSurvey))), '0.0'],
        ['CSAT', `=CSAT(${surveys}!D2:D)`, fx.CSAT(workbook.arg(ref(surveys, 'D', lastSurvey))), '0.0%'],
        [
          language === 'es' ? 'Tasa de repetición' : 'Repeat rate',
          `=REPEAT_RATE(${orders}!A2:A)`,
          fx.REPEAT_RATE(ids),
          '0.0%',
        ],
        [
          language === 'es' ? 'Pedidos por cliente y año' : 'Orders per customer per year',
          `=PURCHASE_FREQUENCY(${orders}!A2:A${sep} ${orders}!B2:B)`,
          fx.PURCHASE_FREQUENCY(ids, dates),
          '0.00',
        ],
      ];
      for (const [, , value] of rows) expect(typeof value).toBe('number');
      const cohortFormula = `=COHORT_RETENTION(${orders}!A2:A${sep} ${orders}!B2:B${sep} "${quarter}")`;
      const cohorts = fx.COHORT_RETENTION(ids, dates, quarter) as unknown[][];
      expect(cohorts.length).toBeGreaterThan(4);
      const rfm = fx.RFM(ids, dates, workbook.arg(ref(orders, 'C', lastOrder))) as unknown[][];
      expect(rfm.length).toBeGreaterThan(100);

      const dashboard = CHROME[language].dashboard;
      const title =
        language === 'es' ? 'KPI de la tienda con fórmulas de Fideliza' : 'Shop KPIs with Fideliza formulas';
      const header = language === 'es' ? ['KPI', 'Valor', 'Fórmula'] : ['KPI', 'Value', 'Formula'];
      const cohortTitle = language === 'es' ? 'Retención por cohorte trimestral' : 'Retention by quarterly cohort';
      const rfmTitle = language === 'es' ? 'RFM por cliente' : 'RFM by customer';
      const width = Math.max(cohorts[0].length, rfm[0].length);
      const pad = (row: unknown[]) => [...row, ...Array(Math.max(0, width - row.length)).fill('')];
      const grid = [
        pad([title]),
        pad([]),
        pad(header),
        ...rows.map(([label, formula, value]) => pad([label, value, formula])),
        pad([]),
        pad([cohortTitle]),
        ...cohorts.map((row) => pad(row.map((v) => (v === null || v === undefined ? '' : v)))),
        pad([]),
        pad([rfmTitle]),
        ...rfm.map((row) => pad(row)),
      ];
      const sheet = workbook.addSheet(dashboard, grid as SeedGrid);
      const cohortTop = 4 + rows.length + 2; // 1-based row of the spilled table's header
      sheet.getRange(1, 1).setFontWeight('bold').setFontSize(14).setFontColor(COLORS.title);
      sheet.getRange(3, 1, 1, 3).setFontWeight('bold').setBackground(COLORS.header);
      rows.forEach(([, , , format], i) => sheet.getRange(4 + i, 2).setNumberFormat(format));
      sheet.getRange(4, 3, rows.length, 1).setFontColor(COLORS.muted).setFontFamily('DejaVu Sans Mono');
      sheet.getRange(4, 3, rows.length, 6).setBackground('#f8f9fa'); // a light band under the formulas' text
      sheet.getRange(cohortTop - 1, 1).setFontWeight('bold');
      sheet.getRange(cohortTop, 1, 1, width).setFontWeight('bold').setBackground(COLORS.header);
      sheet.getRange(cohortTop + 1, 1, cohorts.length - 1, 1).setNumberFormat('mmm yyyy');
      const rfmTop = cohortTop + cohorts.length + 2;
      sheet.getRange(rfmTop - 1, 1).setFontWeight('bold');
      sheet.getRange(rfmTop, 1, 1, rfm[0].length).setFontWeight('bold').setBackground(COLORS.header);
      sheet.getRange(rfmTop + 1, 4, rfm.length - 1, 1).setNumberFormat('#,##0.00');
      const retention = sheet.getRange(cohortTop + 1, 3, cohorts.length - 1, cohorts[0].length - 2);
      retention.setNumberFormat('0%');
      const services = workbook.globals() as Record<string, any>;
      sheet.setConditionalFormatRules([
        services.SpreadsheetApp.newConditionalFormatRule()
          .setGradientMinpoint(COLORS.heatLow)
          .setGradientMidpointWithValue(COLORS.heatMid, services.SpreadsheetApp.InterpolationType.PERCENTILE, '50')
          .setGradientMaxpoint(COLORS.heatHigh)
          .setRanges([retention])
          .build(),
      ]);
      sheet.setColumnWidth(1, 220);
      sheet.setColumnWidth(2, 108);
      sheet.setColumnWidths(3, width - 2, 78);

      const help = await browser.newPage({ viewport: SIDEBAR_BODY, deviceScaleFactor: 1 });
      const url = distPage('Help.html', `?lang=${language}`);
      const requests: string[] = [];
      const errors: string[] = [];
      help.on('request', (request) => {
        if (request.url() !== url) requests.push(request.url());
      });
      help.on('pageerror', (error) => errors.push(error.message));
      try {
        await help.goto(url);
        await help.waitForSelector('#functions article');
        await help.locator('#search').pressSequentially('cohort');
        await help.waitForFunction(() =>
          Array.from(document.querySelectorAll<HTMLElement>('article.fn')).some(
            (a) => !a.hidden && a.getAttribute('data-name') === 'COHORT_RETENTION',
          ),
        );
        expect(requests).toEqual([]);
        expect(errors).toEqual([]);
        const sidebarPng = await help.screenshot();

        await saveWindow(
          {
            language,
            menuPath: menuPath(workbook, fx, 'showFunctionHelp', language),
            cellRef: `A${cohortTop}`,
            formula: cohortFormula,
            sheetHtml: renderSheetHtml(workbook, dashboard),
            tabs: workbook.sheetNames(),
            activeTab: dashboard,
            sidebarTitle: sidebarTitle(workbook, () => fx.showFunctionHelp()),
            sidebarPng,
          },
          `${language}-4-formulas.png`,
          { row: 1, select: `A${cohortTop}` },
        );
      } finally {
        await help.close();
      }
    });
  }
});
