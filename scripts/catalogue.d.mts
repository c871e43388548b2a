import type { FormulaDeclaration, ParamSpec } from '../src/sheets/declaration';

/** One parameter of a custom function: its declaration and its docs in both languages. */
export interface ParamEntry {
  name: string;
  spec: ParamSpec;
  optional: boolean;
  doc: string;
  docEs: string;
}

/** One custom function: its declaration joined with its JSDoc (see catalogue.mjs). */
export interface FunctionEntry {
  name: string;
  family: string;
  file: string;
  elementwise: boolean;
  params: ParamEntry[];
  description: string;
  descriptionEs: string;
  returns: string;
  formula: string[];
  source: string[];
  examples: string[];
  remarks: string[];
  documentedParams: string[];
  documentedParamsEs: string[];
}

/** Another global (menu handler, sidebar endpoint) with its JSDoc. */
export interface GlobalEntry {
  name: string;
  /** Which entry exports it: the bundle every execution loads, or the report module loaded on demand. */
  module: 'main' | 'report';
  params: string[];
  jsdoc: string;
  description: string;
  file: string;
}

/** What a JSDoc block says. */
export interface DocBlock {
  description: string;
  returns: string;
  tags: Record<string, string[]>;
  paramDocs: Record<string, string>;
  paramDocsEs: Record<string, string>;
  file: string;
}

export const CUSTOM_FUNCTION_NAME: RegExp;
export function readFunctionDocs(root?: string): Map<string, DocBlock>;
/** The files whose exported functions become globals, by module. */
export const GLOBAL_ENTRIES: { main: string; report: string };
export function readGlobals(root?: string): GlobalEntry[];
export function describeFunctions(
  families: Record<string, Record<string, FormulaDeclaration>>,
  docs: Map<string, DocBlock>,
): FunctionEntry[];
export function loadFamilies(root?: string): Promise<Record<string, Record<string, FormulaDeclaration>>>;
export function readCatalogue(root?: string): Promise<{ functions: FunctionEntry[]; globals: GlobalEntry[] }>;
export function catalogueProblems(api: { functions: FunctionEntry[]; globals: GlobalEntry[] }): string[];
export function syntaxOf(fn: FunctionEntry): string;
