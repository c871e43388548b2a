/**
 * The live check kit: runs every assumption of assumptions.ts in the spreadsheet it is bound to and
 * writes the sheet "Fideliza live check" — each assumption, the emulator's answer, the platform's,
 * and PASS or FAIL. Two menu steps, because Sheets computes custom functions on its own time:
 * "1. Run the checks" (the probes, and the probe formulas written to scratch sheets), then, once
 * those cells show their results, "2. Read the formula checks". Nothing here touches sheets other
 * than its own scratch sheets and the results sheet.
 */
import { ASSUMPTIONS, type Answer, type Assumption, type FormulaAssumption, type Scratch } from './assumptions';

/** The sheet the kit writes its results to. */
export const RESULTS_SHEET = 'Fideliza live check';
const SCRATCH_PREFIX = 'lc-';
const HEADER = ['Check', 'Area', 'Assumption', 'Expected (emulator)', 'Observed', 'Result', 'Source'];
const PENDING = 'PENDING: run "2. Read the formula checks" once the cells show their results';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function isFormula(assumption: Assumption): assumption is FormulaAssumption {
  return 'formula' in assumption;
}

/** An answer as the results sheet shows it: strings as they are, anything else as JSON. */
function text(answer: Answer): string {
  return typeof answer === 'string' ? answer : JSON.stringify(answer);
}

function row(assumption: Assumption, observed: Answer | undefined): string[] {
  const result =
    observed === undefined ? PENDING : text(observed) === text(assumption.expected) ? 'PASS' : 'FAIL';
  return [
    assumption.id,
    assumption.area,
    assumption.what,
    text(assumption.expected),
    observed === undefined ? '' : text(observed),
    result,
    assumption.source,
  ].map((cell) => `'${cell}`);
}

function scratchName(assumption: Assumption): string {
  return `${SCRATCH_PREFIX}${assumption.id}`.slice(0, 90);
}

function freshSheet(spreadsheet: Spreadsheet, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const old = spreadsheet.getSheetByName(name);
  if (old) spreadsheet.deleteSheet(old);
  return spreadsheet.insertSheet(name);
}

function writeResults(spreadsheet: Spreadsheet, rows: string[][]): void {
  const sheet = freshSheet(spreadsheet, RESULTS_SHEET);
  const all = [HEADER.map((cell) => `'${cell}`), ...rows];
  sheet.getRange(1, 1, all.length, HEADER.length).setValues(all);
  sheet.setFrozenRows(1);
}

/** Menu step 1: every probe, and the formula checks written to their scratch sheets. */
export function liveCheckRun(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const rows: string[][] = [];
  for (const assumption of ASSUMPTIONS) {
    const sheet = freshSheet(spreadsheet, scratchName(assumption));
    if (isFormula(assumption)) {
      for (const [a1, value] of Object.entries(assumption.cells)) sheet.getRange(a1).setValue(value);
      sheet.getRange('A1').setFormula(assumption.formula);
      rows.push(row(assumption, undefined));
      continue;
    }
    let observed: Answer;
    try {
      observed = assumption.probe({ spreadsheet, sheet } satisfies Scratch);
    } catch (error) {
      observed = `probe failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    spreadsheet.deleteSheet(sheet);
    rows.push(row(assumption, observed));
  }
  writeResults(spreadsheet, rows);
}

/** Menu step 2: what the formula checks' cells show, then the scratch sheets go. */
export function liveCheckReadFormulas(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const results = spreadsheet.getSheetByName(RESULTS_SHEET);
  if (!results) throw new Error('Run "1. Run the checks" first.');
  const rows = results.getRange(2, 1, results.getLastRow() - 1, HEADER.length).getValues() as string[][];
  const updated = rows.map((cells) => {
    const assumption = ASSUMPTIONS.find((a) => a.id === cells[0]);
    if (!assumption || !isFormula(assumption)) return cells.map((cell) => `'${cell}`);
    const sheet = spreadsheet.getSheetByName(scratchName(assumption));
    if (!sheet) return row(assumption, 'scratch sheet missing: run step 1 again');
    const observed = sheet.getRange('A1').getDisplayValue();
    spreadsheet.deleteSheet(sheet);
    return row(assumption, observed);
  });
  results.getRange(2, 1, updated.length, HEADER.length).setValues(updated);
}

/** What a custom function received, in words: `string #N/A`, `Date 2024-03-31 00:00`, `range …`. */
function describe(value: unknown, timeZone: string): string {
  if (Object.prototype.toString.call(value) === '[object Date]')
    return `Date ${Utilities.formatDate(value as Date, timeZone, 'yyyy-MM-dd HH:mm')}`;
  return `${typeof value} ${String(value)}`;
}

/**
 * Describes its argument as a custom function receives it.
 *
 * @param value Any cell, range or value.
 * @customfunction
 */
export function FIDELIZA_PROBE(value: unknown): string {
  const timeZone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  if (Array.isArray(value))
    return `range ${(value as unknown[][])
      .flat()
      .map((cell) => describe(cell, timeZone))
      .join(' | ')}`;
  return describe(value, timeZone);
}

/**
 * Tries to write a cell from a custom function (Google documents that it cannot).
 *
 * @customfunction
 */
export function FIDELIZA_PROBE_WRITE(): string {
  SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange('Z1').setValue('written');
  return 'wrote';
}

/**
 * Reads the spreadsheet's time zone and locale from a custom function, as the add-on's formulas do.
 *
 * @customfunction
 */
export function FIDELIZA_PROBE_SETTINGS(): string {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return spreadsheet.getSpreadsheetTimeZone() && spreadsheet.getSpreadsheetLocale() ? 'ok' : 'empty';
}

/** Adds the kit's menu beside the add-on's. */
export function addLiveCheckMenu(): void {
  SpreadsheetApp.getUi()
    .createMenu('Fideliza live check')
    .addItem('1. Run the checks', 'liveCheckRun')
    .addItem('2. Read the formula checks', 'liveCheckReadFormulas')
    .addToUi();
}
