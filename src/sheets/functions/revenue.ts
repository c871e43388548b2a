/**
 * Revenue and value formulas: CPS, LTV, SaaS LTV, LTV:CAC, quick ratio, CAC payback, revenue
 * retention and churn, MRR and MRR movements. Each is declared once (parameters, kinds, defaults, bounds) over
 * the maths in `src/kpi/revenue`.
 */
import { periodIndex } from '../../kpi/calendar/days';
import { cacPaybackMonths } from '../../kpi/revenue/cac-payback';
import { customerProfitabilityScore } from '../../kpi/revenue/cps';
import { lifetimeValue } from '../../kpi/revenue/ltv';
import { ltvToCac } from '../../kpi/revenue/ltv-cac';
import { mrrOn } from '../../kpi/revenue/mrr';
import { mrrMovements } from '../../kpi/revenue/mrr-movements';
import { quickRatio } from '../../kpi/revenue/quick-ratio';
import { revenueChurn, revenueRetention } from '../../kpi/revenue/revenue-retention';
import { saasLifetimeValue } from '../../kpi/revenue/saas-ltv';
import type { Subscription } from '../../kpi/revenue/subscription';
import type { CellTable } from '../cells';
import { customFunction } from '../declaration';

/** A gross margin, read cell by cell: a fraction 0 … 1 (a margin typed as 70 is the usual slip). */
const GROSS_MARGIN = { kind: 'number', default: 1, min: 0, max: 1, hint: 'fraction' } as const;

/** The three revenues of REVENUE_RETENTION and REVENUE_CHURN, read cell by cell. */
const REVENUES = {
  revenue_start: { kind: 'amount' },
  revenue_end: { kind: 'amount' },
  revenue_new: { kind: 'amount' },
} as const;
const REVENUE_ROLES = { start: 'revenue_start', end: 'revenue_end', added: 'revenue_new' };

/** Subscription lines, paired row by row; an end before its start is an error naming the row. */
const SUBSCRIPTIONS = {
  customer_ids: { kind: 'ids' },
  start_dates: { kind: 'dates' },
  end_dates: { kind: 'optionalDates', notBefore: 'start_dates' },
  monthly_amounts: { kind: 'amounts' },
} as const;

function subscriptions(ids: string[], starts: number[], ends: (number | null)[], amounts: number[]): Subscription[] {
  return ids.map((customerId, i) => ({ customerId, startDay: starts[i], endDay: ends[i], monthlyAmount: amounts[i] }));
}

export const REVENUE_FORMULAS = {
  /**
   * Customer Profitability Score: (revenue − cost) ÷ cost, per customer or in total.
   *
   * @param revenue Revenue from the customer (a value or a range; amounts ≥ 0).
   * @param cost Cost of serving the customer, greater than 0 (a value or a range of the same shape).
   * @return The score, cell by cell (0.25 = earns 25 % more than it costs; negative = loss).
   * @formula CPS = (revenue − cost) ÷ cost.
   * @source Customer profitability analysis, e.g. Kotler & Keller, "Marketing Management", ch. 5 (customer
   * profitability).
   * @example =CPS({1500;800}, {1200;1000})
   * | 0.25 |
   * | -0.2 |
   * @es Índice de rentabilidad del cliente (CPS): (ingresos − coste) ÷ coste, por cliente o en total.
   * @esparam revenue Ingresos del cliente (un valor o un rango; importes ≥ 0).
   * @esparam cost Coste de atender al cliente, mayor que 0 (un valor o un rango de la misma forma).
   * @customfunction
   */
  CPS: customFunction({
    elementwise: true,
    params: { revenue: { kind: 'amount' }, cost: { kind: 'amount', greaterThan: 0, divisor: true } },
    compute: ({ revenue, cost }) => customerProfitabilityScore(revenue, cost),
  }),

  /**
   * Customer lifetime value from order value, purchase frequency, lifespan and margin.
   *
   * @param average_order_value Average spend per purchase (≥ 0).
   * @param purchases_per_period Purchases per customer per period, e.g. per year (≥ 0).
   * @param lifespan_periods How many periods a customer stays, in the same period (≥ 0).
   * @param gross_margin Gross margin as a fraction 0–1 (default 1: revenue LTV).
   * @return The lifetime value, cell by cell.
   * @formula LTV = average order value × purchases per period × lifespan in periods × gross margin.
   * @source Shopify, "Customer lifetime value (CLV)": average purchase value × purchase frequency × customer
   * lifespan.
   * @example =LTV(50, 4, 3, 0.6)
   * 360
   * @es Valor de vida del cliente (LTV) a partir del valor del pedido, la frecuencia de compra, la vida media y el
   * margen.
   * @esparam average_order_value Gasto medio por compra (≥ 0).
   * @esparam purchases_per_period Compras por cliente y periodo, p. ej. al año (≥ 0).
   * @esparam lifespan_periods Cuántos periodos sigue un cliente, en el mismo periodo (≥ 0).
   * @esparam gross_margin Margen bruto como fracción de 0 a 1 (por defecto 1: LTV de ingresos).
   * @customfunction
   */
  LTV: customFunction({
    elementwise: true,
    params: {
      average_order_value: { kind: 'amount' },
      purchases_per_period: { kind: 'amount', noun: 'value' },
      lifespan_periods: { kind: 'amount', noun: 'value' },
      gross_margin: GROSS_MARGIN,
    },
    roles: { margin: 'gross_margin' },
    compute: ({ average_order_value, purchases_per_period, lifespan_periods, gross_margin }) =>
      lifetimeValue(average_order_value, purchases_per_period, lifespan_periods, gross_margin),
  }),

  /**
   * Subscription lifetime value: revenue per account × margin ÷ churn rate.
   *
   * @param arpa Average revenue per account per period, e.g. per month (≥ 0).
   * @param churn_rate Share of accounts lost per period, above 0 and at most 1 (0.05 = 5 %).
   * @param gross_margin Gross margin as a fraction 0–1 (default 1).
   * @return The lifetime value, cell by cell.
   * @formula SaaS LTV = ARPA × gross margin ÷ churn rate (1 ÷ churn is the expected lifetime in periods); churn 0 is
   * an error: churn is 0, lifetime is unbounded.
   * @source D. Skok, "SaaS Metrics 2.0 – A Guide to Measuring and Improving What Matters", For Entrepreneurs.
   * @example =SAAS_LTV(100, 0.05, 0.8)
   * 1600
   * @es Valor de vida de una suscripción: ingreso por cuenta × margen ÷ tasa de abandono.
   * @esparam arpa Ingreso medio por cuenta y periodo, p. ej. al mes (≥ 0).
   * @esparam churn_rate Parte de las cuentas perdidas por periodo, mayor que 0 y como mucho 1 (0.05 = 5 %).
   * @esparam gross_margin Margen bruto como fracción de 0 a 1 (por defecto 1).
   * @customfunction
   */
  SAAS_LTV: customFunction({
    elementwise: true,
    params: { arpa: { kind: 'amount' }, churn_rate: { kind: 'amount', noun: 'value' }, gross_margin: GROSS_MARGIN },
    roles: { churn: 'churn_rate', margin: 'gross_margin' },
    compute: ({ arpa, churn_rate, gross_margin }) => saasLifetimeValue(arpa, churn_rate, gross_margin),
  }),

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
   * @es Relación LTV:CAC: el valor de vida del cliente sobre el coste de adquirirlo.
   * @esparam ltv Valor de vida del cliente (≥ 0).
   * @esparam cac Coste de adquisición del cliente, mayor que 0.
   * @customfunction
   */
  LTV_CAC: customFunction({
    elementwise: true,
    params: { ltv: { kind: 'amount' }, cac: { kind: 'amount', greaterThan: 0, divisor: true } },
    compute: ({ ltv, cac }) => ltvToCac(ltv, cac),
  }),

  /**
   * SaaS quick ratio: MRR gained for each unit of MRR lost over a period.
   *
   * @param new_mrr New MRR of the period: first subscriptions of new customers (≥ 0).
   * @param expansion Expansion MRR: upgrades of existing customers (≥ 0).
   * @param contraction Contraction MRR: downgrades of customers who stay (≥ 0).
   * @param churned Churned MRR: subscriptions of customers who left (≥ 0).
   * @param reactivation Reactivation MRR: customers who came back (≥ 0, default 0).
   * @return The ratio, cell by cell: above 4 is strong growth, below 1 the MRR shrinks.
   * @formula Quick ratio = (new + expansion + reactivation) ÷ (contraction + churned); no MRR lost (contraction +
   * churned = 0) is an error: the ratio is unbounded.
   * @source M. Hamid (Social Capital), "SaaS quick ratio" (InsightSquared, "Measuring the SaaS Revolution with
   * Mamoon Hamid"); reactivation as gained MRR as ChartMogul classifies it. Examples: abracalc (5,000 + 1,000 over
   * 500 + 1,500 → 3), pitchkit (28k over 8k → 3.5).
   * @example =QUICK_RATIO({5000;20000}, {1000;8000}, {500;3000}, {1500;5000})
   * | 3 |
   * | 3.5 |
   * @es Quick ratio SaaS: el MRR ganado por cada unidad de MRR perdida en un periodo.
   * @esparam new_mrr MRR nuevo del periodo: primeras suscripciones de clientes nuevos (≥ 0).
   * @esparam expansion MRR de ampliación: mejoras de plan de clientes existentes (≥ 0).
   * @esparam contraction MRR de reducción: bajadas de plan de clientes que se quedan (≥ 0).
   * @esparam churned MRR de bajas: suscripciones de clientes que se han ido (≥ 0).
   * @esparam reactivation MRR de reactivación: clientes que han vuelto (≥ 0, por defecto 0).
   * @customfunction
   */
  QUICK_RATIO: customFunction({
    elementwise: true,
    // FUNCTIONS.md calls the first argument `new`, a reserved word that cannot name a parameter of the generated
    // Apps Script wrapper (`function QUICK_RATIO(new, …)` does not parse).
    params: {
      new_mrr: { kind: 'amount' },
      expansion: { kind: 'amount' },
      contraction: { kind: 'amount' },
      churned: { kind: 'amount' },
      reactivation: { kind: 'amount', default: 0 },
    },
    compute: ({ new_mrr, expansion, contraction, churned, reactivation }) =>
      quickRatio(new_mrr, expansion, contraction, churned, reactivation),
  }),

  /**
   * CAC payback: the months of gross profit a customer takes to pay back its acquisition cost.
   *
   * @param cac Customer acquisition cost (≥ 0).
   * @param arpa Average revenue per account per month, greater than 0.
   * @param gross_margin Gross margin as a fraction 0–1 (default 1).
   * @return Months to recover the acquisition cost, cell by cell (12 or less is the usual target).
   * @formula CAC payback = CAC ÷ (ARPA × gross margin), in months when ARPA is monthly.
   * @source D. Skok, "SaaS Metrics 2.0", For Entrepreneurs ("months to recover CAC"); ChartMogul, "CAC payback
   * period".
   * @example =CAC_PAYBACK({600;1200}, 100, {0.75;0.8})
   * | 8 |
   * | 15 |
   * @es Recuperación del CAC: los meses de beneficio bruto que tarda un cliente en pagar su coste de adquisición.
   * @esparam cac Coste de adquisición del cliente (≥ 0).
   * @esparam arpa Ingreso medio por cuenta al mes, mayor que 0.
   * @esparam gross_margin Margen bruto como fracción de 0 a 1 (por defecto 1).
   * @customfunction
   */
  CAC_PAYBACK: customFunction({
    elementwise: true,
    params: {
      cac: { kind: 'amount' },
      arpa: { kind: 'amount', greaterThan: 0, divisor: true },
      gross_margin: { ...GROSS_MARGIN, greaterThan: 0, divisor: true },
    },
    roles: { margin: 'gross_margin' },
    compute: ({ cac, arpa, gross_margin }) => cacPaybackMonths(cac, arpa, gross_margin),
  }),

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
   * @es Retención neta de ingresos: los ingresos que se mantienen desde el inicio del periodo, ampliaciones
   * incluidas.
   * @esparam revenue_start Ingresos recurrentes al inicio del periodo (mayor que 0).
   * @esparam revenue_end Ingresos recurrentes al final del periodo.
   * @esparam revenue_new Ingresos de clientes ganados durante el periodo (parte de revenue_end).
   * @customfunction
   */
  REVENUE_RETENTION: customFunction({
    elementwise: true,
    params: REVENUES,
    roles: REVENUE_ROLES,
    compute: ({ revenue_start, revenue_end, revenue_new }) => revenueRetention(revenue_start, revenue_end, revenue_new),
  }),

  /**
   * Revenue churn: the share of the starting revenue lost in the period, net of expansion.
   *
   * @param revenue_start Recurring revenue at the start of the period (greater than 0).
   * @param revenue_end Recurring revenue at the end of the period.
   * @param revenue_new Revenue from customers won during the period (part of revenue_end).
   * @return The churn as a fraction, cell by cell (negative when expansion outweighs losses).
   * @formula Revenue churn = (revenue_start − revenue_end + revenue_new) ÷ revenue_start = 1 − REVENUE_RETENTION.
   * New revenue inflates the end revenue, so it is added back before measuring what was lost; a widely copied Spanish
   * article writes "− new", which has the wrong sign.
   * @source ChartMogul, "Net MRR churn rate"; D. Skok, "SaaS Metrics 2.0".
   * @example =REVENUE_CHURN(10000, 10500, 1500)
   * 0.1
   * @es Pérdida de ingresos: la parte de los ingresos iniciales perdida en el periodo, neta de ampliaciones.
   * @esparam revenue_start Ingresos recurrentes al inicio del periodo (mayor que 0).
   * @esparam revenue_end Ingresos recurrentes al final del periodo.
   * @esparam revenue_new Ingresos de clientes ganados durante el periodo (parte de revenue_end).
   * @customfunction
   */
  REVENUE_CHURN: customFunction({
    elementwise: true,
    params: REVENUES,
    roles: REVENUE_ROLES,
    compute: ({ revenue_start, revenue_end, revenue_new }) => revenueChurn(revenue_start, revenue_end, revenue_new),
  }),

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
   * @example =MRR({"a";"a";"b";"c"}, {"2024-01-05";"2024-02-10";"2024-01-20";"2024-03-01"},
   * {"2024-02-10";"";"2024-03-01";""}, {10;25;40;30}, "2024-03-01")
   * 55
   * @es Ingresos recurrentes mensuales (MRR) en una fecha: la suma de las suscripciones activas ese día.
   * @esparam customer_ids Cliente de cada línea de suscripción.
   * @esparam start_dates Primer día en que está activa cada suscripción.
   * @esparam end_dates Día en que termina cada suscripción (ese día ya no está activa); en blanco mientras sigue.
   * @esparam monthly_amounts Importe mensual de cada suscripción (≥ 0).
   * @esparam as_of La fecha en que se mide el MRR.
   * @customfunction
   */
  MRR: customFunction({
    params: { ...SUBSCRIPTIONS, as_of: { kind: 'date' } },
    rowNoun: 'subscription',
    compute: ({ customer_ids, start_dates, end_dates, monthly_amounts, as_of }) =>
      mrrOn(subscriptions(customer_ids, start_dates, end_dates, monthly_amounts), as_of),
  }),

  /**
   * MRR movements per month: new, expansion, contraction, churned and reactivation MRR.
   *
   * @param customer_ids Customer of each subscription line.
   * @param start_dates First day each subscription is active.
   * @param end_dates Day each subscription ends (not active that day); blank while it runs.
   * @param monthly_amounts Monthly amount of each subscription (≥ 0).
   * @param from First month to show (any date in it; default the month of the first start).
   * @param to Last month to show (any date in it; default the month of the last start or end date).
   * @return A table, header Month, Starting MRR, New, Expansion, Contraction, Churned, Reactivation, Ending MRR,
   * Gross MRR churn, Net revenue retention; one row per month.
   * @formula A customer's MRR in a month is the sum of its subscriptions active at the month's end. Between months:
   * 0 → x New the first time, Reactivation afterwards; x → y > x Expansion; 0 < y < x Contraction; x → 0 Churned.
   * Ending = Starting + New + Expansion − Contraction − Churned + Reactivation; Gross MRR churn = (Churned +
   * Contraction) ÷ Starting; NRR = (Starting − Churned − Contraction + Expansion) ÷ Starting (blank when Starting is
   * 0).
   * @source ChartMogul, "MRR movements" and "Net MRR churn rate" definitions.
   * @example =MRR_MOVEMENTS({"a";"a";"b";"b"}, {"2024-01-05";"2024-02-10";"2024-01-20";"2024-05-02"},
   * {"2024-02-10";"";"2024-03-15";""}, {10;25;40;20})
   * | Month | Starting MRR | New | Expansion | Contraction | Churned | Reactivation | Ending MRR
   * | Gross MRR churn | Net revenue retention |
   * | 2024-01-01 | 0 | 50 | 0 | 0 | 0 | 0 | 50 |  |  |
   * | 2024-02-01 | 50 | 0 | 15 | 0 | 0 | 0 | 65 | 0 | 1.3 |
   * | 2024-03-01 | 65 | 0 | 0 | 0 | 40 | 0 | 25 | 0.6154 | 0.3846 |
   * | 2024-04-01 | 25 | 0 | 0 | 0 | 0 | 0 | 25 | 0 | 1 |
   * | 2024-05-01 | 25 | 0 | 0 | 0 | 0 | 20 | 45 | 0 | 1 |
   * @es Movimientos de MRR por mes: MRR nuevo, de ampliación, de reducción, de bajas y de reactivación.
   * @esparam customer_ids Cliente de cada línea de suscripción.
   * @esparam start_dates Primer día en que está activa cada suscripción.
   * @esparam end_dates Día en que termina cada suscripción (ese día ya no está activa); en blanco mientras sigue.
   * @esparam monthly_amounts Importe mensual de cada suscripción (≥ 0).
   * @esparam from Primer mes que mostrar (cualquier fecha de ese mes; por defecto el mes del primer inicio).
   * @esparam to Último mes que mostrar (cualquier fecha de ese mes; por defecto el mes del último inicio o fin).
   * @customfunction
   */
  MRR_MOVEMENTS: customFunction({
    params: { ...SUBSCRIPTIONS, from: { kind: 'date', optional: true }, to: { kind: 'date', optional: true } },
    rowNoun: 'subscription',
    compute: ({ customer_ids, start_dates, end_dates, monthly_amounts, from, to }, sheet) => {
      const month = (day: number | undefined) => (day === undefined ? undefined : periodIndex(day, 'month'));
      const lines = subscriptions(customer_ids, start_dates, end_dates, monthly_amounts);
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
      for (const m of mrrMovements(lines, month(from), month(to))) {
        table.push([
          sheet.date(m.firstDay),
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
    },
  }),
};
