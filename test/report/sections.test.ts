/**
 * The KPI report on the sample shop, end to end through the built bundle: every part of
 * PRODUCT.md ("The KPI summary sheet", "Sharing the report") is there, in the order issue 13 gives
 * it — title, period and generated-at; the data-quality note; the summary band; the headline table
 * with significance and the change against a year earlier; the charts on the grid; the action
 * lists with counts and values at stake; the cohort heatmap; the sources at the bottom; the data
 * the charts read — its numbers agree with a recount of the sample's rows, numbers are numbers
 * with formats, the labels follow the spreadsheet's language, and the version without personal
 * data is a sheet of its own with no name in it. Run `npm run build` first.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { isoDateIn, wallClock } from '../emulator';
import {
  answersIn,
  copySheets,
  generate,
  HEADLINE_TITLE,
  headlineRow,
  headlineRows,
  readableOrders,
  reportLists,
  reportRig,
  reportView,
  roleView,
  sample,
  sheetsByRole,
  summaryCards,
  ZONE,
  type ReportRig,
  type SheetView,
} from '../support/report';

/** The sample's own sheets, in tab order. */
const USER_SHEETS = ['Clientes', 'Pedidos', 'Encuestas', 'Suscripciones', 'Tickets', 'Embudo'];

/** The headline KPIs PRODUCT.md lists, as the English report names them, in order; all the sample's sheets are present. */
const HEADLINE_EN = [
  'NPS',
  'NPS margin of error (95 %)',
  'Survey responses',
  'CSAT',
  'Customer effort (CES)',
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
  'Lifetime value (historic)',
  'LTV:CAC',
  'Profit on cost (CPS)',
  'MRR',
  'Net revenue retention',
  'Gross MRR churn',
  'Expansion MRR',
  'ARR',
  'ARPA',
  'MRR growth rate',
  'Quick Ratio',
  'CAC payback (months)',
  'Conversion rate',
  'Cart abandonment',
  'Tickets per customer',
];

/** KPIs whose change is tested for significance (issue 13: NPS, CSAT and each rate of counts). */
const TESTED_EN = [
  'NPS',
  'CSAT',
  'Customer effort (CES)',
  'Customer churn',
  'Retention rate',
  'Conversion rate',
  'Cart abandonment',
];

/** The action lists of the English report, in order. */
const LISTS_EN = [
  'Customers to win back',
  'Promoters to ask for a review or referral',
  'New customers to welcome',
  'Birthdays and anniversaries in the next 30 days',
  'Detractor comments',
  'Customers needing attention: 3 or more unresolved tickets',
  'Customers by predicted lifetime value (next 52 weeks)',
];

/** How the report words each planted reason: the reason, then the column concerned. */
const REASON_EN: Record<string, string> = {
  'text amount': 'not a number',
  'bad date': 'not a date',
  'negative amount': 'negative number',
  'blank customer id': 'blank (customer id)',
};

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

/** Decimals a number format shows (in its first section). */
function decimalsOf(format: string | undefined): number {
  return /0\.(0+)/.exec((format ?? '').split(';')[0])?.[1].length ?? 0;
}

/** `yyyy-mm-dd` as the locale orders it: `mm/dd/yyyy` (en_US) or `dd/mm/yyyy`. */
function localDate(iso: string, monthFirst: boolean): string {
  const [y, m, d] = iso.split('-');
  return monthFirst ? `${m}/${d}/${y}` : `${d}/${m}/${y}`;
}

/** Revenue of the readable orders of a month. */
function revenueIn(month: string): number {
  return readableOrders(sample().sheets.Pedidos)
    .filter((o) => o.month === month)
    .reduce((s, o) => s + o.amount, 0);
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

  it('writes its own four sheets — the report, the lists, the version to share, the history — each marked with its role', () => {
    expect(result.sheetName).toBe('KPI Summary');
    expect(result.created).toBe(true);
    expect(result.periodLabel).toBe('December 2025');
    expect(rig.workbook.sheetNames()).toEqual([
      ...USER_SHEETS,
      'KPI Summary',
      'KPI lists',
      'KPI Summary (to share)',
      'KPI history',
    ]);
    expect(sheetsByRole(rig.workbook)).toEqual({
      report: ['KPI Summary'],
      lists: ['KPI lists'],
      shared: ['KPI Summary (to share)'],
      history: ['KPI history'],
    });
    // The result card points at the named report and at the version to share, each with its own PDF.
    const gid = (url: string) => Number(/\/export\?format=pdf&gid=(\d+)(&|$)/.exec(url)?.[1]);
    expect(result.sheetId).toBe(rig.workbook.sheet('KPI Summary').getSheetId());
    expect(gid(result.pdfUrl)).toBe(result.sheetId);
    expect(result.shared.sheetName).toBe('KPI Summary (to share)');
    expect(result.shared.sheetId).toBe(rig.workbook.sheet('KPI Summary (to share)').getSheetId());
    expect(gid(result.shared.pdfUrl)).toBe(result.shared.sheetId);
  });

  it('title block: title, period with the one compared, generated-at in the spreadsheet zone, then the data-quality note', () => {
    expect(view.at(1, 1).value).toBe('Fideliza — KPI summary');
    expect(view.at(2, 1).value).toBe('December 2025 (compared with November 2025)');
    expect(view.at(3, 1).value).toBe('Generated at');
    const stamp = view.at(3, 2);
    expect(Object.prototype.toString.call(stamp.value)).toBe('[object Date]');
    const instant = (stamp.value as Date).getTime();
    expect(instant).toBeGreaterThanOrEqual(startedAt);
    expect(instant).toBeLessThanOrEqual(endedAt);
    // Shown as the wall-clock time in the spreadsheet's zone (Los Angeles), in the locale's order.
    const w = wallClock(stamp.value as Date, ZONE);
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(stamp.display).toBe(`${pad(w.month)}/${pad(w.day)}/${w.year} ${pad(w.hour)}:${pad(w.minute)}`);
    expect(view.line(3).join(' ')).toContain(ZONE);
    // One line on the skipped rows, the reasons being at the bottom.
    const { dirty } = sample();
    const bySheet = (sheet: string) => dirty.filter((d) => d.sheet === sheet).length;
    expect(view.at(4, 1).value).toBe(
      `${dirty.length} rows were skipped (Pedidos ${bySheet('Pedidos')}, Clientes ${bySheet('Clientes')}): ` +
        'the reasons are under “Sources” at the end of this sheet.',
    );
  });

  it('the parts come story first: band, sentences, headline table, charts, lists, cohorts, then sources and chart data', () => {
    const cards = [...summaryCards(view).values()];
    const firstCard = Math.min(...cards.map((c) => c.row));
    const improved = view.row(/^(Improved: |Nothing improved)/);
    const worse = view.row(/^(Got worse: |Nothing got worse)/);
    const first = view.row(/^(First: |No customer is waiting)/);
    const order = [
      firstCard,
      improved,
      worse,
      first,
      view.row('Headline KPIs'),
      view.row('Charts'),
      view.row('Action lists'),
      view.row(/^Cohort retention/),
      view.row('Sources'),
      view.row(/^Chart data/),
      view.row(/^Trends over the last 13 periods/),
    ];
    expect(firstCard).toBeLessThanOrEqual(6);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(order.length);
  });

  it('sources, at the bottom: each sheet with rows read, used and skipped, reasons and first row numbers from the planted dirty rows', () => {
    const { sheets, dirty } = sample();
    const header = view.row('Source');
    expect(header).toBeGreaterThan(view.row(/^Cohort retention/));
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

  it('headline table: every KPI PRODUCT.md lists for these sheets, with both periods, the change, its significance, the year change and a definition', () => {
    const top = view.row('Headline KPIs');
    expect(view.line(top + 2)).toEqual([
      'KPI',
      '',
      'This period',
      'Previous period',
      'Change',
      'Significance (5 %)',
      'Change vs Dec 2024',
      'Definition',
    ]);
    const rows = headlineRows(view);
    expect(rows.map((r) => r.name)).toEqual(HEADLINE_EN);
    for (const { name, current, previous, change, significance, definition } of rows) {
      expect(typeof definition.value === 'string' && definition.value.length > 10, name).toBe(true);
      expect(typeof current.value, name).toBe('number');
      // a change of a rate is written in percentage points (×100, format "… pp"), rounded as shown
      const points = typeof current.format === 'string' && current.format.includes('%');
      if (typeof previous.value === 'number') {
        const exact = ((current.value as number) - previous.value) * (points ? 100 : 1);
        const decimals = decimalsOf(change.format);
        expect(Math.abs((change.value as number) - exact), name).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
        const arrow = (change.value as number) > 0 ? '▲ +' : (change.value as number) < 0 ? '▼ -' : '= ';
        expect(change.display.startsWith(arrow), `${name}: ${change.display}`).toBe(true);
      }
      if (points) expect(change.format, name).toContain('pp');
      // significance only where a test applies: NPS, CSAT, CES and the rates of counts
      if (TESTED_EN.includes(name)) {
        expect(significance.display, name).toMatch(/^(≈ noise · p = \d\.\d\d|significant · p = \d\.\d\d\d)$/);
        expect(significance.value as number, name).toBeGreaterThanOrEqual(0);
        expect(significance.value as number, name).toBeLessThanOrEqual(1);
      } else expect(significance.value, name).toBe('');
    }
  });

  it('headline numbers agree with a recount of the sample rows (orders, revenue, AOV, new customers, NPS, revenue a year earlier)', () => {
    const orders = readableOrders(sample().sheets.Pedidos);
    const dec = orders.filter((o) => o.month === '2025-12');
    const nov = orders.filter((o) => o.month === '2025-11');
    expect([headlineRow(view, 'Orders').current.value, headlineRow(view, 'Orders').previous.value]).toEqual([
      dec.length,
      nov.length,
    ]);
    const revenue = headlineRow(view, 'Revenue');
    expect(revenue.current.value as number).toBeCloseTo(revenueIn('2025-12'), 6);
    expect(revenue.previous.value as number).toBeCloseTo(revenueIn('2025-11'), 6);
    expect(revenue.yearChange.value as number).toBeCloseTo(revenueIn('2025-12') - revenueIn('2024-12'), 2);
    expect(headlineRow(view, 'Average order value').current.value as number).toBeCloseTo(
      revenueIn('2025-12') / dec.length,
      6,
    );
    expect(headlineRow(view, 'New customers').current.value).toBe(newCustomersIn('2025-12').size);
    const answers = answersIn(sample().sheets.Encuestas, '2025-12');
    expect(answers.length).toBeGreaterThan(0);
    expect(headlineRow(view, 'NPS').current.value as number).toBeCloseTo(npsOf(answers.map((a) => a.score)), 9);
    expect(headlineRow(view, 'NPS').previous.value as number).toBeCloseTo(
      npsOf(answersIn(sample().sheets.Encuestas, '2025-11').map((a) => a.score)),
      9,
    );
  });

  it('numbers are numbers with number formats (currency, %, points, dates), never pre-formatted text', () => {
    const revenue = headlineRow(view, 'Revenue').current;
    expect(revenue.format).toBe('[$$]#,##0.00');
    expect(revenue.display).toMatch(/^\$[\d,]+\.\d\d$/);
    const churn = headlineRow(view, 'Customer churn').current;
    expect(churn.format).toMatch(/%/);
    expect(churn.display).toMatch(/^\d+\.\d%$/);
    expect(headlineRow(view, 'Orders').current.display).toMatch(/^[\d,]+$/);
    expect(headlineRow(view, 'NPS').current.format).toBe('0.0');
    // No text cell looks like a number, an amount, a percentage or a date: those are written as values.
    const numberLike = /^\s*[-+]?\s*[$€£]?\s*\d[\d.,\s]*\s*(%|€|\$)?\s*$/;
    const dateLike = /^\d{4}-\d{2}-\d{2}|^\d{1,2}\/\d{1,2}\/\d{4}$/;
    const offenders = view.texts().filter((t) => numberLike.test(t) || dateLike.test(t));
    expect(offenders).toEqual([]);
    // Dates of the lists are Date values with the locale's date format (en_US: month first).
    const lastOrder = reportLists(view)[0].rows[0][3];
    expect(Object.prototype.toString.call(lastOrder.value)).toBe('[object Date]');
    expect(lastOrder.format).toBe('mm/dd/yyyy');
    expect(lastOrder.display).toBe(localDate(isoDateIn(lastOrder.value as Date, ZONE), true));
  });

  it('win back: the P(alive) band, then the reasons last, where a long text has the empty column beside it to run into', () => {
    const list = reportLists(view).find((l) => l.title === 'Customers to win back')!;
    const headers = [1, 3, 4, 5, 6, 7].map((c) => view.at(list.heading + 1, c).value);
    expect(headers).toEqual(['Customer', 'Value at stake', 'Last order', 'P(alive)', 'Why', '']);
    const reasons = /^(RFM: at risk|RFM: can't lose them|Satisfaction falling|Low health score)(; .+)*$/;
    expect(list.rows.length).toBeGreaterThan(0);
    for (const row of list.rows) {
      expect(['likely active', 'at risk', 'probably gone']).toContain(row[4].value);
      expect(String(row[5].value)).toMatch(reasons);
      expect(row[6].value).toBe('');
    }
  });

  it('charts: six native charts on the grid, two per row, and two beside their tables, each reading its data block under "Chart data"', () => {
    const specs = rig.workbook.chartSpecs(result.sheetName);
    const expected = [
      {
        title: 'NPS by month: the mix of answers, and the NPS',
        type: 'COMBO',
        stacked: true,
        headers: ['Month (answers)', 'Promoters', 'Passives', 'Detractors', 'NPS'],
      },
      {
        title: 'New and churned customers by month, and churn rate',
        type: 'COMBO',
        stacked: false,
        headers: ['Month', 'New', 'Churned', 'Churn rate'],
      },
      {
        title: 'MRR movements by month, and net new MRR',
        type: 'COMBO',
        stacked: true,
        headers: ['Month', 'New', 'Expansion', 'Reactivation', 'Contraction', 'Churned', 'Net new MRR'],
      },
      {
        title: 'Customers by RFM segment, coloured by health',
        type: 'BAR',
        stacked: true,
        headers: ['Segment', 'Healthy', 'Needs attention', 'At risk'],
      },
      {
        title: 'Key drivers of NPS: mean answer vs correlation with NPS',
        type: 'SCATTER',
        stacked: false,
        headers: ['Mean answer'],
      },
      {
        title: 'Support by month: tickets, median first response and resolution (h)',
        type: 'COMBO',
        stacked: false,
        headers: ['Month', 'Tickets opened', 'Median first response (h)', 'Median resolution (h)'],
      },
      // Beside their tables, after the lists: the LTV curves under the revenue cohorts, and the projection.
      {
        title: 'Cumulative revenue per customer by cohort (LTV curves)',
        type: 'LINE',
        stacked: false,
        headers: ['Months after the first order'],
      },
      {
        title: 'Projected customers and revenue, next 12 months',
        type: 'COMBO',
        stacked: false,
        headers: ['Month', 'Revenue', 'Customers at end'],
      },
    ];
    const GRID_CHARTS = 6;
    expect(specs.map((s) => [s.type, s.options.title])).toEqual(expected.map((e) => [e.type, e.title]));
    const charts = view.row('Charts');
    const lists = view.row('Action lists');
    const chartData = view.row(/^Chart data/);
    // The report's grid: eight columns of 150 px; charts four columns wide at A and E, rows that do not overlap.
    const sheet = rig.workbook.sheet(result.sheetName);
    for (let c = 1; c <= 8; c++) expect(sheet.getColumnWidth(c), `column ${c}`).toBe(150);
    const cohorts = view.row(/^Cohort retention/);
    const projection = view.row(/^Projection: where the current rates lead/);
    const [ltv, projected] = specs.slice(GRID_CHARTS);
    expect(ltv.position.anchorColumn).toBe(1);
    expect(ltv.position.anchorRow).toBeGreaterThan(view.row(/^Revenue retention by cohort/, cohorts));
    expect(ltv.position.anchorRow).toBeLessThan(projection);
    expect(projected.position.anchorColumn).toBe(1);
    expect(projected.position.anchorRow).toBeGreaterThan(projection);
    specs.slice(0, GRID_CHARTS).forEach((spec, i) => {
      expect(spec.position.anchorColumn, spec.options.title as string).toBe(i % 2 === 0 ? 1 : 5);
      expect(spec.position.anchorRow).toBeGreaterThan(charts);
      expect(spec.position.anchorRow).toBeLessThan(lists);
      if (i % 2 === 1) expect(spec.position.anchorRow).toBe(specs[i - 1].position.anchorRow);
      if (i >= 2)
        expect(spec.position.anchorRow - specs[i - 2].position.anchorRow).toBeGreaterThanOrEqual(
          Math.ceil(Number(specs[i - 2].options.height ?? 371) / 21),
        );
      expect(Number(spec.options.width ?? 600)).toBeLessThanOrEqual(4 * 150);
    });
    for (const [i, spec] of specs.entries()) {
      const e = expected[i];
      expect(spec.ranges).toHaveLength(1);
      const [range] = spec.ranges;
      expect(range.sheet).toBe(result.sheetName);
      expect(Boolean(spec.options.isStacked), e.title).toBe(e.stacked);
      // The block: under "Chart data", its title in the row above its header row.
      const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range.a1)!;
      const top = Number(m[2]);
      expect(top).toBeGreaterThan(chartData);
      expect(view.at(top - 1, 1).value).toBe(e.title);
      expect(range.values[0].slice(0, e.headers.length)).toEqual(e.headers);
      // Data rows are numbers (months are dates, segments and NPS months are labels; blank where nothing is known).
      for (const row of range.values.slice(1)) {
        row
          .slice(1)
          .forEach((v) => expect(typeof v === 'number' || v === '', `${e.title} ${range.a1}: ${v}`).toBe(true));
        if (e.headers[0] === 'Month') expect(Object.prototype.toString.call(row[0])).toBe('[object Date]');
        if (e.type === 'SCATTER') expect(typeof row[0]).toBe('number');
      }
    }
    // Trend blocks cover the 12 months to the period's end; the NPS block's last month is December
    // 2025, labelled with its answers, with the shares of promoters / passives / detractors and the NPS of a recount.
    const nps = specs[0].ranges[0].values;
    expect(nps).toHaveLength(13);
    const scores = answersIn(sample().sheets.Encuestas, '2025-12').map((a) => a.score);
    expect(nps[12][0]).toBe(`Dec 25 (${scores.length})`);
    const shares = [
      scores.filter((s) => s >= 9),
      scores.filter((s) => s === 7 || s === 8),
      scores.filter((s) => s <= 6),
    ];
    shares.forEach((group, k) => expect(nps[12][1 + k] as number).toBeCloseTo(group.length / scores.length, 12));
    expect(nps[12][4] as number).toBeCloseTo(npsOf(scores), 9);
    // The customers block's December is the period's new customers.
    const customers = specs[1].ranges[0].values;
    expect(isoDateIn(customers[12][0] as Date, ZONE)).toBe('2025-12-01');
    expect(customers[12][1]).toBe(newCustomersIn('2025-12').size);
  });

  it('key drivers table under the charts: each question’s quadrant split at the averages, switching reversed', () => {
    const top = view.row('Key drivers of NPS: mean answer vs correlation with NPS');
    expect(top).toBeGreaterThan(view.row('Charts'));
    expect(top).toBeLessThan(view.row('Action lists'));
    expect(view.line(top + 1)).toEqual(['Question', '', 'Mean', 'Correlation with NPS', 'Quadrant']);
    const rows: { question: string; mean: number; correlation: number; quadrant: string }[] = [];
    for (let r = top + 2; view.at(r, 1).value !== ''; r++)
      rows.push({
        question: String(view.at(r, 1).value),
        mean: view.at(r, 3).value as number,
        correlation: view.at(r, 4).value as number,
        quadrant: String(view.at(r, 5).value),
      });
    expect(rows.map((r) => r.question)).toEqual([
      'Satisfaction',
      'Likelihood to stay (switching, reversed)',
      'Repurchase',
      'Overall experience',
    ]);
    // FUNCTIONS.md, KEY_DRIVERS: quadrants by the averages of the means and of the correlations.
    const average = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const meanAverage = average(rows.map((r) => r.mean));
    const correlationAverage = average(rows.map((r) => r.correlation));
    for (const r of rows) {
      const strong = r.mean >= meanAverage;
      const key = r.correlation >= correlationAverage;
      expect(r.quadrant, r.question).toBe(`${key ? 'Key' : 'Secondary'} ${strong ? 'strength' : 'weakness'}`);
    }
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
    expect(cohorts).toBeLessThanOrEqual(13);
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

  it('the action lists: heading with count and value at stake, the first ten rows, and where the rest are', () => {
    const answers = answersIn(sample().sheets.Encuestas, '2025-12');
    const expectedCounts: Record<string, number> = {
      'Promoters to ask for a review or referral': new Set(answers.filter((a) => a.score >= 9).map((a) => a.customerId))
        .size,
      'New customers to welcome': newCustomersIn('2025-12').size,
      'Detractor comments': answers.filter((a) => a.score <= 6 && a.comment.trim() !== '').length,
      'Customers by predicted lifetime value (next 52 weeks)': new Set(
        readableOrders(sample().sheets.Pedidos).map((o) => o.customerId),
      ).size,
    };
    const lists = reportLists(view);
    expect(lists.map((l) => l.title)).toEqual(LISTS_EN);
    const section = view.row('Action lists');
    const cohorts = view.row(/^Cohort retention/);
    for (const list of lists) {
      expect(list.heading).toBeGreaterThan(section);
      expect(list.heading).toBeLessThan(cohorts);
      if (list.title in expectedCounts) expect(list.count, list.title).toBe(expectedCounts[list.title]);
      expect(list.count, list.title).toBeGreaterThan(0);
      expect(list.stake, list.title).toMatch(/^\$[\d,]+$/);
      expect(view.at(list.heading + 1, 1).value, list.title).toBe('Customer');
      expect(list.rows.length, list.title).toBe(Math.min(list.count, 10));
      expect(list.after, list.title).toBe(list.count > 10 ? `10 of ${list.count} — all of them in “KPI lists”.` : '');
    }
    // Birthdays and anniversaries: within the next 30 days of "today" (2026-01-10), dates and days consistent.
    const upcoming = lists.find((l) => l.title.startsWith('Birthdays'))!;
    // The sample's customers have a segment: it is shown in the last column.
    expect(view.line(upcoming.heading + 1)).toEqual([
      'Customer',
      '',
      'Spend, 12 months',
      'Date',
      'Occasion',
      '',
      '',
      'Segment',
    ]);
    for (const row of upcoming.rows) {
      const date = row[3].value as Date;
      const m = /^(Birthday|Customer anniversary \(\d+\)) · (today|tomorrow|in (\d+) days)$/.exec(String(row[4].value));
      expect(m, String(row[4].value)).not.toBeNull();
      const until = m![2] === 'today' ? 0 : m![2] === 'tomorrow' ? 1 : Number(m![3]);
      expect(until).toBeLessThanOrEqual(30);
      expect(isoDateIn(date, ZONE)).toBe(new Date(Date.UTC(2026, 0, 10 + until)).toISOString().slice(0, 10));
    }
    const words = view.row('Most frequent words in detractor comments');
    expect(view.line(words + 1)).toEqual(['Word', '', 'Mentions']);
    expect(typeof view.at(words + 2, 3).value).toBe('number');
  });

  it('every sheet the add-on wrote is protected with a warning-only protection', () => {
    for (const name of ['KPI Summary', 'KPI lists', 'KPI Summary (to share)']) {
      const protections = rig.workbook.sheet(name).snapshot().protections as { type: string; warningOnly: boolean }[];
      expect(protections, name).toEqual([expect.objectContaining({ type: 'SHEET', warningOnly: true })]);
    }
  });

  it('holds values, and as formulas only the band’s sparklines over its own cells; nothing like "undefined" or "NaN"', () => {
    for (const v of [view, roleView(rig, 'shared')]) {
      expect(v.formulas()).toHaveLength(summaryCards(v).size);
      for (const cell of v.formulas()) expect(cell.formula).toMatch(/^=SPARKLINE\([A-Z]+\d+:[A-Z]+\d+,\{[^!]*\}\)$/);
    }
    expect(roleView(rig, 'lists').formulas()).toEqual([]);
    for (const v of [view, roleView(rig, 'lists'), roleView(rig, 'shared')])
      expect(v.texts().filter((t) => /undefined|NaN|null|\[object/.test(t))).toEqual([]);
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

  it('names the sheets, the sections, the KPIs, the cards, the charts and the lists in Spanish', () => {
    expect(result.sheetName).toBe('Resumen KPI');
    expect(result.shared.sheetName).toBe('Resumen KPI (para compartir)');
    expect(sheetsByRole(rig.workbook)).toEqual({
      report: ['Resumen KPI'],
      lists: ['Listas KPI'],
      shared: ['Resumen KPI (para compartir)'],
      history: ['Historial de KPI'],
    });
    expect(result.periodLabel).toBe('diciembre de 2025');
    expect(view.at(1, 1).value).toBe('Fideliza — Resumen de KPI');
    expect(view.at(2, 1).value).toBe('diciembre de 2025 (comparado con noviembre de 2025)');
    for (const title of ['Fuentes', 'KPI principales', 'Gráficos', 'Listas de acción'])
      expect(view.rowOf(title), title).toBeGreaterThan(0);
    expect(view.line(view.row(HEADLINE_TITLE) + 2)).toEqual([
      'KPI',
      '',
      'Este periodo',
      'Periodo anterior',
      'Cambio',
      'Significación (5 %)',
      'Cambio frente a dic 2024',
      'Definición',
    ]);
    for (const label of ['Ingresos', 'Pedidos', 'Tasa de abandono', 'Tasa de retención', 'Valor medio del pedido'])
      expect(headlineRow(view, label).name).toBe(label);
    expect([...summaryCards(view).keys()]).toEqual([
      'NPS',
      'CSAT',
      'Clientes al final',
      'Tasa de abandono',
      'Ingresos',
      'Tasa de repetición',
      'MRR',
      'Retención neta de ingresos',
    ]);
    expect(view.rowOf(/^(Mejoró: |Nada mejoró)/)).toBeGreaterThan(0);
    expect(view.rowOf(/^(Empeoró: |Nada empeoró)/)).toBeGreaterThan(0);
    expect(view.rowOf(/^Primero: /)).toBeGreaterThan(0);
    expect(rig.workbook.chartSpecs(result.sheetName).map((s) => s.options.title)).toEqual([
      'NPS por mes: reparto de las respuestas, y el NPS',
      'Clientes nuevos y perdidos por mes, y tasa de abandono',
      'Movimientos de MRR por mes, y MRR neto nuevo',
      'Clientes por segmento RFM, en colores según su salud',
      'Factores clave del NPS: respuesta media frente a correlación con el NPS',
      'Soporte por mes: tickets, primera respuesta y resolución medianas (h)',
      'Ingresos acumulados por cliente por cohorte (curvas de valor de vida del cliente)',
      'Clientes e ingresos proyectados, próximos 12 meses',
    ]);
    for (const title of [
      'KPI por segmento',
      'Soporte',
      'Proyección: adónde llevan los ritmos actuales (próximos 12 meses)',
    ])
      expect(view.rowOf(title), title).toBeGreaterThan(0);
    const lists = reportLists(view);
    expect(lists.map((l) => l.title)).toContain('Clientes que recuperar');
    expect(lists.map((l) => l.title)).toContain('Cumpleaños y aniversarios en los próximos 30 días');
    for (const list of lists.filter((l) => l.count > 10))
      expect(list.after).toBe(`10 de ${list.count} — todos en «Listas KPI».`);
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
      'This period',
      'Month',
      'None in this period.',
      'Improved',
      'Got worse',
      'First',
    ];
    const texts = view.texts();
    for (const label of english)
      expect(
        texts.filter((t) => t === label || t.startsWith(`${label} (`) || t.startsWith(`${label}:`)),
        label,
      ).toEqual([]);
    expect(texts.filter((t) => / at stake|“KPI lists”|≈ noise|significant ·/.test(t))).toEqual([]);
  });

  it('money is in euros (the es_ES currency) after the amount, dates day first', () => {
    const revenue = headlineRow(view, 'Ingresos').current;
    expect(typeof revenue.value).toBe('number');
    expect(revenue.format).toBe('#,##0.00 [$€]');
    expect(revenue.display).toMatch(/^[\d.]+,\d\d €$/);
    expect(summaryCards(view).get('Ingresos')!.value.display).toMatch(/^[\d.]+ €$/);
    for (const list of reportLists(view)) expect(list.stake, list.title).toMatch(/^[\d.]+ €$/);
    const lastOrder = reportLists(view)[0].rows[0][3];
    expect(lastOrder.format).toBe('dd/mm/yyyy');
    expect(lastOrder.display).toBe(localDate(isoDateIn(lastOrder.value as Date, ZONE), false));
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
    const labels = headlineRows(view).map((r) => r.name);
    for (const present of [
      'Orders',
      'Revenue',
      'Customers at start',
      'Customer churn',
      'Lifetime value (historic)',
      'Profit on cost (CPS)',
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
    const cards = [...summaryCards(view).keys()];
    expect(cards).not.toContain('NPS');
    expect(cards).not.toContain('MRR');
    expect(rig.workbook.chartSpecs(result.sheetName).map((s) => s.options.title)).toEqual([
      'New and churned customers by month, and churn rate',
      'Revenue by month: new and returning customers, and total',
      'Customers by RFM segment, coloured by health',
      'Cumulative revenue per customer by cohort (LTV curves)',
      'Projected customers and revenue, next 12 months',
    ]);
    expect(view.rowOf(/^Cohort retention/)).toBeGreaterThan(0);
    const lists = reportLists(view);
    expect(lists.find((l) => l.title.startsWith('Customers by predicted lifetime value'))?.count).toBeGreaterThan(0);
    // Lists built from survey answers have nothing to show, and say what to add.
    const promoters = lists.find((l) => l.title === 'Promoters to ask for a review or referral')!;
    expect(promoters.count).toBe(0);
    expect(promoters.after).toBe('Add a Surveys sheet with an NPS column (answers 0–10) to see this.');
    expect(view.texts().filter((t) => /undefined|NaN|null|\[object/.test(t))).toEqual([]);
  });

  it('only a Surveys sheet: NPS and CSAT, the NPS and drivers charts; no order KPIs, cohorts or predicted value', () => {
    const rig = reportRig({ Surveys: copySheets(sample().sheets).Encuestas });
    const result = generate(rig);
    const view = reportView(rig, result.sheetName);
    expect(headlineRows(view).map((r) => r.name)).toEqual([
      'NPS',
      'NPS margin of error (95 %)',
      'Survey responses',
      'CSAT',
      'Customer effort (CES)',
    ]);
    // The sample's effort question is a card candidate once the order KPIs are absent.
    expect([...summaryCards(view).keys()]).toEqual(['NPS', 'CSAT', 'Customer effort (CES)']);
    expect(rig.workbook.chartSpecs(result.sheetName).map((s) => s.type)).toEqual(['COMBO', 'SCATTER']);
    // The cohort heatmap and predicted value say what to add instead of vanishing.
    const cohorts = view.row(/^Cohort retention/);
    expect(view.at(cohorts + 2, 1).value).toBe('Add an Orders sheet (customer, date, amount) to see this.');
    const lists = reportLists(view).map((l) => l.title);
    expect(lists.filter((t) => t.startsWith('Customers by predicted'))).toEqual([]);
    expect(lists).toContain('Detractor comments');
    expect(rig.workbook.sheet(result.sheetName).snapshot().conditionalFormatRules).toEqual([]);
    expect(view.texts().filter((t) => /undefined|NaN|null|\[object/.test(t))).toEqual([]);
  });
});

describe('"without personal data"', () => {
  it('writes only the version to share: no name, email, comment or customer id anywhere; the lists are counts and values', () => {
    const { sheets } = sample();
    const rig = reportRig(copySheets(sheets));
    const result = generate(rig, { withoutPersonalData: true });
    // No named report, no lists sheet: only the version to share, which the result card points at, and
    // the history (it holds no personal data).
    expect(rig.workbook.sheetNames()).toEqual([...USER_SHEETS, 'KPI Summary (to share)', 'KPI history']);
    expect(sheetsByRole(rig.workbook)).toEqual({ shared: ['KPI Summary (to share)'], history: ['KPI history'] });
    expect(result.sheetName).toBe('KPI Summary (to share)');
    expect(result.sheetId).toBe(result.shared.sheetId);
    expect(result.pdfUrl).toBe('');
    expect(result.shared.pdfUrl).toContain(`gid=${result.shared.sheetId}`);
    const view = reportView(rig, result.sheetName);
    const column = (sheet: string, c: number) =>
      new Set(
        sheets[sheet]
          .slice(1)
          .map((r) => String(r[c] ?? ''))
          .filter((t) => t !== ''),
      );
    const [names, emails, ids, comments] = [
      column('Clientes', 1),
      column('Clientes', 2),
      column('Clientes', 0),
      column('Encuestas', 4),
    ];
    const texts = view.texts();
    expect(texts.filter((t) => names.has(t) || emails.has(t) || comments.has(t) || ids.has(t))).toEqual([]);
    expect(texts.filter((t) => [...names].some((n) => n.length > 6 && t.includes(n)))).toEqual([]);
    expect(texts.filter((t) => /@[a-z0-9.-]+\.[a-z]+/i.test(t))).toEqual([]);
    expect(view.at(1, 1).value).toBe('Fideliza — KPI summary (to share: no personal data)');
    expect(view.at(4, 1).value).toBe(
      'This version has no names, emails, comments or ages: share it, or its PDF, freely.',
    );
    // The lists are their headings: the same counts and values at stake as in the named report.
    const full = reportRig(copySheets(sheets));
    const fullView = reportView(full, generate(full).sheetName);
    const lists = reportLists(view);
    expect(lists.map((l) => [l.title, l.count, l.stake])).toEqual(
      reportLists(fullView).map((l) => [l.title, l.count, l.stake]),
    );
    for (const list of lists) expect(list.rows, list.title).toEqual([]);
    expect(view.rowOf(/^Most frequent words/)).toBe(0);
    // The headline numbers are the same as in the full version.
    expect(headlineRows(view).map((r) => [r.name, r.current.value, r.previous.value])).toEqual(
      headlineRows(fullView).map((r) => [r.name, r.current.value, r.previous.value]),
    );
  });
});
