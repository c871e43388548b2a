/** One export of src/main.ts with its JSDoc (see catalogue.mjs). */
export interface ApiEntry {
  name: string;
  params: string[];
  optional: boolean[];
  customFunction: boolean;
  jsdoc: string;
  description: string;
  paramDocs: { name: string; description: string }[];
  returns: string;
  tags: Record<string, string[]>;
  file: string;
}
export function readApi(root?: string): ApiEntry[];
export function apiProblems(api: ApiEntry[]): string[];
export const CUSTOM_FUNCTION_NAME: RegExp;
