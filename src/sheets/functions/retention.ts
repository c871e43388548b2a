/**
 * Customers and retention formulas: churn and retention from counts, churn from orders, repeat
 * rate, purchase frequency, cohort retention and revenue, order summary, RFM and upcoming dates.
 * Each is declared once (parameters, kinds, defaults, bounds) over the maths in `src/kpi/retention`.
 */
import { detail, KpiError } from '../../errors/catalogue';
import { isoOfDay } from '../../kpi/calendar/days';
import { churnRate, customerChurn, repeatRate, retentionRate } from '../../kpi/retention/churn';
import { cohortRevenue } from '../../kpi/retention/cohort-revenue';
import { cohortRetention } from '../../kpi/retention/cohorts';
import { orderSummary, purchaseFrequency } from '../../kpi/retention/orders';
import { type RfmSegment, rfmScores } from '../../kpi/retention/rfm';
import { upcomingDates } from '../../kpi/retention/upcoming-dates';
import type { CellOutput, CellTable } from '../cells';
import { customFunction } from '../declaration';

/** Segment names of RFM's output (FUNCTIONS.md). */
export const RFM_SEGMENT_NAMES: Record<RfmSegment, string> = {
  champions: 'Champions',
  loyal: 'Loyal',
  potentialLoyalist: 'Potential loyalist',
  newCustomers: 'New customers',
  promising: 'Promising',
  needAttention: 'Need attention',
  aboutToSleep: 'About to sleep',
  atRisk: 'At risk',
  cantLoseThem: "Can't lose them",
  hibernating: 'Hibernating',
};

/** Customer counts of CHURN_RATE and RETENTION_RATE, read cell by cell. */
const COUNTS = {
  customers_start: { kind: 'number', greaterThan: 0, divisor: true },
  customers_end: { kind: 'number', min: 0, hint: 'customerCount' },
} as const;

/** The maths' inputs of churnRate and retentionRate → the arguments. */
const COUNT_ROLES = { start: 'customers_start', end: 'customers_end', added: 'new_customers' };

/** Customer and date of each order, paired row by row. */
const ORDER_COLUMNS = { customer_ids: { kind: 'ids' }, order_dates: { kind: 'dates' } } as const;

export const RETENTION_FORMULAS = {
  /**
   * Customer churn rate of a period from customer counts: the share of the starting customers lost.
   *
   * @param customers_start Customers at the start of the period (greater than 0); a value or a range.
   * @param customers_end Customers at the end of the period, new ones included; a value or a range of the same shape.
   * @param new_customers Customers gained during the period (default 0); a value or a range of the same shape.
   * @return Churn rate as a fraction (format as %), cell by cell for ranges; above 1 only when customers won in the
   * period left too.
   * @formula churn = (customers_start + new_customers − customers_end) ÷ customers_start; with no new customers
   * (start − end) ÷ start. start must be above 0 and end ≤ start + new; when customers won in the period also left
   * (end < new) churn counts them and can exceed 1.
   * @source Customer churn rate as published in the trade (HubSpot, Shopify): customers lost ÷ customers at the start.
   * @example =CHURN_RATE(200, 190, 40)
   * 0.25
   * @es Tasa de abandono de clientes de un periodo a partir de recuentos: la parte de los clientes iniciales perdida.
   * @esparam customers_start Clientes al inicio del periodo (mayor que 0); un valor o un rango.
   * @esparam customers_end Clientes al final del periodo, nuevos incluidos; un valor o un rango de la misma forma.
   * @esparam new_customers Clientes ganados durante el periodo (por defecto 0); un valor o un rango de la misma forma.
   * @customfunction
   */
  CHURN_RATE: customFunction({
    elementwise: true,
    params: { ...COUNTS, new_customers: { kind: 'number', default: 0, min: 0, hint: 'customerCount' } },
    roles: COUNT_ROLES,
    compute: ({ customers_start, customers_end, new_customers }) =>
      churnRate(customers_start, customers_end, new_customers),
  }),

  /**
   * Customer retention rate of a period: the share of the starting customers still there at the end.
   *
   * @param customers_start Customers at the start of the period (greater than 0); a value or a range.
   * @param customers_end Customers at the end of the period, new ones included; a value or a range of the same shape.
   * @param new_customers Customers gained during the period; a value or a range of the same shape.
   * @return Retention rate 0…1 (format as %), cell by cell for ranges.
   * @formula retention = (customers_end − new_customers) ÷ customers_start = 1 − churn. The counts must satisfy
   * new ≤ end ≤ start + new.
   * @source Customer retention rate CRR = (E − N) ÷ S, as published in the trade (HubSpot, Shopify, Zendesk).
   * @example =RETENTION_RATE(200, 190, 40)
   * 0.75
   * @es Tasa de retención de clientes de un periodo: la parte de los clientes iniciales que sigue al final.
   * @esparam customers_start Clientes al inicio del periodo (mayor que 0); un valor o un rango.
   * @esparam customers_end Clientes al final del periodo, nuevos incluidos; un valor o un rango de la misma forma.
   * @esparam new_customers Clientes ganados durante el periodo; un valor o un rango de la misma forma.
   * @customfunction
   */
  RETENTION_RATE: customFunction({
    elementwise: true,
    params: { ...COUNTS, new_customers: { kind: 'number', min: 0, hint: 'customerCount' } },
    roles: COUNT_ROLES,
    compute: ({ customers_start, customers_end, new_customers }) =>
      retentionRate(customers_start, customers_end, new_customers),
  }),

  /**
   * Churn from raw orders: the share of the previous window's buyers who did not buy in the period.
   *
   * @param customer_ids Customer of each order.
   * @param order_dates Date of each order (same number of cells as customer_ids).
   * @param period_start First day of the period.
   * @param period_end Last day of the period (included).
   * @return Churn rate 0…1 (format as %).
   * @formula len = period_end − period_start + 1 days; buyers = customers with an order in
   * [period_start − len, period_start); churn = buyers with no order in [period_start, period_end] ÷ buyers.
   * @source Order-based (non-contractual) churn over two consecutive windows of equal length: the counterpart of
   * CHURN_RATE for order data.
   * @example =CUSTOMER_CHURN({"a";"b";"c";"a";"c"}, {"2024-01-05";"2024-01-20";"2024-01-25";"2024-02-10";"2024-02-03"},
   * "2024-02-01", "2024-02-29")
   * 0.3333
   * @es Abandono a partir de pedidos: la parte de los compradores de la ventana anterior que no compró en el periodo.
   * @esparam customer_ids Cliente de cada pedido.
   * @esparam order_dates Fecha de cada pedido (el mismo número de celdas que customer_ids).
   * @esparam period_start Primer día del periodo.
   * @esparam period_end Último día del periodo (incluido).
   * @customfunction
   */
  CUSTOMER_CHURN: customFunction({
    params: {
      ...ORDER_COLUMNS,
      period_start: { kind: 'date' },
      period_end: { kind: 'date', onOrAfter: 'period_start' },
    },
    rowNoun: 'order',
    compute: ({ customer_ids, order_dates, period_start, period_end }) => {
      const churn = customerChurn(customer_ids, order_dates, period_start, period_end);
      if (churn.rate === null) {
        const window = `${isoOfDay(churn.previousStart)} – ${isoOfDay(churn.previousEnd)}`;
        throw new KpiError('NOT_ENOUGH_DATA', {}, detail('noPreviousBuyers', { window }));
      }
      return churn.rate;
    },
  }),

  /**
   * Repeat rate: the share of distinct customers that appear at least twice.
   *
   * @param customer_ids Customer of each order; blanks are skipped.
   * @return Share of customers with two or more orders, 0…1 (format as %).
   * @formula repeat rate = customers appearing ≥ 2 times ÷ distinct customers.
   * @source Repeat customer rate as defined in Shopify's analytics ("returning customer rate").
   * @example =REPEAT_RATE({"a";"b";"a";"c";"b";"a"})
   * 0.6667
   * @es Tasa de repetición: la parte de los clientes distintos que aparece al menos dos veces.
   * @esparam customer_ids Cliente de cada pedido; se omiten los blancos.
   * @customfunction
   */
  REPEAT_RATE: customFunction({
    params: { customer_ids: { kind: 'ids' } },
    rowNoun: 'customer',
    compute: ({ customer_ids }) => repeatRate(customer_ids),
  }),

  /**
   * Purchase frequency: orders per customer per period over the span of the data.
   *
   * @param customer_ids Customer of each order.
   * @param order_dates Date of each order (same number of cells as customer_ids).
   * @param period "year" (default), "quarter", "month", "week" or "day" (Spanish names accepted).
   * @return Orders per customer per period.
   * @formula orders ÷ distinct customers ÷ periods; periods = whole periods from the first to the last order date,
   * both included (like DATEDIF(first, last + 1)), at least 1. 2023-01-01…2024-12-31 is 2 years; 2023-01-15…2024-03-20
   * is 1.
   * @source Purchase frequency = orders ÷ unique customers over a period (Kumar & Reinartz, "Customer Relationship
   * Management", 2018; Shopify).
   * @example =PURCHASE_FREQUENCY({"a";"b";"a";"a"}, {"2023-01-01";"2023-06-01";"2024-03-05";"2024-12-31"}, "year")
   * 1
   * @es Frecuencia de compra: pedidos por cliente y periodo a lo largo de los datos.
   * @esparam customer_ids Cliente de cada pedido.
   * @esparam order_dates Fecha de cada pedido (el mismo número de celdas que customer_ids).
   * @esparam period "año" (por defecto), "trimestre", "mes", "semana" o "día" (también en inglés).
   * @customfunction
   */
  PURCHASE_FREQUENCY: customFunction({
    params: { ...ORDER_COLUMNS, period: { kind: 'period', default: 'year' } },
    rowNoun: 'order',
    compute: ({ customer_ids, order_dates, period }) => purchaseFrequency(customer_ids, order_dates, period).frequency,
  }),

  /**
   * Cohort retention table: for each cohort of first-time buyers, the share buying again in each later period.
   *
   * @param customer_ids Customer of each order.
   * @param order_dates Date of each order (same number of cells as customer_ids).
   * @param period "month" (default), "week" (ISO, Monday), "quarter", "year" or "day" (Spanish names accepted).
   * @return Header Cohort, Customers, 0, 1, 2, …; one row per cohort ascending (Cohort = first day of its period);
   * blank after the last period of the data.
   * @formula Cohort = period of the customer's first order; column k = customers of the cohort with ≥ 1 order in
   * cohort period + k ÷ cohort customers (column 0 is 1).
   * @source Acquisition-cohort retention (N. Glenn, "Cohort Analysis", 2005; Amplitude's N-day retention generalised
   * to any period).
   * @example =COHORT_RETENTION({"a";"a";"a";"b";"b";"c";"c";"d"},
   * {"2024-01-05";"2024-02-10";"2024-03-15";"2024-01-20";"2024-03-01";"2024-02-03";"2024-03-20";"2024-02-25"})
   * | Cohort | Customers | 0 | 1 | 2 |
   * | 2024-01-01 | 2 | 1 | 0.5 | 1 |
   * | 2024-02-01 | 2 | 1 | 0.5 |  |
   * @es Tabla de retención por cohortes: para cada cohorte de primeros compradores, la parte que vuelve a comprar en
   * cada periodo siguiente.
   * @esparam customer_ids Cliente de cada pedido.
   * @esparam order_dates Fecha de cada pedido (el mismo número de celdas que customer_ids).
   * @esparam period "mes" (por defecto), "semana" (ISO, lunes), "trimestre", "año" o "día" (también en inglés).
   * @customfunction
   */
  COHORT_RETENTION: customFunction({
    params: { ...ORDER_COLUMNS, period: { kind: 'period', default: 'month' } },
    rowNoun: 'order',
    compute: ({ customer_ids, order_dates, period }, sheet) => {
      const table = cohortRetention(customer_ids, order_dates, period);
      const header: CellOutput[] = ['Cohort', 'Customers'];
      for (let k = 0; k < table.offsets; k++) header.push(k);
      const rows = table.cohorts.map((cohort) => [
        sheet.date(cohort.start),
        cohort.customers,
        ...cohort.shares.map((share) => share ?? ''),
      ]);
      return [header, ...rows];
    },
  }),

  /**
   * Revenue cohort table: what each cohort of first-time buyers spends in every later period.
   *
   * @param customer_ids Customer of each order.
   * @param order_dates Date of each order (same number of cells as customer_ids).
   * @param amounts Amount of each order, 0 or more (same number of cells).
   * @param period "month" (default), "week" (ISO, Monday), "quarter", "year" or "day" (Spanish names accepted).
   * @param measure "retention" (default): revenue in each period ÷ first-period revenue; "cumulative": revenue to
   * date ÷ cohort customers.
   * @return Header Cohort, Customers, First-period revenue, 0, 1, 2, …; one row per cohort ascending (Cohort = first
   * day of its period); blank after the last period of the data.
   * @formula Cohort = period of the customer's first order (as in COHORT_RETENTION). retention: column k = the
   * cohort's revenue in cohort period + k ÷ its revenue in the cohort period (column 0 is 1, above 1 is expansion;
   * blank row when the first-period revenue is 0). cumulative: column k = the cohort's revenue from its first period
   * through period + k ÷ its customers (an LTV curve).
   * @source ChartMogul, "Cohort: Net MRR Retention" (revenue retained per cohort, above 100 % with expansion);
   * cumulative revenue per customer by period since joining as in cohort LTV curves.
   * @example =COHORT_REVENUE({"a";"a";"a";"b";"b";"c";"c";"d"},
   * {"2024-01-05";"2024-02-10";"2024-03-15";"2024-01-20";"2024-03-01";"2024-02-03";"2024-03-20";"2024-02-25"},
   * {100;50;80;60;40;30;45;20})
   * | Cohort | Customers | First-period revenue | 0 | 1 | 2 |
   * | 2024-01-01 | 2 | 160 | 1 | 0.3125 | 0.75 |
   * | 2024-02-01 | 2 | 50 | 1 | 0.9 |  |
   * @example =COHORT_REVENUE({"a";"a";"a";"b";"b";"c";"c";"d"},
   * {"2024-01-05";"2024-02-10";"2024-03-15";"2024-01-20";"2024-03-01";"2024-02-03";"2024-03-20";"2024-02-25"},
   * {100;50;80;60;40;30;45;20}, "month", "cumulative")
   * | Cohort | Customers | First-period revenue | 0 | 1 | 2 |
   * | 2024-01-01 | 2 | 160 | 80 | 105 | 165 |
   * | 2024-02-01 | 2 | 50 | 25 | 47.5 |  |
   * @es Tabla de ingresos por cohortes: lo que gasta cada cohorte de primeros compradores en cada periodo siguiente.
   * @esparam customer_ids Cliente de cada pedido.
   * @esparam order_dates Fecha de cada pedido (el mismo número de celdas que customer_ids).
   * @esparam amounts Importe de cada pedido, 0 o más (el mismo número de celdas).
   * @esparam period "mes" (por defecto), "semana" (ISO, lunes), "trimestre", "año" o "día" (también en inglés).
   * @esparam measure "retention" (por defecto): ingresos de cada periodo ÷ ingresos del primero; "cumulative":
   * ingresos acumulados ÷ clientes de la cohorte.
   * @customfunction
   */
  COHORT_REVENUE: customFunction({
    params: {
      ...ORDER_COLUMNS,
      amounts: { kind: 'amounts' },
      period: { kind: 'period', default: 'month' },
      measure: {
        kind: 'choice',
        options: {
          retention: 'retention',
          retencion: 'retention',
          cumulative: 'cumulative',
          acumulado: 'cumulative',
          acumulada: 'cumulative',
        },
        default: 'retention',
        shown: 'retention, cumulative',
      },
    },
    rowNoun: 'order',
    compute: ({ customer_ids, order_dates, amounts, period, measure }, sheet) => {
      const table = cohortRevenue(customer_ids, order_dates, amounts, period, measure);
      const header: CellOutput[] = ['Cohort', 'Customers', 'First-period revenue'];
      for (let k = 0; k < table.offsets; k++) header.push(k);
      const rows = table.cohorts.map((cohort) => [
        sheet.date(cohort.start),
        cohort.customers,
        cohort.firstRevenue,
        ...cohort.values.map((value) => value ?? ''),
      ]);
      return [header, ...rows];
    },
  }),

  /**
   * Summary of an order list: customers, orders, revenue, average order value, repeat rate and more.
   *
   * @param customer_ids Customer of each order.
   * @param order_dates Date of each order (same number of cells as customer_ids).
   * @param amounts Amount of each order, 0 or more (same number of cells).
   * @return A 10×2 table: Metric, Value.
   * @formula AOV = revenue ÷ orders; orders per customer = orders ÷ customers; repeat rate = customers with ≥ 2
   * orders ÷ customers; average days between orders = mean over customers with ≥ 2 orders of (last − first order
   * date) ÷ (orders − 1), blank if there are none.
   * @source Standard e-commerce metrics (Shopify, "Ecommerce metrics"; Kumar & Reinartz, "Customer Relationship
   * Management", 2018).
   * @example =ORDER_SUMMARY({"a";"b";"a";"c";"a";"b"},
   * {"2024-01-01";"2024-01-05";"2024-01-11";"2024-02-01";"2024-01-31";"2024-01-25"}, {10;20;30;40;50;60})
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
   * @es Resumen de una lista de pedidos: clientes, pedidos, ingresos, valor medio del pedido, tasa de repetición y
   * más.
   * @esparam customer_ids Cliente de cada pedido.
   * @esparam order_dates Fecha de cada pedido (el mismo número de celdas que customer_ids).
   * @esparam amounts Importe de cada pedido, 0 o más (el mismo número de celdas).
   * @customfunction
   */
  ORDER_SUMMARY: customFunction({
    params: { ...ORDER_COLUMNS, amounts: { kind: 'amounts' } },
    rowNoun: 'order',
    compute: ({ customer_ids, order_dates, amounts }, sheet) => {
      const summary = orderSummary(customer_ids, order_dates, amounts);
      return [
        ['Metric', 'Value'],
        ['Customers', summary.customers],
        ['Orders', summary.orders],
        ['Revenue', summary.revenue],
        ['Average order value', summary.averageOrderValue],
        ['Orders per customer', summary.ordersPerCustomer],
        ['Repeat rate', summary.repeatRate],
        ['Average days between orders', summary.averageDaysBetweenOrders ?? ''],
        ['First order', sheet.date(summary.firstDay)],
        ['Last order', sheet.date(summary.lastDay)],
      ];
    },
  }),

  /**
   * RFM table: recency, frequency and spend per customer, scored 1–5, with the customer's segment.
   *
   * @param customer_ids Customer of each order.
   * @param order_dates Date of each order (same number of cells as customer_ids).
   * @param amounts Amount of each order, 0 or more (same number of cells).
   * @param as_of Reference date (default: the latest order date in the data); orders after it are ignored.
   * @return Header Customer, Recency (days), Frequency, Monetary, R, F, M, Segment; one row per customer sorted by
   * id (natural order: C2 before C10).
   * @formula Recency = days from last order to as_of; Frequency = orders; Monetary = total spend. Score = 1 +
   * ⌊5·w ÷ n⌋, w = customers strictly worse, n = customers (ties share a score). Segment from R and F: 11,12,21,22
   * Hibernating; 13,14,23,24 At risk; 15,25 Can't lose them; 31,32 About to sleep; 33 Need attention; 34,35,44,45
   * Loyal; 41 Promising; 51 New customers; 42,43,52,53 Potential loyalist; 54,55 Champions.
   * @source A. M. Hughes, "Strategic Database Marketing" (1994); R×F segment grid as popularised by Putler's RFM
   * guide.
   * @example =RFM({"a";"b";"c";"d";"a";"c";"c"},
   * {"2024-03-30";"2024-01-10";"2024-03-25";"2024-02-20";"2024-03-01";"2024-02-01";"2024-01-15"},
   * {100;20;300;80;50;100;100}, "2024-03-31")
   * | Customer | Recency (days) | Frequency | Monetary | R | F | M | Segment |
   * | a | 1 | 2 | 150 | 4 | 3 | 3 | Potential loyalist |
   * | b | 81 | 1 | 20 | 1 | 1 | 1 | Hibernating |
   * | c | 6 | 3 | 500 | 3 | 4 | 4 | Loyal |
   * | d | 40 | 1 | 80 | 2 | 1 | 2 | Hibernating |
   * @es Tabla RFM: recencia, frecuencia y gasto por cliente, puntuados de 1 a 5, con el segmento del cliente.
   * @esparam customer_ids Cliente de cada pedido.
   * @esparam order_dates Fecha de cada pedido (el mismo número de celdas que customer_ids).
   * @esparam amounts Importe de cada pedido, 0 o más (el mismo número de celdas).
   * @esparam as_of Fecha de referencia (por defecto, la fecha del último pedido); se omiten los pedidos posteriores.
   * @customfunction
   */
  RFM: customFunction({
    params: { ...ORDER_COLUMNS, amounts: { kind: 'amounts' }, as_of: { kind: 'date', optional: true } },
    rowNoun: 'order',
    compute: ({ customer_ids, order_dates, amounts, as_of }) => {
      const rows = rfmScores(customer_ids, order_dates, amounts, as_of);
      if (rows.length === 0)
        throw new KpiError('NOT_ENOUGH_DATA', {}, detail('noOrderByAsOf', { day: isoOfDay(as_of ?? 0) }));
      const header: CellOutput[] = ['Customer', 'Recency (days)', 'Frequency', 'Monetary', 'R', 'F', 'M', 'Segment'];
      const body = rows.map((row) => [
        row.customer,
        row.recency,
        row.frequency,
        row.monetary,
        row.r,
        row.f,
        row.m,
        RFM_SEGMENT_NAMES[row.segment],
      ]);
      return [header, ...body] as CellTable;
    },
  }),

  /**
   * Birthdays and anniversaries coming up in the next days, soonest first.
   *
   * @param names Name of each person or customer.
   * @param dates Birth or anniversary date of each (same number of cells as names).
   * @param as_of Reference date (the window starts here).
   * @param days Length of the window in days, 0–366 (default 30).
   * @return Header Name, Date, Next, Days until, Years; sorted by days until, then name.
   * @formula Next = first anniversary of the date on or after as_of (29 February falls on 28 February in other
   * years); listed when 0 ≤ Next − as_of ≤ days; Years = years completed on Next.
   * @source Anniversaries as Sheets' EDATE(date, 12 × years) computes them: 29 February → 28 February in non-leap
   * years.
   * @example =UPCOMING_DATES({"Ana";"Luis";"Marta";"Pablo"}, {"1990-12-25";"1985-01-05";"2000-02-29";"1975-06-15"},
   * "2024-12-20", 30)
   * | Name | Date | Next | Days until | Years |
   * | Ana | 1990-12-25 | 2024-12-25 | 5 | 34 |
   * | Luis | 1985-01-05 | 2025-01-05 | 16 | 40 |
   * @es Cumpleaños y aniversarios de los próximos días, los más cercanos primero.
   * @esparam names Nombre de cada persona o cliente.
   * @esparam dates Fecha de nacimiento o de aniversario de cada uno (el mismo número de celdas que names).
   * @esparam as_of Fecha de referencia (la ventana empieza aquí).
   * @esparam days Días de la ventana, de 0 a 366 (por defecto 30).
   * @customfunction
   */
  UPCOMING_DATES: customFunction({
    params: {
      names: { kind: 'names' },
      dates: { kind: 'dates' },
      as_of: { kind: 'date' },
      days: { kind: 'integer', default: 30, min: 0, max: 366 },
    },
    rowNoun: 'date',
    compute: ({ names, dates, as_of, days }, sheet) => {
      const header: CellOutput[] = ['Name', 'Date', 'Next', 'Days until', 'Years'];
      const rows = upcomingDates(names, dates, as_of, days);
      return [
        header,
        ...rows.map((row) => [row.name, sheet.date(row.date), sheet.date(row.next), row.daysUntil, row.years]),
      ];
    },
  }),
};
