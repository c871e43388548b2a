/**
 * The rows of each source sheet once read: plain data, dates as day numbers in the spreadsheet's
 * zone. What the report computes from. The record types come from the one source schema
 * (`sources.ts`).
 */
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

/** One source after reading. */
export interface SourceData<T> {
  sheet: string;
  /** Data rows in the sheet (header excluded). */
  rowCount: number;
  records: T[];
  skipped: SkippedRows;
  /** Texts longer than a cell holds, cut with an ellipsis (kept, and counted for the data-quality note). */
  cut: { count: number; fields: FieldKey[] };
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
