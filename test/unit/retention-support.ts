/**
 * Shared set-up of the retention unit tests (not a test file itself).
 */
import { dayFromCivil } from '../../src/kpi/calendar/days';

/** Day number of a yyyy-mm-dd date. */
export const day = (iso: string) =>
  dayFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

/** Reproducible synthetic orders: `n` rows, ids C0…C(customers − 1), days over three years from 2022-01-01, amounts 0–100. */
export function syntheticOrders(
  n: number,
  customers: number,
  seed: number,
): { ids: string[]; days: number[]; amounts: number[] } {
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const ids: string[] = new Array(n);
  const days: number[] = new Array(n);
  const amounts: number[] = new Array(n);
  const first = day('2022-01-01');
  for (let i = 0; i < n; i++) {
    ids[i] = `C${Math.floor(random() * customers)}`;
    days[i] = first + Math.floor(random() * 1095);
    amounts[i] = Math.round(random() * 10_000) / 100;
  }
  return { ids, days, amounts };
}

/** CPU milliseconds of this process for `call` (not wall time: the machine is shared), best of three runs. */
export function cpuMillis(call: () => unknown): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const started = process.cpuUsage();
    call();
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}
