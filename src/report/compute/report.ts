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
  customersBlock,
  driversBlock,
  mrrBlock,
  npsTrendBlock,
  revenueBlock,
  rfmAt,
  rfmBlock,
} from './blocks';
import { headlineKpis } from './headline';
import { HORIZON_WEEKS, predictFromOrders } from './predicted';
import type { ReportModel, ReportOptions, SourceSummary } from './model';

/** Rows per action list unless the options say otherwise. */
export const DEFAULT_LIST_LIMIT = 25;

/** Latest date in the data: orders, else survey answers. */
export function lastDataDay(data: ReportData): number | undefined {
  let last: number | undefined;
  for (const o of data.orders?.records ?? []) if (last === undefined || o.day > last) last = o.day;
  if (last === undefined)
    for (const s of data.surveys?.records ?? []) if (last === undefined || s.day > last) last = s.day;
  return last;
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

/**
 * The whole report model for the chosen period. With the "predicted" section on, BG/NBD and
 * Gamma-Gamma are fitted on the orders up to the period's end: P(alive) then ranks the win-back
 * list and the top customers by predicted CLV get their own list.
 */
export function computeReport(data: ReportData, options: ReportOptions): ReportModel {
  const index = options.periodIndex ?? defaultPeriodIndex(options.periodKind, options.todayDay, lastDataDay(data));
  const period = reportPeriod(options.periodKind, index);
  const orders = data.orders?.records;
  const activity = orders?.length
    ? new CustomerActivity(
        orders.map((o) => o.customerId),
        orders.map((o) => o.day),
      )
    : undefined;
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
    headline: headlineKpis(data, activity, subscriptions, period, period.previous),
    blocks: {},
  };
  const rfm = orders && activity ? rfmAt(orders, period.end) : [];
  if (options.sections.charts) {
    if (data.surveys?.records.some((s) => s.nps !== null))
      model.blocks.npsTrend = npsTrendBlock(data.surveys.records, period.end);
    if (activity) model.blocks.customers = customersBlock(activity, period.end);
    if (subscriptions?.length) model.blocks.mrr = mrrBlock(subscriptions, period.end);
    else if (orders && activity) model.blocks.revenue = revenueBlock(orders, activity, period.end);
    if (rfm.length) model.blocks.rfm = rfmBlock(rfm);
    if (data.surveys) model.blocks.drivers = driversBlock(data.surveys.records, period.end);
  }
  if (options.sections.cohorts && orders) model.cohorts = cohortBlock(orders, period.end);
  const limit = options.listLimit ?? DEFAULT_LIST_LIMIT;
  const outcome =
    options.sections.predicted && orders ? predictFromOrders(orders, period.end, options.language) : undefined;
  let pAlive: Map<string, number> | undefined;
  if (outcome && 'prediction' in outcome) {
    const customers = outcome.prediction.customers;
    pAlive = new Map(customers.map((c) => [c.id, c.pAlive]));
    const directory = new Map((data.customers?.records ?? []).map((c) => [c.customerId, c]));
    model.predicted = {
      customers: customers.length,
      horizonWeeks: HORIZON_WEEKS,
      rows: customers.slice(0, limit).map((c) => ({
        customerId: c.id,
        name: directory.get(c.id)?.name ?? '',
        email: directory.get(c.id)?.email ?? '',
        pAlive: c.pAlive,
        expectedPurchases: c.expectedPurchases,
        expectedOrderValue: c.expectedOrderValue,
        clv: c.clv,
      })),
    };
  } else if (outcome) {
    model.predicted = outcome;
  }
  if (options.sections.actions)
    model.actions = actionLists(data, rfm, activity, period, options.todayDay, limit, pAlive);
  return model;
}
