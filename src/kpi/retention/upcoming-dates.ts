/**
 * Upcoming birthdays and anniversaries: which yearly dates come up in the next few days, so the
 * business can greet the customer in time.
 */
import { civilFromDay, dayFromCivil, daysInMonth } from '../calendar/days';
import { sortedOrder } from './customers';

/** The next yearly occurrence of a date. */
export interface Occurrence {
  /** Day number of the occurrence. */
  day: number;
  /** Years completed on that day (0 on the date itself). */
  years: number;
}

/** Day number of the anniversary of `month`/`day` in `year`; 29 February falls on 28 February in other years. */
function anniversaryIn(year: number, month: number, day: number): number {
  return dayFromCivil(year, month, Math.min(day, daysInMonth(year, month)));
}

/**
 * First anniversary of `dateDay` on or after `asOfDay` (and never before the date itself, which
 * is occurrence 0). 29 February falls on 28 February in non-leap years.
 *
 * @example nextOccurrence(dayFromCivil(2000, 2, 29), dayFromCivil(2023, 2, 1)) // 2023-02-28, 23 years
 * @example nextOccurrence(dayFromCivil(1985, 1, 5), dayFromCivil(2024, 12, 20)) // 2025-01-05, 40 years
 */
export function nextOccurrence(dateDay: number, asOfDay: number): Occurrence {
  const date = civilFromDay(dateDay);
  const from = Math.max(dateDay, asOfDay);
  let year = civilFromDay(from).year;
  let day = anniversaryIn(year, date.month, date.day);
  if (day < from) {
    year++;
    day = anniversaryIn(year, date.month, date.day);
  }
  return { day, years: year - date.year };
}

/** One upcoming date. */
export interface UpcomingDate {
  name: string;
  /** Day number of the original date (birth date, first purchase, wedding…). */
  date: number;
  /** Day number of its next occurrence. */
  next: number;
  /** next − as_of, from 0 to the window length. */
  daysUntil: number;
  /** Years completed on the next occurrence. */
  years: number;
}

/**
 * Dates whose next occurrence is 0 to `windowDays` days after `asOfDay` (both ends included),
 * sorted by days until, then by name (natural order, see `sortedOrder`), then by the original
 * date, so the input order never matters. O(n log n).
 *
 * @example upcomingDates(['Ana', 'Luis'], [dayFromCivil(1990, 12, 25), dayFromCivil(1985, 1, 5)], dayFromCivil(2024,
 *   12, 20), 30)
 * // Ana: next 2024-12-25, 5 days, 34 years; Luis: next 2025-01-05, 16 days, 40 years
 */
export function upcomingDates(
  names: readonly string[],
  days: ArrayLike<number>,
  asOfDay: number,
  windowDays: number,
): UpcomingDate[] {
  const found: UpcomingDate[] = [];
  for (let i = 0; i < names.length; i++) {
    const next = nextOccurrence(days[i], asOfDay);
    const daysUntil = next.day - asOfDay;
    if (daysUntil <= windowDays)
      found.push({ name: names[i], date: days[i], next: next.day, daysUntil, years: next.years });
  }
  found.sort((a, b) => a.date - b.date); // the last tie-break: sortedOrder's sort is stable
  return sortedOrder(
    found.map((row) => row.name),
    found.map((row) => row.daysUntil),
  ).map((k) => found[k]);
}
