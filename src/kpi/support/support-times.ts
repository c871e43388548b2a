/**
 * Support KPIs of a period and by month: how fast the team first responds and resolves (medians, in
 * hours), the share of the period's tickets resolved within it, and tickets per customer.
 *
 * Source: Zendesk's native duration metrics ("About native Support time duration metrics": first
 * reply time = ticket creation → first agent reply; resolution time = creation → solved), in
 * calendar hours; medians rather than means because a few tickets left open for weeks would
 * dominate a mean (Zendesk Explore reports both). Tickets per customer as the report's headline
 * defines it (tickets opened in the period ÷ customers at its end).
 */
import { periodEndDay, periodIndex, periodStartDay } from '../calendar/days';
import { refuse } from '../domain-error';
import { median } from '../stats/median';
import { leastSquaresSlope } from '../stats/regression';
import { checkTicketTimes, HOURS_PER_DAY, type Ticket } from './ticket';

/** Support KPIs of the tickets opened in one period. */
export interface SupportPeriod {
  /** First and last day (day numbers) of the period. */
  firstDay: number;
  lastDay: number;
  /** Tickets opened in the period. */
  opened: number;
  /** Of those, tickets with a first response time (on or after the opening). */
  responded: number;
  /** Median hours from opening to first response over `responded` tickets; `null` when there is none. */
  medianFirstResponseHours: number | null;
  /** Of the opened tickets, those with a resolved time (on or after the opening), whenever it fell. */
  resolved: number;
  /** Median hours from opening to resolution over `resolved` tickets; `null` when there is none. */
  medianResolutionHours: number | null;
  /** Of the opened tickets, those resolved on or before the period's last day. */
  resolvedWithinPeriod: number;
  /** resolvedWithinPeriod ÷ opened, in 0 … 1; `null` when no ticket was opened. */
  resolvedWithinPeriodShare: number | null;
  /** Customers at the period's end as given by the caller, or `null` when not given. */
  customers: number | null;
  /** opened ÷ customers; `null` when customers is unknown or 0. */
  ticketsPerCustomer: number | null;
  /**
   * Opened tickets with a first response or resolution *before* their opening (a typing or export
   * error): that time is left out of the medians and the share; the count is for a data-quality note.
   */
  inconsistent: number;
}

/** One month of {@link supportByMonth}. */
export interface SupportMonth extends SupportPeriod {
  /** Month index, `year × 12 + month − 1` (as `periodIndex(day, 'month')`). */
  month: number;
}

/**
 * Direction of each monthly series: the slope of the least-squares line through the months that have
 * a value, in the series' unit per month (hours per month for the medians…); `null` with fewer than
 * two such months.
 */
export interface SupportTrend {
  opened: number | null;
  medianFirstResponseHours: number | null;
  medianResolutionHours: number | null;
  resolvedWithinPeriodShare: number | null;
  ticketsPerCustomer: number | null;
}

/** Longest monthly table: 1000 years of months (a wider span is a typo in a date). */
const MAX_MONTHS = 12_000;

/**
 * Support KPIs of the tickets opened on days `firstDay` … `lastDay` (day numbers, both included):
 * - median first-response time = median over tickets with a first response of
 *   (firstResponseAt − openedAt) × 24 hours;
 * - median resolution time = the same with resolvedAt;
 * - share resolved within the period = tickets resolved on or before `lastDay` ÷ tickets opened;
 * - tickets per customer = tickets opened ÷ `customers` (customers at the period's end, when given).
 * A time before its ticket's opening is left out and counted in `inconsistent`. The share needs a
 * resolved column: without one every ticket counts as not resolved, so the caller shows no share.
 * Refuses customers < 0 (`negativeCustomers`, input `customers`). O(n + k log k), k tickets in the period.
 *
 * @example supportPeriod([
 *   { customerId: 'a', openedAt: day + 18 / 24, firstResponseAt: day + 1 + 8 / 24, resolvedAt: day + 2, status: null },
 * ], day, day + 30, 10)
 * // opened 1, medianFirstResponseHours 14 (18:00 → 08:00 the next day), medianResolutionHours 30,
 * // resolvedWithinPeriodShare 1, ticketsPerCustomer 0.1
 */
export function supportPeriod(
  tickets: readonly Ticket[],
  firstDay: number,
  lastDay: number,
  customers: number | null = null,
): SupportPeriod {
  checkCustomers(customers);
  const inPeriod: Ticket[] = [];
  tickets.forEach((ticket, i) => {
    checkTicketTimes(ticket, i);
    const day = Math.floor(ticket.openedAt);
    if (day >= firstDay && day <= lastDay) inPeriod.push(ticket);
  });
  return summarise(inPeriod, firstDay, lastDay, customers);
}

/**
 * {@link supportPeriod} for every calendar month from `fromMonth` to `toMonth` (month indexes; by
 * default the months of the first and the last opened ticket), empty months included (0 opened,
 * `null` medians and share), with the {@link SupportTrend} of each series over those months.
 * `customersByMonth` gives the customers at each month's end (month index → count) for tickets per
 * customer. With no tickets and no months given both are empty. Refuses a reversed or
 * 1000-year range (`monthsReversed`, `tooManyMonths`) and customers < 0 (`negativeCustomers`).
 * O(n log n + months).
 *
 * @example
 * // March 2024 (month 24_290): 5 tickets, first responses after 14, 1.5 and 4 hours; April: 1 ticket, 1 hour:
 * const { months, trend } = supportByMonth(tickets, { customersByMonth: new Map([[24_290, 50], [24_291, 40]]) });
 * months.map((m) => [m.opened, m.medianFirstResponseHours, m.ticketsPerCustomer]) // [[5, 4, 0.1], [1, 1, 0.025]]
 * trend.medianFirstResponseHours // −3 (hours a month: faster)
 */
export function supportByMonth(
  tickets: readonly Ticket[],
  options: { fromMonth?: number; toMonth?: number; customersByMonth?: ReadonlyMap<number, number> } = {},
): { months: SupportMonth[]; trend: SupportTrend } {
  const monthOf = tickets.map((ticket, i) => {
    checkTicketTimes(ticket, i);
    return periodIndex(Math.floor(ticket.openedAt), 'month');
  });
  let first = Infinity;
  let last = -Infinity;
  for (const m of monthOf) {
    if (m < first) first = m;
    if (m > last) last = m;
  }
  const from = options.fromMonth ?? (tickets.length ? first : options.toMonth);
  const to = options.toMonth ?? (tickets.length ? last : options.fromMonth);
  if (from === undefined || to === undefined) return { months: [], trend: trendOf([]) };
  if (to < from) refuse({ code: 'monthsReversed', fromMonth: from, toMonth: to });
  if (to - from >= MAX_MONTHS) refuse({ code: 'tooManyMonths', fromMonth: from, toMonth: to, limit: MAX_MONTHS });

  const buckets: Ticket[][] = Array.from({ length: to - from + 1 }, () => []);
  monthOf.forEach((m, i) => {
    if (m >= from && m <= to) buckets[m - from].push(tickets[i]);
  });
  const months = buckets.map((bucket, k): SupportMonth => {
    const month = from + k;
    const customers = options.customersByMonth?.get(month) ?? null;
    checkCustomers(customers);
    const period = summarise(bucket, periodStartDay(month, 'month'), periodEndDay(month, 'month'), customers);
    return { month, ...period };
  });
  return { months, trend: trendOf(months) };
}

/** The KPIs of tickets already known to be opened in [firstDay, lastDay]. */
function summarise(tickets: readonly Ticket[], firstDay: number, lastDay: number, customers: number | null) {
  const responseHours: number[] = [];
  const resolutionHours: number[] = [];
  let resolvedWithinPeriod = 0;
  let inconsistent = 0;
  for (const t of tickets) {
    let bad = false;
    if (t.firstResponseAt !== null) {
      if (t.firstResponseAt >= t.openedAt) responseHours.push((t.firstResponseAt - t.openedAt) * HOURS_PER_DAY);
      else bad = true;
    }
    if (t.resolvedAt !== null) {
      if (t.resolvedAt >= t.openedAt) {
        resolutionHours.push((t.resolvedAt - t.openedAt) * HOURS_PER_DAY);
        if (Math.floor(t.resolvedAt) <= lastDay) resolvedWithinPeriod++;
      } else bad = true;
    }
    if (bad) inconsistent++;
  }
  const opened = tickets.length;
  return {
    firstDay,
    lastDay,
    opened,
    responded: responseHours.length,
    medianFirstResponseHours: responseHours.length ? median(responseHours) : null,
    resolved: resolutionHours.length,
    medianResolutionHours: resolutionHours.length ? median(resolutionHours) : null,
    resolvedWithinPeriod,
    resolvedWithinPeriodShare: opened ? resolvedWithinPeriod / opened : null,
    customers,
    ticketsPerCustomer: customers ? opened / customers : null,
    inconsistent,
  };
}

/** Least-squares slope per month of one series over the months where it has a value. */
function slope(months: readonly SupportMonth[], value: (m: SupportMonth) => number | null): number | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const m of months) {
    const y = value(m);
    if (y === null) continue;
    xs.push(m.month);
    ys.push(y);
  }
  return leastSquaresSlope(xs, ys) ?? null;
}

function trendOf(months: readonly SupportMonth[]): SupportTrend {
  return {
    opened: slope(months, (m) => m.opened),
    medianFirstResponseHours: slope(months, (m) => m.medianFirstResponseHours),
    medianResolutionHours: slope(months, (m) => m.medianResolutionHours),
    resolvedWithinPeriodShare: slope(months, (m) => m.resolvedWithinPeriodShare),
    ticketsPerCustomer: slope(months, (m) => m.ticketsPerCustomer),
  };
}

function checkCustomers(customers: number | null): void {
  if (customers !== null && !(customers >= 0))
    refuse({ code: 'negativeCustomers', input: 'customers', value: customers });
}
