/**
 * The floor: each scalar formula computed by a bare loop over data that is already flat (typed
 * arrays of numbers, `NaN` for a blank or text cell; plain arrays of id strings), with no coercion,
 * no validation and no Sheets-shaped input. How close a formula gets to this is how close it is to
 * the cost of reading the data once. Each floor also returns the value, which the bench checks
 * against the formula's (so a floor cannot silently do less work than the formula).
 */
import { LAST_DAY, type GridData, type OrderData, type SubscriptionData, type SurveyData } from './data';

/** NPS points from 0–10 scores. */
export function npsFloor(scores: Float64Array): number {
  let promoters = 0;
  let detractors = 0;
  let n = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (Number.isNaN(s)) continue;
    n++;
    if (s >= 9) promoters++;
    else if (s <= 6) detractors++;
  }
  return ((promoters - detractors) / n) * 100;
}

/** Share of ratings ≥ 4 on a 1–5 scale. */
export function csatFloor(ratings: Float64Array): number {
  let satisfied = 0;
  let n = 0;
  for (let i = 0; i < ratings.length; i++) {
    const r = ratings[i];
    if (Number.isNaN(r)) continue;
    n++;
    if (r >= 4) satisfied++;
  }
  return satisfied / n;
}

/** CSI on a 1–10 scale with equal weights: mean of the columns' rescaled means. */
export function csiFloor(ratings: Float64Array, columns: number): number {
  const sums = new Float64Array(columns);
  const counts = new Float64Array(columns);
  for (let i = 0; i < ratings.length; i++) {
    const r = ratings[i];
    if (Number.isNaN(r)) continue;
    const c = i % columns;
    sums[c] += r;
    counts[c]++;
  }
  let total = 0;
  for (let c = 0; c < columns; c++) total += ((sums[c] / counts[c] - 1) / 9) * 100;
  return total / columns;
}

/** Distinct customers seen at least twice ÷ distinct customers. */
export function repeatRateFloor(ids: string[]): number {
  const seen = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) seen.set(ids[i], (seen.get(ids[i]) ?? 0) + 1);
  let repeat = 0;
  for (const count of seen.values()) if (count >= 2) repeat++;
  return repeat / seen.size;
}

/**
 * CUSTOMER_CHURN over [start, end]: buyers of the previous window of the same length with no
 * order in the period.
 */
export function customerChurnFloor(ids: string[], days: Int32Array, start: number, end: number): number {
  const length = end - start + 1;
  const flags = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const day = days[i];
    const bit = day >= start - length && day < start ? 1 : day >= start && day <= end ? 2 : 0;
    if (bit) flags.set(ids[i], (flags.get(ids[i]) ?? 0) | bit);
  }
  let buyers = 0;
  let lost = 0;
  for (const f of flags.values()) {
    if (f & 1) {
      buyers++;
      if (!(f & 2)) lost++;
    }
  }
  return lost / buyers;
}

/** MRR on `asOf`: amounts of subscriptions with start ≤ asOf and (no end or end > asOf). */
export function mrrFloor(starts: Int32Array, ends: Float64Array, amounts: Float64Array, asOf: number): number {
  let total = 0;
  for (let i = 0; i < starts.length; i++) {
    if (starts[i] <= asOf && !(ends[i] <= asOf)) total += amounts[i];
  }
  return total;
}

/** A floor next to a scalar formula: which data it reads and the loop. */
export interface FloorCase {
  fn: string;
  family: string;
  run(data: any): number;
}

/** The scalar formulas with a floor; the day range matches the catalogue's arguments. */
export const FLOORS: FloorCase[] = [
  { fn: 'NPS', family: 'survey', run: (d: SurveyData) => npsFloor(d.scoreValues) },
  { fn: 'CSAT', family: 'survey', run: (d: SurveyData) => csatFloor(d.ratingValues) },
  { fn: 'CSI', family: 'drivers & health', run: (d: GridData) => csiFloor(d.ratingValues, 5) },
  { fn: 'REPEAT_RATE', family: 'orders', run: (d: OrderData) => repeatRateFloor(d.idValues) },
  {
    fn: 'CUSTOMER_CHURN',
    family: 'orders',
    run: (d: OrderData) => customerChurnFloor(d.idValues, d.dayValues, LAST_DAY - 91, LAST_DAY),
  },
  {
    fn: 'MRR',
    family: 'subscriptions',
    run: (d: SubscriptionData) => mrrFloor(d.startDays, d.endDays, d.amountValues, LAST_DAY),
  },
];
