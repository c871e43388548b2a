/**
 * Computes a KPI report from the sources read: pure, plain data in and out.
 */
import type { Subscription } from '../../kpi/revenue/subscription';
import { defaultPeriodIndex, reportPeriod } from '../period';
import type { ReportData, SourceData } from '../records';
import type { SourceKind } from '../sources';
import { actionLists } from './actions';
import { CustomerActivity } from './activity';
import {
  cohortBlock,
  monthlyCohorts,
  customersBlock,
  driversBlock,
  mrrBlock,
  npsTrendBlock,
  revenueBlock,
  rfmAt,
  rfmBlock,
} from './blocks';
import { averageCac, headlineKpis, withTargets } from './headline';
import { projection, revenueCohorts } from './growth';
import { customerSegments, hasSegments, segmentTable } from './segments';
import { orderColumns } from './order-columns';
import { storyOf } from './story';
import { supportSection } from './support';
import type { HoldoutForecast } from '../../kpi/predictive/forecast';
import { HORIZON_WEEKS, predictFromOrders, TOO_EARLY_DAYS } from './predicted';
import type { ActionCustomer, PredictedSection, ReportModel, ReportOptions, SourceSummary } from './model';

/** Latest date in the data: orders, else survey answers, else subscription starts (as the wizard's periods). */
export function lastDataDay(data: ReportData): number | undefined {
  let last: number | undefined;
  for (const o of data.orders?.records ?? []) if (last === undefined || o.day > last) last = o.day;
  if (last === undefined)
    for (const s of data.surveys?.records ?? []) if (last === undefined || s.day > last) last = s.day;
  if (last === undefined)
    for (const s of data.subscriptions?.records ?? []) if (last === undefined || s.startDay > last) last = s.startDay;
  return last;
}

/** Earliest date in the data (orders, survey answers, subscription starts): trends and year-ago values start there. */
export function firstDataDay(data: ReportData): number | undefined {
  let first: number | undefined;
  const see = (day: number) => {
    if (first === undefined || day < first) first = day;
  };
  for (const o of data.orders?.records ?? []) see(o.day);
  for (const s of data.surveys?.records ?? []) see(s.day);
  for (const s of data.subscriptions?.records ?? []) see(s.startDay);
  return first;
}

/**
 * The predicted-value section from the chosen model's predictions: every customer by predicted
 * value, those too early to predict (first order under 8 weeks before the period's end) after the
 * rest, and the holdout check that chose the model.
 */
function predictedSection(prediction: HoldoutForecast, data: ReportData): PredictedSection {
  const directory = new Map((data.customers?.records ?? []).map((c) => [c.customerId, c]));
  const tooEarlyWeeks = TOO_EARLY_DAYS / 7;
  const rows = prediction.customers.map((c) => ({
    customerId: c.id,
    name: directory.get(c.id)?.name ?? '',
    email: directory.get(c.id)?.email ?? '',
    value: c.clv,
    tooEarly: c.age < tooEarlyWeeks,
    pAlive: c.pAlive,
    expectedPurchases: c.expectedPurchases,
    expectedOrderValue: c.expectedOrderValue,
    clv: c.clv,
  }));
  // Stable: the order by predicted value is kept within each group.
  rows.sort((a, b) => Number(a.tooEarly) - Number(b.tooEarly));
  const check = prediction.holdout;
  const groups = check
    ? (check.results.bgnbd ?? check.results.mbgnbd)!.groups.map((g, k) => ({
        x: g.x,
        customers: g.customers,
        actual: g.actual ?? null,
        bgnbd: check.results.bgnbd?.groups[k].predicted ?? null,
        mbgnbd: check.results.mbgnbd?.groups[k].predicted ?? null,
      }))
    : [];
  return {
    list: { rows, valueAtStake: rows.reduce((sum, row) => sum + row.value, 0) },
    customers: rows.length,
    horizonWeeks: HORIZON_WEEKS,
    model: prediction.model,
    spendFallback: prediction.spendFallback ? { meanRepeatOrderValue: prediction.meanRepeatOrderValue } : null,
    holdout: check
      ? {
          weeks: Math.round((check.endDay - check.calibrationEndDay) / 7),
          actual: check.actualTotal,
          predicted: {
            ...(check.results.bgnbd ? { bgnbd: check.results.bgnbd.predictedTotal } : {}),
            ...(check.results.mbgnbd ? { mbgnbd: check.results.mbgnbd.predictedTotal } : {}),
          },
          groups,
        }
      : null,
  };
}

/** The parts of the report a missing sheet or column leaves out, and what to add to see each. */
function missingParts(data: ReportData): ReportModel['missing'] {
  const missing: ReportModel['missing'] = {};
  const hasOrders = Boolean(data.orders?.records.length);
  const surveys = data.surveys?.records ?? [];
  const hasNps = surveys.some((s) => s.nps !== null);
  if (!hasOrders)
    for (const part of [
      'customers',
      'revenue',
      'rfm',
      'cohorts',
      'predicted',
      'winBack',
      'welcome',
      'projection',
    ] as const)
      missing[part] = 'orders';
  if (!hasNps) for (const part of ['npsTrend', 'promoters', 'detractors'] as const) missing[part] = 'surveysNps';
  else if (!surveys.some((s) => s.comment)) missing.detractors = 'surveyComments';
  const questions = (['csat', 'switchLikelihood', 'repurchase', 'overallExperience'] as const).filter((f) =>
    surveys.some((s) => s[f] !== null),
  );
  if (!hasNps) missing.drivers = 'surveysNps';
  else if (questions.length < 2) missing.drivers = 'surveyQuestions';
  // Birthdays and anniversaries come from the Customers sheet (a customer known only by orders has neither).
  if (!data.customers?.records.some((c) => c.birthdayDay !== null || c.signupDay !== null || hasOrders))
    missing.upcoming = 'customerDates';
  if (!hasSegments(data)) missing.segments = 'segmentColumn';
  const tickets = data.tickets?.records;
  if (!tickets) missing.support = missing.needsAttention = 'tickets';
  else {
    if (!tickets.some((t) => t.firstResponseAt !== null || t.resolvedAt !== null)) missing.support = 'ticketTimes';
    if (!tickets.some((t) => t.resolvedAt !== null || t.status.trim() !== '')) missing.needsAttention = 'ticketStatus';
  }
  return missing;
}

function sourceSummaries(data: ReportData): SourceSummary[] {
  const kinds: SourceKind[] = ['orders', 'customers', 'surveys', 'subscriptions', 'tickets', 'funnel'];
  return kinds.flatMap((kind) => {
    const source = data[kind] as SourceData<unknown> | undefined;
    return source
      ? [
          {
            kind,
            sheet: source.sheet,
            rowCount: source.rowCount,
            used: source.records.length,
            skipped: source.skipped,
            cut: source.cut,
          },
        ]
      : [];
  });
}

/** Every action-list row gets its customer's segment (blank when the customer has none). */
function withSegments(model: ReportModel, segments: Map<string, string>): void {
  const lists: { rows: ActionCustomer[] }[] = [];
  if (model.actions) {
    const { winBack, promoters, welcome, upcoming, detractors, needsAttention } = model.actions;
    lists.push(winBack, promoters, welcome, upcoming, detractors, needsAttention);
  }
  if (model.predicted && 'list' in model.predicted) lists.push(model.predicted.list);
  for (const list of lists) for (const row of list.rows) row.segment = segments.get(row.customerId) ?? '';
}

/**
 * The whole report model for the chosen period. With the "predicted" section on, BG/NBD and
 * Gamma-Gamma are fitted on the orders up to the period's end: P(alive) then ranks the win-back
 * list and the top customers by predicted CLV get their own list.
 */
export function computeReport(data: ReportData, options: ReportOptions): ReportModel {
  const index = options.periodIndex ?? defaultPeriodIndex(options.periodKind, options.todayDay, lastDataDay(data));
  const period = reportPeriod(options.periodKind, index);
  const orders = data.orders?.records;
  const columns = orders?.length ? orderColumns(orders) : undefined;
  const activity = columns ? new CustomerActivity(columns.ids, columns.days, columns.customers) : undefined;
  const subscriptions: Subscription[] | undefined = data.subscriptions?.records.map((s) => ({
    customerId: s.customerId,
    startDay: s.startDay,
    endDay: s.endDay,
    monthlyAmount: s.mrr,
  }));
  const model: ReportModel = {
    period,
    options,
    sources: sourceSummaries(data),
    hasCustomerNames: Boolean(data.customers?.records.some((c) => c.name || c.email)),
    headline: withTargets(headlineKpis(data, activity, subscriptions, period, firstDataDay(data)), options.targets),
    blocks: {},
    story: { cards: [], missedTargets: [], improved: [], worsened: [], noise: [], firstAction: null },
    missing: missingParts(data),
  };
  const rfm = orders && activity ? rfmAt(orders, period.end) : [];
  if (options.sections.charts) {
    if (data.surveys?.records.some((s) => s.nps !== null))
      model.blocks.npsTrend = npsTrendBlock(data.surveys.records, period.end);
    if (activity) model.blocks.customers = customersBlock(activity, period.end);
    if (subscriptions?.length)
      model.blocks.mrr = mrrBlock(subscriptions, period.end, (day) =>
        averageCac(data, activity, { start: day, end: day }),
      );
    else if (orders && activity) model.blocks.revenue = revenueBlock(orders, activity, period.end);
    if (rfm.length) model.blocks.rfm = rfmBlock(rfm);
    if (data.surveys) model.blocks.drivers = driversBlock(data.surveys.records, period.end);
  }
  const support = data.tickets ? supportSection(data.tickets.records, activity, period) : undefined;
  if (support) model.support = support;
  const segmentOf = customerSegments(data, period.end);
  const segments = segmentTable(data, activity, period, segmentOf);
  if (segments) model.segments = segments;
  if (options.sections.cohorts && orders) {
    const cohorts = monthlyCohorts(orders, period.end);
    model.cohorts = cohorts && cohortBlock(cohorts);
    const revenue = cohorts && revenueCohorts(cohorts, period.end);
    if (revenue) model.revenueCohorts = revenue;
  }
  const projected = orders && activity ? projection(orders, activity, period.end) : undefined;
  if (projected) model.projection = projected;
  const outcome =
    options.sections.predicted && orders ? predictFromOrders(orders, period.end, options.language) : undefined;
  let predicted: Map<string, { pAlive: number; clv: number }> | undefined;
  if (outcome && 'prediction' in outcome) {
    model.predicted = predictedSection(outcome.prediction, data);
    predicted = new Map(outcome.prediction.customers.map((c) => [c.id, { pAlive: c.pAlive, clv: c.clv }]));
  } else if (outcome) {
    model.predicted = outcome;
  }
  if (options.sections.actions) model.actions = actionLists(data, rfm, activity, period, options.todayDay, predicted);
  if (segments) withSegments(model, segmentOf);
  model.story = storyOf(model);
  return model;
}
