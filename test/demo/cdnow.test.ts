import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cdnowOrdersSheet } from '../../demo/input/cdnow';
import { isoDateIn } from '../emulator';
import { CDNOW_DIR } from '../support/cdnow';

const DATA = CDNOW_DIR;
const ZONE = 'America/Los_Angeles';
const dir = mkdtempSync(join(tmpdir(), 'fideliza-cdnow-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cdnowOrdersSheet', () => {
  it('turns CDNOW_sample.txt into an Orders sheet of 6,919 rows for 2,357 customers (README)', () => {
    const rows = cdnowOrdersSheet(join(DATA, 'CDNOW_sample.txt'), { timeZone: ZONE });
    expect(rows[0]).toEqual(['Customer ID', 'Order date', 'Amount']);
    expect(rows).toHaveLength(6919 + 1);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(2357);
    // First line of the file: "00004 0001 19970101 2 29.33" → customer = sample_id 0001.
    expect(rows[1][0]).toBe('0001');
    expect(isoDateIn(rows[1][1] as Date, ZONE)).toBe('1997-01-01');
    expect(rows[1][2]).toBe(29.33);
  });

  it('reproduces the published summary of customer 1 (calibration period ending 1997-09-30)', () => {
    // README (Fader, Hardie & Lee 2005): customer 1 → x = 2 repeat purchase days, tx = 30.43 weeks,
    // T = 38.86 weeks, mean repeat spend 22.35.
    const rows = cdnowOrdersSheet(join(DATA, 'CDNOW_sample.txt'), { timeZone: ZONE }).slice(1);
    const days = rows
      .filter((r) => r[0] === '0001')
      .map((r) => ({ day: Date.parse(isoDateIn(r[1] as Date, ZONE)) / 86_400_000, amount: r[2] as number }))
      .filter((o) => o.day <= Date.parse('1997-09-30') / 86_400_000);
    const first = Math.min(...days.map((o) => o.day));
    const repeatDays = [...new Set(days.map((o) => o.day))].filter((d) => d > first);
    expect(repeatDays).toHaveLength(2);
    expect((Math.max(...repeatDays) - first) / 7).toBeCloseTo(30.43, 2);
    expect((Date.parse('1997-09-30') / 86_400_000 - first) / 7).toBeCloseTo(38.86, 2);
    const repeatSpend = repeatDays.map((d) => days.filter((o) => o.day === d).reduce((s, o) => s + o.amount, 0));
    // Published to 2 decimals: within half a cent.
    expect(Math.abs(repeatSpend.reduce((a, b) => a + b, 0) / repeatSpend.length - 22.35)).toBeLessThanOrEqual(0.0051);
  });

  it('reads CDNOW_master.txt with its header: 69,659 transactions of 23,570 customers (README)', () => {
    const rows = cdnowOrdersSheet(join(DATA, 'CDNOW_master.txt'), { timeZone: ZONE });
    expect(rows).toHaveLength(69659 + 1);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(23570);
    expect(rows.slice(1).filter((r) => r[2] === 0)).toHaveLength(80); // the free items
    expect(rows[1]).toEqual(['00001', rows[1][1], 11.77]);
    expect(isoDateIn(rows[1][1] as Date, ZONE)).toBe('1997-01-01');
  });

  it('names the file and line of a bad row, and a missing or empty file', () => {
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, ' 00001 19970101 1 11.77\n 00002 1997-01-12 1 12.00\n');
    expect(() => cdnowOrdersSheet(bad, { timeZone: ZONE })).toThrow(`${bad}:2`);
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '\n');
    expect(() => cdnowOrdersSheet(empty, { timeZone: ZONE })).toThrow(`Input file is empty: ${empty}`);
    expect(() => cdnowOrdersSheet(join(dir, 'none.txt'), { timeZone: ZONE })).toThrow(
      `Input not found: ${join(dir, 'none.txt')}`,
    );
  });
});
