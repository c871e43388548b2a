/**
 * The "Function help" sidebar: every formula with its syntax, description, arguments and example,
 * filtered as the user types. The catalogue is embedded in the page as JSON at build time
 * (scripts/build-html.mjs). The page's language comes from `?lang=` or `<html data-lang>` (the
 * user's); the punctuation of the examples from `?locale=` or `<html data-locale>` (the spreadsheet's
 * locale, set by the menu action): `=CHURN_RATE(200; 190; 40)` → `0,25` in es_ES.
 */
import { h, pageLanguageTag, replaceChildren } from '../sidebar/dom';
import { fill } from '../../report/fill';
import { languageOf, type UiLanguage } from '../sidebar/strings';
import type { HelpEntry } from './data';
import { matches } from './filter';
import {
  type FormulaSyntax,
  formulaSyntaxOf,
  localizeDecimalsInText,
  localizeFormula,
  localizeNumberText,
} from '../../locale/formula-syntax';
import { FAMILY_LABELS, HELP_STRINGS, type HelpStringKey } from './strings';

function readEntries(): HelpEntry[] {
  const script = document.getElementById('functions-data');
  try {
    const data = JSON.parse(script?.textContent ?? '[]') as unknown;
    return Array.isArray(data) ? (data as HelpEntry[]) : [];
  } catch {
    return [];
  }
}

/** The spreadsheet's locale the page was served for: `?locale=` first, then `<html data-locale>`. */
function pageLocale(): string {
  return (
    new URLSearchParams(location.search).get('locale') || document.documentElement.getAttribute('data-locale') || ''
  );
}

function exampleBlock(entry: HelpEntry, t: (key: HelpStringKey) => string, syntax: FormulaSyntax): HTMLElement[] {
  const out: HTMLElement[] = [];
  const cell = (text: string) => localizeNumberText(text, syntax);
  entry.examples.forEach((example, index) => {
    // Regions need distinct names: the second table result of a function is "… — Result 2".
    const resultName = entry.examples.length > 1 ? `${t('result')} ${index + 1}` : t('result');
    out.push(h('h4', {}, t('example')), h('code', { class: 'formula' }, localizeFormula(example.formula, syntax)));
    const rows = example.result;
    if (rows.length === 1 && rows[0].length === 1) {
      out.push(h('p', { class: 'result' }, `${t('result')}: `, h('code', {}, cell(rows[0][0]))));
    } else {
      const body = h('tbody', {});
      for (const row of rows) body.appendChild(h('tr', {}, ...row.map((text) => h('td', {}, cell(text)))));
      out.push(
        h('p', { class: 'result' }, `${t('result')}:`),
        h(
          'div',
          {
            class: 'table-wrap',
            attrs: { role: 'region', tabindex: '0', 'aria-label': `${entry.name} — ${resultName}` },
          },
          h('table', {}, body),
        ),
      );
    }
  });
  return out;
}

function entryArticle(
  entry: HelpEntry,
  t: (key: HelpStringKey) => string,
  language: UiLanguage,
  syntax: FormulaSyntax,
): HTMLElement {
  const spanish = language === 'es';
  const params = h('dl', { class: 'params' });
  for (const param of entry.params) {
    params.appendChild(
      h(
        'dt',
        {},
        h('code', {}, param.name),
        param.optional ? h('span', { class: 'optional' }, ` (${t('optional')})`) : null,
      ),
    );
    params.appendChild(
      h(
        'dd',
        {},
        spanish ? param.descriptionEs : param.description,
        h('span', { class: 'accepts' }, localizeDecimalsInText(spanish ? param.acceptsEs : param.accepts, syntax)),
      ),
    );
  }
  return h(
    'article',
    { class: 'fn', attrs: { id: `fn-${entry.name}`, 'data-name': entry.name } },
    h('h3', {}, entry.name),
    h('p', { class: 'description' }, spanish ? entry.descriptionEs : entry.description),
    h('h4', {}, t('syntax')),
    h('code', { class: 'syntax' }, localizeFormula(entry.syntax, syntax)),
    entry.params.length ? h('h4', {}, t('arguments')) : null,
    entry.params.length ? params : null,
    ...exampleBlock(entry, t, syntax),
  );
}

function boot(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const language: UiLanguage = languageOf(pageLanguageTag());
  const t = (key: HelpStringKey) => HELP_STRINGS[language][key];
  const syntax = formulaSyntaxOf(pageLocale());
  document.documentElement.lang = language;
  document.title = `Fideliza — ${t('title')}`;
  const entries = readEntries();

  const search = h('input', {
    attrs: {
      type: 'search',
      id: 'search',
      placeholder: t('searchPlaceholder'),
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-controls': 'functions',
    },
  });
  const count = h('p', { class: 'count', attrs: { id: 'count', role: 'status', 'aria-live': 'polite' } });
  const none = h('p', { class: 'none', attrs: { id: 'none', hidden: true } });
  const list = h('div', { attrs: { id: 'functions' } });

  const families = new Map<string, HelpEntry[]>();
  for (const key of Object.keys(FAMILY_LABELS)) families.set(key, []);
  for (const entry of entries) {
    const key = entry.family in FAMILY_LABELS ? entry.family : 'other';
    if (!families.has(key)) families.set(key, []);
    (families.get(key) as HelpEntry[]).push(entry);
  }
  const sections: { section: HTMLElement; articles: { entry: HelpEntry; article: HTMLElement }[] }[] = [];
  for (const [key, members] of families) {
    if (!members.length) continue;
    const articles = members.map((entry) => ({ entry, article: entryArticle(entry, t, language, syntax) }));
    const section = h(
      'section',
      { class: 'family', attrs: { 'data-family': key } },
      h('h2', {}, t(FAMILY_LABELS[key] ?? 'familyOther')),
      ...articles.map((a) => a.article),
    );
    sections.push({ section, articles });
    list.appendChild(section);
  }

  const filter = () => {
    const query = search.value;
    let shown = 0;
    for (const { section, articles } of sections) {
      let inSection = 0;
      for (const { entry, article } of articles) {
        const match = matches(entry, query);
        article.hidden = !match;
        if (match) inSection++;
      }
      section.hidden = inSection === 0;
      shown += inSection;
    }
    count.textContent = fill(HELP_STRINGS[language].count, { n: shown, total: entries.length });
    none.hidden = shown > 0;
    none.textContent = shown > 0 ? '' : fill(HELP_STRINGS[language].none, { query: query.trim() });
  };
  search.addEventListener('input', filter);

  replaceChildren(
    root,
    h(
      'header',
      { class: 'help-header' },
      h('h1', {}, t('title')),
      h('p', { class: 'intro' }, t('intro')),
      h('label', { class: 'sr-only', attrs: { for: 'search' } }, t('search')),
      search,
      count,
    ),
    none,
    list,
  );
  filter();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
