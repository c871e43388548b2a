/**
 * Every text the report writes, in English and Spanish. The English object fixes the keys; the
 * Spanish one must have the same (the type checker enforces it).
 */
import type { Language } from '../errors/catalogue';
import type { RfmSegment } from '../kpi/retention/rfm';
import type { DriverQuadrant } from '../kpi/survey/key-drivers';
import { civilFromDay, periodStartDay } from '../kpi/calendar/days';
import type { SkipReason, SkippedRows } from './records';
import type { DriverField } from './compute/blocks';
import type { HeadlineKey } from './compute/headline';
import { fill } from './fill';
import type { FieldKey, SourceKind } from './sources';

const en = {
  sheetName: 'KPI Summary',
  title: 'Fideliza — KPI summary',
  period: 'Period',
  comparedWith: 'compared with',
  generatedAt: 'Generated at',
  timeZone: 'time zone',
  sources: 'Sources',
  sourceHeaders: ['Source', 'Sheet', 'Rows read', 'Rows used', 'Rows skipped', 'Why skipped (first rows)'],
  noneSkipped: '—',
  cutTexts: 'cut to the 50,000 characters a cell holds ({fields}): {count}',
  personalDataOmitted: 'Personal data (names, emails, comments) left out of this version.',
  headline: 'Headline KPIs',
  headlineHeaders: ['KPI', 'This period', 'Previous period', 'Change', 'Definition'],
  charts: 'Charts',
  cohorts: 'Cohort retention (share of each monthly cohort ordering again k months later)',
  cohortHeaders: ['Cohort', 'Customers'],
  actions: 'Action lists',
  none: 'Nothing to show for this period.',
  countOnly: 'customers (names left out)',
  countOnlyOne: 'customer (name left out)',
  percentagePoints: '" pp"',
  periodNames: { month: 'Month', quarter: 'Quarter', year: 'Year' },
  sourceKinds: {
    orders: 'Orders',
    customers: 'Customers',
    surveys: 'Surveys',
    subscriptions: 'Subscriptions',
    tickets: 'Tickets',
    funnel: 'Funnel',
  } satisfies Record<SourceKind, string>,
  skipReasons: {
    blankId: 'blank',
    badDate: 'not a date',
    notANumber: 'not a number',
    negative: 'negative number',
    outOfScale: 'outside 0–10',
    errorValue: 'error value',
    noScore: 'no NPS or CSAT answer',
    endBeforeStart: 'ends before it starts',
  } satisfies Record<SkipReason, string>,
  rowWord: 'row',
  rowsWord: 'rows',
  fields: {
    customerId: 'customer id',
    date: 'date',
    amount: 'amount',
    cost: 'cost',
    name: 'name',
    email: 'email',
    signupDate: 'signup date',
    birthday: 'birthday',
    cac: 'acquisition cost',
    segment: 'segment',
    nps: 'NPS (likelihood to recommend)',
    csat: 'satisfaction (CSAT)',
    comment: 'comment',
    switchLikelihood: 'likelihood to switch',
    repurchase: 'repurchase',
    overallExperience: 'overall experience',
    start: 'start date',
    end: 'end date',
    mrr: 'monthly amount (MRR)',
    status: 'status',
    period: 'period',
    interactions: 'interactions (visits)',
    goals: 'goals (conversions)',
    carts: 'carts created',
    purchases: 'purchases completed',
  } satisfies Record<FieldKey, string>,
  kpis: {
    nps: ['NPS', 'Promoters (9–10) minus detractors (0–6), in points, answers in the period.'],
    npsMargin: ['NPS margin of error (95 %)', 'Half-width of the 95 % confidence interval of the NPS, in points.'],
    responses: ['Survey responses', 'Answers with an NPS or CSAT score in the period.'],
    csat: ['CSAT', 'Share of satisfied ratings in the period: 4–5 on a 1–5 scale (9–10 on 1–10).'],
    customersStart: [
      'Customers at start',
      'Active customers (an order in the previous 12 months) when the period starts.',
    ],
    newCustomers: ['New customers', 'Customers whose first order is in the period.'],
    customersEnd: ['Customers at end', 'Active customers (an order in the previous 12 months) when the period ends.'],
    churn: [
      'Customer churn',
      'Customers active at the start who are no longer active at the end ÷ customers at start.',
    ],
    retention: ['Retention rate', '(Customers at end − new − reactivated) ÷ customers at start.'],
    repeatRate: ['Repeat rate', 'Share of customers with orders so far who ordered at least twice.'],
    orders: ['Orders', 'Orders placed in the period.'],
    revenue: ['Revenue', 'Sum of order amounts in the period.'],
    aov: ['Average order value', 'Revenue ÷ orders in the period.'],
    frequency: ['Purchase frequency', 'Orders ÷ customers who ordered in the period.'],
    ltv: [
      'Historic LTV',
      'Average order value × orders per customer per year × lifespan (1 ÷ annual churn), last 12 months.',
    ],
    ltvCac: ['LTV:CAC', 'Historic LTV ÷ average acquisition cost; above 3 is the usual target.'],
    cps: ['Customer profitability (CPS)', '(Revenue − cost) ÷ cost of the period’s orders.'],
    mrr: ['MRR', 'Monthly recurring revenue of subscriptions active at the end of the period.'],
    nrr: ['Net revenue retention', '(Starting MRR − churned − contraction + expansion) ÷ starting MRR.'],
    grossMrrChurn: ['Gross MRR churn', '(Churned + contraction MRR) ÷ starting MRR.'],
    expansionMrr: ['Expansion MRR', 'MRR added by existing subscribers upgrading in the period.'],
    conversionRate: ['Conversion rate', 'Goals (conversions) ÷ interactions (visits) in the period.'],
    cartAbandonment: ['Cart abandonment', '1 − purchases completed ÷ carts created in the period.'],
    ticketsPerCustomer: ['Tickets per customer', 'Support tickets opened in the period ÷ customers at end.'],
  } satisfies Record<HeadlineKey, [string, string]>,
  chartTitles: {
    npsTrend: 'NPS by month: promoters, passives, detractors',
    customers: 'New and churned customers by month',
    revenue: 'Revenue by month: new and returning customers',
    mrr: 'MRR movements by month',
    rfm: 'Customers by RFM segment',
    drivers: 'Key drivers of NPS: mean vs correlation',
  },
  blockHeaders: {
    npsTrend: ['Month', 'Promoters', 'Passives', 'Detractors', 'NPS'],
    customers: ['Month', 'New', 'Churned', 'Active customers', 'Churn rate'],
    revenue: ['Month', 'New customers', 'Returning customers', 'Revenue'],
    mrr: ['Month', 'New', 'Expansion', 'Reactivation', 'Contraction', 'Churned', 'Ending MRR'],
    rfm: ['Segment', 'Customers', 'Share'],
    drivers: ['Driver', 'Mean', 'Correlation with NPS', 'Quadrant'],
  },
  drivers: {
    csat: 'Satisfaction',
    switchLikelihood: 'Likelihood to switch',
    repurchase: 'Repurchase',
    overallExperience: 'Overall experience',
  } satisfies Record<DriverField, string>,
  quadrants: {
    keyStrength: 'Key strength',
    keyWeakness: 'Key weakness',
    secondaryStrength: 'Secondary strength',
    secondaryWeakness: 'Secondary weakness',
  } satisfies Record<DriverQuadrant, string>,
  rfmSegments: {
    champions: 'Champions',
    loyal: 'Loyal',
    potentialLoyalist: 'Potential loyalist',
    newCustomers: 'New customers',
    promising: 'Promising',
    needAttention: 'Need attention',
    aboutToSleep: 'About to sleep',
    atRisk: 'At risk',
    cantLoseThem: "Can't lose them",
    hibernating: 'Hibernating',
  } satisfies Record<RfmSegment, string>,
  lists: {
    winBack: 'Customers to win back',
    promoters: 'Promoters to ask for a review or referral',
    welcome: 'New customers to welcome',
    upcoming: 'Birthdays and anniversaries in the next 30 days',
    detractors: 'Detractor comments',
    words: 'Most frequent words in detractor comments',
    predicted: 'Predicted value: customers by predicted CLV over the next 52 weeks (BG/NBD + Gamma-Gamma)',
    predictedList: 'Top customers by predicted CLV',
  },
  listHeaders: {
    winBack: ['Customer', 'Name', 'Email', 'Why', 'Last order', 'Orders', 'Spend', 'P(alive)'],
    promoters: ['Customer', 'Name', 'Email', 'Score', 'Answered', 'Comment'],
    welcome: ['Customer', 'Name', 'Email', 'First order', 'Amount'],
    upcoming: ['Customer', 'Name', 'Email', 'Occasion', 'Date', 'Days until', 'Years'],
    detractors: ['Customer', 'Name', 'Score', 'Answered', 'Comment'],
    words: ['Word', 'Mentions'],
    predicted: ['Customer', 'Name', 'P(alive)', 'Expected purchases', 'Expected order value', 'Predicted CLV'],
  },
  reasons: {
    atRisk: 'RFM: at risk',
    cantLose: "RFM: can't lose them",
    fallingSatisfaction: 'Satisfaction falling',
    lowHealth: 'Low health score',
  },
  occasions: { birthday: 'Birthday', anniversary: 'Customer anniversary' },
  wizard: {
    noDataRows: 'Sheet “{sheet}” has no data rows.',
    skippedInFirstRows: 'Sheet “{sheet}”, first {rows} rows: {what}. Those rows will be skipped.',
    percentagePoints: 'pp',
    refreshed: 'Report refreshed: {period} ({seconds} s).',
    addData: 'Add data below the header row.',
    rowsSkipped: 'Rows skipped: {reasons}. Fix them and generate the report again.',
    warnings: {
      oldChartsLeft:
        'The report is written, but some charts of the previous one could not be removed: delete the extra charts ' +
        'by hand.',
      notFlushed: 'The report is written; Google Sheets may take a few seconds to show all of it.',
      settingsNotSaved: 'The report is written, but your choices could not be remembered for next time.',
      noLink:
        'The report is written, but the PDF link could not be made: open the sheet "{sheet}" and use File ▸ ' +
        'Download ▸ PDF.',
    },
  },
};

/** The shape every language's labels have. */
export type ReportLabels = typeof en;

const es: ReportLabels = {
  sheetName: 'Resumen KPI',
  title: 'Fideliza — Resumen de KPI',
  period: 'Periodo',
  comparedWith: 'comparado con',
  generatedAt: 'Generado el',
  timeZone: 'zona horaria',
  sources: 'Fuentes',
  sourceHeaders: ['Fuente', 'Hoja', 'Filas leídas', 'Filas usadas', 'Filas omitidas', 'Motivo (primeras filas)'],
  noneSkipped: '—',
  cutTexts: 'recortado a los 50.000 caracteres que admite una celda ({fields}): {count}',
  personalDataOmitted: 'Esta versión no incluye datos personales (nombres, correos, comentarios).',
  headline: 'KPI principales',
  headlineHeaders: ['KPI', 'Este periodo', 'Periodo anterior', 'Cambio', 'Definición'],
  charts: 'Gráficos',
  cohorts: 'Retención por cohortes (parte de cada cohorte mensual que vuelve a comprar k meses después)',
  cohortHeaders: ['Cohorte', 'Clientes'],
  actions: 'Listas de acción',
  none: 'Nada que mostrar en este periodo.',
  countOnly: 'clientes (sin nombres)',
  countOnlyOne: 'cliente (sin nombre)',
  percentagePoints: '" p. p."',
  periodNames: { month: 'Mes', quarter: 'Trimestre', year: 'Año' },
  sourceKinds: {
    orders: 'Pedidos',
    customers: 'Clientes',
    surveys: 'Encuestas',
    subscriptions: 'Suscripciones',
    tickets: 'Tickets',
    funnel: 'Embudo',
  },
  skipReasons: {
    blankId: 'en blanco',
    badDate: 'no es una fecha',
    notANumber: 'no es un número',
    negative: 'número negativo',
    outOfScale: 'fuera de 0–10',
    errorValue: 'valor de error',
    noScore: 'sin respuesta de NPS ni de CSAT',
    endBeforeStart: 'termina antes de empezar',
  },
  rowWord: 'fila',
  rowsWord: 'filas',
  fields: {
    customerId: 'identificador de cliente',
    date: 'fecha',
    amount: 'importe',
    cost: 'coste',
    name: 'nombre',
    email: 'correo',
    signupDate: 'fecha de alta',
    birthday: 'cumpleaños',
    cac: 'coste de adquisición',
    segment: 'segmento',
    nps: 'NPS (probabilidad de recomendar)',
    csat: 'satisfacción (CSAT)',
    comment: 'comentario',
    switchLikelihood: 'probabilidad de cambiar a la competencia',
    repurchase: 'recompra',
    overallExperience: 'experiencia global',
    start: 'fecha de inicio',
    end: 'fecha de fin',
    mrr: 'cuota mensual (MRR)',
    status: 'estado',
    period: 'periodo',
    interactions: 'interacciones (visitas)',
    goals: 'objetivos (conversiones)',
    carts: 'carritos creados',
    purchases: 'compras completadas',
  },
  kpis: {
    nps: ['NPS', 'Promotores (9–10) menos detractores (0–6), en puntos, respuestas del periodo.'],
    npsMargin: [
      'Margen de error del NPS (95 %)',
      'Semiamplitud del intervalo de confianza del 95 % del NPS, en puntos.',
    ],
    responses: ['Respuestas de encuesta', 'Respuestas con puntuación NPS o CSAT en el periodo.'],
    csat: ['CSAT', 'Parte de valoraciones satisfechas en el periodo: 4–5 en una escala 1–5 (9–10 en 1–10).'],
    customersStart: [
      'Clientes al inicio',
      'Clientes activos (un pedido en los 12 meses anteriores) al empezar el periodo.',
    ],
    newCustomers: ['Clientes nuevos', 'Clientes cuyo primer pedido cae en el periodo.'],
    customersEnd: [
      'Clientes al final',
      'Clientes activos (un pedido en los 12 meses anteriores) al acabar el periodo.',
    ],
    churn: ['Tasa de abandono', 'Clientes activos al inicio que ya no lo están al final ÷ clientes al inicio.'],
    retention: ['Tasa de retención', '(Clientes al final − nuevos − reactivados) ÷ clientes al inicio.'],
    repeatRate: [
      'Tasa de repetición',
      'Parte de los clientes con pedidos hasta ahora que han comprado al menos dos veces.',
    ],
    orders: ['Pedidos', 'Pedidos realizados en el periodo.'],
    revenue: ['Ingresos', 'Suma de los importes de los pedidos del periodo.'],
    aov: ['Valor medio del pedido', 'Ingresos ÷ pedidos del periodo.'],
    frequency: ['Frecuencia de compra', 'Pedidos ÷ clientes que compraron en el periodo.'],
    ltv: [
      'LTV histórico',
      'Valor medio del pedido × pedidos por cliente al año × vida media (1 ÷ abandono anual), últimos 12 meses.',
    ],
    ltvCac: ['LTV:CAC', 'LTV histórico ÷ coste medio de adquisición; el objetivo habitual es más de 3.'],
    cps: ['Rentabilidad por cliente (CPS)', '(Ingresos − coste) ÷ coste de los pedidos del periodo.'],
    mrr: ['MRR', 'Ingresos recurrentes mensuales de las suscripciones activas al final del periodo.'],
    nrr: ['Retención neta de ingresos', '(MRR inicial − bajas − reducciones + ampliaciones) ÷ MRR inicial.'],
    grossMrrChurn: ['Pérdida bruta de MRR', '(MRR de bajas + reducciones) ÷ MRR inicial.'],
    expansionMrr: ['MRR de ampliación', 'MRR añadido por suscriptores que suben de plan en el periodo.'],
    conversionRate: ['Tasa de conversión', 'Objetivos (conversiones) ÷ interacciones (visitas) del periodo.'],
    cartAbandonment: ['Abandono de carrito', '1 − compras completadas ÷ carritos creados en el periodo.'],
    ticketsPerCustomer: ['Tickets por cliente', 'Tickets de soporte abiertos en el periodo ÷ clientes al final.'],
  },
  chartTitles: {
    npsTrend: 'NPS por mes: promotores, pasivos, detractores',
    customers: 'Clientes nuevos y perdidos por mes',
    revenue: 'Ingresos por mes: clientes nuevos y recurrentes',
    mrr: 'Movimientos de MRR por mes',
    rfm: 'Clientes por segmento RFM',
    drivers: 'Factores clave del NPS: media frente a correlación',
  },
  blockHeaders: {
    npsTrend: ['Mes', 'Promotores', 'Pasivos', 'Detractores', 'NPS'],
    customers: ['Mes', 'Nuevos', 'Perdidos', 'Clientes activos', 'Tasa de abandono'],
    revenue: ['Mes', 'Clientes nuevos', 'Clientes recurrentes', 'Ingresos'],
    mrr: ['Mes', 'Nuevo', 'Ampliación', 'Reactivación', 'Reducción', 'Bajas', 'MRR final'],
    rfm: ['Segmento', 'Clientes', 'Parte'],
    drivers: ['Factor', 'Media', 'Correlación con el NPS', 'Cuadrante'],
  },
  drivers: {
    csat: 'Satisfacción',
    switchLikelihood: 'Probabilidad de cambiar',
    repurchase: 'Recompra',
    overallExperience: 'Experiencia global',
  },
  quadrants: {
    keyStrength: 'Fortaleza clave',
    keyWeakness: 'Debilidad clave',
    secondaryStrength: 'Fortaleza secundaria',
    secondaryWeakness: 'Debilidad secundaria',
  },
  rfmSegments: {
    champions: 'Campeones',
    loyal: 'Leales',
    potentialLoyalist: 'Potencialmente leales',
    newCustomers: 'Clientes nuevos',
    promising: 'Prometedores',
    needAttention: 'Necesitan atención',
    aboutToSleep: 'A punto de dormirse',
    atRisk: 'En riesgo',
    cantLoseThem: 'No se pueden perder',
    hibernating: 'Hibernando',
  },
  lists: {
    winBack: 'Clientes que recuperar',
    promoters: 'Promotores a los que pedir una reseña o una recomendación',
    welcome: 'Clientes nuevos a los que dar la bienvenida',
    upcoming: 'Cumpleaños y aniversarios en los próximos 30 días',
    detractors: 'Comentarios de detractores',
    words: 'Palabras más frecuentes en los comentarios de detractores',
    predicted: 'Valor previsto: clientes por CLV previsto en las próximas 52 semanas (BG/NBD + Gamma-Gamma)',
    predictedList: 'Clientes con mayor CLV previsto',
  },
  listHeaders: {
    winBack: ['Cliente', 'Nombre', 'Correo', 'Motivo', 'Último pedido', 'Pedidos', 'Gasto', 'P(activo)'],
    promoters: ['Cliente', 'Nombre', 'Correo', 'Puntuación', 'Respondió', 'Comentario'],
    welcome: ['Cliente', 'Nombre', 'Correo', 'Primer pedido', 'Importe'],
    upcoming: ['Cliente', 'Nombre', 'Correo', 'Ocasión', 'Fecha', 'Días que faltan', 'Años'],
    detractors: ['Cliente', 'Nombre', 'Puntuación', 'Respondió', 'Comentario'],
    words: ['Palabra', 'Menciones'],
    predicted: ['Cliente', 'Nombre', 'P(activo)', 'Compras previstas', 'Valor de pedido previsto', 'CLV previsto'],
  },
  reasons: {
    atRisk: 'RFM: en riesgo',
    cantLose: 'RFM: no podemos perderlos',
    fallingSatisfaction: 'Satisfacción en descenso',
    lowHealth: 'Salud del cliente baja',
  },
  occasions: { birthday: 'Cumpleaños', anniversary: 'Aniversario como cliente' },
  wizard: {
    noDataRows: 'La hoja «{sheet}» no tiene filas de datos.',
    skippedInFirstRows: 'Hoja «{sheet}», primeras {rows} filas: {what}. Esas filas se omitirán.',
    percentagePoints: 'p. p.',
    refreshed: 'Informe actualizado: {period} ({seconds} s).',
    addData: 'Añada datos debajo de la fila de encabezados.',
    rowsSkipped: 'Filas omitidas: {reasons}. Corríjalas y vuelva a generar el informe.',
    warnings: {
      oldChartsLeft:
        'El informe está escrito, pero no se pudieron quitar algunos gráficos del anterior: borra a mano los ' +
        'gráficos que sobren.',
      notFlushed: 'El informe está escrito; Google Sheets puede tardar unos segundos en mostrarlo entero.',
      settingsNotSaved: 'El informe está escrito, pero no se pudieron recordar tus opciones para la próxima vez.',
      noLink:
        'El informe está escrito, pero no se pudo crear el enlace al PDF: abre la hoja «{sheet}» y usa Archivo ▸ ' +
        'Descargar ▸ PDF.',
    },
  },
};

const LABELS: Record<Language, ReportLabels> = { en, es };

/** The report's texts in a language. */
export function reportLabels(language: Language): ReportLabels {
  return LABELS[language];
}

/**
 * Why rows of a source were skipped, one text per reason: `not a number (amount): 10 (rows 5, 9…)`.
 * Shared by the report's header block and the wizard's warnings.
 */
export function skipDescriptions(labels: ReportLabels, skipped: SkippedRows): string[] {
  return (Object.entries(skipped.byReason) as [SkipReason, NonNullable<SkippedRows['byReason'][SkipReason]>][]).map(
    ([reason, info]) => {
      const fields = info.fields.length ? ` (${info.fields.map((f) => labels.fields[f] ?? f).join(', ')})` : '';
      const rows =
        `${info.firstRows.length === 1 ? labels.rowWord : labels.rowsWord} ` +
        `${info.firstRows.join(', ')}${info.count > info.firstRows.length ? '…' : ''}`;
      return `${labels.skipReasons[reason]}${fields}: ${info.count} (${rows})`;
    },
  );
}

/** Texts cut to fit a cell, as one line of the sources table (none when nothing was cut). */
export function cutDescriptions(labels: ReportLabels, cut: { count: number; fields: FieldKey[] }): string[] {
  if (!cut.count) return [];
  return [fill(labels.cutTexts, { count: cut.count, fields: cut.fields.map((f) => labels.fields[f]).join(', ') })];
}

/** A source field's name in both languages, for messages. */
export function fieldLabel(field: FieldKey): { en: string; es: string } {
  return { en: en.fields[field], es: es.fields[field] };
}

const MONTHS = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  es: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
};

/** "March 2025" / "marzo de 2025", "Q1 2025" / "1.er trimestre de 2025", "2025". */
export function periodName(
  language: Language,
  kind: 'month' | 'quarter' | 'year',
  year: number,
  month: number,
): string {
  if (kind === 'year') return String(year);
  if (kind === 'quarter') {
    const q = Math.floor((month - 1) / 3) + 1;
    return language === 'es' ? `T${q} de ${year}` : `Q${q} ${year}`;
  }
  return language === 'es' ? `${MONTHS.es[month - 1]} de ${year}` : `${MONTHS.en[month - 1]} ${year}`;
}

/** The name of the period with a given index (see `periodIndex`): "March 2025", "T1 de 2025"… */
export function periodLabel(language: Language, kind: 'month' | 'quarter' | 'year', index: number): string {
  const { year, month } = civilFromDay(periodStartDay(index, kind));
  return periodName(language, kind, year, month);
}
