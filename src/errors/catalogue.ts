/**
 * The one catalogue of user-facing errors, in English and Spanish: every sentence a formula, the
 * report or the wizard shows when something is wrong lives here.
 *
 * - {@link ERROR_CATALOGUE}: the message of each error code, with the parameters it needs;
 * - {@link DETAILS}: the reasons that complete a message ("it must be a fraction between 0 and 1…");
 * - {@link domainError}: the words for what the maths refuses (`src/kpi` raises a
 *   {@link DomainIssue}, a code and values, and knows no language).
 *
 * Messages say what is wrong, where (argument and row) and how to fix it.
 */
import { isoOfDay, periodStartDay } from '../kpi/calendar/days';
import type { DomainIssue } from '../kpi/domain-error';

/** Languages every user-facing text exists in. */
export type Language = 'en' | 'es';

/**
 * The decimal mark a message writes numbers with: the spreadsheet locale's (`.` in en_US and es_MX,
 * `,` in es_ES), so a number it suggests can be typed as it is. Words follow the language, numbers
 * the locale.
 */
export type DecimalMark = '.' | ',';

/** A number as a message writes it: as JavaScript does (`12.5`, `-0.25`, `1e-7`), with the decimal mark. */
export function formatNumber(n: number, mark: DecimalMark = '.'): string {
  const text = String(n);
  return mark === '.' ? text : text.replace('.', mark);
}

/** Parameters a message may use. `fn` is the formula name (e.g. `NPS`), `arg` an argument name. */
export interface ErrorParams {
  fn?: string;
  arg?: string;
  arg2?: string;
  row?: number;
  value?: unknown;
  min?: number | string;
  max?: number | string;
  n1?: number;
  n2?: number;
  shape1?: string;
  shape2?: string;
  noun?: NounKey;
  options?: string;
  detail?: string;
  /** How the message writes numbers; set by {@link renderError}, not by the code that raises the error. */
  decimalMark?: DecimalMark;
}

/** Nouns used inside messages, with singular and plural forms in each language. */
const NOUNS = {
  score: { en: ['score', 'scores'], es: ['puntuación', 'puntuaciones', 'válidas'] },
  rating: { en: ['rating', 'ratings'], es: ['valoración', 'valoraciones', 'válidas'] },
  amount: { en: ['amount', 'amounts'], es: ['importe', 'importes', 'válidos'] },
  date: { en: ['date', 'dates'], es: ['fecha', 'fechas', 'válidas'] },
  value: { en: ['value', 'values'], es: ['valor', 'valores', 'válidos'] },
  order: { en: ['order', 'orders'], es: ['pedido', 'pedidos', 'válidos'] },
  row: { en: ['row', 'rows'], es: ['fila', 'filas', 'válidas'] },
  customer: { en: ['customer', 'customers'], es: ['cliente', 'clientes', 'válidos'] },
  weight: { en: ['weight', 'weights'], es: ['peso', 'pesos', 'válidos'] },
  subscription: { en: ['subscription', 'subscriptions'], es: ['suscripción', 'suscripciones', 'válidas'] },
} as const;

export type NounKey = keyof typeof NOUNS;

/** `valid` is the agreeing form of "valid" in Spanish (válidos / válidas). */
type Template = (p: ErrorParams, singular: string, plural: string, valid: string) => string;

/** Shows a cell value inside a message: text quoted, a number with the decimal mark, everything else as written. */
export function showValue(value: unknown, mark: DecimalMark = '.'): string {
  if (typeof value === 'number') return formatNumber(value, mark);
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 37)}...` : value}"`;
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') {
    const d = value as Date;
    return isNaN(d.getTime()) ? 'an invalid date' : d.toISOString().slice(0, 10);
  }
  return String(value);
}

const v = (p: ErrorParams) => showValue(p.value, p.decimalMark);

/** A number the message suggests ("such as 12.5"), with the decimal mark it is rendered with. */
const num = (p: { decimalMark?: string | number }, n: number) => formatNumber(n, p.decimalMark === ',' ? ',' : '.');

/** " row 3" / " fila 3" after an argument name, when the value sits in a row of a range. */
const at = (p: ErrorParams, word: string) => (p.row === undefined ? '' : ` ${word} ${p.row}`);

/**
 * " of scores_after" — which argument a row belongs to, left out when the argument is simply
 * named after the noun (`NPS: score 11 at row 5`, not `… of scores`).
 */
const of = (p: ErrorParams, many: string, word: string) =>
  p.arg && p.arg !== many && p.arg !== 'scores' && p.arg !== 'ratings' ? ` ${word} ${p.arg}` : '';

/** Code → message in each language. Add new kinds here, never inline in a function. */
export const ERROR_CATALOGUE = {
  NOT_A_NUMBER: {
    en: (p) => `${p.fn} ${p.arg} row ${p.row}: ${v(p)} is not a number. Type a plain number such as ${num(p, 12.5)}.`,
    es: (p) =>
      `${p.fn} ${p.arg} fila ${p.row}: ${v(p)} no es un número. Escribe un número sin texto, como ${num(p, 12.5)}.`,
  },
  /** A number was expected, and the cell holds a date because of its number format, not because of what was typed. */
  FORMATTED_AS_DATE: {
    en: (p) =>
      `${p.fn} ${p.arg}${at(p, 'row')}: this cell is formatted as a date, so it reads as ${v(p)} instead of a ` +
      'number. Select the cell and choose Format > Number > Automatic (or Number), then check its value.',
    es: (p) =>
      `${p.fn} ${p.arg}${at(p, 'fila')}: esta celda tiene formato de fecha, así que se lee como ${v(p)} en lugar ` +
      'de un número. Selecciona la celda y elige Formato > Número > Automático (o Número), y revisa su valor.',
  },
  NOT_A_DATE: {
    en: (p) => `${p.fn} ${p.arg} row ${p.row}: ${v(p)} is not a date. Use a date cell or text like 2024-03-31.`,
    es: (p) =>
      `${p.fn} ${p.arg} fila ${p.row}: ${v(p)} no es una fecha. Usa una celda de fecha o texto como 2024-03-31.`,
  },
  OUT_OF_RANGE: {
    en: (p, one, many) => `${p.fn}: ${one} ${v(p)} at row ${p.row}${of(p, many, 'of')} is outside ${p.min}–${p.max}.`,
    es: (p, one, many) =>
      `${p.fn}: ${one} ${v(p)} en la fila ${p.row}${of(p, many, 'de')} está fuera de ${p.min}–${p.max}.`,
  },
  NOT_WHOLE: {
    en: (p, one, many) =>
      `${p.fn}: ${one} ${v(p)} at row ${p.row}${of(p, many, 'of')} is not a whole number from ${p.min} to ${p.max}.`,
    es: (p, one, many) =>
      `${p.fn}: ${one} ${v(p)} en la fila ${p.row}${of(p, many, 'de')} no es un número entero de ${p.min} a ${p.max}.`,
  },
  NEGATIVE: {
    en: (p, one) => `${p.fn} ${p.arg} row ${p.row}: ${one} ${v(p)} is negative. It must be 0 or more.`,
    es: (p, one) => `${p.fn} ${p.arg} fila ${p.row}: ${one} ${v(p)} es negativo. Debe ser 0 o más.`,
  },
  ERROR_VALUE: {
    en: (p) => `${p.fn} ${p.arg} row ${p.row} holds the error ${p.value}. Fix that cell or leave it out of the range.`,
    es: (p) =>
      `${p.fn} ${p.arg} fila ${p.row} contiene el error ${p.value}. Corrige esa celda o déjala fuera del rango.`,
  },
  SIZE_MISMATCH: {
    en: (p) =>
      `${p.fn}: ${p.arg} has ${p.n1} cells but ${p.arg2} has ${p.n2}. Give ranges with the same number of rows.`,
    es: (p) =>
      `${p.fn}: ${p.arg} tiene ${p.n1} celdas pero ${p.arg2} tiene ${p.n2}. Usa rangos con el mismo número de filas.`,
  },
  SHAPE_MISMATCH: {
    en: (p) =>
      `${p.fn}: ${p.arg} is ${p.shape1} but ${p.arg2} is ${p.shape2}. Use ranges of the same shape, or single values.`,
    es: (p) =>
      `${p.fn}: ${p.arg} es de ${p.shape1} pero ${p.arg2} es de ${p.shape2}. Usa rangos de la misma forma o valores ` +
      'sueltos.',
  },
  NO_VALID_VALUES: {
    en: (p, _one, many) => `${p.fn}: no valid ${many} in the range.`,
    es: (p, _one, many, valid) => `${p.fn}: no hay ${many} ${valid} en el rango.`,
  },
  MISSING_ARGUMENT: {
    en: (p) => `${p.fn}: ${p.arg} is missing. Give it a value or a range.`,
    es: (p) => `${p.fn}: falta ${p.arg}. Indica un valor o un rango.`,
  },
  NOT_A_SINGLE_VALUE: {
    en: (p) => `${p.fn}: ${p.arg} must be a single value, not a range.`,
    es: (p) => `${p.fn}: ${p.arg} debe ser un único valor, no un rango.`,
  },
  BAD_ARGUMENT: {
    en: (p) => `${p.fn}: ${p.arg}${at(p, 'row')} is ${v(p)}; ${p.detail ?? 'it must be a number'}.`,
    es: (p) => `${p.fn}: ${p.arg}${at(p, 'fila')} es ${v(p)}; ${p.detail ?? 'debe ser un número'}.`,
  },
  BAD_OPTION: {
    en: (p) => `${p.fn}: ${p.arg} ${v(p)} is not recognised. Use one of: ${p.options}.`,
    es: (p) => `${p.fn}: ${p.arg} ${v(p)} no se reconoce. Usa uno de: ${p.options}.`,
  },
  /** For divisors: the reason is part of the message. */
  MUST_BE_POSITIVE: {
    en: (p) => `${p.fn}: ${p.arg}${at(p, 'row')} is ${v(p)}; it must be greater than 0 (it is divided by).`,
    es: (p) => `${p.fn}: ${p.arg}${at(p, 'fila')} es ${v(p)}; debe ser mayor que 0 (se divide entre él).`,
  },
  INCONSISTENT_COUNTS: {
    en: (p) => `${p.fn}: ${p.detail}.`,
    es: (p) => `${p.fn}: ${p.detail}.`,
  },
  DIVISION_BY_ZERO: {
    en: (p) => `${p.fn}: cannot divide by zero: ${p.detail}.`,
    es: (p) => `${p.fn}: no se puede dividir entre cero: ${p.detail}.`,
  },
  UNBOUNDED_LIFETIME: {
    en: (p) => `${p.fn}: churn is 0, lifetime is unbounded. Use a churn rate above 0.`,
    es: (p) => `${p.fn}: la tasa de abandono es 0, la vida del cliente no tiene límite. Usa una tasa mayor que 0.`,
  },
  NOT_ENOUGH_DATA: {
    en: (p) => `${p.fn}: not enough data: ${p.detail}.`,
    es: (p) => `${p.fn}: no hay datos suficientes: ${p.detail}.`,
  },
  FIT_FAILED: {
    en: (p) => `${p.fn}: the model could not be fitted to this data (${p.detail}).`,
    es: (p) => `${p.fn}: no se pudo ajustar el modelo a estos datos (${p.detail}).`,
  },
  REPORT_MISSING_SHEET: {
    en: (p) => `There is no sheet named "${p.arg}" any more. Choose the sheet again in step 1 of the wizard.`,
    es: (p) => `Ya no existe una hoja llamada "${p.arg}". Elige de nuevo la hoja en el paso 1 del asistente.`,
  },
  REPORT_MISSING_COLUMN: {
    en: (p) =>
      `Sheet "${p.arg}" has no column for ${p.detail}. Choose that column in step 2 of the wizard, or add a header ` +
      'for it in row 1.',
    es: (p) =>
      `La hoja "${p.arg}" no tiene columna de ${p.detail}. Elige esa columna en el paso 2 del asistente o añade su ` +
      'encabezado en la fila 1.',
  },
  REPORT_UNKNOWN_HEADER: {
    en: (p) =>
      `Sheet "${p.arg}" has no column headed ${v(p)} any more (it was used for ${p.detail}). Choose the column again ` +
      'in step 2 of the wizard.',
    es: (p) =>
      `La hoja "${p.arg}" ya no tiene una columna con el encabezado ${v(p)} (se usaba para ${p.detail}). Elige de ` +
      'nuevo la columna en el paso 2 del asistente.',
  },
  REPORT_NEEDS_SCORE: {
    en: (p) =>
      `Sheet "${p.arg}" needs an NPS or a CSAT column to be read as surveys. Choose one in step 2 of the wizard.`,
    es: (p) =>
      `La hoja "${p.arg}" necesita una columna de NPS o de CSAT para leerse como encuestas. Elige una en el paso 2 ` +
      'del asistente.',
  },
  REPORT_NO_SOURCES: {
    en: () =>
      'No orders, survey or subscriptions sheet was found. Add a sheet with customer, date and amount columns (or ' +
      'survey answers, or subscriptions with a start date and a monthly amount), or choose it in step 1 of the wizard.',
    es: () =>
      'No se encontró ninguna hoja de pedidos, encuestas ni suscripciones. Añade una hoja con columnas de cliente, ' +
      'fecha e importe (o respuestas de encuesta, o suscripciones con fecha de inicio y cuota mensual), o elígela en ' +
      'el paso 1 del asistente.',
  },
  REPORT_NO_LOCK: {
    en: () =>
      'Fideliza can only make a report inside a spreadsheet: open the spreadsheet in Google Sheets and use ' +
      'Extensions ▸ Fideliza ▸ Generate KPI report.',
    es: () =>
      'Fideliza solo puede crear un informe dentro de una hoja de cálculo: ábrela en Google Sheets y usa ' +
      'Extensiones ▸ Fideliza ▸ Generar informe de KPI.',
  },
  REPORT_BUSY: {
    en: () => `Another report is being generated in this spreadsheet. Try again in a minute.`,
    es: () => `Se está generando otro informe en esta hoja de cálculo. Vuelve a intentarlo en un minuto.`,
  },
  REPORT_NO_DATA: {
    en: (p) => `Sheet "${p.arg}" has no readable rows. ${p.detail}`,
    es: (p) => `La hoja "${p.arg}" no tiene filas legibles. ${p.detail}`,
  },
  REPORT_WRITE_FAILED: {
    en: (p) =>
      `The report could not be written (Google Sheets said: ${p.detail}). Nothing was changed in the spreadsheet: ` +
      'any previous report is as it was. Try again in a minute.',
    es: (p) =>
      `No se pudo escribir el informe (Google Sheets respondió: ${p.detail}). No se ha cambiado nada en la hoja de ` +
      'cálculo: el informe anterior, si lo había, sigue igual. Vuelve a intentarlo en un minuto.',
  },
  REPORT_LIMIT_REACHED: {
    en: (p) =>
      `The report could not be written: Google Sheets said "${p.detail}". That is a limit of Sheets, so trying ` +
      'again will not help. Nothing was changed in the spreadsheet. Free some room (delete empty rows and columns ' +
      'of large sheets, or move old data to another spreadsheet) and generate the report again.',
    es: (p) =>
      `No se pudo escribir el informe: Google Sheets respondió "${p.detail}". Es un límite de Sheets, así que ` +
      'volver a intentarlo no servirá. No se ha cambiado nada en la hoja de cálculo. Libera espacio (borra filas y ' +
      'columnas vacías de las hojas grandes o pasa datos antiguos a otra hoja de cálculo) y vuelve a generar el ' +
      'informe.',
  },
  REPORT_READ_FAILED: {
    en: (p) =>
      `The sheet "${p.arg}" could not be read (Google Sheets said: ${p.detail}). Nothing was changed in the ` +
      'spreadsheet. Try again in a minute.',
    es: (p) =>
      `No se pudo leer la hoja "${p.arg}" (Google Sheets respondió: ${p.detail}). No se ha cambiado nada en la hoja ` +
      'de cálculo. Vuelve a intentarlo en un minuto.',
  },
  REPORT_SERVICE_FAILED: {
    en: (p) =>
      `Google Sheets did not answer (${p.detail}). Nothing was changed in the spreadsheet. Try again in a minute.`,
    es: (p) =>
      `Google Sheets no respondió (${p.detail}). No se ha cambiado nada en la hoja de cálculo. Vuelve a intentarlo ` +
      'en un minuto.',
  },
  REPORT_INTERNAL: {
    en: (p) =>
      `Something went wrong inside Fideliza (${p.detail}). Nothing was changed in the spreadsheet. Please report ` +
      'this message to us.',
    es: (p) =>
      `Algo falló dentro de Fideliza (${p.detail}). No se ha cambiado nada en la hoja de cálculo. Por favor, ` +
      'envíanos este mensaje.',
  },
  BAD_REQUEST: {
    en: (p) => `The sidebar sent an invalid ${p.arg} (${p.detail}). Close the sidebar and open it again.`,
    es: (p) =>
      `La barra lateral envió un valor no válido en ${p.arg} (${p.detail}). Cierra la barra lateral y ábrela de nuevo.`,
  },
  NO_REPORT_YET: {
    en: () => `There is no report to refresh yet. Use Extensions ▸ Fideliza ▸ Generate KPI report first.`,
    es: () =>
      `Todavía no hay ningún informe que actualizar. Usa primero Extensiones ▸ Fideliza ▸ Generar informe de KPI.`,
  },
  REPORT_SHEET_GONE: {
    en: () => 'The summary sheet is no longer in this spreadsheet. Generate the report again to make a new one.',
    es: () => 'La hoja del resumen ya no está en esta hoja de cálculo. Vuelve a generar el informe para crear otra.',
  },
  RESULT_TOO_LARGE: {
    en: (p) => `${p.fn}: the result is too large to compute. Check the inputs for a typing slip such as extra zeros.`,
    es: (p) => `${p.fn}: el resultado es demasiado grande para calcularlo. Revisa si a algún dato le sobran ceros.`,
  },
  INTERNAL: {
    en: (p) => `${p.fn}: Fideliza internal error (${p.detail}). Please report it.`,
    es: (p) => `${p.fn}: error interno de Fideliza (${p.detail}). Por favor, avísanos.`,
  },
} satisfies Record<string, Record<Language, Template>>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** A bound (a number, or text such as −∞) with the decimal mark. */
const boundText = (bound: number | string | undefined, mark: DecimalMark) =>
  typeof bound === 'number' ? formatNumber(bound, mark) : bound;

/** Renders one catalogue entry in a language, its numbers with a decimal mark (`.` unless told). */
export function renderError(code: ErrorCode, params: ErrorParams, language: Language, mark: DecimalMark = '.'): string {
  const noun: readonly string[] = NOUNS[params.noun ?? 'value'][language];
  const template: Template = ERROR_CATALOGUE[code][language];
  const shown = { ...params, min: boundText(params.min, mark), max: boundText(params.max, mark), decimalMark: mark };
  return template(shown, noun[0], noun[1], noun[2] ?? 'valid');
}

/**
 * Details that vary per call site (e.g. "start must be greater than 0") are passed as a pair so
 * they too exist in both languages.
 */
export interface Bilingual {
  en: string;
  es: string;
  /** Writes the reason again in a language with another decimal mark (the `en`/`es` texts usa `.`). */
  render?: (language: Language, mark: DecimalMark) => string;
}

/** An error a formula or the report raises on purpose; its message is a catalogue sentence. */
export class KpiError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  readonly details?: Bilingual;

  constructor(code: ErrorCode, params: ErrorParams, details?: Bilingual) {
    const english = { ...params, detail: details ? details.en : params.detail };
    super(renderError(code, english, 'en'));
    this.name = 'KpiError';
    this.code = code;
    this.params = params;
    this.details = details;
  }

  /** This error in formula `fn` (the argument readers and the maths do not know which formula runs them). */
  inFormula(fn: string): KpiError {
    return this.params.fn === undefined ? new KpiError(this.code, { ...this.params, fn }, this.details) : this;
  }

  /** The message in a language, its numbers with the decimal mark of the spreadsheet's locale. */
  localized(language: Language, mark: DecimalMark = '.'): string {
    const detail = this.details
      ? (this.details.render?.(language, mark) ?? this.details[language])
      : this.params.detail;
    return renderError(this.code, { ...this.params, detail }, language, mark);
  }
}

/** True for errors raised on purpose (works across `vm` realms, unlike `instanceof`). */
export function isKpiError(error: unknown): error is KpiError {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'KpiError';
}

/** Picks the message language from a locale code such as `es_ES`, `es-419` or `en_US`. */
export function languageOfLocale(locale: string | undefined | null): Language {
  return typeof locale === 'string' && /^es(?:[-_]|$)/i.test(locale) ? 'es' : 'en';
}

/** Values a reason may use: numbers, text, and argument names. */
type DetailParams = Record<string, string | number>;

/** A reason in each language. */
type DetailTemplate = Record<Language, (p: DetailParams) => string>;

/** The month of a month index as `yyyy-mm`. */
const monthText = (index: number) => isoOfDay(periodStartDay(index, 'month')).slice(0, 7);

/**
 * Reasons that complete a message: what a value must be, why counts cannot be real, why a model
 * cannot be fitted. Keys are used by the coercion layer (from declared bounds) and by
 * {@link domainError}.
 */
export const DETAILS = {
  number: { en: () => 'it must be a number', es: () => 'debe ser un número' },
  wholeNumber: { en: () => 'it must be a whole number', es: () => 'debe ser un número entero' },
  within: { en: (p) => `it must be within ${p.min}–${p.max}`, es: (p) => `debe estar entre ${p.min}–${p.max}` },
  greaterThan: { en: (p) => `it must be greater than ${p.limit}`, es: (p) => `debe ser mayor que ${p.limit}` },
  lessThan: { en: (p) => `it must be less than ${p.limit}`, es: (p) => `debe ser menor que ${p.limit}` },
  greaterThanArg: {
    en: (p) => `it must be greater than ${p.other} (${p.limit})`,
    es: (p) => `debe ser mayor que ${p.other} (${p.limit})`,
  },
  notAboveArg: {
    en: (p) => `it must not be above ${p.other} (${p.limit})`,
    es: (p) => `no debe ser mayor que ${p.other} (${p.limit})`,
  },
  onOrAfterArg: {
    en: (p) => `it must be on or after ${p.other} (${p.limit})`,
    es: (p) => `debe ser igual o posterior a ${p.other} (${p.limit})`,
  },
  beforeArg: { en: (p) => `it is before ${p.other} (${p.limit})`, es: (p) => `es anterior a ${p.other} (${p.limit})` },
  dateBeforeStart: {
    en: (p) => `${p.arg} row ${p.row} (${p.date}) is before its start date (${p.start})`,
    es: (p) => `${p.arg} fila ${p.row} (${p.date}) es anterior a su fecha de inicio (${p.start})`,
  },
  trendTooManyPeriods: {
    en: (p) =>
      `answers from ${p.first} to ${p.last} make ${p.periods} periods, too many for a sheet. ` +
      'Check the dates or use a longer period',
    es: (p) =>
      `las respuestas del ${p.first} al ${p.last} dan ${p.periods} periodos, demasiados para una hoja. ` +
      'Revisa las fechas o usa un periodo más largo',
  },
  csiEmptyColumn: {
    en: (p) => `column ${p.column} of ratings has no ratings; give it answers or leave it out of the range`,
    es: (p) => `la columna ${p.column} de ratings no tiene valoraciones; añade respuestas o déjala fuera del rango`,
  },
  csiWeights: {
    en: (p) =>
      `weights has ${p.count} numbers but ratings has ${p.columns} columns (questions); give one weight per column`,
    es: (p) =>
      `weights tiene ${p.count} números pero ratings tiene ${p.columns} columnas (preguntas); ` +
      'indica un peso por columna',
  },
  driverRows: {
    en: (p) =>
      `driver_ratings has ${p.rows} rows but outcome has ${p.cells} cells; give one outcome per row of driver_ratings`,
    es: (p) =>
      `driver_ratings tiene ${p.rows} filas pero outcome tiene ${p.cells} celdas; ` +
      'indica un resultado por fila de driver_ratings',
  },
  driverNames: {
    en: (p) =>
      `driver_names has ${p.names} names but driver_ratings has ${p.columns} columns; give one name per column`,
    es: (p) =>
      `driver_names tiene ${p.names} nombres pero driver_ratings tiene ${p.columns} columnas; ` +
      'indica un nombre por columna',
  },
  noRepeatRespondents: {
    en: () => 'no customer has 2 or more answers',
    es: () => 'ningún cliente tiene 2 o más respuestas',
  },
  noPreviousBuyers: {
    en: (p) =>
      `no customer ordered in the previous window ${p.window}, so nobody could churn. ` +
      'Give a later period or more orders',
    es: (p) =>
      `ningún cliente hizo pedidos en la ventana anterior ${p.window}, así que nadie pudo abandonar. ` +
      'Indica un periodo posterior o más pedidos',
  },
  noOrderByAsOf: {
    en: (p) => `no order on or before as_of (${p.day}). Give a later as_of or leave it out`,
    es: (p) => `no hay pedidos en as_of (${p.day}) o antes. Indica una fecha as_of posterior o déjala en blanco`,
  },
  fraction: {
    en: (p) => `it must be a fraction between 0 and 1, such as ${num(p, 0.7)} for 70 %`,
    es: (p) => `debe ser una fracción entre 0 y 1, como ${num(p, 0.7)} para el 70 %`,
  },
  churnFraction: {
    en: (p) => `it must be a fraction between 0 and 1, such as ${num(p, 0.05)} for 5 % a month`,
    es: (p) => `debe ser una fracción entre 0 y 1, como ${num(p, 0.05)} para un 5 % al mes`,
  },
  confidence: {
    en: (p) => `it must be between 0 and 1, such as ${num(p, 0.95)}`,
    es: (p) => `debe estar entre 0 y 1, como ${num(p, 0.95)}`,
  },
  aboveZero: { en: () => 'it must be a number above 0', es: () => 'debe ser un número mayor que 0' },
  discountRate: {
    en: (p) => `it must be 0 or more, such as ${num(p, 0.1)}`,
    es: (p) => `debe ser 0 o más, como ${num(p, 0.1)}`,
  },
  notNegative: { en: () => 'it must be 0 or more', es: () => 'debe ser 0 o más' },
  customerCount: {
    en: () => 'a number of customers cannot be negative',
    es: () => 'un número de clientes no puede ser negativo',
  },
  weightNotNegative: { en: () => 'weights must be 0 or more', es: () => 'los pesos deben ser 0 o más' },
  someWeightPositive: {
    en: () => 'at least one weight must be above 0',
    es: () => 'al menos un peso debe ser mayor que 0',
  },
  weightsAddUpToZero: {
    en: () => 'the weights add up to 0; give at least one weight above 0',
    es: () => 'los pesos suman 0; indica al menos un peso mayor que 0',
  },
  direction: {
    en: () => 'each direction must be 1 (more is better) or -1 (less is better)',
    es: () => 'cada dirección debe ser 1 (más es mejor) o -1 (menos es mejor)',
  },
  endAboveStartPlusNew: {
    en: (p) =>
      `${p.endArg} (${p.end}) is more than ${p.startArg} + ${p.addedArg} (${p.sum}): there cannot be more customers ` +
      'at the end than at the start plus the new ones. Check the counts, or give the new customers',
    es: (p) =>
      `${p.endArg} (${p.end}) es mayor que ${p.startArg} + ${p.addedArg} (${p.sum}): al final no puede haber más ` +
      'clientes que al inicio más los nuevos. Revisa los recuentos o indica los clientes nuevos',
  },
  newAboveEnd: {
    en: (p) =>
      `${p.addedArg} (${p.added}) is more than ${p.endArg} (${p.end}): the customers at the end include the new ` +
      'ones, so there cannot be more new customers than end customers',
    es: (p) =>
      `${p.addedArg} (${p.added}) es mayor que ${p.endArg} (${p.end}): los clientes al final incluyen a los nuevos, ` +
      'así que no puede haber más clientes nuevos que clientes al final',
  },
  nothingToRetain: {
    en: (p) => `${p.startArg} is 0, so there was no revenue to retain`,
    es: (p) => `${p.startArg} es 0, así que no había ingresos que retener`,
  },
  newRevenueAboveEnd: {
    en: (p) =>
      `${p.addedArg} (${p.added}) is larger than ${p.endArg} (${p.end}); new revenue is part of the end revenue`,
    es: (p) =>
      `${p.addedArg} (${p.added}) es mayor que ${p.endArg} (${p.end}); los ingresos nuevos forman parte de los ` +
      'ingresos finales',
  },
  nothingToConvert: {
    en: (p) => `${p.interactionsArg} is 0, so nothing could convert`,
    es: (p) => `${p.interactionsArg} es 0, así que nada pudo convertir`,
  },
  goalsAboveInteractions: {
    en: (p) =>
      `${p.goalsArg} (${p.goals}) is larger than ${p.interactionsArg} (${p.interactions}); each goal comes from an ` +
      'interaction',
    es: (p) =>
      `${p.goalsArg} (${p.goals}) es mayor que ${p.interactionsArg} (${p.interactions}); cada objetivo procede de ` +
      'una interacción',
  },
  noCarts: {
    en: (p) => `${p.cartsArg} is 0, so no cart could be abandoned`,
    es: (p) => `${p.cartsArg} es 0, así que no se pudo abandonar ningún carrito`,
  },
  purchasesAboveCarts: {
    en: (p) =>
      `${p.purchasesArg} (${p.purchases}) is larger than ${p.cartsArg} (${p.carts}); each purchase comes from a cart`,
    es: (p) =>
      `${p.purchasesArg} (${p.purchases}) es mayor que ${p.cartsArg} (${p.carts}); cada compra procede de un carrito`,
  },
  countPerColumn: {
    en: (p) => `${p.arg} has ${p.count} values but ${p.gridArg} has ${p.columns} columns; give one per column`,
    es: (p) =>
      `${p.arg} tiene ${p.count} valores pero ${p.gridArg} tiene ${p.columns} columnas; indica uno por columna`,
  },
  monthsSpan: {
    en: (p) => `the months from ${p.from} span more than 1000 years; check the dates`,
    es: (p) => `los meses desde ${p.from} abarcan más de 1000 años; revisa las fechas`,
  },
  tooManyCohortCells: {
    en: (p) =>
      `the table would have ${p.cohorts} cohorts × ${p.periods} periods (orders from ${p.span}), too many for a ` +
      'sheet. Check the order dates or use a longer period',
    es: (p) =>
      `la tabla tendría ${p.cohorts} cohortes × ${p.periods} periodos (pedidos del ${p.span}), demasiadas para una ` +
      'hoja. Revisa las fechas de los pedidos o usa un periodo más largo',
  },
  noOrdersByAsOf: {
    en: (p) => `no order falls on or before ${p.arg}`,
    es: (p) => `ningún pedido cae en ${p.arg} o antes`,
  },
  nothingLost: {
    en: () => 'no MRR was lost (no churn, no contraction): the quick ratio is unbounded',
    es: () => 'no se perdió MRR (ni bajas ni reducciones): el quick ratio no tiene límite',
  },
  afterArg: {
    en: (p) => `it must be after ${p.other} (${p.limit})`,
    es: (p) => `debe ser posterior a ${p.other} (${p.limit})`,
  },
  tooFewCustomers: {
    en: (p) => `the model needs at least ${p.needed} customers, the data have ${p.found}`,
    es: (p) => `el modelo necesita al menos ${p.needed} clientes y los datos tienen ${p.found}`,
  },
  tooFewRepeatBuyers: {
    en: (p) =>
      `only ${p.found} customers bought again on a later day before as_of; the model needs at least ${p.needed} ` +
      'repeat buyers',
    es: (p) =>
      `solo ${p.found} clientes volvieron a comprar otro día antes de as_of; el modelo necesita al menos ${p.needed} ` +
      'clientes recurrentes',
  },
  tooFewSpendingBuyers: {
    en: (p) =>
      `only ${p.found} customers bought again with a spend above 0; the spend model needs at least ${p.needed}`,
    es: (p) =>
      `solo ${p.found} clientes volvieron a comprar con un importe mayor que 0; el modelo de gasto necesita al menos ` +
      `${p.needed}`,
  },
  fitUnbounded: {
    en: () =>
      'the likelihood keeps growing as a parameter goes to 0 or to infinity; use more customers or a longer history',
    es: () =>
      'la verosimilitud sigue creciendo cuando un parámetro tiende a 0 o a infinito; usa más clientes o un historial ' +
      'más largo',
  },
  fitNotConverged: {
    en: () => 'the maximum-likelihood search did not converge; use more customers or a longer history',
    es: () => 'la búsqueda de máxima verosimilitud no convergió; usa más clientes o un historial más largo',
  },
  spendUnbounded: {
    en: (p) => `the spend model has q = ${p.q} ≤ 1, so the average spend is unbounded`,
    es: (p) => `el modelo de gasto tiene q = ${p.q} ≤ 1, así que el gasto medio no tiene límite`,
  },
} satisfies Record<string, DetailTemplate>;

/** Keys of {@link DETAILS}. */
export type DetailKey = keyof typeof DETAILS;

/** A value of a reason with the decimal mark: numbers, and decimals already written as text (`q = 0.950`). */
function detailValue(value: string | number, mark: DecimalMark): string | number {
  if (typeof value === 'number') return formatNumber(value, mark);
  return /^-?\d+\.\d+$/.test(value) ? value.replace('.', mark) : value;
}

/** A reason in both languages, ready for a {@link KpiError}. */
export function detail(key: DetailKey, params: DetailParams = {}): Bilingual {
  const template: DetailTemplate = DETAILS[key];
  const render = (language: Language, mark: DecimalMark) => {
    const shown: DetailParams = { decimalMark: mark };
    for (const [name, value] of Object.entries(params)) shown[name] = detailValue(value, mark);
    return template[language](shown);
  };
  return { en: render('en', '.'), es: render('es', '.'), render };
}

/**
 * The catalogue error for what the maths refused, in a formula `fn` whose argument names the
 * maths' inputs map to through `arg` (the report passes plain names).
 */
export function domainError(issue: DomainIssue, fn: string, arg: (input: string) => string): KpiError {
  switch (issue.code) {
    case 'notPositive':
      return new KpiError('MUST_BE_POSITIVE', { fn, arg: arg(issue.input), value: issue.value });
    case 'negative':
      return new KpiError('BAD_ARGUMENT', { fn, arg: arg(issue.input), value: issue.value }, detail('notNegative'));
    case 'negativeCustomers':
      return new KpiError('BAD_ARGUMENT', { fn, arg: arg(issue.input), value: issue.value }, detail('customerCount'));
    case 'notFraction':
      return new KpiError('BAD_ARGUMENT', { fn, arg: arg(issue.input), value: issue.value }, detail('fraction'));
    case 'notChurnFraction':
      return new KpiError('BAD_ARGUMENT', { fn, arg: arg(issue.input), value: issue.value }, detail('churnFraction'));
    case 'zeroChurn':
      return new KpiError('UNBOUNDED_LIFETIME', { fn, arg: arg(issue.input) });
    case 'endAboveStartPlusNew': {
      const sum = `${issue.start} + ${issue.added} = ${issue.start + issue.added}`;
      const names = { endArg: arg('end'), startArg: arg('start'), addedArg: arg('added') };
      return new KpiError(
        'INCONSISTENT_COUNTS',
        { fn },
        detail('endAboveStartPlusNew', { ...names, end: issue.end, sum }),
      );
    }
    case 'newAboveEnd':
      return new KpiError(
        'INCONSISTENT_COUNTS',
        { fn },
        detail('newAboveEnd', { addedArg: arg('added'), endArg: arg('end'), added: issue.added, end: issue.end }),
      );
    case 'nothingToRetain':
      return new KpiError(
        'DIVISION_BY_ZERO',
        { fn, arg: arg('start') },
        detail('nothingToRetain', { startArg: arg('start') }),
      );
    case 'newRevenueAboveEnd':
      return new KpiError(
        'INCONSISTENT_COUNTS',
        { fn },
        detail('newRevenueAboveEnd', {
          addedArg: arg('added'),
          endArg: arg('end'),
          added: issue.added,
          end: issue.end,
        }),
      );
    case 'nothingToConvert':
      return new KpiError(
        'DIVISION_BY_ZERO',
        { fn, arg: arg('interactions') },
        detail('nothingToConvert', { interactionsArg: arg('interactions') }),
      );
    case 'goalsAboveInteractions':
      return new KpiError(
        'INCONSISTENT_COUNTS',
        { fn },
        detail('goalsAboveInteractions', {
          goalsArg: arg('goals'),
          interactionsArg: arg('interactions'),
          goals: issue.goals,
          interactions: issue.interactions,
        }),
      );
    case 'noCarts':
      return new KpiError('DIVISION_BY_ZERO', { fn, arg: arg('carts') }, detail('noCarts', { cartsArg: arg('carts') }));
    case 'purchasesAboveCarts':
      return new KpiError(
        'INCONSISTENT_COUNTS',
        { fn },
        detail('purchasesAboveCarts', {
          purchasesArg: arg('purchases'),
          cartsArg: arg('carts'),
          purchases: issue.purchases,
          carts: issue.carts,
        }),
      );
    case 'poorAboveGood':
      return new KpiError(
        'BAD_ARGUMENT',
        { fn, arg: arg('poorBelow'), value: issue.poorBelow },
        detail('notAboveArg', { other: arg('goodFrom'), limit: issue.goodFrom }),
      );
    case 'countMismatch':
      return new KpiError(
        'INCONSISTENT_COUNTS',
        { fn, arg: arg(issue.input) },
        detail('countPerColumn', {
          arg: arg(issue.input),
          count: issue.count,
          gridArg: arg('metrics'),
          columns: issue.columns,
        }),
      );
    case 'negativeWeight':
      return new KpiError(
        'BAD_ARGUMENT',
        { fn, arg: arg(issue.input), value: issue.value },
        detail('weightNotNegative'),
      );
    case 'allWeightsZero':
      return new KpiError('BAD_ARGUMENT', { fn, arg: arg(issue.input), value: 0 }, detail('someWeightPositive'));
    case 'notDirection':
      return new KpiError('BAD_ARGUMENT', { fn, arg: arg(issue.input), value: issue.value }, detail('direction'));
    case 'monthsReversed':
      return new KpiError(
        'BAD_ARGUMENT',
        { fn, arg: arg('to'), value: monthText(issue.toMonth) },
        detail('beforeArg', { other: arg('from'), limit: monthText(issue.fromMonth) }),
      );
    case 'tooManyMonths':
      return new KpiError(
        'BAD_ARGUMENT',
        { fn, arg: arg('to'), value: monthText(issue.toMonth) },
        detail('monthsSpan', { from: monthText(issue.fromMonth) }),
      );
    case 'tooManyCohortCells': {
      const span = `${isoOfDay(issue.firstDay)} – ${isoOfDay(issue.lastDay)}`;
      return new KpiError(
        'BAD_ARGUMENT',
        { fn, arg: arg('period'), value: issue.period },
        detail('tooManyCohortCells', { cohorts: issue.cohorts, periods: issue.periods, span }),
      );
    }
    case 'lengthMismatch':
      return new KpiError('SIZE_MISMATCH', {
        fn,
        arg: arg(issue.input),
        arg2: arg(issue.other),
        n1: issue.count,
        n2: issue.otherCount,
      });
    case 'noOrdersByAsOf':
      return new KpiError('NOT_ENOUGH_DATA', { fn }, detail('noOrdersByAsOf', { arg: arg(issue.input) }));
    case 'nothingLost':
      return new KpiError('DIVISION_BY_ZERO', { fn }, detail('nothingLost'));
    case 'tooFewCustomers':
    case 'tooFewRepeatBuyers':
    case 'tooFewSpendingBuyers':
      return new KpiError('NOT_ENOUGH_DATA', { fn }, detail(issue.code, { found: issue.found, needed: issue.needed }));
    case 'fitUnbounded':
    case 'fitNotConverged':
      return new KpiError('FIT_FAILED', { fn }, detail(issue.code));
    case 'spendUnbounded':
      return new KpiError('FIT_FAILED', { fn }, detail('spendUnbounded', { q: issue.q.toFixed(3) }));
    case 'notFinite':
      return new KpiError('RESULT_TOO_LARGE', { fn });
  }
}
