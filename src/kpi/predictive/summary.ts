/**
 * The per-customer summary the BG/NBD and Gamma-Gamma models work on (Fader, Hardie & Lee,
 * "Counting Your Customers the Easy Way", Marketing Science 24(2), 2005, §3):
 * - orders after `as_of` are ignored; a customer's orders on one day count as one purchase, with
 *   the day's spend summed;
 * - x = repeat purchases = distinct order days − 1;
 * - tₓ (recency) = first order day → last order day, T (age) = first order day → as_of, in units;
 * - monetary = mean spend of the repeat order days (the first day excluded; 0 when x = 0).
 */
import { refuse } from '../domain-error';
import type { CustomerIndex } from '../retention/customers';
import type { Period } from '../calendar/days';

/** Length of each time unit in days. A month is 365.25 / 12 = 30.4375 days, a quarter 91.3125. */
export const UNIT_DAYS: Record<Period, number> = { day: 1, week: 7, month: 30.4375, quarter: 91.3125, year: 365.25 };

/** One customer's summary. */
export interface CustomerSummary {
  /** Customer id as read from the sheet. */
  id: string;
  /** Repeat purchases: distinct order days up to as_of, minus one. */
  x: number;
  /** Recency tₓ: first to last order day, in units. */
  recency: number;
  /** Age T: first order day to as_of, in units. */
  age: number;
  /** Mean spend of the repeat order days (0 without repeat purchases or amounts). */
  monetary: number;
  /** Day number of the first order. */
  firstDay: number;
  /** Day number of the last order up to as_of. */
  lastDay: number;
}

/** Summaries of every customer with an order on or before as_of, in order of first appearance. */
export interface CustomerSummaries {
  customers: CustomerSummary[];
  /** The as_of day used (the latest order day when none was given). */
  asOfDay: number;
  /** Days per unit. */
  unitDays: number;
}

/** Options of {@link summarizeCustomers}. */
export interface SummaryOptions {
  /** Last day of the calibration period (day number); default the latest order day. */
  asOfDay?: number;
  /** Time unit of recency and age (default week). */
  unit?: Period;
}

/**
 * Summarises orders per customer. `days` are integer day numbers (fractions are dropped);
 * `amounts`, when given, must be ≥ 0 and pair with the orders.
 *
 * @example summarizeCustomers(['1', '1', '1'], [0, 17, 213], [29.33, 29.73, 14.96], { asOfDay: 272 })
 * // customer 1: x 2, recency 30.43, age 38.86, monetary 22.345 (the CDNOW sample's first customer)
 */
export function summarizeCustomers(
  customerIds: readonly string[],
  days: readonly number[],
  amounts: readonly number[] | undefined,
  options: SummaryOptions = {},
): CustomerSummaries {
  const orders = groupOrders(customerIds, days, amounts, options.asOfDay);
  return summariesAt(orders, orders.lastDay, options.unit ?? 'week');
}

/**
 * Each customer's distinct order days, ascending, with the spend of each day: the orders read once,
 * from which summaries at any as_of ({@link summariesAt}) and purchases in any window
 * ({@link repeatDaysBetween}) follow without reading them again.
 */
export interface CustomerOrders {
  /** Customers in order of first appearance among the orders kept. */
  ids: string[];
  /** Customer c's days are `days[offsets[c]]` … `days[offsets[c + 1] − 1]`. */
  offsets: Int32Array;
  days: Int32Array;
  /** Spend of each day (0 without amounts). */
  spend: Float64Array;
  /** The last day kept: the one given, or the latest order day. */
  lastDay: number;
}

/**
 * Groups orders by customer and day, keeping those on or before `lastDay` (default: the latest
 * order day). Refuses paired lists of different lengths (`lengthMismatch`), a negative amount
 * (`negative`, even after `lastDay`) and no order on or before `lastDay` (`noOrdersByAsOf`, input
 * `asOf`). `index` is `indexCustomers(customerIds)`, when the caller has it already (no id is
 * hashed again).
 *
 * @example groupOrders(['A', 'B', 'A', 'A'], [10, 11, 12, 10], [5, 6, 7, 8]) // A: days 10 (spend 13), 12 (7); B: 11
 */
export function groupOrders(
  customerIds: ArrayLike<string>,
  days: ArrayLike<number>,
  amounts: ArrayLike<number> | undefined,
  lastDay?: number,
  index?: CustomerIndex,
): CustomerOrders {
  const n = customerIds.length;
  if (days.length !== n)
    refuse({ code: 'lengthMismatch', input: 'customerIds', other: 'days', count: n, otherCount: days.length });
  if (amounts && amounts.length !== n)
    refuse({ code: 'lengthMismatch', input: 'customerIds', other: 'amounts', count: n, otherCount: amounts.length });
  let last = lastDay;
  if (last === undefined) {
    last = -Infinity;
    for (let i = 0; i < n; i++) last = Math.max(last, Math.floor(days[i]));
  }
  // customers are numbered by first appearance among the rows kept: from the caller's index when given
  const indexOf = index ? undefined : new Map<string, number>();
  const renumbered = index ? new Int32Array(index.ids.length).fill(-1) : undefined;
  const ids: string[] = [];
  const customerOf = new Int32Array(n).fill(-1);
  const dayOf = new Float64Array(n);
  let kept = 0;
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < n; i++) {
    if (amounts && amounts[i] < 0) refuse({ code: 'negative', input: 'amounts', value: amounts[i], index: i });
    const day = Math.floor(days[i]);
    if (!(day <= last)) continue;
    let c: number | undefined;
    if (renumbered) {
      const known = index!.of[i];
      c = renumbered[known];
      if (c < 0) {
        c = renumbered[known] = ids.length;
        ids.push(index!.ids[known]);
      }
    } else {
      c = indexOf!.get(customerIds[i]);
      if (c === undefined) {
        c = ids.length;
        indexOf!.set(customerIds[i], c);
        ids.push(customerIds[i]);
      }
    }
    customerOf[i] = c;
    dayOf[i] = day;
    kept++;
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;
  }
  if (kept === 0) refuse({ code: 'noOrdersByAsOf', input: 'asOf' });
  // rows by day, then (stably) by customer: each customer's rows in day order
  const byDay = rowsByDay(customerOf, dayOf, kept, minDay, maxDay);
  const start = new Int32Array(ids.length + 1);
  for (let k = 0; k < kept; k++) start[customerOf[byDay[k]] + 1]++;
  for (let c = 0; c < ids.length; c++) start[c + 1] += start[c];
  const next = start.slice(0, ids.length);
  const rows = new Int32Array(kept);
  for (let k = 0; k < kept; k++) rows[next[customerOf[byDay[k]]]++] = byDay[k];
  // distinct days per customer, spend summed per day
  const offsets = new Int32Array(ids.length + 1);
  const dayList = new Int32Array(kept);
  const spend = new Float64Array(kept);
  let m = 0;
  for (let c = 0; c < ids.length; c++) {
    offsets[c] = m;
    for (let k = start[c]; k < start[c + 1]; k++) {
      const i = rows[k];
      const amount = amounts ? amounts[i] : 0;
      if (m > offsets[c] && dayList[m - 1] === dayOf[i]) spend[m - 1] += amount;
      else {
        dayList[m] = dayOf[i];
        spend[m] = amount;
        m++;
      }
    }
  }
  offsets[ids.length] = m;
  return { ids, offsets, days: dayList.slice(0, m), spend: spend.slice(0, m), lastDay: last };
}

/** Indexes of the kept rows (customer ≥ 0) sorted by day, stably: a counting sort when the span allows. */
function rowsByDay(customerOf: Int32Array, dayOf: Float64Array, kept: number, minDay: number, maxDay: number) {
  const n = customerOf.length;
  const out = new Int32Array(kept);
  const span = maxDay - minDay + 1;
  if (span > 8 * n + 100_000) {
    const rows: number[] = [];
    for (let i = 0; i < n; i++) if (customerOf[i] >= 0) rows.push(i);
    rows.sort((i, j) => dayOf[i] - dayOf[j] || i - j);
    out.set(rows);
    return out;
  }
  const start = new Int32Array(span + 1);
  for (let i = 0; i < n; i++) if (customerOf[i] >= 0) start[dayOf[i] - minDay + 1]++;
  for (let d = 0; d < span; d++) start[d + 1] += start[d];
  for (let i = 0; i < n; i++) if (customerOf[i] >= 0) out[start[dayOf[i] - minDay]++] = i;
  return out;
}

/**
 * Summaries at `asOfDay` (on or before the orders' last day) of every customer whose first order is
 * on or before it, in the orders' customer order. Refuses `noOrdersByAsOf` when there is none.
 *
 * @example summariesAt(groupOrders(ids, days, amounts), dayFromCivil(1997, 9, 30), 'week')
 */
export function summariesAt(orders: CustomerOrders, asOfDay: number, unit: Period): CustomerSummaries {
  const unitDays = UNIT_DAYS[unit];
  const { offsets, days, spend } = orders;
  const customers: CustomerSummary[] = [];
  for (let c = 0; c < orders.ids.length; c++) {
    const first = offsets[c];
    if (!(days[first] <= asOfDay)) continue;
    let end = first + 1;
    let repeatSpend = 0;
    for (; end < offsets[c + 1] && days[end] <= asOfDay; end++) repeatSpend += spend[end];
    const x = end - first - 1;
    customers.push({
      id: orders.ids[c],
      x,
      recency: (days[end - 1] - days[first]) / unitDays,
      age: (asOfDay - days[first]) / unitDays,
      monetary: x > 0 ? repeatSpend / x : 0,
      firstDay: days[first],
      lastDay: days[end - 1],
    });
  }
  if (customers.length === 0) refuse({ code: 'noOrdersByAsOf', input: 'asOf' });
  return { customers, asOfDay, unitDays };
}

/**
 * For each customer whose first order is on or before `fromDay`, in the order of
 * {@link summariesAt}: the distinct order days in (fromDay, toDay] — purchases in a holdout window,
 * all of them repeat purchases.
 *
 * @example repeatDaysBetween(orders, dayFromCivil(1997, 9, 30), dayFromCivil(1998, 6, 30)) // sums to 1882 on CDNOW
 */
export function repeatDaysBetween(orders: CustomerOrders, fromDay: number, toDay: number): Int32Array {
  const { offsets, days } = orders;
  const counts: number[] = [];
  for (let c = 0; c < orders.ids.length; c++) {
    if (!(days[offsets[c]] <= fromDay)) continue;
    let count = 0;
    for (let k = offsets[c]; k < offsets[c + 1]; k++) if (days[k] > fromDay && days[k] <= toDay) count++;
    counts.push(count);
  }
  return Int32Array.from(counts);
}
