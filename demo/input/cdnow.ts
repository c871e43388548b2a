/**
 * The CDNOW data set (Fader, Hardie & Lee, Marketing Science 24(2), 2005; see
 * data/cdnow/README.md) as an `Orders` sheet the report can read: headers
 * `Customer ID, Order date, Amount`, one row per transaction, dates as Sheets date cells.
 *
 * Two layouts, whitespace-separated: `CDNOW_master.txt` with the header
 * `customer_id date number_of_cds dollar_value`, and `CDNOW_sample.txt` without a header,
 * `master_id sample_id date number_of_cds dollar_value`, whose customer is `sample_id`. Customer ids
 * stay the text of the file (`00001`), as identifiers.
 */
import { readFileSync } from 'node:fs';
import type { SeedGrid } from '../../test/emulator';
import { DateCells } from '../sample/dateCells';
import type { ReadOptions } from './workbook';

/** Header row of the sheet {@link cdnowOrdersSheet} returns. */
export const CDNOW_ORDERS_HEADERS = ['Customer ID', 'Order date', 'Amount'] as const;

/** One CDNOW transaction. */
export interface CdnowTransaction {
  customerId: string;
  year: number;
  month: number;
  day: number;
  amount: number;
}

/**
 * Reads the transactions of a CDNOW file, in file order: the one reader of both layouts.
 * @param filePath `CDNOW_master.txt` or `CDNOW_sample.txt` (or a file in either layout).
 * @throws Error naming the file (and line) when it is missing, empty or not in a CDNOW layout.
 * @example readCdnowTransactions('CDNOW_sample.txt')[0] // { customerId: '1', year: 1997, month: 1, day: 1, amount: 29.33 }
 */
export function readCdnowTransactions(filePath: string): CdnowTransaction[] {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch {
    throw new Error(`Input not found: ${filePath}`);
  }
  const out: CdnowTransaction[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const fields = line.trim().split(/\s+/);
    if (fields[0] === '' || (index === 0 && fields[0] === 'customer_id')) return;
    if (fields.length !== 4 && fields.length !== 5)
      throw new Error(`${filePath}:${index + 1}: expected 4 or 5 fields, found ${fields.length}`);
    const [id, date, amount] =
      fields.length === 4 ? [fields[0], fields[1], fields[3]] : [fields[1], fields[2], fields[4]];
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(date);
    const value = Number(amount);
    if (!m || !Number.isFinite(value))
      throw new Error(`${filePath}:${index + 1}: cannot read date ${date} or amount ${amount}`);
    out.push({ customerId: id, year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), amount: value });
  });
  if (out.length === 0) throw new Error(`Input file is empty: ${filePath}`);
  return out;
}

/**
 * Reads a CDNOW file into an `Orders` sheet.
 * @param filePath `CDNOW_master.txt` or `CDNOW_sample.txt` (or a file in either layout).
 * @param options the spreadsheet zone of the date cells.
 * @return the header row and one row per transaction, in file order.
 * @throws Error naming the file (and line) when it is missing, empty or not in a CDNOW layout.
 * @example cdnowOrdersSheet('CDNOW_sample.txt', { timeZone: 'Europe/Madrid' }).length // 6920
 */
export function cdnowOrdersSheet(filePath: string, options: ReadOptions): SeedGrid {
  const dates = new DateCells(options.timeZone);
  const rows: SeedGrid = [CDNOW_ORDERS_HEADERS.slice()];
  for (const t of readCdnowTransactions(filePath))
    rows.push([t.customerId, dates.of(t.year, t.month, t.day), t.amount]);
  return rows;
}
