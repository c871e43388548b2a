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

/**
 * The orders of a window of days (both ends included) as parallel columns, in sheet order. Their
 * customer index is the one `indexCustomers` gives the window's ids, renumbered from the source's
 * (no text is hashed again). When every order is in the window, the source's columns themselves.
 * @example ordersIn(orders, { start: -Infinity, end: dayFromCivil(2025, 12, 31) }).ids.length // orders to then
 */
export function ordersIn(orders: readonly OrderRecord[], w: DayWindow): OrderColumns {
  const all = orderColumns(orders);
  const inWindow = (day: number) => !(day < w.start || day > w.end);
  let count = 0;
  for (let i = 0; i < all.days.length; i++) if (inWindow(all.days[i])) count++;
  if (count === all.days.length) return all; // every order (the usual "up to the period's end")
  const ids: string[] = new Array(count);
  const days = new Float64Array(count);
  const amounts = new Float64Array(count);
  const of = new Int32Array(count);
  const customerIds: string[] = [];
  const renumbered = new Int32Array(all.customers.ids.length).fill(-1);
  let k = 0;
  for (let i = 0; i < all.days.length; i++) {
    if (!inWindow(all.days[i])) continue;
    const source = all.customers.of[i];
    if (renumbered[source] < 0) {
      renumbered[source] = customerIds.length;
      customerIds.push(all.customers.ids[source]);
    }
    of[k] = renumbered[source];
    ids[k] = all.ids[i];
    days[k] = all.days[i];
    amounts[k++] = all.amounts[i];
  }
  return { ids, days, amounts, customers: { ids: customerIds, of } };
}
