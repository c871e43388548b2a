/**
 * The search of the "Function help" sidebar: an entry matches when every word typed appears in its
 * name, description or arguments (English or Spanish), ignoring case and accents.
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
 * Whether an entry matches every word of the query, in its name, its description or its arguments,
 * in English or in Spanish ("abandono" finds CHURN_RATE).
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
  return words.every((word) => haystack.includes(word));
}
