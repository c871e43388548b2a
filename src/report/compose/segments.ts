/**
 * The segment table: one row per segment — customers at end, churn, revenue, average order value,
 * repeat rate, NPS and CSAT of the period — each tested KPI marked with an asterisk and coloured
 * (green better, red worse) where the segment differs from the rest at 5 % after Holm's correction,
 * with a legend under it; or, without any segment column, what to add to see it.
 */
import type { ReportModel } from '../compute/model';
import { NO_SEGMENT, OTHER_SEGMENTS, type SegmentValue } from '../compute/segments';
import { COLORS, type LayoutCell } from '../layout';
import type { Flow } from './flow';

/** A number format with " *" after the number, in each of its sections. */
function markedFormat(format: string): string {
  return format
    .split(';')
    .map((section) => `${section}" *"`)
    .join(';');
}

/** A tested KPI's cell: its value, marked and coloured when it differs from the rest. */
function testedCell(value: SegmentValue, format: string): LayoutCell {
  if (!value.differs) return { value: value.value, format };
  return {
    value: value.value,
    format: markedFormat(format),
    bold: true,
    color: value.differs === 'better' ? COLORS.good : COLORS.bad,
  };
}

/** The segment section, where the model has one or says what is missing. */
export function segmentSection(flow: Flow, model: ReportModel): void {
  const { labels, formats, layout } = flow;
  const words = labels.segments;
  const table = model.segments;
  if (!table) {
    if (model.missing.segments) {
      flow.section(words.title);
      flow.note(labels.missingSource[model.missing.segments]);
    }
    return;
  }
  flow.section(words.title);
  const top = flow.row;
  flow.table(words.headers, []);
  const { orders, nps, csat } = table.columns;
  table.rows.forEach((r, i) => {
    const row = top + 1 + i;
    const name = r.segment === OTHER_SEGMENTS ? words.other : r.segment === NO_SEGMENT ? words.none : r.segment;
    layout.set(row, 1, {
      value: name,
      bold: true,
      italic: r.segment === OTHER_SEGMENTS || r.segment === NO_SEGMENT,
    });
    if (orders) {
      layout.set(row, 2, { value: r.customers, format: formats.integer });
      layout.set(row, 3, testedCell(r.churn, formats.percent));
      layout.set(row, 4, { value: r.revenue, format: formats.wholeCurrency });
      layout.set(row, 5, testedCell(r.aov, formats.currency));
      layout.set(row, 6, testedCell(r.repeatRate, formats.percent));
    }
    if (nps) layout.set(row, 7, testedCell(r.nps, formats.points));
    if (csat) layout.set(row, 8, testedCell(r.csat, formats.percent));
  });
  flow.row = top + 1 + table.rows.length;
  flow.note(words.legend);
}
