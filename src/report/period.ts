/**
 * The period a report covers and the one it is compared with.
 */
import { periodEndDay, periodIndex, periodStartDay } from '../kpi/calendar/days';

/** Period kinds a report can cover. */
export type ReportPeriodKind = 'month' | 'quarter' | 'year';

/** Periods of each kind in a year: the same period a year earlier is this many periods back. */
export const PERIODS_PER_YEAR: Record<ReportPeriodKind, number> = { month: 12, quarter: 4, year: 1 };

/** A report period and the previous one of the same kind. */
export interface ReportPeriod {
  kind: ReportPeriodKind;
  index: number;
  /** First and last day (day numbers, both included). */
  start: number;
  end: number;
  previous: { index: number; start: number; end: number };
}

/** The period with a given index (see `periodIndex`) and the one before it. */
export function reportPeriod(kind: ReportPeriodKind, index: number): ReportPeriod {
  return {
    kind,
    index,
    start: periodStartDay(index, kind),
    end: periodEndDay(index, kind),
    previous: { index: index - 1, start: periodStartDay(index - 1, kind), end: periodEndDay(index - 1, kind) },
  };
}

/**
 * The default period: the last complete one before `today`, but never after the period of the
 * latest date in the data (a workbook exported last year reports on its own last period).
 */
export function defaultPeriodIndex(kind: ReportPeriodKind, todayDay: number, lastDataDay: number | undefined): number {
  const lastComplete = periodIndex(todayDay, kind) - 1;
  if (lastDataDay === undefined) return lastComplete;
  return Math.min(lastComplete, periodIndex(lastDataDay, kind));
}
