/**
 * The orders as the maths takes them: parallel columns of customer ids, days and amounts, in sheet
 * order, built once per orders source and cut to a window of days for each KPI that needs one.
 */
import type { OrderRecord } from '../records';
import type { DayWindow } from './headline';
import { oncePer } from './once-per';

/** The orders as parallel columns (their customer ids, days and amounts), in sheet order. */
export interface OrderColumns {
  ids: string[];
  days: Float64Array;
  amounts: Float64Array;
}

/** The orders' columns, built once per orders source (every window scans them). */
export const orderColumns = oncePer((orders: readonly OrderRecord[]): OrderColumns => {
  const columns: OrderColumns = {
    ids: new Array(orders.length),
    days: new Float64Array(orders.length),
    amounts: new Float64Array(orders.length),
  };
  for (let i = 0; i < orders.length; i++) {
    columns.ids[i] = orders[i].customerId;
    columns.days[i] = orders[i].day;
    columns.amounts[i] = orders[i].amount;
  }
  return columns;
});

/**
 * The orders of a window of days (both ends included) as parallel columns, in sheet order.
 * @example ordersIn(orders, { start: -Infinity, end: dayFromCivil(2025, 12, 31) }).ids.length // orders to then
 */
export function ordersIn(orders: readonly OrderRecord[], w: DayWindow): OrderColumns {
  const all = orderColumns(orders);
  const inWindow = (day: number) => !(day < w.start || day > w.end);
  let count = 0;
  for (let i = 0; i < all.days.length; i++) if (inWindow(all.days[i])) count++;
  const ids: string[] = new Array(count);
  const days = new Float64Array(count);
  const amounts = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < all.days.length; i++) {
    if (!inWindow(all.days[i])) continue;
    ids[k] = all.ids[i];
    days[k] = all.days[i];
    amounts[k++] = all.amounts[i];
  }
  return { ids, days, amounts };
}
