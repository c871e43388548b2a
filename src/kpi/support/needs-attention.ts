/**
 * The "needs attention" action list: customers with several support tickets still unresolved.
 */
import { checkTicketTimes, isUnresolvedOn, type Ticket } from './ticket';

/** Unresolved tickets that put a customer on the list, by default. */
export const NEEDS_ATTENTION_MIN_UNRESOLVED = 3;

/** One customer on the list. */
export interface AttentionRow {
  customerId: string;
  /** Tickets unresolved on the reference day. */
  unresolved: number;
  /** Opening time (fractional day number) of the customer's oldest unresolved ticket. */
  oldestUnresolvedAt: number;
  /** All the customer's tickets opened on or before the reference day. */
  tickets: number;
}

/**
 * Customers with at least `minUnresolved` (default 3) tickets unresolved on day `asOf` (by default
 * the day of the latest opening; unresolved as {@link isUnresolvedOn} decides), most unresolved
 * first, then the oldest waiting ticket first, then by customer id — so the list reads the same
 * whatever the row order. Throws a `RangeError` for a `minUnresolved` that is not a whole number ≥ 1
 * (a caller bug). O(n + c log c) for c listed customers.
 *
 * Source: seed article 001's customer-success KPIs (open tickets per customer); the threshold of 3
 * is issue 16's.
 *
 * @example customersNeedingAttention(tickets) // [{ customerId: 'c7', unresolved: 4, oldestUnresolvedAt: 19790.4,
 *   tickets: 6 }, …]
 */
export function customersNeedingAttention(
  tickets: readonly Ticket[],
  options: { asOf?: number; minUnresolved?: number } = {},
): AttentionRow[] {
  const minUnresolved = options.minUnresolved ?? NEEDS_ATTENTION_MIN_UNRESOLVED;
  if (!(Number.isInteger(minUnresolved) && minUnresolved >= 1)) {
    throw new RangeError(`customersNeedingAttention: minUnresolved ${minUnresolved} is not a whole number ≥ 1`);
  }
  tickets.forEach(checkTicketTimes);
  const asOf = options.asOf ?? latestOpeningDay(tickets);
  const byCustomer = new Map<string, AttentionRow>();
  tickets.forEach((t) => {
    if (Math.floor(t.openedAt) > asOf) return;
    let row = byCustomer.get(t.customerId);
    if (!row) {
      row = { customerId: t.customerId, unresolved: 0, oldestUnresolvedAt: Infinity, tickets: 0 };
      byCustomer.set(t.customerId, row);
    }
    row.tickets++;
    if (isUnresolvedOn(t, asOf)) {
      row.unresolved++;
      if (t.openedAt < row.oldestUnresolvedAt) row.oldestUnresolvedAt = t.openedAt;
    }
  });
  return [...byCustomer.values()]
    .filter((row) => row.unresolved >= minUnresolved)
    .sort(
      (a, b) =>
        b.unresolved - a.unresolved ||
        a.oldestUnresolvedAt - b.oldestUnresolvedAt ||
        (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0),
    );
}

/** Day of the latest opening (−Infinity with no tickets). */
function latestOpeningDay(tickets: readonly Ticket[]): number {
  let latest = -Infinity;
  for (const t of tickets) latest = Math.max(latest, Math.floor(t.openedAt));
  return latest;
}
