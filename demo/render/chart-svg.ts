/**
 * Draws an embedded chart as inline SVG from the spec the emulator recorded for it (type, ranges
 * with their values and display values, Google Charts options, anchor), the way Sheets draws it:
 *
 * - Data: the ranges are put side by side (`MERGE_COLUMNS`, the default) or one under the other
 *   (`MERGE_ROWS`), transposed when asked; the first row holds the series names when
 *   `numHeaders` says so (or, when it is -1, when that row is text over data, as Sheets guesses);
 *   the first column is the domain (categories, shown with the cells' display values — dates as
 *   formatted in the sheet) and each further column is a series.
 * - Types: COLUMN and BAR (grouped, or stacked with `isStacked`: positives stack up from the
 *   baseline and negatives down from it), LINE, AREA (stacked or overlapping), SCATTER (numeric
 *   x axis), PIE (slices clockwise from 12 o'clock with percentage labels). Other types are drawn
 *   as a labelled placeholder, never silently left out.
 * - Options read: `title`, `isStacked`, `colors`, `legend.position` (default `right`),
 *   `hAxis.title`, `vAxis.title`, `hAxis/vAxis.viewWindow.min/max`, `backgroundColor`, `width`,
 *   `height` (default 600 × 371 px, the size of a new Sheets chart), `pointStyle`.
 * - Value axes get "nice" ticks (1, 2, 2.5, 5 × 10ⁿ) labelled with the series' number format in
 *   the spreadsheet locale; category labels are wrapped on two lines or thinned out when they do
 *   not fit, as Google Charts does.
 */
import { parseA1, readOption, type ChartSpec, type EmuValue } from '../../test/emulator';
import { displayValue } from '../../test/emulator';
import { escapeHtml, fitText, textWidth, wrapText } from './text';

/** Sheets' default chart size in pixels. */
export const DEFAULT_CHART_WIDTH = 600;
export const DEFAULT_CHART_HEIGHT = 371;

/** Google Sheets' default series colours. */
export const DEFAULT_COLORS = [
  '#4285f4',
  '#ea4335',
  '#fbbc04',
  '#34a853',
  '#ff6d01',
  '#46bdc6',
  '#7baaf7',
  '#f07b72',
  '#fcd04f',
  '#71c287',
];

const FONT = 'Roboto, Arial, &quot;Liberation Sans&quot;, &quot;DejaVu Sans&quot;, sans-serif';
const LABEL_PX = 12;
const TITLE_PX = 15;
const TEXT_COLOR = '#444444';

/** What drawing a chart needs besides its spec. */
export interface ChartContext {
  /** Spreadsheet locale (`es_ES`, `en_US`) for axis labels. */
  locale: string;
  /** Spreadsheet zone for date values. */
  timeZone: string;
  /** Number format of a cell (1-based row and column) of a sheet, if any. */
  formatOf(sheet: string, row: number, column: number): string | undefined;
}

/** One cell of a chart's data table. */
interface DataCell {
  value: EmuValue;
  display: string;
  format?: string;
}

/** A chart's data: domain column and series. */
export interface ChartData {
  /** Domain labels (display values). */
  categories: string[];
  /** Domain values (numbers for scatter). */
  domain: (number | null)[];
  /** Number format of the domain column. */
  domainFormat?: string;
  /** Series: name, numbers (null for blanks and text), number format. */
  series: { name: string; values: (number | null)[]; format?: string }[];
}

function numberOf(value: EmuValue): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (Object.prototype.toString.call(value) === '[object Date]') return (value as Date).getTime() / 86_400_000 + 25569;
  return null;
}

/**
 * The data table of a chart spec: ranges merged, transposed if asked, headers detected.
 * @param spec the recorded chart.
 * @param context locale, zone and the cells' number formats.
 * @return domain and series.
 */
export function chartData(spec: ChartSpec, context: ChartContext): ChartData {
  const blocks = spec.ranges.map((range) => {
    const rect = parseA1(range.a1, 10_000_000, 18_278);
    return range.values.map((row, r) =>
      row.map(
        (value, c): DataCell => ({
          value,
          display: range.displayValues[r]?.[c] ?? '',
          format: context.formatOf(range.sheet, rect.row + r, rect.column + c),
        }),
      ),
    );
  });
  let table: DataCell[][] = [];
  if (spec.mergeStrategy === 'MERGE_ROWS') for (const block of blocks) table.push(...block);
  else {
    const rows = Math.max(0, ...blocks.map((b) => b.length));
    for (let r = 0; r < rows; r++)
      table.push(
        blocks.flatMap((b) => b[r] ?? new Array<DataCell>(b[0]?.length ?? 0).fill({ value: '', display: '' })),
      );
  }
  if (spec.transposeRowsAndColumns && table.length) table = table[0].map((_, c) => table.map((row) => row[c]));
  const width = Math.max(0, ...table.map((row) => row.length));
  let headers = spec.numHeaders;
  if (headers < 0) {
    const first = table[0] ?? [];
    const second = table[1] ?? [];
    const textOverData = first
      .slice(1)
      .some(
        (cell, c) =>
          typeof cell?.value === 'string' && cell.value !== '' && numberOf(second[c + 1]?.value ?? '') !== null,
      );
    headers = table.length > 1 && (textOverData || (width === 1 && typeof first[0]?.value === 'string')) ? 1 : 0;
  }
  const body = table.slice(headers);
  const header = headers > 0 ? table[headers - 1] : [];
  const firstFormat = (c: number) => body.find((row) => row[c] && row[c].value !== '')?.[c]?.format;
  return {
    categories: body.map((row) => row[0]?.display ?? ''),
    domain: body.map((row) => numberOf(row[0]?.value ?? '')),
    domainFormat: firstFormat(0),
    series: Array.from({ length: Math.max(0, width - 1) }, (_, i) => ({
      name: header[i + 1]?.display ?? '',
      values: body.map((row) => numberOf(row[i + 1]?.value ?? '')),
      format: firstFormat(i + 1),
    })),
  };
}

/**
 * Evenly spaced round ticks (steps 1, 2, 2.5 or 5 × 10ⁿ) covering a value interval.
 * @param lo smallest value to cover.
 * @param hi largest value to cover.
 * @param target about how many intervals are wanted.
 * @param integer whether ticks must be whole numbers (counts).
 * @return ascending ticks, the first ≤ lo and the last ≥ hi.
 * @example niceTicks(0, 331, 5, true) // [0, 100, 200, 300, 400]
 */
export function niceTicks(lo: number, hi: number, target: number, integer = false): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (lo === hi) {
    if (lo === 0) hi = 1;
    else if (lo > 0) lo = 0;
    else hi = 0;
  }
  const raw = (hi - lo) / Math.max(1, target);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw * 0.95) ?? 10 * magnitude;
  if (integer && !Number.isInteger(step))
    step = step < 1 ? 1 : Math.ceil(step / magnitude) * magnitude === 3 * magnitude ? 5 * magnitude : Math.ceil(step);
  const start = Math.floor(lo / step + 1e-9) * step;
  const ticks: number[] = [];
  for (let v = start; ; v += step) {
    ticks.push(Number(v.toPrecision(12)));
    if (ticks.length >= 2 && v >= hi - step * 1e-9) break;
  }
  return ticks;
}

function decimalsOf(x: number): number {
  const text = String(Number(Math.abs(x).toPrecision(12)));
  return text.includes('e-') ? Number(text.split('e-')[1]) : (text.split('.')[1] ?? '').length;
}

/** Tick label: the series' format when it shows enough decimals for the step, else a plain number. */
function tickFormatter(pattern: string | undefined, step: number, context: ChartContext): (v: number) => string {
  const section = (pattern ?? '').split(';')[0];
  const percent = /%/.test(section.replace(/"[^"]*"/g, ''));
  const needed = decimalsOf(step * (percent ? 100 : 1));
  const shown = ((/\.([0#?]+)/.exec(section) ?? [])[1] ?? '').length;
  if (pattern && (shown >= needed || /[ydhs]/i.test(section.replace(/"[^"]*"|\[[^\]]*\]/g, ''))))
    return (v) => displayValue(v, pattern, context.locale, context.timeZone);
  const decimals = needed ? `.${'0'.repeat(needed)}` : '';
  const fallback = percent ? `0${decimals}%` : `#,##0${decimals}`;
  return (v) => displayValue(v, fallback, context.locale, context.timeZone);
}

/** Linear scale from a value interval to pixels. */
function scale(d0: number, d1: number, p0: number, p1: number): (v: number) => number {
  const k = d1 === d0 ? 0 : (p1 - p0) / (d1 - d0);
  return (v) => p0 + (v - d0) * k;
}

function fmt(n: number): string {
  return Number(n.toFixed(2)).toString();
}

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${fmt(x)}" y="${fmt(y)}" ${attrs}>${escapeHtml(content)}</text>`;
}

function optionNumber(options: Record<string, unknown>, key: string): number | null {
  const v = readOption(options, key);
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function optionString(options: Record<string, unknown>, key: string): string | null {
  const v = readOption(options, key);
  return typeof v === 'string' && v !== '' ? v : null;
}

/** Legend items laid out in rows (bottom/top) or a column (right/left). */
interface Legend {
  position: string;
  items: { label: string; color: string }[];
  size: number;
}

function legendItemWidth(label: string): number {
  return 10 + 6 + textWidth(label, LABEL_PX) + 18;
}

function layoutLegend(position: string, items: Legend['items'], width: number): Legend {
  if (position === 'none' || items.length === 0) return { position: 'none', items, size: 0 };
  if (position === 'top' || position === 'bottom') {
    let rows = 1;
    let x = 0;
    for (const item of items) {
      const w = legendItemWidth(item.label);
      if (x > 0 && x + w > width - 32) {
        rows++;
        x = 0;
      }
      x += w;
    }
    return { position, items, size: rows * 18 + 10 };
  }
  const widest = Math.max(...items.map((i) => legendItemWidth(i.label)));
  return { position: position === 'left' ? 'left' : 'right', items, size: Math.min(widest + 8, width * 0.3) };
}

function drawLegend(
  legend: Legend,
  box: { x: number; y: number; w: number; h: number },
  marker: 'square' | 'circle',
): string {
  if (legend.position === 'none') return '';
  const out: string[] = [];
  const swatch = (x: number, y: number, color: string) =>
    marker === 'circle'
      ? `<circle cx="${fmt(x + 5)}" cy="${fmt(y - 4)}" r="5" fill="${color}"/>`
      : `<rect x="${fmt(x)}" y="${fmt(y - 9)}" width="10" height="10" rx="1" fill="${color}"/>`;
  if (legend.position === 'top' || legend.position === 'bottom') {
    const rows: Legend['items'][] = [[]];
    let x = 0;
    for (const item of legend.items) {
      const w = legendItemWidth(item.label);
      if (x > 0 && x + w > box.w - 32) {
        rows.push([]);
        x = 0;
      }
      rows[rows.length - 1].push(item);
      x += w;
    }
    rows.forEach((row, r) => {
      const total = row.reduce((s, i) => s + legendItemWidth(i.label), 0) - 18;
      let cx = box.x + Math.max(0, (box.w - total) / 2);
      const y = box.y + 14 + r * 18;
      for (const item of row) {
        out.push(
          swatch(cx, y, item.color),
          text(cx + 16, y, item.label, `class="legend" font-size="${LABEL_PX}" fill="${TEXT_COLOR}"`),
        );
        cx += legendItemWidth(item.label);
      }
    });
  } else {
    legend.items.forEach((item, i) => {
      const y = box.y + 14 + i * 20;
      if (y > box.y + box.h) return;
      out.push(
        swatch(box.x, y, item.color),
        text(
          box.x + 16,
          y,
          fitText(item.label, box.w - 20, LABEL_PX),
          `class="legend" font-size="${LABEL_PX}" fill="${TEXT_COLOR}"`,
        ),
      );
    });
  }
  return out.join('');
}

/** How category labels are shown: on one or two lines, every `every`-th one. */
function categoryLabelPlan(labels: string[], slot: number): { lines: string[][]; every: number; height: number } {
  const room = Math.max(8, slot - 6);
  if (labels.every((l) => textWidth(l, LABEL_PX) <= room))
    return { lines: labels.map((l) => [l]), every: 1, height: 18 };
  const wrapped = labels.map((l) => wrapText(l, room, LABEL_PX));
  if (wrapped.every((w) => w.length <= 2 && w.every((line) => textWidth(line, LABEL_PX) <= room)))
    return { lines: wrapped, every: 1, height: 32 };
  const widest = Math.max(...labels.map((l) => textWidth(l, LABEL_PX)));
  return { lines: labels.map((l) => [l]), every: Math.max(1, Math.ceil((widest + 10) / slot)), height: 18 };
}

function svgOpen(spec: ChartSpec, width: number, height: number): string {
  const title = optionString(spec.options, 'title') ?? '';
  const background = optionString(spec.options, 'backgroundColor') ?? '#ffffff';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" data-chart-type="${escapeHtml(spec.type ?? '')}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}" font-family="${FONT}">` +
    `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" fill="${escapeHtml(background)}" stroke="#dadce0"/>` +
    (title
      ? text(
          16,
          28,
          fitText(title, width - 32, TITLE_PX),
          `class="chart-title" font-size="${TITLE_PX}" font-weight="600" fill="#202124"`,
        )
      : '')
  );
}

/**
 * Draws one recorded chart.
 * @param spec the chart as `EmuSheet.chartSpecs()` records it.
 * @param context locale, zone and number formats of the source cells.
 * @return the `<svg>` element and its size in pixels.
 */
export function chartSvg(spec: ChartSpec, context: ChartContext): { svg: string; width: number; height: number } {
  const width = optionNumber(spec.options, 'width') ?? DEFAULT_CHART_WIDTH;
  const height = optionNumber(spec.options, 'height') ?? DEFAULT_CHART_HEIGHT;
  const data = chartData(spec, context);
  const option = readOption(spec.options, 'colors');
  const colors = Array.isArray(option) && option.length ? option.map(String) : DEFAULT_COLORS;
  const colorOf = (i: number) => escapeHtml(colors[i % colors.length]);
  let body: string;
  switch (spec.type) {
    case 'PIE':
      body = pieBody(spec, data, width, height, colorOf);
      break;
    case 'COLUMN':
    case 'BAR':
    case 'LINE':
    case 'AREA':
    case 'COMBO':
    case 'SCATTER':
      body = axisBody(spec, data, width, height, colorOf, context);
      break;
    default:
      body = text(
        width / 2,
        height / 2,
        `${spec.type ?? 'Untyped'} chart (not drawn by this renderer)`,
        `text-anchor="middle" font-size="13" fill="#5f6368"`,
      );
  }
  return { svg: `${svgOpen(spec, width, height)}${body}</svg>`, width, height };
}

function axisBody(
  spec: ChartSpec,
  data: ChartData,
  width: number,
  height: number,
  colorOf: (i: number) => string,
  context: ChartContext,
): string {
  const type = spec.type === 'COMBO' ? 'COLUMN' : (spec.type as string);
  const horizontal = type === 'BAR';
  const scatter = type === 'SCATTER';
  const stacked =
    readOption(spec.options, 'isStacked') === true ||
    readOption(spec.options, 'isStacked') === 'true' ||
    readOption(spec.options, 'isStacked') === 'absolute';
  const series = data.series;
  const n = data.categories.length;
  const title = optionString(spec.options, 'title');
  const hTitle = optionString(spec.options, 'hAxis.title');
  const vTitle = optionString(spec.options, 'vAxis.title');
  const legend = layoutLegend(
    optionString(spec.options, 'legend.position') ?? 'right',
    series.map((s, i) => ({ label: s.name, color: colorOf(i) })),
    width,
  );

  // Value extent.
  let lo = Infinity;
  let hi = -Infinity;
  if (stacked && (type === 'COLUMN' || type === 'BAR' || type === 'AREA')) {
    for (let i = 0; i < n; i++) {
      let pos = 0;
      let neg = 0;
      for (const s of series) {
        const v = s.values[i] ?? 0;
        if (v >= 0) pos += v;
        else neg += v;
      }
      lo = Math.min(lo, neg);
      hi = Math.max(hi, pos);
    }
  } else
    for (const s of series)
      for (const v of s.values)
        if (v !== null) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
  if (!Number.isFinite(lo)) {
    lo = 0;
    hi = 1;
  }
  if (type !== 'LINE' && !scatter) {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  } else if (lo > 0 && lo <= hi / 3) lo = 0;
  const valueAxis = horizontal ? 'hAxis' : 'vAxis';
  lo = optionNumber(spec.options, `${valueAxis}.viewWindow.min`) ?? lo;
  hi = optionNumber(spec.options, `${valueAxis}.viewWindow.max`) ?? hi;
  const valueFormat = series[0]?.format;
  const integer =
    series.every((s) => s.values.every((v) => v === null || Number.isInteger(v))) &&
    !/[.%]/.test((valueFormat ?? '').split(';')[0]);

  // Margins.
  const top = (title ? 44 : 16) + (legend.position === 'top' ? legend.size : 0);
  const legendBottom = legend.position === 'bottom' ? legend.size : 0;
  const legendSide = legend.position === 'right' || legend.position === 'left' ? legend.size + 8 : 0;
  const roughPlotLength = horizontal ? width - 200 - legendSide : height - top - 60 - legendBottom;
  const ticks = niceTicks(
    lo,
    hi,
    Math.max(2, Math.min(8, Math.floor(roughPlotLength / (horizontal ? 90 : 45)))),
    integer,
  );
  const step = ticks[1] - ticks[0];
  const tickLabel = tickFormatter(valueFormat, step, context);
  const tickLabels = ticks.map(tickLabel);

  let xTicks: number[] = [];
  let xTickLabels: string[] = [];
  if (scatter) {
    const xs = data.domain.filter((v): v is number => v !== null);
    let xlo = xs.length ? Math.min(...xs) : 0;
    let xhi = xs.length ? Math.max(...xs) : 1;
    if (xlo > 0 && xlo <= xhi / 3) xlo = 0;
    xlo = optionNumber(spec.options, 'hAxis.viewWindow.min') ?? xlo;
    xhi = optionNumber(spec.options, 'hAxis.viewWindow.max') ?? xhi;
    xTicks = niceTicks(
      xlo,
      xhi,
      Math.max(2, Math.floor((width - 200) / 90)),
      xs.every((v) => Number.isInteger(v)),
    );
    const xLabel = tickFormatter(data.domainFormat, xTicks[1] - xTicks[0], context);
    xTickLabels = xTicks.map(xLabel);
  }

  const leftLabels = horizontal
    ? Math.min(width * 0.35, Math.max(20, ...data.categories.map((c) => textWidth(c, LABEL_PX))))
    : Math.max(...tickLabels.map((t) => textWidth(t, LABEL_PX)));
  const left = 12 + leftLabels + 10 + (vTitle ? 24 : 0) + (legend.position === 'left' ? legendSide : 0);
  const right = 20 + (legend.position === 'right' ? legendSide : 0);
  const plotW = Math.max(40, width - left - right);
  let labelPlan = { lines: [] as string[][], every: 1, height: 18 };
  if (!horizontal && !scatter) labelPlan = categoryLabelPlan(data.categories, plotW / Math.max(1, n));
  const bottom = 8 + labelPlan.height + (hTitle ? 22 : 0) + legendBottom;
  const plotH = Math.max(40, height - top - bottom);
  const plot = { x: left, y: top, w: plotW, h: plotH };

  const out: string[] = [];
  const value = horizontal
    ? scale(ticks[0], ticks[ticks.length - 1], plot.x, plot.x + plot.w)
    : scale(ticks[0], ticks[ticks.length - 1], plot.y + plot.h, plot.y);
  // Gridlines and value labels.
  ticks.forEach((t, i) => {
    const p = value(t);
    if (horizontal) {
      out.push(
        `<line class="gridline" x1="${fmt(p)}" y1="${plot.y}" x2="${fmt(p)}" y2="${plot.y + plot.h}" stroke="${t === 0 ? '#5f6368' : '#e0e0e0'}"/>`,
      );
      out.push(
        text(
          p,
          plot.y + plot.h + 16,
          tickLabels[i],
          `class="tick" text-anchor="middle" font-size="${LABEL_PX}" fill="${TEXT_COLOR}"`,
        ),
      );
    } else {
      out.push(
        `<line class="gridline" x1="${plot.x}" y1="${fmt(p)}" x2="${plot.x + plot.w}" y2="${fmt(p)}" stroke="${t === 0 && !scatter ? '#5f6368' : '#e0e0e0'}"/>`,
      );
      out.push(
        text(
          plot.x - 8,
          p + 4,
          tickLabels[i],
          `class="tick" text-anchor="end" font-size="${LABEL_PX}" fill="${TEXT_COLOR}"`,
        ),
      );
    }
  });

  if (scatter) {
    const x = scale(xTicks[0], xTicks[xTicks.length - 1], plot.x, plot.x + plot.w);
    xTicks.forEach((t, i) => {
      out.push(
        `<line class="gridline" x1="${fmt(x(t))}" y1="${plot.y}" x2="${fmt(x(t))}" y2="${plot.y + plot.h}" stroke="#e0e0e0"/>`,
      );
      out.push(
        text(
          x(t),
          plot.y + plot.h + 16,
          xTickLabels[i],
          `class="tick" text-anchor="middle" font-size="${LABEL_PX}" fill="${TEXT_COLOR}"`,
        ),
      );
    });
    series.forEach((s, k) => {
      s.values.forEach((v, i) => {
        const d = data.domain[i];
        if (v === null || d === null) return;
        out.push(
          `<circle class="point" cx="${fmt(x(d))}" cy="${fmt(value(v))}" r="4.5" fill="${colorOf(k)}"><title>${escapeHtml(`${data.categories[i]}, ${v}`)}</title></circle>`,
        );
      });
    });
  } else {
    const slot = (horizontal ? plot.h : plot.w) / Math.max(1, n);
    const center = (i: number) => (horizontal ? plot.y : plot.x) + (i + 0.5) * slot;
    // Category labels.
    data.categories.forEach((label, i) => {
      if (horizontal) {
        out.push(
          text(
            plot.x - 8,
            center(i) + 4,
            fitText(label, leftLabels, LABEL_PX),
            `class="category" text-anchor="end" font-size="${LABEL_PX}" fill="${TEXT_COLOR}"`,
          ),
        );
      } else if (i % labelPlan.every === 0) {
        labelPlan.lines[i].forEach((line, j) =>
          out.push(
            text(
              center(i),
              plot.y + plot.h + 16 + j * 14,
              line,
              `class="category" text-anchor="middle" font-size="${LABEL_PX}" fill="${TEXT_COLOR}"`,
            ),
          ),
        );
      }
    });
    const base = value(Math.min(Math.max(0, ticks[0]), ticks[ticks.length - 1]));
    if (type === 'COLUMN' || type === 'BAR') {
      const group = slot * 0.618;
      const pos = new Array<number>(n).fill(0);
      const neg = new Array<number>(n).fill(0);
      series.forEach((s, k) => {
        s.values.forEach((v, i) => {
          if (v === null || v === 0) return;
          let from: number;
          let to: number;
          let offset: number;
          let thickness: number;
          if (stacked) {
            const acc = v > 0 ? pos : neg;
            from = acc[i];
            to = acc[i] + v;
            acc[i] = to;
            offset = center(i) - group / 2;
            thickness = group;
          } else {
            from = 0;
            to = v;
            thickness = group / series.length;
            offset = center(i) - group / 2 + k * thickness;
          }
          const a = value(from);
          const b = value(to);
          const tip = `${s.name} — ${data.categories[i]}: ${v}`;
          out.push(
            horizontal
              ? `<rect class="bar" x="${fmt(Math.min(a, b))}" y="${fmt(offset)}" width="${fmt(Math.abs(b - a))}" height="${fmt(thickness)}" fill="${colorOf(k)}"><title>${escapeHtml(tip)}</title></rect>`
              : `<rect class="bar" x="${fmt(offset)}" y="${fmt(Math.min(a, b))}" width="${fmt(thickness)}" height="${fmt(Math.abs(b - a))}" fill="${colorOf(k)}"><title>${escapeHtml(tip)}</title></rect>`,
          );
        });
      });
      out.push(
        horizontal
          ? `<line class="baseline" x1="${fmt(base)}" y1="${plot.y}" x2="${fmt(base)}" y2="${plot.y + plot.h}" stroke="#5f6368"/>`
          : `<line class="baseline" x1="${plot.x}" y1="${fmt(base)}" x2="${plot.x + plot.w}" y2="${fmt(base)}" stroke="#5f6368"/>`,
      );
    } else {
      const acc = new Array<number>(n).fill(0);
      const points = readOption(spec.options, 'pointStyle');
      series.forEach((s, k) => {
        const lower = acc.slice();
        const tops = s.values.map((v, i) => (v === null ? null : stacked && type === 'AREA' ? (acc[i] += v) : v));
        const runs: number[][] = [];
        tops.forEach((v, i) => {
          if (v === null) {
            runs.push([]);
            return;
          }
          if (!runs.length) runs.push([]);
          runs[runs.length - 1].push(i);
        });
        for (const run of runs.filter((r) => r.length)) {
          const line = run.map((i) => `${fmt(center(i))},${fmt(value(tops[i]!))}`).join(' ');
          if (type === 'AREA') {
            const floor = run
              .slice()
              .reverse()
              .map((i) => `${fmt(center(i))},${fmt(stacked ? value(lower[i]) : base)}`)
              .join(' ');
            out.push(`<polygon class="area" points="${line} ${floor}" fill="${colorOf(k)}" fill-opacity="0.3"/>`);
          }
          out.push(
            `<polyline class="line" data-series="${k}" points="${line}" fill="none" stroke="${colorOf(k)}" stroke-width="2"/>`,
          );
          if (run.length === 1 || (points && points !== 'NONE'))
            for (const i of run)
              out.push(
                `<circle class="point" cx="${fmt(center(i))}" cy="${fmt(value(tops[i]!))}" r="3.5" fill="${colorOf(k)}"/>`,
              );
        }
      });
    }
  }
  out.push(
    `<rect class="plot" x="${plot.x}" y="${plot.y}" width="${fmt(plot.w)}" height="${fmt(plot.h)}" fill="none" stroke="none"/>`,
  );
  if (hTitle)
    out.push(
      text(
        plot.x + plot.w / 2,
        plot.y + plot.h + labelPlan.height + 20,
        hTitle,
        `class="axis-title" text-anchor="middle" font-size="${LABEL_PX}" font-style="italic" fill="#202124"`,
      ),
    );
  if (vTitle)
    out.push(
      `<text class="axis-title" transform="translate(${fmt(12 + (legend.position === 'left' ? legendSide : 0) + 6)} ${fmt(plot.y + plot.h / 2)}) rotate(-90)" text-anchor="middle" font-size="${LABEL_PX}" font-style="italic" fill="#202124">${escapeHtml(vTitle)}</text>`,
    );
  const legendBox =
    legend.position === 'bottom'
      ? { x: 0, y: height - legendBottom - 2, w: width, h: legendBottom }
      : legend.position === 'top'
        ? { x: 0, y: top - legend.size - 4, w: width, h: legend.size }
        : legend.position === 'left'
          ? { x: 12, y: plot.y, w: legend.size, h: plot.h }
          : { x: width - legend.size - 12, y: plot.y, w: legend.size, h: plot.h };
  out.push(drawLegend(legend, legendBox, 'square'));
  return out.join('');
}

function pieBody(
  spec: ChartSpec,
  data: ChartData,
  width: number,
  height: number,
  colorOf: (i: number) => string,
): string {
  const values = (data.series[0]?.values ?? []).map((v) => (v !== null && v > 0 ? v : 0));
  const total = values.reduce((s, v) => s + v, 0);
  const legend = layoutLegend(
    optionString(spec.options, 'legend.position') ?? 'right',
    data.categories.map((c, i) => ({ label: c, color: colorOf(i) })),
    width,
  );
  const top = optionString(spec.options, 'title') ? 44 : 16;
  const side = legend.position === 'right' || legend.position === 'left' ? legend.size + 16 : 0;
  const vertical = legend.position === 'top' || legend.position === 'bottom' ? legend.size : 0;
  const areaX = legend.position === 'left' ? side : 0;
  const areaW = width - side;
  const areaH = height - top - vertical - 12;
  const r = Math.max(10, Math.min(areaW, areaH) / 2 - 8);
  const cx = areaX + areaW / 2;
  const cy = top + (legend.position === 'top' ? vertical : 0) + areaH / 2;
  const out: string[] = [];
  let angle = 0;
  values.forEach((v, i) => {
    if (v <= 0 || total <= 0) return;
    const share = v / total;
    const a0 = angle;
    const a1 = angle + share * 2 * Math.PI;
    angle = a1;
    const at = (a: number, rr: number) => [cx + rr * Math.sin(a), cy - rr * Math.cos(a)];
    const tip = `${data.categories[i]}: ${v} (${(share * 100).toFixed(1)} %)`;
    if (share >= 0.99999)
      out.push(
        `<circle class="slice" cx="${fmt(cx)}" cy="${fmt(cy)}" r="${fmt(r)}" fill="${colorOf(i)}"><title>${escapeHtml(tip)}</title></circle>`,
      );
    else {
      const [x0, y0] = at(a0, r);
      const [x1, y1] = at(a1, r);
      out.push(
        `<path class="slice" d="M${fmt(cx)},${fmt(cy)} L${fmt(x0)},${fmt(y0)} A${fmt(r)},${fmt(r)} 0 ${a1 - a0 > Math.PI ? 1 : 0} 1 ${fmt(x1)},${fmt(y1)} Z" fill="${colorOf(i)}" stroke="#ffffff"><title>${escapeHtml(tip)}</title></path>`,
      );
    }
    if (share >= 0.05) {
      const [lx, ly] = at((a0 + a1) / 2, r * 0.65);
      out.push(
        text(
          lx,
          ly + 4,
          `${(share * 100).toFixed(1)}%`,
          `class="slice-label" text-anchor="middle" font-size="${LABEL_PX}" fill="#ffffff"`,
        ),
      );
    }
  });
  const box =
    legend.position === 'bottom'
      ? { x: 0, y: height - vertical - 2, w: width, h: vertical }
      : legend.position === 'top'
        ? { x: 0, y: top - 4, w: width, h: vertical }
        : legend.position === 'left'
          ? { x: 12, y: top + 8, w: legend.size, h: height - top }
          : { x: width - legend.size - 12, y: top + 8, w: legend.size, h: height - top };
  out.push(drawLegend(legend, box, 'circle'));
  return out.join('');
}
