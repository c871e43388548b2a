/**
 * What a formula needs to know about the spreadsheet it runs in, read lazily: a formula that uses
 * no dates never asks for the time zone, and the locale is read only to word an error.
 */
import { languageOfLocale, type Language } from '../errors/catalogue';
import { ZoneCalendar } from './timezone';

/** Settings of the active spreadsheet, each read at most once per formula call. */
export class SpreadsheetSettings {
  private calendar?: ZoneCalendar;
  private lang?: Language;

  /** Calendar in the spreadsheet's time zone (one service call the first time). */
  zone(): ZoneCalendar {
    if (!this.calendar)
      this.calendar = new ZoneCalendar(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone());
    return this.calendar;
  }

  /** Language of the spreadsheet's locale: Spanish for `es…`, English otherwise. */
  language(): Language {
    if (!this.lang) {
      try {
        this.lang = languageOfLocale(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
      } catch {
        this.lang = 'en';
      }
    }
    return this.lang;
  }
}
