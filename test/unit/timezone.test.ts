import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromCivil, isoOfDay } from '../../src/kpi/calendar/days';
import { wallClockOfText, ZoneCalendar } from '../../src/sheets/timezone';
import { isoDateIn, sheetDate } from '../emulator';

const ZONES = [
  'America/Los_Angeles',
  'Europe/Madrid',
  'Pacific/Auckland',
  'Pacific/Kiritimati',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'America/Santiago',
  'UTC',
];

describe('ZoneCalendar: calendar days in the spreadsheet zone', () => {
  it('property: a date cell (local midnight) reads as its own calendar date, in every zone and any host zone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: dayFromCivil(1990, 1, 1), max: dayFromCivil(2040, 12, 31) }),
        (zone, day) => {
          const calendar = new ZoneCalendar(zone);
          const cell = sheetDate(isoOfDay(day), zone);
          // Kiribati skipped 1994-12-31 when it moved across the date line: no cell shows that day.
          fc.pre(isoDateIn(cell, zone) === isoOfDay(day));
          expect(calendar.dayOf(cell.getTime())).toBe(day);
          expect(calendar.midnightOf(day).getTime()).toBe(cell.getTime());
        },
      ),
      { numRuns: 400 },
    );
  });

  it('property: any instant falls on the date the zone shows for it (times of day, DST days included)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        // from birth dates a century back to dates to come
        fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2040, 0, 1) }),
        (zone, ms) => {
          expect(isoOfDay(new ZoneCalendar(zone).dayOf(ms))).toBe(isoDateIn(new Date(ms), zone));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('reads the hours around DST changes correctly (Madrid, Los Angeles, Lord Howe’s half-hour shift)', () => {
    for (const [zone, iso] of [
      ['Europe/Madrid', '2024-03-31 01:45'],
      ['Europe/Madrid', '2024-03-31 03:15'],
      ['Europe/Madrid', '2024-10-27 23:59'],
      ['America/Los_Angeles', '2024-03-10 00:30'],
      ['America/Los_Angeles', '2024-11-03 23:30'],
      ['Australia/Lord_Howe', '2024-04-07 01:45'],
      ['Pacific/Kiritimati', '2024-01-31 23:30'],
      // Santiago moves its clocks at midnight: 1990-09-16 00:00 does not exist, the day starts at 01:00.
      ['America/Santiago', '1990-09-16 01:00'],
    ] as const) {
      const instant = sheetDate(iso, zone);
      expect(isoOfDay(new ZoneCalendar(zone).dayOf(instant.getTime())), `${zone} ${iso}`).toBe(iso.slice(0, 10));
    }
    // …and a day whose midnight does not exist is written as the instant its clocks jump to (01:00).
    const santiago = new ZoneCalendar('America/Santiago');
    for (const iso of ['1990-09-16', '2024-09-08']) {
      const [y, m, d] = iso.split('-').map(Number);
      const start = santiago.midnightOf(dayFromCivil(y, m, d));
      expect(start.getTime(), iso).toBe(sheetDate(iso, 'America/Santiago').getTime());
      expect(isoDateIn(start, 'America/Santiago'), iso).toBe(iso);
    }
  });

  it('reads the wall clock from the text Intl writes, and only from that layout', () => {
    expect(wallClockOfText('1/31/1956 AD, 23:00:00')).toEqual({
      year: 1956,
      month: 1,
      day: 31,
      hour: 23,
      minute: 0,
      second: 0,
    });
    expect(wallClockOfText('12/5/2024 AD, 24:30:05')).toMatchObject({ day: 5, hour: 0, minute: 30, second: 5 });
    expect(wallClockOfText('3/1/44 BC, 12:00:00')).toMatchObject({ year: -43, month: 3, day: 1 });
    expect(wallClockOfText('1/31/1956\u202fAD, 23:00:00')).toMatchObject({ year: 1956 });
    // another layout (day first, no era, a.m./p.m.): not read, the parts are used instead
    for (const other of ['31/1/1956, 23:00:00', '1/31/1956, 11:00:00 PM', '1956-01-31 23:00:00', ''])
      expect(wallClockOfText(other), other).toBeUndefined();
  });
});
