/**
 * Finds the data sheets and their columns from sheet names and header rows, and checks a mapping
 * (detected or corrected by the user) before anything is read.
 */
import { type FieldKey, normaliseHeader, SOURCE_SPECS, type SourceKind, type SourceSpec, sourceSpec } from './sources';

/** A sheet as the detector sees it: its name and header row. */
export interface SheetHeaders {
  name: string;
  headers: unknown[];
}

/** Where one source lives: the sheet and, per field, the header text of its column. */
export interface SourceMapping {
  sheet: string;
  columns: Record<string, string>;
}

/** Which sheet and columns feed each source; absent kinds are left out of the report. */
export type ReportMapping = Partial<Record<SourceKind, SourceMapping>>;

/** A problem with a mapping, naming the sheet and column (and how to fix it). */
export interface MappingProblem {
  kind: SourceKind;
  sheet: string;
  field?: FieldKey;
  code: 'missingSheet' | 'missingColumn' | 'unknownHeader' | 'needsScoreColumn' | 'noOrdersOrSurveys';
  header?: string;
}

/** Columns of `spec` found among `headers`: field key → header text. Each column is used once. */
export function matchColumns(spec: SourceSpec, headers: unknown[]): Record<string, string> {
  const normalised = headers.map(normaliseHeader);
  const used = new Set<number>();
  const columns: Record<string, string> = {};
  for (const field of spec.fields) {
    const synonyms = field.synonyms.map(normaliseHeader);
    // Prefer the earliest synonym (the most specific name), then the leftmost column.
    for (const synonym of synonyms) {
      const index = normalised.findIndex((h, i) => h === synonym && h !== '' && !used.has(i));
      if (index >= 0) {
        used.add(index);
        columns[field.key] = String(headers[index]);
        break;
      }
    }
  }
  return columns;
}

function nameMatches(spec: SourceSpec, sheetName: string): boolean {
  const name = normaliseHeader(sheetName);
  return spec.sheetNames.some((candidate) => normaliseHeader(candidate) === name);
}

/** Whether a sheet with these columns can feed the source at all. */
function qualifies(spec: SourceSpec, columns: Record<string, string>, byName: boolean): boolean {
  if (!spec.fields.every((f) => !f.required || columns[f.key] !== undefined)) return false;
  if (spec.oneOf && !spec.oneOf.some((key) => columns[key] !== undefined)) return false;
  // Tickets' columns (customer, date) are found in many sheets: need the name or a status column.
  if (spec.kind === 'tickets' && !byName && columns.status === undefined) return false;
  return true;
}

/**
 * Detects the source sheets: every (sheet, kind) pair that qualifies is scored (sheet name match,
 * columns found) and the best pairs are taken greedily, one kind per sheet and one sheet per kind.
 */
export function detectSources(sheets: SheetHeaders[]): ReportMapping {
  const candidates: { kind: SourceKind; sheet: string; columns: Record<string, string>; score: number }[] = [];
  for (const sheet of sheets) {
    for (const spec of SOURCE_SPECS) {
      const columns = matchColumns(spec, sheet.headers);
      const byName = nameMatches(spec, sheet.name);
      if (!qualifies(spec, columns, byName)) continue;
      const score = (byName ? 100 : 0) + Object.keys(columns).length * 10 - sheets.indexOf(sheet) * 0.01;
      candidates.push({ kind: spec.kind, sheet: sheet.name, columns, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  const mapping: ReportMapping = {};
  const usedSheets = new Set<string>();
  for (const c of candidates) {
    if (mapping[c.kind] || usedSheets.has(c.sheet)) continue;
    mapping[c.kind] = { sheet: c.sheet, columns: c.columns };
    usedSheets.add(c.sheet);
  }
  if (!mapping.orders && !mapping.surveys) mapNamedButIncomplete(sheets, mapping);
  return mapping;
}

/**
 * Nothing qualifies as orders or surveys, so no report is possible: a sheet NAMED like orders (or
 * surveys) that lacks a required column is mapped anyway, with the columns it has, so the wizard
 * says which sheet misses which column instead of "no orders sheet was found" (and the sheet is
 * not taken for another kind, e.g. an `Orders` sheet read as customers).
 */
function mapNamedButIncomplete(sheets: SheetHeaders[], mapping: ReportMapping): void {
  for (const kind of ['orders', 'surveys'] as const) {
    const spec = sourceSpec(kind);
    const sheet = sheets.find((s) => nameMatches(spec, s.name));
    if (!sheet) continue;
    for (const other of Object.keys(mapping) as SourceKind[])
      if (mapping[other]!.sheet === sheet.name) delete mapping[other];
    mapping[kind] = { sheet: sheet.name, columns: matchColumns(spec, sheet.headers) };
    return;
  }
}

/**
 * Checks a mapping against the sheets as they are now: every mapped sheet exists, every mapped
 * header is still there, every required column is mapped, and there is something to report on.
 */
export function mappingProblems(mapping: ReportMapping, sheets: SheetHeaders[]): MappingProblem[] {
  const problems: MappingProblem[] = [];
  for (const spec of SOURCE_SPECS) {
    const source = mapping[spec.kind];
    if (!source) continue;
    const sheet = sheets.find((s) => s.name === source.sheet);
    if (!sheet) {
      problems.push({ kind: spec.kind, sheet: source.sheet, code: 'missingSheet' });
      continue;
    }
    const headers = sheet.headers.map((h) => String(h));
    for (const field of spec.fields) {
      const header = source.columns[field.key];
      if (header === undefined || header === '') {
        if (field.required)
          problems.push({ kind: spec.kind, sheet: source.sheet, field: field.key, code: 'missingColumn' });
      } else if (!headers.includes(header)) {
        problems.push({ kind: spec.kind, sheet: source.sheet, field: field.key, code: 'unknownHeader', header });
      }
    }
    if (spec.oneOf && !spec.oneOf.some((key) => source.columns[key])) {
      problems.push({ kind: spec.kind, sheet: source.sheet, code: 'needsScoreColumn' });
    }
  }
  if (!mapping.orders && !mapping.surveys) problems.push({ kind: 'orders', sheet: '', code: 'noOrdersOrSurveys' });
  return problems;
}

/** Column index (0-based) of each mapped field of a source, given the sheet's header row. */
export function columnIndexes(kind: SourceKind, source: SourceMapping, headers: unknown[]): Record<string, number> {
  const texts = headers.map((h) => String(h));
  const indexes: Record<string, number> = {};
  for (const field of sourceSpec(kind).fields) {
    const header = source.columns[field.key];
    if (header) {
      const index = texts.indexOf(header);
      if (index >= 0) indexes[field.key] = index;
    }
  }
  return indexes;
}
