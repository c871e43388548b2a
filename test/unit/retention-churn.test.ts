import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { churnRate, customerChurn, repeatRate, repeatRateByDay, retentionRate } from '../../src/kpi/retention/churn';
import { refusalIn } from '../support/kpi-errors';
import { day } from './retention-support';

/** Valid customer counts: start ≥ 1, new ≥ 0, new ≤ end ≤ start + new. */
const validCounts = fc
  .tuple(
    fc.integer({ min: 1, max: 10_000 }),
    fc.integer({ min: 0, max: 10_000 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
  )
  .map(([start, added, t]) => ({ start, added, end: added + Math.round(t * start) }));

describe('CHURN_RATE and RETENTION_RATE maths', () => {
  it('worked example: S = 200, N = 40, E = 190 → retention (190 − 40)/200 = 0.75, churn (200 + 40 − 190)/200 = 0.25', () => {
    expect(retentionRate(200, 190, 40)).toBe(0.75);
    expect(churnRate(200, 190, 40)).toBe(0.25);
  });

  it('churn without new customers is (start − end)/start: 200 → 180 loses 20, 10 %', () => {
    expect(churnRate(200, 180)).toBe(0.1);
    expect(churnRate(200, 180, 0)).toBe(0.1);
    expect(churnRate(50, 50)).toBe(0);
    expect(churnRate(50, 0)).toBe(1);
  });

  it('rejects counts that cannot be real, saying why', () => {
    expect(refusalIn('CHURN_RATE', () => churnRate(0, 10))).toBe(
      'CHURN_RATE: customers_start is 0; it must be greater than 0 (it is divided by).',
    );
    expect(refusalIn('CHURN_RATE', () => churnRate(-5, 10))).toMatch(
      /^CHURN_RATE: customers_start is -5; it must be greater than 0/,
    );
    expect(refusalIn('CHURN_RATE', () => churnRate(200, 250, 40))).toMatch(
      /^CHURN_RATE: customers_end \(250\) is more than customers_start \+ new_customers \(200 \+ 40 = 240\)/,
    );
    expect(refusalIn('CHURN_RATE', () => churnRate(200, 201))).toMatch(
      /customers_end \(201\) is more than customers_start \+ new_customers \(200 \+ 0 = 200\)/,
    );
    expect(refusalIn('RETENTION_RATE', () => retentionRate(200, 40, 50))).toMatch(
      /^RETENTION_RATE: new_customers \(50\) is more than customers_end \(40\)/,
    );
    expect(refusalIn('RETENTION_RATE', () => retentionRate(0, 40, 10))).toMatch(
      /^RETENTION_RATE: customers_start is 0/,
    );
    expect(refusalIn('CHURN_RATE', () => churnRate(100, 50, -1))).toMatch(
      /^CHURN_RATE: new_customers is -1; a number of customers cannot be negative/,
    );
    expect(refusalIn('CHURN_RATE', () => churnRate(100, -1))).toMatch(
      /^CHURN_RATE: customers_end is -1; a number of customers cannot be negative/,
    );
  });

  it('has a Spanish message for every inconsistency', () => {
    expect(refusalIn('CHURN_RATE', () => churnRate(200, 250, 40), 'es')).toMatch(
      /^CHURN_RATE: customers_end \(250\) es mayor que customers_start \+ new_customers \(200 \+ 40 = 240\): al final no puede haber más clientes/,
    );
    expect(refusalIn('RETENTION_RATE', () => retentionRate(200, 40, 50), 'es')).toMatch(
      /^RETENTION_RATE: new_customers \(50\) es mayor que customers_end \(40\): los clientes al final incluyen a los nuevos/,
    );
    expect(refusalIn('CHURN_RATE', () => churnRate(0, 4), 'es')).toBe(
      'CHURN_RATE: customers_start es 0; debe ser mayor que 0 (se divide entre él).',
    );
    expect(refusalIn('CHURN_RATE', () => churnRate(10, 4, -2), 'es')).toBe(
      'CHURN_RATE: new_customers es -2; un número de clientes no puede ser negativo.',
    );
  });

  it('property: for real counts churn and retention are in [0, 1] and add up to 1', () => {
    fc.assert(
      fc.property(validCounts, ({ start, end, added }) => {
        const churn = churnRate(start, end, added);
        const retention = retentionRate(start, end, added);
        expect(churn).toBeGreaterThanOrEqual(0);
        expect(churn).toBeLessThanOrEqual(1);
        expect(retention).toBeGreaterThanOrEqual(0);
        expect(retention).toBeLessThanOrEqual(1);
        expect(churn + retention).toBeCloseTo(1, 12);
      }),
    );
  });

  it('property: counts that cannot be real raise a catalogue error; churn ≥ 0, and ≤ 1 unless new customers left too', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 300 }),
        fc.integer({ min: -50, max: 300 }),
        fc.integer({ min: -50, max: 300 }),
        (start, end, added) => {
          // FUNCTIONS.md: CHURN_RATE's errors are start ≤ 0 and end > start + new (plus negative counts)
          const churnValid = start > 0 && added >= 0 && end >= 0 && end <= start + added;
          if (churnValid) {
            const churn = churnRate(start, end, added);
            expect(churn).toBeGreaterThanOrEqual(0);
            if (end >= added) expect(churn).toBeLessThanOrEqual(1);
          } else refusalIn('CHURN_RATE', () => churnRate(start, end, added));
          // retention also needs the new customers among the end ones
          if (churnValid && end >= added)
            expect(retentionRate(start, end, added)).toBeCloseTo(1 - churnRate(start, end, added), 12);
          else refusalIn('RETENTION_RATE', () => retentionRate(start, end, added));
        },
      ),
    );
  });

  it('FUNCTIONS.md: new customers who also left count as churn (10 at start, 5 new, 3 at end → 1.2)', () => {
    expect(churnRate(10, 3, 5)).toBeCloseTo(1.2, 12);
  });
});

describe('customer churn from orders', () => {
  it('hand example: February 2024 (29 days) against 3–31 January', () => {
    // previous window = [Feb 1 − 29 days, Feb 1) = Jan 3 … Jan 31: a (Jan 5), b (Jan 20), c (Jan 25);
    // a and c ordered in February, b did not → 1 of 3 churned. d ordered on Jan 2 only: outside both windows.
    const ids = ['a', 'b', 'c', 'a', 'c', 'd'];
    const days = ['2024-01-05', '2024-01-20', '2024-01-25', '2024-02-10', '2024-02-03', '2024-01-02'].map(day);
    const churn = customerChurn(ids, days, day('2024-02-01'), day('2024-02-29'));
    expect(churn).toEqual({
      previousStart: day('2024-01-03'),
      previousEnd: day('2024-01-31'),
      previousCustomers: 3,
      retained: 2,
      churned: 1,
      rate: 1 / 3,
    });
  });

  it('both ends of the period and of the previous window count', () => {
    // period = days 10…14 (5 days), previous = 5…9
    const churn = customerChurn(['x', 'y', 'x', 'y', 'z'], [5, 9, 14, 15, 4], 10, 14);
    // x: day 5 (previous) and 14 (period) → retained; y: day 9 (previous), 15 is after the period → churned; z: day 4, too early
    expect([churn.previousCustomers, churn.retained, churn.churned]).toEqual([2, 1, 1]);
  });

  it('gives a null rate when nobody ordered in the previous window', () => {
    expect(customerChurn(['a'], [20], 10, 14).rate).toBeNull();
  });

  it('property: the rate is in [0, 1], agrees with a direct count and ignores row order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), fc.integer({ min: 0, max: 40 })), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.integer({ min: 10, max: 30 }),
        fc.integer({ min: 0, max: 10 }),
        (orders, start, extra) => {
          const end = start + extra;
          const length = end - start + 1;
          const churn = customerChurn(
            orders.map((o) => o[0]),
            orders.map((o) => o[1]),
            start,
            end,
          );
          const before = new Set(orders.filter(([, d]) => d >= start - length && d < start).map(([c]) => c));
          const during = new Set(orders.filter(([, d]) => d >= start && d <= end).map(([c]) => c));
          const lost = [...before].filter((c) => !during.has(c)).length;
          expect(churn.rate).toBe(before.size ? lost / before.size : null);
          const reversed = [...orders].reverse();
          expect(
            customerChurn(
              reversed.map((o) => o[0]),
              reversed.map((o) => o[1]),
              start,
              end,
            ),
          ).toEqual(churn);
        },
      ),
    );
  });
});

describe('repeat rate', () => {
  it('hand example: a ×3, b ×2, c ×1 → 2 of 3 customers repeat', () => {
    expect(repeatRate(['a', 'b', 'a', 'c', 'b', 'a'])).toBeCloseTo(2 / 3, 15);
    expect(repeatRate(['a'])).toBe(0);
    expect(repeatRate(['a', 'a'])).toBe(1);
  });

  it('property: in [0, 1], independent of order', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 2 }), { minLength: 1, maxLength: 80 }), (ids) => {
        const rate = repeatRate(ids);
        expect(rate).toBeGreaterThanOrEqual(0);
        expect(rate).toBeLessThanOrEqual(1);
        expect(repeatRate([...ids].reverse())).toBe(rate);
      }),
    );
  });

  it('property: repeatRateByDay(ids, days).at(end) is exactly repeatRate of the orders dated end or before', () => {
    const order = fc.tuple(fc.string({ maxLength: 2 }), fc.integer({ min: 0, max: 30 }));
    fc.assert(
      fc.property(fc.array(order, { maxLength: 80 }), fc.integer({ min: -1, max: 31 }), (orders, end) => {
        const ids = orders.map(([id]) => id);
        const days = orders.map(([, d]) => d);
        const soFar = orders.filter(([, d]) => d <= end).map(([id]) => id);
        expect(repeatRateByDay(ids, days).at(end)).toBe(soFar.length ? repeatRate(soFar) : null);
      }),
    );
  });
});
