import type { FunctionEntry } from './catalogue.mjs';
import type { HelpEntry } from '../src/ui/help/data';
export function helpEntries(functions: FunctionEntry[]): HelpEntry[];
export function inlineJson(value: unknown): string;
export function buildHtml(
  root: string,
  functions?: FunctionEntry[],
): Promise<Record<'Sidebar.html' | 'Help.html', string>>;
