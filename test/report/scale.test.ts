/**
 * The report's spreadsheet service calls do not grow with the data (issue 4, "Reads each source
 * sheet with one getValues() call … a test asserts the same call count for 1 000 and 100 000
 * orders"), end to end through the built bundle. Run `npm run build` first.
 */
import { describe, expect, it } from 'vitest';
import { generateSample } from '../../demo/sample/generator';
import { generateRequest, reportRig, wire, ZONE } from '../support/report';

/** Per-method service calls of one `wizardGenerate` (the first, which creates the report sheet). */
function generateCalls(orders: number): { calls: Record<string, number>; sheets: number; result: any } {
  const { sheets } = generateSample({ customers: 2000, orders, timeZone: ZONE });
  const rig = reportRig(sheets);
  const request = wire(generateRequest(rig));
  rig.workbook.calls.reset();
  const result = wire(rig.fx.wizardGenerate(request));
  return { calls: rig.workbook.calls.byMethod(), sheets: Object.keys(sheets).length, result };
}

describe('service calls of wizardGenerate', () => {
  it('are the same, method by method, for 1 000 and 100 000 orders', () => {
    const small = generateCalls(1000);
    const big = generateCalls(100_000);
    expect(big.result.headline.find((k: { key: string }) => k.key === 'revenue')).toBeTruthy();
    // The same calls at both sizes, method by method, except two bounded by the code, not the data:
    // growing a sheet's grid (at most one insert per sheet), and setting number formats (one call per
    // distinct format of a sheet — the report uses fewer than 15).
    const bounded = ['Sheet.insertRowsAfter', 'Sheet.getMaxRows', 'Sheet.getRangeList', 'RangeList.setNumberFormat'];
    const without = (calls: Record<string, number>) =>
      Object.fromEntries(Object.entries(calls).filter(([method]) => !bounded.includes(method)));
    expect(without(big.calls)).toEqual(without(small.calls));
    const sheets = big.calls['Sheet.setFrozenRows'];
    expect(big.calls['Sheet.insertRowsAfter'] ?? 0).toBeLessThanOrEqual(sheets);
    expect(big.calls['RangeList.setNumberFormat']).toBeLessThan(15 * sheets);
    // Each source sheet is read with one getValues, and the report is written in one block call per property
    // (number formats: one call per distinct format, so unformatted cells keep Sheets' automatic format).
    expect(small.calls['Range.getValues']).toBe(small.sheets);
    // The report, its lists, the version to share and the history.
    expect(small.calls['Range.setValues']).toBe(4);
    expect(small.calls['Range.setNumberFormats']).toBeUndefined();
    expect(small.calls['Sheet.getRangeList']).toBe(small.calls['RangeList.setNumberFormat']);
    expect(small.calls['RangeList.setNumberFormat']).toBeGreaterThan(1);
    expect(small.calls['RangeList.setNumberFormat']).toBeLessThan(15 * 4);
    expect(small.calls['Range.setBackgrounds']).toBe(4);
    // Eight charts in the report and eight in the version to share (NPS, customers, MRR, RFM, drivers,
    // support, and beside their tables the LTV curves and the projection), and four in the history.
    expect(small.calls['Sheet.insertChart']).toBe(20);
    console.info(`wizardGenerate service calls: ${JSON.stringify(small.calls)}`);
    const total = Object.values(small.calls).reduce((a, b) => a + b, 0);
    // A budget set by the code, not the data (the same at both sizes, checked above): each chart takes
    // about nine builder calls, and the growth sections added three charts to each report sheet.
    expect(total).toBeLessThan(600);
  });
});
