/**
 * Survey and satisfaction formulas: NPS, its breakdown, confidence interval, change and trend,
 * categories, CSAT and its change, CES, CSI, key drivers and per-customer satisfaction trends.
 * Each is declared once (parameters, kinds, defaults, bounds) over the maths in `src/kpi/survey`.
 */
import { detail, KpiError } from '../../errors/catalogue';
import { isoOfDay, periodIndex } from '../../kpi/calendar/days';
import { customerEffortScore } from '../../kpi/survey/ces';
import { csatChange, csatShare } from '../../kpi/survey/csat';
import { columnMeans, csiOfMeans } from '../../kpi/survey/csi';
import { keyDrivers } from '../../kpi/survey/key-drivers';
import {
  type NpsCategory,
  npsCategory,
  npsConfidenceInterval,
  npsCounts,
  npsMarginOfError,
  npsOfCounts,
} from '../../kpi/survey/nps';
import { npsChange } from '../../kpi/survey/nps-change';
import { npsTrend } from '../../kpi/survey/nps-trend';
import { satisfactionTrend } from '../../kpi/survey/satisfaction-trend';
import type { CellTable } from '../cells';
import { customFunction, ref } from '../declaration';

/** 0–10 answers to "How likely are you to recommend us?". */
const NPS_ANSWERS = { kind: 'scores', min: 0, max: 10, integer: true } as const;

/** Most rows NPS_TREND returns (a typo in a year would otherwise spill a century of days). */
const MAX_TREND_PERIODS = 50_000;

const CATEGORY_NAMES: Record<'en' | 'es', Record<NpsCategory, string>> = {
  en: { promoter: 'Promoter', passive: 'Passive', detractor: 'Detractor' },
  es: { promoter: 'Promotor', passive: 'Pasivo', detractor: 'Detractor' },
};

/** Ratings 1…scale_max, the scale of CSAT and CSAT_CHANGE (CES's default scale_max differs). */
const RATINGS = { kind: 'ratings', min: 1, max: ref('scale_max'), integer: true } as const;

/** The highest rating of a CSAT scale, 5 unless given. */
const CSAT_SCALE_MAX = { kind: 'integer', default: 5, min: 2, max: 100 } as const;

/** The lowest satisfied rating, scale_max − 1 unless given. */
const SATISFIED_MIN = { kind: 'integer', default: ref('scale_max', -1), min: 1, max: ref('scale_max') } as const;

/** Quadrant names of KEY_DRIVERS' output. */
const QUADRANT_NAMES = {
  keyStrength: 'Key strength',
  keyWeakness: 'Key weakness',
  secondaryStrength: 'Secondary strength',
  secondaryWeakness: 'Secondary weakness',
} as const;

export const SURVEY_FORMULAS = {
  /**
   * Net Promoter Score of 0–10 answers, in points from −100 to 100.
   *
   * @param scores Answers 0–10 to "How likely are you to recommend us?"; blanks and text such as "N/A" are skipped.
   * @return NPS in points.
   * @formula NPS = (promoters − detractors) ÷ responses × 100; promoters answer 9–10, passives 7–8, detractors 0–6.
   * @source F. Reichheld, "The One Number You Need to Grow", Harvard Business Review, December 2003.
   * @example =NPS({10;9;9;8;7;6;3;10})
   * 25
   * @es Net Promoter Score de respuestas de 0 a 10, en puntos de −100 a 100.
   * @esparam scores Respuestas de 0 a 10 a «¿Con qué probabilidad nos recomendarías?»; se omiten los blancos y los
   * textos como "N/A".
   * @customfunction
   */
  NPS: customFunction({
    params: { scores: NPS_ANSWERS },
    compute: ({ scores }) => npsOfCounts(npsCounts(scores)),
  }),

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
   * @es Promotores, pasivos y detractores con su porcentaje, el NPS y su margen de error al 95 %.
   * @esparam scores Respuestas de 0 a 10; se omiten los blancos y los textos.
   * @customfunction
   */
  NPS_BREAKDOWN: customFunction({
    params: { scores: NPS_ANSWERS },
    compute: ({ scores }) => {
      const counts = npsCounts(scores);
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
    },
  }),

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
   * @es Intervalo de confianza del NPS: límite inferior y superior en puntos.
   * @esparam scores Respuestas de 0 a 10; se omiten los blancos y los textos.
   * @esparam confidence Nivel de confianza entre 0 y 1 (por defecto 0.95).
   * @customfunction
   */
  NPS_CI: customFunction({
    params: {
      scores: NPS_ANSWERS,
      confidence: { kind: 'number', default: 0.95, greaterThan: 0, lessThan: 1, hint: 'confidence' },
    },
    compute: ({ scores, confidence }) => [npsConfidenceInterval(npsCounts(scores), confidence)],
  }),

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
   * @es Grupo del NPS de cada respuesta: promotor, pasivo o detractor (un blanco sigue en blanco).
   * @esparam scores Una respuesta de 0 a 10 o un rango de ellas; se calcula celda a celda.
   * @esparam language "en" (por defecto) o "es" para Promotor / Pasivo / Detractor.
   * @customfunction
   */
  NPS_CATEGORY: customFunction({
    elementwise: true,
    params: {
      scores: { kind: 'answer', min: 0, max: 10, integer: true, noun: 'score' },
      language: { kind: 'language' },
    },
    compute: ({ scores, language }) => CATEGORY_NAMES[language][npsCategory(scores)],
  }),

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
   * @es Índice de satisfacción del cliente (CSAT): la parte de valoraciones satisfechas (las dos más altas de 1 a 5).
   * @esparam ratings Valoraciones de 1 a scale_max; se omiten los blancos y los textos.
   * @esparam scale_max Valoración más alta posible (por defecto 5).
   * @esparam satisfied_min Valoración más baja que cuenta como satisfecha (por defecto scale_max − 1).
   * @customfunction
   */
  CSAT: customFunction({
    params: { ratings: RATINGS, scale_max: CSAT_SCALE_MAX, satisfied_min: SATISFIED_MIN },
    compute: ({ ratings, satisfied_min }) => csatShare(ratings, satisfied_min),
  }),

  /**
   * Change of the CSAT between two surveys, with the p-value of the difference.
   *
   * @param ratings_before Ratings 1…scale_max of the earlier survey; blanks and text are skipped.
   * @param ratings_after Ratings 1…scale_max of the later survey; blanks and text are skipped.
   * @param scale_max Highest possible rating (default 5).
   * @param satisfied_min Lowest rating that counts as satisfied (default scale_max − 1).
   * @return A 1×2 row: change of the satisfied share (after − before, a fraction), two-sided p-value.
   * @formula Δ = p₂ − p₁, p = satisfied ÷ ratings; z = Δ ÷ √(p̂(1 − p̂)(1/n₁ + 1/n₂)), p̂ = (s₁ + s₂) ÷ (n₁ + n₂)
   * the pooled share; p-value = 2·(1 − Φ(|z|)), 1 when p̂ is 0 or 1 (both surveys all satisfied or none).
   * @source Pooled two-proportion z-test (Agresti, Franklin & Klingenberg, "Statistics: The Art and Science of
   * Learning from Data", ch. 10); the same p-value as statsmodels' proportions_ztest (5 of 83 against 12 of 99 →
   * 0.1592).
   * @example =CSAT_CHANGE({5;4;3;2}, {5;5;4;3})
   * | 0.25 | 0.4652 |
   * @es Variación del CSAT entre dos encuestas, con el p-valor de la diferencia.
   * @esparam ratings_before Valoraciones de 1 a scale_max de la encuesta anterior; se omiten los blancos y los
   * textos.
   * @esparam ratings_after Valoraciones de 1 a scale_max de la encuesta posterior; se omiten los blancos y los
   * textos.
   * @esparam scale_max Valoración más alta posible (por defecto 5).
   * @esparam satisfied_min Valoración más baja que cuenta como satisfecha (por defecto scale_max − 1).
   * @customfunction
   */
  CSAT_CHANGE: customFunction({
    params: {
      ratings_before: RATINGS,
      ratings_after: RATINGS,
      scale_max: CSAT_SCALE_MAX,
      satisfied_min: SATISFIED_MIN,
    },
    compute: ({ ratings_before, ratings_after, satisfied_min }) => {
      const { difference, pValue } = csatChange(ratings_before, ratings_after, satisfied_min);
      return [[difference, pValue]];
    },
  }),

  /**
   * Customer Effort Score: the mean ease rating, or the share of easy answers.
   *
   * @param ratings Ratings 1…scale_max, higher = easier ("the company made it easy for me": agree); blanks and text
   * are skipped.
   * @param scale_max Highest possible rating (default 7, the CES 2.0 agreement scale).
   * @param method "mean" (default): the mean rating; "top2": the share of ratings ≥ scale_max − 1.
   * @param lower_is_better TRUE when the question asks for effort (lower = easier): each rating r counts as
   * scale_max + 1 − r. Default FALSE.
   * @return The mean rating (1…scale_max) or the share of easy answers (0…1, format the cell as %).
   * @formula mean = Σ r ÷ n; top2 = ratings ≥ scale_max − 1 ÷ n; with lower_is_better each r is first replaced by
   * scale_max + 1 − r.
   * @source M. Dixon, K. Freeman and N. Toman, "Stop Trying to Delight Your Customers", Harvard Business Review, 2010
   * (CES; CEB's CES 2.0 on 1–7); the mean as Nicereply computes it; the share of 4–5 answers of 5 as Delighted's
   * "How is CES calculated?" (10 of 20 agree → 50 %).
   * @example =CES({4;5;6;7;7})
   * 5.8
   * @example =CES({1;2;1;2;1;3;3;3;3;3;4;5;4;5;4;5;4;5;4;5}, 5, "top2")
   * 0.5
   * @example =CES({1;2;2;5}, 5, "mean", TRUE)
   * 3.5
   * @es Índice de esfuerzo del cliente (CES): la valoración media de facilidad o la parte de respuestas fáciles.
   * @esparam ratings Valoraciones de 1 a scale_max, más alta = más fácil («la empresa me lo puso fácil»: de acuerdo);
   * se omiten los blancos y los textos.
   * @esparam scale_max Valoración más alta posible (por defecto 7, la escala de acuerdo de CES 2.0).
   * @esparam method "mean" (por defecto): la valoración media; "top2": la parte de valoraciones ≥ scale_max − 1.
   * @esparam lower_is_better TRUE cuando la pregunta mide el esfuerzo (más baja = más fácil): cada valoración r cuenta
   * como scale_max + 1 − r. Por defecto FALSE.
   * @customfunction
   */
  CES: customFunction({
    params: {
      ratings: RATINGS,
      scale_max: { kind: 'integer', default: 7, min: 2, max: 100 },
      method: {
        kind: 'choice',
        options: {
          mean: 'mean',
          media: 'mean',
          average: 'mean',
          promedio: 'mean',
          top2: 'top2',
          'top 2': 'top2',
          'top-2': 'top2',
        },
        default: 'mean',
        shown: 'mean, top2',
      },
      lower_is_better: { kind: 'boolean', default: false },
    },
    compute: ({ ratings, scale_max, method, lower_is_better }) =>
      customerEffortScore(ratings, scale_max, method, lower_is_better),
  }),

  /**
   * Change of the NPS between two surveys, with the p-value of the difference.
   *
   * @param scores_before Answers 0–10 of the earlier survey; blanks and text are skipped.
   * @param scores_after Answers 0–10 of the later survey; blanks and text are skipped.
   * @return A 1×2 row: change in points (after − before), two-sided p-value.
   * @formula Δ = NPS_after − NPS_before; z = Δ ÷ √(SE_before² + SE_after²), SE = 100·√((p + d − (p − d)²) ÷ n);
   * p-value = 2·(1 − Φ(|z|)). When both SEs are 0 the p-value is 1 if Δ = 0, else 0.
   * @source Normal approximation for two independent NPS estimates (Rocks, "Interval estimation for the net promoter
   * score", The American Statistician, 2016).
   * @example =NPS_CHANGE({10;9;6;3}, {10;10;9;8})
   * | 75 | 0.1687 |
   * @es Cambio del NPS entre dos encuestas, con el p-valor de la diferencia.
   * @esparam scores_before Respuestas de 0 a 10 de la encuesta anterior; se omiten los blancos y los textos.
   * @esparam scores_after Respuestas de 0 a 10 de la encuesta posterior; se omiten los blancos y los textos.
   * @customfunction
   */
  NPS_CHANGE: customFunction({
    params: { scores_before: NPS_ANSWERS, scores_after: NPS_ANSWERS },
    compute: ({ scores_before, scores_after }) => {
      const { change, pValue } = npsChange(npsCounts(scores_before), npsCounts(scores_after));
      return [[change, pValue]];
    },
  }),

  /**
   * NPS per month (or day, week, quarter, year), empty periods included.
   *
   * @param scores Answers 0–10; a row whose answer is blank or text is skipped.
   * @param dates Date of each answer (date cells or yyyy-mm-dd text), same size as scores.
   * @param period "day", "week", "month" (default), "quarter" or "year"; Spanish names work too.
   * @return A table: Period (first day), Responses, Promoters, Passives, Detractors, NPS (blank when no answers).
   * @formula Per period: NPS = (promoters − detractors) ÷ responses × 100; periods run from the first answer's to the
   * last's in the spreadsheet's time zone.
   * @source F. Reichheld, "The One Number You Need to Grow", Harvard Business Review, December 2003.
   * @example =NPS_TREND({10;6;9;8}, {"2024-01-15";"2024-01-20";"2024-03-02";"2024-03-05"})
   * | Period | Responses | Promoters | Passives | Detractors | NPS |
   * | 2024-01-01 | 2 | 1 | 0 | 1 | 0 |
   * | 2024-02-01 | 0 | 0 | 0 | 0 |  |
   * | 2024-03-01 | 2 | 1 | 1 | 0 | 50 |
   * @es NPS por mes (o día, semana, trimestre, año), con los periodos sin respuestas incluidos.
   * @esparam scores Respuestas de 0 a 10; se omite la fila cuya respuesta está en blanco o es texto.
   * @esparam dates Fecha de cada respuesta (celdas de fecha o texto aaaa-mm-dd), del mismo tamaño que scores.
   * @esparam period "día", "semana", "mes" (por defecto), "trimestre" o "año"; también en inglés.
   * @customfunction
   */
  NPS_TREND: customFunction({
    params: {
      scores: { kind: 'answers', min: 0, max: 10, integer: true, noun: 'score' },
      dates: { kind: 'dates' },
      period: { kind: 'period', default: 'month' },
    },
    rowNoun: 'score',
    compute: ({ scores, dates, period }, sheet) => {
      let first = Infinity;
      let last = -Infinity;
      for (const day of dates) {
        if (day < first) first = day;
        if (day > last) last = day;
      }
      const periods = periodIndex(last, period) - periodIndex(first, period) + 1;
      if (periods > MAX_TREND_PERIODS) {
        throw new KpiError(
          'BAD_ARGUMENT',
          { arg: 'period', value: period },
          detail('trendTooManyPeriods', { first: isoOfDay(first), last: isoOfDay(last), periods }),
        );
      }
      const out: CellTable = [['Period', 'Responses', 'Promoters', 'Passives', 'Detractors', 'NPS']];
      for (const { startDay, counts } of npsTrend(scores, dates, period)) {
        const nps = counts.responses > 0 ? npsOfCounts(counts) : '';
        out.push([sheet.date(startDay), counts.responses, counts.promoters, counts.passives, counts.detractors, nps]);
      }
      return out;
    },
  }),

  /**
   * Customer Satisfaction Index from 0 to 100 over several questions, optionally weighted.
   *
   * @param ratings Answers with one row per respondent and one column per question; blanks and text are skipped.
   * @param weights One weight ≥ 0 per question (column); they need not add up to 1. Default: equal weights.
   * @param scale_min Lowest possible rating (default 1).
   * @param scale_max Highest possible rating (default 10).
   * @return The index, 0…100.
   * @formula CSI = Σ wᵢ·(meanᵢ − scale_min) ÷ (scale_max − scale_min) × 100 ÷ Σ wᵢ, meanᵢ the mean answer of
   * question i.
   * @source Rescaled-mean index as in the American Customer Satisfaction Index (Fornell et al., Journal of Marketing,
   * 1996).
   * @example =CSI({8,6;10,4;6,""}, {2,1})
   * 66.67
   * @es Índice de satisfacción del cliente (CSI) de 0 a 100 sobre varias preguntas, ponderado si se quiere.
   * @esparam ratings Respuestas con una fila por persona y una columna por pregunta; se omiten los blancos y los
   * textos.
   * @esparam weights Un peso ≥ 0 por pregunta (columna); no tienen que sumar 1. Por defecto, pesos iguales.
   * @esparam scale_min Valoración más baja posible (por defecto 1).
   * @esparam scale_max Valoración más alta posible (por defecto 10).
   * @customfunction
   */
  CSI: customFunction({
    params: {
      ratings: { kind: 'grid', scale: { min: ref('scale_min'), max: ref('scale_max'), integer: false } },
      weights: { kind: 'numbers', optional: true, nonNegative: true, noun: 'weight' },
      scale_min: { kind: 'number', default: 1 },
      scale_max: { kind: 'number', default: 10, greaterThan: ref('scale_min') },
    },
    compute: ({ ratings, weights, scale_min, scale_max }) => {
      const means = columnMeans(ratings);
      if (means.every((mean) => mean === undefined))
        throw new KpiError('NO_VALID_VALUES', { arg: 'ratings', noun: 'rating' });
      const empty = means.indexOf(undefined);
      if (empty >= 0) throw new KpiError('NOT_ENOUGH_DATA', {}, detail('csiEmptyColumn', { column: empty + 1 }));
      const w = weights ?? means.map(() => 1);
      if (w.length !== means.length) {
        throw new KpiError('INCONSISTENT_COUNTS', {}, detail('csiWeights', { count: w.length, columns: means.length }));
      }
      if (!(w.reduce((sum, x) => sum + x, 0) > 0))
        throw new KpiError('DIVISION_BY_ZERO', {}, detail('weightsAddUpToZero'));
      return csiOfMeans(means as number[], w, scale_min, scale_max);
    },
  }),

  /**
   * Key-driver table: each question's mean, its correlation with the outcome and its quadrant.
   *
   * @param driver_ratings Answers with one row per respondent and one column per driver question; blanks and text are
   * skipped.
   * @param outcome The overall answer of each respondent (e.g. NPS or overall satisfaction), one per row of
   * driver_ratings.
   * @param driver_names Names of the drivers, one per column (default Driver 1, Driver 2, …).
   * @param directions One per column: 1 when a higher answer is better (default), -1 when lower is better (e.g.
   * "likelihood to switch to a competitor"); such a column is reversed before anything else.
   * @return A table: Driver, Mean, Correlation, Quadrant (blank correlation and quadrant with fewer than 3 paired
   * answers).
   * @formula A column with direction -1 is reversed over its observed scale, rating → min + max − rating; Correlation
   * = Pearson r with outcome over rows where both are answered; quadrant by mean ≥ average of the means and r ≥
   * average of the correlations (averages, not medians: with four drivers medians always split two and two): Key
   * strength (≥, ≥), Key weakness (<, ≥), Secondary strength (≥, <), Secondary weakness (<, <).
   * @source Importance–performance analysis (Martilla and James, Journal of Marketing, 1977) with correlation as
   * derived importance.
   * @example =KEY_DRIVERS({5,1;4,2;3,2;2,1}, {10;8;6;4}, {"Speed","Price"})
   * | Driver | Mean | Correlation | Quadrant |
   * | Speed | 3.5 | 1 | Key strength |
   * | Price | 1.5 | 0 | Secondary weakness |
   * @example =KEY_DRIVERS({5,1,4;4,2,3;3,2,2;2,1,5}, {10;8;6;4}, {"Speed","Price","Switch"}, {1,1,-1})
   * | Driver | Mean | Correlation | Quadrant |
   * | Speed | 3.5 | 1 | Key strength |
   * | Price | 1.5 | 0 | Secondary weakness |
   * | Switch | 3.5 | 0.2 | Secondary strength |
   * @es Tabla de factores clave: la media de cada pregunta, su correlación con el resultado y su cuadrante.
   * @esparam driver_ratings Respuestas con una fila por persona y una columna por pregunta; se omiten los blancos y
   * los textos.
   * @esparam outcome La respuesta global de cada persona (p. ej. el NPS o la satisfacción general), una por fila de
   * driver_ratings.
   * @esparam driver_names Nombres de los factores, uno por columna (por defecto Driver 1, Driver 2, …).
   * @esparam directions Una por columna: 1 cuando una respuesta más alta es mejor (por defecto), -1 cuando más baja es
   * mejor (p. ej. «probabilidad de cambiarte a la competencia»); esa columna se invierte antes de nada.
   * @customfunction
   */
  KEY_DRIVERS: customFunction({
    params: {
      driver_ratings: { kind: 'grid' },
      outcome: { kind: 'grid' },
      driver_names: { kind: 'labels', optional: true },
      directions: { kind: 'numbers', optional: true },
    },
    roles: { metrics: 'driver_ratings' },
    compute: ({ driver_ratings: grid, outcome, driver_names, directions }) => {
      const outcomes = outcome.values;
      if (outcomes.length !== grid.rows) {
        throw new KpiError(
          'INCONSISTENT_COUNTS',
          {},
          detail('driverRows', { rows: grid.rows, cells: outcomes.length }),
        );
      }
      if (grid.values.every((x) => x === null))
        throw new KpiError('NO_VALID_VALUES', { arg: 'driver_ratings', noun: 'rating' });
      if (outcomes.every((y) => y === null)) throw new KpiError('NO_VALID_VALUES', { arg: 'outcome', noun: 'value' });
      const names = driver_names ?? [];
      if (names.length > 0 && names.length !== grid.columns) {
        throw new KpiError(
          'INCONSISTENT_COUNTS',
          {},
          detail('driverNames', { names: names.length, columns: grid.columns }),
        );
      }
      const out: CellTable = [['Driver', 'Mean', 'Correlation', 'Quadrant']];
      keyDrivers(grid, outcomes, directions).forEach((driver, c) => {
        const quadrant = driver.quadrant ? QUADRANT_NAMES[driver.quadrant] : '';
        out.push([names[c] || `Driver ${c + 1}`, driver.mean ?? '', driver.correlation ?? '', quadrant]);
      });
      return out;
    },
  }),

  /**
   * Per customer with two or more answers: previous and latest satisfaction, change and slope.
   *
   * @param customer_ids Customer id of each answer.
   * @param dates Date of each answer (date cells or yyyy-mm-dd text), same size as customer_ids.
   * @param scores Satisfaction answer (any numeric scale), same size; a row whose answer is blank or text is skipped.
   * @return A table: Customer, Responses, Previous, Latest, Change, Slope per 30 days; falling customers first.
   * @formula Answers in date order (same-day answers keep their sheet order, the lower row counting as later);
   * Change = latest − previous; Slope = least-squares slope of score on day × 30 (blank when all answers share one
   * day). Sorted by Change ascending, then customer id (natural order: C2 before C10).
   * @source Ordinary least squares (NIST/SEMATECH e-Handbook of Statistical Methods, 4.1.4.1).
   * @example =SATISFACTION_TREND({"A";"B";"A";"B";"A";"C"},
   * {"2024-01-01";"2024-01-01";"2024-01-31";"2024-03-01";"2024-03-01";"2024-02-01"}, {8;5;6;9;5;7})
   * | Customer | Responses | Previous | Latest | Change | Slope per 30 days |
   * | A | 3 | 6 | 5 | -1 | -1.5 |
   * | B | 2 | 5 | 9 | 4 | 2 |
   * @es Por cliente con dos o más respuestas: la satisfacción anterior y la última, el cambio y la pendiente.
   * @esparam customer_ids Identificador del cliente de cada respuesta.
   * @esparam dates Fecha de cada respuesta (celdas de fecha o texto aaaa-mm-dd), del mismo tamaño que customer_ids.
   * @esparam scores Respuesta de satisfacción (cualquier escala numérica), del mismo tamaño; se omite la fila cuya
   * respuesta está en blanco o es texto.
   * @customfunction
   */
  SATISFACTION_TREND: customFunction({
    params: {
      customer_ids: { kind: 'ids' },
      dates: { kind: 'dates' },
      scores: { kind: 'answers', min: -Infinity, max: Infinity, integer: false, noun: 'score' },
    },
    rowNoun: 'score',
    compute: ({ customer_ids, dates, scores }) => {
      const trends = satisfactionTrend(customer_ids, dates, scores);
      if (trends.length === 0) throw new KpiError('NOT_ENOUGH_DATA', {}, detail('noRepeatRespondents'));
      const out: CellTable = [['Customer', 'Responses', 'Previous', 'Latest', 'Change', 'Slope per 30 days']];
      for (const t of trends)
        out.push([t.customer, t.responses, t.previous, t.latest, t.change, t.slopePer30Days ?? '']);
      return out;
    },
  }),
};
