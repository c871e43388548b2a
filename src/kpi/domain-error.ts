/**
 * What the maths refuses, as data: a code and the values involved, never a sentence. The maths
 * knows no language and no spreadsheet; `src/errors/catalogue.ts` words each code for the reader —
 * with the formula's argument names in a custom function, in plain words in the report.
 *
 * `input` and the other role fields name an input of the maths function as its own parameter
 * list does (`start`, `cost`, `margin`…); a formula's declaration maps them to its arguments.
 */

/** Everything the maths can refuse. Day numbers are days since 1970-01-01; months are month indexes. */
export type DomainIssue =
  /** An input that is divided by is 0 or less. */
  | { code: 'notPositive'; input: string; value: number }
  /** A count or amount below 0. `index` is the 0-based position in a list, when it is one. */
  | { code: 'negative'; input: string; value: number; index?: number }
  /** A number of customers below 0. */
  | { code: 'negativeCustomers'; input: string; value: number }
  /** A share that must be a fraction in 0 … 1 (a margin typed as 70 instead of 0.7). */
  | { code: 'notFraction'; input: string; value: number }
  /** A churn rate outside (0, 1]. */
  | { code: 'notChurnFraction'; input: string; value: number }
  /** Churn 0: the lifetime 1 ÷ churn is unbounded. */
  | { code: 'zeroChurn'; input: string }
  /** More customers at the end than at the start plus the new ones. */
  | { code: 'endAboveStartPlusNew'; end: number; start: number; added: number }
  /** More new customers than customers at the end (which include them). */
  | { code: 'newAboveEnd'; added: number; end: number }
  /** Revenue of a period: the start is 0, so nothing could be retained. */
  | { code: 'nothingToRetain' }
  /** New revenue larger than the end revenue (which includes it). */
  | { code: 'newRevenueAboveEnd'; added: number; end: number }
  /** No interaction, so nothing could convert. */
  | { code: 'nothingToConvert' }
  /** More goals than interactions. */
  | { code: 'goalsAboveInteractions'; goals: number; interactions: number }
  /** No cart created, so none could be abandoned. */
  | { code: 'noCarts' }
  /** More purchases than carts. */
  | { code: 'purchasesAboveCarts'; purchases: number; carts: number }
  /** Health bands whose Poor limit is above the Good one. */
  | { code: 'poorAboveGood'; poorBelow: number; goodFrom: number }
  /** A list with a different length than the columns it describes (weights per signal…). */
  | { code: 'countMismatch'; input: string; count: number; columns: number }
  /** A weight below 0. */
  | { code: 'negativeWeight'; input: string; value: number }
  /** Every weight is 0. */
  | { code: 'allWeightsZero'; input: string }
  /** A direction other than 1 or −1. */
  | { code: 'notDirection'; input: string; value: number }
  /** A last month before the first one. */
  | { code: 'monthsReversed'; fromMonth: number; toMonth: number }
  /** A month range longer than the sheet or the maths can hold. */
  | { code: 'tooManyMonths'; fromMonth: number; toMonth: number; limit: number }
  /** A cohort table too large for a sheet. */
  | { code: 'tooManyCohortCells'; period: string; cohorts: number; periods: number; firstDay: number; lastDay: number }
  /** Parallel lists of different lengths. */
  | { code: 'lengthMismatch'; input: string; other: string; count: number; otherCount: number }
  /** No order on or before the reference date (`input` names it: `asOf`, the end of a calibration…). */
  | { code: 'noOrdersByAsOf'; input: string }
  /** No MRR was lost (no churn, no contraction): the quick ratio is unbounded. */
  | { code: 'nothingLost' }
  /** Fewer customers than a model needs. */
  | { code: 'tooFewCustomers'; found: number; needed: number }
  /** Fewer repeat buyers than a model needs. */
  | { code: 'tooFewRepeatBuyers'; found: number; needed: number }
  /** Fewer repeat buyers with a spend above 0 than the spend model needs. */
  | { code: 'tooFewSpendingBuyers'; found: number; needed: number }
  /** The likelihood grows without bound as a parameter goes to 0 or infinity. */
  | { code: 'fitUnbounded' }
  /** The maximum-likelihood search did not converge. */
  | { code: 'fitNotConverged' }
  /** The spend model's q ≤ 1: the average spend is unbounded. */
  | { code: 'spendUnbounded'; q: number }
  /** A result too large (or too small) for a number: Infinity or NaN would come out. */
  | { code: 'notFinite' };

/** Raised by the maths with a {@link DomainIssue}. */
export class DomainError extends Error {
  readonly issue: DomainIssue;

  constructor(issue: DomainIssue) {
    super(issue.code);
    this.name = 'DomainError';
    this.issue = issue;
  }
}

/** True for a {@link DomainError} (works across `vm` realms, unlike `instanceof`). */
export function isDomainError(error: unknown): error is DomainError {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'DomainError';
}

/** Throws a {@link DomainError}. */
export function refuse(issue: DomainIssue): never {
  throw new DomainError(issue);
}

/** `value` when it is a finite number, else a `notFinite` refusal (no Infinity or NaN leaves the maths). */
export function finite(value: number): number {
  if (!Number.isFinite(value)) refuse({ code: 'notFinite' });
  return value;
}
