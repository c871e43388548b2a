/**
 * What crosses `google.script.run` between the sidebar and the server: plain JSON only (no
 * `Date`s: dates travel as `yyyy-mm-dd` text). Shared by src/ui/server.ts and the sidebar code.
 */
import type { ReportMapping } from '../report/detect';
import type { SectionKey } from '../report/compute/model';
import type { ReportPeriodKind } from '../report/period';
import type { SheetPreview } from '../sheets/report/preview';
import type { SourceKind } from '../report/sources';

export type { ReportMapping, SectionKey, ReportPeriodKind, SourceKind };

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
  defaults: { currency: string; sections: Record<SectionKey, boolean>; withoutPersonalData: boolean };
  /** Name of the report sheet if one exists already. */
  reportSheet: string | null;
}

/** Warnings about a mapping (step 2), in the user's language, with sheet and column. */
export interface MappingCheck {
  ok: boolean;
  messages: string[];
  /** Periods with data for this mapping (when it is usable): the orders sheet may have changed. */
  periods?: Record<ReportPeriodKind, PeriodChoice[]>;
}

/** What the wizard sends to generate a report. */
export interface GenerateRequest {
  mapping?: ReportMapping;
  periodKind?: ReportPeriodKind;
  periodIndex?: number;
  currency?: string;
  sections?: Partial<Record<SectionKey, boolean>>;
  withoutPersonalData?: boolean;
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
}

/** What the result card shows. */
export interface GenerateResult {
  sheetName: string;
  sheetId: number;
  /** The spreadsheet's own PDF export of the report sheet alone, opened with the user's session. */
  pdfUrl: string;
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
