/**
 * Readers of a user's own export for `npm run demo -- --input <file.xlsx | folder of .csv>`: each
 * turns the file into the sheets a Google Sheets import would give — name → rows of cell values,
 * with date cells as the `Date`s a Sheets date cell holds in the spreadsheet's zone.
 *
 * - `.xlsx` (exceljs): one sheet per worksheet; a date cell keeps its calendar date (and time of
 *   day, if any) at that wall-clock time in the zone; a formula cell gives its cached result; rich
 *   text and hyperlinks give their plain text; an error gives its code (`#N/A`, `#DIV/0!` …); the
 *   cells a merge covers, other than its top-left one, are blank, as `getValues` returns them.
 * - `.csv` (papaparse, delimiter detected, so `;` exports work): one sheet named after the file;
 *   typed-input conversion as Sheets does it for these cases: plain numbers (`12`, `-3.5`, `1e3`) →
 *   number, `TRUE`/`FALSE` → boolean, an existing date `yyyy-mm-dd` → date; everything else stays
 *   text (`12,5 €`, `31/02/2025`, `0001` excepted: that is a plain number, as in Sheets). Row 1, the
 *   headers, always stays text. A folder gives one sheet per `.csv` file, in file-name order.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { daysInMonth } from '../../src/kpi/calendar/days';
import { sheetDate } from '../../test/emulator/dates';
import type { EmuValue, SeedGrid } from '../../test/emulator/spreadsheet';
import { DateCells } from '../sample/dateCells';

/** How to read an export. */
export interface ReadOptions {
  /** The spreadsheet zone the date cells are made for, e.g. `Europe/Madrid`. */
  timeZone: string;
}

/**
 * Reads a `.xlsx` workbook, one `.csv` file, or a folder of `.csv` files (one sheet each).
 * @param path the file or folder.
 * @param options the spreadsheet zone.
 * @return sheet name → rows, in the workbook's (or file-name) order.
 * @throws Error naming the path when it does not exist, has an unsupported type, is empty, or
 *   cannot be parsed.
 * @example await readWorkbookFile('export.xlsx', { timeZone: 'Europe/Madrid' }) // { Pedidos: [[...], ...] }
 */
export async function readWorkbookFile(path: string, options: ReadOptions): Promise<Record<string, SeedGrid>> {
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
 * @param options the spreadsheet zone.
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
 * @param options the spreadsheet zone.
 * @return the rows, trailing blank lines dropped.
 * @throws Error naming the file when it is empty or malformed.
 */
export async function readCsvFile(path: string, options: ReadOptions): Promise<SeedGrid> {
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new Error(`Input file is empty: ${path}`);
  return csvRows(text, options, path);
}

/**
 * Parses CSV text into a sheet's rows.
 * @param text the CSV content.
 * @param options the spreadsheet zone.
 * @param source name used in error messages.
 * @return the rows: row 1 as text, the others converted as Sheets converts typed input.
 * @throws Error naming `source` and the row when quotes are unbalanced.
 */
export function csvRows(text: string, options: ReadOptions, source = 'CSV'): SeedGrid {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new Error(`Cannot parse ${source}: ${fatal.message} (row ${(fatal.row ?? 0) + 1})`);
  const rows = parsed.data;
  while (rows.length && rows[rows.length - 1].every((cell) => cell.trim() === '')) rows.pop();
  const dates = new DateCells(options.timeZone);
  return rows.map((row, r) => row.map((cell) => (cell === '' ? null : r === 0 ? cell : typedValue(cell, dates))));
}

/**
 * The value Sheets stores for text typed into a cell, for the cases the readers need.
 * @param text the typed text.
 * @param dates date-cell maker of the spreadsheet zone.
 * @return a number, a boolean, a date, or the text unchanged.
 */
export function typedValue(text: string, dates: DateCells): EmuValue {
  const t = text.trim();
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return dates.of(year, month, day);
  }
  return text;
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
