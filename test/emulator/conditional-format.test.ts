/**
 * Conditional format rules: the colour-scale (gradient) builder and boolean rules, read back through
 * the rule's getGradientCondition / getBooleanCondition / getRanges as the reference documents
 * (https://developers.google.com/apps-script/reference/spreadsheet/gradient-condition).
 */
import { describe, expect, it } from 'vitest';
import { Enums, Workbook } from './index';

type Interpolation = GoogleAppsScript.Spreadsheet.InterpolationType;

function setUp() {
  const wb = new Workbook({
    sheets: {
      Cohorts: [
        ['cohort', 'm0', 'm1'],
        ['2024-01', 1, 0.4],
      ],
    },
  });
  const SpreadsheetApp = wb.globals().SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  return { wb, SpreadsheetApp, sheet: wb.spreadsheet.getSheetByName('Cohorts')! };
}

describe('conditional format rules', () => {
  it('builds a three-point colour scale and reads its points back', () => {
    const { SpreadsheetApp, sheet } = setUp();
    const range = sheet.getRange('B2:C2');
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .setGradientMinpointWithValue('#F8696B', SpreadsheetApp.InterpolationType.NUMBER as Interpolation, '0')
      .setGradientMidpointWithValue('#FFEB84', SpreadsheetApp.InterpolationType.PERCENTILE as Interpolation, '50')
      .setGradientMaxpoint('#63BE7B')
      .setRanges([range])
      .build();
    const gradient = rule.getGradientCondition()!;
    expect(rule.getBooleanCondition()).toBeNull();
    expect([gradient.getMinColor(), String(gradient.getMinType()), gradient.getMinValue()]).toEqual([
      '#f8696b',
      'NUMBER',
      '0',
    ]);
    expect([gradient.getMidColor(), String(gradient.getMidType()), gradient.getMidValue()]).toEqual([
      '#ffeb84',
      'PERCENTILE',
      '50',
    ]);
    expect([gradient.getMaxColor(), String(gradient.getMaxType()), gradient.getMaxValue()]).toEqual([
      '#63be7b',
      'MAX',
      '',
    ]);
    expect(
      (gradient as unknown as { getMinColorObject(): GoogleAppsScript.Spreadsheet.Color })
        .getMinColorObject()
        .asRgbColor()
        .asHexString(),
    ).toBe('#f8696b');
    expect(rule.getRanges().map((r) => r.getA1Notation())).toEqual(['B2:C2']);

    sheet.setConditionalFormatRules([rule]);
    const [stored] = sheet.getConditionalFormatRules();
    expect(stored.getGradientCondition()!.getMidValue()).toBe('50');
    sheet.clearConditionalFormatRules();
    expect(sheet.getConditionalFormatRules()).toEqual([]);
  });

  it('builds boolean rules with a format; the last kind set wins', () => {
    const { SpreadsheetApp, sheet } = setUp();
    const builder = SpreadsheetApp.newConditionalFormatRule()
      .setGradientMinpoint('#ffffff')
      .whenNumberLessThan(0.5)
      .setBackground('#F4CCCC')
      .setBold(true)
      .setRanges([sheet.getRange('C2')]);
    const rule = builder.build();
    expect(rule.getGradientCondition()).toBeNull();
    const condition = rule.getBooleanCondition()!;
    expect([
      String(condition.getCriteriaType()),
      condition.getCriteriaValues(),
      condition.getBackground(),
      condition.getBold(),
    ]).toEqual(['NUMBER_LESS_THAN', [0.5], '#f4cccc', true]);
    const copy = rule.copy().setGradientMaxpoint('#00ff00').build();
    expect(copy.getBooleanCondition()).toBeNull();
    expect(rule.getBooleanCondition()).not.toBeNull();
    expect(Enums.InterpolationType.MIN).not.toBe('MIN');
  });

  it('replaces all rules of a sheet with setConditionalFormatRules and changes its fingerprint', () => {
    const { wb, SpreadsheetApp, sheet } = setUp();
    const before = wb.fingerprint('Cohorts');
    const one = SpreadsheetApp.newConditionalFormatRule()
      .whenCellEmpty()
      .setBackground('#eeeeee')
      .setRanges([sheet.getRange('A1:C2')])
      .build();
    sheet.setConditionalFormatRules([one, one]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(2);
    expect(wb.fingerprint('Cohorts')).not.toBe(before);
    sheet.setConditionalFormatRules([]);
    expect(wb.fingerprint('Cohorts')).toBe(before);
  });
});
