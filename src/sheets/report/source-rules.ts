/**
 * The rules of the data that shop and billing exports carry (docs/report.md, "Exports it recognises"):
 * which orders are sales (a cancelled, voided, unpaid or fully refunded order is not), how a line-item
 * export's rows make one order, and what a subscription pays per month and when. Pure: plain values
 * in and out.
 */
import type { ExclusionReason, SkipReason } from '../../report/records';

/** What an order's status says about it: a sale, or why it is not one. */
export type OrderClass = 'sale' | 'cancelled' | 'notPaid' | 'refunded';

/** Status text in a comparable form: lower case, no accents, `_` and `-` as spaces. */
function statusWords(status: string): string {
  return status
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^wc-/, '')
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/**
 * Statuses of Shopify (`Financial Status`), WooCommerce (slugs and labels, English and Spanish) and
 * PrestaShop (Spanish state names) that are not sales, by class; a status equal to one of these or
 * starting with it and a space is of that class. Everything else is a sale: `paid`, `completed`,
 * `processing`, `on-hold` (WooCommerce Analytics counts it by default), `authorized`,
 * `partially_refunded` (net of its refund), `Pago aceptado`, `Enviado`, `Entregado`…
 */
const NOT_SALES: Record<Exclude<OrderClass, 'sale'>, readonly string[]> = {
  cancelled: [
    'cancelled',
    'canceled',
    'cancelado',
    'cancelada',
    'anulado',
    'anulada',
    'voided',
    'void',
    'trash',
    'papelera',
  ],
  notPaid: [
    'pending',
    'pending payment',
    'payment pending',
    'pendiente',
    'pendiente de pago',
    'awaiting payment',
    'en espera de pago',
    'failed',
    'fallido',
    'fallida',
    'error en pago',
    'error de pago',
    'payment error',
    'payment failed',
    'pago fallido',
    'expired',
    'caducado',
    'expirado',
    'draft',
    'checkout draft',
    'auto draft',
    'borrador',
    'unpaid',
    'no pagado',
    'impagado',
  ],
  refunded: ['refunded', 'fully refunded', 'reembolsado', 'reembolsada', 'devuelto', 'devuelta'],
};

/** Classes of the status texts met so far: an export repeats a handful of statuses on every row. */
let classOfStatus: Map<string, OrderClass> | undefined;
/** Past this many distinct texts a status is not a repeated label: no more are remembered. */
const STATUSES_REMEMBERED = 1000;

/** The class of an order's status (blank: a sale). */
export function orderClassOf(status: string): OrderClass {
  classOfStatus ??= new Map();
  let kind = classOfStatus.get(status);
  if (kind === undefined) {
    kind = classOfWords(status);
    if (classOfStatus.size < STATUSES_REMEMBERED) classOfStatus.set(status, kind);
  }
  return kind;
}

function classOfWords(status: string): OrderClass {
  const words = statusWords(status);
  if (!words) return 'sale';
  for (const [kind, names] of Object.entries(NOT_SALES) as [Exclude<OrderClass, 'sale'>, readonly string[]][])
    if (names.some((name) => words === name || words.startsWith(`${name} `))) return kind;
  return 'sale';
}

/** One data row of an orders sheet, read field by field (`null`: blank), with the first bad field. */
export interface OrderRow {
  /** Sheet row, 1-based. */
  row: number;
  values: Record<string, unknown>;
  /** Fields whose value could not be read, and why. */
  bad: Record<string, SkipReason>;
}

/** One order made of its rows, or why it is left out. */
export type OrderOutcome =
  | { row: number; values: Record<string, unknown> }
  | { row: number; skip: SkipReason; field?: string }
  | { row: number; excluded: ExclusionReason };

/** The orders of a sheet's rows, and how its rows made them. */
export interface OrdersOfRows {
  outcomes: OrderOutcome[];
  /** How the amount of an order of several rows was taken: once (repeated on each row) or summed. */
  amounts: 'repeated' | 'summed';
  orders: number;
  /** Orders made of several rows (line items). */
  multiLineOrders: number;
  /** Rows with a negative amount subtracted from their order (refunds). */
  refundRows: number;
}

/** Money below half a cent is nothing left (a refund equal to the total, after rounding). */
const NOTHING_LEFT = 0.005;

/** The order-level fields: every field but the amount, which is added up by its own rule. */
const AMOUNT = 'amount';

/**
 * Groups the rows of an orders sheet into orders and applies the export's rules:
 * - rows with the same order id make one order (a blank id is an order of its own row). Order-level
 *   fields come from the order's first row with an amount, blanks filled from its other rows (Shopify
 *   fills them on the first row only; WooCommerce's order export repeats them);
 * - the amount of each order is its first row's when every multi-row order repeats the same amount on
 *   its rows (`repeated`), else the sum of its rows (`summed`, a log of order lines); rows with a
 *   negative amount are refunds of the order (WooCommerce Analytics writes one per refund) and are
 *   subtracted from it;
 * - cancelled (a cancelled date or flag, or a cancelled/voided status) and unpaid (pending, failed…)
 *   orders are left out; a refunded amount column is subtracted; an order refunded in full (nothing
 *   left, or a refunded status with no refund amount to subtract) is not an order.
 * Without an order id every row is one order and a negative amount is skipped as an error.
 * @param rows the data rows read.
 * @param fieldOrder the mapped fields in the schema's order (the first problem found is reported).
 * @param required the fields an order needs (customer id, date, amount) and the skip reason when blank.
 * @param hasOrderId whether an order id column is mapped.
 */
export function ordersOfRows(
  rows: OrderRow[],
  fieldOrder: readonly string[],
  required: readonly { key: string; reason: SkipReason }[],
  hasOrderId: boolean,
): OrdersOfRows {
  if (!hasOrderId) {
    const needed = requiredFields(required);
    const outcomes = rows.map((row) => orderOfLoneRow(row, fieldOrder, needed));
    return { outcomes, amounts: 'repeated', orders: rows.length, multiLineOrders: 0, refundRows: 0 };
  }
  const groups: OrderRow[][] = [];
  const byId = new Map<string, OrderRow[]>();
  for (const row of rows) {
    const id = String(row.values.orderId ?? '').trim();
    if (!id) {
      groups.push([row]);
      continue;
    }
    let group = byId.get(id);
    if (!group) {
      group = [];
      byId.set(id, group);
      groups.push(group);
    }
    group.push(row);
  }
  const amounts = amountRule(groups);
  const needed = requiredFields(required);
  const outcomes = groups.map((group) => orderOfGroup(group, fieldOrder, needed, amounts));
  const isRefund = (r: OrderRow) => isAmount(r.values[AMOUNT]) && r.values[AMOUNT] < 0;
  // Counted in loops: no array per order (most orders are one row).
  let multiLineOrders = 0;
  let refundRows = 0;
  for (const group of groups) {
    let lines = 0;
    for (const row of group)
      if (isRefund(row)) refundRows++;
      else lines++;
    if (lines > 1) multiLineOrders++;
  }
  return { outcomes, amounts, orders: groups.length, multiLineOrders, refundRows };
}

/** The skip reason of each field an order needs, by field key. */
export function requiredFields(required: readonly { key: string; reason: SkipReason }[]): Map<string, SkipReason> {
  return new Map(required.map((r) => [r.key, r.reason]));
}

/**
 * The order of one row of a sheet without an order id column, where every row is an order of its
 * own: what {@link ordersOfRows} gives that row, computed as the row is read (nothing kept of the
 * other rows). A negative amount is an error of its row. The row's own `values` become the order's
 * (the row is not used again).
 * @example orderOfLoneRow({ row: 2, values: { customerId: 'a', date: 20000, amount: 5 }, bad: {} },
 *   ['customerId', 'date', 'amount'], requiredFields([])) // { row: 2, values: { customerId: 'a', … } }
 */
export function orderOfLoneRow(
  row: OrderRow,
  fieldOrder: readonly string[],
  required: ReadonlyMap<string, SkipReason>,
): OrderOutcome {
  return orderOfRow(row, fieldOrder, required, 'repeated', row.values);
}

/** Whether multi-row orders repeat their amount on each row (counted once) or split it (summed). */
function amountRule(groups: OrderRow[][]): 'repeated' | 'summed' {
  for (const group of groups) {
    if (group.length < 2) continue; // one row: nothing to compare
    let first: number | undefined;
    for (const row of group) {
      const a = row.values[AMOUNT];
      if (typeof a !== 'number' || !(a >= 0)) continue;
      if (first === undefined) first = a;
      else if (Math.abs(a - first) >= NOTHING_LEFT) return 'summed';
    }
  }
  return 'repeated';
}

const isAmount = (value: unknown): value is number => typeof value === 'number';
const NO_ROWS: OrderRow[] = [];

/** The order of the rows sharing one order id (rows with a negative amount are its refunds). */
function orderOfGroup(
  group: OrderRow[],
  fieldOrder: readonly string[],
  required: ReadonlyMap<string, SkipReason>,
  amounts: 'repeated' | 'summed',
): OrderOutcome {
  // Most orders are one row: no arrays to build for them.
  if (group.length === 1 && !(isAmount(group[0].values[AMOUNT]) && group[0].values[AMOUNT] < 0))
    return orderOfRow(group[0], fieldOrder, required, amounts);
  const refunds = group.filter((r) => isAmount(r.values[AMOUNT]) && r.values[AMOUNT] < 0);
  const lines = group.filter((r) => !refunds.includes(r));
  const head = lines.find((r) => isAmount(r.values[AMOUNT])) ?? lines[0] ?? group[0];
  const ordered = [head, ...lines.filter((r) => r !== head)];
  const lineAmounts = lines.map((r) => r.values[AMOUNT]).filter(isAmount);
  const values: Record<string, unknown> = {};
  for (const key of fieldOrder) {
    const filled =
      key === AMOUNT
        ? lineAmounts.length > 0
        : ordered.find((r) => r.values[key] !== null && r.values[key] !== undefined && r.values[key] !== '');
    if (filled) {
      if (key !== AMOUNT) values[key] = (filled as OrderRow).values[key];
      continue;
    }
    const bad = ordered.find((r) => r.bad[key]);
    if (bad) return { row: bad.row, skip: bad.bad[key], field: key };
    if (key === AMOUNT && refunds.length) return { row: head.row, excluded: 'refunded' }; // its order is elsewhere
    const reason = required.get(key);
    if (reason) return { row: head.row, skip: reason, field: key };
    values[key] = null;
  }
  if (!lineAmounts.length) return { row: head.row, values };
  const gross = amounts === 'repeated' ? lineAmounts[0] : lineAmounts.reduce((a, b) => a + b, 0);
  return pricedOrder(values, head.row, lineAmounts[0], gross, refunds);
}

/**
 * `orderOfGroup` for an order of one row that is not a refund (most orders): the same rules, without
 * the arrays and searches a group of several rows needs. The order's fields are written to `values`.
 */
function orderOfRow(
  row: OrderRow,
  fieldOrder: readonly string[],
  required: ReadonlyMap<string, SkipReason>,
  amounts: 'repeated' | 'summed',
  values: Record<string, unknown> = {},
): OrderOutcome {
  for (const key of fieldOrder) {
    const value = row.values[key];
    if (key === AMOUNT ? isAmount(value) : value !== null && value !== undefined && value !== '') {
      if (key !== AMOUNT) values[key] = value;
      continue;
    }
    const bad = row.bad[key];
    if (bad) return { row: row.row, skip: bad, field: key };
    const reason = required.get(key);
    if (reason) return { row: row.row, skip: reason, field: key };
    values[key] = null;
  }
  const amount = row.values[AMOUNT];
  if (!isAmount(amount)) return { row: row.row, values };
  // as the group's rule computes it: a sum starts from 0
  return pricedOrder(values, row.row, amount, amounts === 'repeated' ? amount : 0 + amount, NO_ROWS);
}

/** The rules applied to an order once its fields and amounts are known: cancelled, unpaid, refunded. */
function pricedOrder(
  values: Record<string, unknown>,
  row: number,
  firstAmount: number,
  gross: number,
  refunds: readonly OrderRow[],
): OrderOutcome {
  // Without an order id a negative amount is an error of its row, as it always was.
  if (firstAmount < 0) return { row, skip: 'negative', field: AMOUNT };
  if (values.cancelled === true) return { row, excluded: 'cancelled' };
  const kind = orderClassOf(String(values.status ?? ''));
  if (kind === 'cancelled' || kind === 'notPaid') return { row, excluded: kind };
  const refundRows = refunds.reduce((sum, r) => sum - (r.values[AMOUNT] as number), 0);
  const refundedColumn = isAmount(values.refunded) ? values.refunded : 0;
  const anyRefund = refundedColumn > 0 || refundRows > 0;
  // A refunded status with no refund amount to subtract: the whole order went back.
  if (kind === 'refunded' && !anyRefund) return { row, excluded: 'refunded' };
  const net = gross - refundedColumn - refundRows;
  if (anyRefund && net < NOTHING_LEFT) return { row, excluded: 'refunded' };
  values[AMOUNT] = Math.round(net * 1e6) / 1e6; // \`values\` is this order's own object: no copy
  return { row, values };
}

// ---- subscriptions --------------------------------------------------------------------------

/** What a subscription's status says: paying (or will), in trial, over, or never started. */
export type SubscriptionClass = 'live' | 'trialing' | 'ended' | 'neverStarted';

/** Stripe's statuses (and plain English and Spanish words) that are not `live`. */
export function subscriptionClassOf(status: string): SubscriptionClass {
  const words = statusWords(status);
  if (['trialing', 'trial', 'en prueba', 'prueba'].includes(words)) return 'trialing';
  if (['canceled', 'cancelled', 'cancelada', 'cancelado', 'ended', 'finalizada', 'expired'].includes(words))
    return 'ended';
  if (['incomplete', 'incomplete expired', 'incompleta'].includes(words)) return 'neverStarted';
  return 'live';
}

/** Months in one billing interval by its name (Stripe's `day`/`week`/`month`/`year`, and their kin). */
const MONTHS_IN: readonly [RegExp, number][] = [
  [/^(day|days|daily|dia|dias|diario|diaria)$/, 12 / 365],
  [/^(week|weeks|weekly|semana|semanas|semanal)$/, 12 / 52],
  [/^(month|months|monthly|mes|meses|mensual)$/, 1],
  [/^(quarter|quarters|quarterly|trimestre|trimestral)$/, 3],
  [/^(half year|semester|semiannual|semestre|semestral)$/, 6],
  [/^(year|years|yearly|annual|annually|ano|anos|anual)$/, 12],
];

/**
 * How many months one billing period lasts: an interval name times the interval count (Stripe's
 * "every 3 months" is `month` × 3). A blank interval is monthly; an unknown one is `undefined`.
 * @example monthsPerPeriod('year', 1) // 12
 */
export function monthsPerPeriod(interval: string, count: number | null): number | undefined {
  const words = statusWords(interval);
  const each = words === '' ? 1 : MONTHS_IN.find(([pattern]) => pattern.test(words))?.[1];
  if (each === undefined) return undefined;
  return each * (count !== null && count > 0 ? count : 1);
}

/** A subscription read from its row, before the rules. */
export interface SubscriptionFields {
  startDay: number;
  endDay: number | null;
  mrr: number;
  quantity: number | null;
  interval: string;
  intervalCount: number | null;
  status: string;
  trialEndDay: number | null;
  cancelled: boolean;
  periodEndDay: number | null;
}

/**
 * A subscription as the report counts it: monthly revenue = amount × quantity ÷ months per billing
 * period; paying from the end of its trial; ending at its end date, else (cancelled at the period's
 * end, or over with no end date) at the end of the current period. Or why it is left out: never
 * started (Stripe's `incomplete`), or cancelled before its trial ended.
 */
export function subscriptionOf(
  s: SubscriptionFields,
):
  | { startDay: number; endDay: number | null; mrr: number }
  | { excluded: ExclusionReason }
  | { skip: SkipReason; field: string } {
  const kind = subscriptionClassOf(s.status);
  if (kind === 'neverStarted') return { excluded: 'neverStarted' };
  const months = monthsPerPeriod(s.interval, s.intervalCount);
  if (months === undefined) return { skip: 'notANumber', field: 'interval' };
  const mrr = (s.mrr * (s.quantity ?? 1)) / months;
  if (kind === 'trialing' && s.trialEndDay === null) return { excluded: 'trialOnly' };
  const startDay = s.trialEndDay !== null && s.trialEndDay > s.startDay ? s.trialEndDay : s.startDay;
  let endDay = s.endDay;
  if (endDay === null && (s.cancelled || kind === 'ended')) endDay = s.periodEndDay;
  if (endDay === null && kind === 'ended') return { excluded: 'cancelled' };
  if (endDay !== null && endDay < s.startDay) return { skip: 'endBeforeStart', field: 'end' };
  if (endDay !== null && endDay <= startDay && startDay > s.startDay) return { excluded: 'trialOnly' };
  return { startDay, endDay, mrr };
}
