/**
 * The bench's workload options for the report: issue 16's new inputs added or removed without
 * touching the rest of the rows (bench/data.ts `reportInputs`), and source sheets trimmed to their
 * own columns (`trimToData`).
 */
import { describe, expect, it } from 'vitest';
import { reportInputs, type SheetRows, trimToData, ZONE } from '../../bench/data';
import { Workbook } from '../emulator';

const opened = new Date('2025-03-04T08:00:00Z');
const SHEETS: SheetRows = {
  Clientes: [
    ['ID cliente', 'Nombre', 'Segmento'],
    ['C1', 'Ana', 'Premium'],
  ],
  Encuestas: [
    ['ID cliente', 'Fecha', 'Recomendación'],
    ['C1', opened, 9],
  ],
  Tickets: [
    ['ID cliente', 'Fecha', 'Estado'],
    ['C1', opened, 'abierto'],
    ['C1', opened, 'cerrado'],
  ],
};

describe('bench workloads for the report', () => {
  it('without the new inputs: segment, effort and ticket-time columns are removed, the rest kept', () => {
    const out = reportInputs(SHEETS, false);
    expect(out.Clientes).toEqual([
      ['ID cliente', 'Nombre'],
      ['C1', 'Ana'],
    ]);
    expect(out.Encuestas).toEqual(SHEETS.Encuestas);
    expect(out.Tickets).toEqual(SHEETS.Tickets);
  });

  it('with them: the missing ones are added (effort 1–7, response and resolution after the ticket), the sample’s kept', () => {
    const out = reportInputs(SHEETS, true);
    expect(out.Clientes).toEqual(SHEETS.Clientes);
    expect(out.Encuestas[0]).toEqual(['ID cliente', 'Fecha', 'Recomendación', 'Esfuerzo']);
    const effort = out.Encuestas[1][3] as number;
    expect(Number.isInteger(effort) && effort >= 1 && effort <= 7).toBe(true);
    expect(out.Tickets[0]).toEqual(['ID cliente', 'Fecha', 'Estado', 'Primera respuesta', 'Resuelto']);
    for (const row of out.Tickets.slice(1)) {
      const response = row[3] as Date;
      expect(response.getTime() - opened.getTime()).toBeGreaterThanOrEqual(0.5 * 3_600_000);
      expect(response.getTime() - opened.getTime()).toBeLessThanOrEqual(48 * 3_600_000);
      if (row[4] !== '') expect((row[4] as Date).getTime()).toBeGreaterThan(opened.getTime());
    }
    expect(SHEETS.Tickets[0]).toHaveLength(3); // the input is not changed
  });

  it('trimToData leaves each sheet only its own columns', () => {
    const workbook = new Workbook({ timeZone: ZONE, sheets: SHEETS });
    expect(workbook.sheet('Tickets').maxColumns).toBe(26);
    trimToData(workbook);
    expect(workbook.sheet('Tickets').maxColumns).toBe(3);
    expect(workbook.sheet('Clientes').maxColumns).toBe(3);
  });
});
