/**
 * The menu and the sidebar's server functions, through the built bundle: what the browser (or
 * anyone with a browser console) can call, and what the menu does.
 */
import { describe, expect, it } from 'vitest';
import { loadBundle, sheetDate, Workbook, type WorkbookOptions } from '../emulator';
import { errorOf } from '../support/addon';

const ZONE = 'America/Los_Angeles';

/** A small shop: orders in 2024 on one sheet, orders in 2025 on another. */
function shop(options: WorkbookOptions = {}) {
  const orders = (year: number) => [
    ['Customer ID', 'Order date', 'Amount'],
    ['C1', sheetDate(`${year}-01-15`, ZONE), 10],
    ['C2', sheetDate(`${year}-02-10`, ZONE), 20],
    ['C1', sheetDate(`${year}-03-05`, ZONE), 30],
  ];
  const workbook = new Workbook({
    timeZone: ZONE,
    sheets: { Orders: orders(2024), 'Orders 2025': orders(2025) },
    ...options,
  });
  return { workbook, fx: loadBundle(workbook.globals()) };
}

describe('menu', () => {
  it('onOpen builds the add-on menu in AuthMode.NONE, touching nothing that needs authorisation', () => {
    const { workbook, fx } = shop({ authMode: 'NONE' });
    fx.onOpen({ authMode: 'NONE' });
    expect(workbook.ui.menus).toHaveLength(1);
    const menu = workbook.ui.menus[0];
    expect(menu.addon).toBe(true);
    expect(menu.items.map((i) => ('functionName' in i ? [i.caption, i.functionName] : '—'))).toEqual([
      ['Generate KPI report', 'showReportWizard'],
      ['Refresh last report', 'refreshLastReport'],
      '—',
      ['Function help', 'showFunctionHelp'],
      ['About', 'showAbout'],
    ]);
  });

  it('onInstall builds the same menu; a Spanish user gets it in Spanish', () => {
    const { workbook, fx } = shop({ userLocale: 'es' });
    fx.onInstall({ authMode: 'FULL' });
    expect(workbook.ui.menus[0].items.flatMap((i) => ('caption' in i ? [i.caption] : []))).toEqual([
      'Generar informe de KPI',
      'Actualizar último informe',
      'Ayuda de fórmulas',
      'Acerca de',
    ]);
  });

  it('opens the wizard and the function help as sidebars in the user language, and About as an alert', () => {
    const { workbook, fx } = shop({ userLocale: 'es' });
    fx.showReportWizard();
    fx.showFunctionHelp();
    fx.showAbout();
    expect(workbook.ui.sidebars.map((s) => s.title)).toEqual(['Fideliza — informe de KPI', 'Fideliza — fórmulas']);
    for (const sidebar of workbook.ui.sidebars) expect(sidebar.content).toContain('data-lang="es"');
    expect(workbook.ui.alerts[0].prompt).toMatch(/Solo lee y escribe en esta hoja de cálculo/);
  });

  it('"Refresh last report" before any report says what to do first', () => {
    const { fx } = shop();
    expect(errorOf(() => fx.refreshLastReport())).toBe(
      'There is no report to refresh yet. Use Extensions ▸ Fideliza ▸ Generate KPI report first.',
    );
  });
});

describe('wizard endpoints', () => {
  it('the periods follow the orders sheet chosen in step 1', () => {
    const { fx } = shop();
    const scan = fx.wizardScan();
    expect(scan.mapping.orders.sheet).toBe('Orders');
    expect(scan.periods.month[0].label).toBe('March 2024');
    const other = { orders: { ...scan.mapping.orders, sheet: 'Orders 2025' } };
    const check = fx.wizardCheckMapping(other);
    expect(check.ok).toBe(true);
    expect(check.periods.month[0].label).toBe('March 2025');
    expect(check.periods.month.at(-1).label).toBe('January 2025');
  });

  it('answers plain JSON: no Date crosses to the browser', () => {
    const { fx } = shop();
    const scan = fx.wizardScan();
    expect(JSON.parse(JSON.stringify(scan))).toEqual(scan);
    const result = fx.wizardGenerate({ runId: 'run-1', periodKind: 'month' });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(fx.wizardProgress('run-1')).toEqual({ stage: 'done', percent: 100 });
    expect(fx.wizardProgress('another-run')).toEqual({ stage: null, percent: 0 });
  });

  it('validates every argument a browser console could send, in plain words', () => {
    const { workbook, fx } = shop();
    const before = workbook.fingerprints();
    expect(errorOf(() => fx.wizardGenerate('DROP TABLE'))).toBe(
      'The sidebar sent an invalid request (not an object). Close the sidebar and open it again.',
    );
    expect(errorOf(() => fx.wizardGenerate({ periodKind: 'decade' }))).toMatch(
      /^The sidebar sent an invalid periodKind \(use month, quarter or year\)/,
    );
    expect(errorOf(() => fx.wizardGenerate({ currency: '€€€€' }))).toMatch(/invalid currency/);
    expect(
      errorOf(() => fx.wizardGenerate({ mapping: { orders: { sheet: 'Orders', columns: { password: 'x' } } } })),
    ).toMatch(/unknown column password/);
    expect(errorOf(() => fx.wizardGenerate({ mapping: { payroll: { sheet: 'x', columns: {} } } }))).toMatch(
      /unknown source payroll/,
    );
    expect(errorOf(() => fx.wizardCheckMapping(42))).toMatch(/invalid mapping \(not an object\)/);
    expect(errorOf(() => fx.wizardProgress('../../etc'))).toMatch(/invalid runId/);
    expect(errorOf(() => fx.wizardGenerate({ sections: { charts: 'yes' } }))).toMatch(/invalid sections/);
    // Numbers and dates are bounded: a period between 1900 and 2199, a "today" that exists.
    for (const periodIndex of [1_000_000, -1_000_000, 2200 * 12, 1899 * 12 + 11, 2025.5])
      expect(
        errorOf(() => fx.wizardGenerate({ periodKind: 'month', periodIndex })),
        `${periodIndex}`,
      ).toMatch(/invalid periodIndex \(a month between 1900 and 2199\)/);
    expect(errorOf(() => fx.wizardGenerate({ periodKind: 'year', periodIndex: 2025 * 12 }))).toMatch(/periodIndex/);
    expect(errorOf(() => fx.wizardGenerate({ periodIndex: 2025 * 12 }))).toMatch(/periodIndex \(needs periodKind\)/);
    expect(errorOf(() => fx.wizardOpenSheet('0; DROP'))).toMatch(/invalid sheetId \(not a sheet id\)/);
    expect(errorOf(() => fx.wizardOpenSheet(987654))).toBe(
      'The summary sheet is no longer in this spreadsheet. Generate the report again to make a new one.',
    );
    for (const today of ['9999-99-99', '2025-02-29', '2025-13-01', '0001-01-01', '2026-1-5', 20260105])
      expect(
        errorOf(() => fx.wizardGenerate({ today })),
        `${today}`,
      ).toMatch(/invalid today \(a real date yyyy-mm-dd/);
    expect(workbook.fingerprints()).toEqual(before);
  });

  it('words failures in the user language', () => {
    const { fx } = shop({ userLocale: 'es' });
    expect(errorOf(() => fx.wizardGenerate({ periodKind: 'decade' }))).toMatch(
      /^La barra lateral envió un valor no válido en periodKind/,
    );
    expect(
      errorOf(() =>
        fx.wizardGenerate({
          mapping: { orders: { sheet: 'Orders', columns: { customerId: 'Customer ID', date: 'Order date' } } },
        }),
      ),
    ).toBe(
      'La hoja "Orders" no tiene columna de importe. Elige esa columna en el paso 2 del asistente o añade su encabezado en la fila 1.',
    );
  });

  it('remembers the mapping and options per document', () => {
    const { fx } = shop();
    const mapping = {
      orders: { sheet: 'Orders 2025', columns: { customerId: 'Customer ID', date: 'Order date', amount: 'Amount' } },
    };
    fx.wizardGenerate({ mapping, periodKind: 'quarter', currency: 'GBP' });
    const scan = fx.wizardScan();
    expect(scan.remembered).toBe(true);
    expect(scan.mapping).toEqual(mapping);
    expect(scan.defaults.currency).toBe('GBP');
  });
});
