// report.json (demo/render/report-json.ts): values, display values, formulas and charts of the
// sheets the add-on wrote, as the emulator holds them, written and read back.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportJson, reportJsonText, writeReportJson } from '../../demo/render';
import { Workbook } from '../emulator';

function workbook(): Workbook {
  const book = new Workbook({
    locale: 'es_ES',
    timeZone: 'Europe/Madrid',
    sheets: {
      'Informe KPI': [
        ['KPI', 'Valor', 'Tendencia', ''],
        ['Ingresos', 1234.5, '', ''],
        ['Fecha', '', '', ''],
        ['Activo', true, '', ''],
        ['Mes', 'A', 'B', ''],
        ['ene', 3, 1, ''],
        ['feb', 5, 2, ''],
      ],
      Listas: [['Cliente'], ['<script>x</script>']],
      Pedidos: [['id'], [1]],
    },
  });
  const sheet = book.spreadsheet.sheets[0];
  sheet.getRange('B2').setNumberFormat('#,##0.00 "€"');
  sheet.getRange('B3').setValue('2025-11-30'); // typed: a date at midnight in Madrid
  sheet.getRange('C2').setFormula('=SPARKLINE(B6:C6)');
  sheet.getRange('D7').setFormula('=B6+B7');
  sheet.insertChart(
    sheet
      .newChart()
      .addRange(sheet.getRange('A5:C7'))
      .asComboChart()
      .setStacked()
      .setTitle('Mensual')
      .setOption('series', { 1: { type: 'line', targetAxisIndex: 1 } })
      .setPosition(10, 2, 5, 0)
      .build(),
  );
  return book;
}

describe('reportJson', () => {
  const book = workbook();
  const document = reportJson(book, [
    { name: 'Informe KPI', role: 'report' },
    { name: 'Listas', role: 'lists' },
  ]);

  it('gives each sheet asked for, in order, with its role; other sheets are left out', () => {
    expect(document.sheets.map((s) => [s.name, s.role])).toEqual([
      ['Informe KPI', 'report'],
      ['Listas', 'lists'],
    ]);
  });

  it("matches the emulator's getValues (dates as ISO instants), getDisplayValues and getFormulas over the used area", () => {
    const sheet = book.spreadsheet.sheets[0];
    const report = document.sheets[0];
    expect(report.values).toHaveLength(7);
    expect(report.values.every((row) => row.length === 4)).toBe(true);
    const range = sheet.getRange('A1:D7');
    const values = range
      .getValues()
      .map((row) => row.map((v) => (Object.prototype.toString.call(v) === '[object Date]' ? v.toISOString() : v)));
    expect(report.values).toEqual(values);
    expect(report.displayValues).toEqual(range.getDisplayValues());
    expect(report.formulas).toEqual(range.getFormulas());
    // Spot checks: the reader's es_ES text, the date as an instant (midnight in Madrid), the formula.
    expect(report.displayValues[1][1]).toBe('1.234,50 €');
    expect(report.values[2][1]).toBe('2025-11-29T23:00:00.000Z');
    expect(report.formulas[1][2]).toBe('=SPARKLINE(B6:C6)');
    expect(report.values[3][1]).toBe(true);
    expect(document.sheets[1].values).toEqual([['Cliente'], ['<script>x</script>']]);
  });

  it('describes each chart: type, title, ranges in sheet-qualified A1, anchor and options', () => {
    expect(document.sheets[0].charts).toEqual([
      {
        type: 'COMBO',
        title: 'Mensual',
        ranges: ["'Informe KPI'!A5:C7"],
        anchor: { anchorRow: 10, anchorColumn: 2, offsetX: 5, offsetY: 0 },
        options: { isStacked: true, title: 'Mensual', series: { 1: { type: 'line', targetAxisIndex: 1 } } },
      },
    ]);
    expect(document.sheets[1].charts).toEqual([]);
  });

  it('refuses a sheet that does not exist', () => {
    expect(() => reportJson(book, [{ name: 'Nope', role: 'report' }])).toThrow(/No sheet named "Nope"/);
  });
});

describe('writeReportJson', () => {
  it('writes JSON that reads back to the same document, one grid row per line', () => {
    const book = workbook();
    const file = join(mkdtempSync(join(tmpdir(), 'report-json-')), 'report.json');
    const roles = [
      { name: 'Informe KPI', role: 'report' },
      { name: 'Listas', role: 'lists' },
    ];
    const written = writeReportJson(file, book, roles);
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toEqual(written);
    expect(text).toBe(reportJsonText(written));
    expect(written).toEqual(reportJson(book, roles));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n        ["Ingresos",1234.5,"#FORMULA",""],\n');
    expect(text).toContain('\n        ["Ingresos","1.234,50 €","#FORMULA",""],\n');
  });
});
