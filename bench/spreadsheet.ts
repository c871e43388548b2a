/**
 * The spreadsheet-formula way, evaluated by a real formula engine in Node (HyperFormula, GPLv3,
 * used here only as a dev dependency: it never enters src/ or the bundle), side by side with the
 * Fideliza formula on the same data. Each comparison has an untimed set-up (the data typed into the
 * engine, as it already sits in the user's sheet), a timed part (entering the formulas and getting
 * their values: what a user waits for), the Fideliza call, and a check that both give the same
 * numbers — which throws on the first difference.
 */
import { HyperFormula } from 'hyperformula';
import { dateCell, orderData, serialOf, subscriptionData, surveyData, type OrderData } from './data';

/** Loose enough for sums of money done in a different order, tight enough to catch any real difference. */
const TOLERANCE = 1e-9;

/** Options of every engine instance: Sheets' size limits rather than HyperFormula's defaults. */
const ENGINE_CONFIG = { licenseKey: 'gpl-v3', maxRows: 2_000_000, maxColumns: 200 };

/** The add-on's globals loaded in a vm. */
export type Fx = Record<string, (...args: unknown[]) => any>;

/** One side-by-side comparison at one size. */
export interface SideBySide<E = unknown> {
  /** Rows of data. */
  n: number;
  /** The Fideliza call. */
  fideliza(): unknown;
  /** Loads the data into a fresh engine (untimed); returns its state. */
  engineSetup(): E;
  /** Enters the formulas and reads their values (timed). */
  engineRun(state: E): unknown;
  /** Frees an engine. */
  engineRelease(state: E): void;
  /** Throws when the two results differ; returns what was compared. */
  check(fideliza: unknown, engine: unknown): string;
}

/** A kind of comparison: how it is built at a size, and the formulas it stands for. */
export interface Comparison {
  name: string;
  /** The Fideliza formula. */
  fideliza: string;
  /** The spreadsheet formulas, as a user writes them. */
  spreadsheet: string;
  make(fx: Fx, n: number): SideBySide<any>;
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

function fail(what: string, fideliza: unknown, engine: unknown): never {
  throw new Error(
    `BENCH CHECK FAILED — ${what}: Fideliza gives ${JSON.stringify(fideliza)}, the spreadsheet formulas give ${JSON.stringify(engine)}`,
  );
}

function numberOf(value: unknown, what: string): number {
  if (typeof value !== 'number')
    throw new Error(`BENCH CHECK FAILED — ${what}: the engine returned ${JSON.stringify(value)}`);
  return value;
}

/** A cell address. */
function at(sheet: number, row: number, col: number) {
  return { sheet, row, col };
}

/** Enters one formula in an empty cell and returns its value. */
function evaluate(hf: HyperFormula, sheetName: string, col: number, formula: string): unknown {
  const sheet = hf.getSheetId(sheetName)!;
  hf.setCellContents(at(sheet, 0, col), [[formula]]);
  return hf.getCellValue(at(sheet, 0, col));
}

// ---- NPS and CSAT ---------------------------------------------------------------------------

const NPS_FORMULA = (n: number) => `=(COUNTIF(A1:A${n},">=9")-COUNTIF(A1:A${n},"<=6"))/COUNT(A1:A${n})*100`;
const CSAT_FORMULA = (n: number) => `=COUNTIF(B1:B${n},">=4")/COUNT(B1:B${n})`;

function surveyEngine(cells: { scoreCells: unknown[]; ratingCells: unknown[] }): HyperFormula {
  const rows = cells.scoreCells.map((score, i) => [score, cells.ratingCells[i]]);
  return HyperFormula.buildFromSheets({ Surveys: rows as any[][] }, ENGINE_CONFIG);
}

function scalarComparison(name: 'NPS' | 'CSAT', formula: (n: number) => string, spreadsheet: string): Comparison {
  return {
    name,
    fideliza: name === 'NPS' ? '=NPS(A1:A)' : '=CSAT(B1:B)',
    spreadsheet,
    make(fx, n) {
      const data = surveyData(n);
      return {
        n,
        fideliza: () => (name === 'NPS' ? fx.NPS(data.scores) : fx.CSAT(data.ratings)),
        engineSetup: () => surveyEngine(data),
        engineRun: (hf: HyperFormula) => evaluate(hf, 'Surveys', 3, formula(n)),
        engineRelease: (hf: HyperFormula) => hf.destroy(),
        check(fideliza, engine) {
          const value = numberOf(engine, name);
          if (typeof fideliza !== 'number' || !close(fideliza, value))
            fail(`${name} of ${n} answers`, fideliza, engine);
          return `${name} = ${value.toFixed(6)}`;
        },
      };
    },
  };
}

export const NPS_COMPARISON = scalarComparison(
  'NPS',
  NPS_FORMULA,
  '`=(COUNTIF(r,">=9")-COUNTIF(r,"<=6"))/COUNT(r)*100`',
);
export const CSAT_COMPARISON = scalarComparison('CSAT', CSAT_FORMULA, '`=COUNTIF(r,">=4")/COUNT(r)`');

// ---- monthly cohort retention with COUNTIFS -------------------------------------------------

/** Sheets serial of the first day of the month `index` months after January 1970. */
function monthSerial(monthIndex: number): number {
  return serialOf(Date.UTC(1970, monthIndex, 1) / 86_400_000);
}

function monthIndexOfDay(day: number): number {
  const d = new Date(day * 86_400_000);
  return d.getUTCFullYear() * 12 + d.getUTCMonth() - 1970 * 12;
}

/** The engine state of a cohort comparison: the instance and the months of the grid. */
interface CohortEngine {
  hf: HyperFormula;
  firstMonth: number;
  months: number;
}

/**
 * Helper columns, one formula per order row, as spreadsheet users write them (row r):
 * D order month, E first order of the customer, F cohort month, G months since the cohort,
 * H 1 on the first row of each (customer, month) pair.
 */
function helperRow(r: number, last: number, sorted: boolean): string[] {
  return [
    `=EOMONTH(B${r},-1)+1`,
    sorted ? `=IF(A${r}=A${r - 1},E${r - 1},B${r})` : `=MINIFS($B$2:$B$${last},$A$2:$A$${last},A${r})`,
    `=EOMONTH(E${r},-1)+1`,
    `=(YEAR(D${r})-YEAR(F${r}))*12+MONTH(D${r})-MONTH(F${r})`,
    sorted ? `=IF(AND(A${r}=A${r - 1},D${r}=D${r - 1}),0,1)` : `=IF(COUNTIFS($A$2:A${r},A${r},$D$2:D${r},D${r})=1,1,0)`,
  ];
}

/**
 * The retention triangle: a row per month from the first to the last month of the data; column A
 * the cohort month, B its customers, then column k the share of the cohort buying in month + k.
 */
function gridRows(firstMonth: number, months: number, last: number): unknown[][] {
  const F = `Orders!$F$2:$F$${last}`;
  const G = `Orders!$G$2:$G$${last}`;
  const H = `Orders!$H$2:$H$${last}`;
  const rows: unknown[][] = [];
  for (let c = 0; c < months; c++) {
    const r = c + 1;
    const row: unknown[] = [monthSerial(firstMonth + c), `=COUNTIFS(${F},A${r},${G},0,${H},1)`];
    for (let k = 0; k < months - c; k++) row.push(`=IF($B${r}=0,"",COUNTIFS(${F},$A${r},${G},${k},${H},1)/$B${r})`);
    rows.push(row);
  }
  return rows;
}

/** Orders re-ordered by customer, then date (a user's Data ▸ Sort range before the O(n) helpers). */
function sortedOrders(data: OrderData): OrderData {
  const order = Array.from({ length: data.n }, (_, i) => i);
  order.sort((a, b) =>
    data.idValues[a] < data.idValues[b]
      ? -1
      : data.idValues[a] > data.idValues[b]
        ? 1
        : data.dayValues[a] - data.dayValues[b],
  );
  return {
    n: data.n,
    ids: order.map((i) => data.ids[i]),
    dates: order.map((i) => data.dates[i]),
    amounts: order.map((i) => data.amounts[i]),
    idValues: order.map((i) => data.idValues[i]),
    dayValues: Int32Array.from(order, (i) => data.dayValues[i]),
    amountValues: Float64Array.from(order, (i) => data.amountValues[i]),
  };
}

/** The orders of a cohort comparison (as generated, or sorted by customer then date) and their span of months. */
function cohortOrders(n: number, sorted: boolean) {
  const raw = orderData(n);
  const data = sorted ? sortedOrders(raw) : raw;
  let firstMonth = Infinity;
  let lastMonth = -Infinity;
  for (const day of data.dayValues) {
    const m = monthIndexOfDay(day);
    if (m < firstMonth) firstMonth = m;
    if (m > lastMonth) lastMonth = m;
  }
  return { data, firstMonth, months: lastMonth - firstMonth + 1 };
}

/**
 * The engine side of a cohort comparison, as users build it: the orders, the helper columns of
 * `helperRow`, then the grid `rowsOfGrid` writes (retention shares or revenue retention).
 */
function cohortEngineSide(
  data: ReturnType<typeof orderData>,
  firstMonth: number,
  months: number,
  sorted: boolean,
  rowsOfGrid: (firstMonth: number, months: number, last: number) => unknown[][],
) {
  const n = data.dayValues.length;
  const last = n + 1;
  return {
    engineSetup(): CohortEngine {
      const rows: unknown[][] = [
        ['Customer', 'Date', 'Amount', 'Month', 'First order', 'Cohort', 'Months since', 'New pair'],
      ];
      for (let i = 0; i < n; i++) rows.push([data.idValues[i], serialOf(data.dayValues[i]), data.amountValues[i]]);
      const hf = HyperFormula.buildFromSheets({ Orders: rows as any[][], Grid: [] }, ENGINE_CONFIG);
      return { hf, firstMonth, months };
    },
    engineRun({ hf }: CohortEngine) {
      const helpers: string[][] = new Array(n);
      for (let r = 2; r <= last; r++) helpers[r - 2] = helperRow(r, last, sorted);
      hf.setCellContents(at(hf.getSheetId('Orders')!, 1, 3), helpers);
      const grid = hf.getSheetId('Grid')!;
      hf.setCellContents(at(grid, 0, 0), rowsOfGrid(firstMonth, months, last) as any[][]);
      return hf.getSheetValues(grid);
    },
    engineRelease: ({ hf }: CohortEngine) => hf.destroy(),
  };
}

function cohortComparison(sorted: boolean): Comparison {
  return {
    name: sorted ? 'COHORT_RETENTION (sorted data)' : 'COHORT_RETENTION',
    fideliza: '=COHORT_RETENTION(A2:A, B2:B)',
    spreadsheet: sorted
      ? 'data sorted by customer then date; per row: `EOMONTH` order month, first order `=IF(A3=A2,E2,B3)`, cohort month, months since, new-pair flag `=IF(AND(A3=A2,D3=D2),0,1)`; grid of `=COUNTIFS(cohort,c,months since,k,flag,1)/size`'
      : 'per row: `EOMONTH` order month, first order `=MINIFS(B:B,A:A,A2)`, cohort month, months since, new-pair flag `=IF(COUNTIFS($A$2:A2,A2,$D$2:D2,D2)=1,1,0)`; grid of `=COUNTIFS(cohort,c,months since,k,flag,1)/size`',
    make(fx, n) {
      const { data, firstMonth, months } = cohortOrders(n, sorted);
      return {
        n,
        fideliza: () => fx.COHORT_RETENTION(data.ids, data.dates),
        ...cohortEngineSide(data, firstMonth, months, sorted, gridRows),
        check(fideliza, engine) {
          const { cohorts, cells } = compareCohorts(
            'cohort',
            fideliza,
            engine,
            firstMonth,
            months,
            n,
            (c, row, line) => {
              for (let k = 0; k < months - c; k++) {
                const value = numberOf(line[2 + k], `cohort ${c + 1} month ${k}`);
                if (typeof row[2 + k] !== 'number' || !close(row[2 + k] as number, value))
                  fail(`cohort ${c + 1}, month ${k} (${n} orders)`, row[2 + k], value);
              }
              for (let k = months - c; k < row.length - 2; k++)
                if (row[2 + k] !== '') fail(`cohort ${c + 1}, month ${k} after the data (${n} orders)`, row[2 + k], '');
              return months - c;
            },
          );
          return `${cohorts} cohorts, ${cells} retention cells`;
        },
      };
    },
  };
}

/**
 * Walks the engine's cohort grid (a row per month from `firstMonth`: the cohort month, its customers,
 * then its cells) beside Fideliza's table (a row per cohort, keyed by its month): a month without
 * customers must have no row, every other the same customers, and the same number of cohorts in all;
 * `compareCells` checks the rest of a cohort's row and returns how many cells it compared.
 */
function compareCohorts(
  what: 'cohort' | 'revenue cohort',
  fideliza: unknown,
  engine: unknown,
  firstMonth: number,
  months: number,
  n: number,
  compareCells: (cohort: number, row: unknown[], line: unknown[]) => number,
): { cohorts: number; cells: number } {
  const table = fideliza as unknown[][];
  const grid = engine as unknown[][];
  const byMonth = new Map<number, unknown[]>();
  for (const row of table.slice(1)) byMonth.set((row[0] as Date).getTime(), row);
  let cohorts = 0;
  let cells = 0;
  for (let c = 0; c < months; c++) {
    const size = numberOf(grid[c][1], `cohort size, row ${c + 1}`);
    const monthStart = new Date(Date.UTC(1970, firstMonth + c, 1)).getTime() / 86_400_000;
    const row = byMonth.get(dateCell(monthStart).getTime());
    if (size === 0) {
      if (row) fail(`${what} ${c + 1} (${months} months, ${n} orders)`, row, 'no customers');
      continue;
    }
    cohorts++;
    if (!row || row[1] !== size) fail(`customers of ${what} ${c + 1} (${n} orders)`, row?.[1], size);
    cells += compareCells(c, row!, grid[c]);
  }
  if (cohorts !== table.length - 1) fail(`number of ${what}s (${n} orders)`, table.length - 1, cohorts);
  return { cohorts, cells };
}

export const COHORT_COMPARISON = cohortComparison(false);
export const SORTED_COHORT_COMPARISON = cohortComparison(true);

// ---- monthly revenue cohorts with SUMIFS ----------------------------------------------------

/**
 * The revenue-retention grid as users build it by hand (the cohort templates sold for Sheets): the
 * same helper columns as the retention grid (order month, first order, cohort month, months since,
 * new-pair flag), then a row per month: A the cohort month, B its customers
 * `=COUNTIFS(cohort,c,months since,0,flag,1)`, C its first-period revenue
 * `=SUMIFS(amount,cohort,c,months since,0)`, and column k the cohort's revenue in month + k over C.
 */
function revenueGridRows(firstMonth: number, months: number, last: number): unknown[][] {
  const C = `Orders!$C$2:$C$${last}`;
  const F = `Orders!$F$2:$F$${last}`;
  const G = `Orders!$G$2:$G$${last}`;
  const H = `Orders!$H$2:$H$${last}`;
  const rows: unknown[][] = [];
  for (let c = 0; c < months; c++) {
    const r = c + 1;
    const row: unknown[] = [
      monthSerial(firstMonth + c),
      `=COUNTIFS(${F},A${r},${G},0,${H},1)`,
      `=SUMIFS(${C},${F},A${r},${G},0)`,
    ];
    for (let k = 0; k < months - c; k++) row.push(`=IF($C${r}=0,"",SUMIFS(${C},${F},$A${r},${G},${k})/$C${r})`);
    rows.push(row);
  }
  return rows;
}

function revenueCohortComparison(sorted: boolean): Comparison {
  return {
    name: sorted ? 'COHORT_REVENUE (sorted data)' : 'COHORT_REVENUE',
    fideliza: '=COHORT_REVENUE(A2:A, B2:B, C2:C)',
    spreadsheet: sorted
      ? 'data sorted by customer then date; the sorted retention helpers (order month, first order `=IF(A3=A2,E2,B3)`, cohort month, months since, new-pair flag); grid: customers `=COUNTIFS(cohort,c,months since,0,flag,1)`, first-period revenue `=SUMIFS(amount,cohort,c,months since,0)`, cells `=SUMIFS(amount,cohort,c,months since,k)/first`'
      : 'the retention helpers (first order `=MINIFS(B:B,A:A,A2)`, …); grid: customers `=COUNTIFS(cohort,c,months since,0,flag,1)`, first-period revenue `=SUMIFS(amount,cohort,c,months since,0)`, cells `=SUMIFS(amount,cohort,c,months since,k)/first`',
    make(fx, n) {
      const { data, firstMonth, months } = cohortOrders(n, sorted);
      return {
        n,
        fideliza: () => fx.COHORT_REVENUE(data.ids, data.dates, data.amounts),
        ...cohortEngineSide(data, firstMonth, months, sorted, revenueGridRows),
        check(fideliza, engine) {
          const what = 'revenue cohort';
          const { cohorts, cells } = compareCohorts(what, fideliza, engine, firstMonth, months, n, (c, row, line) => {
            const first = numberOf(line[2], `first-period revenue, row ${c + 1}`);
            if (typeof row[2] !== 'number' || !close(row[2] as number, first))
              fail(`first-period revenue of cohort ${c + 1} (${n} orders)`, row[2], first);
            for (let k = 0; k < months - c; k++) {
              const cell = line[3 + k];
              if (cell === '' || cell === null) {
                if (row[3 + k] !== '') fail(`cohort ${c + 1}, month ${k} (${n} orders)`, row[3 + k], cell);
              } else {
                const value = numberOf(cell, `revenue cohort ${c + 1} month ${k}`);
                if (typeof row[3 + k] !== 'number' || !close(row[3 + k] as number, value))
                  fail(`revenue cohort ${c + 1}, month ${k} (${n} orders)`, row[3 + k], value);
              }
            }
            for (let k = months - c; k < row.length - 3; k++)
              if (row[3 + k] !== '')
                fail(`revenue cohort ${c + 1}, month ${k} after the data (${n} orders)`, row[3 + k], '');
            return months - c;
          });
          return `${cohorts} cohorts, ${cells} revenue-retention cells`;
        },
      };
    },
  };
}

export const REVENUE_COHORT_COMPARISON = revenueCohortComparison(false);
export const SORTED_REVENUE_COHORT_COMPARISON = revenueCohortComparison(true);

// ---- monthly recurring revenue with SUMIFS --------------------------------------------------

export const MRR_COMPARISON: Comparison = {
  name: 'MRR_MOVEMENTS (Ending MRR per month)',
  fideliza: '=MRR_MOVEMENTS(A2:A, B2:B, C2:C, D2:D)',
  spreadsheet:
    'a row per month: `=SUMIFS(amount,start,"<="&EOMONTH(m,0))-SUMIFS(amount,start,"<="&EOMONTH(m,0),end,"<="&EOMONTH(m,0))` (active at the month\'s end: started, and not ended or ended later)',
  make(fx, n) {
    const data = subscriptionData(n);
    let firstMonth = Infinity;
    let lastMonth = -Infinity;
    for (let i = 0; i < n; i++) {
      firstMonth = Math.min(firstMonth, monthIndexOfDay(data.startDays[i]));
      lastMonth = Math.max(
        lastMonth,
        monthIndexOfDay(data.startDays[i]),
        isNaN(data.endDays[i]) ? -Infinity : monthIndexOfDay(data.endDays[i]),
      );
    }
    const months = lastMonth - firstMonth + 1;
    const last = n + 1;
    return {
      n,
      fideliza: () => fx.MRR_MOVEMENTS(data.ids, data.starts, data.ends, data.amounts),
      engineSetup() {
        const rows: unknown[][] = [['Customer', 'Start', 'End', 'Monthly amount']];
        for (let i = 0; i < n; i++)
          rows.push([
            `S${i}`,
            serialOf(data.startDays[i]),
            isNaN(data.endDays[i]) ? null : serialOf(data.endDays[i]),
            data.amountValues[i],
          ]);
        return HyperFormula.buildFromSheets({ Subscriptions: rows as any[][], MRR: [] }, ENGINE_CONFIG);
      },
      engineRun(hf: HyperFormula) {
        const amount = `Subscriptions!$D$2:$D$${last}`;
        const start = `Subscriptions!$B$2:$B$${last}`;
        const end = `Subscriptions!$C$2:$C$${last}`;
        const rows: unknown[][] = [];
        for (let m = 0; m < months; m++) {
          const r = m + 1;
          rows.push([
            monthSerial(firstMonth + m),
            `=SUMIFS(${amount},${start},"<="&EOMONTH(A${r},0))-SUMIFS(${amount},${start},"<="&EOMONTH(A${r},0),${end},"<="&EOMONTH(A${r},0))`,
          ]);
        }
        const sheet = hf.getSheetId('MRR')!;
        hf.setCellContents(at(sheet, 0, 0), rows as any[][]);
        return hf.getSheetValues(sheet);
      },
      engineRelease: (hf: HyperFormula) => hf.destroy(),
      check(fideliza, engine) {
        const table = fideliza as unknown[][];
        const grid = engine as unknown[][];
        const ending = table[0].indexOf('Ending MRR');
        if (ending < 0)
          throw new Error(`BENCH CHECK FAILED — MRR_MOVEMENTS has no "Ending MRR" column: ${JSON.stringify(table[0])}`);
        if (table.length - 1 !== months) fail(`months of MRR_MOVEMENTS (${n} subscriptions)`, table.length - 1, months);
        for (let m = 0; m < months; m++) {
          const value = numberOf(grid[m][1], `MRR of month ${m + 1}`);
          const row = table[m + 1];
          const monthStart = new Date(Date.UTC(1970, firstMonth + m, 1)).getTime() / 86_400_000;
          if ((row[0] as Date).getTime() !== dateCell(monthStart).getTime())
            fail(
              `month ${m + 1} (${n} subscriptions)`,
              row[0],
              new Date(monthStart * 86_400_000).toISOString().slice(0, 10),
            );
          if (typeof row[ending] !== 'number' || !close(row[ending] as number, value))
            fail(`Ending MRR of month ${m + 1} (${n} subscriptions)`, row[ending], value);
        }
        return `${months} months of ending MRR`;
      },
    };
  },
};

/** Every comparison, in the order of the report. */
export const COMPARISONS: Comparison[] = [
  NPS_COMPARISON,
  CSAT_COMPARISON,
  COHORT_COMPARISON,
  SORTED_COHORT_COMPARISON,
  MRR_COMPARISON,
  REVENUE_COHORT_COMPARISON,
  SORTED_REVENUE_COHORT_COMPARISON,
];

/**
 * Runs every comparison once at `n` rows (the cohort one typed as users type it at `min(n, 300)`)
 * and checks both sides agree; returns what was compared. Used by the fast test.
 */
export function checkAll(fx: Fx, n: number): string[] {
  return COMPARISONS.map((comparison) => {
    const size = comparison === COHORT_COMPARISON || comparison === REVENUE_COHORT_COMPARISON ? Math.min(n, 300) : n;
    const side = comparison.make(fx, size);
    const engine = side.engineSetup();
    try {
      return `${comparison.name} at ${size}: ${side.check(side.fideliza(), side.engineRun(engine))}`;
    } finally {
      side.engineRelease(engine);
    }
  });
}
