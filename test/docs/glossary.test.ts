/**
 * One voice and one vocabulary (issue 13): every text a user reads — the report's labels, the
 * wizard, the menu, the Function help, every message of the error catalogue, the formulas'
 * Spanish descriptions, the listing — follows the glossary (src/locale/glossary.ts): no term it
 * says to avoid, Spanish in "tú", and Mexico's terms in a Mexican spreadsheet.
 */
import { describe, expect, it } from 'vitest';
import { readFunctionDocs } from '../../scripts/catalogue.mjs';
import { DETAILS, ERROR_CATALOGUE, type ErrorCode, renderError } from '../../src/errors/catalogue';
import { GLOSSARY, USTED_FORMS } from '../../src/locale/glossary';
import { reportLabels } from '../../src/report/labels';
import { HELP_STRINGS } from '../../src/ui/help/strings';
import { MENU } from '../../src/ui/menu';
import { UI_STRINGS } from '../../src/ui/sidebar/strings';
import { readFileSync } from 'node:fs';

/** Every string inside a value (objects, arrays, strings). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Placeholder parameters for every template (numbers, names): only the wording is checked. */
const PARAMS = new Proxy({} as Record<string, unknown>, {
  get: (_target, key) =>
    key === 'noun' ? 'value' : typeof key === 'string' && /^n\d?$|row|count|min|max/.test(key) ? 3 : 'x',
  has: () => true,
});

function catalogueTexts(language: 'en' | 'es'): string[] {
  const out: string[] = [];
  for (const code of Object.keys(ERROR_CATALOGUE) as ErrorCode[])
    out.push(renderError(code, { ...PARAMS } as never, language));
  for (const detail of Object.values(DETAILS) as Record<'en' | 'es', (p: unknown) => string>[])
    out.push(detail[language](PARAMS));
  return out;
}

const docs = [...readFunctionDocs().values()];

/** The texts a user reads, by language. */
const TEXTS = {
  en: [
    ...strings(reportLabels('en')),
    ...strings(UI_STRINGS.en),
    ...strings(MENU.en),
    ...strings(HELP_STRINGS.en),
    ...catalogueTexts('en'),
    readFileSync(new URL('../../docs/listing/en.md', import.meta.url), 'utf8'),
  ],
  es: [
    ...strings(reportLabels('es')),
    ...strings(UI_STRINGS.es),
    ...strings(MENU.es),
    ...strings(HELP_STRINGS.es),
    ...catalogueTexts('es'),
    ...docs.flatMap((d) => [...(d.tags.es ?? []), ...Object.values(d.paramDocsEs)]),
    readFileSync(new URL('../../docs/listing/es.md', import.meta.url), 'utf8'),
  ],
};

const word = (term: string) =>
  new RegExp(`(^|[^\\p{L}])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'iu');

describe('the glossary', () => {
  it('reads every text it should: a few thousand of them', () => {
    expect(TEXTS.en.length).toBeGreaterThan(300);
    expect(TEXTS.es.length).toBeGreaterThan(300);
  });

  for (const entry of GLOSSARY) {
    it(`${entry.idea}: “${entry.en}” / “${entry.es}” / “${entry.mx}”, and none of the terms to avoid`, () => {
      for (const language of ['en', 'es'] as const) {
        for (const avoided of entry.avoid?.[language] ?? []) {
          const found = TEXTS[language].filter((text) => word(avoided).test(text));
          expect(found, `${language}: “${avoided}”`).toEqual([]);
        }
      }
      // Where the English texts name the idea, the Spanish ones name it with the glossary's term.
      if (TEXTS.en.some((text) => word(entry.en).test(text)))
        expect(
          TEXTS.es.some((text) => word(entry.es).test(text)),
          entry.es,
        ).toBe(true);
    });
  }

  it('speaks “tú” in Spanish: no “usted” form anywhere', () => {
    const found = TEXTS.es.flatMap((text) =>
      USTED_FORMS.filter((form) => word(form).test(text)).map((form) => `${form}: ${text.slice(0, 100)}`),
    );
    expect(found).toEqual([]);
  });

  it('gives a Mexican spreadsheet Mexico’s terms, and Spain’s terms to Spain', () => {
    const spain = strings(reportLabels('es', 'es_ES'));
    const mexico = strings(reportLabels('es', 'es_MX'));
    expect(mexico).toHaveLength(spain.length);
    for (const entry of GLOSSARY.filter((e) => e.mx !== e.es)) {
      expect(
        mexico.filter((text) => word(entry.es).test(text)),
        `es_MX: “${entry.es}”`,
      ).toEqual([]);
      expect(
        spain.filter((text) => word(entry.mx).test(text)),
        `es_ES: “${entry.mx}”`,
      ).toEqual([]);
      expect(
        mexico.some((text) => word(entry.mx).test(text)),
        `es_MX uses “${entry.mx}”`,
      ).toBe(true);
    }
    expect(mexico).toContain(reportLabels('es', 'es_MX').kpis.aov[0]);
    expect(reportLabels('es', 'es_MX').kpis.aov[0]).toBe('Ticket promedio');
    expect(reportLabels('es', 'es_MX').fields.cost).toBe('costo');
  });
});
