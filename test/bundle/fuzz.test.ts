/**
 * Every custom function, through the built bundle, on input nobody planned for: whatever a user
 * leaves in the cells (blanks, text, error values, booleans, dates, huge or tiny numbers), a formula
 * returns a result or throws one catalogue sentence that starts with its name — never a raw
 * JavaScript error, never the "internal error" fallback, and never Infinity, NaN or undefined in a
 * result or a message. The arity of each function comes from its declaration.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExample } from '../../scripts/examples.mjs';
import { addOn } from '../support/addon';
import { API } from '../support/catalogue';

const { fx } = addOn();

/** Finite numbers at the edges of what a double holds, and text that reads as one. */
const EXTREMES: unknown[] = [
  1e308,
  -1e308,
  5e-324,
  -5e-324,
  1e-300,
  2 ** 53,
  1.7976931348623157e308,
  '1e308',
  '1e999',
  '-1e999',
];

/** Any cell a user might leave in a range. */
const cell = fc.oneof(
  fc.constant(''),
  fc.string({ maxLength: 6 }),
  fc.constantFrom('#N/A', '#DIV/0!', '#VALUE!', '#REF!', 'N/A', '2024-02-30', '2024-03-01', '1e400', '-1', '1', 'TRUE'),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -5, max: 2000 }),
  fc.boolean(),
  fc.date({ min: new Date('1990-01-01'), max: new Date('2030-01-01') }),
  fc.constantFrom(...EXTREMES),
);
const range = fc.oneof(cell, fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }));

/** What a call gave: its result, or its message. */
function outcome(name: string, args: unknown[]): { result?: unknown; message?: string } {
  try {
    return { result: fx[name](...args) };
  } catch (error) {
    return { message: (error as Error).message };
  }
}

/** Every cell of a result: one value or a table. */
function cellsOf(result: unknown): unknown[] {
  return Array.isArray(result) ? (result as unknown[]).flat(2) : [result];
}

/** The rules every outcome follows. */
function expectSound(name: string, args: unknown[]): void {
  const { result, message } = outcome(name, args);
  const where = `${name}(${JSON.stringify(args).slice(0, 300)})`;
  if (message !== undefined) {
    expect(message.startsWith(`${name}:`) || message.startsWith(`${name} `), `${where}: ${message}`).toBe(true);
    expect(message, where).not.toMatch(/internal error|error interno|Infinity|NaN|undefined/);
    return;
  }
  for (const value of cellsOf(result)) {
    expect(value === undefined || value === null, `${where}: a result cell is ${value}`).toBe(false);
    if (typeof value === 'number') expect(Number.isFinite(value), `${where}: a result cell is ${value}`).toBe(true);
  }
}

/** Fits are slow on random data; the other formulas take many more runs. */
const runsOf = (family: string) => (family === 'predictive' ? 40 : 200);

describe('random input never produces a raw JavaScript error, Infinity or NaN', () => {
  for (const fn of API.functions) {
    it(`${fn.name}: a result or a catalogue message starting with ${fn.name}`, () => {
      fc.assert(
        fc.property(fc.array(range, { minLength: fn.params.length, maxLength: fn.params.length }), (args) => {
          expectSound(fn.name, args);
        }),
        { numRuns: runsOf(fn.family) },
      );
    });
  }
});

describe('extreme finite input never produces Infinity, NaN or an internal error', () => {
  /** The documented example with one numeric cell (or value) of one argument replaced by an extreme. */
  function* variants(example: unknown[]): Generator<unknown[]> {
    for (let a = 0; a < example.length; a++) {
      const arg = example[a];
      for (const extreme of EXTREMES) {
        if (Array.isArray(arg)) {
          const cells = (arg as unknown[][]).flatMap((row, r) => row.map((v, c) => ({ v, r, c })));
          const numeric = cells.filter((x) => typeof x.v === 'number');
          for (const target of numeric.slice(0, 3)) {
            const copy = (arg as unknown[][]).map((row) => row.slice());
            copy[target.r][target.c] = extreme;
            yield example.map((x, i) => (i === a ? copy : x));
          }
        } else if (typeof arg === 'number') {
          yield example.map((x, i) => (i === a ? extreme : x));
        }
      }
    }
  }

  let tried = 0;
  for (const fn of API.functions) {
    it(`${fn.name}`, () => {
      const example = parseExample(fn.examples[0]).args;
      for (const args of variants(example)) {
        tried++;
        expectSound(fn.name, args);
      }
    });
  }
  it('tried a few hundred extreme calls', () => {
    expect(tried).toBeGreaterThan(300);
    console.info(`fuzz: ${API.functions.length} functions, ${tried} extreme-value calls`);
  });
});
