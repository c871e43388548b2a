/**
 * Every custom function is declared, documented (English and Spanish), and has a benchmark entry:
 * adding a function without one of them fails here, not months later in a stale table.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FAMILIES as BENCH_FAMILIES } from '../../bench/catalogue';
import { FORMULAS } from '../../src/sheets/functions/catalogue';
import { API } from '../support/catalogue';

const declared = Object.keys(FORMULAS).sort();

describe('the catalogue of custom functions', () => {
  it('has a declaration, a JSDoc and a Spanish description for every public custom function', () => {
    expect(API.functions.map((fn) => fn.name).sort()).toEqual(declared);
    for (const fn of API.functions) {
      expect(fn.file, `${fn.name}: no JSDoc found above its declaration`).not.toBe('');
      expect(fn.descriptionEs, `${fn.name}: Spanish description`).not.toBe('');
      expect(fn.descriptionEs, `${fn.name}: the Spanish description repeats the English one`).not.toBe(fn.description);
      for (const p of fn.params) expect(p.docEs, `${fn.name} ${p.name}: Spanish description`).not.toBe('');
    }
  });

  it('has a section in docs/functions.md for every function, and none for a function that is gone', () => {
    const doc = fs.readFileSync('docs/functions.md', 'utf8');
    const sections = [...doc.matchAll(/^### ([A-Z][A-Z0-9_]*)$/gm)].map((m) => m[1]).sort();
    expect(sections).toEqual(declared);
  });

  it('has exactly one benchmark entry per function', () => {
    const benched = BENCH_FAMILIES.flatMap((family) => family.cases.map((c) => c.fn)).sort();
    expect(benched).toEqual(declared);
  });
});
