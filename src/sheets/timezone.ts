/**
 * Dates as Sheets passes them ↔ day numbers in the spreadsheet's time zone.
 *
 * Sheets hands a date cell to Apps Script as the `Date` instant of local midnight in the
 * spreadsheet's zone. Its calendar date is therefore read in that zone, never in the script's or
 * the host's. UTC offsets come from `Intl.DateTimeFormat` (trusted only so far: an hour `24` at
 * midnight, as some V8/ICU builds write it, is read as 0; where the `timeZone` option or
 * `formatToParts` is missing, Apps Script's `Utilities.formatDate` is used), cached per week when the
 * offset is the same at both ends of the week (its start and the next week's: zones change offset
 * at most a few times a year). A week whose ends differ holds one change, found by halving at
 * quarter-hour resolution (every real zone changes offset on quarter-hour boundaries); if what is
 * found is not one change, that week's offsets are read per quarter of an hour. Two years of dates
 * cost about a hundred and fifty `Intl` calls, whatever the number of rows.
 */
import { dayFromCivil } from '../kpi/calendar/days';

const MS_PER_DAY = 86_400_000;
const QUARTER_HOUR = 900_000;
const WEEK = 7 * MS_PER_DAY;

/** Converts between instants and civil days in one IANA time zone. */
export class ZoneCalendar {
  readonly timeZone: string;
  private readonly wallClockOf: WallClockReader;
  private readonly offsets = new Map<number, number>();
  /**
   * Offset of each week whose two ends agree; for a week with a change in it, the quarter hour the
   * change takes effect and the offsets before and after it, or `null` when that change could not
   * be found (each quarter hour of the week is then read on its own).
   */
  private readonly weeks = new Map<number, number | WeekChange | null>();

  constructor(timeZone: string) {
    this.timeZone = timeZone;
    this.wallClockOf = intlWallClock(timeZone) ?? utilitiesWallClock(timeZone);
  }

  /** Offset of the zone from UTC, in ms, at an instant. */
  offsetAt(ms: number): number {
    const week = Math.floor(ms / WEEK);
    let weekly = this.weeks.get(week);
    if (weekly === undefined) {
      // The week's end is read at the next week's start: one `Intl` call serves both weeks.
      const start = this.quarterHourOffset(week * WEEK);
      const end = this.quarterHourOffset((week + 1) * WEEK);
      weekly = start === end ? start : this.changeIn(week, start, end);
      this.weeks.set(week, weekly);
    }
    if (typeof weekly === 'number') return weekly;
    if (weekly === null) return this.quarterHourOffset(ms);
    return Math.floor(ms / QUARTER_HOUR) < weekly.bucket ? weekly.before : weekly.after;
  }

  /**
   * The one change of offset in a week whose ends differ (the next week's start included): the
   * first quarter hour whose offset is no longer the week's first, found by halving (about ten
   * `Intl` calls instead of one per quarter hour used); the next week's start when the change
   * takes effect just then. `null` when what is found is not one change from `before` to `after`.
   */
  private changeIn(week: number, before: number, after: number): WeekChange | null {
    let low = (week * WEEK) / QUARTER_HOUR; // offset `before`
    let high = ((week + 1) * WEEK) / QUARTER_HOUR; // offset `after`
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (this.quarterHourOffset(mid * QUARTER_HOUR) === before) low = mid;
      else high = mid;
    }
    return this.quarterHourOffset(high * QUARTER_HOUR) === after ? { bucket: high, before, after } : null;
  }

  private quarterHourOffset(ms: number): number {
    const bucket = Math.floor(ms / QUARTER_HOUR);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      offset = this.computeOffset(bucket * QUARTER_HOUR);
      this.offsets.set(bucket, offset);
    }
    return offset;
  }

  /** Day number (days since 1970-01-01) of the calendar date an instant falls on in the zone. */
  dayOf(ms: number): number {
    return Math.floor((ms + this.offsetAt(ms)) / MS_PER_DAY);
  }

  /** Fractional day number (time of day included) of an instant in the zone. */
  exactDayOf(ms: number): number {
    return (ms + this.offsetAt(ms)) / MS_PER_DAY;
  }

  /**
   * The instant of local midnight starting a day in the zone: what Sheets shows as that date. Where
   * the clocks jump at midnight (a DST change at 00:00, as in America/Santiago) local midnight does
   * not exist and the day starts when they jump: that instant is returned.
   */
  midnightOf(dayNumber: number): Date {
    const wall = dayNumber * MS_PER_DAY;
    let ms = wall - this.offsetAt(wall);
    ms = wall - this.offsetAt(ms);
    if (this.dayOf(ms) < dayNumber) {
      // A gap at midnight: the first minute of the day is at most a few hours later.
      let low = Math.floor(ms / 60_000);
      let high = low + 24 * 60;
      while (high - low > 1) {
        const mid = Math.floor((low + high) / 2);
        if (this.dayOf(mid * 60_000) >= dayNumber) high = mid;
        else low = mid;
      }
      ms = high * 60_000;
    }
    return new Date(ms);
  }

  private computeOffset(ms: number): number {
    const w = this.wallClockOf(new Date(ms));
    const wall =
      dayFromCivil(w.year, w.month, w.day) * MS_PER_DAY + w.hour * 3_600_000 + w.minute * 60_000 + w.second * 1000;
    return wall - Math.floor(ms / 1000) * 1000;
  }
}

/** A week's change of offset: from quarter hour `bucket` (counted from the epoch) on, `after`. */
interface WeekChange {
  bucket: number;
  before: number;
  after: number;
}

/** The calendar fields an instant shows on a zone's clocks. */
interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

type WallClockReader = (instant: Date) => WallClock;

/** The text `Intl.DateTimeFormat('en-US')` writes with an era and a 24-hour clock: `1/31/1956 AD, 23:00:00`. */
const WALL_CLOCK_TEXT = /^(\d{1,2})\/(\d{1,2})\/(\d{1,6})[\s\u202f]+(AD|BC|A|B),?[\s\u202f]+(\d{1,2}):(\d{2}):(\d{2})$/;

/**
 * The wall clock in an en-US text with era and 24-hour clock, or `undefined` when the text is not
 * in that form (another ICU's layout): the caller then reads the parts one by one.
 *
 * @example wallClockOfText('1/31/1956 AD, 23:00:00') // { year: 1956, month: 1, day: 31, hour: 23, … }
 */
export function wallClockOfText(text: string): WallClock | undefined {
  const m = WALL_CLOCK_TEXT.exec(text);
  if (!m) return undefined;
  const year = Number(m[3]);
  return {
    year: m[4].startsWith('B') ? 1 - year : year,
    month: Number(m[1]),
    day: Number(m[2]),
    hour: Number(m[5]) % 24, // "24" is midnight of the same day where the runtime ignores hourCycle
    minute: Number(m[6]),
    second: Number(m[7]),
  };
}

/**
 * Wall clocks read with `Intl.DateTimeFormat`, or `undefined` where this runtime's `Intl` cannot
 * take the `timeZone` option or has no `formatToParts`. The formatted text is read when it has the
 * layout {@link wallClockOfText} knows and agrees with the parts on two instants (a third of the
 * cost of `formatToParts`, which is used otherwise).
 */
function intlWallClock(timeZone: string): WallClockReader | undefined {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    if (typeof format.formatToParts !== 'function') return undefined;
    format.formatToParts(new Date(0));
  } catch {
    return undefined;
  }
  const fromParts = (instant: Date): WallClock => {
    const parts = format.formatToParts(instant);
    const get = (type: string) => {
      const part = parts.find((p) => p.type === type);
      return part ? Number(part.value) : 0;
    };
    const era = parts.find((p) => p.type === 'era');
    const year = get('year');
    return {
      year: era && /^B/i.test(era.value) ? 1 - year : year,
      month: get('month'),
      day: get('day'),
      hour: get('hour') % 24, // "24" is midnight of the same day where the runtime ignores hourCycle
      minute: get('minute'),
      second: get('second'),
    };
  };
  const checks = [new Date(0), new Date(Date.UTC(1956, 0, 31, 23, 59, 58))];
  const textAgrees = checks.every((instant) => {
    const read = wallClockOfText(format.format(instant));
    const parts = fromParts(instant);
    return read !== undefined && (Object.keys(parts) as (keyof WallClock)[]).every((key) => read[key] === parts[key]);
  });
  if (!textAgrees) return fromParts;
  return (instant) => wallClockOfText(format.format(instant)) ?? fromParts(instant);
}

/** Wall clocks read with Apps Script's `Utilities.formatDate` (Java's zone data: always there). */
function utilitiesWallClock(timeZone: string): WallClockReader {
  return (instant) => {
    const text = Utilities.formatDate(instant, timeZone, 'yyyy-MM-dd HH:mm:ss');
    const [date, time] = text.split(' ');
    const [year, month, day] = date.split('-').map(Number);
    const [hour, minute, second] = time.split(':').map(Number);
    return { year, month, day, hour, minute, second };
  };
}
