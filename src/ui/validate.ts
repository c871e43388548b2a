/**
 * Checks what the browser sends: every public function can be called from a browser console with
 * anything, so each argument is validated before use and turned into typed data.
 */
import { KpiError } from '../errors/catalogue';
import { REPORT_SECTIONS, type SectionKey } from '../report/compute/model';
import { type ReportMapping, validReadingChoices } from '../report/detect';
import type { ReportPeriodKind } from '../report/period';
import { isoDateFields } from '../sheets/cells';
import { SOURCE_SPECS, type SourceKind } from '../report/sources';
import type { GenerateRequest } from './protocol';
import { validRunId } from './progress';

const PERIOD_KINDS: ReportPeriodKind[] = ['month', 'quarter', 'year'];
/** The years a report period or "today" may fall in: anything else is a mistake, not data. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;
const PERIODS_PER_YEAR: Record<ReportPeriodKind, number> = { month: 12, quarter: 4, year: 1 };

function invalid(arg: string, en: string, es: string): never {
  throw new KpiError('BAD_REQUEST', { fn: 'Fideliza', arg }, { en, es });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A mapping as {@link ReportMapping}: known kinds and fields, sheet and header names as text. */
export function validMapping(value: unknown): ReportMapping {
  if (!isPlainObject(value)) invalid('mapping', 'not an object', 'no es un objeto');
  const mapping: ReportMapping = {};
  for (const [kind, source] of Object.entries(value)) {
    const spec = SOURCE_SPECS.find((s) => s.kind === kind);
    if (!spec) invalid('mapping', `unknown source ${kind.slice(0, 30)}`, `fuente desconocida ${kind.slice(0, 30)}`);
    if (source === null || source === undefined) continue;
    if (
      !isPlainObject(source) ||
      typeof source.sheet !== 'string' ||
      source.sheet.length > 200 ||
      !isPlainObject(source.columns)
    ) {
      invalid('mapping', `${kind} needs a sheet name and columns`, `${kind} necesita un nombre de hoja y columnas`);
    }
    const columns: Record<string, string> = {};
    for (const [field, header] of Object.entries(source.columns)) {
      if (!spec.fields.some((f) => f.key === field))
        invalid('mapping', `unknown column ${field.slice(0, 30)}`, `columna desconocida ${field.slice(0, 30)}`);
      if (header === null || header === undefined || header === '') continue;
      if (typeof header !== 'string' || header.length > 500)
        invalid('mapping', `the header of ${field} must be text`, `el encabezado de ${field} debe ser texto`);
      columns[field] = header;
    }
    const reading = validReadingChoices(kind as SourceKind, source.reading);
    mapping[kind as SourceKind] = { sheet: source.sheet, columns, ...(reading ? { reading } : {}) };
  }
  return mapping;
}

/** A generate request with every field checked. */
export function validGenerateRequest(value: unknown): GenerateRequest {
  if (value === undefined || value === null) return {};
  if (!isPlainObject(value)) invalid('request', 'not an object', 'no es un objeto');
  const out: GenerateRequest = {};
  if (value.mapping !== undefined && value.mapping !== null) out.mapping = validMapping(value.mapping);
  if (value.periodKind !== undefined) {
    if (!PERIOD_KINDS.includes(value.periodKind as ReportPeriodKind))
      invalid('periodKind', 'use month, quarter or year', 'use month, quarter o year');
    out.periodKind = value.periodKind as ReportPeriodKind;
  }
  if (value.periodIndex !== undefined && value.periodIndex !== null) {
    if (out.periodKind === undefined) invalid('periodIndex', 'needs periodKind', 'necesita periodKind');
    const perYear = PERIODS_PER_YEAR[out.periodKind];
    const index = value.periodIndex;
    if (
      typeof index !== 'number' ||
      !Number.isInteger(index) ||
      index < FIRST_YEAR * perYear ||
      index >= (LAST_YEAR + 1) * perYear
    )
      invalid(
        'periodIndex',
        `a ${out.periodKind} between ${FIRST_YEAR} and ${LAST_YEAR}`,
        `un periodo entre ${FIRST_YEAR} y ${LAST_YEAR}`,
      );
    out.periodIndex = index;
  }
  if (value.currency !== undefined) {
    if (typeof value.currency !== 'string' || !/^[A-Z]{3}$/.test(value.currency))
      invalid('currency', 'use a three-letter code such as EUR', 'use un código de tres letras como EUR');
    out.currency = value.currency;
  }
  if (value.sections !== undefined) {
    if (!isPlainObject(value.sections)) invalid('sections', 'not an object', 'no es un objeto');
    out.sections = {};
    for (const [key, on] of Object.entries(value.sections)) {
      if (!REPORT_SECTIONS.includes(key as SectionKey) || typeof on !== 'boolean')
        invalid('sections', `${key.slice(0, 30)} must be true or false`, `${key.slice(0, 30)} debe ser true o false`);
      out.sections[key as SectionKey] = on;
    }
  }
  if (value.withoutPersonalData !== undefined) {
    if (typeof value.withoutPersonalData !== 'boolean')
      invalid('withoutPersonalData', 'must be true or false', 'debe ser true o false');
    out.withoutPersonalData = value.withoutPersonalData;
  }
  if (value.targets !== undefined && value.targets !== null) out.targets = targetEntries(value.targets);
  if (value.runId !== undefined) out.runId = validRunId(value.runId);
  if (value.today !== undefined) {
    const fields =
      typeof value.today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.today)
        ? isoDateFields(value.today)
        : undefined;
    if (!fields || fields.year < FIRST_YEAR || fields.year > LAST_YEAR)
      invalid(
        'today',
        `a real date yyyy-mm-dd between ${FIRST_YEAR} and ${LAST_YEAR}`,
        `una fecha real aaaa-mm-dd entre ${FIRST_YEAR} y ${LAST_YEAR}`,
      );
    out.today = value.today as string;
  }
  if (value.language !== undefined) {
    if (value.language !== 'en' && value.language !== 'es') invalid('language', 'use en or es', 'use en o es');
    out.language = value.language;
  }
  return out;
}

/**
 * Targets as sent: at most one per KPI key, each a text of at most 40 characters or a number (read
 * later, in the spreadsheet's locale, by `validTargets`).
 */
function targetEntries(value: unknown): Record<string, string | number> {
  if (!isPlainObject(value)) invalid('targets', 'not an object', 'no es un objeto');
  const entries = Object.entries(value);
  if (entries.length > 100) invalid('targets', 'too many', 'demasiados');
  const out: Record<string, string | number> = {};
  for (const [key, entry] of entries) {
    if (!/^[A-Za-z]\w{0,40}$/.test(key)) invalid('targets', 'a KPI key', 'una clave de KPI');
    if (!(typeof entry === 'number' || (typeof entry === 'string' && entry.length <= 40)))
      invalid('targets', `${key} must be a number or a short text`, `${key} debe ser un número o un texto corto`);
    out[key] = entry;
  }
  return out;
}
