/**
 * Values as Sheets stores and returns them: `getValues()` gives `''` for blanks, numbers, booleans
 * and Dates (https://developers.google.com/apps-script/reference/spreadsheet/range#getValues);
 * `setValues`/`setValue` read strings as user entry (a leading `=` is a formula, `+`/`-` that are
 * not numbers too, an apostrophe forces text, a plain-text `@` format keeps text), see ./entry.ts;
 * number formats round-trip and drive `getDisplayValues()`.
 */
import { describe, expect, it } from 'vitest';
import { FORMULA_VALUE, isoDateIn, sheetDate, Workbook } from './index';

function sheetOf(options: ConstructorParameters<typeof Workbook>[0] = {}) {
  const wb = new Workbook({ sheets: { S: [] }, ...options });
  return { wb, sheet: wb.spreadsheet.getSheetByName('S')! };
}

describe('values', () => {
  it('returns blanks as empty strings and dates as Date objects', () => {
    const date = sheetDate('2024-03-31', 'America/Los_Angeles');
    const wb = new Workbook({
      sheets: {
        S: [
          ['id', 'when'],
          [7, date],
          [true, null],
        ],
      },
    });
    const values = wb.spreadsheet.getRange('S!A1:C3').getValues();
    expect(values).toEqual([
      ['id', 'when', ''],
      [7, date, ''],
      [true, '', ''],
    ]);
    expect(Object.prototype.toString.call(values[1][1])).toBe('[object Date]');
    values[1][1].setFullYear(1999); // a copy: the cell keeps its date
    expect(isoDateIn(wb.spreadsheet.getRange('S!B2').getValue(), 'America/Los_Angeles')).toBe('2024-03-31');
  });

  it('returns the type the number format gives: a date format reads as a Date, a number format as a number', () => {
    const zone = 'Europe/Madrid';
    const { sheet } = sheetOf({ timeZone: zone });
    const date = sheetDate('2024-03-31', zone);
    sheet.getRange('A1:D1').setValues([[date, 45382, 45382.75, 0.5]]);
    // Automatic format: as entered.
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[date, 45382]]);
    // A date shown as a number is its serial (days since 1899-12-30 on the zone's clocks).
    sheet.getRange('A1').setNumberFormat('0.00');
    expect(sheet.getRange('A1').getValue()).toBe(45382);
    // A number shown as a date or date-time is that day on the zone's clocks.
    sheet.getRange('B1:C1').setNumberFormats([['dd/mm/yyyy', 'yyyy-mm-dd hh:mm']]);
    const [b, c] = sheet.getRange('B1:C1').getValues()[0] as Date[];
    expect(b).toEqual(date);
    expect(c).toEqual(sheetDate('2024-03-31 18:00', zone));
    // A duration reads as a time after 1899-12-30.
    sheet.getRange('D1').setNumberFormat('[h]:mm:ss');
    expect(isoDateIn(sheet.getRange('D1').getValue(), zone)).toBe('1899-12-30');
    // The display follows the format either way.
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['45382.00', '31/03/2024']]);
  });

  it('reads strings as user entry: formulas, numbers, booleans, percents, ISO dates', () => {
    const { sheet } = sheetOf();
    const range = sheet.getRange('A1:H1');
    range.setValues([['=SUM(B1:C1)', '42', '-3.5', '1e3', 'TRUE', '12%', '2024-03-31', 'plain text']]);
    const values = range.getValues();
    expect(values.slice(0, 1)).toEqual([[FORMULA_VALUE, 42, -3.5, 1000, true, 0.12, values[0][6], 'plain text']]);
    expect(isoDateIn(values[0][6], 'America/Los_Angeles')).toBe('2024-03-31');
    expect(range.getFormulas()).toEqual([['=SUM(B1:C1)', '', '', '', '', '', '', '']]);
    expect(range.getNumberFormats()[0][5]).toBe('0%');
  });

  it('treats + and - text that is not a number as a formula, keeps @ and apostrophe text', () => {
    const { sheet } = sheetOf();
    const range = sheet.getRange('A1:F1');
    range.setValues([['+A1', '-cmd', '\'=HYPERLINK("x")', '@SUM(1)', '+7', "'0042"]]);
    expect(range.getFormulas()).toEqual([['=+A1', '=-cmd', '', '', '', '']]);
    expect(range.getValues()).toEqual([[FORMULA_VALUE, FORMULA_VALUE, '=HYPERLINK("x")', '@SUM(1)', 7, '0042']]);
  });

  it('keeps every string as text in a cell formatted as plain text (@)', () => {
    const { sheet } = sheetOf();
    const range = sheet.getRange('A1:D1');
    range.setNumberFormat('@');
    range.setValues([['=1+1', '+A1', '-5', '42']]);
    expect(range.getFormulas()).toEqual([['', '', '', '']]);
    expect(range.getValues()).toEqual([['=1+1', '+A1', '-5', '42']]);
  });

  it('sets every cell of a multi-cell range with setValue, and setFormula likewise', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1:B2').setValue(5);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      [5, 5],
      [5, 5],
    ]);
    sheet.getRange('C1:C2').setFormula('=A1*2');
    expect(sheet.getRange('C1:C2').getFormulas()).toEqual([['=A1*2'], ['=A1*2']]);
  });

  it('rejects data whose shape differs from the range with Google messages', () => {
    const { sheet } = sheetOf();
    const range = sheet.getRange('A1:B3');
    expect(() =>
      range.setValues([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
    expect(() =>
      range.setValues([
        [1, 2],
        [3, 4, 5],
        [6, 7],
      ]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
    expect(() => range.setBackgrounds([['#fff', '#fff']])).toThrow('The data has 1 but the range has 3.');
    expect(() => sheet.getRange('A1').setValue('x'.repeat(50001))).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
  });

  it('round-trips number formats and renders display values with them', () => {
    const { sheet } = sheetOf();
    const range = sheet.getRange('A1:F1');
    range.setValues([[1234.5, 0.256, 1234.4, -1234.5, 0, 45382]]);
    const formats = [['#,##0.00', '0.0%', '"€"#,##0', '#,##0.00;(#,##0.00)', '0.00', 'yyyy-mm-dd']];
    range.setNumberFormats(formats);
    expect(range.getNumberFormats()).toEqual(formats);
    // 45382 days after 1899-12-30 is 2024-03-31 (Date.UTC(2024, 2, 31) / 86400000 = 19813; + 25569)
    expect(range.getDisplayValues()).toEqual([['1,234.50', '25.6%', '€1,234', '(1,234.50)', '0.00', '2024-03-31']]);
    expect(sheet.getRange('G1').getNumberFormat()).toBe('0.###############');
  });

  it('uses the spreadsheet locale for separators and month names', () => {
    const { sheet } = sheetOf({ locale: 'es_ES' });
    sheet.getRange('A1:C1').setValues([[1234.5, sheetDate('2024-03-31', 'America/Los_Angeles'), 0.5]]);
    sheet.getRange('A1:C1').setNumberFormats([['#,##0.00 [$€]', 'd mmm yyyy', '0%']]);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['1.234,50 €', '31 mar 2024', '50%']]);
  });

  it('formats dates in the spreadsheet zone, by default as the locale short date', () => {
    const { sheet } = sheetOf();
    sheet
      .getRange('A1:B1')
      .setValues([
        [sheetDate('2024-03-31', 'America/Los_Angeles'), sheetDate('2024-11-03 14:05', 'America/Los_Angeles')],
      ]);
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['3/31/2024', '11/3/2024 14:05:00']]);
    sheet.getRange('A1:B1').setNumberFormat('mmmm d, yyyy h:mm am/pm');
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([
      ['March 31, 2024 12:00 am', 'November 3, 2024 2:05 pm'],
    ]);
  });

  it('keeps formats, fonts, notes and borders per cell and clears them on request', () => {
    const { sheet } = sheetOf();
    const range = sheet.getRange('A1:B1');
    range
      .setValues([['a', 'b']])
      .setBackgrounds([['#FFF', 'red']])
      .setFontWeights([['bold', null]])
      .setFontSizes([[14, 10]])
      .setHorizontalAlignment('center')
      .setWrap(true)
      .setNote('hi');
    range.setBorder(true, true, true, true, null, null, '#333333', null);
    expect(range.getBackgrounds()).toEqual([['#ffffff', '#ff0000']]);
    expect(range.getFontWeights()).toEqual([['bold', 'normal']]);
    expect(range.getFontSizes()).toEqual([[14, 10]]);
    expect(range.getHorizontalAlignments()).toEqual([['center', 'center']]);
    expect(range.getWraps()).toEqual([[true, true]]);
    expect(range.getNotes()).toEqual([['hi', 'hi']]);
    range.clearFormat();
    expect(range.getBackgrounds()).toEqual([['#ffffff', '#ffffff']]);
    expect(range.getValues()).toEqual([['a', 'b']]);
    range.clearContent();
    expect(range.getValues()).toEqual([['', '']]);
    expect(range.isBlank()).toBe(true);
    expect(range.getNotes()).toEqual([['hi', 'hi']]);
  });

  it('merges keep the top-left value and refuse to cut through another merge', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1:C2').setValues([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    sheet.getRange('A1:B2').merge();
    expect(sheet.getRange('A1:C2').getValues()).toEqual([
      [1, '', 3],
      ['', '', 6],
    ]);
    expect(sheet.getRange('B2').isPartOfMerge()).toBe(true);
    expect(
      sheet
        .getRange('A1:C3')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1:B2']);
    expect(() => sheet.getRange('B1:C1').merge()).toThrow(
      'You must select all cells in a merged range to merge or unmerge them.',
    );
    sheet.getRange('A1:B2').breakApart();
    expect(sheet.getRange('A1:C2').isPartOfMerge()).toBe(false);
    sheet.getRange('A4:C5').mergeAcross();
    expect(
      sheet
        .getRange('A4:C5')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A4:C4', 'A5:C5']);
  });
});
