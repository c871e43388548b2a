/**
 * Deterministic synthetic data for the benchmarks: a seeded PRNG (mulberry32), and one generator per
 * family of formulas. Each dataset holds the arguments shaped as Google Sheets passes a column range
 * to a custom function (an array of one-element rows; dates as `Date` cells of local midnight in the
 * spreadsheet's zone, one shared `Date` per distinct day so a million rows build fast), plus the same
 * values as flat arrays (day numbers, numbers with `NaN` for a blank or text cell) for the floor loops
 * and the spreadsheet engine.
 */
import type { Language } from '../src/errors/catalogue';
import { dayFromCivil, isoOfDay } from '../src/kpi/calendar/days';
import type { ReportOptions } from '../src/report/compute/model';
import { type SeedGrid, sheetDate } from '../test/emulator';

/** Spreadsheet zone of every benchmark workbook (far from the host's, with daylight saving). */
export const ZONE = 'America/Los_Angeles';

/** Day number (days since 1970-01-01) of Sheets' date serial 0, 1899-12-30. */
export const SERIAL_EPOCH_DAY = -25569;

/** First and last day of the order, survey and subscription data: 2023-01-01 … 2025-12-31. */
export const FIRST_DAY = 19358;
export const LAST_DAY = 20453;

/** A column range as Sheets passes it. */
export type Column = unknown[][];

/** mulberry32: a small, fast, seeded PRNG (same seed → same sequence on every machine). */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  /** Money with cents in [min, max). */
  money(min: number, max: number): number {
    return Math.round((min + this.next() * (max - min)) * 100) / 100;
  }
}

const dateCells = new Map<number, Date>();

/** The date cell Sheets passes for a calendar day: `sheetDate` of that day, computed once per day. */
export function dateCell(day: number): Date {
  let cell = dateCells.get(day);
  if (!cell) {
    cell = sheetDate(isoOfDay(day), ZONE);
    dateCells.set(day, cell);
  }
  return cell;
}

/** Sheets date serial of a day number (what a spreadsheet engine stores in a date cell). */
export function serialOf(day: number): number {
  return day - SERIAL_EPOCH_DAY;
}

/** Wraps flat values as a column range. */
export function column(values: ArrayLike<unknown>): Column {
  const out: unknown[][] = new Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = [values[i]];
  return out;
}

/** Survey answers: n rows of customer id, answer date, NPS score 0–10 and CSAT rating 1–5. */
export interface SurveyData {
  n: number;
  ids: Column;
  dates: Column;
  /** 0–10, about 2 % "N/A" text and 1 % blank. */
  scores: Column;
  /** A second wave of scores (for NPS_CHANGE). */
  scoresAfter: Column;
  /** 1–5, about 2 % "N/A" text and 1 % blank. */
  ratings: Column;
  /** Scores as numbers, `NaN` where the cell is text or blank. */
  scoreValues: Float64Array;
  ratingValues: Float64Array;
  /** The cells as a spreadsheet holds them (`null` = empty cell). */
  scoreCells: (number | string | null)[];
  ratingCells: (number | string | null)[];
}

function surveyCell(rng: Rng, value: number): number | string | null {
  const u = rng.next();
  return u < 0.02 ? 'N/A' : u < 0.03 ? null : value;
}

/** NPS answers skewed as real surveys are: many 8–10, a tail of detractors. */
function npsScore(rng: Rng): number {
  const u = rng.next();
  if (u < 0.3) return rng.int(9, 10);
  if (u < 0.62) return rng.int(7, 8);
  return rng.int(0, 6);
}

/** Survey answers of `n` rows from about n/4 customers over three years. */
export function surveyData(n: number, seed = 1): SurveyData {
  const rng = new Rng(seed);
  const customers = Math.max(2, Math.floor(n / 4));
  const ids: Column = new Array(n);
  const dates: Column = new Array(n);
  const scores: Column = new Array(n);
  const scoresAfter: Column = new Array(n);
  const ratings: Column = new Array(n);
  const scoreValues = new Float64Array(n);
  const ratingValues = new Float64Array(n);
  const scoreCells: (number | string | null)[] = new Array(n);
  const ratingCells: (number | string | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    ids[i] = [`C${rng.int(1, customers)}`];
    dates[i] = [dateCell(rng.int(FIRST_DAY, LAST_DAY))];
    const score = surveyCell(rng, npsScore(rng));
    const rating = surveyCell(rng, rng.next() < 0.7 ? rng.int(4, 5) : rng.int(1, 3));
    scores[i] = [score ?? ''];
    ratings[i] = [rating ?? ''];
    scoresAfter[i] = [surveyCell(rng, npsScore(rng)) ?? ''];
    scoreCells[i] = score;
    ratingCells[i] = rating;
    scoreValues[i] = typeof score === 'number' ? score : NaN;
    ratingValues[i] = typeof rating === 'number' ? rating : NaN;
  }
  return { n, ids, dates, scores, scoresAfter, ratings, scoreValues, ratingValues, scoreCells, ratingCells };
}

/** Orders: n rows of customer id, order date and amount. */
export interface OrderData {
  n: number;
  ids: Column;
  dates: Column;
  amounts: Column;
  /** Flat copies: ids as text, days as day numbers. */
  idValues: string[];
  dayValues: Int32Array;
  amountValues: Float64Array;
}

/**
 * Orders of `n` rows from about n/4 customers: each customer joins on a uniform day of the three
 * years and orders on days at or after joining (the first row of a customer is on its join day),
 * spending around a basket size of their own.
 */
export function orderData(n: number, seed = 2): OrderData {
  const rng = new Rng(seed);
  const customers = Math.max(2, Math.floor(n / 4));
  const joins = new Int32Array(customers + 1);
  const spend = new Float64Array(customers + 1);
  const seen = new Uint8Array(customers + 1);
  for (let c = 1; c <= customers; c++) {
    joins[c] = rng.int(FIRST_DAY, LAST_DAY);
    // Each customer's typical basket differs (what the Gamma-Gamma spend model needs to fit).
    spend[c] = 15 + 120 * rng.next() * rng.next();
  }
  const ids: Column = new Array(n);
  const dates: Column = new Array(n);
  const amounts: Column = new Array(n);
  const idValues: string[] = new Array(n);
  const dayValues = new Int32Array(n);
  const amountValues = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Skewed choice of customer: a loyal core orders more often.
    const c = rng.next() < 0.3 ? rng.int(1, Math.max(1, Math.floor(customers / 10))) : rng.int(1, customers);
    const day = seen[c] ? rng.int(joins[c], LAST_DAY) : joins[c];
    seen[c] = 1;
    const amount = Math.round(spend[c] * (0.5 + rng.next()) * 100) / 100;
    const id = `C${c}`;
    ids[i] = [id];
    dates[i] = [dateCell(day)];
    amounts[i] = [amount];
    idValues[i] = id;
    dayValues[i] = day;
    amountValues[i] = amount;
  }
  return { n, ids, dates, amounts, idValues, dayValues, amountValues };
}

/** Subscription lines: n rows of customer id, start date, end date (blank = active), monthly amount. */
export interface SubscriptionData {
  n: number;
  ids: Column;
  starts: Column;
  ends: Column;
  amounts: Column;
  startDays: Int32Array;
  /** `NaN` for an open subscription. */
  endDays: Float64Array;
  amountValues: Float64Array;
}

const PLANS = [9.99, 19.99, 29.99, 49.99];

/** Subscriptions of `n` rows from about n/2 customers (some with several lines, upgrades, returns). */
export function subscriptionData(n: number, seed = 3): SubscriptionData {
  const rng = new Rng(seed);
  const customers = Math.max(2, Math.floor(n / 2));
  const ids: Column = new Array(n);
  const starts: Column = new Array(n);
  const ends: Column = new Array(n);
  const amounts: Column = new Array(n);
  const startDays = new Int32Array(n);
  const endDays = new Float64Array(n);
  const amountValues = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const start = rng.int(FIRST_DAY, LAST_DAY);
    const end = rng.next() < 0.4 ? NaN : Math.min(LAST_DAY, start + rng.int(20, 700));
    const amount = PLANS[rng.int(0, PLANS.length - 1)];
    ids[i] = [`S${rng.int(1, customers)}`];
    starts[i] = [dateCell(start)];
    ends[i] = [isNaN(end) ? '' : dateCell(end)];
    amounts[i] = [amount];
    startDays[i] = start;
    endDays[i] = end;
    amountValues[i] = amount;
  }
  return { n, ids, starts, ends, amounts, startDays, endDays, amountValues };
}

/** Grids with one row per respondent or customer. */
export interface GridData {
  n: number;
  /** n × 5 ratings 1–10 (about 3 % blank): CSI and KEY_DRIVERS. */
  ratings: unknown[][];
  /** Flat row-major copy, `NaN` for blank. */
  ratingValues: Float64Array;
  /** n × 1 overall satisfaction 0–10. */
  outcome: Column;
  /** 1 × 5 driver names. */
  driverNames: unknown[][];
  /** n × 4 health signals: orders in 90 days, last NPS (blank for some), open tickets, days since last order. */
  metrics: unknown[][];
}

/** Driver ratings and health signals of `n` rows. */
export function gridData(n: number, seed = 4): GridData {
  const rng = new Rng(seed);
  const ratings: unknown[][] = new Array(n);
  const ratingValues = new Float64Array(n * 5);
  const outcome: Column = new Array(n);
  const metrics: unknown[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const mood = rng.next();
    const row: unknown[] = new Array(5);
    let sum = 0;
    for (let q = 0; q < 5; q++) {
      const blank = rng.next() < 0.03;
      const value = Math.min(10, Math.max(1, Math.round(1 + mood * 9 + (rng.next() - 0.5) * (q + 1) * 2)));
      row[q] = blank ? '' : value;
      ratingValues[i * 5 + q] = blank ? NaN : value;
      sum += value;
    }
    ratings[i] = row;
    outcome[i] = [Math.min(10, Math.round(sum / 5))];
    metrics[i] = [rng.int(0, 10), rng.next() < 0.4 ? '' : rng.int(0, 10), rng.int(0, 5), rng.int(0, 365)];
  }
  return {
    n,
    ratings,
    ratingValues,
    outcome,
    driverNames: [['Delivery', 'Price', 'Quality', 'Support', 'Website']],
    metrics,
  };
}

/** Columns of counts and money for the element-wise formulas, n rows each. */
export interface ElementwiseData {
  n: number;
  /** customers at start, at end, new (new ≤ end ≤ start + new). */
  start: Column;
  end: Column;
  added: Column;
  /** revenue and a cost > 0. */
  revenue: Column;
  cost: Column;
  /** goals ≤ interactions; completed ≤ created. */
  small: Column;
  large: Column;
  /** rates in (0, 1). */
  rate: Column;
  /** health scores 0–100. */
  score: Column;
}

/** Element-wise inputs of `n` rows. */
export function elementwiseData(n: number, seed = 5): ElementwiseData {
  const rng = new Rng(seed);
  const cols = {
    start: [],
    end: [],
    added: [],
    revenue: [],
    cost: [],
    small: [],
    large: [],
    rate: [],
    score: [],
  } as Record<string, Column>;
  for (let i = 0; i < n; i++) {
    const start = rng.int(100, 1000);
    const added = rng.int(0, 200);
    const end = added + rng.int(Math.floor(start * 0.6), start);
    const large = rng.int(50, 5000);
    cols.start.push([start]);
    cols.end.push([end]);
    cols.added.push([added]);
    cols.revenue.push([rng.money(100, 10000)]);
    cols.cost.push([rng.money(50, 5000)]);
    cols.large.push([large]);
    cols.small.push([rng.int(0, large)]);
    cols.rate.push([rng.int(1, 99) / 100]);
    cols.score.push([rng.int(0, 100)]);
  }
  return { n, ...cols } as unknown as ElementwiseData;
}

/** Birthdays: n rows of name and date of birth (1950–2005). */
export interface BirthdayData {
  n: number;
  names: Column;
  dates: Column;
}

/** Names and birthdays of `n` customers. */
export function birthdayData(n: number, seed = 6): BirthdayData {
  const rng = new Rng(seed);
  const names: Column = new Array(n);
  const dates: Column = new Array(n);
  for (let i = 0; i < n; i++) {
    names[i] = [`Customer ${i + 1}`];
    dates[i] = [dateCell(rng.int(-7305, 13148))];
  }
  return { n, names, dates };
}

/** A workbook's sheets as the sample generator and the emulator hold them: header row first. */
export type SheetRows = Record<string, SeedGrid>;

/** Headers of issue 16's new report inputs (segment, effort, ticket times), lower case. */
const NEW_INPUT_HEADERS = new Set([
  'segment',
  'segmento',
  'plan',
  'tier',
  'channel',
  'canal',
  'country',
  'país',
  'effort',
  'esfuerzo',
  'ease',
  'facilidad',
  'first response',
  'primera respuesta',
  'resolved',
  'resuelto',
]);

const SEGMENTS = ['Básico', 'Estándar', 'Premium', 'Empresa'];

/**
 * The sample shop's sheets with or without issue 16's new report inputs: `false` removes every
 * column whose header is a segment, effort or ticket-time header; `true` keeps those the sample
 * has and adds the missing ones — a `Segmento` on Customers, an `Esfuerzo` answer 1–7 on Surveys,
 * `Primera respuesta` (0.5–48 h after the ticket) and `Resuelto` (1–240 h after, blank for about
 * 30 % still open) on Tickets. The rows are otherwise the same. Does not change `sheets`.
 */
export function reportInputs(sheets: SheetRows, include: boolean, seed = 7): SheetRows {
  const rng = new Rng(seed);
  const out: SheetRows = {};
  for (const [name, rows] of Object.entries(sheets)) {
    const header = (rows[0] ?? []).map((h) => String(h).trim().toLowerCase());
    const keep = header.map((h) => include || !NEW_INPUT_HEADERS.has(h));
    let next = keep.every(Boolean) ? rows.map((row) => [...row]) : rows.map((row) => row.filter((_, c) => keep[c]));
    if (include) {
      const has = (...names: string[]) => header.some((h) => names.includes(h));
      const add = (title: string, cell: (row: SeedGrid[number]) => SeedGrid[number][number]) => {
        next = next.map((row, r) => [...row, r === 0 ? title : cell(row)]);
      };
      if (/^(clientes|customers)$/i.test(name) && !has('segmento', 'segment'))
        add('Segmento', () => SEGMENTS[rng.int(0, SEGMENTS.length - 1)]);
      if (/^(encuestas|surveys)$/i.test(name) && !has('esfuerzo', 'effort')) add('Esfuerzo', () => rng.int(1, 7));
      if (/^tickets$/i.test(name)) {
        const dateColumn = header.findIndex((h) => h === 'fecha' || h === 'date');
        const opened = (row: SeedGrid[number]) =>
          row[dateColumn] instanceof Date ? (row[dateColumn] as Date).getTime() : NaN;
        const hoursAfter = (row: SeedGrid[number], min: number, max: number) => {
          const t = opened(row);
          return isNaN(t) ? '' : new Date(t + (min + rng.next() * (max - min)) * 3_600_000);
        };
        if (!has('primera respuesta', 'first response')) add('Primera respuesta', (row) => hoursAfter(row, 0.5, 48));
        if (!has('resuelto', 'resolved')) add('Resuelto', (row) => (rng.next() < 0.3 ? '' : hoursAfter(row, 1, 240)));
      }
    }
    out[name] = next;
  }
  return out;
}

/** The part of an emulated workbook {@link trimToData} needs. */
interface TrimmableWorkbook {
  globals(): Record<string, unknown>;
  calls: { reset(): void };
}

/**
 * Deletes the empty columns to the right of each sheet's data (a new sheet has 26). Sheets caps a
 * spreadsheet at 10 million cells, counting every cell of every column: a workbook of 1 000 000
 * order rows exists only with its unused columns removed (1 000 000 × 26 is 26 million cells), and
 * any row or column a report then inserts must fit in what is left.
 */
export function trimToData(workbook: TrimmableWorkbook): void {
  const app = workbook.globals().SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  for (const sheet of app.getActiveSpreadsheet().getSheets()) {
    const width = Math.max(1, sheet.getLastColumn());
    if (sheet.getMaxColumns() > width) sheet.deleteColumns(width + 1, sheet.getMaxColumns() - width);
  }
  workbook.calls.reset();
}

// ---- the report every report benchmark generates ------------------------------------------------

/** What the wizard's scan answers that a report request needs. */
interface ScanAnswer {
  mapping: unknown;
  defaults?: { currency?: string; sections?: ReportOptions['sections'] };
}

/** December 2025, generated on 2026-01-10 (the sample shop's data ends with 2025). */
const REPORT_PERIOD_INDEX = 2025 * 12 + 11;
const REPORT_TODAY = '2026-01-10';

/** The request the sidebar sends for the benchmarks' report, with what the scan detected. */
export function reportRequest(scan: ScanAnswer): Record<string, unknown> {
  return {
    mapping: scan.mapping,
    periodKind: 'month',
    periodIndex: REPORT_PERIOD_INDEX,
    currency: scan.defaults?.currency,
    sections: scan.defaults?.sections,
    withoutPersonalData: false,
    today: REPORT_TODAY,
  };
}

/** One `getValues` of each sheet a mapping reads, as the add-on reads them: what Sheets hands the script. */
export function mappedSheetValues(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  mapping: unknown,
): unknown[][][] {
  const names = new Set(Object.values(mapping as Record<string, { sheet: string }>).map((m) => m.sheet));
  return [...names].map((name) => spreadsheet.getSheetByName(name)!.getDataRange().getValues());
}

/**
 * The JS heap those values hold (`used` before and after they are read, each after a full `gc`):
 * the emulator's copies, measured apart from the add-on.
 */
export function mappedSheetValuesHeap(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  mapping: unknown,
  gc: () => void,
  used: () => number,
): number {
  gc();
  const before = used();
  const grids = mappedSheetValues(spreadsheet, mapping);
  gc();
  const size = used() - before;
  return grids.length ? size : 0;
}

/** The options `computeReport` gets for the same report, for benchmarks that call the add-on's modules. */
export function reportOptions(
  scan: ScanAnswer,
  spreadsheet: { locale: string; language: Language; timeZone: string },
): ReportOptions {
  const [year, month, day] = REPORT_TODAY.split('-').map(Number);
  return {
    ...spreadsheet,
    periodKind: 'month',
    periodIndex: REPORT_PERIOD_INDEX,
    currency: scan.defaults?.currency ?? 'USD',
    todayDay: dayFromCivil(year, month, day),
    generatedAt: Date.now(),
    withoutPersonalData: false,
    sections: scan.defaults?.sections as ReportOptions['sections'],
  };
}
