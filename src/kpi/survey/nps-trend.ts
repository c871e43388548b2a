/**
 * NPS per calendar period (month, week, …), gaps included.
 */
import { periodIndex, periodStartDay, type Period } from '../calendar/days';
import { npsCategory, type NpsCounts } from './nps';

/** Answers of one period. */
export interface NpsPeriod {
  /** Day number of the period's first day. */
  startDay: number;
  counts: NpsCounts;
}

/**
 * Counts promoters, passives and detractors per period, one entry per period from the period of
 * the earliest answer to that of the latest, empty periods included (all counts 0). `scores` and
 * `days` are paired (0–10 answers and their day numbers) and hold at least one entry. O(n + periods).
 *
 * @example npsTrend([10, 6, 9], [19737, 19742, 19784], 'month') // January 2024 (1 promoter, 1 detractor), February
 *   (empty), March (1 promoter)
 */
export function npsTrend(scores: ArrayLike<number>, days: ArrayLike<number>, period: Period): NpsPeriod[] {
  const n = scores.length;
  const indexes = new Array<number>(n);
  // Answers share few distinct days: each day's calendar arithmetic is done once.
  const indexOfDay = new Map<number, number>();
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    let index = indexOfDay.get(days[i]);
    if (index === undefined) {
      index = periodIndex(days[i], period);
      indexOfDay.set(days[i], index);
    }
    indexes[i] = index;
    if (index < first) first = index;
    if (index > last) last = index;
  }
  if (n === 0) return [];
  const out: NpsPeriod[] = [];
  for (let index = first; index <= last; index++) {
    out.push({
      startDay: periodStartDay(index, period),
      counts: { promoters: 0, passives: 0, detractors: 0, responses: 0 },
    });
  }
  for (let i = 0; i < n; i++) {
    const counts = out[indexes[i] - first].counts;
    const category = npsCategory(scores[i]);
    if (category === 'promoter') counts.promoters++;
    else if (category === 'passive') counts.passives++;
    else counts.detractors++;
    counts.responses++;
  }
  return out;
}
