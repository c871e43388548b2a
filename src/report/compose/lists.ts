/**
 * The action lists, never cut without saying so. In the report, each list's heading gives its
 * count and its value at stake, followed by its first rows (the ones to act on first) and "10 of
 * 238 — all in ‹KPI lists›"; the lists sheet holds every row of every list in one table that can be
 * filtered by list. Only where Google Sheets' limit of 10 million cells in a file leaves no room for
 * them all does it hold the first rows of each, and the report says how many. The version to share
 * shows only the headings: no names, emails, comments or ages.
 */
import type { ActionCustomer, ActionList, ActionListKey, MissingSource, ReportModel } from '../compute/model';
import { fill } from '../fill';
import type { ReportLabels } from '../labels';
import { COLORS, SheetLayout, type LayoutValue } from '../layout';
import type { Flow } from './flow';
import { aliveBand } from '../compute/predicted';
import { moneyText } from './prose';

/** Rows of each list shown in the report itself (all of them are in the lists sheet). */
export const REPORT_LIST_ROWS = 10;
/** Rows above the lists sheet's data: its title, its note and the table's header. */
export const LISTS_HEADING_ROWS = 3;

/** One row as the report and the lists sheet show it. */
interface ListRow {
  customerId: string;
  name: string;
  email: string;
  value: number;
  date: number | null;
  /** A short fact: why (win-back), the score (promoters, detractors), the occasion, P(alive). */
  fact: LayoutValue;
  /** The customer's own words, in a cell of their own so they are written exactly as typed (or a count). */
  comment: string | number;
  /** The customer's segment; `undefined` when no source has a segment column. */
  segment?: string;
}

/**
 * Lists whose fact is a text that can run long (the win-back reasons, several joined): the report
 * writes it after the short comment (the P(alive) band), in the column whose text can overflow into
 * the empty one beside it. Their headers in `listColumns` are in that order.
 */
const LONG_FACT_LISTS: ReadonlySet<ShownListKey> = new Set(['winBack']);

/** The lists the report shows: the action lists and the predicted-value list. */
type ShownListKey = ActionListKey | 'predicted';

/**
 * The lists sheet as the report names it: its name, and — when Google Sheets' limit of 10 million
 * cells in a file leaves no room for every row — how many rows of each list it holds (the first
 * ones: each list is sorted by what to act on first). Absent `written`: every row of every list.
 */
export interface ListsSheetPlace {
  name: string;
  written?: Partial<Record<ShownListKey, number>>;
}

/**
 * Rows of a list the lists sheet holds: all of them, or as many as `place` says at Sheets' cell limit.
 * @example writtenRows('winBack', 238, { name: 'KPI lists', written: { winBack: 150 } }) // 150
 */
export const writtenRows = (key: ShownListKey, count: number, place: ListsSheetPlace | null | undefined): number =>
  Math.min(count, place?.written?.[key] ?? count);

/** A list ready to show: key, heading words, its number of customers and its first rows. */
interface ShownList {
  key: ShownListKey;
  title: string;
  count: number;
  /** The first rows, as many as the caller asked for. */
  rows: ListRow[];
  valueAtStake: number;
  /** What to add to the spreadsheet when a missing source leaves the list empty. */
  missing?: MissingSource;
}

/**
 * The lists with their first rows described: `rowsWanted` says how many of a list's rows its caller
 * shows (all by default), so no caller words rows it does not write.
 */
function rowsOf(
  model: ReportModel,
  labels: ReportLabels,
  rowsWanted: (key: ShownListKey, count: number) => number = (_, count) => count,
): ShownList[] {
  const a = model.actions;
  const out: ShownList[] = [];
  const add = <T extends ActionCustomer>(
    key: ShownListKey,
    title: string,
    list: ActionList<T>,
    describe: (row: T) => { date: number | null; fact: LayoutValue; comment?: string | number },
  ) =>
    out.push({
      key,
      title,
      valueAtStake: list.valueAtStake,
      missing: key === 'predicted' ? undefined : model.missing[key],
      count: list.rows.length,
      rows: list.rows.slice(0, rowsWanted(key, list.rows.length)).map((row) => {
        const { date, fact, comment } = describe(row);
        return {
          customerId: row.customerId,
          name: row.name,
          email: row.email,
          value: row.value,
          date,
          fact,
          comment: comment ?? '',
          segment: row.segment,
        };
      }),
    });
  if (a) {
    add('winBack', labels.lists.winBack, a.winBack, (r) => ({
      date: r.lastOrderDay,
      fact: r.reasons.map((x) => labels.reasons[x]).join('; '),
      comment: r.pAlive === null ? '' : labels.aliveBands[aliveBand(r.pAlive)],
    }));
    add('promoters', labels.lists.promoters, a.promoters, (r) => ({ date: r.day, fact: r.score, comment: r.comment }));
    add('welcome', labels.lists.welcome, a.welcome, (r) => ({ date: r.firstOrderDay, fact: null }));
    add('upcoming', labels.lists.upcoming, a.upcoming, (r) => ({
      date: r.nextDay,
      fact:
        `${labels.occasions[r.occasion]}${r.occasion === 'anniversary' ? ` (${r.years})` : ''} · ` +
        (r.daysUntil === 0
          ? labels.listWords.today
          : r.daysUntil === 1
            ? labels.listWords.inOneDay
            : fill(labels.listWords.inDays, { days: String(r.daysUntil) })),
    }));
    add('detractors', labels.lists.detractors, a.detractors, (r) => ({
      date: r.day,
      fact: r.score,
      comment: r.comment,
    }));
    // Only with a Tickets sheet: a shop without one has no list to miss.
    if (model.missing.needsAttention !== 'tickets')
      add('needsAttention', labels.lists.needsAttention, a.needsAttention, (r) => ({
        date: r.oldestUnresolvedDay,
        fact: r.unresolved,
        comment: r.tickets,
      }));
  }
  const p = model.predicted;
  if (p && 'list' in p)
    add('predicted', labels.lists.predictedList, p.list, (r) => ({
      date: null,
      fact: r.pAlive,
      comment: r.tooEarly ? labels.predictedWords.tooEarly : labels.aliveBands[aliveBand(r.pAlive)],
    }));
  return out;
}

/** The heading of a list: "Customers to win back: 238 · 45,300 € at stake". */
function heading(list: ShownList, model: ReportModel, flow: Flow): string {
  const value = moneyText(list.valueAtStake, model.options.currency, flow.locale);
  return fill(flow.labels.listWords.heading, { title: list.title, count: String(list.count), value });
}

/** The lists in the report: headings with counts and values; rows unless the version is the one to share. */
export function listSection(flow: Flow, model: ReportModel, shared: boolean, listsSheet: ListsSheetPlace | null): void {
  const { labels, formats } = flow;
  const lists = rowsOf(model, labels, () => (shared ? 0 : REPORT_LIST_ROWS));
  if (!lists.length) return;
  flow.section(labels.actions);
  if (shared) flow.note(labels.listWords.sharedCounts);
  for (const list of lists) {
    flow.subtitle(heading(list, model, flow));
    if (!list.count) {
      flow.note(list.missing ? labels.missingSource[list.missing] : labels.none);
      flow.skip();
      continue;
    }
    if (shared) {
      flow.skip();
      continue;
    }
    const shown = list.rows;
    const longFact = LONG_FACT_LISTS.has(list.key);
    const headers = [...labels.listColumns[list.key]];
    // A long fact's short companion (the P(alive) band) is headed only when a row has one.
    if (longFact && shown.every((r) => r.comment === '')) headers[3] = '';
    // The segment, when the sources have one, in the last column (after a comment's room to overflow).
    const withSegment = model.segments !== undefined;
    flow.table(
      [
        headers[0],
        '',
        headers[1],
        headers[2],
        headers[3],
        headers[4],
        ...(withSegment ? ['', labels.segments.headers[0]] : []),
      ],
      shown.map((r) => [
        r.name || r.customerId,
        null,
        r.value,
        r.date === null ? null : { day: r.date },
        ...(longFact ? [r.comment, r.fact] : [r.fact, r.comment]),
        ...(withSegment ? [null, r.segment || null] : []),
      ]),
      [undefined, undefined, formats.wholeCurrency, formats.date, list.key === 'predicted' ? formats.percent : '0'],
    );
    if (list.count > shown.length && listsSheet) {
      const written = writtenRows(list.key, list.count, listsSheet);
      flow.note(
        fill(written < list.count ? labels.listWords.shownOfCut : labels.listWords.shownOf, {
          shown: String(shown.length),
          count: String(list.count),
          written: String(written),
          sheet: listsSheet.name,
        }),
      );
    }
    flow.skip();
  }
  const words = model.actions?.words;
  if (!shared && words) {
    flow.subtitle(labels.lists.words);
    if (words.length)
      flow.table(
        [labels.listHeaders.words[0], '', labels.listHeaders.words[1]],
        words.map((w) => [w.word, null, w.mentions] as LayoutValue[]),
        [undefined, undefined, formats.integer],
      );
    else flow.note(labels.none);
  }
}

/** The lists sheet's column headers: the segment, when the sources have one, last. */
export function listsSheetHeaders(model: ReportModel, labels: ReportLabels): string[] {
  return [...labels.listWords.sheetColumns, ...(model.segments !== undefined ? [labels.segments.headers[0]] : [])];
}

/**
 * The rows each list needs in the lists sheet, in the sheet's order: what {@link fitListRows} shares
 * out when the sheet cannot hold them all.
 */
export function listRowCounts(model: ReportModel, labels: ReportLabels): { key: ShownListKey; rows: number }[] {
  return rowsOf(model, labels, () => 0).map((list) => ({ key: list.key, rows: list.count }));
}

/**
 * How many rows of each list fit in `room` rows: short lists whole, the room left shared equally
 * among the longer ones (each keeps its first rows, the ones to act on first).
 *
 * @param counts rows each list has.
 * @param room rows the sheet can hold (≥ 0).
 * @returns rows of each list to write, in the order of `counts`.
 * @example fitListRows([5, 300, 1000], 305) // [5, 150, 150]
 */
export function fitListRows(counts: readonly number[], room: number): number[] {
  const out = counts.map(() => 0);
  let left = Math.max(0, Math.floor(room));
  const order = counts.map((count, i) => ({ count, i })).sort((a, b) => a.count - b.count);
  order.forEach(({ count, i }, position) => {
    const share = Math.floor(left / (order.length - position));
    out[i] = Math.min(count, share);
    left -= out[i];
  });
  return out;
}

/**
 * The lists sheet: every row of every list (at Sheets' cell limit, the first rows of each, as `place`
 * says), in one table a filter on its first column splits by list.
 */
export function composeLists(
  model: ReportModel,
  labels: ReportLabels,
  formats: { date: string; wholeCurrency: string; percent: string },
  place?: ListsSheetPlace,
): SheetLayout {
  const layout = new SheetLayout();
  layout.set(1, 1, { value: labels.listWords.sheetTitle, bold: true, size: 14, color: COLORS.title });
  layout.set(2, 1, { value: labels.listWords.sheetNote, italic: true, color: COLORS.muted });
  const body: LayoutValue[][] = [];
  // The segment, when the sources have one, in a last column of its own (the others keep their place).
  const withSegment = model.segments !== undefined;
  const lists = rowsOf(model, labels, (key, count) => writtenRows(key, count, place));
  for (const list of lists)
    for (const r of list.rows)
      body.push([
        list.title,
        r.customerId,
        r.name,
        r.email,
        r.value,
        r.date === null ? null : { day: r.date },
        r.fact,
        r.comment,
        ...(withSegment ? [r.segment || null] : []),
      ]);
  const headers = listsSheetHeaders(model, labels);
  layout.table(LISTS_HEADING_ROWS, 1, headers, body, [
    undefined,
    undefined,
    undefined,
    undefined,
    formats.wholeCurrency,
    formats.date,
  ]);
  // P(alive) is a share: those cells get a percent format of their own.
  let row = LISTS_HEADING_ROWS + 1;
  for (const list of lists)
    for (const r of list.rows) {
      if (list.key === 'predicted') layout.set(row, 7, { value: r.fact, format: formats.percent });
      row++;
    }
  layout.frozenRows = LISTS_HEADING_ROWS;
  [260, 130, 180, 230, 120, 110, 220, 420, ...(withSegment ? [140] : [])].forEach((px, i) =>
    layout.columnWidths.set(i + 1, px),
  );
  return layout;
}
