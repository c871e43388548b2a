/**
 * How a custom function is declared: once, with its parameters (kind, default, bounds), whether it
 * works cell by cell, and the maths it calls. Everything else comes from the declaration: the
 * coercion and validation at run time (`run.ts`), the Apps Script wrappers, docs/functions.md and
 * the Function help (build.mjs reads the declarations and their JSDoc), the fuzz and bench tables.
 *
 * A parameter's name is its key in `params`, in the order Sheets passes the arguments.
 */
import type { DetailKey, Language, NounKey } from '../errors/catalogue';
import type { Period } from '../kpi/calendar/days';
import type { CellOutput, CellTable } from './cells';
import type { ZoneCalendar } from './timezone';

/** A number, or another single-value argument's value plus an offset (CSAT: `satisfied_min` ≤ `scale_max`). */
export type Ref = number | { arg: string; plus?: number };

/** The value of another argument, plus `plus`. */
export function ref(arg: string, plus?: number): Ref {
  return plus === undefined ? { arg } : { arg, plus };
}

/** The allowed values of a score or rating. */
export interface ScaleSpec {
  min: Ref;
  max: Ref;
  integer: boolean;
}

/**
 * A range of answers (`scores`: NPS 0–10; `ratings`: any scale): blanks and text such as "N/A"
 * are skipped, numeric text counts, out-of-scale numbers are errors naming the row.
 */
export interface AnswersParam extends ScaleSpec {
  kind: 'scores' | 'ratings';
}

/** A range of numbers (weights, directions): blanks skipped, text is an error. */
export interface NumbersParam {
  kind: 'numbers';
  optional?: boolean;
  nonNegative?: boolean;
  noun?: NounKey;
}

/** Rows × columns of numbers (respondents × questions); blank and text cells are missing. */
export interface GridParam {
  kind: 'grid';
  /** Answers on a scale: out-of-scale numbers are errors naming the row. */
  scale?: ScaleSpec;
}

/** A range of labels (driver names); blank cells give `''`. */
export interface LabelsParam {
  kind: 'labels';
  optional?: boolean;
}

/**
 * One column of a table read row by row: every column parameter of a function is paired with the
 * others (same number of cells), and a row whose required field is blank is skipped.
 * `ids` and `names` are text, `dates` day numbers, `optionalDates` day numbers or `null` when
 * blank, `amounts` numbers ≥ 0, `answers` scores on a scale (text skips the row).
 */
export interface ColumnParam {
  kind: 'ids' | 'names' | 'dates' | 'optionalDates' | 'amounts';
  noun?: NounKey;
  /** A date column that must not be before another one, row by row (a subscription's end and start). */
  notBefore?: string;
}

/** A column of answers, paired with the other columns. */
export interface AnswersColumnParam extends ScaleSpec {
  kind: 'answers';
  noun: NounKey;
}

/**
 * A number. In an element-wise function it is read cell by cell (`amount`: 0 or more, text is an
 * error; `number`/`integer`: any finite number); elsewhere it is a single value (numeric text
 * counts). Bounds are inclusive (`min`, `max`) or strict (`greaterThan`, `lessThan`).
 */
export interface NumberParam {
  kind: 'number' | 'integer' | 'amount';
  default?: Ref;
  optional?: boolean;
  min?: Ref;
  max?: Ref;
  greaterThan?: Ref;
  lessThan?: Ref;
  /** A value that is divided by: `greaterThan: 0` then says "it is divided by". */
  divisor?: boolean;
  /** The reason a message gives when a bound is broken, instead of the generic one. */
  hint?: DetailKey;
  /** Noun of an `amount` in messages ("amount -3 is negative"). */
  noun?: NounKey;
}

/** An answer on a scale, read cell by cell in an element-wise function (blank and text: blank result). */
export interface AnswerCellParam extends ScaleSpec {
  kind: 'answer';
  noun: NounKey;
}

/** One date, as a day number in the spreadsheet's zone. */
export interface DateParam {
  kind: 'date';
  optional?: boolean;
  /** Another date argument this one must not be before. */
  onOrAfter?: string;
  /** Another date argument this one must be after (strictly). */
  after?: string;
}

/** A period name in English or Spanish. */
export interface PeriodParam {
  kind: 'period';
  default: Period;
}

/** One of a fixed set of words (case, accents and spaces ignored): accepted word → value. */
export interface ChoiceParam {
  kind: 'choice';
  options: Record<string, string>;
  default?: string;
  /** The words a message lists. */
  shown: string;
}

/** A language code: `en`, `es` (also `english`, `español`, `es_MX`…). */
export interface LanguageParam {
  kind: 'language';
}

/** TRUE or FALSE. */
export interface BooleanParam {
  kind: 'boolean';
  default: boolean;
}

/** Every kind of parameter. */
export type ParamSpec =
  | AnswersParam
  | NumbersParam
  | GridParam
  | LabelsParam
  | ColumnParam
  | AnswersColumnParam
  | NumberParam
  | AnswerCellParam
  | DateParam
  | PeriodParam
  | ChoiceParam
  | LanguageParam
  | BooleanParam;

/** A numeric grid as read: row-major values, `null` where a cell is blank or text. */
export interface NumericGrid {
  rows: number;
  columns: number;
  values: (number | null)[];
}

/** The value a parameter gives the maths. */
export type ValueOf<S extends ParamSpec> = S extends AnswersParam
  ? Float64Array
  : S extends NumbersParam
    ? S extends { optional: true }
      ? number[] | undefined
      : number[]
    : S extends GridParam
      ? NumericGrid
      : S extends LabelsParam
        ? S extends { optional: true }
          ? string[] | undefined
          : string[]
        : S extends ColumnParam
          ? S['kind'] extends 'ids' | 'names'
            ? string[]
            : S['kind'] extends 'optionalDates'
              ? (number | null)[]
              : number[]
          : S extends AnswersColumnParam
            ? number[]
            : S extends NumberParam | AnswerCellParam
              ? S extends { optional: true }
                ? number | undefined
                : number
              : S extends DateParam
                ? S extends { optional: true }
                  ? number | undefined
                  : number
                : S extends PeriodParam
                  ? Period
                  : S extends ChoiceParam
                    ? S['options'][keyof S['options']]
                    : S extends LanguageParam
                      ? Language
                      : S extends BooleanParam
                        ? boolean
                        : never;

/** Parameters by name, in argument order. */
export type Params = Record<string, ParamSpec>;

/** The values of all parameters. */
export type ValuesOf<P extends Params> = { [K in keyof P]: ValueOf<P[K]> };

/** What a computation may ask of the spreadsheet it runs in. */
export interface SheetContext {
  /** The spreadsheet's time zone (one service call the first time). */
  zone(): ZoneCalendar;
  /** A day number as the date cell Sheets shows (local midnight in the spreadsheet's zone). */
  date(day: number): Date;
  /** 1-based row (within the ranges) of each row a table read kept. */
  rows: number[];
}

/** What every declaration says. */
interface DeclarationBase<P extends Params> {
  params: P;
  /**
   * Names of the maths' inputs (as its refusals name them) → argument names, where they differ:
   * `churnRate(start, end, added)` reads `customers_start`, `customers_end`, `new_customers`.
   */
  roles?: Record<string, string>;
  /** What a row of the table is, for "no valid … in the range" (default `row`). */
  rowNoun?: NounKey;
}

/** A function that takes ranges and returns one value or a table. */
export interface TableDeclaration<P extends Params> extends DeclarationBase<P> {
  elementwise?: false;
  compute(values: ValuesOf<P>, sheet: SheetContext): CellOutput | CellTable;
}

/** A function that works cell by cell over same-shaped ranges (scalars broadcast), like ARRAYFORMULA. */
export interface ElementwiseDeclaration<P extends Params> extends DeclarationBase<P> {
  elementwise: true;
  compute(values: ValuesOf<P>): CellOutput;
}

/** One custom function's declaration. */
export type FormulaDeclaration<P extends Params = Params> = TableDeclaration<P> | ElementwiseDeclaration<P>;

/**
 * Declares a custom function. The name is its key in the family object; its JSDoc (above the key)
 * is what Sheets' formula helper, the docs and the help show.
 */
export function customFunction<const P extends Params>(declaration: FormulaDeclaration<P>): FormulaDeclaration<P> {
  return declaration;
}

/** Kinds read cell by cell in an element-wise function. */
export const CELL_KINDS: ReadonlySet<ParamSpec['kind']> = new Set(['number', 'integer', 'amount', 'answer']);

/** Kinds that are one column of the paired table. */
export const COLUMN_KINDS: ReadonlySet<ParamSpec['kind']> = new Set([
  'ids',
  'names',
  'dates',
  'optionalDates',
  'amounts',
  'answers',
]);
