export type LiteralArg = string | number | boolean | (string | number | boolean)[][] | undefined;
export interface Example {
  formula: string;
  name: string;
  args: LiteralArg[];
  expected: string[][];
}
export function parseExample(text: string): Example;
