/**
 * What `Range.getDisplayValues()` shows: a cell's value rendered with its number format, as Sheets
 * documents its format patterns (https://developers.google.com/sheets/api/guides/formats): digit
 * placeholders `0 # ?`, grouping `,`, decimals `.`, `%`, quoted text, `\`-escapes, `[$€]`
 * currency blocks, `[Red]`-style colours (ignored), sections `positive;negative;zero;text`, and
 * date/time tokens `yyyy yy mmmm mmm mm m dddd ddd dd d hh h ss am/pm`. Numbers use the
 * spreadsheet locale's separators (`1,234.5` in en_US, `1.234,5` in es_ES). Cells without a format
 * use Sheets' automatic rendering (up to 10 significant digits; dates as the locale's short date).
 * Scientific and fraction formats are not emulated.
 */
import { instantOfSerial, serialOfInstant, wallClock } from './dates';
import { copyValue, isDate, type EmuValue } from './entry';

/** What `getNumberFormat()` returns for a cell nobody formatted. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';

const MONTHS: Record<string, string[]> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  es: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
};
const DAYS: Record<string, string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  es: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
};

/** Decimal and grouping separators of a locale such as `en_US` or `es_ES`. */
export function separators(locale: string): { decimal: string; group: string } {
  const language = locale.slice(0, 2).toLowerCase();
  // Spanish of Mexico, the US, Central America and the Caribbean writes 13,548.00 (CLDR).
  if (/^es_(MX|US|GT|HN|NI|PA|PR|SV|DO)$/i.test(locale)) return { decimal: '.', group: ',' };
  if (['es', 'de', 'it', 'pt', 'nl', 'id', 'da', 'tr'].includes(language)) return { decimal: ',', group: '.' };
  if (language === 'fr') return { decimal: ',', group: '\u202f' };
  return { decimal: '.', group: ',' };
}

/** The short date (and date-time) pattern Sheets uses for dates of a locale when no format is set. */
export function defaultDatePattern(locale: string, withTime: boolean): string {
  const date = locale.toLowerCase().startsWith('en_us') || locale.toLowerCase() === 'en' ? 'M/d/yyyy' : 'd/M/yyyy';
  return withTime ? `${date} H:mm:ss` : date;
}

/**
 * The value `getValues` returns for a cell: its type follows the number format, as in Sheets,
 * which stores every date as a serial number. A number in a date, time or duration format reads
 * as a `Date` (a duration as a time after 1899-12-30); a date in a number format reads as its
 * serial number; with the automatic format, or as text, a value reads as it was entered.
 */
export function valueAsRead(
  value: EmuValue,
  pattern: string | undefined,
  timeZone: string,
  valueTypes: 'byFormat' | 'asEntered' = 'byFormat',
): EmuValue {
  if (valueTypes === 'asEntered' || isAutomatic(pattern) || pattern === '@') return copyValue(value);
  if (typeof value === 'number' && Number.isFinite(value) && isDatePattern(pattern!))
    return instantOfSerial(value, timeZone);
  if (isDate(value) && !isDatePattern(pattern!)) return serialOfInstant(value, timeZone);
  return copyValue(value);
}

/** Sheets' automatic format: none set, the pattern `getNumberFormat` reports for it, or `General`. */
function isAutomatic(pattern: string | undefined): boolean {
  return !pattern || pattern === DEFAULT_NUMBER_FORMAT || /^general$/i.test(pattern);
}

/** The text a cell shows. */
export function displayValue(value: EmuValue, pattern: string | undefined, locale: string, timeZone: string): string {
  if (value === '') return '';
  if (typeof value === 'boolean')
    return locale.startsWith('es') ? (value ? 'VERDADERO' : 'FALSO') : value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return textSection(value, pattern);
  const automatic = isAutomatic(pattern);
  if (isDate(value)) {
    const w = wallClock(value, timeZone);
    const serial = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) / 86400000 + 25569;
    if (automatic)
      return formatDateSerial(serial, defaultDatePattern(locale, w.hour + w.minute + w.second > 0), locale);
    return isDatePattern(pattern!)
      ? formatDateSerial(serial, pattern!, locale)
      : formatNumber(serial, pattern!, locale);
  }
  if (!Number.isFinite(value)) return '#NUM!';
  if (automatic) return automaticNumber(value, locale);
  return isDatePattern(pattern!) ? formatDateSerial(value, pattern!, locale) : formatNumber(value, pattern!, locale);
}

function textSection(text: string, pattern: string | undefined): string {
  const sections = pattern ? splitSections(pattern) : [];
  const section = sections.length === 4 ? sections[3] : sections.find((s) => s.includes('@'));
  if (!section || section === '@') return text;
  return renderLiterals(section).replace('\u0000', text);
}

function automaticNumber(value: number, locale: string): string {
  const { decimal } = separators(locale);
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const rounded = Number(value.toPrecision(10));
  const text =
    Math.abs(rounded) >= 1e15 || (Math.abs(rounded) < 1e-9 && rounded !== 0)
      ? rounded.toExponential().replace('e', 'E')
      : String(rounded);
  return text.replace('.', decimal);
}

/** Splits a pattern into its `;` sections (not inside quotes or after `\`). */
function splitSections(pattern: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\' && !quoted) {
      current += ch + (pattern[++i] ?? '');
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  out.push(current);
  return out;
}

/** A pattern with quotes, escapes and brackets resolved: literal text, `\u0000` where `@` was. */
function renderLiterals(section: string): string {
  return section.replace(
    /"([^"]*)"|\\(.)|\[\$([^\]-]*)(?:-[^\]]*)?\]|\[[^\]]*\]|_.|\*.|(@)/g,
    (_m, quoted, escaped, currency, at) => {
      if (quoted !== undefined) return quoted;
      if (escaped !== undefined) return escaped;
      if (currency !== undefined) return currency;
      if (at !== undefined) return '\u0000';
      return '';
    },
  );
}

/** Whether a pattern formats dates (has date/time tokens outside quotes and no digit placeholders). */
export function isDatePattern(pattern: string): boolean {
  const bare = splitSections(pattern)[0].replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[ydhs]/i.test(bare.replace(/am\/pm|a\/p/gi, '')) || (/m/i.test(bare) && !/[0#?]/.test(bare));
}

function formatNumber(value: number, pattern: string, locale: string): string {
  const sections = splitSections(pattern);
  let section = sections[0];
  let negativeSign = value < 0;
  if (value < 0 && sections.length > 1 && sections[1] !== '') {
    section = sections[1];
    negativeSign = false;
  } else if (value === 0 && sections.length > 2 && sections[2] !== '') section = sections[2];
  const literal = renderLiterals(section);
  const first = literal.search(/[0#?]/);
  if (first < 0) return (negativeSign ? '-' : '') + literal.replace('\u0000', '');
  let last = first;
  for (let i = first; i < literal.length; i++)
    if (/[0#?.,]/.test(literal[i])) last = i;
    else break;
  while (last > first && literal[last] === ',') last--;
  const numeric = literal.slice(first, last + 1);
  const prefix = literal.slice(0, first);
  const suffix = literal.slice(last + 1);
  const percent = literal.includes('%') ? 100 : 1;
  const [integerPart, fractionPart = ''] = numeric.split('.');
  const maxDecimals = (fractionPart.match(/[0#?]/g) ?? []).length;
  const minDecimals = (fractionPart.match(/[0?]/g) ?? []).length;
  const minIntegerDigits = (integerPart.match(/0/g) ?? []).length;
  const grouping = integerPart.includes(',');
  const { decimal, group } = separators(locale);
  const fixed = (Math.abs(value) * percent).toFixed(maxDecimals);
  let [whole, fraction = ''] = fixed.split('.');
  while (fraction.length > minDecimals && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  whole = whole.replace(/^0+/, '');
  whole = whole.padStart(minIntegerDigits, '0');
  if (grouping) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const body = whole + (fraction || (numeric.includes('.') && minDecimals > 0) ? decimal + fraction : '');
  const isZero = Number(fixed) === 0;
  return (negativeSign && !isZero ? '-' : '') + prefix + body + suffix;
}

const DATE_TOKENS =
  /"[^"]*"|\\.|\[[^\]]*\]|yyyy|yy|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p|\.0+|[\s\S]/gi;

function formatDateSerial(serial: number, pattern: string, locale: string): string {
  const language = locale.slice(0, 2).toLowerCase() === 'es' ? 'es' : 'en';
  const ms = Math.round((serial - 25569) * 86400000);
  const d = new Date(ms);
  const tokens = splitSections(pattern)[0].match(DATE_TOKENS) ?? [];
  const twelveHour = tokens.some((t) => /^(am\/pm|a\/p)$/i.test(t));
  const kinds = tokens.map((t) => t.toLowerCase());
  const isTimeish = (t: string | undefined) => t !== undefined && /^(h|hh|s|ss)$/.test(t);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const hour = d.getUTCHours();
  let out = '';
  tokens.forEach((token, i) => {
    const t = kinds[i];
    if (token.startsWith('"')) {
      out += token.slice(1, -1);
      return;
    }
    if (token.startsWith('\\')) {
      out += token.slice(1);
      return;
    }
    if (token.startsWith('[')) return;
    if (t === 'm' || t === 'mm') {
      const previous = kinds
        .slice(0, i)
        .reverse()
        .find((k) => /^[a-z]/.test(k) && k !== 'am/pm' && k !== 'a/p');
      const next = kinds.slice(i + 1).find((k) => /^[a-z]/.test(k));
      if ((isTimeish(previous) && previous!.startsWith('h')) || (isTimeish(next) && next!.startsWith('s'))) {
        out += t === 'mm' ? pad(d.getUTCMinutes(), 2) : String(d.getUTCMinutes());
        return;
      }
      out += t === 'mm' ? pad(d.getUTCMonth() + 1, 2) : String(d.getUTCMonth() + 1);
      return;
    }
    switch (t) {
      case 'yyyy':
        out += pad(d.getUTCFullYear(), 4);
        return;
      case 'yy':
        out += pad(d.getUTCFullYear() % 100, 2);
        return;
      case 'mmmmm':
        out += MONTHS[language][d.getUTCMonth()][0];
        return;
      case 'mmmm':
        out += MONTHS[language][d.getUTCMonth()];
        return;
      case 'mmm':
        out += MONTHS[language][d.getUTCMonth()].slice(0, 3);
        return;
      case 'dddd':
        out += DAYS[language][d.getUTCDay()];
        return;
      case 'ddd':
        out += DAYS[language][d.getUTCDay()].slice(0, 3);
        return;
      case 'dd':
        out += pad(d.getUTCDate(), 2);
        return;
      case 'd':
        out += String(d.getUTCDate());
        return;
      case 'hh':
        out += pad(twelveHour ? hour % 12 || 12 : hour, 2);
        return;
      case 'h':
        out += String(twelveHour ? hour % 12 || 12 : hour);
        return;
      case 'ss':
        out += pad(d.getUTCSeconds(), 2);
        return;
      case 's':
        out += String(d.getUTCSeconds());
        return;
      case 'am/pm':
        out += token === token.toUpperCase() ? (hour < 12 ? 'AM' : 'PM') : hour < 12 ? 'am' : 'pm';
        return;
      case 'a/p':
        out += hour < 12 ? 'a' : 'p';
        return;
      default:
        if (/^\.0+$/.test(t)) {
          out += `.${pad(d.getUTCMilliseconds(), 3).slice(0, t.length - 1)}`;
          return;
        }
        out += token;
    }
  });
  return out;
}
