/**
 * What Google Sheets stores for the text of a cell of an imported CSV file (File › Import with
 * "Convert text to numbers, dates, and formulas", the default), in the spreadsheet's locale: the
 * conversion Sheets applies to text typed into a cell. The separators, date order and clock come
 * from the locale's CLDR data (Node's `Intl`), as Sheets' own locale formats do.
 *
 * What becomes what (`es_ES` | `en_US` examples):
 * - numbers in the locale's format: `1.234,56`, `12,5`, `-3,2` | `1,234.56`, `12.5`; plain digits
 *   with leading zeros (`0012` → 12); exponents (`1e3`); thousands groups must be groups of three
 *   (`1.234` is 1234 in es_ES, `12,5` is text in en_US). A leading or trailing currency symbol or
 *   code, with or without a (no-break) space, is dropped (`45,90 €`, `€45.90`, `$1,234.50`,
 *   `45,90 EUR`): Sheets keeps a currency format, the value is the number. A trailing `%` divides by
 *   100 (`12,5 %` → 0.125).
 * - dates in the locale's order, day-first in es_* and en_GB (`3/11/2025` is 3 November), month-first
 *   in en_US (`3/11/2025` is 11 March), with `/`, `-` or the locale's own separator (`.` in de_DE),
 *   a four-digit or two-digit year, and an optional time `H:mm` or `H:mm:ss` (`AM`/`PM` where the
 *   locale uses a 12-hour clock); ISO `yyyy-mm-dd` and `yyyy/mm/dd`, with the same optional time, in
 *   every locale; `yyyy-mm` is the first of that month. A date that does not exist (`31/02/2025`,
 *   `13/13/2025`, `25/3/2025` in en_US) stays text. The value is a `Date` at that wall-clock time in
 *   the spreadsheet's zone, exactly as the emulator's date cells are made.
 * - `TRUE`/`FALSE` in any case, and the locale's own words (`VERDADERO`/`FALSO` in Spanish).
 * - a leading `'` keeps the rest as text, without the apostrophe (`'0012` → `0012`).
 * - everything else stays text, unchanged (surrounding spaces included).
 *
 * Evidence and what is not emulated:
 * - en_US month-first, with day > 12 left as text: a Sheets user's report of UK dates typed into an
 *   en_US sheet ("03/01 is interpreted as March 1st … 21/01/2013 is not stored as a date at all");
 *   https://onlinejournalismblog.com/2016/07/19/how-to-fix-spreadsheet-dates-that-are-in-both-us-and-uk-formats/
 * - `yyyy-mm` → a date: "2016-04 is converted to a date 04/01/2016" on import,
 *   https://github.com/terrywbrady/PlainTextCSV_GoogleAppsScript (README).
 * - A value in another locale's number format stays text (`12.5` or `45.90` in es_ES, where `.` only
 *   groups thousands in threes; `12,5` in en_US). Not checked against a live spreadsheet: Sheets
 *   might instead read `12.5` as a date (12 May) in locales that write dates with `.` (de_DE), and
 *   `1.500` in es_ES is 1500 here, as the thousands rule says. Two-digit years map 00–29 to
 *   2000–2029 and 30–99 to 1930–1999 (the usual spreadsheet pivot; not checked against Sheets).
 *   Accepting `-` as a date separator in every locale, currency codes after the number, the
 *   locale's boolean words, and the apostrophe being dropped on import (as it is for typed input)
 *   is likewise from knowledge of typed input, not from a checked import.
 * - A date-time with a UTC offset, such as Shopify's `2025-10-07 09:50:26 +0200`, or ISO with `T`
 *   or `Z` (`2025-10-07T09:50:26Z`): no evidence either way was found of Sheets' import turning it
 *   into a date (what is found is people converting such text with formulas). It stays TEXT here,
 *   and the add-on's own reader has to parse it.
 * - Not emulated (they stay text): dates without a year (`3/11`, the current year in Sheets), month
 *   names (`3 nov 2025`), bare times (`14:30`), fractions of a second, accounting negatives
 *   (`(45.90)`), and formulas (`=1+1` is evaluated by Sheets, kept as its text here).
 */
import { daysInMonth } from '../../src/kpi/calendar/days';
import { type EmuValue, sheetDate } from '../../test/emulator';
import type { DateCells } from '../sample/dateCells';

/** The conventions of a spreadsheet locale that typed-input conversion depends on. */
export interface ImportLocale {
  /** The locale as Sheets names it, e.g. `es_ES`. */
  readonly name: string;
  /** Decimal mark, e.g. `,` in es_ES. */
  readonly decimal: string;
  /** Characters accepted between thousands groups, e.g. `.` in es_ES, `,` in en_US. */
  readonly groups: readonly string[];
  /** Order of day, month and year in a short date. */
  readonly dateOrder: 'dmy' | 'mdy' | 'ymd';
  /** Separators accepted between day, month and year. */
  readonly dateSeparators: readonly string[];
  /** Whether times may carry `AM`/`PM`. */
  readonly twelveHour: boolean;
  /** Words for TRUE and FALSE, upper case. */
  readonly trueWords: readonly string[];
  readonly falseWords: readonly string[];
  /** A clean number in this locale (after currency and percent are removed). */
  readonly numberPattern: RegExp;
}

const SPACES = [' ', '\u00A0', '\u202F'];

/** Boolean words by language, besides TRUE/FALSE (which every locale accepts). */
const BOOLEAN_WORDS: Record<string, [string, string]> = {
  es: ['VERDADERO', 'FALSO'],
  pt: ['VERDADEIRO', 'FALSO'],
  it: ['VERO', 'FALSO'],
  fr: ['VRAI', 'FAUX'],
  de: ['WAHR', 'FALSCH'],
  ca: ['CERT', 'FALS'],
};

/** Currency signs and codes recognised before or after a number, longest first. */
const CURRENCIES = [
  'US$',
  'MX$',
  'CA$',
  'AR$',
  'R$',
  'A$',
  '€',
  '$',
  '£',
  '¥',
  'EUR',
  'USD',
  'GBP',
  'MXN',
  'ARS',
  'COP',
  'CLP',
  'PEN',
  'BRL',
  'CHF',
  'CAD',
  'AUD',
  'JPY',
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CURRENCY = CURRENCIES.map(escapeRegExp).join('|');
const SPACE = `[${SPACES.join('')}]`;
const CURRENCY_PREFIX = new RegExp(`^(?:${CURRENCY})${SPACE}?`);
const CURRENCY_SUFFIX = new RegExp(`^(.*?)${SPACE}?(?:${CURRENCY})$`);
const PERCENT_SUFFIX = new RegExp(`^(.*?)${SPACE}?%$`);

const cache = new Map<string, ImportLocale>();

/**
 * The import conventions of a spreadsheet locale, from its CLDR data.
 * @param locale a Sheets locale, `es_ES` or `es-ES` (a bare language such as `es` takes that
 *   language's default region).
 * @return the separators, date order, clock and boolean words Sheets uses for typed input.
 * @throws Error naming the locale when it is not a well-formed locale that `Intl` knows.
 * @example importLocale('es_ES').decimal // ','
 */
export function importLocale(locale: string): ImportLocale {
  const cached = cache.get(locale);
  if (cached) return cached;
  const tag = locale.replace(/_/g, '-');
  let supported: string[];
  try {
    supported = Intl.NumberFormat.supportedLocalesOf(tag);
  } catch {
    supported = [];
  }
  if (supported.length === 0)
    throw new Error(`Unknown spreadsheet locale ${locale}: use a Sheets locale such as es_ES, es_MX, en_US or en_GB`);
  const numberParts = new Intl.NumberFormat(tag).formatToParts(1234567.5);
  const decimal = numberParts.find((p) => p.type === 'decimal')?.value ?? '.';
  const group = numberParts.find((p) => p.type === 'group')?.value ?? ',';
  const groups = SPACES.includes(group) ? SPACES : group === "'" || group === '’' ? ["'", '’'] : [group];
  const dateParts = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(
    new Date(Date.UTC(2025, 10, 3, 12)),
  );
  const order = dateParts
    .filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year')
    .map((p) => p.type[0])
    .join('');
  const dateOrder = order === 'mdy' ? 'mdy' : order.startsWith('y') ? 'ymd' : 'dmy';
  const literal = dateParts.find((p) => p.type === 'literal')?.value.trim() ?? '/';
  const dateSeparators = ['/', '-'];
  if (literal.length === 1 && !dateSeparators.includes(literal)) dateSeparators.push(literal);
  const twelveHour = new Intl.DateTimeFormat(tag, { hour: 'numeric' }).resolvedOptions().hour12 === true;
  const words = BOOLEAN_WORDS[tag.split('-')[0].toLowerCase()];
  const group3 = `[${groups.map(escapeRegExp).join('')}]`;
  const integer = `(?:\\d{1,3}(?:${group3}\\d{3})+|\\d+)`;
  const mark = escapeRegExp(decimal);
  const rules: ImportLocale = {
    name: locale,
    decimal,
    groups,
    dateOrder,
    dateSeparators,
    twelveHour,
    trueWords: words ? ['TRUE', words[0]] : ['TRUE'],
    falseWords: words ? ['FALSE', words[1]] : ['FALSE'],
    numberPattern: new RegExp(`^(?:${integer}(?:${mark}\\d*)?|${mark}\\d+)(?:[eE][-+]?\\d+)?$`),
  };
  cache.set(locale, rules);
  return rules;
}

/**
 * The value Sheets stores for the text of an imported CSV cell (see the module notes).
 * @param text the cell's text.
 * @param dates date-cell maker of the spreadsheet zone.
 * @param locale the spreadsheet locale's conventions (default en_US).
 * @return a number, a boolean, a date, or text; null for a lone `'`.
 */
export function typedValue(
  text: string,
  dates: DateCells,
  locale: ImportLocale = importLocale('en_US'),
): EmuValue | null {
  if (text.startsWith("'")) return text.length > 1 ? text.slice(1) : null;
  const t = text.trim();
  if (t === '') return text;
  const upper = t.toUpperCase();
  if (locale.trueWords.includes(upper)) return true;
  if (locale.falseWords.includes(upper)) return false;
  const n = localeNumber(t, locale);
  if (n !== null) return n;
  return localeDate(t, locale, dates) ?? text;
}

/** A number written in the locale's format, with an optional currency or percent; else null. */
function localeNumber(t: string, locale: ImportLocale): number | null {
  let s = t;
  let percent = false;
  let currency = false;
  const pct = PERCENT_SUFFIX.exec(s);
  if (pct) {
    s = pct[1];
    percent = true;
  } else {
    const cur = CURRENCY_SUFFIX.exec(s);
    if (cur) {
      s = cur[1];
      currency = true;
    }
  }
  let sign = '';
  if (s[0] === '-' || s[0] === '+') {
    sign = s[0];
    s = s.slice(1);
  }
  if (!percent && !currency) {
    const prefix = CURRENCY_PREFIX.exec(s);
    if (prefix) {
      s = s.slice(prefix[0].length);
      if (!sign && (s[0] === '-' || s[0] === '+')) {
        sign = s[0];
        s = s.slice(1);
      }
    }
  }
  if (!locale.numberPattern.test(s)) return null;
  let plain = '';
  for (const ch of s) {
    if (ch === locale.decimal) plain += '.';
    else if (!locale.groups.includes(ch)) plain += ch;
  }
  const value = Number(sign === '-' ? `-${plain}` : plain);
  if (!Number.isFinite(value)) return null;
  return percent ? value / 100 : value;
}

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?\s*[Mm]\.?)?$/;
const YEAR_FIRST = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/;
const YEAR_MONTH = /^(\d{4})-(\d{1,2})$/;
const SHORT = /^(\d{1,2})([^\d\s])(\d{1,2})\2(\d{4}|\d{2})$/;

/** A date or date-time in the locale's order (or ISO), as a date cell; else null. */
function localeDate(t: string, locale: ImportLocale, dates: DateCells): Date | null {
  const space = t.search(/\s/);
  const datePart = space < 0 ? t : t.slice(0, space);
  const timePart = space < 0 ? '' : t.slice(space).trim();
  let year: number;
  let month: number;
  let day: number;
  let m = YEAR_FIRST.exec(datePart);
  if (m) [year, month, day] = [Number(m[1]), Number(m[3]), Number(m[4])];
  else if ((m = YEAR_MONTH.exec(datePart)) && timePart === '') [year, month, day] = [Number(m[1]), Number(m[2]), 1];
  else if ((m = SHORT.exec(datePart)) && locale.dateOrder !== 'ymd' && locale.dateSeparators.includes(m[2])) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    [day, month] = locale.dateOrder === 'dmy' ? [a, b] : [b, a];
    year = m[4].length === 4 ? Number(m[4]) : Number(m[4]) + (Number(m[4]) < 30 ? 2000 : 1900);
  } else return null;
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  let seconds = 0;
  let hms = '';
  if (timePart !== '') {
    const tm = TIME.exec(timePart);
    if (!tm) return null;
    let hour = Number(tm[1]);
    const [minute, second] = [Number(tm[2]), Number(tm[3] ?? 0)];
    if (tm[4]) {
      if (!locale.twelveHour || hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (tm[4].toUpperCase() === 'P' ? 12 : 0);
    }
    if (hour > 23 || minute > 59 || second > 59) return null;
    seconds = hour * 3600 + minute * 60 + second;
    const pad = (n: number) => String(n).padStart(2, '0');
    hms = `T${pad(hour)}:${pad(minute)}:${pad(second)}`;
  }
  if (seconds === 0) return dates.of(year, month, day);
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return sheetDate(iso + hms, dates.timeZone);
}
