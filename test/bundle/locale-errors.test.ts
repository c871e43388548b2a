/**
 * Error messages of the custom functions through the built bundle: words in the language of the
 * spreadsheet's locale, and the numbers they suggest or show with that locale's decimal mark, so that
 * what the message says to type is a number there (es_ES takes "12.5" as text).
 */
import { describe, expect, it } from 'vitest';
import { addOn, column, errorOf } from '../support/addon';

/** A text amount in a range: the message suggests a plain number to type instead. */
const textAmount = (locale: string) => errorOf(() => addOn({ locale }).fx.CPS(column(100, '12,5 €'), 50));

describe('error messages follow the spreadsheet locale: words by language, numbers by decimal mark', () => {
  it('suggests 12.5 in en_US and 12,5 in es_ES, in each language', () => {
    expect(textAmount('en_US')).toBe('CPS revenue row 2: "12,5 €" is not a number. Type a plain number such as 12.5.');
    expect(textAmount('es_ES')).toBe(
      'CPS revenue fila 2: "12,5 €" no es un número. Escribe un número sin texto, como 12,5.',
    );
  });

  it('keeps the decimal point in es_MX (Spanish words) and uses the comma in pt_BR (English words)', () => {
    expect(textAmount('es_MX')).toBe(
      'CPS revenue fila 2: "12,5 €" no es un número. Escribe un número sin texto, como 12.5.',
    );
    expect(textAmount('pt_BR')).toBe('CPS revenue row 2: "12,5 €" is not a number. Type a plain number such as 12,5.');
  });

  it('writes the numbers of a reason and the value given with the same mark', () => {
    const grossMargin = (locale: string) => errorOf(() => addOn({ locale }).fx.LTV(50, 4, 3, 70));
    expect(grossMargin('en_US')).toBe(
      'LTV: gross_margin is 70; it must be a fraction between 0 and 1, such as 0.7 for 70 %.',
    );
    expect(grossMargin('es_ES')).toBe(
      'LTV: gross_margin es 70; debe ser una fracción entre 0 y 1, como 0,7 para el 70 %.',
    );
    const confidence = (locale: string) => errorOf(() => addOn({ locale }).fx.NPS_CI(column(10, 9, 3), 1.5));
    expect(confidence('en_US')).toBe('NPS_CI: confidence is 1.5; it must be between 0 and 1, such as 0.95.');
    expect(confidence('es_ES')).toBe('NPS_CI: confidence es 1,5; debe estar entre 0 y 1, como 0,95.');
    const rating = (locale: string) => errorOf(() => addOn({ locale }).fx.CSAT(column(1.5, 2), 5));
    expect(rating('en_US')).toBe('CSAT: rating 1.5 at row 1 is not a whole number from 1 to 5.');
    expect(rating('es_ES')).toBe('CSAT: valoración 1,5 en la fila 1 no es un número entero de 1 a 5.');
  });

  it('reads the locale once, and only to word an error', () => {
    const { workbook, fx } = addOn({ locale: 'es_ES' });
    fx.CPS(column(100, 12.5), 50);
    expect(workbook.calls.count()).toBe(0);
    errorOf(() => fx.CPS(column(100, 'doce'), 50));
    expect(workbook.calls.byMethod()).toEqual({
      'Spreadsheet.getSpreadsheetLocale': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
  });
});
