import type { ApiEntry } from './catalogue.mjs';
import type { HelpEntry } from '../src/ui/help/data';
export function helpEntries(api: ApiEntry[]): HelpEntry[];
export function inlineJson(value: unknown): string;
export function buildHtml(root: string, api?: ApiEntry[]): Promise<Record<'Sidebar.html' | 'Help.html', string>>;
