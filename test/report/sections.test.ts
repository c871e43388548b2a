/**
 * The KPI report on the sample shop, end to end through the built bundle: every section of
 * PRODUCT.md ("The KPI summary sheet") is there, its numbers agree with a recount of the sample's
 * rows, numbers are numbers with formats, and the labels follow the spreadsheet's language.
 * Run `npm run build` first.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { isoDateIn, wallClock } from '../emulator';
import {
  answersIn,
  copySheets,
  generate,
  readableOrders,
  reportRig,
  reportView,
  sample,
  ZONE,
  type ReportRig,
  type SheetView,
} from '../support/report';

/** The headline KPIs PRODUCT.md lists, as the English report names them; all the sample's sheets are present. */
const HEADLINE_EN = [
  'NPS',
  'NPS margin of error (95 %)',
  'CSAT',
  'Customers at start',
  'New customers',
  'Customers at end',
  'Customer churn',
  'Retention rate',
  'Repeat rate',
  'Orders',
  'Revenue',
  'Average order value',
  'Purchase frequency',
  'Historic LTV',
  'LTV:CAC',
  'Customer profitability (CPS)',
  'MRR',
  'Net revenue retention',
  'Gross MRR churn',
  'Expansion MRR',
  'Conversion rate',
  'Cart abandonment',
  'Tickets per customer',
];

/** The skip reasons of the sample's manifest as the English report words them. */
/** How the report words each planted reason: the reason, then the column concerned. */
const REASON_EN: Record<string, string> = {
  'text amount': 'not a number',
  'bad date': 'not a date',
  'negative amount': 'negative number',
  'blank customer id': 'blank (customer id)',
};

/** The headline row of a KPI: [label, this period, previous, change, definition]. */
function kpi(view: SheetView, label: string): ReturnType<SheetView['at']>[] {
  const top = view.row(/^(Headline KPIs|KPI principales)$/);
  const row = view.row(label, top);
  return [1, 2, 3, 4, 5].map((c) => view.at(row, c));
}

/** Customers whose first readable order falls in `month`. */
function newCustomersIn(month: string): Set<string> {
  const first = new Map<string, string>();
  for (const o of readableOrders(sample().sheets.Pedidos))
    if (!first.has(o.customerId) || o.day < first.get(o.customerId)!) first.set(o.customerId, o.day);
  return new Set([...first].filter(([, day]) => day.startsWith(month)).map(([id]) => id));
}

/** NPS of answers: % promoters (9–10) − % detractors (0–6), in points (PRODUCT.md / FUNCTIONS.md). */
function npsOf(scores: number[]): number {
  return ((scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length) / scores.length) * 100;
}

describe('the sample shop in English (en_US)', () => {
  let rig: ReportRig;
  let view: SheetView;
  let result: any;
  let startedAt: number;
  let endedAt: number;

  beforeAll(() => {
    rig = reportRig(copySheets(sample().sheets));
    startedAt = Date.now();
    result = generate(rig);
    endedAt = Date.now();
    view = reportView(rig, result.sheetName);
  });

  it('writes its own sheet, named KPI Summary, and says so in the result card', () => {
    expect(result.sheetName).toBe('KPI Summary');
    expect(result.created).toBe(true);
    expect(result.periodLabel).toBe('December 2025');
    expect(rig.workbook.sheetNames()).toEqual([
      'Clientes',
      'Pedidos',
      'Encuestas',
      'Suscripciones',
      'Tickets',
      'Embudo',
      'KPI Summary',
    ]);
  });

  it('title block: title, period with the one compared, generated-at in the spreadsheet zone', () => {
    expect(view.at(1, 1).value).toBe('Fideliza — KPI summary');
    const period = view.row('Period');
    expect(view.at(period, 2).value).toBe('December 2025 (compared with November 2025)');
    const generated = view.row('Generated at');
    const stamp = view.at(generated, 2);
    expect(Object.prototype.toString.call(stamp.value)).toBe('[object Date]');
    const instant = (stamp.value as Date).getTime();
    expect(instant).toBeGreaterThanOrEqual(startedAt);
    expect(instant).toBeLessThanOrEqual(endedAt);
    // Shown as the wall-clock time in the spreadsheet's zone (Los Angeles), not the host's.
    const w = wallClock(stamp.value as Date, ZONE);
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(stamp.display).toBe(`${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`);
    expect(view.line(generated).join(' ')).toContain(ZONE);
  });

  it('sources: each sheet with rows read, used and skipped, reasons and first row numbers from the planted dirty rows', () => {
    const { sheets, dirty } = sample();
    const header = view.row('Source');
    expect(view.line(header)).toEqual([
      'Source',
      'Sheet',
      'Rows read',
      'Rows used',
      'Rows skipped',
      'Why skipped (first rows)',
    ]);
    const expectedSheets = [
      ['Orders', 'Pedidos'],
      ['Customers', 'Clientes'],
      ['Surveys', 'Encuestas'],
      ['Subscriptions', 'Suscripciones'],
      ['Tickets', 'Tickets'],
      ['Funnel', 'Embudo'],
    ];
    let line = header + 1;
    expectedSheets.forEach(([kind, sheet]) => {
      const [k, s, read, used, skipped] = view.line(line).concat(['', '', '', '', '', '']);
      // one line per skip reason: the first beside the counts, the others below it
      let why = String(view.at(line, 6).value);
      for (line++; view.at(line, 1).value === '' && view.at(line, 6).value !== ''; line++)
        why += `; ${view.at(line, 6).value}`;
      expect([k, s]).toEqual([kind, sheet]);
      const planted = dirty.filter((d) => d.sheet === sheet);
      expect(read).toBe(sheets[sheet].length - 1);
      expect(skipped).toBe(planted.length);
      if (sheet === 'Pedidos' || sheet === 'Clientes') {
        expect(planted.length).toBeGreaterThan(0);
        expect(used).toBe(sheets[sheet].length - 1 - planted.length);
        for (const reason of new Set(planted.map((d) => d.reason))) {
          const rows = planted
            .filter((d) => d.reason === reason)
            .map((d) => d.row)
            .sort((a, b) => a - b);
          // "<reason> (<column>): <count> (rows r1, r2…)" with the first five row numbers.
          expect(why).toMatch(
            new RegExp(
              `${REASON_EN[reason].replace(/[()]/g, '\\$&')}( \\([^)]*\\))?: ${rows.length} \\(rows? ${rows.slice(0, 5).join(', ')}`,
            ),
          );
        }
      } else {
        expect(why).toBe('—');
      }
    });
    // The result card counts the same skipped rows.
    expect(result.skippedRows).toBe(dirty.length);
  });

  it('headline table: every KPI PRODUCT.md lists for these sheets, with this period, previous, change and a definition', () => {
    const top = view.row('Headline KPIs');
    expect(view.line(view.row('KPI', top))).toEqual(['KPI', 'This period', 'Previous period', 'Change', 'Definition']);
    for (const label of HEADLINE_EN) {
      const [, now, before, change, definition] = kpi(view, label);
      expect(typeof definition.value === 'string' && definition.value.length > 10, label).toBe(true);
      // a change of a rate is written in percentage points (×100, format "+0.0 pp")
      const points = typeof now.format === 'string' && now.format.includes('%');
      if (typeof now.value === 'number' && typeof before.value === 'number')
        expect(change.value as number, label).toBeCloseTo((now.value - before.value) * (points ? 100 : 1), 9);
      if (points) expect(change.format, label).toContain('pp');
      expect(typeof now.value, label).toBe('number');
    }
  });

  it('headline numbers agree with a recount of the sample rows (orders, revenue, AOV, new customers, NPS)', () => {
    const orders = readableOrders(sample().sheets.Pedidos);
    const dec = orders.filter((o) => o.month === '2025-12');
    const nov = orders.filter((o) => o.month === '2025-11');
    const revenue = (list: typeof orders) => list.reduce((s, o) => s + o.amount, 0);
    expect(
      kpi(view, 'Orders')
        .slice(1, 3)
        .map((c) => c.value),
    ).toEqual([dec.length, nov.length]);
    expect(kpi(view, 'Revenue')[1].value as number).toBeCloseTo(revenue(dec), 6);
    expect(kpi(view, 'Revenue')[2].value as number).toBeCloseTo(revenue(nov), 6);
    expect(kpi(view, 'Average order value')[1].value as number).toBeCloseTo(revenue(dec) / dec.length, 6);
    expect(kpi(view, 'New customers')[1].value).toBe(newCustomersIn('2025-12').size);
    const answers = answersIn(sample().sheets.Encuestas, '2025-12');
    expect(answers.length).toBeGreaterThan(0);
    expect(kpi(view, 'NPS')[1].value as number).toBeCloseTo(npsOf(answers.map((a) => a.score)), 9);
  });

  it('numbers are numbers with number formats (currency, %, points, dates), never pre-formatted text', () => {
    expect(kpi(view, 'Revenue')[1].format).toMatch(/\$/);
    expect(kpi(view, 'Revenue')[1].display).toMatch(/^\$[\d,]+\.\d\d$/);
    expect(kpi(view, 'Customer churn')[1].format).toMatch(/%/);
    expect(kpi(view, 'Customer churn')[1].display).toMatch(/^\d+\.\d%$/);
    expect(kpi(view, 'Orders')[1].display).toMatch(/^[\d,]+$/);
    expect(kpi(view, 'NPS')[1].format).toBe('0.0');
    // No text cell looks like a number, an amount, a percentage or a date: those are written as values.
    const numberLike = /^\s*[-+]?\s*[$€£]?\s*\d[\d.,\s]*\s*(%|€|\$)?\s*$/;
    const dateLike = /^\d{4}-\d{2}-\d{2}/;
    const offenders = view.texts().filter((t) => numberLike.test(t) || dateLike.test(t));
    expect(offenders).toEqual([]);
    // Dates of the lists are Date values with a date format.
    const winBack = view.row(/^Customers to win back \(\d+\)$/);
    const lastOrder = view.at(winBack + 2, 5);
    expect(Object.prototype.toString.call(lastOrder.value)).toBe('[object Date]');
    expect(lastOrder.format).toBe('yyyy-mm-dd');
    expect(lastOrder.display).toBe(isoDateIn(lastOrder.value as Date, ZONE));
  });

  it('charts: the five native charts, each reading the data block written beside it', () => {
    const specs = rig.workbook.chartSpecs(result.sheetName);
    const expected = [
      {
        title: 'NPS by month: promoters, passives, detractors',
        type: 'COLUMN',
        stacked: true,
        headers: ['Month', 'Promoters', 'Passives', 'Detractors'],
      },
      {
        title: 'New and churned customers by month',
        type: 'COLUMN',
        stacked: false,
        headers: ['Month', 'New', 'Churned'],
      },
      {
        title: 'MRR movements by month',
        type: 'COLUMN',
        stacked: true,
        headers: ['Month', 'New', 'Expansion', 'Reactivation', 'Contraction', 'Churned'],
      },
      { title: 'Customers by RFM segment', type: 'BAR', stacked: false, headers: ['Segment', 'Customers'] },
      {
        title: 'Key drivers of NPS: mean vs correlation',
        type: 'SCATTER',
        stacked: false,
        headers: ['Mean', 'Correlation with NPS'],
      },
    ];
    expect(specs.map((s) => [s.type, s.options.title])).toEqual(expected.map((e) => [e.type, e.title]));
    for (const [i, spec] of specs.entries()) {
      const e = expected[i];
      expect(spec.ranges).toHaveLength(1);
      const [range] = spec.ranges;
      expect(range.sheet).toBe(result.sheetName);
      expect(Boolean(spec.options.isStacked), e.title).toBe(e.stacked);
      // The block: its title in the row the chart is anchored at, its header row just below.
      const anchor = spec.position.anchorRow;
      expect(view.at(anchor, 1).value).toBe(e.title);
      const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range.a1)!;
      expect(Number(m[2])).toBe(anchor + 1);
      expect(range.values[0]).toEqual(e.headers);
      // The chart sits to the right of its block, not over it.
      expect(spec.position.anchorColumn).toBeGreaterThan(m[3].charCodeAt(0) - 64);
      // Data rows are numbers (months are dates, segments are names; a scatter's both columns are numbers).
      for (const row of range.values.slice(1)) {
        row
          .slice(e.type === 'SCATTER' ? 0 : 1)
          .forEach((v) => expect(typeof v, `${e.title} ${range.a1}`).toBe('number'));
        if (e.headers[0] === 'Month') expect(Object.prototype.toString.call(row[0])).toBe('[object Date]');
      }
    }
    // Trend blocks cover the 12 months to the period's end; the NPS block's last month is December
    // 2025 with the promoters / passives / detractors of a recount.
    const nps = specs[0].ranges[0].values;
    expect(nps).toHaveLength(13);
    expect(isoDateIn(nps[12][0] as Date, ZONE)).toBe('2025-12-01');
    const scores = answersIn(sample().sheets.Encuestas, '2025-12').map((a) => a.score);
    expect(nps[12].slice(1)).toEqual([
      scores.filter((s) => s >= 9).length,
      scores.filter((s) => s === 7 || s === 8).length,
      scores.filter((s) => s <= 6).length,
    ]);
  });

  it('cohort heatmap: the cohort table with one colour-scale rule over exactly its share cells', () => {
    const top = view.row(/^Cohort retention/);
    const header = view.row('Cohort', top);
    const offsets = view.line(header).slice(2);
    expect(offsets.length).toBeGreaterThan(1);
    expect(offsets).toEqual(offsets.map((_, k) => k));
    let last = header;
    while (Object.prototype.toString.call(view.at(last + 1, 1).value) === '[object Date]') last++;
    const cohorts = last - header;
    expect(cohorts).toBeGreaterThan(0);
    expect(cohorts).toBeLessThanOrEqual(12);
    const rules = rig.workbook.sheet(result.sheetName).snapshot().conditionalFormatRules as {
      ranges: string[];
      gradient?: Record<string, { color: string }>;
    }[];
    expect(rules).toHaveLength(1);
    const lastColumn = String.fromCharCode(64 + 2 + offsets.length);
    // the scale covers months 1… (month 0 is always 100 %) and runs from the range's min to its max
    expect(rules[0].ranges).toEqual([`D${header + 1}:${lastColumn}${last}`]);
    expect(rules[0].gradient?.min?.color).toBeTruthy();
    expect(rules[0].gradient?.max?.color).toBeTruthy();
    for (let r = header + 1; r <= last; r++) {
      // A cohort's month 0 is 100 % by definition: every member ordered in it.
      expect(view.at(r, 3).value).toBe(1);
      for (let c = 3; c < 3 + offsets.length; c++) {
        const cell = view.at(r, c);
        if (cell.value === '') continue;
        expect(typeof cell.value).toBe('number');
        expect(cell.value as number).toBeGreaterThanOrEqual(0);
        expect(cell.value as number).toBeLessThanOrEqual(1);
        expect(cell.format).toMatch(/%/);
      }
    }
    // The December 2025 cohort is the period's new customers.
    expect(isoDateIn(view.at(last, 1).value as Date, ZONE)).toBe('2025-12-01');
    expect(view.at(last, 2).value).toBe(newCustomersIn('2025-12').size);
  });

  it('the five action lists, with their totals, and the detractor words', () => {
    const answers = answersIn(sample().sheets.Encuestas, '2025-12');
    const promoters = new Set(answers.filter((a) => a.score >= 9).map((a) => a.customerId)).size;
    const detractorComments = answers.filter((a) => a.score <= 6 && a.comment.trim() !== '').length;
    const titles: [RegExp, number | undefined][] = [
      [/^Customers to win back \((\d+)\)$/, undefined],
      [/^Promoters to ask for a review or referral \((\d+)\)$/, promoters],
      [/^New customers to welcome \((\d+)\)$/, newCustomersIn('2025-12').size],
      [/^Birthdays and anniversaries in the next 30 days \((\d+)\)$/, undefined],
      [/^Detractor comments \((\d+)\)$/, detractorComments],
    ];
    const actions = view.row('Action lists');
    let previous = actions;
    for (const [title, expected] of titles) {
      const row = view.row(title, actions);
      expect(row).toBeGreaterThan(previous);
      previous = row;
      const total = Number(title.exec(view.at(row, 1).value as string)![1]);
      if (expected !== undefined) expect(total, String(title)).toBe(expected);
      expect(total, String(title)).toBeGreaterThan(0);
      expect(view.at(row + 1, 1).value).toBe('Customer');
      let shown = 0;
      while (
        typeof view.at(row + 2 + shown, 1).value === 'string' &&
        /^CL-\d+$/.test(view.at(row + 2 + shown, 1).value as string)
      )
        shown++;
      expect(shown).toBe(Math.min(total, 25));
    }
    // Birthdays and anniversaries: within the next 30 days of "today" (2026-01-10), dates consistent.
    const upcoming = view.row(/^Birthdays and anniversaries/);
    expect(view.line(upcoming + 1)).toEqual(['Customer', 'Name', 'Email', 'Occasion', 'Date', 'Days until', 'Years']);
    for (let r = upcoming + 2; view.at(r, 1).value !== ''; r++) {
      const [, , , occasion, date, until] = view.line(r);
      expect(['Birthday', 'Customer anniversary']).toContain(occasion);
      expect(until as number).toBeGreaterThanOrEqual(0);
      expect(until as number).toBeLessThanOrEqual(30);
      expect(isoDateIn(date as Date, ZONE)).toBe(
        new Date(Date.UTC(2026, 0, 10 + (until as number))).toISOString().slice(0, 10),
      );
    }
    const words = view.row('Most frequent words in detractor comments');
    expect(view.line(words + 1)).toEqual(['Word', 'Mentions']);
    expect(typeof view.at(words + 2, 2).value).toBe('number');
    expect(view.rowOf(/^Predicted value/)).toBeGreaterThan(words);
  });

  it('the report sheet is protected with a warning-only protection', () => {
    const protections = rig.workbook.sheet(result.sheetName).snapshot().protections as {
      type: string;
      warningOnly: boolean;
    }[];
    expect(protections).toEqual([expect.objectContaining({ type: 'SHEET', warningOnly: true })]);
  });

  it('holds values only: no formula anywhere, and nothing like "undefined" or "NaN" in a cell', () => {
    expect(view.formulas()).toEqual([]);
    expect(view.texts().filter((t) => /undefined|NaN|null|\[object/.test(t))).toEqual([]);
  });
});

describe('the sample shop in Spanish (es_ES)', () => {
  let rig: ReportRig;
  let view: SheetView;
  let result: any;

  beforeAll(() => {
    rig = reportRig(copySheets(sample().sheets), { locale: 'es_ES' });
    result = generate(rig);
    view = reportView(rig, result.sheetName);
  });

  it('names the sheet, the sections, the KPIs, the charts and the lists in Spanish', () => {
    expect(result.sheetName).toBe('Resumen KPI');
    expect(result.periodLabel).toBe('diciembre de 2025');
    expect(view.at(1, 1).value).toBe('Fideliza — Resumen de KPI');
    expect(view.at(view.row('Periodo'), 2).value).toBe('diciembre de 2025 (comparado con noviembre de 2025)');
    for (const title of ['Fuentes', 'KPI principales', 'Gráficos', 'Listas de acción'])
      expect(view.rowOf(title), title).toBeGreaterThan(0);
    expect(view.line(view.row('KPI', view.row('KPI principales')))).toEqual([
      'KPI',
      'Este periodo',
      'Periodo anterior',
      'Cambio',
      'Definición',
    ]);
    for (const label of ['Ingresos', 'Pedidos', 'Tasa de abandono', 'Tasa de retención', 'Valor medio del pedido'])
      expect(kpi(view, label)[0].value).toBe(label);
    expect(rig.workbook.chartSpecs(result.sheetName).map((s) => s.options.title)).toEqual([
      'NPS por mes: promotores, pasivos, detractores',
      'Clientes nuevos y perdidos por mes',
      'Movimientos de MRR por mes',
      'Clientes por segmento RFM',
      'Factores clave del NPS: media frente a correlación',
    ]);
    expect(view.rowOf(/^Clientes que recuperar \(\d+\)$/)).toBeGreaterThan(0);
    expect(view.rowOf(/^Cumpleaños y aniversarios en los próximos 30 días \(\d+\)$/)).toBeGreaterThan(0);
    expect(view.rowOf(/^Retención por cohortes/)).toBeGreaterThan(0);
  });

  it('leaves no English label behind', () => {
    const english = [
      'Headline KPIs',
      'Sources',
      'Charts',
      'Action lists',
      'Revenue',
      'Customers to win back',
      'Generated at',
      'Period',
      'This period',
      'Month',
      'Nothing to show for this period.',
    ];
    const texts = view.texts();
    for (const label of english)
      expect(
        texts.filter((t) => t === label || t.startsWith(`${label} (`)),
        label,
      ).toEqual([]);
  });

  it('money is in euros (the es_ES currency), shown the Spanish way', () => {
    const [, revenue] = kpi(view, 'Ingresos');
    expect(typeof revenue.value).toBe('number');
    expect(revenue.format).toMatch(/€/);
    expect(revenue.display).toMatch(/^[\d.]+,\d\d €$/);
  });
});

describe('sections whose sheet is absent are left out cleanly', () => {
  it('only an Orders sheet: order KPIs, customer/revenue/RFM charts, cohorts and lists; no survey, subscription, funnel or ticket parts', () => {
    const rig = reportRig({ Orders: copySheets(sample().sheets).Pedidos });
    const result = generate(rig);
    const view = reportView(rig, result.sheetName);
    const sources = view.row('Source');
    expect(view.line(sources + 1).slice(0, 2)).toEqual(['Orders', 'Orders']);
    expect(view.at(sources + 2, 1).value).toBe('');
    const top = view.row('Headline KPIs');
    const charts = view.row('Charts');
    const labels = Array.from({ length: charts - top }, (_, k) => view.at(top + k, 1).value).filter((v) => v !== '');
    for (const present of [
      'Orders',
      'Revenue',
      'Customers at start',
      'Customer churn',
      'Historic LTV',
      'Customer profitability (CPS)',
    ])
      expect(labels).toContain(present);
    for (const absent of [
      'NPS',
      'CSAT',
      'MRR',
      'LTV:CAC',
      'Conversion rate',
      'Cart abandonment',
      'Tickets per customer',
      'Survey responses',
    ])
      expect(labels).not.toContain(absent);
    expect(rig.workbook.chartSpecs(result.sheetName).map((s) => s.options.title)).toEqual([
      'New and churned customers by month',
      'Revenue by month: new and returning customers',
      'Customers by RFM segment',
    ]);
    expect(view.rowOf(/^Cohort retention/)).toBeGreaterThan(0);
    expect(view.rowOf(/^Predicted value/)).toBeGreaterThan(0);
    // Lists built from surveys or birthdays have nothing to show, and say so.
    const promoters = view.row(/^Promoters to ask for a review or referral \(0\)$/);
    expect(view.at(promoters + 1, 1).value).toBe('Nothing to show for this period.');
    expect(view.texts().filter((t) => /undefined|NaN|null|\[object/.test(t))).toEqual([]);
  });

  it('only a Surveys sheet: NPS and CSAT, the NPS and drivers charts; no order KPIs, cohorts or predicted value', () => {
    const rig = reportRig({ Surveys: copySheets(sample().sheets).Encuestas });
    const result = generate(rig);
    const view = reportView(rig, result.sheetName);
    const top = view.row('Headline KPIs');
    const charts = view.row('Charts');
    const labels = Array.from({ length: charts - top }, (_, k) => view.at(top + k, 1).value).filter(
      (v) => v !== '' && v !== 'Headline KPIs' && v !== 'KPI',
    );
    expect(labels).toEqual(['NPS', 'NPS margin of error (95 %)', 'Survey responses', 'CSAT']);
    expect(rig.workbook.chartSpecs(result.sheetName).map((s) => s.type)).toEqual(['COLUMN', 'SCATTER']);
    expect(view.rowOf(/^Cohort retention/)).toBe(0);
    expect(view.rowOf(/^Predicted value/)).toBe(0);
    expect(rig.workbook.sheet(result.sheetName).snapshot().conditionalFormatRules).toEqual([]);
    expect(view.rowOf(/^Detractor comments \(\d+\)$/)).toBeGreaterThan(0);
    expect(view.texts().filter((t) => /undefined|NaN|null|\[object/.test(t))).toEqual([]);
  });
});

describe('"without personal data"', () => {
  it('writes no name, email, comment or customer id anywhere; the lists become counts', () => {
    const { sheets } = sample();
    const rig = reportRig(copySheets(sheets));
    const result = generate(rig, { withoutPersonalData: true });
    const view = reportView(rig, result.sheetName);
    const names = new Set(
      sheets.Clientes.slice(1)
        .map((r) => String(r[1]))
        .filter((t) => t !== ''),
    );
    const emails = new Set(
      sheets.Clientes.slice(1)
        .map((r) => String(r[2]))
        .filter((t) => t !== ''),
    );
    const comments = new Set(
      sheets.Encuestas.slice(1)
        .map((r) => String(r[4]))
        .filter((t) => t !== ''),
    );
    const ids = new Set(
      sheets.Clientes.slice(1)
        .map((r) => String(r[0]))
        .filter((t) => t !== ''),
    );
    const texts = view.texts();
    expect(texts.filter((t) => names.has(t) || emails.has(t) || comments.has(t) || ids.has(t))).toEqual([]);
    expect(texts.filter((t) => /@[a-z0-9.-]+\.[a-z]+/i.test(t))).toEqual([]);
    expect(view.at(view.row('Period') + 2, 1).value).toBe(
      'Personal data (names, emails, comments) left out of this version.',
    );
    for (const title of [
      /^Customers to win back \((\d+)\)$/,
      /^Promoters to ask for a review or referral \((\d+)\)$/,
      /^New customers to welcome \((\d+)\)$/,
      /^Birthdays and anniversaries in the next 30 days \((\d+)\)$/,
      /^Detractor comments \((\d+)\)$/,
    ]) {
      const row = view.row(title);
      const total = Number(title.exec(view.at(row, 1).value as string)![1]);
      expect(total).toBeGreaterThan(0);
      expect(view.at(row + 1, 1).value).toBe(
        total === 1 ? '1 customer (name left out)' : `${total} customers (names left out)`,
      );
    }
    // The headline numbers are the same as in the full version.
    const full = reportRig(copySheets(sheets));
    const fullView = reportView(full, generate(full).sheetName);
    expect(kpi(view, 'Revenue')[1].value).toBe(kpi(fullView, 'Revenue')[1].value);
    expect(kpi(view, 'NPS')[1].value).toBe(kpi(fullView, 'NPS')[1].value);
  });
});
