/**
 * CAC_PAYBACK through the built bundle, against worked examples published by others: months to
 * recover the acquisition cost = CAC ÷ (ARPA × gross margin), gross margin 1 when omitted. The
 * expected values are the sources' own figures (their rounding noted), not this code's output.
 */
import { describe, expect, it } from 'vitest';
import { addOn } from '../support/addon';

const { fx } = addOn();

describe('CAC_PAYBACK: published worked examples', () => {
  it('payproglobal.com: CAC $100, ARPA $50, no margin → 2 months', () => {
    // https://payproglobal.com/payback-period
    expect(fx.CAC_PAYBACK(100, 50)).toBe(2);
  });

  it('callculator.cc pre-seed payback: CAC $600, ARPU $120, 80 % margin → $96 a month, 6.25 months', () => {
    // https://www.callculator.cc/callculator946_pre_seed_payback_calculator/
    expect(fx.CAC_PAYBACK(600, 120, 0.8)).toBeCloseTo(6.25, 12);
  });

  it('calcmastery.com: CAC $1,200, ARPA $180, 75 % margin → $135 a month, 8.89 months', () => {
    // https://www.calcmastery.com/cac-payback-gross-margin-adjustment-calculator/ (8.89 ≈ 8.9 months)
    expect(fx.CAC_PAYBACK(1200, 180, 0.75)).toBeCloseTo(8.89, 2);
  });

  it('pricingnest: CAC 1200, ARPA 200, 80 % margin → $160 a month, 7.5 months', () => {
    // https://pricingnest-com.pages.dev/saas-pricing/cac-payback-period-calculator
    expect(fx.CAC_PAYBACK(1200, 200, 0.8)).toBeCloseTo(7.5, 12);
  });

  it('scoutmytool.com (after David Skok): CAC $200, ARPU $50, 75 % margin → $37.50 a month, 5.33 months', () => {
    // https://scoutmytool.com/calc/business-finance/cac-payback-period
    expect(fx.CAC_PAYBACK(200, 50, 0.75)).toBeCloseTo(5.33, 2);
  });

  it('the same examples as one column of rows, as a sheet holds them', () => {
    expect(
      fx
        .CAC_PAYBACK(
          [[100], [600], [1200], [1200], [200]],
          [[50], [120], [180], [200], [50]],
          [[1], [0.8], [0.75], [0.8], [0.75]],
        )
        .map((row: number[]) => Math.round(row[0] * 100) / 100),
    ).toEqual([2, 6.25, 8.89, 7.5, 5.33]);
  });
});
