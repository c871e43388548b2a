/**
 * Test support for the KPI report: the built add-on loaded over an emulated workbook, the
 * wizard's calls made as the sidebar makes them (JSON in, JSON out), and uncounted readers of the
 * report sheet the add-on wrote (values, displayed text, number formats, formulas).
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

/** The sheets the add-on marked as its own with `role` (developer metadata on the sheet), or with any role. */
export function markedSheets(workbook: Workbook, role?: string): EmuSheet[] {
  return workbook.spreadsheet.sheets.filter((s) =>
    (s.snapshot().developerMetadata as { key: string; value: string }[]).some(
      (m) => m.key === OWNED_KEY && (role === undefined || JSON.parse(m.value).role === role),
    ),
  );
}

/** One cell of the report as a reader sees it. */
export interface ReportCell {
  value: EmuValue;
  display: string;
  format: string | undefined;
  formula: string | undefined;
}

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
        return { value, display: display[r][c], format: cell?.numberFormat, formula: cell?.formula };
      }),
    );
  }

  /** The cell at 1-based coordinates (blank outside the used area). */
  at(row: number, column: number): ReportCell {
    return this.rows[row - 1]?.[column - 1] ?? { value: '', display: '', format: undefined, formula: undefined };
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
