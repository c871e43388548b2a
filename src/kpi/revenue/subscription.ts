/**
 * Subscriptions as the MRR formulas see them, and when one is active.
 */

/** One subscription line: a customer pays `monthlyAmount` from `startDay` until `endDay`. */
export interface Subscription {
  /** Customer the subscription belongs to; several subscriptions of a customer add up. */
  customerId: string;
  /** Day number (days since 1970-01-01) of the first day it is active. */
  startDay: number;
  /** Day number it ends (no longer active that day), or `null` while it runs. */
  endDay: number | null;
  /** Monthly recurring amount, ≥ 0. */
  monthlyAmount: number;
}

/**
 * Whether a subscription is active on a day: start ≤ day and (no end or end > day). The end day
 * itself is not active, so a subscription ending on the 1st no longer counts that month.
 *
 * @example isActiveOn({ customerId: 'a', startDay: 10, endDay: 20, monthlyAmount: 5 }, 20) // false
 */
export function isActiveOn(subscription: Subscription, day: number): boolean {
  return subscription.startDay <= day && (subscription.endDay === null || subscription.endDay > day);
}
