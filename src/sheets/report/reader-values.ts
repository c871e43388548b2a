/**
 * The report reader's rules for values as they really come into a sheet (PRODUCT.md, "The data people
 * have"): amounts written as text with a currency and thousands separators, dates written as text in
 * the spreadsheet locale's order, date-times with a UTC offset, and Stripe's `(UTC)` columns. Only the
 * report reads this way: the custom formulas keep FUNCTIONS.md's rules (a text amount is an error there).
 *
 * A column is read as a whole: the decimal mark of its text amounts and the order of day and month of
 * its text dates are decided once, from every cell, and each cell is counted by the form it was
 * written in, so the wizard can say what it understood ("Fecha holds dates written as text: 3/11/2025
 * → 3 November 2025") and a column of mixed forms reports the count of each. Pure: no Apps Script
 * service is called here.
 */
import { civilFromDay, dayFromCivil, daysInMonth, isoOfDay } from '../../kpi/calendar/days';
import type { ColumnReading, FormCount, ValueForm } from '../../report/records';
import { isUtcHeader, type FieldType, type KnownField } from '../../report/sources';
import { isBlank, isDate, errorValueOf, SERIAL_EPOCH_DAY } from '../cells';
import type { ZoneCalendar } from '../timezone';

/** How a spreadsheet locale writes numbers and short dates, as Sheets reads typed values in it. */
export interface ReaderLocale {
  decimal: ',' | '.';
  dateOrder: 'dmy' | 'mdy' | 'ymd';
}

/** Row numbers kept per form of value. */
const FIRST_ROWS_KEPT = 5;
const FIRST_PLAUSIBLE_DAY = dayFromCivil(1900, 1, 1);
const LAST_PLAUSIBLE_DAY = dayFromCivil(2200, 12, 31);
const MS_PER_DAY = 86_400_000;

/** Locales whose short dates are month-first, when `Intl` cannot say (en_US and its neighbours). */
const MONTH_FIRST = /^en[-_](US|PH|PR|GU|AS|UM|VI|MP)$|^es[-_]US$/i;
/** Languages that write decimals with a point, when `Intl` cannot say (es_MX and Latin America's north). */
const DECIMAL_POINT = /^(en|ja|zh|ko|he|th|hi)\b|^es[-_](MX|US|PR|DO|GT|HN|NI|PA|SV|PE)$/i;

/**
 * The conventions of a spreadsheet locale (`es_ES`, `en_US` …): its decimal mark and the order of its
 * short dates, from `Intl`'s CLDR data as Sheets' own formats are, else from a small table.
 * @example readerLocale('es_ES') // { decimal: ',', dateOrder: 'dmy' }
 */
export function readerLocale(locale: string | undefined): ReaderLocale {
  const name = (locale ?? 'en_US').trim() || 'en_US';
  const tag = name.replace(/_/g, '-');
  const fallback: ReaderLocale = {
    decimal: DECIMAL_POINT.test(name) ? '.' : ',',
    dateOrder: MONTH_FIRST.test(name) ? 'mdy' : 'dmy',
  };
  try {
    const mark = new Intl.NumberFormat(tag).formatToParts(1.5).find((p) => p.type === 'decimal')?.value;
    const parts = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' })
      .formatToParts(new Date(Date.UTC(2025, 10, 3)))
      .filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year')
      .map((p) => p.type[0])
      .join('');
    const order = parts === 'mdy' ? 'mdy' : parts === 'dmy' ? 'dmy' : parts === 'ymd' ? 'ymd' : fallback.dateOrder;
    return { decimal: mark === ',' ? ',' : mark === '.' ? '.' : fallback.decimal, dateOrder: order };
  } catch {
    return fallback;
  }
}

// ---- amounts written as text ----------------------------------------------------------------

/** Spaces a number may be grouped with or a currency set apart by (no-break and narrow ones too). */
const SPACES = /[\s\u00a0\u202f\u2007\u2009]+/g;
const CURRENCY_PREFIX = /^(?:[A-Z]{1,3}\$|[A-Za-z]{3}(?=[\d.,(+\-\u2212])|[€$£¥₹₽₩¢])/;
const CURRENCY_SUFFIX = /(?:[€$£¥₹₽₩¢]|([\d.,)])[A-Za-z]{3})$/;

/** The sign and the bare digits of an amount written as text: `-1.234,50 €` → { −1, `1.234,50` }. */
function amountBody(text: string): { sign: 1 | -1; body: string; decorated: boolean } | undefined {
  let s = text.replace(SPACES, '').replace(/\u2212/g, '-');
  if (s === '') return undefined;
  const original = s;
  let sign: 1 | -1 = 1;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    s = paren[1];
    sign = -1;
  }
  for (let pass = 0; pass < 2; pass++) {
    if (s[0] === '-' || s[0] === '+') {
      if (s[0] === '-') sign = -1;
      s = s.slice(1);
    }
    s = s.replace(CURRENCY_PREFIX, '').replace(CURRENCY_SUFFIX, '$1');
    if (s.endsWith('-')) {
      sign = -1;
      s = s.slice(0, -1);
    }
  }
  if (!/^(?:\d[\d.,'’]*|[.,]\d+)$/.test(s)) return undefined;
  return { sign, body: s, decorated: s !== original.replace(/^[-+]/, '') };
}

/**
 * The number an amount written as text stands for, with `mark` as its decimal mark: `45,90 €`,
 * `1.234,50 €`, `€1,234.50`, `US$ 12`, `(45.90)` (negative), `1 234,5`; `undefined` when it is not an
 * amount. The other mark (and an apostrophe) may only group thousands in threes.
 * @example amountOfText('1.234,50\u00a0€', ',') // 1234.5
 */
export function amountOfText(text: string, mark: ',' | '.'): number | undefined {
  const parts = amountBody(text);
  if (!parts) return undefined;
  const group = mark === ',' ? '.' : ',';
  const g = `[${group === '.' ? '\\.' : ','}'’]`;
  const m = mark === '.' ? '\\.' : ',';
  const valid = new RegExp(`^(?:\\d{1,3}(?:${g}\\d{3})+|\\d+)?(?:${m}\\d+)?$`);
  if (!valid.test(parts.body) || !/\d/.test(parts.body)) return undefined;
  const plain = parts.body.replace(/['’]/g, '').split(group).join('').replace(mark, '.');
  const value = Number(plain);
  return Number.isFinite(value) ? parts.sign * value : undefined;
}

/** Whether an amount text carries more than digits and a decimal mark (a currency, groups, a sign). */
function isDecorated(text: string): boolean {
  const parts = amountBody(text);
  return !!parts && (parts.decorated || /[.,].*[.,]|['’]/.test(parts.body));
}

/** An answer written as text: `9`, `4,5`, a quiz's `9 / 10` (the points). */
export function answerOfText(text: string, mark: ',' | '.'): number | undefined {
  const quiz = /^\s*(\d+(?:[.,]\d+)?)\s*\/\s*\d+(?:[.,]\d+)?\s*$/.exec(text);
  return amountOfText(quiz ? quiz[1] : text, mark);
}

// ---- dates written as text ------------------------------------------------------------------

/** Calendar fields of a date written as text, with its time of day and, if written, its UTC offset. */
export interface DateTextFields {
  year: number;
  month: number;
  day: number;
  /** Seconds since midnight. */
  seconds: number;
  /** Minutes east of UTC, when the text says (`+0200`, `Z`). */
  offsetMinutes?: number;
  form: 'isoText' | 'dateText' | 'offsetText';
  /** Whether the time of day was written. */
  timed: boolean;
}

/** Why a date-like text was not read. */
export interface ImpossibleDate {
  impossible: true;
  /** It would be a real date with day and month the other way round. */
  otherOrderFits: boolean;
}

/** Month names in English and Spanish (accents removed); a name may be cut after its third letter. */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'enero'],
  ['february', 'febrero'],
  ['march', 'marzo'],
  ['april', 'abril'],
  ['may', 'mayo'],
  ['june', 'junio'],
  ['july', 'julio'],
  ['august', 'agosto'],
  ['september', 'septiembre', 'setiembre'],
  ['october', 'octubre'],
  ['november', 'noviembre'],
  ['december', 'diciembre'],
];

const YMD = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:t|\s)(.*))?$/;
const SHORT = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?:,?\s(.*))?$/;
const DAY_NAMED_MONTH = /^(\d{1,2})(?:\sde)?[\s-]([a-z]{3,})\.?,?(?:\sde)?[\s-](\d{4})(?:,?\s(.*))?$/;
const NAMED_MONTH_DAY = /^([a-z]{3,})\.?\s(\d{1,2}),?\s(\d{4})(?:,?\s(.*))?$/;
/** `H:mm[:ss[.fff]]`, then `AM`/`PM`, then a zone: `Z`, `UTC`, `+0200`, `-05:00`, `GMT+1`. */
const TIME = new RegExp(
  '^(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?' +
    '(?:\\s?([ap])\\.?\\s?m\\.?)?' +
    '(?:\\s?(z|utc|gmt|(?:utc|gmt)?[+-]\\d{1,2}(?::?\\d{2})?))?$',
);

/** The month of a name or its abbreviation (`nov`, `sept`, `noviembre`, `november`). */
function monthOfName(name: string): number | undefined {
  const index = MONTH_NAMES.findIndex((names) => names.some((full) => full.startsWith(name)));
  return name.length >= 3 && index >= 0 ? index + 1 : undefined;
}

/** Seconds and offset of the time part of a date-time text, or `null` when it is not a time. */
function timeOf(text: string | undefined): { seconds: number; offsetMinutes?: number } | null | undefined {
  if (text === undefined || text === '') return undefined;
  const m = TIME.exec(text);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = m[3] ? Number(m[3]) : 0;
  if (m[4]) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (m[4] === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  const out: { seconds: number; offsetMinutes?: number } = { seconds: hour * 3600 + minute * 60 + second };
  if (m[5]) {
    const zone = /([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(m[5]);
    out.offsetMinutes = zone ? (zone[1] === '-' ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3] ?? 0)) : 0;
    if (Math.abs(out.offsetMinutes) > 14 * 60) return null;
  }
  return out;
}

function realDate(year: number, month: number, day: number): boolean {
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Reads a date or date-time written as text: ISO (`2025-11-03`, `2025-11-03T09:50:26Z`), Shopify's
 * `2025-10-07 09:50:26 +0200`, short dates in `order` (`3/11/2025` is 3 November day-first, 11 March
 * month-first; `-` and `.` work too, two-digit years 00–29 are 20xx), with `H:mm[:ss]`, `AM`/`PM` and
 * an offset, and month names in English or Spanish (`3 nov 2025`, `3 de noviembre de 2025`,
 * `Nov 3, 2025`). A short date impossible in `order` says whether the other order would fit.
 * @example dateTextFields('3/11/2025', 'dmy') // { year: 2025, month: 11, day: 3, seconds: 0, … }
 */
export function dateTextFields(text: string, order: 'dmy' | 'mdy'): DateTextFields | ImpossibleDate | undefined {
  const t = text
    .trim()
    .replace(/\s+/g, ' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  let year: number;
  let month: number;
  let day: number;
  let rest: string | undefined;
  let form: DateTextFields['form'] = 'dateText';
  let m = YMD.exec(t);
  let otherOrderFits = false;
  if (m) {
    [year, month, day, rest] = [Number(m[1]), Number(m[3]), Number(m[4]), m[5]];
    form = 'isoText';
  } else if ((m = SHORT.exec(t))) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    year = m[4].length === 4 ? Number(m[4]) : Number(m[4]) + (Number(m[4]) < 30 ? 2000 : 1900);
    [day, month] = order === 'dmy' ? [a, b] : [b, a];
    rest = m[5];
    otherOrderFits = realDate(year, day, month);
  } else if ((m = DAY_NAMED_MONTH.exec(t))) {
    const named = monthOfName(m[2]);
    if (named === undefined) return undefined;
    [year, month, day, rest] = [Number(m[3]), named, Number(m[1]), m[4]];
  } else if ((m = NAMED_MONTH_DAY.exec(t))) {
    const named = monthOfName(m[1]);
    if (named === undefined) return undefined;
    [year, month, day, rest] = [Number(m[3]), named, Number(m[2]), m[4]];
  } else return undefined;
  const time = timeOf(rest);
  if (time === null) return undefined;
  if (!realDate(year, month, day)) return { impossible: true, otherOrderFits };
  const fields: DateTextFields = { year, month, day, seconds: time?.seconds ?? 0, form, timed: time !== undefined };
  if (time?.offsetMinutes !== undefined) {
    fields.offsetMinutes = time.offsetMinutes;
    fields.form = 'offsetText';
  }
  return fields;
}

/**
 * The fractional day number (time of day included) in the spreadsheet's zone of a date written as
 * text: with an offset, the instant it names, on its calendar day in the zone; in a UTC column, the
 * UTC wall-clock time; else the wall-clock time as written.
 */
export function exactDayOfText(fields: DateTextFields, zone: ZoneCalendar, utc: boolean): number {
  const civil = dayFromCivil(fields.year, fields.month, fields.day) + fields.seconds / 86_400;
  const offset = fields.offsetMinutes ?? (utc ? 0 : undefined);
  if (offset === undefined) return civil;
  return zone.exactDayOf(Math.round(civil * MS_PER_DAY) - offset * 60_000);
}

// ---- one column -----------------------------------------------------------------------------

/** What a cell gave: a value (`null` for blank), or why it cannot be read. */
export type CellRead = { value: number | string | boolean | null } | { bad: 'date' | 'number' | 'error' };

const TRUE_WORDS = new Set(['true', 'yes', 'y', 'si', 'sí', 'x', '1', 'verdadero', 'cierto']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'falso']);

/** Whether a field type is read as a date, a number or a yes/no (the columns a reading is kept for). */
function isDateType(type: FieldType): boolean {
  return type === 'date' || type === 'optionalDate' || type === 'dateTime';
}
function isNumberType(type: FieldType): boolean {
  return type === 'amount' || type === 'count' || type === 'score' || type === 'rating';
}

/** ISO text of a fractional day: `2025-11-03`, or `2025-11-03T09:50` when it has a time of day. */
function isoOfExactDay(exact: number, timed: boolean): string {
  const day = Math.floor(exact);
  if (!timed) return isoOfDay(day);
  const minutes = Math.round((exact - day) * 1440);
  const pad = (n: number) => String(n).padStart(2, '0');
  return minutes >= 1440 ? isoOfDay(day + 1) : `${isoOfDay(day)}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * Reads one column of a source sheet: decides, from all its cells, the decimal mark of amounts written
 * as text and how day and month are ordered in text dates, then reads each cell and counts it by the
 * form it was written in. `reading` says what was understood.
 */
export class ColumnReader {
  readonly reading: ColumnReading;
  private readonly mark: ',' | '.';
  private readonly order: 'dmy' | 'mdy';
  private readonly utc: boolean;
  /** Date cells are swapped back too: Sheets made them from the same text, in the locale's order. */
  private readonly swapCells: boolean;
  /** The text dates' example is one whose day and month could be either. */
  private ambiguousExample = false;

  /**
   * @param field the field the column feeds.
   * @param header its header text.
   * @param cells the column's data cells, in sheet order (to decide the column-wide readings); any
   *   iterable that can be walked more than once (a view of the sheet's rows: no copy of the column).
   * @param locale the spreadsheet locale's conventions.
   * @param zone the spreadsheet's time zone.
   * @param swapDayMonth read text dates the other way round from the locale (the user's choice).
   */
  constructor(
    readonly field: KnownField,
    header: string,
    cells: Iterable<unknown>,
    locale: ReaderLocale,
    private readonly zone: ZoneCalendar,
    swapDayMonth = false,
  ) {
    this.reading = { field: field.key, header, cells: 0, forms: {} };
    this.utc = isDateType(field.type) && isUtcHeader(header);
    if (this.utc) this.reading.utc = true;
    const localeOrder = locale.dateOrder === 'mdy' ? 'mdy' : 'dmy';
    const swapped: 'dmy' | 'mdy' = localeOrder === 'dmy' ? 'mdy' : 'dmy';
    this.order = swapDayMonth ? swapped : localeOrder;
    this.swapCells = swapDayMonth && locale.dateOrder !== 'ymd';
    this.mark = isNumberType(field.type) ? decimalMarkOf(cells, locale.decimal) : locale.decimal;
    if (isNumberType(field.type) && someCell(cells, (c) => typeof c === 'string' && /\d[.,]\d/.test(c)))
      this.reading.decimalMark = { mark: this.mark, locale: this.mark === locale.decimal };
    if (isDateType(field.type) || field.type === 'flag') {
      const shortDates = someCell(cells, (c) => typeof c === 'string' && SHORT.test(c.trim()));
      if (shortDates) {
        this.reading.dateOrder = { read: this.order, locale: locale.dateOrder };
        this.reading.otherOrderFits = otherOrderFits(cells, this.order);
      }
    }
  }

  private count(form: ValueForm, row: number, example?: FormCount['example']): void {
    const entry = (this.reading.forms[form] ??= { count: 0, firstRows: [] });
    entry.count++;
    if (entry.firstRows.length < FIRST_ROWS_KEPT) entry.firstRows.push(row);
    if (example && !entry.example) entry.example = example;
  }

  /** Reads one cell of sheet row `row` (1-based). */
  read(cell: unknown, row: number): CellRead {
    if (isBlank(cell)) return { value: null };
    this.reading.cells++;
    if (errorValueOf(cell)) {
      this.count('error', row);
      return { bad: 'error' };
    }
    const type = this.field.type;
    if (isDateType(type)) return this.readDate(cell, row);
    if (isNumberType(type)) return this.readNumber(cell, row);
    if (type === 'flag') return this.readFlag(cell, row);
    if (isDate(cell)) return { value: isoOfDay(this.zone.dayOf(cell.getTime())) };
    return { value: String(cell).trim() };
  }

  /** The fractional day of a date cell, serial or text; `undefined` when unreadable or implausible. */
  private exactDay(cell: unknown, row: number): number | undefined {
    if (isDate(cell)) {
      const ms = cell.getTime();
      if (Number.isNaN(ms)) return undefined;
      // A Sheets date cell holds a wall-clock time of the spreadsheet's zone; a `(UTC)` column means UTC.
      let wall = this.zone.exactDayOf(ms);
      if (this.swapCells) wall = this.swapped(wall);
      this.count('date', row);
      return this.utc ? this.zone.exactDayOf(Math.round(wall * MS_PER_DAY)) : wall;
    }
    if (typeof cell === 'number') {
      this.count('serial', row);
      return Number.isFinite(cell) ? cell + SERIAL_EPOCH_DAY : undefined;
    }
    if (typeof cell !== 'string') return undefined;
    const fields = dateTextFields(cell, this.order);
    if (!fields) return undefined;
    if ('impossible' in fields) {
      this.count('impossible', row, { text: cell.trim(), read: '' });
      return undefined;
    }
    const exact = exactDayOfText(fields, this.zone, this.utc);
    const example = { text: cell.trim(), read: isoOfExactDay(exact, fields.timed && this.field.type === 'dateTime') };
    this.count(fields.form, row, example);
    // The example that shows how day and month were read is one where both could be either (3/11/2025).
    const entry = this.reading.forms[fields.form]!;
    if (fields.day !== fields.month && fields.day <= 12 && fields.month <= 12 && !this.ambiguousExample) {
      this.ambiguousExample = fields.form === 'dateText';
      if (this.ambiguousExample) entry.example = example;
    }
    return exact;
  }

  /** A date cell's day with day and month exchanged (when that is a real date), its time kept. */
  private swapped(exact: number): number {
    const day = Math.floor(exact);
    const { year, month, day: dayOfMonth } = civilFromDay(day);
    if (!realDate(year, dayOfMonth, month)) return exact;
    this.reading.swappedCells = (this.reading.swappedCells ?? 0) + 1;
    return dayFromCivil(year, dayOfMonth, month) + (exact - day);
  }

  private readDate(cell: unknown, row: number): CellRead {
    const before = this.reading.forms.impossible?.count ?? 0;
    const exact = this.exactDay(cell, row);
    if (exact === undefined || exact < FIRST_PLAUSIBLE_DAY || exact >= LAST_PLAUSIBLE_DAY + 1) {
      if ((this.reading.forms.impossible?.count ?? 0) === before) this.count('unreadable', row, exampleOf(cell));
      return { bad: 'date' };
    }
    return { value: this.field.type === 'dateTime' ? exact : Math.floor(exact) };
  }

  private readNumber(cell: unknown, row: number): CellRead {
    if (typeof cell === 'number') {
      if (!Number.isFinite(cell)) return { bad: 'number' };
      this.count('number', row);
      return { value: cell };
    }
    if (typeof cell === 'string') {
      const scored = this.field.type === 'score' || this.field.type === 'rating';
      const n = scored ? answerOfText(cell, this.mark) : amountOfText(cell, this.mark);
      if (n !== undefined) {
        this.count(isDecorated(cell) ? 'amountText' : 'numberText', row, { text: cell.trim(), read: n });
        return { value: n };
      }
      // A word where an answer was expected ("N/A") is no answer; anywhere else it is not a number.
      this.count(scored ? 'text' : 'unreadable', row, exampleOf(cell));
      return scored ? { value: null } : { bad: 'number' };
    }
    this.count('unreadable', row, exampleOf(cell));
    return { bad: 'number' };
  }

  private readFlag(cell: unknown, row: number): CellRead {
    if (typeof cell === 'boolean') {
      this.count('boolean', row);
      return { value: cell };
    }
    if (isDate(cell)) {
      this.count('date', row);
      return { value: true };
    }
    if (typeof cell === 'number') {
      this.count('number', row);
      return { value: cell !== 0 };
    }
    const text = String(cell).trim().toLowerCase();
    if (TRUE_WORDS.has(text) || FALSE_WORDS.has(text)) {
      this.count('boolean', row);
      return { value: TRUE_WORDS.has(text) };
    }
    const date = dateTextFields(text, this.order);
    if (date && !('impossible' in date)) {
      this.count(date.form, row);
      return { value: true };
    }
    this.count('unreadable', row, exampleOf(cell));
    return { bad: 'date' };
  }
}

/** Whether any cell passes `test` (stops at the first). */
function someCell(cells: Iterable<unknown>, test: (cell: unknown) => boolean): boolean {
  for (const cell of cells) if (test(cell)) return true;
  return false;
}

function exampleOf(cell: unknown): FormCount['example'] | undefined {
  return typeof cell === 'string' ? { text: cell.trim(), read: '' } : undefined;
}

/** The decimal mark that reads most of a column's amount texts; the locale's on a tie. */
function decimalMarkOf(cells: Iterable<unknown>, localeMark: ',' | '.'): ',' | '.' {
  let comma = 0;
  let point = 0;
  for (const cell of cells) {
    if (typeof cell !== 'string' || isBlank(cell)) continue;
    if (answerOfText(cell, ',') !== undefined) comma++;
    if (answerOfText(cell, '.') !== undefined) point++;
  }
  return comma === point ? localeMark : comma > point ? ',' : '.';
}

/**
 * Whether the column seems written the other way round: some short dates are impossible in `order`,
 * and none is possible only in `order` (a typo impossible both ways does not count either way).
 */
function otherOrderFits(cells: Iterable<unknown>, order: 'dmy' | 'mdy'): boolean {
  const other = order === 'dmy' ? 'mdy' : 'dmy';
  let onlyOther = 0;
  for (const cell of cells) {
    if (typeof cell !== 'string' || !SHORT.test(cell.trim().replace(/\s+/g, ' '))) continue;
    const read = dateTextFields(cell, order);
    const flipped = dateTextFields(cell, other);
    const fitsRead = !!read && !('impossible' in read);
    const fitsOther = !!flipped && !('impossible' in flipped);
    if (fitsRead && !fitsOther) return false;
    if (!fitsRead && fitsOther) onlyOther++;
  }
  return onlyOther > 0;
}
