// Builds the two sidebars as self-contained HTML files (no external scripts, styles or fonts):
//   Sidebar.html  the report wizard: src/ui/sidebar/main.ts bundled by esbuild to an IIFE and
//                 inlined with src/ui/sidebar/sidebar.css into the page template src/ui/sidebar/page.html
//   Help.html     "Function help": src/ui/help/main.ts, its CSS, and the formula catalogue read from
//                 the JSDoc (the same source as docs/functions.md) embedded as JSON
// build.mjs calls buildHtml() and writes the files to dist/ with the bundle.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { readCatalogue, syntaxOf } from './catalogue.mjs';
import { describeParam } from './params.mjs';
import { parseExample } from './examples.mjs';

/** APIs that could turn text into markup: the sidebars never use them (data stays text). */
const FORBIDDEN = [
  'innerHTML',
  'outerHTML',
  'insertAdjacentHTML',
  'document.write',
  'createContextualFragment',
  'srcdoc',
];

/** Bundles one client entry to a minified IIFE, safe to inline in a `<script>` element. */
async function clientScript(root, entry) {
  const result = await esbuild.build({
    entryPoints: [path.join(root, entry)],
    write: false,
    bundle: true,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    charset: 'utf8',
    legalComments: 'none',
    minify: true,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
  for (const name of FORBIDDEN)
    if (code.includes(name))
      throw new Error(`build-html: ${entry} uses ${name}; render data with textContent/createElement`);
  if (code.includes('<!--')) throw new Error(`build-html: ${entry} contains "<!--", which breaks an inline <script>`);
  return code;
}

/** Minifies CSS files into one inline-safe string. */
async function styles(root, files) {
  const css = files.map((file) => fs.readFileSync(path.join(root, file), 'utf8')).join('\n');
  const result = await esbuild.transform(css, { loader: 'css', minify: true, charset: 'utf8' });
  if (/<\/style/i.test(result.code)) throw new Error('build-html: CSS contains "</style"');
  return result.code;
}

/** Fills the `/*@NAME@*\/` markers of a template (each must appear exactly once). */
function fillTemplate(template, parts) {
  let html = template;
  for (const [name, text] of Object.entries(parts)) {
    const marker = `/*@${name}@*/`;
    const at = html.indexOf(marker);
    if (at < 0 || html.indexOf(marker, at + 1) >= 0)
      throw new Error(`build-html: template needs exactly one ${marker}`);
    html = html.slice(0, at) + text + html.slice(at + marker.length);
  }
  return html;
}

/**
 * The "Function help" catalogue: every custom function with its family, descriptions (English and
 * Spanish), syntax (optional arguments in brackets), arguments with what each accepts, and parsed
 * examples.
 * @param {import('./catalogue.mjs').FunctionEntry[]} functions
 */
export function helpEntries(functions) {
  return functions.map((fn) => ({
    name: fn.name,
    family: fn.family,
    description: fn.description,
    descriptionEs: fn.descriptionEs,
    syntax: syntaxOf(fn),
    params: fn.params.map((p) => ({
      name: p.name,
      description: p.doc,
      descriptionEs: p.docEs,
      optional: p.optional,
      accepts: describeParam(p.spec, 'en', fn.elementwise),
      acceptsEs: describeParam(p.spec, 'es', fn.elementwise),
    })),
    examples: fn.examples.map((text) => {
      const example = parseExample(text);
      return { formula: example.formula, result: example.expected };
    }),
  }));
}

/** JSON for a `<script type="application/json">` element: `<` escaped so `</script` cannot end it. */
export function inlineJson(value) {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Both sidebars as file name → HTML text.
 * @param {string} root project root
 * @param {import('./catalogue.mjs').FunctionEntry[]} [functions] the custom functions (read when omitted)
 */
export async function buildHtml(root, functions) {
  functions ??= (await readCatalogue(root)).functions;
  const page = fs.readFileSync(path.join(root, 'src/ui/sidebar/page.html'), 'utf8');
  const sidebar = fillTemplate(page, {
    CSS: await styles(root, ['src/ui/sidebar/sidebar.css']),
    DATA: '',
    JS: await clientScript(root, 'src/ui/sidebar/main.ts'),
  });
  const help = fillTemplate(page, {
    CSS: await styles(root, ['src/ui/sidebar/sidebar.css', 'src/ui/help/help.css']),
    DATA: `<script type="application/json" id="functions-data">${inlineJson(helpEntries(functions))}</script>`,
    JS: await clientScript(root, 'src/ui/help/main.ts'),
  });
  return { 'Sidebar.html': sidebar, 'Help.html': help };
}
