/**
 * The data sheets the report reads, their columns, and the header names recognised for each
 * (PRODUCT.md, "The data sheets it reads"). Shared by the report generator and the sidebar wizard.
 */

/** The kinds of sheet the report can read. */
export type SourceKind = 'orders' | 'customers' | 'surveys' | 'subscriptions' | 'tickets' | 'funnel';

/** How a column's cells are read. */
export type FieldType = 'id' | 'text' | 'date' | 'optionalDate' | 'amount' | 'score' | 'rating' | 'count';

/** One column the report can use. */
export interface FieldSpec {
  key: string;
  type: FieldType;
  /** Needed for the sheet to be used at all. */
  required: boolean;
  /** Header names recognised, English then Spanish (compared after {@link normaliseHeader}). */
  synonyms: string[];
}

/** One kind of sheet: the sheet names that suggest it and its columns. */
export interface SourceSpec {
  kind: SourceKind;
  sheetNames: string[];
  fields: FieldSpec[];
  /** At least one of these fields must be present (surveys: nps or csat). */
  oneOf?: string[];
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

/** Every source sheet kind, in the order the wizard shows them. */
export const SOURCES: SourceSpec[] = [
  {
    kind: 'orders',
    sheetNames: ['orders', 'order', 'sales', 'transactions', 'pedidos', 'pedido', 'ventas', 'compras', 'transacciones'],
    fields: [
      { key: 'customerId', type: 'id', required: true, synonyms: CUSTOMER_ID },
      {
        key: 'date',
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
        type: 'date',
        required: true,
        synonyms: ['start', 'start date', 'inicio', 'fecha inicio', 'fecha de inicio', 'alta'],
      },
      {
        key: 'end',
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
];

/** Lower-case, accents removed, spaces, `_`, `-` and punctuation ignored: `Fecha_Pedido ` → `fechapedido`. */
export function normaliseHeader(header: unknown): string {
  return String(header ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_\-.:/()º°#]+/g, '');
}

/** The spec of a source kind. */
export function sourceSpec(kind: SourceKind): SourceSpec {
  const spec = SOURCES.find((s) => s.kind === kind);
  if (!spec) throw new Error(`unknown source kind ${kind}`);
  return spec;
}
