/**
 * The data of the "Function help" sidebar, made at build time by scripts/build-html.mjs from the
 * JSDoc of the custom functions (the same source as docs/functions.md) and embedded in the page.
 */

/** One argument of a formula. */
export interface HelpParam {
  name: string;
  description: string;
  descriptionEs: string;
  optional: boolean;
  /** What it accepts (kind, bounds, default), derived from the declaration. */
  accepts: string;
  acceptsEs: string;
}

/** One example: the formula as typed in Sheets and the result it gives (rows of cells). */
export interface HelpExample {
  formula: string;
  result: string[][];
}

/** One formula of the catalogue. */
export interface HelpEntry {
  name: string;
  /** Family key (survey, retention, …) as src/sheets/functions/catalogue.ts lists them. */
  family: string;
  /** One sentence in English, and in Spanish. */
  description: string;
  descriptionEs: string;
  /** `NAME(a, [b])`, optional arguments in brackets. */
  syntax: string;
  params: HelpParam[];
  examples: HelpExample[];
}
