/**
 * The chrome of the "Function help" sidebar in English and Spanish (the function descriptions
 * come from each declaration's JSDoc, which has both).
 */
import type { UiLanguage } from '../sidebar/strings';

const en = {
  title: 'Function help',
  intro: 'Every Fideliza formula, with an example. Type in a cell, e.g. =NPS(C2:C500).',
  search: 'Search functions',
  searchPlaceholder: 'Search by name or word…',
  count: '{n} of {total} functions',
  none: 'No function matches “{query}”.',
  syntax: 'Syntax',
  arguments: 'Arguments',
  optional: 'optional',
  example: 'Example',
  result: 'Result',
  familySurvey: 'Survey and satisfaction',
  familyRetention: 'Customers and retention',
  familyRevenue: 'Revenue and value',
  familyPredictive: 'Predictive value',
  familyFunnel: 'Funnel and support',
  familyHealth: 'Customer health',
  familyOther: 'Other',
};

/** Keys of the help page's labels. */
export type HelpStringKey = keyof typeof en;

const es: Record<HelpStringKey, string> = {
  title: 'Ayuda de funciones',
  intro: 'Todas las fórmulas de Fideliza, con un ejemplo. Escríbelas en una celda, p. ej. =NPS(C2:C500).',
  search: 'Buscar funciones',
  searchPlaceholder: 'Busca por nombre o palabra…',
  count: '{n} de {total} funciones',
  none: 'Ninguna función coincide con «{query}».',
  syntax: 'Sintaxis',
  arguments: 'Argumentos',
  optional: 'opcional',
  example: 'Ejemplo',
  result: 'Resultado',
  familySurvey: 'Encuestas y satisfacción',
  familyRetention: 'Clientes y retención',
  familyRevenue: 'Ingresos y valor',
  familyPredictive: 'Valor previsto',
  familyFunnel: 'Embudo y soporte',
  familyHealth: 'Salud del cliente',
  familyOther: 'Otras',
};

/** The labels of both languages. */
export const HELP_STRINGS: Readonly<Record<UiLanguage, Readonly<Record<HelpStringKey, string>>>> = { en, es };

/** Family file → label key, in the order the help lists them (as docs/functions.md). */
export const FAMILY_LABELS: Readonly<Record<string, HelpStringKey>> = {
  survey: 'familySurvey',
  retention: 'familyRetention',
  revenue: 'familyRevenue',
  predictive: 'familyPredictive',
  funnel: 'familyFunnel',
  health: 'familyHealth',
};
