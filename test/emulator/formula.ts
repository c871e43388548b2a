/**
 * A cell that calls a custom function, computed as Sheets computes it, for the arguments a user
 * types: references (`B2:B9`, `Surveys!C2:C500`), numbers, "text", TRUE/FALSE, and the volatile
 * `TODAY()`/`NOW()`. What Google documents: a reference arrives as a plain value (one cell) or a
 * 2-D array; a volatile argument is not allowed and the cell shows *Loading…* indefinitely; a thrown
 * error shows `#ERROR!` with the message. What Google does not document — a referenced cell that
 * holds an error value (`#N/A`) — is the workbook's `errorArguments` switch:
 *
 * - `asText`: the function is called and the error cell arrives as its text (`"#N/A"`);
 * - `notCalled`: the function is not called and the cell shows the first error referenced.
 */
import type { EmuValue } from './entry';

/** How Sheets passes a referenced error value to a custom function (not documented). */
export type ErrorArguments = 'asText' | 'notCalled';

/** What the cell shows. */
export type FormulaResult =
  | { kind: 'value'; value: unknown }
  | { kind: 'error'; error: string; message?: string }
  | { kind: 'loading' };

/** The Sheets error values a cell can hold. */
const ERROR_VALUES = ['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#ERROR!'];

/** Splits `a, "b,c", C2:C9` at the top-level commas. */
function splitArguments(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === '(') depth++;
    if (!quoted && ch === ')') depth--;
    if (!quoted && depth === 0 && ch === ',') {
      out.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  if (current.trim() !== '' || out.length) out.push(current.trim());
  return out;
}

const REFERENCE = /^(?:'(?:[^']|'')+'!|[A-Za-z_][\w.]*!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?$/;
const VOLATILE = /\b(TODAY|NOW|RAND|RANDBETWEEN|HOY|AHORA)\s*\(/i;

/**
 * Computes `=NAME(arguments)` with the bundle's global `NAME`. `read(a1)` gives the values of a
 * reference as Sheets passes them.
 */
export function evaluateCustomFunction(
  formula: string,
  globals: Record<string, unknown>,
  read: (a1: string) => EmuValue | EmuValue[][],
  errorArguments: ErrorArguments,
): FormulaResult {
  const call = /^=\s*([A-Za-z_][\w.]*)\s*\(([\s\S]*)\)\s*$/.exec(formula);
  if (!call) throw new Error(`not a custom function call: ${formula}`);
  const fn = globals[call[1].toUpperCase()];
  if (typeof fn !== 'function') return { kind: 'error', error: '#NAME?', message: `Unknown function: '${call[1]}'.` };
  if (VOLATILE.test(call[2])) return { kind: 'loading' };
  const args: unknown[] = [];
  for (const text of splitArguments(call[2])) {
    if (REFERENCE.test(text)) {
      const value = read(text);
      const errors = (Array.isArray(value) ? value.flat() : [value]).filter(
        (v): v is string => typeof v === 'string' && ERROR_VALUES.includes(v),
      );
      if (errors.length && errorArguments === 'notCalled') return { kind: 'error', error: errors[0] };
      args.push(value);
    } else if (/^".*"$/s.test(text)) args.push(text.slice(1, -1).replace(/""/g, '"'));
    else if (/^(TRUE|FALSE)$/i.test(text)) args.push(text.toUpperCase() === 'TRUE');
    else if (text === '') args.push(undefined);
    else if (Number.isFinite(Number(text))) args.push(Number(text));
    else throw new Error(`argument not emulated: ${text}`);
  }
  while (args.length && args[args.length - 1] === undefined) args.pop();
  try {
    return { kind: 'value', value: (fn as (...a: unknown[]) => unknown)(...args) };
  } catch (error) {
    return { kind: 'error', error: '#ERROR!', message: (error as Error).message };
  }
}
