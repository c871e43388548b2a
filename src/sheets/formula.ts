/**
 * Runs one custom-function call: gives the body its argument readers and turns every failure into
 * one short sentence in the spreadsheet's language (Sheets shows it on the `#ERROR!` cell).
 */
import { isKpiError, KpiError } from '../errors/catalogue';
import { FormulaArgs } from './args';
import { SpreadsheetSettings } from './context';

/**
 * Runs `body` for the formula `fn`. Catalogue errors are re-thrown as plain `Error`s with the
 * localised message; anything else is a bug and is reported as an internal error, never as a raw
 * JavaScript message.
 */
export function runFormula<T>(fn: string, body: (args: FormulaArgs, settings: SpreadsheetSettings) => T): T {
  const settings = new SpreadsheetSettings();
  try {
    return body(new FormulaArgs(fn, settings), settings);
  } catch (error) {
    const known = isKpiError(error)
      ? error
      : new KpiError('INTERNAL', { fn, detail: error instanceof Error ? error.message : String(error) });
    throw new Error(known.localized(settings.language()));
  }
}
