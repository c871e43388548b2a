/**
 * Finds the data sheets and their columns from sheet names, header rows and (when known) the first
 * data rows, says why it chose each column, and checks a mapping (detected or corrected by the user)
 * before anything is read. Detection goes, per field: the column a known export layout fixes (Shopify,
 * WooCommerce, PrestaShop, Stripe, Google Forms), then a header that is a known name, then a header
 * whose words carry the meaning (a Forms question such as "¿Qué probabilidad hay de que nos
 * recomiendes…?") when its answers fit, then the e-mail column as the customer id when there is no id
 * column. A column that stays ambiguous is left unmapped and listed as a question for the wizard.
 */
import {
  EMAIL_HEADERS,
  EXPORT_LAYOUTS,
  type ExportFormat,
  type ExportLayout,
  type FieldKey,
  headerCore,
  headerWords,
  type KnownField,
  type KnownSource,
  normaliseHeader,
  SOURCE_SPECS,
  type SourceKind,
  type SourceSpec,
  sourceSpec,
} from './sources';

/** A sheet as the detector sees it: its name, header row and, when read, its first data rows. */
export interface SheetHeaders {
  name: string;
  headers: unknown[];
  /** The first data rows as `getValues` gives them, for checks on content (answers 0–10, e-mails). */
  rows?: unknown[][];
}

/** Which way an effort question reads: "how easy…" (higher is better) or "how much effort…" (lower). */
export type EffortDirection = 'higherIsBetter' | 'lowerIsBetter';

/** How the user asked for a source's values to be read, where the values alone cannot say. */
export interface ReadingChoices {
  /** Date fields read the other way round from the spreadsheet's locale (day ↔ month). */
  swapDayMonth?: FieldKey[];
  /** The direction of the customer-effort question. */
  effort?: EffortDirection;
}

/** Where one source lives: the sheet and, per field, the header text of its column. */
export interface SourceMapping {
  sheet: string;
  columns: Record<string, string>;
  /** Reading choices (date order, effort direction); absent means "as detected". */
  reading?: ReadingChoices;
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

/**
 * Why a column was chosen for a field: the export's documented layout, a known header name, the
 * question's words (with answers that fit), the e-mail column standing for the customer id, or the
 * only column whose values are dates.
 */
export type ColumnReason = 'exportLayout' | 'knownName' | 'questionText' | 'emailAsId' | 'valuesAreDates';

/** One field's column and why it was chosen. */
export interface FieldChoice {
  field: FieldKey;
  header: string;
  reason: ColumnReason;
  /** The word of the header that gave its meaning (`recomiendes`), for `questionText`. */
  word?: string;
  /** The smallest and largest answer among the first rows, for questions. */
  scale?: { min: number; max: number };
}

/** A field the detector could not settle: the columns it could be, and why it asks. */
export interface ColumnQuestion {
  field: FieldKey;
  candidates: string[];
  /** Several columns fit as well; or the header says so but the answers do not fit the scale. */
  why: 'severalColumns' | 'scaleUnclear';
}

/** What was detected for one source and why. */
export interface SourceDetection {
  kind: SourceKind;
  sheet: string;
  /** The export recognised by its layout, if any. */
  format?: ExportFormat;
  choices: FieldChoice[];
  questions: ColumnQuestion[];
  /** The effort question's direction, and the header word it was read from (none: assumed). */
  effort?: { direction: EffortDirection; word?: string };
}

/** A detected mapping with the reasons behind it. */
export interface Detection {
  mapping: ReportMapping;
  sources: SourceDetection[];
}

/** The columns matched for one source in one sheet, with the reasons. */
interface SourceMatch {
  columns: Record<string, string>;
  choices: FieldChoice[];
  questions: ColumnQuestion[];
  format?: ExportFormat;
  effort?: { direction: EffortDirection; word?: string };
}

/** Share of the non-blank sample values that must fit for content to count as evidence. */
const CONTENT_SHARE = 0.8;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE_TEXT =
  /^\s*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})(?:[ T]+\d{1,2}:\d{2}(?::\d{2})?.*)?\s*$/;
/** Words that say an effort question reads "lower is better", else "higher is better". */
const EFFORT_LOWER = ['effort', 'esfuerzo', 'dificil', 'difficult', 'hard'];
const EFFORT_HIGHER = ['easy', 'ease', 'facil', 'facilidad', 'sencill', 'simple'];

const isDateValue = (value: unknown) => Object.prototype.toString.call(value) === '[object Date]';
const isBlankValue = (value: unknown) => value === '' || value === null || value === undefined;

/** A number an answer stands for: a number, `"9"`, `"4,5"` or a quiz's `"9 / 10"`. */
function answerNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*(?:\/\s*\d+\s*)?$/.exec(value);
  return m ? Number(m[1].replace(',', '.')) : undefined;
}

/** The non-blank values of a column among the sample rows. */
function sampleOf(sheet: SheetHeaders, index: number): unknown[] {
  return (sheet.rows ?? []).map((row) => row[index]).filter((v) => !isBlankValue(v));
}

/** Whether most values pass a test (`true` when there are none: no evidence against). */
function mostly(values: unknown[], test: (value: unknown) => boolean): boolean {
  if (!values.length) return true;
  return values.filter(test).length >= CONTENT_SHARE * values.length;
}

/** The answers' range, and whether they fit the field's scale (0–10 for NPS, up to 10 for ratings). */
function scaleFit(field: KnownField, values: unknown[]): { fits: boolean; scale?: { min: number; max: number } } {
  const numbers = values.map(answerNumber).filter((n): n is number => n !== undefined);
  if (!values.length) return { fits: true };
  if (numbers.length < CONTENT_SHARE * values.length) return { fits: false };
  const scale = { min: Math.min(...numbers), max: Math.max(...numbers) };
  if (scale.min < 0 || scale.max > 10) return { fits: false, scale };
  if (field.type !== 'score') return { fits: true, scale };
  // NPS answers are whole numbers 0–10; answers only within 1–5 are a five-point scale, not NPS.
  const whole = numbers.every((n) => Number.isInteger(n));
  return { fits: whole && (scale.max > 5 || scale.min === 0), scale };
}

/** Whether a column's sample fits a field whose meaning came from the header's words. */
function contentFits(field: KnownField, values: unknown[]): { fits: boolean; scale?: { min: number; max: number } } {
  if (field.type === 'score' || field.type === 'rating') return scaleFit(field, values);
  if (field.type === 'text') return { fits: mostly(values, (v) => typeof v === 'string' && /\p{L}/u.test(v)) };
  return { fits: true };
}

/** The layout an export's header row matches, for a kind. */
function layoutOf(kind: SourceKind, cores: string[]): ExportLayout | undefined {
  return EXPORT_LAYOUTS.find(
    (layout) =>
      layout.kind === kind &&
      layout.signature.every((alternatives) => alternatives.some((name) => cores.includes(normaliseHeader(name)))),
  );
}

/**
 * The words of a header, as written, that a stem (one word or several: `por que`) found in its
 * {@link headerWords} stands for: `recomiend` in `¿… que nos recomiendes?` → `recomiendes`.
 */
export function wordInHeader(header: unknown, stem: string): string | undefined {
  const original = String(header ?? '').match(/[\p{L}\p{N}]+/gu) ?? [];
  const plain = original.map((w) => headerWords(w).trim());
  const size = stem.split(' ').length;
  for (let i = 0; i + size <= plain.length; i++)
    if (
      plain
        .slice(i, i + size)
        .join(' ')
        .startsWith(stem)
    )
      return original.slice(i, i + size).join(' ');
  return undefined;
}

/** The direction an effort question reads, from its header's words (and the word that says so). */
export function effortDirectionOf(header: string): { direction: EffortDirection; word?: string } {
  const words = headerWords(header);
  const lower = EFFORT_LOWER.find((w) => words.includes(` ${w}`));
  if (lower) return { direction: 'lowerIsBetter', word: wordInHeader(header, lower) ?? lower };
  const higher = EFFORT_HIGHER.find((w) => words.includes(` ${w}`));
  if (higher) return { direction: 'higherIsBetter', word: wordInHeader(header, higher) ?? higher };
  return { direction: 'lowerIsBetter' };
}

/**
 * Columns of `spec` found in a sheet, with the reason for each and the fields it could not settle.
 * Each column is used once.
 */
export function matchSource(spec: SourceSpec | KnownSource, sheet: SheetHeaders): SourceMatch {
  const fields = spec.fields as readonly KnownField[];
  const headers = sheet.headers;
  const cores = headers.map((h) => normaliseHeader(headerCore(h)));
  const used = new Set<number>();
  const match: SourceMatch = { columns: {}, choices: [], questions: [] };
  const take = (field: KnownField, index: number, reason: ColumnReason, extra: Partial<FieldChoice> = {}) => {
    used.add(index);
    match.columns[field.key] = String(headers[index]);
    match.choices.push({ field: field.key, header: String(headers[index]), reason, ...extra });
  };
  const free = (index: number) => index >= 0 && cores[index] !== '' && !used.has(index);
  const mapped = (field: KnownField) => match.columns[field.key] !== undefined;
  const find = (name: string) => cores.findIndex((core, i) => core === normaliseHeader(name) && free(i));

  const layout = layoutOf(spec.kind as SourceKind, cores);
  if (layout) {
    match.format = layout.format;
    for (const field of fields)
      for (const name of layout.columns[field.key] ?? []) {
        const index = find(name);
        if (index >= 0) {
          take(field, index, 'exportLayout');
          break;
        }
      }
  }
  // Known names: the earliest synonym (the most specific name) first, then the leftmost column.
  for (const field of fields) {
    if (mapped(field)) continue;
    for (const synonym of field.synonyms) {
      const index = find(synonym);
      if (index >= 0) {
        take(field, index, 'knownName');
        break;
      }
    }
  }
  for (const field of fields) if (!mapped(field) && field.meaning) matchMeaning(field, sheet, match, free, take);
  const idField = fields.find((f) => f.key === 'customerId');
  if (idField && !mapped(idField)) {
    const byName = EMAIL_HEADERS.map(find).find((index) => index >= 0);
    const byContent =
      byName ??
      (sheet.rows?.length
        ? headers.findIndex((_, i) => {
            const values = sampleOf(sheet, i);
            return free(i) && values.length > 0 && mostly(values, (v) => typeof v === 'string' && EMAIL.test(v.trim()));
          })
        : -1);
    if (byContent !== undefined && byContent >= 0) take(idField, byContent, 'emailAsId');
  }
  const dateField = fields.find((f) => f.required && f.type === 'date');
  if (dateField && !mapped(dateField) && sheet.rows?.length) {
    const dated = headers
      .map((_, i) => i)
      .filter((i) => {
        const values = sampleOf(sheet, i);
        return free(i) && values.length > 0 && mostly(values, (v) => isDateValue(v) || DATE_TEXT.test(String(v)));
      });
    if (dated.length === 1) take(dateField, dated[0], 'valuesAreDates');
    else if (dated.length > 1)
      match.questions.push({
        field: dateField.key,
        candidates: dated.map((i) => String(headers[i])),
        why: 'severalColumns',
      });
  }
  if (match.columns.effort !== undefined) match.effort = effortDirectionOf(match.columns.effort);
  return match;
}

/** A field found by the words of its header (a form's question), checked against the answers. */
function matchMeaning(
  field: KnownField,
  sheet: SheetHeaders,
  match: SourceMatch,
  free: (index: number) => boolean,
  take: (field: KnownField, index: number, reason: ColumnReason, extra?: Partial<FieldChoice>) => void,
): void {
  const worded: { index: number; word: string }[] = [];
  sheet.headers.forEach((header, index) => {
    if (!free(index)) return;
    const words = headerWords(header);
    const stem = field.meaning!.find((w) => words.includes(` ${w}`));
    if (stem) worded.push({ index, word: wordInHeader(header, stem) ?? stem });
  });
  if (!worded.length) return;
  const fitting = worded.map((w) => ({ ...w, ...contentFits(field, sampleOf(sheet, w.index)) })).filter((w) => w.fits);
  if (fitting.length === 1) {
    const [only] = fitting;
    take(field, only.index, 'questionText', { word: only.word, ...(only.scale ? { scale: only.scale } : {}) });
    return;
  }
  const candidates = (fitting.length ? fitting : worded).map((w) => String(sheet.headers[w.index]));
  match.questions.push({ field: field.key, candidates, why: fitting.length ? 'severalColumns' : 'scaleUnclear' });
}

/** Columns of `spec` found among `headers` (and the first rows, when given): field key → header text. */
export function matchColumns(spec: SourceSpec, headers: unknown[], rows?: unknown[][]): Record<string, string> {
  return matchSource(spec, { name: '', headers, rows }).columns;
}

function nameMatches(spec: SourceSpec, sheetName: string): boolean {
  const name = normaliseHeader(sheetName);
  return spec.sheetNames.some((candidate) => normaliseHeader(candidate) === name);
}

/**
 * Whether a sheet with these columns can feed the source at all: every required field found, or left
 * as a question for the user (the wizard then asks rather than miss the sheet).
 */
function qualifies(spec: SourceSpec, found: SourceMatch, byName: boolean): boolean {
  const { columns } = found;
  const settled = (key: string) => columns[key] !== undefined || found.questions.some((q) => q.field === key);
  if (!spec.fields.every((f) => !f.required || settled(f.key))) return false;
  if (spec.oneOf && !spec.oneOf.some(settled)) return false;
  // Tickets' columns (customer, date) are found in many sheets: need the name or a status column.
  if (spec.kind === 'tickets' && !byName && columns.status === undefined) return false;
  // Any sheet with an e-mail column has a customer id that way: a customer list needs more.
  const idByEmail = found.choices.some((c) => c.field === 'customerId' && c.reason === 'emailAsId');
  if (spec.kind === 'customers' && idByEmail && !byName && Object.keys(columns).length < 2) return false;
  return true;
}

/** The effort direction to record in a mapping. */
function readingOf(found: SourceMatch): ReadingChoices | undefined {
  return found.effort ? { effort: found.effort.direction } : undefined;
}

/**
 * Detects the source sheets, with the reason for every column: every (sheet, kind) pair that
 * qualifies is scored (a known export layout, the sheet's name, columns found) and the best pairs are
 * taken greedily, one kind per sheet and one sheet per kind.
 */
export function detectSourcesExplained(sheets: SheetHeaders[]): Detection {
  const candidates: { kind: SourceKind; sheet: string; found: SourceMatch; score: number }[] = [];
  sheets.forEach((sheet, order) => {
    for (const spec of SOURCE_SPECS) {
      const found = matchSource(spec, sheet);
      const byName = nameMatches(spec, sheet.name);
      if (!qualifies(spec, found, byName)) continue;
      const score =
        (found.format ? 200 : 0) + (byName ? 100 : 0) + Object.keys(found.columns).length * 10 - order * 0.01;
      candidates.push({ kind: spec.kind, sheet: sheet.name, found, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score);
  const mapping: ReportMapping = {};
  const detected = new Map<SourceKind, SourceDetection>();
  const usedSheets = new Set<string>();
  for (const c of candidates) {
    if (mapping[c.kind] || usedSheets.has(c.sheet)) continue;
    const reading = readingOf(c.found);
    mapping[c.kind] = { sheet: c.sheet, columns: c.found.columns, ...(reading ? { reading } : {}) };
    detected.set(c.kind, detectionOf(c.kind, c.sheet, c.found));
    usedSheets.add(c.sheet);
  }
  if (!mapping.orders && !mapping.surveys) mapNamedButIncomplete(sheets, mapping, detected);
  const sources = SOURCE_SPECS.map((spec) => detected.get(spec.kind)).filter((d): d is SourceDetection => !!d);
  return { mapping, sources };
}

function detectionOf(kind: SourceKind, sheet: string, found: SourceMatch): SourceDetection {
  return {
    kind,
    sheet,
    ...(found.format ? { format: found.format } : {}),
    choices: found.choices,
    questions: found.questions,
    ...(found.effort ? { effort: found.effort } : {}),
  };
}

/** Detects the source sheets (see {@link detectSourcesExplained}): the mapping alone. */
export function detectSources(sheets: SheetHeaders[]): ReportMapping {
  return detectSourcesExplained(sheets).mapping;
}

/**
 * Nothing qualifies as orders or surveys, so no report is possible: a sheet NAMED like orders (or
 * surveys) that lacks a required column is mapped anyway, with the columns it has, so the wizard
 * says which sheet misses which column instead of "no orders sheet was found" (and the sheet is
 * not taken for another kind, e.g. an `Orders` sheet read as customers).
 */
function mapNamedButIncomplete(
  sheets: SheetHeaders[],
  mapping: ReportMapping,
  detected: Map<SourceKind, SourceDetection>,
): void {
  for (const kind of ['orders', 'surveys'] as const) {
    const spec = sourceSpec(kind);
    const sheet = sheets.find((s) => nameMatches(spec, s.name));
    if (!sheet) continue;
    for (const other of Object.keys(mapping) as SourceKind[])
      if (mapping[other]!.sheet === sheet.name) {
        delete mapping[other];
        detected.delete(other);
      }
    const found = matchSource(spec, sheet);
    mapping[kind] = { sheet: sheet.name, columns: found.columns };
    detected.set(kind, detectionOf(kind, sheet.name, found));
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
    if (!sheet) problems.push({ kind: spec.kind, sheet: source.sheet, code: 'missingSheet' });
    else problems.push(...sourceProblems(spec.kind, source, sheet.headers));
  }
  const none = noSourcesProblem(mapping);
  if (none) problems.push(none);
  return problems;
}

/**
 * What does not fit in one source's mapping, given its sheet's header row: a required field with no
 * column, a header the sheet does not have, a survey with no score column.
 * @example sourceProblems('orders', { sheet: 'Orders', columns: {} }, ['Date']) // missingColumn ×3
 */
export function sourceProblems(kind: SourceKind, source: SourceMapping, headerRow: unknown[]): MappingProblem[] {
  const spec = sourceSpec(kind);
  const problems: MappingProblem[] = [];
  const headers = headerRow.map((h) => String(h));
  for (const field of spec.fields) {
    const header = source.columns[field.key];
    if (header === undefined || header === '') {
      if (field.required) problems.push({ kind, sheet: source.sheet, field: field.key, code: 'missingColumn' });
    } else if (!headers.includes(header)) {
      problems.push({ kind, sheet: source.sheet, field: field.key, code: 'unknownHeader', header });
    }
  }
  if (spec.oneOf && !spec.oneOf.some((key) => source.columns[key]))
    problems.push({ kind, sheet: source.sheet, code: 'needsScoreColumn' });
  return problems;
}

/** A mapping with none of the sources a report is made from (orders, surveys or subscriptions). */
export function noSourcesProblem(mapping: ReportMapping): MappingProblem | undefined {
  // Subscriptions alone make a report too (MRR, its movements, net revenue retention, SaaS efficiency).
  if (!mapping.orders && !mapping.surveys && !mapping.subscriptions)
    return { kind: 'orders', sheet: '', code: 'noOrdersOrSurveys' };
  return undefined;
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

/**
 * The reading choices of a source as the browser sent them, checked (every public endpoint can be
 * called with anything): known date fields of the kind, a known effort direction. `undefined` when
 * there are none.
 */
export function validReadingChoices(kind: SourceKind, value: unknown): ReadingChoices | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const raw = value as Record<string, unknown>;
  const spec = sourceSpec(kind);
  const dateFields = spec.fields
    .filter((f) => f.type === 'date' || f.type === 'optionalDate' || f.type === 'dateTime' || f.type === 'flag')
    .map((f) => f.key);
  const choices: ReadingChoices = {};
  if (Array.isArray(raw.swapDayMonth)) {
    const swap = raw.swapDayMonth.filter((f): f is FieldKey => dateFields.includes(f as FieldKey));
    if (swap.length) choices.swapDayMonth = [...new Set(swap)];
  }
  if (raw.effort === 'higherIsBetter' || raw.effort === 'lowerIsBetter') choices.effort = raw.effort;
  return Object.keys(choices).length ? choices : undefined;
}

/**
 * A checked mapping with the reading choices of the raw one the browser sent put back (the mapping
 * check keeps only sheets and columns).
 */
export function withReadingChoices(mapping: ReportMapping, raw: unknown): ReportMapping {
  if (typeof raw !== 'object' || raw === null) return mapping;
  const out: ReportMapping = {};
  for (const kind of Object.keys(mapping) as SourceKind[]) {
    const source = (raw as Record<string, { reading?: unknown } | undefined>)[kind];
    const reading = validReadingChoices(kind, source?.reading);
    out[kind] = reading ? { ...mapping[kind]!, reading } : mapping[kind];
  }
  return out;
}
