/**
 * The add-on menu and the sidebars it opens.
 */
import { languageOfLocale, type Language } from '../errors/catalogue';
import { userLanguage } from '../sheets/language';

export const MENU: Record<
  Language,
  {
    generate: string;
    refresh: string;
    help: string;
    about: string;
    wizardTitle: string;
    helpTitle: string;
    aboutText: string;
  }
> = {
  en: {
    generate: 'Generate KPI report',
    refresh: 'Refresh last report',
    help: 'Function help',
    about: 'About',
    wizardTitle: 'Fideliza — KPI report',
    helpTitle: 'Fideliza — formulas',
    aboutText:
      'Fideliza adds customer-retention formulas (NPS, CSAT, churn, cohorts, RFM, MRR, CLV…) and writes a shareable ' +
      'KPI summary sheet.\n\nIt reads and writes only this spreadsheet: nothing leaves it.',
  },
  es: {
    generate: 'Generar informe de KPI',
    refresh: 'Actualizar último informe',
    help: 'Ayuda de fórmulas',
    about: 'Acerca de',
    wizardTitle: 'Fideliza — informe de KPI',
    helpTitle: 'Fideliza — fórmulas',
    aboutText:
      'Fideliza añade fórmulas de fidelización (NPS, CSAT, abandono, cohortes, RFM, MRR, CLV…) y genera una hoja de ' +
      'resumen de KPI para compartir.\n\nSolo lee y escribe en esta hoja de cálculo: nada sale de ella.',
  },
};

/** The menu's language: in AuthMode.NONE only the user's locale is read, never the document. */
function menuLanguage(): Language {
  try {
    return languageOfLocale(Session.getActiveUserLocale());
  } catch {
    return 'en';
  }
}

/**
 * Builds the add-on menu (Extensions ▸ Fideliza). Works in AuthMode.NONE: it uses no service that
 * needs authorisation.
 *
 * @param _e the open event (its authMode may be NONE).
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const text = MENU[menuLanguage()];
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(text.generate, 'showReportWizard')
    .addItem(text.refresh, 'refreshLastReport')
    .addSeparator()
    .addItem(text.help, 'showFunctionHelp')
    .addItem(text.about, 'showAbout')
    .addToUi();
}

/**
 * Runs when the add-on is installed: builds the menu at once.
 *
 * @param e the install event.
 */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** Opens the report wizard in the sidebar. */
export function showReportWizard(): void {
  const language = userLanguage();
  // the page shows its first words ("Looking at your sheets…") before the scan answers
  const page = HtmlService.createHtmlOutputFromFile('Sidebar')
    .getContent()
    .replace('data-lang="en"', `data-lang="${language}"`);
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput(page).setTitle(MENU[language].wizardTitle));
}

/** The spreadsheet's locale code (`es_ES`), or '' when it cannot be read or is not a plain code. */
function spreadsheetLocaleCode(): string {
  try {
    const locale = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale();
    return /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/.test(locale) ? locale : '';
  } catch {
    return '';
  }
}

/**
 * Opens the formula reference in the sidebar: its words in the user's language, its examples in the
 * syntax of the spreadsheet's locale (`=CHURN_RATE(200; 190; 40)` → `0,25` in es_ES).
 */
export function showFunctionHelp(): void {
  const language = userLanguage();
  const page = HtmlService.createHtmlOutputFromFile('Help')
    .getContent()
    .replace('data-lang="en"', `data-lang="${language}" data-locale="${spreadsheetLocaleCode()}"`);
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput(page).setTitle(MENU[language].helpTitle));
}

/** Shows what Fideliza is and what it may access. */
export function showAbout(): void {
  const language = userLanguage();
  const ui = SpreadsheetApp.getUi();
  ui.alert('Fideliza', MENU[language].aboutText, ui.ButtonSet.OK);
}
