// Reads the public API of the add-on from the TypeScript source: every export of src/main.ts with
// its parameters and JSDoc. One source of truth for the Apps Script wrappers (build.mjs), the
// function reference (docs/functions.md) and the in-product function help.
import ts from 'typescript';
import path from 'node:path';

/**
 * @typedef {{ name: string, description: string }} ParamDoc
 * @typedef {{
 *   name: string, params: string[], optional: boolean[], customFunction: boolean, jsdoc: string,
 *   description: string, paramDocs: ParamDoc[], returns: string, tags: Record<string, string[]>, file: string
 * }} ApiEntry
 */

/** Text of a JSDoc tag comment, with the leading "- " some authors write removed. */
function tagText(tag) {
  return (ts.getTextOfJSDocComment(tag.comment) ?? '').replace(/^-\s*/, '').trim();
}

/**
 * Every export of the entry module, in source order.
 * @param {string} root project root
 * @returns {ApiEntry[]}
 */
export function readApi(root = process.cwd()) {
  const entry = path.join(root, 'src/main.ts');
  const program = ts.createProgram([entry], {
    target: ts.ScriptTarget.ES2019,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`cannot read ${entry}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) return [];
  const entries = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.declarations?.find(ts.isFunctionDeclaration);
    if (!declaration) {
      if (symbol.flags & (ts.SymbolFlags.Type | ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)) continue;
      throw new Error(
        `src/main.ts exports ${exported.name}, which is not a function declaration: only functions can become Apps Script globals`,
      );
    }
    const file = declaration.getSourceFile();
    const text = file.getFullText();
    const comments = ts.getLeadingCommentRanges(text, declaration.getFullStart()) ?? [];
    const docRange = [...comments].reverse().find((c) => text.slice(c.pos, c.pos + 3) === '/**');
    const jsdoc = docRange ? text.slice(docRange.pos, docRange.end) : '';
    const docs = ts.getJSDocCommentsAndTags(declaration).filter(ts.isJSDoc);
    const doc = docs[docs.length - 1];
    const description = doc ? (ts.getTextOfJSDocComment(doc.comment) ?? '').trim() : '';
    const tags = {};
    const paramDocs = [];
    let returns = '';
    for (const tag of doc?.tags ?? []) {
      const tagName = tag.tagName.text;
      if (ts.isJSDocParameterTag(tag)) {
        paramDocs.push({ name: tag.name.getText(), description: tagText(tag) });
      } else if (tagName === 'return' || tagName === 'returns') {
        returns = tagText(tag);
      } else {
        // Keep line breaks of multi-line tags (examples hold tables).
        const raw = typeof tag.comment === 'string' ? tag.comment : (ts.getTextOfJSDocComment(tag.comment) ?? '');
        (tags[tagName] ??= []).push(raw.trim());
      }
    }
    entries.push({
      name: exported.name,
      params: declaration.parameters.map((p) => p.name.getText()),
      optional: declaration.parameters.map((p) => Boolean(p.questionToken || p.initializer)),
      customFunction: 'customfunction' in tags,
      jsdoc,
      description,
      paramDocs,
      returns,
      tags,
      file: path.relative(root, file.fileName),
    });
  }
  return entries;
}

/** Names Sheets accepts for a custom function: letters, digits and `_`, not ending in `_`. */
export const CUSTOM_FUNCTION_NAME = /^[A-Z][A-Z0-9_]*[A-Z0-9]$/;

/**
 * Problems that would make Sheets hide or mis-document a function; empty when the API is sound.
 * @param {ApiEntry[]} api
 * @returns {string[]}
 */
export function apiProblems(api) {
  const problems = [];
  for (const entry of api) {
    const where = `${entry.name} (${entry.file})`;
    if (!entry.jsdoc) problems.push(`${where}: no JSDoc block`);
    if (!entry.description) problems.push(`${where}: JSDoc has no description`);
    if (!entry.customFunction) continue;
    if (!CUSTOM_FUNCTION_NAME.test(entry.name))
      problems.push(`${where}: custom function names are UPPER_SNAKE and do not end in _`);
    if (entry.description.includes('\n'))
      problems.push(`${where}: the description must be one short sentence on one line`);
    const documented = entry.paramDocs.map((p) => p.name);
    if (documented.join(',') !== entry.params.join(',')) {
      problems.push(
        `${where}: @param tags (${documented.join(', ')}) do not match the parameters (${entry.params.join(', ')})`,
      );
    }
    for (const p of entry.paramDocs) if (!p.description) problems.push(`${where}: @param ${p.name} has no description`);
    if (!entry.tags.example?.length) problems.push(`${where}: no @example`);
  }
  return problems;
}
