/**
 * Dates as Sheets stores and passes them: a date cell is the instant of local midnight in the
 * spreadsheet's time zone. Written independently of src/ so tests do not check the add-on's time
 * zone code against itself.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a zone. */
export function wallClock(
  instant: Date,
  timeZone: string,
): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** UTC offset of a zone at an instant, in minutes. */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
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
  let guess = wall;
  for (let i = 0; i < 3; i++) guess = wall - offsetMinutes(new Date(guess), timeZone) * 60000;
  return new Date(guess);
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
