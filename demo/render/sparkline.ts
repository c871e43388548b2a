/**
 * `=SPARKLINE(data, [options])` drawn inside its cell as Sheets draws it
 * (https://support.google.com/docs/answer/3093289). The emulator does not evaluate formulas, so
 * the renderer reads the formula, resolves its data range to the cells' stored values and draws:
 *
 * - `charttype` `line` (the default): `color`, `linewidth` (default 1), `ymin`/`ymax` (default the
 *   data's smallest and largest value), `xmin`/`xmax` (with two-column or two-row data: x values
 *   and y values; one-dimensional data has x = 1, 2, …), `rtl`.
 * - `column` and `winloss`: `color`, `negcolor`, `lowcolor`, `highcolor`, `firstcolor`,
 *   `lastcolor` (later ones win: a last column that is also the highest takes `lastcolor`), `axis`,
 *   `axiscolor`, `ymin`/`ymax` (column only; default the data's range widened to include 0),
 *   `rtl`. Win/loss columns all have the same height, up for positives, down for negatives.
 * - `bar` (one stacked bar): segments alternate `color1` and `color2`; `max` is the value of the
 *   full width (default the sum of the values); `rtl`.
 * - For every type, `empty` (`zero`, the default, or `ignore`) for blank cells and `nan`
 *   (`convert`, the default — to 0 — or `ignore`) for text and other non-numbers; an ignored cell
 *   is left out of the series. Dates count as their serial numbers.
 *
 * Syntax read: the English function name; arguments separated by `,` (or `;`); options as an
 * array literal `{"option","value";"option","value"}` (`;` between rows, `,` between columns — or
 * `\` as semicolon locales write it, where `,` is the decimal separator) or as a two-column range.
 * The data is a range (`B2:N2`, `'Sheet name'!B2:N2`) or an array literal. Defaults Google does not
 * document (the colours) are Sheets' usual blue for lines and columns, a lighter blue for `color2`.
 */
import { type EmuValue, isDate } from '../../test/emulator';
import { fmt } from './chart-common';
import { escapeHtml } from './text';

/** A literal inside a formula: text, number or boolean. */
type Literal = string | number | boolean;

/** A SPARKLINE argument: a range reference or an array literal. */
type Argument = { reference: string } | { array: Literal[][] };

/** A parsed `=SPARKLINE(data, options)`. */
export interface SparklineCall {
  data: Argument;
  options?: Argument;
}

/** Reads a reference (`B2:N2`, `'Other sheet'!B2:N2`) as a grid of stored values, or null when it cannot. */
export type ReferenceReader = (reference: string) => EmuValue[][] | null;

const DEFAULT_COLOR = '#4285f4';
const DEFAULT_COLOR2 = '#a1c2fa';

/** Splits text at top-level separators (outside quotes, braces and parentheses). */
function splitTopLevel(text: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '{' || ch === '(')) depth++;
    else if (!quoted && (ch === '}' || ch === ')')) depth--;
    else if (!quoted && depth === 0 && separators.includes(ch)) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current.trim());
  return parts;
}

function literal(text: string, decimalComma: boolean): Literal {
  const t = text.trim();
  if (/^".*"$/s.test(t)) return t.slice(1, -1).replace(/""/g, '"');
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
  const number = Number(decimalComma ? t.replace(',', '.') : t);
  return t !== '' && Number.isFinite(number) ? number : t;
}

function arrayLiteral(text: string): Literal[][] {
  const inner = text.trim().slice(1, -1);
  const backslash = splitTopLevel(inner, '\\').length > 1;
  return splitTopLevel(inner, ';').map((row) =>
    splitTopLevel(row, backslash ? '\\' : ',').map((cell) => literal(cell, backslash)),
  );
}

function argument(text: string): Argument | null {
  const t = text.trim();
  if (t.startsWith('{') && t.endsWith('}')) return { array: arrayLiteral(t) };
  if (/^(?:(?:'(?:[^']|'')+'|[^'!(){},;"]+)!)?\$?[A-Za-z]{0,3}\$?\d*(?::\$?[A-Za-z]{0,3}\$?\d*)?$/.test(t) && t !== '')
    return { reference: t };
  return null;
}

/**
 * Parses a SPARKLINE formula.
 * @param formula the cell's formula, e.g. `=SPARKLINE(B2:N2, {"charttype","column";"color","red"})`.
 * @return its data and options arguments, or null when the formula is not a SPARKLINE call.
 * @example parseSparkline('=SPARKLINE(A1:F1)') // { data: { reference: 'A1:F1' } }
 */
export function parseSparkline(formula: string): SparklineCall | null {
  const call = /^=\s*SPARKLINE\s*\(([\s\S]*)\)\s*$/i.exec(formula.trim());
  if (!call) return null;
  const args = splitTopLevel(call[1], ',;');
  const data = argument(args[0] ?? '');
  if (!data || args.length > 2) return null;
  const options = args[1] !== undefined && args[1] !== '' ? argument(args[1]) : undefined;
  if (options === null) return null;
  return options ? { data, options } : { data };
}

/** The options of a call as a map of lower-case names to values. */
function optionMap(call: SparklineCall, read: ReferenceReader): Map<string, Literal> | null {
  const map = new Map<string, Literal>();
  if (!call.options) return map;
  const rows = 'array' in call.options ? call.options.array : read(call.options.reference);
  if (!rows) return null;
  for (const row of rows) {
    const [key, value] = row;
    if (typeof key === 'string' && key !== '' && value !== undefined && !isDate(value))
      map.set(key.toLowerCase(), typeof value === 'string' ? value.trim() : value);
  }
  return map;
}

function numeric(value: EmuValue | Literal): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (isDate(value)) return value.getTime() / 86_400_000 + 25569;
  return null;
}

/** A drawn sparkline, or the error Sheets shows in its place. */
export type SparklineResult = { svg: string; type: string } | { error: string };

/**
 * Draws a SPARKLINE call inside a cell box.
 * @param call the parsed formula.
 * @param read resolves the data (and options) references.
 * @param width the cell's width in pixels (merged cells: the whole area).
 * @param height the cell's height in pixels.
 * @return the inline `<svg>`, or the error text (`#REF!` for a reference that cannot be read).
 */
export function sparklineSvg(
  call: SparklineCall,
  read: ReferenceReader,
  width: number,
  height: number,
): SparklineResult {
  const grid: (EmuValue | Literal)[][] | null = 'array' in call.data ? call.data.array : read(call.data.reference);
  const options = optionMap(call, read);
  if (!grid || !options) return { error: '#REF!' };
  const str = (key: string) => (typeof options.get(key) === 'string' ? String(options.get(key)) : null);
  const num = (key: string) => numeric(options.get(key) ?? '');
  const bool = (key: string) => options.get(key) === true || String(options.get(key)).toLowerCase() === 'true';
  const type = (str('charttype') ?? 'line').toLowerCase();
  if (!['line', 'column', 'winloss', 'bar'].includes(type)) return { error: '#ERROR!' };
  const ignoreEmpty = (str('empty') ?? 'zero').toLowerCase() === 'ignore';
  const ignoreText = (str('nan') ?? 'convert').toLowerCase() === 'ignore';
  const clean = (value: EmuValue | Literal): number | null => {
    if (value === '') return ignoreEmpty ? null : 0;
    return numeric(value) ?? (ignoreText ? null : 0);
  };
  // Two-column (or two-row) data of a line sparkline: x values and y values.
  let xs: (number | null)[] | null = null;
  let ys: (number | null)[];
  const columns = Math.max(0, ...grid.map((row) => row.length));
  if (type === 'line' && grid.length > 1 && columns === 2) {
    xs = grid.map((row) => clean(row[0] ?? ''));
    ys = grid.map((row) => clean(row[1] ?? ''));
  } else if (type === 'line' && grid.length === 2 && columns > 2) {
    xs = grid[0].map(clean);
    ys = grid[1].map(clean);
  } else ys = grid.flat().map(clean);
  const keep = ys.map((y, i) => y !== null && (xs === null || xs[i] !== null));
  const values = ys.filter((_, i) => keep[i]) as number[];
  const xValues = xs ? (xs.filter((_, i) => keep[i]) as number[]) : values.map((_, i) => i + 1);
  const rtl = bool('rtl');
  const color = (key: string, fallback: string) => escapeHtml(str(key) ?? fallback);
  const parts: string[] = [];
  if (type === 'line') parts.push(lineBody(values, xValues, { width, height, rtl, num, color }));
  else if (type === 'bar') parts.push(barBody(values, { width, height, rtl, num, color }));
  else parts.push(columnBody(values, type === 'winloss', { width, height, rtl, num, color, bool }));
  return {
    type,
    svg: `<svg xmlns="http://www.w3.org/2000/svg" class="sparkline" data-chart-type="${type}" width="${fmt(width)}" height="${fmt(height)}" viewBox="0 0 ${fmt(width)} ${fmt(height)}">${parts.join('')}</svg>`,
  };
}

/** The cell box and the options a drawing reads. */
interface Frame {
  width: number;
  height: number;
  /** Right to left: the first value on the right. */
  rtl: boolean;
  num: (key: string) => number | null;
  color: (key: string, fallback: string) => string;
}

function lineBody(values: number[], xValues: number[], f: Frame): string {
  if (!values.length) return '';
  const lineWidth = Math.max(0, f.num('linewidth') ?? 1);
  const pad = Math.max(1, lineWidth / 2 + 0.5);
  const xmin = f.num('xmin') ?? Math.min(...xValues);
  const xmax = f.num('xmax') ?? Math.max(...xValues);
  const ymin = f.num('ymin') ?? Math.min(...values);
  const ymax = f.num('ymax') ?? Math.max(...values);
  const x = (v: number) => (xmax === xmin ? f.width / 2 : pad + ((v - xmin) / (xmax - xmin)) * (f.width - 2 * pad));
  const y = (v: number) =>
    ymax === ymin ? f.height / 2 : f.height - pad - ((v - ymin) / (ymax - ymin)) * (f.height - 2 * pad);
  const points = values.map((v, i) => `${fmt(f.rtl ? f.width - x(xValues[i]) : x(xValues[i]))},${fmt(y(v))}`).join(' ');
  return `<polyline class="spark-line" points="${points}" fill="none" stroke="${f.color('color', DEFAULT_COLOR)}" stroke-width="${fmt(lineWidth)}" stroke-linejoin="round" stroke-linecap="round"/>`;
}

function columnBody(values: number[], winloss: boolean, f: Frame & { bool: (key: string) => boolean }): string {
  const n = values.length;
  if (!n) return '';
  const pad = 1;
  const slot = (f.width - 2 * pad) / n;
  const thickness = slot * 0.8;
  const low = Math.min(...values);
  const high = Math.max(...values);
  const ymin = winloss ? -1 : (f.num('ymin') ?? Math.min(0, low));
  const ymax = winloss ? 1 : (f.num('ymax') ?? Math.max(0, high));
  const y = (v: number) =>
    ymax === ymin ? f.height / 2 : f.height - pad - ((v - ymin) / (ymax - ymin)) * (f.height - 2 * pad);
  const base = y(Math.min(Math.max(0, ymin), ymax));
  const out: string[] = [];
  values.forEach((v, i) => {
    const shown = winloss ? Math.sign(v) : v;
    if (shown === 0) return;
    let fill = f.color('color', DEFAULT_COLOR);
    if (v < 0) fill = f.color('negcolor', fill);
    if (v === low) fill = f.color('lowcolor', fill);
    if (v === high) fill = f.color('highcolor', fill);
    if (i === 0) fill = f.color('firstcolor', fill);
    if (i === n - 1) fill = f.color('lastcolor', fill);
    const top = Math.min(base, y(shown));
    const left = pad + i * slot + (slot - thickness) / 2;
    const x = f.rtl ? f.width - left - thickness : left;
    out.push(
      `<rect class="spark-column" data-index="${i}" x="${fmt(x)}" y="${fmt(top)}" width="${fmt(thickness)}" height="${fmt(Math.abs(y(shown) - base))}" fill="${fill}"/>`,
    );
  });
  if (f.bool('axis'))
    out.push(
      `<line class="spark-axis" x1="0" y1="${fmt(base)}" x2="${fmt(f.width)}" y2="${fmt(base)}" stroke="${f.color('axiscolor', '#000000')}" stroke-width="1"/>`,
    );
  return out.join('');
}

function barBody(values: number[], f: Frame): string {
  const pad = 1;
  const positive = values.map((v) => Math.max(0, v));
  const total = positive.reduce((s, v) => s + v, 0);
  const max = f.num('max') ?? total;
  if (max <= 0) return '';
  const room = f.width - 2 * pad;
  const out: string[] = [];
  let at = 0;
  positive.forEach((v, i) => {
    const w = Math.max(0, Math.min(room - at, (v / max) * room));
    if (w <= 0) return;
    const x = f.rtl ? f.width - pad - at - w : pad + at;
    out.push(
      `<rect class="spark-bar" data-index="${i}" x="${fmt(x)}" y="${fmt(pad)}" width="${fmt(w)}" height="${fmt(f.height - 2 * pad)}" fill="${i % 2 === 0 ? f.color('color1', DEFAULT_COLOR) : f.color('color2', DEFAULT_COLOR2)}"/>`,
    );
    at += w;
  });
  return out.join('');
}
