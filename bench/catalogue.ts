/**
 * Every catalogue function that takes ranges, with the synthetic dataset it runs on and its
 * arguments shaped as Sheets passes them. `target` is the compute budget at 100 000 rows: issue 3's
 * targets (NPS and CSAT 20 ms; the six table functions 300 ms) and, for the rest, FUNCTIONS.md's
 * "one call must handle 100 000 rows well under a second".
 */
import {
  birthdayData,
  dateCell,
  elementwiseData,
  gridData,
  LAST_DAY,
  orderData,
  subscriptionData,
  surveyData,
} from './data';

/** One timed call. Its shape (element-wise, or one value, or a table) comes from the declaration and the result. */
export interface Case<D> {
  fn: string;
  /** Budget in ms of compute at 100 000 rows. */
  target: number;
  /** Where the target comes from. */
  targetSource: 'issue 3' | 'FUNCTIONS.md';
  args(data: D): unknown[];
}

/** Functions sharing one dataset. */
export interface Family<D> {
  name: string;
  /** What one row is. */
  row: string;
  make(n: number): D;
  cases: Case<D>[];
}

const SURVEY_TARGET = 20;
const TABLE_TARGET = 300;
const SPEC_TARGET = 1000;

function fromSpec<D>(fn: string, args: (data: D) => unknown[]): Case<D> {
  return { fn, target: SPEC_TARGET, targetSource: 'FUNCTIONS.md', args };
}

function fromIssue<D>(fn: string, target: number, args: (data: D) => unknown[]): Case<D> {
  return { fn, target, targetSource: 'issue 3', args };
}

type Survey = ReturnType<typeof surveyData>;
type Orders = ReturnType<typeof orderData>;
type Subscriptions = ReturnType<typeof subscriptionData>;
type Grids = ReturnType<typeof gridData>;
type Elementwise = ReturnType<typeof elementwiseData>;
type Birthdays = ReturnType<typeof birthdayData>;

/** The last quarter of the data, for CUSTOMER_CHURN. */
const QUARTER_START = dateCell(LAST_DAY - 91);
const AS_OF = dateCell(LAST_DAY);

export const FAMILIES: Family<any>[] = [
  {
    name: 'survey',
    row: 'survey answer (customer id, date, NPS score 0–10, CSAT rating 1–5; ~2 % "N/A", ~1 % blank)',
    make: (n) => surveyData(n),
    cases: [
      fromIssue<Survey>('NPS', SURVEY_TARGET, (d) => [d.scores]),
      fromIssue<Survey>('CSAT', SURVEY_TARGET, (d) => [d.ratings]),
      fromSpec<Survey>('NPS_BREAKDOWN', (d) => [d.scores]),
      fromSpec<Survey>('NPS_CI', (d) => [d.scores]),
      fromSpec<Survey>('NPS_CHANGE', (d) => [d.scores, d.scoresAfter]),
      fromSpec<Survey>('NPS_CATEGORY', (d) => [d.scores]),
      fromIssue<Survey>('NPS_TREND', TABLE_TARGET, (d) => [d.scores, d.dates]),
      fromIssue<Survey>('SATISFACTION_TREND', TABLE_TARGET, (d) => [d.ids, d.dates, d.scores]),
      // Same ratings before and after: the test's arithmetic is the same whatever the difference.
      fromSpec<Survey>('CSAT_CHANGE', (d) => [d.ratings, d.ratings]),
      fromSpec<Survey>('CES', (d) => [d.ratings, 5]),
    ],
  } satisfies Family<Survey>,
  {
    name: 'drivers & health',
    row: 'respondent or customer (5 ratings 1–10 + outcome; 4 health signals)',
    make: (n) => gridData(n),
    cases: [
      fromSpec<Grids>('CSI', (d) => [d.ratings]),
      fromSpec<Grids>('KEY_DRIVERS', (d) => [d.ratings, d.outcome, d.driverNames]),
      fromIssue<Grids>('HEALTH_SCORE', TABLE_TARGET, (d) => [d.metrics, [[0.3, 0.3, 0.2, 0.2]], [[1, 1, -1, -1]]]),
    ],
  } satisfies Family<Grids>,
  {
    name: 'orders',
    row: 'order (customer id, date, amount; ~n/4 customers over 3 years)',
    make: (n) => orderData(n),
    cases: [
      fromSpec<Orders>('REPEAT_RATE', (d) => [d.ids]),
      fromSpec<Orders>('PURCHASE_FREQUENCY', (d) => [d.ids, d.dates]),
      fromSpec<Orders>('CUSTOMER_CHURN', (d) => [d.ids, d.dates, QUARTER_START, AS_OF]),
      fromIssue<Orders>('COHORT_RETENTION', TABLE_TARGET, (d) => [d.ids, d.dates]),
      fromSpec<Orders>('ORDER_SUMMARY', (d) => [d.ids, d.dates, d.amounts]),
      fromIssue<Orders>('COHORT_REVENUE', TABLE_TARGET, (d) => [d.ids, d.dates, d.amounts]),
      fromIssue<Orders>('RFM', TABLE_TARGET, (d) => [d.ids, d.dates, d.amounts]),
      fromSpec<Orders>('BGNBD_FIT', (d) => [d.ids, d.dates]),
      fromSpec<Orders>('MBGNBD_FIT', (d) => [d.ids, d.dates]),
      fromSpec<Orders>('HOLDOUT_CHECK', (d) => [d.ids, d.dates, dateCell(LAST_DAY - 182), AS_OF]),
      fromSpec<Orders>('GAMMA_GAMMA_FIT', (d) => [d.ids, d.dates, d.amounts]),
      fromSpec<Orders>('CLV_PREDICT', (d) => [d.ids, d.dates, d.amounts, 52]),
    ],
  } satisfies Family<Orders>,
  {
    name: 'subscriptions',
    row: 'subscription line (customer id, start, end or blank, monthly amount; ~n/2 customers)',
    make: (n) => subscriptionData(n),
    cases: [
      fromSpec<Subscriptions>('MRR', (d) => [d.ids, d.starts, d.ends, d.amounts, AS_OF]),
      fromIssue<Subscriptions>('MRR_MOVEMENTS', TABLE_TARGET, (d) => [d.ids, d.starts, d.ends, d.amounts]),
    ],
  } satisfies Family<Subscriptions>,
  {
    name: 'birthdays',
    row: 'customer (name, date of birth)',
    make: (n) => birthdayData(n),
    cases: [fromSpec<Birthdays>('UPCOMING_DATES', (d) => [d.names, d.dates, AS_OF, 30])],
  } satisfies Family<Birthdays>,
  {
    name: 'element-wise',
    row: 'row of the input columns (counts, money, rates)',
    make: (n) => elementwiseData(n),
    cases: [
      fromSpec<Elementwise>('CHURN_RATE', (d) => [d.start, d.end, d.added]),
      fromSpec<Elementwise>('RETENTION_RATE', (d) => [d.start, d.end, d.added]),
      fromSpec<Elementwise>('REVENUE_RETENTION', (d) => [d.start, d.end, d.added]),
      fromSpec<Elementwise>('REVENUE_CHURN', (d) => [d.start, d.end, d.added]),
      fromSpec<Elementwise>('CPS', (d) => [d.revenue, d.cost]),
      fromSpec<Elementwise>('LTV', (d) => [d.revenue, d.rate, d.large]),
      fromSpec<Elementwise>('SAAS_LTV', (d) => [d.revenue, d.rate]),
      fromSpec<Elementwise>('LTV_CAC', (d) => [d.revenue, d.cost]),
      fromSpec<Elementwise>('QUICK_RATIO', (d) => [d.revenue, d.small, d.cost, d.large]),
      fromSpec<Elementwise>('CAC_PAYBACK', (d) => [d.cost, d.revenue]),
      fromSpec<Elementwise>('CONVERSION_RATE', (d) => [d.small, d.large]),
      fromSpec<Elementwise>('CART_ABANDONMENT', (d) => [d.large, d.small]),
      fromSpec<Elementwise>('HEALTH_BAND', (d) => [d.score]),
    ],
  } satisfies Family<Elementwise>,
];
