/**
 * A1 notation and range geometry, against the forms Google documents for `getRange(a1Notation)`
 * (https://developers.google.com/sheets/api/guides/concepts#cell: `Sheet1!A1:B2`, `A:A`, `1:2`,
 * `A5:A`, `'My Custom Sheet'!A:A`) and `Range.offset`.
 */
import { describe, expect, it } from 'vitest';
import { a1OfRect, parseA1, quoteSheetName, splitSheetReference, Workbook } from './index';

describe('A1 notation', () => {
  it('parses cells, blocks, whole columns/rows, open-ended and R1C1 references', () => {
    expect(parseA1('B3', 1000, 26)).toEqual({ row: 3, column: 2, numRows: 1, numColumns: 1 });
    expect(parseA1('$A$1:$C$4', 1000, 26)).toEqual({ row: 1, column: 1, numRows: 4, numColumns: 3 });
    expect(parseA1('D9:B2', 1000, 26)).toEqual({ row: 2, column: 2, numRows: 8, numColumns: 3 });
    expect(parseA1('A:C', 1000, 26)).toMatchObject({ row: 1, column: 1, numRows: 1000, numColumns: 3, openRows: true });
    expect(parseA1('2:5', 1000, 26)).toMatchObject({
      row: 2,
      column: 1,
      numRows: 4,
      numColumns: 26,
      openColumns: true,
    });
    // A5:A — column A from row 5 to the last row (1000 - 5 + 1 = 996 rows)
    expect(parseA1('A5:A', 1000, 26)).toMatchObject({ row: 5, column: 1, numRows: 996, numColumns: 1 });
    expect(parseA1('AA10', 1000, 26)).toMatchObject({ column: 27 });
    expect(parseA1('R2C3:R4C5', 1000, 26)).toEqual({ row: 2, column: 3, numRows: 3, numColumns: 3 });
    for (const bad of ['', 'A0', '1A', 'A1:', '!!', 'A1:B2:C3'])
      expect(() => parseA1(bad, 1000, 26), bad).toThrow('Range not found');
  });

  it('splits and quotes sheet names as A1 notation does', () => {
    expect(splitSheetReference("'My sheet'!A1:B2")).toEqual({ sheetName: 'My sheet', a1: 'A1:B2' });
    expect(splitSheetReference("'It''s'!C3")).toEqual({ sheetName: "It's", a1: 'C3' });
    expect(splitSheetReference('Orders!A:A')).toEqual({ sheetName: 'Orders', a1: 'A:A' });
    expect(splitSheetReference('B2')).toEqual({ a1: 'B2' });
    expect(quoteSheetName('Orders')).toBe('Orders');
    expect(quoteSheetName('KPI Summary')).toBe("'KPI Summary'");
    expect(quoteSheetName("It's")).toBe("'It''s'");
    expect(quoteSheetName('A1')).toBe("'A1'");
    expect(a1OfRect({ row: 2, column: 2, numRows: 3, numColumns: 2 })).toBe('B2:C4');
    expect(a1OfRect({ row: 1, column: 1, numRows: 1000, numColumns: 2, openRows: true })).toBe('A:B');
  });

  it('resolves sheet-qualified references through Spreadsheet.getRange', () => {
    const wb = new Workbook({
      sheets: {
        Orders: [['a']],
        'My sheet': [
          ['x', 'y'],
          ['z', 'w'],
        ],
      },
    });
    const range = wb.spreadsheet.getRange("'My sheet'!A1:B2");
    expect(range.getSheet().getName()).toBe('My sheet');
    expect(range.getValues()).toEqual([
      ['x', 'y'],
      ['z', 'w'],
    ]);
    expect(range.getA1Notation()).toBe('A1:B2');
    expect(() => wb.spreadsheet.getRange('Nope!A1')).toThrow('Range not found');
  });

  it('offsets a range by rows and columns, keeping or changing its size', () => {
    const wb = new Workbook({ sheets: { S: [[1]] } });
    const sheet = wb.spreadsheet.getSheetByName('S')!;
    const b2c3 = sheet.getRange('B2:C3');
    expect(b2c3.offset(1, 2).getA1Notation()).toBe('D3:E4');
    expect(b2c3.offset(-1, -1, 1).getA1Notation()).toBe('A1:B1');
    expect(b2c3.offset(0, 0, 4, 1).getA1Notation()).toBe('B2:B5');
    expect(sheet.getRange(5, 3, 2, 4).getA1Notation()).toBe('C5:F6');
    expect(b2c3.getCell(2, 2).getA1Notation()).toBe('C3');
    expect(() => b2c3.offset(-2, 0)).toThrow('The starting row of the range is too small.');
    expect(() => b2c3.offset(0, 30)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
  });
});
