/**
 * Numbers written inside sentences (the report's summary, the result card) the way the
 * spreadsheet's locale writes them in its cells: `1.234,5` where the locale writes decimals with a
 * comma, `1,234.5` where with a point. Cells never use this: they hold numbers with a number
 * format, and Sheets renders them.
 */
import { formulaSyntaxOf } from './formula-syntax';

/** Decimal and thousands marks of a spreadsheet locale. */
export function numberMarks(locale: string): { decimal: string; group: string } {
  const decimal = formulaSyntaxOf(locale).decimalMark;
  return { decimal, group: decimal === ',' ? '.' : ',' };
}

/**
 * `value` with `decimals` decimals, thousands grouped, in the locale's marks; never `-0`.
 *
 * @example numberText(13548.2, 2, 'es_ES') // '13.548,20'
 * @example numberText(-0.004, 2, 'en_US') // '0.00'
 */
export function numberText(value: number, decimals: number, locale: string): string {
  const { decimal, group } = numberMarks(locale);
  const fixed = Math.abs(value).toFixed(decimals);
  const negative = value < 0 && Number(fixed) !== 0;
  const [whole, fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${negative ? '-' : ''}${grouped}${fraction ? decimal + fraction : ''}`;
}
