/**
 * Customer activity from orders, the retail way: a customer is *active* on a day when they have an
 * order in the 365 days up to it. Churned customers were active when a window started and are not
 * when it ends; reactivated ones come back after more than a year; new ones order for the first time.
 */
import { type CustomerIndex, indexCustomers } from '../../kpi/retention/customers';
import { countAtOrBelow } from '../../kpi/stats/sorted';

/** Days an order keeps a customer active. */
export const ACTIVE_WINDOW_DAYS = 365;

/** Counts of one window [start, end]. */
export interface ActivityCounts {
  atStart: number;
  newCustomers: number;
  atEnd: number;
  churned: number;
  reactivated: number;
  /** Customers with at least one order in the window. */
  ordering: number;
}

/** Each customer's order days, sorted and distinct, for fast windowed questions. */
export class CustomerActivity {
  /** Distinct customer ids. */
  readonly ids: string[];
  /** Sorted distinct order days of each customer. */
  readonly days: Int32Array[];

  /**
   * @param index `indexCustomers(customerIds)`, when the caller has it already: customers are listed
   *   in its order (first appearance).
   */
  constructor(
    customerIds: ArrayLike<string>,
    orderDays: ArrayLike<number>,
    index: CustomerIndex = indexCustomers(customerIds),
  ) {
    this.ids = index.ids;
    // Each customer's days side by side in one array (counting sort by customer), then each run sorted.
    const start = new Int32Array(index.ids.length + 1);
    for (let i = 0; i < index.of.length; i++) start[index.of[i] + 1]++;
    for (let c = 0; c < index.ids.length; c++) start[c + 1] += start[c];
    const next = start.slice(0, index.ids.length);
    const grouped = new Int32Array(index.of.length);
    for (let i = 0; i < index.of.length; i++) grouped[next[index.of[i]]++] = orderDays[i];
    this.days = new Array(index.ids.length);
    for (let c = 0; c < index.ids.length; c++) {
      const sorted = grouped.subarray(start[c], start[c + 1]).sort();
      let k = 0;
      for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[k - 1]) sorted[k++] = sorted[i];
      this.days[c] = sorted.slice(0, k);
    }
  }

  /** Whether customer `c` is active on `day`. */
  activeOn(c: number, day: number): boolean {
    const last = lastAtOrBefore(this.days[c], day);
    return last !== undefined && last > day - ACTIVE_WINDOW_DAYS;
  }

  /** First order day of customer `c`. */
  firstDay(c: number): number {
    return this.days[c][0];
  }

  /** Last order day of customer `c` on or before `day`, if any. */
  lastOrderOnOrBefore(c: number, day: number): number | undefined {
    return lastAtOrBefore(this.days[c], day);
  }

  /** Activity counts of the window [start, end]. O(customers · log orders). */
  window(start: number, end: number): ActivityCounts {
    const counts: ActivityCounts = { atStart: 0, newCustomers: 0, atEnd: 0, churned: 0, reactivated: 0, ordering: 0 };
    for (let c = 0; c < this.days.length; c++) {
      const days = this.days[c];
      const first = days[0];
      if (first > end) continue;
      // the last order on or before each end of the window (two searches per customer)
      const atEnd = countAtOrBelow(days, end);
      const last = days[atEnd - 1];
      const beforeStart = countAtOrBelow(days, start - 1);
      const activeBefore = beforeStart > 0 && days[beforeStart - 1] > start - 1 - ACTIVE_WINDOW_DAYS;
      const activeAfter = last > end - ACTIVE_WINDOW_DAYS;
      if (activeBefore) counts.atStart++;
      if (activeAfter) counts.atEnd++;
      if (first >= start) counts.newCustomers++;
      else if (activeAfter && !activeBefore) counts.reactivated++;
      if (activeBefore && !activeAfter) counts.churned++;
      if (last >= start) counts.ordering++;
    }
    return counts;
  }
}

function lastAtOrBefore(sorted: Int32Array, day: number): number | undefined {
  const count = countAtOrBelow(sorted, day);
  return count === 0 ? undefined : sorted[count - 1];
}
