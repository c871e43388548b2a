/**
 * The orders as the maths takes them: parallel columns of customer ids, days and amounts, in sheet
 * order, with each order's customer as a dense index, built once per orders source and cut to a
 * window of days for each KPI that needs one.
 */
import { type CustomerIndex, indexCustomers } from '../../kpi/retention/customers';
import type { OrderRecord } from '../records';
import type { DayWindow } from './headline';
import { oncePer } from './once-per';

/** The orders as parallel columns (their customer ids, days and amounts), in sheet order. */
export interface OrderColumns {
  ids: string[];
  days: Float64Array;
  amounts: Float64Array;
  /** `indexCustomers(ids)`: the maths' per-customer arrays are built on it. */
  customers: CustomerIndex;
}

/** The orders' columns, built once per orders source (every window scans them). */
export const orderColumns = oncePer((orders: readonly OrderRecord[]): OrderColumns => {
  const ids: string[] = new Array(orders.length);
  const days = new Float64Array(orders.length);
  const amounts = new Float64Array(orders.length);
  for (let i = 0; i < orders.length; i++) {
    ids[i] = orders[i].customerId;
    days[i] = orders[i].day;
    amounts[i] = orders[i].amount;
  }
  return { ids, days, amounts, customers: indexCustomers(ids) };
});

/** Positions of the orders sorted by day (ties in sheet order), built once per orders source. */
const byDay = oncePer(({ days }: OrderColumns): Int32Array => {
  const positions = new Int32Array(days.length);
  let low = Infinity;
  let high = -Infinity;
  let whole = true;
  for (let i = 0; i < days.length; i++) {
    const day = days[i];
    if (day < low) low = day;
    if (day > high) high = day;
    if (!Number.isInteger(day)) whole = false;
  }
  if (!whole || high - low > 4 * days.length + 1_000) {
    for (let i = 0; i < positions.length; i++) positions[i] = i;
    return positions.sort((a, b) => days[a] - days[b] || a - b);
  }
  // Whole days over a span not much longer than the orders: a counting sort (stable, O(n + span)).
  const starts = new Int32Array(high - low + 2);
  for (let i = 0; i < days.length; i++) starts[days[i] - low + 1]++;
  for (let d = 1; d < starts.length; d++) starts[d] += starts[d - 1];
  for (let i = 0; i < days.length; i++) positions[starts[days[i] - low]++] = i;
  return positions;
});

/** How many leading positions of `order` (sorted by day) have a day for which `before` holds. */
function leading(order: Int32Array, days: Float64Array, before: (day: number) => boolean): number {
  let low = 0;
  let high = order.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (before(days[order[mid]])) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The orders of a window of days (both ends included) as parallel columns, in sheet order. Their
 * customer index is the one `indexCustomers` gives the window's ids, renumbered from the source's
 * (no text is hashed again). When every order is in the window, the source's columns themselves.
 * The window's orders are found in the orders sorted by day (O(log n + orders in the window)).
 * @example ordersIn(orders, { start: -Infinity, end: dayFromCivil(2025, 12, 31) }).ids.length // orders to then
 */
export function ordersIn(orders: readonly OrderRecord[], w: DayWindow): OrderColumns {
  const all = orderColumns(orders);
  const order = byDay(all);
  const from = leading(order, all.days, (day) => day < w.start);
  const to = leading(order, all.days, (day) => !(day > w.end));
  const count = Math.max(0, to - from);
  if (count === all.days.length) return all; // every order (the usual "up to the period's end")
  const positions = order.slice(from, from + count).sort();
  const ids: string[] = new Array(count);
  const days = new Float64Array(count);
  const amounts = new Float64Array(count);
  const of = new Int32Array(count);
  const customerIds: string[] = [];
  const renumbered = new Int32Array(all.customers.ids.length).fill(-1);
  for (let k = 0; k < count; k++) {
    const i = positions[k];
    const source = all.customers.of[i];
    if (renumbered[source] < 0) {
      renumbered[source] = customerIds.length;
      customerIds.push(all.customers.ids[source]);
    }
    of[k] = renumbered[source];
    ids[k] = all.ids[i];
    days[k] = all.days[i];
    amounts[k] = all.amounts[i];
  }
  return { ids, days, amounts, customers: { ids: customerIds, of } };
}
