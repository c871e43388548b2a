/**
 * Behaviours of Google's platform that no document settles, run both ways (issue 12): the add-on
 * must give the same answers whichever way the real platform turns out to behave.
 *
 * - `Intl` in Apps Script's V8: midnight as hour 24, a `timeZone` option that throws, no
 *   `formatToParts` (the emulator's own zone arithmetic uses moment-timezone's tz data, so these
 *   faults cannot hide in the reference either).
 * - `LockService.getDocumentLock()` is `null` outside a container-bound script.
 * Run `npm run build` first.
 */
import { describe, expect, it } from 'vitest';
import { generateSample } from '../../demo/sample/generator';
import { INTL_BEHAVIOURS, isoDateIn, loadBundle, sheetDate, Workbook } from '../emulator';
import { addOn, column, errorOf } from '../support/addon';
import { copySheets, generate, reportRig } from '../support/report';

/** Zones with odd offsets and DST changes at midnight (Santiago), half hours (Kolkata) and 12:45 (Chatham). */
const ZONES = ['America/Los_Angeles', 'Europe/Madrid', 'America/Santiago', 'Asia/Kolkata', 'Pacific/Chatham'];

/** Dates at midnight across DST changes, month ends and a leap day. */
const DAYS = ['2023-12-31', '2024-01-01', '2024-02-29', '2024-03-10', '2024-03-31', '2024-04-07', '2024-09-08'];

/** What several date formulas return for the same cells, in one zone, under one `Intl` behaviour. */
function dateAnswers(timeZone: string, intl: (typeof INTL_BEHAVIOURS)[number]): unknown {
  const { fx } = addOn({ timeZone, intl });
  const ids = column('a', 'b', 'a', 'c', 'b', 'a', 'c');
  const dates = column(...DAYS.map((day) => sheetDate(day, timeZone)));
  const shown = (table: unknown[][]) =>
    table.map((row) =>
      row.map((cell) =>
        Object.prototype.toString.call(cell) === '[object Date]' ? isoDateIn(cell as Date, timeZone) : cell,
      ),
    );
  return {
    cohorts: shown(fx.COHORT_RETENTION(ids, dates)),
    trend: shown(fx.NPS_TREND(column(10, 9, 3, 8, 10, 0, 7), dates, 'week')),
    frequency: fx.PURCHASE_FREQUENCY(ids, dates),
    upcoming: shown(
      fx.UPCOMING_DATES(
        column('x', 'y', 'z'),
        column(...DAYS.slice(0, 3).map((d) => sheetDate(d, timeZone))),
        sheetDate('2024-12-20', timeZone),
        30,
      ),
    ),
    orders: shown(fx.ORDER_SUMMARY(ids, dates, column(10, 20, 30, 40, 50, 60, 70))),
  };
}

describe('Intl as Apps Script may have it', () => {
  it('each switch really changes what the bundle sees', () => {
    const probe = (intl: (typeof INTL_BEHAVIOURS)[number]) => {
      const globals = new Workbook({ intl }).globals() as { Intl: typeof Intl };
      try {
        const format = new globals.Intl.DateTimeFormat('en-US', {
          timeZone: 'Europe/Madrid',
          hour: 'numeric',
          hourCycle: 'h23',
        });
        return typeof format.formatToParts === 'function'
          ? format.formatToParts(new Date(Date.UTC(2023, 11, 31, 23))).find((p) => p.type === 'hour')?.value
          : 'no formatToParts';
      } catch (error) {
        return (error as Error).name;
      }
    };
    expect(INTL_BEHAVIOURS.map(probe)).toEqual(['00', '24', 'RangeError', 'no formatToParts']);
  });

  for (const timeZone of ZONES) {
    it(`date formulas give the same answers under every behaviour (${timeZone})`, () => {
      const standard = dateAnswers(timeZone, 'standard');
      for (const intl of INTL_BEHAVIOURS.slice(1)) expect(dateAnswers(timeZone, intl), intl).toEqual(standard);
    });
  }

  it('where the timeZone option fails, dates are read with Utilities.formatDate (a few calls, not one per row)', () => {
    const { fx, workbook } = addOn({ timeZone: 'Europe/Madrid', intl: 'timeZoneThrows' });
    const days = Array.from({ length: 2000 }, (_, i) => new Date(Date.UTC(2023, 0, 1) + i * 3_600_000 * 9));
    workbook.calls.reset();
    fx.PURCHASE_FREQUENCY(column(...days.map((_, i) => `c${i % 50}`)), column(...days));
    const calls = workbook.calls.count('Utilities.formatDate');
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThan(400);
  });

  it('the report is the same under every behaviour', () => {
    const sample = generateSample({ customers: 60, orders: 500, timeZone: 'Europe/Madrid' });
    const headline = (intl: (typeof INTL_BEHAVIOURS)[number]) =>
      generate(reportRig(copySheets(sample.sheets), { timeZone: 'Europe/Madrid', intl })).headline;
    const standard = headline('standard');
    for (const intl of INTL_BEHAVIOURS.slice(1)) expect(headline(intl), intl).toEqual(standard);
  });
});

describe('a script that is not bound to the spreadsheet', () => {
  it('gets a null document lock: the wizard says plainly what to do and changes nothing', () => {
    const sample = generateSample({ customers: 20, orders: 80, timeZone: 'Europe/Madrid' });
    const workbook = new Workbook({
      timeZone: 'Europe/Madrid',
      sheets: copySheets(sample.sheets),
      containerBound: false,
    });
    const fx = loadBundle(workbook.globals());
    const before = workbook.fingerprints();
    expect(errorOf(() => fx.wizardGenerate({}))).toBe(
      'Fideliza can only make a report inside a spreadsheet: open the spreadsheet in Google Sheets and use ' +
        'Extensions ▸ Fideliza ▸ Generate KPI report.',
    );
    expect(workbook.fingerprints()).toEqual(before);
  });
});

describe('a referenced cell holding an error value (undocumented: both ways)', () => {
  const SCORES = [[10], [9], ['#N/A'], [3], [8]];
  for (const errorArguments of ['asText', 'notCalled'] as const) {
    it(`never computes past it, and names it where the function sees it (${errorArguments})`, () => {
      const workbook = new Workbook({ sheets: { S: SCORES }, errorArguments });
      const fx = loadBundle(workbook.globals());
      const range = workbook.evaluate('=NPS(S!A1:A5)', fx);
      const cell = workbook.evaluate('=CHURN_RATE(S!A3, 190, 40)', fx);
      for (const result of [range, cell]) expect(result.kind).toBe('error');
      if (errorArguments === 'asText') {
        expect(range).toMatchObject({
          error: '#ERROR!',
          message: 'NPS scores row 3 holds the error #N/A. Fix that cell or leave it out of the range.',
        });
        expect(cell).toMatchObject({
          error: '#ERROR!',
          message: expect.stringMatching(/^CHURN_RATE customers_start row 1 holds the error #N\/A/),
        });
      } else {
        expect(range).toEqual({ kind: 'error', error: '#N/A' });
        expect(cell).toEqual({ kind: 'error', error: '#N/A' });
      }
      // Without the error the same cells compute.
      workbook
        .sheet('S')
        .rangeOf('A3')
        .writeValues([[7]]);
      expect(workbook.evaluate('=NPS(S!A1:A5)', fx)).toEqual({ kind: 'value', value: 20 });
    });
  }
});

describe('a number in a cell formatted as a date (getValues follows the format: both ways)', () => {
  for (const valueTypes of ['byFormat', 'asEntered'] as const) {
    it(`says the cell is formatted as a date where that is the cause (${valueTypes})`, () => {
      const workbook = new Workbook({ sheets: { S: [[200], [10], [20]] }, valueTypes });
      workbook.sheet('S').rangeOf('A1').setNumberFormat('dd/mm/yyyy');
      workbook.sheet('S').rangeOf('A3').setNumberFormat('yyyy-mm-dd');
      const fx = loadBundle(workbook.globals());
      const single = workbook.evaluate('=CHURN_RATE(S!A1, 190, 40)', fx);
      const amounts = workbook.evaluate('=ORDER_SUMMARY(S!A2:A3, S!A2:A3, S!A2:A3)', fx);
      if (valueTypes === 'byFormat') {
        // 200 as a date is 1900-07-18; 20 is 1900-01-19.
        expect(single).toMatchObject({
          kind: 'error',
          message: expect.stringMatching(
            /^CHURN_RATE customers_start row 1: this cell is formatted as a date, so it reads as 1900-07-18/,
          ),
        });
        expect(single).toMatchObject({ message: expect.stringContaining('Format > Number > Automatic') });
        expect(amounts).toMatchObject({
          kind: 'error',
          message: expect.stringMatching(
            /^ORDER_SUMMARY amounts row 2: this cell is formatted as a date, so it reads as 1900-01-19/,
          ),
        });
      } else {
        expect(single).toEqual({ kind: 'value', value: 0.25 });
        expect(amounts.kind).toBe('value');
      }
    });
  }
});

describe('TODAY() as an argument', () => {
  it('leaves the cell Loading… (Google documents it), so the docs say what to type instead', async () => {
    const workbook = new Workbook({ sheets: { S: [['a'], ['b']] } });
    const fx = loadBundle(workbook.globals());
    expect(workbook.evaluate('=UPCOMING_DATES(S!A1:A2, S!A1:A2, TODAY(), 30)', fx)).toEqual({ kind: 'loading' });
    const { readFileSync } = await import('node:fs');
    const docs = readFileSync(new URL('../../docs/functions.md', import.meta.url), 'utf8');
    expect(docs).toContain('**Not `TODAY()` or `NOW()`**');
    // Every date argument says it, in the table of arguments.
    const asOfRows = docs.split('\n').filter((line) => line.startsWith('| `as_of`'));
    expect(asOfRows.length).toBeGreaterThan(3);
    for (const row of asOfRows) expect(row).toContain('not TODAY() or NOW()');
  });
});
