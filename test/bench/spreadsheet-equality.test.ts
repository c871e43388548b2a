/**
 * The benchmark's correctness checks at a tiny size: Fideliza's formulas (through the built bundle)
 * and the spreadsheet-formula way evaluated by HyperFormula (COUNTIF for NPS and CSAT, a COUNTIFS
 * cohort grid with MINIFS/COUNTIFS helper columns and its sorted-data variant, SUMIFS monthly MRR)
 * must give the same numbers on the same synthetic data. `npm run bench` runs the same checks at
 * full size; this keeps a broken comparison from reaching it. Run `npm run build` first.
 */
import { describe, expect, it } from 'vitest';
import { checkAll, COMPARISONS, type Fx } from '../../bench/spreadsheet';
import { loadBundle, Workbook } from '../emulator';

describe('bench: Fideliza vs the spreadsheet formulas', () => {
  it('agree on every comparison at 400 rows', () => {
    const fx = loadBundle(new Workbook({ timeZone: 'America/Los_Angeles' }).globals()) as Fx;
    const checked = checkAll(fx, 400);
    expect(checked).toHaveLength(COMPARISONS.length);
    // Each comparison really compared something (a cohort triangle has dozens of cells).
    expect(checked[2]).toMatch(/\d+ cohorts, \d{2,} retention cells/);
    expect(checked[4]).toMatch(/3[6-9] months of ending MRR/);
  });

  it('fails loudly when the two sides differ', () => {
    const fx = loadBundle(new Workbook({ timeZone: 'America/Los_Angeles' }).globals()) as Fx;
    const off: Fx = { ...fx, NPS: (...args: unknown[]) => fx.NPS(...args) + 0.5 };
    expect(() => checkAll(off, 50)).toThrow(/BENCH CHECK FAILED — NPS of 50 answers/);
  });
});
