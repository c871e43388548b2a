/**
 * Customer Satisfaction Score (CSAT): the share of satisfied answers ("top-2-box" on a 1–5 scale),
 * and its change between two surveys.
 */
import { type ProportionTest, twoProportionZTest } from '../stats/proportions';

/** Ratings at or above `satisfiedMin`. O(n). */
function satisfiedCount(ratings: ArrayLike<number>, satisfiedMin: number): number {
  let satisfied = 0;
  for (let i = 0; i < ratings.length; i++) if (ratings[i] >= satisfiedMin) satisfied++;
  return satisfied;
}

/**
 * Share of ratings at or above `satisfiedMin`, in 0 … 1. The caller makes sure there is at least
 * one rating.
 *
 * @example csatShare([5, 4, 3, 5], 4) // 0.75
 */
export function csatShare(ratings: ArrayLike<number>, satisfiedMin: number): number {
  return satisfiedCount(ratings, satisfiedMin) / ratings.length;
}

/**
 * Change of the CSAT from `before` to `after` (two independent surveys, each with at least one
 * rating) and its significance: the pooled two-proportion z-test of the satisfied shares
 * ({@link twoProportionZTest}); `difference` is CSAT after − CSAT before, a fraction. O(n).
 *
 * @example csatChange([5, 4, 3, 2], [5, 5, 4, 3], 4) // { difference: 0.25, z: 0.7303, pValue: 0.4652 }
 */
export function csatChange(before: ArrayLike<number>, after: ArrayLike<number>, satisfiedMin: number): ProportionTest {
  return twoProportionZTest(
    satisfiedCount(before, satisfiedMin),
    before.length,
    satisfiedCount(after, satisfiedMin),
    after.length,
  );
}
