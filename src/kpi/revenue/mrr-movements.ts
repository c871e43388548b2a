/**
 * MRR movements per calendar month: new, expansion, contraction, churned and reactivation MRR
 * (ChartMogul's definitions), from subscription lines.
 */
import { periodStartDay } from '../calendar/days';
import { refuse } from '../domain-error';
import { groupByCustomer, mrrEvents, sortByMonth } from './mrr-events';
import type { Subscription } from './subscription';

/** One month of the MRR movements table. Amounts are ≥ 0. */
export interface MrrMonth {
  /** Month index, `year × 12 + month − 1` (as `periodIndex(day, 'month')`). */
  month: number;
  /** Day number of the month's first day. */
  firstDay: number;
  /** MRR at the end of the previous month. */
  startingMrr: number;
  /** MRR of customers whose MRR rises from 0 for the first time ever. */
  newMrr: number;
  /** Increases of customers who already paid. */
  expansion: number;
  /** Decreases of customers who still pay. */
  contraction: number;
  /** MRR of customers whose MRR falls to 0. */
  churned: number;
  /** MRR of customers whose MRR rises from 0 again after having paid before. */
  reactivation: number;
  /** MRR at the end of the month. */
  endingMrr: number;
  /** (churned + contraction) ÷ starting; `null` when starting is 0. */
  grossMrrChurn: number | null;
  /** (starting − churned − contraction + expansion) ÷ starting; `null` when starting is 0. */
  netRevenueRetention: number | null;
}

/** Longest table the formula builds: 1000 years of months (a wider span is a typo in a date). */
const MAX_MONTHS = 12_000;
/** Changes smaller than this share of a customer's amounts are rounding noise, not movements. */
const RELATIVE_TOLERANCE = 1e-9;

/** Month index of a day number. */

/**
 * MRR movements per calendar month from `fromMonth` to `toMonth` (month indexes, see
 * {@link MrrMonth.month}).
 *
 * A customer's MRR in a month is the sum of its subscriptions active at the month's end (its last
 * day L: start ≤ L and (no end or end > L)), so a subscription counts from the month of its start
 * to the month before the month of its end. Between consecutive months, per customer: 0 → x is New
 * the first time the customer ever has MRR and Reactivation afterwards; x → y > x Expansion (y − x);
 * x → y with 0 < y < x Contraction (x − y); x → 0 Churned (x). Ending = Starting + New + Expansion −
 * Contraction − Churned + Reactivation. History before `fromMonth` decides New vs Reactivation and
 * gives the first month's starting MRR.
 *
 * Defaults: `fromMonth` the month of the earliest start, `toMonth` the month of the latest start
 * or end. With no subscriptions and no months given the table is empty.
 *
 * Complexity O(n log n) for n subscriptions plus O(months): each customer is walked only over the
 * months where its MRR changes.
 *
 * @source ChartMogul, "MRR movements" (new business, expansion, contraction, churn, reactivation).
 * Refuses `toMonth` before `fromMonth` (`monthsReversed`) and spans of 1000 years or more
 * (`tooManyMonths`).
 * @example
 * // a pays 10 from Jan 2024, upgrades to 25 in Feb, cancels on 2024-03-15:
 * mrrMovements([
 *   { customerId: 'a', startDay: dayFromCivil(2024, 1, 5), endDay: dayFromCivil(2024, 2, 10), monthlyAmount: 10 },
 *   { customerId: 'a', startDay: dayFromCivil(2024, 2, 10), endDay: dayFromCivil(2024, 3, 15), monthlyAmount: 25 },
 * ]).map((m) => [m.newMrr, m.expansion, m.churned, m.endingMrr]) // [[10, 0, 0, 10], [0, 15, 0, 25], [0, 0, 25, 0]]
 */
export function mrrMovements(subscriptions: readonly Subscription[], fromMonth?: number, toMonth?: number): MrrMonth[] {
  const n = subscriptions.length;
  const mrr = mrrEvents(subscriptions);
  const { eventMonth, eventAmount, firstStart, lastDate, scale } = mrr;
  const from = fromMonth ?? (n ? firstStart : toMonth);
  const to = toMonth ?? (n ? lastDate : fromMonth);
  if (from === undefined || to === undefined) return [];
  checkSpan(from, to);

  const months = to - from + 1;
  const moves: Moves = {
    newMrr: new Float64Array(months),
    expansion: new Float64Array(months),
    contraction: new Float64Array(months),
    churned: new Float64Array(months),
    reactivation: new Float64Array(months),
    level: new Float64Array(months),
  };
  const walk: CustomerWalk = { eventMonth, eventAmount, from, to, moves };
  let starting = 0;
  const byCustomer = groupByCustomer(mrr);
  for (let c = 0; c < mrr.customers; c++) {
    const order = byCustomer.order.subarray(byCustomer.offsets[c], byCustomer.offsets[c + 1]);
    sortByMonth(order, eventMonth);
    starting += walkCustomer(order, walk);
  }

  const tolerance = RELATIVE_TOLERANCE * scale;
  const rows: MrrMonth[] = [];
  let level = snap(starting, tolerance);
  for (let k = 0; k < months; k++) {
    const startingMrr = level;
    level = snap(level + moves.level[k], tolerance);
    const churned = moves.churned[k];
    const contraction = moves.contraction[k];
    const expansion = moves.expansion[k];
    rows.push({
      month: from + k,
      firstDay: periodStartDay(from + k, 'month'),
      startingMrr,
      newMrr: moves.newMrr[k],
      expansion,
      contraction,
      churned,
      reactivation: moves.reactivation[k],
      endingMrr: level,
      // lost ≤ starting and retained ≥ 0 exactly; the clamps only remove rounding noise
      grossMrrChurn: startingMrr > 0 ? Math.min(1, (churned + contraction) / startingMrr) : null,
      netRevenueRetention:
        startingMrr > 0
          ? Math.max(0, snap(startingMrr - churned - contraction + expansion, tolerance)) / startingMrr
          : null,
    });
  }
  return rows;
}

/** Month-indexed accumulators of {@link mrrMovements}: index 0 is `from`. */
interface Moves {
  newMrr: Float64Array;
  expansion: Float64Array;
  contraction: Float64Array;
  churned: Float64Array;
  reactivation: Float64Array;
  /** Net change of the total MRR in the month. */
  level: Float64Array;
}

/** What {@link walkCustomer} reads and writes. */
interface CustomerWalk {
  eventMonth: Float64Array;
  eventAmount: Float64Array;
  from: number;
  to: number;
  moves: Moves;
}

/**
 * Walks one customer's MRR over the months where it changes (its events sorted by month), adding
 * its movements in [from, to]. Returns its MRR at the end of month `from − 1`.
 */
function walkCustomer(order: Int32Array, walk: CustomerWalk): number {
  const { eventMonth, eventAmount, from, to, moves } = walk;
  let scale = 0;
  for (let k = 0; k < order.length; k++) if (eventAmount[order[k]] > 0) scale += eventAmount[order[k]];
  const tolerance = RELATIVE_TOLERANCE * scale;
  let level = 0;
  let startingLevel = 0;
  let everPaid = false;
  for (let k = 0; k < order.length; ) {
    const month = eventMonth[order[k]];
    if (month > to) break;
    let next = level;
    for (; k < order.length && eventMonth[order[k]] === month; k++) next += eventAmount[order[k]];
    next = snap(next, tolerance);
    if (Math.abs(next - level) <= tolerance) continue; // changes that cancel out within the month
    if (month < from) {
      startingLevel = next;
    } else {
      const m = month - from;
      moves.level[m] += next - level;
      if (level === 0) {
        if (everPaid) moves.reactivation[m] += next;
        else moves.newMrr[m] += next;
      } else if (next === 0) moves.churned[m] += level;
      else if (next > level) moves.expansion[m] += next - level;
      else moves.contraction[m] += level - next;
    }
    if (next > 0) everPaid = true;
    level = next;
  }
  return startingLevel;
}

/** Rounding noise around 0 becomes exactly 0. */
function snap(value: number, tolerance: number): number {
  return Math.abs(value) <= tolerance ? 0 : value;
}

function checkSpan(from: number, to: number): void {
  if (to < from) refuse({ code: 'monthsReversed', fromMonth: from, toMonth: to });
  if (to - from >= MAX_MONTHS) refuse({ code: 'tooManyMonths', fromMonth: from, toMonth: to, limit: MAX_MONTHS });
}
