/**
 * Customer Satisfaction Score (CSAT): the share of satisfied answers ("top-2-box" on a 1–5 scale).
 */

/**
 * Share of ratings at or above `satisfiedMin`, in 0 … 1. The caller makes sure there is at least
 * one rating.
 *
 * @example csatShare([5, 4, 3, 5], 4) // 0.75
 */
export function csatShare(ratings: ArrayLike<number>, satisfiedMin: number): number {
  let satisfied = 0;
  for (let i = 0; i < ratings.length; i++) if (ratings[i] >= satisfiedMin) satisfied++;
  return satisfied / ratings.length;
}
