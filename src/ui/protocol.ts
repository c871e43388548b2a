/**
 * What crosses `google.script.run` between the sidebar and the server: plain JSON only (no
 * `Date`s: dates travel as `yyyy-mm-dd` text). Shared by src/ui/server.ts and the sidebar code.
 */
import type { ReportMapping, SourceDetection } from '../report/detect';
import type { SectionKey } from '../report/compute/model';
import type { ColumnReading, ExcludedRows, OrderGrouping } from '../report/records';
import type { ReportPeriodKind } from '../report/period';
import type { SheetPreview } from '../sheets/report/preview';
import type { SourceKind } from '../report/sources';
import type { TargetKpi } from './targets';

export type { TargetKpi };

/** A target as the wizard holds it: the KPI, the value in the KPI's own unit, and how it is shown. */
export interface TargetEntry {
  key: string;
  value: number;
  text: string;
}

/** What `wizardCheckTarget` answers: the target read and shown back, or why it cannot be read. */
export type TargetCheck = { ok: true; value: number; text: string } | { ok: false; message: string };

export type { ColumnReading, ReportMapping, SectionKey, ReportPeriodKind, SourceDetection, SourceKind };

/** One column the wizard can map, with its label in the user's language. */
export interface FieldInfo {
  key: string;
  label: string;
  required: boolean;
}

/** One kind of source sheet, with its fields. */
export interface SourceInfo {
  kind: SourceKind;
  label: string;
  /** Only Orders or Surveys are needed; the rest add sections. */
  optional: boolean;
  fields: FieldInfo[];
}

/** A sheet of the spreadsheet as the wizard shows it (name, data rows, headers, first rows as text). */
export type SheetInfo = SheetPreview;

/** A period the user can pick. */
export interface PeriodChoice {
  kind: ReportPeriodKind;
  index: number;
  label: string;
}

/** Everything step 1 of the wizard needs. */
export interface WizardScan {
  language: 'en' | 'es';
  timeZone: string;
  sheets: SheetInfo[];
  sources: SourceInfo[];
  /** The detected mapping, or the one remembered for this document. */
  mapping: ReportMapping;
  remembered: boolean;
  /** Periods with data, newest first, per kind; the first of each is the default. */
  periods: Record<ReportPeriodKind, PeriodChoice[]>;
  defaults: {
    currency: string;
    sections: Record<SectionKey, boolean>;
    withoutPersonalData: boolean;
    /** The targets remembered for this document, in the order of {@link targetKpis}. */
    targets: TargetEntry[];
  };
  /** The headline KPIs a target can be set for, with their names in the user's language and their unit. */
  targetKpis: TargetKpi[];
  /** Name of the report sheet if one exists already. */
  reportSheet: string | null;
  /**
   * What was detected and why, per source: the export recognised, each column's reason, the fields
   * left for the user to choose, the effort question's direction.
   */
  detection: SourceDetection[];
  /** The spreadsheet's locale (`es_ES`), whose order of day and month text dates are read in. */
  locale: string;
}

/** What the reader understood of one mapped sheet's first rows (step 2). */
export interface SourceReading {
  kind: SourceKind;
  sheet: string;
  /** Data rows looked at (the first ones of the sheet). */
  rowsChecked: number;
  /** Records they made (orders after grouping line items, answers, subscriptions…). */
  records: number;
  /** How each mapped column's values were written and read. */
  columns: ColumnReading[];
  /** Rows (orders) left out by the data's own rules: cancelled, unpaid, refunded… */
  excluded?: ExcludedRows;
  /** Rows grouped into orders by their order id (line items, refunds). */
  grouped?: OrderGrouping;
}

/** Warnings about a mapping (step 2), in the user's language, with sheet and column. */
export interface MappingCheck {
  ok: boolean;
  messages: string[];
  /** Periods with data for this mapping (when it is usable): the orders sheet may have changed. */
  periods?: Record<ReportPeriodKind, PeriodChoice[]>;
  /** What the reader understood of each mapped sheet's first rows (when the mapping is usable). */
  readings?: SourceReading[];
}

/** What the wizard sends to generate a report. */
export interface GenerateRequest {
  mapping?: ReportMapping;
  periodKind?: ReportPeriodKind;
  periodIndex?: number;
  currency?: string;
  sections?: Partial<Record<SectionKey, boolean>>;
  withoutPersonalData?: boolean;
  /**
   * Targets by KPI key: text as the user typed it (`"5 %"`) or a number in the KPI's own unit.
   * Absent: the remembered ones; `{}`: none.
   */
  targets?: Record<string, string | number>;
  /** Id the client polls progress with (`wizardProgress`). */
  runId?: string;
  /** `yyyy-mm-dd`: "today" for upcoming birthdays (tests and previews; default the real today). */
  today?: string;
  /** Report language; default the spreadsheet's locale. */
  language?: 'en' | 'es';
}

/** One headline number for the result card, already formatted for display. */
export interface HeadlineNumber {
  key: string;
  label: string;
  value: string;
  change: string;
  /** How the change reads: good or bad for this KPI, within noise (not news), flat, or not comparable. */
  verdict: 'better' | 'worse' | 'noise' | 'flat' | 'none';
}

/** What the result card shows. */
export interface GenerateResult {
  /** The named report (or, when the user asked for no names, the version to share). */
  sheetName: string;
  sheetId: number;
  /** The spreadsheet's own PDF export of the named report alone, opened with the user's session ('' without one). */
  pdfUrl: string;
  /** The version to share (no names, emails, comments or ages) and its PDF: offered first. */
  shared: { sheetName: string; sheetId: number; pdfUrl: string };
  /** The KPI history sheet the run added its rows to. */
  history: { sheetName: string; sheetId: number } | null;
  /** The report's three sentences: what improved, what got worse, what to do first (in the user's language). */
  story: string[];
  periodLabel: string;
  headline: HeadlineNumber[];
  /** Rows skipped across sources (see the report's header block for reasons). */
  skippedRows: number;
  created: boolean;
  seconds: number;
  /** What went wrong after the report was written (the report stands), in the user's language. */
  warnings: string[];
}

/** Stages of a run, in order. */
export type ProgressStage = 'reading' | 'computing' | 'writing' | 'charts' | 'done';

/** Progress of a run, for the progress bar. */
export interface Progress {
  stage: ProgressStage | null;
  percent: number;
}
