/**
 * The report's action lists: the retention tactics the trade recommends, made concrete as lists of
 * customers (win back, ask promoters for a review, welcome new customers, greet on birthdays and
 * anniversaries) and the words detractors use most.
 */
import { nextOccurrence, upcomingDates } from '../../kpi/retention/upcoming-dates';
import type { RfmRow } from '../../kpi/retention/rfm';
import { healthScores } from '../../kpi/health/health-score';
import { satisfactionTrend } from '../../kpi/survey/satisfaction-trend';
import type { CustomerRecord, ReportData } from '../records';
import type { CustomerActivity } from './activity';
import { ACTIVE_WINDOW_DAYS } from './activity';
import type {
  ActionCustomer,
  ActionList,
  DetractorRow,
  NeedsAttentionRow,
  PromoterRow,
  ReportModel,
  UpcomingRow,
  WelcomeRow,
  WinBackRow,
} from './model';
import { orderColumns } from './order-columns';
import { needingAttention, ticketStatusOf } from './support';
import { frequentWords } from './words';
import type { DayWindow } from './headline';

/** Health scores below this (0–100) put an active customer on the win-back list. */
export const LOW_HEALTH_SCORE = 25;
/** A satisfaction drop of at least this many points between the last two answers is "falling". */
export const FALLING_SATISFACTION = 2;
/** Days ahead for birthdays and anniversaries. */
export const UPCOMING_DAYS = 30;
/** The health score counts a customer's orders in this many days to the period's end. */
const RECENT_ORDER_DAYS = 90;

/** Per-customer facts the lists show. */
interface CustomerFacts {
  directory: Map<string, CustomerRecord>;
  orders: Map<
    string,
    { count: number; spend: number; last: number; firstAmount: number; first: number; recentOrders: number }
  >;
  /** Spend of each customer in the 12 months to the period's end. */
  yearSpend: Map<string, number>;
}

function customerFacts(data: ReportData, endDay: number): CustomerFacts {
  const directory = new Map<string, CustomerRecord>();
  for (const c of data.customers?.records ?? []) if (!directory.has(c.customerId)) directory.set(c.customerId, c);
  const orders: CustomerFacts['orders'] = new Map();
  const yearSpend = new Map<string, number>();
  const records = data.orders?.records;
  if (!records?.length) return { directory, orders, yearSpend };
  // Summed per customer in sheet order in flat arrays; the maps are filled once at the end.
  const { days, amounts, customers } = orderColumns(records);
  const n = customers.ids.length;
  const count = new Int32Array(n);
  const spend = new Float64Array(n);
  const first = new Float64Array(n);
  const last = new Float64Array(n);
  const firstAmount = new Float64Array(n);
  const year = new Float64Array(n);
  const inYear = new Uint8Array(n);
  const recent = new Int32Array(n);
  const byFirstOrder: number[] = [];
  for (let i = 0; i < days.length; i++) {
    const day = days[i];
    if (day > endDay) continue;
    const c = customers.of[i];
    const amount = amounts[i];
    if (day > endDay - ACTIVE_WINDOW_DAYS) {
      year[c] += amount;
      inYear[c] = 1;
    }
    if (day > endDay - RECENT_ORDER_DAYS) recent[c]++;
    if (count[c]++ === 0) {
      byFirstOrder.push(c);
      spend[c] = amount;
      first[c] = last[c] = day;
      firstAmount[c] = amount;
      continue;
    }
    spend[c] += amount;
    if (day > last[c]) last[c] = day;
    if (day < first[c]) {
      first[c] = day;
      firstAmount[c] = amount;
    }
  }
  for (const c of byFirstOrder) {
    const id = customers.ids[c];
    orders.set(id, {
      count: count[c],
      spend: spend[c],
      last: last[c],
      first: first[c],
      firstAmount: firstAmount[c],
      recentOrders: recent[c],
    });
    if (inYear[c]) yearSpend.set(id, year[c]);
  }
  return { directory, orders, yearSpend };
}

/** Who a row is about, worth their spend in the last 12 months unless `value` says otherwise. */
function who(facts: CustomerFacts, customerId: string, value?: number): ActionCustomer {
  const c = facts.directory.get(customerId);
  return {
    customerId,
    name: c?.name ?? '',
    email: c?.email ?? '',
    value: value ?? facts.yearSpend.get(customerId) ?? 0,
  };
}

/** A complete list and the sum of its values. */
function listOf<T extends ActionCustomer>(rows: T[]): ActionList<T> {
  return { rows, valueAtStake: rows.reduce((sum, row) => sum + row.value, 0) };
}

const byId = (a: ActionCustomer, b: ActionCustomer) =>
  a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0;

/**
 * Health score (0–100) of every customer with orders: orders in the last 90 days (more is
 * healthier), days since the last order (fewer), latest NPS answer (higher) and open tickets
 * (fewer), weighted 2, 2, 1, 1 — the HEALTH_SCORE formula's percentile-rank method.
 */
function healthOf(data: ReportData, facts: CustomerFacts, endDay: number): Map<string, number> {
  const customers = [...facts.orders];
  if (!customers.length) return new Map();
  const latestNps = new Map<string, { day: number; score: number }>();
  for (const s of data.surveys?.records ?? []) {
    if (s.nps === null || s.day > endDay || !s.customerId) continue;
    const seen = latestNps.get(s.customerId);
    if (!seen || s.day >= seen.day) latestNps.set(s.customerId, { day: s.day, score: s.nps });
  }
  const openTickets = new Map<string, number>();
  for (const t of data.tickets?.records ?? [])
    if (t.day <= endDay && ticketStatusOf(t.status) === 'open')
      openTickets.set(t.customerId, (openTickets.get(t.customerId) ?? 0) + 1);
  const hasTickets = Boolean(data.tickets);
  const metrics = customers.map(([id, f]) => [
    f.recentOrders,
    endDay - f.last,
    latestNps.get(id)?.score ?? null,
    hasTickets ? (openTickets.get(id) ?? 0) : null,
  ]);
  const scores = healthScores(metrics, [2, 2, 1, 1], [1, -1, 1, -1]);
  const out = new Map<string, number>();
  customers.forEach(([id], i) => {
    if (scores[i] !== null) out.set(id, scores[i]!);
  });
  return out;
}

/** Customers to win back: RFM at risk / can't lose them, falling satisfaction, low health. */
function winBackList(
  data: ReportData,
  facts: CustomerFacts,
  rfm: RfmRow[],
  activity: CustomerActivity | undefined,
  w: DayWindow,
  predicted: Map<string, { pAlive: number; clv: number }> | undefined,
): WinBackRow[] {
  const rows = new Map<string, WinBackRow>();
  const add = (customerId: string, reason: WinBackRow['reasons'][number]) => {
    let row = rows.get(customerId);
    if (!row) {
      const f = facts.orders.get(customerId);
      row = {
        ...who(facts, customerId, predicted?.get(customerId)?.clv),
        reasons: [],
        lastOrderDay: f?.last ?? null,
        orders: f?.count ?? 0,
        spend: f?.spend ?? 0,
        pAlive: predicted?.get(customerId)?.pAlive ?? null,
      };
      rows.set(customerId, row);
    }
    if (!row.reasons.includes(reason)) row.reasons.push(reason);
  };
  for (const r of rfm) {
    if (r.segment === 'atRisk') add(r.customer, 'atRisk');
    else if (r.segment === 'cantLoseThem') add(r.customer, 'cantLose');
  }
  const surveys = (data.surveys?.records ?? []).filter((s) => s.customerId && s.day <= w.end && s.nps !== null);
  if (surveys.length) {
    const trends = satisfactionTrend(
      surveys.map((s) => s.customerId),
      surveys.map((s) => s.day),
      surveys.map((s) => s.nps!),
    );
    // Only a drop the customer told us about in this period is news worth acting on.
    const answeredNow = new Set(surveys.filter((s) => s.day >= w.start).map((s) => s.customerId));
    for (const t of trends)
      if (t.change <= -FALLING_SATISFACTION && answeredNow.has(t.customer)) add(t.customer, 'fallingSatisfaction');
  }
  if (activity) {
    const health = healthOf(data, facts, w.end);
    const index = new Map(activity.ids.map((id, c) => [id, c]));
    health.forEach((score, id) => {
      const c = index.get(id);
      if (score < LOW_HEALTH_SCORE && c !== undefined && activity.activeOn(c, w.end)) add(id, 'lowHealth');
    });
  }
  // The most value at stake first.
  return [...rows.values()].sort((a, b) => b.value - a.value || byId(a, b));
}

function promoterList(data: ReportData, facts: CustomerFacts, w: DayWindow): PromoterRow[] {
  const latest = new Map<string, PromoterRow>();
  for (const s of data.surveys?.records ?? []) {
    if (s.nps === null || s.nps < 9 || s.day < w.start || s.day > w.end) continue;
    const key = s.customerId || `#${latest.size}`;
    const seen = latest.get(key);
    if (!seen || s.day >= seen.day)
      latest.set(key, { ...who(facts, s.customerId), score: s.nps, day: s.day, comment: s.comment });
  }
  // The most recent first: they remember the experience they scored.
  return [...latest.values()].sort((a, b) => b.day - a.day || b.score - a.score || byId(a, b));
}

function welcomeList(facts: CustomerFacts, w: DayWindow): WelcomeRow[] {
  const rows: WelcomeRow[] = [];
  facts.orders.forEach((f, id) => {
    if (f.first >= w.start && f.first <= w.end)
      rows.push({ ...who(facts, id, f.firstAmount), firstOrderDay: f.first, amount: f.firstAmount });
  });
  // The newest first: a welcome is best sent soon after the first order.
  return rows.sort((a, b) => b.firstOrderDay - a.firstOrderDay || byId(a, b));
}

function upcomingList(data: ReportData, facts: CustomerFacts, todayDay: number): UpcomingRow[] {
  const customers = data.customers?.records ?? [];
  const ids: string[] = [];
  const days: number[] = [];
  const occasion: UpcomingRow['occasion'][] = [];
  for (const c of customers) {
    if (c.birthdayDay !== null) {
      ids.push(c.customerId);
      days.push(c.birthdayDay);
      occasion.push('birthday');
    }
    const since = c.signupDay ?? facts.orders.get(c.customerId)?.first;
    if (since !== undefined && since < todayDay) {
      ids.push(c.customerId);
      days.push(since);
      occasion.push('anniversary');
    }
  }
  // Only the dates coming up are sorted (a few in a hundred); upcomingDates sorts by days until, then
  // name: each of those is keyed by its position, to keep its occasion.
  const soon: number[] = [];
  for (let i = 0; i < ids.length; i++)
    if (nextOccurrence(days[i], todayDay).day - todayDay <= UPCOMING_DAYS) soon.push(i);
  const keys = soon.map((i) => `${ids[i]}\u0000${i}`);
  return upcomingDates(
    keys,
    soon.map((i) => days[i]),
    todayDay,
    UPCOMING_DAYS,
  )
    .filter((u) => u.years > 0 || occasion[Number(u.name.split('\u0000')[1])] === 'birthday')
    .map((u) => {
      const i = Number(u.name.split('\u0000')[1]);
      return { ...who(facts, ids[i]), occasion: occasion[i], nextDay: u.next, daysUntil: u.daysUntil, years: u.years };
    });
}

function detractorList(data: ReportData, facts: CustomerFacts, w: DayWindow): DetractorRow[] {
  const rows: DetractorRow[] = [];
  for (const s of data.surveys?.records ?? []) {
    if (s.nps === null || s.nps > 6 || s.day < w.start || s.day > w.end || !s.comment) continue;
    rows.push({ ...who(facts, s.customerId), score: s.nps, day: s.day, comment: s.comment });
  }
  return rows.sort((a, b) => a.score - b.score || b.day - a.day || byId(a, b));
}

/** Every action list, complete, each sorted by what to act on first. */
export function actionLists(
  data: ReportData,
  rfm: RfmRow[],
  activity: CustomerActivity | undefined,
  w: DayWindow,
  todayDay: number,
  predicted: Map<string, { pAlive: number; clv: number }> | undefined,
): NonNullable<ReportModel['actions']> {
  const facts = customerFacts(data, w.end);
  const detractors = detractorList(data, facts, w);
  return {
    winBack: listOf(winBackList(data, facts, rfm, activity, w, predicted)),
    promoters: listOf(promoterList(data, facts, w)),
    welcome: listOf(welcomeList(facts, w)),
    upcoming: listOf(upcomingList(data, facts, todayDay)),
    detractors: listOf(detractors),
    needsAttention: listOf(
      needingAttention(data.tickets?.records ?? [], w.end).map(
        (row): NeedsAttentionRow => ({
          ...who(facts, row.customerId),
          unresolved: row.unresolved,
          tickets: row.tickets,
          oldestUnresolvedDay: Math.floor(row.oldestUnresolvedAt),
        }),
      ),
    ),
    words: frequentWords(
      detractors.map((d) => d.comment),
      15,
    ),
  };
}
