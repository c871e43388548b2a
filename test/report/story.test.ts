/**
 * The report a manager reads in ten seconds and can trust (issue 13), end to end through the built
 * bundle, every number recounted here from the sample's rows:
 *
 * - the summary band: six to eight KPI cards chosen by the sources present, coloured by whether the
 *   change is good for that KPI (a churn rise red, a revenue rise green, noise grey), each with a
 *   sparkline over a trend block of the report's own cells that ends with the card's value;
 * - honest changes: the p-values shown are NPS_CHANGE's and the two-proportion test's, recomputed
 *   from the answers and customer counts of December and November, and no change within noise is
 *   called an improvement or a drop;
 * - complete lists: the lists sheet holds every row of every list, as many as each heading counts,
 *   worth the heading's value at stake, in the order to act on;
 * - the version to share: no names, emails, comments or ages, the same cards and numbers;
 * - the reader's locale (es_MX, es_ES, en_US), and notes that say what to add when a source is missing.
 *
 * Run `npm run build` first.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { isoDateIn, sheetDate, type EmuValue, type SeedGrid } from '../emulator';
import { welchTTest } from '../../src/kpi/stats/welch';
import { addOn, column } from '../support/addon';
import {
  answersIn,
  copySheets,
  generate,
  headlineRow,
  headlineRows,
  listsTable,
  readableOrders,
  reportLists,
  reportRig,
  reportView,
  roleView,
  sample,
  summaryCards,
  ZONE,
  type ReportList,
  type ReportRig,
  type SheetView,
  type SummaryCard,
} from '../support/report';

const GREEN = '#188038';
const RED = '#d93025';
const GREY = '#5f6368';

const DAY_MS = 86_400_000;
/** Day number of `yyyy-mm-dd`. */
const dayNumber = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS;
/** `yyyy-mm-dd` of a day number. */
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** First and last day of a month `yyyy-mm`. */
function monthDays(month: string): [number, number] {
  const [y, m] = month.split('-').map(Number);
  return [Date.UTC(y, m - 1, 1) / DAY_MS, Date.UTC(y, m, 1) / DAY_MS - 1];
}
/** The 13 months of the trends, December 2024 to December 2025. */
const TREND_MONTHS = Array.from({ length: 13 }, (_, k) => isoOf(Date.UTC(2024, 11 + k, 1) / DAY_MS).slice(0, 7));
/** The last day of the period (31 December 2025) and "today" of the runs. */
const PERIOD_END = dayNumber('2025-12-31');
const TODAY_DAY = dayNumber('2026-01-10');

/** Decimals a number format shows (in its first section). */
function decimalsOf(format: string | undefined): number {
  return /0\.(0+)/.exec((format ?? '').split(';')[0])?.[1].length ?? 0;
}

/** `actual` (a number the report rounded to what it shows) equals `exact` to half its last shown digit. */
function expectShown(actual: EmuValue, exact: number, format: string | undefined, what: string): void {
  expect(typeof actual, what).toBe('number');
  expect(Math.abs((actual as number) - exact), `${what}: ${actual} vs ${exact}`).toBeLessThanOrEqual(
    0.5 * 10 ** -decimalsOf(format) + 1e-9,
  );
}

// ---- recounts from the sample's rows ----

const orders = () => readableOrders(sample().sheets.Pedidos);

/** Each customer's order days. */
function orderDaysByCustomer(): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const o of orders()) out.set(o.customerId, [...(out.get(o.customerId) ?? []), dayNumber(o.day)]);
  return out;
}

/** Active on a day: an order in the 365 days up to it (PRODUCT.md's 12-month rule, docs/report.md). */
const activeOn = (days: number[], day: number) => days.some((d) => d <= day && d > day - 365);

/** Customers active when a window starts, and of them those no longer active when it ends. */
function churnCounts(month: string): { atStart: number; churned: number } {
  const [start, end] = monthDays(month);
  let atStart = 0;
  let churned = 0;
  for (const days of orderDaysByCustomer().values()) {
    if (!activeOn(days, start - 1)) continue;
    atStart++;
    if (!activeOn(days, end)) churned++;
  }
  return { atStart, churned };
}

/** Spend of each customer in the 12 months to the period's end. */
function yearSpend(): Map<string, number> {
  const out = new Map<string, number>();
  for (const o of orders())
    if (dayNumber(o.day) > PERIOD_END - 365 && dayNumber(o.day) <= PERIOD_END)
      out.set(o.customerId, (out.get(o.customerId) ?? 0) + o.amount);
  return out;
}

/** CSAT ratings of a month (the Satisfacción column, 1–5). */
function ratingsIn(month: string): number[] {
  return sample()
    .sheets.Encuestas.slice(1)
    .flatMap(([, date, , csat]) =>
      date instanceof Date && typeof csat === 'number' && isoDateIn(date, ZONE).startsWith(month) ? [csat] : [],
    );
}

/** The funnel row of a month: visits, conversions, carts, purchases. */
function funnelIn(month: string): { visits: number; conversions: number; carts: number; purchases: number } {
  const row = sample().sheets.Embudo.find((r) => r[0] instanceof Date && isoDateIn(r[0], ZONE).startsWith(month))!;
  const [, visits, conversions, carts, purchases] = row.map(Number);
  return { visits, conversions, carts, purchases };
}

// ---- the tests, written out from their definitions (FUNCTIONS.md), not taken from the add-on ----

/** Φ(x), the standard normal CDF, by Simpson's rule on the density. */
function normalCdf(x: number): number {
  const a = Math.min(Math.abs(x), 12);
  const n = 20_000;
  const h = a / n;
  const density = (t: number) => Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI);
  let sum = density(0) + density(a);
  for (let i = 1; i < n; i++) sum += density(i * h) * (i % 2 ? 4 : 2);
  const half = (sum * h) / 3;
  return x >= 0 ? 0.5 + half : 0.5 - half;
}

const twoSided = (z: number) => 2 * (1 - normalCdf(Math.abs(z)));

/** NPS_CHANGE's p-value: z = Δ / √(SE₁² + SE₂²), SE = 100·√((p + d − (p − d)²)/n). */
function npsChangeP(before: number[], after: number[]): number {
  const stats = (scores: number[]) => {
    const n = scores.length;
    const p = scores.filter((s) => s >= 9).length / n;
    const d = scores.filter((s) => s <= 6).length / n;
    return { nps: (p - d) * 100, se: 100 * Math.sqrt((p + d - (p - d) ** 2) / n) };
  };
  const [b, a] = [stats(before), stats(after)];
  return twoSided((a.nps - b.nps) / Math.sqrt(b.se ** 2 + a.se ** 2));
}

/** The two-proportion z-test with pooled variance (CSAT_CHANGE; churn, conversion, cart abandonment). */
function twoProportionP(s1: number, n1: number, s2: number, n2: number): number {
  const pooled = (s1 + s2) / (n1 + n2);
  if (pooled === 0 || pooled === 1) return 1;
  return twoSided((s2 / n2 - s1 / n1) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2)));
}

/** The shown p-value agrees with `p` to the digits shown, and the mark says whether p < 5 %. */
function expectSignificance(cell: SummaryCard['significance'], p: number, what: string): void {
  expectShown(cell.value, p, cell.format, what);
  expect(cell.display.startsWith(p < 0.05 ? 'significant · p = ' : '≈ noise · p = '), `${what}: ${cell.display}`).toBe(
    true,
  );
}

// ---- reading the sentences ----

/** KPIs lower is better for, and those that only give context (neither better nor worse). */
const LOWER_IS_BETTER = ['Customer churn', 'Gross MRR churn', 'Cart abandonment', 'Tickets per customer'];
const CONTEXT_ONLY = ['NPS margin of error (95 %)', 'Survey responses', 'Customers at start'];

/** The KPI names a list of a sentence names, from `from`: "A 1 (+2), B $3 (+$4)." → [A, B]. */
function namesFrom(text: string, from: number, names: string[]): string[] {
  const longestFirst = [...names].sort((a, b) => b.length - a.length);
  const out: string[] = [];
  for (let pos = from; ; ) {
    const name = longestFirst.find((n) => text.startsWith(`${n} `, pos));
    if (!name) throw new Error(`no KPI name at ${pos} of "${text}"`);
    out.push(name);
    const close = text.indexOf(')', pos + name.length);
    if (text.slice(close + 1, close + 3) !== ', ') return out;
    pos = close + 3;
  }
}

/** The sentences under the cards: what improved, what got worse, what is within noise, what to do first. */
function sentences(view: SheetView): { improved: string[]; worse: string[]; noise: string[]; first: string } {
  const names = headlineRows(view).map((r) => r.name);
  const improvedText = String(view.at(view.row(/^(Improved: |Nothing improved)/), 1).value);
  const worseText = String(view.at(view.row(/^(Got worse: |Nothing got worse)/), 1).value);
  // "Within noise, not news: …" — a sentence of its own, or after the one on what got worse.
  const NOISE = 'Within noise, not news: ';
  const noiseRow = view.rowOf(/^Within noise, not news: /);
  const noiseText = noiseRow ? String(view.at(noiseRow, 1).value) : worseText;
  const noiseAt = noiseText.indexOf(NOISE);
  return {
    improved: improvedText.startsWith('Improved: ') ? namesFrom(improvedText, 'Improved: '.length, names) : [],
    worse: worseText.startsWith('Got worse: ') ? namesFrom(worseText, 'Got worse: '.length, names) : [],
    noise: noiseAt >= 0 ? namesFrom(noiseText, noiseAt + NOISE.length, names) : [],
    first: String(view.at(view.row(/^(First: |No customer is waiting)/), 1).value),
  };
}

/** An amount as a heading writes it ("$2,236", "2.236 €") in whole units. */
const amountOf = (text: string) => Number(text.replace(/[^\d]/g, ''));

/** Every display value that shows a negative zero: "-0.00", "-$0", "▼ -0.0 pp", "-0,00 €". */
function negativeZeros(view: SheetView): string[] {
  const out: string[] = [];
  for (const cell of view.cells()) {
    const minus = /[-−]/.test(cell.display);
    if (typeof cell.value === 'number' && minus && /\d/.test(cell.display) && !/[1-9]/.test(cell.display))
      out.push(`${cell.row},${cell.column}: ${cell.display}`);
  }
  return out;
}

describe('the sample shop, December 2025 against November (en_US)', () => {
  let rig: ReportRig;
  let result: any;
  let view: SheetView;
  let lists: SheetView;
  let shared: SheetView;

  beforeAll(() => {
    rig = reportRig(copySheets(sample().sheets));
    result = generate(rig);
    view = reportView(rig, result.sheetName);
    lists = roleView(rig, 'lists');
    shared = roleView(rig, 'shared');
  });

  describe('the summary band', () => {
    it('eight cards in two rows of four, each two columns wide, chosen and ordered as issue 13 lists them', () => {
      const cards = [...summaryCards(view).values()];
      expect(cards.map((c) => c.name)).toEqual([
        'NPS',
        'CSAT',
        'Customers at end',
        'Customer churn',
        'Revenue',
        'Repeat rate',
        'MRR',
        'Net revenue retention',
      ]);
      expect(cards.map((c) => c.column)).toEqual([1, 3, 5, 7, 1, 3, 5, 7]);
      expect(cards.map((c) => c.row - cards[0].row)).toEqual([0, 0, 0, 0, 5, 5, 5, 5]);
      // The result card shows the band's first six, with how each change reads.
      expect(result.headline.map((h: any) => h.label)).toEqual(cards.slice(0, 6).map((c) => c.name));
    });

    it('each card: its value, change, significance and change against a year earlier agree with the headline table', () => {
      for (const card of summaryCards(view).values()) {
        const row = headlineRow(view, card.name);
        expect(card.value.value, card.name).toBe(row.current.value);
        const points = (row.current.format ?? '').includes('%');
        const k = points ? 100 : 1;
        expectShown(
          card.change.value,
          ((row.current.value as number) - (row.previous.value as number)) * k,
          card.change.format,
          `${card.name} change`,
        );
        expect([card.significance.value, card.significance.display], card.name).toEqual([
          row.significance.value,
          row.significance.display,
        ]);
        if (typeof row.yearChange.value === 'number') {
          expectShown(card.yearChange.value, row.yearChange.value, card.yearChange.format, `${card.name} year`);
          expect(card.yearLabel.value, card.name).toBe('vs Dec 2024');
        } else expect(card.yearChange.value, card.name).toBe('no data a year earlier');
      }
      // Money in whole units on the cards, with the symbol of the locale's currency before the amount.
      expect(summaryCards(view).get('Revenue')!.value.display).toMatch(/^\$[\d,]+$/);
    });

    it('each sparkline reads a row of the trend block: 13 periods ending with the card’s value, the one before it the previous period’s', () => {
      const cards = summaryCards(view);
      const trendsTitle = view.row(/^Trends over the last 13 periods/);
      expect(view.line(trendsTitle + 1)).toEqual([
        'KPI',
        ...TREND_MONTHS.map((m) =>
          new Date(`${m}-15T00:00:00Z`).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
        ),
      ]);
      for (const card of cards.values()) {
        expect(card.trendRow, card.name).toBeGreaterThan(trendsTitle + 1);
        expect(card.trendName, card.name).toBe(card.name);
        expect(card.trend, card.name).toHaveLength(13);
        expect(card.trend[12], card.name).toBe(card.value.value);
        expect(card.trend[11], card.name).toBe(headlineRow(view, card.name).previous.value);
        expect(card.sparkline.formula, card.name).toContain('"charttype","line"');
      }
      // The trends recounted from the rows: revenue and NPS of each month, customers active at each month's end.
      const revenue = cards.get('Revenue')!.trend;
      TREND_MONTHS.forEach((month, k) => {
        const exact = orders()
          .filter((o) => o.month === month)
          .reduce((s, o) => s + o.amount, 0);
        expect(revenue[k] as number, month).toBeCloseTo(exact, 6);
      });
      const nps = cards.get('NPS')!.trend;
      TREND_MONTHS.forEach((month, k) => {
        const scores = answersIn(sample().sheets.Encuestas, month).map((a) => a.score);
        if (!scores.length) expect(nps[k], month).toBe('');
        else
          expect(nps[k] as number, month).toBeCloseTo(
            ((scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length) / scores.length) * 100,
            9,
          );
      });
      const customers = cards.get('Customers at end')!.trend;
      const days = [...orderDaysByCustomer().values()];
      // The 12-month rule needs a year of orders before a month: earlier months stay blank, not 0.
      const firstOrder = Math.min(...days.flat());
      TREND_MONTHS.forEach((month, k) => {
        const [start, end] = monthDays(month);
        if (start - 365 < firstOrder) expect(customers[k], month).toBe('');
        else expect(customers[k], month).toBe(days.filter((d) => activeOn(d, end)).length);
      });
    });

    it('colours: green for a change that is good for the KPI, red for a bad one, grey within noise, as the sentences read it', () => {
      const cards = summaryCards(view);
      const story = sentences(view);
      expect(cards.get('Revenue')!.change.value as number).toBeGreaterThan(0);
      expect(cards.get('Revenue')!.change.color).toBe(GREEN);
      for (const card of cards.values()) {
        const noise = card.significance.display.startsWith('≈ noise');
        const expected = noise
          ? GREY
          : story.improved.includes(card.name)
            ? GREEN
            : story.worse.includes(card.name)
              ? RED
              : GREY;
        expect(card.change.color, card.name).toBe(expected);
      }
      // The result card: the same reading of each change.
      const byVerdict: Record<string, string> = { better: GREEN, worse: RED, noise: GREY, flat: GREY, none: GREY };
      for (const h of result.headline) expect(byVerdict[h.verdict], h.label).toBe(cards.get(h.label)!.change.color);
      for (const h of result.headline)
        expect(h.verdict === 'noise', h.label).toBe(cards.get(h.label)!.significance.display.startsWith('≈ noise'));
    });
  });

  describe('honest changes', () => {
    it('NPS: the p-value shown is NPS_CHANGE’s, recomputed from the raw answers of November and December', () => {
      const nov = answersIn(sample().sheets.Encuestas, '2025-11').map((a) => a.score);
      const dec = answersIn(sample().sheets.Encuestas, '2025-12').map((a) => a.score);
      expect(nov.length).toBeGreaterThan(0);
      expect(dec.length).toBeGreaterThan(0);
      const p = npsChangeP(nov, dec);
      expectSignificance(headlineRow(view, 'NPS').significance, p, 'NPS');
      expectSignificance(summaryCards(view).get('NPS')!.significance, p, 'NPS card');
      // One definition: the custom function agrees.
      const [[, fromFormula]] = addOn({ timeZone: ZONE }).fx.NPS_CHANGE(column(...nov), column(...dec));
      expect(fromFormula as number).toBeCloseTo(p, 6);
    });

    it('CES: Welch’s t-test of the effort answers of November and December (the p-value the mean’s change carries)', () => {
      const effortIn = (month: string) =>
        sample()
          .sheets.Encuestas.slice(1)
          .flatMap((row) =>
            row[1] instanceof Date && typeof row[8] === 'number' && isoDateIn(row[1], ZONE).startsWith(month)
              ? [row[8]]
              : [],
          );
      const [nov, dec] = [effortIn('2025-11'), effortIn('2025-12')];
      expect(nov.length).toBeGreaterThan(1);
      expect(dec.length).toBeGreaterThan(1);
      // Welch's test is validated against published examples in its own test (test/unit); the
      // scale's reversal (effort: 6 − answer) moves both means alike and leaves the p-value as it is.
      const p = welchTTest(nov, dec).pValue;
      expect(p).toBeCloseTo(
        welchTTest(
          nov.map((a) => 6 - a),
          dec.map((a) => 6 - a),
        ).pValue,
        12,
      );
      expectSignificance(headlineRow(view, 'Customer effort (CES)').significance, p, 'CES');
    });

    it('CSAT, churn, retention, conversion and cart abandonment: the two-proportion test of the counts', () => {
      const satisfied = (ratings: number[]) => ratings.filter((r) => r >= 4).length;
      const [nov, dec] = [ratingsIn('2025-11'), ratingsIn('2025-12')];
      expect([...nov, ...dec].every((r) => r >= 1 && r <= 5)).toBe(true);
      const csatP = twoProportionP(satisfied(nov), nov.length, satisfied(dec), dec.length);
      expectSignificance(headlineRow(view, 'CSAT').significance, csatP, 'CSAT');
      const [[, csatFormula]] = addOn({ timeZone: ZONE }).fx.CSAT_CHANGE(column(...nov), column(...dec), 5);
      expect(csatFormula as number).toBeCloseTo(csatP, 6);

      const [before, after] = [churnCounts('2025-11'), churnCounts('2025-12')];
      expect(headlineRow(view, 'Customer churn').current.value as number).toBeCloseTo(
        after.churned / after.atStart,
        12,
      );
      expect(headlineRow(view, 'Customers at start').current.value).toBe(after.atStart);
      const churnP = twoProportionP(before.churned, before.atStart, after.churned, after.atStart);
      expectSignificance(headlineRow(view, 'Customer churn').significance, churnP, 'churn');
      expectSignificance(headlineRow(view, 'Retention rate').significance, churnP, 'retention');

      const [fNov, fDec] = [funnelIn('2025-11'), funnelIn('2025-12')];
      expectSignificance(
        headlineRow(view, 'Conversion rate').significance,
        twoProportionP(fNov.conversions, fNov.visits, fDec.conversions, fDec.visits),
        'conversion',
      );
      expectSignificance(
        headlineRow(view, 'Cart abandonment').significance,
        twoProportionP(fNov.carts - fNov.purchases, fNov.carts, fDec.carts - fDec.purchases, fDec.carts),
        'cart abandonment',
      );
    });

    it('the sentences call nothing within noise an improvement or a drop, and name each direction right', () => {
      const story = sentences(view);
      const rows = new Map(headlineRows(view).map((r) => [r.name, r]));
      const noisy = [...rows.values()].filter((r) => r.significance.display.startsWith('≈ noise')).map((r) => r.name);
      expect(noisy.length).toBeGreaterThan(0);
      for (const name of noisy) {
        expect(story.improved, name).not.toContain(name);
        expect(story.worse, name).not.toContain(name);
      }
      // The cards within noise are named as such (not news, up to three), and only they.
      const noisyCards = [...summaryCards(view).keys()].filter((name) => noisy.includes(name));
      expect(noisyCards.length).toBeGreaterThan(0);
      expect(story.noise).toEqual(noisyCards.slice(0, 3));
      // Improved means better for that KPI; got worse means worse; a context count is neither.
      const direction = (name: string) => (LOWER_IS_BETTER.includes(name) ? -1 : 1);
      for (const name of story.improved) {
        expect(CONTEXT_ONLY, name).not.toContain(name);
        expect(Math.sign(rows.get(name)!.change.value as number) * direction(name), name).toBe(1);
      }
      for (const name of story.worse) {
        expect(CONTEXT_ONLY, name).not.toContain(name);
        expect(Math.sign(rows.get(name)!.change.value as number) * direction(name), name).toBe(-1);
      }
      expect(story.improved).toContain('Revenue');
    });

    it('what to do first: the list with the most value at stake, with its count and value, and where all of it is', () => {
      const { first } = sentences(view);
      const candidates = reportLists(view).filter((l) =>
        [
          'Customers to win back',
          'Promoters to ask for a review or referral',
          'New customers to welcome',
          'Detractor comments',
        ].includes(l.title),
      );
      const top = candidates.reduce((a, b) => (amountOf(b.stake) > amountOf(a.stake) ? b : a));
      expect(first).toContain(` — ${top.count} customers, ${top.stake} `);
      expect(first.endsWith('All of them are in “KPI lists”.')).toBe(true);
    });
  });

  describe('complete lists', () => {
    /** The lists sheet's rows of one list. */
    const rowsOf = (title: string) => listsTable(lists).filter((r) => r.list === title);

    it('the lists sheet holds every row of every list: as many as each heading counts, worth its value at stake', () => {
      expect(lists.line(3).slice(0, 7)).toEqual([
        'List',
        'Customer id',
        'Name',
        'Email',
        'Value at stake',
        'Date',
        expect.any(String),
      ]);
      const headings = reportLists(view);
      expect(headings.length).toBeGreaterThanOrEqual(5);
      expect(new Set(listsTable(lists).map((r) => r.list))).toEqual(
        new Set(headings.filter((l) => l.count > 0).map((l) => l.title)),
      );
      for (const list of headings) {
        const rows = rowsOf(list.title);
        expect(rows.length, list.title).toBe(list.count);
        const total = rows.reduce((s, r) => s + (r.value as number), 0);
        expect(Math.round(total), list.title).toBe(amountOf(list.stake));
        // The report shows the first ten, as the lists sheet orders them.
        list.rows.forEach((shown, k) => {
          expect(shown[0].value, `${list.title} ${k}`).toBe(rows[k].name || rows[k].customerId);
          expect(shown[2].value, `${list.title} ${k}`).toBe(rows[k].value);
          expect(shown[3].value, `${list.title} ${k}`).toEqual(rows[k].date.value);
        });
      }
    });

    it('welcome: every customer whose first order is in December, worth that order, the newest first', () => {
      const first = new Map<string, { day: string; amount: number }>();
      for (const o of orders()) {
        const seen = first.get(o.customerId);
        if (!seen || o.day < seen.day) first.set(o.customerId, { day: o.day, amount: o.amount });
      }
      const expected = [...first].filter(([, f]) => f.day.startsWith('2025-12'));
      const rows = rowsOf('New customers to welcome');
      expect(rows.map((r) => r.customerId).sort()).toEqual(expected.map(([id]) => id).sort());
      for (const row of rows) {
        const f = first.get(String(row.customerId))!;
        expect(row.value as number).toBeCloseTo(f.amount, 9);
        expect(isoDateIn(row.date.value as Date, ZONE)).toBe(f.day);
      }
      const days = rows.map((r) => (r.date.value as Date).getTime());
      expect(days).toEqual([...days].sort((a, b) => b - a));
    });

    it('promoters: everyone who answered 9–10 in December, worth their spend in the last 12 months, the most recent first', () => {
      const answers = sample()
        .sheets.Encuestas.slice(1)
        .flatMap(([id, date, score]) =>
          date instanceof Date && typeof score === 'number' && score >= 9 && isoDateIn(date, ZONE).startsWith('2025-12')
            ? [{ id: String(id), day: isoDateIn(date, ZONE) }]
            : [],
        );
      const latest = new Map<string, string>();
      for (const a of answers) if (!latest.has(a.id) || a.day > latest.get(a.id)!) latest.set(a.id, a.day);
      const rows = rowsOf('Promoters to ask for a review or referral');
      expect(rows.map((r) => r.customerId).sort()).toEqual([...latest.keys()].sort());
      const spend = yearSpend();
      for (const row of rows) {
        expect(row.value as number).toBeCloseTo(spend.get(String(row.customerId)) ?? 0, 6);
        expect(isoDateIn(row.date.value as Date, ZONE)).toBe(latest.get(String(row.customerId)));
      }
      const days = rows.map((r) => (r.date.value as Date).getTime());
      expect(days).toEqual([...days].sort((a, b) => b - a));
    });

    it('detractor comments: every December answer of 0–6 with a comment, worth the customer’s spend in 12 months', () => {
      const expected = answersIn(sample().sheets.Encuestas, '2025-12').filter(
        (a) => a.score <= 6 && a.comment.trim() !== '',
      );
      const rows = rowsOf('Detractor comments');
      expect(rows.map((r) => r.comment).sort()).toEqual(expected.map((a) => a.comment).sort());
      const spend = yearSpend();
      for (const row of rows) expect(row.value as number).toBeCloseTo(spend.get(String(row.customerId)) ?? 0, 6);
    });

    it('win back: the most value at stake first, the predicted value when the model is fitted', () => {
      const rows = rowsOf('Customers to win back');
      expect(rows.length).toBeGreaterThan(10);
      const values = rows.map((r) => r.value as number);
      expect(values).toEqual([...values].sort((a, b) => b - a));
      const predictedRows = rowsOf('Customers by predicted lifetime value (next 52 weeks)');
      const predicted = new Map(predictedRows.map((r) => [r.customerId, r.value]));
      for (const row of rows) expect(row.value, String(row.customerId)).toBe(predicted.get(row.customerId));
      // By predicted value, the customers too early to predict (first order under 8 weeks ago) after the rest.
      const early = predictedRows.map((r) => String(r.comment).startsWith('too early to predict'));
      expect(early).toEqual([...early].sort((a, b) => Number(a) - Number(b)));
      for (const flag of [false, true]) {
        const values = predictedRows.filter((_, k) => early[k] === flag).map((r) => r.value as number);
        expect(values).toEqual([...values].sort((a, b) => b - a));
      }
    });

    it('win back without the predicted section: worth the spend of the last 12 months, recounted', () => {
      const rig2 = reportRig(copySheets(sample().sheets));
      generate(rig2, { sections: { charts: false, cohorts: false, actions: true, predicted: false } });
      const rows = listsTable(roleView(rig2, 'lists')).filter((r) => r.list === 'Customers to win back');
      expect(rows.length).toBeGreaterThan(0);
      const spend = yearSpend();
      for (const row of rows)
        expect(row.value as number, String(row.customerId)).toBeCloseTo(spend.get(String(row.customerId)) ?? 0, 6);
      const values = rows.map((r) => r.value as number);
      expect(values).toEqual([...values].sort((a, b) => b - a));
      // No model, no P(alive): the report's column for it has neither header nor values.
      const report = roleView(rig2, 'report');
      const list = reportLists(report).find((l) => l.title === 'Customers to win back')!;
      expect([5, 6].map((c) => report.at(list.heading + 1, c).value)).toEqual(['', 'Why']);
      expect(list.rows.map((r) => r[4].value)).toEqual(list.rows.map(() => ''));
    });

    it('birthdays and anniversaries: all within the next 30 days, the soonest first', () => {
      const rows = rowsOf('Birthdays and anniversaries in the next 30 days');
      expect(rows.length).toBeGreaterThan(10);
      const days = rows.map((r) => dayNumber(isoDateIn(r.date.value as Date, ZONE)));
      for (const day of days) {
        expect(day).toBeGreaterThanOrEqual(TODAY_DAY);
        expect(day).toBeLessThanOrEqual(TODAY_DAY + 30);
      }
      expect(days).toEqual([...days].sort((a, b) => a - b));
    });
  });

  describe('the version to share', () => {
    it('has no names, emails, comments or ages anywhere', () => {
      const { sheets } = sample();
      const texts = (grid: SeedGrid, c: number) =>
        new Set(
          grid
            .slice(1)
            .map((r) => String(r[c] ?? '').trim())
            .filter((t) => t.length > 3),
        );
      const personal = [...texts(sheets.Clientes, 1), ...texts(sheets.Clientes, 2), ...texts(sheets.Encuestas, 4)];
      const found = shared.texts().filter((t) => personal.some((p) => t.includes(p)));
      expect(found).toEqual([]);
      expect(shared.texts().filter((t) => /@[a-z0-9.-]+\.[a-z]+/i.test(t))).toEqual([]);
      // No list rows, so no occasions, years as a customer or birthdays.
      expect(shared.texts().filter((t) => /Birthday ·|anniversary \(\d/.test(t))).toEqual([]);
      for (const list of reportLists(shared)) expect(list.rows, list.title).toEqual([]);
      expect(shared.texts()).toContain(
        'No names in this version: each list gives its number of customers and the value at stake.',
      );
    });

    it('shows the same cards, sentences and headline values as the named report', () => {
      const named = [...summaryCards(view).values()];
      const toShare = [...summaryCards(shared).values()];
      const essentials = (c: SummaryCard) => [
        c.name,
        c.value.value,
        c.change.value,
        c.change.color,
        c.significance.display,
        c.yearChange.value,
        c.trend,
      ];
      expect(toShare.map(essentials)).toEqual(named.map(essentials));
      const cells = (v: SheetView) =>
        headlineRows(v).map((r) => [r.name, r.current.value, r.previous.value, r.change.value, r.significance.value]);
      expect(cells(shared)).toEqual(cells(view));
      const [a, b] = [sentences(shared), sentences(view)];
      expect([a.improved, a.worse, a.noise]).toEqual([b.improved, b.worse, b.noise]);
      expect(a.first).toBe(b.first.replace(' All of them are in “KPI lists”.', ''));
      expect(reportLists(shared).map((l) => [l.title, l.count, l.stake])).toEqual(
        reportLists(view).map((l) => [l.title, l.count, l.stake]),
      );
    });
  });

  it('compares churn with a year earlier only when the orders reach back the 12 months its activity rule needs', () => {
    // Churn in December 2024 counts customers whose last order was in December 2023; the sample's
    // orders start on 1 January 2024, so that churn is 0 by construction, not a measurement.
    const firstOrder = orders()
      .map((o) => o.day)
      .sort()[0];
    expect(firstOrder > '2023-12-31').toBe(true);
    for (const name of ['Customer churn', 'Retention rate'])
      expect(headlineRow(view, name).yearChange.value, `${name} against December 2024`).toBe('');
    const churn = summaryCards(view).get('Customer churn')!;
    expect(churn.yearChange.value).toBe('no data a year earlier');
    expect(churn.trend[0], 'the sparkline’s December 2024 point').toBe('');
  });

  it('shows no negative zero ("-0.00", "-$0") anywhere', () => {
    for (const v of [view, lists, shared]) expect(negativeZeros(v), v.sheet.name).toEqual([]);
  });

  it('en_US: dates month first (mm/dd/yyyy), in the report and in the lists sheet', () => {
    const rows = listsTable(lists).filter((r) => r.date.value !== '');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const [y, m, d] = isoDateIn(row.date.value as Date, ZONE).split('-');
      expect(row.date.format).toBe('mm/dd/yyyy');
      expect(row.date.display).toBe(`${m}/${d}/${y}`);
    }
  });
});

describe('cards chosen by the sources present', () => {
  const { sheets } = sample();
  const cardsOf = (subset: string[]) => {
    const all = copySheets(sheets);
    const rig = reportRig(Object.fromEntries(subset.map((name) => [name, all[name]])));
    const result = generate(rig);
    return { names: [...summaryCards(reportView(rig, result.sheetName)).keys()], result };
  };

  it('orders, customers and surveys (no subscriptions): NPS, CSAT, customers, churn, revenue, repeat rate, AOV, new customers', () => {
    const { names, result } = cardsOf(['Clientes', 'Pedidos', 'Encuestas']);
    expect(names).toEqual([
      'NPS',
      'CSAT',
      'Customers at end',
      'Customer churn',
      'Revenue',
      'Repeat rate',
      'Average order value',
      'New customers',
    ]);
    expect(result.headline.map((h: any) => h.label)).toEqual(names.slice(0, 6));
  });

  it('orders alone: eight cards of orders and customers', () => {
    expect(cardsOf(['Pedidos']).names).toEqual([
      'Customers at end',
      'Customer churn',
      'Revenue',
      'Repeat rate',
      'Average order value',
      'New customers',
      'Orders',
      'Purchase frequency',
    ]);
  });
});

describe('colours and sentences on a shop whose churn jumps while revenue grows', () => {
  // 100 steady customers order every month (50, then 80 in December 2025); 40 customers bought once
  // in December 2024 and never again, so they churn in December 2025 (none churned in November).
  // NPS goes from 10 to 30 on ten answers a month: within noise.
  const d = (iso: string) => sheetDate(iso, ZONE);
  let view: SheetView;
  let result: any;

  beforeAll(() => {
    const orderRows: unknown[][] = [['Customer ID', 'Order date', 'Amount']];
    for (let i = 1; i <= 100; i++)
      for (const month of TREND_MONTHS) orderRows.push([`S${i}`, d(`${month}-15`), month === '2025-12' ? 80 : 50]);
    for (let i = 1; i <= 40; i++) orderRows.push([`C${i}`, d('2024-12-10'), 30]);
    const surveyRows: unknown[][] = [['Customer ID', 'Date', 'NPS']];
    [9, 9, 9, 9, 7, 7, 7, 5, 5, 5].forEach((s, k) => surveyRows.push([`S${k + 1}`, d('2025-11-20'), s]));
    [9, 9, 9, 9, 9, 7, 7, 7, 5, 5].forEach((s, k) => surveyRows.push([`S${k + 11}`, d('2025-12-20'), s]));
    const rig = reportRig({ Orders: orderRows as SeedGrid, Surveys: surveyRows as SeedGrid });
    result = generate(rig, { mapping: undefined });
    view = reportView(rig, result.sheetName);
  });

  it('a significant churn rise is red and named as got worse; the revenue rise is green; the NPS change is grey noise', () => {
    const cards = summaryCards(view);
    const churn = cards.get('Customer churn')!;
    expect(churn.value.value as number).toBeCloseTo(40 / 140, 12);
    expect(churn.change.value as number).toBeCloseTo(28.6, 9);
    expect(churn.change.color).toBe(RED);
    expectSignificance(churn.significance, twoProportionP(0, 140, 40, 140), 'churn');
    const revenue = cards.get('Revenue')!;
    expect([revenue.value.value, revenue.change.value]).toEqual([8000, 3000]);
    expect(revenue.change.color).toBe(GREEN);
    const nps = cards.get('NPS')!;
    expect([nps.value.value, nps.change.value]).toEqual([30, 20]);
    expect(nps.change.color).toBe(GREY);
    const scores = (promoters: number, passives: number, detractors: number) => [
      ...Array(promoters).fill(9),
      ...Array(passives).fill(7),
      ...Array(detractors).fill(5),
    ];
    expectSignificance(nps.significance, npsChangeP(scores(4, 3, 3), scores(5, 3, 2)), 'NPS');
    const story = sentences(view);
    expect(story.worse).toContain('Customer churn');
    expect(story.improved).toContain('Revenue');
    expect(story.noise).toEqual(['NPS']);
    expect([...story.improved, ...story.worse]).not.toContain('NPS');
    const verdicts = Object.fromEntries(result.headline.map((h: any) => [h.key, h.verdict]));
    expect(verdicts).toMatchObject({ churn: 'worse', revenue: 'better', nps: 'noise' });
  });

  it('with no data a year earlier the cards say so, and the trends start with blanks', () => {
    for (const card of summaryCards(view).values()) {
      expect(card.yearChange.value, card.name).toBe('no data a year earlier');
      expect(card.trend[0], card.name).toBe('');
    }
  });
});

describe('the reader’s locale', () => {
  it('es_MX: Mexican terms (ticket promedio, costo, utilidad), the peso sign before the amount, dates day first', () => {
    const rig = reportRig(copySheets(sample().sheets), { locale: 'es_MX' });
    const result = generate(rig);
    const view = reportView(rig, result.sheetName);
    expect(result.sheetName).toBe('Resumen KPI');
    expect(headlineRow(view, 'Ticket promedio').current.value as number).toBeGreaterThan(0);
    expect(headlineRow(view, 'Utilidad sobre costo (CPS)').definition.value).toContain('costo');
    // The report's own words (not the customers' comments, nor the single words taken from them).
    const comments = new Set(sample().sheets.Encuestas.map((r) => String(r[4] ?? '')));
    const words = [...view.texts(), ...roleView(rig, 'lists').texts()].filter((t) => !comments.has(t) && / /.test(t));
    expect(words.filter((t) => /(^|[^\p{L}])(coste|Coste|Valor medio del pedido|Beneficio)(?!\p{L})/u.test(t))).toEqual(
      [],
    );
    const revenue = headlineRow(view, 'Ingresos').current;
    expect(revenue.format).toBe('[$$]#,##0.00');
    expect(revenue.display).toMatch(/^\$[\d,]+\.\d\d$/);
    expect(summaryCards(view).get('Ingresos')!.value.display).toMatch(/^\$[\d,]+$/);
    for (const list of reportLists(view)) expect(list.stake, list.title).toMatch(/^\$[\d,]+$/);
    const rows = listsTable(roleView(rig, 'lists')).filter((r) => r.date.value !== '');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const [y, m, d] = isoDateIn(row.date.value as Date, ZONE).split('-');
      expect(row.date.format).toBe('dd/mm/yyyy');
      expect(row.date.display).toBe(`${d}/${m}/${y}`);
    }
    expect(view.at(3, 2).format).toBe('dd/mm/yyyy hh:mm');
    for (const sheet of ['report', 'lists', 'shared'] as const)
      expect(negativeZeros(roleView(rig, sheet)), sheet).toEqual([]);
  });

  it('es_ES: euros after the amount, dates day first, no negative zero', () => {
    const rig = reportRig(copySheets(sample().sheets), { locale: 'es_ES' });
    generate(rig);
    const lists = roleView(rig, 'lists');
    const row = listsTable(lists).find((r) => r.date.value !== '')!;
    expect(row.date.format).toBe('dd/mm/yyyy');
    expect(lists.at(row.row, 5).format).toBe('#,##0 [$€]');
    expect(lists.at(row.row, 5).display).toMatch(/^[\d.]+ €$/);
    for (const sheet of ['report', 'lists', 'shared'] as const)
      expect(negativeZeros(roleView(rig, sheet)), sheet).toEqual([]);
  });
});

describe('a missing source says what to add', () => {
  const SURVEYS_NOTE = 'Add a Surveys sheet with an NPS column (answers 0–10) to see this.';
  const ORDERS_NOTE = 'Add an Orders sheet (customer, date, amount) to see this.';

  /** The list of a report by title. */
  const listOf = (view: SheetView, title: string): ReportList => reportLists(view).find((l) => l.title === title)!;

  it('without surveys: the NPS chart, the key drivers, the promoters and the detractors say to add a Surveys sheet', () => {
    const rig = reportRig({ Orders: copySheets(sample().sheets).Pedidos });
    const view = reportView(rig, generate(rig).sheetName);
    const texts = view.texts();
    expect(texts).toContain(`NPS by month: the mix of answers, and the NPS: ${SURVEYS_NOTE}`);
    expect(texts).toContain(`Key drivers of NPS: mean answer vs correlation with NPS: ${SURVEYS_NOTE}`);
    expect(listOf(view, 'Promoters to ask for a review or referral').after).toBe(SURVEYS_NOTE);
    expect(listOf(view, 'Detractor comments').after).toBe(SURVEYS_NOTE);
    expect(texts.filter((t) => /Nothing to show/.test(t))).toEqual([]);
  });

  it('without a Customers sheet the birthdays and anniversaries list says what to add, or lists the anniversaries of first orders', () => {
    // Customers whose first order's anniversary falls in the 30 days after "today" (10 January 2026).
    const first = new Map<string, string>();
    for (const o of orders())
      if (!first.has(o.customerId) || o.day < first.get(o.customerId)!) first.set(o.customerId, o.day);
    const anniversaries = [...first.values()].filter((day) => {
      const next = dayNumber(`2026-${day.slice(5)}`);
      const inDays = (next < TODAY_DAY ? dayNumber(`2027-${day.slice(5)}`) : next) - TODAY_DAY;
      return day < '2026-01-10' && inDays <= 30;
    }).length;
    expect(anniversaries).toBeGreaterThan(0);
    const rig = reportRig({ Orders: copySheets(sample().sheets).Pedidos });
    const view = reportView(rig, generate(rig).sheetName);
    const upcoming = listOf(view, 'Birthdays and anniversaries in the next 30 days');
    // "None in this period." would say nobody has an occasion, which the orders contradict.
    if (upcoming.count === 0)
      expect(upcoming.after).toBe('Add birthdays or signup dates to a Customers sheet to see this.');
    else expect(upcoming.count).toBe(anniversaries);
  });

  it('without orders: the revenue chart and the cohort heatmap say to add an Orders sheet, like the other parts', () => {
    const rig = reportRig({ Surveys: copySheets(sample().sheets).Encuestas });
    const view = reportView(rig, generate(rig).sheetName);
    const texts = view.texts();
    expect(texts).toContain(`New and churned customers by month, and churn rate: ${ORDERS_NOTE}`);
    expect(listOf(view, 'New customers to welcome').after).toBe(ORDERS_NOTE);
    expect(texts).toContain(`Revenue by month: new and returning customers, and total: ${ORDERS_NOTE}`);
    const cohorts = view.rowOf(/^Cohort retention/);
    expect(cohorts, 'a cohort section that says what to add').toBeGreaterThan(0);
    expect([1, 2, 3].map((k) => view.at(cohorts + k, 1).value)).toContain(ORDERS_NOTE);
  });
});

describe('words', () => {
  it('one customer is "1 customer", one day "1 day" (never "1 customers", "in 1 days")', () => {
    const rig = reportRig(copySheets(sample().sheets));
    generate(rig);
    const surveysOnly = reportRig({ Surveys: copySheets(sample().sheets).Encuestas });
    generate(surveysOnly);
    const texts = [
      ...roleView(rig, 'report').texts(),
      ...roleView(rig, 'lists').texts(),
      ...roleView(surveysOnly, 'report').texts(),
    ];
    expect(texts.filter((t) => /(^|[^\d.,])1 (customers|days)\b/.test(t))).toEqual([]);
  });
});
