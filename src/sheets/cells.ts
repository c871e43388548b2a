/**
 * What a custom function receives from Sheets, and the rules for reading one cell.
 *
 * A single-cell reference arrives as a plain value; a range as a 2-D array read row by row.
 * Blank cells are `''`, dates are `Date`s, error cells are their error text (`#N/A`, …).
 */

import { dayFromCivil } from '../kpi/calendar/days';
import type { ZoneCalendar } from './timezone';

/** One cell as Apps Script hands it over. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** A custom function argument: one value or a range of any shape. */
export type CellInput = CellValue | CellValue[][] | CellValue[];

/** What a formula may return into a cell. */
export type CellOutput = string | number | boolean | Date;

/** A table a formula returns (spills into the sheet). */
export type CellTable = CellOutput[][];

/** The Sheets error values a range can hold. */
export const SHEETS_ERROR_VALUES: ReadonlySet<string> = new Set([
  '#N/A',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#ERROR!',
  '#SPILL!',
  '#CALC!',
]);

/** A flattened argument: cells in row-major order and the width used to find each cell's row. */
export interface FlatCells {
  values: CellValue[];
  rows: number;
  columns: number;
  /** True when the argument was a single value rather than a range. */
  scalar: boolean;
}

/** Flattens an argument row by row. A single value becomes one cell. */
export function flatten(input: CellInput): FlatCells {
  if (!Array.isArray(input)) return { values: [input], rows: 1, columns: 1, scalar: true };
  if (input.length === 0) return { values: [], rows: 0, columns: 0, scalar: false };
  if (!Array.isArray(input[0])) {
    // A 1-D array only comes from JavaScript callers; treat it as one column.
    return { values: (input as CellValue[]).slice(), rows: input.length, columns: 1, scalar: false };
  }
  const grid = input as CellValue[][];
  const columns = grid[0].length;
  const values: CellValue[] = new Array(grid.length * columns);
  let k = 0;
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    for (let c = 0; c < columns; c++) values[k++] = row[c];
  }
  return { values, rows: grid.length, columns, scalar: false };
}

/** 1-based row (within the range) of the i-th cell of a flattened argument. */
export function rowOfCell(cells: FlatCells, index: number): number {
  return Math.floor(index / Math.max(1, cells.columns)) + 1;
}

/** A blank cell: `''`, or an argument the user left out. */
export function isBlank(value: unknown): boolean {
  return value === '' || value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** A `Date` from any realm (Sheets' or a test's). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** The Sheets error value a cell holds, if any (`#N/A`, `#DIV/0!`, …). */
export function errorValueOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.charCodeAt(0) !== 35 /* # */) return undefined;
  const upper = value.trim().toUpperCase();
  return SHEETS_ERROR_VALUES.has(upper) ? upper : undefined;
}

const NUMERIC_TEXT = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/**
 * The number a numeric text such as `"9"` or `" 12.5 "` stands for, else `undefined` (also for text
 * too large for a number, such as `"1e999"`: Sheets keeps it as text too).
 */
export function numberOfText(text: string): number | undefined {
  if (!NUMERIC_TEXT.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

const ISO_DATE = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?\s*$/;

/** Calendar fields of ISO date text (`2024-03-31`, optionally with a time), if valid. */
export function isoDateFields(
  text: string,
): { year: number; month: number; day: number; fraction: number } | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (day > days) return undefined;
  const hours = m[4] ? Number(m[4]) : 0;
  const minutes = m[5] ? Number(m[5]) : 0;
  const seconds = m[6] ? Number(m[6]) : 0;
  if (hours > 23 || minutes > 59 || seconds >= 60) return undefined;
  return { year, month, day, fraction: (hours * 3600 + minutes * 60 + seconds) / 86400 };
}

/** Day number of Sheets' date serial 0 (1899-12-30). */
export const SERIAL_EPOCH_DAY = -25569;

/**
 * Fractional day number (time of day included) of a date cell in the spreadsheet's zone: a
 * `Date`, ISO text (`2024-03-31`, optionally with a time) or a date serial; `undefined` for
 * anything else. Callers add their own bounds (formulas: years 1–9999; the report: 1900–2200).
 */
export function exactDayOfCell(value: unknown, zone: ZoneCalendar): number | undefined {
  if (isDate(value)) {
    const ms = value.getTime();
    return isNaN(ms) ? undefined : zone.exactDayOf(ms);
  }
  if (typeof value === 'number') return isFinite(value) ? value + SERIAL_EPOCH_DAY : undefined;
  if (typeof value === 'string') {
    const iso = isoDateFields(value);
    return iso ? dayFromCivil(iso.year, iso.month, iso.day) + iso.fraction : undefined;
  }
  return undefined;
}
