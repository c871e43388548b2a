import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  civilFromDay,
  dayFromCivil,
  isoOfDay,
  isoWeekday,
  periodEndDay,
  periodIndex,
  periodStartDay,
  type Period,
} from '../../src/kpi/calendar/days';

describe('civil days', () => {
  it('numbers days from 1970-01-01 like Date.UTC does', () => {
    expect(dayFromCivil(1970, 1, 1)).toBe(0);
    expect(dayFromCivil(2024, 2, 29)).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
    expect(isoOfDay(dayFromCivil(1900, 3, 1))).toBe('1900-03-01');
    expect(isoWeekday(dayFromCivil(2024, 1, 1))).toBe(1); // a Monday
  });

  it('property: day → date → day is the identity, and agrees with Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
        const { year, month, day: d } = civilFromDay(day);
        expect(dayFromCivil(year, month, d)).toBe(day);
        const utc = new Date(day * 86_400_000);
        expect([utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate()]).toEqual([year, month, d]);
      }),
    );
  });

  it('periods start on the 1st, on Mondays (ISO weeks), on quarter and year starts', () => {
    const day = dayFromCivil(2024, 5, 15); // a Wednesday
    expect(isoOfDay(periodStartDay(periodIndex(day, 'week'), 'week'))).toBe('2024-05-13');
    expect(isoOfDay(periodStartDay(periodIndex(day, 'month'), 'month'))).toBe('2024-05-01');
    expect(isoOfDay(periodStartDay(periodIndex(day, 'quarter'), 'quarter'))).toBe('2024-04-01');
    expect(isoOfDay(periodStartDay(periodIndex(day, 'year'), 'year'))).toBe('2024-01-01');
    expect(isoOfDay(periodEndDay(periodIndex(day, 'month'), 'month'))).toBe('2024-05-31');
    expect(isoOfDay(periodEndDay(periodIndex(dayFromCivil(2024, 2, 3), 'month'), 'month'))).toBe('2024-02-29');
  });

  it('property: every day lies inside its period, and consecutive periods touch', () => {
    const periods: Period[] = ['day', 'week', 'month', 'quarter', 'year'];
    fc.assert(
      fc.property(fc.integer({ min: -50_000, max: 50_000 }), fc.constantFrom(...periods), (day, period) => {
        const index = periodIndex(day, period);
        expect(periodStartDay(index, period)).toBeLessThanOrEqual(day);
        expect(periodEndDay(index, period)).toBeGreaterThanOrEqual(day);
        expect(periodStartDay(index + 1, period)).toBe(periodEndDay(index, period) + 1);
        if (period === 'week') expect(isoWeekday(periodStartDay(index, period))).toBe(1);
      }),
    );
  });
});
