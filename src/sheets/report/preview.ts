/**
 * What the wizard reads of the user's sheets before a report runs: each sheet's name, size and
 * first rows as the user sees them (and as values, for detection), the first and last date of the
 * source the periods come from, and the first rows of a mapped sheet parsed as the report would parse
 * them. Reads only; the number of calls does not depend on the data.
 */
import type { SheetHeaders, SourceMapping } from '../../report/detect';
import { columnIndexes } from '../../report/detect';
import type { SourceData } from '../../report/records';
import { type SourceKind, sourceSpec } from '../../report/sources';
import type { ZoneCalendar } from '../timezone';
import { parseSource } from './read-sources';
import { ColumnReader, readerLocale } from './reader-values';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A sheet as the wizard shows it: name, data rows, headers and the first rows as displayed text. */
export interface SheetPreview {
  name: string;
  rows: number;
  headers: string[];
  preview: string[][];
}

/**
 * Every sheet but those in `skipSheetIds` (the add-on's own): its first `previewRows` data rows as
 * displayed, for the wizard, and its first `sampleRows` as values, for detection (answers 0–10,
 * e-mails, dates). Two reads of one range per sheet.
 */
export function previewSheets(
  spreadsheet: Spreadsheet,
  skipSheetIds: Set<number>,
  previewRows: number,
  sampleRows = previewRows,
): { previews: SheetPreview[]; samples: SheetHeaders[] } {
  const previews: SheetPreview[] = [];
  const samples: SheetHeaders[] = [];
  for (const sheet of spreadsheet.getSheets()) {
    if (skipSheetIds.has(sheet.getSheetId())) continue;
    const lastRow = sheet.getLastRow();
    const lastColumn = sheet.getLastColumn();
    const shown =
      lastRow && lastColumn
        ? sheet.getRange(1, 1, Math.min(lastRow, previewRows + 1), lastColumn).getDisplayValues()
        : [];
    const values =
      lastRow > 1 && lastColumn && sampleRows > 0
        ? sheet.getRange(1, 1, Math.min(lastRow, sampleRows + 1), lastColumn).getValues()
        : [];
    const name = sheet.getName();
    const headers = (shown[0] ?? []).map(String);
    previews.push({
      name,
      rows: Math.max(0, lastRow - 1),
      headers,
      preview: shown.slice(1).map((row) => row.map(String)),
    });
    // Headers as displayed: the wizard offers them, and a mapping names its columns by them.
    samples.push({ name, headers, rows: values.slice(1) });
  }
  return { previews, samples };
}

/**
 * The first and last readable date of a source's date column (only that column is read, and read as
 * the report reads it: dates written as text, date-times with an offset), or `undefined` when it has
 * none.
 */
export function dateSpan(
  spreadsheet: Spreadsheet,
  kind: SourceKind,
  source: SourceMapping,
  zone: ZoneCalendar,
): { first: number; last: number } | undefined {
  const sheet = spreadsheet.getSheetByName(source.sheet);
  const rows = sheet ? sheet.getLastRow() - 1 : 0;
  const lastColumn = sheet ? sheet.getLastColumn() : 0;
  // A subscription's date is its start.
  const dateKey = kind === 'subscriptions' ? 'start' : 'date';
  const field = sourceSpec(kind).fields.find((f) => f.key === dateKey);
  if (!sheet || rows <= 0 || lastColumn <= 0 || !field) return undefined;
  const headers = sheet.getRange(1, 1, 1, lastColumn).getValues()[0].map(String);
  const column = headers.indexOf(source.columns[dateKey] ?? '');
  if (column < 0) return undefined;
  const cells = sheet
    .getRange(2, column + 1, rows, 1)
    .getValues()
    .map((row) => row[0]);
  const locale = readerLocale(spreadsheet.getSpreadsheetLocale());
  const swap = source.reading?.swapDayMonth?.includes('date') ?? false;
  const reader = new ColumnReader(field, headers[column], cells, locale, zone, swap);
  let first: number | undefined;
  let last: number | undefined;
  cells.forEach((cell, i) => {
    const read = reader.read(cell, i + 2);
    if (!('value' in read) || typeof read.value !== 'number') return;
    const day = Math.floor(read.value);
    if (last === undefined || day > last) last = day;
    if (first === undefined || day < first) first = day;
  });
  return first === undefined || last === undefined ? undefined : { first, last };
}

/**
 * The first `rows` data rows of a mapped sheet parsed as the report parses them (what would be
 * skipped, and why), or `undefined` when the sheet has no data rows.
 */
export function sampleSource(
  spreadsheet: Spreadsheet,
  kind: SourceKind,
  source: SourceMapping,
  rows: number,
  zone: ZoneCalendar,
): SourceData<unknown> | undefined {
  const sheet = spreadsheet.getSheetByName(source.sheet);
  if (!sheet) return undefined;
  const lastColumn = sheet.getLastColumn();
  const height = Math.min(sheet.getLastRow(), rows + 1);
  if (height < 2 || lastColumn < 1) return undefined;
  const values = sheet.getRange(1, 1, height, lastColumn).getValues();
  const locale = readerLocale(spreadsheet.getSpreadsheetLocale());
  return parseSource(kind, { name: source.sheet, values }, columnIndexes(kind, source, values[0]), zone, {
    locale,
    reading: source.reading,
  });
}
