/**
 * The search of the "Function help" sidebar: an entry matches when every word typed appears in its
 * name, description or arguments (English or Spanish), ignoring case and accents, or when the word is
 * a Spanish term of the trade whose English word appears there ("abandono" finds REVENUE_CHURN).
 */
import type { HelpEntry } from './data';

/** Lower case without accents, for matching "satisfacción" with "satisfaccion". */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * Spanish terms of the trade and their English words. Function names are English (CHURN, COHORT…)
 * and a Spanish description may say the same with another word ("pérdida de ingresos" for revenue
 * churn), so a Spanish word also finds the entries that use its English term. English words need no
 * such list: every entry has an English name and description.
 */
const ENGLISH_TERMS: Readonly<Record<string, readonly string[]>> = {
  abandono: ['churn', 'abandonment'],
  bajas: ['churn'],
  retencion: ['retention'],
  ingresos: ['revenue'],
  carrito: ['cart'],
  carritos: ['cart'],
  cohorte: ['cohort'],
  cohortes: ['cohort'],
  pedido: ['order'],
  pedidos: ['order'],
  cliente: ['customer'],
  clientes: ['customer'],
  encuesta: ['survey'],
  encuestas: ['survey'],
  satisfaccion: ['satisfaction'],
  recomendar: ['recommend'],
  recomendacion: ['recommend'],
  salud: ['health'],
  embudo: ['funnel'],
  frecuencia: ['frequency'],
  recompra: ['repeat'],
  suscripcion: ['subscription'],
  suscripciones: ['subscription'],
  margen: ['margin'],
  cumpleanos: ['birthday'],
  segmento: ['segment'],
  prevision: ['forecast', 'predict'],
  prediccion: ['predict'],
};

/** The word and, for a Spanish term, its English words, as search keys. */
function meaningsOf(word: string): readonly string[] {
  return [word, ...(ENGLISH_TERMS[word] ?? [])];
}

/**
 * Whether an entry matches every word of the query, in its name, its description or its arguments,
 * in English or in Spanish, directly or through a Spanish term's English word ("abandono" finds
 * CHURN_RATE, REVENUE_CHURN and CART_ABANDONMENT).
 */
export function matches(entry: HelpEntry, query: string): boolean {
  const words = searchKey(query).split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const haystack = searchKey(
    [
      entry.name,
      entry.name.replace(/_/g, ' '),
      entry.description,
      entry.descriptionEs,
      ...entry.params.map((p) => `${p.name} ${p.description} ${p.descriptionEs}`),
    ].join(' '),
  );
  return words.every((word) => meaningsOf(word).some((term) => haystack.includes(term)));
}
