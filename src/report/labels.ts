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
import type { MissingSource } from './compute/model';
import { fill } from './fill';
import { isMexicanSpanish, mexicanSpanish } from '../locale/glossary';
import type { FieldKey, SourceKind } from './sources';

const en = {
  sheetName: 'KPI Summary',
  title: 'Fideliza — KPI summary',
  sharedTitle: 'Fideliza — KPI summary (to share: no personal data)',
  sharedSheetName: 'KPI Summary (to share)',
  listsSheetName: 'KPI lists',
  period: 'Period',
  comparedWith: 'compared with',
  generatedAt: 'Generated at',
  timeZone: 'time zone',
  sources: 'Sources',
  sourceHeaders: ['Source', 'Sheet', 'Rows read', 'Rows used', 'Rows skipped', 'Why skipped (first rows)'],
  noneSkipped: '—',
  cutTexts: 'cut to the 50,000 characters a cell holds ({fields}): {count}',
  personalDataOmitted: 'This version has no names, emails, comments or ages: share it, or its PDF, freely.',
  dataQuality: '{count} rows were skipped ({where}): the reasons are under “Sources” at the end of this sheet.',
  story: {
    improved: 'Improved: {items}.',
    improvedNone: 'Nothing improved beyond noise this period.',
    worsened: 'Got worse: {items}.',
    worsenedNone: 'Nothing got worse beyond noise this period.',
    noise: 'Within noise, not news: {items}.',
    first: 'First: {what} — {count} customers, {value} {stake}.',
    firstOne: 'First: {what} — 1 customer, {value} {stake}.',
    firstNone: 'No customer is waiting for an action this period.',
    allIn: 'All of them are in “{sheet}”.',
    firstIn:
      'The first {written} of them are in “{sheet}” (Google Sheets’ 10-million-cell limit leaves no room for more).',
    actions: {
      winBack: 'win back the customers at risk',
      promoters: 'ask the promoters for a review or a referral',
      welcome: 'welcome the new customers',
      upcoming: 'greet the birthdays and anniversaries',
      detractors: 'answer the detractors',
      needsAttention: 'call the customers with unresolved tickets',
      predicted: 'look after the customers worth most',
    },
    stakes: {
      winBack: 'at stake (spend in the last 12 months, or predicted value)',
      promoters: 'spent in the last 12 months',
      welcome: 'in first orders',
      upcoming: 'spent in the last 12 months',
      detractors: 'spent in the last 12 months',
      needsAttention: 'spent in the last 12 months',
      predicted: 'of predicted value',
    },
    significantMark: 'significant · p = ',
    noiseMark: '≈ noise · p = ',
    noYearAgo: 'no data a year earlier',
    missedTargets: 'Off target: {items}.',
    targetItem: '{kpi} {value} (target {target})',
    targetMet: 'Target {target} ✓',
    targetMissed: 'Target {target} ✗',
    targetOnly: 'Target {target}',
  },
  headline: 'Headline KPIs',
  headlineHeaders: [
    'KPI',
    '',
    'This period',
    'Previous period',
    'Change',
    'Significance (5 %)',
    'Change vs {period}',
    'Definition',
  ],
  charts: 'Charts',
  chartData: 'Chart data (the charts read these cells)',
  trendsTitle: 'Trends over the last 13 periods (the summary band’s sparklines read these cells)',
  axes: {
    shareOfAnswers: 'Share of answers',
    customers: 'Customers',
    churnRate: 'Churn rate',
    amount: 'Amount',
    mean: 'Mean answer',
    correlation: 'Correlation with NPS',
    averageCorrelation: 'Average correlation',
    averageMean: 'Average mean',
  },
  missingSource: {
    orders: 'Add an Orders sheet (customer, date, amount) to see this.',
    surveysNps: 'Add a Surveys sheet with an NPS column (answers 0–10) to see this.',
    surveyQuestions:
      'Add two or more rating questions to the Surveys sheet (satisfaction, likelihood to switch, repurchase…) to ' +
      'see this.',
    customerDates: 'Add birthdays or signup dates to a Customers sheet to see this.',
    surveyComments: 'Add a comment column to the Surveys sheet to see this.',
    segmentColumn:
      'Add a segment column (plan, tier, channel, country…) to the Customers, Orders or Surveys sheet to see this.',
    tickets: 'Add a Tickets sheet (customer, date opened, status, first response, resolved) to see this.',
    ticketTimes: 'Add first-response and resolved date-times to the Tickets sheet to see this.',
    ticketStatus: 'Add a status or a resolved date-time to the Tickets sheet to see this.',
  } satisfies Record<MissingSource, string>,
  segments: {
    title: 'KPIs by segment',
    headers: [
      'Segment',
      'Customers at end',
      'Customer churn',
      'Revenue',
      'Average order value',
      'Repeat rate',
      'NPS',
      'CSAT',
    ],
    legend:
      '* differs from the rest of the customers at 5 % after Holm’s correction across the segments: green ' +
      'better, red worse. Customers and revenue count everyone, not a sample: they are not tested.',
    other: 'Other segments',
    none: 'No segment',
  },
  cohorts: 'Cohort retention (share of each monthly cohort ordering again k months later)',
  cohortHeaders: ['Cohort', 'Customers'],
  revenueCohorts: {
    title: 'Revenue retention by cohort (each monthly cohort’s revenue k months later ÷ its first month’s)',
    headers: ['Cohort', 'Customers', 'First month'],
    ltvTitle: 'Cumulative revenue per customer by cohort (LTV curves)',
    monthsAfter: 'Months after the first order',
    perCustomer: 'Revenue per customer',
  },
  projection: {
    title: 'Projection: where the current rates lead (next 12 months)',
    assumptions:
      'From the last 3 months ({months}): churn {churn} a month, {added} new or returning customers a month, ' +
      'revenue per customer {revenue} a month, starting from {customers} customers. It assumes these rates hold: ' +
      'it shows where they lead, not what will happen.',
    steady:
      'At these rates the customers level off at {customers} ({revenue} a month), where the customers lost each ' +
      'month equal the new ones.',
    total: 'Revenue over the 12 months: {revenue}.',
    headers: ['Month', 'Customers at end', 'New', 'Lost', 'Revenue'],
    chartTitle: 'Projected customers and revenue, next 12 months',
  },
  actions: 'Action lists',
  none: 'None in this period.',
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
    orderId: 'order number',
    refunded: 'refunded amount',
    cancelled: 'cancelled',
    effort: 'customer effort',
    quantity: 'quantity',
    interval: 'billing interval',
    intervalCount: 'intervals per bill',
    trialEnd: 'trial end',
    periodEnd: 'current period end',
    firstResponse: 'first response',
    resolved: 'resolved',
  } satisfies Record<FieldKey, string>,
  kpis: {
    nps: ['NPS', 'Promoters (9–10) minus detractors (0–6), in points, answers in the period.'],
    npsMargin: ['NPS margin of error (95 %)', 'Half-width of the 95 % confidence interval of the NPS, in points.'],
    responses: ['Survey responses', 'Answers with an NPS or CSAT score in the period.'],
    csat: ['CSAT', 'Share of satisfied ratings in the period: 4–5 on a 1–5 scale (9–10 on 1–10).'],
    ces: [
      'Customer effort (CES)',
      'Mean ease answer on the 1–5 or 1–7 scale, higher = easier (an effort question is reversed: scale + 1 − answer).',
    ],
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
      'Lifetime value (historic)',
      'Average order value × orders per customer per year × lifespan (1 ÷ annual churn), last 12 months.',
    ],
    ltvCac: ['LTV:CAC', 'Historic lifetime value ÷ average acquisition cost; above 3 is the usual target.'],
    cps: ['Profit on cost (CPS)', '(Revenue − cost) ÷ cost of the period’s orders.'],
    mrr: ['MRR', 'Monthly recurring revenue of subscriptions active at the end of the period.'],
    nrr: ['Net revenue retention', '(Starting MRR − churned − contraction + expansion) ÷ starting MRR.'],
    grossMrrChurn: ['Gross MRR churn', '(Churned + contraction MRR) ÷ starting MRR.'],
    expansionMrr: ['Expansion MRR', 'MRR added by existing subscribers upgrading in the period.'],
    arr: ['ARR', 'Annual recurring revenue: 12 × MRR at the end of the period.'],
    arpa: ['ARPA', 'MRR ÷ paying accounts (customers paying more than 0) at the end of the period.'],
    mrrGrowth: ['MRR growth rate', '(MRR at the end − MRR before the period) ÷ MRR before the period.'],
    quickRatio: [
      'Quick Ratio',
      '(New + expansion + reactivation MRR) ÷ (contraction + churned MRR) in the period; below 1 the MRR shrinks.',
    ],
    cacPayback: [
      'CAC payback (months)',
      'Average acquisition cost ÷ ARPA: months of revenue to pay back acquiring a customer (no gross margin).',
    ],
    conversionRate: ['Conversion rate', 'Goals (conversions) ÷ interactions (visits) in the period.'],
    cartAbandonment: ['Cart abandonment', '1 − purchases completed ÷ carts created in the period.'],
    ticketsPerCustomer: ['Tickets per customer', 'Support tickets opened in the period ÷ customers at end.'],
  } satisfies Record<HeadlineKey, [string, string]>,
  chartTitles: {
    npsTrend: 'NPS by month: the mix of answers, and the NPS',
    customers: 'New and churned customers by month, and churn rate',
    revenue: 'Revenue by month: new and returning customers, and total',
    mrr: 'MRR movements by month, and net new MRR',
    rfm: 'Customers by RFM segment, coloured by health',
    drivers: 'Key drivers of NPS: mean answer vs correlation with NPS',
  },
  support: {
    title: 'Support',
    headers: ['KPI', '', 'This period', 'Previous period', 'Trend a month (12 months)'],
    kpis: {
      opened: 'Tickets opened',
      firstResponse: 'Median first response (hours)',
      resolution: 'Median resolution (hours)',
      resolvedShare: 'Resolved within the period',
      perCustomer: 'Tickets per customer',
    },
    note:
      'Medians of the tickets opened in the period, in calendar hours from opening; resolved within the period: ' +
      'of the tickets opened in it. The trend is the slope of the line through the last 12 months.',
    chartTitle: 'Support by month: tickets, median first response and resolution (h)',
    chartHeaders: [
      'Month',
      'Tickets opened',
      'Median first response (h)',
      'Median resolution (h)',
      'Resolved within the month',
      'Tickets per customer',
    ],
    hours: 'Hours',
  },
  saas: {
    title: 'SaaS efficiency by month (from the subscriptions)',
    headers: ['Month', 'ARR', 'Paying accounts', 'ARPA', 'MRR growth rate', 'Quick Ratio', 'CAC payback (months)'],
    noCac: 'CAC payback needs an acquisition cost column in the Customers sheet.',
  },
  blockHeaders: {
    npsTrend: ['Month (answers)', 'Promoters', 'Passives', 'Detractors', 'NPS', 'Answers'],
    customers: ['Month', 'New', 'Churned', 'Churn rate', 'Active customers'],
    revenue: ['Month', 'New customers', 'Returning customers', 'Total'],
    mrr: ['Month', 'New', 'Expansion', 'Reactivation', 'Contraction', 'Churned', 'Net new MRR', 'Ending MRR'],
    rfm: ['Segment', 'Healthy', 'Needs attention', 'At risk', 'Share'],
    drivers: ['Question', 'Mean', 'Correlation with NPS', 'Quadrant'],
  },
  drivers: {
    csat: 'Satisfaction',
    switchLikelihood: 'Likelihood to switch',
    repurchase: 'Repurchase',
    overallExperience: 'Overall experience',
  } satisfies Record<DriverField, string>,
  driversReversed: {
    csat: 'Satisfaction',
    switchLikelihood: 'Likelihood to stay (switching, reversed)',
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
    needsAttention: 'Customers needing attention: 3 or more unresolved tickets',
    words: 'Most frequent words in detractor comments',
    predicted: 'Predicted lifetime value over the next 52 weeks',
    predictedList: 'Customers by predicted lifetime value (next 52 weeks)',
  },
  listColumns: {
    winBack: ['Customer', 'Value at stake', 'Last order', 'P(alive)', 'Why'],
    promoters: ['Customer', 'Spend, 12 months', 'Answered', 'Score', 'Comment'],
    welcome: ['Customer', 'First order', 'Date', '', ''],
    upcoming: ['Customer', 'Spend, 12 months', 'Date', 'Occasion', ''],
    detractors: ['Customer', 'Spend, 12 months', 'Answered', 'Score', 'Comment'],
    needsAttention: ['Customer', 'Spend, 12 months', 'Oldest unresolved', 'Unresolved', 'Tickets'],
    predicted: ['Customer', 'Predicted value', '', 'P(alive)', ''],
  },
  listWords: {
    heading: '{title}: {count} · {value} at stake',
    shownOf: '{shown} of {count} — all of them in “{sheet}”.',
    shownOfCut:
      '{shown} of {count} — the first {written} in “{sheet}”: Google Sheets’ limit of 10 million cells in a file ' +
      'leaves no room for more.',
    sharedCounts: 'No names in this version: each list gives its number of customers and the value at stake.',
    inDays: 'in {days} days',
    inOneDay: 'tomorrow',
    today: 'today',
    sheetTitle: 'Fideliza — KPI action lists',
    sheetNote:
      'Every customer of every list in the report, list by list (Data ▸ Create a filter shows one list). ' +
      'Rewritten with each report.',
    sheetColumns: [
      'List',
      'Customer id',
      'Name',
      'Email',
      'Value at stake',
      'Date',
      'Why, score or occasion',
      'Comment',
    ],
  },
  listHeaders: {
    words: ['Word', 'Mentions'],
  },
  reasons: {
    atRisk: 'RFM: at risk',
    cantLose: "RFM: can't lose them",
    fallingSatisfaction: 'Satisfaction falling',
    lowHealth: 'Low health score',
  },
  occasions: { birthday: 'Birthday', anniversary: 'Customer anniversary' },
  aliveBands: { likelyActive: 'likely active', atRisk: 'at risk', probablyGone: 'probably gone' },
  predictedWords: {
    models: { bgnbd: 'BG/NBD', mbgnbd: 'MBG/NBD' },
    chosen:
      '{model} predicted {predicted} repeat purchases in the last {weeks} weeks, fitted on the orders before them; ' +
      'there were {actual}.',
    other: '{model} predicted {predicted}: the predictions below use the closer one, refitted on all the orders.',
    noCheck: '{model} is used: the orders do not span enough time to check a model on a holdout window.',
    fallback:
      'Every customer’s expected order value is the mean repeat-order value ({value}): repeat spend does not vary ' +
      'between customers (a one-price product), so the spend model could not be fitted.',
    bands: 'P(alive): likely active from 70 %, at risk from 30 %, probably gone below 30 %.',
    tooEarly: 'too early to predict (first order under 8 weeks ago)',
    groupHeaders: [
      'Repeat purchases before the window',
      'Customers',
      'Actual (mean)',
      'BG/NBD (mean)',
      'MBG/NBD (mean)',
    ],
  },
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
      listsCut:
        'The report is written, but Google Sheets’ limit of 10 million cells in a file left room for only the first ' +
        'rows of the longest lists in “{sheet}”: the report says how many. Free some room and generate it again to ' +
        'have them all.',
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
  sharedTitle: 'Fideliza — Resumen de KPI (para compartir: sin datos personales)',
  sharedSheetName: 'Resumen KPI (para compartir)',
  listsSheetName: 'Listas KPI',
  period: 'Periodo',
  comparedWith: 'comparado con',
  generatedAt: 'Generado el',
  timeZone: 'zona horaria',
  sources: 'Fuentes',
  sourceHeaders: ['Fuente', 'Hoja', 'Filas leídas', 'Filas usadas', 'Filas omitidas', 'Motivo (primeras filas)'],
  noneSkipped: '—',
  cutTexts: 'recortado a los 50.000 caracteres que admite una celda ({fields}): {count}',
  personalDataOmitted:
    'Esta versión no tiene nombres, correos, comentarios ni edades: compártela, o su PDF, sin miedo.',
  dataQuality: 'Se omitieron {count} filas ({where}): los motivos están en «Fuentes», al final de esta hoja.',
  story: {
    improved: 'Mejoró: {items}.',
    improvedNone: 'Nada mejoró más allá del ruido en este periodo.',
    worsened: 'Empeoró: {items}.',
    worsenedNone: 'Nada empeoró más allá del ruido en este periodo.',
    noise: 'Dentro del ruido, no es noticia: {items}.',
    first: 'Primero: {what} — {count} clientes, {value} {stake}.',
    firstOne: 'Primero: {what} — 1 cliente, {value} {stake}.',
    firstNone: 'Ningún cliente espera una acción en este periodo.',
    allIn: 'Están todos en «{sheet}».',
    firstIn:
      'Los primeros {written} están en «{sheet}» (el límite de 10 millones de celdas de Google Sheets no deja ' +
      'sitio para más).',
    actions: {
      winBack: 'recupera a los clientes en riesgo',
      promoters: 'pide a los promotores una reseña o una recomendación',
      welcome: 'da la bienvenida a los clientes nuevos',
      upcoming: 'felicita los cumpleaños y aniversarios',
      detractors: 'responde a los detractores',
      needsAttention: 'llama a los clientes con tickets sin resolver',
      predicted: 'cuida a los clientes que más valen',
    },
    stakes: {
      winBack: 'en juego (gasto de los últimos 12 meses, o valor previsto)',
      promoters: 'gastados en los últimos 12 meses',
      welcome: 'en primeros pedidos',
      upcoming: 'gastados en los últimos 12 meses',
      detractors: 'gastados en los últimos 12 meses',
      needsAttention: 'gastados en los últimos 12 meses',
      predicted: 'de valor previsto',
    },
    significantMark: 'significativo · p = ',
    noiseMark: '≈ ruido · p = ',
    noYearAgo: 'sin datos de hace un año',
    missedTargets: 'Fuera de objetivo: {items}.',
    targetItem: '{kpi} {value} (objetivo {target})',
    targetMet: 'Objetivo {target} ✓',
    targetMissed: 'Objetivo {target} ✗',
    targetOnly: 'Objetivo {target}',
  },
  headline: 'KPI principales',
  headlineHeaders: [
    'KPI',
    '',
    'Este periodo',
    'Periodo anterior',
    'Cambio',
    'Significación (5 %)',
    'Cambio frente a {period}',
    'Definición',
  ],
  charts: 'Gráficos',
  chartData: 'Datos de los gráficos (los gráficos leen estas celdas)',
  trendsTitle: 'Tendencias de los últimos 13 periodos (los minigráficos del resumen leen estas celdas)',
  axes: {
    shareOfAnswers: 'Parte de las respuestas',
    customers: 'Clientes',
    churnRate: 'Tasa de abandono',
    amount: 'Importe',
    mean: 'Respuesta media',
    correlation: 'Correlación con el NPS',
    averageCorrelation: 'Correlación media',
    averageMean: 'Media de las medias',
  },
  missingSource: {
    orders: 'Añade una hoja de Pedidos (cliente, fecha, importe) para ver esto.',
    surveysNps: 'Añade una hoja de Encuestas con una columna de NPS (respuestas de 0 a 10) para ver esto.',
    surveyQuestions:
      'Añade a la hoja de Encuestas dos o más preguntas de valoración (satisfacción, probabilidad de cambiar, ' +
      'recompra…) para ver esto.',
    customerDates: 'Añade cumpleaños o fechas de alta a una hoja de Clientes para ver esto.',
    surveyComments: 'Añade una columna de comentarios a la hoja de Encuestas para ver esto.',
    segmentColumn:
      'Añade una columna de segmento (plan, nivel, canal, país…) a la hoja de Clientes, Pedidos o Encuestas para ' +
      'ver esto.',
    tickets:
      'Añade una hoja de Tickets (cliente, fecha de apertura, estado, primera respuesta, resuelto) para ver esto.',
    ticketTimes: 'Añade a la hoja de Tickets las fechas y horas de primera respuesta y de resolución para ver esto.',
    ticketStatus: 'Añade a la hoja de Tickets un estado o una fecha de resolución para ver esto.',
  },
  segments: {
    title: 'KPI por segmento',
    headers: [
      'Segmento',
      'Clientes al final',
      'Tasa de abandono',
      'Ingresos',
      'Valor medio del pedido',
      'Tasa de repetición',
      'NPS',
      'CSAT',
    ],
    legend:
      '* distinto del resto de los clientes al 5 % tras la corrección de Holm entre segmentos: verde mejor, rojo ' +
      'peor. Los clientes y los ingresos cuentan a todos, no son una muestra: no se comprueban.',
    other: 'Otros segmentos',
    none: 'Sin segmento',
  },
  cohorts: 'Retención por cohortes (parte de cada cohorte mensual que vuelve a comprar k meses después)',
  cohortHeaders: ['Cohorte', 'Clientes'],
  revenueCohorts: {
    title:
      'Retención de ingresos por cohorte (ingresos de cada cohorte mensual k meses después ÷ los de su primer mes)',
    headers: ['Cohorte', 'Clientes', 'Primer mes'],
    ltvTitle: 'Ingresos acumulados por cliente por cohorte (curvas de valor de vida del cliente)',
    monthsAfter: 'Meses desde el primer pedido',
    perCustomer: 'Ingresos por cliente',
  },
  projection: {
    title: 'Proyección: adónde llevan los ritmos actuales (próximos 12 meses)',
    assumptions:
      'Con los 3 últimos meses ({months}): abandono del {churn} al mes, {added} clientes nuevos o que vuelven al ' +
      'mes, ingresos por cliente de {revenue} al mes, partiendo de {customers} clientes. Supone que esos ritmos se ' +
      'mantienen: muestra adónde llevan, no lo que pasará.',
    steady:
      'A estos ritmos los clientes se estabilizan en {customers} ({revenue} al mes), cuando los clientes perdidos ' +
      'cada mes igualan a los nuevos.',
    total: 'Ingresos en los 12 meses: {revenue}.',
    headers: ['Mes', 'Clientes al final', 'Nuevos', 'Perdidos', 'Ingresos'],
    chartTitle: 'Clientes e ingresos proyectados, próximos 12 meses',
  },
  actions: 'Listas de acción',
  none: 'Ninguno en este periodo.',
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
    orderId: 'número de pedido',
    refunded: 'importe reembolsado',
    cancelled: 'cancelado',
    effort: 'esfuerzo del cliente',
    quantity: 'cantidad',
    interval: 'periodo de facturación',
    intervalCount: 'periodos por factura',
    trialEnd: 'fin de la prueba',
    periodEnd: 'fin del periodo actual',
    firstResponse: 'primera respuesta',
    resolved: 'resuelto',
  },
  kpis: {
    nps: ['NPS', 'Promotores (9–10) menos detractores (0–6), en puntos, respuestas del periodo.'],
    npsMargin: [
      'Margen de error del NPS (95 %)',
      'Semiamplitud del intervalo de confianza del 95 % del NPS, en puntos.',
    ],
    responses: ['Respuestas de encuesta', 'Respuestas con puntuación NPS o CSAT en el periodo.'],
    csat: ['CSAT', 'Parte de valoraciones satisfechas en el periodo: 4–5 en una escala 1–5 (9–10 en 1–10).'],
    ces: [
      'Esfuerzo del cliente (CES)',
      'Respuesta media de facilidad en la escala 1–5 o 1–7, más alta = más fácil (una pregunta de esfuerzo se ' +
        'invierte: escala + 1 − respuesta).',
    ],
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
      'Valor de vida del cliente (histórico)',
      'Valor medio del pedido × pedidos por cliente al año × vida media (1 ÷ abandono anual), últimos 12 meses.',
    ],
    ltvCac: ['LTV:CAC', 'Valor de vida histórico ÷ coste medio de adquisición; el objetivo habitual es más de 3.'],
    cps: ['Beneficio sobre coste (CPS)', '(Ingresos − coste) ÷ coste de los pedidos del periodo.'],
    mrr: ['MRR', 'Ingresos recurrentes mensuales de las suscripciones activas al final del periodo.'],
    nrr: ['Retención neta de ingresos', '(MRR inicial − bajas − reducciones + ampliaciones) ÷ MRR inicial.'],
    grossMrrChurn: ['Pérdida bruta de MRR', '(MRR de bajas + reducciones) ÷ MRR inicial.'],
    expansionMrr: ['MRR de ampliación', 'MRR añadido por suscriptores que suben de plan en el periodo.'],
    arr: ['ARR', 'Ingresos recurrentes anuales: 12 × MRR al final del periodo.'],
    arpa: ['ARPA', 'MRR ÷ cuentas de pago (clientes que pagan más de 0) al final del periodo.'],
    mrrGrowth: ['Crecimiento del MRR', '(MRR al final − MRR antes del periodo) ÷ MRR antes del periodo.'],
    quickRatio: [
      'Quick Ratio',
      '(MRR nuevo + ampliación + reactivación) ÷ (MRR de reducciones + bajas) del periodo; por debajo de 1 ' +
        'el MRR baja.',
    ],
    cacPayback: [
      'Recuperación del CAC (meses)',
      'Coste medio de adquisición ÷ ARPA: meses de ingresos para recuperar lo que costó un cliente (sin margen bruto).',
    ],
    conversionRate: ['Tasa de conversión', 'Objetivos (conversiones) ÷ interacciones (visitas) del periodo.'],
    cartAbandonment: ['Abandono de carrito', '1 − compras completadas ÷ carritos creados en el periodo.'],
    ticketsPerCustomer: ['Tickets por cliente', 'Tickets de soporte abiertos en el periodo ÷ clientes al final.'],
  },
  chartTitles: {
    npsTrend: 'NPS por mes: reparto de las respuestas, y el NPS',
    customers: 'Clientes nuevos y perdidos por mes, y tasa de abandono',
    revenue: 'Ingresos por mes: clientes nuevos y recurrentes, y total',
    mrr: 'Movimientos de MRR por mes, y MRR neto nuevo',
    rfm: 'Clientes por segmento RFM, en colores según su salud',
    drivers: 'Factores clave del NPS: respuesta media frente a correlación con el NPS',
  },
  support: {
    title: 'Soporte',
    headers: ['KPI', '', 'Este periodo', 'Periodo anterior', 'Tendencia al mes (12 meses)'],
    kpis: {
      opened: 'Tickets abiertos',
      firstResponse: 'Primera respuesta mediana (horas)',
      resolution: 'Resolución mediana (horas)',
      resolvedShare: 'Resueltos dentro del periodo',
      perCustomer: 'Tickets por cliente',
    },
    note:
      'Medianas de los tickets abiertos en el periodo, en horas naturales desde la apertura; resueltos dentro del ' +
      'periodo: de los tickets abiertos en él. La tendencia es la pendiente de la recta de los últimos 12 meses.',
    chartTitle: 'Soporte por mes: tickets, primera respuesta y resolución medianas (h)',
    chartHeaders: [
      'Mes',
      'Tickets abiertos',
      'Primera respuesta mediana (h)',
      'Resolución mediana (h)',
      'Resueltos en el mes',
      'Tickets por cliente',
    ],
    hours: 'Horas',
  },
  saas: {
    title: 'Eficiencia SaaS por mes (de las suscripciones)',
    headers: [
      'Mes',
      'ARR',
      'Cuentas de pago',
      'ARPA',
      'Crecimiento del MRR',
      'Quick Ratio',
      'Recuperación del CAC (meses)',
    ],
    noCac: 'La recuperación del CAC necesita una columna de coste de adquisición en la hoja de Clientes.',
  },
  blockHeaders: {
    npsTrend: ['Mes (respuestas)', 'Promotores', 'Pasivos', 'Detractores', 'NPS', 'Respuestas'],
    customers: ['Mes', 'Nuevos', 'Perdidos', 'Tasa de abandono', 'Clientes activos'],
    revenue: ['Mes', 'Clientes nuevos', 'Clientes recurrentes', 'Total'],
    mrr: ['Mes', 'Nuevo', 'Ampliación', 'Reactivación', 'Reducción', 'Bajas', 'MRR neto nuevo', 'MRR final'],
    rfm: ['Segmento', 'Sanos', 'Necesitan atención', 'En riesgo', 'Parte'],
    drivers: ['Pregunta', 'Media', 'Correlación con el NPS', 'Cuadrante'],
  },
  drivers: {
    csat: 'Satisfacción',
    switchLikelihood: 'Probabilidad de cambiar',
    repurchase: 'Recompra',
    overallExperience: 'Experiencia global',
  },
  driversReversed: {
    csat: 'Satisfacción',
    switchLikelihood: 'Intención de quedarse (cambiar, invertida)',
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
    needsAttention: 'Clientes que necesitan atención: 3 o más tickets sin resolver',
    words: 'Palabras más frecuentes en los comentarios de detractores',
    predicted: 'Valor de vida del cliente previsto en las próximas 52 semanas',
    predictedList: 'Clientes por valor de vida previsto (próximas 52 semanas)',
  },
  listColumns: {
    winBack: ['Cliente', 'En juego', 'Último pedido', 'P(activo)', 'Motivo'],
    promoters: ['Cliente', 'Gasto, 12 meses', 'Respondió', 'Puntuación', 'Comentario'],
    welcome: ['Cliente', 'Primer pedido', 'Fecha', '', ''],
    upcoming: ['Cliente', 'Gasto, 12 meses', 'Fecha', 'Ocasión', ''],
    detractors: ['Cliente', 'Gasto, 12 meses', 'Respondió', 'Puntuación', 'Comentario'],
    needsAttention: ['Cliente', 'Gasto, 12 meses', 'Sin resolver desde', 'Sin resolver', 'Tickets'],
    predicted: ['Cliente', 'Valor previsto', '', 'P(activo)', ''],
  },
  listWords: {
    heading: '{title}: {count} · {value} en juego',
    shownOf: '{shown} de {count} — todos en «{sheet}».',
    shownOfCut:
      '{shown} de {count} — los primeros {written} en «{sheet}»: el límite de 10 millones de celdas por archivo de ' +
      'Google Sheets no deja sitio para más.',
    sharedCounts: 'Sin nombres en esta versión: cada lista da su número de clientes y el valor en juego.',
    inDays: 'en {days} días',
    inOneDay: 'mañana',
    today: 'hoy',
    sheetTitle: 'Fideliza — Listas de acción de KPI',
    sheetNote:
      'Todos los clientes de todas las listas del informe, lista por lista (Datos ▸ Crear un filtro muestra ' +
      'una lista). Se reescribe con cada informe.',
    sheetColumns: [
      'Lista',
      'Id de cliente',
      'Nombre',
      'Correo',
      'En juego',
      'Fecha',
      'Motivo, puntuación u ocasión',
      'Comentario',
    ],
  },
  listHeaders: {
    words: ['Palabra', 'Menciones'],
  },
  reasons: {
    atRisk: 'RFM: en riesgo',
    cantLose: 'RFM: no podemos perderlos',
    fallingSatisfaction: 'Satisfacción en descenso',
    lowHealth: 'Salud del cliente baja',
  },
  occasions: { birthday: 'Cumpleaños', anniversary: 'Aniversario como cliente' },
  aliveBands: { likelyActive: 'probablemente activo', atRisk: 'en riesgo', probablyGone: 'probablemente perdido' },
  predictedWords: {
    models: { bgnbd: 'BG/NBD', mbgnbd: 'MBG/NBD' },
    chosen:
      '{model} predijo {predicted} recompras en las últimas {weeks} semanas, ajustado con los pedidos anteriores; ' +
      'hubo {actual}.',
    other:
      '{model} predijo {predicted}: las predicciones de abajo usan el más cercano, reajustado con todos los pedidos.',
    noCheck:
      'Se usa {model}: los pedidos no abarcan tiempo suficiente para comprobar un modelo en una ventana de reserva.',
    fallback:
      'El valor esperado del pedido de cada cliente es el valor medio de las recompras ({value}): el gasto de las ' +
      'recompras no varía entre clientes (un producto de precio único), así que no se pudo ajustar el modelo de gasto.',
    bands: 'P(activo): probablemente activo desde el 70 %, en riesgo desde el 30 %, probablemente perdido por debajo.',
    tooEarly: 'demasiado pronto para predecir (primer pedido hace menos de 8 semanas)',
    groupHeaders: ['Recompras antes de la ventana', 'Clientes', 'Reales (media)', 'BG/NBD (media)', 'MBG/NBD (media)'],
  },
  wizard: {
    noDataRows: 'La hoja «{sheet}» no tiene filas de datos.',
    skippedInFirstRows: 'Hoja «{sheet}», primeras {rows} filas: {what}. Esas filas se omitirán.',
    percentagePoints: 'p. p.',
    refreshed: 'Informe actualizado: {period} ({seconds} s).',
    addData: 'Añade datos debajo de la fila de encabezados.',
    rowsSkipped: 'Filas omitidas: {reasons}. Corrígelas y vuelve a generar el informe.',
    warnings: {
      oldChartsLeft:
        'El informe está escrito, pero no se pudieron quitar algunos gráficos del anterior: borra a mano los ' +
        'gráficos que sobren.',
      notFlushed: 'El informe está escrito; Google Sheets puede tardar unos segundos en mostrarlo entero.',
      settingsNotSaved: 'El informe está escrito, pero no se pudieron recordar tus opciones para la próxima vez.',
      listsCut:
        'El informe está escrito, pero el límite de 10 millones de celdas por archivo de Google Sheets solo dejó ' +
        'sitio para las primeras filas de las listas más largas en «{sheet}»: el informe dice cuántas. Libera ' +
        'espacio y vuelve a generarlo para tenerlas todas.',
      noLink:
        'El informe está escrito, pero no se pudo crear el enlace al PDF: abre la hoja «{sheet}» y usa Archivo ▸ ' +
        'Descargar ▸ PDF.',
    },
  },
};

const LABELS: Record<Language, ReportLabels> = { en, es };

/** The report's texts in a language. */
export function reportLabels(language: Language, locale?: string): ReportLabels {
  if (language === 'es' && isMexicanSpanish(locale)) {
    mexican ??= mexicanSpanish(es);
    return mexican;
  }
  return LABELS[language];
}

/** The Spanish labels in Mexico's terms, made the first time a Mexican spreadsheet asks. */
let mexican: ReportLabels | undefined;

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
