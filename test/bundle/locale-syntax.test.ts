/**
 * The spreadsheet locales and their formula syntax (src/locale/formula-syntax.ts): the table against
 * its public source, the fallbacks for codes it does not list (seen through the bundle's error
 * messages), and formulas rewritten for a semicolon locale.
 */
import { describe, expect, it } from 'vitest';
import { formulaSyntaxOf, localizeFormula, SHEETS_LOCALES } from '../../src/locale/formula-syntax';
import { addOn, column, errorOf } from '../support/addon';

/**
 * The Stack Overflow answer to "locale differences in google sheets (documentation missing pages)"
 * (question 73767719, 19 Sep 2022), as it writes them: the 72 locales of Sheets' settings and the 28
 * of them whose formulas separate arguments with a comma; "the rest of them use a semicolon".
 */
const SOURCE_LOCALES = `argentina armenia australia azerbaijan belarus bolivia brazil bulgaria canada-(english)
  canada-(french) chile china colombia croatia czechia denmark ecuador egypt finland france georgia germany greece
  hong-kong hungary india india-(bangla) india-(gujarati) india-(kannada) india-(malayalam) india-(marathi)
  india-(punjabi) india-(tamil) india-(telugu) indonesia ireland israel italy japan kazakhstan latvia lithuania mexico
  mongolia myanmar-(burma) netherlands norway-(bokmal) norway-(nynorsk) paraguay philippines poland portugal romania
  russia serbia slovakia slovenia south-korea spain spain-(catalan) sweden switzerland taiwan thailand turkey ukraine
  united-kingdom united-kingdom-(welsh) united-states uruguay venezuela vietnam`;
const SOURCE_COMMA_LOCALES = `australia canada-(english) china egypt hong-kong india india-(bangla) india-(gujarati)
  india-(kannada) india-(malayalam) india-(marathi) india-(punjabi) india-(tamil) india-(telugu) ireland israel japan
  mexico mongolia myanmar-(burma) philippines south-korea switzerland taiwan thailand united-kingdom
  united-kingdom-(welsh) united-states`;

const words = (list: string) => list.trim().split(/\s+/).sort();
/** A settings name as the source writes it: lower case, no accents, words joined by `-`. */
const sourceName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ /g, '-');

describe('the table of Sheets locales', () => {
  it('has the 72 locales of the source, 28 of them with commas and 44 with semicolons', () => {
    expect(words(SOURCE_LOCALES)).toHaveLength(72);
    expect(words(SOURCE_COMMA_LOCALES)).toHaveLength(28);
    expect(SHEETS_LOCALES.map(([, , name]) => sourceName(name)).sort()).toEqual(words(SOURCE_LOCALES));
    const comma = SHEETS_LOCALES.filter(([, style]) => style === 'comma').map(([, , name]) => sourceName(name));
    expect(comma.sort()).toEqual(words(SOURCE_COMMA_LOCALES));
    const codes = SHEETS_LOCALES.map(([code]) => code);
    expect(new Set(codes).size).toBe(72);
    for (const code of codes) expect(code).toMatch(/^[a-z]{2,3}_[A-Z]{2}$/);
  });

  it('gives each syntax its punctuation, Spanish by country: Mexico with commas, Spain and South America not', () => {
    expect(formulaSyntaxOf('en_US')).toEqual({
      style: 'comma',
      argumentSeparator: ',',
      arrayColumnSeparator: ',',
      decimalMark: '.',
    });
    expect(formulaSyntaxOf('es_ES')).toEqual({
      style: 'semicolon',
      argumentSeparator: ';',
      arrayColumnSeparator: '\\',
      decimalMark: ',',
    });
    expect(formulaSyntaxOf('es_MX').style).toBe('comma');
    for (const code of ['es_AR', 'es_BO', 'es_CL', 'es_CO', 'es_EC', 'es_PY', 'es_UY', 'es_VE', 'pt_BR'])
      expect(formulaSyntaxOf(code).style, code).toBe('semicolon');
    expect(formulaSyntaxOf('es-mx').style).toBe('comma');
  });
});

/** The number an error message suggests, as a spreadsheet with this locale gets it. */
const suggested = (locale: string) =>
  /(12[.,]5)\.$/.exec(errorOf(() => addOn({ locale }).fx.CPS(column(100, 'doce'), 50)))?.[1];

describe('codes the table does not list, as the bundle writes its numbers for them', () => {
  it('follows the country when all its locales agree, else the language and its home country', () => {
    expect(suggested('hi_IN')).toBe('12.5'); // every Indian locale: comma syntax
    expect(suggested('de_AT')).toBe('12,5'); // German: de_DE and de_CH differ, Germany decides
    expect(suggested('es')).toBe('12,5'); // a bare language: Spain
    expect(suggested('pt')).toBe('12,5'); // Brazil and Portugal agree
    expect(suggested('fil')).toBe('12.5'); // the Sheets API's own example of a bare code
    expect(suggested('he_IL')).toBe('12.5'); // ISO Hebrew for Google's iw_IL
    expect(suggested('id_ID')).toBe('12,5'); // ISO Indonesian for Google's in_ID
    expect(suggested('xx_YY')).toBe('12.5'); // unknown: Sheets' default, en_US
  });
});

describe('formulas rewritten for a semicolon locale', () => {
  const es = formulaSyntaxOf('es_ES');
  it('changes separators and decimal marks, never text in quotes, references or names', () => {
    expect(localizeFormula('=CHURN_RATE(200, 190, 40)', es)).toBe('=CHURN_RATE(200; 190; 40)');
    expect(localizeFormula('=CSI({8,6;10,0.5}, {2,1})', es)).toBe('=CSI({8\\6;10\\0,5}; {2\\1})');
    expect(localizeFormula('=NPS_CATEGORY({1.5,"a, b"}, "x ""1.5, y""")', es)).toBe(
      '=NPS_CATEGORY({1,5\\"a, b"}; "x ""1.5, y""")',
    );
    expect(localizeFormula("=SUM(A1:B2, 'My sheet, 2'!C3, $D$4, -.5, 1e-3)", es)).toBe(
      "=SUM(A1:B2; 'My sheet, 2'!C3; $D$4; -,5; 1e-3)",
    );
    expect(localizeFormula('=X({SUM(1, 2.5), 3})', es)).toBe('=X({SUM(1; 2,5)\\ 3})');
    expect(localizeFormula('=CHURN_RATE(200, 190, 40)', formulaSyntaxOf('es_MX'))).toBe('=CHURN_RATE(200, 190, 40)');
  });
});
