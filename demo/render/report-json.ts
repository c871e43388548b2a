/**
 * `report.json`: the sheets the add-on wrote, as programs (tests, later versions) read and diff
 * them — `{"sheets": [{"name", "role", "values", "displayValues", "formulas", "charts"}]}`:
 *
 * - `values`: each cell's value as stored (numbers, text, booleans; dates as ISO 8601 instants in
 *   UTC; a formula cell holds the emulator's `#FORMULA` marker), over the sheet's used area (from A1
 *   to the last row and column holding a value or a formula);
 * - `displayValues`: the text the reader sees, in the spreadsheet's locale and zone — what the
 *   emulator's `Range.getDisplayValues()` gives for the same area;
 * - `formulas`: each cell's formula, `''` where there is none (`Range.getFormulas()`);
 * - `charts`: per embedded chart, its type, title, ranges in sheet-qualified A1 notation, anchor and
 *   every option set through the builders and `setOption` (`title`, `isStacked`, `series`, `vAxes`…).
 * Reading the workbook counts no service call.
 */
import { writeFileSync } from 'node:fs';
import {
  type ChartSpec,
  displayValue,
  type EmuSheet,
  type EmuValue,
  isDate,
  quoteSheetName,
  type Workbook,
} from '../../test/emulator';

/** A sheet to write and the role the add-on gave it (`report`, `lists`, `shareable`, …). */
export interface SheetRole {
  name: string;
  role: string;
}

/** One chart as report.json gives it. */
interface ChartJson {
  type: string | null;
  title: string;
  ranges: string[];
  anchor: ChartSpec['position'];
  options: Record<string, unknown>;
}

/** One sheet as report.json gives it. */
interface SheetJson {
  name: string;
  role: string;
  values: (string | number | boolean)[][];
  displayValues: string[][];
  formulas: string[][];
  charts: ChartJson[];
}

/** The whole report.json document. */
export interface ReportJson {
  sheets: SheetJson[];
}

function jsonValue(value: EmuValue): string | number | boolean {
  if (isDate(value)) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}

/** Rows and columns of the used area: up to the last cell holding a value or a formula. */
function usedArea(sheet: EmuSheet): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  sheet.grid.forEach((line, r) =>
    line?.forEach((cell, c) => {
      if (!cell || (cell.value === '' && !cell.formula)) return;
      rows = Math.max(rows, r + 1);
      columns = Math.max(columns, c + 1);
    }),
  );
  return { rows, columns };
}

function chartJson(spec: ChartSpec): ChartJson {
  const title = spec.options.title;
  return {
    type: spec.type,
    title: typeof title === 'string' ? title : '',
    ranges: spec.ranges.map((r) => `${quoteSheetName(r.sheet)}!${r.a1}`),
    anchor: { ...spec.position },
    options: JSON.parse(JSON.stringify(spec.options)),
  };
}

/**
 * The report.json document of some sheets of an emulated workbook.
 * @param workbook the emulated workbook the add-on wrote.
 * @param sheets the sheets to include, in order, each with its role.
 * @return the document (plain data: `JSON.stringify` it).
 * @throws Error when a named sheet does not exist.
 * @example reportJson(run.workbook, [{ name: 'Informe KPI', role: 'report' }])
 */
export function reportJson(workbook: Workbook, sheets: SheetRole[]): ReportJson {
  const { locale, timeZone } = workbook.spreadsheet;
  return {
    sheets: sheets.map(({ name, role }) => {
      const sheet = workbook.spreadsheet.sheets.find((s) => s.name === name);
      if (!sheet)
        throw new Error(
          `No sheet named "${name}" (sheets: ${workbook.spreadsheet.sheets.map((s) => s.name).join(', ')})`,
        );
      const { rows, columns } = usedArea(sheet);
      const grid = <T>(read: (row: number, column: number) => T): T[][] =>
        Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => read(r + 1, c + 1)));
      return {
        name,
        role,
        values: grid((r, c) => jsonValue(sheet.cell(r, c)?.value ?? '')),
        displayValues: grid((r, c) => {
          const cell = sheet.cell(r, c);
          return cell ? displayValue(cell.value, cell.numberFormat, locale, timeZone) : '';
        }),
        formulas: grid((r, c) => sheet.cell(r, c)?.formula ?? ''),
        charts: sheet.chartSpecs().map(chartJson),
      };
    }),
  };
}

/** A grid with one row per line, indented. */
function gridText(rows: unknown[][], indent: string): string {
  if (!rows.length) return '[]';
  return `[\n${rows.map((row) => `${indent}  ${JSON.stringify(row)}`).join(',\n')}\n${indent}]`;
}

/**
 * report.json as text: indented, each grid row on one line so that a diff shows changed rows.
 * @param document the document.
 * @return valid JSON ending with a newline.
 */
export function reportJsonText(document: ReportJson): string {
  const sheets = document.sheets.map((sheet) => {
    const fields = [
      `"name": ${JSON.stringify(sheet.name)}`,
      `"role": ${JSON.stringify(sheet.role)}`,
      `"values": ${gridText(sheet.values, '      ')}`,
      `"displayValues": ${gridText(sheet.displayValues, '      ')}`,
      `"formulas": ${gridText(sheet.formulas, '      ')}`,
      `"charts": ${JSON.stringify(sheet.charts, null, 2).replace(/\n/g, '\n      ')}`,
    ];
    return `    {\n${fields.map((f) => `      ${f}`).join(',\n')}\n    }`;
  });
  return `{\n  "sheets": [\n${sheets.join(',\n')}\n  ]\n}\n`;
}

/**
 * Writes report.json (see {@link reportJsonText}).
 * @param path the file to write, e.g. `demo/out/report.json`.
 * @param workbook the emulated workbook.
 * @param sheets the sheets to include with their roles.
 * @return the document written.
 * @example writeReportJson('demo/out/report.json', run.workbook, [{ name: 'Informe KPI', role: 'report' }])
 */
export function writeReportJson(path: string, workbook: Workbook, sheets: SheetRole[]): ReportJson {
  const document = reportJson(workbook, sheets);
  writeFileSync(path, reportJsonText(document));
  return document;
}
