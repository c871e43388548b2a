import type { FunctionEntry } from './catalogue.mjs';
export function renderFunctionsDoc(functions: FunctionEntry[], errors?: Record<string, string[]>): string;
export function writeFunctionsDoc(
  functions: FunctionEntry[],
  errors: Record<string, string[]>,
  check?: boolean,
): boolean;
