/**
 * What the report says first: the KPI cards of the summary band and the three sentences under
 * them — what improved, what got worse, what to do first. Plain data; the labels word it.
 *
 * A change is called an improvement or a drop only when it is real: for a KPI measured on a sample
 * (NPS, CSAT, CES) or a rate of counts (churn, retention, conversion, cart abandonment) its test must be
 * significant at 5 %; a count or an amount (orders, revenue, MRR) covers every order, so its change
 * is real once it moves by at least {@link FLAT_CHANGE} of its previous value.
 */
import { BETTER_WHEN, type HeadlineKey } from './headline';
import type { ActionListKey, HeadlineKpi, ReportModel } from './model';

/** How a change reads: better or worse for the business, within sampling noise, flat, or not comparable. */
export type Verdict = 'better' | 'worse' | 'noise' | 'flat' | 'none';

/** A relative change smaller than this (0.5 %) of an untested count or amount is "flat". */
export const FLAT_CHANGE = 0.005;

/** The cards of the summary band, in order of preference; the first eight the sources allow are shown. */
const CARD_PREFERENCE: HeadlineKey[] = [
  'nps',
  'csat',
  'customersEnd',
  'churn',
  'revenue',
  'repeatRate',
  'mrr',
  'nrr',
  'aov',
  'newCustomers',
  'ces',
  'quickRatio',
  'orders',
  'conversionRate',
  'cartAbandonment',
  'ticketsPerCustomer',
  'frequency',
];

/** The most cards the band holds, and the fewest it tries to fill. */
export const MAX_CARDS = 8;

/** One change named in a sentence. */
export interface StoryChange {
  key: HeadlineKey;
  /** current − compared value (points ×100 for percentages are the layout's business). */
  change: number;
}

/** The action to take first: the list with the most value at stake. */
export interface FirstAction {
  list: ActionListKey | 'predicted';
  count: number;
  valueAtStake: number;
}

/** The summary band's content. */
export interface ReportStory {
  cards: HeadlineKey[];
  /** KPIs whose value misses the user's target this period, cards first: the band names them first. */
  missedTargets: HeadlineKey[];
  improved: StoryChange[];
  worsened: StoryChange[];
  /** KPIs whose change is within noise (named so a reader does not take the number as news). */
  noise: StoryChange[];
  firstAction: FirstAction | null;
}

/** How the change of `kpi` against its previous period (or a year earlier) reads. */
export function verdictOf(kpi: HeadlineKpi, against: 'previous' | 'yearAgo' = 'previous'): Verdict {
  const before = against === 'previous' ? kpi.previous : kpi.yearAgo;
  const test = against === 'previous' ? kpi.changeTest : kpi.yearTest;
  if (kpi.current === null || before === null) return 'none';
  const change = kpi.current - before;
  if (change === 0) return 'flat';
  if (test) {
    if (!test.significant) return 'noise';
  } else if (before !== 0 && Math.abs(change / before) < FLAT_CHANGE) return 'flat';
  const direction = BETTER_WHEN[kpi.key];
  if (direction === 0) return 'none';
  return Math.sign(change) === direction ? 'better' : 'worse';
}

/**
 * The KPI cards: the first {@link MAX_CARDS} of the preference order that have a value this period,
 * except that a KPI the user set a target for always has a card (it takes the place of the last
 * untargeted one); the cards keep the preference order, targeted KPIs outside it after the rest.
 * @example cardsOf(headline) // ['nps', 'csat', 'customersEnd', 'churn', 'revenue', 'repeatRate', 'mrr', 'nrr']
 */
export function cardsOf(headline: HeadlineKpi[]): HeadlineKey[] {
  const present = new Map(headline.map((kpi) => [kpi.key, kpi]));
  const targeted = headline.filter((kpi) => kpi.target && kpi.current !== null).map((kpi) => kpi.key);
  const order = [...CARD_PREFERENCE, ...targeted.filter((key) => !CARD_PREFERENCE.includes(key))].filter(
    (key) => present.has(key) && present.get(key)!.current !== null,
  );
  const chosen = new Set(targeted.slice(0, MAX_CARDS));
  for (const key of order) if (chosen.size < MAX_CARDS) chosen.add(key);
  return order.filter((key) => chosen.has(key));
}

/**
 * The list worth acting on first: the largest value at stake among the lists where acting keeps or
 * wins revenue — customers to win back, detractors to answer, promoters to ask, newcomers to
 * welcome (birthdays are a courtesy, not a priority).
 */
export function firstActionOf(model: Pick<ReportModel, 'actions' | 'predicted'>): FirstAction | null {
  const candidates: FirstAction[] = [];
  const actions = model.actions;
  if (actions) {
    for (const list of ['winBack', 'detractors', 'promoters', 'welcome'] as const) {
      const { rows, valueAtStake } = actions[list];
      if (rows.length) candidates.push({ list, count: rows.length, valueAtStake });
    }
  }
  candidates.sort((a, b) => b.valueAtStake - a.valueAtStake);
  return candidates[0] ?? null;
}

/** A KPI that is another's complement (retention = 1 − churn): the sentences name the fact once. */
const MIRROR_OF: Partial<Record<HeadlineKey, HeadlineKey>> = { retention: 'churn' };

/**
 * The summary band: cards, the KPIs off their user's target, the changes that are real (better,
 * worse), those within noise, and the first action.
 */
export function storyOf(model: Pick<ReportModel, 'headline' | 'actions' | 'predicted'>): ReportStory {
  const cards = cardsOf(model.headline);
  // Cards first, then the rest of the table, so the sentences name what the band shows.
  const ordered = [
    ...cards.map((key) => model.headline.find((kpi) => kpi.key === key)!),
    ...model.headline.filter((kpi) => !cards.includes(kpi.key)),
  ];
  const story: ReportStory = {
    cards,
    missedTargets: ordered.filter((kpi) => kpi.target?.met === false).map((kpi) => kpi.key),
    improved: [],
    worsened: [],
    noise: [],
    firstAction: firstActionOf(model),
  };
  const named = new Set<HeadlineKey>();
  for (const kpi of ordered) {
    const mirror = MIRROR_OF[kpi.key];
    if (mirror && named.has(mirror)) continue;
    named.add(kpi.key);
    const verdict = verdictOf(kpi);
    const change = { key: kpi.key, change: (kpi.current ?? 0) - (kpi.previous ?? 0) };
    if (verdict === 'better') story.improved.push(change);
    else if (verdict === 'worse') story.worsened.push(change);
    else if (verdict === 'noise' && cards.includes(kpi.key)) story.noise.push(change);
  }
  return story;
}
