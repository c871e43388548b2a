/**
 * Every label of the report wizard, in English and Spanish. The English object fixes the keys;
 * the Spanish one must have exactly the same (the type checker enforces it). `{name}` marks a
 * value filled in by {@link format}.
 */
import type { ColumnQuestion, EffortDirection, FieldChoice } from '../../report/detect';
import { fill } from '../../report/fill';
import type { ColumnReading, ExclusionReason, FormCount, ValueForm } from '../../report/records';
import type { ExportFormat, SourceKind } from '../../report/sources';
import type { SourceReading } from '../protocol';

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
  understoodTitle: 'What Fideliza understood',
  recognisedAs: 'Recognised as: {format}.',
  formatGoogleForms: 'Google Forms responses',
  formatShopify: 'Shopify orders export',
  formatWooAnalytics: 'WooCommerce Analytics › Orders download',
  formatWooOrderExport: 'WooCommerce order export (Advanced Order Export)',
  formatWooWebToffee: 'WooCommerce order export (WebToffee)',
  formatPrestashop: 'PrestaShop order list export',
  formatStripe: 'Stripe subscriptions export',
  rulesOrders:
    'One order per order number; cancelled, unpaid and fully refunded orders are left out; revenue is net of ' +
    'refunds.',
  rulesSubscriptions:
    'Monthly revenue = amount × quantity ÷ months in the billing period; a trial adds nothing until it ends; a ' +
    'subscription cancelled at the end of its period ends then.',
  rulesSurveys: 'The timestamp is the answer date; the questions are recognised by their words and their answers.',
  why: 'Why: {why}.',
  whyExportLayout: 'the {format} column for it',
  whyKnownName: 'its header is a usual name for it',
  whyQuestionText: 'the question says “{word}” and its answers go from {min} to {max}',
  whyQuestionWords: 'the question says “{word}”',
  whyEmailAsId: 'there is no customer id column, so the e-mail identifies each customer',
  whyValuesAreDates: 'it is the only column whose values are dates',
  askSeveral: 'Several columns could hold this: {columns}. Choose the right one.',
  askScale:
    'The header of {columns} suggests this, but the answers do not fit its scale. Choose it only if it is right.',
  readDateText: '“{header}” holds dates written as text: {example} → {date}.',
  readOffsetText:
    '“{header}” holds date-times with a UTC offset: {example} → {date}, counted on its day in the spreadsheet’s ' +
    'time zone ({zone}).',
  readUtc: '“{header}” is in UTC, as its header says: its times are moved to the spreadsheet’s time zone ({zone}).',
  readAmountText: '“{header}” holds amounts written as text: {example} → {number}.',
  readNumberText: '“{header}” holds numbers written as text: {example} → {number}.',
  readDecimalMark: 'They use a decimal {mark}, unlike the spreadsheet’s locale, and are read that way.',
  markPoint: 'point',
  markComma: 'comma',
  readOrderLocale: 'Day and month are read {order}, as the spreadsheet’s locale ({locale}) reads typed dates.',
  readOrderChosen: 'Day and month are read {order}, as you chose.',
  orderDayFirst: 'day first',
  orderMonthFirst: 'month first',
  readOtherOrder: 'Some of its dates are impossible {order} ({rows}: {example}): the column seems written {other}.',
  readItOtherWay: 'Read it {other}',
  readItLocaleWay: 'Read it {order} again',
  readSwappedCells: '{n} cells that Sheets had already turned into dates are read {order} too.',
  readMixed: '“{header}” mixes formats: {parts}.',
  readUnreadable: '“{header}”: {parts} cannot be read and those rows will be skipped.',
  rowWord: 'row {rows}',
  rowsWord: 'rows {rows}',
  formNumber: 'numbers',
  formDate: 'dates',
  formSerial: 'date serial numbers',
  formDateText: 'dates written as text',
  formOffsetText: 'date-times with an offset',
  formAmountText: 'amounts written as text',
  formNumberText: 'numbers written as text',
  formBoolean: 'yes/no values',
  formText: 'words (taken as no answer)',
  formUnreadable: 'unreadable values',
  formImpossible: 'impossible dates',
  formError: 'error values',
  groupedRows: 'The first {rows} rows make {orders} orders: rows with the same order number are one order.',
  groupedRefunds: '{n} rows with a negative amount are refunds, subtracted from their order (on the order’s date).',
  groupedRepeated: 'An order’s total repeats on each of its rows: it is counted once.',
  groupedSummed: 'An order’s rows have different amounts: they are added up.',
  excludedIntro: 'Left out of the first {rows} rows, as the shop counts them: {parts}.',
  excludedCancelled: '{n} cancelled',
  excludedNotPaid: '{n} not paid',
  excludedRefunded: '{n} refunded in full',
  excludedTrialOnly: '{n} never past the trial',
  excludedNeverStarted: '{n} never started',
  effortLower: '“{header}”: lower scores are better{because}.',
  effortHigher: '“{header}”: higher scores are better{because}.',
  effortBecause: ' (the question says “{word}”)',
  effortAssumed: ' (assumed: the question does not say)',
  effortFlipHigher: 'Higher is better',
  effortFlipLower: 'Lower is better',
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
  targetsTitle: 'Targets (optional)',
  targetsHint:
    'Set a target for any KPI: the report marks whether it is on or off target. Remembered for this spreadsheet.',
  targetKpi: 'KPI',
  targetValue: 'Target',
  targetAdd: 'Add target',
  targetRemove: 'Remove',
  targetRemoveLabel: 'Remove the target for {kpi}',
  targetsNone: 'No targets yet.',
  targetsListLabel: 'Targets set',
  targetChecking: 'Checking the target…',
  targetAdded: 'Target for {kpi}: {value}.',
  targetRemoved: 'Target for {kpi} removed.',
  targetUnitPercent: 'As a percentage, such as 5 or 5 %.',
  targetUnitPoints: 'In NPS points, from −100 to 100.',
  targetUnitCurrency: 'An amount in {currency}.',
  targetUnitNumber: 'A number.',
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
  skipped: '{n} rows were skipped; the report says why at the top.',
  withinNoise: 'within noise',
  openSheet: 'Open the summary sheet',
  downloadPdf: 'PDF with names (for you)',
  sharedPdf: 'PDF to share — no personal data',
  shareTitle: 'Sharing the report',
  shareNote:
    'The sheets hold values and charts only, so colleagues without Fideliza see the same numbers. For anyone ' +
    'outside your team, share the version without names, emails, comments or ages.',
  sharedSheet: 'The version to share is the sheet “{sheet}”.',
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
  understoodTitle: 'Lo que Fideliza ha entendido',
  recognisedAs: 'Reconocido como: {format}.',
  formatGoogleForms: 'respuestas de Google Forms',
  formatShopify: 'exportación de pedidos de Shopify',
  formatWooAnalytics: 'descarga de Analíticas › Pedidos de WooCommerce',
  formatWooOrderExport: 'exportación de pedidos de WooCommerce (Advanced Order Export)',
  formatWooWebToffee: 'exportación de pedidos de WooCommerce (WebToffee)',
  formatPrestashop: 'exportación del listado de pedidos de PrestaShop',
  formatStripe: 'exportación de suscripciones de Stripe',
  rulesOrders:
    'Un pedido por número de pedido; se dejan fuera los pedidos cancelados, sin pagar o reembolsados del todo; ' +
    'los ingresos descuentan los reembolsos.',
  rulesSubscriptions:
    'Ingreso mensual = importe × cantidad ÷ meses del periodo de facturación; una prueba no suma nada hasta que ' +
    'acaba; una suscripción cancelada al final de su periodo termina entonces.',
  rulesSurveys:
    'La marca temporal es la fecha de la respuesta; las preguntas se reconocen por sus palabras y sus respuestas.',
  why: 'Por qué: {why}.',
  whyExportLayout: 'es la columna de {format} para esto',
  whyKnownName: 'su encabezado es un nombre habitual para esto',
  whyQuestionText: 'la pregunta dice «{word}» y sus respuestas van de {min} a {max}',
  whyQuestionWords: 'la pregunta dice «{word}»',
  whyEmailAsId: 'no hay columna de id de cliente, así que el correo identifica a cada cliente',
  whyValuesAreDates: 'es la única columna cuyos valores son fechas',
  askSeveral: 'Varias columnas podrían contener esto: {columns}. Elige la correcta.',
  askScale:
    'El encabezado de {columns} lo sugiere, pero las respuestas no encajan en su escala. Elígela solo si es correcta.',
  readDateText: '«{header}» contiene fechas escritas como texto: {example} → {date}.',
  readOffsetText:
    '«{header}» contiene fechas y horas con desfase UTC: {example} → {date}, contada en su día en la zona horaria de ' +
    'la hoja de cálculo ({zone}).',
  readUtc:
    '«{header}» está en UTC, como dice su encabezado: sus horas se pasan a la zona horaria de la hoja de cálculo ' +
    '({zone}).',
  readAmountText: '«{header}» contiene importes escritos como texto: {example} → {number}.',
  readNumberText: '«{header}» contiene números escritos como texto: {example} → {number}.',
  readDecimalMark: 'Usan {mark} decimal, a diferencia de la configuración regional de la hoja, y se leen así.',
  markPoint: 'punto',
  markComma: 'coma',
  readOrderLocale:
    'El día y el mes se leen con {order}, como la configuración regional de la hoja ({locale}) lee las fechas ' +
    'escritas.',
  readOrderChosen: 'El día y el mes se leen con {order}, como elegiste.',
  orderDayFirst: 'el día primero',
  orderMonthFirst: 'el mes primero',
  readOtherOrder:
    'Algunas de sus fechas son imposibles con {order} ({rows}: {example}): parece que la columna está escrita con ' +
    '{other}.',
  readItOtherWay: 'Leerla con {other}',
  readItLocaleWay: 'Volver a leerla con {order}',
  readSwappedCells: '{n} celdas que Sheets ya había convertido en fechas también se leen con {order}.',
  readMixed: '«{header}» mezcla formatos: {parts}.',
  readUnreadable: '«{header}»: {parts} no se pueden leer y esas filas se omitirán.',
  rowWord: 'fila {rows}',
  rowsWord: 'filas {rows}',
  formNumber: 'números',
  formDate: 'fechas',
  formSerial: 'números de serie de fecha',
  formDateText: 'fechas escritas como texto',
  formOffsetText: 'fechas y horas con desfase',
  formAmountText: 'importes escritos como texto',
  formNumberText: 'números escritos como texto',
  formBoolean: 'valores sí/no',
  formText: 'palabras (se toman como sin respuesta)',
  formUnreadable: 'valores ilegibles',
  formImpossible: 'fechas imposibles',
  formError: 'valores de error',
  groupedRows:
    'Las primeras {rows} filas forman {orders} pedidos: las filas con el mismo número de pedido son un pedido.',
  groupedRefunds: '{n} filas con importe negativo son reembolsos y se restan de su pedido (en la fecha del pedido).',
  groupedRepeated: 'El total de un pedido se repite en cada una de sus filas: se cuenta una vez.',
  groupedSummed: 'Las filas de un pedido tienen importes distintos: se suman.',
  excludedIntro: 'Se dejan fuera de las primeras {rows} filas, como los cuenta la tienda: {parts}.',
  excludedCancelled: '{n} cancelados',
  excludedNotPaid: '{n} sin pagar',
  excludedRefunded: '{n} reembolsados del todo',
  excludedTrialOnly: '{n} que no pasaron de la prueba',
  excludedNeverStarted: '{n} que nunca empezaron',
  effortLower: '«{header}»: cuanto más baja la puntuación, mejor{because}.',
  effortHigher: '«{header}»: cuanto más alta la puntuación, mejor{because}.',
  effortBecause: ' (la pregunta dice «{word}»)',
  effortAssumed: ' (supuesto: la pregunta no lo dice)',
  effortFlipHigher: 'Más alta es mejor',
  effortFlipLower: 'Más baja es mejor',
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
  targetsTitle: 'Objetivos (opcional)',
  targetsHint:
    'Fija un objetivo para cualquier KPI: el informe marca si lo cumple o no. Se recuerda para esta hoja de cálculo.',
  targetKpi: 'KPI',
  targetValue: 'Objetivo',
  targetAdd: 'Añadir objetivo',
  targetRemove: 'Quitar',
  targetRemoveLabel: 'Quitar el objetivo de {kpi}',
  targetsNone: 'Aún no hay objetivos.',
  targetsListLabel: 'Objetivos fijados',
  targetChecking: 'Comprobando el objetivo…',
  targetAdded: 'Objetivo de {kpi}: {value}.',
  targetRemoved: 'Objetivo de {kpi} quitado.',
  targetUnitPercent: 'Como porcentaje, por ejemplo 5 o 5 %.',
  targetUnitPoints: 'En puntos de NPS, de −100 a 100.',
  targetUnitCurrency: 'Un importe en {currency}.',
  targetUnitNumber: 'Un número.',
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
  withinNoise: 'dentro del ruido',
  openSheet: 'Abrir la hoja de resumen',
  downloadPdf: 'PDF con nombres (para ti)',
  sharedPdf: 'PDF para compartir — sin datos personales',
  shareTitle: 'Compartir el informe',
  shareNote:
    'Las hojas solo contienen valores y gráficos, así que tus compañeros ven las mismas cifras sin tener ' +
    'Fideliza. Para quien no sea de tu equipo, comparte la versión sin nombres, correos, comentarios ni edades.',
  sharedSheet: 'La versión para compartir es la hoja «{sheet}».',
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

// ---- what the reader understood (step 2) ---------------------------------------------------------

const FORMAT_NAMES: Record<ExportFormat, StringKey> = {
  googleForms: 'formatGoogleForms',
  shopify: 'formatShopify',
  wooAnalytics: 'formatWooAnalytics',
  wooOrderExport: 'formatWooOrderExport',
  wooWebToffee: 'formatWooWebToffee',
  prestashop: 'formatPrestashop',
  stripe: 'formatStripe',
};

const FORM_NAMES: Record<ValueForm, StringKey> = {
  number: 'formNumber',
  date: 'formDate',
  serial: 'formSerial',
  isoText: 'formDateText',
  dateText: 'formDateText',
  offsetText: 'formOffsetText',
  amountText: 'formAmountText',
  numberText: 'formNumberText',
  boolean: 'formBoolean',
  text: 'formText',
  unreadable: 'formUnreadable',
  impossible: 'formImpossible',
  error: 'formError',
};

const EXCLUDED_NAMES: Record<ExclusionReason, StringKey> = {
  cancelled: 'excludedCancelled',
  notPaid: 'excludedNotPaid',
  refunded: 'excludedRefunded',
  trialOnly: 'excludedTrialOnly',
  neverStarted: 'excludedNeverStarted',
};

const tagOf = (language: UiLanguage) => (language === 'es' ? 'es-ES' : 'en-GB');

/** A number as the language writes it: `1,234.5` / `1234,5`. */
function numberText(language: UiLanguage, n: number): string {
  return new Intl.NumberFormat(language === 'es' ? 'es-ES' : 'en-US', { maximumFractionDigits: 6 }).format(n);
}

/** `2025-11-03` → "3 November 2025" / "3 de noviembre de 2025" (with the time when given). */
export function dateInWords(language: UiLanguage, iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)));
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
  if (m[4]) Object.assign(options, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return new Intl.DateTimeFormat(tagOf(language), options).format(date);
}

/** The name of a recognised export. */
export function exportFormatName(language: UiLanguage, exportFormat: ExportFormat): string {
  return format(language, FORMAT_NAMES[exportFormat]);
}

/** What a recognised export's rules do with its rows, for the source's kind. */
export function exportRules(language: UiLanguage, kind: SourceKind): string | undefined {
  if (kind === 'orders') return format(language, 'rulesOrders');
  if (kind === 'subscriptions') return format(language, 'rulesSubscriptions');
  if (kind === 'surveys') return format(language, 'rulesSurveys');
  return undefined;
}

/** "Why: …" for a detected column. */
export function choiceReason(language: UiLanguage, choice: FieldChoice, exportFormat?: ExportFormat): string {
  let why: string;
  switch (choice.reason) {
    case 'exportLayout':
      why = format(language, 'whyExportLayout', {
        format: exportFormat ? exportFormatName(language, exportFormat) : '',
      });
      break;
    case 'questionText':
      why = choice.scale
        ? format(language, 'whyQuestionText', {
            word: choice.word ?? '',
            min: numberText(language, choice.scale.min),
            max: numberText(language, choice.scale.max),
          })
        : format(language, 'whyQuestionWords', { word: choice.word ?? '' });
      break;
    case 'emailAsId':
      why = format(language, 'whyEmailAsId');
      break;
    case 'valuesAreDates':
      why = format(language, 'whyValuesAreDates');
      break;
    default:
      why = format(language, 'whyKnownName');
  }
  return format(language, 'why', { why });
}

/** What the wizard asks about a field detection could not settle. */
export function questionText(language: UiLanguage, question: ColumnQuestion): string {
  const columns = question.candidates.map((c) => (language === 'es' ? `«${c}»` : `“${c}”`)).join(', ');
  return format(language, question.why === 'scaleUnclear' ? 'askScale' : 'askSeveral', { columns });
}

/** "rows 2, 5, 9…" for a form of value. */
function rowsText(language: UiLanguage, entry: FormCount): string {
  const more = entry.count > entry.firstRows.length ? '…' : '';
  const rows = `${entry.firstRows.join(', ')}${more}`;
  return format(language, entry.count === 1 ? 'rowWord' : 'rowsWord', { rows });
}

/** The order words of a date order. */
function orderWords(language: UiLanguage, order: 'dmy' | 'mdy'): string {
  return format(language, order === 'dmy' ? 'orderDayFirst' : 'orderMonthFirst');
}

/** What the wizard says about one column, and the reading it can offer instead. */
export interface ColumnSentences {
  lines: string[];
  /** Offers to read the column's dates the other way round (`true`), or back in the locale's order. */
  offer?: { label: string; swap: boolean };
  /** Something the user should look at (impossible or unreadable values). */
  warn: boolean;
}

/**
 * What the reader understood of a column, in words: the example of a date or amount written as text
 * and what it became, the order of day and month, a column that seems written the other way round
 * (with the offer to read it so), a column of mixed forms with the count of each and its first rows.
 */
export function columnSentences(
  language: UiLanguage,
  column: ColumnReading,
  where: { locale: string; timeZone: string },
): ColumnSentences {
  const out: ColumnSentences = { lines: [], warn: false };
  const header = column.header;
  const forms = Object.entries(column.forms) as [ValueForm, FormCount][];
  const text = forms.find(([form]) => form === 'dateText' || form === 'isoText');
  const offset = column.forms.offsetText;
  const amount = column.forms.amountText;
  const plain = amount ? undefined : column.forms.numberText;
  if (offset?.example)
    out.lines.push(
      format(language, 'readOffsetText', {
        header,
        example: offset.example.text,
        date: dateInWords(language, String(offset.example.read)),
        zone: where.timeZone,
      }),
    );
  if (text?.[1].example)
    out.lines.push(
      format(language, 'readDateText', {
        header,
        example: text[1].example.text,
        date: dateInWords(language, String(text[1].example.read)),
      }),
    );
  if (column.utc && !/^(Etc\/)?(UTC|GMT)$/.test(where.timeZone))
    out.lines.push(format(language, 'readUtc', { header, zone: where.timeZone }));
  if (amount?.example)
    out.lines.push(
      format(language, 'readAmountText', {
        header,
        example: amount.example.text,
        number: numberText(language, Number(amount.example.read)),
      }),
    );
  if (plain?.example)
    out.lines.push(
      format(language, 'readNumberText', {
        header,
        example: plain.example.text,
        number: numberText(language, Number(plain.example.read)),
      }),
    );
  if (column.decimalMark && !column.decimalMark.locale)
    out.lines.push(
      format(language, 'readDecimalMark', {
        mark: format(language, column.decimalMark.mark === '.' ? 'markPoint' : 'markComma'),
      }),
    );
  if (column.dateOrder) {
    const localeOrder = column.dateOrder.locale === 'mdy' ? 'mdy' : 'dmy';
    const read = column.dateOrder.read;
    const other = read === 'dmy' ? 'mdy' : 'dmy';
    const chosen = read !== localeOrder;
    out.lines.push(
      chosen
        ? format(language, 'readOrderChosen', { order: orderWords(language, read) })
        : format(language, 'readOrderLocale', { order: orderWords(language, read), locale: where.locale }),
    );
    if (chosen && column.swappedCells)
      out.lines.push(
        format(language, 'readSwappedCells', { n: column.swappedCells, order: orderWords(language, read) }),
      );
    const impossible = column.forms.impossible;
    if (column.otherOrderFits && impossible?.example) {
      out.warn = true;
      out.lines.push(
        format(language, 'readOtherOrder', {
          order: orderWords(language, read),
          rows: rowsText(language, impossible),
          example: impossible.example.text,
          other: orderWords(language, other),
        }),
      );
      out.offer = { label: format(language, 'readItOtherWay', { other: orderWords(language, other) }), swap: !chosen };
    } else if (chosen) {
      out.offer = {
        label: format(language, 'readItLocaleWay', { order: orderWords(language, localeOrder) }),
        swap: false,
      };
    }
  }
  // "27 impossible dates (rows 3, 4, 5…)": a count, a form and its first rows, the same in both languages.
  const part = ([form, entry]: [ValueForm, FormCount]) =>
    `${numberText(language, entry.count)} ${format(language, FORM_NAMES[form])} (${rowsText(language, entry)})`;
  const named = new Set(forms.map(([form]) => FORM_NAMES[form]));
  if (named.size > 1) out.lines.push(format(language, 'readMixed', { header, parts: forms.map(part).join('; ') }));
  else {
    const bad = forms.filter(([form]) => form === 'unreadable' || form === 'impossible' || form === 'error');
    if (bad.length) out.lines.push(format(language, 'readUnreadable', { header, parts: bad.map(part).join('; ') }));
  }
  if (forms.some(([form]) => form === 'unreadable' || form === 'impossible' || form === 'error')) out.warn = true;
  return out;
}

/** What the rules of the data did with a sheet's first rows: orders made of line items, rows left out. */
export function sourceSentences(language: UiLanguage, reading: SourceReading): string[] {
  const lines: string[] = [];
  const grouped = reading.grouped;
  if (grouped && grouped.orders < grouped.rows) {
    lines.push(
      format(language, 'groupedRows', {
        rows: numberText(language, grouped.rows),
        orders: numberText(language, grouped.orders),
      }),
    );
    if (grouped.multiLineOrders)
      lines.push(format(language, grouped.amounts === 'repeated' ? 'groupedRepeated' : 'groupedSummed'));
    if (grouped.refundRows)
      lines.push(format(language, 'groupedRefunds', { n: numberText(language, grouped.refundRows) }));
  }
  if (reading.excluded) {
    const parts = (Object.entries(reading.excluded.byReason) as [ExclusionReason, { count: number }][]).map(
      ([reason, entry]) => format(language, EXCLUDED_NAMES[reason], { n: numberText(language, entry.count) }),
    );
    lines.push(
      format(language, 'excludedIntro', { rows: numberText(language, reading.rowsChecked), parts: parts.join(', ') }),
    );
  }
  return lines;
}

/** The direction an effort question is read in, and why. */
export function effortSentence(
  language: UiLanguage,
  header: string,
  direction: EffortDirection,
  word?: string,
): string {
  const because = word ? format(language, 'effortBecause', { word }) : format(language, 'effortAssumed');
  return format(language, direction === 'higherIsBetter' ? 'effortHigher' : 'effortLower', { header, because });
}
