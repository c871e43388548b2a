/**
 * Support tickets as the support KPIs see them, and when one counts as unresolved.
 *
 * Times are *fractional day numbers*: days since 1970-01-01 of the spreadsheet's wall clock, the
 * time of day as the fraction (noon of day 19 782 is 19 782.5) — what `TimeZone.exactDayOf` gives
 * at the spreadsheet edge. A date without a time is its day number (midnight). Durations are
 * differences of wall-clock times, as a user subtracting two date-time cells in Sheets gets them
 * (a response that spans a daylight-saving change is off by the shift, one hour).
 */

/** The ticket's current state, read from its status column by the edge (which knows the words). */
export type TicketStatus = 'open' | 'closed';

/** One support ticket. */
export interface Ticket {
  /** Customer the ticket belongs to. */
  customerId: string;
  /** When it was opened (fractional day number); its day decides the month it counts in. */
  openedAt: number;
  /** First response by the team (fractional day number), or `null` when unanswered or unknown. */
  firstResponseAt: number | null;
  /** When it was resolved or closed (fractional day number), or `null` when unresolved or unknown. */
  resolvedAt: number | null;
  /** Current state from the status column, or `null` when the sheet has none or the cell is blank. */
  status: TicketStatus | null;
}

/** Hours in a day: durations in fractional days × 24. */
export const HOURS_PER_DAY = 24;

/**
 * Whether a ticket is still unresolved on day `asOf` (a day number): tickets opened after that day
 * do not count at all (`false`). The status, when known, is the current state: `open` is
 * unresolved (a ticket reopened after a resolution too). Otherwise a resolved time decides (resolved
 * on a day after `asOf` → still unresolved then); with neither, `closed` is resolved and a ticket
 * with no status and no resolved time is unresolved.
 *
 * So a sheet with neither a status nor a resolved column makes every ticket unresolved: the caller
 * asks this question only when the sheet has one of them.
 *
 * @example isUnresolvedOn({ customerId: 'a', openedAt: 10.5, firstResponseAt: null, resolvedAt: 12.25, status: null },
 *   11) // true: resolved on day 12, after day 11
 */
export function isUnresolvedOn(ticket: Ticket, asOf: number): boolean {
  if (Math.floor(ticket.openedAt) > asOf) return false;
  if (ticket.status === 'open') return true;
  if (ticket.resolvedAt !== null) return Math.floor(ticket.resolvedAt) > asOf;
  return ticket.status !== 'closed';
}

/** Throws a `RangeError` (a caller bug: the edge hands finite times) for a time that is not a finite number. */
export function checkTicketTimes(ticket: Ticket, index: number): void {
  const ok =
    Number.isFinite(ticket.openedAt) &&
    (ticket.firstResponseAt === null || Number.isFinite(ticket.firstResponseAt)) &&
    (ticket.resolvedAt === null || Number.isFinite(ticket.resolvedAt));
  if (!ok) throw new RangeError(`ticket ${index}: times must be finite day numbers`);
}
