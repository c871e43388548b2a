import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../../demo/input/workbook';
import { generateSampleWorkbook } from '../../demo/sample/generator';
import { isoDateIn, sheetDate } from '../emulator';
import type { SeedGrid } from '../emulator/spreadsheet';

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

/** A calendar date cell as Excel holds it: the wall-clock date, which exceljs expresses in UTC. */
function excelDate(d: Date): Date {
  const [y, m, day] = isoDateIn(d, ZONE).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, day));
}

describe('readWorkbookFile: .csv', () => {
  it('round-trips a workbook written as a folder of CSV files', async () => {
    const folder = join(dir, 'csv');
    mkdirSync(folder);
    for (const [name, rows] of Object.entries(sample)) {
      const text = Papa.unparse(
        rows.map((row) =>
          row.map((v) => (v instanceof Date ? isoDateIn(v, ZONE) : v === null || v === undefined ? '' : String(v))),
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
