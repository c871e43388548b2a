/**
 * The rows of each source sheet once read: plain data, dates as day numbers in the spreadsheet's
 * zone. What the report computes from.
 */

export interface OrderRecord {
  customerId: string;
  day: number;
  amount: number;
  cost: number | null;
}

export interface CustomerRecord {
  customerId: string;
  name: string;
  email: string;
  signupDay: number | null;
  birthdayDay: number | null;
  cac: number | null;
  segment: string;
}

export interface SurveyRecord {
  customerId: string;
  day: number;
  nps: number | null;
  csat: number | null;
  comment: string;
  switchLikelihood: number | null;
  repurchase: number | null;
  overallExperience: number | null;
}

export interface SubscriptionRecord {
  customerId: string;
  startDay: number;
  endDay: number | null;
  mrr: number;
}

export interface TicketRecord {
  customerId: string;
  day: number;
  status: string;
}

export interface FunnelRecord {
  day: number;
  interactions: number;
  goals: number | null;
  carts: number | null;
  purchases: number | null;
}

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
  byReason: Partial<Record<SkipReason, { count: number; firstRows: number[]; fields: string[] }>>;
}

/** One source after reading. */
export interface SourceData<T> {
  sheet: string;
  /** Data rows in the sheet (header excluded). */
  rowCount: number;
  records: T[];
  skipped: SkippedRows;
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
