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
  const n = customerIds.length;
  if (days.length !== n)
    refuse({ code: 'lengthMismatch', input: 'customerIds', other: 'days', count: n, otherCount: days.length });
  if (amounts && amounts.length !== n)
    refuse({ code: 'lengthMismatch', input: 'customerIds', other: 'amounts', count: n, otherCount: amounts.length });
  const unitDays = UNIT_DAYS[options.unit ?? 'week'];
  let asOfDay = options.asOfDay;
  if (asOfDay === undefined) {
    asOfDay = -Infinity;
    for (let i = 0; i < n; i++) asOfDay = Math.max(asOfDay, Math.floor(days[i]));
  }
  // customers in order of first appearance; orders on or before as_of, sorted by (customer, day)
  const indexOf = new Map<string, number>();
  const ids: string[] = [];
  const kept: number[] = [];
  const customerOf = new Int32Array(n);
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < n; i++) {
    const day = Math.floor(days[i]);
    if (amounts && amounts[i] < 0) refuse({ code: 'negative', input: 'amounts', value: amounts[i], index: i });
    if (!(day <= asOfDay)) continue;
    let c = indexOf.get(customerIds[i]);
    if (c === undefined) {
      c = ids.length;
      indexOf.set(customerIds[i], c);
      ids.push(customerIds[i]);
    }
    customerOf[i] = c;
    kept.push(i);
    minDay = Math.min(minDay, day);
    maxDay = Math.max(maxDay, day);
  }
  if (kept.length === 0) refuse({ code: 'noOrdersByAsOf', input: 'asOf' });
  const span = maxDay - minDay + 1;
  const key = (i: number) => customerOf[i] * span + (Math.floor(days[i]) - minDay);
  kept.sort((i, j) => key(i) - key(j));

  const customers: CustomerSummary[] = [];
  for (let k = 0; k < kept.length; ) {
    const c = customerOf[kept[k]];
    const firstDay = Math.floor(days[kept[k]]);
    let lastDay = firstDay;
    let repeatDays = 0;
    let repeatSpend = 0;
    for (; k < kept.length && customerOf[kept[k]] === c; k++) {
      const i = kept[k];
      const day = Math.floor(days[i]);
      if (day !== lastDay) {
        repeatDays++;
        lastDay = day;
      }
      if (day !== firstDay && amounts) repeatSpend += amounts[i];
    }
    customers.push({
      id: ids[c],
      x: repeatDays,
      recency: (lastDay - firstDay) / unitDays,
      age: (asOfDay - firstDay) / unitDays,
      monetary: repeatDays > 0 ? repeatSpend / repeatDays : 0,
      firstDay,
      lastDay,
    });
  }
  // sorted by customer index, so already in order of first appearance
  return { customers, asOfDay, unitDays };
}
