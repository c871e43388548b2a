/**
 * Report safety, end to end through the built bundle (PRODUCT.md, "The KPI summary sheet" and
 * "Sharing the report"; issue 4, "Safety" and "Bad data"): the add-on writes only its own marked
 * sheet, regenerates it in place, never touches the user's sheets, keeps user text as text,
 * stops with a plain message naming sheet and column, holds the document lock, and a failure
 * part-way leaves the previous report as it was. Run `npm run build` first.
 */
import { describe, expect, it } from 'vitest';
import { INJECTION_NAMES } from '../../demo/sample/generator';
import { sheetDate, type Workbook } from '../emulator';
import { errorOf as thrown } from '../support/addon';
import {
  copySheets,
  generate,
  generateRequest,
  markedSheets,
  readableOrders,
  reportRig,
  reportView,
  sample,
  SheetView,
  wire,
  ZONE,
  type ReportRig,
} from '../support/report';

/** Fingerprints of every sheet except those the add-on owns. */
function userFingerprints(workbook: Workbook): Record<string, string> {
  const all = workbook.fingerprints();
  for (const sheet of markedSheets(workbook)) delete all[sheet.getName()];
  return all;
}

/** Fingerprints of the sheets the add-on owns. */
function ownedFingerprints(workbook: Workbook): Record<string, string> {
  const all = workbook.fingerprints();
  return Object.fromEntries(markedSheets(workbook).map((sheet) => [sheet.getName(), all[sheet.getName()]]));
}

/** Adds December 2025 orders of 1 000.00 each to the sample's Pedidos sheet (test set-up, uncounted). */
function addDecemberOrders(rig: ReportRig, count: number): void {
  const sheet = rig.workbook.sheet('Pedidos');
  const at = sheet.lastRow() + 1;
  const rows = Array.from({ length: count }, (_, k) => [
    'CL-00001',
    sheetDate(`2025-12-${String(10 + k).padStart(2, '0')}`, ZONE),
    1000,
    600,
  ]);
  sheet.rangeOf(`A${at}:D${at + count - 1}`).writeValues(rows);
}

/** The headline value (this period) of a KPI in a report view. */
function headline(rig: ReportRig, sheetName: string, label: string): unknown {
  const view = reportView(rig, sheetName);
  return view.at(view.row(label, view.row('Headline KPIs')), 3).value;
}

describe('regenerating in place', () => {
  it('keeps the sheet id and name, replaces the charts (same count, new charts) and updates the content', () => {
    const rig = reportRig(copySheets(sample().sheets));
    const first = generate(rig);
    const decemberOrders = readableOrders(sample().sheets.Pedidos).filter((o) => o.month === '2025-12').length;
    expect(headline(rig, first.sheetName, 'Orders')).toBe(decemberOrders);
    const chartsBefore = rig.workbook.chartSpecs(first.sheetName);
    const sheetsBefore = rig.workbook.sheetNames();

    addDecemberOrders(rig, 10);
    const second = generate(rig);
    expect(second.sheetId).toBe(first.sheetId);
    expect(second.sheetName).toBe(first.sheetName);
    expect(second.created).toBe(false);
    expect(rig.workbook.sheetNames()).toEqual(sheetsBefore);
    expect(markedSheets(rig.workbook, 'report').map((s) => s.getSheetId())).toEqual([first.sheetId]);
    expect(markedSheets(rig.workbook, 'shared').map((s) => s.getSheetId())).toEqual([second.shared.sheetId]);
    expect(second.shared.sheetId).toBe(first.shared.sheetId);
    const chartsAfter = rig.workbook.chartSpecs(second.sheetName);
    expect(chartsAfter).toHaveLength(chartsBefore.length);
    expect(chartsAfter.map((c) => c.options.title)).toEqual(chartsBefore.map((c) => c.options.title));
    const oldIds = new Set(chartsBefore.map((c) => c.chartId));
    expect(chartsAfter.filter((c) => oldIds.has(c.chartId))).toEqual([]);
    expect(headline(rig, second.sheetName, 'Orders')).toBe(decemberOrders + 10);
    expect(rig.workbook.sheet(second.sheetName).snapshot().protections).toHaveLength(1);
    expect(rig.workbook.sheet(second.sheetName).snapshot().conditionalFormatRules).toHaveLength(1);
  });

  it('a shorter report leaves nothing of the longer one behind', () => {
    const rig = reportRig(copySheets(sample().sheets));
    const first = generate(rig);
    expect(reportView(rig, first.sheetName).rowOf('Action lists')).toBeGreaterThan(0);
    const second = generate(rig, { sections: { charts: false, cohorts: false, actions: false, predicted: false } });
    const view = reportView(rig, second.sheetName);
    expect(second.sheetId).toBe(first.sheetId);
    for (const gone of ['Action lists', 'Charts', /^Cohort retention/, /^Predicted lifetime value/, /^NPS by month/])
      expect(view.rowOf(gone)).toBe(0);
    expect(rig.workbook.chartSpecs(second.sheetName)).toEqual([]);
    expect(rig.workbook.sheet(second.sheetName).snapshot().conditionalFormatRules).toEqual([]);
    // Below the headline table only the sources and the trends the sparklines read; no cell of the
    // longer report is left past the new end.
    expect(view.rows.length).toBeLessThan(reportView(rig, second.sheetName).rows.length + 1);
    const lastRow = view.rows.length;
    const sheet = rig.workbook.sheet(second.sheetName);
    expect(
      sheet
        .rangeOf(`A${lastRow + 1}:Z${lastRow + 200}`)
        .readValues()
        .flat()
        .filter((v) => v !== ''),
    ).toEqual([]);
  });
});

describe("the user's own sheets", () => {
  it('a user sheet named "KPI Summary" is left untouched: the report goes to "KPI Summary (2)", and stays there', () => {
    const sheets = {
      'KPI Summary': [
        ['My own notes', 42],
        ['=not a formula of ours', 'keep'],
      ],
      ...copySheets(sample().sheets),
    };
    const rig = reportRig(sheets);
    const mine = rig.workbook.fingerprint('KPI Summary');
    const first = generate(rig);
    expect(first.sheetName).toBe('KPI Summary (2)');
    expect(rig.workbook.fingerprint('KPI Summary')).toBe(mine);
    const second = generate(rig);
    expect(second.sheetName).toBe('KPI Summary (2)');
    expect(second.sheetId).toBe(first.sheetId);
    expect(rig.workbook.fingerprint('KPI Summary')).toBe(mine);
    expect(rig.workbook.sheetNames().filter((n) => n.startsWith('KPI Summary'))).toEqual([
      'KPI Summary',
      'KPI Summary (2)',
      'KPI Summary (to share)',
    ]);
  });

  it('every user sheet is byte-for-byte unchanged after generating and regenerating', () => {
    const rig = reportRig(copySheets(sample().sheets));
    const before = userFingerprints(rig.workbook);
    generate(rig);
    expect(userFingerprints(rig.workbook)).toEqual(before);
    generate(rig, { withoutPersonalData: true });
    generate(rig, { periodKind: 'quarter', periodIndex: 2025 * 4 + 3 });
    expect(userFingerprints(rig.workbook)).toEqual(before);
  });
});

describe('user text that looks like a formula stays text', () => {
  it('the planted names and comments starting with =, +, -, @ are written as the same text, and no formula is created', () => {
    const { sheets, injections } = sample();
    expect(injections.map((i) => i.text[0]).sort()).toEqual(['+', '-', '-', '=', '@']);
    const copy = copySheets(sheets);
    // Put the planted customers in the period's lists: each answers the December survey as a
    // promoter quoting an injection text; the planted "- ..." comment comes back as a detractor's.
    const planted = injections.filter((i) => i.sheet === 'Clientes').map((i) => String(copy.Clientes[i.row - 1][0]));
    expect(planted).toHaveLength(INJECTION_NAMES.length);
    const survey = (id: string, day: string, nps: number, comment: string) => [
      id,
      sheetDate(day, ZONE),
      nps,
      4,
      comment,
      2,
      4,
      4,
    ];
    planted.forEach((id, k) => copy.Encuestas.push(survey(id, `2025-12-2${k}`, 10, INJECTION_NAMES[k])));
    const dashComment = injections.find((i) => i.sheet === 'Encuestas')!.text;
    copy.Encuestas.push(survey(planted[0], '2025-12-28', 2, dashComment));

    const rig = reportRig(copy);
    const result = generate(rig);
    const view = reportView(rig, result.sheetName);
    const lists = new SheetView(markedSheets(rig.workbook, 'lists')[0]);
    // The only formulas are the report's own sparklines, over its own cells.
    for (const cell of view.formulas()) expect(cell.formula).toMatch(/^=SPARKLINE\([A-Z]+\d+:[A-Z]+\d+,\{/);
    expect(lists.formulas()).toEqual([]);
    for (const { text } of injections) {
      const cells = [...view.cells(), ...lists.cells()].filter((c) => c.value === text);
      expect(cells.length, text).toBeGreaterThan(0);
      for (const cell of cells) expect(cell.display, text).toBe(text);
    }
    // Each planted customer appears with the name from the Clientes sheet, in the report and in the lists.
    for (const name of INJECTION_NAMES) {
      expect(view.texts().filter((t) => t === name).length, name).toBeGreaterThanOrEqual(1);
      expect(lists.texts().filter((t) => t === name).length, name).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('a missing required column', () => {
  it('a mapping without the amount column: a message naming the sheet and the column, and nothing written', () => {
    const rig = reportRig(copySheets(sample().sheets));
    const before = rig.workbook.fingerprints();
    const request = generateRequest(rig);
    const mapping = wire(request.mapping) as Record<string, { sheet: string; columns: Record<string, string> }>;
    delete mapping.orders.columns.amount;
    const check = wire(rig.fx.wizardCheckMapping(mapping));
    expect(check.ok).toBe(false);
    expect(check.messages).toEqual([
      'Sheet "Pedidos" has no column for amount. Choose that column in step 2 of the wizard, or add a header for it in row 1.',
    ]);
    const message = thrown(() => rig.fx.wizardGenerate({ ...request, mapping }));
    expect(message).toBe(check.messages[0]);
    expect(markedSheets(rig.workbook)).toEqual([]);
    expect(rig.workbook.fingerprints()).toEqual(before);
  });

  it('an Orders sheet without a date column: the message names the sheet and the date column', () => {
    const orders = [
      ['Customer ID', 'Amount'],
      ['C1', 10],
      ['C2', 20],
    ];
    const rig = reportRig({ Orders: orders });
    const before = rig.workbook.fingerprints();
    const message = thrown(() => generate(rig));
    expect(message).toBe(
      'Sheet "Orders" has no column for date. Choose that column in step 2 of the wizard, or add a header for it in row 1.',
    );
    expect(rig.workbook.sheetNames()).toEqual(['Orders']);
    expect(rig.workbook.fingerprints()).toEqual(before);
  });

  /** A report of the sample, then a header renamed in one of its sheets; the messages of the next runs. */
  function renameAfterReport(sheet: string, cell: string, header: string) {
    const rig = reportRig(copySheets(sample().sheets));
    const first = generate(rig);
    rig.workbook
      .sheet(sheet)
      .rangeOf(cell)
      .writeValues([[header]]);
    const before = rig.workbook.fingerprints();
    const regenerate = () =>
      thrown(() => rig.fx.wizardGenerate({ periodKind: 'month', periodIndex: 2025 * 12 + 11, today: '2026-01-10' }));
    /** Nothing written by the failed runs, and the report is the same sheet. */
    const unchanged = () => {
      expect(rig.workbook.fingerprints()).toEqual(before);
      expect(rig.workbook.sheet(first.sheetName).getSheetId()).toBe(first.sheetId);
    };
    return { rig, regenerate, unchanged };
  }

  it('a column renamed after a report: regenerating names the sheet and the old header, and keeps the report', () => {
    const { rig, regenerate, unchanged } = renameAfterReport('Pedidos', 'C1', 'Importe bruto');
    const expected =
      'Sheet "Pedidos" has no column headed "Importe" any more (it was used for amount). Choose the column again in step 2 of the wizard.';
    expect(regenerate()).toBe(expected);
    expect(thrown(() => rig.fx.refreshLastReport())).toBe(expected);
    unchanged();
  });

  it('a column renamed in a sheet read after others: the same message, and nothing written', () => {
    // The sheets are read one at a time: Pedidos and Clientes are parsed before Encuestas is checked.
    const { regenerate, unchanged } = renameAfterReport('Encuestas', 'C1', 'Recomendación (0-10)');
    expect(regenerate()).toMatch(
      /^Sheet "Encuestas" has no column headed "Recomendación" any more \(it was used for .+\)\. Choose the column again in step 2 of the wizard\.$/,
    );
    unchanged();
  });

  it('in Spanish too', () => {
    const rig = reportRig(
      {
        Pedidos: [
          ['ID cliente', 'Importe'],
          ['C1', 10],
        ],
      },
      { locale: 'es_ES' },
    );
    expect(thrown(() => generate(rig))).toBe(
      'La hoja "Pedidos" no tiene columna de fecha. Elige esa columna en el paso 2 del asistente o añade su encabezado en la fila 1.',
    );
  });
});

describe('the document lock', () => {
  it('held by another run: "Another report is being generated", and nothing is written', () => {
    const rig = reportRig(copySheets(sample().sheets));
    rig.workbook.lockHeldElsewhere = true;
    const before = rig.workbook.fingerprints();
    expect(thrown(() => generate(rig))).toBe(
      'Another report is being generated in this spreadsheet. Try again in a minute.',
    );
    expect(rig.workbook.fingerprints()).toEqual(before);
    expect(markedSheets(rig.workbook)).toEqual([]);
  });

  it('held elsewhere while a report exists: the report is left as it was; free again, the run works and releases the lock', () => {
    const rig = reportRig(copySheets(sample().sheets));
    const first = generate(rig);
    expect(rig.workbook.locks.document.held).toBe(false);
    const before = rig.workbook.fingerprints();
    rig.workbook.lockHeldElsewhere = true;
    expect(thrown(() => generate(rig))).toMatch(/^Another report is being generated/);
    expect(rig.workbook.fingerprints()).toEqual(before);
    rig.workbook.lockHeldElsewhere = false;
    expect(generate(rig).sheetId).toBe(first.sheetId);
    expect(rig.workbook.locks.document.held).toBe(false);
    expect(rig.workbook.locks.document.acquisitions).toBe(2);
  });
});

describe('a failure part-way', () => {
  for (const [method, after] of [
    ['Range.setBackgrounds', 0],
    ['Range.setFontSizes', 0],
    ['Sheet.insertChart', 2],
  ] as const) {
    it(`(${method}) leaves the previous report exactly as it was and says so plainly`, () => {
      const rig = reportRig(copySheets(sample().sheets));
      const first = generate(rig);
      const owned = ownedFingerprints(rig.workbook);
      expect(Object.keys(owned)).toHaveLength(4); // report, lists, version to share, history
      addDecemberOrders(rig, 3); // the new report would differ
      const users = userFingerprints(rig.workbook);
      rig.workbook.failOn(method, after);
      const message = thrown(() => generate(rig));
      expect(message).toMatch(/could not be written/);
      expect(message).toMatch(/Nothing was changed in the spreadsheet/);
      expect(message).not.toMatch(/internal error|\bat \w+ \(|\n/);
      expect(ownedFingerprints(rig.workbook)).toEqual(owned);
      expect(userFingerprints(rig.workbook)).toEqual(users);
      expect(rig.workbook.locks.document.held).toBe(false);
      // The next run works and updates the report in place.
      const again = generate(rig);
      expect(again.sheetId).toBe(first.sheetId);
      expect(rig.workbook.chartSpecs(first.sheetName)).toHaveLength(8); // NPS, customers, MRR, RFM, drivers, support, LTV curves, projection
    });
  }

  it('on the first run leaves no report sheet behind', () => {
    const rig = reportRig(copySheets(sample().sheets));
    const before = rig.workbook.fingerprints();
    rig.workbook.failOn('Range.setValues');
    expect(thrown(() => generate(rig))).toMatch(
      /^The report could not be written \(Google Sheets said: Service Spreadsheets failed .*\)\. Nothing was changed/,
    );
    expect(rig.workbook.fingerprints()).toEqual(before);
    expect(markedSheets(rig.workbook)).toEqual([]);
  });
});
