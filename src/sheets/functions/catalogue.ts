/**
 * Every custom function, by family (the order docs/functions.md and the Function help list them).
 * A function's name is its key; its declaration and JSDoc live in its family's file.
 */
import type { FormulaDeclaration } from '../declaration';
import { FUNNEL_FORMULAS } from './funnel';
import { HEALTH_FORMULAS } from './health';
import { PREDICTIVE_FORMULAS } from './predictive';
import { RETENTION_FORMULAS } from './retention';
import { REVENUE_FORMULAS } from './revenue';
import { SURVEY_FORMULAS } from './survey';

/** The families, in the order the docs and the help show them. */
export const FAMILIES = {
  survey: SURVEY_FORMULAS,
  retention: RETENTION_FORMULAS,
  revenue: REVENUE_FORMULAS,
  predictive: PREDICTIVE_FORMULAS,
  funnel: FUNNEL_FORMULAS,
  health: HEALTH_FORMULAS,
};

/** Every custom function by name. */
export const FORMULAS: Readonly<Record<string, FormulaDeclaration>> = {
  ...SURVEY_FORMULAS,
  ...RETENTION_FORMULAS,
  ...REVENUE_FORMULAS,
  ...PREDICTIVE_FORMULAS,
  ...FUNNEL_FORMULAS,
  ...HEALTH_FORMULAS,
} as Record<string, FormulaDeclaration>;
