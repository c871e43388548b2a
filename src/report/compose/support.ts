/**
 * The support section of the report: the period's and the previous period's tickets opened, median
 * first-response and resolution times, share resolved within the period and tickets per customer,
 * with each one's trend a month over the last 12 months (the slope of the least-squares line, in the
 * figure's own format, coloured by whether it is good: faster answers are green); or what to add.
 */
import type { ReportModel } from '../compute/model';
import type { SupportFigures, SupportSection } from '../compute/support';
import { COLORS } from '../layout';
import type { Flow } from './flow';

/** The rows of the table: the figure, its trend's key, and whether a rise is good (1) or bad (−1). */
const ROWS = [
  ['opened', 'opened', 0],
  ['firstResponse', 'medianFirstResponseHours', -1],
  ['resolution', 'medianResolutionHours', -1],
  ['resolvedShare', 'resolvedWithinPeriodShare', 1],
  ['perCustomer', 'ticketsPerCustomer', -1],
] as const satisfies readonly (readonly [string, keyof SupportFigures, -1 | 0 | 1])[];

/** Which rows a sheet's columns allow: times need their column, the share the resolved one. */
function shown(support: SupportSection, key: (typeof ROWS)[number][0]): boolean {
  if (key === 'firstResponse') return support.hasFirstResponse;
  if (key === 'resolution' || key === 'resolvedShare') return support.hasResolved;
  return true;
}

/** The support section, where the model has one or says what is missing. */
export function supportSectionLayout(flow: Flow, model: ReportModel): void {
  const { labels, formats, layout } = flow;
  const words = labels.support;
  const support = model.support;
  if (!support) {
    if (model.missing.support && model.missing.support !== 'tickets') {
      flow.section(words.title);
      flow.note(labels.missingSource[model.missing.support]);
    }
    return;
  }
  flow.section(words.title);
  const top = flow.row;
  flow.table(words.headers, []);
  let row = top + 1;
  for (const [key, field, better] of ROWS) {
    if (!shown(support, key)) continue;
    const format =
      field === 'opened' ? formats.integer : field === 'resolvedWithinPeriodShare' ? formats.percent : formats.decimal;
    layout.set(row, 1, { value: words.kpis[key], bold: true });
    layout.set(row, 3, { value: support.current[field], format });
    layout.set(row, 4, { value: support.previous[field], format, color: COLORS.muted });
    const slope = support.trend[field];
    const color =
      slope === null || slope === 0 || better === 0
        ? COLORS.neutral
        : Math.sign(slope) === better
          ? COLORS.good
          : COLORS.bad;
    layout.set(row, 5, {
      value: slope,
      format,
      color,
      align: 'right',
    });
    row++;
  }
  flow.row = row;
  flow.note(words.note);
}
