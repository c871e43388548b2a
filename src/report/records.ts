/**
 * The rows of each source sheet once read: plain data, dates as day numbers in the spreadsheet's
 * zone. What the report computes from. The record types come from the one source schema
 * (`sources.ts`).
 */
import type { EffortDirection } from './detect';
import type { FieldKey, RecordOf } from './sources';

export type OrderRecord = RecordOf<'orders'>;
export type CustomerRecord = RecordOf<'customers'>;
export type SurveyRecord = RecordOf<'surveys'>;
export type SubscriptionRecord = RecordOf<'subscriptions'>;
export type TicketRecord = RecordOf<'tickets'>;
export type FunnelRecord = RecordOf<'funnel'>;

/** Why a row was left out. */
export type SkipReason =
  | 'blankId'
  | 'badDate'
  | 'notANumber'
  | 'negative'
  | 'outOfScale'
  | 'errorValue'
  | 'noScore'
  | 'endBeforeStart';

/** Rows left out of one source, by reason, with the first few sheet row numbers. */
export interface SkippedRows {
  total: number;
  byReason: Partial<Record<SkipReason, { count: number; firstRows: number[]; fields: FieldKey[] }>>;
}

/**
 * Why a row (or an order made of several rows) was left out by the rules of the data rather than for
 * an error: a cancelled or voided order, one never paid (pending, failed, awaiting payment), one
 * refunded in full (nothing left of its amount), a subscription that never got past its trial or
 * never started (incomplete).
 */
export type ExclusionReason = 'cancelled' | 'notPaid' | 'refunded' | 'trialOnly' | 'neverStarted';

/** Rows left out by those rules, by reason, with the first sheet row numbers. */
export interface ExcludedRows {
  total: number;
  byReason: Partial<Record<ExclusionReason, { count: number; firstRows: number[] }>>;
}

/**
 * How a column's cells were written, as the reader met them: typed numbers and dates, or text it
 * had to read (amounts with a currency, dates in the locale's order, date-times with a UTC offset).
 */
export type ValueForm =
  | 'number'
  | 'date'
  | 'serial'
  | 'isoText'
  | 'dateText'
  | 'offsetText'
  | 'amountText'
  | 'numberText'
  | 'boolean'
  | 'text'
  | 'unreadable'
  | 'impossible'
  | 'error';

/** One form of value in a column: how many, the first sheet rows, an example and what it was read as. */
export interface FormCount {
  count: number;
  firstRows: number[];
  /** The cell as the user typed it, and what it was read as (a number, or `yyyy-mm-dd[Thh:mm]`). */
  example?: { text: string; read: number | string };
}

/**
 * What the reader understood of one column: the forms of its values, and the decisions taken for the
 * whole column (the decimal mark of amounts written as text, the order of day and month).
 */
export interface ColumnReading {
  field: FieldKey;
  header: string;
  /** Non-blank cells read. */
  cells: number;
  forms: Partial<Record<ValueForm, FormCount>>;
  /** The decimal mark amounts written as text were read with, and whether it is the locale's. */
  decimalMark?: { mark: ',' | '.'; locale: boolean };
  /** The order of day and month text dates were read in, and the spreadsheet locale's order. */
  dateOrder?: { read: 'dmy' | 'mdy'; locale: 'dmy' | 'mdy' | 'ymd' };
  /** Some text dates are impossible in the order read, and all would be possible the other way round. */
  otherOrderFits?: boolean;
  /** The header says UTC (Stripe's `(UTC)` columns): date-times were read as UTC. */
  utc?: boolean;
  /** Date cells whose day and month were exchanged because the user chose the other order. */
  swappedCells?: number;
}

/** How an orders sheet's rows were grouped into orders by their order id. */
export interface OrderGrouping {
  rows: number;
  orders: number;
  multiLineOrders: number;
  amounts: 'repeated' | 'summed';
  refundRows: number;
}

/** One source after reading. */
export interface SourceData<T> {
  sheet: string;
  /** Data rows in the sheet (header excluded). */
  rowCount: number;
  records: T[];
  skipped: SkippedRows;
  /** Texts longer than a cell holds, cut with an ellipsis (kept, and counted for the data-quality note). */
  cut: { count: number; fields: FieldKey[] };
  /** Rows (or orders) left out by the rules of the data, not for errors; absent when none. */
  excluded?: ExcludedRows;
  /**
   * Rows grouped into one record per order id (line-item exports): how many orders had several rows,
   * whether their amount was repeated on each row (counted once) or split across them (summed), and
   * how many rows were refunds (a negative amount) subtracted from their order.
   */
  grouped?: OrderGrouping;
  /** What the reader understood of each mapped column. */
  readings?: ColumnReading[];
  /**
   * Surveys with an effort question: which way it reads, as the user chose in the wizard or, without
   * a choice, as its header says (`effortDirectionOf`). CES reverses a lower-is-better question.
   */
  effortDirection?: EffortDirection;
}

/** Everything the report reads. Absent sources are left out. */
export interface ReportData {
  orders?: SourceData<OrderRecord>;
  customers?: SourceData<CustomerRecord>;
  surveys?: SourceData<SurveyRecord>;
  subscriptions?: SourceData<SubscriptionRecord>;
  tickets?: SourceData<TicketRecord>;
  funnel?: SourceData<FunnelRecord>;
}
