/**
 * Support KPIs: median first-response and resolution times (hours), share of a period's tickets
 * resolved within it, tickets per customer, by month with their trend; and the "needs attention"
 * list of customers with 3 or more unresolved tickets. Durations are calendar hours as Zendesk's
 * native metrics count them; the worked example is keeping.com's (a ticket arriving at 18:00 and
 * answered at 08:00 the next day has a first response time of 14 hours); the rest is worked by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodIndex } from '../../src/kpi/calendar/days';
import { customersNeedingAttention } from '../../src/kpi/support/needs-attention';
import { supportByMonth, supportPeriod } from '../../src/kpi/support/support-times';
import { isUnresolvedOn, type Ticket, type TicketStatus } from '../../src/kpi/support/ticket';
import { codeOf } from '../support/kpi-errors';
import { expectClose } from '../support/numbers';
import { day } from './retention-support';

/** Fractional day number of a wall-clock time: `at('2024-03-01', 18)` is 18:00 that day. */
const at = (iso: string, hours = 0, minutes = 0) => day(iso) + (hours * 60 + minutes) / 1440;

function ticket(
  customerId: string,
  openedAt: number,
  firstResponseAt: number | null = null,
  resolvedAt: number | null = null,
  status: TicketStatus | null = null,
): Ticket {
  return { customerId, openedAt, firstResponseAt, resolvedAt, status };
}

/**
 * March 2024 (5 tickets) and April 2024 (1):
 *   t1 c1 opened 1 Mar 18:00, answered 2 Mar 08:00 (14 h, keeping.com's case), resolved 3 Mar 18:00 (48 h)
 *   t2 c1 opened 5 Mar 09:00, answered 10:30 (1.5 h), resolved 12:00 (3 h)
 *   t3 c2 opened 20 Mar 10:00, answered 14:00 (4 h), resolved 2 Apr 10:00 (13 days = 312 h: after March)
 *   t4 c3 opened 31 Mar 23:00, not answered, open
 *   t5 c2 opened 10 Mar (a date only), "answered" 9 Mar (before the opening: inconsistent), resolved 11 Mar (24 h)
 *   t6 c1 opened 2 Apr 08:00, answered 09:00 (1 h), open
 * March: opened 5; responses 14, 1.5, 4 → median 4 (t5's is left out); resolutions 48, 3, 312, 24 → median (24 + 48) ÷ 2 = 36;
 * resolved within March t1, t2, t5 → 3/5 = 0.6; 50 customers → 0.1 per customer; 1 inconsistent.
 * April: opened 1; response median 1; no resolution; share 0; 40 customers → 0.025.
 */
const TICKETS: Ticket[] = [
  ticket('c1', at('2024-03-01', 18), at('2024-03-02', 8), at('2024-03-03', 18)),
  ticket('c1', at('2024-03-05', 9), at('2024-03-05', 10, 30), at('2024-03-05', 12), 'closed'),
  ticket('c2', at('2024-03-20', 10), at('2024-03-20', 14), at('2024-04-02', 10)),
  ticket('c3', at('2024-03-31', 23), null, null, 'open'),
  ticket('c2', at('2024-03-10'), at('2024-03-09'), at('2024-03-11')),
  ticket('c1', at('2024-04-02', 8), at('2024-04-02', 9), null, 'open'),
];
const MARCH = periodIndex(day('2024-03-01'), 'month');

describe('support KPIs of a period', () => {
  it("keeping.com's worked example: opened at 18:00, answered at 08:00 the next day → 14 hours", () => {
    const one = supportPeriod([TICKETS[0]], day('2024-03-01'), day('2024-03-31'));
    expectClose(one.medianFirstResponseHours as number, 14, 1e-9);
    expectClose(one.medianResolutionHours as number, 48, 1e-9);
    expect(one).toMatchObject({ opened: 1, responded: 1, resolved: 1, resolvedWithinPeriod: 1 });
    expect(one.resolvedWithinPeriodShare).toBe(1);
  });

  it('hand-checked March 2024', () => {
    const march = supportPeriod(TICKETS, day('2024-03-01'), day('2024-03-31'), 50);
    expect(march).toMatchObject({
      firstDay: day('2024-03-01'),
      lastDay: day('2024-03-31'),
      opened: 5,
      responded: 3,
      resolved: 4,
      resolvedWithinPeriod: 3,
      resolvedWithinPeriodShare: 0.6,
      customers: 50,
      ticketsPerCustomer: 0.1,
      inconsistent: 1,
    });
    expectClose(march.medianFirstResponseHours as number, 4, 1e-9);
    expectClose(march.medianResolutionHours as number, 36, 1e-9);
    // The whole quarter: t3 is then resolved within the period.
    const quarter = supportPeriod(TICKETS, day('2024-01-01'), day('2024-06-30'));
    expect(quarter).toMatchObject({ opened: 6, resolvedWithinPeriod: 4, customers: null, ticketsPerCustomer: null });
    expectClose(quarter.medianFirstResponseHours as number, (1.5 + 4) / 2, 1e-9);
  });

  it('no tickets: zero opened and blank medians and share; 0 customers: no tickets per customer', () => {
    expect(supportPeriod(TICKETS, day('2023-01-01'), day('2023-01-31'), 0)).toMatchObject({
      opened: 0,
      medianFirstResponseHours: null,
      medianResolutionHours: null,
      resolvedWithinPeriodShare: null,
      ticketsPerCustomer: null,
    });
  });

  it('bad input: negative customers are refused; a time that is not a number is a caller bug', () => {
    expect(codeOf(() => supportPeriod(TICKETS, day('2024-03-01'), day('2024-03-31'), -1))).toBe('negativeCustomers');
    expect(() => supportPeriod([ticket('x', Number.NaN)], 0, 1)).toThrow(RangeError);
    expect(() => supportPeriod([ticket('x', 5, Infinity)], 0, 10)).toThrow(RangeError);
  });
});

describe('support KPIs by month, with their trend', () => {
  it('hand-checked March–May 2024 (May empty) and the least-squares trends', () => {
    const { months, trend } = supportByMonth(TICKETS, {
      toMonth: MARCH + 2,
      customersByMonth: new Map([
        [MARCH, 50],
        [MARCH + 1, 40],
      ]),
    });
    expect(months.map((m) => m.month)).toEqual([MARCH, MARCH + 1, MARCH + 2]);
    expect(months.map((m) => m.opened)).toEqual([5, 1, 0]);
    expect(months.map((m) => m.ticketsPerCustomer)).toEqual([0.1, 0.025, null]);
    expect(months.map((m) => m.resolvedWithinPeriodShare)).toEqual([0.6, 0, null]);
    expect(months[1].medianResolutionHours).toBeNull();
    expectClose(months[1].medianFirstResponseHours as number, 1, 1e-9);
    expect(months[2]).toMatchObject({ medianFirstResponseHours: null, customers: null, firstDay: day('2024-05-01') });
    // Each month is the period of its days.
    expect(months[0]).toEqual({ month: MARCH, ...supportPeriod(TICKETS, day('2024-03-01'), day('2024-03-31'), 50) });
    // Opened 5, 1, 0 at x = 0, 1, 2: slope Σ(x − 1)(y − 2) ÷ 2 = (−3 − 2) ÷ 2 = −2.5 a month.
    expectClose(trend.opened as number, -2.5, 1e-12);
    expectClose(trend.medianFirstResponseHours as number, 1 - 4, 1e-9);
    expectClose(trend.resolvedWithinPeriodShare as number, -0.6, 1e-12);
    expectClose(trend.ticketsPerCustomer as number, -0.075, 1e-12);
    // Resolution times exist in March only: no trend.
    expect(trend.medianResolutionHours).toBeNull();
  });

  it('defaults to the months of the first and last ticket; no tickets and no months → empty', () => {
    expect(supportByMonth(TICKETS).months.map((m) => m.month)).toEqual([MARCH, MARCH + 1]);
    const empty = supportByMonth([]);
    expect(empty.months).toEqual([]);
    expect(empty.trend).toEqual({
      opened: null,
      medianFirstResponseHours: null,
      medianResolutionHours: null,
      resolvedWithinPeriodShare: null,
      ticketsPerCustomer: null,
    });
    expect(supportByMonth([], { fromMonth: MARCH }).months).toHaveLength(1);
  });

  it('bad input: reversed or 1000-year month ranges and negative customers are refused', () => {
    expect(codeOf(() => supportByMonth(TICKETS, { fromMonth: MARCH, toMonth: MARCH - 1 }))).toBe('monthsReversed');
    expect(codeOf(() => supportByMonth(TICKETS, { fromMonth: 0, toMonth: 12_000 }))).toBe('tooManyMonths');
    expect(codeOf(() => supportByMonth(TICKETS, { customersByMonth: new Map([[MARCH, -3]]) }))).toBe(
      'negativeCustomers',
    );
    expect(() => supportByMonth([ticket('x', Number.NaN)])).toThrow(RangeError);
  });
});

describe('unresolved tickets and the needs-attention list', () => {
  it('what counts as unresolved on a day', () => {
    const d = day('2024-03-10');
    expect(isUnresolvedOn(ticket('a', d), d)).toBe(true); // no status, no resolved time
    expect(isUnresolvedOn(ticket('a', d, null, null, 'closed'), d)).toBe(false);
    expect(isUnresolvedOn(ticket('a', d, null, d + 0.5), d)).toBe(false); // resolved the same day
    expect(isUnresolvedOn(ticket('a', d, null, d + 1.5), d)).toBe(true); // resolved the next day
    expect(isUnresolvedOn(ticket('a', d, null, d + 1.5, 'closed'), d)).toBe(true);
    expect(isUnresolvedOn(ticket('a', d, null, d + 0.5, 'open'), d + 5)).toBe(true); // reopened
    expect(isUnresolvedOn(ticket('a', d + 1), d)).toBe(false); // not opened yet
  });

  /** c9: 3 unresolved of 4; c8: 4 unresolved, the oldest later than c9's; c7: 3 unresolved, oldest earliest; c1: 2. */
  const LIST: Ticket[] = [
    ticket('c9', at('2024-03-02', 9)),
    ticket('c9', at('2024-03-03', 9), null, null, 'open'),
    ticket('c9', at('2024-03-04', 9), at('2024-03-04', 10)),
    ticket('c9', at('2024-03-05', 9), null, at('2024-03-06', 9), 'closed'),
    ...[5, 6, 7, 8].map((d) => ticket('c8', at(`2024-03-0${d}`, 12))),
    ...[1, 2, 3].map((d) => ticket('c7', at(`2024-03-0${d}`, 8), null, null, 'open')),
    ticket('c1', at('2024-03-01')),
    ticket('c1', at('2024-03-02')),
    ticket('c1', at('2024-03-03'), null, null, 'closed'),
  ];

  it('customers with 3 or more unresolved tickets, most first, then the longest waiting', () => {
    const rows = customersNeedingAttention(LIST);
    expect(rows.map((r) => [r.customerId, r.unresolved, r.tickets])).toEqual([
      ['c8', 4, 4],
      ['c7', 3, 3],
      ['c9', 3, 4],
    ]);
    expect(rows[1].oldestUnresolvedAt).toBe(at('2024-03-01', 8));
    expect(rows[2].oldestUnresolvedAt).toBe(at('2024-03-02', 9));
    // As of 5 March c8 has 1 ticket, and c9's fourth, resolved on the 6th, was still unresolved: 4 of 4.
    expect(
      customersNeedingAttention(LIST, { asOf: day('2024-03-05') }).map((r) => [r.customerId, r.unresolved]),
    ).toEqual([
      ['c9', 4],
      ['c7', 3],
    ]);
    expect(customersNeedingAttention(LIST, { minUnresolved: 2 }).map((r) => r.customerId)).toEqual([
      'c8',
      'c7',
      'c9',
      'c1',
    ]);
    expect(customersNeedingAttention([])).toEqual([]);
  });

  it('bad input: a threshold that is not a whole number ≥ 1 is a caller bug', () => {
    expect(() => customersNeedingAttention(LIST, { minUnresolved: 0 })).toThrow(RangeError);
    expect(() => customersNeedingAttention(LIST, { minUnresolved: 2.5 })).toThrow(RangeError);
    expect(() => customersNeedingAttention([ticket('x', Number.NaN)])).toThrow(RangeError);
  });
});

describe('properties', () => {
  const first = day('2023-01-01');
  const hours = fc.option(fc.double({ min: -48, max: 2000, noNaN: true }), { nil: null });
  const arbitraryTicket = fc
    .tuple(
      fc.constantFrom('a', 'b', 'c', 'd'),
      fc.double({ min: 0, max: 730, noNaN: true }),
      hours,
      hours,
      fc.constantFrom<TicketStatus | null>('open', 'closed', null),
    )
    .map(([id, offset, response, resolution, status]) =>
      ticket(
        id,
        first + offset,
        response === null ? null : first + offset + response / 24,
        resolution === null ? null : first + offset + resolution / 24,
        status,
      ),
    );
  const tickets = fc.array(arbitraryTicket, { maxLength: 60 });

  it('shares in [0, 1], counts consistent, medians within the observed durations, months add up', () => {
    fc.assert(
      fc.property(tickets, (list) => {
        const { months } = supportByMonth(list);
        expect(months.reduce((n, m) => n + m.opened, 0)).toBe(list.length);
        for (const m of months) {
          expect(m.responded).toBeLessThanOrEqual(m.opened);
          expect(m.resolvedWithinPeriod).toBeLessThanOrEqual(m.resolved);
          if (m.resolvedWithinPeriodShare !== null) {
            expect(m.resolvedWithinPeriodShare).toBeGreaterThanOrEqual(0);
            expect(m.resolvedWithinPeriodShare).toBeLessThanOrEqual(1);
          }
          for (const median of [m.medianFirstResponseHours, m.medianResolutionHours]) {
            if (median !== null) {
              expect(median).toBeGreaterThanOrEqual(-1e-9);
              expect(median).toBeLessThanOrEqual(2000 + 1e-6);
            }
          }
        }
      }),
    );
  });

  it('the order of the rows never changes a result', () => {
    fc.assert(
      fc.property(tickets, (list) => {
        const reversed = [...list].reverse();
        expect(supportByMonth(reversed)).toEqual(supportByMonth(list));
        expect(customersNeedingAttention(reversed, { minUnresolved: 1 })).toEqual(
          customersNeedingAttention(list, { minUnresolved: 1 }),
        );
      }),
    );
  });

  it('the needs-attention list counts exactly the customers with enough unresolved tickets', () => {
    fc.assert(
      fc.property(tickets, fc.integer({ min: 1, max: 4 }), (list, minUnresolved) => {
        const asOf = first + 400;
        const rows = customersNeedingAttention(list, { asOf, minUnresolved });
        const counts = new Map<string, number>();
        for (const t of list)
          if (isUnresolvedOn(t, asOf)) counts.set(t.customerId, (counts.get(t.customerId) ?? 0) + 1);
        const expected = [...counts].filter(([, n]) => n >= minUnresolved).map(([id]) => id);
        expect(rows.map((r) => r.customerId).sort()).toEqual(expected.sort());
        for (let i = 1; i < rows.length; i++) expect(rows[i].unresolved).toBeLessThanOrEqual(rows[i - 1].unresolved);
      }),
    );
  });

  it('20 000 tickets: the months and the attention list under 300 ms (best of three)', () => {
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const many = Array.from({ length: 20_000 }, () => {
      const opened = first + random() * 730;
      return ticket(
        `C${Math.floor(random() * 5000)}`,
        opened,
        random() < 0.8 ? opened + random() * 2 : null,
        random() < 0.7 ? opened + random() * 10 : null,
        random() < 0.3 ? 'open' : null,
      );
    });
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      supportByMonth(many);
      customersNeedingAttention(many);
      best = Math.min(best, performance.now() - t0);
    }
    expect(best).toBeLessThan(300);
  });
});
