/**
 * The Apps Script enums the add-on uses. In Apps Script an enum value is an object that prints as
 * its name (`String(Charts.ChartType.PIE) === 'PIE'`, `JSON.stringify` gives `"PIE"`) and is not
 * equal to the string `'PIE'`; the emulator's values behave the same. Recorded specs hold names.
 */

/** One enum value. */
export class EmuEnumValue {
  constructor(readonly name: string) {
    Object.freeze(this);
  }

  toString(): string {
    return this.name;
  }

  toJSON(): string {
    return this.name;
  }
}

function enumOf<const K extends string>(...names: K[]): { readonly [P in K]: EmuEnumValue } {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, new EmuEnumValue(n)]))) as {
    readonly [P in K]: EmuEnumValue;
  };
}

/** The name of an enum value (or of a string naming one, as some callers pass). */
export function enumName(value: unknown): string {
  return value instanceof EmuEnumValue ? value.name : String(value);
}

/** `Charts.ChartType`. */
export const ChartType = enumOf(
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
);
/** `Charts.Position` (legend position). */
export const Position = enumOf('TOP', 'RIGHT', 'BOTTOM', 'NONE');
/** `Charts.ChartMergeStrategy`. */
export const ChartMergeStrategy = enumOf('MERGE_COLUMNS', 'MERGE_ROWS');
/** `Charts.ChartHiddenDimensionStrategy`. */
export const ChartHiddenDimensionStrategy = enumOf('IGNORE_BOTH', 'IGNORE_ROWS', 'IGNORE_COLUMNS', 'SHOW_BOTH');
/** `Charts.CurveStyle`. */
export const CurveStyle = enumOf('NORMAL', 'SMOOTH');
/** `Charts.PointStyle`. */
export const PointStyle = enumOf('NONE', 'TINY', 'MEDIUM', 'LARGE', 'HUGE');
/** `SpreadsheetApp.InterpolationType` (gradient points of a colour scale). */
export const InterpolationType = enumOf('NUMBER', 'PERCENT', 'PERCENTILE', 'MIN', 'MAX');
/** `SpreadsheetApp.DeveloperMetadataVisibility`. */
export const DeveloperMetadataVisibility = enumOf('DOCUMENT', 'PROJECT');
/** `SpreadsheetApp.DeveloperMetadataLocationType`. */
export const DeveloperMetadataLocationType = enumOf('SPREADSHEET', 'SHEET', 'ROW', 'COLUMN');
/** `SpreadsheetApp.ProtectionType`. */
export const ProtectionType = enumOf('RANGE', 'SHEET');
/** `SpreadsheetApp.BooleanCriteria` (conditions of a conditional format rule). */
export const BooleanCriteria = enumOf(
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE',
  'DATE_EQUAL_TO_RELATIVE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
);
/** `SpreadsheetApp.BorderStyle`. */
export const BorderStyle = enumOf('DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE');
/** `SpreadsheetApp.WrapStrategy`. */
export const WrapStrategy = enumOf('WRAP', 'OVERFLOW', 'CLIP');
/** `SpreadsheetApp.ColorType`. */
export const ColorType = enumOf('UNSUPPORTED', 'RGB', 'THEME');
/** `ScriptApp.AuthMode`. */
export const AuthMode = enumOf('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL');
/** `Ui.Button`. */
export const Button = enumOf('CLOSE', 'OK', 'CANCEL', 'YES', 'NO');
/** `Ui.ButtonSet`. */
export const ButtonSet = enumOf('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');
/** `HtmlService.XFrameOptionsMode`. */
export const XFrameOptionsMode = enumOf('ALLOWALL', 'DEFAULT');
/** `HtmlService.SandboxMode`. */
export const SandboxMode = enumOf('EMULATED', 'IFRAME', 'NATIVE');

/** The value of an enum by name, cast to the `@types` enum type a signature expects. */
export function asEnum<T>(values: Readonly<Record<string, EmuEnumValue>>, name: string): T {
  return values[name] as unknown as T;
}
