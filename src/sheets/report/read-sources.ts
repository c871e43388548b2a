/**
 * Reads the mapped source sheets for the report: one `getDataRange().getValues()` per sheet, then
 * every row is parsed in memory, values as they come (see reader-values: amounts and dates written as
 * text, in the spreadsheet locale). Unreadable rows are skipped and counted by reason with their first
 * row numbers, never dropped silently; rows the data's own rules leave out (cancelled orders…) are
 * counted apart. Reads only: nothing here changes a sheet.
 */
import { KpiError } from '../../errors/catalogue';
import {
  columnIndexes,
  effortDirectionOf,
  type MappingProblem,
  noSourcesProblem,
  sourceProblems,
  type ReadingChoices,
  type ReportMapping,
  type SheetHeaders,
} from '../../report/detect';
import type {
  ExcludedRows,
  ExclusionReason,
  ReportData,
  SkipReason,
  SkippedRows,
  SourceData,
} from '../../report/records';
import { fieldLabel } from '../../report/labels';
import { type FieldKey, type KnownField, SOURCE_SPECS, type SourceKind, sourceSpec } from '../../report/sources';
import { isBlank } from '../cells';
import type { ZoneCalendar } from '../timezone';
import { type CellRead, ColumnReader, type ReaderLocale, readerLocale } from './reader-values';
import {
  type OrderOutcome,
  type OrderRow,
  orderOfLoneRow,
  ordersOfRows,
  requiredFields,
  subscriptionOf,
} from './source-rules';
import { serviceMessage } from '../service-message';
import { CELL_TEXT_LIMIT } from './write-report';

/** The longest text the report writes in one cell: Sheets' 50 000 characters less the apostrophe prefix. */
const TEXT_LIMIT = CELL_TEXT_LIMIT - 1;

/** How many row numbers are kept per skip reason. */
const FIRST_ROWS_KEPT = 5;
/** Data rows read with the header row for detection (content checks such as answers 0–10). */
const DETECTION_ROWS = 50;

/** A sheet's full content as read, with its header row split off. */
export interface SheetGrid {
  name: string;
  values: unknown[][];
}

/** How values are read beyond their cells: the spreadsheet locale and the user's reading choices. */
export interface ReadContext {
  locale: ReaderLocale;
  reading?: ReadingChoices;
}

/**
 * Names, header rows and first data rows of every sheet (one `getSheets` call, then per sheet its
 * size and one `getValues` of the header and up to {@link DETECTION_ROWS} rows).
 */
export function readSheetHeaders(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  skipSheetIds: Set<number> = new Set(),
): SheetHeaders[] {
  const out: SheetHeaders[] = [];
  for (const sheet of spreadsheet.getSheets()) {
    if (skipSheetIds.has(sheet.getSheetId())) continue;
    const lastColumn = sheet.getLastColumn();
    const lastRow = sheet.getLastRow();
    const values =
      lastColumn > 0 && lastRow > 0
        ? sheet.getRange(1, 1, Math.min(lastRow, DETECTION_ROWS + 1), lastColumn).getValues()
        : [];
    out.push({ name: sheet.getName(), headers: values[0] ?? [], rows: values.slice(1) });
  }
  return out;
}

/** Counts rows by reason with their first row numbers. */
class Tally<R extends string> {
  total = 0;
  readonly byReason: Partial<Record<R, { count: number; firstRows: number[]; fields: FieldKey[] }>> = {};

  add(reason: R, row: number, field?: FieldKey): void {
    this.total++;
    const entry = (this.byReason[reason] ??= { count: 0, firstRows: [], fields: [] });
    entry.count++;
    if (field && !entry.fields.includes(field)) entry.fields.push(field);
    if (entry.firstRows.length < FIRST_ROWS_KEPT) entry.firstRows.push(row);
  }

  skipped(): SkippedRows {
    return { total: this.total, byReason: this.byReason as SkippedRows['byReason'] };
  }

  excluded(): ExcludedRows | undefined {
    if (!this.total) return undefined;
    const byReason: ExcludedRows['byReason'] = {};
    for (const [reason, entry] of Object.entries(this.byReason) as [
      ExclusionReason,
      { count: number; firstRows: number[] },
    ][])
      byReason[reason] = { count: entry.count, firstRows: entry.firstRows };
    return { total: this.total, byReason };
  }
}

/** The skip reason of a cell the reader could not read. */
function skipOfBad(bad: 'date' | 'number' | 'error'): SkipReason {
  return bad === 'error' ? 'errorValue' : bad === 'date' ? 'badDate' : 'notANumber';
}

/** The skip reason of a required field left blank. */
function blankReason(field: KnownField): SkipReason {
  if (field.type === 'id' || field.type === 'text') return 'blankId';
  if (field.type === 'date' || field.type === 'optionalDate' || field.type === 'dateTime') return 'badDate';
  return 'notANumber';
}

/** The `bad` of a row whose every cell was read (shared: most rows have nothing bad). */
const NOTHING_BAD: Readonly<Record<string, SkipReason>> = Object.freeze({});

const EMAIL_VALUE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Why a cell cannot be used, one shared object per reason (most cells are fine: nothing to allocate). */
class Unusable {
  constructor(readonly bad: SkipReason) {}
}
const UNUSABLE = new Map<SkipReason, Unusable>();
const unusable = (bad: SkipReason): Unusable => {
  let found = UNUSABLE.get(bad);
  if (!found) UNUSABLE.set(bad, (found = new Unusable(bad)));
  return found;
};

/**
 * One cell's value for its field, or why it cannot be used: an e-mail used as an id in lower case
 * (the same customer however it was typed), scores outside 0–10 and negative amounts refused.
 */
function usableValue(field: KnownField, read: CellRead, negativeAllowed: boolean): unknown {
  if ('bad' in read) return field.lenient ? null : unusable(skipOfBad(read.bad));
  const value = read.value;
  if (value === null) return null;
  switch (field.type) {
    case 'id': {
      const text = String(value);
      return EMAIL_VALUE.test(text) ? text.toLowerCase() : text;
    }
    case 'amount':
    case 'count':
      if ((value as number) < 0 && !negativeAllowed) return field.lenient ? null : unusable('negative');
      return value;
    case 'score':
    case 'rating': {
      const n = value as number;
      // NPS answers are whole numbers 0–10; other ratings any number on a scale up to 10
      if (n < 0 || n > 10 || (field.type === 'score' && Math.floor(n) !== n))
        return field.lenient ? null : unusable('outOfScale');
      return n;
    }
    default:
      return value;
  }
}

/** Whether every cell of a row is blank (an empty line is not a data row). */
function isBlankRow(row: readonly unknown[]): boolean {
  for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) return false;
  return true;
}

/** The value a record holds for a field that is blank or not mapped. */
function emptyOf(field: KnownField): unknown {
  if (field.type === 'id' || field.type === 'text') return '';
  if (field.type === 'flag') return false;
  return null;
}

/** Texts longer than a cell holds, cut with an ellipsis: how many, and in which fields. */
interface CutTexts {
  count: number;
  fields: FieldKey[];
}

/**
 * A record from a source's field values (field key → value), with every field of the kind present;
 * a text longer than a cell holds (50 000 characters, apostrophe included) is cut with an ellipsis
 * and counted in `cut`.
 */
function recordOf(
  fields: readonly KnownField[],
  values: Record<string, unknown>,
  cut: CutTexts,
): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const field of fields) {
    let value = values[field.key];
    if (value === null || value === undefined) value = emptyOf(field);
    else if (typeof value === 'string' && value.length > TEXT_LIMIT) {
      value = `${value.slice(0, TEXT_LIMIT - 1)}…`;
      cut.count++;
      if (!cut.fields.includes(field.key)) cut.fields.push(field.key);
    }
    record[field.record ?? field.key] = value;
  }
  return record;
}

/**
 * The data cells of one column of a sheet's rows (header row left out), walked in place: no copy.
 * A plain iterator that hands back one result object (as the protocol allows): a column is walked
 * a few times before it is read, and a generator costs several times as much per cell.
 */
function columnCells(values: readonly unknown[][], index: number): Iterable<unknown> {
  return {
    [Symbol.iterator]() {
      let r = 0;
      const result: { value: unknown; done: boolean } = { value: undefined, done: false };
      return {
        next(): IteratorResult<unknown> {
          r++;
          if (r < values.length) result.value = values[r][index];
          else {
            result.value = undefined;
            result.done = true;
          }
          return result;
        },
      };
    },
  };
}

/** The columns of a source's mapped fields, each read as a whole. */
function columnReaders(
  fields: readonly KnownField[],
  grid: SheetGrid,
  indexes: Record<string, number>,
  zone: ZoneCalendar,
  context: ReadContext,
): Map<FieldKey, ColumnReader> {
  const headers = grid.values[0] ?? [];
  const swap = new Set(context.reading?.swapDayMonth ?? []);
  const readers = new Map<FieldKey, ColumnReader>();
  for (const field of fields) {
    const index = indexes[field.key];
    const cells = columnCells(grid.values, index);
    readers.set(
      field.key,
      new ColumnReader(field, String(headers[index]), cells, context.locale, zone, swap.has(field.key)),
    );
  }
  return readers;
}

/**
 * Parses the data rows of one source sheet: each mapped column read as a whole (see reader-values),
 * then the rules of the kind: orders grouped by order id with cancelled, unpaid and refunded ones
 * left out, subscriptions priced per month from their billing period.
 */
export function parseSource<T>(
  kind: SourceKind,
  grid: SheetGrid,
  indexes: Record<string, number>,
  zone: ZoneCalendar,
  context: ReadContext = { locale: readerLocale(undefined) },
): SourceData<T> {
  const spec = sourceSpec(kind);
  const fields = spec.fields.filter((f) => indexes[f.key] !== undefined);
  const readers = columnReaders(fields, grid, indexes, zone, context);
  const groupsOrders = kind === 'orders' && indexes.orderId !== undefined;
  const readerList = fields.map((field) => readers.get(field.key)!);
  const columns = fields.map((field) => indexes[field.key]);
  const skips = new Tally<SkipReason>();
  const excluded = new Tally<ExclusionReason>();
  const records: Record<string, unknown>[] = [];
  const cut: CutTexts = { count: 0, fields: [] };
  const takeOrder = (outcome: OrderOutcome): void => {
    if ('skip' in outcome) skips.add(outcome.skip, outcome.row, outcome.field as FieldKey | undefined);
    else if ('excluded' in outcome) excluded.add(outcome.excluded, outcome.row);
    else records.push(recordOf(spec.fields, outcome.values, cut));
  };
  const fieldOrder = fields.map((f) => f.key);
  const required = fields.filter((f) => f.required).map((f) => ({ key: f.key, reason: blankReason(f) }));
  const requiredByKey = requiredFields(required);
  // Orders with an order id are grouped before their rules apply, so their rows are kept; the rows of
  // the other kinds, and orders one row each, become records (or skips) one at a time, without a
  // parsed copy of the whole sheet.
  const rows: OrderRow[] = [];
  let rowCount = 0;
  for (let r = 1; r < grid.values.length; r++) {
    const row = grid.values[r];
    if (isBlankRow(row)) continue; // an empty line is not a data row
    rowCount++;
    const parsed: OrderRow = { row: r + 1, values: {}, bad: NOTHING_BAD };
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f];
      const read = readerList[f].read(row[columns[f]], r + 1);
      const got = usableValue(field, read, groupsOrders && field.key === 'amount');
      if (got instanceof Unusable) {
        if (parsed.bad === NOTHING_BAD) parsed.bad = {};
        parsed.bad[field.key] = got.bad;
        parsed.values[field.key] = null;
      } else parsed.values[field.key] = got;
    }
    if (groupsOrders) rows.push(parsed);
    else if (kind === 'orders') takeOrder(orderOfLoneRow(parsed, fieldOrder, requiredByKey));
    else {
      const problem = firstProblem(fields, parsed);
      if (problem) {
        skips.add(problem.reason, parsed.row, problem.field);
        continue;
      }
      const outcome = applyRules(kind, parsed.values);
      if ('skip' in outcome) skips.add(outcome.skip, parsed.row, outcome.field);
      else if ('excluded' in outcome) excluded.add(outcome.excluded, parsed.row);
      else records.push(recordOf(spec.fields, outcome.values, cut));
    }
  }
  let grouped: SourceData<T>['grouped'];
  if (groupsOrders) {
    const orders = ordersOfRows(rows, fieldOrder, required, true);
    for (const outcome of orders.outcomes) takeOrder(outcome);
    grouped = {
      rows: rowCount,
      orders: orders.orders,
      multiLineOrders: orders.multiLineOrders,
      amounts: orders.amounts,
      refundRows: orders.refundRows,
    };
  }
  rows.length = 0;
  const data: SourceData<T> = {
    sheet: grid.name,
    rowCount,
    records: records as T[],
    skipped: skips.skipped(),
    cut,
  };
  const left = excluded.excluded();
  if (left) data.excluded = left;
  if (grouped) data.grouped = grouped;
  const readings = [...readers.values()]
    .filter((reader) => reader.field.type !== 'id' && reader.field.type !== 'text')
    .map((reader) => reader.reading);
  if (readings.length) data.readings = readings;
  if (kind === 'surveys' && indexes.effort !== undefined)
    data.effortDirection =
      context.reading?.effort ?? effortDirectionOf(String(grid.values[0]?.[indexes.effort] ?? '')).direction;
  return data;
}

/** The first field of a row that cannot be read, or a required one left blank. */
function firstProblem(
  fields: readonly KnownField[],
  row: OrderRow,
): { reason: SkipReason; field: FieldKey } | undefined {
  for (const field of fields) {
    if (row.bad[field.key]) return { reason: row.bad[field.key], field: field.key };
    const value = row.values[field.key];
    if (field.required && field.type !== 'optionalDate' && (value === null || value === ''))
      return { reason: blankReason(field), field: field.key };
  }
  return undefined;
}

/** The rules of a kind for one readable row: a subscription's price and dates, a survey's answer. */
function applyRules(
  kind: SourceKind,
  values: Record<string, unknown>,
): { values: Record<string, unknown> } | { skip: SkipReason; field?: FieldKey } | { excluded: ExclusionReason } {
  if (kind === 'surveys' && values.nps == null && values.csat == null) return { skip: 'noScore' }; // "N/A" to both
  if (kind !== 'subscriptions') return { values };
  const outcome = subscriptionOf({
    startDay: values.start as number,
    endDay: (values.end as number | null) ?? null,
    mrr: values.mrr as number,
    quantity: (values.quantity as number | null) ?? null,
    interval: String(values.interval ?? ''),
    intervalCount: (values.intervalCount as number | null) ?? null,
    status: String(values.status ?? ''),
    trialEndDay: (values.trialEnd as number | null) ?? null,
    cancelled: values.cancelled === true,
    periodEndDay: (values.periodEnd as number | null) ?? null,
  });
  if ('skip' in outcome) return { skip: outcome.skip, field: outcome.field as FieldKey };
  if ('excluded' in outcome) return outcome;
  return { values: { ...values, start: outcome.startDay, end: outcome.endDay, mrr: outcome.mrr } };
}

/** The catalogue error for a mapping problem, in words the user can act on. */
export function mappingError(problem: MappingProblem): KpiError {
  const field = problem.field ? fieldLabel(problem.field) : { en: '', es: '' };
  const params = { fn: 'Fideliza', arg: problem.sheet, value: problem.header ?? '' };
  switch (problem.code) {
    case 'missingSheet':
      return new KpiError('REPORT_MISSING_SHEET', params);
    case 'missingColumn':
      return new KpiError('REPORT_MISSING_COLUMN', params, field);
    case 'unknownHeader':
      return new KpiError('REPORT_UNKNOWN_HEADER', params, field);
    case 'needsScoreColumn':
      return new KpiError('REPORT_NEEDS_SCORE', params);
    case 'noOrdersOrSurveys':
      return new KpiError('REPORT_NO_SOURCES', params);
  }
}

/**
 * Reads the mapped sources one sheet at a time, with one `getValues` each: the sheet's kinds are
 * checked against the header row just read (a catalogue error naming the sheet and column if they do
 * not fit), parsed, and its values dropped before the next sheet is read, so only one sheet's values
 * are held at a time. Sheets go in the schema's order of their kinds.
 */
export function readSources(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  mapping: ReportMapping,
  zone: ZoneCalendar,
): ReportData {
  const none = noSourcesProblem(mapping);
  if (none) throw mappingError(none);
  const locale = readerLocale(spreadsheet.getSpreadsheetLocale());
  const kindsBySheet = new Map<string, SourceKind[]>();
  for (const spec of SOURCE_SPECS) {
    const source = mapping[spec.kind];
    if (!source) continue;
    const kinds = kindsBySheet.get(source.sheet);
    if (kinds) kinds.push(spec.kind);
    else kindsBySheet.set(source.sheet, [spec.kind]);
  }
  const data: Record<string, SourceData<unknown>> = {};
  for (const [name, kinds] of kindsBySheet) {
    const sheet = spreadsheet.getSheetByName(name);
    if (!sheet) throw mappingError({ kind: kinds[0], sheet: name, code: 'missingSheet' });
    let values: unknown[][];
    try {
      values = sheet.getDataRange().getValues();
    } catch (error) {
      throw new KpiError('REPORT_READ_FAILED', { arg: name, detail: serviceMessage(error) });
    }
    const headers = values[0] ?? [];
    for (const kind of kinds) {
      const problems = sourceProblems(kind, mapping[kind]!, headers);
      if (problems.length) throw mappingError(problems[0]);
    }
    const grid: SheetGrid = { name, values };
    for (const kind of kinds) {
      const source = mapping[kind]!;
      const indexes = columnIndexes(kind, source, headers);
      data[kind] = parseSource(kind, grid, indexes, zone, { locale, reading: source.reading });
    }
  }
  return data as ReportData;
}
