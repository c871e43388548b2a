import { describe, expect, it } from 'vitest';
import { DateCells } from '../../demo/sample/dateCells';
import { dayFromCivil, isoOfDay } from '../../src/kpi/calendar/days';
import { sheetDate } from '../emulator';

describe('DateCells', () => {
  // The emulator's sheetDate is the definition; DateCells is only a faster route to the same instant.
  // Zones chosen for their transitions: Madrid (wartime and 1970s DST), São Paulo (DST switching at
  // midnight, so some midnights do not exist), Lord Howe (30-minute DST), Auckland (southern).
  it.each(['Europe/Madrid', 'America/Sao_Paulo', 'Australia/Lord_Howe', 'Pacific/Auckland'])(
    'equals sheetDate for every day 1940–2030 in %s',
    (zone) => {
      const cells = new DateCells(zone);
      const mismatches: string[] = [];
      for (let d = dayFromCivil(1940, 1, 1); d <= dayFromCivil(2030, 12, 31); d += zone === 'Europe/Madrid' ? 1 : 3) {
        const iso = isoOfDay(d);
        if (cells.ofDay(d).getTime() !== sheetDate(iso, zone).getTime()) mismatches.push(iso);
      }
      expect(mismatches).toEqual([]);
    },
  );

  it('gives a fresh Date per call and the known instants', () => {
    const cells = new DateCells('America/Los_Angeles');
    const a = cells.of(2024, 3, 31);
    const b = cells.of(2024, 3, 31);
    expect(a).not.toBe(b);
    expect(a.toISOString()).toBe('2024-03-31T07:00:00.000Z'); // PDT is UTC−7
    expect(cells.of(2024, 1, 15).toISOString()).toBe('2024-01-15T08:00:00.000Z'); // PST is UTC−8
    expect(new DateCells('Europe/Madrid').of(2024, 2, 29).toISOString()).toBe('2024-02-28T23:00:00.000Z'); // CET is UTC+1
  });

  it('rejects an unknown zone', () => {
    expect(() => new DateCells('Mars/Olympus')).toThrow();
  });
});
