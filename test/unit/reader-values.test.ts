// The report reader's values as they really come (src/sheets/report/reader-values.ts): amounts and
// dates written as text, read in the spreadsheet locale's way, date-times with offsets, UTC columns,
// and a column read as a whole (its decimal mark, its order of day and month, the count of each form).
import { describe, expect, it } from 'vitest';
import { dayFromCivil } from '../../src/kpi/calendar/days';
import { sourceSpec } from '../../src/report/sources';
import {
  amountOfText,
  ColumnReader,
  dateTextFields,
  exactDayOfText,
  readerLocale,
  type DateTextFields,
} from '../../src/sheets/report/reader-values';
import { ZoneCalendar } from '../../src/sheets/timezone';
import { sheetDate } from '../emulator';

const MADRID = new ZoneCalendar('Europe/Madrid');
const field = (kind: Parameters<typeof sourceSpec>[0], key: string) =>
  sourceSpec(kind).fields.find((f) => f.key === key)!;
const fields = (text: string, order: 'dmy' | 'mdy') => dateTextFields(text, order) as DateTextFields;

describe('readerLocale', () => {
  it('reads the decimal mark and the order of short dates from the locale', () => {
    expect(readerLocale('es_ES')).toEqual({ decimal: ',', dateOrder: 'dmy' });
    expect(readerLocale('en_US')).toEqual({ decimal: '.', dateOrder: 'mdy' });
    expect(readerLocale('en_GB')).toEqual({ decimal: '.', dateOrder: 'dmy' });
    expect(readerLocale('es_MX')).toEqual({ decimal: '.', dateOrder: 'dmy' });
    expect(readerLocale('de_DE').decimal).toBe(',');
  });
});

describe('amountOfText', () => {
  it('reads currency amounts with thousands separators and no-break spaces, in the mark given', () => {
    expect(amountOfText('56,43\u00a0€', ',')).toBe(56.43);
    expect(amountOfText('1.234,50\u00a0€', ',')).toBe(1234.5);
    expect(amountOfText('€1,234.50', '.')).toBe(1234.5);
    expect(amountOfText('US$ 12', '.')).toBe(12);
    expect(amountOfText('45,90 EUR', ',')).toBe(45.9);
    expect(amountOfText('1\u202f234,5', ',')).toBe(1234.5);
    expect(amountOfText("1'234.50 CHF", '.')).toBe(1234.5);
  });

  it('reads negatives written with a sign, a minus sign or parentheses', () => {
    expect(amountOfText('-19.9', '.')).toBe(-19.9);
    expect(amountOfText('\u221245,90 €', ',')).toBe(-45.9);
    expect(amountOfText('(45.90)', '.')).toBe(-45.9);
    expect(amountOfText('€-12.00', '.')).toBe(-12);
  });

  it('refuses what is not an amount in that mark: groups must be threes, words are not amounts', () => {
    expect(amountOfText('39.25', ',')).toBeUndefined(); // a decimal point where the comma is the mark
    expect(amountOfText('12,5', '.')).toBeUndefined();
    expect(amountOfText('gratis', ',')).toBeUndefined();
    expect(amountOfText('12 € 50', ',')).toBeUndefined();
    expect(amountOfText('', '.')).toBeUndefined();
    expect(amountOfText('1.234', ',')).toBe(1234); // ambiguous alone: the mark decides
    expect(amountOfText('1.234', '.')).toBe(1.234);
  });
});

describe('dateTextFields', () => {
  it('reads short dates in the order given: 3/11/2025 is 3 November day-first, 11 March month-first', () => {
    expect(fields('3/11/2025', 'dmy')).toMatchObject({ year: 2025, month: 11, day: 3, form: 'dateText' });
    expect(fields('3/11/2025', 'mdy')).toMatchObject({ year: 2025, month: 3, day: 11 });
    expect(fields('03-11-25', 'dmy')).toMatchObject({ year: 2025, month: 11, day: 3 });
    expect(fields('3.11.1995', 'dmy')).toMatchObject({ year: 1995, month: 11, day: 3 });
  });

  it('reads Google Forms timestamps, with their time of day', () => {
    expect(fields('17/1/2025 14:38:59', 'dmy')).toMatchObject({ month: 1, day: 17, seconds: 14 * 3600 + 38 * 60 + 59 });
    expect(fields('1/2/2025 4:31:45 PM', 'mdy')).toMatchObject({ month: 1, day: 2, seconds: 16 * 3600 + 31 * 60 + 45 });
  });

  it('says when a date is impossible in the order given and whether the other order fits', () => {
    expect(dateTextFields('3/25/2025', 'dmy')).toEqual({ impossible: true, otherOrderFits: true });
    expect(dateTextFields('31/02/2025', 'dmy')).toEqual({ impossible: true, otherOrderFits: false });
  });

  it('reads ISO dates, Shopify date-times with an offset, and month names in English and Spanish', () => {
    expect(fields('2025-11-03', 'mdy')).toMatchObject({ year: 2025, month: 11, day: 3, form: 'isoText' });
    expect(fields('2025-10-07 09:50:26 +0200', 'dmy')).toMatchObject({
      day: 7,
      offsetMinutes: 120,
      form: 'offsetText',
    });
    expect(fields('2025-10-07T09:50:26Z', 'dmy')).toMatchObject({ offsetMinutes: 0, form: 'offsetText' });
    expect(fields('2025-10-07T09:50:26.5-05:00', 'dmy')).toMatchObject({ offsetMinutes: -300 });
    expect(fields('3 de noviembre de 2025', 'mdy')).toMatchObject({ month: 11, day: 3 });
    expect(fields('Nov 3, 2025', 'dmy')).toMatchObject({ month: 11, day: 3 });
    expect(fields('03-Nov-2025', 'mdy')).toMatchObject({ month: 11, day: 3 });
  });

  it('refuses text that is not a date', () => {
    for (const text of ['hello', '2025', '12:30', '3/11', '2025-10-07 25:00', 'Smarch 3, 2025', '3 decimal 2025'])
      expect(dateTextFields(text, 'dmy'), text).toBeUndefined();
  });
});

describe('exactDayOfText', () => {
  it('puts a date-time with an offset on its calendar day in the spreadsheet zone', () => {
    // 23:58 at +0100 on 29 March is 22:58 UTC: still 29 March in Madrid, in UTC, and in New York.
    const before = fields('2025-03-29 23:58:10 +0100', 'dmy');
    expect(Math.floor(exactDayOfText(before, MADRID, false))).toBe(dayFromCivil(2025, 3, 29));
    // 00:41 at +0100 on 28 November is 27 November in New York.
    const late = fields('2025-11-28 00:41:17 +0100', 'dmy');
    expect(Math.floor(exactDayOfText(late, new ZoneCalendar('America/New_York'), false))).toBe(
      dayFromCivil(2025, 11, 27),
    );
    expect(Math.floor(exactDayOfText(late, MADRID, false))).toBe(dayFromCivil(2025, 11, 28));
  });

  it('reads a wall-clock text as written, or as UTC in a (UTC) column', () => {
    const text = fields('2025-01-06 23:30', 'dmy');
    expect(Math.floor(exactDayOfText(text, MADRID, false))).toBe(dayFromCivil(2025, 1, 6));
    expect(Math.floor(exactDayOfText(text, MADRID, true))).toBe(dayFromCivil(2025, 1, 7)); // 00:30 in Madrid
  });
});

describe('ColumnReader', () => {
  const date = field('orders', 'date');
  const amount = field('orders', 'amount');

  function readAll(reader: ColumnReader, cells: unknown[]) {
    return cells.map((cell, i) => reader.read(cell, i + 2));
  }

  it('decides the decimal mark of a column from all its texts: Shopify amounts in a Spanish sheet', () => {
    const cells = ['39.25', '44.85', '0.00', 108];
    const reader = new ColumnReader(amount, 'Total', cells, readerLocale('es_ES'), MADRID);
    expect(readAll(reader, cells)).toEqual([{ value: 39.25 }, { value: 44.85 }, { value: 0 }, { value: 108 }]);
    expect(reader.reading.decimalMark).toEqual({ mark: '.', locale: false }); // a point, unlike es_ES's comma
    expect(reader.reading.forms.numberText).toMatchObject({ count: 3, firstRows: [2, 3, 4] });
    expect(reader.reading.forms.number).toMatchObject({ count: 1, firstRows: [5] });
  });

  it('reads PrestaShop totals in an English sheet with a decimal comma, and says so', () => {
    const cells = ['56,43\u00a0€', '1.234,50\u00a0€', '76,37\u00a0€'];
    const reader = new ColumnReader(amount, 'Total', cells, readerLocale('en_US'), MADRID);
    expect(readAll(reader, cells).map((r) => ('value' in r ? r.value : r))).toEqual([56.43, 1234.5, 76.37]);
    expect(reader.reading.decimalMark).toEqual({ mark: ',', locale: false });
    expect(reader.reading.forms.amountText?.example).toEqual({ text: '56,43\u00a0€', read: 56.43 });
  });

  it('reports a column of mixed forms with the count of each and its first rows', () => {
    const cells = [12.5, '12,50 €', 'gratis', '', '#N/A', 3];
    const reader = new ColumnReader(amount, 'Importe', cells, readerLocale('es_ES'), MADRID);
    const read = readAll(reader, cells);
    expect(read[2]).toEqual({ bad: 'number' });
    expect(read[3]).toEqual({ value: null });
    expect(read[4]).toEqual({ bad: 'error' });
    expect(reader.reading.cells).toBe(5);
    expect(reader.reading.forms).toMatchObject({
      number: { count: 2, firstRows: [2, 7] },
      amountText: { count: 1, firstRows: [3] },
      unreadable: { count: 1, firstRows: [4], example: { text: 'gratis' } },
      error: { count: 1, firstRows: [6] },
    });
  });

  it('reads text dates in the locale order and offers the other order when values are impossible', () => {
    const cells = ['2/1/2025 9:09:49', '17/1/2025 14:38:59', '25/3/2025 10:00:00'];
    const reader = new ColumnReader(date, 'Marca temporal', cells, readerLocale('en_US'), MADRID);
    const read = readAll(reader, cells);
    expect(read[0]).toEqual({ value: dayFromCivil(2025, 2, 1) }); // month-first, as en_US reads it
    expect(read[1]).toEqual({ bad: 'date' });
    expect(reader.reading.dateOrder).toEqual({ read: 'mdy', locale: 'mdy' });
    expect(reader.reading.otherOrderFits).toBe(true);
    expect(reader.reading.forms.impossible).toMatchObject({ count: 2, firstRows: [3, 4] });

    const swapped = new ColumnReader(date, 'Marca temporal', cells, readerLocale('en_US'), MADRID, true);
    expect(readAll(swapped, cells)).toEqual([
      { value: dayFromCivil(2025, 1, 2) },
      { value: dayFromCivil(2025, 1, 17) },
      { value: dayFromCivil(2025, 3, 25) },
    ]);
    expect(swapped.reading.dateOrder).toEqual({ read: 'dmy', locale: 'mdy' });
    expect(swapped.reading.forms.dateText?.example).toEqual({ text: '2/1/2025 9:09:49', read: '2025-01-02' });
  });

  it('read the other way round, swaps back the date cells Sheets made in the wrong order too', () => {
    const cells = [sheetDate('2025-02-01T09:09:49', 'Europe/Madrid'), '17/1/2025 14:38:59'];
    const reader = new ColumnReader(date, 'Marca temporal', cells, readerLocale('en_US'), MADRID, true);
    expect(readAll(reader, cells)).toEqual([{ value: dayFromCivil(2025, 1, 2) }, { value: dayFromCivil(2025, 1, 17) }]);
    expect(reader.reading.swappedCells).toBe(1);
  });

  it('offers nothing when a value fits only the locale order (the column is written that way)', () => {
    const cells = ['1/13/2025', '13/1/2025'];
    const reader = new ColumnReader(date, 'Date', cells, readerLocale('en_US'), MADRID);
    expect(reader.reading.otherOrderFits).toBe(false);
  });

  it('treats a (UTC) column as UTC: date cells and texts move to the spreadsheet zone', () => {
    const start = field('subscriptions', 'start');
    const cells = [sheetDate('2025-01-06T23:30', 'Europe/Madrid'), '2025-01-06 23:30'];
    const reader = new ColumnReader(start, 'Start Date (UTC)', cells, readerLocale('en_US'), MADRID);
    expect(readAll(reader, cells)).toEqual([{ value: dayFromCivil(2025, 1, 7) }, { value: dayFromCivil(2025, 1, 7) }]);
    expect(reader.reading.utc).toBe(true);
  });

  it('keeps the time of day of a date-time field and skips dates outside 1900–2200', () => {
    const resolved = field('tickets', 'resolved');
    const reader = new ColumnReader(
      resolved,
      'Resolved at',
      ['2025-01-06 18:00', '31/12/1850'],
      readerLocale('es_ES'),
      MADRID,
    );
    expect(reader.read('2025-01-06 18:00', 2)).toEqual({ value: dayFromCivil(2025, 1, 6) + 0.75 });
    expect(reader.read('31/12/1850', 3)).toEqual({ bad: 'date' });
  });

  it('reads scores written as text, a quiz score, and takes a word as no answer', () => {
    const nps = field('surveys', 'nps');
    const cells = ['9', '9 / 10', 'N/A', 7];
    const reader = new ColumnReader(nps, 'NPS', cells, readerLocale('es_ES'), MADRID);
    expect(readAll(reader, cells)).toEqual([{ value: 9 }, { value: 9 }, { value: null }, { value: 7 }]);
    expect(reader.reading.forms.text).toMatchObject({ count: 1, firstRows: [4] });
  });

  it('reads a cancelled column as yes/no: a date or TRUE is yes', () => {
    const cancelled = field('orders', 'cancelled');
    const cells = ['2025-08-19 10:00:41 +0200', 'TRUE', 'no', false, 'sí'];
    const reader = new ColumnReader(cancelled, 'Cancelled at', cells, readerLocale('es_ES'), MADRID);
    expect(readAll(reader, cells).map((r) => ('value' in r ? r.value : r))).toEqual([true, true, false, false, true]);
  });
});
