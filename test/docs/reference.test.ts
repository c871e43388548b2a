/**
 * docs/functions.md is generated from the declarations and JSDoc (one source of truth), and every
 * @example in it is run through the built bundle: an example that is wrong fails here.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseExample } from '../../scripts/examples.mjs';
import { errorExamples } from '../../scripts/error-examples';
import { renderFunctionsDoc } from '../../scripts/gen-docs.mjs';
import { isoDateIn, TEST_SPREADSHEET_ZONE } from '../emulator';
import { addOn } from '../support/addon';
import { API } from '../support/catalogue';

const customFunctions = API.functions;

describe('docs/functions.md', () => {
  it('is up to date with the declarations and JSDoc (run `npm run docs` after changing a function)', () => {
    expect(fs.readFileSync('docs/functions.md', 'utf8')).toBe(
      renderFunctionsDoc(customFunctions, errorExamples(customFunctions)),
    );
  });

  it('documents every custom function with syntax, arguments, result, definition, source and an example', () => {
    const doc = fs.readFileSync('docs/functions.md', 'utf8');
    for (const fn of customFunctions) {
      const section = doc.slice(doc.indexOf(`### ${fn.name}\n`));
      expect(section, fn.name).toContain(`${fn.name}(`);
      for (const param of fn.params) expect(section, `${fn.name} ${param.name}`).toContain(`\`${param.name}\``);
      expect(fn.returns, `${fn.name} @return`).not.toBe('');
      expect(fn.formula.length, `${fn.name} @formula`).toBeGreaterThan(0);
      expect(fn.source.length, `${fn.name} @source`).toBeGreaterThan(0);
      expect(section, `${fn.name} Spanish description`).toContain(fn.descriptionEs);
    }
  });

  it('shows, for every function, real error messages produced by bad input', () => {
    const errors = errorExamples(customFunctions);
    for (const fn of customFunctions) {
      expect(errors[fn.name]?.length, `${fn.name} errors`).toBeGreaterThan(0);
      for (const message of errors[fn.name]) {
        expect(message.startsWith(`${fn.name}`), message).toBe(true);
        expect(message).not.toMatch(/internal error/i);
      }
    }
  });
});

/** How a result cell reads in the docs: dates as yyyy-mm-dd in the spreadsheet zone. */
function shown(value: unknown): string | number {
  if (Object.prototype.toString.call(value) === '[object Date]') return isoDateIn(value as Date, TEST_SPREADSHEET_ZONE);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value as string | number;
}

/** Compares a result cell with the documented text, numbers to the decimals written. */
function expectCell(actual: unknown, documented: string, where: string): void {
  const value = shown(actual);
  if (typeof value === 'number' && documented !== '' && !Number.isNaN(Number(documented))) {
    const decimals = (documented.split('.')[1] ?? '').length;
    expect(Math.abs(value - Number(documented)), `${where}: ${value} vs documented ${documented}`).toBeLessThanOrEqual(
      0.5 * 10 ** -decimals + 1e-9,
    );
  } else {
    expect(String(value), where).toBe(documented);
  }
}

describe('every documented example gives the documented result through the bundle', () => {
  const { fx } = addOn();
  for (const fn of customFunctions) {
    for (const text of fn.examples) {
      const example = parseExample(text);
      it(example.formula, () => {
        expect(example.name).toBe(fn.name);
        const result = fx[example.name](...example.args);
        const grid: unknown[][] = Array.isArray(result) ? result : [[result]];
        expect(grid.length, `${example.formula}: rows`).toBe(example.expected.length);
        grid.forEach((row, r) => {
          expect(row.length, `${example.formula} row ${r + 1}: columns`).toBe(example.expected[r].length);
          row.forEach((cell, c) =>
            expectCell(cell, example.expected[r][c], `${example.formula} row ${r + 1} column ${c + 1}`),
          );
        });
      });
    }
  }
});
