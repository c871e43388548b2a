/**
 * KPI values and changes inside sentences, in the spreadsheet locale's number style: `76,7 %`,
 * `+11,4 p. p.`, `90.253 €`, `$13,548`. Cells never use this (they hold numbers with formats).
 */
import { numberText } from '../../locale/number-text';
import type { KpiFormat } from '../compute/model';
import { currencyStyle } from '../formats';
import { isMexicanSpanish } from '../../locale/glossary';
import type { ReportLabels } from '../labels';

/** "%" as the locale writes it: "53,7 %" in Spain, "53.7%" in Mexico and in English. */
function percentSign(locale: string): string {
  return /^es/i.test(locale) && !isMexicanSpanish(locale) ? ' %' : '%';
}

/** An amount of money as the locale writes it, in whole units: `90.253 €`, `$90,253`. */
export function moneyText(value: number, currency: string, locale: string): string {
  const { symbol, after } = currencyStyle(currency, locale);
  const amount = numberText(Math.abs(value), 0, locale);
  const sign = value < 0 && amount !== '0' ? '-' : '';
  return after ? `${sign}${amount} ${symbol}` : `${sign}${symbol}${amount}`;
}

/** A KPI value in a sentence. */
export function valueText(value: number, format: KpiFormat, currency: string, locale: string): string {
  switch (format) {
    case 'percent':
      return `${numberText(value * 100, 1, locale)}${percentSign(locale)}`;
    case 'currency':
      return moneyText(value, currency, locale);
    case 'integer':
      return numberText(value, 0, locale);
    case 'points':
      return numberText(value, 1, locale);
    default:
      return numberText(value, 2, locale);
  }
}

/** A change in a sentence: signed, percentages in points. */
export function changeText(
  change: number,
  format: KpiFormat,
  currency: string,
  locale: string,
  labels: ReportLabels,
): string {
  const text =
    format === 'percent'
      ? `${numberText(Math.abs(change) * 100, 1, locale)} ${labels.wizard.percentagePoints}`
      : valueText(Math.abs(change), format, currency, locale);
  const zero = /^[^1-9]*$/.test(text);
  return zero ? text : `${change < 0 ? '−' : '+'}${text}`;
}
