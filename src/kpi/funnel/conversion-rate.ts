/**
 * Conversion rate: the share of interactions (visits, leads, trials) that reached a goal.
 */
import { refuse } from '../domain-error';

/**
 * Conversion rate = goals ÷ interactions, in 0 … 1. Counts are ≥ 0 (the caller checks signs).
 * Refuses no interactions (`nothingToConvert`) and more goals than interactions
 * (`goalsAboveInteractions`).
 *
 * @example conversionRate(30, 1200) // 0.025
 */
export function conversionRate(goals: number, interactions: number): number {
  if (interactions === 0) refuse({ code: 'nothingToConvert' });
  if (goals > interactions) refuse({ code: 'goalsAboveInteractions', goals, interactions });
  return goals / interactions;
}
