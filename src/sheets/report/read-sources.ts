/**
 * Reads the mapped source sheets for the report: one `getDataRange().getValues()` per sheet, then
 * every row is parsed in memory. Unreadable rows are skipped and counted by reason with their
 * first row numbers, never dropped silently.
 */
import { KpiError } from '../../errors/catalogue';
import {
  columnIndexes,
  mappingProblems,
  type MappingProblem,
  type ReportMapping,
  type SheetHeaders,
} from '../../report/detect';
import type { ReportData, SkipReason, SkippedRows, SourceData } from '../../report/records';
import { fieldLabel } from '../../report/labels';
import { type FieldKey, type KnownField, SOURCE_SPECS, type SourceKind } from '../../report/sources';
import { errorValueOf, isBlank, isDate, exactDayOfCell, numberOfText } from '../cells';
import { dayFromCivil, isoOfDay } from '../../kpi/calendar/days';
import type { ZoneCalendar } from '../timezone';
import { CELL_TEXT_LIMIT, serviceMessage } from './write-report';

/** The longest text the report writes in one cell: Sheets' 50 000 characters less the apostrophe prefix. */
const TEXT_LIMIT = CELL_TEXT_LIMIT - 1;

/** How many row numbers are kept per skip reason. */
const FIRST_ROWS_KEPT = 5;
const FIRST_PLAUSIBLE_DAY = dayFromCivil(1900, 1, 1);
const LAST_PLAUSIBLE_DAY = dayFromCivil(2200, 12, 31);

/** A sheet's full content as read, with its header row split off. */
export interface SheetGrid {
  name: string;
  values: unknown[][];
}

/** Names and header rows of every sheet (one `getSheets` call and one `getValues` per sheet for row 1). */
export function readSheetHeaders(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  skipSheetIds: Set<number> = new Set(),
): SheetHeaders[] {
  const out: SheetHeaders[] = [];
  for (const sheet of spreadsheet.getSheets()) {
    if (skipSheetIds.has(sheet.getSheetId())) continue;
    const lastColumn = sheet.getLastColumn();
    out.push({
      name: sheet.getName(),
      headers: lastColumn > 0 ? sheet.getRange(1, 1, 1, lastColumn).getValues()[0] : [],
    });
  }
  return out;
}

class Skips {
  private readonly skipped: SkippedRows = { total: 0, byReason: {} };

  add(reason: SkipReason, row: number, field?: FieldKey): void {
    this.skipped.total++;
    const entry = (this.skipped.byReason[reason] ??= { count: 0, firstRows: [], fields: [] });
    entry.count++;
    if (field && !entry.fields.includes(field)) entry.fields.push(field);
    if (entry.firstRows.length < FIRST_ROWS_KEPT) entry.firstRows.push(row);
  }

  result(): SkippedRows {
    return this.skipped;
  }
}

/** Thrown inside the row parser to skip a row for a reason (the field is added by the caller). */
class SkipRow {
  field?: FieldKey;
  constructor(readonly reason: SkipReason) {}
}

/** Parses one cell of a field; returns `null` for an empty optional value. */
function parseField(field: KnownField, value: unknown, zone: ZoneCalendar): unknown {
  if (errorValueOf(value)) throw new SkipRow('errorValue');
  const blank = isBlank(value);
  switch (field.type) {
    case 'id':
    case 'text':
      if (blank) {
        if (field.required) throw new SkipRow('blankId');
        return '';
      }
      return isDate(value) ? isoOfDay(zone.dayOf(value.getTime())) : String(value).trim();
    case 'date':
    case 'optionalDate': {
      if (blank) {
        if (field.required && field.type === 'date') throw new SkipRow('badDate');
        return null;
      }
      const day = readDay(value, zone);
      if (day === undefined) throw new SkipRow('badDate');
      return day;
    }
    case 'amount':
    case 'count': {
      if (blank) {
        if (field.required) throw new SkipRow('notANumber');
        return null;
      }
      const n = typeof value === 'number' ? value : typeof value === 'string' ? numberOfText(value) : undefined;
      if (n === undefined || !isFinite(n)) throw new SkipRow('notANumber');
      if (n < 0) throw new SkipRow('negative');
      return n;
    }
    case 'score':
    case 'rating': {
      if (blank) return null;
      const n = typeof value === 'number' ? value : typeof value === 'string' ? numberOfText(value) : undefined;
      if (n === undefined || !isFinite(n)) return null; // a text answer ("N/A") is no answer
      // NPS answers are whole numbers 0–10; other ratings any number on a scale up to 10
      if (n < 0 || n > 10 || (field.type === 'score' && Math.floor(n) !== n)) throw new SkipRow('outOfScale');
      return n;
    }
  }
}

/**
 * Day number of a date cell of a source sheet, if it holds a plausible business date: from 1900 to
 * 2200. Anything else is a typo (a year typed as 2025, a yyyymmdd number) that would silently land
 * in the wrong century.
 */
export function readDay(value: unknown, zone: ZoneCalendar): number | undefined {
  const exact = exactDayOfCell(value, zone);
  const day = exact === undefined ? undefined : Math.floor(exact);
  return day === undefined || day < FIRST_PLAUSIBLE_DAY || day > LAST_PLAUSIBLE_DAY ? undefined : day;
}

/** Parses the data rows of one source sheet. */
export function parseSource<T>(
  kind: SourceKind,
  grid: SheetGrid,
  indexes: Record<string, number>,
  zone: ZoneCalendar,
): SourceData<T> {
  const spec = SOURCE_SPECS.find((s) => s.kind === kind)!;
  const fields = spec.fields.filter((f) => indexes[f.key] !== undefined);
  const skips = new Skips();
  const records: T[] = [];
  const cut = { count: 0, fields: [] as FieldKey[] };
  const rows = grid.values;
  let dataRows = 0;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.every((cell) => isBlank(cell))) continue; // an empty line is not a data row
    dataRows++;
    const record: Record<string, unknown> = {};
    try {
      for (const field of fields) {
        try {
          record[field.record ?? field.key] = parseField(field, row[indexes[field.key]], zone);
        } catch (skip) {
          if (skip instanceof SkipRow) skip.field = field.key;
          throw skip;
        }
      }
      for (const field of spec.fields) {
        const key = field.record ?? field.key;
        if (!(key in record)) record[key] = field.type === 'id' || field.type === 'text' ? '' : null;
      }
    } catch (skip) {
      if (skip instanceof SkipRow) {
        skips.add(skip.reason, r + 1, skip.field);
        continue;
      }
      throw skip;
    }
    if (kind === 'subscriptions' && record.endDay !== null && (record.endDay as number) < (record.startDay as number)) {
      skips.add('endBeforeStart', r + 1, 'end');
      continue;
    }
    if (kind === 'surveys' && record.nps === null && record.csat === null) {
      skips.add('noScore', r + 1); // an answer like "N/A" to every scored question
      continue;
    }
    for (const field of fields) {
      const key = field.record ?? field.key;
      const text = record[key];
      if (typeof text === 'string' && text.length > TEXT_LIMIT) {
        // A cell holds 50 000 characters, the apostrophe that keeps text as text included.
        record[key] = `${text.slice(0, TEXT_LIMIT - 1)}…`;
        cut.count++;
        if (!cut.fields.includes(field.key)) cut.fields.push(field.key);
      }
    }
    records.push(record as T);
  }
  return { sheet: grid.name, rowCount: dataRows, records, skipped: skips.result(), cut };
}

/** Raises the first mapping problem as a catalogue error naming sheet and column. */
export function assertMapping(mapping: ReportMapping, sheets: SheetHeaders[]): void {
  const problems = mappingProblems(mapping, sheets);
  if (problems.length) throw mappingError(problems[0]);
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
 * Reads every mapped source with one `getValues` per sheet, checks the mapping against the header
 * rows just read (a catalogue error naming the sheet and column if it does not fit), then parses.
 */
export function readSources(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  mapping: ReportMapping,
  zone: ZoneCalendar,
): ReportData {
  const grids = new Map<string, SheetGrid>();
  const kinds = Object.keys(mapping) as SourceKind[];
  for (const kind of kinds) {
    const name = mapping[kind]!.sheet;
    if (grids.has(name)) continue;
    const sheet = spreadsheet.getSheetByName(name);
    if (!sheet) throw mappingError({ kind, sheet: name, code: 'missingSheet' });
    let values: unknown[][];
    try {
      values = sheet.getDataRange().getValues();
    } catch (error) {
      throw new KpiError('REPORT_READ_FAILED', { arg: name, detail: serviceMessage(error) });
    }
    grids.set(name, { name, values });
  }
  assertMapping(
    mapping,
    [...grids.values()].map((g) => ({ name: g.name, headers: g.values[0] ?? [] })),
  );
  const data: Record<string, SourceData<unknown>> = {};
  for (const kind of kinds) {
    const source = mapping[kind]!;
    const grid = grids.get(source.sheet)!;
    data[kind] = parseSource(kind, grid, columnIndexes(kind, source, grid.values[0] ?? []), zone);
  }
  return data as ReportData;
}
