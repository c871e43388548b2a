import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoOfDay } from '../../src/kpi/calendar/days';
import { nextOccurrence, upcomingDates } from '../../src/kpi/retention/upcoming-dates';
import { day } from './retention-support';

const next = (date: string, asOf: string) => {
  const o = nextOccurrence(day(date), day(asOf));
  return [isoOfDay(o.day), o.day - day(asOf), o.years];
};

describe('next occurrence of a yearly date', () => {
  it('29 February falls on 28 February in non-leap years, and on the 29th in leap years', () => {
    expect(next('2000-02-29', '2023-02-20')).toEqual(['2023-02-28', 8, 23]);
    expect(next('2000-02-29', '2024-02-20')).toEqual(['2024-02-29', 9, 24]);
    expect(next('2000-02-29', '2023-02-28')).toEqual(['2023-02-28', 0, 23]);
    // 1 March 2023 is past the 2023 occurrence; 1 Mar 2023 → 29 Feb 2024 is 365 days (2024 is a leap year)
    expect(next('2000-02-29', '2023-03-01')).toEqual(['2024-02-29', 365, 24]);
    // 29 Feb 2024 itself
    expect(next('2000-02-29', '2024-02-29')).toEqual(['2024-02-29', 0, 24]);
  });

  it('wraps into the next year: as_of 20 December, birthday 5 January', () => {
    // 20 → 31 December is 11 days, plus 5 → 16
    expect(next('1990-01-05', '2024-12-20')).toEqual(['2025-01-05', 16, 35]);
    expect(next('1990-12-20', '2024-12-20')).toEqual(['2024-12-20', 0, 34]);
    expect(next('1990-12-19', '2024-12-20')).toEqual(['2025-12-19', 364, 35]);
  });

  it('a date after as_of is its own first occurrence (0 years)', () => {
    expect(next('2025-01-10', '2024-12-20')).toEqual(['2025-01-10', 21, 0]);
  });
});

describe('upcoming dates', () => {
  it('keeps 0 … days after as_of, both ends included, sorted by days until then name', () => {
    const names = ['Zoe', 'Ana', 'Luis', 'Marta', 'Pablo', 'Bea'];
    const dates = ['1990-01-05', '1990-12-25', '1985-01-05', '2000-02-29', '1975-12-20', '1980-01-06'].map(day);
    const rows = upcomingDates(names, dates, day('2024-12-20'), 16);
    expect(rows.map((r) => [r.name, isoOfDay(r.next), r.daysUntil, r.years])).toEqual([
      ['Pablo', '2024-12-20', 0, 49],
      ['Ana', '2024-12-25', 5, 34],
      ['Luis', '2025-01-05', 16, 40],
      ['Zoe', '2025-01-05', 16, 35],
    ]);
    // one day shorter drops the two on 5 January; Bea (6 January, 17 days) is never in
    expect(upcomingDates(names, dates, day('2024-12-20'), 15).map((r) => r.name)).toEqual(['Pablo', 'Ana']);
    expect(upcomingDates(names, dates, day('2024-12-20'), 0).map((r) => r.name)).toEqual(['Pablo']);
  });

  it('property: agrees with a day-by-day scan using Date.UTC, and ignores row order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.constantFrom('Ana', 'ana', 'Bo', 'C2', 'C10'), fc.integer({ min: -15_000, max: 20_000 })),
          { minLength: 1, maxLength: 30 },
        ),
        fc.integer({ min: 10_000, max: 20_000 }),
        fc.integer({ min: 0, max: 366 }),
        (people, asOf, window) => {
          const names = people.map((p) => p[0]);
          const dates = people.map((p) => p[1]);
          const rows = upcomingDates(names, dates, asOf, window);
          // independent check: walk the window day by day with JavaScript's UTC calendar
          const expected = people.flatMap(([name, date]) => {
            const birth = new Date(date * 86_400_000);
            for (let d = Math.max(asOf, date); d <= asOf + window; d++) {
              const t = new Date(d * 86_400_000);
              const leap = new Date(Date.UTC(t.getUTCFullYear(), 1, 29)).getUTCMonth() === 1;
              const sameDay = t.getUTCMonth() === birth.getUTCMonth() && t.getUTCDate() === birth.getUTCDate();
              const feb29OnFeb28 =
                !leap &&
                birth.getUTCMonth() === 1 &&
                birth.getUTCDate() === 29 &&
                t.getUTCMonth() === 1 &&
                t.getUTCDate() === 28;
              if (sameDay || feb29OnFeb28)
                return [{ name, date, daysUntil: d - asOf, years: t.getUTCFullYear() - birth.getUTCFullYear() }];
            }
            return [];
          });
          expect(
            rows
              .map((r) => ({ name: r.name, date: r.date, daysUntil: r.daysUntil, years: r.years }))
              .sort((a, b) => a.daysUntil - b.daysUntil || a.name.localeCompare(b.name) || a.date - b.date),
          ).toEqual(
            expected.sort((a, b) => a.daysUntil - b.daysUntil || a.name.localeCompare(b.name) || a.date - b.date),
          );
          for (let i = 1; i < rows.length; i++) expect(rows[i].daysUntil).toBeGreaterThanOrEqual(rows[i - 1].daysUntil);
          expect(upcomingDates([...names].reverse(), [...dates].reverse(), asOf, window)).toEqual(rows);
        },
      ),
    );
  });
});
