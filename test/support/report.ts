/**
 * Test support for the KPI report: the built add-on loaded over an emulated workbook, the
 * wizard's calls made as the sidebar makes them (JSON in, JSON out), and uncounted readers of the
 * sheets the add-on wrote (values, displayed text, number formats, formulas, colours): the sheets
 * by role, the summary band's cards, the headline table, the action lists in the report and the
 * lists sheet's table.
 */
import { wire } from '../../demo/run-report';
import { generateSample, type SampleWorkbook } from '../../demo/sample/generator';
import {
  columnLetters,
  FORMULA_VALUE,
  isoDateIn,
  loadBundle,
  Workbook,
  type EmuSheet,
  type EmuValue,
  type WorkbookOptions,
} from '../emulator';
import type { SeedGrid } from '../emulator';

/** Spreadsheet zone of the report tests (unlike the hosts' UTC and Pacific/Auckland). */
export const ZONE = 'America/Los_Angeles';
/** "Today" of the runs: the default period is then December 2025, the sample's last month. */
export const TODAY = '2026-01-10';
/** December 2025 as the wizard sends it: month index = year × 12 + month − 1. */
export const DECEMBER_2025 = { periodKind: 'month', periodIndex: 2025 * 12 + 11 } as const;
/** Developer-metadata key the add-on marks the sheets it owns with (the value says the role). */
export const OWNED_KEY = 'fideliza.sheet';

let smallSample: SampleWorkbook | undefined;

/** The sample shop at a size that runs in well under a second (300 customers, 3 000 orders), built once. */
export function sample(): SampleWorkbook {
  smallSample ??= generateSample({ customers: 300, orders: 3000, timeZone: ZONE });
  return smallSample;
}

/** A deep copy of sheets (Dates copied), so a test may change its workbook freely. */
export function copySheets(sheets: Record<string, SeedGrid>): Record<string, SeedGrid> {
  return Object.fromEntries(
    Object.entries(sheets).map(([name, rows]) => [
      name,
      rows.map((row) => row.map((v) => (v instanceof Date ? new Date(v.getTime()) : v))),
    ]),
  );
}

/** A workbook with the built add-on loaded over it. */
export interface ReportRig {
  workbook: Workbook;
  fx: Record<string, (...args: any[]) => any>;
  /** What the add-on logged with console.error (kept out of the test output). */
  logged: unknown[][];
}

/** A workbook in {@link ZONE} with `sheets` and the bundle loaded over it. */
export function reportRig(sheets: Record<string, SeedGrid>, options: WorkbookOptions = {}): ReportRig {
  const workbook = new Workbook({ timeZone: ZONE, locale: 'en_US', ...options, sheets });
  const logged: unknown[][] = [];
  const quiet = {
    ...console,
    error: (...args: unknown[]) => logged.push(args),
    warn: (...args: unknown[]) => logged.push(args),
  };
  const fx = loadBundle({ ...workbook.globals(), console: quiet }) as ReportRig['fx'];
  return { workbook, fx, logged };
}

/** JSON round trip: what google.script.run carries (the demo runner's, shared). */
export { wire };

/** The request the sidebar sends for December 2025 with the scanned mapping, plus `overrides`. */
export function generateRequest(rig: ReportRig, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const scan = wire(rig.fx.wizardScan());
  return {
    mapping: scan.mapping,
    ...DECEMBER_2025,
    currency: scan.defaults.currency,
    sections: scan.defaults.sections,
    withoutPersonalData: false,
    today: TODAY,
    runId: 'test-run',
    ...overrides,
  };
}

/** Scans, then generates as the sidebar does; returns the result card. */
export function generate(rig: ReportRig, overrides: Record<string, unknown> = {}): any {
  return wire(rig.fx.wizardGenerate(wire(generateRequest(rig, overrides))));
}

/** The roles of the sheets the add-on owns (developer metadata `fideliza.sheet`, value `{"role": …}`). */
export type OwnedRole = 'report' | 'lists' | 'shared' | 'history';

/** The role a sheet is marked with, or undefined when the add-on does not own it. */
function roleOf(sheet: EmuSheet): OwnedRole | undefined {
  const marker = (sheet.snapshot().developerMetadata as { key: string; value: string }[]).find(
    (m) => m.key === OWNED_KEY,
  );
  return marker ? (JSON.parse(marker.value) as { role: OwnedRole }).role : undefined;
}

/** The sheets the add-on marked as its own with `role` (developer metadata on the sheet), or with any role. */
export function markedSheets(workbook: Workbook, role?: OwnedRole): EmuSheet[] {
  return workbook.spreadsheet.sheets.filter((s) => {
    const marked = roleOf(s);
    return marked !== undefined && (role === undefined || marked === role);
  });
}

/** The names of the sheets the add-on owns, by role, in tab order. */
export function sheetsByRole(workbook: Workbook): Partial<Record<OwnedRole, string[]>> {
  const out: Partial<Record<OwnedRole, string[]>> = {};
  for (const sheet of workbook.spreadsheet.sheets) {
    const role = roleOf(sheet);
    if (role) (out[role] ??= []).push(sheet.name);
  }
  return out;
}

/** One cell of the report as a reader sees it. */
export interface ReportCell {
  value: EmuValue;
  display: string;
  format: string | undefined;
  formula: string | undefined;
  /** Font colour and fill, `undefined` where Sheets' default applies. */
  color: string | undefined;
  background: string | undefined;
}

const BLANK: ReportCell = {
  value: '',
  display: '',
  format: undefined,
  formula: undefined,
  color: undefined,
  background: undefined,
};

/** Every used cell of a sheet (1-based rows and columns through `at`), read without counting calls. */
export class SheetView {
  readonly rows: ReportCell[][];

  constructor(readonly sheet: EmuSheet) {
    const height = sheet.lastRow();
    const width = sheet.lastColumn();
    const a1 = `A1:${columnLetters(width)}${height}`;
    const values = height && width ? sheet.rangeOf(a1).readValues() : [];
    const display = height && width ? sheet.rangeOf(a1).readDisplayValues() : [];
    this.rows = values.map((line, r) =>
      line.map((value, c) => {
        const cell = sheet.cell(r + 1, c + 1);
        return {
          value,
          display: display[r][c],
          format: cell?.numberFormat,
          formula: cell?.formula,
          color: cell?.fontColor,
          background: cell?.background,
        };
      }),
    );
  }

  /** The cell at 1-based coordinates (blank outside the used area). */
  at(row: number, column: number): ReportCell {
    return this.rows[row - 1]?.[column - 1] ?? BLANK;
  }

  /** Every cell, with its 1-based coordinates. */
  *cells(): Generator<ReportCell & { row: number; column: number }> {
    for (let r = 0; r < this.rows.length; r++)
      for (let c = 0; c < this.rows[r].length; c++) yield { ...this.rows[r][c], row: r + 1, column: c + 1 };
  }

  /** 1-based row whose column-A text satisfies `test` (the first at or after `from`), or 0. */
  rowOf(test: string | RegExp, from = 1): number {
    for (let r = from; r <= this.rows.length; r++) {
      const text = this.at(r, 1).value;
      if (typeof text === 'string' && (typeof test === 'string' ? text === test : test.test(text))) return r;
    }
    return 0;
  }

  /** Like {@link rowOf} but fails when the row is missing. */
  row(test: string | RegExp, from = 1): number {
    const r = this.rowOf(test, from);
    if (!r) throw new Error(`no row starting with ${String(test)} in ${this.sheet.name}`);
    return r;
  }

  /** The values of a row, trailing blanks removed. */
  line(row: number): EmuValue[] {
    const out = (this.rows[row - 1] ?? []).map((c) => c.value);
    while (out.length && out[out.length - 1] === '') out.pop();
    return out;
  }

  /** Every text anywhere in the sheet. */
  texts(): string[] {
    const out: string[] = [];
    for (const cell of this.cells()) if (typeof cell.value === 'string' && cell.value !== '') out.push(cell.value);
    return out;
  }

  /** Cells that hold a formula (or the emulator's formula marker). */
  formulas(): (ReportCell & { row: number; column: number })[] {
    return [...this.cells()].filter((c) => c.formula !== undefined || c.value === FORMULA_VALUE);
  }
}

/** The report sheet of a run, by the name in its result card. */
export function reportView(rig: ReportRig, sheetName: string): SheetView {
  return new SheetView(rig.workbook.sheet(sheetName));
}

/** The one sheet the add-on marked with `role`, as a view (fails when there is not exactly one). */
export function roleView(rig: ReportRig, role: OwnedRole): SheetView {
  const sheets = markedSheets(rig.workbook, role);
  if (sheets.length !== 1) throw new Error(`${sheets.length} sheets marked as ${role}`);
  return new SheetView(sheets[0]);
}

// ---- the summary band ----

/** A `SPARKLINE` of the report's own cells: the range it reads (one row, 1-based columns). */
const SPARKLINE = /^=SPARKLINE\(([A-Z]+)(\d+):([A-Z]+)(\d+),\{.*\}\)$/;

/** Column number of letters: A → 1, AA → 27. */
function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** One KPI card of the summary band, and the trend row its sparkline reads. */
export interface SummaryCard {
  name: string;
  /** Top-left cell of the card (its name). */
  row: number;
  column: number;
  value: ReportCell;
  sparkline: ReportCell;
  /** Change against the previous period, and its significance mark (blank when no test applies). */
  change: ReportCell;
  significance: ReportCell;
  /** Change against the same period a year earlier (or the "no data" note), and its "vs …" label. */
  yearChange: ReportCell;
  yearLabel: ReportCell;
  /** The row of the trend block the sparkline reads, its first cell (the KPI's name) and its values. */
  trendRow: number;
  trendName: EmuValue;
  trend: EmuValue[];
}

/**
 * The cards of the summary band, by KPI name, in the band's order (left to right, top to bottom).
 * A card is found by its sparkline: name above the value, the sparkline beside the value, the
 * change and its significance below, then the change against a year earlier and its label.
 */
export function summaryCards(view: SheetView): Map<string, SummaryCard> {
  const cards = new Map<string, SummaryCard>();
  for (const cell of view.formulas()) {
    const m = SPARKLINE.exec(cell.formula ?? '');
    if (!m) continue;
    const { row, column } = cell;
    const [first, last, trendRow] = [columnNumber(m[1]), columnNumber(m[3]), Number(m[2])];
    if (Number(m[4]) !== trendRow) throw new Error(`sparkline over more than one row: ${cell.formula}`);
    const name = String(view.at(row - 1, column - 1).value);
    cards.set(name, {
      name,
      row: row - 1,
      column: column - 1,
      value: view.at(row, column - 1),
      sparkline: cell,
      change: view.at(row + 1, column - 1),
      significance: view.at(row + 1, column),
      yearChange: view.at(row + 2, column - 1),
      yearLabel: view.at(row + 2, column),
      trendRow,
      trendName: view.at(trendRow, 1).value,
      trend: Array.from({ length: last - first + 1 }, (_, k) => view.at(trendRow, first + k).value),
    });
  }
  return cards;
}

// ---- the headline table ----

/** The headline section's title in either language. */
export const HEADLINE_TITLE = /^(Headline KPIs|KPI principales)$/;

/** One row of the headline table: KPI name in A, values in C and D, change E, significance F, year G, definition H. */
export interface HeadlineRow {
  row: number;
  name: string;
  current: ReportCell;
  previous: ReportCell;
  change: ReportCell;
  significance: ReportCell;
  yearChange: ReportCell;
  definition: ReportCell;
}

function headlineAt(view: SheetView, row: number): HeadlineRow {
  return {
    row,
    name: String(view.at(row, 1).value),
    current: view.at(row, 3),
    previous: view.at(row, 4),
    change: view.at(row, 5),
    significance: view.at(row, 6),
    yearChange: view.at(row, 7),
    definition: view.at(row, 8),
  };
}

/** Every row of the headline table, in order (its header row is the one after the section title). */
export function headlineRows(view: SheetView): HeadlineRow[] {
  const header = view.row(HEADLINE_TITLE) + 2;
  const out: HeadlineRow[] = [];
  for (let r = header + 1; view.at(r, 1).value !== ''; r++) out.push(headlineAt(view, r));
  return out;
}

/** The headline table's row of a KPI, by its name as the report writes it. */
export function headlineRow(view: SheetView, name: string): HeadlineRow {
  const row = headlineRows(view).find((r) => r.name === name);
  if (!row) throw new Error(`no headline row ${name} in ${view.sheet.name}`);
  return row;
}

// ---- the action lists ----

/** A list's heading: "Customers to win back: 41 · $2,236 at stake" / "…: 41 · 2.236 € en juego". */
const LIST_HEADING = /^(.+): (\d+) · (.+) (at stake|en juego)$/;

/** One action list as the report shows it: heading, first rows (A name or id, C value, D date, E fact, F comment). */
export interface ReportList {
  title: string;
  count: number;
  /** The value at stake as written in the heading ("$2,236", "2.236 €"). */
  stake: string;
  heading: number;
  /** The rows shown under the heading's column headers (none in the version to share). */
  rows: ReportCell[][];
  /** The text under the rows (or under the heading when no rows are shown): "10 of 41 — …", a note, or "". */
  after: string;
}

/** The action lists of a report, in order, from the "Action lists" section to the next section. */
export function reportLists(view: SheetView): ReportList[] {
  const out: ReportList[] = [];
  for (let r = 1; r <= view.rows.length; r++) {
    const text = view.at(r, 1).value;
    const m = typeof text === 'string' ? LIST_HEADING.exec(text) : null;
    if (!m) continue;
    const list: ReportList = { title: m[1], count: Number(m[2]), stake: m[3], heading: r, rows: [], after: '' };
    let next = r + 1;
    // Column headers in bold on the header fill, then the rows, then a note (or nothing).
    if (view.at(next, 1).background !== undefined && view.at(next, 3).value !== '' && list.count > 0) {
      for (next++; view.at(next, 1).value !== '' && view.at(next, 3).value !== ''; next++)
        list.rows.push((view.rows[next - 1] ?? []).slice(0, 8));
    }
    list.after = String(view.at(next, 1).value);
    out.push(list);
  }
  return out;
}

/** One row of the lists sheet's table (header at row 3): every row of every list. */
export interface ListsRow {
  row: number;
  list: string;
  customerId: EmuValue;
  name: EmuValue;
  email: EmuValue;
  value: EmuValue;
  date: ReportCell;
  /** Why, score, occasion or P(alive). */
  fact: ReportCell;
  comment: EmuValue;
}

/** The lists sheet's table: header row 3, one row per customer of each list. */
export function listsTable(view: SheetView): ListsRow[] {
  const out: ListsRow[] = [];
  for (let r = 4; r <= view.rows.length && view.at(r, 1).value !== ''; r++)
    out.push({
      row: r,
      list: String(view.at(r, 1).value),
      customerId: view.at(r, 2).value,
      name: view.at(r, 3).value,
      email: view.at(r, 4).value,
      value: view.at(r, 5).value,
      date: view.at(r, 6),
      fact: view.at(r, 7),
      comment: view.at(r, 8).value,
    });
  return out;
}

// ---- independent recomputation from the sample's rows (what the report must agree with) ----

/** A readable order row of the sample: id, month (`yyyy-mm` in the zone), amount. */
export interface PlainOrder {
  customerId: string;
  month: string;
  day: string;
  amount: number;
}

/** The orders a reader would count: a customer id, a real date cell and a non-negative number. */
export function readableOrders(rows: SeedGrid): PlainOrder[] {
  const out: PlainOrder[] = [];
  for (const row of rows.slice(1)) {
    const [id, date, amount] = row;
    if (
      typeof id !== 'string' ||
      id.trim() === '' ||
      !(date instanceof Date) ||
      typeof amount !== 'number' ||
      amount < 0
    )
      continue;
    const day = isoDateIn(date, ZONE);
    out.push({ customerId: id, day, month: day.slice(0, 7), amount });
  }
  return out;
}

/** NPS answers of a month: (customer, score, comment), from the sample's survey rows. */
export function answersIn(rows: SeedGrid, month: string): { customerId: string; score: number; comment: string }[] {
  const out: { customerId: string; score: number; comment: string }[] = [];
  for (const row of rows.slice(1)) {
    const [id, date, score, , comment] = row;
    if (!(date instanceof Date) || typeof score !== 'number' || isoDateIn(date, ZONE).slice(0, 7) !== month) continue;
    out.push({ customerId: String(id), score, comment: String(comment ?? '') });
  }
  return out;
}
