/**
 * Spreadsheet and Sheet behaviour as Google documents it: unique names (a taken name throws
 * "A sheet with the name … already exists. Please enter another name."), stable unique sheet ids,
 * the last visible sheet cannot be deleted, rows/columns grow with insertRows…, developer metadata
 * (only on the spreadsheet, a sheet, or an entire row/column) found by key/value, protections, and
 * the fingerprint used by "user sheets unchanged" tests.
 */
import { describe, expect, it } from 'vitest';
import { Enums, Workbook } from './index';

describe('spreadsheet and sheets', () => {
  it('inserts sheets by name and index; a taken name (any case) throws Google’s message', () => {
    const wb = new Workbook({ sheets: { Orders: [['id']] } });
    const ss = wb.spreadsheet;
    const summary = ss.insertSheet('KPI Summary', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['KPI Summary', 'Orders']);
    expect(summary.getIndex()).toBe(1);
    expect(ss.getActiveSheet().getName()).toBe('KPI Summary');
    expect(() => ss.insertSheet('orders')).toThrow(
      'A sheet with the name "orders" already exists. Please enter another name.',
    );
    expect(() => summary.setName('ORDERS')).toThrow(
      'A sheet with the name "ORDERS" already exists. Please enter another name.',
    );
    expect(ss.insertSheet().getName()).toBe('Sheet3');
    expect(ss.getSheetByName('Nope')).toBeNull();
  });

  it('gives every sheet a stable id unique in the spreadsheet, found by getSheetById', () => {
    const wb = new Workbook({ sheets: { A: [], B: [] } });
    const ss = wb.spreadsheet;
    const c = ss.insertSheet('C');
    const ids = ss.getSheets().map((s) => s.getSheetId());
    expect(ids[0]).toBe(0);
    expect(new Set(ids).size).toBe(3);
    c.setName('Renamed');
    expect(ss.getSheetById(c.getSheetId())!.getName()).toBe('Renamed');
    ss.deleteSheet(ss.getSheetByName('B')!);
    expect(ss.getSheets().map((s) => s.getSheetId())).toEqual([ids[0], ids[2]]);
    ss.deleteSheet(ss.getSheetByName('A')!);
    expect(() => ss.deleteSheet(c)).toThrow(
      'Sorry, it is not possible to delete all non-hidden sheets. At least one sheet must be visible.',
    );
  });

  it('moves the active sheet and reports the spreadsheet settings', () => {
    const wb = new Workbook({ sheets: { A: [], B: [], C: [] }, timeZone: 'Europe/Madrid', locale: 'es_ES' });
    const ss = wb.spreadsheet;
    ss.setActiveSheet(ss.getSheetByName('C')!);
    ss.moveActiveSheet(1);
    expect(wb.sheetNames()).toEqual(['C', 'A', 'B']);
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Madrid');
    expect(ss.getSpreadsheetLocale()).toBe('es_ES');
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
  });

  it('has 1000 × 26 cells until rows or columns are inserted, moving content down', () => {
    const wb = new Workbook({ sheets: { S: [['a'], ['b']] } });
    const sheet = wb.spreadsheet.getSheetByName('S')!;
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow(), sheet.getLastColumn()]).toEqual([
      1000, 26, 2, 1,
    ]);
    sheet.insertRowsBefore(1, 2);
    expect(sheet.getRange('A1:A4').getValues()).toEqual([[''], [''], ['a'], ['b']]);
    sheet.insertColumnsAfter(26, 4);
    expect(sheet.getMaxColumns()).toBe(30);
    expect(sheet.getRange('AD1').getA1Notation()).toBe('AD1');
    sheet.deleteRows(1, 2);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['a'], ['b']]);
    expect(sheet.getMaxRows()).toBe(1000);
  });

  it('records layout: frozen panes, sizes, gridlines, tab colour', () => {
    const wb = new Workbook({ sheets: { S: [] } });
    const sheet = wb.spreadsheet.getSheetByName('S')!;
    sheet.setFrozenRows(2);
    sheet.setColumnWidths(1, 3, 180).setRowHeight(1, 40).setHiddenGridlines(true).setTabColor('#1A73E8');
    expect([
      sheet.getFrozenRows(),
      sheet.getColumnWidth(2),
      sheet.getColumnWidth(4),
      sheet.getRowHeight(1),
      sheet.getRowHeight(2),
    ]).toEqual([2, 180, 100, 40, 21]);
    expect([sheet.hasHiddenGridlines(), sheet.getTabColor()]).toEqual([true, '#1a73e8']);
  });

  it('stores developer metadata on the spreadsheet, sheets and whole rows/columns only', () => {
    const wb = new Workbook({ sheets: { S: [], T: [] } });
    const ss = wb.spreadsheet;
    const sheet = ss.getSheetByName('S')!;
    ss.addDeveloperMetadata('fideliza.version', '1');
    sheet.addDeveloperMetadata(
      'fideliza.report',
      'kpi',
      Enums.DeveloperMetadataVisibility.PROJECT as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
    );
    sheet.getRange('3:3').addDeveloperMetadata('section', 'headline');
    sheet.getRange('B:B').addDeveloperMetadata('column');
    expect(() => sheet.getRange('A1:B2').addDeveloperMetadata('x')).toThrow(
      'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
    );

    const found = ss.createDeveloperMetadataFinder().withKey('fideliza.report').withValue('kpi').find();
    expect(found).toHaveLength(1);
    expect(found[0].getLocation().getSheet()!.getName()).toBe('S');
    expect(String(found[0].getVisibility())).toBe('PROJECT');
    expect(ss.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['fideliza.version']);
    expect(sheet.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['fideliza.report']);
    expect(
      sheet
        .createDeveloperMetadataFinder()
        .find()
        .map((m) => m.getKey()),
    ).toEqual(['fideliza.report', 'section', 'column']);
    expect(ss.getSheetByName('T')!.createDeveloperMetadataFinder().find()).toEqual([]);
    const column = ss.createDeveloperMetadataFinder().withKey('column').find()[0];
    expect(column.getValue()).toBeNull();
    expect(column.getLocation().getColumn()!.getA1Notation()).toBe('B:B');

    sheet.insertRowsBefore(1, 2); // row metadata moves with its row: 3 → 5
    expect(
      ss.createDeveloperMetadataFinder().withKey('section').find()[0].getLocation().getRow()!.getA1Notation(),
    ).toBe('5:5');
    found[0].setValue('kpi-2');
    expect(ss.createDeveloperMetadataFinder().withValue('kpi-2').find()).toHaveLength(1);
    found[0].remove();
    expect(ss.createDeveloperMetadataFinder().withKey('fideliza.report').find()).toEqual([]);
    ss.deleteSheet(sheet);
    expect(
      ss
        .createDeveloperMetadataFinder()
        .find()
        .map((m) => m.getKey()),
    ).toEqual(['fideliza.version']);
  });

  it('protects a sheet with a warning-only protection that can be removed', () => {
    const wb = new Workbook({ sheets: { S: [] } });
    const sheet = wb.spreadsheet.getSheetByName('S')!;
    const protection = sheet.protect().setDescription('KPI report').setWarningOnly(true);
    expect(protection.isWarningOnly()).toBe(true);
    const sheetType = Enums.ProtectionType.SHEET as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
    expect(sheet.getProtections(sheetType).map((p) => p.getDescription())).toEqual(['KPI report']);
    expect(String(protection.getProtectionType())).toBe('SHEET');
    protection.remove();
    expect(wb.spreadsheet.getProtections(sheetType)).toEqual([]);
  });

  it('fingerprints a sheet: unchanged by reads, changed by any write, format or metadata', () => {
    const wb = new Workbook({
      sheets: {
        Orders: [
          ['id', 'amount'],
          ['c1', 10],
        ],
        Other: [],
      },
    });
    const before = wb.fingerprint('Orders');
    const sheet = wb.spreadsheet.getSheetByName('Orders')!;
    sheet.getDataRange().getValues();
    sheet.getRange('A1:B2').getDisplayValues();
    expect(wb.fingerprint('Orders')).toBe(before);
    type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
    const changes: ((s: Sheet) => unknown)[] = [
      (s) => s.getRange('B2').setValue(11),
      (s) => s.getRange('B2').setValue('10'), // the text '10' is read as the number 10: same state
      (s) => s.getRange('B2').setNumberFormat('0.00'),
      (s) => s.getRange('A1').setFontWeight('bold'),
      (s) => s.addDeveloperMetadata('k'),
      (s) => s.setFrozenRows(1),
      (s) => s.getRange('A1:B1').merge(),
    ];
    const changed = changes.map((change) => {
      const fresh = new Workbook({
        sheets: {
          Orders: [
            ['id', 'amount'],
            ['c1', 10],
          ],
        },
      });
      change(fresh.spreadsheet.getSheetByName('Orders')!);
      return fresh.fingerprint('Orders') !== before;
    });
    expect(changed).toEqual([true, false, true, true, true, true, true]);
    expect(Object.keys(wb.fingerprints())).toEqual(['Orders', 'Other']);
  });
});
