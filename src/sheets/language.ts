/**
 * Which language the add-on speaks: to the user (their account's locale) and in the report (the
 * spreadsheet's locale, because the report is shared with colleagues).
 */
import { languageOfLocale, type Language } from '../errors/catalogue';

/** The language reports are written in: the spreadsheet's locale (it is shared with colleagues). */
export function spreadsheetLanguage(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Language {
  return languageOfLocale(spreadsheet.getSpreadsheetLocale());
}

/** The user's language: their Google account locale, else the spreadsheet's. */
export function userLanguage(): Language {
  try {
    const locale = Session.getActiveUserLocale();
    if (locale) return languageOfLocale(locale);
  } catch {
    // fall back to the spreadsheet below
  }
  return spreadsheetLanguage(SpreadsheetApp.getActiveSpreadsheet());
}

/** The user's language, or English when even that cannot be read (what an error message falls back to). */
export function userLanguageOrEnglish(): Language {
  try {
    return userLanguage();
  } catch {
    return 'en';
  }
}
