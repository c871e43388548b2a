import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { importLocale, typedValue } from '../../demo/input/sheets-import';
import { readWorkbookFile } from '../../demo/input/workbook';
import { DateCells } from '../../demo/sample/dateCells';
import { generateSampleWorkbook } from '../../demo/sample/generator';
import { isoDateIn, sheetDate, wallClock } from '../emulator';
import type { SeedGrid } from '../emulator';

const ZONE = 'Europe/Madrid';
const dir = mkdtempSync(join(tmpdir(), 'fideliza-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A small sample workbook: every kind of cell the generator makes (ids, names with =/+/-/@, dates,
// amounts, "12,5 €", "31/02/2025", negative numbers, blanks, 'N/A', Spanish comments).
const sample = generateSampleWorkbook({ customers: 120, orders: 700, seed: 42, timeZone: ZONE });

/** What a reader gives back for a sheet: blank cells are null. */
function blanksAsNull(sheets: Record<string, SeedGrid>): Record<string, SeedGrid> {
  return Object.fromEntries(
    Object.entries(sheets).map(([name, rows]) => [
      name,
      rows.map((row) => row.map((v) => (v === '' || v === undefined ? null : v))),
    ]),
  );
}

/**
 * A date (or date-time: the sample's ticket times) cell as Excel holds it: the wall-clock date and
 * time, which exceljs expresses in UTC.
 */
function excelDate(d: Date): Date {
  const w = wallClock(d, ZONE);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute));
}

/** A date cell as a CSV export writes it: `yyyy-mm-dd`, with ` hh:mm` when it holds a time of day. */
function csvDate(d: Date): string {
  const w = wallClock(d, ZONE);
  const time = w.hour || w.minute ? ` ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}` : '';
  return `${isoDateIn(d, ZONE)}${time}`;
}

describe('readWorkbookFile: .csv', () => {
  it('round-trips a workbook written as a folder of CSV files', async () => {
    const folder = join(dir, 'csv');
    mkdirSync(folder);
    for (const [name, rows] of Object.entries(sample)) {
      const text = Papa.unparse(
        rows.map((row) =>
          row.map((v) => (v instanceof Date ? csvDate(v) : v === null || v === undefined ? '' : String(v))),
        ),
      );
      writeFileSync(join(folder, `${name}.csv`), text);
    }
    writeFileSync(join(folder, 'notes.txt'), 'not a sheet');
    const read = await readWorkbookFile(folder, { timeZone: ZONE });
    expect(Object.keys(read).sort()).toEqual(Object.keys(sample).sort());
    expect(read).toEqual(blanksAsNull(sample));
  });

  it('converts typed values as Sheets does, keeps the header as text, detects ";" and a BOM', async () => {
    const file = join(dir, 'Pedidos.csv');
    writeFileSync(
      file,
      '\uFEFFID cliente;Fecha pedido;Importe;Activo;2024\n' +
        '0001;2025-01-15;12.5;TRUE;1e3\n' +
        'C-2;2025-02-30;"12,5 €";false;+34 600 123 456\n' +
        '\n' +
        'C-3;;-3;;=1+1\n\n\n',
    );
    const read = await readWorkbookFile(file, { timeZone: ZONE });
    expect(Object.keys(read)).toEqual(['Pedidos']);
    // Hand-derived: "0001" and "1e3" are plain numbers; 2025-02-30 does not exist so it stays text;
    // "12,5 €" and the phone number are text; the header "2024" stays text; the empty line is a
    // blank row; trailing empty lines are dropped.
    expect(read.Pedidos).toEqual([
      ['ID cliente', 'Fecha pedido', 'Importe', 'Activo', '2024'],
      [1, sheetDate('2025-01-15', ZONE), 12.5, true, 1000],
      ['C-2', '2025-02-30', '12,5 €', false, '+34 600 123 456'],
      [null],
      ['C-3', null, -3, null, '=1+1'],
    ]);
    expect(isoDateIn(read.Pedidos[1][1] as Date, ZONE)).toBe('2025-01-15');
  });

  it('makes date cells for the zone asked for', async () => {
    const file = join(dir, 'Fechas.csv');
    writeFileSync(file, 'Fecha\n2024-03-31\n2024-02-29\n');
    const read = await readWorkbookFile(file, { timeZone: 'America/Los_Angeles' });
    expect(read.Fechas.slice(1).map((r) => (r[0] as Date).toISOString())).toEqual([
      '2024-03-31T07:00:00.000Z',
      '2024-02-29T08:00:00.000Z',
    ]);
  });
});

describe('readWorkbookFile: .csv in the spreadsheet locale', () => {
  // A Spanish Excel "CSV (delimitado por comas)": BOM, CRLF, ";" separator, decimal comma, dd/mm/yyyy.
  const spanishExcel =
    '\uFEFFCliente;Fecha pedido;Importe\r\n' +
    'Lucía Fernández;3/11/2025;1.234,56\r\n' +
    'Jorge Martín;25/03/2025;45,90\r\n' +
    '"Pérez; Ana";07/01/2025;-3,2\r\n' +
    'Marta Ruiz;13/12/2025 18:45;12\r\n' +
    'Carlos Gómez;31/02/2025;"12,5 %"\r\n';

  it('reads a Spanish Excel CSV in es_ES as dates and numbers', async () => {
    const file = join(dir, 'pedidos-es.csv');
    writeFileSync(file, spanishExcel);
    const read = await readWorkbookFile(file, { timeZone: ZONE, locale: 'es_ES' });
    // Hand-derived: day-first dates, "." groups thousands, "," is the decimal mark; 31/02 does not exist.
    expect(read['pedidos-es']).toEqual([
      ['Cliente', 'Fecha pedido', 'Importe'],
      ['Lucía Fernández', sheetDate('2025-11-03', ZONE), 1234.56],
      ['Jorge Martín', sheetDate('2025-03-25', ZONE), 45.9],
      ['Pérez; Ana', sheetDate('2025-01-07', ZONE), -3.2],
      ['Marta Ruiz', sheetDate('2025-12-13T18:45', ZONE), 12],
      ['Carlos Gómez', '31/02/2025', 0.125],
    ]);
    expect((read['pedidos-es'][4][1] as Date).toISOString()).toBe('2025-12-13T17:45:00.000Z');
  });

  it('reads the same file in en_US month-first, leaving day > 12 and decimal commas as text', async () => {
    const file = join(dir, 'pedidos-us.csv');
    writeFileSync(file, spanishExcel);
    const read = await readWorkbookFile(file, { timeZone: ZONE, locale: 'en_US' });
    expect(read['pedidos-us']).toEqual([
      ['Cliente', 'Fecha pedido', 'Importe'],
      ['Lucía Fernández', sheetDate('2025-03-11', ZONE), '1.234,56'],
      ['Jorge Martín', '25/03/2025', '45,90'],
      ['Pérez; Ana', sheetDate('2025-07-01', ZONE), '-3,2'],
      ['Marta Ruiz', '13/12/2025 18:45', 12],
      ['Carlos Gómez', '31/02/2025', '12,5 %'],
    ]);
    // Without a locale the readers use en_US, a new spreadsheet's default.
    expect(await readWorkbookFile(file, { timeZone: ZONE })).toEqual(read);
  });

  it('reads es_MX with a decimal point and day-first dates, en_GB day-first', async () => {
    const file = join(dir, 'ventas.csv');
    writeFileSync(
      file,
      'Cliente,Fecha,Importe\n"Ana López",3/11/2025,"1,234.50"\nBeto Díaz,25/3/2025 9:05:12,$89.90\n',
    );
    const mx = await readWorkbookFile(file, { timeZone: 'America/Mexico_City', locale: 'es_MX' });
    expect(mx.ventas).toEqual([
      ['Cliente', 'Fecha', 'Importe'],
      ['Ana López', sheetDate('2025-11-03', 'America/Mexico_City'), 1234.5],
      ['Beto Díaz', sheetDate('2025-03-25T09:05:12', 'America/Mexico_City'), 89.9],
    ]);
    const gb = await readWorkbookFile(file, { timeZone: 'Europe/London', locale: 'en_GB' });
    expect(gb.ventas.slice(1).map((r) => isoDateIn(r[1] as Date, 'Europe/London'))).toEqual([
      '2025-11-03',
      '2025-03-25',
    ]);
    expect(gb.ventas.slice(1).map((r) => r[2])).toEqual([1234.5, 89.9]);
  });

  it('detects tab separators and reads a Windows-1252 file', async () => {
    const tab = join(dir, 'tab.csv');
    writeFileSync(tab, 'Cliente\tImporte\nAna\t1.234,5\n');
    expect((await readWorkbookFile(tab, { timeZone: ZONE, locale: 'es_ES' })).tab).toEqual([
      ['Cliente', 'Importe'],
      ['Ana', 1234.5],
    ]);
    const latin = join(dir, 'latin.csv');
    writeFileSync(
      latin,
      Buffer.from([...Buffer.from('Cliente;Importe\r\nMu'), 0xf1, ...Buffer.from('oz;9,95 '), 0x80, 0x0d, 0x0a]),
    );
    expect((await readWorkbookFile(latin, { timeZone: ZONE, locale: 'es_ES' })).latin).toEqual([
      ['Cliente', 'Importe'],
      ['Muñoz', 9.95],
    ]);
  });

  it('rejects an unknown locale, naming it', async () => {
    const file = join(dir, 'any.csv');
    writeFileSync(file, 'a\n1\n');
    await expect(readWorkbookFile(file, { timeZone: ZONE, locale: 'xx_ZZ' })).rejects.toThrow(
      'Unknown spreadsheet locale xx_ZZ',
    );
  });
});

describe('typedValue: Sheets typed-input conversion by locale', () => {
  const dates = new DateCells(ZONE);
  const es = importLocale('es_ES');
  const us = importLocale('en_US');
  const cases: [string, unknown, unknown][] = [
    // text, es_ES, en_US — hand-derived from each locale's separators and date order
    ['1.234,56', 1234.56, '1.234,56'],
    ['1,234.56', '1,234.56', 1234.56],
    ['12,5', 12.5, '12,5'],
    ['12.5', '12.5', 12.5], // another locale's decimal mark stays text
    ['1.500', 1500, 1.5], // the thousands rule: a group of three after "." in es_ES
    ['-3,2', -3.2, '-3,2'],
    ['0012', 12, 12],
    ["'0012", '0012', '0012'],
    ['1e3', 1000, 1000],
    ['45,90 €', 45.9, '45,90 €'],
    ['45,90\u00A0€', 45.9, '45,90\u00A0€'],
    ['1.234,50\u00A0€', 1234.5, '1.234,50\u00A0€'],
    ['45,90 EUR', 45.9, '45,90 EUR'],
    ['-45,90 €', -45.9, '-45,90 €'],
    ['€45.90', '€45.90', 45.9],
    ['$1,234.50', '$1,234.50', 1234.5],
    ['-$5', -5, -5],
    ['12,5 %', 0.125, '12,5 %'],
    ['12.5%', '12.5%', 0.125],
    ['TRUE', true, true],
    ['false', false, false],
    ['VERDADERO', true, 'VERDADERO'],
    ['FALSO', false, 'FALSO'],
    ['+34 600 123 456', '+34 600 123 456', '+34 600 123 456'],
    ['31/02/2025', '31/02/2025', '31/02/2025'],
    ['29/02/2025', '29/02/2025', '29/02/2025'],
    ['13/13/2025', '13/13/2025', '13/13/2025'],
    ['2025-02-29', '2025-02-29', '2025-02-29'],
    ['3/11/2025 25:00', '3/11/2025 25:00', '3/11/2025 25:00'],
    ['2025-10-07 09:50:26 +0200', '2025-10-07 09:50:26 +0200', '2025-10-07 09:50:26 +0200'],
    ['2025-10-07T09:50:26Z', '2025-10-07T09:50:26Z', '2025-10-07T09:50:26Z'],
  ];
  it.each(cases)('%s → es_ES %s, en_US %s', (text, inEs, inUs) => {
    expect(typedValue(text, dates, es)).toEqual(inEs);
    expect(typedValue(text, dates, us)).toEqual(inUs);
  });

  it('makes date cells at the wall-clock time in the zone, ISO in every locale', () => {
    for (const locale of [es, us, importLocale('es_MX'), importLocale('en_GB')]) {
      expect(typedValue('2025-10-07', dates, locale)).toEqual(sheetDate('2025-10-07', ZONE));
      expect(typedValue('2025-10-07 09:50:26', dates, locale)).toEqual(sheetDate('2025-10-07T09:50:26', ZONE));
      expect(typedValue('2025-10', dates, locale)).toEqual(sheetDate('2025-10-01', ZONE));
      expect(typedValue('29/02/2024', dates, locale)).toEqual(
        locale === us ? '29/02/2024' : sheetDate('2024-02-29', ZONE),
      );
    }
    expect(typedValue('3/11/2025 2:30 PM', dates, us)).toEqual(sheetDate('2025-03-11T14:30', ZONE));
    expect(typedValue('3/11/2025 9:05:12', dates, es)).toEqual(sheetDate('2025-11-03T09:05:12', ZONE));
    expect(typedValue('3.11.2025', dates, importLocale('de_DE'))).toEqual(sheetDate('2025-11-03', ZONE));
    expect(typedValue('1 234,5', dates, importLocale('fr_FR'))).toBe(1234.5);
  });
});

describe('readWorkbookFile: .xlsx', () => {
  it('round-trips a workbook written with exceljs', async () => {
    const workbook = new ExcelJS.Workbook();
    for (const [name, rows] of Object.entries(sample)) {
      const sheet = workbook.addWorksheet(name);
      for (const row of rows) sheet.addRow(row.map((v) => (v instanceof Date ? excelDate(v) : v === '' ? null : v)));
    }
    const file = join(dir, 'sample.xlsx');
    await workbook.xlsx.writeFile(file);
    const read = await readWorkbookFile(file, { timeZone: ZONE });
    expect(Object.keys(read)).toEqual(Object.keys(sample));
    expect(read).toEqual(blanksAsNull(sample));
  });

  it('reads formulas as their results, rich text and links as text, errors as codes, merges as Sheets does', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Especiales');
    ws.getCell('A1').value = { formula: 'B1*2', result: 10 } as ExcelJS.CellFormulaValue;
    ws.getCell('B1').value = 5;
    ws.getCell('C1').value = { formula: 'TODAY()', result: new Date(Date.UTC(2025, 0, 2)) } as ExcelJS.CellFormulaValue;
    ws.getCell('C1').numFmt = 'yyyy-mm-dd';
    ws.getCell('D1').value = new Date(Date.UTC(2025, 2, 30, 14, 30)); // a date-time cell, 14:30 wall clock
    ws.getCell('A2').value = { richText: [{ text: 'Hola ' }, { font: { bold: true }, text: 'mundo' }] };
    ws.getCell('B2').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    ws.getCell('C2').value = { text: 'web', hyperlink: 'https://ejemplo.com' };
    ws.getCell('A3').value = 'combinada';
    ws.mergeCells('A3:B3');
    ws.getCell('C3').value = true;
    ws.getCell('D3').value = { formula: 'A1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    workbook.addWorksheet('Vacía');
    const file = join(dir, 'special.xlsx');
    await workbook.xlsx.writeFile(file);
    const read = await readWorkbookFile(file, { timeZone: ZONE });
    expect(read).toEqual({
      Especiales: [
        [10, 5, sheetDate('2025-01-02', ZONE), sheetDate('2025-03-30T14:30', ZONE)],
        ['Hola mundo', '#N/A', 'web', null],
        ['combinada', null, true, '#DIV/0!'],
      ],
      Vacía: [],
    });
    // 2025-03-30 is the day Madrid moves to summer time (UTC+2 from 02:00): 14:30 is 12:30 UTC.
    expect((read.Especiales[0][3] as Date).toISOString()).toBe('2025-03-30T12:30:00.000Z');
  });
});

describe('readWorkbookFile: errors name the path', () => {
  it('rejects a missing path', async () => {
    const path = join(dir, 'nowhere.xlsx');
    await expect(readWorkbookFile(path, { timeZone: ZONE })).rejects.toThrow(`Input not found: ${path}`);
  });

  it('rejects an unsupported extension', async () => {
    const path = join(dir, 'export.xls');
    writeFileSync(path, 'x');
    await expect(readWorkbookFile(path, { timeZone: ZONE })).rejects.toThrow(`Unsupported input ${path}`);
  });

  it('rejects empty files', async () => {
    for (const name of ['empty.xlsx', 'empty.csv', 'blank.csv']) {
      const path = join(dir, name);
      writeFileSync(path, name === 'blank.csv' ? '\n\n' : '');
      await expect(readWorkbookFile(path, { timeZone: ZONE })).rejects.toThrow(`Input file is empty: ${path}`);
    }
  });

  it('rejects a folder without CSV files and a file that is not a workbook', async () => {
    const folder = join(dir, 'nothing');
    mkdirSync(folder);
    await expect(readWorkbookFile(folder, { timeZone: ZONE })).rejects.toThrow(`No .csv files in folder ${folder}`);
    const fake = join(dir, 'fake.xlsx');
    writeFileSync(fake, 'this is not a zip');
    await expect(readWorkbookFile(fake, { timeZone: ZONE })).rejects.toThrow(`Cannot read ${fake} as .xlsx`);
  });

  it('rejects a CSV with an unclosed quote, naming the file', async () => {
    const path = join(dir, 'broken.csv');
    writeFileSync(path, 'a,b\n"x,1\n');
    await expect(readWorkbookFile(path, { timeZone: ZONE })).rejects.toThrow(`Cannot parse ${path}`);
  });
});
