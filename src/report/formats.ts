/**
 * Number formats of the report's cells, for its currency and the spreadsheet's locale. Patterns
 * are locale-neutral (`,` groups, `.` marks decimals): Sheets renders them with the locale's own
 * marks, so `#,##0.00` reads `13.548,00` in es_ES and `13,548.00` in es_MX. What the pattern must
 * choose itself: the order of day and month, and where the currency symbol goes.
 */
import type { KpiFormat } from './compute/model';

/** Formats of numbers in the report. */
export interface Formats {
  integer: string;
  decimal: string;
  percent: string;
  points: string;
  currency: string;
  /** Whole units, for cards and list values. */
  wholeCurrency: string;
  date: string;
  month: string;
  dateTime: string;
  pValue: string;
}

/** Currencies the wizard offers: symbol. */
const SYMBOLS: Record<string, string> = {
  EUR: '€',
  USD: '$',
  GBP: '£',
  MXN: '$',
  ARS: '$',
  COP: '$',
  CLP: '$',
  PEN: 'S/',
  BRL: 'R$',
};

/** Countries whose locales write the symbol after the amount (13.548,00 €); elsewhere it goes first. */
const SYMBOL_AFTER = new Set([
  'ES',
  'FR',
  'DE',
  'IT',
  'PT',
  'AT',
  'FI',
  'GR',
  'SK',
  'SI',
  'LT',
  'LV',
  'EE',
  'PL',
  'CZ',
]);
/** Countries whose locales write the month before the day (03/31/2025). */
const MONTH_FIRST = new Set(['US', 'PH', 'FM', 'MH']);

function country(locale: string): string {
  return (locale.split(/[_-]/)[1] ?? '').toUpperCase();
}

/** The default currency of a spreadsheet locale (es_ES → EUR, es_MX → MXN, en_US → USD …). */
export function currencyOfLocale(locale: string): string {
  const region = (/[-_]([A-Za-z]{2})$/.exec(locale)?.[1] ?? '').toUpperCase();
  const byRegion: Record<string, string> = {
    US: 'USD',
    GB: 'GBP',
    MX: 'MXN',
    AR: 'ARS',
    CO: 'COP',
    CL: 'CLP',
    PE: 'PEN',
    CA: 'CAD',
    AU: 'AUD',
    IN: 'INR',
    CH: 'CHF',
    UY: 'UYU',
  };
  return byRegion[region] ?? 'EUR';
}

/** A currency's symbol, and whether the locale writes it after the amount. */
export function currencyStyle(currency: string, locale: string): { symbol: string; after: boolean } {
  return { symbol: SYMBOLS[currency] ?? currency, after: SYMBOL_AFTER.has(country(locale)) };
}

/** The formats for a currency code (EUR, USD, MXN…) in a spreadsheet locale (es_ES, es_MX, en_US…). */
export function formatsFor(currency: string, locale: string): Formats {
  const { symbol, after } = currencyStyle(currency, locale);
  const money = (digits: string) => (after ? `${digits} [$${symbol}]` : `[$${symbol}]${digits}`);
  const date = MONTH_FIRST.has(country(locale)) ? 'mm/dd/yyyy' : 'dd/mm/yyyy';
  return {
    integer: '#,##0',
    decimal: '#,##0.00',
    percent: '0.0%',
    points: '0.0',
    currency: money('#,##0.00'),
    wholeCurrency: money('#,##0'),
    date,
    month: 'mmm yyyy',
    dateTime: `${date} hh:mm`,
    pValue: '0.000',
  };
}

/** The format of a KPI value. */
export function kpiFormat(formats: Formats, format: KpiFormat): string {
  switch (format) {
    case 'integer':
      return formats.integer;
    case 'currency':
      return formats.currency;
    case 'percent':
      return formats.percent;
    case 'points':
      return formats.points;
    case 'decimal':
    case 'ratio':
      return formats.decimal;
  }
}

/**
 * The format of a change: an arrow and a sign before the same pattern, `= 0` when nothing moved,
 * and `suffix` after (" pp", " vs Dec 2024"). Changes of percentages are written in points.
 */
export function changeFormat(base: string, suffix = ''): string {
  const tail = suffix ? `"${suffix.replace(/"/g, '')}"` : '';
  return `"▲ +"${base}${tail};"▼ -"${base}${tail};"= "${base}${tail}`;
}

/** Decimals a format shows, so that a value is rounded to what the reader sees (no "-0,00"). */
export function shownDecimals(format: KpiFormat, inPoints = false): number {
  if (inPoints) return 1;
  switch (format) {
    case 'integer':
      return 0;
    case 'percent':
      return 3;
    case 'points':
      return 1;
    default:
      return 2;
  }
}

/** `value` rounded to `decimals`, with −0 made 0. */
export function roundShown(value: number, decimals: number): number {
  const rounded = Math.round(value * 10 ** decimals) / 10 ** decimals;
  return rounded === 0 ? 0 : rounded;
}
