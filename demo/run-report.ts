/**
 * Runs the KPI report on a workbook exactly as the sidebar does — `wizardScan`, then
 * `wizardCheckMapping`, then `wizardGenerate` with the scanned mapping and defaults — through the
 * built bundle (dist/) loaded in a vm over the emulator. Arguments and results cross as JSON, as
 * `google.script.run` carries them. Shared by `npm run demo`, its tests and the benchmarks.
 */
import { loadBundle, Workbook } from '../test/emulator';
import type { SeedGrid } from '../test/emulator';

/** What a demo run needs. */
export interface DemoRunOptions {
  sheets: Record<string, SeedGrid>;
  timeZone: string;
  /** Spreadsheet locale, e.g. `es_ES` or `en_US`. */
  locale: string;
  /** `yyyy-mm` (month), `yyyy-Qn` (quarter) or `yyyy` (year); default the wizard's default month. */
  period?: string;
  /** "Today" for birthdays in the next 30 days, `yyyy-mm-dd` (default: the real today). */
  today?: string;
  /** Currency of the report, a three-letter code (default: the spreadsheet locale's, as the wizard offers). */
  currency?: string;
  /** Targets by KPI key as typed in step 3 ("40", "5 %"); the add-on validates them as it does the sidebar's. */
  targets?: Record<string, string>;
  withoutPersonalData?: boolean;
}

/** A `--currency` value as the wizard sends it: three letters, upper case (`eur` → `EUR`). */
export function parseCurrency(text: string): string {
  const code = text.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) throw new Error(`--currency ${text}: use a three-letter code such as EUR, USD or MXN`);
  return code;
}

/** JSON round trip: what google.script.run lets through. */
export function wire<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Period kind and index of a `--period` value, as the wizard would send them. */
export function parsePeriod(text: string): { periodKind: 'month' | 'quarter' | 'year'; periodIndex: number } {
  let m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12)
    return { periodKind: 'month', periodIndex: Number(m[1]) * 12 + Number(m[2]) - 1 };
  m = /^(\d{4})-Q([1-4])$/i.exec(text);
  if (m) return { periodKind: 'quarter', periodIndex: Number(m[1]) * 4 + Number(m[2]) - 1 };
  m = /^(\d{4})$/.exec(text);
  if (m) return { periodKind: 'year', periodIndex: Number(m[1]) };
  throw new Error(`--period ${text}: use yyyy-mm (e.g. 2025-11), yyyy-Qn (2025-Q4) or yyyy (2025)`);
}

/** Runs the wizard's three calls and returns the workbook (with the report sheet) and the result. */
export function runReportLikeTheSidebar(options: DemoRunOptions) {
  const workbook = new Workbook({ timeZone: options.timeZone, locale: options.locale, sheets: options.sheets });
  const fx = loadBundle(workbook.globals());
  const scan = wire(fx.wizardScan());
  const check = wire(fx.wizardCheckMapping(wire(scan.mapping)));
  // As the wizard does: a mapping with problems goes no further than step 2.
  if (!check.ok) throw new Error(`The data does not fit the report:\n  ${check.messages.join('\n  ')}`);
  const period = options.period
    ? parsePeriod(options.period)
    : { periodKind: 'month' as const, periodIndex: scan.periods.month[0]?.index };
  const callsBefore = workbook.calls.count();
  const started = process.hrtime.bigint();
  const result = wire(
    fx.wizardGenerate(
      wire({
        mapping: scan.mapping,
        ...period,
        currency: options.currency ? parseCurrency(options.currency) : scan.defaults.currency,
        sections: scan.defaults.sections,
        withoutPersonalData: options.withoutPersonalData ?? false,
        ...(options.targets ? { targets: options.targets } : {}),
        runId: 'demo',
        ...(options.today ? { today: options.today } : {}),
      }),
    ),
  );
  const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
  return { workbook, fx, scan, check, result, milliseconds, generateCalls: workbook.calls.count() - callsBefore };
}
