/**
 * What a KPI report holds, as plain data: the period, the sources read, the headline KPIs for this
 * and the previous period, the chart data blocks, the cohort table and the action lists. Computed
 * by `computeReport`, laid out by `composeReport`.
 */
import type { Language } from '../../errors/catalogue';
import type { RfmSegment } from '../../kpi/retention/rfm';
import type { DriverQuadrant } from '../../kpi/survey/key-drivers';
import type { DriverField, SegmentHealth } from './blocks';
import type { HeadlineKey } from './headline';
import type { ReportPeriod, ReportPeriodKind } from '../period';
import type { SkippedRows, SourceData } from '../records';
import type { SourceKind } from '../sources';
import type { GrowthProjection, RevenueCohorts } from './growth';
import type { SegmentTable } from './segments';
import type { SupportSection } from './support';
import type { ReportStory } from './story';

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
  /** The spreadsheet's locale (es_ES, es_MX, en_US…): date order, currency placement, terms. */
  locale: string;
  /** Leave names, emails and comments out: action lists become counts. */
  withoutPersonalData: boolean;
  sections: Record<SectionKey, boolean>;
  /**
   * The user's targets for headline KPIs (wizard step 3, remembered per document), in the KPI's own
   * unit (a percentage as a fraction, NPS in points, money in the report's currency). No target is
   * ever invented: a KPI without one shows no on/off-target mark.
   */
  targets?: Partial<Record<HeadlineKey, number>>;
}

/** How a KPI value is shown. */
export type KpiFormat = 'integer' | 'currency' | 'percent' | 'points' | 'decimal' | 'ratio';

/** Whether a change is beyond sampling noise: the test used and its two-sided p-value. */
export interface ChangeTest {
  test: 'nps' | 'proportion' | 'mean';
  pValue: number;
  /** p < 5 %. */
  significant: boolean;
}

/** One headline KPI. */
export interface HeadlineKpi {
  key: HeadlineKey;
  format: KpiFormat;
  current: number | null;
  previous: number | null;
  /** The same period a year earlier, when the data reaches back that far. */
  yearAgo: number | null;
  /** Significance of the change against the previous period; `null` where no test applies. */
  changeTest: ChangeTest | null;
  /** Significance of the change against a year earlier. */
  yearTest: ChangeTest | null;
  /** The last 13 periods, oldest first (the last is `current`); `null` before the data starts. */
  trend: (number | null)[];
  /**
   * The user's target and whether this period's value meets it (by the KPI's direction; `null` when
   * the KPI has no direction or no value). Absent without a target.
   */
  target?: { value: number; met: boolean | null };
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
  /**
   * What acting on this customer is worth: for win-back their spend in the last 12 months (or
   * their predicted value when the model is fitted), for promoters and the others their spend in
   * the last 12 months, for welcome the first order's value.
   */
  value: number;
  /** The customer's segment (Customers sheet, else latest order), when a source has a segment column. */
  segment?: string;
}

/** One complete action list, sorted by what to act on first, and its value at stake (the rows' sum). */
export interface ActionList<T extends ActionCustomer> {
  rows: T[];
  valueAtStake: number;
}

/** The action lists, by key. */
export type ActionListKey = 'winBack' | 'promoters' | 'welcome' | 'upcoming' | 'detractors' | 'needsAttention';

export interface WinBackRow extends ActionCustomer {
  reasons: ('atRisk' | 'cantLose' | 'fallingSatisfaction' | 'lowHealth')[];
  lastOrderDay: number | null;
  orders: number;
  spend: number;
  /** The chosen model's P(alive), when the predictive section is fitted. */
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

/** A customer with 3 or more support tickets unresolved at the period's end. */
export interface NeedsAttentionRow extends ActionCustomer {
  unresolved: number;
  /** Their tickets opened up to the period's end. */
  tickets: number;
  /** Day their oldest unresolved ticket was opened. */
  oldestUnresolvedDay: number;
}

export interface PredictedRow extends ActionCustomer {
  /** First order less than 8 weeks before the period's end: listed, but after every other customer. */
  tooEarly: boolean;
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
    npsTrend?: {
      monthStart: number;
      promoters: number;
      passives: number;
      detractors: number;
      responses: number;
      nps: number | null;
    }[];
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
      /** New + expansion + reactivation − contraction − churned. */
      netNew: number;
      ending: number;
      /** SaaS efficiency at the month's end (`saasEfficiency`); `null` where its maths has no denominator. */
      arr: number;
      payingAccounts: number;
      arpa: number | null;
      growth: number | null;
      quickRatio: number | null;
      /** Months; `null` without a CAC for the month (no CAC column, or no customer acquired with one). */
      cacPayback: number | null;
    }[];
    rfm?: { segment: RfmSegment; health: SegmentHealth; customers: number; share: number }[];
    drivers?: {
      driver: DriverField;
      /** A question where lower is better, reversed: its mean is on the reversed scale. */
      reversed: boolean;
      mean: number;
      correlation: number | null;
      quadrant: DriverQuadrant | null;
    }[];
  };
  /** Support times by period and month, when the Tickets sheet has first-response or resolved times. */
  support?: SupportSection;
  /** The headline KPIs by segment, when a source has a segment column with two segments or more. */
  segments?: SegmentTable;
  cohorts?: { offsets: number; rows: { start: number; customers: number; shares: (number | null)[] }[] };
  actions?: {
    winBack: ActionList<WinBackRow>;
    promoters: ActionList<PromoterRow>;
    welcome: ActionList<WelcomeRow>;
    upcoming: ActionList<UpcomingRow>;
    detractors: ActionList<DetractorRow>;
    needsAttention: ActionList<NeedsAttentionRow>;
    words: { word: string; mentions: number }[];
  };
  predicted?: PredictedSection | { unavailable: string };
  /** Revenue cohorts (with the cohort section): revenue retention and cumulative revenue per customer. */
  revenueCohorts?: RevenueCohorts;
  /** Customers and revenue for the 12 months after the period, from the last 3 months' rates. */
  projection?: GrowthProjection;
  /** The summary band: cards, sentences and the first action. */
  story: ReportStory;
  /** Parts of the report left out because a sheet or column is missing, and what to add to see them. */
  missing: Partial<Record<MissingPart, MissingSource>>;
}

/** The predicted-value section when the models could be fitted. */
export interface PredictedSection {
  list: ActionList<PredictedRow>;
  customers: number;
  horizonWeeks: number;
  /** The repeat-buying model the predictions use. */
  model: 'bgnbd' | 'mbgnbd';
  /** Repeat spend does not vary between customers: every order value is the mean repeat-order value. */
  spendFallback: { meanRepeatOrderValue: number } | null;
  /** The holdout check that chose the model, when the data span allows one. */
  holdout: {
    weeks: number;
    /** Repeat purchases in the window, actual and as each model predicted them. */
    actual: number;
    predicted: Partial<Record<'bgnbd' | 'mbgnbd', number>>;
    /** Customers by repeat purchases before the window (0 … 6, then 7+), with mean purchases in it. */
    groups: { x: number; customers: number; actual: number | null; bgnbd: number | null; mbgnbd: number | null }[];
  } | null;
}

/** Parts of the report that need a particular source. */
export type MissingPart =
  | 'npsTrend'
  | 'customers'
  | 'revenue'
  | 'rfm'
  | 'drivers'
  | 'cohorts'
  | 'predicted'
  | 'winBack'
  | 'promoters'
  | 'welcome'
  | 'upcoming'
  | 'detractors'
  | 'segments'
  | 'support'
  | 'needsAttention'
  | 'projection';

/** What to add to the spreadsheet for a missing part. */
export type MissingSource =
  | 'orders'
  | 'surveysNps'
  | 'surveyQuestions'
  | 'customerDates'
  | 'surveyComments'
  | 'segmentColumn'
  | 'tickets'
  | 'ticketTimes'
  | 'ticketStatus';
