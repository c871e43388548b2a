/**
 * One definition per KPI: every headline KPI that a custom function defines is the same number in
 * the report and through that custom function in the built bundle — called with arguments a user
 * would derive from the raw rows of the sheets (the rows the report reads, filtered to the period),
 * never from the report's own totals. Both the period and the previous one are compared.
 *
 * KPIs of the second kind (customer counts, churn and retention under the report's 12-month
 * activity rule, survey responses, tickets per customer) have no such formula: docs/report.md says
 * why, and they are recounted from the rows in sections.test.ts.
 * Run `npm run build` first.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dayFromCivil, periodEndDay, periodStartDay } from '../../src/kpi/calendar/days';
import { reportLabels } from '../../src/report/labels';
import { isoDateIn, sheetDate } from '../emulator';
import { addOn } from '../support/addon';
import {
  DECEMBER_2025,
  generate,
  headlineRow,
  reportRig,
  reportView,
  sample,
  type SheetView,
  ZONE,
} from '../support/report';

/** The KPIs of the first kind, by the key of the report's labels. */
const FIRST_KIND = [
  'nps',
  'npsMargin',
  'csat',
  'ces',
  'repeatRate',
  'orders',
  'revenue',
  'aov',
  'frequency',
  'ltv',
  'ltvCac',
  'cps',
  'mrr',
  'nrr',
  'grossMrrChurn',
  'expansionMrr',
  'quickRatio',
  'cacPayback',
  'conversionRate',
  'cartAbandonment',
] as const;
type Key = (typeof FIRST_KIND)[number];

const DAY_MS = 86_400_000;

/** A date cell's day number in the spreadsheet's zone. */
function dayOf(date: Date): number {
  const [y, m, d] = isoDateIn(date, ZONE).split('-').map(Number);
  return dayFromCivil(y, m, d);
}

const blank = (v: unknown) => v === '' || v === null || v === undefined;
const column = (values: unknown[]) => values.map((v) => [v]);
const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);

/** The rows the report reads, as the sheets hold them (its rules: a real date, numbers where numbers go). */
function readableRows() {
  const sheets = sample().sheets;
  const orders = sheets.Pedidos.slice(1).flatMap(([id, date, amount, cost]) =>
    typeof id === 'string' && id.trim() && date instanceof Date && typeof amount === 'number' && amount >= 0
      ? [{ id: id.trim(), date, day: dayOf(date), amount, cost: typeof cost === 'number' ? cost : null }]
      : [],
  );
  const answers = sheets.Encuestas.slice(1).flatMap(([, date, nps, csat, , , , , effort]) =>
    date instanceof Date && (typeof nps === 'number' || typeof csat === 'number')
      ? [
          {
            day: dayOf(date),
            nps: typeof nps === 'number' ? nps : null,
            csat: typeof csat === 'number' ? csat : null,
            effort: typeof effort === 'number' ? effort : null,
          },
        ]
      : [],
  );
  const customers = sheets.Clientes.slice(1).flatMap(([id, , , since, birthday, cac]) =>
    typeof id === 'string' &&
    id.trim() &&
    (blank(since) || since instanceof Date) &&
    (blank(birthday) || birthday instanceof Date) &&
    (blank(cac) || (typeof cac === 'number' && cac >= 0))
      ? [
          {
            id: id.trim(),
            since: since instanceof Date ? dayOf(since) : null,
            cac: typeof cac === 'number' ? cac : null,
          },
        ]
      : [],
  );
  const subscriptions = sheets.Suscripciones.slice(1).filter(
    ([id, start, end, fee]) =>
      typeof id === 'string' && start instanceof Date && (blank(end) || end instanceof Date) && typeof fee === 'number',
  );
  const funnel = sheets.Embudo.slice(1).flatMap(([month, visits, conversions, carts, purchases]) =>
    month instanceof Date
      ? [
          {
            day: dayOf(month),
            visits: Number(visits),
            conversions: Number(conversions),
            carts: Number(carts),
            purchases: Number(purchases),
          },
        ]
      : [],
  );
  return { orders, answers, customers, subscriptions, funnel };
}

/** Whether a customer is active on a day: an order in the 365 days up to it (the report's rule). */
function activeOn(days: number[], day: number): boolean {
  let last = -Infinity;
  for (const d of days) if (d <= day && d > last) last = d;
  return last > day - 365;
}

/** Each KPI of the first kind through the custom functions, for the window [start, end]. */
function throughFormulas(
  fx: Record<string, (...args: unknown[]) => any>,
  start: number,
  end: number,
): Record<Key, number> {
  const rows = readableRows();
  const inWindow = <T extends { day: number }>(list: T[], from = start) =>
    list.filter((r) => r.day >= from && r.day <= end);
  const out = {} as Record<Key, number>;

  const answers = inWindow(rows.answers);
  const scores = answers.flatMap((a) => (a.nps === null ? [] : [a.nps]));
  out.nps = fx.NPS(column(scores));
  out.npsMargin = fx.NPS_BREAKDOWN(column(scores))[6][2];
  // The CSAT scale: the smallest of 1–5, 1–7, 1–10 holding 99 % of all the answers (docs/report.md).
  const allRatings = rows.answers.flatMap((a) => (a.csat === null ? [] : [a.csat])).sort((a, b) => a - b);
  const p99 = allRatings[Math.min(allRatings.length - 1, Math.floor(0.99 * allRatings.length))];
  const scale = [5, 7, 10].find((s) => p99 <= s) ?? 10;
  out.csat = fx.CSAT(column(answers.flatMap((a) => (a.csat === null ? [] : [a.csat]))), scale);
  // CES: the sample asks "Esfuerzo" (lower is easier) on 1–5: the mean with lower_is_better.
  out.ces = fx.CES(column(answers.flatMap((a) => (a.effort === null ? [] : [a.effort]))), 5, 'mean', true);

  const orders = inWindow(rows.orders);
  const summary = fx.ORDER_SUMMARY(
    column(orders.map((o) => o.id)),
    column(orders.map((o) => o.date)),
    column(orders.map((o) => o.amount)),
  );
  out.orders = summary[2][1];
  out.revenue = summary[3][1];
  out.aov = summary[4][1];
  out.frequency = summary[5][1];
  out.repeatRate = fx.REPEAT_RATE(column(rows.orders.filter((o) => o.day <= end).map((o) => o.id)));
  const costed = orders.filter((o) => o.cost !== null);
  out.cps = fx.CPS(sum(costed.map((o) => o.amount)), sum(costed.map((o) => o.cost as number)));

  // Historic LTV: ORDER_SUMMARY over the 12 months to the end, lifespan 1 ÷ annual churn (activity rule).
  const yearStart = end - 364;
  const year = inWindow(rows.orders, yearStart);
  const yearSummary = fx.ORDER_SUMMARY(
    column(year.map((o) => o.id)),
    column(year.map((o) => o.date)),
    column(year.map((o) => o.amount)),
  );
  const daysOf = new Map<string, number[]>();
  for (const o of rows.orders) daysOf.set(o.id, [...(daysOf.get(o.id) ?? []), o.day]);
  let atStart = 0;
  let churned = 0;
  for (const days of daysOf.values()) {
    if (!activeOn(days, yearStart - 1)) continue;
    atStart++;
    if (!activeOn(days, end)) churned++;
  }
  out.ltv = fx.LTV(yearSummary[4][1], yearSummary[5][1], atStart / churned);
  // LTV:CAC over the customers acquired in those 12 months (signup date, else first order).
  const firstOrder = new Map([...daysOf].map(([id, days]) => [id, Math.min(...days)]));
  const acquired = rows.customers.filter((c) => {
    const since = c.since ?? firstOrder.get(c.id);
    return c.cac !== null && since !== undefined && since >= yearStart && since <= end;
  });
  const averageCac = sum(acquired.map((c) => c.cac as number)) / acquired.length;
  out.ltvCac = fx.LTV_CAC(out.ltv, averageCac);

  const subs = rows.subscriptions;
  const [ids, starts, ends, fees] = [0, 1, 2, 3].map((k) => subs.map((row) => [row[k]]));
  const endCell = sheetDate(new Date(end * DAY_MS).toISOString().slice(0, 10), ZONE);
  out.mrr = fx.MRR(ids, starts, ends, fees, endCell);
  const startCell = sheetDate(new Date(start * DAY_MS).toISOString().slice(0, 10), ZONE);
  const [, month] = fx.MRR_MOVEMENTS(ids, starts, ends, fees, startCell, endCell);
  out.expansionMrr = month[3];
  out.grossMrrChurn = month[8];
  out.nrr = month[9];
  // Quick Ratio from the month's movements: new, expansion, contraction, churned, reactivation.
  out.quickRatio = fx.QUICK_RATIO(month[2], month[3], month[4], month[5], month[6]);
  // CAC payback: the same average CAC ÷ ARPA, ARPA = MRR ÷ customers whose own MRR at the end is above 0.
  const paying = [...new Set(subs.map((row) => row[0] as string))].filter((id) => {
    const mine = subs.filter((row) => row[0] === id);
    const [i, s, e, f] = [0, 1, 2, 3].map((k) => mine.map((row) => [row[k]]));
    return fx.MRR(i, s, e, f, endCell) > 0;
  }).length;
  out.cacPayback = fx.CAC_PAYBACK(averageCac, out.mrr / paying);

  const funnel = inWindow(rows.funnel);
  out.conversionRate = fx.CONVERSION_RATE(sum(funnel.map((f) => f.conversions)), sum(funnel.map((f) => f.visits)));
  out.cartAbandonment = fx.CART_ABANDONMENT(sum(funnel.map((f) => f.carts)), sum(funnel.map((f) => f.purchases)));
  return out;
}

describe('one definition per KPI: the report and the custom functions agree', () => {
  const labels = reportLabels('en');
  let view: SheetView;
  let fx: Record<string, (...args: unknown[]) => any>;

  beforeAll(() => {
    const rig = reportRig(sample().sheets);
    view = reportView(rig, generate(rig, { ...DECEMBER_2025, language: 'en' }).sheetName);
    fx = addOn({ timeZone: ZONE }).fx;
  });

  /** This period's and the previous period's value of a KPI in the report's headline table. */
  function reported(key: Key): [number, number] {
    const row = headlineRow(view, labels.kpis[key][0]);
    return [row.current.value as number, row.previous.value as number];
  }

  const december = {
    start: periodStartDay(DECEMBER_2025.periodIndex, 'month'),
    end: periodEndDay(DECEMBER_2025.periodIndex, 'month'),
  };
  const november = {
    start: periodStartDay(DECEMBER_2025.periodIndex - 1, 'month'),
    end: periodEndDay(DECEMBER_2025.periodIndex - 1, 'month'),
  };

  it('on every KPI of the first kind, for December 2025 and November 2025', () => {
    const now = throughFormulas(fx, december.start, december.end);
    const before = throughFormulas(fx, november.start, november.end);
    for (const key of FIRST_KIND) {
      const [current, previous] = reported(key);
      expect(typeof current, key).toBe('number');
      expect(current, `${key} this period`).toBeCloseTo(now[key], 9);
      expect(previous, `${key} previous period`).toBeCloseTo(before[key], 9);
    }
  });

  it('has every KPI of the report in one of the two kinds', () => {
    const second = [
      'responses',
      'customersStart',
      'newCustomers',
      'customersEnd',
      'churn',
      'retention',
      'ticketsPerCustomer',
      'arr',
      'arpa',
      'mrrGrowth',
    ];
    expect([...FIRST_KIND, ...second].sort()).toEqual(Object.keys(labels.kpis).sort());
  });
});
