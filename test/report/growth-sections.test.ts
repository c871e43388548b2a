/**
 * The report grows with the business (issue 16, report part): targets, SaaS efficiency and customer
 * effort. Every expected value is worked out by hand from the rows written here:
 *
 * - targets: on/off target by the KPI's direction, the band's and the headline table's marks, the
 *   missed targets named in the first sentence, and nothing at all without a target (pure model and
 *   layout, from src);
 * - SaaS efficiency: ARR, ARPA, MRR growth, Quick Ratio and CAC payback of December 2025 from five
 *   subscriptions and four acquisition costs (through the built bundle);
 * - CES: an "Effort" question (lower is better) reversed, an "Ease" one on 1–7 not, the direction the
 *   user chose in the wizard winning over the header's word, and no CES without an effort column.
 *
 * Run `npm run build` first.
 */
import { describe, expect, it } from 'vitest';
import { dayFromCivil, periodIndex } from '../../src/kpi/calendar/days';
import { targetMet } from '../../src/report/compute/headline';
import type { ReportOptions } from '../../src/report/compute/model';
import { computeReport } from '../../src/report/compute/report';
import { composeReport } from '../../src/report/compose/report-sheet';
import { COLORS, type SheetLayout } from '../../src/report/layout';
import type { ReportData, SurveyRecord } from '../../src/report/records';
import { isoDateIn, sheetDate } from '../emulator';
import {
  generate,
  generateRequest,
  headlineRow,
  headlineRows,
  reportRig,
  reportView,
  wire,
  ZONE,
} from '../support/report';

const d = (iso: string) => sheetDate(iso, ZONE);
const DECEMBER = periodIndex(dayFromCivil(2025, 12, 1), 'month');

// ---- targets (pure) ----

/** Ten December answers: NPS 5 promoters, 2 passives, 3 detractors → 20; CSAT 8 of 10 at 4–5 → 80 %. */
function decemberSurveys(): ReportData {
  const nps = [10, 10, 10, 9, 9, 8, 7, 3, 2, 0];
  const csat = [5, 5, 4, 4, 4, 3, 2, 5, 5, 4];
  const records: SurveyRecord[] = nps.map((score, k) => ({
    customerId: `C${k}`,
    day: dayFromCivil(2025, 12, 1 + k),
    nps: score,
    csat: csat[k],
    comment: '',
    switchLikelihood: null,
    repurchase: null,
    overallExperience: null,
    effort: null,
    segment: '',
  }));
  return {
    surveys: {
      sheet: 'Surveys',
      rowCount: records.length,
      records,
      skipped: { total: 0, byReason: {} },
      cut: { count: 0, fields: [] },
    },
  };
}

function options(targets?: ReportOptions['targets']): ReportOptions {
  return {
    language: 'en',
    periodKind: 'month',
    periodIndex: DECEMBER,
    currency: 'USD',
    todayDay: dayFromCivil(2026, 1, 10),
    generatedAt: Date.UTC(2026, 0, 10),
    timeZone: 'UTC',
    locale: 'en_US',
    withoutPersonalData: false,
    sections: { charts: false, cohorts: false, actions: false, predicted: false },
    ...(targets ? { targets } : {}),
  };
}

/** Every cell of a layout whose value is text, with where it is. */
function texts(layout: SheetLayout): { row: number; column: number; text: string; color?: string }[] {
  const out: { row: number; column: number; text: string; color?: string }[] = [];
  for (let r = 1; r <= layout.height; r++)
    for (let c = 1; c <= layout.width; c++) {
      const cell = layout.get(r, c);
      if (cell && typeof cell.value === 'string') out.push({ row: r, column: c, text: cell.value, color: cell.color });
    }
  return out;
}

describe('targets', () => {
  it('reads a target by the KPI’s direction: at or above when higher is better, at or below when lower', () => {
    expect(targetMet('nps', 40, 40)).toBe(true);
    expect(targetMet('nps', 39.9, 40)).toBe(false);
    expect(targetMet('churn', 0.065, 0.05)).toBe(false);
    expect(targetMet('churn', 0.05, 0.05)).toBe(true);
    expect(targetMet('cacPayback', 2.2, 3)).toBe(true);
    // A count that only gives context has no direction: no verdict.
    expect(targetMet('responses', 10, 50)).toBeNull();
    expect(targetMet('nps', null, 40)).toBeNull();
  });

  it('marks each targeted KPI, names the missed ones first, and gives a targeted KPI a card', () => {
    const model = computeReport(decemberSurveys(), options({ nps: 40, csat: 0.75, responses: 5 }));
    const byKey = new Map(model.headline.map((kpi) => [kpi.key, kpi]));
    expect(byKey.get('nps')!.current).toBeCloseTo(20, 12);
    expect(byKey.get('nps')!.target).toEqual({ value: 40, met: false });
    expect(byKey.get('csat')!.current).toBeCloseTo(0.8, 12);
    expect(byKey.get('csat')!.target).toEqual({ value: 0.75, met: true });
    expect(byKey.get('responses')!.target).toEqual({ value: 5, met: null });
    expect(model.story.missedTargets).toEqual(['nps']);
    // Survey answers are not a card of their own; with a target they get one, after the preferred cards.
    expect(model.story.cards).toEqual(['nps', 'csat', 'responses']);

    const cells = texts(composeReport(model, 'named', null));
    const missed = cells.find((c) => c.text.startsWith('Off target'))!;
    expect(missed.text).toBe('Off target: NPS 20.0 (target 40.0).');
    expect(missed.color).toBe(COLORS.bad);
    // The missed-target sentence comes before "what improved / got worse".
    const worse = cells.find((c) => c.text.startsWith('Nothing got worse') || c.text.startsWith('Got worse'))!;
    expect(missed.row).toBeLessThan(worse.row);
    // The cards' marks (row of the card's name, its second column).
    const npsMark = cells.find((c) => c.text === 'Target 40.0 ✗')!;
    expect(npsMark.color).toBe(COLORS.bad);
    expect(cells.find((c) => c.text === 'Target 75.0% ✓')!.color).toBe(COLORS.good);
    expect(cells.find((c) => c.text === 'Target 5')!.color).toBe(COLORS.muted);
    // The headline table's last column: the target first, then the definition.
    const npsRow = cells.find((c) => c.column === 8 && c.text.startsWith('Target 40.0 ✗ · Promoters'));
    expect(npsRow?.color).toBe(COLORS.bad);
  });

  it('shows nothing about targets without one', () => {
    const model = computeReport(decemberSurveys(), options());
    expect(model.headline.every((kpi) => kpi.target === undefined)).toBe(true);
    expect(model.story.missedTargets).toEqual([]);
    expect(model.story.cards).toEqual(['nps', 'csat']);
    const all = texts(composeReport(model, 'named', null)).map((c) => c.text);
    expect(all.filter((t) => /target/i.test(t))).toEqual([]);
  });

  it('ignores a target that is not a finite number', () => {
    const model = computeReport(decemberSurveys(), options({ nps: Number.NaN, csat: Number.POSITIVE_INFINITY }));
    expect(model.headline.every((kpi) => kpi.target === undefined)).toBe(true);
  });
});

// ---- SaaS efficiency (bundle) ----

/**
 * December 2025 by hand. MRR movements (a subscription counts from its start's month to the month
 * before its end's): D new 30; E 20 → 35, expansion 15; C (ended 15 Dec) churned 40.
 * MRR on 31 Dec = A 100 + B 50 + D 30 + E 35 = 215; on 30 Nov = A 100 + B 50 + C 40 + E 20 = 210.
 * ARR = 12 × 215 = 2 580; ARPA = 215 ÷ 4 paying accounts = 53.75; MRR growth = 5 ÷ 210;
 * Quick Ratio = (30 + 15) ÷ 40 = 1.125; CAC of the customers acquired in 2025 (B 120, C 90, D 150;
 * A joined in 2024, E has none) = 120 → CAC payback = 120 ÷ 53.75 = 2.2326 months.
 */
function saasRig(withCac = true) {
  const customers: unknown[][] = [['Customer ID', 'Signup date', ...(withCac ? ['Acquisition cost'] : [])]];
  const cacs: [string, string, number | ''][] = [
    ['A', '2024-05-01', 999],
    ['B', '2025-06-01', 120],
    ['C', '2025-03-01', 90],
    ['D', '2025-12-05', 150],
    ['E', '2025-02-01', ''],
  ];
  for (const [id, since, cac] of cacs) customers.push([id, d(since), ...(withCac ? [cac] : [])]);
  return reportRig({
    Orders: [
      ['Customer ID', 'Order date', 'Amount'],
      ['A', d('2025-11-05'), 10],
      ['B', d('2025-12-05'), 10],
    ],
    Customers: customers as never,
    Subscriptions: [
      ['Customer ID', 'Start', 'End', 'MRR'],
      ['A', d('2025-01-01'), '', 100],
      ['B', d('2025-06-01'), '', 50],
      ['C', d('2025-03-01'), d('2025-12-15'), 40],
      ['D', d('2025-12-05'), '', 30],
      ['E', d('2025-02-01'), d('2025-12-01'), 20],
      ['E', d('2025-12-01'), '', 35],
    ],
  });
}

describe('SaaS efficiency', () => {
  it('gives ARR, ARPA, MRR growth, Quick Ratio and CAC payback of the period in the headline', () => {
    const rig = saasRig();
    const view = reportView(rig, generate(rig).sheetName);
    const value = (name: string) => headlineRow(view, name).current.value as number;
    expect(value('MRR')).toBeCloseTo(215, 9);
    expect(value('ARR')).toBeCloseTo(2580, 9);
    expect(value('ARPA')).toBeCloseTo(53.75, 9);
    expect(value('MRR growth rate')).toBeCloseTo(5 / 210, 9);
    expect(value('Quick Ratio')).toBeCloseTo(1.125, 9);
    expect(value('CAC payback (months)')).toBeCloseTo(120 / 53.75, 9);
  });

  it('writes the same figures for December in the SaaS table of the MRR block', () => {
    const rig = saasRig();
    const view = reportView(rig, generate(rig).sheetName);
    const top = view.row('SaaS efficiency by month (from the subscriptions)');
    const december = view.line(top + 13);
    expect(december.slice(1, 7)).toEqual([2580, 4, 53.75, 5 / 210, 1.125, 120 / 53.75]);
  });

  it('leaves CAC payback out without an acquisition cost column, and says what it needs', () => {
    const rig = saasRig(false);
    const view = reportView(rig, generate(rig).sheetName);
    expect(headlineRows(view).map((r) => r.name)).not.toContain('CAC payback (months)');
    expect(headlineRow(view, 'Quick Ratio').current.value).toBeCloseTo(1.125, 9);
    expect(view.texts()).toContain('CAC payback needs an acquisition cost column in the Customers sheet.');
  });
});

// ---- customer effort (bundle) ----

function effortRig(header: string, ratings: number[]) {
  const answers: unknown[][] = [['Date', 'NPS', header]];
  ratings.forEach((r, k) => answers.push([d(`2025-12-${String(10 + k).padStart(2, '0')}`), 9, r]));
  return reportRig({ Surveys: answers as never });
}

describe('customer effort (CES)', () => {
  it('reverses an effort question (lower is better): =CES({1;2;2;5}, 5, "mean", TRUE) = 3.5', () => {
    const rig = effortRig('Effort', [1, 2, 2, 5]);
    const view = reportView(rig, generate(rig).sheetName);
    expect(headlineRow(view, 'Customer effort (CES)').current.value).toBeCloseTo(3.5, 12);
  });

  it('takes an ease question on 1–7 as it is: =CES({4;5;6;7;7}) = 5.8', () => {
    const rig = effortRig('Ease', [4, 5, 6, 7, 7]);
    const view = reportView(rig, generate(rig).sheetName);
    expect(headlineRow(view, 'Customer effort (CES)').current.value).toBeCloseTo(5.8, 12);
  });

  it('follows the direction the user chose in the wizard: "Effort" read as higher-is-better → mean 2.5', () => {
    const rig = effortRig('Effort', [1, 2, 2, 5]);
    const request = generateRequest(rig);
    const mapping = request.mapping as Record<string, { reading?: object }>;
    mapping.surveys = { ...mapping.surveys, reading: { effort: 'higherIsBetter' } };
    const result = wire(rig.fx.wizardGenerate(wire(request)));
    const view = reportView(rig, result.sheetName);
    expect(headlineRow(view, 'Customer effort (CES)').current.value).toBeCloseTo(2.5, 12);
  });

  it('has no CES without an effort column', () => {
    const rig = reportRig({
      Surveys: [
        ['Date', 'NPS'],
        [d('2025-12-10'), 9],
      ],
    });
    const view = reportView(rig, generate(rig).sheetName);
    expect(headlineRows(view).map((r) => r.name)).not.toContain('Customer effort (CES)');
  });
});

// ---- segments (bundle) ----

/**
 * Two segments by hand, December 2025. Customers' segments from the Customers sheet; answers carry
 * their own. Pro: A1 (June and December orders), A2 and A3 new in December, A4 gone since October
 * 2024. Basic: B1 and B2 new in December, B3 active (20 November), B4 last ordered 15 December 2024
 * (active when December starts, not when it ends: churned).
 * - customers at end: Pro A1, A2, A3 = 3; Basic B1, B2, B3 = 3;
 * - churn: Pro 0 of 1 (A1); Basic 1 of 2 (B3, B4) = 50 %;
 * - revenue: Pro 100 + 120 + 80 = 300; Basic 20 + 30 = 50; average order value 100 and 25;
 * - repeat rate: Pro 1 of 4 (A1) = 25 %; Basic 0 of 4;
 * - NPS: Pro 18 promoters, 2 detractors = 80; Basic 2 promoters, 18 detractors = −80. NPS_CHANGE's z
 *   is far beyond 1.96 (z = 160 ÷ √(2 · (0.2 − 0.64)·…) — p < 10⁻⁹), so after Holm (×2) both still differ:
 *   Pro better (green), Basic worse (red).
 */
function segmentRig() {
  const surveys: unknown[][] = [['Customer ID', 'Date', 'NPS', 'Segment']];
  for (let k = 0; k < 20; k++) surveys.push([`SP${k}`, d('2025-12-10'), k < 18 ? 10 : 0, 'Pro']);
  for (let k = 0; k < 20; k++) surveys.push([`SB${k}`, d('2025-12-11'), k < 2 ? 10 : 0, 'Basic']);
  return reportRig({
    Customers: [
      ['Customer ID', 'Segment'],
      ...['A1', 'A2', 'A3', 'A4'].map((id) => [id, 'Pro']),
      ...['B1', 'B2', 'B3', 'B4'].map((id) => [id, 'Basic']),
    ],
    Orders: [
      ['Customer ID', 'Order date', 'Amount'],
      ['A1', d('2025-06-01'), 100],
      ['A1', d('2025-12-03'), 100],
      ['A2', d('2025-12-04'), 120],
      ['A3', d('2025-12-05'), 80],
      ['A4', d('2024-10-01'), 50],
      ['B1', d('2025-12-06'), 20],
      ['B2', d('2025-12-07'), 30],
      ['B3', d('2025-11-20'), 25],
      ['B4', d('2024-12-15'), 40],
    ],
    Surveys: surveys as never,
  });
}

describe('KPIs by segment', () => {
  it('gives each segment’s KPIs and marks the NPS that differs from the rest after Holm', () => {
    const rig = segmentRig();
    const view = reportView(rig, generate(rig).sheetName);
    const top = view.row('KPIs by segment');
    const header = view.rowOf(/^Segment$/);
    expect(header).toBeGreaterThan(top);
    expect(view.line(header)).toEqual([
      'Segment',
      'Customers at end',
      'Customer churn',
      'Revenue',
      'Average order value',
      'Repeat rate',
      'NPS',
      'CSAT',
    ]);
    // Equal customers: by name.
    const basic = view.line(header + 1);
    const pro = view.line(header + 2);
    expect(basic.slice(0, 7)).toEqual(['Basic', 3, 0.5, 50, 25, 0, -80]);
    expect(pro.slice(0, 7)).toEqual(['Pro', 3, 0, 300, 100, 0.25, 80]);
    expect(view.at(header + 2, 7).display).toMatch(/^80(\.0)? \*$/);
    expect(view.at(header + 2, 7).color).toBe(COLORS.good);
    expect(view.at(header + 1, 7).display).toMatch(/^-80(\.0)? \*$/);
    expect(view.at(header + 1, 7).color).toBe(COLORS.bad);
    // One churned customer of two against none of one: far from significant, no mark.
    expect(view.at(header + 1, 3).display).not.toContain('*');
    expect(view.texts().some((t) => t.startsWith('* differs from the rest of the customers at 5 %'))).toBe(true);
  });

  it('shows each customer’s segment in the last column of the report’s lists and of the lists sheet', () => {
    const rig = segmentRig();
    const result = generate(rig);
    const view = reportView(rig, result.sheetName);
    const welcome = view.rowOf(/^New customers to welcome: 4 ·/);
    expect(view.at(welcome + 1, 8).value).toBe('Segment');
    const shown = [1, 2, 3, 4].map((k) => [view.at(welcome + 1 + k, 1).value, view.at(welcome + 1 + k, 8).value]);
    expect(new Map(shown as [string, string][])).toEqual(
      new Map([
        ['A2', 'Pro'],
        ['A3', 'Pro'],
        ['B1', 'Basic'],
        ['B2', 'Basic'],
      ]),
    );
    const lists = reportView(rig, 'KPI lists');
    expect(lists.at(3, 9).value).toBe('Segment');
    // A… and SP… (answers marked Pro) are Pro; B… and SB… Basic.
    for (let r = 4; lists.at(r, 1).value !== ''; r++) {
      const id = String(lists.at(r, 2).value);
      expect(lists.at(r, 9).value, id).toBe(/^(A|SP)/.test(id) ? 'Pro' : 'Basic');
    }
  });

  it('says what to add without any segment column', () => {
    const rig = effortRig('Effort', [1, 2]);
    const view = reportView(rig, generate(rig).sheetName);
    const top = view.row('KPIs by segment');
    const note = view.row(
      'Add a segment column (plan, tier, channel, country…) to the Customers, Orders or Surveys sheet to see this.',
    );
    expect(note - top).toBeLessThanOrEqual(2);
  });
});

// ---- revenue cohorts and the projection (pure) ----

/**
 * Orders by hand: C0…C8 first order 15 Jan 2025 (10 each; C0 again on 20 Mar, 45); C9 once on
 * 10 Nov 2024 (20); N1 5 Oct 2025, N2 5 Nov, N3 5 Dec (100 each), N4 6 Dec (50).
 * Activity (an order in the 365 days): October starts with C0…C9 = 10, wins N1 → 11; November
 * starts with 11, wins N2 and loses C9 (its year ends 10 Nov) → 11; December starts with 11, wins
 * N3 and N4 → 13. Revenue: 100, 100, 150.
 */
function growthOrders(): ReportData {
  const order = (customerId: string, y: number, m: number, day: number, amount: number) => ({
    customerId,
    day: dayFromCivil(y, m, day),
    amount,
    cost: null,
    orderId: '',
    status: '',
    refunded: null,
    cancelled: false,
    segment: '',
  });
  const records = [
    ...Array.from({ length: 9 }, (_, k) => order(`C${k}`, 2025, 1, 15, 10)),
    order('C0', 2025, 3, 20, 45),
    order('C9', 2024, 11, 10, 20),
    order('N1', 2025, 10, 5, 100),
    order('N2', 2025, 11, 5, 100),
    order('N3', 2025, 12, 5, 100),
    order('N4', 2025, 12, 6, 50),
  ];
  return {
    orders: {
      sheet: 'Orders',
      rowCount: records.length,
      records: records as never,
      skipped: { total: 0, byReason: {} },
      cut: { count: 0, fields: [] },
    },
  };
}

describe('projection', () => {
  it('runs the last 3 months’ pooled rates forward: churn 1/32, 4/3 new a month, 10 of revenue per customer', () => {
    const model = computeReport(growthOrders(), options());
    const p = model.projection!;
    // Σ start 32, Σ new 4, Σ end 35 → lost 1; revenue 350 ÷ 35 customers at the months' ends.
    expect(p.assumptions.churnRate).toBeCloseTo(1 / 32, 12);
    expect(p.assumptions.newCustomersPerMonth).toBeCloseTo(4 / 3, 12);
    expect(p.assumptions.revenuePerCustomer).toBeCloseTo(10, 12);
    expect(p.assumptions.startCustomers).toBe(13);
    expect(p.months).toHaveLength(12);
    // January 2026: 13 × (1 − 1/32) + 4/3.
    expect(p.months[0].customersAtEnd).toBeCloseTo(13 * (31 / 32) + 4 / 3, 9);
    expect(p.months[0].revenue).toBeCloseTo(10 * (13 * (31 / 32) + 4 / 3), 9);
    // The level the rates lead to: new ÷ churn = 42.67 customers, 426.7 a month.
    expect(p.steadyStateCustomers).toBeCloseTo(128 / 3, 9);
    expect(p.steadyStateRevenue).toBeCloseTo(1280 / 3, 9);
    const texts = composeReport(model, 'named', null);
    const all: string[] = [];
    for (let r = 1; r <= texts.height; r++) {
      const v = texts.get(r, 1)?.value;
      if (typeof v === 'string') all.push(v);
    }
    expect(all).toContain(
      'From the last 3 months (Oct 25, Nov 25, Dec 25): churn 3.1% a month, 1 new or returning customers a month, ' +
        'revenue per customer $10 a month, starting from 13 customers. It assumes these rates hold: it shows where ' +
        'they lead, not what will happen.',
    );
  });

  it('says what to add without orders', () => {
    const model = computeReport(decemberSurveys(), options());
    expect(model.projection).toBeUndefined();
    expect(model.missing.projection).toBe('orders');
  });
});

describe('revenue cohorts', () => {
  it('gives each cohort’s revenue retention and cumulative revenue per customer (COHORT_REVENUE)', () => {
    const model = computeReport(growthOrders(), {
      ...options(),
      sections: { charts: true, cohorts: true, actions: false, predicted: false },
    });
    const cohorts = model.revenueCohorts!;
    expect(cohorts.rows.map((r) => r.customers)).toEqual([1, 9, 1, 1, 2]);
    // November 2024 to December 2025: 14 months seen from the oldest cohort.
    expect(cohorts.offsets).toBe(14);
    const january = cohorts.rows[1];
    expect(january.firstRevenue).toBe(90);
    // March is 2 months on: 45 ÷ 90; nothing in February.
    expect(january.retention.slice(0, 4)).toEqual([1, 0, 0.5, 0]);
    // Cumulative per customer: 90 ÷ 9 = 10, then (90 + 45) ÷ 9 = 15 from March on; nothing after December.
    expect(january.cumulative.slice(0, 3)).toEqual([10, 10, 15]);
    expect(january.cumulative[11]).toBe(15);
    expect(january.retention[12]).toBeNull();
    // LTV curves: every third cohort back from the newest with two months (November 2025), then November 2024.
    expect(cohorts.curves).toEqual([0, 3]);
  });
});

// ---- support (bundle) ----

/**
 * Tickets by hand. December: A's four (first responses after 6, 10, none and 2 hours; the first
 * resolved after 24 hours, two open, one pending) and B's one (answered after 4 hours, resolved on
 * 5 January: 26 days = 624 hours, after the period). November: B's one (3 hours; resolved after 24).
 * December: opened 5; median first response of 2, 4, 6, 10 = 5 h; median resolution of 24 and 624
 * = 324 h; resolved within December 1 of 5; 5 tickets ÷ 2 customers = 2.5. A has 3 tickets
 * unresolved on 31 December (B's December ticket is closed, but only on 5 January: 1 unresolved).
 */
function supportRig() {
  const t = (iso: string) => sheetDate(iso, ZONE);
  return reportRig({
    Orders: [
      ['Customer ID', 'Order date', 'Amount'],
      ['A', d('2025-06-01'), 10],
      ['B', d('2025-06-01'), 20],
    ],
    Tickets: [
      ['Customer ID', 'Date', 'Status', 'First response', 'Resolved'],
      ['B', d('2025-11-10'), 'closed', t('2025-11-10T03:00'), t('2025-11-11T00:00')],
      ['A', d('2025-12-01'), 'closed', t('2025-12-01T06:00'), t('2025-12-02T00:00')],
      ['A', d('2025-12-02'), 'open', t('2025-12-02T10:00'), ''],
      ['A', d('2025-12-03'), 'open', '', ''],
      ['A', d('2025-12-04'), 'pending', t('2025-12-04T02:00'), ''],
      ['B', d('2025-12-10'), 'closed', t('2025-12-10T04:00'), t('2026-01-05T00:00')],
    ] as never,
  });
}

describe('support', () => {
  it('gives the medians, the share resolved within the period and tickets per customer, by period', () => {
    const rig = supportRig();
    const view = reportView(rig, generate(rig).sheetName);
    const top = view.row('Support');
    const row = (name: string) => view.line(view.row(name, top)).slice(2, 4);
    expect(row('Tickets opened')).toEqual([5, 1]);
    // Times are day fractions: equal to the hour within rounding.
    const hours = (name: string) => row(name).map((v) => Math.round((v as number) * 1e6) / 1e6);
    expect(hours('Median first response (hours)')).toEqual([5, 3]);
    expect(hours('Median resolution (hours)')).toEqual([324, 24]);
    expect(row('Resolved within the period')).toEqual([0.2, 1]);
    expect(row('Tickets per customer')).toEqual([2.5, 0.5]);
  });

  it('lists the customers with 3 or more unresolved tickets', () => {
    const rig = supportRig();
    const view = reportView(rig, generate(rig).sheetName);
    const heading = view.row(/^Customers needing attention: 3 or more unresolved tickets: 1 · \$10 at stake$/);
    const first = view.line(heading + 2);
    expect(first[0]).toBe('A');
    expect(first[2]).toBe(10);
    expect(isoDateIn(first[3] as Date, ZONE)).toBe('2025-12-02');
    expect(first.slice(4, 6)).toEqual([3, 4]);
  });

  it('says what to add when the tickets have no times', () => {
    const rig = reportRig({
      Orders: [
        ['Customer ID', 'Order date', 'Amount'],
        ['A', d('2025-12-01'), 10],
      ],
      Tickets: [
        ['Customer ID', 'Date'],
        ['A', d('2025-12-02')],
      ],
    });
    const view = reportView(rig, generate(rig).sheetName);
    const top = view.row('Support');
    expect(view.row('Add first-response and resolved date-times to the Tickets sheet to see this.', top)).toBeLessThan(
      top + 3,
    );
  });
});
