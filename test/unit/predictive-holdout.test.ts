/**
 * The holdout check (Fader, Hardie & Lee 2005, figure 5) on the CDNOW sample — actual repeat
 * purchases counted from the data, predictions computed independently with scipy — the report's
 * entry point `predictWithHoldout`, the Gamma-Gamma fallback for one-price products, and the order
 * summaries every fit starts from (against a plain re-implementation).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromCivil } from '../../src/kpi/calendar/days';
import { predictCustomerValue } from '../../src/kpi/predictive/clv';
import { predictWithHoldout } from '../../src/kpi/predictive/forecast';
import { fitSpendModel } from '../../src/kpi/predictive/gamma-gamma';
import { holdoutCheck } from '../../src/kpi/predictive/holdout';
import { fitPurchaseModel } from '../../src/kpi/predictive/likelihood';
import { groupOrders, repeatDaysBetween, summariesAt, summarizeCustomers } from '../../src/kpi/predictive/summary';
import { CDNOW_SAMPLE, cdnowColumns } from '../support/cdnow';
import { codeOf } from '../support/kpi-errors';

const CALIBRATION_END = dayFromCivil(1997, 9, 30);
const HOLDOUT_END = dayFromCivil(1998, 6, 30);

/** Customers by calibration repeat purchases 0 … 6, 7+ (counted from the data; research notes §2). */
const CUSTOMERS = [1411, 439, 214, 100, 62, 38, 29, 64];
/** Actual mean holdout repeat purchases per group (0.2367 = 334/1411). */
const ACTUAL = [0.2367, 0.697, 1.3925, 1.56, 2.5323, 2.9474, 3.8621, 6.3594];
/** BG/NBD predicted means at the published parameters (0.243, 4.414, 0.793, 2.426), research notes §2. */
const BG_PUBLISHED = [0.2255, 0.5232, 1.0442, 1.5203, 2.1639, 2.6538, 3.504, 6.1571];
/** The same at the maximum-likelihood estimates (scipy). */
const BG_MLE = [0.225087, 0.523131, 1.044134, 1.520279, 2.163866, 2.653846, 3.504042, 6.15719];
/** MBG/NBD predicted means at the maximum-likelihood estimates (scipy). */
const MBG_MLE = [0.185161, 0.551358, 1.048952, 1.492933, 2.104309, 2.563553, 3.360821, 5.848509];

describe('HOLDOUT_CHECK maths on the CDNOW sample (calibration to 1997-09-30, holdout to 1998-06-30)', () => {
  const { ids, days } = cdnowColumns(CDNOW_SAMPLE);

  it('BG/NBD: 2,357 customers, 1,882 actual repeat purchases, 1,653.4 predicted, group by group', () => {
    const check = holdoutCheck(ids, days, CALIBRATION_END, HOLDOUT_END);
    expect(check.model).toBe('bgnbd');
    expect(check.fit.r).toBeCloseTo(0.243, 3);
    expect(check.customers).toBe(2357);
    expect(check.actualTotal).toBe(1882);
    // scipy: 1653.408693 at the maximum, 1653.94 at the rounded published parameters
    expect(check.predictedTotal).toBeCloseTo(1653.4087, 3);
    expect(Math.abs(check.predictedTotal - 1653.9)).toBeLessThan(0.6);
    expect(check.groups.map((g) => g.x)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(check.groups.map((g) => g.customers)).toEqual(CUSTOMERS);
    expect(check.groups[0].actual).toBe(334 / 1411);
    check.groups.forEach((g, k) => {
      expect(g.actual).toBeCloseTo(ACTUAL[k], 4);
      expect(Math.abs(g.predicted! - BG_PUBLISHED[k])).toBeLessThan(1.5e-3);
      expect(g.predicted).toBeCloseTo(BG_MLE[k], 5);
    });
    // scipy: mean absolute error over the 8 groups 0.224471
    expect(check.meanAbsoluteError).toBeCloseTo(0.224471, 5);
  });

  it('MBG/NBD: 1,576.7 predicted (scipy 1576.728260), further from 1,882 than BG/NBD', () => {
    const check = holdoutCheck(ids, days, CALIBRATION_END, HOLDOUT_END, { model: 'mbgnbd' });
    expect(check.fit.r).toBeCloseTo(0.525, 3);
    expect(check.predictedTotal).toBeCloseTo(1576.72826, 3);
    expect(check.actualTotal).toBe(1882);
    check.groups.forEach((g, k) => expect(g.predicted).toBeCloseTo(MBG_MLE[k], 5));
    expect(check.meanAbsoluteError).toBeCloseTo(0.303969, 5);
  });

  it('the unit changes nothing; orders after the holdout end and customers born in the holdout are left out', () => {
    const weeks = holdoutCheck(ids, days, CALIBRATION_END, HOLDOUT_END);
    const inDays = holdoutCheck(ids, days, CALIBRATION_END, HOLDOUT_END, { unit: 'day' });
    expect(inDays.predictedTotal).toBeCloseTo(weeks.predictedTotal, 6);
    inDays.groups.forEach((g, k) => expect(g.predicted).toBeCloseTo(weeks.groups[k].predicted!, 8));
    const more = holdoutCheck(
      [...ids, 'late', 'late', '0001'],
      [...days, CALIBRATION_END + 10, CALIBRATION_END + 40, HOLDOUT_END + 1],
      CALIBRATION_END,
      HOLDOUT_END,
    );
    expect(more.customers).toBe(2357);
    expect(more.actualTotal).toBe(1882);
    expect(more.predictedTotal).toBeCloseTo(weeks.predictedTotal, 9);
  });

  it('refuses a holdout end not after the calibration end and a calibration end before every order', () => {
    expect(codeOf(() => holdoutCheck(ids, days, CALIBRATION_END, CALIBRATION_END))).toBe('notPositive');
    expect(codeOf(() => holdoutCheck(ids, days, dayFromCivil(1996, 1, 1), HOLDOUT_END))).toBe('noOrdersByAsOf');
  });
});

describe('predictWithHoldout (the report’s entry point)', () => {
  const { ids, days, amounts } = cdnowColumns(CDNOW_SAMPLE);

  it('with the published 39-week holdout: BG/NBD is closer to 1,882, and is refitted on all the orders', () => {
    const forecast = predictWithHoldout(ids, days, amounts, { endDay: HOLDOUT_END, holdoutDays: 273, horizon: 52 });
    const holdout = forecast.holdout!;
    expect(holdout.calibrationEndDay).toBe(CALIBRATION_END);
    expect(holdout.endDay).toBe(HOLDOUT_END);
    expect(holdout.customers).toBe(2357);
    expect(holdout.actualTotal).toBe(1882);
    expect(holdout.results.bgnbd!.predictedTotal).toBeCloseTo(1653.4087, 3);
    expect(holdout.results.mbgnbd!.predictedTotal).toBeCloseTo(1576.72826, 3);
    expect(holdout.results.bgnbd!.groups.map((g) => g.customers)).toEqual(CUSTOMERS);
    expect(forecast.model).toBe('bgnbd');
    // scipy, BG/NBD on all the orders to 1998-06-30: r 0.253561, α 5.447258, a 0.607365, b 2.647234, LL −17138.233965
    expect(forecast.fit.r).toBeCloseTo(0.253561, 5);
    expect(forecast.fit.alpha).toBeCloseTo(5.447258, 4);
    expect(forecast.fit.a).toBeCloseTo(0.607365, 5);
    expect(forecast.fit.b).toBeCloseTo(2.647234, 5);
    expect(forecast.fit.logLikelihood).toBeCloseTo(-17138.233965, 4);
    expect(forecast.spendFallback).toBe(false);
    expect(forecast.customers).toHaveLength(2357);
    // the same as CLV_PREDICT's maths with the chosen model
    const direct = predictCustomerValue(ids, days, amounts, { asOfDay: HOLDOUT_END, horizon: 52 });
    expect(forecast.customers.map((c) => c.id)).toEqual(direct.customers.map((c) => c.id));
    // the refit starts from the calibration fit: the same maximum, to the optimiser's precision
    forecast.customers.forEach((c, i) => expect(Math.abs(c.clv - direct.customers[i].clv)).toBeLessThan(1e-7 * c.clv));
  });

  it('the default window: the last third of a span under 78 weeks (CDNOW: 545 days → 181); the choice is consistent', () => {
    const forecast = predictWithHoldout(ids, days, amounts, { endDay: HOLDOUT_END, horizon: 52 });
    const holdout = forecast.holdout!;
    expect(HOLDOUT_END - holdout.calibrationEndDay).toBe(181);
    const bg = holdout.results.bgnbd!;
    const mbg = holdout.results.mbgnbd!;
    expect(bg.actualTotal).toBe(holdout.actualTotal);
    const closer =
      Math.abs(mbg.predictedTotal - holdout.actualTotal) < Math.abs(bg.predictedTotal - holdout.actualTotal)
        ? 'mbgnbd'
        : 'bgnbd';
    expect(forecast.model).toBe(closer);
    // the refit from the calibration fit reaches the maximum a cold fit reaches
    const cold = fitPurchaseModel(forecast.model, summarizeCustomers(ids, days, undefined).customers);
    expect(forecast.fit.logLikelihood).toBeCloseTo(cold.logLikelihood, 6);
    expect(forecast.fit.r).toBeCloseTo(cold.r, 5);
  });

  it('with 78 weeks of orders or more, the last 26 weeks; a span too short for any window: no check, BG/NBD', () => {
    const longer = predictWithHoldout([...ids, '0001'], [...days, HOLDOUT_END + 1], [...amounts, 10], {
      horizon: 52,
    });
    expect(longer.holdout!.endDay - longer.holdout!.calibrationEndDay).toBe(182);
    const none = predictWithHoldout(ids, days, amounts, { endDay: HOLDOUT_END, holdoutDays: 0, horizon: 52 });
    expect(none.holdout).toBeUndefined();
    expect(none.model).toBe('bgnbd');
  });

  it('refuses what CLV_PREDICT refuses', () => {
    expect(codeOf(() => predictWithHoldout(ids, days, amounts, { horizon: 0 }))).toBe('notPositive');
    expect(codeOf(() => predictWithHoldout(ids, days, amounts, { horizon: 5, annualDiscountRate: -1 }))).toBe(
      'negative',
    );
    expect(codeOf(() => predictWithHoldout(ids, days, amounts, { horizon: 5, endDay: 0 }))).toBe('noOrdersByAsOf');
  });
});

describe('Gamma-Gamma fallback for a one-price product', () => {
  /** The CDNOW sample's purchase days, each one item of a product priced `price(row)`. */
  const shop = (price: (row: number) => number) => {
    const { ids, days } = cdnowColumns(CDNOW_SAMPLE);
    const seen = new Set<string>();
    const kept = ids.flatMap((id, i) => {
      const key = `${id}|${days[i]}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [i];
    });
    return {
      ids: kept.map((i) => ids[i]),
      days: kept.map((i) => days[i]),
      amounts: kept.map((_, row) => price(row)),
    };
  };

  it('every expected order value is the mean repeat-order value, and the prediction says so', () => {
    const { ids, days, amounts } = shop(() => 9.99);
    const prediction = predictCustomerValue(ids, days, amounts, { asOfDay: CALIBRATION_END, horizon: 39 });
    expect(prediction.spendFallback).toBe(true);
    expect(prediction.gammaGamma).toBeUndefined();
    expect(prediction.meanRepeatOrderValue).toBeCloseTo(9.99, 12);
    for (const c of prediction.customers) {
      expect(c.expectedOrderValue).toBeCloseTo(9.99, 12);
      expect(c.clv).toBeCloseTo(c.expectedPurchases * 9.99, 10);
    }
  });

  it('prices that differ by rounding only (a cent) fall back too; a real spread of prices is fitted', () => {
    const rounded = shop((row) => (row % 3 === 0 ? 10 : 9.99));
    const prediction = predictCustomerValue(rounded.ids, rounded.days, rounded.amounts, { horizon: 39 });
    expect(prediction.spendFallback).toBe(true);
    expect(prediction.meanRepeatOrderValue).toBeGreaterThan(9.99);
    expect(prediction.meanRepeatOrderValue).toBeLessThan(10);
    const { ids, days, amounts } = cdnowColumns(CDNOW_SAMPLE);
    const summaries = summarizeCustomers(ids, days, amounts, { asOfDay: CALIBRATION_END }).customers;
    const spread = fitSpendModel(summaries);
    expect(spread.fallback).toBe(false);
    expect(spread.gammaGamma!.p).toBeCloseTo(6.25, 2);
    // the pooled mean of the 946 buyers' repeat orders
    const buyers = summaries.filter((c) => c.x > 0 && c.monetary > 0);
    const spend = buyers.reduce((sum, c) => sum + c.x * c.monetary, 0);
    const purchases = buyers.reduce((sum, c) => sum + c.x, 0);
    expect(spread.meanRepeatOrderValue).toBeCloseTo(spend / purchases, 10);
  });

  it('the mean is weighted by purchases: Σ x·m̄ / Σ x; too few spending repeat buyers is still refused', () => {
    const model = fitSpendModel([
      { x: 1, monetary: 5 },
      { x: 3, monetary: 5 },
      { x: 2, monetary: 5 },
      { x: 0, monetary: 0 },
    ]);
    expect(model).toEqual({ gammaGamma: undefined, fallback: true, meanRepeatOrderValue: 5 });
    expect(
      codeOf(() =>
        fitSpendModel([
          { x: 1, monetary: 5 },
          { x: 2, monetary: 0 },
        ]),
      ),
    ).toBe('tooFewSpendingBuyers');
  });
});

describe('order summaries (read once, at any as_of) against a plain re-implementation', () => {
  const orders = fc.array(
    fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      day: fc.integer({ min: 0, max: 60 }),
      amount: fc.integer({ min: 0, max: 50 }),
    }),
    { minLength: 1, maxLength: 40 },
  );

  it('x, recency, age, monetary and holdout purchases match a direct count', () => {
    fc.assert(
      fc.property(orders, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 30 }), (rows, asOf, window) => {
        const ids = rows.map((r) => r.id);
        const days = rows.map((r) => r.day);
        const amounts = rows.map((r) => r.amount);
        if (rows.every((r) => r.day > asOf + window)) {
          expect(codeOf(() => groupOrders(ids, days, amounts, asOf + window))).toBe('noOrdersByAsOf');
          return;
        }
        const grouped = groupOrders(ids, days, amounts, asOf + window);
        const born = rows.filter((r) => r.day <= asOf);
        if (born.length === 0) {
          expect(codeOf(() => summariesAt(grouped, asOf, 'day'))).toBe('noOrdersByAsOf');
          return;
        }
        const summaries = summariesAt(grouped, asOf, 'week').customers;
        const holdout = repeatDaysBetween(grouped, asOf, asOf + window);
        expect(summaries.map((s) => s.id).sort()).toEqual([...new Set(born.map((r) => r.id))].sort());
        summaries.forEach((s, i) => {
          const mine = born.filter((r) => r.id === s.id);
          const distinct = [...new Set(mine.map((r) => r.day))].sort((p, q) => p - q);
          const first = distinct[0];
          expect(s.x).toBe(distinct.length - 1);
          expect(s.recency).toBeCloseTo((distinct[distinct.length - 1] - first) / 7, 12);
          expect(s.age).toBeCloseTo((asOf - first) / 7, 12);
          const repeat = mine.filter((r) => r.day !== first).reduce((sum, r) => sum + r.amount, 0);
          expect(s.monetary).toBeCloseTo(s.x > 0 ? repeat / s.x : 0, 10);
          const later = rows.filter((r) => r.id === s.id && r.day > asOf && r.day <= asOf + window);
          expect(holdout[i]).toBe(new Set(later.map((r) => r.day)).size);
        });
      }),
    );
  });

  it('summarizeCustomers is summariesAt of the orders up to as_of, customers in order of first appearance', () => {
    const ids = ['b', 'a', 'b', 'c', 'a'];
    const days = [10, 12, 3, 40, 12];
    const s = summarizeCustomers(ids, days, [1, 2, 3, 4, 5], { asOfDay: 20 });
    expect(s.customers.map((c) => [c.id, c.x, c.firstDay, c.lastDay, c.monetary])).toEqual([
      ['b', 1, 3, 10, 1],
      ['a', 0, 12, 12, 0],
    ]);
  });
});
