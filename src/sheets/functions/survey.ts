/**
 * Survey and satisfaction formulas: NPS, its breakdown, confidence interval, change and trend,
 * categories, CSAT, CSI, key drivers and per-customer satisfaction trends.
 * Thin wrappers: read arguments with the coercion layer, compute with `src/kpi/survey`.
 */
import { KpiError } from '../../errors/catalogue';
import { isoOfDay, periodIndex } from '../../kpi/calendar/days';
import { csatShare } from '../../kpi/survey/csat';
import {
  npsCategory,
  npsConfidenceInterval,
  npsCounts,
  npsMarginOfError,
  npsOfCounts,
  type NpsCategory,
} from '../../kpi/survey/nps';
import { NPS_SCALE, type ScoreScale } from '../args';
import { isBlank, type CellInput, type CellOutput, type CellTable } from '../cells';
import { runFormula } from '../formula';
import { columnMeans, csiOfMeans } from '../../kpi/survey/csi';
import { keyDrivers } from '../../kpi/survey/key-drivers';
import { npsChange } from '../../kpi/survey/nps-change';
import { npsTrend } from '../../kpi/survey/nps-trend';
import { satisfactionTrend } from '../../kpi/survey/satisfaction-trend';

/**
 * Net Promoter Score of 0–10 answers, in points from −100 to 100.
 *
 * @param scores Answers 0–10 to "How likely are you to recommend us?"; blanks and text such as "N/A" are skipped.
 * @return NPS in points.
 * @formula NPS = (promoters − detractors) ÷ responses × 100; promoters answer 9–10, passives 7–8, detractors 0–6.
 * @source F. Reichheld, "The One Number You Need to Grow", Harvard Business Review, December 2003.
 * @example =NPS({10;9;9;8;7;6;3;10})
 * 25
 * @customfunction
 */
export function NPS(scores: CellInput): number {
  return runFormula('NPS', (args) => npsOfCounts(npsCounts(args.scores(scores, 'scores', NPS_SCALE))));
}

/**
 * Promoters, passives and detractors with their shares, the NPS and its 95 % margin of error.
 *
 * @param scores Answers 0–10; blanks and text are skipped.
 * @return A 7×3 table: Group, Count, Share.
 * @formula Share = count ÷ responses; margin = 1.96 × 100·√((p + d − (p − d)²) ÷ n).
 * @source Bain & Company NPS definition; multinomial standard error as in FUNCTIONS.md.
 * @example =NPS_BREAKDOWN({10;9;9;8;7;6;3;10})
 * | Group | Count | Share |
 * | Promoters | 4 | 0.5 |
 * | Passives | 2 | 0.25 |
 * | Detractors | 2 | 0.25 |
 * | Responses | 8 | 1 |
 * | NPS |  | 25 |
 * | Margin of error (95%) |  | 57.46 |
 * @customfunction
 */
export function NPS_BREAKDOWN(scores: CellInput): CellTable {
  return runFormula('NPS_BREAKDOWN', (args) => {
    const counts = npsCounts(args.scores(scores, 'scores', NPS_SCALE));
    const share = (count: number) => count / counts.responses;
    return [
      ['Group', 'Count', 'Share'],
      ['Promoters', counts.promoters, share(counts.promoters)],
      ['Passives', counts.passives, share(counts.passives)],
      ['Detractors', counts.detractors, share(counts.detractors)],
      ['Responses', counts.responses, 1],
      ['NPS', '', npsOfCounts(counts)],
      ['Margin of error (95%)', '', npsMarginOfError(counts, 0.95)],
    ];
  });
}

/**
 * Confidence interval of the NPS: lower and upper bound in points.
 *
 * @param scores Answers 0–10; blanks and text are skipped.
 * @param confidence Confidence level between 0 and 1 (default 0.95).
 * @return A 1×2 row: lower bound, upper bound, clamped to −100…100.
 * @formula NPS ± z·SE, SE = 100·√((p + d − (p − d)²) ÷ n), z the two-sided normal quantile of the confidence.
 * @source Multinomial variance of the NPS (e.g. Rocks, "Confidence intervals for the Net Promoter Score", 2016).
 * @example =NPS_CI({10;9;9;8;7;6;3;10}, 0.9)
 * | -23.22 | 73.22 |
 * @customfunction
 */
export function NPS_CI(scores: CellInput, confidence?: CellInput): CellTable {
  return runFormula('NPS_CI', (args) => {
    const counts = npsCounts(args.scores(scores, 'scores', NPS_SCALE));
    const level = args.number(confidence, 'confidence', { fallback: 0.95 });
    if (!(level > 0 && level < 1)) {
      throw new KpiError(
        'BAD_ARGUMENT',
        { fn: 'NPS_CI', arg: 'confidence', value: level },
        { en: 'it must be between 0 and 1, such as 0.95', es: 'debe estar entre 0 y 1, como 0.95' },
      );
    }
    return [npsConfidenceInterval(counts, level)];
  });
}

const CATEGORY_LABELS: Record<'en' | 'es', Record<NpsCategory, string>> = {
  en: { promoter: 'Promoter', passive: 'Passive', detractor: 'Detractor' },
  es: { promoter: 'Promotor', passive: 'Pasivo', detractor: 'Detractor' },
};

/**
 * NPS group of each answer: Promoter, Passive or Detractor (blank stays blank).
 *
 * @param scores One answer 0–10 or a range of them; works cell by cell.
 * @param language "en" (default) or "es" for Promotor / Pasivo / Detractor.
 * @return The group of each answer, in the shape of scores.
 * @formula 9–10 Promoter, 7–8 Passive, 0–6 Detractor.
 * @source Bain & Company, Net Promoter System.
 * @example =NPS_CATEGORY({10;7;3}, "es")
 * | Promotor |
 * | Pasivo |
 * | Detractor |
 * @customfunction
 */
export function NPS_CATEGORY(scores: CellInput, language?: CellInput): CellOutput | CellOutput[][] {
  return runFormula('NPS_CATEGORY', (args) => {
    const labels = CATEGORY_LABELS[args.language(language, 'language')];
    const categories: NpsCategory[] = ['promoter', 'passive', 'detractor'];
    const indexOf = { promoter: 0, passive: 1, detractor: 2 } as const;
    const read = args.scoreReader('scores', NPS_SCALE);
    return args.elementwise(
      [
        {
          arg: 'scores',
          input: scores,
          read: (value, row) => {
            const score = read(value, row);
            return score === undefined ? undefined : indexOf[npsCategory(score)];
          },
        },
      ],
      ([category]) => labels[categories[category]],
    );
  });
}

/**
 * Customer Satisfaction Score: the share of satisfied ratings (top-2-box on a 1–5 scale).
 *
 * @param ratings Ratings 1…scale_max; blanks and text are skipped.
 * @param scale_max Highest possible rating (default 5).
 * @param satisfied_min Lowest rating that counts as satisfied (default scale_max − 1).
 * @return Share of satisfied ratings, 0…1 (format the cell as %).
 * @formula CSAT = ratings ≥ satisfied_min ÷ all ratings.
 * @source American Customer Satisfaction Index practice; "top-2-box" CSAT as used by Zendesk and Qualtrics.
 * @example =CSAT({5;4;3;5;2;4})
 * 0.6667
 * @customfunction
 */
export function CSAT(ratings: CellInput, scale_max?: CellInput, satisfied_min?: CellInput): number {
  return runFormula('CSAT', (args) => {
    const max = args.number(scale_max, 'scale_max', { fallback: 5, integer: true, min: 2, max: 100 });
    const satisfied = args.number(satisfied_min, 'satisfied_min', { fallback: max - 1, integer: true, min: 1, max });
    const values = args.scores(ratings, 'ratings', { min: 1, max, integer: true, noun: 'rating' });
    return csatShare(values, satisfied);
  });
}

/**
 * Change of the NPS between two surveys, with the p-value of the difference.
 *
 * @param scores_before Answers 0–10 of the earlier survey; blanks and text are skipped.
 * @param scores_after Answers 0–10 of the later survey; blanks and text are skipped.
 * @return A 1×2 row: change in points (after − before), two-sided p-value.
 * @formula Δ = NPS_after − NPS_before; z = Δ ÷ √(SE_before² + SE_after²), SE = 100·√((p + d − (p − d)²) ÷ n); p-value = 2·(1 − Φ(|z|)). When both SEs are 0 the p-value is 1 if Δ = 0, else 0.
 * @source Normal approximation for two independent NPS estimates (Rocks, "Interval estimation for the net promoter score", The American Statistician, 2016).
 * @example =NPS_CHANGE({10;9;6;3}, {10;10;9;8})
 * | 75 | 0.1687 |
 * @customfunction
 */
export function NPS_CHANGE(scores_before: CellInput, scores_after: CellInput): CellTable {
  return runFormula('NPS_CHANGE', (args) => {
    const before = npsCounts(args.scores(scores_before, 'scores_before', NPS_SCALE));
    const after = npsCounts(args.scores(scores_after, 'scores_after', NPS_SCALE));
    const { change, pValue } = npsChange(before, after);
    return [[change, pValue]];
  });
}

/** Most rows NPS_TREND returns (a typo in a year would otherwise spill a century of days). */
const MAX_TREND_PERIODS = 50_000;

/**
 * NPS per month (or day, week, quarter, year), empty periods included.
 *
 * @param scores Answers 0–10; a row whose answer is blank or text is skipped.
 * @param dates Date of each answer (date cells or yyyy-mm-dd text), same size as scores.
 * @param period "day", "week", "month" (default), "quarter" or "year"; Spanish names work too.
 * @return A table: Period (first day), Responses, Promoters, Passives, Detractors, NPS (blank when no answers).
 * @formula Per period: NPS = (promoters − detractors) ÷ responses × 100; periods run from the first answer's to the last's in the spreadsheet's time zone.
 * @source F. Reichheld, "The One Number You Need to Grow", Harvard Business Review, December 2003.
 * @example =NPS_TREND({10;6;9;8}, {"2024-01-15";"2024-01-20";"2024-03-02";"2024-03-05"})
 * | Period | Responses | Promoters | Passives | Detractors | NPS |
 * | 2024-01-01 | 2 | 1 | 0 | 1 | 0 |
 * | 2024-02-01 | 0 | 0 | 0 | 0 |  |
 * | 2024-03-01 | 2 | 1 | 1 | 0 | 50 |
 * @customfunction
 */
export function NPS_TREND(scores: CellInput, dates: CellInput, period?: CellInput): CellTable {
  return runFormula('NPS_TREND', (args, settings) => {
    const unit = args.period(period, 'period', 'month');
    const table = args.table([
      { arg: 'scores', input: scores, kind: 'score', scale: NPS_SCALE },
      { arg: 'dates', input: dates, kind: 'date' },
    ]);
    args.requireRows(table.rows.length, 'scores', 'score');
    const [answers, days] = table.columns;
    let first = Infinity;
    let last = -Infinity;
    for (const day of days) {
      if (day < first) first = day;
      if (day > last) last = day;
    }
    const periods = periodIndex(last, unit) - periodIndex(first, unit) + 1;
    if (periods > MAX_TREND_PERIODS) {
      throw new KpiError(
        'BAD_ARGUMENT',
        { fn: 'NPS_TREND', arg: 'period', value: unit },
        {
          en: `answers from ${isoOfDay(first)} to ${isoOfDay(last)} make ${periods} periods, too many for a sheet. Check the dates or use a longer period`,
          es: `las respuestas del ${isoOfDay(first)} al ${isoOfDay(last)} dan ${periods} periodos, demasiados para una hoja. Revise las fechas o use un periodo más largo`,
        },
      );
    }
    const zone = settings.zone();
    const out: CellTable = [['Period', 'Responses', 'Promoters', 'Passives', 'Detractors', 'NPS']];
    for (const { startDay, counts } of npsTrend(answers, days, unit)) {
      out.push([
        zone.midnightOf(startDay),
        counts.responses,
        counts.promoters,
        counts.passives,
        counts.detractors,
        counts.responses > 0 ? npsOfCounts(counts) : '',
      ]);
    }
    return out;
  });
}

/**
 * Customer Satisfaction Index from 0 to 100 over several questions, optionally weighted.
 *
 * @param ratings Answers with one row per respondent and one column per question; blanks and text are skipped.
 * @param weights One weight ≥ 0 per question (column); they need not add up to 1. Default: equal weights.
 * @param scale_min Lowest possible rating (default 1).
 * @param scale_max Highest possible rating (default 10).
 * @return The index, 0…100.
 * @formula CSI = Σ wᵢ·(meanᵢ − scale_min) ÷ (scale_max − scale_min) × 100 ÷ Σ wᵢ, meanᵢ the mean answer of question i.
 * @source Rescaled-mean index as in the American Customer Satisfaction Index (Fornell et al., Journal of Marketing, 1996).
 * @example =CSI({8,6;10,4;6,""}, {2,1})
 * 66.67
 * @customfunction
 */
export function CSI(ratings: CellInput, weights?: CellInput, scale_min?: CellInput, scale_max?: CellInput): number {
  return runFormula('CSI', (args) => {
    const min = args.number(scale_min, 'scale_min', { fallback: 1 });
    const max = args.number(scale_max, 'scale_max', { fallback: 10 });
    if (!(max > min)) {
      throw new KpiError(
        'BAD_ARGUMENT',
        { fn: 'CSI', arg: 'scale_max', value: max },
        { en: `it must be greater than scale_min (${min})`, es: `debe ser mayor que scale_min (${min})` },
      );
    }
    const grid = args.grid(ratings, 'ratings', { min, max, integer: false, noun: 'rating' });
    const means = columnMeans(grid);
    if (means.every((mean) => mean === undefined))
      throw new KpiError('NO_VALID_VALUES', { fn: 'CSI', arg: 'ratings', noun: 'rating' });
    const empty = means.indexOf(undefined);
    if (empty >= 0) {
      throw new KpiError(
        'NOT_ENOUGH_DATA',
        { fn: 'CSI' },
        {
          en: `column ${empty + 1} of ratings has no ratings; give it answers or leave it out of the range`,
          es: `la columna ${empty + 1} de ratings no tiene valoraciones; añada respuestas o déjela fuera del rango`,
        },
      );
    }
    const w = omitted(weights)
      ? means.map(() => 1)
      : args.numbers(weights, 'weights', { nonNegative: true, noun: 'weight' });
    if (w.length !== means.length) {
      throw new KpiError(
        'INCONSISTENT_COUNTS',
        { fn: 'CSI' },
        {
          en: `weights has ${w.length} numbers but ratings has ${means.length} columns (questions); give one weight per column`,
          es: `weights tiene ${w.length} números pero ratings tiene ${means.length} columnas (preguntas); indique un peso por columna`,
        },
      );
    }
    if (!(w.reduce((sum, x) => sum + x, 0) > 0)) {
      throw new KpiError(
        'DIVISION_BY_ZERO',
        { fn: 'CSI' },
        {
          en: 'the weights add up to 0; give at least one weight above 0',
          es: 'los pesos suman 0; indique al menos un peso mayor que 0',
        },
      );
    }
    return csiOfMeans(means as number[], w, min, max);
  });
}

/**
 * Key-driver table: each question's mean, its correlation with the outcome and its quadrant.
 *
 * @param driver_ratings Answers with one row per respondent and one column per driver question; blanks and text are skipped.
 * @param outcome The overall answer of each respondent (e.g. NPS or overall satisfaction), one per row of driver_ratings.
 * @param driver_names Names of the drivers, one per column (default Driver 1, Driver 2, …).
 * @return A table: Driver, Mean, Correlation, Quadrant (blank correlation and quadrant with fewer than 3 paired answers).
 * @formula Correlation = Pearson r with outcome over rows where both are answered; quadrant by mean ≥ median of means and r ≥ median of correlations: Key strength (≥, ≥), Key weakness (<, ≥), Secondary strength (≥, <), Secondary weakness (<, <).
 * @source Importance–performance analysis (Martilla and James, Journal of Marketing, 1977) with correlation as derived importance.
 * @example =KEY_DRIVERS({5,1;4,2;3,2;2,1}, {10;8;6;4}, {"Speed","Price"})
 * | Driver | Mean | Correlation | Quadrant |
 * | Speed | 3.5 | 1 | Key strength |
 * | Price | 1.5 | 0 | Secondary weakness |
 * @customfunction
 */
export function KEY_DRIVERS(driver_ratings: CellInput, outcome: CellInput, driver_names?: CellInput): CellTable {
  return runFormula('KEY_DRIVERS', (args) => {
    const grid = args.grid(driver_ratings, 'driver_ratings');
    const outcomes = args.grid(outcome, 'outcome').values;
    if (outcomes.length !== grid.rows) {
      throw new KpiError(
        'INCONSISTENT_COUNTS',
        { fn: 'KEY_DRIVERS' },
        {
          en: `driver_ratings has ${grid.rows} rows but outcome has ${outcomes.length} cells; give one outcome per row of driver_ratings`,
          es: `driver_ratings tiene ${grid.rows} filas pero outcome tiene ${outcomes.length} celdas; indique un resultado por fila de driver_ratings`,
        },
      );
    }
    if (grid.values.every((x) => x === null))
      throw new KpiError('NO_VALID_VALUES', { fn: 'KEY_DRIVERS', arg: 'driver_ratings', noun: 'rating' });
    if (outcomes.every((y) => y === null))
      throw new KpiError('NO_VALID_VALUES', { fn: 'KEY_DRIVERS', arg: 'outcome', noun: 'value' });
    const names = omitted(driver_names) ? [] : args.labels(driver_names, 'driver_names');
    if (names.length > 0 && names.length !== grid.columns) {
      throw new KpiError(
        'INCONSISTENT_COUNTS',
        { fn: 'KEY_DRIVERS' },
        {
          en: `driver_names has ${names.length} names but driver_ratings has ${grid.columns} columns; give one name per column`,
          es: `driver_names tiene ${names.length} nombres pero driver_ratings tiene ${grid.columns} columnas; indique un nombre por columna`,
        },
      );
    }
    const out: CellTable = [['Driver', 'Mean', 'Correlation', 'Quadrant']];
    keyDrivers(grid, outcomes).forEach((driver, c) => {
      out.push([names[c] || `Driver ${c + 1}`, driver.mean ?? '', driver.correlation ?? '', driver.quadrant ?? '']);
    });
    return out;
  });
}

/** Any finite number: satisfaction answers on 1–5, 1–10 or 0–10 scales alike. */
const ANY_SCORE: ScoreScale = { min: -Infinity, max: Infinity, integer: false, noun: 'score' };

/**
 * Per customer with two or more answers: previous and latest satisfaction, change and slope.
 *
 * @param customer_ids Customer id of each answer.
 * @param dates Date of each answer (date cells or yyyy-mm-dd text), same size as customer_ids.
 * @param scores Satisfaction answer (any numeric scale), same size; a row whose answer is blank or text is skipped.
 * @return A table: Customer, Responses, Previous, Latest, Change, Slope per 30 days; falling customers first.
 * @formula Answers in date order (same-day answers keep their sheet order, the lower row counting as later); Change = latest − previous; Slope = least-squares slope of score on day × 30 (blank when all answers share one day). Sorted by Change ascending, then customer id (natural order: C2 before C10).
 * @source Ordinary least squares (NIST/SEMATECH e-Handbook of Statistical Methods, 4.1.4.1).
 * @example =SATISFACTION_TREND({"A";"B";"A";"B";"A";"C"}, {"2024-01-01";"2024-01-01";"2024-01-31";"2024-03-01";"2024-03-01";"2024-02-01"}, {8;5;6;9;5;7})
 * | Customer | Responses | Previous | Latest | Change | Slope per 30 days |
 * | A | 3 | 6 | 5 | -1 | -1.5 |
 * | B | 2 | 5 | 9 | 4 | 2 |
 * @customfunction
 */
export function SATISFACTION_TREND(customer_ids: CellInput, dates: CellInput, scores: CellInput): CellTable {
  return runFormula('SATISFACTION_TREND', (args) => {
    const table = args.table([
      { arg: 'customer_ids', input: customer_ids, kind: 'id' },
      { arg: 'dates', input: dates, kind: 'date' },
      { arg: 'scores', input: scores, kind: 'score', scale: ANY_SCORE },
    ]);
    args.requireRows(table.rows.length, 'scores', 'score');
    const trends = satisfactionTrend(...table.columns);
    if (trends.length === 0) {
      throw new KpiError(
        'NOT_ENOUGH_DATA',
        { fn: 'SATISFACTION_TREND' },
        { en: 'no customer has 2 or more answers', es: 'ningún cliente tiene 2 o más respuestas' },
      );
    }
    const out: CellTable = [['Customer', 'Responses', 'Previous', 'Latest', 'Change', 'Slope per 30 days']];
    for (const t of trends) out.push([t.customer, t.responses, t.previous, t.latest, t.change, t.slopePer30Days ?? '']);
    return out;
  });
}

/** An optional argument left out (or a blank single cell). */
function omitted(input: CellInput): boolean {
  return !Array.isArray(input) && isBlank(input);
}
