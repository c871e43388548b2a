/**
 * Random ranges into the revenue, funnel and health formulas through the built bundle: whatever a
 * user leaves in the cells (blanks, text, error values, booleans, dates, huge or negative numbers),
 * a formula returns a result or throws one catalogue sentence that starts with its name — never a
 * raw JavaScript error and never the "internal error" fallback.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addOn } from '../support/addon';

const { fx } = addOn();

/** Each formula with its number of parameters. */
const ARITY: Record<string, number> = {
  CPS: 2,
  LTV: 4,
  SAAS_LTV: 3,
  LTV_CAC: 2,
  REVENUE_RETENTION: 3,
  REVENUE_CHURN: 3,
  MRR: 5,
  MRR_MOVEMENTS: 6,
  CONVERSION_RATE: 2,
  CART_ABANDONMENT: 2,
  HEALTH_SCORE: 3,
  HEALTH_BAND: 3,
};

/** Any cell a user might leave in a range. */
const cell = fc.oneof(
  fc.constant(''),
  fc.string({ maxLength: 6 }),
  fc.constantFrom('#N/A', '#DIV/0!', '#VALUE!', '#REF!', 'N/A', '2024-02-30', '2024-03-01', '1e400', '-1', '1'),
  fc.double(),
  fc.integer({ min: -5, max: 2000 }),
  fc.boolean(),
  fc.date({ min: new Date('1990-01-01'), max: new Date('2030-01-01') }),
);
const range = fc.oneof(cell, fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }));

describe('random input never produces a raw JavaScript error', () => {
  for (const name of Object.keys(ARITY)) {
    it(`${name}: a result or a catalogue message starting with ${name}`, () => {
      fc.assert(
        fc.property(fc.array(range, { minLength: ARITY[name], maxLength: ARITY[name] }), (args) => {
          let message: string | undefined;
          try {
            fx[name](...args);
          } catch (error) {
            message = (error as Error).message;
          }
          if (message !== undefined) {
            expect(message.startsWith(`${name}:`) || message.startsWith(`${name} `), message).toBe(true);
            expect(message).not.toMatch(/internal error/);
          }
        }),
        { numRuns: 300 },
      );
    });
  }
});
