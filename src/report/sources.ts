/**
 * The data sheets the report reads, their columns, and the header names recognised for each
 * (PRODUCT.md, "The data sheets it reads"). Shared by the report generator and the sidebar wizard.
 */

/**
 * How a column's cells are read. Dates become day numbers; a `dateTime` keeps its time of day as the
 * fraction of the day number. `flag` is a yes/no column where a date also means yes (a `Cancelled
 * at` date, a `Cancel at period end` TRUE).
 */
export type FieldType =
  | 'id'
  | 'text'
  | 'date'
  | 'optionalDate'
  | 'dateTime'
  | 'amount'
  | 'score'
  | 'rating'
  | 'count'
  | 'flag';

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
  /**
   * Words that give a column this meaning wherever they appear in its header (a Google Forms question
   * such as `¿Qué probabilidad hay de que recomiendes…?`), compared after {@link headerWords}; tried
   * when no header is a known name.
   */
  meaning?: readonly string[];
  /** An unreadable value is left blank (and counted in the column's reading) instead of skipping the row. */
  lenient?: boolean;
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

/** Headers of an e-mail column: the customer id when a sheet has no id column (Forms, shop exports). */
export const EMAIL_HEADERS = [
  'email',
  'e-mail',
  'email address',
  'customer email',
  'billing email',
  'email (billing)',
  'correo',
  'correo electrónico',
  'dirección de correo electrónico',
  'email del cliente',
  'correo del cliente',
] as const;

/** A segment to compare customers by (a plan, a tier, a sales channel, a country). */
const SEGMENT = [
  'segment',
  'customer segment',
  'plan',
  'tier',
  'channel',
  'sales channel',
  'country',
  'segmento',
  'canal',
  'canal de venta',
  'país',
] as const;

/**
 * Every source sheet kind, in the order the wizard shows them: the one schema the record types, field
 * keys and field labels are derived from. Within a kind the fields are matched in this order, each
 * column once, so a field listed earlier wins a header two of them know.
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
        synonyms: [
          'date',
          'order date',
          'purchase date',
          'created at',
          'date created',
          'fecha',
          'fecha pedido',
          'fecha de pedido',
          'fecha compra',
          'fecha del pedido',
        ],
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
          'order total amount',
          'net sales',
          'value',
          'importe',
          'ingresos',
          'total pedido',
          'valor',
          'importe total',
          'ventas netas',
        ],
      },
      { key: 'cost', type: 'amount', required: false, synonyms: ['cost', 'cogs', 'coste', 'costo', 'coste pedido'] },
      {
        key: 'orderId',
        type: 'id',
        required: false,
        synonyms: [
          'order id',
          'order number',
          'order no',
          'order #',
          'order',
          'id pedido',
          'número de pedido',
          'numero de pedido',
          'nº pedido',
          'n.º de pedido',
          'pedido #',
          'id',
        ],
      },
      {
        key: 'status',
        type: 'text',
        required: false,
        synonyms: [
          'status',
          'order status',
          'financial status',
          'payment status',
          'state',
          'estado',
          'estado del pedido',
          'estado pedido',
          'estado del pago',
        ],
      },
      {
        key: 'refunded',
        type: 'amount',
        required: false,
        synonyms: [
          'refunded amount',
          'refund amount',
          'order refund amount',
          'refunded',
          'refunds',
          'importe reembolsado',
          'reembolsado',
          'reembolso',
          'importe devuelto',
        ],
      },
      {
        key: 'cancelled',
        type: 'flag',
        required: false,
        lenient: true,
        synonyms: [
          'cancelled at',
          'canceled at',
          'cancelled',
          'canceled',
          'cancelled date',
          'fecha cancelación',
          'fecha de cancelación',
          'cancelado',
          'anulado',
        ],
      },
      { key: 'segment', type: 'text', required: false, lenient: true, synonyms: SEGMENT },
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
      { key: 'email', type: 'text', required: false, synonyms: EMAIL_HEADERS },
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
      { key: 'segment', type: 'text', required: false, synonyms: SEGMENT },
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
      'form responses',
      'respuestas de formulario',
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
        meaning: ['recommend', 'recomend', 'recomiend', 'nps'],
      },
      {
        key: 'csat',
        type: 'rating',
        required: false,
        synonyms: ['csat', 'satisfaction', 'satisfacción', 'satisfaccion'],
        meaning: ['satisf', 'csat'],
      },
      {
        key: 'comment',
        type: 'text',
        required: false,
        synonyms: ['comment', 'comments', 'feedback', 'comentario', 'comentarios', 'opinión', 'opinion'],
        meaning: ['why', 'por que', 'porque', 'motivo', 'reason', 'comment', 'comentario'],
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
      {
        key: 'effort',
        type: 'rating',
        required: false,
        lenient: true,
        synonyms: ['ces', 'customer effort', 'customer effort score', 'effort', 'ease', 'esfuerzo', 'facilidad'],
        meaning: ['effort', 'esfuerzo', 'easy', 'ease', 'facil', 'facilidad'],
      },
      { key: 'segment', type: 'text', required: false, lenient: true, synonyms: SEGMENT },
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
        synonyms: ['start', 'start date', 'started', 'inicio', 'fecha inicio', 'fecha de inicio', 'alta', 'created'],
      },
      {
        key: 'end',
        record: 'endDay',
        type: 'optionalDate',
        required: true,
        synonyms: ['end', 'end date', 'ended at', 'ended', 'cancelled', 'fin', 'fecha fin', 'fecha de fin', 'baja'],
      },
      {
        key: 'mrr',
        type: 'amount',
        required: true,
        synonyms: [
          'mrr',
          'monthly amount',
          'monthly fee',
          'amount',
          'price',
          'cuota mensual',
          'cuota',
          'importe mensual',
          'importe',
          'precio',
        ],
      },
      {
        key: 'quantity',
        type: 'count',
        required: false,
        synonyms: ['quantity', 'qty', 'seats', 'units', 'cantidad', 'unidades', 'plazas', 'licencias'],
      },
      {
        key: 'interval',
        type: 'text',
        required: false,
        synonyms: [
          'interval',
          'billing interval',
          'billing period',
          'plan interval',
          'frequency',
          'intervalo',
          'periodicidad',
          'frecuencia',
          'periodo de facturación',
        ],
      },
      {
        key: 'intervalCount',
        type: 'count',
        required: false,
        synonyms: ['interval count', 'billing interval count', 'plan interval count', 'número de intervalos'],
      },
      {
        key: 'status',
        type: 'text',
        required: false,
        synonyms: ['status', 'subscription status', 'state', 'estado', 'estado de la suscripción'],
      },
      {
        key: 'trialEnd',
        record: 'trialEndDay',
        type: 'optionalDate',
        required: false,
        lenient: true,
        synonyms: ['trial end', 'trial end date', 'trial ends', 'fin de prueba', 'fin del periodo de prueba'],
      },
      {
        key: 'cancelled',
        type: 'flag',
        required: false,
        lenient: true,
        synonyms: ['canceled at', 'cancelled at', 'cancel at period end', 'cancelado', 'fecha de cancelación'],
      },
      {
        key: 'periodEnd',
        record: 'periodEndDay',
        type: 'optionalDate',
        required: false,
        lenient: true,
        synonyms: [
          'current period end',
          'period end',
          'renewal date',
          'next billing date',
          'fin del periodo',
          'fecha de renovación',
          'próxima renovación',
        ],
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
        synonyms: ['date', 'created', 'created at', 'opened', 'fecha', 'fecha apertura', 'fecha creación'],
      },
      { key: 'status', type: 'text', required: false, synonyms: ['status', 'state', 'estado'] },
      {
        key: 'firstResponse',
        record: 'firstResponseAt',
        type: 'dateTime',
        required: false,
        lenient: true,
        synonyms: [
          'first response',
          'first response at',
          'first response date',
          'first reply',
          'responded',
          'responded at',
          'primera respuesta',
          'fecha primera respuesta',
          'fecha de primera respuesta',
          'respondido',
        ],
      },
      {
        key: 'resolved',
        record: 'resolvedAt',
        type: 'dateTime',
        required: false,
        lenient: true,
        synonyms: [
          'resolved',
          'resolved at',
          'solved at',
          'closed',
          'closed at',
          'resuelto',
          'fecha resolución',
          'fecha de resolución',
          'cerrado',
          'fecha cierre',
          'fecha de cierre',
        ],
      },
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

/** Headers that say their date-times are in UTC (Stripe's `Created (UTC)`). */
const UTC_SUFFIX = /\s*\(\s*utc\s*\)\s*$/i;

/** Whether a header says its values are UTC date-times: `Current Period End (UTC)`. */
export function isUtcHeader(header: unknown): boolean {
  return UTC_SUFFIX.test(String(header ?? ''));
}

/** A header without the notes exports add to it: ` (UTC)`, ` (metadata)`. */
export function headerCore(header: unknown): string {
  return String(header ?? '')
    .replace(UTC_SUFFIX, '')
    .replace(/\s*\(\s*metadata\s*\)\s*$/i, '');
}

/**
 * A header as plain words for meaning matches: lower case, accents removed, punctuation as spaces:
 * `¿Qué probabilidad hay de que nos RECOMIENDES?` → ` que probabilidad hay de que nos recomiendes `
 * (padded with a space at each end, so a word can be looked up as ` word`).
 */
export function headerWords(header: unknown): string {
  const words = String(header ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return ` ${words} `;
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

/**
 * The value a column gives a record: text, yes/no, or a number (`null` where an optional value is
 * blank).
 */
type FieldValue<F> = F extends { type: 'id' | 'text' }
  ? string
  : F extends { type: 'flag' }
    ? boolean
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

/** The exports Fideliza knows by their documented layout (docs/report.md, "Exports it recognises"). */
export type ExportFormat =
  | 'googleForms'
  | 'shopify'
  | 'wooAnalytics'
  | 'wooOrderExport'
  | 'wooWebToffee'
  | 'prestashop'
  | 'stripe';

/** A documented export layout: the headers that identify it and the columns it fixes per field. */
export interface ExportLayout {
  format: ExportFormat;
  kind: SourceKind;
  /** Headers that must all be there; each entry lists the alternatives (languages, versions). */
  signature: readonly (readonly string[])[];
  /** Field → the layout's header(s) for it, first present wins. */
  columns: Partial<Record<FieldKey, readonly string[]>>;
}

/**
 * The layouts, from the exports' public sources (test/fixtures/exports/README.md cites them).
 * Headers are compared after {@link normaliseHeader} of {@link headerCore}.
 */
export const EXPORT_LAYOUTS: readonly ExportLayout[] = [
  {
    format: 'googleForms',
    kind: 'surveys',
    // Column A of every Forms response sheet; the other headers are the questions.
    signature: [['timestamp', 'marca temporal']],
    columns: { date: ['timestamp', 'marca temporal'] },
  },
  {
    format: 'shopify',
    kind: 'orders',
    signature: [['name'], ['email'], ['financial status'], ['created at'], ['lineitem name'], ['total']],
    columns: {
      orderId: ['name'],
      customerId: ['email'],
      date: ['created at'],
      amount: ['total'],
      status: ['financial status'],
      refunded: ['refunded amount'],
      cancelled: ['cancelled at'],
    },
  },
  {
    format: 'wooAnalytics',
    kind: 'orders',
    signature: [
      ['date', 'fecha'],
      ['order #', 'pedido #', 'n.º de pedido'],
      ['status', 'estado'],
      ['customer', 'cliente'],
      ['net sales', 'ventas netas'],
    ],
    columns: {
      orderId: ['order #', 'pedido #', 'n.º de pedido'],
      customerId: ['customer', 'cliente'],
      date: ['date', 'fecha'],
      amount: ['net sales', 'ventas netas'],
      status: ['status', 'estado'],
    },
  },
  {
    format: 'wooOrderExport',
    kind: 'orders',
    signature: [['order number'], ['order status'], ['order date'], ['order total amount']],
    columns: {
      orderId: ['order number'],
      customerId: ['email (billing)', 'customer user email'],
      date: ['order date'],
      amount: ['order total amount'],
      status: ['order status'],
      refunded: ['order refund amount'],
    },
  },
  {
    format: 'wooWebToffee',
    kind: 'orders',
    signature: [['order_number'], ['order_date'], ['status'], ['order_total'], ['customer_email', 'billing_email']],
    columns: {
      orderId: ['order_number'],
      customerId: ['customer_email', 'billing_email'],
      date: ['order_date'],
      amount: ['order_total'],
      status: ['status'],
    },
  },
  {
    format: 'prestashop',
    kind: 'orders',
    signature: [
      ['id'],
      ['referencia', 'reference'],
      ['nuevo cliente', 'new client'],
      ['entrega', 'delivery'],
      ['cliente', 'customer'],
      ['total'],
      ['estado', 'status'],
      ['fecha', 'date'],
    ],
    columns: {
      orderId: ['id'],
      customerId: ['cliente', 'customer'],
      date: ['fecha', 'date'],
      amount: ['total'],
      status: ['estado', 'status'],
      segment: ['entrega', 'delivery'],
    },
  },
  {
    format: 'stripe',
    kind: 'subscriptions',
    signature: [['id'], ['customer id'], ['status'], ['current period end'], ['amount', 'plan amount']],
    columns: {
      customerId: ['customer id'],
      start: ['start date', 'start'],
      end: ['ended at'],
      mrr: ['amount', 'plan amount'],
      quantity: ['quantity'],
      interval: ['interval', 'plan interval'],
      intervalCount: ['interval count', 'plan interval count'],
      status: ['status'],
      trialEnd: ['trial end'],
      cancelled: ['cancel at period end', 'canceled at'],
      periodEnd: ['current period end'],
    },
  },
];
