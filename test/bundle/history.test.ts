/**
 * The KPI history (issue 16), through the built bundle: the first run creates the history sheet
 * (role "history"), a second run of the same period replaces that period's rows KPI by KPI,
 * another period adds its own, rows of periods whose data is gone stay, a KPI the run cannot
 * compute keeps its recorded value, a renamed sheet is found by its marker and a deleted one made
 * again, and a user's edits (text in a value, blank rows, notes) are kept, never lost or doubled.
 */
import { describe, expect, it } from 'vitest';
import { isoDateIn, type EmuValue } from '../emulator';
import {
  copySheets,
  generate,
  markedSheets,
  reportRig,
  roleView,
  sample,
  sheetsByRole,
  ZONE,
  type ReportRig,
} from '../support/report';

const DECEMBER = 2025 * 12 + 11;
const NOVEMBER = DECEMBER - 1;
const HEADERS = ['Period', 'KPI', 'Value', 'Run date', 'Period kind', 'Period index', 'KPI key', 'Unit'];

interface Row {
  label: EmuValue;
  name: EmuValue;
  value: EmuValue;
  run: EmuValue;
  kind: EmuValue;
  index: EmuValue;
  key: EmuValue;
  unit: EmuValue;
  valueFormat: string | undefined;
}

/** The history table's rows (from row 2 to the first row without a period kind). */
function historyRows(rig: ReportRig): Row[] {
  const view = roleView(rig, 'history');
  const rows: Row[] = [];
  for (let r = 2; view.at(r, 5).value !== ''; r++) {
    const [label, name, value, run, kind, index, key, unit] = Array.from(
      { length: 8 },
      (_, c) => view.at(r, c + 1).value,
    );
    rows.push({ label, name, value, run, kind, index, key, unit, valueFormat: view.at(r, 3).format });
  }
  return rows;
}

const valuesOf = (rows: Row[], index: number, key: string) =>
  rows.filter((row) => row.index === index && row.key === key).map((row) => row.value);

/** The sample's sheets with `change` applied to a copy. */
function rigWith(change: (sheets: ReturnType<typeof copySheets>) => void = () => undefined, locale = 'en_US') {
  const sheets = copySheets(sample().sheets);
  change(sheets);
  return reportRig(sheets, { locale, userLocale: locale.slice(0, 2) });
}

/** The table's part of a row of the history sheet (its first eight columns), trailing blanks removed. */
function tableLine(rig: ReportRig, row: number): EmuValue[] {
  const line = roleView(rig, 'history').line(row).slice(0, 8);
  while (line.length && line[line.length - 1] === '') line.pop();
  return line;
}

/** Today in the spreadsheet's zone, `yyyy-mm-dd`. */
function todayIso(): string {
  return isoDateIn(new Date(), ZONE);
}

describe('KPI history', () => {
  it('the first run creates the history sheet: one row per KPI of the period, formats, frozen header, charts', () => {
    const rig = rigWith();
    const result = generate(rig, { targets: { nps: '30' } });
    expect(sheetsByRole(rig.workbook).history).toEqual(['KPI history']);
    expect(result.history.sheetName).toBe('KPI history');
    const sheet = markedSheets(rig.workbook, 'history')[0];
    expect(sheet.getFrozenRows()).toBe(1);
    const view = roleView(rig, 'history');
    expect(view.line(1).slice(0, 8)).toEqual(HEADERS);
    const rows = historyRows(rig);
    const keys = rows.map((row) => row.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.slice(0, 4)).toEqual(['nps', 'npsMargin', 'responses', 'csat']);
    expect(keys).toEqual(expect.arrayContaining(['churn', 'revenue', 'aov', 'mrr', 'orders']));
    for (const row of rows) {
      expect(row.label).toBe('December 2025');
      expect(row.kind).toBe('month');
      expect(row.index).toBe(DECEMBER);
      expect(typeof row.value).toBe('number');
      expect(isoDateIn(row.run as Date, ZONE)).toBe(todayIso());
    }
    const byKey = new Map(rows.map((row) => [row.key, row]));
    expect(byKey.get('churn')!.valueFormat).toBe('0.0%');
    expect(byKey.get('churn')!.unit).toBe('percent');
    expect(byKey.get('revenue')!.valueFormat).toBe('[$$]#,##0.00');
    expect(byKey.get('nps')!.name).toBe('NPS');
    expect(byKey.get('nps')!.valueFormat).toBe('0.0');
    // The same numbers as the report's result card (the card rounds them as the report does).
    const card = new Map<string, string>(result.headline.map((k: any) => [k.key, k.value]));
    if (card.has('nps')) expect((byKey.get('nps')!.value as number).toFixed(1)).toBe(card.get('nps'));
    // Line charts read blocks of this sheet: NPS, rates, money, counts; each block's periods are the rows.
    const charts = rig.workbook.chartSpecs('KPI history');
    expect(charts.map((c: any) => [c.type, c.options.title])).toEqual([
      ['LINE', 'KPI history: NPS'],
      ['LINE', 'KPI history: rates'],
      ['LINE', 'KPI history: money'],
      ['LINE', 'KPI history: counts'],
    ]);
    for (const chart of charts as any[]) {
      expect(chart.ranges.map((r: any) => r.sheet)).toEqual(['KPI history']);
      expect(chart.ranges[0].values.length).toBe(2); // header + December
      expect(chart.ranges[0].values[1][0]).toBe('December 2025');
    }
    const rates = (charts as any[])[1].ranges[0].values;
    expect(rates[0]).toEqual(['Period', 'CSAT', 'Customer churn', 'Retention rate', 'Repeat rate']);
    expect(rates[1][2]).toBe(byKey.get('churn')!.value);
  });

  it('the same period again replaces its rows; another period adds its own, sorted by period', () => {
    const rig = rigWith();
    generate(rig);
    const first = historyRows(rig);
    const revenueBefore = valuesOf(first, DECEMBER, 'revenue')[0] as number;
    // Add an order of 1000 in December: the December revenue row is replaced, not doubled.
    const orders = rig.workbook.sheet('Pedidos');
    const december = orders
      .rangeOf(`A2:D${orders.lastRow()}`)
      .readValues()
      .findIndex((row) => row[1] instanceof Date && isoDateIn(row[1] as Date, ZONE).startsWith('2025-12'));
    expect(december).toBeGreaterThanOrEqual(0);
    const cell = orders.rangeOf(`C${december + 2}`);
    cell.writeValues([[(cell.readValues()[0][0] as number) + 1000]]);
    generate(rig);
    const second = historyRows(rig);
    expect(second.length).toBe(first.length);
    const revenueAfter = valuesOf(second, DECEMBER, 'revenue');
    expect(revenueAfter).toHaveLength(1);
    expect(revenueAfter[0]).toBeCloseTo(revenueBefore + 1000, 6);

    generate(rig, { periodIndex: NOVEMBER });
    const third = historyRows(rig);
    expect(third.length).toBeGreaterThan(second.length);
    expect(third.map((row) => row.label)).toEqual([
      ...third.filter((row) => row.index === NOVEMBER).map(() => 'November 2025'),
      ...second.map(() => 'December 2025'),
    ]);
    expect(third.filter((row) => row.index === DECEMBER)).toEqual(second);
    // Within a period, the headline's order.
    const novemberKeys = third.filter((row) => row.index === NOVEMBER).map((row) => row.key);
    expect(novemberKeys.indexOf('nps')).toBeLessThan(novemberKeys.indexOf('churn'));
    expect(novemberKeys.indexOf('churn')).toBeLessThan(novemberKeys.indexOf('revenue'));
    // The charts read both months, oldest first.
    const nps = (rig.workbook.chartSpecs('KPI history') as any[])[0].ranges[0].values;
    expect(nps.map((line: unknown[]) => line[0])).toEqual(['Period', 'November 2025', 'December 2025']);
    // A quarter is a period of its own kind: kept beside the months, never matched with them.
    generate(rig, { periodKind: 'quarter', periodIndex: 2025 * 4 + 3 });
    const fourth = historyRows(rig);
    expect(fourth.filter((row) => row.kind === 'month')).toEqual(third);
    expect(fourth.filter((row) => row.kind === 'quarter').map((row) => row.label)[0]).toMatch(/2025/);
  });

  it('keeps the record when the data behind it is gone: other periods stay, a KPI not computed keeps its value', () => {
    const rig = rigWith();
    generate(rig, { periodIndex: NOVEMBER });
    generate(rig);
    const before = historyRows(rig);
    const npsDecember = valuesOf(before, DECEMBER, 'nps');
    expect(npsDecember).toHaveLength(1);
    // Every survey answer rolls off the export: December again has no NPS, November is not run.
    const surveys = rig.workbook.sheet('Encuestas');
    surveys.rangeOf(`A2:I${surveys.lastRow()}`).clear();
    generate(rig);
    const after = historyRows(rig);
    expect(after.filter((row) => row.index === NOVEMBER)).toEqual(before.filter((row) => row.index === NOVEMBER));
    expect(valuesOf(after, DECEMBER, 'nps')).toEqual(npsDecember);
    expect(after.length).toBe(before.length);
  });

  it('finds the sheet by its marker when renamed, and makes a new one when deleted', () => {
    const rig = rigWith();
    generate(rig);
    const rows = historyRows(rig);
    const sheet = markedSheets(rig.workbook, 'history')[0];
    sheet.setName('My KPIs');
    const id = sheet.getSheetId();
    const again = generate(rig);
    expect(again.history).toEqual({ sheetName: 'My KPIs', sheetId: id });
    expect(historyRows(rig)).toEqual(rows);
    rig.workbook.spreadsheet.deleteSheet(sheet as never);
    const fresh = generate(rig);
    expect(fresh.history.sheetName).toBe('KPI history');
    expect(historyRows(rig).map((row) => row.key)).toEqual(rows.map((row) => row.key));
  });

  it('a user’s edits never break a run and are never lost: unreadable rows kept as they were, under a note', () => {
    const rig = rigWith();
    generate(rig, { periodIndex: NOVEMBER });
    generate(rig);
    const rows = historyRows(rig);
    const sheet = markedSheets(rig.workbook, 'history')[0];
    // Text in a value cell, a period index retyped as text (still readable), a note of the user's, blank rows.
    sheet.rangeOf('C2').writeValues([['n/a']]);
    sheet.rangeOf('F3').writeValues([[String(NOVEMBER)]]);
    const end = rows.length + 1;
    sheet.rangeOf(`A${end + 5}:B${end + 5}`).writeValues([['my note', 'keep me']]);
    generate(rig);
    const view = roleView(rig, 'history');
    const after = historyRows(rig);
    // Row 2 (November's NPS) could not be read: it is not in the table, the rest is.
    expect(after.length).toBe(rows.length - 1);
    expect(after.find((row) => row.index === NOVEMBER && row.key === rows[0].key)).toBeUndefined();
    expect(valuesOf(after, NOVEMBER, rows[1].key as string)).toEqual([rows[1].value]);
    const note = view.row(/^Rows Fideliza could not read, kept as they were/);
    expect(note).toBe(after.length + 3);
    expect(view.line(note + 1).slice(0, 8)).toEqual([
      'November 2025',
      rows[0].name,
      'n/a',
      expect.any(Date),
      'month',
      NOVEMBER,
      rows[0].key,
      rows[0].unit,
    ]);
    expect(tableLine(rig, note + 2)).toEqual(['my note', 'keep me']);
    // Another run keeps them exactly once; fixing the value brings the row back into the table.
    generate(rig);
    const twice = roleView(rig, 'history');
    expect(twice.texts().filter((t) => /^Rows Fideliza could not read/.test(t))).toHaveLength(1);
    expect(twice.texts().filter((t) => t === 'my note')).toHaveLength(1);
    markedSheets(rig.workbook, 'history')[0]
      .rangeOf(`C${note + 1}`)
      .writeValues([[42]]);
    generate(rig);
    expect(valuesOf(historyRows(rig), NOVEMBER, rows[0].key as string)).toEqual([42]);
    expect(tableLine(rig, historyRows(rig).length + 4)).toEqual(['my note', 'keep me']);
  });

  it('is written in the report language, and by a run without personal data too', () => {
    const rig = rigWith(() => undefined, 'es_ES');
    const result = generate(rig, { withoutPersonalData: true });
    expect(result.history.sheetName).toBe('Historial de KPI');
    const view = roleView(rig, 'history');
    expect(view.line(1).slice(0, 3)).toEqual(['Periodo', 'KPI', 'Valor']);
    const rows = historyRows(rig);
    expect(rows[0].label).toBe('diciembre de 2025');
    expect(rows.find((row) => row.key === 'churn')!.name).toBe('Tasa de abandono');
    expect((rig.workbook.chartSpecs('Historial de KPI') as any[])[0].options.title).toBe('Historial de KPI: NPS');
  });
});
