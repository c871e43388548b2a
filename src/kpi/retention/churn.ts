/**
 * Customer churn and retention: from counts (customers at the start, at the end, new ones) and
 * from raw orders (who bought in one window and not in the next), plus the repeat rate.
 *
 * Source: the customer retention rate CRR = (E − N) ÷ S (customers at the End, New customers,
 * customers at the Start) as the trade publishes it (HubSpot, Shopify, Zendesk guides); churn is
 * its complement, lost customers ÷ S = (S + N − E) ÷ S.
 */
import { countAtOrBelow } from '../stats/sorted';
import { refuse } from '../domain-error';
import { type CustomerIndex, indexCustomers, ordersPerCustomer } from './customers';

/**
 * Checks that customer counts of a period can be real: start > 0, no negative count, and nobody
 * appears from nowhere (end ≤ start + new). Refuses (`notPositive`, `negativeCustomers`,
 * `endAboveStartPlusNew`) otherwise; inputs are named `start`, `end`, `added`.
 */
function checkCustomerCounts(start: number, end: number, added: number): void {
  if (!(start > 0)) refuse({ code: 'notPositive', input: 'start', value: start });
  if (end < 0) refuse({ code: 'negativeCustomers', input: 'end', value: end });
  if (added < 0) refuse({ code: 'negativeCustomers', input: 'added', value: added });
  if (end > start + added) refuse({ code: 'endAboveStartPlusNew', end, start, added });
}

/**
 * Customer churn rate of a period: the customers lost, (start + new − end) / start — above 1 when
 * customers won during the period left within it too (end < new). Refuses counts that cannot be
 * real (see `checkCustomerCounts`).
 *
 * @example churnRate(200, 190, 40) // 0.25: 240 customers were there at some point, 190 remain, 50 of the 200 left
 * @example churnRate(200, 180) // 0.1
 */
export function churnRate(start: number, end: number, added = 0): number {
  checkCustomerCounts(start, end, added);
  return (start + added - end) / start;
}

/**
 * Customer retention rate of a period, in 0 … 1: the share of the customers at the start still
 * there at the end, (end − new) / start = 1 − churn. Refuses counts that cannot be real (see
 * `checkCustomerCounts`) and more new customers than customers at the end (`newAboveEnd`).
 *
 * @example retentionRate(200, 190, 40) // 0.75
 */
export function retentionRate(start: number, end: number, added: number): number {
  checkCustomerCounts(start, end, added);
  // FUNCTIONS.md lists only the two checks above for CHURN_RATE: customers won during the period can
  // leave within it (end < new), and churn then counts them too (it may exceed 1). Retention, the
  // share of the starting customers kept, needs end ≥ new.
  if (added > end) refuse({ code: 'newAboveEnd', added, end });
  return (end - added) / start;
}

/** Churn measured from raw orders over two consecutive windows of the same length. */
export interface OrderChurn {
  /** First and last day (day numbers) of the previous window. */
  previousStart: number;
  previousEnd: number;
  /** Customers with at least one order in the previous window. */
  previousCustomers: number;
  /** Of those, customers with an order in the period. */
  retained: number;
  /** Of those, customers with no order in the period. */
  churned: number;
  /** churned ÷ previousCustomers, or `null` when nobody ordered in the previous window. */
  rate: number | null;
}

/**
 * Churn from orders: among the customers with an order in the previous window of the same length
 * ([start − len, start), len = end − start + 1 days), the share with no order in [start, end].
 * Orders outside both windows are ignored. One pass, O(n).
 *
 * @example customerChurn(['a', 'b', 'a'], [0, 1, 10], 7, 13) // previous window days 0–6: a, b; a came back → rate 0.5
 */
export function customerChurn(
  customerIds: ArrayLike<string>,
  days: ArrayLike<number>,
  startDay: number,
  endDay: number,
): OrderChurn {
  const length = endDay - startDay + 1;
  const previousStart = startDay - length;
  const index = indexCustomers(customerIds);
  const before = new Uint8Array(index.ids.length);
  const during = new Uint8Array(index.ids.length);
  for (let i = 0; i < days.length; i++) {
    const day = days[i];
    if (day >= previousStart && day < startDay) before[index.of[i]] = 1;
    else if (day >= startDay && day <= endDay) during[index.of[i]] = 1;
  }
  let previousCustomers = 0;
  let retained = 0;
  for (let c = 0; c < before.length; c++) {
    if (!before[c]) continue;
    previousCustomers++;
    if (during[c]) retained++;
  }
  const churned = previousCustomers - retained;
  return {
    previousStart,
    previousEnd: startDay - 1,
    previousCustomers,
    retained,
    churned,
    rate: previousCustomers > 0 ? churned / previousCustomers : null,
  };
}

/**
 * Repeat rate: the share of distinct customers that appear at least twice (ordered more than
 * once), in 0 … 1. The caller makes sure there is at least one id. O(n).
 *
 * @example repeatRate(['a', 'b', 'a', 'c', 'b', 'a']) // 2/3: a and b repeat, c does not
 */
export function repeatRate(customerIds: ArrayLike<string>): number {
  const counts = ordersPerCustomer(indexCustomers(customerIds));
  let repeaters = 0;
  for (let c = 0; c < counts.length; c++) if (counts[c] >= 2) repeaters++;
  return repeaters / counts.length;
}

/**
 * The repeat rate of the orders placed up to any day, from one pass over all the orders: each
 * customer's first and second order days (every order counts, two on one day too), sorted. `at(end)`
 * is exactly `repeatRate` of the customer ids of the orders dated `end` or before (customers whose
 * second order is by then ÷ customers whose first is), `null` when there is no such order. O(n log n)
 * once, then O(log n) per day asked. `index` is `indexCustomers(customerIds)`, when the caller has it
 * already.
 *
 * @example repeatRateByDay(['a', 'b', 'a'], [1, 2, 5]).at(4) // 0: a and b ordered once by day 4
 * @example repeatRateByDay(['a', 'b', 'a'], [1, 2, 5]).at(5) // 0.5
 */
export function repeatRateByDay(
  customerIds: ArrayLike<string>,
  days: ArrayLike<number>,
  index: CustomerIndex = indexCustomers(customerIds),
): { at(end: number): number | null } {
  const first = new Float64Array(index.ids.length).fill(Number.POSITIVE_INFINITY);
  const second = new Float64Array(index.ids.length).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < index.of.length; i++) {
    const c = index.of[i];
    const day = days[i];
    if (day < first[c]) {
      second[c] = first[c];
      first[c] = day;
    } else if (day < second[c]) second[c] = day;
  }
  first.sort();
  second.sort();
  return {
    at(end: number): number | null {
      const customers = countAtOrBelow(first, end);
      return customers ? countAtOrBelow(second, end) / customers : null;
    },
  };
}
