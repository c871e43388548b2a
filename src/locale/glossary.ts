/**
 * One term per idea, in English, the Spanish of Spain and the Spanish of Mexico. Every label the
 * user reads — the report, the wizard, the messages, the Function help — uses these terms and none
 * of the ones each entry lists to avoid (test/docs/glossary.test.ts checks them all). The Spanish
 * labels are written once, in Spain's terms; a Mexican spreadsheet (es_MX) gets them with the
 * Mexican term wherever it differs ({@link mexicanSpanish}). The voice is "tú" everywhere, as
 * Google's own Spanish interface speaks.
 */

/** One idea and how each variety names it. */
export interface GlossaryEntry {
  idea: string;
  en: string;
  es: string;
  mx: string;
  /** Other names of the same idea that must not appear, per language. */
  avoid?: { en?: string[]; es?: string[] };
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    idea: 'customer churn',
    en: 'churn',
    es: 'abandono',
    mx: 'abandono',
    avoid: { es: ['cancelación de clientes', 'tasa de bajas de clientes'] },
  },
  {
    idea: 'cart abandonment',
    en: 'cart abandonment',
    es: 'abandono de carrito',
    mx: 'abandono de carrito',
    avoid: { es: ['carritos abandonados'] },
  },
  { idea: 'retention', en: 'retention', es: 'retención', mx: 'retención' },
  { idea: 'revenue', en: 'revenue', es: 'ingresos', mx: 'ingresos', avoid: { es: ['ventas totales'] } },
  { idea: 'order', en: 'order', es: 'pedido', mx: 'pedido', avoid: { es: ['orden de compra'] } },
  {
    idea: 'average order value',
    en: 'average order value',
    es: 'valor medio del pedido',
    mx: 'ticket promedio',
    avoid: { es: ['ticket medio', 'pedido medio'] },
  },
  { idea: 'cost', en: 'cost', es: 'coste', mx: 'costo' },
  { idea: 'profit', en: 'profit', es: 'beneficio', mx: 'utilidad', avoid: { es: ['rentabilidad por cliente'] } },
  {
    idea: 'lifetime value',
    en: 'lifetime value',
    es: 'valor de vida del cliente',
    mx: 'valor de vida del cliente',
    avoid: { en: ['historic LTV', 'predicted CLV'], es: ['LTV histórico', 'CLV previsto', 'valor del ciclo de vida'] },
  },
  { idea: 'customer', en: 'customer', es: 'cliente', mx: 'cliente' },
  { idea: 'survey', en: 'survey', es: 'encuesta', mx: 'encuesta' },
  { idea: 'answer', en: 'answer', es: 'respuesta', mx: 'respuesta' },
  { idea: 'satisfaction', en: 'satisfaction', es: 'satisfacción', mx: 'satisfacción' },
  { idea: 'period', en: 'period', es: 'periodo', mx: 'periodo', avoid: { es: ['período'] } },
  { idea: 'email', en: 'email', es: 'correo', mx: 'correo', avoid: { es: ['e-mail', 'email'] } },
  { idea: 'spreadsheet', en: 'spreadsheet', es: 'hoja de cálculo', mx: 'hoja de cálculo' },
  { idea: 'report', en: 'report', es: 'informe', mx: 'informe', avoid: { es: ['reporte'] } },
  { idea: 'percentage points', en: 'pp', es: 'p. p.', mx: 'p. p.', avoid: { es: ['puntos porcentuales'] } },
  { idea: 'value at stake', en: 'at stake', es: 'en juego', mx: 'en juego' },
  { idea: 'win back', en: 'win back', es: 'recuperar', mx: 'recuperar' },
  { idea: 'within noise', en: 'within noise', es: 'dentro del ruido', mx: 'dentro del ruido' },
  { idea: 'significant', en: 'significant', es: 'significativo', mx: 'significativo' },
  { idea: 'promoter', en: 'promoter', es: 'promotor', mx: 'promotor' },
  { idea: 'detractor', en: 'detractor', es: 'detractor', mx: 'detractor' },
  { idea: 'cohort', en: 'cohort', es: 'cohorte', mx: 'cohorte' },
];

/** Spanish forms of address that are "usted": the labels speak "tú". */
export const USTED_FORMS: readonly string[] = [
  'usted',
  'ustedes',
  'su hoja',
  'sus datos',
  'compruebe',
  'revise',
  'escriba',
  'indique',
  'corrija',
  'déjela',
  'elija',
  'elíjala',
  'elíjalo',
  'abra',
  'ábrala',
  'cierre',
  'pulse',
  'vuelva',
  'inténtelo',
  'añada',
  'use',
  'notifíquelo',
  'seleccione',
  'cambie',
  'quite',
  'borre',
  'libere',
  'genere',
  'espere',
  'asegúrese',
  'corríjalas',
  'corríjala',
  'recuerde',
  'puede usted',
];

/** Terms that differ in Mexico, Spain's first: ["coste", "costo"], … (whole words, any case of the first letter). */
const MEXICAN_TERMS: readonly (readonly [string, string])[] = GLOSSARY.filter((e) => e.mx !== e.es).map(
  (e) => [e.es, e.mx] as const,
);

function replaceTerms(text: string): string {
  let out = text;
  for (const [spain, mexico] of MEXICAN_TERMS) {
    const first = spain[0];
    const pattern = new RegExp(`(^|[^\\p{L}])([${first}${first.toUpperCase()}])${spain.slice(1)}(?![\\p{L}])`, 'gu');
    out = out.replace(
      pattern,
      (_m, before: string, initial: string) =>
        before + (initial === first ? mexico : mexico[0].toUpperCase() + mexico.slice(1)),
    );
  }
  return out;
}

/** A Spanish text, or a structure of texts, with the Mexican term wherever Mexico says it otherwise. */
export function mexicanSpanish<T>(value: T): T {
  if (typeof value === 'string') return replaceTerms(value) as T;
  if (Array.isArray(value)) return value.map((item) => mexicanSpanish(item)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = mexicanSpanish(item);
    return out as T;
  }
  return value;
}

/** Whether a spreadsheet locale speaks Mexican Spanish. */
export function isMexicanSpanish(locale: string | undefined): boolean {
  return /^es[_-](MX|US)$/i.test(locale ?? '');
}
