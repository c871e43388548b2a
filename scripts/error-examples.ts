// The "Errors" section of each function in docs/functions.md, produced by running the built bundle:
// every argument of the function's documented example is replaced in turn by typical bad input
// (an error value, text, a negative number, a blank, a shorter range, nothing at all), and the
// distinct messages the function answers with are kept. So the docs show real messages, always
// up to date with the code.
import type { FunctionEntry } from './catalogue.mjs';
import { parseExample, type LiteralArg } from './examples.mjs';
import { loadBundle, Workbook } from '../test/emulator';

/** How many messages are shown per function. */
const MAX_MESSAGES = 6;

type Variant = (arg: LiteralArg) => LiteralArg | typeof SKIP;
const SKIP = Symbol('skip');

function replaceFirstCell(arg: LiteralArg, value: string | number): LiteralArg | typeof SKIP {
  if (Array.isArray(arg)) return arg.map((row, r) => row.map((cell, c) => (r === 0 && c === 0 ? value : cell)));
  return value;
}

const VARIANTS: Variant[] = [
  (arg) => replaceFirstCell(arg, '#N/A'),
  (arg) => replaceFirstCell(arg, 'abc'),
  (arg) => replaceFirstCell(arg, -1),
  (arg) => replaceFirstCell(arg, 1e6),
  (arg) => (Array.isArray(arg) && arg.length > 1 ? arg.slice(0, -1) : SKIP),
  (arg) => (Array.isArray(arg) ? arg.map((row) => row.map(() => '')) : ''),
  () => undefined,
];

/** Function name → distinct error messages for bad input, in English. */
export function errorExamples(functions: FunctionEntry[]): Record<string, string[]> {
  const fx = loadBundle(new Workbook().globals());
  const out: Record<string, string[]> = {};
  for (const entry of functions) {
    const text = entry.examples[0];
    if (!text) continue;
    const example = parseExample(text);
    const messages: string[] = [];
    for (let i = 0; i < example.args.length; i++) {
      for (const variant of VARIANTS) {
        const bad = variant(example.args[i]);
        if (bad === SKIP) continue;
        const args = example.args.slice();
        args[i] = bad;
        try {
          fx[entry.name](...args);
        } catch (error) {
          const message = (error as Error).message;
          if (!messages.includes(message)) messages.push(message);
        }
      }
    }
    out[entry.name] = messages.slice(0, MAX_MESSAGES);
  }
  return out;
}
