/**
 * The data sheets the report reads, their columns, and the header names recognised for each
 * (PRODUCT.md, "The data sheets it reads"). Shared by the report generator and the sidebar wizard.
 */

/** How a column's cells are read. */
export type FieldType = 'id' | 'text' | 'date' | 'optionalDate' | 'amount' | 'score' | 'rating' | 'count';

/** One column the report can use. */
export interface FieldSpec {
  key: string;
  type: FieldType;
  /** Needed for the sheet to be used at all. */
  required: boolean;
  /** Header names recognised, English then Spanish (compared after {@link normaliseHeader}). */
  synonyms: readonly string[];
  /** Name of the record property when it is not the key (dates become day numbers: `date` → `day`). */
  record?: string;
}

/** One kind of sheet: the sheet names that suggest it and its columns. */
export interface SourceSpec {
  kind: string;
  sheetNames: readonly string[];
  fields: readonly FieldSpec[];
  /** At least one of these fields must be present (surveys: nps or csat). */
  oneOf?: readonly string[];
}

const CUSTOMER_ID = [
  'customer id',
  'customer',
  'client id',
  'client',
  'customer number',
  'id cliente',
  'cliente',
  'código cliente',
  'codigo cliente',
  'cliente id',
  'nº cliente',
];

/**
 * Every source sheet kind, in the order the wizard shows them: the one schema the record types, field
 * keys and field labels are derived from.
 */
const SOURCES = [
  {
    kind: 'orders',
    sheetNames: ['orders', 'order', 'sales', 'transactions', 'pedidos', 'pedido', 'ventas', 'compras', 'transacciones'],
    fields: [
      { key: 'customerId', type: 'id', required: true, synonyms: CUSTOMER_ID },
      {
        key: 'date',
        record: 'day',
        type: 'date',
        required: true,
        synonyms: ['date', 'order date', 'purchase date', 'fecha', 'fecha pedido', 'fecha de pedido', 'fecha compra'],
      },
      {
        key: 'amount',
        type: 'amount',
        required: true,
        synonyms: [
          'amount',
          'total',
          'revenue',
          'order total',
          'value',
          'importe',
          'ingresos',
          'total pedido',
          'valor',
          'importe total',
        ],
      },
      { key: 'cost', type: 'amount', required: false, synonyms: ['cost', 'cogs', 'coste', 'costo', 'coste pedido'] },
    ],
  },
  {
    kind: 'customers',
    sheetNames: ['customers', 'customer', 'clients', 'clientes', 'cliente'],
    fields: [
      { key: 'customerId', type: 'id', required: true, synonyms: CUSTOMER_ID },
      {
        key: 'name',
        type: 'text',
        required: false,
        synonyms: ['name', 'customer name', 'full name', 'nombre', 'nombre cliente', 'nombre completo'],
      },
      {
        key: 'email',
        type: 'text',
        required: false,
        synonyms: ['email', 'e-mail', 'email address', 'correo', 'correo electrónico', 'correo electronico'],
      },
      {
        key: 'signupDate',
        record: 'signupDay',
        type: 'date',
        required: false,
        synonyms: [
          'signup date',
          'sign up date',
          'first order',
          'since',
          'customer since',
          'fecha alta',
          'alta',
          'cliente desde',
          'fecha de alta',
        ],
      },
      {
        key: 'birthday',
        record: 'birthdayDay',
        type: 'date',
        required: false,
        synonyms: [
          'birthday',
          'date of birth',
          'birth date',
          'cumpleaños',
          'cumpleanos',
          'fecha de nacimiento',
          'fecha nacimiento',
        ],
      },
      {
        key: 'cac',
        type: 'amount',
        required: false,
        synonyms: [
          'cac',
          'acquisition cost',
          'customer acquisition cost',
          'coste adquisición',
          'coste adquisicion',
          'coste de adquisición',
          'costo adquisición',
        ],
      },
      { key: 'segment', type: 'text', required: false, synonyms: ['segment', 'plan', 'tier', 'segmento'] },
    ],
  },
  {
    kind: 'surveys',
    sheetNames: [
      'surveys',
      'survey',
      'responses',
      'nps',
      'feedback',
      'encuestas',
      'encuesta',
      'respuestas',
      'opiniones',
    ],
    oneOf: ['nps', 'csat'],
    fields: [
      { key: 'customerId', type: 'id', required: false, synonyms: CUSTOMER_ID },
      {
        key: 'date',
        record: 'day',
        type: 'date',
        required: true,
        synonyms: ['date', 'timestamp', 'response date', 'fecha', 'marca temporal', 'fecha respuesta'],
      },
      {
        key: 'nps',
        type: 'score',
        required: false,
        synonyms: [
          'nps',
          'likelihood to recommend',
          'recommend',
          'nps score',
          'recomendación',
          'recomendacion',
          'probabilidad de recomendar',
          'recomendaría',
        ],
      },
      {
        key: 'csat',
        type: 'rating',
        required: false,
        synonyms: ['csat', 'satisfaction', 'satisfacción', 'satisfaccion'],
      },
      {
        key: 'comment',
        type: 'text',
        required: false,
        synonyms: ['comment', 'comments', 'feedback', 'comentario', 'comentarios', 'opinión', 'opinion'],
      },
      {
        key: 'switchLikelihood',
        type: 'rating',
        required: false,
        synonyms: [
          'likelihood to switch',
          'switch',
          'cambiar a la competencia',
          'probabilidad de cambiar a la competencia',
          'probabilidad de cambiar',
        ],
      },
      {
        key: 'repurchase',
        type: 'rating',
        required: false,
        synonyms: ['repurchase', 'likelihood to repurchase', 'recompra', 'probabilidad de recompra'],
      },
      {
        key: 'overallExperience',
        type: 'rating',
        required: false,
        synonyms: ['overall experience', 'experience', 'experiencia global', 'experiencia'],
      },
    ],
  },
  {
    kind: 'subscriptions',
    sheetNames: ['subscriptions', 'subscription', 'suscripciones', 'suscripción', 'suscripcion', 'abonos'],
    fields: [
      { key: 'customerId', type: 'id', required: true, synonyms: CUSTOMER_ID },
      {
        key: 'start',
        record: 'startDay',
        type: 'date',
        required: true,
        synonyms: ['start', 'start date', 'inicio', 'fecha inicio', 'fecha de inicio', 'alta'],
      },
      {
        key: 'end',
        record: 'endDay',
        type: 'optionalDate',
        required: true,
        synonyms: ['end', 'end date', 'cancelled', 'fin', 'fecha fin', 'fecha de fin', 'baja'],
      },
      {
        key: 'mrr',
        type: 'amount',
        required: true,
        synonyms: ['mrr', 'monthly amount', 'monthly fee', 'amount', 'cuota mensual', 'cuota', 'importe mensual'],
      },
    ],
  },
  {
    kind: 'tickets',
    sheetNames: ['tickets', 'support', 'incidents', 'incidencias', 'soporte', 'tickets de soporte'],
    fields: [
      { key: 'customerId', type: 'id', required: true, synonyms: CUSTOMER_ID },
      {
        key: 'date',
        record: 'day',
        type: 'date',
        required: true,
        synonyms: ['date', 'created', 'opened', 'fecha', 'fecha apertura', 'fecha creación'],
      },
      { key: 'status', type: 'text', required: false, synonyms: ['status', 'state', 'estado'] },
    ],
  },
  {
    kind: 'funnel',
    sheetNames: ['funnel', 'conversion', 'embudo', 'conversión', 'conversion funnel'],
    fields: [
      {
        key: 'period',
        record: 'day',
        type: 'date',
        required: true,
        synonyms: ['period', 'date', 'month', 'periodo', 'período', 'fecha', 'mes'],
      },
      {
        key: 'interactions',
        type: 'count',
        required: true,
        synonyms: ['interactions', 'visits', 'sessions', 'leads', 'interacciones', 'visitas', 'sesiones'],
      },
      { key: 'goals', type: 'count', required: false, synonyms: ['goals', 'conversions', 'objetivos', 'conversiones'] },
      {
        key: 'carts',
        type: 'count',
        required: false,
        synonyms: ['carts', 'carts created', 'carritos', 'carritos creados'],
      },
      {
        key: 'purchases',
        type: 'count',
        required: false,
        synonyms: ['purchases', 'purchases completed', 'orders', 'compras', 'compras completadas'],
      },
    ],
  },
] as const satisfies readonly SourceSpec[];

/** Lower-case, accents removed, spaces, `_`, `-` and punctuation ignored: `Fecha_Pedido ` → `fechapedido`. */
export function normaliseHeader(header: unknown): string {
  return String(header ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_\-.:/()º°#]+/g, '');
}

/** The kinds of sheet the report can read. */
export type SourceKind = (typeof SOURCES)[number]['kind'];

/** The declared columns of a source kind. */
export type FieldOf<K extends SourceKind> = Extract<(typeof SOURCES)[number], { kind: K }>['fields'][number];

/** The key of a column of a source kind (of any kind by default). */
export type FieldKey<K extends SourceKind = SourceKind> = FieldOf<K>['key'];

/** The record property a column becomes. */
type RecordKey<F> = F extends { record: infer R extends string }
  ? R
  : F extends { key: infer K extends string }
    ? K
    : never;

/** The value a column gives a record: text, or a number (`null` where an optional value is blank). */
type FieldValue<F> = F extends { type: 'id' | 'text' }
  ? string
  : F extends { type: 'date' | 'amount' | 'count'; required: true }
    ? number
    : number | null;

/** One row of a source sheet once read (dates as day numbers in the spreadsheet's zone). */
export type RecordOf<K extends SourceKind> = { [F in FieldOf<K> as RecordKey<F>]: FieldValue<F> };

/** The sources as a list of plain specs, for code that walks them all. */
export const SOURCE_SPECS: readonly KnownSource[] = SOURCES;

/** A source's spec with its kind and field keys typed. */
export interface KnownSource extends Omit<SourceSpec, 'kind' | 'fields'> {
  kind: SourceKind;
  fields: readonly KnownField[];
}

/** A field's spec with its key typed. */
export interface KnownField extends Omit<FieldSpec, 'key'> {
  key: FieldKey;
}

/** The spec of a source kind. */
export function sourceSpec(kind: SourceKind): KnownSource {
  const spec = SOURCE_SPECS.find((s) => s.kind === kind);
  if (!spec) throw new Error(`unknown source kind ${kind}`);
  return spec;
}
