// Parses the `@example` blocks of the JSDoc: a first line with a formula written as in Sheets
// (array literals `{1;2;3}`, "text", TRUE/FALSE, numbers, empty arguments) and the expected result
// below it — one line for a single value, markdown rows `| a | b |` for a table. The docs show them
// and a test runs every one through the built bundle.

/**
 * @typedef {string | number | boolean | (string | number | boolean)[][] | undefined} LiteralArg
 * @typedef {{ formula: string, name: string, args: LiteralArg[], expected: string[][] }} Example
 */

/** Splits `text` at top-level `sep` characters (outside quotes and braces). */
function splitTopLevel(text, seps) {
  const parts = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '{') depth++;
    else if (!quoted && ch === '}') depth--;
    else if (!quoted && depth === 0 && seps.includes(ch)) {
      parts.push({ text: text.slice(start, i), sep: ch });
      start = i + 1;
    }
  }
  parts.push({ text: text.slice(start), sep: '' });
  return parts;
}

function scalar(token) {
  const t = token.trim();
  if (t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1).replace(/""/g, '"');
  if (/^TRUE$/i.test(t)) return true;
  if (/^FALSE$/i.test(t)) return false;
  if (t === '') return '';
  const n = Number(t);
  if (!Number.isNaN(n)) return n;
  throw new Error(`cannot read the literal ${token}`);
}

/** One argument: an array literal `{a,b;c,d}`, a scalar, or undefined when left empty. */
function literal(token) {
  const t = token.trim();
  if (t === '') return undefined;
  if (t.startsWith('{')) {
    if (!t.endsWith('}')) throw new Error(`unclosed array literal ${token}`);
    const rows = [[]];
    for (const part of splitTopLevel(t.slice(1, -1), [',', ';'])) {
      rows[rows.length - 1].push(scalar(part.text));
      if (part.sep === ';') rows.push([]);
    }
    return rows;
  }
  return scalar(t);
}

/**
 * Parses one `@example` tag text. The formula may run over several lines (a long range literal is
 * wrapped in the source): it ends on the line that closes its parentheses; a line ending in `,`
 * continues after a space, any other without one. A result row of a table may run over several
 * lines too: a row line that does not end with `|` continues on the next.
 */
export function parseExample(text) {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  let formula = lines[0] ?? '';
  let next = 1;
  const open = (f) => [...f].reduce((depth, ch) => depth + (ch === '(' ? 1 : ch === ')' ? -1 : 0), 0);
  while (open(formula) > 0 && next < lines.length) {
    formula += (formula.endsWith(',') ? ' ' : '') + lines[next];
    next++;
  }
  const m = /^=([A-Z][A-Z0-9_]*)\((.*)\)$/.exec(formula);
  if (!m) throw new Error(`an @example must start with a formula like =NAME(...): ${formula}`);
  const args = m[2].trim() === '' ? [] : splitTopLevel(m[2], [',']).map((p) => literal(p.text));
  while (args.length && args[args.length - 1] === undefined) args.pop();
  const rows = [];
  for (let i = next; i < lines.length; i++) {
    let line = lines[i];
    while (line.startsWith('|') && !line.endsWith('|') && i + 1 < lines.length) line += ` ${lines[++i]}`;
    rows.push(line);
  }
  const expected = rows.map((line) =>
    line.startsWith('|')
      ? line
          .replace(/^\|/, '')
          .replace(/\|$/, '')
          .split('|')
          .map((c) => c.trim())
      : [line],
  );
  if (!expected.length) throw new Error(`an @example needs its expected result below the formula: ${formula}`);
  return { formula, name: m[1], args, expected };
}
