// What a declared parameter accepts, in words (English and Spanish): its kind, bounds and default, as
// docs/functions.md and the Function help show them. Derived from the declaration
// (src/sheets/declaration.ts), never written by hand.

const WORDS = {
  en: {
    scores: 'range of answers',
    ratings: 'range of ratings',
    numbers: 'range of numbers',
    grid: 'range of rows × columns of numbers (blank and text cells are missing)',
    labels: 'range of labels',
    ids: 'column of ids',
    names: 'column of names',
    dates: 'column of dates',
    optionalDates: 'column of dates (blank allowed)',
    amounts: 'column of amounts ≥ 0',
    answers: 'column of answers',
    number: 'number',
    integer: 'whole number',
    amount: 'amount ≥ 0',
    answer: 'answer',
    date: 'date (a date cell or text 2024-03-31; not TODAY() or NOW())',
    period: 'day, week, month, quarter or year',
    language: 'en or es',
    boolean: 'TRUE or FALSE',
    oneOf: 'one of',
    cellByCell: 'a value or a range, cell by cell',
    defaultWord: 'default',
    onOrAfter: 'on or after',
    after: 'after',
    notBefore: 'not before',
    whole: 'whole numbers',
    anyNumber: 'any number',
  },
  es: {
    scores: 'rango de respuestas',
    ratings: 'rango de valoraciones',
    numbers: 'rango de números',
    grid: 'rango de filas × columnas de números (los blancos y los textos faltan)',
    labels: 'rango de etiquetas',
    ids: 'columna de identificadores',
    names: 'columna de nombres',
    dates: 'columna de fechas',
    optionalDates: 'columna de fechas (admite blancos)',
    amounts: 'columna de importes ≥ 0',
    answers: 'columna de respuestas',
    number: 'número',
    integer: 'número entero',
    amount: 'importe ≥ 0',
    answer: 'respuesta',
    date: 'fecha (una celda de fecha o el texto 2024-03-31; no HOY() ni AHORA())',
    period: 'día, semana, mes, trimestre o año',
    language: 'en o es',
    boolean: 'TRUE o FALSE',
    oneOf: 'uno de',
    cellByCell: 'un valor o un rango, celda a celda',
    defaultWord: 'por defecto',
    onOrAfter: 'igual o posterior a',
    after: 'posterior a',
    notBefore: 'no anterior a',
    whole: 'números enteros',
    anyNumber: 'cualquier número',
  },
};

const PERIOD_NAMES = {
  en: { day: 'day', week: 'week', month: 'month', quarter: 'quarter', year: 'year' },
  es: { day: 'día', week: 'semana', month: 'mes', quarter: 'trimestre', year: 'año' },
};

/** A bound or default as written: a number, a word (a choice), or another argument (± an offset). */
function refText(ref) {
  if (typeof ref === 'string') return ref;
  if (typeof ref === 'number') return ref === Infinity ? '∞' : ref === -Infinity ? '−∞' : String(ref);
  if (!ref.plus) return ref.arg;
  return `${ref.arg} ${ref.plus < 0 ? '−' : '+'} ${Math.abs(ref.plus)}`;
}

/** The scale of answers: `0–10`, `1–scale_max`; nothing when unbounded. */
function scaleText(spec, w) {
  if (spec.min === -Infinity && spec.max === Infinity) return w.anyNumber;
  return `${refText(spec.min)}–${refText(spec.max)}${spec.integer ? ` (${w.whole})` : ''}`;
}

/** Bounds of a number: `> 0`, `< 1`, `0–1`, `≥ 0`. */
function boundsText(spec) {
  const parts = [];
  if (spec.greaterThan !== undefined) parts.push(`> ${refText(spec.greaterThan)}`);
  if (spec.lessThan !== undefined) parts.push(`< ${refText(spec.lessThan)}`);
  if (spec.min !== undefined && spec.max !== undefined) parts.push(`${refText(spec.min)}–${refText(spec.max)}`);
  else if (spec.min !== undefined && spec.kind !== 'amount') parts.push(`≥ ${refText(spec.min)}`);
  else if (spec.max !== undefined) parts.push(`≤ ${refText(spec.max)}`);
  return parts.join(', ');
}

/**
 * What a parameter accepts, e.g. `number, > 0, < 1; default 0.95` or `column of dates`.
 * @param {import('./catalogue.mjs').ParamSpec} spec the declaration of the parameter
 * @param {'en' | 'es'} language
 * @param {boolean} [elementwise] whether the function works cell by cell
 */
export function describeParam(spec, language, elementwise = false) {
  const w = WORDS[language];
  let text;
  switch (spec.kind) {
    case 'scores':
    case 'ratings':
    case 'answers':
      text = `${w[spec.kind]} ${scaleText(spec, w)}`;
      break;
    case 'grid':
      text = spec.scale ? `${w.grid}, ${scaleText(spec.scale, w)}` : w.grid;
      break;
    case 'numbers':
      text = spec.nonNegative ? `${w.numbers} ≥ 0` : w.numbers;
      break;
    case 'number':
    case 'integer':
    case 'amount': {
      const bounds = boundsText(spec);
      text = bounds ? `${w[spec.kind]}, ${bounds}` : w[spec.kind];
      if (elementwise) text += ` (${w.cellByCell})`;
      break;
    }
    case 'answer':
      text = `${w.answer} ${scaleText(spec, w)} (${w.cellByCell})`;
      break;
    case 'date':
      text = spec.onOrAfter
        ? `${w.date}, ${w.onOrAfter} ${spec.onOrAfter}`
        : spec.after
          ? `${w.date}, ${w.after} ${spec.after}`
          : w.date;
      break;
    case 'optionalDates':
      text = spec.notBefore ? `${w.optionalDates}, ${w.notBefore} ${spec.notBefore}` : w.optionalDates;
      break;
    case 'period':
      text = w.period;
      break;
    case 'choice':
      text = `${w.oneOf}: ${spec.shown}`;
      break;
    default:
      text = w[spec.kind] ?? spec.kind;
  }
  const fallback =
    spec.kind === 'period'
      ? PERIOD_NAMES[language][spec.default]
      : spec.kind === 'language'
        ? 'en'
        : spec.kind === 'boolean'
          ? spec.default
            ? 'TRUE'
            : 'FALSE'
          : spec.default !== undefined
            ? refText(spec.default)
            : undefined;
  return fallback === undefined ? text : `${text}; ${w.defaultWord} ${fallback}`;
}
