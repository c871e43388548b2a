// The HTML rendering of a sheet (demo/render): display texts in the spreadsheet locale, escaping,
// overflow, colour scales and charts on small hand-built sheets, then the sample report through
// the built bundle (`npm run build` first).
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../demo/sample/generator';
import { runReportLikeTheSidebar } from '../../demo/run-report';
import { cellText, niceTicks, renderSheetHtml } from '../../demo/render';
import { columnLetters, Enums, Workbook, type EmuSheet } from '../emulator';
import type { SeedGrid } from '../emulator';

type Builder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;

function book(sheets: Record<string, SeedGrid>, locale = 'en_US'): { workbook: Workbook; sheet: EmuSheet } {
  const workbook = new Workbook({ locale, timeZone: 'Europe/Madrid', sheets });
  return { workbook, sheet: workbook.spreadsheet.sheets[0] };
}

/** The `style` of the element drawn for a cell (`fill` = background/borders, `cell` = text). */
function styleOf(html: string, kind: 'fill' | 'cell', a1: string): string | undefined {
  const m = new RegExp(`<div class="${kind}[^"]*" data-cell="${a1}"[^>]*style="([^"]*)"`).exec(html);
  return m?.[1];
}

function backgroundOf(html: string, a1: string): string | undefined {
  return /background:(#[0-9a-f]{6})/.exec(styleOf(html, 'fill', a1) ?? '')?.[1];
}

function textOf(html: string, a1: string): string | undefined {
  return new RegExp(`data-cell="${a1}"[^>]*><span>([^<]*)</span>`).exec(html)?.[1];
}

/** Attributes of every `<rect class="bar">`, with the tooltip text. */
function bars(svg: string): { x: number; y: number; width: number; height: number; title: string }[] {
  return [
    ...svg.matchAll(
      /<rect class="bar" x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"[^>]*><title>([^<]*)<\/title>/g,
    ),
  ].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    width: Number(m[3]),
    height: Number(m[4]),
    title: m[5],
  }));
}

function interpolation(type: 'NUMBER' | 'MIN' | 'MAX'): GoogleAppsScript.Spreadsheet.InterpolationType {
  return Enums.InterpolationType[type] as unknown as GoogleAppsScript.Spreadsheet.InterpolationType;
}

type Point = [type: 'NUMBER' | 'MIN' | 'MAX', color: string, value: string];

function gradientRule(
  workbook: Workbook,
  range: GoogleAppsScript.Spreadsheet.Range,
  min: Point,
  mid: Point | null,
  max: Point,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  const { SpreadsheetApp } = workbook.globals() as unknown as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  };
  let builder: Builder = SpreadsheetApp.newConditionalFormatRule().setRanges([range]);
  builder = builder.setGradientMinpointWithValue(min[1], interpolation(min[0]), min[2]);
  if (mid) builder = builder.setGradientMidpointWithValue(mid[1], interpolation(mid[0]), mid[2]);
  builder = builder.setGradientMaxpointWithValue(max[1], interpolation(max[0]), max[2]);
  return builder.build();
}

describe('renderSheetHtml: cells', () => {
  it('shows numbers with the number format in the spreadsheet locale, right-aligned', () => {
    for (const [locale, expected] of [
      ['es_ES', '1.234,50'],
      ['en_US', '1,234.50'],
    ]) {
      const { workbook, sheet } = book({ S: [['Amount'], [1234.5]] }, locale);
      sheet.cell(2, 1)!.numberFormat = '#,##0.00';
      const html = renderSheetHtml(workbook, 'S');
      expect(textOf(html, 'A2')).toBe(expected);
      expect(styleOf(html, 'cell', 'A2')).toContain('justify-content:flex-end');
      expect(styleOf(html, 'cell', 'A1')).toContain('justify-content:flex-start');
    }
  });

  it('shows user text literally: <script> and =HYPERLINK(...) are text, never markup', () => {
    const evil = '<script>alert("x")</script>';
    const formulaText = '=HYPERLINK("https://ejemplo.com";"Pulse aquí")';
    const { workbook } = book({ S: [['Name'], [evil], [formulaText]] });
    const html = renderSheetHtml(workbook, 'S');
    expect(html.toLowerCase()).not.toContain('<script');
    expect(textOf(html, 'A2')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(textOf(html, 'A3')).toBe('=HYPERLINK(&quot;https://ejemplo.com&quot;;&quot;Pulse aquí&quot;)');
  });

  it('lets text overflow into empty cells to the right, up to the first cell with content', () => {
    const { workbook } = book({
      S: [
        ['A long title that does not fit in one column', '', 'x', ''],
        [12345678901, '', '', ''],
      ],
    });
    const html = renderSheetHtml(workbook, 'S');
    // Columns A and B are 100 px wide (Sheets' default): the title box spans A:B and stops at C1.
    expect(styleOf(html, 'cell', 'A1')).toMatch(/left:46px;top:24px;width:200px;height:21px/);
    // A number never overflows: its box is its own cell.
    expect(styleOf(html, 'cell', 'A2')).toMatch(/width:100px/);
  });

  it('draws column widths, the frozen-row divider and bold/italic/colour/size', () => {
    const { workbook, sheet } = book({
      S: [
        ['Title', 'b'],
        ['x', 'y'],
      ],
    });
    sheet.setColumnWidth(1, 210);
    sheet.setFrozenRows(1);
    Object.assign(sheet.cell(1, 1)!, { fontWeight: 'bold', fontStyle: 'italic', fontColor: '#1a73e8', fontSize: 16 });
    const html = renderSheetHtml(workbook, 'S');
    expect(html).toMatch(/<div class="colhead" style="left:46px;width:210px">A<\/div>/);
    expect(html).toMatch(/<div class="colhead" style="left:256px;width:100px">B<\/div>/);
    expect(html).toContain('class="frozen-row"');
    expect(styleOf(html, 'cell', 'A1')).toMatch(/font-weight:bold;font-style:italic;color:#1a73e8;font-size:16pt/);
  });

  it('cellText gives the display text, and the formula of a formula cell', () => {
    const { sheet } = book({ S: [['x']] });
    expect(cellText({ value: 0.256, numberFormat: '0.0%' }, 'es_ES', 'Europe/Madrid')).toBe('25,6%');
    sheet.getRange('A1').setValue('=1+1');
    expect(cellText(sheet.cell(1, 1), 'en_US', 'Europe/Madrid')).toBe('=1+1');
  });
});

describe('renderSheetHtml: colour scales', () => {
  it('interpolates min/mid/max NUMBER points in RGB and clamps outside them', () => {
    const { workbook, sheet } = book({ S: [['v'], [0], [0.25], [0.5], [0.75], [1], [2], ['text']] });
    sheet.setConditionalFormatRules([
      gradientRule(
        workbook,
        sheet.getRange('A2:A8'),
        ['NUMBER', '#000000', '0'],
        ['NUMBER', '#0000ff', '0.5'],
        ['NUMBER', '#ffffff', '1'],
      ),
    ]);
    const html = renderSheetHtml(workbook, 'S');
    // By hand: 0.25 is halfway from black to blue → (0, 0, 127.5) → #000080;
    // 0.75 is halfway from blue to white → (127.5, 127.5, 255) → #8080ff; 2 > max → max colour.
    expect([2, 3, 4, 5, 6, 7].map((r) => backgroundOf(html, `A${r}`))).toEqual([
      '#000000',
      '#000080',
      '#0000ff',
      '#8080ff',
      '#ffffff',
      '#ffffff',
    ]);
    expect(backgroundOf(html, 'A8')).toBeUndefined();
  });

  it('MIN and MAX points take the smallest and largest number of the range', () => {
    const { workbook, sheet } = book({ S: [[10], [20], [30]] });
    sheet.setConditionalFormatRules([
      gradientRule(workbook, sheet.getRange('A1:A3'), ['MIN', '#000000', ''], null, ['MAX', '#ffffff', '']),
    ]);
    const html = renderSheetHtml(workbook, 'S');
    // 20 is halfway between 10 and 30 → (127.5, 127.5, 127.5) → #808080.
    expect([1, 2, 3].map((r) => backgroundOf(html, `A${r}`))).toEqual(['#000000', '#808080', '#ffffff']);
  });
});

describe('renderSheetHtml: charts', () => {
  const data: SeedGrid = [
    ['Month', 'A', 'B'],
    ['Jan', 3, -2],
    ['Feb', 5, 4],
    ['Mar', 0, 1],
  ];

  it('draws a stacked column chart at its anchor, negatives below the axis', () => {
    const { workbook, sheet } = book({ S: data });
    const chart = sheet
      .newChart()
      .asColumnChart()
      .setStacked()
      .setTitle('Small <chart>')
      .addRange(sheet.getRange('A1:C4'))
      .setPosition(5, 5, 10, 0)
      .build();
    sheet.insertChart(chart);
    const html = renderSheetHtml(workbook, 'S');
    expect(html.match(/<svg /g)).toHaveLength(1);
    // Anchor E5 + 10 px: 46 (row numbers) + 4 × 100 px + 10 = 456; 24 (letters) + 4 × 21 px = 108.
    expect(html).toMatch(/<div class="chart-box" data-chart="1" style="left:456px;top:108px">/);
    expect(html).toMatch(/<svg [^>]*width="600" height="371"/);
    expect(html).toContain('>Small &lt;chart&gt;</text>');
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    // Five non-zero values → five bars (Mar's A = 0 has no height).
    const drawn = bars(svg);
    expect(drawn).toHaveLength(5);
    const baseline = Number(/<line class="baseline" x1="[\d.]+" y1="([\d.]+)"/.exec(svg)![1]);
    const bar = (title: string) => drawn.find((b) => b.title === title)!;
    // Positive bars end on the baseline, the negative one starts there and goes down.
    expect(bar('A — Jan: 3').y + bar('A — Jan: 3').height).toBeCloseTo(baseline, 1);
    expect(bar('B — Jan: -2').y).toBeCloseTo(baseline, 1);
    // Stacked: Feb's B sits on top of Feb's A, in the same column.
    expect(bar('B — Feb: 4').y + bar('B — Feb: 4').height).toBeCloseTo(bar('A — Feb: 5').y, 1);
    expect(bar('B — Feb: 4').x).toBe(bar('A — Feb: 5').x);
    // Heights are proportional to the values: 5 vs 4, and 3 vs 2.
    expect(bar('A — Feb: 5').height / bar('B — Feb: 4').height).toBeCloseTo(5 / 4, 2);
    expect(bar('A — Jan: 3').height / bar('B — Jan: -2').height).toBeCloseTo(3 / 2, 2);
    for (const label of ['Jan', 'Feb', 'Mar'])
      expect(svg).toContain(`class="category" text-anchor="middle" font-size="12" fill="#444444">${label}</text>`);
    for (const name of ['A', 'B']) expect(svg).toContain(`class="legend" font-size="12" fill="#444444">${name}</text>`);
  });

  it('draws grouped bars side by side, one scatter point per row and one pie slice per category', () => {
    const { workbook, sheet } = book({ S: data });
    sheet.insertChart(
      sheet.newChart().asColumnChart().addRange(sheet.getRange('A1:C3')).setPosition(1, 5, 0, 0).build(),
    );
    sheet.insertChart(
      sheet.newChart().asScatterChart().addRange(sheet.getRange('B1:C4')).setPosition(20, 5, 0, 0).build(),
    );
    sheet.insertChart(sheet.newChart().asPieChart().addRange(sheet.getRange('A1:B3')).setPosition(40, 5, 0, 0).build());
    const html = renderSheetHtml(workbook, 'S');
    const svgs = html.match(/<svg [\s\S]*?<\/svg>/g)!;
    expect(svgs).toHaveLength(3);
    const grouped = bars(svgs[0]);
    expect(grouped).toHaveLength(4);
    expect(grouped[0].x).not.toBe(grouped[2].x); // Jan's A and Jan's B are side by side
    expect(svgs[1].match(/<circle class="point"/g)).toHaveLength(3);
    expect(svgs[2].match(/class="slice"/g)).toHaveLength(2);
  });

  it('picks round ticks that cover the data', () => {
    // Hand-checked: a 0…331 range in about 5 steps → step 100, up to 400.
    expect(niceTicks(0, 331, 5, true)).toEqual([0, 100, 200, 300, 400]);
    // -2…9 in about 4 steps: 11 / 4 = 2.75 → the next round step is 5; from floor(-2 / 5) × 5 = -5 to 10.
    expect(niceTicks(-2, 9, 4, true)).toEqual([-5, 0, 5, 10]);
    const ticks = niceTicks(-0.6, 0.67, 5);
    expect(ticks[0]).toBeLessThanOrEqual(-0.6);
    expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(0.67);
  });
});

describe('renderSheetHtml: the sample report (built bundle)', () => {
  // Built before the block's tests (not while the file is collected): a bundle that fails fails
  // these tests only, not the hand-built ones above.
  let sheet: EmuSheet;
  let html: string;
  beforeAll(() => {
    const sample = generateSample({ customers: 300, orders: 3000 });
    // Every customer gets a hostile name: whichever of them an action list shows, it must stay text.
    const customers = sample.sheets.Clientes.map((row, i) =>
      i === 0 ? row : [row[0], `<script>alert("${row[0]}")</script>`, ...row.slice(2)],
    );
    const run = runReportLikeTheSidebar({
      sheets: { ...sample.sheets, Clientes: customers },
      timeZone: 'Europe/Madrid',
      locale: 'es_ES',
      today: sample.endDate,
    });
    sheet = run.workbook.spreadsheet.sheets.find((s) => s.name === run.result.sheetName)!;
    html = renderSheetHtml(run.workbook, run.result.sheetName);
  });

  it('shows every non-empty cell of the report (section titles included) with its display text', () => {
    let cells = 0;
    sheet.grid.forEach((line, r) =>
      line?.forEach((cell, c) => {
        if (!cell || cell.value === '') return;
        cells++;
        const a1 = `${columnLetters(c + 1)}${r + 1}`;
        if (/^=\s*SPARKLINE\(/i.test(cell.formula ?? '')) {
          // A sparkline is drawn, never shown as text.
          expect(html, a1).toMatch(new RegExp(`<div class="cell spark" data-cell="${a1}" [^>]*><svg `));
          return;
        }
        expect(textOf(html, a1), a1).toBe(
          cellText(cell, 'es_ES', 'Europe/Madrid')
            .replace(/&/g, '&amp;')
            .replace(/</g, '&lt;')
            .replace(/>/g, '&gt;')
            .replace(/"/g, '&quot;')
            .replace(/'/g, '&#39;'),
        );
      }),
    );
    expect(cells).toBeGreaterThan(500);
    expect(html).not.toContain('#FORMULA');
    for (const title of ['Fuentes', 'KPI principales', 'Gráficos', 'Listas de acción'])
      expect(html).toContain(`<span>${title}</span>`);
  });

  it('escapes the <script> customer names: they show as text and no script element exists', () => {
    expect(html).toMatch(/<span>&lt;script&gt;alert\(&quot;CL-\d+&quot;\)&lt;\/script&gt;<\/span>/);
    expect(html.toLowerCase()).not.toContain('<script');
  });

  it('formats money in the es_ES way (thousands ".", decimals ",", euro after)', () => {
    const euros = [...html.matchAll(/<span>(-?[\d.]+,\d\d €)<\/span>/g)].map((m) => m[1]);
    expect(euros.length).toBeGreaterThan(20);
    expect(euros.some((e) => /^\d{1,3}(\.\d{3})+,\d\d €$/.test(e))).toBe(true);
  });

  it('draws one SVG per chart, titled as the chart', () => {
    const specs = sheet.chartSpecs();
    expect(specs.length).toBeGreaterThanOrEqual(4);
    const svgs = html.match(/<svg [^>]*class="chart"[\s\S]*?<\/svg>/g)!;
    expect(svgs).toHaveLength(specs.length);
    specs.forEach((spec, i) =>
      expect(svgs[i]).toContain(`aria-label="${String(spec.options.title).replace(/"/g, '&quot;')}"`),
    );
    // The RFM chart is a bar chart with one bar per segment row of its data block (whichever
    // series — one per health group — holds the row's value).
    const rfm = specs.findIndex((s) => s.type === 'BAR');
    expect(bars(svgs[rfm])).toHaveLength(
      specs[rfm].ranges[0].values.slice(1).filter((row) => row.slice(1).some((v) => typeof v === 'number' && v !== 0))
        .length,
    );
  });

  it("paints the cohort heatmap: the range's largest share gets the max colour, the smallest the min colour", () => {
    const rules = sheet.conditionalFormatRules.filter((r) => r.state.gradient);
    expect(rules.length).toBeGreaterThanOrEqual(1);
    const { gradient, ranges } = rules[0].state;
    const { row, column, numRows, numColumns } = ranges[0].rect;
    expect(gradient!.min!.type).toBe('MIN');
    expect(gradient!.max!.type).toBe('MAX');
    const cells: { a1: string; value: number }[] = [];
    for (let r = row; r < row + numRows; r++) {
      for (let c = column; c < column + numColumns; c++) {
        const value = sheet.cell(r, c)?.value;
        const a1 = `${String.fromCharCode(64 + c)}${r}`;
        if (typeof value !== 'number') continue;
        cells.push({ a1, value });
        expect(backgroundOf(html, a1), a1).toMatch(/^#[0-9a-f]{6}$/);
      }
    }
    expect(cells.length).toBeGreaterThan(20);
    const values = cells.map((c) => c.value);
    const top = cells.filter((c) => c.value === Math.max(...values));
    const bottom = cells.filter((c) => c.value === Math.min(...values));
    for (const c of top) expect(backgroundOf(html, c.a1), c.a1).toBe(gradient!.max!.color);
    for (const c of bottom) expect(backgroundOf(html, c.a1), c.a1).toBe(gradient!.min!.color);
  });
});
