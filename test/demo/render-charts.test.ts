// Charts the redesigned report draws, rendered from small emulated sheets and checked on the SVG's
// geometry: a combo chart (stacked shares + a line on a right axis), per-series options (colour,
// line width, point size, legend), a scatter chart with one series per driver and quadrant lines,
// and bar/column charts coloured by group (one stacked series per group).
import { describe, expect, it } from 'vitest';
import { renderSheetHtml } from '../../demo/render';
import { alignedTicks } from '../../demo/render/chart-common';
import { type SeedGrid, Workbook } from '../emulator';

/** An SVG element: its attributes, its text and its tooltip. */
interface El {
  attrs: Record<string, string>;
  text: string;
  title?: string;
  n(name: string): number;
}

/** Elements `<tag …>` of an SVG string, optionally only those with a class and data attributes. */
function find(svg: string, tag: string, cls?: string, data: Record<string, string> = {}): El[] {
  const out: El[] = [];
  for (const m of svg.matchAll(new RegExp(`<${tag}\\b([^>]*?)(/?)>`, 'g'))) {
    const attrs = Object.fromEntries([...m[1].matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
    if (cls && !(attrs.class ?? '').split(' ').includes(cls)) continue;
    if (Object.entries(data).some(([k, v]) => attrs[`data-${k}`] !== v)) continue;
    const rest = svg.slice((m.index ?? 0) + m[0].length);
    out.push({
      attrs,
      text: m[2] ? '' : (/^([^<]*)/.exec(rest)?.[1] ?? ''),
      title: /^<title>([^<]*)<\/title>/.exec(rest)?.[1],
      n: (name) => Number(attrs[name]),
    });
  }
  return out;
}

function points(el: El): [number, number][] {
  return el.attrs.points.split(' ').map((p) => p.split(',').map(Number) as [number, number]);
}

function plotOf(svg: string): { x: number; y: number; w: number; h: number } {
  const p = find(svg, 'rect', 'plot')[0];
  return { x: p.n('x'), y: p.n('y'), w: p.n('width'), h: p.n('height') };
}

function legendLabels(svg: string): string[] {
  return find(svg, 'text', 'legend').map((t) => t.text);
}

type ChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

/** Renders one chart of a one-sheet workbook and returns its SVG. */
function draw(data: SeedGrid, build: (b: ChartBuilder) => ChartBuilder) {
  const workbook = new Workbook({ locale: 'en_US', timeZone: 'Europe/Madrid', sheets: { S: data } });
  const sheet = workbook.spreadsheet.sheets[0];
  const range = sheet.getRange(1, 1, data.length, data[0].length);
  sheet.insertChart(build(sheet.newChart().addRange(range)).setPosition(1, 10, 0, 0).build());
  const html = renderSheetHtml(workbook, 'S');
  return { svg: /<svg [\s\S]*?<\/svg>/.exec(html)![0], sheet };
}

// NPS by month: shares that sum to 1 (stacked columns) and the NPS (a line on the right axis).
const NPS: SeedGrid = [
  ['Month', 'Promoters', 'Passives', 'Detractors', 'NPS'],
  ['Jan', 0.5, 0.3, 0.2, 30],
  ['Feb', 0.6, 0.3, 0.1, 50],
  ['Mar', 0.4, 0.4, 0.2, 20],
];

describe('COMBO chart: stacked shares and a line on a right axis', () => {
  const { svg } = draw(NPS, (b) =>
    b
      .asComboChart()
      .setStacked()
      .setOption('seriesType', 'bars')
      .setOption('series', { 3: { type: 'line', targetAxisIndex: 1, color: '#202124', lineWidth: 3, pointSize: 6 } })
      .setOption('vAxes', {
        0: { format: 'percent', title: 'Share', viewWindow: { min: 0, max: 1 } },
        1: { title: 'NPS', viewWindow: { min: -100, max: 100 } },
      }),
  );
  const plot = plotOf(svg);
  const bars = find(svg, 'rect', 'bar');

  it('draws the three share series as stacked bars that fill the plot height in every month', () => {
    expect(bars).toHaveLength(9);
    for (const month of ['Jan', 'Feb', 'Mar']) {
      const column = bars.filter((b) => b.title!.includes(`— ${month}:`));
      expect(column).toHaveLength(3);
      expect(new Set(column.map((b) => b.n('x'))).size).toBe(1);
      // Shares sum to 1 and the axis spans 0…1: the stack is the plot's whole height.
      expect(column.reduce((s, b) => s + b.n('height'), 0)).toBeCloseTo(plot.h, 1);
      // Stacked bottom-up in series order: promoters on the baseline, detractors on top.
      const [p, q, d] = [0, 1, 2].map((k) => column.find((b) => b.attrs['data-series'] === String(k))!);
      expect(p.n('y') + p.n('height')).toBeCloseTo(plot.y + plot.h, 1);
      expect(q.n('y') + q.n('height')).toBeCloseTo(p.n('y'), 1);
      expect(d.n('y')).toBeCloseTo(plot.y, 1);
    }
    const jan = bars.filter((b) => b.title!.includes('— Jan:'));
    expect(jan[0].n('height') / jan[2].n('height')).toBeCloseTo(0.5 / 0.2, 2);
  });

  it('draws the NPS as a polyline on the right axis scale (−100…100), over the bars', () => {
    const lines = find(svg, 'polyline', 'line');
    expect(lines).toHaveLength(1);
    expect(lines[0].attrs['data-series']).toBe('3');
    expect(lines[0].attrs['data-axis']).toBe('1');
    expect(lines[0].attrs.stroke).toBe('#202124');
    expect(lines[0].attrs['stroke-width']).toBe('3');
    const pts = points(lines[0]);
    expect(pts).toHaveLength(3);
    [30, 50, 20].forEach((nps, i) => {
      // y of a value v on −100…100: the top is 100, the bottom −100.
      expect(pts[i][1]).toBeCloseTo(plot.y + plot.h * ((100 - nps) / 200), 1);
      // x at the middle of the month's column.
      const column = bars.find((b) => b.title!.includes(`— ${['Jan', 'Feb', 'Mar'][i]}:`))!;
      expect(pts[i][0]).toBeCloseTo(column.n('x') + column.n('width') / 2, 1);
    });
    expect(svg.indexOf('<polyline')).toBeGreaterThan(svg.lastIndexOf('<rect class="bar"'));
    const dots = find(svg, 'circle', 'point', { series: '3' });
    expect(dots).toHaveLength(3);
    expect(dots[0].n('r')).toBe(3);
  });

  it('labels the left axis in percent and the right axis on the same gridlines, each with its title', () => {
    const left = find(svg, 'text', 'tick', { axis: '0' });
    const right = find(svg, 'text', 'tick', { axis: '1' });
    expect(left.map((t) => t.text)).toEqual(['0%', '20%', '40%', '60%', '80%', '100%']);
    expect(right.map((t) => Number(t.text))).toEqual([-100, -60, -20, 20, 60, 100]);
    expect(right.map((t) => t.n('y'))).toEqual(left.map((t) => t.n('y')));
    // The right labels sit right of the plot, the left ones left of it.
    for (const t of right) expect(t.n('x')).toBeGreaterThan(plot.x + plot.w);
    for (const t of left) expect(t.n('x')).toBeLessThan(plot.x);
    expect(find(svg, 'text', 'axis-title', { side: 'left' })[0].text).toBe('Share');
    expect(find(svg, 'text', 'axis-title', { side: 'right' })[0].text).toBe('NPS');
  });

  it('lists all four series in the legend, the NPS with a line swatch', () => {
    expect(legendLabels(svg)).toEqual(['Promoters', 'Passives', 'Detractors', 'NPS']);
    expect(find(svg, 'g', 'legend-swatch', { series: '3' })).toHaveLength(1);
    expect(find(svg, 'rect', 'legend-swatch', { series: '0' })).toHaveLength(1);
  });
});

describe('COMBO chart: series options', () => {
  const MRR: SeedGrid = [
    ['Month', 'New', 'Expansion', 'Churn', 'Net new'],
    ['Jan', 100, 40, -30, 110],
    ['Feb', 120, 20, -60, 80],
  ];

  it('takes the flat form series.N.type; bars stack (negatives below), the line is not stacked', () => {
    const { svg } = draw(MRR, (b) =>
      b.asComboChart().setStacked().setOption('series.3.type', 'line').setOption('series.3.color', '#000000'),
    );
    const plot = plotOf(svg);
    const bars = find(svg, 'rect', 'bar');
    expect(bars).toHaveLength(6);
    const line = find(svg, 'polyline', 'line')[0];
    expect(line.attrs['data-series']).toBe('3');
    expect(line.attrs['data-axis']).toBe('0');
    expect(find(svg, 'text', 'tick', { axis: '1' })).toHaveLength(0);
    // One axis for all: the line's Jan point (110) is at the height of a 110 bar, not 110 above the stack.
    const ticks = find(svg, 'text', 'tick', { axis: '0' }).map((t) => ({ v: Number(t.text), y: t.n('y') - 4 }));
    const y = (v: number) => {
      const [a, z] = [ticks[0], ticks[ticks.length - 1]];
      return a.y + ((v - a.v) / (z.v - a.v)) * (z.y - a.y);
    };
    expect(points(line)[0][1]).toBeCloseTo(y(110), 1);
    expect(points(line)[1][1]).toBeCloseTo(y(80), 1);
    const baseline = find(svg, 'line', 'baseline')[0].n('y1');
    expect(baseline).toBeCloseTo(y(0), 1);
    const churn = bars.find((b) => b.title === 'Churn — Feb: -60')!;
    expect(churn.n('y')).toBeCloseTo(baseline, 1);
    expect(churn.n('height')).toBeCloseTo(y(-60) - y(0), 1);
    const expansion = bars.find((b) => b.title === 'Expansion — Feb: 20')!;
    expect(expansion.n('y') + expansion.n('height')).toBeCloseTo(y(120), 1);
    expect(plot.h).toBeGreaterThan(100);
  });

  it('series.N.color overrides colors; hidden and relabelled legend entries; point-only and line-only series', () => {
    const { svg } = draw(MRR, (b) =>
      b
        .asComboChart()
        .setColors(['#111111', '#222222', '#333333', '#444444'])
        .setOption('seriesType', 'line')
        .setOption('series', {
          0: { type: 'bars' },
          1: { color: '#ff0000', lineWidth: 0, pointSize: 8 },
          2: { pointSize: 0, visibleInLegend: false },
          3: { labelInLegend: 'Net new MRR' },
        }),
    );
    expect(find(svg, 'rect', 'bar').map((b) => b.attrs.fill)).toEqual(['#111111', '#111111']);
    expect(find(svg, 'polyline', 'line', { series: '1' })).toHaveLength(0);
    const dots = find(svg, 'circle', 'point', { series: '1' });
    expect(dots).toHaveLength(2);
    expect(dots.every((d) => d.attrs.fill === '#ff0000' && d.n('r') === 4)).toBe(true);
    expect(find(svg, 'polyline', 'line', { series: '2' })[0].attrs.stroke).toBe('#333333');
    expect(find(svg, 'circle', 'point', { series: '2' })).toHaveLength(0);
    expect(legendLabels(svg)).toEqual(['New', 'Expansion', 'Net new MRR']);
    expect(find(svg, 'circle', 'legend-swatch', { series: '1' })).toHaveLength(1);
  });

  it("isStacked 'percent' turns each stack into shares of its category's total", () => {
    const counts: SeedGrid = [
      ['Month', 'Promoters', 'Passives', 'Detractors'],
      ['Jan', 12, 20, 8],
      ['Feb', 30, 15, 5],
    ];
    const { svg } = draw(counts, (b) => b.asColumnChart().setOption('isStacked', 'percent'));
    const plot = plotOf(svg);
    const bars = find(svg, 'rect', 'bar');
    for (const month of ['Jan', 'Feb']) {
      const column = bars.filter((b) => b.title!.includes(`— ${month}:`));
      expect(column.reduce((s, b) => s + b.n('height'), 0)).toBeCloseTo(plot.h, 1);
    }
    expect(bars.find((b) => b.title === 'Promoters — Feb: 30')!.n('height')).toBeCloseTo(plot.h * 0.6, 1);
    expect(find(svg, 'text', 'tick').map((t) => t.text)).toContain('100%');
  });

  it('gridlines.count sets how many gridlines both axes share (NPS 0 on a gridline)', () => {
    const { svg } = draw(NPS, (b) =>
      b
        .asComboChart()
        .setStacked()
        .setOption('series', { 3: { type: 'line', targetAxisIndex: 1 } })
        .setOption('vAxes', {
          0: { format: 'percent', viewWindow: { min: 0, max: 1 }, gridlines: { count: 5 } },
          1: { format: '0', viewWindow: { min: -100, max: 100 } },
        }),
    );
    expect(find(svg, 'text', 'tick', { axis: '0' }).map((t) => t.text)).toEqual(['0%', '25%', '50%', '75%', '100%']);
    expect(find(svg, 'text', 'tick', { axis: '1' }).map((t) => t.text)).toEqual(['-100', '-50', '0', '50', '100']);
  });

  it('aligns a second axis on the first one in round steps', () => {
    expect(alignedTicks(-20, 60, 4)).toEqual([-20, 0, 20, 40, 60]);
    expect(alignedTicks(3, 47, 5)).toEqual([0, 10, 20, 30, 40, 50]);
    const ticks = alignedTicks(-0.13, 0.71, 4);
    expect(ticks).toHaveLength(5);
    expect(ticks[0]).toBeLessThanOrEqual(-0.13);
    expect(ticks[4]).toBeGreaterThanOrEqual(0.71);
  });
});

describe('SCATTER with one series per driver and quadrant lines', () => {
  // x = satisfaction, one y column per driver (importance), blanks where a driver has no point;
  // two more series draw the quadrant lines at the averages: two points each, no dots.
  const DRIVERS: SeedGrid = [
    ['Satisfaction', 'Delivery', 'Price', 'Support', 'x̄', 'ȳ'],
    [3.96, 0.58, '', '', '', ''],
    [4.06, '', 0.54, '', '', ''],
    [4.01, '', '', 0.67, '', ''],
    [4.01, '', '', '', 0.4, ''],
    [4.01, '', '', '', 0.8, ''],
    [3.9, '', '', '', '', 0.6],
    [4.1, '', '', '', '', 0.6],
  ];
  const quadrant = { lineWidth: 1, pointSize: 0, visibleInLegend: false, color: '#9aa0a6' };
  const { svg } = draw(DRIVERS, (b) =>
    b
      .asScatterChart()
      .setXAxisTitle('Satisfaction')
      .setXAxisRange(3.9, 4.1)
      .setOption('vAxes', { 0: { title: 'Importance', viewWindow: { min: 0.4, max: 0.8 } } })
      .setOption('series', { 3: quadrant, 4: quadrant }),
  );
  const plot = plotOf(svg);
  const x = (v: number) => plot.x + ((v - 3.9) / 0.2) * plot.w;
  const y = (v: number) => plot.y + plot.h - ((v - 0.4) / 0.4) * plot.h;

  it('draws each driver as a dot of its own colour, named in the legend; quadrant series stay out of it', () => {
    const dots = find(svg, 'circle', 'point');
    expect(dots).toHaveLength(3);
    expect(dots.map((d) => d.attrs.fill)).toEqual(['#4285f4', '#ea4335', '#fbbc04']);
    expect(dots[0].n('cx')).toBeCloseTo(x(3.96), 1);
    expect(dots[0].n('cy')).toBeCloseTo(y(0.58), 1);
    expect(dots[2].n('r')).toBe(3.5); // Google's scatter default pointSize 7
    expect(legendLabels(svg)).toEqual(['Delivery', 'Price', 'Support']);
    expect(find(svg, 'circle', 'legend-swatch')).toHaveLength(3);
  });

  it('joins each quadrant series into a line across the plot, and no driver into one', () => {
    const lines = find(svg, 'polyline', 'line');
    expect(lines.map((l) => l.attrs['data-series'])).toEqual(['3', '4']);
    const [vertical, horizontal] = lines.map(points);
    expect(vertical.map((p) => p[0])).toEqual([x(4.01), x(4.01)].map((v) => Number(v.toFixed(2))));
    expect(vertical[0][1]).toBeCloseTo(plot.y + plot.h, 1);
    expect(vertical[1][1]).toBeCloseTo(plot.y, 1);
    expect(horizontal[0]).toEqual([plot.x, Number(y(0.6).toFixed(2))]);
    expect(horizontal[1][0]).toBeCloseTo(plot.x + plot.w, 1);
    expect(lines[0].attrs.stroke).toBe('#9aa0a6');
  });

  it('titles both axes', () => {
    expect(find(svg, 'text', 'axis-title', { side: 'left' })[0].text).toBe('Importance');
    expect(find(svg, 'text', 'axis-title').map((t) => t.text)).toContain('Satisfaction');
  });

  it('breaks a line at a row where its series is blank, unless interpolateNulls', () => {
    const data: SeedGrid = [
      ['x', 'a', 'b'],
      [1, 1, ''],
      [2, '', 5],
      [3, 3, ''],
    ];
    const broken = draw(data, (b) => b.asScatterChart().setOption('series.0.lineWidth', 2));
    expect(find(broken.svg, 'polyline', 'line')).toHaveLength(0);
    const joined = draw(data, (b) =>
      b.asScatterChart().setOption('series.0.lineWidth', 2).setOption('interpolateNulls', true),
    );
    expect(find(joined.svg, 'polyline', 'line').map((l) => points(l).length)).toEqual([2]);
  });
});

describe('BAR and COLUMN charts coloured by group: one stacked series per group', () => {
  const SEGMENTS: SeedGrid = [
    ['Segment', 'Healthy', 'At risk', 'Lost'],
    ['Champions', 120, '', ''],
    ['Loyal', 80, '', ''],
    ['Need attention', '', 60, ''],
    ['Hibernating', '', '', 40],
  ];

  it('BAR: one full-thickness bar per segment, in its group colour, from the baseline, top to bottom', () => {
    const { svg } = draw(SEGMENTS, (b) => b.asBarChart().setStacked().setColors(['#34a853', '#fbbc04', '#ea4335']));
    const plot = plotOf(svg);
    const bars = find(svg, 'rect', 'bar');
    expect(bars.map((b) => b.attrs.fill)).toEqual(['#34a853', '#34a853', '#fbbc04', '#ea4335']);
    const slot = plot.h / 4;
    bars.forEach((b, i) => {
      expect(b.n('height')).toBeCloseTo(slot * 0.618, 1);
      expect(b.n('y') + b.n('height') / 2).toBeCloseTo(plot.y + (i + 0.5) * slot, 1);
    });
    const baseline = find(svg, 'line', 'baseline')[0].n('x1');
    for (const b of bars) expect(b.n('x')).toBeCloseTo(baseline, 1);
    expect(bars[0].n('width') / bars[3].n('width')).toBeCloseTo(120 / 40, 2);
    expect(find(svg, 'text', 'category').map((t) => t.text)).toEqual([
      'Champions',
      'Loyal',
      'Need attention',
      'Hibernating',
    ]);
    expect(legendLabels(svg)).toEqual(['Healthy', 'At risk', 'Lost']);
  });

  it('COLUMN: the same, upright; unstacked, the bars would be thin and off-centre', () => {
    const stacked = draw(SEGMENTS, (b) => b.asColumnChart().setStacked());
    const plot = plotOf(stacked.svg);
    const bars = find(stacked.svg, 'rect', 'bar');
    const slot = plot.w / 4;
    bars.forEach((b, i) => {
      expect(b.n('width')).toBeCloseTo(slot * 0.618, 1);
      expect(b.n('x') + b.n('width') / 2).toBeCloseTo(plot.x + (i + 0.5) * slot, 1);
    });
    const grouped = find(draw(SEGMENTS, (b) => b.asColumnChart()).svg, 'rect', 'bar');
    expect(grouped[0].n('width')).toBeCloseTo(bars[0].n('width') / 3, 1);
  });

  it('reverseCategories puts the first row at the bottom', () => {
    const { svg } = draw(SEGMENTS, (b) =>
      (b.asBarChart().setStacked() as GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder).reverseCategories(),
    );
    const bars = find(svg, 'rect', 'bar');
    expect(bars[0].n('y')).toBeGreaterThan(bars[3].n('y'));
  });
});

describe('LINE and AREA charts', () => {
  const DATA: SeedGrid = [
    ['Month', 'A', 'B'],
    ['Jan', 1, 2],
    ['Feb', 2, ''],
    ['Mar', '', 2],
    ['Apr', 4, 2],
    ['May', 5, 2],
  ];

  it('LINE: 2 px lines without dots, broken at blanks; a point alone shows only with a pointSize', () => {
    const { svg } = draw(DATA, (b) => b.asLineChart());
    const a = find(svg, 'polyline', 'line', { series: '0' });
    expect(a.map((l) => points(l).length)).toEqual([2, 2]);
    expect(a[0].attrs['stroke-width']).toBe('2');
    // Series B: Jan alone (Feb is blank), then Mar–May.
    expect(find(svg, 'polyline', 'line', { series: '1' }).map((l) => points(l).length)).toEqual([3]);
    expect(find(svg, 'circle', 'point')).toHaveLength(0);
    expect(find(svg, 'line', 'legend-swatch')).toHaveLength(2);
    const dotted = draw(DATA, (b) => b.asLineChart().setOption('pointSize', 5));
    expect(find(dotted.svg, 'circle', 'point', { series: '1' })).toHaveLength(4);
  });

  it('AREA stacked: the second area sits on the first', () => {
    const { svg } = draw(
      [
        ['Month', 'A', 'B'],
        ['Jan', 1, 2],
        ['Feb', 2, 2],
      ],
      (b) => b.asAreaChart().setStacked(),
    );
    const [a, b] = find(svg, 'polygon', 'area').map(points);
    // Polygon = top line left→right, then floor right→left: B's floor is A's top.
    expect(b.slice(2).reverse()).toEqual(a.slice(0, 2));
    const plot = plotOf(svg);
    expect(a[2][1]).toBeCloseTo(plot.y + plot.h, 1);
  });
});
