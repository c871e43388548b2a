/**
 * Monthly recurring revenue on one day.
 */
import { isActiveOn, type Subscription } from './subscription';

/**
 * MRR on a day: the sum of the monthly amounts of the subscriptions active that day
 * (start ≤ day and (no end or end > day)). One pass, O(n).
 *
 * @example mrrOn([{ customerId: 'a', startDay: 0, endDay: null, monthlyAmount: 30 }, { customerId: 'b', startDay: 0,
 *   endDay: 5, monthlyAmount: 20 }], 5) // 30
 */
export function mrrOn(subscriptions: readonly Subscription[], day: number): number {
  let total = 0;
  for (const subscription of subscriptions) if (isActiveOn(subscription, day)) total += subscription.monthlyAmount;
  return total;
}
