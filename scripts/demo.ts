// `npm run demo`: the add-on's main job without Google. Builds (the npm script does), loads dist/
// into the emulator with the sample workbook (or your own export), runs the KPI report exactly as
// the sidebar does (wizardScan → wizardCheckMapping → wizardGenerate), prints the headline KPIs,
// the run time and the spreadsheet service calls, and writes report.html (a faithful rendering of
// the generated sheet) and report.png (its screenshot, when the machine has Chrome or Chromium).
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCurrency, parsePeriod } from '../demo/run-report';
import type { SeedGrid } from '../test/emulator';
// The readers, the sample generator, the runner's bundle and Chromium load only once the arguments
// are checked, so that `--help` and argument errors answer at once.

const HELP = `Usage: npm run demo -- [options]

Runs the Fideliza KPI report on the sample workbook (a Spanish online shop) or on your own data,
through the built add-on over an emulated spreadsheet, and writes report.html and report.png.

Data (default: the generated sample workbook):
  --input <path>       your export: a .xlsx file, a .csv file, or a folder of .csv files (one sheet each)
  --cdnow <file>       a CDNOW transaction file (CDNOW_master.txt or CDNOW_sample.txt) as an Orders sheet

Options:
  --timezone <zone>    spreadsheet time zone, IANA name (default Europe/Madrid)
  --locale <locale>    spreadsheet locale: es (es_ES), en (en_US), or a code such as es_MX, en_GB
                       (default es for the sample, en otherwise)
  --period <period>    yyyy-mm (month), yyyy-Qn (quarter) or yyyy (year); default the last month with data
  --currency <code>    currency of the report, e.g. EUR, USD, MXN (default the locale's: EUR for es, USD for en)
  --target <kpi=value> a target for a headline KPI, as typed in step 3 of the wizard (repeatable):
                       --target nps=40 --target churn=5% (keys: nps, csat, churn, revenue, mrr, …)
  --today <date>       yyyy-mm-dd, "today" for birthdays and anniversaries in the next 30 days
                       (default: the sample's last day for the sample, the real today otherwise)
  --private            the version without personal data (no names, emails or comments)
  --out <dir>          output folder (default demo/out)
  --verbose            also print the run time and the spreadsheet service calls it made
  --help               this help

Examples:
  npm run demo
  npm run demo -- --input ~/Downloads/shop.xlsx --period 2025-Q3
  npm run demo -- --input orders_export.csv --locale en --currency EUR --period 2025-11
  npm run demo -- --cdnow data/cdnow/CDNOW_sample.txt --locale en
  npm run demo -- --target nps=40 --target churn=5%
`;

/** What the command line asked for. */
interface DemoArgs {
  input?: string;
  cdnow?: string;
  timeZone: string;
  locale?: string;
  period?: string;
  currency?: string;
  today?: string;
  /** Targets by KPI key, as the user types them in step 3 (the add-on reads them in the locale). */
  targets: Record<string, string>;
  private: boolean;
  out: string;
  help: boolean;
  verbose: boolean;
}

/** A mistake on the command line: printed with the help hint, exit code 2. */
class UsageError extends Error {}

const VALUE_OPTIONS = [
  '--input',
  '--cdnow',
  '--timezone',
  '--locale',
  '--period',
  '--currency',
  '--target',
  '--today',
  '--out',
];

function parseArgs(argv: string[]): DemoArgs {
  const args: DemoArgs = {
    timeZone: 'Europe/Madrid',
    targets: {},
    private: false,
    out: 'demo/out',
    help: false,
    verbose: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] =
      argv[i].startsWith('--') && argv[i].includes('=')
        ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)]
        : [argv[i], undefined];
    if (flag === '--help' || flag === '-h') {
      args.help = true;
      continue;
    }
    if (flag === '--private') {
      args.private = true;
      continue;
    }
    if (flag === '--verbose') {
      args.verbose = true;
      continue;
    }
    if (!VALUE_OPTIONS.includes(flag)) {
      throw new UsageError(
        flag.startsWith('-')
          ? `Unknown option ${flag}. Options: ${[...VALUE_OPTIONS, '--private', '--verbose', '--help'].join(', ')}.`
          : `Unexpected argument "${flag}". Give your file with --input <path> (or --cdnow <file>).`,
      );
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--')))
      throw new UsageError(`${flag} needs a value, e.g. ${example(flag)}.`);
    switch (flag) {
      case '--input':
        args.input = value;
        break;
      case '--cdnow':
        args.cdnow = value;
        break;
      case '--timezone':
        args.timeZone = value;
        break;
      case '--locale':
        args.locale = value;
        break;
      case '--period':
        args.period = value;
        break;
      case '--currency':
        args.currency = value;
        break;
      case '--target': {
        const at = value.indexOf('=');
        const key = value.slice(0, Math.max(at, 0)).trim();
        if (at < 1 || value.slice(at + 1).trim() === '')
          throw new UsageError(`--target ${value}: use kpi=value, e.g. ${example(flag)}.`);
        args.targets[key] = value.slice(at + 1).trim();
        break;
      }
      case '--today':
        args.today = value;
        break;
      case '--out':
        args.out = value;
        break;
    }
  }
  return args;
}

function example(flag: string): string {
  return (
    {
      '--input': '--input export.xlsx',
      '--cdnow': '--cdnow data/cdnow/CDNOW_sample.txt',
      '--timezone': '--timezone Europe/Madrid',
      '--locale': '--locale en',
      '--period': '--period 2025-11',
      '--currency': '--currency EUR',
      '--target': '--target nps=40',
      '--today': '--today 2025-12-31',
      '--out': '--out demo/out',
    }[flag] ?? flag
  );
}

function checkArgs(args: DemoArgs): { locale: string } {
  if (args.input && args.cdnow) throw new UsageError('Give either --input or --cdnow, not both.');
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: args.timeZone });
  } catch {
    throw new UsageError(
      `--timezone ${args.timeZone}: not a time zone. Use an IANA name such as Europe/Madrid or America/New_York.`,
    );
  }
  const defaultLocale = args.input || args.cdnow ? 'en' : 'es';
  const wanted = (args.locale ?? defaultLocale).replace('-', '_');
  const locale =
    wanted === 'es' ? 'es_ES' : wanted === 'en' ? 'en_US' : /^(es|en)_[A-Z]{2}$/.test(wanted) ? wanted : null;
  if (!locale)
    throw new UsageError(
      `--locale ${args.locale}: use es (Spanish, es_ES), en (English, en_US) or a code such as es_MX or en_GB.`,
    );
  if (args.period) {
    try {
      parsePeriod(args.period);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  if (args.currency) {
    try {
      parseCurrency(args.currency);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  if (args.today) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(args.today);
    const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
    if (!m || !date || date.getUTCDate() !== Number(m[3]) || date.getUTCMonth() !== Number(m[2]) - 1)
      throw new UsageError(`--today ${args.today}: use a real date as yyyy-mm-dd, e.g. 2025-12-31.`);
  }
  for (const [flag, path] of [
    ['--input', args.input],
    ['--cdnow', args.cdnow],
  ] as const) {
    if (path === undefined) continue;
    if (!existsSync(path))
      throw new UsageError(
        `${flag} ${path}: no such file or folder (looked in ${resolve(path)}). Check the path; ${flag === '--input' ? 'give a .xlsx file, a .csv file or a folder of .csv files' : 'give CDNOW_master.txt or CDNOW_sample.txt'}.`,
      );
    if (flag === '--cdnow' && statSync(path).isDirectory())
      throw new UsageError(`--cdnow ${path}: is a folder. Give the file CDNOW_master.txt or CDNOW_sample.txt.`);
  }
  return { locale };
}

/** Calls grouped by service class and the most frequent methods: `Sheet 104 · Range 33 …; top: Sheet.getRange 25 …`. */
function compactCalls(byMethod: Record<string, number>, top = 8): string {
  const byClass = new Map<string, number>();
  for (const [method, n] of Object.entries(byMethod)) {
    const owner = method.split('.')[0];
    byClass.set(owner, (byClass.get(owner) ?? 0) + n);
  }
  const list = (entries: [string, number][], limit: number) =>
    entries
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([name, n]) => `${name} ${n}`)
      .join(' · ');
  const methods = Object.entries(byMethod);
  return `by class: ${list([...byClass.entries()], byClass.size)}\n  top methods: ${list(methods, top)}${methods.length > top ? ` · … (${methods.length} methods)` : ''}`;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(1, width - [...text].length));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(HELP);
    return;
  }
  const { locale } = checkArgs(args);
  const { runReportLikeTheSidebar } = await import('../demo/run-report');
  const { renderSheetHtml } = await import('../demo/render/sheet-html');
  const { renderPng } = await import('../demo/render/png');
  const { findBrowser, howToGetBrowser } = await import('../demo/render/browser');
  let sheets: Record<string, SeedGrid>;
  let source: string;
  let today = args.today;
  if (args.cdnow) {
    const { cdnowOrdersSheet } = await import('../demo/input/cdnow');
    sheets = { Orders: cdnowOrdersSheet(args.cdnow, { timeZone: args.timeZone }) };
    source = `CDNOW file ${args.cdnow} (${sheets.Orders.length - 1} orders)`;
  } else if (args.input) {
    const { readWorkbookFile } = await import('../demo/input/workbook');
    sheets = await readWorkbookFile(args.input, { timeZone: args.timeZone, locale });
    source = `${args.input} (${Object.entries(sheets)
      .map(([name, rows]) => `${name}: ${Math.max(0, rows.length - 1)} rows`)
      .join(', ')})`;
  } else {
    const { generateSample } = await import('../demo/sample/generator');
    const sample = generateSample({ timeZone: args.timeZone });
    sheets = sample.sheets;
    today ??= sample.endDate;
    source = `sample workbook (${Object.entries(sheets)
      .map(([name, rows]) => `${name} ${rows.length - 1}`)
      .join(', ')} rows)`;
  }

  const run = runReportLikeTheSidebar({
    sheets,
    timeZone: args.timeZone,
    locale,
    ...(args.period ? { period: args.period } : {}),
    ...(args.currency ? { currency: args.currency } : {}),
    ...(today ? { today } : {}),
    ...(Object.keys(args.targets).length ? { targets: args.targets } : {}),
    withoutPersonalData: args.private,
  });
  if (!run.check.ok) throw new Error(`The data does not fit the report:\n  ${run.check.messages.join('\n  ')}`);
  const { result } = run;
  console.log(`Data: ${source}`);
  console.log(
    `Spreadsheet: ${locale}, ${args.timeZone}${today ? `, today ${today}` : ''}${args.private ? ', without personal data' : ''}`,
  );
  for (const message of run.check.messages) console.log(`  note: ${message}`);
  const { understoodLines } = await import('../demo/understood');
  for (const line of understoodLines(run.scan, run.check)) console.log(`  ${line}`);
  const spanish = locale.startsWith('es');
  console.log(`\n${result.sheetName} — ${result.periodLabel}`);
  const width = Math.max(...result.headline.map((k: { label: string }) => [...k.label].length)) + 2;
  // A change within sampling noise is said to be so, never shown as news.
  const noise = spanish ? 'dentro del ruido' : 'within noise';
  for (const k of result.headline as { label: string; value: string; change: string; verdict: string }[])
    console.log(
      `  ${pad(k.label, width)}${pad(k.value, 14)}(${k.change}${k.verdict === 'noise' ? ` · ${noise}` : ''})`,
    );
  console.log(`  ${pad(spanish ? 'Filas omitidas' : 'Skipped rows', width)}${result.skippedRows}`);
  console.log('');
  for (const sentence of result.story as string[]) console.log(`  ${sentence}`);
  if (args.verbose) {
    console.log(
      `\nReport generated in ${run.milliseconds.toFixed(0)} ms (wizardGenerate), ${run.generateCalls} spreadsheet service calls.`,
    );
    console.log(
      `Calls of the whole run (scan + check + generate): ${run.workbook.calls.count()}\n  ${compactCalls(run.workbook.calls.byMethod())}`,
    );
  }

  const out = resolve(args.out);
  mkdirSync(out, { recursive: true });
  const htmlPath = resolve(out, 'report.html');
  const pngPath = resolve(out, 'report.png');
  writeFileSync(htmlPath, renderSheetHtml(run.workbook, result.sheetName));
  const jsonPath = resolve(out, 'report.json');
  const { writeReportJson } = await import('../demo/render/report-json');
  writeReportJson(jsonPath, run.workbook, ownedSheets(run.workbook));
  console.log(`\nThe report sheet, as Sheets would show it: ${htmlPath}`);
  console.log(`Every sheet the add-on wrote, for programs (values, display values, formulas, charts): ${jsonPath}`);
  const browser = findBrowser();
  if (browser) {
    await renderPng(htmlPath, pngPath);
    console.log(`A picture of it: ${pngPath}`);
  } else {
    console.log(`No picture (report.png): no Chrome or Chromium was found. To get one, ${howToGetBrowser()}`);
  }
}

/** The sheets the add-on marked as its own, with their roles (developer metadata `fideliza.sheet`). */
function ownedSheets(workbook: import('../test/emulator').Workbook): { name: string; role: string }[] {
  return workbook.spreadsheet.sheets.flatMap((sheet) => {
    const marker = (sheet.snapshot().developerMetadata as { key: string; value: string }[]).find(
      (m) => m.key === 'fideliza.sheet',
    );
    return marker ? [{ name: sheet.name, role: (JSON.parse(marker.value) as { role: string }).role }] : [];
  });
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`Error: ${error.message}\nRun "npm run demo -- --help" for the options.`);
    process.exit(2);
  }
  // An error thrown inside the bundle's vm is no `Error` of this realm, but has a message all the same.
  const message = (error as { message?: unknown } | null)?.message;
  console.error(`Error: ${typeof message === 'string' ? message : String(error)}`);
  process.exit(1);
});
