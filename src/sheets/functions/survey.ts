/**
 * Survey and satisfaction formulas: NPS, its breakdown and confidence interval, categories, CSAT.
 * Thin wrappers: read arguments with the coercion layer, compute with `src/kpi/survey`.
 */
import { KpiError } from '../../errors/catalogue';
import { csatShare } from '../../kpi/survey/csat';
import { npsCategory, npsConfidenceInterval, npsCounts, npsMarginOfError, npsOfCounts, type NpsCategory } from '../../kpi/survey/nps';
import { NPS_SCALE } from '../args';
import type { CellInput, CellOutput, CellTable } from '../cells';
import { runFormula } from '../formula';

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
      throw new KpiError('BAD_ARGUMENT', { fn: 'NPS_CI', arg: 'confidence', value: level }, { en: 'it must be between 0 and 1, such as 0.95', es: 'debe estar entre 0 y 1, como 0.95' });
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
    return args.elementwise([{ arg: 'scores', input: scores, read: (value, row) => {
      const score = read(value, row);
      return score === undefined ? undefined : indexOf[npsCategory(score)];
    } }], ([category]) => labels[categories[category]]);
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
