/**
 * Test support: the CDNOW reference data (data/cdnow, the repository's copy of ../shared/data/cdnow, so
 * that a clone tests on its own), read with the demo's one CDNOW
 * reader, as the maths takes it (day numbers) and as a sheet holds it (date cells).
 */
import { fileURLToPath } from 'node:url';
import { readCdnowTransactions } from '../../demo/input/cdnow';
import { dayFromCivil } from '../../src/kpi/calendar/days';
import { sheetDate } from '../emulator';

/** The folder of the CDNOW files in the repository. */
export const CDNOW_DIR = fileURLToPath(new URL('../../data/cdnow/', import.meta.url));
/** The team's reference copy, beside the repository where there is one (in CI and /work). */
export const SHARED_CDNOW_DIR = fileURLToPath(new URL('../../../shared/data/cdnow/', import.meta.url));
/** The CDNOW sample: 2,357 customers, 6,919 transactions (the published models' data). */
export const CDNOW_SAMPLE = `${CDNOW_DIR}CDNOW_sample.txt`;
/** The whole CDNOW cohort: 23,570 customers, 69,659 transactions. */
export const CDNOW_MASTER = `${CDNOW_DIR}CDNOW_master.txt`;

/** A CDNOW file as the maths takes it: customer ids, day numbers, amounts. */
export function cdnowColumns(file: string): { ids: string[]; days: number[]; amounts: number[] } {
  const transactions = readCdnowTransactions(file);
  return {
    ids: transactions.map((t) => t.customerId),
    days: transactions.map((t) => dayFromCivil(t.year, t.month, t.day)),
    amounts: transactions.map((t) => t.amount),
  };
}

/** A CDNOW file as three ranges of a sheet in `zone`: ids, date cells, amounts (one cell per row). */
export function cdnowCells(file: string, zone: string): { ids: unknown[][]; dates: unknown[][]; amounts: unknown[][] } {
  const cells = new Map<string, Date>();
  const ids: unknown[][] = [];
  const dates: unknown[][] = [];
  const amounts: unknown[][] = [];
  for (const t of readCdnowTransactions(file)) {
    const iso = `${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
    let date = cells.get(iso);
    if (!date) cells.set(iso, (date = sheetDate(iso, zone)));
    ids.push([t.customerId]);
    dates.push([date]);
    amounts.push([t.amount]);
  }
  return { ids, dates, amounts };
}
