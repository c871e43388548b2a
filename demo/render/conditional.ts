/**
 * The formats a sheet's conditional format rules give its cells, computed as Sheets does:
 *
 * - Rules apply in their order; for each cell the first rule that applies to it (its range covers
 *   the cell and, for a boolean rule, its condition holds) decides the conditional format.
 * - A colour scale (gradient) applies to the numeric cells of its ranges (dates count as their
 *   serial numbers; text and blanks are left alone). Each point (min, optional mid, max) is a
 *   colour at a value: `MIN`/`MAX` the smallest/largest number in the ranges, `NUMBER` the number
 *   given, `PERCENT` that percentage of the way from the smallest to the largest, `PERCENTILE` that
 *   percentile of the numbers. A cell's colour is interpolated linearly in RGB between the two
 *   points around its value; below the min point it takes the min colour, above the max the max
 *   colour (https://support.google.com/docs/answer/78413, "Color scale").
 * - Boolean rules: the number and text comparisons, empty / not empty. A custom-formula rule is
 *   not evaluated (the emulator has no formula engine) and so never applies.
 */
import { type EmuSheet, type EmuValue, type GradientPoint, isDate, type RuleState } from '../../test/emulator';

/** What conditional formatting sets on one cell. */
export interface ConditionalStyle {
  background?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  strikethrough?: boolean;
  underline?: boolean;
}

/** Serial number of a date as Sheets counts it (days since 1899-12-30), in UTC terms. */
function numericValue(value: EmuValue | undefined): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (isDate(value)) return value.getTime() / 86_400_000 + 25569;
  return null;
}

/** `#rrggbb` → [r, g, b]. */
function rgb(hex: string): [number, number, number] {
  const h = /^#[0-9a-f]{6}$/i.test(hex) ? hex : '#ffffff';
  return [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
}

/**
 * Linear interpolation between two colours in RGB.
 * @param from colour at t = 0, `#rrggbb`.
 * @param to colour at t = 1, `#rrggbb`.
 * @param t position between 0 and 1 (clamped).
 * @return the colour `#rrggbb`, each channel rounded.
 * @example mixColors('#000000', '#ffffff', 0.5) // '#808080'
 */
export function mixColors(from: string, to: string, t: number): string {
  const a = rgb(from);
  const b = rgb(to);
  const k = Math.max(0, Math.min(1, t));
  return (
    '#' +
    a
      .map((x, i) =>
        Math.round(x + (b[i] - x) * k)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')
  );
}

/** Percentile (inclusive, linear between closest ranks) of sorted numbers. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = (Math.max(0, Math.min(100, p)) / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

/** The value a gradient point stands for, given the sorted numbers of the rule's ranges. */
function pointValue(point: GradientPoint | undefined, fallback: 'MIN' | 'MAX' | 'MID', sorted: number[]): number {
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  const type = point?.type ?? fallback;
  const given = point && point.value !== '' ? Number(point.value) : NaN;
  switch (type) {
    case 'MIN':
      return min;
    case 'MAX':
      return max;
    case 'NUMBER':
      return Number.isFinite(given) ? given : fallback === 'MAX' ? max : fallback === 'MIN' ? min : (min + max) / 2;
    case 'PERCENT':
      return min + ((Number.isFinite(given) ? given : 50) / 100) * (max - min);
    case 'PERCENTILE':
      return percentile(sorted, Number.isFinite(given) ? given : 50);
    default:
      return fallback === 'MAX' ? max : fallback === 'MIN' ? min : (min + max) / 2;
  }
}

/**
 * The colour a colour scale gives a number.
 * @param value the cell's number.
 * @param gradient the rule's points.
 * @param sorted the numbers of the rule's ranges, ascending (for MIN/MAX/PERCENT/PERCENTILE points).
 * @return `#rrggbb`.
 */
export function gradientColor(value: number, gradient: NonNullable<RuleState['gradient']>, sorted: number[]): string {
  const minColor = gradient.min?.color ?? '#ffffff';
  const maxColor = gradient.max?.color ?? '#ffffff';
  const lo = pointValue(gradient.min, 'MIN', sorted);
  const hi = pointValue(gradient.max, 'MAX', sorted);
  const between = (a: number, b: number, ca: string, cb: string) =>
    b === a ? (value >= b ? cb : ca) : mixColors(ca, cb, (value - a) / (b - a));
  if (value <= lo) return minColor;
  if (value >= hi) return maxColor;
  if (gradient.mid) {
    const mid = pointValue(gradient.mid, 'MID', sorted);
    return value <= mid
      ? between(lo, mid, minColor, gradient.mid.color)
      : between(mid, hi, gradient.mid.color, maxColor);
  }
  return between(lo, hi, minColor, maxColor);
}

function text(value: EmuValue | undefined): string {
  return value === undefined ? '' : String(value);
}

/** Whether a boolean rule's condition holds for a cell value (custom formulas: never). */
function conditionHolds(condition: NonNullable<RuleState['condition']>, value: EmuValue | undefined): boolean {
  const n = numericValue(value);
  const [a, b] = condition.values.map((v) => Number(v));
  const [t] = condition.values.map((v) => String(v).toLowerCase());
  const s = text(value).toLowerCase();
  switch (condition.criteria) {
    case 'CELL_EMPTY':
      return value === undefined || value === '';
    case 'CELL_NOT_EMPTY':
      return !(value === undefined || value === '');
    case 'NUMBER_GREATER_THAN':
      return n !== null && n > a;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n !== null && n >= a;
    case 'NUMBER_LESS_THAN':
      return n !== null && n < a;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n !== null && n <= a;
    case 'NUMBER_EQUAL_TO':
      return n !== null && n === a;
    case 'NUMBER_NOT_EQUAL_TO':
      return n !== null && n !== a;
    case 'NUMBER_BETWEEN':
      return n !== null && n >= Math.min(a, b) && n <= Math.max(a, b);
    case 'NUMBER_NOT_BETWEEN':
      return n !== null && (n < Math.min(a, b) || n > Math.max(a, b));
    case 'TEXT_CONTAINS':
      return s.includes(t);
    case 'TEXT_DOES_NOT_CONTAIN':
      return !s.includes(t);
    case 'TEXT_STARTS_WITH':
      return s.startsWith(t);
    case 'TEXT_ENDS_WITH':
      return s.endsWith(t);
    case 'TEXT_EQUAL_TO':
      return s === t;
    default:
      return false;
  }
}

/**
 * The conditional format of every cell a rule of the sheet applies to.
 * @param sheet the emulated sheet (read directly: no service call is counted).
 * @return map from `"row,column"` (1-based) to the style the first applicable rule gives.
 */
export function conditionalStyles(sheet: EmuSheet): Map<string, ConditionalStyle> {
  const styles = new Map<string, ConditionalStyle>();
  for (const rule of sheet.conditionalFormatRules) {
    const state = rule.state;
    const cells: { key: string; value: EmuValue | undefined }[] = [];
    for (const range of state.ranges) {
      if (range.sheet !== sheet) continue;
      const { row, column, numRows, numColumns } = range.rect;
      for (let r = row; r < row + numRows; r++)
        for (let c = column; c < column + numColumns; c++)
          cells.push({ key: `${r},${c}`, value: sheet.cell(r, c)?.value });
    }
    if (state.gradient) {
      const numbers = cells
        .map((cell) => numericValue(cell.value))
        .filter((n): n is number => n !== null)
        .sort((x, y) => x - y);
      for (const cell of cells) {
        const n = numericValue(cell.value);
        if (n === null || styles.has(cell.key)) continue;
        styles.set(cell.key, { background: gradientColor(n, state.gradient, numbers) });
      }
    } else if (state.condition) {
      for (const cell of cells) {
        if (styles.has(cell.key) || !conditionHolds(state.condition, cell.value)) continue;
        const f = state.format;
        const style: ConditionalStyle = {};
        if (f.background) style.background = f.background;
        if (f.fontColor) style.fontColor = f.fontColor;
        if (typeof f.bold === 'boolean') style.bold = f.bold;
        if (typeof f.italic === 'boolean') style.italic = f.italic;
        if (typeof f.strikethrough === 'boolean') style.strikethrough = f.strikethrough;
        if (typeof f.underline === 'boolean') style.underline = f.underline;
        styles.set(cell.key, style);
      }
    }
  }
  return styles;
}
