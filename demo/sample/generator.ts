/**
 * A deterministic, realistic sample workbook: a Spanish online shop ("Caja del mes" subscription box
 * included) over the two years ending at a fixed date. Same options → identical workbook, byte for
 * byte; nothing depends on the host clock, zone or `Math.random`.
 *
 * The customer process is a heterogeneous Poisson process with dropout (the Pareto/NBD family of
 * Schmittlein, Morrison & Colombo, 1987): each buyer joins on a seasonal day, belongs to one of four
 * behaviours (one-time buyer, churner, regular, loyal core), has a gamma-distributed purchase rate,
 * and buys while active; the orders to place are shared out in proportion to rate × seasonal
 * exposure, so the requested number of orders is met exactly. Seasonality: a December peak with a
 * Black Friday spike, January sales, a summer dip and mild growth. Survey answers follow a latent
 * customer experience (falling before a churner leaves), so NPS, CSAT and the drivers correlate and
 * detractors complain about recurring themes.
 */
import { civilFromDay, dayFromCivil, daysInMonth, isLeapYear, isoOfDay, isoWeekday } from '../../src/kpi/calendar/days';
import type { EmuValue, SeedGrid } from '../../test/emulator';
import { DateCells } from './dateCells';
import { Random } from './random';
import {
  COMPLAINT_THEMES,
  COMPLAINTS,
  EMAIL_DOMAINS,
  MEN_NAMES,
  MISSING_SCORE,
  NEUTRAL_COMMENTS,
  PRAISE,
  SURNAMES,
  WOMEN_NAMES,
  type ComplaintTheme,
} from './vocabulary';

/** What to generate. Every field is optional. */
export interface SampleOptions {
  /** PRNG seed (default 20251231). */
  seed?: number;
  /** Registered customers (default 2 000). */
  customers?: number;
  /** Valid orders (default 20 000); dirty rows come on top. */
  orders?: number;
  /** Last day of the data, `yyyy-mm-dd` (default `2025-12-31`); the data covers the two years up to it. */
  endDate?: string;
  /** Spreadsheet zone the date cells are made for (default `Europe/Madrid`). */
  timeZone?: string;
  /** Survey answers (default ≈ 0.32 per buyer: about 20 % of buyers answer, some several times). */
  responses?: number;
}

/** Why a dirty row is unreadable. */
export type DirtyReason = 'text amount' | 'bad date' | 'negative amount' | 'blank customer id';

/** A row the report should skip and count. */
export interface DirtyRow {
  /** Sheet name. */
  sheet: string;
  /** 1-based sheet row (row 1 is the header). */
  row: number;
  /** Header of the offending column. */
  column: string;
  /** What is wrong with it. */
  reason: DirtyReason;
}

/** A cell holding user text that starts with `=`, `+`, `-` or `@` (must stay text in any output). */
export interface InjectionCell {
  /** Sheet name. */
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  /** Header of the column. */
  column: string;
  /** The text. */
  text: string;
}

/** The generated workbook and what was planted in it. */
export interface SampleWorkbook {
  /** Sheets in order: name → rows, row 1 the Spanish headers. */
  sheets: Record<string, SeedGrid>;
  /** The planted unreadable rows (Pedidos and Clientes). */
  dirty: DirtyRow[];
  /** The planted formula-looking texts. */
  injections: InjectionCell[];
  /** First day of the data, `yyyy-mm-dd`. */
  startDate: string;
  /** Last day of the data, `yyyy-mm-dd`. */
  endDate: string;
}

/** Header rows of the sample workbook, by sheet name. */
export const SAMPLE_HEADERS: Readonly<Record<string, readonly string[]>> = {
  Clientes: ['ID cliente', 'Nombre', 'Correo', 'Fecha alta', 'Cumpleaños', 'Coste adquisición', 'Segmento'],
  Pedidos: ['ID cliente', 'Fecha pedido', 'Importe', 'Coste'],
  Encuestas: [
    'ID cliente',
    'Fecha',
    'Recomendación',
    'Satisfacción',
    'Comentario',
    'Probabilidad de cambiar a la competencia',
    'Recompra',
    'Experiencia global',
    'Esfuerzo',
  ],
  Suscripciones: ['ID cliente', 'Inicio', 'Fin', 'Cuota mensual'],
  Tickets: ['ID cliente', 'Fecha', 'Estado', 'Primera respuesta', 'Resuelto'],
  Embudo: ['Mes', 'Visitas', 'Conversiones', 'Carritos', 'Compras'],
};

/** Plans of the "Caja del mes" subscription box, cheapest first: name and monthly fee in euros. */
export const BOX_PLANS: readonly (readonly [string, number])[] = [
  ['Básica', 14.9],
  ['Estándar', 24.9],
  ['Premium', 39.9],
];

/** Texts planted in the names of four real customers (formula-injection cases). */
export const INJECTION_NAMES = [
  '=HYPERLINK("https://ejemplo.com/oferta";"Pulse aquí")',
  '+34 600 123 456',
  '-',
  '@marta_compras',
] as const;

const DEFAULTS = { seed: 20251231, customers: 2000, orders: 20000, endDate: '2025-12-31', timeZone: 'Europe/Madrid' };

/** Monthly demand factors, January first: January sales, summer dip, Black Friday/Christmas peak. */
const MONTH_FACTOR = [1.05, 0.85, 0.9, 0.95, 0.95, 0.85, 0.72, 0.62, 0.92, 1.0, 1.3, 1.75];
/** Day-of-week factors, Monday first (online shops sell most early in the week). */
const WEEKDAY_FACTOR = [1.12, 1.08, 1.04, 1.0, 0.92, 0.86, 0.98];

enum Kind {
  OneTime = 0,
  Churner = 1,
  Regular = 2,
  Loyal = 3,
}

interface Customer {
  id: string;
  kind: Kind;
  signup: number; // sign-up day index (days since start; negative before the data starts)
  first: number; // index of the first-order day in the data (a non-buyer's would-be first order)
  last: number; // last active day index
  churned: boolean;
  weight: number;
  aov: number;
  mood: number; // latent experience offset
  theme: ComplaintTheme;
  buyer: boolean;
}

/**
 * Generates the sample workbook with the manifest of planted dirty rows and injection texts.
 * @param options sizes, seed, end date and zone; see {@link SampleOptions}.
 * @return the sheets, the dirty rows and the injection cells.
 * @example generateSample({ customers: 200, orders: 2000 }).sheets.Pedidos.length // 2000 + 4 dirty + header
 */
export function generateSample(options: SampleOptions = {}): SampleWorkbook {
  const seed = options.seed ?? DEFAULTS.seed;
  const customerCount = count(options.customers ?? DEFAULTS.customers, 'customers', 1);
  const orderCount = count(options.orders ?? DEFAULTS.orders, 'orders', 0);
  const endIso = options.endDate ?? DEFAULTS.endDate;
  const zone = options.timeZone ?? DEFAULTS.timeZone;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(endIso);
  if (
    !m ||
    Number(m[2]) < 1 ||
    Number(m[2]) > 12 ||
    Number(m[3]) < 1 ||
    Number(m[3]) > daysInMonth(Number(m[1]), Number(m[2]))
  ) {
    throw new Error(`generateSample: endDate must be an existing date yyyy-mm-dd, got ${endIso}`);
  }
  const endDay = dayFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  const startDay = dayFromCivil(Number(m[1]) - 2, Number(m[2]), Number(m[3])) + 1;
  const rng = new Random(seed);
  const dates = new DateCells(zone);
  const calendar = new SeasonalCalendar(startDay, endDay);
  const span = endDay - startDay + 1;

  // --- customers ---
  // 45 % were already customers when the data starts (signed up in the 3 years before; their first
  // order in the data comes early); the others join during the two years, on seasonal days.
  const buyerCount = Math.min(customerCount, orderCount);
  const joins: { signup: number; first: number; existing: boolean }[] = [];
  for (let i = 0; i < customerCount; i++) {
    if (rng.chance(0.45)) {
      joins.push({
        signup: -rng.int(1, 3 * 365),
        first: calendar.sample(rng, 0, Math.min(span - 1, 120)),
        existing: true,
      });
    } else {
      const first = calendar.sample(rng, 0, span - 1);
      joins.push({ signup: first - (rng.chance(0.4) ? rng.int(0, 20) : 0), first, existing: false });
    }
  }
  joins.sort((a, b) => a.signup - b.signup || a.first - b.first);
  const customers: Customer[] = [];
  const buyerFlags = chooseBuyers(rng, customerCount, buyerCount);
  for (let i = 0; i < customerCount; i++) {
    const u = rng.next();
    const { first, existing, signup } = joins[i];
    const kind = existing
      ? u < 0.2
        ? Kind.OneTime
        : u < 0.55
          ? Kind.Churner
          : u < 0.82
            ? Kind.Regular
            : Kind.Loyal
      : u < 0.52
        ? Kind.OneTime
        : u < 0.75
          ? Kind.Churner
          : u < 0.92
            ? Kind.Regular
            : Kind.Loyal;
    let last = span - 1;
    let churned = false;
    if (kind === Kind.Churner || (kind === Kind.Regular && rng.chance(0.2))) {
      const leave = first + 20 + Math.round(rng.exponential(kind === Kind.Churner ? 180 : 400));
      if (leave < span - 1) {
        last = leave;
        churned = true;
      }
    }
    if (kind === Kind.OneTime) last = first;
    const weight =
      kind === Kind.OneTime
        ? 0
        : kind === Kind.Churner
          ? rng.gamma(1.5)
          : kind === Kind.Regular
            ? 1.2 * rng.gamma(2)
            : 2.5 * rng.gamma(4);
    customers.push({
      id: customerId(i + 1),
      kind,
      signup,
      first,
      last,
      churned,
      weight,
      aov: rng.logNormal(Math.log(42), 0.35),
      mood: rng.normal(0, 0.6),
      theme: rng.pick(COMPLAINT_THEMES),
      buyer: buyerFlags[i],
    });
  }

  // --- orders: one first order per buyer, the rest shared by rate × seasonal exposure ---
  const orderCustomer = new Int32Array(orderCount);
  const orderDay = new Int32Array(orderCount);
  let o = 0;
  for (let i = 0; i < customerCount; i++) {
    if (!customers[i].buyer) continue;
    orderCustomer[o] = i;
    orderDay[o] = customers[i].first;
    o++;
  }
  const exposure = customers.map((c) =>
    c.buyer && c.last > c.first ? c.weight * calendar.mass(c.first + 1, c.last) : 0,
  );
  const cumulative = prefixSums(exposure);
  const totalExposure = cumulative[cumulative.length - 1];
  for (; o < orderCount; o++) {
    if (totalExposure > 0) {
      const i = searchCumulative(cumulative, rng.next() * totalExposure);
      orderCustomer[o] = i;
      orderDay[o] = calendar.sample(rng, customers[i].first + 1, customers[i].last);
    } else {
      // Degenerate sizes (every buyer joined on the last day): repeat orders on the joining day.
      let i = rng.int(0, customerCount - 1);
      while (!customers[i].buyer) i = (i + 1) % customerCount;
      orderCustomer[o] = i;
      orderDay[o] = customers[i].first;
    }
  }
  // Orders by day, then customer, then draw: one numeric key each, sorted natively (< 2⁵³).
  const keys = new Float64Array(orderCount);
  for (let k = 0; k < orderCount; k++) keys[k] = (orderDay[k] * customerCount + orderCustomer[k]) * orderCount + k;
  keys.sort();
  const order = Array.from(keys, (key) => key % orderCount);
  const amounts = new Float64Array(orderCount);
  const costs = new Float64Array(orderCount);
  for (const k of order) {
    const c = customers[orderCustomer[k]];
    const month = civilFromDay(startDay + orderDay[k]).month;
    const amount = Math.max(4.95, c.aov * rng.logNormal(0, 0.45) * (month === 12 ? 1.15 : 1));
    amounts[k] = cents(amount);
    costs[k] = cents(amount * rng.uniform(0.52, 0.68));
  }
  // Per-customer order days, for surveys and tickets (CSR layout).
  const ordersOf = groupDays(customerCount, order, orderCustomer, orderDay);

  const dirty: DirtyRow[] = [];
  const injections: InjectionCell[] = [];
  const endYear = Number(m[1]);

  // --- Pedidos, with dirty rows spliced in ---
  const orderRows: SeedGrid = [SAMPLE_HEADERS.Pedidos.slice()];
  const dirtyOrders = orderCount === 0 ? 0 : Math.max(4, Math.round(0.002 * orderCount));
  const dirtyAfter = sortedDistinct(rng, dirtyOrders, orderCount);
  let d = 0;
  for (let r = 0; r < orderCount; r++) {
    const k = order[r];
    const c = customers[orderCustomer[k]];
    orderRows.push([c.id, dates.ofDay(startDay + orderDay[k]), amounts[k], costs[k]]);
    while (d < dirtyAfter.length && dirtyAfter[d] === r) {
      const reason = DIRTY_REASONS[d % DIRTY_REASONS.length];
      const other = customers[orderCustomer[order[rng.int(0, orderCount - 1)]]];
      const amount = cents(other.aov * rng.logNormal(0, 0.3));
      const row: EmuValue[] = [other.id, dates.ofDay(startDay + orderDay[k]), amount, cents(amount * 0.6)];
      // Text no reader can take for an amount (a number written as text, "12,5 €", is read).
      if (reason === 'text amount') row[2] = 'pendiente';
      if (reason === 'bad date') row[1] = impossibleDate(rng, civilFromDay(startDay + orderDay[k]).year);
      if (reason === 'negative amount') row[2] = -amount;
      if (reason === 'blank customer id') row[0] = '';
      orderRows.push(row);
      dirty.push({ sheet: 'Pedidos', row: orderRows.length, column: DIRTY_COLUMN.Pedidos[reason], reason });
      d++;
    }
  }

  // --- Clientes ---
  const names = new NameMaker(rng);
  const birthdays = plantBirthdays(rng, customers, endDay, endYear);
  const customerRows: SeedGrid = [SAMPLE_HEADERS.Clientes.slice()];
  for (let i = 0; i < customerCount; i++) {
    const c = customers[i];
    const { name, email } = names.next(i + 1);
    const birthday = birthdays[i];
    customerRows.push([
      c.id,
      name,
      email,
      dates.ofDay(startDay + c.signup),
      birthday === null ? '' : dates.ofDay(birthday),
      acquisitionCost(rng),
      segmentOf(rng, c.kind),
    ]);
  }
  plantInjectionNames(rng, customers, ordersOf, customerRows, injections);
  const dirtyCustomers = Math.max(4, Math.round(0.002 * customerCount));
  const customerSlots = sortedDistinct(rng, dirtyCustomers, customerCount);
  for (let k = dirtyCustomers - 1; k >= 0; k--) {
    const reason = DIRTY_REASONS[k % DIRTY_REASONS.length];
    const { name, email } = names.next(customerCount + k + 1);
    const row: EmuValue[] = [
      customerId(customerCount + k + 1),
      name,
      email,
      dates.ofDay(endDay - rng.int(0, span - 1)),
      '',
      acquisitionCost(rng),
      'Estándar',
    ];
    if (reason === 'blank customer id') row[0] = '';
    if (reason === 'bad date') row[3] = impossibleDate(rng, endYear);
    if (reason === 'text amount') row[5] = 'pendiente';
    if (reason === 'negative amount') row[5] = -(row[5] as number);
    customerRows.splice(customerSlots[k] + 2, 0, row);
  }
  for (let r = 1; r < customerRows.length; r++) {
    const reason = dirtyReasonOfCustomerRow(customerRows[r]);
    if (reason) dirty.push({ sheet: 'Clientes', row: r + 1, column: DIRTY_COLUMN.Clientes[reason], reason });
  }
  for (const cell of injections) cell.row = customerRows.findIndex((row) => row[1] === cell.text) + 1;

  // The effort answers draw from a stream of their own, so adding them changed no other value of the sample.
  const effortRng = new Random(seed + EFFORT_SEED_OFFSET);
  const surveyRows = surveySheet(
    { rng, effortRng },
    customers,
    ordersOf,
    startDay,
    endDay,
    dates,
    options.responses,
    injections,
  );
  const subscriptionRows = subscriptionSheet(rng, customers, startDay, endDay, dates);
  const ticketRows = ticketSheet(
    { rng, timesRng: new Random(seed + TICKET_TIMES_SEED_OFFSET) },
    customers,
    ordersOf,
    startDay,
    endDay,
    dates,
  );
  const funnelRows = funnelSheet(rng, customers, order, orderDay, startDay, endDay, dates);

  return {
    sheets: {
      Clientes: customerRows,
      Pedidos: orderRows,
      Encuestas: surveyRows,
      Suscripciones: subscriptionRows,
      Tickets: ticketRows,
      Embudo: funnelRows,
    },
    dirty: dirty.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet < b.sheet ? -1 : 1)),
    injections,
    startDate: isoOfDay(startDay),
    endDate: isoOfDay(endDay),
  };
}

/**
 * The sample workbook's sheets (see {@link generateSample} for the manifest of planted rows).
 * @param options sizes, seed, end date and zone; see {@link SampleOptions}.
 * @return sheet name → rows, ready for the emulator's `Workbook({ sheets })`.
 * @example Object.keys(generateSampleWorkbook()) // Clientes, Pedidos, Encuestas, Suscripciones, Tickets, Embudo
 */
export function generateSampleWorkbook(options: SampleOptions = {}): Record<string, SeedGrid> {
  return generateSample(options).sheets;
}

const DIRTY_REASONS: readonly DirtyReason[] = ['text amount', 'bad date', 'negative amount', 'blank customer id'];

const DIRTY_COLUMN: Record<'Pedidos' | 'Clientes', Record<DirtyReason, string>> = {
  Pedidos: {
    'text amount': 'Importe',
    'bad date': 'Fecha pedido',
    'negative amount': 'Importe',
    'blank customer id': 'ID cliente',
  },
  Clientes: {
    'text amount': 'Coste adquisición',
    'bad date': 'Fecha alta',
    'negative amount': 'Coste adquisición',
    'blank customer id': 'ID cliente',
  },
};

/** Why a Clientes row is unreadable (blank id, sign-up date as text, CAC as text or negative), or null. */
function dirtyReasonOfCustomerRow(row: SeedGrid[number]): DirtyReason | null {
  if (row[0] === '') return 'blank customer id';
  if (typeof row[3] === 'string') return 'bad date';
  if (typeof row[5] === 'string') return 'text amount';
  if (typeof row[5] === 'number' && row[5] < 0) return 'negative amount';
  return null;
}

function count(value: number, name: string, min: number): number {
  if (!Number.isInteger(value) || value < min)
    throw new Error(`generateSample: ${name} must be an integer ≥ ${min}, got ${value}`);
  return value;
}

function customerId(n: number): string {
  return `CL-${String(n).padStart(5, '0')}`;
}

function cents(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Texts of dates that do not exist, as a hand-typed export holds them. */
function impossibleDate(rng: Random, year: number): string {
  return rng.pick([
    `31/02/${year}`,
    `30/02/${year}`,
    `31/04/${year}`,
    `31/06/${year}`,
    `31/09/${year}`,
    `31/11/${year}`,
  ]);
}

/** Which of `total` customers bought (all when there are enough orders), spread over sign-up order. */
function chooseBuyers(rng: Random, total: number, buyers: number): boolean[] {
  const flags = new Array<boolean>(total).fill(buyers >= total);
  if (buyers < total) for (const i of sortedDistinct(rng, buyers, total)) flags[i] = true;
  return flags;
}

/** `k` distinct integers of [0, n), ascending (Floyd's algorithm). */
function sortedDistinct(rng: Random, k: number, n: number): number[] {
  const chosen = new Set<number>();
  for (let j = n - Math.min(k, n); j < n; j++) {
    const t = rng.int(0, j);
    chosen.add(chosen.has(t) ? j : t);
  }
  return [...chosen].sort((a, b) => a - b);
}

function prefixSums(values: readonly number[]): Float64Array {
  const sums = new Float64Array(values.length);
  let s = 0;
  for (let i = 0; i < values.length; i++) sums[i] = s += values[i];
  return sums;
}

/** First index whose cumulative sum exceeds `u`. */
function searchCumulative(sums: Float64Array, u: number): number {
  let lo = 0;
  let hi = sums.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sums[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Daily demand weights over the data's days, and draws of days in proportion to them. */
class SeasonalCalendar {
  private readonly cumulative: Float64Array;

  constructor(startDay: number, endDay: number) {
    const weights: number[] = [];
    const span = endDay - startDay + 1;
    for (let i = 0; i < span; i++) {
      const day = startDay + i;
      const { year, month, day: dom } = civilFromDay(day);
      let w = MONTH_FACTOR[month - 1] * WEEKDAY_FACTOR[isoWeekday(day) - 1] * (1 + (0.1 * i) / span);
      if (month === 12) w *= dom <= 22 ? 1.15 : 0.6; // shipping deadline before Christmas
      if (month === 11 && isBlackFridayWeekend(year, dom)) w *= 2.6;
      if (month === 1 && dom === 7) w *= 1.8; // first day of the January sales
      weights.push(w);
    }
    this.cumulative = prefixSums(weights);
  }

  /** Total weight of day indexes `from..to` (inclusive). */
  mass(from: number, to: number): number {
    return this.cumulative[to] - (from > 0 ? this.cumulative[from - 1] : 0);
  }

  /** A day index in `from..to` drawn in proportion to demand. */
  sample(rng: Random, from: number, to: number): number {
    const base = from > 0 ? this.cumulative[from - 1] : 0;
    const i = searchCumulative(this.cumulative, base + rng.next() * (this.cumulative[to] - base));
    return Math.min(Math.max(i, from), to);
  }
}

/** Black Friday (the day after the fourth Thursday of November) through Cyber Monday. */
function isBlackFridayWeekend(year: number, dom: number): boolean {
  const firstWeekday = isoWeekday(dayFromCivil(year, 11, 1));
  const firstThursday = 1 + ((4 - firstWeekday + 7) % 7);
  const friday = firstThursday + 21 + 1;
  return dom >= friday && dom <= friday + 3;
}

/** Order days of each customer, ascending: `days.slice(start[i], start[i + 1])`. */
interface CustomerDays {
  start: Int32Array;
  days: Int32Array;
}

function groupDays(
  customerCount: number,
  order: number[],
  orderCustomer: Int32Array,
  orderDay: Int32Array,
): CustomerDays {
  const start = new Int32Array(customerCount + 1);
  for (const k of order) start[orderCustomer[k] + 1]++;
  for (let i = 0; i < customerCount; i++) start[i + 1] += start[i];
  const fill = start.slice(0, customerCount);
  const days = new Int32Array(order.length);
  for (const k of order) days[fill[orderCustomer[k]]++] = orderDay[k];
  return { start, days };
}

function ordersCount(of: CustomerDays, i: number): number {
  return of.start[i + 1] - of.start[i];
}

/** Spanish full names and unique e-mail addresses. */
class NameMaker {
  private readonly used = new Set<string>();
  private readonly domainWeights = EMAIL_DOMAINS.map(([, w]) => w);

  constructor(private readonly rng: Random) {}

  next(n: number): { name: string; email: string } {
    const rng = this.rng;
    const woman = rng.chance(0.52);
    const given = woman ? WOMEN_NAMES : MEN_NAMES;
    let first: string = rng.pick(given);
    if (rng.chance(0.08)) first = `${woman ? 'María' : rng.pick(['José', 'Juan'])} ${rng.pick(given)}`;
    if (first === 'María María' || first === 'José José' || first === 'Juan Juan') first = first.split(' ')[0];
    const surname1 = rng.pick(SURNAMES);
    const surname2 = rng.pick(SURNAMES);
    const domain = EMAIL_DOMAINS[rng.weighted(this.domainWeights)][0];
    let local = `${slug(first.split(' ')[0])}.${slug(surname1)}${rng.chance(0.6) ? rng.int(1, 99) : ''}`;
    if (this.used.has(`${local}@${domain}`)) local = `${local}.${n}`;
    this.used.add(`${local}@${domain}`);
    return { name: `${first} ${surname1} ${surname2}`, email: `${local}@${domain}` };
  }
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function acquisitionCost(rng: Random): number {
  const channel = rng.weighted([35, 25, 25, 15]); // organic, social, paid search, affiliates
  const [lo, hi] = [
    [2, 6],
    [12, 22],
    [20, 38],
    [15, 28],
  ][channel];
  return cents(rng.uniform(lo, hi));
}

function segmentOf(rng: Random, kind: Kind): string {
  const weights = kind === Kind.Loyal ? [0.3, 0.4, 0.3] : kind === Kind.Regular ? [0.6, 0.3, 0.1] : [0.85, 0.13, 0.02];
  return ['Estándar', 'Club', 'Club Oro'][rng.weighted(weights)];
}

/**
 * Birthdays (day numbers, null = not given): about 10 % blank, ages 18–75, some on 29 February of a
 * leap year and some whose anniversary falls in the 30 days after the end date.
 */
function plantBirthdays(
  rng: Random,
  customers: readonly Customer[],
  endDay: number,
  endYear: number,
): (number | null)[] {
  const result: (number | null)[] = customers.map(() => {
    if (rng.chance(0.1)) return null;
    const year = endYear - rng.int(18, 75);
    return dayFromCivil(year, 1, 1) + rng.int(0, isLeapYear(year) ? 365 : 364);
  });
  const n = customers.length;
  const leapDays = Math.min(n, Math.max(2, Math.round(0.004 * n)));
  const upcoming = Math.min(n, Math.max(3, Math.round(0.01 * n)));
  const chosen = sortedDistinct(rng, Math.min(n, leapDays + upcoming), n);
  // Shuffle the chosen customers so the planted birthdays are not all among the earliest sign-ups.
  for (let i = chosen.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [chosen[i], chosen[j]] = [chosen[j], chosen[i]];
  }
  chosen.forEach((i, k) => {
    if (k < leapDays) {
      let year = endYear - rng.int(18, 75);
      while (!isLeapYear(year)) year--;
      result[i] = dayFromCivil(year, 2, 29);
    } else {
      const { month, day } = civilFromDay(endDay + rng.int(1, 30));
      let year = endYear - rng.int(18, 75);
      while (month === 2 && day === 29 && !isLeapYear(year)) year--;
      result[i] = dayFromCivil(year, month, day);
    }
  });
  return result;
}

/** Gives four buyers with recent orders formula-looking names. */
function plantInjectionNames(
  rng: Random,
  customers: readonly Customer[],
  ordersOf: CustomerDays,
  rows: SeedGrid,
  injections: InjectionCell[],
): void {
  const candidates: number[] = [];
  for (let i = 0; i < customers.length; i++) if (ordersCount(ordersOf, i) >= 2) candidates.push(i);
  for (let i = 0; candidates.length < INJECTION_NAMES.length && i < customers.length; i++)
    if (!candidates.includes(i)) candidates.push(i);
  const picks = sortedDistinct(rng, Math.min(INJECTION_NAMES.length, candidates.length), candidates.length);
  picks.forEach((p, k) => {
    const i = candidates[p];
    rows[i + 1][1] = INJECTION_NAMES[k];
    injections.push({ sheet: 'Clientes', row: i + 2, column: 'Nombre', text: INJECTION_NAMES[k] });
  });
}

/** Latent experience of a customer on a day index: higher is happier; churners sour before leaving. */
function experience(c: Customer, day: number): number {
  const base = c.kind === Kind.Loyal ? 1.1 : c.kind === Kind.Regular ? 0.5 : c.kind === Kind.OneTime ? -0.2 : 0.3;
  if (!c.churned) return base + c.mood;
  const progress = Math.min(1, Math.max(0, (day - c.first) / Math.max(1, c.last - c.first)));
  return base + c.mood - 2.4 * progress;
}

function clampRound(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.round(x)));
}

/** The effort stream's seed is the sample's plus this. */
const EFFORT_SEED_OFFSET = 0xce5;

/**
 * The Encuestas sheet: NPS, CSAT, a comment and the three driver questions, and a customer-effort
 * question ("Esfuerzo", 1–5, lower is easier: the wizard reads its direction from the word) that
 * follows the customer's experience, drawn from `effortRng`.
 */
function surveySheet(
  { rng, effortRng }: { rng: Random; effortRng: Random },
  customers: readonly Customer[],
  ordersOf: CustomerDays,
  startDay: number,
  endDay: number,
  dates: DateCells,
  requested: number | undefined,
  injections: InjectionCell[],
): SeedGrid {
  const buyers: number[] = [];
  for (let i = 0; i < customers.length; i++) if (ordersCount(ordersOf, i) > 0) buyers.push(i);
  const responses = requested === undefined ? Math.round(0.32 * buyers.length) : count(requested, 'responses', 0);
  const respondentCount = responses === 0 ? 0 : Math.max(1, Math.min(buyers.length, Math.round(responses / 1.6)));
  // Weighted sampling without replacement (Efraimidis & Spirakis, 2006): frequent buyers answer more.
  const keyed = buyers.map((i) => ({
    i,
    key: Math.log(rng.next() || Number.MIN_VALUE) / Math.sqrt(ordersCount(ordersOf, i)),
  }));
  keyed.sort((a, b) => b.key - a.key || a.i - b.i);
  const respondents = keyed
    .slice(0, respondentCount)
    .map((k) => k.i)
    .sort((a, b) => a - b);
  const answersOf = new Map<number, number>(respondents.map((i) => [i, 1]));
  const weights = prefixSums(respondents.map((i) => Math.min(6, ordersCount(ordersOf, i))));
  for (let k = respondents.length; k < responses; k++) {
    const i = respondents[searchCumulative(weights, rng.next() * weights[weights.length - 1])];
    answersOf.set(i, (answersOf.get(i) ?? 0) + 1);
  }
  const endIndex = endDay - startDay;
  const answers: { day: number; row: EmuValue[] }[] = [];
  for (const i of respondents) {
    const c = customers[i];
    const from = ordersOf.start[i];
    const n = ordersCount(ordersOf, i);
    const picks = Array.from({ length: n }, (_, k) => from + k);
    for (let a = 0; a < (answersOf.get(i) ?? 0); a++) {
      // Answers follow distinct orders while there are some left (a partial Fisher–Yates shuffle).
      const j = a < n ? a + rng.int(0, n - 1 - a) : rng.int(0, n - 1);
      [picks[a % n], picks[j]] = [picks[j], picks[a % n]];
      const day = Math.min(endIndex, ordersOf.days[picks[a % n]] + rng.int(2, 12));
      const e = experience(c, day) + rng.normal(0, 0.3);
      const nps = clampRound(7.3 + 1.7 * e + rng.normal(0, 1.1), 0, 10);
      answers.push({
        day,
        row: [
          c.id,
          dates.ofDay(startDay + day),
          nps,
          clampRound(3.7 + 0.75 * e + rng.normal(0, 0.6), 1, 5),
          commentFor(rng, nps, c.theme),
          clampRound(2.3 - 0.8 * e + rng.normal(0, 0.7), 1, 5),
          clampRound(3.6 + 0.8 * e + rng.normal(0, 0.7), 1, 5),
          clampRound(3.6 + 0.75 * e + rng.normal(0, 0.6), 1, 5),
          clampRound(2.2 - 0.8 * e + effortRng.normal(0, 0.7), 1, 5),
        ],
      });
    }
  }
  answers.sort((a, b) => a.day - b.day || (a.row[0] < b.row[0] ? -1 : a.row[0] > b.row[0] ? 1 : 0));
  const rows: SeedGrid = [SAMPLE_HEADERS.Encuestas.slice()];
  for (const a of answers) rows.push(a.row);
  if (answers.length >= 20) {
    for (const k of sortedDistinct(rng, Math.max(1, Math.round(0.01 * answers.length)), answers.length))
      rows[k + 1][2] = MISSING_SCORE;
  }
  // A detractor who types a bullet: user text starting with '-'.
  const bullet = rows.findIndex((row, r) => r > 0 && typeof row[2] === 'number' && row[2] <= 6 && row[4] !== '');
  if (bullet > 0) {
    rows[bullet][4] = `- ${rows[bullet][4] as string}`;
    injections.push({ sheet: 'Encuestas', row: bullet + 1, column: 'Comentario', text: rows[bullet][4] as string });
  }
  return rows;
}

function commentFor(rng: Random, nps: number, theme: ComplaintTheme): string {
  if (nps <= 6) {
    if (!rng.chance(0.7)) return '';
    const main = rng.pick(COMPLAINTS[rng.chance(0.7) ? theme : rng.pick(COMPLAINT_THEMES)]);
    return rng.chance(0.25) ? `${main} ${rng.pick(COMPLAINTS[rng.pick(COMPLAINT_THEMES)])}` : main;
  }
  if (!rng.chance(0.5)) return '';
  return nps <= 8 ? rng.pick(NEUTRAL_COMMENTS) : rng.pick(PRAISE);
}

/** Day number one calendar month after `day` (clamped to the month's last day). */
function addMonth(day: number): number {
  const { year, month, day: dom } = civilFromDay(day);
  const y = month === 12 ? year + 1 : year;
  const mo = month === 12 ? 1 : month + 1;
  return dayFromCivil(y, mo, Math.min(dom, daysInMonth(y, mo)));
}

type BoxEvent = 'upgrade' | 'downgrade' | 'cancel' | 'cancel+reactivate';

/**
 * The "Caja del mes" subscriptions: a row per plan period (a plan change closes the row and opens
 * another on the same day; `Fin` is exclusive, blank while active). Four early subscribers follow a
 * fixed story (an upgrade, a downgrade, a cancellation, a cancellation then reactivation) so every
 * movement exists at any size; the others change plan, cancel and come back at random.
 */
function subscriptionSheet(
  rng: Random,
  customers: readonly Customer[],
  startDay: number,
  endDay: number,
  dates: DateCells,
): SeedGrid {
  const rows: { start: number; end: number | null; id: string; fee: number }[] = [];
  const scripted: BoxEvent[] = ['upgrade', 'downgrade', 'cancel', 'cancel+reactivate'];
  const scriptedPlan = [0, 2, 1, 0];
  let story = 0;
  for (const c of customers) {
    if (!c.buyer) continue;
    const p = c.kind === Kind.Loyal ? 0.35 : c.kind === Kind.Regular ? 0.15 : c.kind === Kind.Churner ? 0.1 : 0.03;
    const storyFits = story < scripted.length && startDay + c.first + 240 <= endDay;
    if (!storyFits && !rng.chance(p)) continue;
    let day = startDay + c.first + (storyFits ? 0 : rng.int(0, 90));
    if (day > endDay - 31) continue;
    const script = storyFits ? scripted[story++] : null;
    let plan = script === null ? rng.weighted([0.5, 0.35, 0.15]) : scriptedPlan[story - 1];
    let open = { start: day, end: null as number | null, id: c.id, fee: BOX_PLANS[plan][1] };
    rows.push(open);
    const leaveDay = c.churned ? startDay + c.last : Infinity;
    for (let renewal = 1; ; renewal++) {
      day = addMonth(day);
      if (day > endDay) break;
      let event: BoxEvent | null = null;
      if (script !== null) {
        if (renewal === 3) event = script;
      } else if (day >= leaveDay || rng.chance(c.kind === Kind.Churner ? 0.07 : 0.025))
        event = rng.chance(day >= leaveDay ? 0.1 : 0.3) ? 'cancel+reactivate' : 'cancel';
      else if (plan < BOX_PLANS.length - 1 && rng.chance(0.03)) event = 'upgrade';
      else if (plan > 0 && rng.chance(0.025)) event = 'downgrade';
      if (event === null) continue;
      open.end = day;
      if (event === 'upgrade' || event === 'downgrade') {
        plan += event === 'upgrade' ? 1 : -1;
        open = { start: day, end: null, id: c.id, fee: BOX_PLANS[plan][1] };
        rows.push(open);
        continue;
      }
      if (event === 'cancel') break;
      day += script !== null ? 60 : rng.int(45, 200);
      if (day > endDay) break;
      plan = script !== null ? 1 : rng.weighted([0.5, 0.35, 0.15]);
      open = { start: day, end: null, id: c.id, fee: BOX_PLANS[plan][1] };
      rows.push(open);
      if (script !== null) break;
    }
  }
  rows.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const grid: SeedGrid = [SAMPLE_HEADERS.Suscripciones.slice()];
  for (const r of rows) grid.push([r.id, dates.ofDay(r.start), r.end === null ? '' : dates.ofDay(r.end), r.fee]);
  return grid;
}

/** The ticket times' stream's seed is the sample's plus this. */
const TICKET_TIMES_SEED_OFFSET = 0x71c;

/**
 * The Tickets sheet: customer, date opened and status, and (from `timesRng`, so that adding them
 * changed no other value of the sample) the first response — a median of about 6 hours, a few
 * open tickets never answered — and, for closed tickets, the resolution, a median of about 30 hours,
 * both as date-times.
 */
function ticketSheet(
  { rng, timesRng }: { rng: Random; timesRng: Random },
  customers: readonly Customer[],
  ordersOf: CustomerDays,
  startDay: number,
  endDay: number,
  dates: DateCells,
): SeedGrid {
  const tickets: { day: number; id: string; status: string }[] = [];
  const endIndex = endDay - startDay;
  customers.forEach((c, i) => {
    const n = ordersCount(ordersOf, i);
    if (n === 0) return;
    const unhappy = c.churned || c.mood < -0.6;
    const k = rng.poisson(0.05 * n + (unhappy ? 0.6 : 0) + (unhappy && c.theme === 'atención' ? 0.5 : 0));
    for (let t = 0; t < k; t++) {
      const day = Math.min(endIndex, ordersOf.days[ordersOf.start[i] + rng.int(0, n - 1)] + rng.int(0, 20));
      const age = endIndex - day;
      const w = age <= 14 ? [0.5, 0.2, 0.3] : age <= 45 ? [0.1, 0.8, 0.1] : [0.02, 0.95, 0.03];
      tickets.push({ day, id: c.id, status: ['abierto', 'cerrado', 'pendiente'][rng.weighted(w)] });
    }
  });
  tickets.sort((a, b) => a.day - b.day || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const grid: SeedGrid = [SAMPLE_HEADERS.Tickets.slice()];
  for (const t of tickets) {
    const opened = dates.ofDay(startDay + t.day).getTime();
    const responseHours = timesRng.logNormal(Math.log(6), 0.9);
    const resolutionHours = responseHours + timesRng.logNormal(Math.log(24), 0.8);
    const answered = t.status !== 'abierto' || timesRng.next() < 0.6;
    grid.push([
      t.id,
      dates.ofDay(startDay + t.day),
      t.status,
      answered ? new Date(opened + Math.round(responseHours * 60) * 60_000) : '',
      t.status === 'cerrado' ? new Date(opened + Math.round(resolutionHours * 60) * 60_000) : '',
    ]);
  }
  return grid;
}

/** Monthly funnel; `Compras` equals the month's valid orders, the other steps scale from it. */
function funnelSheet(
  rng: Random,
  customers: readonly Customer[],
  order: number[],
  orderDay: Int32Array,
  startDay: number,
  endDay: number,
  dates: DateCells,
): SeedGrid {
  const first = civilFromDay(startDay);
  const monthIndex = (day: number) => {
    const { year, month } = civilFromDay(day);
    return (year - first.year) * 12 + month - first.month;
  };
  const months = monthIndex(endDay) + 1;
  const purchases = new Array<number>(months).fill(0);
  const newcomers = new Array<number>(months).fill(0);
  for (const k of order) purchases[monthIndex(startDay + orderDay[k])]++;
  for (const c of customers) if (c.buyer) newcomers[monthIndex(startDay + c.first)]++;
  const grid: SeedGrid = [SAMPLE_HEADERS.Embudo.slice()];
  for (let mth = 0; mth < months; mth++) {
    const total = first.month - 1 + mth;
    const year = first.year + Math.floor(total / 12);
    const month = (total % 12) + 1;
    const carts = Math.round(purchases[mth] / rng.uniform(0.27, 0.33));
    const visits = Math.round(carts / rng.uniform(0.085, 0.11));
    const conversions = purchases[mth] + Math.round(newcomers[mth] * rng.uniform(0.3, 0.5));
    grid.push([dates.of(year, month, 1), visits, conversions, carts, purchases[mth]]);
  }
  return grid;
}
