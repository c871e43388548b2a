/**
 * The support section, from a Tickets sheet with first-response and resolved date-times: the
 * period's median first-response and resolution times, the share of its tickets resolved within it
 * and tickets per customer, the same by month over 12 months with each series' trend
 * (`supportByMonth`), and the customers with 3 or more unresolved tickets for the "needs attention"
 * list (`customersNeedingAttention`).
 */
import { periodEndDay, periodIndex, periodStartDay } from '../../kpi/calendar/days';
import { customersNeedingAttention } from '../../kpi/support/needs-attention';
import { type SupportMonth, type SupportTrend, supportByMonth, supportPeriod } from '../../kpi/support/support-times';
import type { Ticket, TicketStatus } from '../../kpi/support/ticket';
import type { ReportPeriod } from '../period';
import type { TicketRecord } from '../records';
import type { CustomerActivity } from './activity';
import { TREND_MONTHS } from './blocks';

/** Status words that mean a ticket is still open (English and Spanish, as help desks export them). */
export const OPEN_TICKET_STATUSES: ReadonlySet<string> = new Set([
  'open',
  'opened',
  'reopened',
  'pending',
  'new',
  'on hold',
  'on-hold',
  'hold',
  'abierto',
  'abierta',
  'reabierto',
  'pendiente',
  'nuevo',
  'en espera',
  'en curso',
  'in progress',
]);

/** Status words that mean a ticket is resolved. */
const CLOSED_TICKET_STATUSES: ReadonlySet<string> = new Set([
  'closed',
  'solved',
  'resolved',
  'done',
  'cerrado',
  'cerrada',
  'resuelto',
  'resuelta',
  'solucionado',
  'solucionada',
]);

/**
 * A status cell as the support maths reads it: `open`, `closed`, or `null` for a blank or a word it
 * does not know (then the resolved time decides).
 * @example ticketStatusOf('Cerrado') // 'closed'
 * @example ticketStatusOf('pendiente') // 'open'
 */
export function ticketStatusOf(text: string): TicketStatus | null {
  const word = text.trim().toLowerCase();
  if (OPEN_TICKET_STATUSES.has(word)) return 'open';
  if (CLOSED_TICKET_STATUSES.has(word)) return 'closed';
  return null;
}

/** The Tickets sheet's rows as the support maths takes them (a date without a time is its midnight). */
export function ticketsOf(records: readonly TicketRecord[]): Ticket[] {
  return records.map((t) => ({
    customerId: t.customerId,
    openedAt: t.day,
    firstResponseAt: t.firstResponseAt,
    resolvedAt: t.resolvedAt,
    status: ticketStatusOf(t.status),
  }));
}

/** Support KPIs of one window, as the section shows them. */
export interface SupportFigures {
  opened: number;
  medianFirstResponseHours: number | null;
  medianResolutionHours: number | null;
  resolvedWithinPeriodShare: number | null;
  ticketsPerCustomer: number | null;
}

/** The support section's content. */
export interface SupportSection {
  current: SupportFigures;
  previous: SupportFigures;
  /** The 12 months to the period's end, with the first day of each month. */
  months: (SupportFigures & { monthStart: number })[];
  /** Each monthly series' least-squares slope, per month; `null` with fewer than two months of values. */
  trend: SupportTrend;
  /** The sheet has a resolved column: the share resolved is shown (else every ticket would count as open). */
  hasResolved: boolean;
  hasFirstResponse: boolean;
}

const figures = (p: Omit<SupportMonth, 'month'>): SupportFigures => ({
  opened: p.opened,
  medianFirstResponseHours: p.medianFirstResponseHours,
  medianResolutionHours: p.medianResolutionHours,
  resolvedWithinPeriodShare: p.resolvedWithinPeriodShare,
  ticketsPerCustomer: p.ticketsPerCustomer,
});

/**
 * The support section for the period, or `undefined` when no ticket has a first-response or a
 * resolved time. Customers at each end (for tickets per customer) follow the report's activity rule;
 * without orders they are unknown and tickets per customer is blank. O(tickets log tickets +
 * 12 · customers).
 * @example supportSection(tickets, activity, period)?.current.medianFirstResponseHours // 5.5 (hours)
 */
export function supportSection(
  records: readonly TicketRecord[],
  activity: CustomerActivity | undefined,
  period: ReportPeriod,
): SupportSection | undefined {
  const hasFirstResponse = records.some((t) => t.firstResponseAt !== null);
  const hasResolved = records.some((t) => t.resolvedAt !== null);
  if (!hasFirstResponse && !hasResolved) return undefined;
  const tickets = ticketsOf(records);
  const atEnd = (day: number) => (activity ? activity.window(day, day).atEnd : null);
  const last = periodIndex(period.end, 'month');
  const customersByMonth = new Map<number, number>();
  if (activity)
    for (let m = last - TREND_MONTHS + 1; m <= last; m++) customersByMonth.set(m, atEnd(periodEndDay(m, 'month'))!);
  const { months, trend } = supportByMonth(tickets, {
    fromMonth: last - TREND_MONTHS + 1,
    toMonth: last,
    customersByMonth,
  });
  const previous = period.previous;
  return {
    current: figures(supportPeriod(tickets, period.start, period.end, atEnd(period.end))),
    previous: figures(supportPeriod(tickets, previous.start, previous.end, atEnd(previous.end))),
    months: months.map((m) => ({ ...figures(m), monthStart: periodStartDay(m.month, 'month') })),
    trend,
    hasResolved,
    hasFirstResponse,
  };
}

/**
 * The "needs attention" list's customers: 3 or more tickets unresolved at the period's end, most
 * unresolved first (`customersNeedingAttention`). Empty unless the sheet says which tickets are
 * resolved (a status or a resolved column): without either every ticket would look unresolved.
 * @example needingAttention(records, endDay) // [{ customerId: 'C-0042', unresolved: 4, … }]
 */
export function needingAttention(records: readonly TicketRecord[], endDay: number) {
  if (!records.some((t) => t.resolvedAt !== null || t.status.trim() !== '')) return [];
  return customersNeedingAttention(ticketsOf(records), { asOf: endDay });
}
