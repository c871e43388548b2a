/**
 * What every chart drawing shares: the data table of a recorded chart (ranges merged, headers
 * detected), option reading, round ticks, tick labels in the spreadsheet locale, SVG text, and the
 * legend. The drawings themselves are in `chart-axes.ts` (axis charts) and `chart-svg.ts` (pie and
 * the entry point).
 */
import { displayValue, parseA1, readOption, type ChartSpec, type EmuValue } from '../../test/emulator';
import { escapeHtml, fitText, textWidth, wrapText } from './text';

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

export const LABEL_PX = 12;
export const TITLE_PX = 15;
export const TEXT_COLOR = '#444444';

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

/** A cell value as a number: numbers, and dates as Sheets serials; anything else is null. */
export function numberOf(value: EmuValue): number | null {
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

/**
 * Round ticks for a second value axis whose gridlines must fall on the first axis' gridlines, as
 * Google Charts aligns the gridlines of `vAxes`: exactly `intervals` equal steps, the smallest
 * round step (1, 2, 2.5 or 5 × 10ⁿ) that covers `lo…hi` that way.
 * @param lo smallest value to cover.
 * @param hi largest value to cover.
 * @param intervals the number of intervals of the first axis.
 * @param integer whether ticks must be whole numbers.
 * @return `intervals + 1` ascending ticks, the first ≤ lo and the last ≥ hi.
 * @example alignedTicks(-20, 60, 4) // [-20, 0, 20, 40, 60]
 */
export function alignedTicks(lo: number, hi: number, intervals: number, integer = false): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [0, 1];
  if (lo === hi) {
    if (lo === 0) hi = 1;
    else if (lo > 0) lo = 0;
    else hi = 0;
  }
  const n = Math.max(1, intervals);
  let magnitude = 10 ** Math.floor(Math.log10((hi - lo) / n));
  for (let guard = 0; guard < 40; guard++, magnitude *= 10) {
    for (const m of [1, 2, 2.5, 5]) {
      const step = m * magnitude;
      if (integer && !Number.isInteger(step)) continue;
      const start = Math.floor(lo / step + 1e-9) * step;
      if (start + n * step >= hi - step * 1e-9)
        return Array.from({ length: n + 1 }, (_, i) => Number((start + i * step).toPrecision(12)));
    }
  }
  return niceTicks(lo, hi, n, integer);
}

function decimalsOf(x: number): number {
  const text = String(Number(Math.abs(x).toPrecision(12)));
  return text.includes('e-') ? Number(text.split('e-')[1]) : (text.split('.')[1] ?? '').length;
}

/** Tick label: the series' format when it shows enough decimals for the step, else a plain number. */
export function tickFormatter(pattern: string | undefined, step: number, context: ChartContext): (v: number) => string {
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

/**
 * An axis' `format` option as Google Charts reads it: the presets `'percent'` (`#,##0%`),
 * `'decimal'` (`#,##0.###`), `'none'` (no grouping), `'short'`/`'long'` (compact numbers: 1,2 K /
 * 1,2 thousand) — or a number pattern, drawn with the spreadsheet's format engine. `'currency'` and
 * `'scientific'` are not emulated: the axis falls back to its series' format.
 * @param format the option's value.
 * @param context locale and zone.
 * @return a formatter, or null when the format is absent or not emulated.
 */
export function axisFormatter(format: unknown, context: ChartContext): ((v: number) => string) | null {
  if (typeof format !== 'string' || format === '') return null;
  const lang = context.locale.replace('_', '-');
  const pattern = (p: string) => (v: number) => displayValue(v, p, context.locale, context.timeZone);
  switch (format.toLowerCase()) {
    case 'percent':
      return pattern('#,##0%');
    case 'decimal':
      return pattern('#,##0.###');
    case 'none':
      return pattern('0.###');
    case 'short':
    case 'long': {
      const compact = new Intl.NumberFormat(lang, {
        notation: 'compact',
        compactDisplay: format.toLowerCase() === 'long' ? 'long' : 'short',
        maximumFractionDigits: 1,
      });
      return (v) => compact.format(v);
    }
    case 'currency':
    case 'scientific':
      return null;
    default:
      return pattern(format);
  }
}

/** Linear scale from a value interval to pixels. */
export function scale(d0: number, d1: number, p0: number, p1: number): (v: number) => number {
  const k = d1 === d0 ? 0 : (p1 - p0) / (d1 - d0);
  return (v) => p0 + (v - d0) * k;
}

/** A coordinate with at most two decimals. */
export function fmt(n: number): string {
  return Number(n.toFixed(2)).toString();
}

/** An SVG `<text>` with escaped content. */
export function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${fmt(x)}" y="${fmt(y)}" ${attrs}>${escapeHtml(content)}</text>`;
}

/** A numeric option (flat key or path into an object option), or null. */
export function optionNumber(options: Record<string, unknown>, key: string): number | null {
  const v = readOption(options, key);
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** A non-empty text option, or null. */
export function optionString(options: Record<string, unknown>, key: string): string | null {
  const v = readOption(options, key);
  return typeof v === 'string' && v !== '' ? v : null;
}

/** A boolean option (`true`/`'true'`, `false`/`'false'`), or null. */
export function optionBoolean(options: Record<string, unknown>, key: string): boolean | null {
  const v = readOption(options, key);
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  return null;
}

/** How a legend entry is marked: a square (bars, areas, slices), a line, a dot, or a line with dots. */
export type LegendMarker = 'square' | 'circle' | 'line' | 'line-point';

/** One legend entry. */
export interface LegendItem {
  label: string;
  color: string;
  marker: LegendMarker;
  /** The series' index in the data (for tests and tooltips). */
  series: number;
}

/** Legend items laid out in rows (bottom/top) or a column (right/left). */
export interface Legend {
  position: string;
  items: LegendItem[];
  size: number;
}

function legendItemWidth(label: string): number {
  return 10 + 6 + textWidth(label, LABEL_PX) + 18;
}

/** Sizes a legend: its height in rows (top, bottom) or its width (left, right). */
export function layoutLegend(position: string, items: LegendItem[], width: number): Legend {
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

function swatch(x: number, y: number, item: LegendItem): string {
  const attrs = `class="legend-swatch" data-series="${item.series}"`;
  switch (item.marker) {
    case 'circle':
      return `<circle ${attrs} cx="${fmt(x + 5)}" cy="${fmt(y - 4)}" r="5" fill="${item.color}"/>`;
    case 'line':
      return `<line ${attrs} x1="${fmt(x - 2)}" y1="${fmt(y - 4)}" x2="${fmt(x + 12)}" y2="${fmt(y - 4)}" stroke="${item.color}" stroke-width="2"/>`;
    case 'line-point':
      return `<g ${attrs}><line x1="${fmt(x - 2)}" y1="${fmt(y - 4)}" x2="${fmt(x + 12)}" y2="${fmt(y - 4)}" stroke="${item.color}" stroke-width="2"/><circle cx="${fmt(x + 5)}" cy="${fmt(y - 4)}" r="3.5" fill="${item.color}"/></g>`;
    default:
      return `<rect ${attrs} x="${fmt(x)}" y="${fmt(y - 9)}" width="10" height="10" rx="1" fill="${item.color}"/>`;
  }
}

/** Draws a legend in its box. */
export function drawLegend(legend: Legend, box: { x: number; y: number; w: number; h: number }): string {
  if (legend.position === 'none') return '';
  const out: string[] = [];
  const label = (x: number, y: number, content: string) =>
    text(x, y, content, `class="legend" font-size="${LABEL_PX}" fill="${TEXT_COLOR}"`);
  if (legend.position === 'top' || legend.position === 'bottom') {
    const rows: LegendItem[][] = [[]];
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
        out.push(swatch(cx, y, item), label(cx + 16, y, item.label));
        cx += legendItemWidth(item.label);
      }
    });
  } else {
    legend.items.forEach((item, i) => {
      const y = box.y + 14 + i * 20;
      if (y > box.y + box.h) return;
      out.push(swatch(box.x, y, item), label(box.x + 16, y, fitText(item.label, box.w - 20, LABEL_PX)));
    });
  }
  return out.join('');
}

/** How category labels are shown: on one or two lines, every `every`-th one. */
export function categoryLabelPlan(
  labels: string[],
  slot: number,
): { lines: string[][]; every: number; height: number } {
  const room = Math.max(8, slot - 6);
  if (labels.every((l) => textWidth(l, LABEL_PX) <= room))
    return { lines: labels.map((l) => [l]), every: 1, height: 18 };
  const wrapped = labels.map((l) => wrapText(l, room, LABEL_PX));
  if (wrapped.every((w) => w.length <= 2 && w.every((line) => textWidth(line, LABEL_PX) <= room)))
    return { lines: wrapped, every: 1, height: 32 };
  const widest = Math.max(...labels.map((l) => textWidth(l, LABEL_PX)));
  return { lines: labels.map((l) => [l]), every: Math.max(1, Math.ceil((widest + 10) / slot)), height: 18 };
}
