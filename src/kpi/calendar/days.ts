/**
 * Calendar arithmetic on civil days.
 *
 * KPI maths never sees a `Date`: the spreadsheet edge turns every date into a *day number*, the
 * count of days since 1970-01-01 of the calendar date it shows in the spreadsheet's time zone.
 * Day numbers are plain integers, so bucketing into periods is exact and independent of the host's
 * time zone. Algorithms: Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms" (2013).
 */

/** A calendar date. `month` is 1–12. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Day number of a calendar date (days since 1970-01-01). Example: `dayFromCivil(2024, 2, 29)` → 19782. */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Calendar date of a day number. Example: `civilFromDay(19782)` → 2024-02-29. */
export function civilFromDay(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** `yyyy-mm-dd` of a day number. */
export function isoOfDay(dayNumber: number): string {
  const { year, month, day } = civilFromDay(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether a year is a leap year in the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** The period kinds formulas accept. */
export type Period = 'day' | 'week' | 'month' | 'quarter' | 'year';

/**
 * Index of the period holding a day, counted so that consecutive periods have consecutive indexes:
 * days for `day`, Monday-weeks for `week`, `year·12 + month − 1` for `month`, and so on.
 */
export function periodIndex(dayNumber: number, period: Period): number {
  switch (period) {
    case 'day':
      return dayNumber;
    case 'week':
      return Math.floor((dayNumber + 3) / 7); // weeks starting on Monday; 1969-12-29 starts week 0
    default: {
      const { year, month } = civilFromDay(dayNumber);
      if (period === 'month') return year * 12 + month - 1;
      if (period === 'quarter') return year * 4 + Math.floor((month - 1) / 3);
      return year;
    }
  }
}

/** First day (day number) of the period with a given index. Inverse of {@link periodIndex}. */
export function periodStartDay(index: number, period: Period): number {
  switch (period) {
    case 'day':
      return index;
    case 'week':
      return index * 7 - 3;
    case 'month':
      return dayFromCivil(Math.floor(index / 12), (((index % 12) + 12) % 12) + 1, 1);
    case 'quarter':
      return dayFromCivil(Math.floor(index / 4), (((index % 4) + 4) % 4) * 3 + 1, 1);
    case 'year':
      return dayFromCivil(index, 1, 1);
  }
}

/** Last day (day number) of the period with a given index. */
export function periodEndDay(index: number, period: Period): number {
  return periodStartDay(index + 1, period) - 1;
}

/** Whole months from one day to a later one, as a calendar counts them (Jan 31 → Feb 28 is 0). */
export function wholeMonthsBetween(fromDay: number, toDay: number): number {
  const a = civilFromDay(fromDay);
  const b = civilFromDay(toDay);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (b.day < a.day) months -= 1;
  return months;
}
