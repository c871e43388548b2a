/**
 * Dates as Sheets stores and passes them: a date cell is the instant of local midnight in the
 * spreadsheet's time zone. Written independently of src/ so tests do not check the add-on's time
 * zone code against itself: zone offsets come from moment-timezone's own copy of the IANA tz data,
 * never from `Intl` (the add-on uses `Intl`, and the emulator can make `Intl` misbehave to test it).
 */
import moment from 'moment-timezone';

/** The IANA zone, or an error naming it (moment-timezone would silently fall back to UTC). */
function zoneOf(timeZone: string): moment.MomentZone {
  const zone = moment.tz.zone(timeZone);
  if (!zone) throw new Error(`Invalid time zone: ${timeZone}`);
  return zone;
}

/** Wall-clock fields of an instant in a zone. */
export function wallClock(
  instant: Date,
  timeZone: string,
): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const wall = new Date(Math.floor(instant.getTime() / 1000) * 1000 + offsetMinutes(instant, timeZone) * 60000);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

/** UTC offset of a zone at an instant, in minutes (east of Greenwich positive). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  // moment-timezone counts minutes west of Greenwich, with the seconds of old local mean times.
  return -zoneOf(timeZone).utcOffset(instant.getTime());
}

/**
 * The instant a Sheets date cell holds for a wall-clock time in the spreadsheet's zone.
 * `sheetDate('2024-03-31', 'America/Los_Angeles')` is 2024-03-31T07:00:00Z.
 */
export function sheetDate(isoDateTime: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(isoDateTime);
  if (!m) throw new Error(`sheetDate: bad date ${isoDateTime}`);
  const wall = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
  );
  return instantOfWallClock(wall, timeZone);
}

/** The instant a zone's clocks show a wall-clock time (given as ms since 1970 read as UTC). */
export function instantOfWallClock(wallMs: number, timeZone: string): Date {
  let guess = wallMs;
  for (let i = 0; i < 3; i++) guess = wallMs - offsetMinutes(new Date(guess), timeZone) * 60000;
  return new Date(Math.round(guess));
}

/** Sheets' serial number of an instant: days since 1899-12-30 on the zone's clocks. */
export function serialOfInstant(instant: Date, timeZone: string): number {
  const wall = instant.getTime() + offsetMinutes(instant, timeZone) * 60000;
  return wall / 86400000 + 25569;
}

/** The instant of a serial number on the zone's clocks (a duration's serial reads as a time after 1899-12-30). */
export function instantOfSerial(serial: number, timeZone: string): Date {
  return instantOfWallClock(Math.round((serial - 25569) * 86400000), timeZone);
}

/** `yyyy-mm-dd` of the calendar date an instant shows in a zone. */
export function isoDateIn(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * `Utilities.formatDate`: Java `SimpleDateFormat` patterns (y, M, d, H, h, m, s, S, E, a, Z, X,
 * quoted text) in a given zone.
 */
export function formatDate(date: Date, timeZone: string, format: string): string {
  const w = wallClock(date, timeZone);
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  const offset = offsetMinutes(date, timeZone);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return format.replace(/'([^']*)'|y+|M+|d+|H+|h+|m+|s+|S+|E+|a+|Z+|X+/g, (token, quoted: string | undefined) => {
    if (quoted !== undefined) return quoted === '' ? "'" : quoted;
    const n = token.length;
    switch (token[0]) {
      case 'y':
        return n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
      case 'M':
        return n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1].slice(0, 3) : pad(w.month, n);
      case 'd':
        return pad(w.day, n);
      case 'H':
        return pad(w.hour, n);
      case 'h':
        return pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
      case 'm':
        return pad(w.minute, n);
      case 's':
        return pad(w.second, n);
      case 'S':
        return pad(date.getUTCMilliseconds(), n);
      case 'E':
        return n >= 4 ? DAYS[weekday] : DAYS[weekday].slice(0, 3);
      case 'a':
        return w.hour < 12 ? 'AM' : 'PM';
      case 'Z':
      case 'X': {
        const sign = offset < 0 ? '-' : '+';
        const abs = Math.abs(offset);
        const body = `${pad(Math.floor(abs / 60), 2)}${token[0] === 'X' && n >= 3 ? ':' : ''}${pad(abs % 60, 2)}`;
        return token[0] === 'X' && offset === 0 ? 'Z' : sign + body;
      }
      default:
        return token;
    }
  });
}
