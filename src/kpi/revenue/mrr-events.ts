/**
 * Subscriptions as the changes of each customer's MRR: +amount in the month a line starts, −amount
 * in the month it ends, in typed arrays, grouped by customer and sorted by month. Shared by the MRR
 * movements and the paying-account counts, so both count a month's MRR the same way.
 */
import { periodIndex } from '../calendar/days';
import type { Subscription } from './subscription';

/** The events of a set of subscription lines. */
export interface MrrEvents {
  eventMonth: Float64Array;
  eventAmount: Float64Array;
  eventCustomer: Int32Array;
  events: number;
  /** Distinct customers (0 … customers − 1 in `eventCustomer`). */
  customers: number;
  /** Month of the earliest start, and of the latest start or end (±Infinity with no line). */
  firstStart: number;
  lastDate: number;
  /** Σ |amount|: the size amounts are compared against. */
  scale: number;
}

/**
 * The MRR events of the lines. A line with amount 0, or that ends in the month it starts, is never
 * active at a month's end and adds no event (it still counts for `firstStart`, `lastDate`, `scale`).
 */
export function mrrEvents(subscriptions: readonly Subscription[]): MrrEvents {
  const n = subscriptions.length;
  const out: MrrEvents = {
    eventMonth: new Float64Array(2 * n),
    eventAmount: new Float64Array(2 * n),
    eventCustomer: new Int32Array(2 * n),
    events: 0,
    customers: 0,
    firstStart: Infinity,
    lastDate: -Infinity,
    scale: 0,
  };
  const customerOf = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const s = subscriptions[i];
    const startMonth = periodIndex(s.startDay, 'month');
    const endMonth = s.endDay === null ? Infinity : periodIndex(s.endDay, 'month');
    if (startMonth < out.firstStart) out.firstStart = startMonth;
    if (startMonth > out.lastDate) out.lastDate = startMonth;
    if (endMonth !== Infinity && endMonth > out.lastDate) out.lastDate = endMonth;
    out.scale += Math.abs(s.monthlyAmount);
    if (s.monthlyAmount === 0 || endMonth <= startMonth) continue;
    let customer = customerOf.get(s.customerId);
    if (customer === undefined) customerOf.set(s.customerId, (customer = customerOf.size));
    out.eventMonth[out.events] = startMonth;
    out.eventAmount[out.events] = s.monthlyAmount;
    out.eventCustomer[out.events++] = customer;
    if (endMonth !== Infinity) {
      out.eventMonth[out.events] = endMonth;
      out.eventAmount[out.events] = -s.monthlyAmount;
      out.eventCustomer[out.events++] = customer;
    }
  }
  out.customers = customerOf.size;
  return out;
}

/** Event indexes grouped by customer (counting sort): customer c owns order[offsets[c] … offsets[c + 1]). */
export function groupByCustomer(events: MrrEvents): { order: Int32Array; offsets: Int32Array } {
  const { eventCustomer, customers } = events;
  const offsets = new Int32Array(customers + 1);
  for (let e = 0; e < events.events; e++) offsets[eventCustomer[e] + 1]++;
  for (let c = 0; c < customers; c++) offsets[c + 1] += offsets[c];
  const next = offsets.slice(0, customers);
  const order = new Int32Array(events.events);
  for (let e = 0; e < events.events; e++) order[next[eventCustomer[e]]++] = e;
  return { order, offsets };
}

/** Sorts one customer's event indexes by month: insertion sort for the usual few, a native sort otherwise. */
export function sortByMonth(order: Int32Array, eventMonth: Float64Array): void {
  if (order.length <= 24) {
    for (let i = 1; i < order.length; i++) {
      const e = order[i];
      let j = i - 1;
      for (; j >= 0 && eventMonth[order[j]] > eventMonth[e]; j--) order[j + 1] = order[j];
      order[j + 1] = e;
    }
    return;
  }
  const sorted = Array.from(order).sort((a, b) => eventMonth[a] - eventMonth[b]);
  order.set(sorted);
}
