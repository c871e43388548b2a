/**
 * The summary band at the top of the report: up to eight KPI cards in two rows of four — name;
 * value beside a sparkline of its last 13 periods; the change against the previous period,
 * coloured by whether it is good for that KPI, with its significance; the change against a year
 * earlier; a user's target with ✓ or ✗ — and under them the sentences: which KPIs miss their target
 * (first, when any does), what improved, what got worse, what to do first.
 */
import { type ListsSheetPlace, writtenRows } from './lists';
import type { HeadlineKey } from '../compute/headline';
import type { HeadlineKpi, ReportModel } from '../compute/model';
import { verdictOf, type StoryChange, type Verdict } from '../compute/story';
import { fill } from '../fill';
import { PERIODS_PER_YEAR } from '../period';
import { changeFormat, kpiFormat, roundShown, shownDecimals, type Formats } from '../formats';

import type { ReportLabels } from '../labels';
import { COLORS, type LayoutCell } from '../layout';
import { type Flow, GRID_COLUMNS } from './flow';
import { shortPeriod } from './months';
import { changeText, moneyText, valueText } from './prose';

/** Cards per row of the band, each two grid columns wide. */
const CARDS_PER_ROW = GRID_COLUMNS / 2;
/** Rows of one card: name, value and sparkline, change, change against a year earlier. */
const CARD_ROWS = 4;

/** Where the band puts a sparkline: the cell, and the KPI whose trend it draws. */
export interface SparklineCell {
  row: number;
  column: number;
  key: HeadlineKey;
}

const VERDICT_COLOR: Record<Verdict, string> = {
  better: COLORS.good,
  worse: COLORS.bad,
  noise: COLORS.neutral,
  flat: COLORS.neutral,
  none: COLORS.neutral,
};

/** A KPI's format in a card: money in whole units. */
function cardFormat(formats: Formats, kpi: HeadlineKpi): string {
  return kpi.format === 'currency' ? formats.wholeCurrency : kpiFormat(formats, kpi.format);
}

/** The change of a KPI as a cell: a number (points for percentages) with an arrow format. */
export function changeCell(
  flow: Flow,
  kpi: HeadlineKpi,
  before: number | null,
  verdict: Verdict,
  inCard = true,
): LayoutCell {
  if (kpi.current === null || before === null) return { value: null };
  const points = kpi.format === 'percent';
  const decimals = inCard && kpi.format === 'currency' ? 0 : shownDecimals(kpi.format, points);
  const change = roundShown((kpi.current - before) * (points ? 100 : 1), decimals);
  const base = points
    ? `${flow.formats.points}" ${flow.labels.wizard.percentagePoints}"`
    : inCard
      ? cardFormat(flow.formats, kpi)
      : kpiFormat(flow.formats, kpi.format);
  return { value: change, format: changeFormat(base), color: VERDICT_COLOR[verdict], bold: true, align: 'left' };
}

/** The significance mark beside a change: "≈ noise · p = 0.24" or "significant · p = 0.003". */
export function significanceCell(flow: Flow, test: HeadlineKpi['changeTest']): LayoutCell {
  if (!test) return { value: null };
  const { labels } = flow;
  const prefix = test.significant ? labels.story.significantMark : labels.story.noiseMark;
  return {
    value: roundShown(test.pValue, test.significant ? 3 : 2),
    format: `"${prefix.replace(/"/g, '')}"${test.significant ? '0.000' : '0.00'}`,
    color: test.significant ? COLORS.muted : COLORS.attention,
    italic: true,
    size: 9,
    align: 'left',
  };
}

/**
 * The target mark of a KPI the user set a target for: "Target 40 ✓" in green when this period's
 * value meets it, "Target 5.0% ✗" in red when not (by the KPI's direction), grey when the KPI has
 * no direction or no value. No target, no mark.
 */
export function targetCell(flow: Flow, model: ReportModel, kpi: HeadlineKpi): LayoutCell {
  if (!kpi.target) return { value: null };
  const { story } = flow.labels;
  const target = valueText(kpi.target.value, kpi.format, model.options.currency, flow.locale);
  const { met } = kpi.target;
  const text = met === null ? story.targetOnly : met ? story.targetMet : story.targetMissed;
  return {
    value: fill(text, { target }),
    color: met === null ? COLORS.muted : met ? COLORS.good : COLORS.bad,
    bold: met === false,
    size: 9,
    align: 'left',
  };
}

/** Lays the cards out; returns where the sparklines go (they read the trend block written later). */
function cards(flow: Flow, model: ReportModel): SparklineCell[] {
  const { layout, labels } = flow;
  const { language } = model.options;
  const byKey = new Map(model.headline.map((kpi) => [kpi.key, kpi]));
  const yearLabel = shortPeriod(language, model.period.kind, model.period.index - PERIODS_PER_YEAR[model.period.kind]);
  const sparklines: SparklineCell[] = [];
  const top = flow.row;
  model.story.cards.forEach((key, i) => {
    const kpi = byKey.get(key)!;
    const row = top + Math.floor(i / CARDS_PER_ROW) * (CARD_ROWS + 1);
    const column = (i % CARDS_PER_ROW) * 2 + 1;
    const card = (r: number, c: number, cell: LayoutCell) =>
      layout.set(row + r, column + c, { ...cell, background: COLORS.card });
    for (let r = 0; r < CARD_ROWS; r++) for (let c = 0; c < 2; c++) card(r, c, { value: null });
    card(0, 0, { value: labels.kpis[key][0], bold: true, color: COLORS.muted });
    if (kpi.target) card(0, 1, { ...targetCell(flow, model, kpi), align: 'right' });
    card(1, 0, { value: kpi.current, format: cardFormat(flow.formats, kpi), bold: true, size: 18, align: 'left' });
    sparklines.push({ row: row + 1, column: column + 1, key });
    card(2, 0, changeCell(flow, kpi, kpi.previous, verdictOf(kpi)));
    card(2, 1, significanceCell(flow, kpi.changeTest));
    if (kpi.yearAgo !== null) {
      card(3, 0, { ...changeCell(flow, kpi, kpi.yearAgo, verdictOf(kpi, 'yearAgo')), bold: false });
      card(3, 1, { value: `vs ${yearLabel}`, color: COLORS.muted, size: 9 });
    } else card(3, 0, { value: labels.story.noYearAgo, italic: true, color: COLORS.muted, size: 9 });
    layout.rowHeights.set(row + 1, 34);
  });
  const bandRows = Math.ceil(model.story.cards.length / CARDS_PER_ROW);
  flow.row = top + bandRows * (CARD_ROWS + 1);
  return sparklines;
}

/** "CSAT 76.7% (+11.4 pp)" for each change, joined; `withValues: false` gives "CSAT (+11.4 pp)". */
function changesText(
  model: ReportModel,
  labels: ReportLabels,
  locale: string,
  changes: StoryChange[],
  withValues = true,
): string {
  const { currency } = model.options;
  const byKey = new Map(model.headline.map((kpi) => [kpi.key, kpi]));
  return changes
    .slice(0, 3)
    .map((c) => {
      const kpi = byKey.get(c.key)!;
      const value = withValues ? ` ${valueText(kpi.current!, kpi.format, currency, locale)}` : '';
      return `${labels.kpis[c.key][0]}${value} (${changeText(c.change, kpi.format, currency, locale, labels)})`;
    })
    .join(', ');
}

/**
 * The sentences of the summary band — which KPIs miss the user's targets (first), what improved,
 * what got worse, what is within noise (when a card's change is), what to do first — in the labels'
 * language, numbers in the locale's style.
 * The result card and the demo say the same.
 */
export function storySentences(
  model: ReportModel,
  labels: ReportLabels,
  locale: string,
  listsSheet: ListsSheetPlace | null,
): { missed: string | null; improved: string; worsened: string; noise: string | null; first: string } {
  const { story } = labels;
  const s = model.story;
  const byKey = new Map(model.headline.map((kpi) => [kpi.key, kpi]));
  const { currency } = model.options;
  const missed = s.missedTargets.length
    ? fill(story.missedTargets, {
        items: s.missedTargets
          .map((key) => {
            const kpi = byKey.get(key)!;
            return fill(story.targetItem, {
              kpi: labels.kpis[key][0],
              value: valueText(kpi.current!, kpi.format, currency, locale),
              target: valueText(kpi.target!.value, kpi.format, currency, locale),
            });
          })
          .join(', '),
      })
    : null;
  const improved = s.improved.length
    ? fill(story.improved, { items: changesText(model, labels, locale, s.improved) })
    : story.improvedNone;
  const worsened = s.worsened.length
    ? fill(story.worsened, { items: changesText(model, labels, locale, s.worsened) })
    : story.worsenedNone;
  const noise = s.noise.length
    ? fill(story.noise, { items: changesText(model, labels, locale, s.noise, false) })
    : null;
  let first: string = story.firstNone;
  if (s.firstAction) {
    const list = s.firstAction.list;
    first = fill(s.firstAction.count === 1 ? story.firstOne : story.first, {
      what: story.actions[list],
      count: String(s.firstAction.count),
      value: moneyText(s.firstAction.valueAtStake, model.options.currency, locale),
      stake: story.stakes[list],
    });
    if (listsSheet) {
      const written = writtenRows(list, s.firstAction.count, listsSheet);
      first += ` ${fill(written < s.firstAction.count ? story.firstIn : story.allIn, {
        sheet: listsSheet.name,
        written: String(written),
      })}`;
    }
  }
  return { missed, improved, worsened, noise, first };
}

function sentences(flow: Flow, model: ReportModel, listsSheet: ListsSheetPlace | null): void {
  const { missed, improved, worsened, noise, first } = storySentences(model, flow.labels, flow.locale, listsSheet);
  flow.skip();
  if (missed) flow.layout.set(flow.row++, 1, { value: missed, color: COLORS.bad, bold: true });
  flow.layout.set(flow.row++, 1, { value: improved, color: COLORS.good, bold: true });
  flow.layout.set(flow.row++, 1, { value: worsened, color: COLORS.bad, bold: true });
  if (noise) flow.layout.set(flow.row++, 1, { value: noise, color: COLORS.muted, italic: true });
  flow.layout.set(flow.row++, 1, { value: first, color: COLORS.title, bold: true });
}

/** The summary band: cards and sentences. `listsSheet` names the sheet with the complete lists, if any. */
export function summaryBand(flow: Flow, model: ReportModel, listsSheet: ListsSheetPlace | null): SparklineCell[] {
  flow.skip();
  const sparklines = cards(flow, model);
  sentences(flow, model, listsSheet);
  return sparklines;
}
