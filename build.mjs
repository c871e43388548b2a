// Builds the Apps Script project into dist/:
//   fideliza.js        what every execution loads (src/main.ts): the custom functions and the menu,
//                      bundled by esbuild as one IIFE behind `var Fideliza`
//   ReportModule.html  the report module (src/main-report.ts: the wizard's endpoints and the report),
//                      bundled the same way, gzipped and base64-encoded; loaded on demand by
//                      src/ui/report-module.ts, so custom-function cells never parse it
//   globals.js         one top-level `function NAME(args)` per custom function (from its declaration and
//                      JSDoc) and per other export of the two entries, delegating to the bundle (Sheets
//                      only lists custom functions declared at top level with `@customfunction`, which
//                      esbuild cannot emit)
//   appsscript.json
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { catalogueProblems, GLOBAL_ENTRIES, readCatalogue } from './scripts/catalogue.mjs';
import { buildHtml } from './scripts/build-html.mjs';

const root = path.dirname(new URL(import.meta.url).pathname);
const dist = path.join(root, 'dist');
export const GLOBAL_NAME = 'Fideliza';
/** The report module's IIFE name while it is built (the file holds the IIFE as an expression). */
const REPORT_MODULE_NAME = 'FidelizaReport';
/** Project file of the report module (src/ui/report-module.ts `REPORT_MODULE_FILE`). */
const REPORT_MODULE_FILE = 'ReportModule.html';

/** Built-ins the bundle reads often, bound once as locals of the IIFE. */
const BUILT_INS = [
  'Math',
  'Number',
  'String',
  'Object',
  'Array',
  'Map',
  'Set',
  'Date',
  'Intl',
  'Error',
  'RangeError',
  'isFinite',
  'isNaN',
  'Int8Array',
  'Int32Array',
  'Float64Array',
  'JSON',
];

/**
 * Binds the built-ins as locals at the top of the IIFE. In a Node `vm` context (how the tests and
 * benchmarks run the bundle, like gas-local) every global lookup goes through the context's
 * interceptor and costs ~100× a local one; in Apps Script the locals are equally harmless. Without
 * this, vm timings would measure the test harness rather than the add-on.
 */
function bindBuiltIns(code, globalName) {
  const head = `var ${globalName}=(()=>{`;
  const at = code.indexOf(head);
  if (at < 0 || code.indexOf(head, at + 1) >= 0)
    throw new Error('build: unexpected bundle prologue, cannot bind built-ins');
  const locals = `var ${BUILT_INS.map((name) => `${name}=globalThis.${name}`).join(',')};`;
  return code.slice(0, at + head.length) + locals + code.slice(at + head.length);
}

/** One line of a JSDoc block (text wrapped by Sheets, not by us). */
const docLine = (text) => ` * ${text}`;

/**
 * The wrapper of a custom function: the description and arguments Sheets' formula helper shows
 * (`@return`, `@example` and the rest are not shown, so they stay in the source and the docs).
 */
function customFunctionWrapper(fn) {
  const names = fn.params.map((p) => p.name);
  const doc = [
    '/**',
    docLine(fn.description),
    ' *',
    ...fn.params.map((p) => docLine(`@param ${p.name} ${p.doc}`)),
    ' * @customfunction',
    ' */',
  ];
  return `${doc.join('\n')}\nfunction ${fn.name}(${names.join(', ')}) {\n  return ${GLOBAL_NAME}.runCustomFunction('${fn.name}', [${names.join(', ')}]);\n}\n`;
}

/** The wrapper of another global (menu handler, sidebar endpoint), with its JSDoc as written. */
function globalWrapper(entry) {
  const params = entry.params.join(', ');
  const call =
    entry.module === 'report'
      ? `${GLOBAL_NAME}.runReportEndpoint('${entry.name}', [${params}])`
      : `${GLOBAL_NAME}.${entry.name}(${params})`;
  return `${entry.jsdoc}\nfunction ${entry.name}(${params}) {\n  return ${call};\n}\n`;
}

/** Bundles one entry as an IIFE behind `var globalName`, with the built-ins bound as locals. */
async function bundleEntry(entry, globalName) {
  const bundle = await esbuild.build({
    entryPoints: [path.join(root, entry)],
    write: false,
    bundle: true,
    format: 'iife',
    globalName,
    target: 'es2019',
    platform: 'neutral',
    charset: 'utf8',
    legalComments: 'none',
    // Whitespace, syntax and local names are minified; function and class names are kept (keepNames),
    // so stack traces in Apps Script's logs still name the function that failed.
    minify: true,
    keepNames: true,
    logLevel: 'warning',
  });
  return bindBuiltIns(bundle.outputFiles[0].text, globalName);
}

/**
 * The report module as its project file holds it: strict code ending with the IIFE as an expression
 * statement (so a global `eval` returns the module), gzipped, in base64 (no character HTML could read
 * as markup).
 */
function packReportModule(code) {
  const head = `"use strict";var ${REPORT_MODULE_NAME}=`;
  if (!code.startsWith(head)) throw new Error('build: unexpected report module prologue');
  // strict code whose last statement is the IIFE: the eval's completion value is the module
  const expression = `"use strict";${code.slice(head.length).trimEnd().replace(/;$/, '')}`;
  return zlib.gzipSync(Buffer.from(expression, 'utf8'), { level: 9 }).toString('base64');
}

async function build() {
  const api = await readCatalogue(root);
  const problems = catalogueProblems(api);
  if (problems.length) {
    console.error(
      `The public API is not declared and documented as Sheets and the docs need it:\n  ${problems.join('\n  ')}`,
    );
    process.exit(1);
  }

  fs.mkdirSync(dist, { recursive: true });

  const outputs = {
    'fideliza.js': await bundleEntry(GLOBAL_ENTRIES.main, GLOBAL_NAME),
    [REPORT_MODULE_FILE]: packReportModule(await bundleEntry(GLOBAL_ENTRIES.report, REPORT_MODULE_NAME)),
  };

  const header = `// Generated by build.mjs from the declarations and JSDoc of src/ — do not edit.\n// Each function delegates to the bundle (fideliza.js); they work whichever file loads first.\n\n`;
  outputs['globals.js'] =
    header + [...api.functions.map(customFunctionWrapper), ...api.globals.map(globalWrapper)].join('\n');
  outputs['appsscript.json'] = fs.readFileSync(path.join(root, 'appsscript.json'), 'utf8');
  Object.assign(outputs, await buildHtml(root, api.functions)); // the sidebars: Sidebar.html, Help.html

  // Each file is replaced atomically (write, then rename), so a test loading dist/ while another
  // build runs never sees half a file; files no longer produced are removed.
  for (const [file, text] of Object.entries(outputs)) {
    const temp = path.join(dist, `.${file}.${process.pid}.tmp`);
    fs.writeFileSync(temp, text);
    fs.renameSync(temp, path.join(dist, file));
  }
  for (const file of fs.readdirSync(dist))
    if (!(file in outputs) && !file.startsWith('.')) fs.rmSync(path.join(dist, file), { recursive: true, force: true });

  const sizes = fs
    .readdirSync(dist)
    .map((file) => `${file} ${(fs.statSync(path.join(dist, file)).size / 1024).toFixed(1)} KiB`);
  console.log(
    `dist/: ${sizes.join(', ')} — ${api.functions.length} custom functions, ${api.globals.length} other globals`,
  );
}

await build();
