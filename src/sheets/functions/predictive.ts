/**
 * Predictive value formulas: BG/NBD and MBG/NBD repeat buying, Gamma-Gamma spend, predicted CLV per
 * customer and the holdout check of the repeat-buying models. Each is declared once (parameters,
 * kinds, defaults, bounds) over the maths in `src/kpi/predictive`.
 */
import { fitBgNbd } from '../../kpi/predictive/bgnbd';
import { predictCustomerValue } from '../../kpi/predictive/clv';
import { fitGammaGamma } from '../../kpi/predictive/gamma-gamma';
import { HOLDOUT_TOP_GROUP, holdoutCheck } from '../../kpi/predictive/holdout';
import { fitMbgNbd } from '../../kpi/predictive/mbgnbd';
import { summarizeCustomers } from '../../kpi/predictive/summary';
import type { CellTable } from '../cells';
import { customFunction } from '../declaration';

/** Customer and date of each order, paired row by row. */
const ORDER_COLUMNS = {
  customer_ids: { kind: 'ids', noun: 'customer' },
  order_dates: { kind: 'dates', noun: 'date' },
} as const;

/** End of the history: later orders are ignored. */
const AS_OF = { kind: 'date', optional: true } as const;

/** Time unit of the summaries and of alpha. */
const UNIT = { kind: 'period', default: 'week' } as const;

/** The repeat-buying model: BG/NBD or the modified BG/NBD. */
const MODEL = {
  kind: 'choice',
  options: {
    bgnbd: 'bgnbd',
    'bg/nbd': 'bgnbd',
    'bg-nbd': 'bgnbd',
    mbgnbd: 'mbgnbd',
    'mbg/nbd': 'mbgnbd',
    'mbg-nbd': 'mbgnbd',
    'modified bg/nbd': 'mbgnbd',
    'bg/nbd modificado': 'mbgnbd',
  },
  default: 'bgnbd',
  shown: 'bgnbd, mbgnbd',
} as const;

export const PREDICTIVE_FORMULAS = {
  /**
   * Fits the BG/NBD repeat-buying model to orders by maximum likelihood: r, alpha, a, b and the log-likelihood.
   *
   * @param customer_ids Customer of each order.
   * @param order_dates Date of each order (same size as customer_ids); orders on one day count as one purchase.
   * @param as_of End of the history; later orders are ignored (default: the latest order date).
   * @param unit Time unit of alpha: "day", "week" (default), "month" (30.4375 days), "quarter" or "year"; Spanish
   * names accepted.
   * @return A 1×5 row: r, alpha, a, b, log-likelihood.
   * @formula Purchase rate λ ~ Gamma(r, alpha) while alive; after each purchase the customer drops out with
   * probability p ~ Beta(a, b). Per customer x = repeat purchase days, tx = first to last order, T = first order to
   * as_of; parameters maximise Σ ln L(x, tx, T).
   * @source P. S. Fader, B. G. S. Hardie & K. L. Lee, "Counting Your Customers the Easy Way: An Alternative to the
   * Pareto/NBD Model", Marketing Science 24(2), 2005. CDNOW sample to 1997-09-30: 0.243, 4.414, 0.793, 2.426,
   * −9582.4.
   * @example =BGNBD_FIT({"A";"A";"A";"A";"A";"A";"A";"A";"A";"A";"B";"B";"C";"C";"D";"D";"D";"E";"F";"F";"G";"G";"H";
   * "I";"J";"J";"J";"J";"K";"L"}, {"2024-02-01";"2024-02-08";"2024-03-01";"2024-04-18";"2024-05-18";
   * "2024-06-14";"2024-06-21";"2024-06-22";"2024-06-23";"2024-06-25";"2024-01-05";"2024-05-29";"2024-02-20";
   * "2024-02-22";"2024-01-26";"2024-02-10";"2024-02-15";"2024-02-26";"2024-02-02";"2024-04-30";"2024-02-13";
   * "2024-03-02";"2024-02-21";"2024-02-04";"2024-01-02";"2024-01-09";"2024-03-17";"2024-06-19";"2024-02-13";
   * "2024-02-06"}, "2024-06-30")
   * | 0.410 | 2.754 | 0.262 | 0.376 | -58.167 |
   * @es Ajusta el modelo de recompra BG/NBD a los pedidos por máxima verosimilitud: r, alpha, a, b y la
   * log-verosimilitud.
   * @esparam customer_ids Cliente de cada pedido.
   * @esparam order_dates Fecha de cada pedido (del mismo tamaño que customer_ids); los pedidos de un mismo día cuentan
   * como una compra.
   * @esparam as_of Fin del historial; se omiten los pedidos posteriores (por defecto, la fecha del último pedido).
   * @esparam unit Unidad de tiempo de alpha: "día", "semana" (por defecto), "mes" (30,4375 días), "trimestre" o
   * "año"; también en inglés.
   * @customfunction
   */
  BGNBD_FIT: customFunction({
    params: { ...ORDER_COLUMNS, as_of: AS_OF, unit: UNIT },
    rowNoun: 'order',
    roles: { asOf: 'as_of' },
    compute: ({ customer_ids, order_dates, as_of, unit }) => {
      const summaries = summarizeCustomers(customer_ids, order_dates, undefined, { asOfDay: as_of, unit });
      const fit = fitBgNbd(summaries.customers);
      return [[fit.r, fit.alpha, fit.a, fit.b, fit.logLikelihood]];
    },
  }),

  /**
   * Fits the modified BG/NBD repeat-buying model, where customers may also drop out right after their first purchase:
   * r, alpha, a, b and the log-likelihood.
   *
   * @param customer_ids Customer of each order.
   * @param order_dates Date of each order (same size as customer_ids); orders on one day count as one purchase.
   * @param as_of End of the history; later orders are ignored (default: the latest order date).
   * @param unit Time unit of alpha: "day", "week" (default), "month" (30.4375 days), "quarter" or "year"; Spanish
   * names accepted.
   * @return A 1×5 row: r, alpha, a, b, log-likelihood.
   * @formula As BG/NBD (purchase rate λ ~ Gamma(r, alpha) while alive, drop-out probability p ~ Beta(a, b)), but the
   * customer may drop out after every purchase including the first, so a one-time buyer is not certainly alive:
   * P(alive) = 1 / (1 + a/(b + x) · ((alpha + T)/(alpha + tx))^(r + x)), for x = 0 too. Parameters maximise
   * Σ ln L(x, tx, T), L = B(a, b+x+1)/B(a, b) · Γ(r+x)·alpha^r/Γ(r) · ((alpha+T)^−(r+x) + a/(b+x)·(alpha+tx)^−(r+x)).
   * @source E. P. Batislam, M. Denizel & A. Filiztekin, "Empirical validation and comparison of models for customer
   * base analysis", International Journal of Research in Marketing 24(3), 2007; C. Wagner & D. Hoppe, erratum, 2008;
   * as in the lifetimes (ModifiedBetaGeoFitter) and BTYDplus packages. CDNOW sample to 1997-09-30: 0.525, 6.183,
   * 0.891, 1.614, −9582.1.
   * @example =MBGNBD_FIT({"A";"A";"A";"A";"A";"A";"A";"A";"A";"A";"B";"B";"C";"C";"D";"D";"D";"E";"F";"F";"G";"G";"H";
   * "I";"J";"J";"J";"J";"K";"L"}, {"2024-02-01";"2024-02-08";"2024-03-01";"2024-04-18";"2024-05-18";
   * "2024-06-14";"2024-06-21";"2024-06-22";"2024-06-23";"2024-06-25";"2024-01-05";"2024-05-29";"2024-02-20";
   * "2024-02-22";"2024-01-26";"2024-02-10";"2024-02-15";"2024-02-26";"2024-02-02";"2024-04-30";"2024-02-13";
   * "2024-03-02";"2024-02-21";"2024-02-04";"2024-01-02";"2024-01-09";"2024-03-17";"2024-06-19";"2024-02-13";
   * "2024-02-06"}, "2024-06-30")
   * | 0.827 | 4.590 | 0.828 | 1.940 | -58.971 |
   * @es Ajusta el modelo de recompra BG/NBD modificado, en el que el cliente también puede abandonar justo tras su
   * primera compra: r, alpha, a, b y la log-verosimilitud.
   * @esparam customer_ids Cliente de cada pedido.
   * @esparam order_dates Fecha de cada pedido (del mismo tamaño que customer_ids); los pedidos de un mismo día cuentan
   * como una compra.
   * @esparam as_of Fin del historial; se omiten los pedidos posteriores (por defecto, la fecha del último pedido).
   * @esparam unit Unidad de tiempo de alpha: "día", "semana" (por defecto), "mes" (30,4375 días), "trimestre" o
   * "año"; también en inglés.
   * @customfunction
   */
  MBGNBD_FIT: customFunction({
    params: { ...ORDER_COLUMNS, as_of: AS_OF, unit: UNIT },
    rowNoun: 'order',
    roles: { asOf: 'as_of' },
    compute: ({ customer_ids, order_dates, as_of, unit }) => {
      const summaries = summarizeCustomers(customer_ids, order_dates, undefined, { asOfDay: as_of, unit });
      const fit = fitMbgNbd(summaries.customers);
      return [[fit.r, fit.alpha, fit.a, fit.b, fit.logLikelihood]];
    },
  }),

  /**
   * Fits the Gamma-Gamma spend-per-purchase model to the repeat buyers' mean spend: p, q, v.
   *
   * @param customer_ids Customer of each order.
   * @param order_dates Date of each order; the amounts of one day are summed into one purchase.
   * @param amounts Amount of each order (0 or more).
   * @param as_of End of the history; later orders are ignored (default: the latest order date).
   * @return A 1×3 row: p, q, v.
   * @formula Spend per purchase ~ Gamma(p, ν) with ν ~ Gamma(q, v) across customers; fitted by maximum likelihood
   * on the customers with repeat purchases whose mean repeat spend is above 0. Mean spend of the population =
   * p·v/(q − 1).
   * @source P. S. Fader & B. G. S. Hardie, "The Gamma-Gamma Model of Monetary Value", 2013. CDNOW sample to
   * 1997-09-30 (946 repeat buyers): 6.25, 3.74, 15.44.
   * @example =GAMMA_GAMMA_FIT({"A";"A";"A";"A";"A";"A";"A";"A";"A";"A";"B";"B";"C";"C";"D";"D";"D";"E";"F";"F";"G";
   * "G";"H";"I";"J";"J";"J";"J";"K";"L"}, {"2024-02-01";"2024-02-08";"2024-03-01";"2024-04-18";"2024-05-18";
   * "2024-06-14";"2024-06-21";"2024-06-22";"2024-06-23";"2024-06-25";"2024-01-05";"2024-05-29";"2024-02-20";
   * "2024-02-22";"2024-01-26";"2024-02-10";"2024-02-15";"2024-02-26";"2024-02-02";"2024-04-30";"2024-02-13";
   * "2024-03-02";"2024-02-21";"2024-02-04";"2024-01-02";"2024-01-09";"2024-03-17";"2024-06-19";"2024-02-13";
   * "2024-02-06"}, {38.62;76.24;133.81;80.53;92.64;87.62;97.41;87.84;45.62;58.26;20.81;25.59;8.78;18.67;
   * 131.82;405.9;117.82;189.25;57.45;148.04;66.71;100.41;15.47;74.09;34.3;207.13;428.78;306.66;54.13;40.01})
   * | 1.18 | 5.98 | 639.1 |
   * @es Ajusta el modelo de gasto por compra Gamma-Gamma al gasto medio de los clientes que repiten: p, q, v.
   * @esparam customer_ids Cliente de cada pedido.
   * @esparam order_dates Fecha de cada pedido; los importes de un mismo día se suman en una compra.
   * @esparam amounts Importe de cada pedido (0 o más).
   * @esparam as_of Fin del historial; se omiten los pedidos posteriores (por defecto, la fecha del último pedido).
   * @customfunction
   */
  GAMMA_GAMMA_FIT: customFunction({
    params: { ...ORDER_COLUMNS, amounts: { kind: 'amounts', noun: 'amount' }, as_of: AS_OF },
    rowNoun: 'order',
    roles: { asOf: 'as_of' },
    compute: ({ customer_ids, order_dates, amounts, as_of }) => {
      const summaries = summarizeCustomers(customer_ids, order_dates, amounts, { asOfDay: as_of });
      const fit = fitGammaGamma(summaries.customers);
      return [[fit.p, fit.q, fit.v]];
    },
  }),

  /**
   * Predicts each customer's purchases, order value and lifetime value over a horizon (BG/NBD or MBG/NBD with
   * Gamma-Gamma).
   *
   * @param customer_ids Customer of each order.
   * @param order_dates Date of each order; orders on one day count as one purchase.
   * @param amounts Amount of each order (0 or more).
   * @param horizon Length of the prediction window, in units (e.g. 52 weeks).
   * @param as_of End of the history; later orders are ignored (default: the latest order date).
   * @param unit Time unit of recency, age and horizon: "day", "week" (default), "month" (30.4375 days), "quarter" or
   * "year"; Spanish names accepted.
   * @param annual_discount_rate Yearly discount rate such as 0.1 (default 0: no discounting).
   * @param model Repeat-buying model: "bgnbd" (default) or "mbgnbd" (modified BG/NBD, where one-time buyers may have
   * dropped out too).
   * @return Header Customer, Repeat purchases, Recency, Age, P(alive), Expected purchases, Expected order value,
   * Predicted CLV; one row per customer, highest CLV first (ties by customer).
   * @formula Predicted CLV = E[purchases in the horizon | x, tx, T] (BG/NBD or MBG/NBD) × E[spend per purchase | x,
   * mean spend] (Gamma-Gamma; population mean for one-time buyers; when repeat spend does not vary between customers,
   * as with a one-price product, the model cannot be fitted and every customer gets the mean repeat-order value,
   * its limit). With a rate R, the purchases expected in each month of 30.4375 days are discounted from the month's
   * end by (1 + R)^(−years).
   * @source P. S. Fader, B. G. S. Hardie & K. L. Lee, Marketing Science 24(2), 2005 (eq. 10 and P(alive)); E. P.
   * Batislam, M. Denizel & A. Filiztekin, International Journal of Research in Marketing 24(3), 2007 (MBG/NBD); P. S.
   * Fader & B. G. S. Hardie, "The Gamma-Gamma Model of Monetary Value", 2013.
   * @example =CLV_PREDICT({"A";"A";"A";"A";"A";"A";"A";"A";"A";"A";"B";"B";"C";"C";"D";"D";"D";"E";"F";"F";"G";"G";
   * "H";"I";"J";"J";"J";"J";"K";"L"}, {"2024-02-01";"2024-02-08";"2024-03-01";"2024-04-18";"2024-05-18";
   * "2024-06-14";"2024-06-21";"2024-06-22";"2024-06-23";"2024-06-25";"2024-01-05";"2024-05-29";"2024-02-20";
   * "2024-02-22";"2024-01-26";"2024-02-10";"2024-02-15";"2024-02-26";"2024-02-02";"2024-04-30";"2024-02-13";
   * "2024-03-02";"2024-02-21";"2024-02-04";"2024-01-02";"2024-01-09";"2024-03-17";"2024-06-19";"2024-02-13";
   * "2024-02-06"}, {38.62;76.24;133.81;80.53;92.64;87.62;97.41;87.84;45.62;58.26;20.81;25.59;8.78;18.67;
   * 131.82;405.9;117.82;189.25;57.45;148.04;66.71;100.41;15.47;74.09;34.3;207.13;428.78;306.66;54.13;40.01},
   * 26, "2024-06-30")
   * | Customer | Repeat purchases | Recency | Age | P(alive) | Expected purchases | Expected order value | Predicted
   * CLV |
   * | A | 9 | 20.71 | 21.43 | 0.96 | 8.68 | 105.84 | 919.00 |
   * | J | 3 | 24.14 | 25.71 | 0.88 | 2.46 | 219.12 | 539.74 |
   * | F | 1 | 12.57 | 21.29 | 0.43 | 0.57 | 150.84 | 85.87 |
   * | B | 1 | 20.71 | 25.29 | 0.53 | 0.61 | 127.38 | 77.12 |
   * | E | 0 | 0 | 17.86 | 1 | 0.41 | 151.51 | 61.62 |
   * | H | 0 | 0 | 18.57 | 1 | 0.40 | 151.51 | 59.89 |
   * | K | 0 | 0 | 19.71 | 1 | 0.38 | 151.51 | 57.32 |
   * | L | 0 | 0 | 20.71 | 1 | 0.36 | 151.51 | 55.26 |
   * | I | 0 | 0 | 21 | 1 | 0.36 | 151.51 | 54.70 |
   * | D | 2 | 2.86 | 22.29 | 0.13 | 0.28 | 187.00 | 51.55 |
   * | G | 1 | 2.57 | 19.71 | 0.16 | 0.22 | 141.72 | 31.47 |
   * | C | 1 | 0.29 | 18.71 | 0.08 | 0.12 | 126.05 | 15.36 |
   * @example =CLV_PREDICT({"A";"A";"A";"A";"A";"A";"A";"A";"A";"A";"B";"B";"C";"C";"D";"D";"D";"E";"F";"F";"G";"G";
   * "H";"I";"J";"J";"J";"J";"K";"L"}, {"2024-02-01";"2024-02-08";"2024-03-01";"2024-04-18";"2024-05-18";
   * "2024-06-14";"2024-06-21";"2024-06-22";"2024-06-23";"2024-06-25";"2024-01-05";"2024-05-29";"2024-02-20";
   * "2024-02-22";"2024-01-26";"2024-02-10";"2024-02-15";"2024-02-26";"2024-02-02";"2024-04-30";"2024-02-13";
   * "2024-03-02";"2024-02-21";"2024-02-04";"2024-01-02";"2024-01-09";"2024-03-17";"2024-06-19";"2024-02-13";
   * "2024-02-06"}, {38.62;76.24;133.81;80.53;92.64;87.62;97.41;87.84;45.62;58.26;20.81;25.59;8.78;18.67;
   * 131.82;405.9;117.82;189.25;57.45;148.04;66.71;100.41;15.47;74.09;34.3;207.13;428.78;306.66;54.13;40.01},
   * 26, "2024-06-30", "week", 0, "mbgnbd")
   * | Customer | Repeat purchases | Recency | Age | P(alive) | Expected purchases | Expected order value | Predicted
   * CLV |
   * | A | 9 | 20.71 | 21.43 | 0.91 | 6.83 | 105.84 | 722.84 |
   * | J | 3 | 24.14 | 25.71 | 0.83 | 2.22 | 219.12 | 486.46 |
   * | F | 1 | 12.57 | 21.29 | 0.63 | 0.94 | 150.84 | 142.43 |
   * | B | 1 | 20.71 | 25.29 | 0.72 | 0.97 | 127.38 | 123.07 |
   * | G | 1 | 2.57 | 19.71 | 0.28 | 0.44 | 141.72 | 62.07 |
   * | E | 0 | 0 | 17.86 | 0.39 | 0.31 | 151.51 | 46.69 |
   * | D | 2 | 2.86 | 22.29 | 0.11 | 0.25 | 187.00 | 46.44 |
   * | H | 0 | 0 | 18.57 | 0.38 | 0.30 | 151.51 | 44.74 |
   * | K | 0 | 0 | 19.71 | 0.37 | 0.28 | 151.51 | 41.88 |
   * | L | 0 | 0 | 20.71 | 0.36 | 0.26 | 151.51 | 39.61 |
   * | I | 0 | 0 | 21 | 0.36 | 0.26 | 151.51 | 39.00 |
   * | C | 1 | 0.29 | 18.71 | 0.17 | 0.28 | 126.05 | 35.08 |
   * @es Predice las compras, el valor del pedido y el valor de vida de cada cliente en un horizonte (BG/NBD o MBG/NBD
   * con Gamma-Gamma).
   * @esparam customer_ids Cliente de cada pedido.
   * @esparam order_dates Fecha de cada pedido; los pedidos de un mismo día cuentan como una compra.
   * @esparam amounts Importe de cada pedido (0 o más).
   * @esparam horizon Longitud de la ventana de predicción, en unidades (p. ej. 52 semanas).
   * @esparam as_of Fin del historial; se omiten los pedidos posteriores (por defecto, la fecha del último pedido).
   * @esparam unit Unidad de tiempo de la recencia, la antigüedad y el horizonte: "día", "semana" (por defecto), "mes"
   * (30,4375 días), "trimestre" o "año"; también en inglés.
   * @esparam annual_discount_rate Tasa de descuento anual, como 0.1 (por defecto 0: sin descuento).
   * @esparam model Modelo de recompra: "bgnbd" (por defecto) o "mbgnbd" (BG/NBD modificado, en el que también los
   * clientes de una sola compra pueden haberse ido).
   * @customfunction
   */
  CLV_PREDICT: customFunction({
    params: {
      ...ORDER_COLUMNS,
      amounts: { kind: 'amounts', noun: 'amount' },
      horizon: { kind: 'number', greaterThan: 0, hint: 'aboveZero' },
      as_of: AS_OF,
      unit: UNIT,
      annual_discount_rate: { kind: 'number', default: 0, min: 0 },
      model: MODEL,
    },
    rowNoun: 'order',
    roles: { asOf: 'as_of', rate: 'annual_discount_rate' },
    compute: ({ customer_ids, order_dates, amounts, horizon, as_of, unit, annual_discount_rate, model }) => {
      const prediction = predictCustomerValue(customer_ids, order_dates, amounts, {
        asOfDay: as_of,
        horizon,
        unit,
        annualDiscountRate: annual_discount_rate,
        model,
      });
      const table: CellTable = [
        [
          'Customer',
          'Repeat purchases',
          'Recency',
          'Age',
          'P(alive)',
          'Expected purchases',
          'Expected order value',
          'Predicted CLV',
        ],
      ];
      for (const c of prediction.customers) {
        table.push([c.id, c.x, c.recency, c.age, c.pAlive, c.expectedPurchases, c.expectedOrderValue, c.clv]);
      }
      return table;
    },
  }),
  /**
   * Checks a repeat-buying model on orders it has not seen: fitted up to calibration_end, it predicts each customer's
   * repeat purchases up to holdout_end, compared with what they bought, by number of repeat purchases.
   *
   * @param customer_ids Customer of each order.
   * @param order_dates Date of each order; orders on one day count as one purchase; orders after holdout_end are
   * ignored.
   * @param calibration_end Last day of the orders the model is fitted on.
   * @param holdout_end Last day of the holdout window, after calibration_end.
   * @param model Repeat-buying model: "bgnbd" (default) or "mbgnbd" (modified BG/NBD).
   * @param unit Time unit of the fit: "day", "week" (default), "month" (30.4375 days), "quarter" or "year"; Spanish
   * names accepted. The predictions do not depend on it.
   * @return Header Repeat purchases in calibration, Customers, Predicted per customer, Actual per customer; rows 0 to
   * 6 and 7+ (customers by repeat purchases up to calibration_end; blank means when a row has no customer), then
   * Total with the predicted and actual repeat purchases of all those customers.
   * @formula Predicted = E[Y(t) | x, tx, T] with t = holdout_end − calibration_end and (x, tx, T) each customer's
   * summary at calibration_end; actual = the customer's order days in (calibration_end, holdout_end]. Customers
   * whose first order is after calibration_end are left out.
   * @source P. S. Fader, B. G. S. Hardie & K. L. Lee, "Counting Your Customers the Easy Way", Marketing Science
   * 24(2), 2005, figure 5. CDNOW sample, calibration to 1997-09-30, holdout to 1998-06-30: 1,882 actual repeat
   * purchases, 1,653.4 predicted by BG/NBD.
   * @example =HOLDOUT_CHECK({"A";"A";"B";"C";"D";"D";"E";"E";"E";"E";"E";"F";"F";"F";"G";"H";"I";"J";"J";"J";"K";"L";
   * "L";"L";"L";"L";"L";"L";"L";"L";"L";"L";"L";"M";"M";"M";"M";"N";"N";"O";"O";"P";"Q";"R";"R";"S";"S";"S";"T";"T";
   * "T";"T";"T";"T";"U";"U"}, {"2024-01-22";"2024-02-04";"2024-03-05";"2024-02-02";"2024-02-13";"2024-02-24";
   * "2024-01-28";"2024-02-04";"2024-03-03";"2024-11-24";"2024-12-16";"2024-01-20";"2024-02-06";"2024-02-25";
   * "2024-02-11";"2024-02-25";"2024-01-04";"2024-03-30";"2024-09-01";"2024-10-09";"2024-02-18";"2024-01-07";
   * "2024-01-26";"2024-02-16";"2024-02-17";"2024-02-24";"2024-04-29";"2024-05-17";"2024-06-04";"2024-06-18";
   * "2024-06-27";"2024-07-25";"2024-08-09";"2024-03-02";"2024-05-03";"2024-05-12";"2024-07-01";"2024-03-10";
   * "2024-04-04";"2024-01-01";"2024-04-30";"2024-03-24";"2024-01-14";"2024-01-30";"2024-02-21";"2024-02-14";
   * "2024-02-24";"2024-04-14";"2024-03-05";"2024-06-01";"2024-08-07";"2024-08-08";"2024-10-26";"2024-11-01";
   * "2024-08-15";"2024-09-20"}, "2024-06-30", "2024-12-31")
   * | Repeat purchases in calibration | Customers | Predicted per customer | Actual per customer |
   * | 0 | 9 | 0.44 | 0.22 |
   * | 1 | 6 | 0.31 | 0.67 |
   * | 2 | 4 | 0.56 | 0.75 |
   * | 3 | 0 |  |  |
   * | 4 | 0 |  |  |
   * | 5 | 0 |  |  |
   * | 6 | 0 |  |  |
   * | 7+ | 1 | 5.67 | 2 |
   * | Total | 20 | 13.68 | 11 |
   * @es Comprueba un modelo de recompra con pedidos que no ha visto: ajustado hasta calibration_end, predice las
   * recompras de cada cliente hasta holdout_end y las compara con las reales, según el número de recompras.
   * @esparam customer_ids Cliente de cada pedido.
   * @esparam order_dates Fecha de cada pedido; los pedidos de un mismo día cuentan como una compra; se omiten los
   * posteriores a holdout_end.
   * @esparam calibration_end Último día de los pedidos con los que se ajusta el modelo.
   * @esparam holdout_end Último día de la ventana de validación, posterior a calibration_end.
   * @esparam model Modelo de recompra: "bgnbd" (por defecto) o "mbgnbd" (BG/NBD modificado).
   * @esparam unit Unidad de tiempo del ajuste: "día", "semana" (por defecto), "mes" (30,4375 días), "trimestre" o
   * "año"; también en inglés. Las predicciones no dependen de ella.
   * @customfunction
   */
  HOLDOUT_CHECK: customFunction({
    params: {
      ...ORDER_COLUMNS,
      calibration_end: { kind: 'date' },
      holdout_end: { kind: 'date', after: 'calibration_end' },
      model: MODEL,
      unit: UNIT,
    },
    rowNoun: 'order',
    roles: { asOf: 'calibration_end' },
    compute: ({ customer_ids, order_dates, calibration_end, holdout_end, model, unit }) => {
      const check = holdoutCheck(customer_ids, order_dates, calibration_end, holdout_end, { model, unit });
      const table: CellTable = [
        ['Repeat purchases in calibration', 'Customers', 'Predicted per customer', 'Actual per customer'],
      ];
      for (const g of check.groups) {
        table.push([
          g.x < HOLDOUT_TOP_GROUP ? g.x : `${HOLDOUT_TOP_GROUP}+`,
          g.customers,
          g.predicted ?? '',
          g.actual ?? '',
        ]);
      }
      table.push(['Total', check.customers, check.predictedTotal, check.actualTotal]);
      return table;
    },
  }),
};
