/**
 * Runs one custom-function call from its declaration: reads every argument the way its kind says
 * (coercion, defaults, bounds), calls the maths, and turns every failure into one short sentence in
 * the spreadsheet's language, its numbers with the decimal mark of the spreadsheet's locale (Sheets
 * shows it on the `#ERROR!` cell).
 */
import {
  type DecimalMark,
  detail,
  domainError,
  isKpiError,
  KpiError,
  type Language,
  languageOfLocale,
} from '../errors/catalogue';
import { isoOfDay } from '../kpi/calendar/days';
import { isDomainError } from '../kpi/domain-error';
import { type ColumnSpec, FormulaArgs, type ScoreScale } from './args';
import { type CellInput, type CellOutput, type CellTable, type CellValue, isBlank } from './cells';
import { SpreadsheetSettings } from './context';
import {
  CELL_KINDS,
  COLUMN_KINDS,
  type FormulaDeclaration,
  type NumberParam,
  type ParamSpec,
  type Ref,
  type ScaleSpec,
  type SheetContext,
} from './declaration';
import { FORMULAS } from './functions/catalogue';
import { formulaSyntaxOf } from '../locale/formula-syntax';

/** Argument values read so far, by name (references resolve against them). */
type Values = Record<string, unknown>;

/**
 * Runs the custom function `name` on the arguments Sheets passed (in declaration order). Every
 * generated custom-function wrapper calls it; it has no global of its own.
 *
 * @example runCustomFunction('NPS', [[[10], [9], [3]]]) // 33.33
 * @bundle
 */
export function runCustomFunction(name: string, inputs: CellInput[]): CellOutput | CellTable {
  const declaration = FORMULAS[name] as FormulaDeclaration | undefined;
  const settings = new SpreadsheetSettings();
  try {
    if (!declaration) throw new Error(`unknown custom function ${name}`);
    const args = new FormulaArgs(name, settings);
    const result = declaration.elementwise
      ? runElementwise(args, declaration, inputs)
      : runTable(args, declaration, inputs, settings);
    assertFinite(result);
    return result;
  } catch (error) {
    const { language, decimalMark } = messageLocale();
    throw new Error(formulaError(error, name, declaration).localized(language, decimalMark));
  }
}

/**
 * How an error message is written: words in the language of the spreadsheet's locale, numbers with
 * its decimal mark ("como 12,5" in es_ES, "como 12.5" in es_MX). One read of the locale, only when
 * there is an error to word (a custom function may call SpreadsheetApp's getters).
 */
function messageLocale(): { language: Language; decimalMark: DecimalMark } {
  let locale = '';
  try {
    locale = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale();
  } catch {
    // English with a decimal point, as Sheets' own default locale (en_US)
  }
  return { language: languageOfLocale(locale), decimalMark: formulaSyntaxOf(locale).decimalMark };
}

/**
 * No Infinity or NaN ever reaches a cell: finite inputs can still overflow (1e308 × 4) or underflow
 * to a division by 5e-324; such a result is "too large to compute", never a wrong number.
 */
function assertFinite(result: CellOutput | CellTable): void {
  if (typeof result === 'number') {
    if (!Number.isFinite(result)) throw new KpiError('RESULT_TOO_LARGE', {});
    return;
  }
  if (!Array.isArray(result)) return;
  for (const row of result) {
    for (const value of row)
      if (typeof value === 'number' && !Number.isFinite(value)) throw new KpiError('RESULT_TOO_LARGE', {});
  }
}

/** The catalogue error for any failure of a call: ours worded, a refusal of the maths worded, a bug as internal. */
function formulaError(error: unknown, name: string, declaration: FormulaDeclaration | undefined): KpiError {
  if (isKpiError(error)) return error.inFormula(name);
  if (isDomainError(error)) return domainError(error.issue, name, (input) => declaration?.roles?.[input] ?? input);
  return new KpiError('INTERNAL', { fn: name, detail: error instanceof Error ? error.message : String(error) });
}

function resolve(ref: Ref, values: Values): number {
  return typeof ref === 'number' ? ref : (values[ref.arg] as number) + (ref.plus ?? 0);
}

function scaleOf(spec: ScaleSpec, values: Values, noun: ScoreScale['noun']): ScoreScale {
  return { min: resolve(spec.min, values), max: resolve(spec.max, values), integer: spec.integer, noun };
}

/** An optional argument left out (or a blank single cell). */
function omitted(input: CellInput): boolean {
  return !Array.isArray(input) && isBlank(input);
}

function runTable(
  args: FormulaArgs,
  declaration: FormulaDeclaration,
  inputs: CellInput[],
  settings: SpreadsheetSettings,
): CellOutput | CellTable {
  const names = Object.keys(declaration.params);
  const values: Values = {};
  // Single values first: a range's scale or a default may depend on them (CSAT's scale_max).
  names.forEach((name, i) => {
    const spec = declaration.params[name];
    if (!COLUMN_KINDS.has(spec.kind) && !isRange(spec)) values[name] = readSingle(args, spec, name, inputs[i], values);
  });
  names.forEach((name, i) => {
    const spec = declaration.params[name];
    if (isRange(spec)) values[name] = readRange(args, spec, name, inputs[i], values);
  });
  const columns = names.flatMap((name, i) => (COLUMN_KINDS.has(declaration.params[name].kind) ? [i] : []));
  let rows: number[] = [];
  if (columns.length) {
    const specs: ColumnSpec[] = columns.map((i) =>
      columnSpec(declaration.params[names[i]], names[i], inputs[i], values),
    );
    const table = args.table(specs);
    args.requireRows(table.rows.length, names[columns[0]], declaration.rowNoun ?? 'row');
    columns.forEach((i, k) => {
      values[names[i]] = table.columns[k];
    });
    rows = table.rows;
    for (const i of columns) checkNotBefore(declaration.params[names[i]], names[i], values, rows);
  }
  const sheet: SheetContext = {
    zone: () => settings.zone(),
    date: (day) => settings.zone().midnightOf(day),
    rows,
  };
  return declaration.compute(values as never, sheet);
}

function isRange(spec: ParamSpec): boolean {
  return (
    spec.kind === 'scores' ||
    spec.kind === 'ratings' ||
    spec.kind === 'numbers' ||
    spec.kind === 'grid' ||
    spec.kind === 'labels'
  );
}

function readSingle(args: FormulaArgs, spec: ParamSpec, name: string, input: CellInput, values: Values): unknown {
  switch (spec.kind) {
    case 'number':
    case 'integer':
    case 'amount': {
      const fallback = spec.default === undefined ? undefined : resolve(spec.default, values);
      const n = args.number(input, name, fallback, spec.optional === true);
      if (n !== undefined) checkBounds(spec, n, name, values, undefined);
      return n;
    }
    case 'date': {
      const day = spec.optional ? args.optionalDay(input, name) : args.day(input, name);
      const earliest = spec.onOrAfter === undefined ? undefined : (values[spec.onOrAfter] as number | undefined);
      if (day !== undefined && earliest !== undefined && day < earliest) {
        throw new KpiError(
          'BAD_ARGUMENT',
          { arg: name, value: isoOfDay(day) },
          detail('onOrAfterArg', { other: spec.onOrAfter!, limit: isoOfDay(earliest) }),
        );
      }
      const before = spec.after === undefined ? undefined : (values[spec.after] as number | undefined);
      if (day !== undefined && before !== undefined && day <= before) {
        throw new KpiError(
          'BAD_ARGUMENT',
          { arg: name, value: isoOfDay(day) },
          detail('afterArg', { other: spec.after!, limit: isoOfDay(before) }),
        );
      }
      return day;
    }
    case 'period':
      return args.period(input, name, spec.default);
    case 'choice':
      return args.option(input, name, spec.options, spec.default, spec.shown);
    case 'language':
      return args.language(input, name);
    case 'boolean':
      return args.boolean(input, name, spec.default);
    default:
      throw new Error(`${spec.kind} is not a single value`);
  }
}

function readRange(args: FormulaArgs, spec: ParamSpec, name: string, input: CellInput, values: Values): unknown {
  switch (spec.kind) {
    case 'scores':
      return args.scores(input, name, scaleOf(spec, values, 'score'));
    case 'ratings':
      return args.scores(input, name, scaleOf(spec, values, 'rating'));
    case 'numbers':
      if (spec.optional && omitted(input)) return undefined;
      return args.numbers(input, name, { nonNegative: spec.nonNegative, noun: spec.noun });
    case 'grid':
      return args.grid(input, name, spec.scale ? scaleOf(spec.scale, values, 'rating') : undefined);
    case 'labels':
      return spec.optional && omitted(input) ? undefined : args.labels(input, name);
    default:
      throw new Error(`${spec.kind} is not a range`);
  }
}

function columnSpec(spec: ParamSpec, name: string, input: CellInput, values: Values): ColumnSpec {
  switch (spec.kind) {
    case 'ids':
      return { arg: name, input, kind: 'id', noun: spec.noun };
    case 'names':
      return { arg: name, input, kind: 'text', noun: spec.noun };
    case 'dates':
      return { arg: name, input, kind: 'date', noun: spec.noun };
    case 'optionalDates':
      return { arg: name, input, kind: 'optionalDate', noun: spec.noun };
    case 'amounts':
      return { arg: name, input, kind: 'amount', noun: spec.noun };
    case 'answers':
      return { arg: name, input, kind: 'score', scale: scaleOf(spec, values, spec.noun), noun: spec.noun };
    default:
      throw new Error(`${spec.kind} is not a column`);
  }
}

/** A date column that must not be before another one, row by row (a subscription's end and its start). */
function checkNotBefore(spec: ParamSpec, name: string, values: Values, rows: number[]): void {
  if (!('notBefore' in spec) || spec.notBefore === undefined) return;
  const dates = values[name] as (number | null)[];
  const starts = values[spec.notBefore] as number[];
  for (let i = 0; i < dates.length; i++) {
    const day = dates[i];
    if (day !== null && day < starts[i]) {
      throw new KpiError(
        'INCONSISTENT_COUNTS',
        {},
        detail('dateBeforeStart', { arg: name, row: rows[i], date: isoOfDay(day), start: isoOfDay(starts[i]) }),
      );
    }
  }
}

/**
 * Checks a number against its declared bounds, naming the argument (and the row, for a cell of a
 * range in an element-wise function).
 */
function checkBounds(spec: NumberParam, n: number, name: string, values: Values, row: number | undefined): void {
  const fail = (why: ReturnType<typeof detail>) => {
    throw new KpiError('BAD_ARGUMENT', { arg: name, value: n, row }, spec.hint ? detail(spec.hint) : why);
  };
  if (spec.greaterThan !== undefined) {
    const limit = resolve(spec.greaterThan, values);
    if (!(n > limit)) {
      if (spec.divisor && limit === 0) throw new KpiError('MUST_BE_POSITIVE', { arg: name, value: n, row });
      fail(
        typeof spec.greaterThan === 'number'
          ? detail('greaterThan', { limit })
          : detail('greaterThanArg', { other: spec.greaterThan.arg, limit }),
      );
    }
  }
  if (spec.lessThan !== undefined) {
    const limit = resolve(spec.lessThan, values);
    if (!(n < limit)) fail(detail('lessThan', { limit }));
  }
  if (spec.kind === 'integer' && Math.floor(n) !== n) fail(detail('wholeNumber'));
  const min = spec.min === undefined ? undefined : resolve(spec.min, values);
  const max = spec.max === undefined ? undefined : resolve(spec.max, values);
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
    fail(detail('within', { min: min ?? '−∞', max: max ?? '∞' }));
  }
}

/** Reads one cell of an element-wise argument: the kind's reader, then the declared bounds. */
function cellReader(
  args: FormulaArgs,
  spec: ParamSpec,
  name: string,
  values: Values,
): (value: CellValue, row: number, scalar: boolean) => number | undefined {
  if (spec.kind === 'answer') return args.scoreReader(name, scaleOf(spec, values, spec.noun));
  if (spec.kind !== 'number' && spec.kind !== 'integer' && spec.kind !== 'amount') {
    throw new Error(`${spec.kind} is not read cell by cell`);
  }
  const read = spec.kind === 'amount' ? args.amountReader(name, spec.noun ?? 'amount') : args.numberReader(name);
  return (value, row, scalar) => {
    const n = read(value, row);
    if (n !== undefined) checkBounds(spec, n, name, values, scalar ? undefined : row);
    return n;
  };
}

function runElementwise(
  args: FormulaArgs,
  declaration: FormulaDeclaration,
  inputs: CellInput[],
): CellOutput | CellTable {
  const names = Object.keys(declaration.params);
  const values: Values = {};
  names.forEach((name, i) => {
    const spec = declaration.params[name];
    if (!CELL_KINDS.has(spec.kind)) values[name] = readSingle(args, spec, name, inputs[i], values);
  });
  const cellNames = names.filter((name) => CELL_KINDS.has(declaration.params[name].kind));
  const cellInputs = cellNames.map((name) => {
    const spec = declaration.params[name];
    const fallback =
      spec.kind !== 'answer' && 'default' in spec && spec.default !== undefined
        ? resolve(spec.default as Ref, values)
        : undefined;
    return { arg: name, input: inputs[names.indexOf(name)], read: cellReader(args, spec, name, values), fallback };
  });
  const compute = declaration.compute as (values: Values) => CellOutput;
  return args.elementwise(cellInputs, (cells) => {
    const row: Values = { ...values };
    cellNames.forEach((name, k) => {
      row[name] = cells[k];
    });
    return compute(row);
  });
}
