/**
 * Google Sheets caps a file at 10 million cells, empty ones included. A report whose complete lists
 * would cross that line is still written: the lists sheet holds the first rows of the longest lists
 * (each sorted by what to act on first), the report says how many of each, the result card warns,
 * and the file stays within the limit. Run `npm run build` first.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitListRows } from '../../src/report/compose/lists';
import { CELL_LIMIT } from '../emulator';
import { generateSample } from '../../demo/sample/generator';
import { copySheets, generate, listsTable, reportLists, reportRig, roleView, ZONE } from '../support/report';

/** Cells the file counts: every cell of every sheet. */
const fileCells = (rig: ReturnType<typeof reportRig>) =>
  rig.workbook.sheetNames().reduce((sum, name) => {
    const sheet = rig.workbook.sheet(name);
    return sum + sheet.getMaxRows() * sheet.getMaxColumns();
  }, 0);

describe('fitListRows shares the room out', () => {
  it('keeps short lists whole and gives the longer ones equal shares', () => {
    expect(fitListRows([5, 300, 1000], 305)).toEqual([5, 150, 150]);
    expect(fitListRows([5, 300, 1000], 2000)).toEqual([5, 300, 1000]);
    expect(fitListRows([40, 40], 0)).toEqual([0, 0]);
  });

  it('never exceeds the room or a list, uses all the room it can, and cuts no list below a whole one', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(5000), { maxLength: 8 }), fc.nat(20_000), (counts, room) => {
        const fitted = fitListRows(counts, room);
        const total = counts.reduce((a, b) => a + b, 0);
        const written = fitted.reduce((a, b) => a + b, 0);
        fitted.forEach((rows, i) => expect(rows).toBeLessThanOrEqual(counts[i]));
        expect(written).toBeLessThanOrEqual(Math.min(room, total));
        // Only the rounding of equal shares is left over.
        expect(written).toBeGreaterThanOrEqual(Math.min(room, total) - Math.max(counts.length - 1, 0));
        // A cut list has at least as many rows as any other list written.
        fitted.forEach((rows, i) => {
          if (rows < counts[i]) for (const other of fitted) expect(other).toBeLessThanOrEqual(rows + 1);
        });
      }),
    );
  });
});

describe('a report at the cell limit', () => {
  const shop = generateSample({ customers: 4000, orders: 16_000, timeZone: ZONE });

  it('writes the first rows of the longest lists, says how many, warns, and stays within the limit', () => {
    // A first report in a workbook with room, to know what the complete lists take.
    const roomy = reportRig(copySheets(shop.sheets));
    const complete = generate(roomy);
    expect(complete.warnings).toEqual([]);
    const lists = roleView(roomy, 'lists').sheet;
    const allRows = listsTable(roleView(roomy, 'lists'));
    const listColumns = lists.getMaxColumns();
    const others = fileCells(roomy) - lists.getMaxRows() * listColumns;

    // The same shop beside a sheet that leaves room for 3 000 rows of lists (a new lists sheet needs the
    // 26 000 cells of a fresh sheet for a moment: less room than that, and the run stops unchanged).
    const room = 3000;
    expect(allRows.length).toBeGreaterThan(room + 1000);
    const tight = reportRig({ ...copySheets(shop.sheets), Archive: [['old data']] });
    const fillerRows = Math.floor((CELL_LIMIT - others - (room + 3) * listColumns) / 26);
    tight.workbook.sheet('Archive').ensureSize(fillerRows, 26);
    // What is left once the Archive is there (its rows are whole: a few cells more than asked for).
    const rowsLeft = Math.floor((CELL_LIMIT - others - fillerRows * 26) / listColumns) - 3;
    const result = generate(tight);

    expect(fileCells(tight)).toBeLessThanOrEqual(CELL_LIMIT);
    expect(result.warnings).toEqual([
      'The report is written, but Google Sheets’ limit of 10 million cells in a file left room for only the first ' +
        `rows of the longest lists in “${lists.getName()}”: the report says how many. Free some room and generate it ` +
        'again to have them all.',
    ]);
    const written = listsTable(roleView(tight, 'lists'));
    expect(written.length).toBeLessThanOrEqual(rowsLeft);
    expect(written.length).toBeGreaterThan(rowsLeft - 8); // what equal shares leave over
    expect(written.length).toBeLessThan(allRows.length);
    const report = reportLists(roleView(tight, 'report'));
    for (const list of report) {
      const rows = written.filter((r) => r.list === list.title);
      const all = allRows.filter((r) => r.list === list.title);
      expect(rows.length, list.title).toBeLessThanOrEqual(list.count);
      // The first rows of the complete list, in the same order.
      expect(
        rows.map((r) => r.customerId),
        list.title,
      ).toEqual(all.slice(0, rows.length).map((r) => r.customerId));
      if (list.count <= 10) continue;
      expect(list.after, list.title).toBe(
        rows.length < list.count
          ? `10 of ${list.count} — the first ${rows.length} in “${lists.getName()}”: Google Sheets’ limit of 10 million ` +
              'cells in a file leaves no room for more.'
          : `10 of ${list.count} — all of them in “${lists.getName()}”.`,
      );
    }
    // The longest list is the one cut.
    const longest = report.reduce((a, b) => (b.count > a.count ? b : a));
    expect(written.filter((r) => r.list === longest.title).length).toBeLessThan(longest.count);
  });
});
