/**
 * Every label of the report wizard, in English and Spanish. The English object fixes the keys;
 * the Spanish one must have exactly the same (the type checker enforces it). `{name}` marks a
 * value filled in by {@link format}.
 */
import { fill } from '../../report/fill';

/** Languages the wizard speaks. */
export type UiLanguage = 'en' | 'es';

const en = {
  appName: 'Fideliza',
  loading: 'Looking at your sheets…',
  stepOf: 'Step {n} of {total}',
  stepSheets: 'Sheets',
  stepColumns: 'Columns',
  stepOptions: 'Options',
  stepGenerate: 'Report',
  stepsLabel: 'Wizard steps',
  back: 'Back',
  next: 'Next',
  generate: 'Generate report',
  sheetsTitle: 'Sheets found',
  sheetsIntro: 'Fideliza found these sheets. Change any that is wrong; the report never modifies them.',
  remembered: 'Using the sheets and columns you chose last time for this spreadsheet.',
  noneOption: 'None',
  chooseSheet: 'Choose a sheet',
  needsOrdersOrSurveys: 'Orders or Surveys is needed',
  optionalSource: 'optional',
  rowsCount: '{n} data rows',
  noSheets:
    'This spreadsheet has no sheets with data yet. Add a sheet of orders or survey answers with headers in row 1.',
  columnsTitle: 'Columns',
  columnsIntro: 'Check which column holds each field. Fields marked * are required.',
  requiredMark: 'required',
  chooseColumn: 'Choose a column',
  notUsed: 'Not used',
  previewTitle: 'First rows of “{sheet}”',
  previewCaption: 'Preview of the first {n} rows of “{sheet}”',
  previewEmpty: 'The sheet has no data rows below the headers.',
  sheetLabel: 'Sheet: {sheet}',
  checking: 'Checking the columns…',
  allGood: 'The columns look right.',
  warningsTitle: 'Please check',
  fixBeforeNext: 'Fix the problems above to continue.',
  noSourceChosen: 'Choose a sheet of orders or of survey answers in step 1.',
  optionsTitle: 'Period and options',
  periodKind: 'Period type',
  month: 'Month',
  quarter: 'Quarter',
  year: 'Year',
  period: 'Period',
  noPeriods: 'No dates found for this period type.',
  currency: 'Currency',
  sections: 'Sections',
  sectionCharts: 'Charts',
  sectionCohorts: 'Cohort retention',
  sectionActions: 'Action lists (customers to contact)',
  sectionPredicted: 'Predicted value',
  withoutPersonalData: 'Without personal data',
  withoutPersonalDataHint: 'No names, emails or comments: action lists become counts. Use it for reports that travel.',
  replaceNote: 'The sheet “{sheet}” will be updated in place.',
  generateTitle: 'Generating the report',
  stageReading: 'Reading the sheets',
  stageComputing: 'Computing the KPIs',
  stageWriting: 'Writing the summary sheet',
  stageCharts: 'Drawing the charts',
  stageDone: 'Done',
  progressLabel: 'Report progress',
  stageStatusDone: 'done',
  stageStatusCurrent: 'in progress',
  stageStatusPending: 'waiting',
  progressNow: '{stage} ({percent} %)',
  starting: 'Starting…',
  resultTitle: 'Report ready',
  resultUpdated: 'Report updated',
  resultPeriod: 'Period: {period}',
  resultSheet: 'Sheet: {sheet}',
  changeHeader: 'change',
  skipped: '{n} rows were skipped; the report lists why at the top.',
  openSheet: 'Open the summary sheet',
  downloadPdf: 'Download PDF',
  shareTitle: 'Sharing the report',
  shareNote:
    'The sheet holds values and charts only, so colleagues without Fideliza see the same numbers. Share the ' +
    'spreadsheet or the PDF; for people who should not see customer data, generate it “without personal data”.',
  sharePersonal: 'This version lists customers by name, email and comment.',
  makeShareable: 'Make a version to share (no personal data)',
  sharePrivate: 'This version has no names, emails or comments: ready to share, as a sheet or as a PDF.',
  newReport: 'Change options',
  close: 'Close',
  errorTitle: 'Something went wrong',
  tryAgain: 'Try again',
  noServer: 'This page must be opened from the Fideliza menu in Google Sheets.',
  unknownError: 'The request failed. Please try again.',
  severalAccounts:
    'Google refused the request because several Google accounts are signed in to this browser. Open the ' +
    'spreadsheet with the account that installed Fideliza in a private window (or sign out of the other accounts) ' +
    'and open Fideliza again.',
  pdfAccountHint:
    'The PDF opens with the browser’s first Google account; if it says you have no access, open the link in a ' +
    'private window signed in with this account.',
};

/** Keys of the wizard's labels. */
export type StringKey = keyof typeof en;

const es: Record<StringKey, string> = {
  appName: 'Fideliza',
  loading: 'Revisando tus hojas…',
  stepOf: 'Paso {n} de {total}',
  stepSheets: 'Hojas',
  stepColumns: 'Columnas',
  stepOptions: 'Opciones',
  stepGenerate: 'Informe',
  stepsLabel: 'Pasos del asistente',
  back: 'Atrás',
  next: 'Siguiente',
  generate: 'Generar informe',
  sheetsTitle: 'Hojas encontradas',
  sheetsIntro: 'Fideliza ha encontrado estas hojas. Cambia las que no sean correctas; el informe nunca las modifica.',
  remembered: 'Se usan las hojas y columnas que elegiste la última vez en esta hoja de cálculo.',
  noneOption: 'Ninguna',
  chooseSheet: 'Elige una hoja',
  needsOrdersOrSurveys: 'Hace falta Pedidos o Encuestas',
  optionalSource: 'opcional',
  rowsCount: '{n} filas de datos',
  noSheets:
    'Esta hoja de cálculo aún no tiene hojas con datos. Añade una hoja de pedidos o de respuestas de encuestas con ' +
    'los encabezados en la fila 1.',
  columnsTitle: 'Columnas',
  columnsIntro: 'Comprueba qué columna contiene cada dato. Los marcados con * son obligatorios.',
  requiredMark: 'obligatorio',
  chooseColumn: 'Elige una columna',
  notUsed: 'Sin usar',
  previewTitle: 'Primeras filas de «{sheet}»',
  previewCaption: 'Vista previa de las {n} primeras filas de «{sheet}»',
  previewEmpty: 'La hoja no tiene filas de datos bajo los encabezados.',
  sheetLabel: 'Hoja: {sheet}',
  checking: 'Comprobando las columnas…',
  allGood: 'Las columnas parecen correctas.',
  warningsTitle: 'Revisa esto',
  fixBeforeNext: 'Corrige los problemas de arriba para continuar.',
  noSourceChosen: 'Elige una hoja de pedidos o de respuestas de encuestas en el paso 1.',
  optionsTitle: 'Periodo y opciones',
  periodKind: 'Tipo de periodo',
  month: 'Mes',
  quarter: 'Trimestre',
  year: 'Año',
  period: 'Periodo',
  noPeriods: 'No hay fechas para este tipo de periodo.',
  currency: 'Moneda',
  sections: 'Secciones',
  sectionCharts: 'Gráficos',
  sectionCohorts: 'Retención por cohortes',
  sectionActions: 'Listas de acción (clientes a contactar)',
  sectionPredicted: 'Valor previsto',
  withoutPersonalData: 'Sin datos personales',
  withoutPersonalDataHint:
    'Sin nombres, correos ni comentarios: las listas de acción pasan a ser recuentos. Úsalo para informes que se ' +
    'envían fuera.',
  replaceNote: 'La hoja «{sheet}» se actualizará en su sitio.',
  generateTitle: 'Generando el informe',
  stageReading: 'Leyendo las hojas',
  stageComputing: 'Calculando los KPI',
  stageWriting: 'Escribiendo la hoja de resumen',
  stageCharts: 'Dibujando los gráficos',
  stageDone: 'Terminado',
  progressLabel: 'Progreso del informe',
  stageStatusDone: 'hecho',
  stageStatusCurrent: 'en curso',
  stageStatusPending: 'en espera',
  progressNow: '{stage} ({percent} %)',
  starting: 'Empezando…',
  resultTitle: 'Informe listo',
  resultUpdated: 'Informe actualizado',
  resultPeriod: 'Periodo: {period}',
  resultSheet: 'Hoja: {sheet}',
  changeHeader: 'variación',
  skipped: 'Se han omitido {n} filas; el informe indica el motivo al principio.',
  openSheet: 'Abrir la hoja de resumen',
  downloadPdf: 'Descargar PDF',
  shareTitle: 'Compartir el informe',
  shareNote:
    'La hoja solo contiene valores y gráficos, así que tus compañeros ven las mismas cifras sin tener Fideliza. ' +
    'Comparte la hoja de cálculo o el PDF; para quien no deba ver datos de clientes, genéralo «sin datos ' +
    'personales».',
  sharePersonal: 'Esta versión incluye clientes con nombre, correo y comentarios.',
  makeShareable: 'Crear una versión para compartir (sin datos personales)',
  sharePrivate: 'Esta versión no tiene nombres, correos ni comentarios: lista para compartir, como hoja o como PDF.',
  newReport: 'Cambiar opciones',
  close: 'Cerrar',
  errorTitle: 'Algo ha fallado',
  tryAgain: 'Reintentar',
  noServer: 'Esta página debe abrirse desde el menú de Fideliza en Hojas de cálculo de Google.',
  unknownError: 'La petición ha fallado. Vuelve a intentarlo.',
  severalAccounts:
    'Google ha rechazado la petición porque hay varias cuentas de Google abiertas en este navegador. Abre la hoja ' +
    'de cálculo con la cuenta que instaló Fideliza en una ventana privada (o cierra la sesión de las otras ' +
    'cuentas) y vuelve a abrir Fideliza.',
  pdfAccountHint:
    'El PDF se abre con la primera cuenta de Google del navegador; si dice que no tienes acceso, abre el enlace ' +
    'en una ventana privada con esta cuenta.',
};

/** The labels of both languages, for tests that check no English is left in Spanish mode. */
export const UI_STRINGS: Readonly<Record<UiLanguage, Readonly<Record<StringKey, string>>>> = { en, es };

/** The language of a locale or language tag (`es_ES`, `es-419`, `en`); English unless Spanish. */
export function languageOf(tag: string | null | undefined): UiLanguage {
  return /^es\b|^es[-_]/i.test(String(tag ?? '').trim()) ? 'es' : 'en';
}

/** The label `key` in `language`, with `{name}` placeholders filled from `values`. */
export function format(language: UiLanguage, key: StringKey, values: Record<string, string | number> = {}): string {
  return fill(UI_STRINGS[language][key], values);
}
