/**
 * Revenue and value formulas: CPS, LTV, SaaS LTV, LTV:CAC, revenue retention and churn, MRR and
 * MRR movements. Thin wrappers: read arguments with the coercion layer, compute with
 * `src/kpi/revenue`.
 */
import { KpiError } from '../../errors/catalogue';
import { isoOfDay, periodIndex } from '../../kpi/calendar/days';
import { customerProfitabilityScore } from '../../kpi/revenue/cps';
import { lifetimeValue } from '../../kpi/revenue/ltv';
import { ltvToCac } from '../../kpi/revenue/ltv-cac';
import { mrrOn } from '../../kpi/revenue/mrr';
import { mrrMovements } from '../../kpi/revenue/mrr-movements';
import { revenueChurn, revenueRetention } from '../../kpi/revenue/revenue-retention';
import { saasLifetimeValue } from '../../kpi/revenue/saas-ltv';
import type { Subscription } from '../../kpi/revenue/subscription';
import type { FormulaArgs } from '../args';
import type { CellInput, CellOutput, CellTable } from '../cells';
import { runFormula } from '../formula';

/**
 * Customer Profitability Score: (revenue − cost) ÷ cost, per customer or in total.
 *
 * @param revenue Revenue from the customer (a value or a range; amounts ≥ 0).
 * @param cost Cost of serving the customer, greater than 0 (a value or a range of the same shape).
 * @return The score, cell by cell (0.25 = earns 25 % more than it costs; negative = loss).
 * @formula CPS = (revenue − cost) ÷ cost.
 * @source Customer profitability analysis, e.g. Kotler & Keller, "Marketing Management", ch. 5 (customer profitability).
 * @example =CPS({1500;800}, {1200;1000})
 * | 0.25 |
 * | -0.2 |
 * @customfunction
 */
export function CPS(revenue: CellInput, cost: CellInput): CellOutput | CellOutput[][] {
  return runFormula('CPS', (args) =>
    args.elementwise(
      [
        { arg: 'revenue', input: revenue, read: args.amountReader('revenue') },
        { arg: 'cost', input: cost, read: args.amountReader('cost') },
      ],
      ([r, c]) => customerProfitabilityScore(r, c),
    ),
  );
}

/**
 * Customer lifetime value from order value, purchase frequency, lifespan and margin.
 *
 * @param average_order_value Average spend per purchase (≥ 0).
 * @param purchases_per_period Purchases per customer per period, e.g. per year (≥ 0).
 * @param lifespan_periods How many periods a customer stays, in the same period (≥ 0).
 * @param gross_margin Gross margin as a fraction 0–1 (default 1: revenue LTV).
 * @return The lifetime value, cell by cell.
 * @formula LTV = average order value × purchases per period × lifespan in periods × gross margin.
 * @source Shopify, "Customer lifetime value (CLV)": average purchase value × purchase frequency × customer lifespan.
 * @example =LTV(50, 4, 3, 0.6)
 * 360
 * @customfunction
 */
export function LTV(
  average_order_value: CellInput,
  purchases_per_period: CellInput,
  lifespan_periods: CellInput,
  gross_margin?: CellInput,
): CellOutput | CellOutput[][] {
  return runFormula('LTV', (args) =>
    args.elementwise(
      [
        { arg: 'average_order_value', input: average_order_value, read: args.amountReader('average_order_value') },
        {
          arg: 'purchases_per_period',
          input: purchases_per_period,
          read: args.amountReader('purchases_per_period', 'value'),
        },
        { arg: 'lifespan_periods', input: lifespan_periods, read: args.amountReader('lifespan_periods', 'value') },
        { arg: 'gross_margin', input: gross_margin, fallback: 1 },
      ],
      ([value, frequency, lifespan, margin]) => lifetimeValue(value, frequency, lifespan, margin),
    ),
  );
}

/**
 * Subscription lifetime value: revenue per account × margin ÷ churn rate.
 *
 * @param arpa Average revenue per account per period, e.g. per month (≥ 0).
 * @param churn_rate Share of accounts lost per period, above 0 and at most 1 (0.05 = 5 %).
 * @param gross_margin Gross margin as a fraction 0–1 (default 1).
 * @return The lifetime value, cell by cell.
 * @formula SaaS LTV = ARPA × gross margin ÷ churn rate (1 ÷ churn is the expected lifetime in periods); churn 0 is an error: churn is 0, lifetime is unbounded.
 * @source D. Skok, "SaaS Metrics 2.0 – A Guide to Measuring and Improving What Matters", For Entrepreneurs.
 * @example =SAAS_LTV(100, 0.05, 0.8)
 * 1600
 * @customfunction
 */
export function SAAS_LTV(
  arpa: CellInput,
  churn_rate: CellInput,
  gross_margin?: CellInput,
): CellOutput | CellOutput[][] {
  return runFormula('SAAS_LTV', (args) =>
    args.elementwise(
      [
        { arg: 'arpa', input: arpa, read: args.amountReader('arpa') },
        { arg: 'churn_rate', input: churn_rate, read: args.amountReader('churn_rate', 'value') },
        { arg: 'gross_margin', input: gross_margin, fallback: 1 },
      ],
      ([revenue, churn, margin]) => saasLifetimeValue(revenue, churn, margin),
    ),
  );
}

/**
 * LTV to CAC ratio: lifetime value over customer acquisition cost.
 *
 * @param ltv Customer lifetime value (≥ 0).
 * @param cac Customer acquisition cost, greater than 0.
 * @return The ratio, cell by cell: above 1 a customer pays back its cost; 3 or more is the usual target.
 * @formula LTV:CAC = LTV ÷ CAC.
 * @source D. Skok, "SaaS Metrics 2.0", For Entrepreneurs (LTV > 3 × CAC).
 * @example =LTV_CAC({1600;900}, 400)
 * | 4 |
 * | 2.25 |
 * @customfunction
 */
export function LTV_CAC(ltv: CellInput, cac: CellInput): CellOutput | CellOutput[][] {
  return runFormula('LTV_CAC', (args) =>
    args.elementwise(
      [
        { arg: 'ltv', input: ltv, read: args.amountReader('ltv') },
        { arg: 'cac', input: cac, read: args.amountReader('cac') },
      ],
      ([value, cost]) => ltvToCac(value, cost),
    ),
  );
}

/** The three revenue arguments of REVENUE_RETENTION and REVENUE_CHURN, read cell by cell. */
function revenuePeriod(
  args: FormulaArgs,
  start: CellInput,
  end: CellInput,
  added: CellInput,
  compute: (start: number, end: number, added: number) => number,
): CellOutput | CellOutput[][] {
  return args.elementwise(
    [
      { arg: 'revenue_start', input: start, read: args.amountReader('revenue_start') },
      { arg: 'revenue_end', input: end, read: args.amountReader('revenue_end') },
      { arg: 'revenue_new', input: added, read: args.amountReader('revenue_new') },
    ],
    ([s, e, n]) => compute(s, e, n),
  );
}

/**
 * Net revenue retention: revenue kept from the start of the period, expansion included.
 *
 * @param revenue_start Recurring revenue at the start of the period (greater than 0).
 * @param revenue_end Recurring revenue at the end of the period.
 * @param revenue_new Revenue from customers won during the period (part of revenue_end).
 * @return The retention as a fraction, cell by cell (above 1 when expansion outweighs losses).
 * @formula NRR = (revenue_end − revenue_new) ÷ revenue_start.
 * @source ChartMogul, "Net MRR retention"; D. Skok, "SaaS Metrics 2.0".
 * @example =REVENUE_RETENTION(10000, 10500, 1500)
 * 0.9
 * @customfunction
 */
export function REVENUE_RETENTION(
  revenue_start: CellInput,
  revenue_end: CellInput,
  revenue_new: CellInput,
): CellOutput | CellOutput[][] {
  return runFormula('REVENUE_RETENTION', (args) =>
    revenuePeriod(args, revenue_start, revenue_end, revenue_new, revenueRetention),
  );
}

/**
 * Revenue churn: the share of the starting revenue lost in the period, net of expansion.
 *
 * @param revenue_start Recurring revenue at the start of the period (greater than 0).
 * @param revenue_end Recurring revenue at the end of the period.
 * @param revenue_new Revenue from customers won during the period (part of revenue_end).
 * @return The churn as a fraction, cell by cell (negative when expansion outweighs losses).
 * @formula Revenue churn = (revenue_start − revenue_end + revenue_new) ÷ revenue_start = 1 − REVENUE_RETENTION. New revenue inflates the end revenue, so it is added back before measuring what was lost; a widely copied Spanish article writes "− new", which has the wrong sign.
 * @source ChartMogul, "Net MRR churn rate"; D. Skok, "SaaS Metrics 2.0".
 * @example =REVENUE_CHURN(10000, 10500, 1500)
 * 0.1
 * @customfunction
 */
export function REVENUE_CHURN(
  revenue_start: CellInput,
  revenue_end: CellInput,
  revenue_new: CellInput,
): CellOutput | CellOutput[][] {
  return runFormula('REVENUE_CHURN', (args) =>
    revenuePeriod(args, revenue_start, revenue_end, revenue_new, revenueChurn),
  );
}

/** Reads subscription lines; an end date before its start is an error naming the row. */
function readSubscriptions(
  args: FormulaArgs,
  customerIds: CellInput,
  startDates: CellInput,
  endDates: CellInput,
  amounts: CellInput,
): Subscription[] {
  const table = args.table([
    { arg: 'customer_ids', input: customerIds, kind: 'id' },
    { arg: 'start_dates', input: startDates, kind: 'date' },
    { arg: 'end_dates', input: endDates, kind: 'optionalDate' },
    { arg: 'monthly_amounts', input: amounts, kind: 'amount' },
  ] as const);
  const [ids, starts, ends, monthly] = table.columns;
  args.requireRows(ids.length, 'monthly_amounts', 'subscription');
  return ids.map((customerId, i) => {
    const endDay = ends[i];
    if (endDay !== null && endDay < starts[i]) {
      throw new KpiError(
        'INCONSISTENT_COUNTS',
        { fn: args.fn },
        {
          en: `end_dates row ${table.rows[i]} (${isoOfDay(endDay)}) is before its start date (${isoOfDay(starts[i])})`,
          es: `end_dates fila ${table.rows[i]} (${isoOfDay(endDay)}) es anterior a su fecha de inicio (${isoOfDay(starts[i])})`,
        },
      );
    }
    return { customerId, startDay: starts[i], endDay, monthlyAmount: monthly[i] };
  });
}

/**
 * Monthly recurring revenue on a date: the sum of the subscriptions active that day.
 *
 * @param customer_ids Customer of each subscription line.
 * @param start_dates First day each subscription is active.
 * @param end_dates Day each subscription ends (not active that day); blank while it runs.
 * @param monthly_amounts Monthly amount of each subscription (≥ 0).
 * @param as_of The date to measure MRR on.
 * @return MRR on as_of.
 * @formula MRR = Σ amounts of subscriptions with start ≤ as_of and (end blank or end > as_of).
 * @source ChartMogul, "Monthly recurring revenue (MRR)".
 * @example =MRR({"a";"a";"b";"c"}, {"2024-01-05";"2024-02-10";"2024-01-20";"2024-03-01"}, {"2024-02-10";"";"2024-03-01";""}, {10;25;40;30}, "2024-03-01")
 * 55
 * @customfunction
 */
export function MRR(
  customer_ids: CellInput,
  start_dates: CellInput,
  end_dates: CellInput,
  monthly_amounts: CellInput,
  as_of: CellInput,
): number {
  return runFormula('MRR', (args) => {
    const day = args.day(as_of, 'as_of');
    return mrrOn(readSubscriptions(args, customer_ids, start_dates, end_dates, monthly_amounts), day);
  });
}

/**
 * MRR movements per month: new, expansion, contraction, churned and reactivation MRR.
 *
 * @param customer_ids Customer of each subscription line.
 * @param start_dates First day each subscription is active.
 * @param end_dates Day each subscription ends (not active that day); blank while it runs.
 * @param monthly_amounts Monthly amount of each subscription (≥ 0).
 * @param from First month to show (any date in it; default the month of the first start).
 * @param to Last month to show (any date in it; default the month of the last start or end date).
 * @return A table, header Month, Starting MRR, New, Expansion, Contraction, Churned, Reactivation, Ending MRR, Gross MRR churn, Net revenue retention; one row per month.
 * @formula A customer's MRR in a month is the sum of its subscriptions active at the month's end. Between months: 0 → x New the first time, Reactivation afterwards; x → y > x Expansion; 0 < y < x Contraction; x → 0 Churned. Ending = Starting + New + Expansion − Contraction − Churned + Reactivation; Gross MRR churn = (Churned + Contraction) ÷ Starting; NRR = (Starting − Churned − Contraction + Expansion) ÷ Starting (blank when Starting is 0).
 * @source ChartMogul, "MRR movements" and "Net MRR churn rate" definitions.
 * @example =MRR_MOVEMENTS({"a";"a";"b";"b"}, {"2024-01-05";"2024-02-10";"2024-01-20";"2024-05-02"}, {"2024-02-10";"";"2024-03-15";""}, {10;25;40;20})
 * | Month | Starting MRR | New | Expansion | Contraction | Churned | Reactivation | Ending MRR | Gross MRR churn | Net revenue retention |
 * | 2024-01-01 | 0 | 50 | 0 | 0 | 0 | 0 | 50 |  |  |
 * | 2024-02-01 | 50 | 0 | 15 | 0 | 0 | 0 | 65 | 0 | 1.3 |
 * | 2024-03-01 | 65 | 0 | 0 | 0 | 40 | 0 | 25 | 0.6154 | 0.3846 |
 * | 2024-04-01 | 25 | 0 | 0 | 0 | 0 | 0 | 25 | 0 | 1 |
 * | 2024-05-01 | 25 | 0 | 0 | 0 | 0 | 20 | 45 | 0 | 1 |
 * @customfunction
 */
export function MRR_MOVEMENTS(
  customer_ids: CellInput,
  start_dates: CellInput,
  end_dates: CellInput,
  monthly_amounts: CellInput,
  from?: CellInput,
  to?: CellInput,
): CellTable {
  return runFormula('MRR_MOVEMENTS', (args, settings) => {
    const fromDay = args.optionalDay(from, 'from');
    const toDay = args.optionalDay(to, 'to');
    const subscriptions = readSubscriptions(args, customer_ids, start_dates, end_dates, monthly_amounts);
    const month = (day: number | undefined) => (day === undefined ? undefined : periodIndex(day, 'month'));
    const table: CellTable = [
      [
        'Month',
        'Starting MRR',
        'New',
        'Expansion',
        'Contraction',
        'Churned',
        'Reactivation',
        'Ending MRR',
        'Gross MRR churn',
        'Net revenue retention',
      ],
    ];
    for (const m of mrrMovements(subscriptions, month(fromDay), month(toDay))) {
      table.push([
        settings.zone().midnightOf(m.firstDay),
        m.startingMrr,
        m.newMrr,
        m.expansion,
        m.contraction,
        m.churned,
        m.reactivation,
        m.endingMrr,
        m.grossMrrChurn ?? '',
        m.netRevenueRetention ?? '',
      ]);
    }
    return table;
  });
}
