/**
 * SaaS efficiency: ARR, ARPA, MRR growth rate — and, per month from subscription lines, those with
 * the quick ratio and CAC payback, built on the MRR movements (ChartMogul's definitions).
 */
import { groupByCustomer, mrrEvents, sortByMonth } from './mrr-events';
import { finite, refuse } from '../domain-error';
import { cacPaybackMonths } from './cac-payback';
import { type MrrMonth, mrrMovements } from './mrr-movements';
import { quickRatio } from './quick-ratio';
import type { Subscription } from './subscription';

/** Months in a year: ARR = 12 × MRR. */
const MONTHS_PER_YEAR = 12;
/** A customer's MRR within this share of its amounts of 0 is rounding noise (as in the MRR movements). */
const RELATIVE_TOLERANCE = 1e-9;

/**
 * Annual recurring revenue, the yearly run rate of the MRR: ARR = 12 × MRR. Refuses MRR < 0
 * (`negative`, input `mrr`).
 *
 * Source: ChartMogul and Baremetrics ("ARR = MRR × 12"); TrueRev's example: 100 customers paying $10 a
 * month → ARR $12,000.
 *
 * @example annualRecurringRevenue(1000) // 12000
 */
export function annualRecurringRevenue(mrr: number): number {
  checkMrr(mrr, 'mrr');
  return finite(MONTHS_PER_YEAR * mrr);
}

/**
 * Average revenue per account: ARPA = MRR ÷ paying accounts (customers with MRR > 0, a customer's
 * subscriptions added up first). Refuses accounts ≤ 0 (`notPositive`, input `accounts`) and MRR < 0
 * (`negative`, input `mrr`).
 *
 * Source: ChartMogul, "Average Revenue Per Account (ARPA)": customers paying $1, $1, $3, $5 and $5 a
 * month → $15 ÷ 5 = $3.
 *
 * @example averageRevenuePerAccount(15, 5) // 3
 */
export function averageRevenuePerAccount(mrr: number, accounts: number): number {
  checkMrr(mrr, 'mrr');
  if (!(accounts > 0)) refuse({ code: 'notPositive', input: 'accounts', value: accounts });
  return finite(mrr / accounts);
}

/**
 * Month-over-month MRR growth rate, a fraction: (MRR − previous MRR) ÷ previous MRR. Refuses a
 * previous MRR ≤ 0 (`notPositive`, input `previousMrr`: growth from nothing has no rate) and an MRR
 * < 0 (`negative`, input `mrr`).
 *
 * Source: Baremetrics / upzelo glossary, "MRR growth rate": $10,000 → $11,000 is 10 %.
 *
 * @example mrrGrowthRate(10_000, 11_000) // 0.1
 */
export function mrrGrowthRate(previousMrr: number, mrr: number): number {
  checkMrr(mrr, 'mrr');
  if (!(previousMrr > 0)) refuse({ code: 'notPositive', input: 'previousMrr', value: previousMrr });
  return finite((mrr - previousMrr) / previousMrr);
}

/** SaaS efficiency of one month (MRR at the month's end, as in the MRR movements). */
export interface SaasMonth {
  /** Month index, `year × 12 + month − 1`. */
  month: number;
  /** Day number of the month's first day. */
  firstDay: number;
  /** MRR at the month's end (the movements' ending MRR). */
  mrr: number;
  /** 12 × mrr. */
  arr: number;
  /** Customers whose subscriptions add up to more than 0 at the month's end. */
  payingAccounts: number;
  /** mrr ÷ payingAccounts; `null` with no paying account. */
  arpa: number | null;
  /** (mrr − previous month's mrr) ÷ previous; `null` when the previous month's MRR is 0. */
  mrrGrowthRate: number | null;
  /** (new + expansion + reactivation) ÷ (contraction + churned); `null` when no MRR was lost. */
  quickRatio: number | null;
  /** CAC ÷ (ARPA × gross margin), months; `null` without a CAC for the month or without ARPA. */
  cacPaybackMonths: number | null;
  /** The month's MRR movements the figures come from. */
  movements: MrrMonth;
}

/** Options of {@link saasEfficiency}. */
export interface SaasEfficiencyOptions {
  /** First and last month (month indexes); defaults as {@link mrrMovements}. */
  fromMonth?: number;
  toMonth?: number;
  /** Acquisition cost per customer: one figure for every month, or per month index (months absent: none). */
  cac?: number | ReadonlyMap<number, number>;
  /** Gross margin in 0 … 1 for CAC payback (default 1). */
  grossMargin?: number;
}

/**
 * ARR, paying accounts, ARPA, MRR growth rate, quick ratio and CAC payback for every month of
 * {@link mrrMovements} (same months, same month-end MRR): the figures come from its rows through
 * {@link annualRecurringRevenue}, {@link averageRevenuePerAccount}, {@link mrrGrowthRate},
 * {@link quickRatio} and {@link cacPaybackMonths}; a figure those refuse for lack of a denominator
 * (no paying account, previous MRR 0, no MRR lost) is `null` here. Paying accounts count the
 * customers whose subscriptions active at the month's last day add up to more than 0. Refuses what
 * the movements refuse, and a CAC < 0 (`negative`, input `cac`) or a margin outside 0 … 1.
 * O(n log n + months).
 *
 * @example saasEfficiency(subscriptions, { cac: 600, grossMargin: 0.75 })
 * // one row per month: { month, mrr, arr, payingAccounts, arpa, mrrGrowthRate, quickRatio, cacPaybackMonths, … }
 */
export function saasEfficiency(
  subscriptions: readonly Subscription[],
  options: SaasEfficiencyOptions = {},
): SaasMonth[] {
  const rows = mrrMovements(subscriptions, options.fromMonth, options.toMonth);
  if (!rows.length) return [];
  const accounts = payingAccountsByMonth(subscriptions, rows[0].month, rows[rows.length - 1].month);
  return rows.map((m, k) => {
    const payingAccounts = accounts[k];
    const arpa = payingAccounts > 0 ? averageRevenuePerAccount(m.endingMrr, payingAccounts) : null;
    const cac = typeof options.cac === 'number' ? options.cac : options.cac?.get(m.month);
    if (cac !== undefined && !(cac >= 0)) refuse({ code: 'negative', input: 'cac', value: cac });
    const lost = m.contraction + m.churned;
    return {
      month: m.month,
      firstDay: m.firstDay,
      mrr: m.endingMrr,
      arr: annualRecurringRevenue(m.endingMrr),
      payingAccounts,
      arpa,
      mrrGrowthRate: m.startingMrr > 0 ? mrrGrowthRate(m.startingMrr, m.endingMrr) : null,
      quickRatio: lost > 0 ? quickRatio(m.newMrr, m.expansion, m.contraction, m.churned, m.reactivation) : null,
      cacPaybackMonths:
        cac !== undefined && arpa !== null && arpa > 0 ? cacPaybackMonths(cac, arpa, options.grossMargin) : null,
      movements: m,
    };
  });
}

/**
 * Paying accounts at the end of each month `fromMonth` … `toMonth`: customers whose subscriptions
 * active at the month's last day (counted as {@link mrrMovements} counts them: from the month of the
 * start to the month before the month of the end) add up to more than 0. O(n log n + months).
 *
 * @example payingAccountsByMonth([{ customerId: 'a', startDay: dayFromCivil(2024, 1, 5), endDay: null,
 *   monthlyAmount: 10 }], 24_288, 24_289) // [1, 1] (January and February 2024)
 */
export function payingAccountsByMonth(
  subscriptions: readonly Subscription[],
  fromMonth: number,
  toMonth: number,
): number[] {
  // A customer's MRR rises by the amount in the month of a start and falls by it in the month of an end.
  const mrr = mrrEvents(subscriptions);
  const { eventMonth, eventAmount } = mrr;
  const { order, offsets } = groupByCustomer(mrr);
  const customers = mrr.customers;
  const months = toMonth - fromMonth + 1;
  // change[k]: paying accounts gained (+1) or lost (−1) at month fromMonth + k; index 0 also holds the
  // accounts already paying before fromMonth, index `months` the changes after toMonth.
  const change = new Float64Array(months + 1);
  for (let c = 0; c < customers; c++) {
    const mine = order.subarray(offsets[c], offsets[c + 1]);
    sortByMonth(mine, eventMonth);
    let scale = 0;
    for (let k = 0; k < mine.length; k++) if (eventAmount[mine[k]] > 0) scale += eventAmount[mine[k]];
    const tolerance = RELATIVE_TOLERANCE * scale;
    let level = 0;
    for (let k = 0; k < mine.length; ) {
      const month = eventMonth[mine[k]];
      let level2 = level;
      for (; k < mine.length && eventMonth[mine[k]] === month; k++) level2 += eventAmount[mine[k]];
      const wasPaying = level > tolerance;
      const isPaying = level2 > tolerance;
      level = level2;
      if (wasPaying !== isPaying) change[Math.min(Math.max(month - fromMonth, 0), months)] += isPaying ? 1 : -1;
    }
  }
  const accounts: number[] = [];
  let running = 0;
  for (let k = 0; k < months; k++) accounts.push((running += change[k]));
  return accounts;
}

/** Refuses an MRR below 0 (or not a number): `negative`, naming the input. */
function checkMrr(mrr: number, input: string): void {
  if (!(mrr >= 0)) refuse({ code: 'negative', input, value: mrr });
}
