/**
 * Customers and retention formulas: churn and retention from counts, churn from orders, repeat
 * rate, purchase frequency, cohort retention, order summary, RFM and upcoming dates.
 * Thin wrappers: read arguments with the coercion layer, compute with `src/kpi/retention`.
 */
import { KpiError } from '../../errors/catalogue';
import { isoOfDay } from '../../kpi/calendar/days';
import { churnRate, customerChurn, previousWindowText, repeatRate, retentionRate } from '../../kpi/retention/churn';
import { cohortRetention } from '../../kpi/retention/cohorts';
import { orderSummary, purchaseFrequency } from '../../kpi/retention/orders';
import { rfmScores } from '../../kpi/retention/rfm';
import { upcomingDates } from '../../kpi/retention/upcoming-dates';
import type { ColumnSpec, FormulaArgs } from '../args';
import type { CellInput, CellOutput, CellTable } from '../cells';
import { runFormula } from '../formula';

/** Orders read from paired ranges: one entry per kept row. */
interface Orders {
  ids: string[];
  days: number[];
  amounts: number[];
}

/**
 * Reads `customer_ids` and `order_dates`, plus `amounts` when the formula takes them (`priced`), as
 * paired ranges; rows with a blank field are skipped; nothing left is an error.
 */
function readOrders(
  args: FormulaArgs,
  customer_ids: CellInput,
  order_dates: CellInput,
  priced?: { amounts: CellInput },
): Orders {
  const specs: ColumnSpec[] = [
    { arg: 'customer_ids', input: customer_ids, kind: 'id' },
    { arg: 'order_dates', input: order_dates, kind: 'date' },
  ];
  if (priced) specs.push({ arg: 'amounts', input: priced.amounts, kind: 'amount' });
  const table = args.table(specs);
  args.requireRows(table.rows.length, 'order_dates', 'order');
  const [ids, days, amounts] = table.columns as [string[], number[], number[]?];
  return { ids, days, amounts: amounts ?? [] };
}

/**
 * Customer churn rate of a period from customer counts: the share of the starting customers lost.
 *
 * @param customers_start Customers at the start of the period (greater than 0); a value or a range.
 * @param customers_end Customers at the end of the period, new ones included; a value or a range of the same shape.
 * @param new_customers Customers gained during the period (default 0); a value or a range of the same shape.
 * @return Churn rate as a fraction (format as %), cell by cell for ranges; above 1 only when customers won in the period left too.
 * @formula churn = (customers_start + new_customers − customers_end) ÷ customers_start; with no new customers (start − end) ÷ start. start must be above 0 and end ≤ start + new; when customers won in the period also left (end < new) churn counts them and can exceed 1.
 * @source Customer churn rate as published in the trade (HubSpot, Shopify): customers lost ÷ customers at the start.
 * @example =CHURN_RATE(200, 190, 40)
 * 0.25
 * @customfunction
 */
export function CHURN_RATE(
  customers_start: CellInput,
  customers_end: CellInput,
  new_customers?: CellInput,
): CellOutput | CellOutput[][] {
  return runFormula('CHURN_RATE', (args) => {
    return args.elementwise(
      [
        { arg: 'customers_start', input: customers_start },
        { arg: 'customers_end', input: customers_end },
        { arg: 'new_customers', input: new_customers, fallback: 0 },
      ],
      ([start, end, added]) => churnRate(start, end, added),
    );
  });
}

/**
 * Customer retention rate of a period: the share of the starting customers still there at the end.
 *
 * @param customers_start Customers at the start of the period (greater than 0); a value or a range.
 * @param customers_end Customers at the end of the period, new ones included; a value or a range of the same shape.
 * @param new_customers Customers gained during the period; a value or a range of the same shape.
 * @return Retention rate 0…1 (format as %), cell by cell for ranges.
 * @formula retention = (customers_end − new_customers) ÷ customers_start = 1 − churn. The counts must satisfy new ≤ end ≤ start + new.
 * @source Customer retention rate CRR = (E − N) ÷ S, as published in the trade (HubSpot, Shopify, Zendesk).
 * @example =RETENTION_RATE(200, 190, 40)
 * 0.75
 * @customfunction
 */
export function RETENTION_RATE(
  customers_start: CellInput,
  customers_end: CellInput,
  new_customers: CellInput,
): CellOutput | CellOutput[][] {
  return runFormula('RETENTION_RATE', (args) => {
    return args.elementwise(
      [
        { arg: 'customers_start', input: customers_start },
        { arg: 'customers_end', input: customers_end },
        { arg: 'new_customers', input: new_customers },
      ],
      ([start, end, added]) => retentionRate(start, end, added),
    );
  });
}

/**
 * Churn from raw orders: the share of the previous window's buyers who did not buy in the period.
 *
 * @param customer_ids Customer of each order.
 * @param order_dates Date of each order (same number of cells as customer_ids).
 * @param period_start First day of the period.
 * @param period_end Last day of the period (included).
 * @return Churn rate 0…1 (format as %).
 * @formula len = period_end − period_start + 1 days; buyers = customers with an order in [period_start − len, period_start); churn = buyers with no order in [period_start, period_end] ÷ buyers.
 * @source Order-based (non-contractual) churn over two consecutive windows of equal length: the counterpart of CHURN_RATE for order data.
 * @example =CUSTOMER_CHURN({"a";"b";"c";"a";"c"}, {"2024-01-05";"2024-01-20";"2024-01-25";"2024-02-10";"2024-02-03"}, "2024-02-01", "2024-02-29")
 * 0.3333
 * @customfunction
 */
export function CUSTOMER_CHURN(
  customer_ids: CellInput,
  order_dates: CellInput,
  period_start: CellInput,
  period_end: CellInput,
): number {
  return runFormula('CUSTOMER_CHURN', (args) => {
    const orders = readOrders(args, customer_ids, order_dates);
    const start = args.day(period_start, 'period_start');
    const end = args.day(period_end, 'period_end');
    if (end < start) {
      throw new KpiError(
        'BAD_ARGUMENT',
        { fn: 'CUSTOMER_CHURN', arg: 'period_end', value: isoOfDay(end) },
        {
          en: `it must be on or after period_start (${isoOfDay(start)})`,
          es: `debe ser igual o posterior a period_start (${isoOfDay(start)})`,
        },
      );
    }
    const churn = customerChurn(orders.ids, orders.days, start, end);
    if (churn.rate === null) {
      const window = previousWindowText(churn);
      throw new KpiError(
        'NOT_ENOUGH_DATA',
        { fn: 'CUSTOMER_CHURN' },
        {
          en: `no customer ordered in the previous window ${window}, so nobody could churn. Give a later period or more orders`,
          es: `ningún cliente hizo pedidos en la ventana anterior ${window}, así que nadie pudo abandonar. Indique un periodo posterior o más pedidos`,
        },
      );
    }
    return churn.rate;
  });
}

/**
 * Repeat rate: the share of distinct customers that appear at least twice.
 *
 * @param customer_ids Customer of each order; blanks are skipped.
 * @return Share of customers with two or more orders, 0…1 (format as %).
 * @formula repeat rate = customers appearing ≥ 2 times ÷ distinct customers.
 * @source Repeat customer rate as defined in Shopify's analytics ("returning customer rate").
 * @example =REPEAT_RATE({"a";"b";"a";"c";"b";"a"})
 * 0.6667
 * @customfunction
 */
export function REPEAT_RATE(customer_ids: CellInput): number {
  return runFormula('REPEAT_RATE', (args) => {
    const table = args.table([{ arg: 'customer_ids', input: customer_ids, kind: 'id' }]);
    args.requireRows(table.rows.length, 'customer_ids', 'customer');
    return repeatRate(table.columns[0]);
  });
}

/**
 * Purchase frequency: orders per customer per period over the span of the data.
 *
 * @param customer_ids Customer of each order.
 * @param order_dates Date of each order (same number of cells as customer_ids).
 * @param period "year" (default), "quarter", "month", "week" or "day" (Spanish names accepted).
 * @return Orders per customer per period.
 * @formula orders ÷ distinct customers ÷ periods; periods = whole periods from the first to the last order date, both included (like DATEDIF(first, last + 1)), at least 1. 2023-01-01…2024-12-31 is 2 years; 2023-01-15…2024-03-20 is 1.
 * @source Purchase frequency = orders ÷ unique customers over a period (Kumar & Reinartz, "Customer Relationship Management", 2018; Shopify).
 * @example =PURCHASE_FREQUENCY({"a";"b";"a";"a"}, {"2023-01-01";"2023-06-01";"2024-03-05";"2024-12-31"}, "year")
 * 1
 * @customfunction
 */
export function PURCHASE_FREQUENCY(customer_ids: CellInput, order_dates: CellInput, period?: CellInput): number {
  return runFormula('PURCHASE_FREQUENCY', (args) => {
    const orders = readOrders(args, customer_ids, order_dates);
    return purchaseFrequency(orders.ids, orders.days, args.period(period, 'period', 'year')).frequency;
  });
}

/**
 * Cohort retention table: for each cohort of first-time buyers, the share buying again in each later period.
 *
 * @param customer_ids Customer of each order.
 * @param order_dates Date of each order (same number of cells as customer_ids).
 * @param period "month" (default), "week" (ISO, Monday), "quarter", "year" or "day" (Spanish names accepted).
 * @return Header Cohort, Customers, 0, 1, 2, …; one row per cohort ascending (Cohort = first day of its period); blank after the last period of the data.
 * @formula Cohort = period of the customer's first order; column k = customers of the cohort with ≥ 1 order in cohort period + k ÷ cohort customers (column 0 is 1).
 * @source Acquisition-cohort retention (N. Glenn, "Cohort Analysis", 2005; Amplitude's N-day retention generalised to any period).
 * @example =COHORT_RETENTION({"a";"a";"a";"b";"b";"c";"c";"d"}, {"2024-01-05";"2024-02-10";"2024-03-15";"2024-01-20";"2024-03-01";"2024-02-03";"2024-03-20";"2024-02-25"})
 * | Cohort | Customers | 0 | 1 | 2 |
 * | 2024-01-01 | 2 | 1 | 0.5 | 1 |
 * | 2024-02-01 | 2 | 1 | 0.5 |  |
 * @customfunction
 */
export function COHORT_RETENTION(customer_ids: CellInput, order_dates: CellInput, period?: CellInput): CellTable {
  return runFormula('COHORT_RETENTION', (args, settings) => {
    const orders = readOrders(args, customer_ids, order_dates);
    const table = cohortRetention(orders.ids, orders.days, args.period(period, 'period', 'month'));
    const header: CellOutput[] = ['Cohort', 'Customers'];
    for (let k = 0; k < table.offsets; k++) header.push(k);
    const zone = settings.zone();
    return [
      header,
      ...table.cohorts.map((cohort) => [
        zone.midnightOf(cohort.start),
        cohort.customers,
        ...cohort.shares.map((share) => share ?? ''),
      ]),
    ];
  });
}

/**
 * Summary of an order list: customers, orders, revenue, average order value, repeat rate and more.
 *
 * @param customer_ids Customer of each order.
 * @param order_dates Date of each order (same number of cells as customer_ids).
 * @param amounts Amount of each order, 0 or more (same number of cells).
 * @return A 10×2 table: Metric, Value.
 * @formula AOV = revenue ÷ orders; orders per customer = orders ÷ customers; repeat rate = customers with ≥ 2 orders ÷ customers; average days between orders = mean over customers with ≥ 2 orders of (last − first order date) ÷ (orders − 1), blank if there are none.
 * @source Standard e-commerce metrics (Shopify, "Ecommerce metrics"; Kumar & Reinartz, "Customer Relationship Management", 2018).
 * @example =ORDER_SUMMARY({"a";"b";"a";"c";"a";"b"}, {"2024-01-01";"2024-01-05";"2024-01-11";"2024-02-01";"2024-01-31";"2024-01-25"}, {10;20;30;40;50;60})
 * | Metric | Value |
 * | Customers | 3 |
 * | Orders | 6 |
 * | Revenue | 210 |
 * | Average order value | 35 |
 * | Orders per customer | 2 |
 * | Repeat rate | 0.6667 |
 * | Average days between orders | 17.5 |
 * | First order | 2024-01-01 |
 * | Last order | 2024-02-01 |
 * @customfunction
 */
export function ORDER_SUMMARY(customer_ids: CellInput, order_dates: CellInput, amounts: CellInput): CellTable {
  return runFormula('ORDER_SUMMARY', (args, settings) => {
    const orders = readOrders(args, customer_ids, order_dates, { amounts });
    const summary = orderSummary(orders.ids, orders.days, orders.amounts);
    const zone = settings.zone();
    return [
      ['Metric', 'Value'],
      ['Customers', summary.customers],
      ['Orders', summary.orders],
      ['Revenue', summary.revenue],
      ['Average order value', summary.averageOrderValue],
      ['Orders per customer', summary.ordersPerCustomer],
      ['Repeat rate', summary.repeatRate],
      ['Average days between orders', summary.averageDaysBetweenOrders ?? ''],
      ['First order', zone.midnightOf(summary.firstDay)],
      ['Last order', zone.midnightOf(summary.lastDay)],
    ];
  });
}

/**
 * RFM table: recency, frequency and spend per customer, scored 1–5, with the customer's segment.
 *
 * @param customer_ids Customer of each order.
 * @param order_dates Date of each order (same number of cells as customer_ids).
 * @param amounts Amount of each order, 0 or more (same number of cells).
 * @param as_of Reference date (default: the latest order date in the data); orders after it are ignored.
 * @return Header Customer, Recency (days), Frequency, Monetary, R, F, M, Segment; one row per customer sorted by id (natural order: C2 before C10).
 * @formula Recency = days from last order to as_of; Frequency = orders; Monetary = total spend. Score = 1 + ⌊5·w ÷ n⌋, w = customers strictly worse, n = customers (ties share a score). Segment from R and F: 11,12,21,22 Hibernating; 13,14,23,24 At risk; 15,25 Can't lose them; 31,32 About to sleep; 33 Need attention; 34,35,44,45 Loyal; 41 Promising; 51 New customers; 42,43,52,53 Potential loyalist; 54,55 Champions.
 * @source A. M. Hughes, "Strategic Database Marketing" (1994); R×F segment grid as popularised by Putler's RFM guide.
 * @example =RFM({"a";"b";"c";"d";"a";"c";"c"}, {"2024-03-30";"2024-01-10";"2024-03-25";"2024-02-20";"2024-03-01";"2024-02-01";"2024-01-15"}, {100;20;300;80;50;100;100}, "2024-03-31")
 * | Customer | Recency (days) | Frequency | Monetary | R | F | M | Segment |
 * | a | 1 | 2 | 150 | 4 | 3 | 3 | Potential loyalist |
 * | b | 81 | 1 | 20 | 1 | 1 | 1 | Hibernating |
 * | c | 6 | 3 | 500 | 3 | 4 | 4 | Loyal |
 * | d | 40 | 1 | 80 | 2 | 1 | 2 | Hibernating |
 * @customfunction
 */
export function RFM(customer_ids: CellInput, order_dates: CellInput, amounts: CellInput, as_of?: CellInput): CellTable {
  return runFormula('RFM', (args) => {
    const orders = readOrders(args, customer_ids, order_dates, { amounts });
    const asOf = args.optionalDay(as_of, 'as_of');
    const rows = rfmScores(orders.ids, orders.days, orders.amounts, asOf);
    if (rows.length === 0) {
      const day = isoOfDay(asOf ?? 0);
      throw new KpiError(
        'NOT_ENOUGH_DATA',
        { fn: 'RFM' },
        {
          en: `no order on or before as_of (${day}). Give a later as_of or leave it out`,
          es: `no hay pedidos en as_of (${day}) o antes. Indique una fecha as_of posterior o déjela en blanco`,
        },
      );
    }
    const header: CellOutput[] = ['Customer', 'Recency (days)', 'Frequency', 'Monetary', 'R', 'F', 'M', 'Segment'];
    return [
      header,
      ...rows.map((row) => [row.customer, row.recency, row.frequency, row.monetary, row.r, row.f, row.m, row.label]),
    ];
  });
}

/**
 * Birthdays and anniversaries coming up in the next days, soonest first.
 *
 * @param names Name of each person or customer.
 * @param dates Birth or anniversary date of each (same number of cells as names).
 * @param as_of Reference date (the window starts here).
 * @param days Length of the window in days, 0–366 (default 30).
 * @return Header Name, Date, Next, Days until, Years; sorted by days until, then name.
 * @formula Next = first anniversary of the date on or after as_of (29 February falls on 28 February in other years); listed when 0 ≤ Next − as_of ≤ days; Years = years completed on Next.
 * @source Anniversaries as Sheets' EDATE(date, 12 × years) computes them: 29 February → 28 February in non-leap years.
 * @example =UPCOMING_DATES({"Ana";"Luis";"Marta";"Pablo"}, {"1990-12-25";"1985-01-05";"2000-02-29";"1975-06-15"}, "2024-12-20", 30)
 * | Name | Date | Next | Days until | Years |
 * | Ana | 1990-12-25 | 2024-12-25 | 5 | 34 |
 * | Luis | 1985-01-05 | 2025-01-05 | 16 | 40 |
 * @customfunction
 */
export function UPCOMING_DATES(names: CellInput, dates: CellInput, as_of: CellInput, days?: CellInput): CellTable {
  return runFormula('UPCOMING_DATES', (args, settings) => {
    const table = args.table([
      { arg: 'names', input: names, kind: 'text' },
      { arg: 'dates', input: dates, kind: 'date' },
    ]);
    args.requireRows(table.rows.length, 'dates', 'date');
    const asOf = args.day(as_of, 'as_of');
    const window = args.number(days, 'days', { fallback: 30, integer: true, min: 0, max: 366 });
    const zone = settings.zone();
    const header: CellOutput[] = ['Name', 'Date', 'Next', 'Days until', 'Years'];
    const rows = upcomingDates(table.columns[0], table.columns[1], asOf, window);
    return [
      header,
      ...rows.map((row) => [row.name, zone.midnightOf(row.date), zone.midnightOf(row.next), row.daysUntil, row.years]),
    ];
  });
}
