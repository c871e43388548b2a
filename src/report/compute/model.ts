/**
 * What a KPI report holds, as plain data: the period, the sources read, the headline KPIs for this
 * and the previous period, the chart data blocks, the cohort table and the action lists. Computed
 * by `computeReport`, laid out by `composeReport`.
 */
import type { Language } from '../../errors/catalogue';
import type { RfmSegment } from '../../kpi/retention/rfm';
import type { DriverQuadrant } from '../../kpi/survey/key-drivers';
import type { DriverField } from './blocks';
import type { HeadlineKey } from './headline';
import type { ReportPeriod, ReportPeriodKind } from '../period';
import type { SkippedRows, SourceData } from '../records';
import type { SourceKind } from '../sources';

/** Report sections the user can switch off in the wizard, in the order the wizard lists them. */
export const REPORT_SECTIONS = ['charts', 'cohorts', 'actions', 'predicted'] as const;

/** A report section the user can switch off. */
export type SectionKey = (typeof REPORT_SECTIONS)[number];

/** Choices of the wizard's step 3, plus what the run knows about "now". */
export interface ReportOptions {
  language: Language;
  periodKind: ReportPeriodKind;
  /** Period index (see `periodIndex`); default: the last complete period with data. */
  periodIndex?: number;
  /** ISO currency code for money formats (EUR, USD, …). */
  currency: string;
  /** Today, as a day number in the spreadsheet's zone (for "next 30 days"). */
  todayDay: number;
  /** When the report is generated (ms since epoch). */
  generatedAt: number;
  timeZone: string;
  /** Leave names, emails and comments out: action lists become counts. */
  withoutPersonalData: boolean;
  sections: Record<SectionKey, boolean>;
  /** Rows per action list (default 25). */
  listLimit?: number;
}

/** How a KPI value is shown. */
export type KpiFormat = 'integer' | 'currency' | 'percent' | 'points' | 'decimal' | 'ratio';

/** One headline KPI. */
export interface HeadlineKpi {
  key: HeadlineKey;
  format: KpiFormat;
  current: number | null;
  previous: number | null;
}

/** One source sheet as read. */
export interface SourceSummary {
  kind: SourceKind;
  sheet: string;
  rowCount: number;
  used: number;
  skipped: SkippedRows;
  /** Texts longer than a cell holds, cut with an ellipsis. */
  cut: SourceData<unknown>['cut'];
}

/** A row of an action list: customer id and the facts shown for it. */
export interface ActionCustomer {
  customerId: string;
  name: string;
  email: string;
}

export interface WinBackRow extends ActionCustomer {
  reasons: ('atRisk' | 'cantLose' | 'fallingSatisfaction' | 'lowHealth')[];
  lastOrderDay: number | null;
  orders: number;
  spend: number;
  pAlive: number | null;
}

export interface PromoterRow extends ActionCustomer {
  score: number;
  day: number;
  comment: string;
}

export interface WelcomeRow extends ActionCustomer {
  firstOrderDay: number;
  amount: number;
}

export interface UpcomingRow extends ActionCustomer {
  occasion: 'birthday' | 'anniversary';
  nextDay: number;
  daysUntil: number;
  years: number;
}

export interface DetractorRow extends ActionCustomer {
  score: number;
  day: number;
  comment: string;
}

export interface PredictedRow extends ActionCustomer {
  pAlive: number;
  expectedPurchases: number;
  expectedOrderValue: number;
  clv: number;
}

/** Everything the report shows. Sections without data are absent. */
export interface ReportModel {
  period: ReportPeriod;
  options: ReportOptions;
  sources: SourceSummary[];
  /** The Customers sheet gives names or emails to show in the lists. */
  hasCustomerNames: boolean;
  headline: HeadlineKpi[];
  blocks: {
    npsTrend?: { monthStart: number; promoters: number; passives: number; detractors: number; nps: number | null }[];
    customers?: {
      monthStart: number;
      active: number;
      newCustomers: number;
      churned: number;
      churnRate: number | null;
    }[];
    revenue?: { monthStart: number; fromNew: number; fromReturning: number; total: number }[];
    mrr?: {
      monthStart: number;
      newMrr: number;
      expansion: number;
      reactivation: number;
      contraction: number;
      churned: number;
      ending: number;
    }[];
    rfm?: { segment: RfmSegment; customers: number; share: number }[];
    drivers?: { driver: DriverField; mean: number; correlation: number | null; quadrant: DriverQuadrant | null }[];
  };
  cohorts?: { offsets: number; rows: { start: number; customers: number; shares: (number | null)[] }[] };
  actions?: {
    winBack: WinBackRow[];
    winBackTotal: number;
    promoters: PromoterRow[];
    promotersTotal: number;
    welcome: WelcomeRow[];
    welcomeTotal: number;
    upcoming: UpcomingRow[];
    upcomingTotal: number;
    detractors: DetractorRow[];
    detractorsTotal: number;
    words: { word: string; mentions: number }[];
  };
  predicted?: { rows: PredictedRow[]; customers: number; horizonWeeks: number } | { unavailable: string };
}
