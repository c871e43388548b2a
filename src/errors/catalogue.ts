/**
 * The one catalogue of user-facing errors, in English and Spanish.
 *
 * Every formula and the report raise {@link KpiError} with a code from this catalogue and the
 * parameters its sentence needs; the spreadsheet edge turns it into one short sentence in the
 * spreadsheet's language. Messages say what is wrong, where (argument and row) and how to fix it.
 */

/** Languages every user-facing text exists in. */
export type Language = 'en' | 'es';

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

/** Shows a cell value inside a message: text quoted, everything else as written. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 37)}...` : value}"`;
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') {
    const d = value as Date;
    return isNaN(d.getTime()) ? 'an invalid date' : d.toISOString().slice(0, 10);
  }
  return String(value);
}

const v = (p: ErrorParams) => showValue(p.value);

/**
 * " of scores_after" — which argument a row belongs to, left out when the argument is simply
 * named after the noun (`NPS: score 11 at row 5`, not `… of scores`).
 */
const of = (p: ErrorParams, many: string, word: string) =>
  p.arg && p.arg !== many && p.arg !== 'scores' && p.arg !== 'ratings' ? ` ${word} ${p.arg}` : '';

/** Code → message in each language. Add new kinds here, never inline in a function. */
export const ERROR_CATALOGUE = {
  NOT_A_NUMBER: {
    en: (p) => `${p.fn} ${p.arg} row ${p.row}: ${v(p)} is not a number. Type a plain number such as 12.5.`,
    es: (p) => `${p.fn} ${p.arg} fila ${p.row}: ${v(p)} no es un número. Escriba un número sin texto, como 12.5.`,
  },
  NOT_A_DATE: {
    en: (p) => `${p.fn} ${p.arg} row ${p.row}: ${v(p)} is not a date. Use a date cell or text like 2024-03-31.`,
    es: (p) =>
      `${p.fn} ${p.arg} fila ${p.row}: ${v(p)} no es una fecha. Use una celda de fecha o texto como 2024-03-31.`,
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
      `${p.fn} ${p.arg} fila ${p.row} contiene el error ${p.value}. Corrija esa celda o déjela fuera del rango.`,
  },
  SIZE_MISMATCH: {
    en: (p) =>
      `${p.fn}: ${p.arg} has ${p.n1} cells but ${p.arg2} has ${p.n2}. Give ranges with the same number of rows.`,
    es: (p) =>
      `${p.fn}: ${p.arg} tiene ${p.n1} celdas pero ${p.arg2} tiene ${p.n2}. Use rangos con el mismo número de filas.`,
  },
  SHAPE_MISMATCH: {
    en: (p) =>
      `${p.fn}: ${p.arg} is ${p.shape1} but ${p.arg2} is ${p.shape2}. Use ranges of the same shape, or single values.`,
    es: (p) =>
      `${p.fn}: ${p.arg} es de ${p.shape1} pero ${p.arg2} es de ${p.shape2}. Use rangos de la misma forma o valores sueltos.`,
  },
  NO_VALID_VALUES: {
    en: (p, _one, many) => `${p.fn}: no valid ${many} in the range.`,
    es: (p, _one, many, valid) => `${p.fn}: no hay ${many} ${valid} en el rango.`,
  },
  MISSING_ARGUMENT: {
    en: (p) => `${p.fn}: ${p.arg} is missing. Give it a value or a range.`,
    es: (p) => `${p.fn}: falta ${p.arg}. Indique un valor o un rango.`,
  },
  NOT_A_SINGLE_VALUE: {
    en: (p) => `${p.fn}: ${p.arg} must be a single value, not a range.`,
    es: (p) => `${p.fn}: ${p.arg} debe ser un único valor, no un rango.`,
  },
  BAD_ARGUMENT: {
    en: (p) => `${p.fn}: ${p.arg} is ${v(p)}; ${p.detail ?? 'it must be a number'}.`,
    es: (p) => `${p.fn}: ${p.arg} es ${v(p)}; ${p.detail ?? 'debe ser un número'}.`,
  },
  BAD_OPTION: {
    en: (p) => `${p.fn}: ${p.arg} ${v(p)} is not recognised. Use one of: ${p.options}.`,
    es: (p) => `${p.fn}: ${p.arg} ${v(p)} no se reconoce. Use uno de: ${p.options}.`,
  },
  /** For divisors: the reason is part of the message. */
  MUST_BE_POSITIVE: {
    en: (p) => `${p.fn}: ${p.arg} is ${v(p)}; it must be greater than 0 (it is divided by).`,
    es: (p) => `${p.fn}: ${p.arg} es ${v(p)}; debe ser mayor que 0 (se divide entre él).`,
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
    es: (p) => `${p.fn}: la tasa de abandono es 0, la vida del cliente no tiene límite. Use una tasa mayor que 0.`,
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
    es: (p) => `Ya no existe una hoja llamada "${p.arg}". Elija de nuevo la hoja en el paso 1 del asistente.`,
  },
  REPORT_MISSING_COLUMN: {
    en: (p) =>
      `Sheet "${p.arg}" has no column for ${p.detail}. Choose that column in step 2 of the wizard, or add a header for it in row 1.`,
    es: (p) =>
      `La hoja "${p.arg}" no tiene columna de ${p.detail}. Elija esa columna en el paso 2 del asistente o añada su encabezado en la fila 1.`,
  },
  REPORT_UNKNOWN_HEADER: {
    en: (p) =>
      `Sheet "${p.arg}" has no column headed ${v(p)} any more (it was used for ${p.detail}). Choose the column again in step 2 of the wizard.`,
    es: (p) =>
      `La hoja "${p.arg}" ya no tiene una columna con el encabezado ${v(p)} (se usaba para ${p.detail}). Elija de nuevo la columna en el paso 2 del asistente.`,
  },
  REPORT_NEEDS_SCORE: {
    en: (p) =>
      `Sheet "${p.arg}" needs an NPS or a CSAT column to be read as surveys. Choose one in step 2 of the wizard.`,
    es: (p) =>
      `La hoja "${p.arg}" necesita una columna de NPS o de CSAT para leerse como encuestas. Elija una en el paso 2 del asistente.`,
  },
  REPORT_NO_SOURCES: {
    en: () =>
      `No orders or survey sheet was found. Add a sheet with customer, date and amount columns (or survey answers), or choose it in step 1 of the wizard.`,
    es: () =>
      `No se encontró ninguna hoja de pedidos ni de encuestas. Añada una hoja con columnas de cliente, fecha e importe (o respuestas de encuesta), o elíjala en el paso 1 del asistente.`,
  },
  REPORT_BUSY: {
    en: () => `Another report is being generated in this spreadsheet. Try again in a minute.`,
    es: () => `Se está generando otro informe en esta hoja de cálculo. Vuelva a intentarlo en un minuto.`,
  },
  REPORT_NO_DATA: {
    en: (p) => `Sheet "${p.arg}" has no readable rows. ${p.detail}`,
    es: (p) => `La hoja "${p.arg}" no tiene filas legibles. ${p.detail}`,
  },
  REPORT_WRITE_FAILED: {
    en: (p) =>
      `The report could not be written (Google Sheets said: ${p.detail}). Nothing was changed in the spreadsheet: any previous report is as it was. Try again in a minute.`,
    es: (p) =>
      `No se pudo escribir el informe (Google Sheets respondió: ${p.detail}). No se ha cambiado nada en la hoja de cálculo: el informe anterior, si lo había, sigue igual. Vuelva a intentarlo en un minuto.`,
  },
  BAD_REQUEST: {
    en: (p) => `The sidebar sent an invalid ${p.arg} (${p.detail}). Close the sidebar and open it again.`,
    es: (p) =>
      `La barra lateral envió un valor no válido en ${p.arg} (${p.detail}). Cierre la barra lateral y ábrala de nuevo.`,
  },
  NO_REPORT_YET: {
    en: () => `There is no report to refresh yet. Use Extensions ▸ Fideliza ▸ Generate KPI report first.`,
    es: () =>
      `Todavía no hay ningún informe que actualizar. Use primero Extensiones ▸ Fideliza ▸ Generar informe de KPI.`,
  },
  INTERNAL: {
    en: (p) => `${p.fn}: Fideliza internal error (${p.detail}). Please report it.`,
    es: (p) => `${p.fn}: error interno de Fideliza (${p.detail}). Por favor, notifíquelo.`,
  },
} satisfies Record<string, Record<Language, Template>>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** Renders one catalogue entry in a language. */
export function renderError(code: ErrorCode, params: ErrorParams, language: Language): string {
  const noun: readonly string[] = NOUNS[params.noun ?? 'value'][language];
  const template: Template = ERROR_CATALOGUE[code][language];
  return template(params, noun[0], noun[1], noun[2] ?? 'valid');
}

/**
 * Details that vary per call site (e.g. "start must be greater than 0") are passed as a pair so
 * they too exist in both languages.
 */
export interface Bilingual {
  en: string;
  es: string;
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

  /** The message in a language. */
  localized(language: Language): string {
    const detail = this.details ? this.details[language] : this.params.detail;
    return renderError(this.code, { ...this.params, detail }, language);
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
