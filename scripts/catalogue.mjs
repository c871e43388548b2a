// The public API of the add-on, read once for the build, the docs, the Function help and the tests:
//   - the custom functions: their declarations (src/sheets/functions/*.ts, the runtime objects:
//     parameters, kinds, defaults, bounds, element-wise or not) joined with the JSDoc above each
//     declaration (descriptions in English and Spanish, @param/@esparam, @return, @formula,
//     @source, @example);
//   - the other globals: every function exported by src/main.ts (menu) and src/main-report.ts (sidebar
//     endpoints), with its JSDoc. Exports tagged @bundle (the runners the wrappers call) get no global of
//     their own.
import path from 'node:path';
import ts from 'typescript';

/**
 * @typedef {{ kind: string, optional?: boolean, default?: unknown, [key: string]: unknown }} ParamSpec
 * @typedef {{ name: string, spec: ParamSpec, optional: boolean, doc: string, docEs: string }} ParamEntry
 * @typedef {{
 *   name: string, family: string, file: string, elementwise: boolean, params: ParamEntry[],
 *   description: string, descriptionEs: string, returns: string, formula: string[], source: string[],
 *   examples: string[], remarks: string[]
 * }} FunctionEntry
 * @typedef {{ name: string, module: 'main' | 'report', params: string[], jsdoc: string, description: string,
 *   file: string }} GlobalEntry
 * @typedef {{ description: string, returns: string, tags: Record<string, string[]>, paramDocs: Record<string, string>,
 *   paramDocsEs: Record<string, string>, file: string }} DocBlock
 */

/** Names Sheets accepts for a custom function: letters, digits and `_`, not ending in `_`. */
export const CUSTOM_FUNCTION_NAME = /^[A-Z][A-Z0-9_]*[A-Z0-9]$/;

/** Folds a JSDoc text's wrapped lines into one line (examples keep their lines). */
const oneLine = (text) => text.replace(/\s*\n\s*/g, ' ').trim();

/** The raw text of a JSDoc tag comment (line breaks kept). */
function tagText(tag) {
  const raw = typeof tag.comment === 'string' ? tag.comment : (ts.getTextOfJSDocComment(tag.comment) ?? '');
  return raw.replace(/^-\s*/, '').trim();
}

/** Reads the last JSDoc block of a node. */
function docBlock(node, file) {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const doc = docs[docs.length - 1];
  /** @type {DocBlock} */
  const block = { description: '', returns: '', tags: {}, paramDocs: {}, paramDocsEs: {}, file };
  if (!doc) return undefined;
  block.description = oneLine(ts.getTextOfJSDocComment(doc.comment) ?? '');
  for (const tag of doc.tags ?? []) {
    const name = tag.tagName.text;
    if (ts.isJSDocParameterTag(tag)) block.paramDocs[tag.name.getText()] = oneLine(tagText(tag));
    else if (name === 'return' || name === 'returns') block.returns = oneLine(tagText(tag));
    else if (name === 'esparam') {
      const text = oneLine(tagText(tag));
      const at = text.indexOf(' ');
      block.paramDocsEs[at < 0 ? text : text.slice(0, at)] = at < 0 ? '' : text.slice(at + 1).trim();
    } else {
      const text = tagText(tag);
      (block.tags[name] ??= []).push(name === 'example' ? text : oneLine(text));
    }
  }
  return block;
}

/**
 * The JSDoc of every custom-function declaration (`NAME: customFunction({...})` in a family object
 * of src/sheets/functions/) by name.
 * @param {string} root project root
 * @returns {Map<string, DocBlock>}
 */
export function readFunctionDocs(root = process.cwd()) {
  const out = new Map();
  const folder = path.join(root, 'src/sheets/functions');
  for (const file of ts.sys.readDirectory(folder, ['.ts'])) {
    const text = ts.sys.readFile(file) ?? '';
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2019, true);
    const visit = (node) => {
      if (ts.isPropertyAssignment(node) && ts.isCallExpression(node.initializer)) {
        const callee = node.initializer.expression.getText(source);
        if (callee === 'customFunction') {
          const block = docBlock(node, path.relative(root, file));
          if (block) out.set(node.name.getText(source), block);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

/**
 * The files whose exported functions become globals: the bundle every execution loads, and the report
 * module, loaded only by the executions that call one of its globals (src/ui/report-module.ts).
 */
export const GLOBAL_ENTRIES = { main: 'src/main.ts', report: 'src/main-report.ts' };

/**
 * Every function exported by the entries (GLOBAL_ENTRIES) except those tagged @bundle, with its JSDoc:
 * these become globals (menu handlers, sidebar endpoints). `module` says which entry exports it.
 * @param {string} root project root
 * @returns {GlobalEntry[]}
 */
export function readGlobals(root = process.cwd()) {
  const entries = Object.entries(GLOBAL_ENTRIES).map(([module, file]) => ({ module, file: path.join(root, file) }));
  const program = ts.createProgram(
    entries.map((e) => e.file),
    {
      target: ts.ScriptTarget.ES2019,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    },
  );
  const checker = program.getTypeChecker();
  const out = [];
  for (const entry of entries) {
    const source = program.getSourceFile(entry.file);
    if (!source) throw new Error(`cannot read ${entry.file}`);
    const moduleSymbol = checker.getSymbolAtLocation(source);
    for (const exported of moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : []) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declaration = symbol.declarations?.find(ts.isFunctionDeclaration);
      if (!declaration) {
        if (symbol.flags & (ts.SymbolFlags.Type | ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)) continue;
        throw new Error(
          `${path.relative(root, entry.file)} exports ${exported.name}, which is not a function declaration`,
        );
      }
      const file = declaration.getSourceFile();
      const text = file.getFullText();
      const comments = ts.getLeadingCommentRanges(text, declaration.getFullStart()) ?? [];
      const docRange = [...comments].reverse().find((c) => text.slice(c.pos, c.pos + 3) === '/**');
      const jsdoc = docRange ? text.slice(docRange.pos, docRange.end) : '';
      if (/@bundle\b/.test(jsdoc)) continue;
      const block = docBlock(declaration, path.relative(root, file.fileName));
      out.push({
        name: exported.name,
        module: entry.module,
        params: declaration.parameters.map((p) => p.name.getText()),
        jsdoc,
        description: block?.description ?? '',
        file: path.relative(root, file.fileName),
      });
    }
  }
  return out;
}

/** Whether a declared parameter may be left out (as src/sheets/declaration.ts `isOptional`). */
function isOptional(spec) {
  if (spec.kind === 'period' || spec.kind === 'language' || spec.kind === 'boolean') return true;
  return spec.optional === true || spec.default !== undefined;
}

/**
 * The custom functions: each family's declarations (runtime objects) joined with their JSDoc.
 * @param {Record<string, Record<string, { params: Record<string, ParamSpec>, elementwise?: boolean }>>} families
 * @param {Map<string, DocBlock>} docs
 * @returns {FunctionEntry[]}
 */
export function describeFunctions(families, docs) {
  const out = [];
  for (const [family, members] of Object.entries(families)) {
    for (const [name, declaration] of Object.entries(members)) {
      const doc = docs.get(name);
      out.push({
        name,
        family,
        file: doc?.file ?? '',
        elementwise: declaration.elementwise === true,
        params: Object.entries(declaration.params).map(([param, spec]) => ({
          name: param,
          spec,
          optional: isOptional(spec),
          doc: doc?.paramDocs[param] ?? '',
          docEs: doc?.paramDocsEs[param] ?? '',
        })),
        description: doc?.description ?? '',
        descriptionEs: oneLine(doc?.tags.es?.[0] ?? ''),
        returns: doc?.returns ?? '',
        formula: doc?.tags.formula ?? [],
        source: doc?.tags.source ?? [],
        examples: doc?.tags.example ?? [],
        remarks: doc?.tags.remarks ?? [],
        documentedParams: doc ? Object.keys(doc.paramDocs) : [],
        documentedParamsEs: doc ? Object.keys(doc.paramDocsEs) : [],
      });
    }
  }
  return out;
}

/**
 * Loads the declarations (the runtime objects of src/sheets/functions/catalogue.ts) in Node.
 * @param {string} root project root
 */
export async function loadFamilies(root = process.cwd()) {
  const { tsImport } = await import('tsx/esm/api');
  const module = await tsImport(path.join(root, 'src/sheets/functions/catalogue.ts'), import.meta.url);
  return module.FAMILIES;
}

/**
 * The whole public API: custom functions and other globals.
 * @param {string} root project root
 * @returns {Promise<{ functions: FunctionEntry[], globals: GlobalEntry[] }>}
 */
export async function readCatalogue(root = process.cwd()) {
  return { functions: describeFunctions(await loadFamilies(root), readFunctionDocs(root)), globals: readGlobals(root) };
}

/**
 * Problems that would make Sheets hide or mis-document a function, or leave a user without a doc or a
 * Spanish text; empty when the API is sound.
 * @param {{ functions: FunctionEntry[], globals: GlobalEntry[] }} api
 * @returns {string[]}
 */
export function catalogueProblems(api) {
  const problems = [];
  for (const fn of api.functions) {
    const where = `${fn.name} (${fn.file || 'no JSDoc found'})`;
    if (!CUSTOM_FUNCTION_NAME.test(fn.name))
      problems.push(`${where}: custom function names are UPPER_SNAKE and do not end in _`);
    if (!fn.description) problems.push(`${where}: JSDoc has no description`);
    if (!fn.descriptionEs) problems.push(`${where}: no Spanish description (@es)`);
    else if (fn.descriptionEs === fn.description)
      problems.push(`${where}: the Spanish description (@es) repeats the English one`);
    const declared = fn.params.map((p) => p.name).join(', ');
    if (fn.documentedParams.join(', ') !== declared) {
      problems.push(
        `${where}: @param tags (${fn.documentedParams.join(', ')}) do not match the declaration (${declared})`,
      );
    }
    if (fn.documentedParamsEs.join(', ') !== declared) {
      problems.push(
        `${where}: @esparam tags (${fn.documentedParamsEs.join(', ')}) do not match the declaration (${declared})`,
      );
    }
    for (const p of fn.params) {
      if (!p.doc) problems.push(`${where}: @param ${p.name} has no description`);
      if (!p.docEs) problems.push(`${where}: @esparam ${p.name} has no description`);
    }
    if (!fn.returns) problems.push(`${where}: no @return`);
    if (!fn.formula.length) problems.push(`${where}: no @formula`);
    if (!fn.source.length) problems.push(`${where}: no @source`);
    if (!fn.examples.length) problems.push(`${where}: no @example`);
  }
  for (const g of api.globals) {
    if (!g.jsdoc) problems.push(`${g.name} (${g.file}): no JSDoc block`);
    if (!g.description) problems.push(`${g.name} (${g.file}): JSDoc has no description`);
  }
  const names = [...api.functions.map((f) => f.name), ...api.globals.map((g) => g.name)];
  for (const name of new Set(names))
    if (names.indexOf(name) !== names.lastIndexOf(name)) problems.push(`${name}: declared twice`);
  return problems;
}

/** `NAME(a, [b])`: the syntax line, optional arguments in brackets. */
export function syntaxOf(fn) {
  return `${fn.name}(${fn.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')})`;
}
