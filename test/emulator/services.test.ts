/**
 * The services around the spreadsheet, as Google documents them: PropertiesService (string values;
 * quotas 9 KB per value, 500 KB per store), LockService (waitLock times out with "Lock timeout:
 * another process was holding the lock for too long."), the Ui (add-on menu, sidebar, alert),
 * HtmlService, call counting by `Class.method`, failures on demand, and authorisation modes — used
 * from a `vm` context as the bundle uses them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LOCK_TIMEOUT, STORE_QUOTA_EXCEEDED, TEST_SPREADSHEET_ZONE, VALUE_TOO_LARGE, Workbook } from './index';

/** Runs script source in a fresh `vm` context with the workbook's globals, as Apps Script would. */
function run(wb: Workbook, source: string): unknown {
  return vm.runInNewContext(source, { ...wb.globals() });
}

describe('PropertiesService', () => {
  it('stores strings, answers null for a missing key, and deletes', () => {
    const wb = new Workbook();
    const result = run(
      wb,
      `
      var p = PropertiesService.getDocumentProperties();
      p.setProperty('mapping', JSON.stringify({ orders: 'Pedidos' })).setProperty('count', 3);
      p.setProperties({ a: '1', b: '2' });
      var out = [p.getProperty('count'), typeof p.getProperty('count'), p.getProperty('nope'), p.getKeys().length];
      p.deleteProperty('a');
      out.push(JSON.stringify(p.getProperties()));
      p.setProperties({ only: 'x' }, true);
      out.push(p.getKeys().join(','));
      out;
    `,
    );
    expect(result).toEqual([
      '3',
      'string',
      null,
      4,
      JSON.stringify({ mapping: '{"orders":"Pedidos"}', count: '3', b: '2' }),
      'only',
    ]);
    expect(wb.properties.user.getKeys()).toEqual([]);
  });

  it('enforces the documented quotas: 9 KB per value and 500 KB per store', () => {
    const wb = new Workbook();
    const store = wb.properties.document;
    store.setProperty('fits', 'x'.repeat(9 * 1024)); // exactly 9 KB is allowed
    expect(() => store.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow(VALUE_TOO_LARGE);
    expect(() => store.setProperty('accents', 'é'.repeat(5000))).toThrow(VALUE_TOO_LARGE); // 10 000 UTF-8 bytes
    // keys + values so far: 'fits' 4 + 9216; k0–k9 2 bytes × 10, k10–k54 3 bytes × 45, values 55 × 9000
    // = 9220 + 20 + 135 + 495000 = 504375 bytes ≤ 500 × 1024 = 512000
    for (let i = 0; i < 55; i++) store.setProperty(`k${i}`, 'y'.repeat(9000));
    expect(wb.properties.document.size()).toBe(504375);
    // one more: 504375 + 8 + 9000 = 513383 > 512000
    expect(() => store.setProperty('one-more', 'z'.repeat(9000))).toThrow(STORE_QUOTA_EXCEEDED);
    expect(store.getProperty('one-more')).toBeNull();
    expect(VALUE_TOO_LARGE).toBe('Argument too large: value');
    expect(STORE_QUOTA_EXCEEDED).toBe(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
  });
});

describe('LockService', () => {
  it('acquires, reports and releases the document lock', () => {
    const wb = new Workbook();
    expect(
      run(
        wb,
        `var l = LockService.getDocumentLock(); l.waitLock(30000); var held = l.hasLock(); l.releaseLock(); [held, l.hasLock()]`,
      ),
    ).toEqual([true, false]);
    expect(wb.locks.document.acquisitions).toBe(1);
    expect(wb.locks.document.timeouts).toEqual([30000]);
  });

  it('times out with Google’s message while another execution holds the lock', () => {
    const wb = new Workbook();
    wb.lockHeldElsewhere = true;
    expect(run(wb, `LockService.getDocumentLock().tryLock(100)`)).toBe(false);
    expect(() => run(wb, `LockService.getDocumentLock().waitLock(100)`)).toThrow(LOCK_TIMEOUT);
    expect(LOCK_TIMEOUT).toBe('Lock timeout: another process was holding the lock for too long.');
    expect(run(wb, `LockService.getScriptLock().tryLock(100)`)).toBe(true); // other locks are independent
  });
});

describe('Ui and HtmlService', () => {
  it('records the add-on menu, sidebar, alerts and toasts', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-html-'));
    fs.writeFileSync(path.join(dir, 'Sidebar.html'), '<p>Hola</p>');
    const wb = new Workbook({ htmlFolder: dir, authMode: 'NONE' });
    run(
      wb,
      `SpreadsheetApp.getUi().createAddonMenu().addItem('Generate KPI report', 'showSidebar').addSeparator().addItem('About', 'showAbout').addToUi();`,
    );
    expect(wb.ui.menus).toEqual([
      {
        caption: 'Fideliza',
        addon: true,
        items: [
          { caption: 'Generate KPI report', functionName: 'showSidebar' },
          { separator: true },
          { caption: 'About', functionName: 'showAbout' },
        ],
      },
    ]);
    expect(() => run(wb, `SpreadsheetApp.getActiveSpreadsheet()`)).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet.',
    );

    wb.authMode = 'FULL';
    wb.ui.alertAnswers.push('NO');
    const answer = run(
      wb,
      `
      var html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Fideliza').append('<b>x</b>').appendUntrusted('<i>');
      SpreadsheetApp.getUi().showSidebar(html);
      SpreadsheetApp.getActiveSpreadsheet().toast('Done', 'Fideliza');
      var ui = SpreadsheetApp.getUi();
      String(ui.alert('Replace?', 'Replace the report?', ui.ButtonSet.YES_NO));
    `,
    );
    expect(answer).toBe('NO');
    expect(wb.ui.sidebars).toEqual([
      { title: 'Fideliza', content: '<p>Hola</p><b>x</b>&lt;i&gt;', width: 0, fileName: 'Sidebar' },
    ]);
    expect(wb.ui.alerts).toEqual([{ title: 'Replace?', prompt: 'Replace the report?', buttons: 'YES_NO' }]);
    expect(wb.ui.toasts).toEqual([{ message: 'Done', title: 'Fideliza', timeoutSeconds: 5 }]);
    expect(() => run(wb, `HtmlService.createHtmlOutputFromFile('Missing')`)).toThrow(
      'No HTML file named Missing was found.',
    );
    expect(run(wb, `ScriptApp.AuthMode.NONE === ScriptApp.AuthMode.NONE && String(ScriptApp.AuthMode.FULL)`)).toBe(
      'FULL',
    );
  });

  it('denies writes and UI to custom functions', () => {
    const wb = new Workbook({ sheets: { S: [[1]] }, authMode: 'CUSTOM_FUNCTION' });
    expect(run(wb, `SpreadsheetApp.getActiveSpreadsheet().getSheetByName('S').getRange('A1').getValue()`)).toBe(1);
    expect(() =>
      run(wb, `SpreadsheetApp.getActiveSpreadsheet().getSheetByName('S').getRange('A1').setValue(2)`),
    ).toThrow('You do not have permission to call SpreadsheetApp.Range.setValue.');
    // Only the services Google lists for custom functions: no Session, no UI, no charts, no sidebars.
    for (const call of [
      'Session.getActiveUserLocale()',
      'SpreadsheetApp.getUi()',
      'Charts.newTextStyle()',
      'SpreadsheetApp.getActiveSpreadsheet().toast("x")',
      'PropertiesService.getDocumentProperties().setProperty("a", "b")',
    ])
      expect(() => run(wb, call), call).toThrow(/You do not have permission to call/);
    expect(run(wb, 'Utilities.formatDate(new Date(0), "UTC", "yyyy")')).toBe('1970');
    expect(run(wb, 'PropertiesService.getDocumentProperties().getProperty("a")')).toBeNull();
    expect(run(wb, 'SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone()')).toBe(TEST_SPREADSHEET_ZONE);
  });

  it('gives a null document lock outside a container-bound script, as Google documents', () => {
    expect(run(new Workbook({ containerBound: false }), 'LockService.getDocumentLock()')).toBeNull();
    expect(run(new Workbook(), 'LockService.getDocumentLock() !== null')).toBe(true);
  });
});

describe('call counting and failures', () => {
  it('counts every service call by Class.method, in order', () => {
    const wb = new Workbook({
      sheets: {
        Orders: [
          ['id', 'amount'],
          ['a', 1],
          ['b', 2],
        ],
      },
    });
    run(
      wb,
      `
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      var values = ss.getSheetByName('Orders').getDataRange().getValues();
      var out = ss.insertSheet('Out');
      out.getRange(1, 1, values.length, 2).setValues(values);
      out.getRange('A1:B1').setFontWeight('bold').setBackground('#eeeeee');
      SpreadsheetApp.flush();
    `,
    );
    expect(wb.calls.byMethod()).toEqual({
      'Range.getValues': 1,
      'Range.setBackground': 1,
      'Range.setFontWeight': 1,
      'Range.setValues': 1,
      'Sheet.getDataRange': 1,
      'Sheet.getRange': 2,
      'Spreadsheet.getSheetByName': 1,
      'Spreadsheet.insertSheet': 1,
      'SpreadsheetApp.flush': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
    expect(wb.calls.count()).toBe(11);
    expect(wb.calls.countMatching('Range.')).toBe(4);
    expect(wb.calls.sequence()[0]).toBe('SpreadsheetApp.getActiveSpreadsheet');
    expect(wb.sheet('Out').rangeOf('A1:B3').readValues()).toEqual([
      ['id', 'amount'],
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('fails the chosen call on demand, before it changes anything, once', () => {
    const wb = new Workbook({ sheets: { S: [] } });
    wb.failOn('Range.setBackgrounds', 1);
    const script = `SpreadsheetApp.getActiveSpreadsheet().getSheetByName('S').getRange('A1').setBackgrounds([['#ff0000']]);`;
    run(wb, script);
    wb.sheet('S')
      .rangeOf('A1')
      .writeValues([['kept']]);
    const before = wb.fingerprint('S');
    expect(() => run(wb, script.replace('#ff0000', '#00ff00'))).toThrow(/Service Spreadsheets failed/);
    expect(wb.fingerprint('S')).toBe(before);
    run(wb, script.replace('#ff0000', '#0000ff'));
    expect(wb.sheet('S').cell(1, 1)?.background).toBe('#0000ff');
  });

  it('formats dates with Utilities.formatDate in the zone given', () => {
    const wb = new Workbook();
    expect(
      run(
        wb,
        `Utilities.formatDate(new Date(Date.UTC(2024, 2, 31, 7)), 'America/Los_Angeles', "yyyy-MM-dd'T'HH:mm EEE")`,
      ),
    ).toBe('2024-03-31T00:00 Sun');
  });
});

describe('Utilities blobs (base64Decode, newBlob, ungzip)', () => {
  it('decodes base64 into Java bytes (−128…127) and un-gzips a blob back to its UTF-8 text', () => {
    const wb = new Workbook();
    const text = 'Año ✓ <script>';
    const packed = zlib.gzipSync(Buffer.from(text, 'utf8')).toString('base64');
    const bytes = run(wb, `Utilities.base64Decode(${JSON.stringify(packed)})`) as number[];
    expect(bytes.every((b) => Number.isInteger(b) && b >= -128 && b <= 127)).toBe(true);
    expect(bytes.some((b) => b < 0)).toBe(true); // gzip's magic number 0x1f 0x8b is 31, −117
    expect(bytes.slice(0, 2)).toEqual([31, -117]);
    expect(
      run(
        wb,
        `Utilities.ungzip(Utilities.newBlob(Utilities.base64Decode(${JSON.stringify(packed)}), 'application/x-gzip'))
          .getDataAsString()`,
      ),
    ).toBe(text);
    expect(wb.calls.count('Utilities.ungzip')).toBe(1);
  });

  it('refuses text that is not base64 and a blob that is not gzip', () => {
    const wb = new Workbook();
    expect(() => run(wb, 'Utilities.base64Decode("<b>not base64</b>")')).toThrow(/Could not decode/);
    expect(() => run(wb, 'Utilities.ungzip(Utilities.newBlob("plain text"))')).toThrow(/not in gzip format/);
  });
});
