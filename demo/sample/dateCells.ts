/**
 * Date cells as a Google Sheets date cell holds them (the instant of local midnight of the calendar
 * date in the spreadsheet's zone), made fast enough for workbooks with hundreds of thousands of
 * dates. Each result equals `sheetDate(iso, timeZone)` of the test emulator: months in which the
 * zone's UTC offset does not change are computed from one cached offset; months with a daylight-
 * saving transition defer to `sheetDate` itself.
 */
import { civilFromDay, dayFromCivil, isoOfDay } from '../../src/kpi/calendar/days';
import { offsetMinutes, sheetDate } from '../../test/emulator';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Makes `Date` cells for calendar days in one time zone, memoising per day. */
export class DateCells {
  private readonly instants = new Map<number, number>();
  private readonly monthOffsets = new Map<number, MonthOffsets>();

  /**
   * @param timeZone IANA zone of the spreadsheet, e.g. `Europe/Madrid`.
   */
  constructor(readonly timeZone: string) {
    sheetDate('2000-01-01', timeZone); // throws RangeError early for an unknown zone
  }

  /**
   * The date cell of a day number (days since 1970-01-01): a fresh `Date` each call, so cells never
   * share a mutable object.
   * @param dayNumber the calendar day.
   * @return the instant of local midnight of that day in the zone.
   */
  ofDay(dayNumber: number): Date {
    let ms = this.instants.get(dayNumber);
    if (ms === undefined) {
      ms = this.midnight(dayNumber);
      this.instants.set(dayNumber, ms);
    }
    return new Date(ms);
  }

  /**
   * The date cell of a calendar date.
   * @param year full year.
   * @param month 1–12.
   * @param day 1–31 (must exist in that month).
   * @return the instant of local midnight of that date in the zone.
   */
  of(year: number, month: number, day: number): Date {
    return this.ofDay(dayFromCivil(year, month, day));
  }

  private midnight(dayNumber: number): number {
    const { year, month } = civilFromDay(dayNumber);
    const key = year * 12 + month - 1;
    let offsets = this.monthOffsets.get(key);
    if (offsets === undefined) {
      offsets = this.offsetsOfMonth(year, month);
      this.monthOffsets.set(key, offsets);
    }
    const wall = dayNumber * DAY_MS;
    const before = wall - offsets.before * 60_000;
    if (offsets.switchAt === Infinity) return before;
    const after = wall - offsets.after * 60_000;
    const beforeHolds = before < offsets.switchAt;
    const afterHolds = after >= offsets.switchAt;
    if (beforeHolds !== afterHolds) return beforeHolds ? before : after;
    // Midnight skipped or repeated by the transition: let the emulator's definition decide.
    return sheetDate(isoOfDay(dayNumber), this.timeZone).getTime();
  }

  /**
   * UTC offsets a little before and after a month's local span and, when they differ, the first
   * instant (to the minute) with the later offset, found by bisection.
   */
  private offsetsOfMonth(year: number, month: number): MonthOffsets {
    let lo = Date.UTC(year, month - 1, 1) - 15 * HOUR_MS;
    let hi = Date.UTC(year, month, 1) + 15 * HOUR_MS;
    const before = offsetMinutes(new Date(lo), this.timeZone);
    const after = offsetMinutes(new Date(hi), this.timeZone);
    if (before === after) return { before, after, switchAt: Infinity };
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetMinutes(new Date(mid), this.timeZone) === before) lo = mid;
      else hi = mid;
    }
    return { before, after, switchAt: hi };
  }
}

interface MonthOffsets {
  before: number;
  after: number;
  switchAt: number;
}
