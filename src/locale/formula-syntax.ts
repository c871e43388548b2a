/**
 * How a spreadsheet's locale writes formulas and numbers. Google Sheets has two syntaxes, chosen by
 * the spreadsheet's locale (File ▸ Settings), not by the user's language:
 *
 * - comma locales (en_US, es_MX, …): `=CHURN_RATE(200, 190, 40)`, `0.25`, array literal `{1,2;3,4}`;
 * - semicolon locales (es_ES, most of Europe and South America): `=CHURN_RATE(200; 190; 40)`,
 *   `0,25`, array literal `{1\2;3\4}` (columns split by `\`, rows still by `;`).
 *
 * Used by the Function help (examples in the spreadsheet's syntax) and by the custom functions'
 * error messages (numbers they suggest, with the spreadsheet's decimal mark).
 */

/** The two formula syntaxes of Google Sheets. */
export type FormulaStyle = 'comma' | 'semicolon';

/** Punctuation of one syntax. */
export interface FormulaSyntax {
  style: FormulaStyle;
  /** Between function arguments: `,` or `;`. */
  argumentSeparator: ',' | ';';
  /** Between the columns of an array literal: `,` or `\`. */
  arrayColumnSeparator: ',' | '\\';
  /** In numbers: `.` or `,`. */
  decimalMark: '.' | ',';
}

const SYNTAXES: Readonly<Record<FormulaStyle, FormulaSyntax>> = {
  comma: { style: 'comma', argumentSeparator: ',', arrayColumnSeparator: ',', decimalMark: '.' },
  semicolon: { style: 'semicolon', argumentSeparator: ';', arrayColumnSeparator: '\\', decimalMark: ',' },
};

/**
 * The 72 locales of File ▸ Settings ▸ Locale in Google Sheets and the syntax of each: the 28 comma
 * locales and the 44 semicolon ones as listed in the Stack Overflow answer "locale differences in
 * google sheets (documentation missing pages)" (question 73767719, 19 Sep 2022). The codes are the
 * ones `Spreadsheet.getSpreadsheetLocale()` returns (Google keeps the legacy `iw` for Hebrew and
 * `in` for Indonesian).
 */
export const SHEETS_LOCALES: readonly (readonly [code: string, style: FormulaStyle, settingsName: string])[] = [
  ['en_US', 'comma', 'United States'],
  ['en_AU', 'comma', 'Australia'],
  ['en_CA', 'comma', 'Canada (English)'],
  ['en_GB', 'comma', 'United Kingdom'],
  ['en_IE', 'comma', 'Ireland'],
  ['en_IN', 'comma', 'India'],
  ['bn_IN', 'comma', 'India (Bangla)'],
  ['gu_IN', 'comma', 'India (Gujarati)'],
  ['kn_IN', 'comma', 'India (Kannada)'],
  ['ml_IN', 'comma', 'India (Malayalam)'],
  ['mr_IN', 'comma', 'India (Marathi)'],
  ['pa_IN', 'comma', 'India (Punjabi)'],
  ['ta_IN', 'comma', 'India (Tamil)'],
  ['te_IN', 'comma', 'India (Telugu)'],
  ['cy_GB', 'comma', 'United Kingdom (Welsh)'],
  ['de_CH', 'comma', 'Switzerland'],
  ['es_MX', 'comma', 'Mexico'],
  ['ar_EG', 'comma', 'Egypt'],
  ['iw_IL', 'comma', 'Israel'],
  ['fil_PH', 'comma', 'Philippines'],
  ['ja_JP', 'comma', 'Japan'],
  ['ko_KR', 'comma', 'South Korea'],
  ['zh_CN', 'comma', 'China'],
  ['zh_HK', 'comma', 'Hong Kong'],
  ['zh_TW', 'comma', 'Taiwan'],
  ['th_TH', 'comma', 'Thailand'],
  ['mn_MN', 'comma', 'Mongolia'],
  ['my_MM', 'comma', 'Myanmar (Burma)'],
  ['es_ES', 'semicolon', 'Spain'],
  ['ca_ES', 'semicolon', 'Spain (Catalan)'],
  ['es_AR', 'semicolon', 'Argentina'],
  ['es_BO', 'semicolon', 'Bolivia'],
  ['es_CL', 'semicolon', 'Chile'],
  ['es_CO', 'semicolon', 'Colombia'],
  ['es_EC', 'semicolon', 'Ecuador'],
  ['es_PY', 'semicolon', 'Paraguay'],
  ['es_UY', 'semicolon', 'Uruguay'],
  ['es_VE', 'semicolon', 'Venezuela'],
  ['pt_BR', 'semicolon', 'Brazil'],
  ['pt_PT', 'semicolon', 'Portugal'],
  ['de_DE', 'semicolon', 'Germany'],
  ['fr_FR', 'semicolon', 'France'],
  ['fr_CA', 'semicolon', 'Canada (French)'],
  ['it_IT', 'semicolon', 'Italy'],
  ['nl_NL', 'semicolon', 'Netherlands'],
  ['da_DK', 'semicolon', 'Denmark'],
  ['fi_FI', 'semicolon', 'Finland'],
  ['nb_NO', 'semicolon', 'Norway (Bokmål)'],
  ['nn_NO', 'semicolon', 'Norway (Nynorsk)'],
  ['sv_SE', 'semicolon', 'Sweden'],
  ['pl_PL', 'semicolon', 'Poland'],
  ['cs_CZ', 'semicolon', 'Czechia'],
  ['sk_SK', 'semicolon', 'Slovakia'],
  ['sl_SI', 'semicolon', 'Slovenia'],
  ['hr_HR', 'semicolon', 'Croatia'],
  ['sr_RS', 'semicolon', 'Serbia'],
  ['hu_HU', 'semicolon', 'Hungary'],
  ['ro_RO', 'semicolon', 'Romania'],
  ['bg_BG', 'semicolon', 'Bulgaria'],
  ['el_GR', 'semicolon', 'Greece'],
  ['lt_LT', 'semicolon', 'Lithuania'],
  ['lv_LV', 'semicolon', 'Latvia'],
  ['ru_RU', 'semicolon', 'Russia'],
  ['uk_UA', 'semicolon', 'Ukraine'],
  ['be_BY', 'semicolon', 'Belarus'],
  ['kk_KZ', 'semicolon', 'Kazakhstan'],
  ['hy_AM', 'semicolon', 'Armenia'],
  ['ka_GE', 'semicolon', 'Georgia'],
  ['az_AZ', 'semicolon', 'Azerbaijan'],
  ['tr_TR', 'semicolon', 'Turkey'],
  ['in_ID', 'semicolon', 'Indonesia'],
  ['vi_VN', 'semicolon', 'Vietnam'],
];

/** For a bare language code whose locales disagree: the locale of the language's home country. */
const HOME_LOCALE: Readonly<Record<string, string>> = { es: 'es_ES', de: 'de_DE', fr: 'fr_FR' };

/** Language codes Java (and so Google) writes the old way, and the ISO code a caller may send instead. */
const LANGUAGE_ALIASES: Readonly<Record<string, string>> = { he: 'iw', id: 'in', no: 'nb', tl: 'fil' };

/** `es-mx`, `ES_mx` → `es_MX`; the language part with Google's legacy spelling. */
function normalise(locale: string): { language: string; region: string } {
  const [language = '', region = ''] = locale.trim().split(/[-_]/);
  const lower = language.toLowerCase();
  return { language: LANGUAGE_ALIASES[lower] ?? lower, region: region.toUpperCase() };
}

/**
 * The formula style of a spreadsheet locale: the table's entry for it; else, for a code the table
 * does not list, the style shared by every listed locale of its country (`hi_IN` → comma), else the
 * one shared by every listed locale of its language (`pt` → semicolon) or, where they differ, that
 * of the language's home locale (`es` → es_ES, semicolon); else comma, Sheets' default.
 *
 * @param locale a code such as `es_ES`, `es-MX` or `fil` (what `getSpreadsheetLocale()` returns).
 */
export function formulaStyleOf(locale: string | null | undefined): FormulaStyle {
  if (typeof locale !== 'string' || !locale.trim()) return 'comma';
  const { language, region } = normalise(locale);
  const listed = SHEETS_LOCALES.map(([code, style]) => ({ ...normalise(code), style }));
  const exact = listed.find((l) => l.language === language && l.region === region);
  if (exact) return exact.style;
  const shared = (group: { style: FormulaStyle }[]) =>
    group.length && group.every((l) => l.style === group[0].style) ? group[0].style : undefined;
  const byRegion = region ? shared(listed.filter((l) => l.region === region)) : undefined;
  if (byRegion) return byRegion;
  const byLanguage = shared(listed.filter((l) => l.language === language));
  if (byLanguage) return byLanguage;
  const home = HOME_LOCALE[language];
  return home ? formulaStyleOf(home) : 'comma';
}

/** The punctuation of a spreadsheet locale's formulas and numbers (see {@link formulaStyleOf}). */
export function formulaSyntaxOf(locale: string | null | undefined): FormulaSyntax {
  return SYNTAXES[formulaStyleOf(locale)];
}

/**
 * A formula written in the comma syntax (as the JSDoc examples are), in another syntax: argument
 * separators, array-literal column separators and decimal marks change; text in quotes, cell
 * references and names stay as they are.
 *
 * @example localizeFormula('=CSI({8,6;10,0.5}, {2,1})', formulaSyntaxOf('es_ES')) // '=CSI({8\6;10\0,5}; {2\1})'
 */
export function localizeFormula(formula: string, syntax: FormulaSyntax): string {
  if (syntax.style === 'comma') return formula;
  const open: string[] = [];
  let out = '';
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = closingQuote(formula, i);
      out += formula.slice(i, end + 1);
      i = end;
    } else if (ch === '(' || ch === '{') {
      open.push(ch);
      out += ch;
    } else if (ch === ')' || ch === '}') {
      open.pop();
      out += ch;
    } else if (ch === ',') {
      out += open[open.length - 1] === '{' ? syntax.arrayColumnSeparator : syntax.argumentSeparator;
    } else if (startsNumber(formula, i)) {
      const number = /^\d*\.?\d+(?:[eE][+-]?\d+)?/.exec(formula.slice(i))?.[0] ?? ch;
      out += number.replace('.', syntax.decimalMark);
      i += number.length - 1;
    } else {
      out += ch;
    }
  }
  return out;
}

/** Index of the quote that closes the one at `start` (a doubled quote is an escaped one). */
function closingQuote(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] !== quote) return i;
      i++;
    }
    i++;
  }
  return text.length - 1;
}

/** A number literal starts here: a digit (or `.digit`) not inside a name or a reference such as A1. */
function startsNumber(text: string, i: number): boolean {
  const ch = text[i];
  const digitAhead = /\d/.test(ch) || (ch === '.' && /\d/.test(text[i + 1] ?? ''));
  return digitAhead && !/[\p{L}\d_.$:!]/u.test(text[i - 1] ?? '');
}

/**
 * A number as text (`0.25`, `-23.22`) written with the locale's decimal mark; any other text (a
 * label, a date such as 2024-01-01, `7+`) as it is.
 */
export function localizeNumberText(text: string, syntax: FormulaSyntax): string {
  return /^[-+]?\d+\.\d+$/.test(text.trim()) ? text.replace('.', syntax.decimalMark) : text;
}

/** Decimal numbers inside a sentence ("default 0.95") with the locale's decimal mark. */
export function localizeDecimalsInText(text: string, syntax: FormulaSyntax): string {
  return text.replace(/(^|[^\p{L}\d.])(\d+)\.(\d+)(?![\d.])/gu, `$1$2${syntax.decimalMark}$3`);
}
