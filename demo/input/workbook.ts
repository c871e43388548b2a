/**
 * Readers of a user's own export for `npm run demo -- --input <file.xlsx | file.csv | folder of .csv>`:
 * each turns the file into the sheets a Google Sheets import would give — name → rows of cell
 * values, with date cells as the `Date`s a Sheets date cell holds in the spreadsheet's zone.
 *
 * - `.xlsx` (exceljs): one sheet per worksheet; a date cell keeps its calendar date (and time of
 *   day, if any) at that wall-clock time in the zone; a formula cell gives its cached result; rich
 *   text and hyperlinks give their plain text; an error gives its code (`#N/A`, `#DIV/0!` …); the
 *   cells a merge covers, other than its top-left one, are blank, as `getValues` returns them.
 *   Cells are typed already, so the locale changes nothing: a text cell stays text, as in Sheets.
 * - `.csv`: one sheet named after the file. The separator is detected among `,`, `;` and tab; a
 *   UTF-8 byte-order mark is dropped; CRLF or LF line ends; quoted fields may hold separators,
 *   quotes and line breaks; a file that is not valid UTF-8 is read as Windows-1252 (an export
 *   re-saved by Excel). Row 1, the headers, stays text; every other cell is converted as Sheets'
 *   File › Import converts typed text in the spreadsheet's locale — numbers, currency amounts,
 *   percentages, dates and date-times in the locale's format, booleans (see `sheets-import.ts`
 *   for the rules and the evidence behind them). A folder gives one sheet per `.csv` file, in
 *   file-name order.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { type EmuValue, type SeedGrid, sheetDate } from '../../test/emulator';
import { DateCells } from '../sample/dateCells';
import { importLocale, typedValue } from './sheets-import';

/** The locale of a new spreadsheet, and of the readers when none is given. */
const DEFAULT_LOCALE = 'en_US';

/** How to read an export. */
export interface ReadOptions {
  /** The spreadsheet zone the date cells are made for, e.g. `Europe/Madrid`. */
  timeZone: string;
  /**
   * The spreadsheet locale CSV text is converted in, as Sheets names it (`es_ES`, `es_MX`,
   * `en_US`, `en_GB` …; `es-ES` is accepted too). Default `en_US`, a new spreadsheet's default.
   */
  locale?: string;
}

/**
 * Reads a `.xlsx` workbook, one `.csv` file, or a folder of `.csv` files (one sheet each).
 * @param path the file or folder.
 * @param options the spreadsheet zone and locale.
 * @return sheet name → rows, in the workbook's (or file-name) order.
 * @throws Error naming the path when it does not exist, has an unsupported type, is empty, or
 *   cannot be parsed; Error naming the locale when it is unknown.
 * @example await readWorkbookFile('pedidos.csv', { timeZone: 'Europe/Madrid', locale: 'es_ES' }) // { pedidos: [[...], ...] }
 */
export async function readWorkbookFile(path: string, options: ReadOptions): Promise<Record<string, SeedGrid>> {
  importLocale(options.locale ?? DEFAULT_LOCALE); // an unknown locale fails before any reading
  const info = await stat(path).catch(() => null);
  if (!info) throw new Error(`Input not found: ${path}`);
  if (info.isDirectory()) return readCsvFolder(path, options);
  const ext = extname(path).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv')
    throw new Error(`Unsupported input ${path}: expected a .xlsx file, a .csv file or a folder of .csv files`);
  if (info.size === 0) throw new Error(`Input file is empty: ${path}`);
  if (ext === '.csv') return { [sheetNameOf(path)]: await readCsvFile(path, options) };
  return readXlsx(path, options);
}

/**
 * Reads every `.csv` file of a folder, one sheet per file named after it (without `.csv`).
 * @param folder the folder.
 * @param options the spreadsheet zone and locale.
 * @return sheet name → rows, in file-name order.
 * @throws Error naming the folder when it holds no `.csv` file, or naming the file that is empty.
 */
export async function readCsvFolder(folder: string, options: ReadOptions): Promise<Record<string, SeedGrid>> {
  const files = (await readdir(folder)).filter((f) => extname(f).toLowerCase() === '.csv').sort();
  if (files.length === 0) throw new Error(`No .csv files in folder ${folder}`);
  const sheets: Record<string, SeedGrid> = {};
  for (const file of files) sheets[sheetNameOf(file)] = await readCsvFile(join(folder, file), options);
  return sheets;
}

/**
 * Reads one CSV file into a sheet's rows (see the module notes for the conversions).
 * @param path the file.
 * @param options the spreadsheet zone and locale.
 * @return the rows, trailing blank lines dropped.
 * @throws Error naming the file when it is empty or malformed.
 */
export async function readCsvFile(path: string, options: ReadOptions): Promise<SeedGrid> {
  const text = decodeText(await readFile(path));
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new Error(`Input file is empty: ${path}`);
  return csvRows(text, options, path);
}

/** UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what Excel on Windows saves as "CSV"). */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // Node's TextDecoder('windows-1252') decodes as ISO-8859-1; map 0x80–0x9F (€, ‘, ’, “, ” …) here.
    let text = '';
    for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? CP1252_C1[byte - 0x80] : String.fromCharCode(byte);
    return text;
  }
}

/** Windows-1252 characters of the bytes 0x80–0x9F (undefined bytes kept as their C1 code point). */
const CP1252_C1 =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/**
 * Parses CSV text into a sheet's rows.
 * @param text the CSV content.
 * @param options the spreadsheet zone and locale.
 * @param source name used in error messages.
 * @return the rows: row 1 as text, the others converted as Sheets converts typed input.
 * @throws Error naming `source` and the row when quotes are unbalanced.
 */
export function csvRows(text: string, options: ReadOptions, source = 'CSV'): SeedGrid {
  const body = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: false, delimiter: separatorOf(body) });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new Error(`Cannot parse ${source}: ${fatal.message} (row ${(fatal.row ?? 0) + 1})`);
  const rows = parsed.data;
  while (rows.length && rows[rows.length - 1].every((cell) => cell.trim() === '')) rows.pop();
  const dates = new DateCells(options.timeZone);
  const locale = importLocale(options.locale ?? DEFAULT_LOCALE);
  return rows.map((row, r) =>
    row.map((cell) => (cell === '' ? null : r === 0 ? cell : typedValue(cell, dates, locale))),
  );
}

/**
 * The field separator of CSV text, among `,`, `;` and tab: the one that splits the header into the
 * most fields among those that split the first rows most consistently (every row as wide as the
 * header); `,` when none splits the header.
 */
function separatorOf(text: string): string {
  let best = { separator: ',', consistent: -1, width: 1 };
  for (const separator of [',', ';', '\t']) {
    const rows = Papa.parse<string[]>(text, { delimiter: separator, preview: 20, skipEmptyLines: 'greedy' }).data;
    const width = rows.length ? rows[0].length : 0;
    if (width < 2) continue;
    const consistent = rows.filter((row) => row.length === width).length / rows.length;
    if (consistent > best.consistent || (consistent === best.consistent && width > best.width))
      best = { separator, consistent, width };
  }
  return best.separator;
}

function sheetNameOf(file: string): string {
  return basename(file).replace(/\.csv$/i, '');
}

async function readXlsx(path: string, options: ReadOptions): Promise<Record<string, SeedGrid>> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (e) {
    throw new Error(`Cannot read ${path} as .xlsx: ${(e as Error).message}`);
  }
  const dates = new DateCells(options.timeZone);
  const sheets: Record<string, SeedGrid> = {};
  workbook.eachSheet((worksheet) => {
    const rows: SeedGrid = [];
    const width = worksheet.columnCount;
    for (let r = 1; r <= worksheet.rowCount; r++) {
      const row = worksheet.getRow(r);
      const values: (EmuValue | null)[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        values.push(
          cell.isMerged && cell.master.address !== cell.address
            ? null
            : excelValue(cell.value, dates, options.timeZone),
        );
      }
      rows.push(values);
    }
    while (rows.length && rows[rows.length - 1].every((v) => v === null)) rows.pop();
    const used = rows.reduce(
      (w, row) =>
        Math.max(
          w,
          row.reduce<number>((last, v, c) => (v === null ? last : c + 1), 0),
        ),
      0,
    );
    sheets[worksheet.name] = rows.map((row) => row.slice(0, used));
  });
  if (Object.keys(sheets).length === 0) throw new Error(`No worksheets in ${path}`);
  return sheets;
}

/** The cell value Sheets would hold for an exceljs cell value. */
function excelValue(value: ExcelJS.CellValue | undefined, dates: DateCells, timeZone: string): EmuValue | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value === '' ? null : value;
  if (value instanceof Date) return excelDate(value, dates, timeZone);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return excelValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue, dates, timeZone);
  if ('error' in value) return value.error;
  if ('hyperlink' in value) return excelValue(value.text as ExcelJS.CellValue, dates, timeZone);
  return String(value);
}

/**
 * exceljs gives a date cell as the instant whose UTC fields are the cell's wall-clock date and
 * time; Sheets holds that wall-clock time in the spreadsheet zone.
 */
function excelDate(value: Date, dates: DateCells, timeZone: string): Date {
  const [y, m, d] = [value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()];
  const seconds = value.getUTCHours() * 3600 + value.getUTCMinutes() * 60 + value.getUTCSeconds();
  if (seconds === 0) return dates.of(y, m, d);
  const pad = (n: number) => String(n).padStart(2, '0');
  return sheetDate(
    `${y}-${pad(m)}-${pad(d)}T${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`,
    timeZone,
  );
}
