/**
 * MBG/NBD maths (Batislam, Denizel & Filiztekin 2007): the CDNOW estimates of lifetimes'
 * `test_params_out_is_close_to_BTYDplus`, lifetimes' other MBG/NBD test values, values computed
 * independently with scipy from the published formulas (gammaln, hyp2f1, Nelder–Mead then BFGS on
 * log-parameters), the shared likelihood's gradient and fit, and model properties.
 *
 * Two of lifetimes' "MBG/NBD" test expectations are BG/NBD values from Hardie's spreadsheet (the
 * conditional expectation 1.226 and E[X(t)] = 0.0078 … 1.8576, which lifetimes passes only through
 * loose tolerances): they are asserted here as BG/NBD values, and the MBG/NBD ones are scipy's.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayFromCivil } from '../../src/kpi/calendar/days';
import { conditionalExpectedPurchases, expectedPurchases, probabilityAlive } from '../../src/kpi/predictive/bgnbd';
import {
  fitPurchaseModel,
  type GroupedHistories,
  groupHistories,
  type PurchaseFit,
  purchaseLogLikelihood,
} from '../../src/kpi/predictive/likelihood';
import {
  fitMbgNbd,
  mbgConditionalExpectedPurchases,
  mbgExpectedPurchases,
  mbgNbdLogLikelihood,
  mbgProbabilityAlive,
} from '../../src/kpi/predictive/mbgnbd';
import { minimizeSmooth } from '../../src/kpi/predictive/optimizer';
import { digamma } from '../../src/kpi/predictive/special';
import { type CustomerSummary, summarizeCustomers } from '../../src/kpi/predictive/summary';
import { CDNOW_SAMPLE, cdnowColumns } from '../support/cdnow';
import { codeOf } from '../support/kpi-errors';

const CALIBRATION_END = dayFromCivil(1997, 9, 30);
const FULL_END = dayFromCivil(1998, 6, 30);

/** lifetimes `test_params_out_is_close_to_BTYDplus` (assert_array_almost_equal, decimal 3). */
const BTYDPLUS = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
/** The maximum-likelihood estimates computed with scipy (research notes, §1.4). */
const MLE = { r: 0.524843, alpha: 6.183086, a: 0.891359, b: 1.614002 };

describe('MBG/NBD on the CDNOW sample (calibration to 1997-09-30, weeks)', () => {
  let summaries: CustomerSummary[];
  let data: GroupedHistories;
  let fit: PurchaseFit;
  beforeAll(() => {
    const { ids, days } = cdnowColumns(CDNOW_SAMPLE);
    summaries = summarizeCustomers(ids, days, undefined, { asOfDay: CALIBRATION_END }).customers;
    data = groupHistories(summaries);
    fit = fitMbgNbd(data);
  });

  it("fits lifetimes' BTYDplus parameters to 3 decimals and scipy's maximum to 5 significant digits", () => {
    expect(fit.r).toBeCloseTo(BTYDPLUS.r, 3);
    expect(fit.alpha).toBeCloseTo(BTYDPLUS.alpha, 3);
    expect(fit.a).toBeCloseTo(BTYDPLUS.a, 3);
    expect(fit.b).toBeCloseTo(BTYDPLUS.b, 3);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(fit[key] / MLE[key] - 1)).toBeLessThan(2e-6);
    // scipy: −9582.135716 at the maximum (BG/NBD: −9582.429207)
    expect(fit.logLikelihood).toBeCloseTo(-9582.135716, 5);
  });

  it('log-likelihood at the rounded parameters: −9582.135826 (scipy); the mean NLL lifetimes stores is 4.0654', () => {
    expect(mbgNbdLogLikelihood(BTYDPLUS, data)).toBeCloseTo(-9582.135826, 5);
    expect(-fit.logLikelihood / summaries.length).toBeCloseTo(4.065395, 6);
  });

  it('the fit is the same from the histories or grouped, and from a warm start', () => {
    expect(fitMbgNbd(summaries).logLikelihood).toBeCloseTo(fit.logLikelihood, 8);
    const warm = fitMbgNbd(data, { start: { r: 1, alpha: 10, a: 2, b: 3 } });
    for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(warm[key]).toBeCloseTo(fit[key], 6);
  });

  it('P(alive) of the first customers and of the one-time buyers: never 1, unlike BG/NBD', () => {
    // scipy at the maximum: customer 0001 (2, 30.43, 38.86), 0002 (1, 1.71, 38.86), 0003 (0, 0, 38.86)
    expect(mbgProbabilityAlive(MLE, 2, 30.43, 38.86)).toBeCloseTo(0.706126, 5);
    expect(mbgProbabilityAlive(MLE, 1, 1.71, 38.86)).toBeCloseTo(0.17082, 5);
    expect(mbgProbabilityAlive(MLE, 0, 0, 38.86)).toBeCloseTo(0.389715, 5);
    const oneTime = summaries.filter((s) => s.x === 0);
    expect(oneTime).toHaveLength(1411);
    const alive = oneTime.map((s) => mbgProbabilityAlive(fit, s.x, s.recency, s.age));
    // scipy: mean 0.408807, min 0.389723, max 0.428462; none above 0.99 (BG/NBD: all exactly 1)
    expect(alive.reduce((sum, p) => sum + p, 0) / alive.length).toBeCloseTo(0.408807, 5);
    expect(Math.min(...alive)).toBeCloseTo(0.389723, 5);
    expect(Math.max(...alive)).toBeCloseTo(0.428462, 5);
    expect(alive.filter((p) => p > 0.99)).toHaveLength(0);
    expect(oneTime.every((s) => probabilityAlive(fit, s.x, s.recency, s.age) === 1)).toBe(true);
  });

  it('one-time buyers of 1997 seen at 1998-06-30 (fit on all the orders): mean P(alive) 0.3159 (scipy)', () => {
    const { ids, days } = cdnowColumns(CDNOW_SAMPLE);
    const all = summarizeCustomers(ids, days, undefined, { asOfDay: FULL_END }).customers;
    const full = fitMbgNbd(all, { start: fit });
    // scipy: r 0.617843, α 8.656961, a 0.551525, b 1.009059, LL −17127.373256
    expect(full.r).toBeCloseTo(0.617843, 5);
    expect(full.alpha).toBeCloseTo(8.656961, 4);
    expect(full.a).toBeCloseTo(0.551525, 5);
    expect(full.b).toBeCloseTo(1.009059, 5);
    expect(full.logLikelihood).toBeCloseTo(-17127.373256, 4);
    const alive = all.filter((s) => s.x === 0).map((s) => mbgProbabilityAlive(full, s.x, s.recency, s.age));
    expect(alive).toHaveLength(1218);
    expect(alive.reduce((sum, p) => sum + p, 0) / alive.length).toBeCloseTo(0.31593, 5);
    expect(Math.max(...alive)).toBeLessThan(0.33);
  });
});

describe("lifetimes' ModifiedBetaGeoFitter test values", () => {
  it('test_sum_of_scalar_inputs_to_negative_log_likelihood_is_equal_to_array (r = α = a = b = e)', () => {
    const e = { r: Math.E, alpha: Math.E, a: Math.E, b: Math.E };
    const one = mbgNbdLogLikelihood(e, groupHistories([{ x: 1, recency: 2, age: 5 }]));
    const two = mbgNbdLogLikelihood(e, groupHistories([{ x: 3, recency: 2, age: 6 }]));
    expect(one).toBeCloseTo(-3.407177712589, 10);
    expect(two).toBeCloseTo(-5.057088646482, 10);
    const both = groupHistories([
      { x: 1, recency: 2, age: 5 },
      { x: 3, recency: 2, age: 6 },
    ]);
    expect(mbgNbdLogLikelihood(e, both)).toBeCloseTo(one + two, 12);
    // lifetimes minimises the mean: 4.232133179535
    expect(-mbgNbdLogLikelihood(e, both) / 2).toBeCloseTo(4.232133179535, 10);
  });

  it('test_conditional_probability_alive_returns_lessthan_1_if_no_repeat_purchases: P(0, 1, 1) = 0.644219', () => {
    expect(mbgProbabilityAlive(MLE, 0, 1, 1)).toBeCloseTo(0.644219, 5);
    expect(mbgProbabilityAlive(MLE, 0, 1, 1)).toBeLessThan(1);
  });

  it('P(alive) at the maximum for the histories of the research table (scipy)', () => {
    const cases: [number, number, number, number][] = [
      [1, 1, 2, 0.70623],
      [1, 2, 10, 0.509025],
      [5, 20, 39, 0.266939],
      [10, 38, 39, 0.911466],
    ];
    for (const [x, t, T, p] of cases) expect(mbgProbabilityAlive(MLE, x, t, T)).toBeCloseTo(p, 5);
  });

  it('test_conditional_probability_alive_is_between_0_and_1 over the lifetimes grid', () => {
    for (let i = 0; i < 100; i += 10)
      for (let j = 0; j < 100; j += 10)
        for (let k = j; k < 100; k += 10) {
          const p = mbgProbabilityAlive(MLE, i, j, k);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        }
  });

  it('the "Hardie excel sheet" expectations are BG/NBD values; the MBG/NBD ones (scipy) differ', () => {
    const bg = { r: 0.242595, alpha: 4.413602, a: 0.792922, b: 2.425907 };
    // test_conditional_expectation_returns_same_value_as_Hardie_excel_sheet: 1.226 is BG/NBD's
    expect(conditionalExpectedPurchases(bg, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3);
    expect(mbgConditionalExpectedPurchases(MLE, 39, 2, 30.43, 38.86)).toBeCloseTo(1.262669, 5);
    // test_expectation_returns_same_value_Hardie_excel_sheet: Hardie's BG/NBD E[X(t)]
    const times = [0.1429, 1, 3, 31.8571, 32, 78];
    const hardie = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    const mbg = [0.00778, 0.05306, 0.150792, 1.033467, 1.036606, 1.80363];
    times.forEach((t, i) => {
      expect(expectedPurchases(bg, t)).toBeCloseTo(hardie[i], 3);
      expect(mbgExpectedPurchases(MLE, t)).toBeCloseTo(mbg[i], 5);
    });
  });

  it('conditional expectations over the next 39 weeks at T = 38.86 (scipy, research table)', () => {
    const cases: [number, number, number][] = [
      [0, 0, 0.153954],
      [1, 1.71, 0.18879],
      [2, 30.43, 1.262669],
      [5, 35, 3.094131],
      [10, 38, 6.432848],
    ];
    for (const [x, t, value] of cases)
      expect(mbgConditionalExpectedPurchases(MLE, 39, x, t, 38.86)).toBeCloseTo(value, 5);
  });

  it('test_purchase_predictions_do_not_differ_much_if_looking_at_hourly_or_daily_frequencies', () => {
    // the same customers in days and in hours: α scales with the unit, expectations do not
    const daily = { ...MLE, alpha: MLE.alpha * 7 };
    const hourly = { ...MLE, alpha: MLE.alpha * 7 * 24 };
    expect(mbgExpectedPurchases(hourly, 720)).toBeCloseTo(mbgExpectedPurchases(daily, 30), 7);
    expect(mbgConditionalExpectedPurchases(hourly, 720, 3, 24 * 100, 24 * 200)).toBeCloseTo(
      mbgConditionalExpectedPurchases(daily, 30, 3, 100, 200),
      7,
    );
  });
});

describe('the shared likelihood and its fit', () => {
  it('the analytic gradient matches central differences, for both models', () => {
    const { ids, days } = cdnowColumns(CDNOW_SAMPLE);
    const data = groupHistories(summarizeCustomers(ids, days, undefined, { asOfDay: CALIBRATION_END }).customers);
    for (const model of ['bgnbd', 'mbgnbd'] as const) {
      for (const p of [
        { r: 0.5, alpha: 5, a: 0.8, b: 2 },
        { r: 2, alpha: 0.5, a: 3, b: 0.3 },
      ]) {
        const gradient = [0, 0, 0, 0];
        purchaseLogLikelihood(model, p, data, gradient);
        (['r', 'alpha', 'a', 'b'] as const).forEach((key, i) => {
          const h = 1e-6;
          const up = purchaseLogLikelihood(model, { ...p, [key]: p[key] * Math.exp(h) }, data);
          const down = purchaseLogLikelihood(model, { ...p, [key]: p[key] * Math.exp(-h) }, data);
          expect(Math.abs(gradient[i] - (up - down) / (2 * h))).toBeLessThan(1e-5 * Math.max(1, Math.abs(gradient[i])));
        });
      }
    }
  });

  it('grouping: identical histories share a group, the sums are unchanged', () => {
    const histories = [
      { x: 0, recency: 0, age: 10 },
      { x: 2, recency: 4, age: 10 },
      { x: 0, recency: 0, age: 10 },
      { x: 2, recency: 4, age: 10 },
      { x: 2, recency: 5, age: 10 },
    ];
    const grouped = groupHistories(histories);
    expect(Array.from(grouped.count)).toEqual([2, 2, 1]);
    expect(Array.from(grouped.group)).toEqual([0, 1, 0, 1, 2]);
    expect(grouped.customers).toBe(5);
    expect(grouped.repeatBuyers).toBe(3);
    const p = { r: 0.7, alpha: 3, a: 0.9, b: 2.2 };
    const single = histories.reduce((sum, h) => sum + mbgNbdLogLikelihood(p, groupHistories([h])), 0);
    expect(mbgNbdLogLikelihood(p, grouped)).toBeCloseTo(single, 12);
  });

  it('the same refusals as BG/NBD: too few customers, too few repeat buyers, no interior maximum', () => {
    const weekly = (customers: number, orders: number) => {
      const ids: string[] = [];
      const days: number[] = [];
      for (let c = 0; c < customers; c++)
        for (let k = 0; k < orders; k++) {
          ids.push(`C${c}`);
          days.push(100 + c + 7 * k);
        }
      return summarizeCustomers(ids, days, undefined, { asOfDay: 100 + 19 + 63 }).customers;
    };
    expect(codeOf(() => fitMbgNbd(weekly(5, 3)))).toBe('tooFewCustomers');
    expect(codeOf(() => fitMbgNbd(weekly(30, 1)))).toBe('tooFewRepeatBuyers');
    expect(codeOf(() => fitMbgNbd(weekly(20, 10)))).toBe('fitUnbounded');
    expect(codeOf(() => fitPurchaseModel('bgnbd', weekly(20, 10)))).toBe('fitUnbounded');
  });

  it('digamma: known values', () => {
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 14);
    expect(digamma(0.5)).toBeCloseTo(-0.5772156649015329 - 2 * Math.LN2, 14);
    expect(digamma(10)).toBeCloseTo(2.251752589066721, 14);
    expect(digamma(1e-8)).toBeCloseTo(-1e8 - 0.5772156649015329, 6);
    expect(digamma(0)).toBeNaN();
  });

  it('the quasi-Newton search finds the minimum of a curved valley and reports convergence', () => {
    const rosenbrock = ([x, y]: number[], g?: number[]) => {
      if (g) {
        g[0] = -400 * x * (y - x * x) - 2 * (1 - x);
        g[1] = 200 * (y - x * x);
      }
      return 100 * (y - x * x) ** 2 + (1 - x) ** 2;
    };
    const m = minimizeSmooth(rosenbrock, [[-1.2, 1]]);
    expect(m.converged).toBe(true);
    expect(m.x[0]).toBeCloseTo(1, 6);
    expect(m.x[1]).toBeCloseTo(1, 6);
    expect(m.evaluations).toBeLessThan(200);
  });
});

describe('the 12-customer example (scipy reference)', () => {
  it('fits MBG/NBD: r 0.827332, α 4.590368, a 0.827840, b 1.939869, LL −58.971329', () => {
    const rows = [
      'A 2024-02-01',
      'A 2024-02-08',
      'A 2024-03-01',
      'A 2024-04-18',
      'A 2024-05-18',
      'A 2024-06-14',
      'A 2024-06-21',
      'A 2024-06-22',
      'A 2024-06-23',
      'A 2024-06-25',
      'B 2024-01-05',
      'B 2024-05-29',
      'C 2024-02-20',
      'C 2024-02-22',
      'D 2024-01-26',
      'D 2024-02-10',
      'D 2024-02-15',
      'E 2024-02-26',
      'F 2024-02-02',
      'F 2024-04-30',
      'G 2024-02-13',
      'G 2024-03-02',
      'H 2024-02-21',
      'I 2024-02-04',
      'J 2024-01-02',
      'J 2024-01-09',
      'J 2024-03-17',
      'J 2024-06-19',
      'K 2024-02-13',
      'L 2024-02-06',
    ].map((row) => row.split(' '));
    const s = summarizeCustomers(
      rows.map((r) => r[0]),
      rows.map((r) => dayFromCivil(Number(r[1].slice(0, 4)), Number(r[1].slice(5, 7)), Number(r[1].slice(8, 10)))),
      undefined,
      { asOfDay: dayFromCivil(2024, 6, 30) },
    ).customers;
    const fit = fitMbgNbd(s);
    expect(fit.r).toBeCloseTo(0.827332, 5);
    expect(fit.alpha).toBeCloseTo(4.590368, 4);
    expect(fit.a).toBeCloseTo(0.82784, 5);
    expect(fit.b).toBeCloseTo(1.939869, 5);
    expect(fit.logLikelihood).toBeCloseTo(-58.971329, 5);
  });
});

describe('MBG/NBD properties', () => {
  const params = fc.record({
    r: fc.double({ min: 0.05, max: 5, noNaN: true }),
    alpha: fc.double({ min: 0.1, max: 50, noNaN: true }),
    a: fc.double({ min: 0.05, max: 5, noNaN: true }),
    b: fc.double({ min: 0.05, max: 10, noNaN: true }),
  });
  const history = fc
    .record({
      x: fc.integer({ min: 0, max: 60 }),
      age: fc.double({ min: 0, max: 150, noNaN: true }),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ x, age, share }) => ({ x, age, recency: x === 0 ? 0 : age * share }));

  it('P(alive) is in (0, 1): below 1 for one-time buyers too, falling as they stay away', () => {
    fc.assert(
      fc.property(params, history, fc.double({ min: 0.1, max: 100, noNaN: true }), (p, h, later) => {
        const alive = mbgProbabilityAlive(p, h.x, h.recency, h.age);
        expect(alive).toBeGreaterThan(0);
        expect(alive).toBeLessThan(1);
        expect(mbgProbabilityAlive(p, h.x, h.recency, h.age + later)).toBeLessThanOrEqual(alive);
        // a one-time buyer seen at their first purchase: 1 / (1 + a/b)
        expect(mbgProbabilityAlive(p, 0, 0, 0)).toBeCloseTo(1 / (1 + p.a / p.b), 12);
      }),
    );
  });

  it('expected purchases are positive, grow with the horizon, and are E[Y | alive] × P(alive)', () => {
    fc.assert(
      fc.property(
        params,
        history,
        fc.double({ min: 0.5, max: 100, noNaN: true }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        (p, h, t, more) => {
          const shorter = mbgConditionalExpectedPurchases(p, t, h.x, h.recency, h.age);
          const longer = mbgConditionalExpectedPurchases(p, t + more, h.x, h.recency, h.age);
          expect(shorter).toBeGreaterThan(0);
          expect(longer).toBeGreaterThan(shorter * (1 - 1e-9));
          expect(mbgExpectedPurchases(p, t + more)).toBeGreaterThan(mbgExpectedPurchases(p, t) * (1 - 1e-9));
        },
      ),
    );
  });

  it('is continuous through a = 1, where the formulas read 0/0', () => {
    const p = { r: 0.5, alpha: 5, a: 1, b: 2.5 };
    const at = mbgConditionalExpectedPurchases(p, 20, 3, 15, 30);
    const below = mbgConditionalExpectedPurchases({ ...p, a: 1 - 1e-6 }, 20, 3, 15, 30);
    const above = mbgConditionalExpectedPurchases({ ...p, a: 1 + 1e-6 }, 20, 3, 15, 30);
    expect(isFinite(at)).toBe(true);
    expect(Math.abs(at - below)).toBeLessThan(1e-5 * at);
    expect(Math.abs(at - above)).toBeLessThan(1e-5 * at);
    expect(mbgExpectedPurchases(p, 10)).toBeCloseTo(
      (mbgExpectedPurchases({ ...p, a: 0.98 }, 10) + mbgExpectedPurchases({ ...p, a: 1.02 }, 10)) / 2,
      3,
    );
  });

  it('E[X(t)] is the population mean of E[Y(t) | x = 0, tₓ = 0, T = 0] for a customer just acquired', () => {
    fc.assert(
      fc.property(params, fc.double({ min: 0.5, max: 100, noNaN: true }), (p, t) => {
        expect(mbgConditionalExpectedPurchases(p, t, 0, 0, 0)).toBeCloseTo(mbgExpectedPurchases(p, t), 8);
      }),
    );
  });
});
