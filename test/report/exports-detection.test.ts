// Detection by meaning and by content, and values read as they come, through the built bundle: what
// `wizardScan` maps and why, what it leaves to the user, and what `wizardCheckMapping` says it
// understood (dates and amounts written as text, a column written the other way round, mixed forms).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../../demo/input/workbook';
import { SAMPLE_HEADERS } from '../../demo/sample/generator';
import { type SeedGrid, sheetDate } from '../emulator';
import { generate, reportRig, reportView, sample, wire } from '../support/report';

const DIR = fileURLToPath(new URL('../fixtures/exports/', import.meta.url));
const MADRID = 'Europe/Madrid';

function scanOf(sheets: Record<string, SeedGrid>, locale = 'en_US', zone = MADRID) {
  const rig = reportRig(sheets, { locale, timeZone: zone });
  return { rig, scan: wire(rig.fx.wizardScan()) };
}

const detectionOf = (scan: any, kind: string) => scan.detection.find((d: any) => d.kind === kind);

describe('Google Forms es read in an en_US spreadsheet', () => {
  it('says the timestamps seem written day-first, and reads them so when asked', async () => {
    const sheets = await readWorkbookFile(join(DIR, 'google-forms-es.csv'), { timeZone: MADRID, locale: 'en_US' });
    const { rig, scan } = scanOf(sheets);
    const rows = sheets['google-forms-es'].slice(1);
    const typed = rows.filter((r) => r[0] instanceof Date).length;
    const texts = rows.length - typed;
    const check = wire(rig.fx.wizardCheckMapping(wire(scan.mapping)));
    const date = check.readings[0].columns.find((c: any) => c.field === 'date');
    expect(date.dateOrder).toEqual({ read: 'mdy', locale: 'mdy' });
    expect(date.otherOrderFits).toBe(true);
    expect(date.forms.date.count).toBe(typed);
    expect(date.forms.impossible.count).toBe(texts);
    expect(check.messages.join(' ')).toMatch(new RegExp(`not a date \\(date\\): ${texts}`));

    const swapped = { surveys: { ...scan.mapping.surveys, reading: { swapDayMonth: ['date'] } } };
    const again = wire(rig.fx.wizardCheckMapping(wire(swapped)));
    const reread = again.readings[0].columns.find((c: any) => c.field === 'date');
    expect(reread.dateOrder).toEqual({ read: 'dmy', locale: 'mdy' });
    expect(reread.forms.dateText.count).toBe(texts);
    expect(reread.swappedCells).toBe(typed);
    expect(again.messages).toEqual([]);
    expect(again.readings[0].records).toBe(rows.length);
    // The first timestamp, "2/1/2025 9:09:49", is 2 January read day-first: January leads the periods' span.
    expect(again.periods.month.at(-1).label).toBe('January 2025');
  });
});

describe('questions the detector leaves to the user', () => {
  const day = (iso: string) => sheetDate(iso, MADRID);

  it('two questions about recommending: neither is taken, both are offered', () => {
    const { scan } = scanOf({
      'Form Responses 1': [
        [
          'Timestamp',
          'How likely are you to recommend our shop?',
          'Would you recommend our delivery service?',
          'How satisfied are you?',
        ],
        [day('2025-01-02'), 9, 7, 4],
        [day('2025-01-03'), 3, 10, 5],
      ],
    });
    const surveys = detectionOf(scan, 'surveys');
    expect(scan.mapping.surveys.columns.nps).toBeUndefined();
    expect(surveys.questions).toEqual([
      {
        field: 'nps',
        candidates: ['How likely are you to recommend our shop?', 'Would you recommend our delivery service?'],
        why: 'severalColumns',
      },
    ]);
    expect(scan.mapping.surveys.columns.csat).toBe('How satisfied are you?');
  });

  it('a "recommend" question answered 1–5 is not taken for NPS without asking', () => {
    const { scan } = scanOf({
      Respuestas: [
        ['Marca temporal', '¿Nos recomendarías?', '¿Estás satisfecho?'],
        [day('2025-01-02'), 4, 4],
        [day('2025-01-03'), 2, 5],
        [day('2025-01-04'), 5, 3],
      ],
    });
    expect(scan.mapping.surveys.columns.nps).toBeUndefined();
    expect(detectionOf(scan, 'surveys').questions).toEqual([
      { field: 'nps', candidates: ['¿Nos recomendarías?'], why: 'scaleUnclear' },
    ]);
  });

  it('a form whose only score is in doubt is still found, and the wizard asks before going on', () => {
    const { rig, scan } = scanOf({
      'Respuestas de formulario 1': [
        ['Marca temporal', '¿Nos recomendarías?'],
        [day('2025-01-02'), 4],
        [day('2025-01-03'), 2],
      ],
    });
    expect(scan.mapping.surveys).toEqual({ sheet: 'Respuestas de formulario 1', columns: { date: 'Marca temporal' } });
    expect(detectionOf(scan, 'surveys').questions[0]).toMatchObject({ field: 'nps', why: 'scaleUnclear' });
    const check = wire(rig.fx.wizardCheckMapping(wire(scan.mapping)));
    expect(check.ok).toBe(false);
    expect(check.messages.join(' ')).toMatch(/Respuestas de formulario 1/);
  });

  it('two columns of dates and no date header: the date is asked for', () => {
    const { scan } = scanOf({
      Orders: [
        ['Customer', 'Placed', 'Shipped', 'Amount'],
        ['a', day('2025-01-02'), day('2025-01-04'), 10],
      ],
    });
    expect(detectionOf(scan, 'orders').questions).toEqual([
      { field: 'date', candidates: ['Placed', 'Shipped'], why: 'severalColumns' },
    ]);
  });
});

describe('optional columns recognised for later sections', () => {
  const day = (iso: string) => sheetDate(iso, MADRID);

  it('segments, ticket response and resolution times, and the effort question with its direction', () => {
    const { rig, scan } = scanOf(
      {
        Pedidos: [
          ['Cliente', 'Fecha', 'Importe', 'Canal'],
          ['a', day('2025-01-02'), 10, 'web'],
        ],
        Encuestas: [
          ['Fecha', 'Recomendación', '¿Qué tan fácil fue resolver tu consulta?', 'Segmento'],
          [day('2025-01-02'), 9, 6, 'Club'],
        ],
        Soporte: [
          ['Cliente', 'Fecha', 'Estado', 'Primera respuesta', 'Resuelto'],
          ['a', day('2025-01-02'), 'cerrado', '2/1/2025 10:15', '3/1/2025 18:00'],
        ],
        Clientes: [
          ['ID cliente', 'Nombre', 'País'],
          ['a', 'Ana', 'España'],
        ],
      },
      'es_ES',
    );
    expect(scan.mapping.orders.columns.segment).toBe('Canal');
    expect(scan.mapping.surveys.columns).toMatchObject({
      effort: '¿Qué tan fácil fue resolver tu consulta?',
      segment: 'Segmento',
    });
    expect(scan.mapping.surveys.reading).toEqual({ effort: 'higherIsBetter' });
    expect(detectionOf(scan, 'surveys').effort).toEqual({ direction: 'higherIsBetter', word: 'fácil' });
    expect(scan.mapping.tickets.columns).toMatchObject({ firstResponse: 'Primera respuesta', resolved: 'Resuelto' });
    expect(scan.mapping.customers.columns.segment).toBe('País');
    const check = wire(rig.fx.wizardCheckMapping(wire(scan.mapping)));
    expect(check.ok).toBe(true);
    const tickets = check.readings.find((r: any) => r.kind === 'tickets');
    expect(tickets.columns.find((c: any) => c.field === 'firstResponse').forms.dateText.example).toEqual({
      text: '2/1/2025 10:15',
      read: '2025-01-02T10:15',
    });
  });

  it('an effort question reads lower-is-better, and the user may flip it', () => {
    const { rig, scan } = scanOf({
      Surveys: [
        ['Date', 'NPS', 'How much effort did you have to make?'],
        [day('2025-01-02'), 9, 2],
      ],
    });
    expect(scan.mapping.surveys.reading).toEqual({ effort: 'lowerIsBetter' });
    const flipped = { surveys: { ...scan.mapping.surveys, reading: { effort: 'higherIsBetter' } } };
    expect(wire(rig.fx.wizardCheckMapping(wire(flipped))).ok).toBe(true);
    // Anything else a browser could send as a reading choice is ignored, not an error.
    const odd = { surveys: { ...scan.mapping.surveys, reading: { effort: 'sideways', swapDayMonth: ['nps', 7] } } };
    expect(wire(rig.fx.wizardCheckMapping(wire(odd))).ok).toBe(true);
  });
});

describe('values as they come, in the reader only', () => {
  it('dates and amounts written as text are read in the locale: 3/11/2025 is 3 November in es_ES', () => {
    const sheets = {
      Pedidos: [
        ['Cliente', 'Fecha', 'Importe'],
        ['Ana@Example.com', '3/11/2025', '1.234,50 €'],
        ['ana@example.com', '15/11/2025', '45,90 €'],
        ['b@example.com', '2/10/2025', '10,00 €'],
      ],
    };
    const { rig, scan } = scanOf(sheets, 'es_ES');
    const check = wire(rig.fx.wizardCheckMapping(wire(scan.mapping)));
    const [date, amount] = check.readings[0].columns;
    expect(date.forms.dateText).toMatchObject({ count: 3, example: { text: '3/11/2025', read: '2025-11-03' } });
    expect(amount.forms.amountText).toMatchObject({ count: 3, example: { text: '1.234,50 €', read: 1234.5 } });
    const result = generate(rig, { periodKind: 'month', periodIndex: 2025 * 12 + 10 });
    const view = reportView(rig, result.sheetName);
    const revenue = view.row('Ingresos', view.row('KPI principales'));
    expect(view.at(revenue, 3).value).toBeCloseTo(1234.5 + 45.9, 9);
    expect(view.at(revenue, 4).value).toBe(10);
    // One customer however the e-mail was typed: two orders, one customer in November.
    expect(view.at(view.row('Pedidos', view.row('KPI principales')), 3).value).toBe(2);
  });

  it('the same text in en_US is month-first: 3/11/2025 is 11 March', () => {
    const { rig, scan } = scanOf({
      Orders: [
        ['Customer', 'Date', 'Amount'],
        ['a', '3/11/2025', '$1,234.50'],
      ],
    });
    const check = wire(rig.fx.wizardCheckMapping(wire(scan.mapping)));
    expect(check.readings[0].columns[0].forms.dateText.example).toEqual({ text: '3/11/2025', read: '2025-03-11' });
    expect(check.readings[0].columns[1].forms.amountText.example).toEqual({ text: '$1,234.50', read: 1234.5 });
  });

  it('a file of no known layout still works with the mapping chosen by hand', () => {
    const day = (iso: string) => sheetDate(iso, MADRID);
    const sheets = {
      Hoja1: [
        ['Quién', 'Cuándo', 'Cuánto'],
        ['a', day('2025-11-03'), 10],
        ['b', day('2025-11-04'), 20],
      ],
    };
    const { rig, scan } = scanOf(sheets);
    expect(scan.mapping).toEqual({});
    const mapping = { orders: { sheet: 'Hoja1', columns: { customerId: 'Quién', date: 'Cuándo', amount: 'Cuánto' } } };
    expect(wire(rig.fx.wizardCheckMapping(mapping)).ok).toBe(true);
    const result = generate(rig, { mapping, periodKind: 'month', periodIndex: 2025 * 12 + 10 });
    const view = reportView(rig, result.sheetName);
    expect(view.at(view.row('Revenue', view.row('Headline KPIs')), 3).value).toBe(30);
  });
});

describe('the sample workbook', () => {
  it('is detected as before: every sheet and column by its Spanish name', () => {
    const { scan } = scanOf(sample().sheets, 'es_ES');
    const columns = (kind: string) => Object.values(scan.mapping[kind].columns).sort();
    expect(scan.mapping.orders.sheet).toBe('Pedidos');
    expect(columns('orders')).toEqual([...SAMPLE_HEADERS.Pedidos].sort());
    expect(columns('customers')).toEqual([...SAMPLE_HEADERS.Clientes].sort());
    expect(columns('surveys')).toEqual([...SAMPLE_HEADERS.Encuestas].sort());
    expect(columns('subscriptions')).toEqual([...SAMPLE_HEADERS.Suscripciones].sort());
    expect(columns('tickets')).toEqual([...SAMPLE_HEADERS.Tickets].sort());
    expect(columns('funnel')).toEqual([...SAMPLE_HEADERS.Embudo].sort());
  });
});
