/**
 * The emulated Apps Script environment: a workbook plus the global services (`SpreadsheetApp`,
 * `Utilities`, `Session`, `Logger`) the bundle sees, and the loader that runs `dist/` in a Node
 * `vm` context the way Apps Script does.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ServiceCalls } from './calls';
import { offsetMinutes, wallClock } from './dates';
import { EmuSheet, EmuSpreadsheet, type EmuValue, type SeedGrid } from './spreadsheet';

export { ServiceCalls } from './calls';
export { sheetDate, isoDateIn } from './dates';
export { EmuRange, EmuSheet, EmuSpreadsheet, columnLetters, parseA1 } from './spreadsheet';

/** What a new emulated workbook looks like. */
export interface WorkbookOptions {
  /** Spreadsheet time zone (File ▸ Settings). Tests default to a zone unlike the host's. */
  timeZone?: string;
  /** Spreadsheet locale, e.g. `en_US` or `es_ES`. */
  locale?: string;
  /** Sheets to create, in order: name → rows (row 1 usually the headers). */
  sheets?: Record<string, SeedGrid>;
  /** The user's locale (`Session.getActiveUserLocale`), default the spreadsheet's language. */
  userLocale?: string;
}

/** The default spreadsheet zone of tests: far from UTC and from Pacific/Auckland, with DST. */
export const TEST_SPREADSHEET_ZONE = 'America/Los_Angeles';

/** An emulated workbook with its services. */
export class Workbook {
  readonly calls = new ServiceCalls();
  readonly spreadsheet: EmuSpreadsheet;
  readonly userLocale: string;

  constructor(options: WorkbookOptions = {}) {
    const locale = options.locale ?? 'en_US';
    this.spreadsheet = new EmuSpreadsheet(this.calls, options.timeZone ?? TEST_SPREADSHEET_ZONE, locale);
    this.userLocale = options.userLocale ?? locale.slice(0, 2);
    for (const [name, rows] of Object.entries(options.sheets ?? {})) this.addSheet(name, rows);
    this.calls.reset();
  }

  /** Adds a sheet filled with values (uncounted: this is test set-up, not the add-on's doing). */
  addSheet(name: string, rows: SeedGrid): EmuSheet {
    const sheet = this.spreadsheet.insertSheet(name) as unknown as EmuSheet;
    const width = rows.reduce((w, row) => Math.max(w, row.length), 0);
    if (rows.length && width) {
      const padded = rows.map((row) => Array.from({ length: width }, (_, c) => (row[c] === null || row[c] === undefined ? '' : row[c]) as EmuValue));
      sheet.ensureSize(rows.length, width);
      sheet.rangeOf(`A1:${letters(width)}${rows.length}`).writeValues(padded);
    }
    return sheet;
  }

  /** A sheet by name, for assertions. */
  sheet(name: string): EmuSheet {
    const sheet = this.spreadsheet.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet named ${name}`);
    return sheet;
  }

  /**
   * What Sheets passes to a custom function for a reference such as `Surveys!B2:B9`: a plain value
   * for one cell, a 2-D array for a range.
   */
  arg(a1: string): EmuValue | EmuValue[][] {
    const bang = a1.lastIndexOf('!');
    const sheet = bang >= 0 ? this.sheet(a1.slice(0, bang)) : this.spreadsheet.sheets[0];
    const range = sheet.rangeOf(bang >= 0 ? a1.slice(bang + 1) : a1);
    const values = range.readValues();
    return range.rect.numRows === 1 && range.rect.numColumns === 1 ? values[0][0] : values;
  }

  /** The Apps Script globals that see this workbook. */
  globals(): AppsScriptGlobals {
    const calls = this.calls;
    const spreadsheet = this.spreadsheet;
    const userLocale = this.userLocale;
    return {
      SpreadsheetApp: {
        getActiveSpreadsheet: () => {
          calls.record('SpreadsheetApp.getActiveSpreadsheet');
          return spreadsheet;
        },
        getActive: () => {
          calls.record('SpreadsheetApp.getActive');
          return spreadsheet;
        },
        flush: () => {
          calls.record('SpreadsheetApp.flush');
        },
      },
      Session: {
        getActiveUserLocale: () => {
          calls.record('Session.getActiveUserLocale');
          return userLocale;
        },
        getScriptTimeZone: () => {
          calls.record('Session.getScriptTimeZone');
          return 'Europe/Madrid';
        },
      },
      Utilities: {
        formatDate: (date: Date, timeZone: string, format: string) => {
          calls.record('Utilities.formatDate');
          return formatDate(date, timeZone, format);
        },
      },
      Logger: { log: () => undefined },
      console,
    };
  }
}

/** The globals object a bundle is loaded with. */
export type AppsScriptGlobals = Record<string, unknown>;

function letters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * `Utilities.formatDate`: Java `SimpleDateFormat` patterns (y, M, d, H, h, m, s, S, E, a, Z, X,
 * quoted text) in a given zone.
 */
export function formatDate(date: Date, timeZone: string, format: string): string {
  const w = wallClock(date, timeZone);
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  const offset = offsetMinutes(date, timeZone);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return format.replace(/'([^']*)'|y+|M+|d+|H+|h+|m+|s+|S+|E+|a+|Z+|X+/g, (token, quoted: string | undefined) => {
    if (quoted !== undefined) return quoted === '' ? "'" : quoted;
    const n = token.length;
    switch (token[0]) {
      case 'y': return n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
      case 'M': return n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1].slice(0, 3) : pad(w.month, n);
      case 'd': return pad(w.day, n);
      case 'H': return pad(w.hour, n);
      case 'h': return pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
      case 'm': return pad(w.minute, n);
      case 's': return pad(w.second, n);
      case 'S': return pad(date.getUTCMilliseconds(), n);
      case 'E': return n >= 4 ? DAYS[weekday] : DAYS[weekday].slice(0, 3);
      case 'a': return w.hour < 12 ? 'AM' : 'PM';
      case 'Z':
      case 'X': {
        const sign = offset < 0 ? '-' : '+';
        const abs = Math.abs(offset);
        const body = `${pad(Math.floor(abs / 60), 2)}${token[0] === 'X' && n >= 3 ? ':' : ''}${pad(abs % 60, 2)}`;
        return token[0] === 'X' && offset === 0 ? 'Z' : sign + body;
      }
      default: return token;
    }
  });
}

const require = createRequire(import.meta.url);
const gas = require('gas-local') as { require(folder: string, globals: object, options?: { filter?: (file: string) => boolean }): Record<string, any> };

/** Folder of the built add-on. */
export const DIST = fileURLToPath(new URL('../../dist', import.meta.url));

/**
 * Loads every `dist/*.js` into a fresh `vm` context whose globals are `globals`, as Apps Script
 * does, and returns the context: its top-level functions are the add-on's globals.
 */
export function loadBundle(globals: AppsScriptGlobals, options: { filter?: (file: string) => boolean } = {}): Record<string, any> {
  return gas.require(DIST, globals, { filter: options.filter ?? ((file: string) => file.endsWith('.js')) });
}

/** A workbook with the add-on loaded over it: `fx.NPS(...)` calls the global `NPS` as Sheets would. */
export function addOnOver(workbook: Workbook): Record<string, any> {
  return loadBundle(workbook.globals());
}
