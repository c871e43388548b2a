/**
 * The argument-coercion layer every custom function uses.
 *
 * Each reader applies the conventions table of FUNCTIONS.md once, for every formula: blanks are
 * skipped, text in a score range is skipped while numeric text counts, text in an amount or date
 * range is an error naming the row, error values are named with their row, out-of-domain numbers
 * are named with their row, and paired ranges must hold the same number of cells.
 */
import { detail, KpiError, type NounKey } from '../errors/catalogue';
import { dayFromCivil, isoOfDay, type Period } from '../kpi/calendar/days';
import {
  errorValueOf,
  flatten,
  isBlank,
  isDate,
  exactDayOfCell,
  numberOfText,
  rowOfCell,
  type CellInput,
  type CellOutput,
  type CellValue,
  type FlatCells,
} from './cells';
import type { SpreadsheetSettings } from './context';

/** Allowed values of a score or rating. */
export interface ScoreScale {
  min: number;
  max: number;
  integer: boolean;
  noun: NounKey;
}

/** 0–10 "How likely are you to recommend us?" answers. */
export const NPS_SCALE: ScoreScale = { min: 0, max: 10, integer: true, noun: 'score' };

/** How a column of a paired table is read. */
export type ColumnKind =
  /** any non-blank value, as text (customer ids); blank skips the row */
  | 'id'
  /** any non-blank value, as text (names, comments); blank skips the row */
  | 'text'
  /** a date (Date, ISO text or date serial) as a day number; blank skips the row */
  | 'date'
  /** a date as a day number, or `null` when blank (e.g. a subscription still active) */
  | 'optionalDate'
  /** a number ≥ 0; text is an error; blank skips the row */
  | 'amount'
  /** any finite number; text is an error; blank skips the row */
  | 'number'
  /** a score on a scale; text skips the row (survey answers like "N/A") */
  | 'score';

/** One column of a paired read. */
export interface ColumnSpec {
  arg: string;
  input: CellInput;
  kind: ColumnKind;
  /** For `score` columns. */
  scale?: ScoreScale;
  /** Noun used in messages about this column. */
  noun?: NounKey;
}

type ValueOfKind<K extends ColumnKind> = K extends 'id' | 'text'
  ? string
  : K extends 'optionalDate'
    ? number | null
    : number;

/** Column arrays of a paired read, typed by the specs' kinds. */
export type ColumnsOf<S extends readonly ColumnSpec[]> = {
  [I in keyof S]: S[I] extends { kind: infer K extends ColumnKind } ? ValueOfKind<K>[] : never;
};

/** Result of a paired read: one entry per kept row, in sheet order. */
export interface Table<S extends readonly ColumnSpec[]> {
  columns: ColumnsOf<S>;
  /** 1-based row (within the ranges) of each kept entry. */
  rows: number[];
  /** Rows left out because a required field was blank or a score was text. */
  skipped: number;
}

const PERIOD_NAMES: Record<string, Period> = {
  day: 'day',
  días: 'day',
  día: 'day',
  dia: 'day',
  dias: 'day',
  daily: 'day',
  diario: 'day',
  week: 'week',
  semana: 'week',
  weekly: 'week',
  semanal: 'week',
  month: 'month',
  mes: 'month',
  monthly: 'month',
  mensual: 'month',
  quarter: 'quarter',
  trimestre: 'quarter',
  quarterly: 'quarter',
  trimestral: 'quarter',
  year: 'year',
  año: 'year',
  ano: 'year',
  anio: 'year',
  yearly: 'year',
  annual: 'year',
  anual: 'year',
};

/** Dates are accepted from year 1 to year 9999. */
const FIRST_DAY = dayFromCivil(1, 1, 1);
const LAST_DAY_END = dayFromCivil(10000, 1, 1);

/** Reads the arguments of one formula call, raising catalogue errors that name the formula. */
export class FormulaArgs {
  constructor(
    readonly fn: string,
    private readonly settings: SpreadsheetSettings,
  ) {}

  // ---- ranges of one kind -------------------------------------------------------------------

  /**
   * Scores or ratings of a range: blanks and text skipped, numeric text counted, error values and
   * out-of-scale numbers raised with their row. Raises "no valid …" when nothing is left, unless
   * `allowEmpty`.
   */
  scores(input: CellInput, arg: string, scale: ScoreScale, allowEmpty = false): Float64Array {
    this.required(input, arg);
    if (!isGrid(input)) return this.looseScores(input, arg, scale, allowEmpty);
    // One slot per cell, filled in order, so a large range allocates once and never grows.
    let size = 0;
    for (let r = 0; r < input.length; r++) size += input[r].length;
    const out = new Float64Array(size);
    let n = 0;
    // A range is read row by row without copying it: a number inside the scale is taken at once;
    // anything else (text, out-of-scale numbers, error values) goes through scoreCell.
    const { min, max, integer } = scale;
    const single: FlatCells = { values: [undefined], rows: 1, columns: 1, scalar: true };
    for (let r = 0; r < input.length; r++) {
      const row = input[r];
      for (let c = 0; c < row.length; c++) {
        const value = row[c];
        if (typeof value === 'number' && value >= min && value <= max && (!integer || value % 1 === 0)) {
          out[n++] = value;
          continue;
        }
        if (value === '') continue; // a blank cell
        single.values[0] = value;
        const score = this.scoreCell(single, 0, arg, scale, r + 1);
        if (score !== undefined) out[n++] = score;
      }
    }
    if (n === 0 && !allowEmpty) throw new KpiError('NO_VALID_VALUES', { fn: this.fn, arg, noun: scale.noun });
    return out.subarray(0, n);
  }

  /** {@link scores} of a single value or a 1-D array (JavaScript callers). */
  private looseScores(input: CellInput, arg: string, scale: ScoreScale, allowEmpty: boolean): Float64Array {
    const cells = flatten(input);
    const out: number[] = [];
    for (let i = 0; i < cells.values.length; i++) {
      const score = this.scoreCell(cells, i, arg, scale);
      if (score !== undefined) out.push(score);
    }
    if (out.length === 0 && !allowEmpty) throw new KpiError('NO_VALID_VALUES', { fn: this.fn, arg, noun: scale.noun });
    return Float64Array.from(out);
  }

  /** Numbers of a range (blanks skipped; text is an error). `nonNegative` rejects amounts below 0. */
  numbers(
    input: CellInput,
    arg: string,
    options: { nonNegative?: boolean; noun?: NounKey; allowEmpty?: boolean } = {},
  ): number[] {
    this.required(input, arg);
    const cells = flatten(input);
    const out: number[] = [];
    for (let i = 0; i < cells.values.length; i++) {
      const value = this.numberCell(cells, i, arg, options.nonNegative ? 'amount' : 'number', options.noun);
      if (value !== undefined) out.push(value);
    }
    if (out.length === 0 && !options.allowEmpty)
      throw new KpiError('NO_VALID_VALUES', { fn: this.fn, arg, noun: options.noun ?? 'value' });
    return out;
  }

  /**
   * A numeric grid (rows × columns) with `null` for blank or text cells, for functions whose rows
   * are respondents and columns questions or signals. Error values are raised with their row.
   */
  grid(
    input: CellInput,
    arg: string,
    scale?: ScoreScale,
  ): { rows: number; columns: number; values: (number | null)[] } {
    this.required(input, arg);
    const cells = flatten(input);
    const values: (number | null)[] = new Array(cells.values.length);
    for (let i = 0; i < cells.values.length; i++) {
      values[i] = scale
        ? (this.scoreCell(cells, i, arg, scale) ?? null)
        : (this.looseNumberCell(cells, i, arg) ?? null);
    }
    return { rows: cells.rows, columns: cells.columns, values };
  }

  /** Labels of a range (blank → `''`), e.g. driver names. */
  labels(input: CellInput, arg: string): string[] {
    const cells = flatten(input);
    return cells.values.map((value, i) => {
      this.rejectErrorValue(value, arg, rowOfCell(cells, i));
      return isBlank(value) ? '' : this.idText(value);
    });
  }

  // ---- paired ranges ------------------------------------------------------------------------

  /**
   * Reads paired ranges row by row. All ranges must hold the same number of cells. A row whose
   * required field is blank (or whose score is text) is skipped and counted; a malformed value is
   * an error naming the argument and row.
   */
  table<const S extends readonly ColumnSpec[]>(specs: S): Table<S> {
    const flats = specs.map((spec) => {
      this.required(spec.input, spec.arg);
      return flatten(spec.input);
    });
    const n = flats[0].values.length;
    for (let c = 1; c < flats.length; c++) {
      if (flats[c].values.length !== n) {
        throw new KpiError('SIZE_MISMATCH', {
          fn: this.fn,
          arg: specs[0].arg,
          arg2: specs[c].arg,
          n1: n,
          n2: flats[c].values.length,
        });
      }
    }
    const columns = specs.map(() => [] as unknown[]);
    const rows: number[] = [];
    const rowValues: unknown[] = new Array(specs.length);
    let skipped = 0;
    for (let i = 0; i < n; i++) {
      let keep = true;
      for (let c = 0; c < specs.length; c++) {
        const value = this.tableCell(specs[c], flats[c], i);
        if (value === undefined) keep = false;
        rowValues[c] = value;
      }
      if (!keep) {
        skipped++;
        continue;
      }
      for (let c = 0; c < specs.length; c++) columns[c].push(rowValues[c]);
      rows.push(rowOfCell(flats[0], i));
    }
    return { columns: columns as ColumnsOf<S>, rows, skipped };
  }

  /** Raises "no valid …" when a paired read kept nothing. */
  requireRows(count: number, arg: string, noun: NounKey = 'row'): void {
    if (count === 0) throw new KpiError('NO_VALID_VALUES', { fn: this.fn, arg, noun });
  }

  // ---- single values ------------------------------------------------------------------------

  /**
   * One number: omitted or blank gives `fallback` (or `undefined` when `optional`, else an error);
   * numeric text counts. Bounds are the caller's (see `run.ts`).
   */
  number(input: CellInput, arg: string, fallback?: number, optional = false): number | undefined {
    const value = this.single(input, arg);
    if (isBlank(value)) {
      if (fallback !== undefined || optional) return fallback;
      throw new KpiError('MISSING_ARGUMENT', { fn: this.fn, arg });
    }
    const error = errorValueOf(value);
    if (error) throw new KpiError('ERROR_VALUE', { fn: this.fn, arg, row: 1, value: error });
    if (isDate(value)) throw new KpiError('FORMATTED_AS_DATE', { fn: this.fn, arg, value: this.shown(value) });
    const n = typeof value === 'number' ? value : typeof value === 'string' ? numberOfText(value) : undefined;
    if (n === undefined || !isFinite(n))
      throw new KpiError('BAD_ARGUMENT', { fn: this.fn, arg, value }, detail('number'));
    return n;
  }

  /** TRUE or FALSE (also the text `TRUE`/`FALSE`, `VERDADERO`/`FALSO`, 1/0); omitted gives `fallback`. */
  boolean(input: CellInput, arg: string, fallback: boolean): boolean {
    const value = this.single(input, arg);
    if (isBlank(value)) return fallback;
    if (typeof value === 'boolean') return value;
    if (value === 1 || value === 0) return value === 1;
    const text = typeof value === 'string' ? stripAccents(value.trim().toLowerCase()) : '';
    if (text === 'true' || text === 'verdadero') return true;
    if (text === 'false' || text === 'falso') return false;
    throw new KpiError('BAD_OPTION', { fn: this.fn, arg, value, options: 'TRUE, FALSE' });
  }

  /** One optional date as a day number; omitted or blank gives `undefined`. */
  optionalDay(input: CellInput, arg: string): number | undefined {
    const value = this.single(input, arg);
    if (isBlank(value)) return undefined;
    const day = this.dayOfCell(value, arg, 1);
    if (day === undefined) throw new KpiError('NOT_A_DATE', { fn: this.fn, arg, row: 1, value });
    return Math.floor(day);
  }

  /** One required date as a day number. */
  day(input: CellInput, arg: string): number {
    const day = this.optionalDay(input, arg);
    if (day === undefined) throw new KpiError('MISSING_ARGUMENT', { fn: this.fn, arg });
    return day;
  }

  /** A period name in English or Spanish (`month`, `mes`, …); omitted gives `fallback`. */
  period(input: CellInput, arg: string, fallback: Period): Period {
    return this.option(
      input,
      arg,
      PERIOD_NAMES,
      fallback,
      'day, week, month, quarter, year (día, semana, mes, trimestre, año)',
    );
  }

  /** A language code: `en` or `es` (also `english`, `español`, locale codes like `es_MX`). */
  language(input: CellInput, arg: string): 'en' | 'es' {
    const value = this.single(input, arg);
    if (isBlank(value)) return 'en';
    const text = String(value).trim().toLowerCase();
    if (/^(es|spa|spanish|español|espanol|castellano)(?:[-_].*)?$/.test(text)) return 'es';
    if (/^(en|eng|english|inglés|ingles)(?:[-_].*)?$/.test(text)) return 'en';
    throw new KpiError('BAD_OPTION', { fn: this.fn, arg, value, options: 'en, es' });
  }

  /** One value from a fixed set of names (case, accents and spaces ignored). */
  option<T>(input: CellInput, arg: string, names: Record<string, T>, fallback: T, shown: string): T {
    const value = this.single(input, arg);
    if (isBlank(value)) return fallback;
    const key = String(value).trim().toLowerCase();
    const own = (k: string) => (Object.prototype.hasOwnProperty.call(names, k) ? names[k] : undefined);
    const found = own(key) ?? own(stripAccents(key));
    if (found === undefined) throw new KpiError('BAD_OPTION', { fn: this.fn, arg, value, options: shown });
    return found;
  }

  // ---- element-wise -------------------------------------------------------------------------

  /**
   * Applies `compute` cell by cell over same-shaped ranges, broadcasting single values, like
   * ARRAYFORMULA. A blank input cell gives a blank result; all-single inputs give a single value.
   * An argument left out with no `fallback` is an error ("missing").
   * `read` turns one cell into the number `compute` receives (`undefined` = blank result).
   */
  elementwise(
    inputs: {
      arg: string;
      input: CellInput;
      /** One cell → the number `compute` receives; `scalar` when the argument is a single value. */
      read?: (value: CellValue, row: number, scalar: boolean) => number | undefined;
      fallback?: number;
    }[],
    compute: (values: number[], row: number) => CellOutput,
  ): CellOutput | CellOutput[][] {
    for (const spec of inputs) {
      if ((spec.input === undefined || spec.input === null) && spec.fallback === undefined)
        throw new KpiError('MISSING_ARGUMENT', { fn: this.fn, arg: spec.arg });
    }
    const flats = inputs.map((spec) =>
      spec.input === undefined && spec.fallback !== undefined ? flatten(spec.fallback) : flatten(spec.input),
    );
    let shape: FlatCells | undefined;
    let shapeArg = '';
    flats.forEach((cells, k) => {
      if (cells.scalar || cells.values.length === 1) return;
      if (!shape) {
        shape = cells;
        shapeArg = inputs[k].arg;
      } else if (cells.rows !== shape.rows || cells.columns !== shape.columns) {
        throw new KpiError('SHAPE_MISMATCH', {
          fn: this.fn,
          arg: shapeArg,
          arg2: inputs[k].arg,
          shape1: `${shape.rows}×${shape.columns}`,
          shape2: `${cells.rows}×${cells.columns}`,
        });
      }
    });
    const allScalar = flats.every((cells) => cells.scalar);
    const target = shape ?? flats.find((cells) => !cells.scalar) ?? flats[0];
    if (target.values.length === 0) throw new KpiError('NO_VALID_VALUES', { fn: this.fn, arg: inputs[0].arg });
    const out: CellOutput[][] = [];
    const values: number[] = new Array(inputs.length);
    for (let r = 0; r < target.rows; r++) {
      const line: CellOutput[] = [];
      for (let c = 0; c < target.columns; c++) {
        const index = r * target.columns + c;
        let blank = false;
        for (let k = 0; k < inputs.length; k++) {
          const cells = flats[k];
          const i = cells.values.length === 1 ? 0 : index;
          const raw = cells.values[i];
          const row = cells.values.length === 1 ? 1 : r + 1;
          const fallback = inputs[k].fallback;
          if (fallback !== undefined && cells.scalar && isBlank(raw)) {
            values[k] = fallback;
            continue;
          }
          const value = inputs[k].read
            ? inputs[k].read!(raw, row, cells.scalar)
            : this.numberCell(cells, i, inputs[k].arg, 'number');
          if (value === undefined) blank = true;
          else values[k] = value;
        }
        line.push(blank ? '' : compute(values, r + 1));
      }
      out.push(line);
    }
    return allScalar ? out[0][0] : out;
  }

  /** Reads one number cell for {@link elementwise}: blank gives a blank result, text is an error. */
  numberReader(arg: string): (value: CellValue, row: number) => number | undefined {
    return (value, row) =>
      this.numberCell({ values: [value], rows: 1, columns: 1, scalar: true }, 0, arg, 'number', undefined, row);
  }

  /** Reads one score cell for {@link elementwise}: blank and text give a blank result. */
  scoreReader(arg: string, scale: ScoreScale): (value: CellValue, row: number) => number | undefined {
    return (value, row) => this.scoreCell({ values: [value], rows: 1, columns: 1, scalar: true }, 0, arg, scale, row);
  }

  // ---- one cell -----------------------------------------------------------------------------

  private scoreCell(
    cells: FlatCells,
    i: number,
    arg: string,
    scale: ScoreScale,
    rowOverride?: number,
  ): number | undefined {
    const value = cells.values[i];
    if (typeof value === 'number') return this.checkScore(value, rowOverride ?? rowOfCell(cells, i), scale, arg);
    if (typeof value !== 'string' || isBlank(value)) return undefined; // blanks, booleans, dates: not answers
    const row = rowOverride ?? rowOfCell(cells, i);
    this.rejectErrorValue(value, arg, row);
    const n = numberOfText(value);
    return n === undefined ? undefined : this.checkScore(n, row, scale, arg);
  }

  private checkScore(value: number, row: number, scale: ScoreScale, arg: string): number {
    if (!isFinite(value) || value < scale.min || value > scale.max) {
      throw new KpiError('OUT_OF_RANGE', {
        fn: this.fn,
        arg,
        value,
        row,
        min: scale.min,
        max: scale.max,
        noun: scale.noun,
      });
    }
    if (scale.integer && Math.floor(value) !== value) {
      throw new KpiError('NOT_WHOLE', {
        fn: this.fn,
        arg,
        value,
        row,
        min: scale.min,
        max: scale.max,
        noun: scale.noun,
      });
    }
    return value;
  }

  private numberCell(
    cells: FlatCells,
    i: number,
    arg: string,
    kind: 'amount' | 'number',
    noun?: NounKey,
    rowOverride?: number,
  ): number | undefined {
    const value = cells.values[i];
    if (isBlank(value)) return undefined;
    const row = rowOverride ?? rowOfCell(cells, i);
    let n: number | undefined;
    if (typeof value === 'number') n = value;
    else if (typeof value === 'string') {
      this.rejectErrorValue(value, arg, row);
      n = numberOfText(value);
    }
    if (isDate(value)) throw new KpiError('FORMATTED_AS_DATE', { fn: this.fn, arg, row, value: this.shown(value) });
    if (n === undefined || !isFinite(n))
      throw new KpiError('NOT_A_NUMBER', { fn: this.fn, arg, row, value: this.shown(value) });
    if (kind === 'amount' && n < 0)
      throw new KpiError('NEGATIVE', { fn: this.fn, arg, row, value: n, noun: noun ?? 'amount' });
    return n;
  }

  /** A number, with text treated as missing (for grids of signals where "N/A" happens). */
  private looseNumberCell(cells: FlatCells, i: number, arg: string): number | undefined {
    const value = cells.values[i];
    if (typeof value === 'number') return isFinite(value) ? value : undefined;
    if (typeof value !== 'string' || isBlank(value)) return undefined;
    this.rejectErrorValue(value, arg, rowOfCell(cells, i));
    return numberOfText(value);
  }

  private tableCell(spec: ColumnSpec, cells: FlatCells, i: number): unknown {
    const value = cells.values[i];
    switch (spec.kind) {
      case 'id':
      case 'text':
        if (isBlank(value)) return undefined;
        this.rejectErrorValue(value, spec.arg, rowOfCell(cells, i));
        return this.idText(value);
      case 'date':
      case 'optionalDate': {
        if (isBlank(value)) return spec.kind === 'optionalDate' ? null : undefined;
        const row = rowOfCell(cells, i);
        const day = this.dayOfCell(value, spec.arg, row);
        if (day === undefined) throw new KpiError('NOT_A_DATE', { fn: this.fn, arg: spec.arg, row, value });
        return Math.floor(day);
      }
      case 'amount':
      case 'number':
        return this.numberCell(cells, i, spec.arg, spec.kind, spec.noun);
      case 'score':
        return this.scoreCell(cells, i, spec.arg, spec.scale ?? NPS_SCALE);
    }
  }

  /** Day number (with time of day as a fraction) of a date cell, or `undefined` if not a date. */
  private dayOfCell(value: unknown, arg: string, row: number): number | undefined {
    const day = this.anyDayOfCell(value, arg, row);
    // Years 1–9999 only: a huge number in a date column is a typo, not a date to compute with.
    return day === undefined || day < FIRST_DAY || day >= LAST_DAY_END ? undefined : day;
  }

  private anyDayOfCell(value: unknown, arg: string, row: number): number | undefined {
    if (typeof value === 'string') this.rejectErrorValue(value, arg, row);
    return exactDayOfCell(value, this.settings.zone());
  }

  /**
   * A cell value as a message shows it: a date as the calendar date the sheet shows in its zone
   * (messages print dates as their UTC calendar date, so the day is passed as UTC midnight).
   */
  private shown(value: unknown): unknown {
    return isDate(value) && !isNaN(value.getTime())
      ? new Date(this.settings.zone().dayOf(value.getTime()) * 86_400_000)
      : value;
  }

  private idText(value: unknown): string {
    if (isDate(value)) return isoOfDay(this.settings.zone().dayOf(value.getTime()));
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    return String(value).trim();
  }

  private rejectErrorValue(value: unknown, arg: string, row: number): void {
    const error = errorValueOf(value);
    if (error) throw new KpiError('ERROR_VALUE', { fn: this.fn, arg, row, value: error });
  }

  private required(input: CellInput, arg: string): void {
    if (input === undefined || input === null) throw new KpiError('MISSING_ARGUMENT', { fn: this.fn, arg });
  }

  private single(input: CellInput, arg: string): CellValue {
    if (!Array.isArray(input)) return input;
    const cells = flatten(input);
    if (cells.values.length !== 1) throw new KpiError('NOT_A_SINGLE_VALUE', { fn: this.fn, arg });
    return cells.values[0];
  }

  /**
   * Reads one amount or count cell for {@link elementwise}: blank gives a blank result, numeric
   * text counts; other text, error values and negative numbers are errors naming the row.
   */
  amountReader(arg: string, noun: NounKey = 'amount'): (value: CellValue, row: number) => number | undefined {
    return (value, row) =>
      this.numberCell({ values: [value], rows: 1, columns: 1, scalar: true }, 0, arg, 'amount', noun, row);
  }
}

/** A range as Sheets passes it: rows of cells. */
function isGrid(input: CellInput): input is CellValue[][] {
  return Array.isArray(input) && input.length > 0 && Array.isArray(input[0]);
}

function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}
