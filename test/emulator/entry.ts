/**
 * How Sheets reads a value written with `Range.setValue(s)`: the same as text typed into a cell.
 *
 * - A string starting with `=` is a formula. The emulator cannot evaluate formulas: it stores the
 *   formula (`getFormula(s)` returns it) and the cell's value becomes {@link FORMULA_VALUE}, a
 *   marker string, so a test (and the HTML rendering) can tell a formula was created. Two
 *   exceptions: `=NA()` holds the error `#N/A`, and `Workbook.recalculate` computes the cells that
 *   call a custom function.
 * - A string starting with `+` or `-` that is not a number is parsed as a formula too (Sheets keeps
 *   the Lotus convention: typing `+A1` or `-A1` gives the formula `=+A1` / `=-A1`).
 * - A leading apostrophe forces text: `'=1+1` is the text `=1+1` (the apostrophe is not part of the value).
 * - `@` at the start has no formula meaning in Google Sheets (unlike Excel, where `@SUM(…)` is a
 *   formula): the emulator keeps such strings as text. Not verified against a live spreadsheet.
 * - Numeric text (`42`, `-3.5`, `1e3`, `+7`) becomes a number; `12%` becomes 0.12 with a percent
 *   format; `TRUE`/`FALSE` (any case) become booleans; an ISO date `yyyy-mm-dd` (optionally with
 *   ` hh:mm[:ss]`) becomes a date (midnight in the spreadsheet zone) with a date format. Locale
 *   forms such as `1,234` or `31/12/2024` are kept as text (not emulated).
 * - In a cell whose number format is plain text (`@`) every string stays text, verbatim (an
 *   apostrophe included — not verified against a live spreadsheet).
 * - Non-string values (numbers, booleans, Dates) are stored as they are; `null`/`undefined` clear.
 */
import { sheetDate } from './dates';

/** The value a formula cell reports, since the emulator does not evaluate formulas. */
export const FORMULA_VALUE = '#FORMULA';

/** Sheets' limit on the characters in one cell, and its message. */
export const MAX_CELL_CHARACTERS = 50000;

/** A value a cell can hold. */
export type EmuValue = string | number | boolean | Date;

/** What a cell keeps of one entry. */
export interface ParsedEntry {
  value: EmuValue;
  formula?: string;
  /** A number format Sheets applies by itself (percent, date) when the cell has none. */
  autoFormat?: string;
}

/** Whether a value is a Date, across `vm` realms. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const PERCENT = /^([+-]?(?:\d+\.?\d*|\.\d+))%$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Reads one value as Sheets reads user entry; `numberFormat` is the target cell's format. */
export function parseEntry(raw: unknown, numberFormat: string | undefined, timeZone: string): ParsedEntry {
  if (raw === null || raw === undefined) return { value: '' };
  if (typeof raw === 'number' || typeof raw === 'boolean') return { value: raw };
  if (isDate(raw)) return { value: new Date(raw.getTime()) };
  const text = String(raw);
  if (text.length > MAX_CELL_CHARACTERS)
    throw new Error(`Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell.`);
  if (numberFormat === '@') return { value: text };
  if (text === '') return { value: '' };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (/^=\s*NA\(\s*\)$/i.test(text)) return { value: '#N/A', formula: text };
  if (text.startsWith('=') && text.length > 1) return { value: FORMULA_VALUE, formula: text };
  if (NUMBER.test(text)) return { value: Number(text) };
  const percent = PERCENT.exec(text);
  if (percent) return { value: Number(percent[1]) / 100, autoFormat: percent[1].includes('.') ? '0.00%' : '0%' };
  if ((text.startsWith('+') || text.startsWith('-')) && text.length > 1)
    return { value: FORMULA_VALUE, formula: `=${text}` };
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === 'true' };
  const iso = ISO_DATE.exec(text);
  if (iso && Number(iso[2]) >= 1 && Number(iso[2]) <= 12 && Number(iso[3]) >= 1 && Number(iso[3]) <= 31) {
    const withTime = iso[4] !== undefined;
    const wall = `${iso[1]}-${iso[2]}-${iso[3]}${withTime ? ` ${iso[4].padStart(2, '0')}:${iso[5]}:${iso[6] ?? '00'}` : ''}`;
    return { value: sheetDate(wall, timeZone), autoFormat: withTime ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd' };
  }
  return { value: text };
}

/** A value written raw (test set-up, `writeValues`): stored as given, `null`/`undefined` clear. */
export function rawEntry(value: unknown): EmuValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (isDate(value)) return new Date(value.getTime());
  return String(value);
}

/** A copy of a stored value (Dates are mutable). */
export function copyValue(value: EmuValue): EmuValue {
  return isDate(value) ? new Date(value.getTime()) : value;
}
