/**
 * Order-level summaries: the usual e-commerce figures of an order list (customers, orders,
 * revenue, average order value, repeat rate, days between orders) and the purchase frequency.
 *
 * Definitions as the trade uses them (Shopify, "Ecommerce metrics"; Kumar & Reinartz, "Customer
 * Relationship Management: Concept, Strategy, and Tools", 3rd ed., 2018): AOV = revenue ÷ orders, purchase frequency =
 * orders ÷ customers per period, repeat rate = customers with ≥ 2 orders ÷ customers.
 */
import { wholeMonthsBetween, type Period } from '../calendar/days';
import { type CustomerIndex, indexCustomers } from './customers';

/** Summary figures of an order list. */
export interface OrderSummary {
  /** Distinct customers. */
  customers: number;
  /** Order rows. */
  orders: number;
  /** Sum of the amounts. */
  revenue: number;
  /** revenue ÷ orders. */
  averageOrderValue: number;
  /** orders ÷ customers. */
  ordersPerCustomer: number;
  /** Share of customers with at least 2 orders, 0 … 1. */
  repeatRate: number;
  /**
   * Mean over the customers with at least 2 orders of their own average gap,
   * (last order day − first order day) ÷ (orders − 1); `null` when no customer ordered twice.
   */
  averageDaysBetweenOrders: number | null;
  /** Day numbers of the earliest and latest order. */
  firstDay: number;
  lastDay: number;
}

/**
 * Summarises orders given as parallel arrays (one entry per order). The caller makes sure there
 * is at least one order. One pass, O(n). `index` is `indexCustomers(customerIds)`, when the caller
 * has it already.
 *
 * "Average days between orders" weighs every repeat customer equally: each one's average gap is
 * (last − first) ÷ (orders − 1), and the figure is the mean of those. (Pooling all gaps instead
 * would let a handful of very frequent buyers dominate.) Two orders on the same day are a gap of 0.
 *
 * @example orderSummary(['a', 'b', 'a'], [0, 5, 10], [10, 20, 30]) // 2 customers, 3 orders, revenue 60, AOV 20, repeat
 *   rate 0.5, 10 days between orders
 */
export function orderSummary(
  customerIds: ArrayLike<string>,
  days: ArrayLike<number>,
  amounts: ArrayLike<number>,
  index: CustomerIndex = indexCustomers(customerIds),
): OrderSummary {
  const customers = index.ids.length;
  const first = new Float64Array(customers).fill(Infinity);
  const last = new Float64Array(customers).fill(-Infinity);
  const counts = new Int32Array(customers);
  let revenue = 0;
  for (let i = 0; i < days.length; i++) {
    const c = index.of[i];
    const day = days[i];
    if (day < first[c]) first[c] = day;
    if (day > last[c]) last[c] = day;
    counts[c]++;
    revenue += amounts[i];
  }
  let repeaters = 0;
  let gapSum = 0;
  let firstDay = Infinity;
  let lastDay = -Infinity;
  for (let c = 0; c < customers; c++) {
    if (first[c] < firstDay) firstDay = first[c];
    if (last[c] > lastDay) lastDay = last[c];
    if (counts[c] < 2) continue;
    repeaters++;
    gapSum += (last[c] - first[c]) / (counts[c] - 1);
  }
  const orders = days.length;
  return {
    customers,
    orders,
    revenue,
    averageOrderValue: revenue / orders,
    ordersPerCustomer: orders / customers,
    repeatRate: repeaters / customers,
    averageDaysBetweenOrders: repeaters > 0 ? gapSum / repeaters : null,
    firstDay,
    lastDay,
  };
}

/**
 * Whole periods covered by the days `firstDay` … `lastDay` (both included), at least 1: the
 * periods that fit in the span as a calendar counts them, like Sheets'
 * `DATEDIF(first, last + 1, "M")` for months. Days: the number of days; weeks: days ÷ 7 rounded
 * down; months: whole calendar months; quarters and years: whole months ÷ 3 or ÷ 12 rounded down.
 * So 2023-01-01 … 2024-12-31 is 2 years, 2023-01-15 … 2024-03-20 is 1 year, and
 * 2023-12-31 … 2024-01-01 (two days) is 1 year, the minimum.
 *
 * @example periodsSpanned(dayFromCivil(2023, 1, 1), dayFromCivil(2024, 12, 31), 'year') // 2
 */
export function periodsSpanned(firstDay: number, lastDay: number, period: Period): number {
  const days = lastDay - firstDay + 1;
  let periods: number;
  switch (period) {
    case 'day':
      periods = days;
      break;
    case 'week':
      periods = Math.floor(days / 7);
      break;
    default: {
      const months = wholeMonthsBetween(firstDay, lastDay + 1);
      periods = period === 'month' ? months : Math.floor(months / (period === 'quarter' ? 3 : 12));
    }
  }
  return Math.max(1, periods);
}

/** Purchase frequency and the counts it comes from. */
export interface PurchaseFrequency {
  orders: number;
  customers: number;
  /** Whole periods spanned by the data, at least 1 (see {@link periodsSpanned}). */
  periods: number;
  /** orders ÷ customers ÷ periods: orders per customer per period. */
  frequency: number;
}

/**
 * Purchase frequency: orders per customer per period, orders ÷ distinct customers ÷ periods
 * spanned by the data from the first to the last order (see {@link periodsSpanned}). The caller
 * makes sure there is at least one order. O(n).
 *
 * @example purchaseFrequency(['a', 'b', 'a', 'a'], [dayFromCivil(2023, 1, 1), dayFromCivil(2023, 6, 1),
 *   dayFromCivil(2024, 3, 5), dayFromCivil(2024, 12, 31)], 'year') // 4 orders ÷ 2 customers ÷ 2 years = 1
 */
export function purchaseFrequency(
  customerIds: ArrayLike<string>,
  days: ArrayLike<number>,
  period: Period,
): PurchaseFrequency {
  let firstDay = Infinity;
  let lastDay = -Infinity;
  for (let i = 0; i < days.length; i++) {
    if (days[i] < firstDay) firstDay = days[i];
    if (days[i] > lastDay) lastDay = days[i];
  }
  const customers = indexCustomers(customerIds).ids.length;
  const periods = periodsSpanned(firstDay, lastDay, period);
  const orders = days.length;
  return { orders, customers, periods, frequency: orders / customers / periods };
}
