/**
 * Targets for headline KPIs (issue 16), through the built bundle: the KPIs the wizard offers, how
 * a typed target is read in the spreadsheet's decimal mark ("5" or "5 %" is 5 % for a rate), the
 * messages that say what, where and how to fix, the guard on `wizardGenerate`, and the round trip
 * through the document's settings into the report.
 */
import { describe, expect, it } from 'vitest';
import { errorOf } from '../support/addon';
import { copySheets, generate, reportRig, roleView, sample, wire } from '../support/report';

const SETTINGS = 'fideliza.settings';

function rig(options: { locale?: string; userLocale?: string } = {}) {
  return reportRig(copySheets(sample().sheets), options);
}

function settingsOf(r: ReturnType<typeof rig>): any {
  return JSON.parse(r.workbook.properties.document.data.get(SETTINGS) as string);
}

describe('targets: what the wizard offers', () => {
  it('every headline KPI that is better higher or lower, with its unit, in the user language; no context counts', () => {
    const scan = wire(rig().fx.wizardScan());
    const byKey = new Map(scan.targetKpis.map((k: any) => [k.key, k]));
    expect(byKey.get('nps')).toEqual({ key: 'nps', label: 'NPS', unit: 'points' });
    expect(byKey.get('churn')).toEqual({ key: 'churn', label: 'Customer churn', unit: 'percent' });
    expect(byKey.get('revenue')).toEqual({ key: 'revenue', label: 'Revenue', unit: 'currency' });
    expect(byKey.get('orders')).toEqual({ key: 'orders', label: 'Orders', unit: 'number' });
    for (const context of ['npsMargin', 'responses', 'customersStart']) expect(byKey.has(context)).toBe(false);
    expect(scan.defaults.targets).toEqual([]);
    const es = wire(rig({ userLocale: 'es', locale: 'es_ES' }).fx.wizardScan());
    expect(es.targetKpis.find((k: any) => k.key === 'churn').label).toBe('Tasa de abandono');
  });
});

describe('targets: reading what the user typed', () => {
  it('reads rates as percentages, NPS in points and money with or without its currency (en_US)', () => {
    const { fx } = rig();
    const check = (key: string, text: unknown) => wire(fx.wizardCheckTarget(key, text));
    expect(check('churn', '5')).toEqual({ ok: true, value: 0.05, text: '5 %' });
    expect(check('churn', ' 5 % ')).toEqual({ ok: true, value: 0.05, text: '5 %' });
    expect(check('retention', '92.5%')).toEqual({ ok: true, value: 0.925, text: '92.5 %' });
    expect(check('nps', '-12')).toEqual({ ok: true, value: -12, text: '-12' });
    expect(check('revenue', '$1,500.50')).toEqual({ ok: true, value: 1500.5, text: '1,500.5' });
    expect(check('orders', 250)).toEqual({ ok: true, value: 250, text: '250' });
  });

  it('says what is wrong, for which KPI, and how to write it', () => {
    const { fx } = rig();
    const check = (key: string, text: unknown) => wire(fx.wizardCheckTarget(key, text));
    expect(check('nps', '150')).toEqual({
      ok: false,
      message: 'Target for NPS: 150 is out of range. Type NPS points between −100 and 100, such as 30.',
    });
    expect(check('churn', 'five')).toEqual({
      ok: false,
      message:
        'Target for Customer churn: “five” is not a number. Type a percentage such as 5 or 5 % (between −1000 % and 1000 %).',
    });
    expect(check('nps', '30 %')).toEqual({
      ok: false,
      message: 'Target for NPS: “30 %” is not a number. Type NPS points between −100 and 100, such as 30.',
    });
    expect(check('aov', '12,5')).toEqual({
      ok: false,
      message:
        'Target for Average order value: “12,5” is not a number. Type an amount such as 1,500.50, without the currency if you like.',
    });
    expect(check('churn', '   ')).toEqual({ ok: false, message: 'Target for Customer churn: type a value.' });
    expect(check('responses', '5')).toEqual({
      ok: false,
      message: 'Targets: “responses” is not a KPI of the report. Choose one from the list.',
    });
    expect(errorOf(() => fx.wizardCheckTarget({ key: 'nps' }, '3'))).toMatch(/invalid target \(not a target\)/);
  });

  it('reads a Spanish spreadsheet with its decimal comma and answers a Spanish user in Spanish', () => {
    const { fx } = rig({ locale: 'es_ES', userLocale: 'es' });
    const check = (key: string, text: unknown) => wire(fx.wizardCheckTarget(key, text));
    expect(check('churn', '2,5 %')).toEqual({ ok: true, value: 0.025, text: '2,5 %' });
    expect(check('revenue', '1.500,50 €')).toEqual({ ok: true, value: 1500.5, text: '1.500,5' });
    expect(check('nps', '-101')).toEqual({
      ok: false,
      message: 'Objetivo de NPS: -101 está fuera del intervalo. Escribe puntos de NPS entre −100 y 100, como 30.',
    });
    expect(check('aov', 'mucho')).toEqual({
      ok: false,
      message:
        'Objetivo de Valor medio del pedido: «mucho» no es un número. Escribe un importe como 1.500,50, con o sin la moneda.',
    });
  });

  it('wizardGenerate reads every target again and refuses one that cannot be read, writing nothing', () => {
    const r = rig();
    const before = r.workbook.fingerprints();
    expect(errorOf(() => generate(r, { targets: { churn: 'abc' } }))).toBe(
      'The sidebar sent an invalid targets (Target for Customer churn: “abc” is not a number. Type a percentage such as 5 or 5 % (between −1000 % and 1000 %)). Close the sidebar and open it again.',
    );
    expect(errorOf(() => generate(r, { targets: 'all' }))).toMatch(/invalid targets \(not an object\)/);
    expect(errorOf(() => generate(r, { targets: { nps: { value: 3 } } }))).toMatch(
      /invalid targets \(nps must be a number or a short text\)/,
    );
    expect(errorOf(() => generate(r, { targets: { nps: 500 } }))).toMatch(/Target for NPS: 500 is out of range/);
    expect(errorOf(() => generate(r, { targets: { salary: 5 } }))).toMatch(/“salary” is not a KPI of the report/);
    expect(r.workbook.fingerprints()).toEqual(before);
    expect(r.workbook.properties.document.data.get(SETTINGS)).toBeUndefined();
  });
});

describe('targets: remembered per document and passed to the report', () => {
  it('round-trips through the settings, reaches the report, survives "Refresh last report", and can be cleared', () => {
    const r = rig();
    generate(r, { targets: { nps: '30', churn: '5 %' } });
    expect(settingsOf(r).targets).toEqual({ nps: 30, churn: 0.05 });
    const scan = wire(r.fx.wizardScan());
    expect(scan.defaults.targets).toEqual([
      { key: 'nps', value: 30, text: '30' },
      { key: 'churn', value: 0.05, text: '5 %' },
    ]);
    // The report marks the KPIs that have a target (the summary band's "Target …" lines).
    const texts = roleView(r, 'report').texts();
    expect(texts.some((t) => /^Target 30(\.0)? [✓✗]$/.test(t))).toBe(true);
    expect(texts.some((t) => /^Target 5(\.0)?\s?% [✓✗]$/.test(t))).toBe(true);

    // A request without targets keeps the remembered ones; "Refresh last report" too.
    generate(r, { targets: undefined });
    expect(settingsOf(r).targets).toEqual({ nps: 30, churn: 0.05 });
    r.fx.refreshLastReport();
    expect(settingsOf(r).targets).toEqual({ nps: 30, churn: 0.05 });

    // An empty set clears them: no target marks any more.
    generate(r, { targets: {} });
    expect(settingsOf(r).targets).toEqual({});
    expect(wire(r.fx.wizardScan()).defaults.targets).toEqual([]);
    expect(
      roleView(r, 'report')
        .texts()
        .some((t) => /^Target /.test(t)),
    ).toBe(false);
  });

  it('drops a remembered target edited into nonsense instead of failing the wizard', () => {
    const r = rig();
    generate(r, { targets: { nps: '30' } });
    const settings = settingsOf(r);
    r.workbook.properties.document.data.set(
      SETTINGS,
      JSON.stringify({ ...settings, targets: { nps: 'x', churn: 0.1, ghost: 1 } }),
    );
    expect(wire(r.fx.wizardScan()).defaults.targets).toEqual([{ key: 'churn', value: 0.1, text: '10 %' }]);
  });
});
