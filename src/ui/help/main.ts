/**
 * The "Function help" sidebar: every formula with its syntax, description, arguments and example,
 * filtered as the user types. The catalogue is embedded in the page as JSON at build time
 * (scripts/build-html.mjs); the page's language comes from `?lang=` or `<html data-lang>`.
 */
import { h, pageLanguageTag, replaceChildren } from '../sidebar/dom';
import { fill } from '../../report/fill';
import { languageOf, type UiLanguage } from '../sidebar/strings';
import type { HelpEntry } from './data';
import { matches } from './filter';
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

function exampleBlock(entry: HelpEntry, t: (key: HelpStringKey) => string): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const example of entry.examples) {
    out.push(h('h4', {}, t('example')), h('code', { class: 'formula' }, example.formula));
    const rows = example.result;
    if (rows.length === 1 && rows[0].length === 1) {
      out.push(h('p', { class: 'result' }, `${t('result')}: `, h('code', {}, rows[0][0])));
    } else {
      const body = h('tbody', {});
      for (const row of rows) body.appendChild(h('tr', {}, ...row.map((cell) => h('td', {}, cell))));
      out.push(
        h('p', { class: 'result' }, `${t('result')}:`),
        h(
          'div',
          {
            class: 'table-wrap',
            attrs: { role: 'region', tabindex: '0', 'aria-label': `${entry.name} — ${t('result')}` },
          },
          h('table', {}, body),
        ),
      );
    }
  }
  return out;
}

function entryArticle(entry: HelpEntry, t: (key: HelpStringKey) => string, language: UiLanguage): HTMLElement {
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
        h('span', { class: 'accepts' }, spanish ? param.acceptsEs : param.accepts),
      ),
    );
  }
  return h(
    'article',
    { class: 'fn', attrs: { id: `fn-${entry.name}`, 'data-name': entry.name } },
    h('h3', {}, entry.name),
    h('p', { class: 'description' }, spanish ? entry.descriptionEs : entry.description),
    h('h4', {}, t('syntax')),
    h('code', { class: 'syntax' }, entry.syntax),
    entry.params.length ? h('h4', {}, t('arguments')) : null,
    entry.params.length ? params : null,
    ...exampleBlock(entry, t),
  );
}

function boot(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const language: UiLanguage = languageOf(pageLanguageTag());
  const t = (key: HelpStringKey) => HELP_STRINGS[language][key];
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
    const articles = members.map((entry) => ({ entry, article: entryArticle(entry, t, language) }));
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
