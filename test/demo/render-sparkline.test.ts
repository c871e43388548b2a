// SPARKLINE cells (demo/render/sparkline.ts): drawn inside their cell from the cells they read,
// never shown as their formula or as the emulator's #FORMULA marker.
import { describe, expect, it } from 'vitest';
import { renderSheetHtml } from '../../demo/render';
import { parseSparkline } from '../../demo/render/sparkline';
import { FORMULA_VALUE, type SeedGrid, Workbook } from '../emulator';

/** The inner HTML of the element drawn for a cell. */
function cellHtml(html: string, a1: string): string {
  const m = new RegExp(`<div class="cell spark" data-cell="${a1}" style="([^"]*)">([\\s\\S]*?)</div>`).exec(html);
  if (!m) throw new Error(`no sparkline cell ${a1}`);
  return m[2];
}

function attrs(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
}

function svgSize(inner: string): { width: number; height: number } {
  const a = attrs(/<svg [^>]*>/.exec(inner)![0]);
  return { width: Number(a.width), height: Number(a.height) };
}

function polylinePoints(inner: string): [number, number][] {
  const a = attrs(/<polyline [^>]*>/.exec(inner)![0]);
  return a.points.split(' ').map((p) => p.split(',').map(Number) as [number, number]);
}

function rects(inner: string, cls: string): Record<string, string>[] {
  return [...inner.matchAll(/<rect [^>]*>/g)].map((m) => attrs(m[0])).filter((a) => a.class === cls);
}

/** A workbook whose sheet S has the data row 2 and a sparkline formula in A1. */
function render(formula: string, row: (string | number)[], others: Record<string, SeedGrid> = {}): string {
  const workbook = new Workbook({
    locale: 'es_ES',
    timeZone: 'Europe/Madrid',
    sheets: { S: [[''], ['', ...row]], ...others },
  });
  workbook.spreadsheet.sheets[0].getRange('A1').setFormula(formula);
  return renderSheetHtml(workbook, 'S');
}

const TREND = [12, 15, 11, 18, 20, 19, 25, 23, 22, 28, 30, 27, 31];

describe('SPARKLINE: line (the default)', () => {
  const html = render('=SPARKLINE(B2:N2)', TREND);
  const inner = cellHtml(html, 'A1');

  it('draws a polyline with one point per value inside the cell box, never the formula or #FORMULA', () => {
    expect(html).not.toContain(FORMULA_VALUE);
    expect(html).not.toContain('=SPARKLINE');
    expect(inner).toMatch(/^<svg [^>]*class="sparkline" data-chart-type="line"/);
    const { width, height } = svgSize(inner);
    // Column A is 100 px wide and row 1 is 21 px high (Sheets' defaults): the drawing fits inside.
    expect(width).toBeLessThanOrEqual(100);
    expect(height).toBeLessThanOrEqual(21);
    const pts = polylinePoints(inner);
    expect(pts).toHaveLength(13);
    // Evenly spaced, left to right, over the box.
    const gaps = pts.slice(1).map((p, i) => p[0] - pts[i][0]);
    for (const g of gaps) expect(g).toBeCloseTo(gaps[0], 1);
    expect(pts[0][0]).toBeGreaterThanOrEqual(0);
    expect(pts[12][0]).toBeLessThanOrEqual(width);
    // The smallest value (11, the third) lowest, the largest (31, the last) highest; linear in between.
    const ys = pts.map((p) => p[1]);
    expect(Math.max(...ys)).toBe(ys[2]);
    expect(Math.min(...ys)).toBe(ys[12]);
    const y = (v: number) => ys[2] + ((v - 11) / (31 - 11)) * (ys[12] - ys[2]);
    TREND.forEach((v, i) => expect(ys[i]).toBeCloseTo(y(v), 1));
    expect(attrs(/<polyline [^>]*>/.exec(inner)![0])['stroke-width']).toBe('1');
  });

  it('reads color, linewidth, ymin and ymax', () => {
    const drawn = cellHtml(
      render('=SPARKLINE(B2:D2, {"color","#188038";"linewidth",2;"ymin",0;"ymax",10})', [0, 5, 10]),
      'A1',
    );
    const line = attrs(/<polyline [^>]*>/.exec(drawn)![0]);
    expect(line.stroke).toBe('#188038');
    expect(line['stroke-width']).toBe('2');
    const ys = polylinePoints(drawn).map((p) => p[1]);
    expect(ys[1]).toBeCloseTo((ys[0] + ys[2]) / 2, 1);
    expect(ys[0]).toBeGreaterThan(ys[2]);
    // ymax above the data's maximum: the highest value no longer reaches the top.
    const lower = polylinePoints(cellHtml(render('=SPARKLINE(B2:D2, {"ymax",20})', [0, 5, 10]), 'A1'));
    expect(lower[2][1]).toBeGreaterThan(ys[2] + 5);
  });

  it('treats blanks as 0 and text as 0 by default, and leaves them out with empty/nan "ignore"', () => {
    const row = [1, '', 3, 'n/d', 5];
    const all = polylinePoints(cellHtml(render('=SPARKLINE(B2:F2)', row), 'A1'));
    expect(all).toHaveLength(5);
    expect(all[1][1]).toBe(all[3][1]); // both drawn as 0, the lowest point
    const kept = polylinePoints(cellHtml(render('=SPARKLINE(B2:F2, {"empty","ignore";"nan","ignore"})', row), 'A1'));
    expect(kept).toHaveLength(3);
  });

  it('reads options written the semicolon-locale way: ; between arguments, \\ between columns', () => {
    const drawn = cellHtml(render('=SPARKLINE(B2:D2; {"color"\\"red";"linewidth"\\1,5})', [1, 2, 3]), 'A1');
    const line = attrs(/<polyline [^>]*>/.exec(drawn)![0]);
    expect(line.stroke).toBe('red');
    expect(line['stroke-width']).toBe('1.5');
  });

  it("reads another sheet's cells ('Sheet name'!B2:D2) and shows #REF! for a sheet that does not exist", () => {
    const html2 = render("=SPARKLINE('Datos KPI'!B2:D2)", [], {
      'Datos KPI': [
        ['', '', '', ''],
        ['NPS', 10, 30, 20],
      ],
    });
    const ys = polylinePoints(cellHtml(html2, 'A1')).map((p) => p[1]);
    expect(ys).toHaveLength(3);
    expect(ys[1]).toBeLessThan(ys[2]);
    expect(ys[2]).toBeLessThan(ys[0]);
    expect(cellHtml(render("=SPARKLINE('Nope'!B2:D2)", []), 'A1')).toBe('<span>#REF!</span>');
  });
});

describe('SPARKLINE: column, winloss and bar', () => {
  it('column: one column per value from the zero baseline, heights proportional, colours by rule', () => {
    const inner = cellHtml(
      render(
        '=SPARKLINE(B2:E2, {"charttype","column";"color","#111111";"negcolor","#ff0000";"highcolor","#00ff00"})',
        [3, -2, 5, 1],
      ),
      'A1',
    );
    const cols = rects(inner, 'spark-column').map((a) => ({
      x: Number(a.x),
      y: Number(a.y),
      h: Number(a.height),
      w: Number(a.width),
      fill: a.fill,
    }));
    expect(cols.map((c) => c.fill)).toEqual(['#111111', '#ff0000', '#00ff00', '#111111']);
    expect(cols[0].h / cols[3].h).toBeCloseTo(3, 2);
    expect(cols[2].h / cols[1].h).toBeCloseTo(5 / 2, 2);
    const baseline = cols[0].y + cols[0].h;
    expect(cols[1].y).toBeCloseTo(baseline, 1); // the negative one hangs below
    expect(cols[2].y + cols[2].h).toBeCloseTo(baseline, 1);
    expect(cols[1].x).toBeGreaterThan(cols[0].x + cols[0].w);
  });

  it('winloss: equal columns up for wins, down for losses, none for zero', () => {
    const inner = cellHtml(render('=SPARKLINE(B2:E2, {"charttype","winloss"})', [3, -1, 0, 2]), 'A1');
    const cols = rects(inner, 'spark-column');
    expect(cols.map((c) => c['data-index'])).toEqual(['0', '1', '3']);
    expect(new Set(cols.map((c) => c.height)).size).toBe(1);
    expect(Number(cols[1].y)).toBeCloseTo(Number(cols[0].y) + Number(cols[0].height), 1);
  });

  it('bar: one stacked bar, segments alternating color1/color2, max as the full width', () => {
    const inner = cellHtml(
      render('=SPARKLINE(B2:D2, {"charttype","bar";"max",40;"color1","#111111";"color2","#222222"})', [5, 5, 10]),
      'A1',
    );
    const segments = rects(inner, 'spark-bar');
    expect(segments.map((s) => s.fill)).toEqual(['#111111', '#222222', '#111111']);
    const widths = segments.map((s) => Number(s.width));
    const { width } = svgSize(inner);
    expect(widths[2]).toBeCloseTo(2 * widths[0], 1);
    // 20 of a max of 40: half the room.
    expect(widths.reduce((s, w) => s + w, 0)).toBeCloseTo((width - 2) / 2, 1);
    expect(Number(segments[1].x)).toBeCloseTo(Number(segments[0].x) + widths[0], 1);
  });
});

describe('parseSparkline', () => {
  it('parses the data reference and the option rows; anything else is not a sparkline', () => {
    expect(parseSparkline('=SPARKLINE(A1:F1)')).toEqual({ data: { reference: 'A1:F1' } });
    expect(parseSparkline('=sparkline($B$2:$N$2, {"charttype","column"; "axis", true; "ymax", 40})')).toEqual({
      data: { reference: '$B$2:$N$2' },
      options: {
        array: [
          ['charttype', 'column'],
          ['axis', true],
          ['ymax', 40],
        ],
      },
    });
    expect(parseSparkline('=SPARKLINE(A2:E2,A4:B5)')).toEqual({
      data: { reference: 'A2:E2' },
      options: { reference: 'A4:B5' },
    });
    expect(parseSparkline('=SUM(A1:A3)')).toBeNull();
    expect(parseSparkline('=SPARKLINE(A1:A3)+1')).toBeNull();
  });
});
