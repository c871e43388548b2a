// `npm run demo`: the add-on's main job without Google. Builds (the npm script does), loads dist/
// into the emulator with the sample workbook (or your own export), runs the KPI report exactly as
// the sidebar does (wizardScan → wizardCheckMapping → wizardGenerate), prints the headline KPIs,
// the run time and the spreadsheet service calls, and writes report.html (a faithful rendering of
// the generated sheet) and report.png (its screenshot, when the machine has Chrome or Chromium).
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePeriod } from '../demo/run-report';
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
  --locale es|en       spreadsheet locale: es → es_ES, en → en_US (default es for the sample, en otherwise)
  --period <period>    yyyy-mm (month), yyyy-Qn (quarter) or yyyy (year); default the last month with data
  --today <date>       yyyy-mm-dd, "today" for birthdays and anniversaries in the next 30 days
                       (default: the sample's last day for the sample, the real today otherwise)
  --private            the version without personal data (no names, emails or comments)
  --out <dir>          output folder (default demo/out)
  --verbose            also print the run time and the spreadsheet service calls it made
  --help               this help

Examples:
  npm run demo
  npm run demo -- --input ~/Downloads/shop.xlsx --period 2025-Q3
  npm run demo -- --cdnow ../shared/data/cdnow/CDNOW_sample.txt --locale en
`;

/** What the command line asked for. */
interface DemoArgs {
  input?: string;
  cdnow?: string;
  timeZone: string;
  locale?: string;
  period?: string;
  today?: string;
  private: boolean;
  out: string;
  help: boolean;
  verbose: boolean;
}

/** A mistake on the command line: printed with the help hint, exit code 2. */
class UsageError extends Error {}

const VALUE_OPTIONS = ['--input', '--cdnow', '--timezone', '--locale', '--period', '--today', '--out'];

function parseArgs(argv: string[]): DemoArgs {
  const args: DemoArgs = { timeZone: 'Europe/Madrid', private: false, out: 'demo/out', help: false, verbose: false };
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
      '--cdnow': '--cdnow ../shared/data/cdnow/CDNOW_sample.txt',
      '--timezone': '--timezone Europe/Madrid',
      '--locale': '--locale en',
      '--period': '--period 2025-11',
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
  if (!locale) throw new UsageError(`--locale ${args.locale}: use es (Spanish, es_ES) or en (English, en_US).`);
  if (args.period) {
    try {
      parsePeriod(args.period);
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
    ...(today ? { today } : {}),
    withoutPersonalData: args.private,
  });
  if (!run.check.ok) throw new Error(`The data does not fit the report:\n  ${run.check.messages.join('\n  ')}`);
  const { result } = run;
  console.log(`Data: ${source}`);
  console.log(
    `Spreadsheet: ${locale}, ${args.timeZone}${today ? `, today ${today}` : ''}${args.private ? ', without personal data' : ''}`,
  );
  for (const message of run.check.messages) console.log(`  note: ${message}`);
  console.log(`\n${result.sheetName} — ${result.periodLabel}`);
  const width = Math.max(...result.headline.map((k: { label: string }) => [...k.label].length)) + 2;
  for (const k of result.headline as { label: string; value: string; change: string }[])
    console.log(`  ${pad(k.label, width)}${pad(k.value, 14)}(${k.change})`);
  console.log(`  ${pad(locale.startsWith('es') ? 'Filas omitidas' : 'Skipped rows', width)}${result.skippedRows}`);
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
  console.log(`\nThe report sheet, as Sheets would show it: ${htmlPath}`);
  const browser = findBrowser();
  if (browser) {
    await renderPng(htmlPath, pngPath);
    console.log(`A picture of it: ${pngPath}`);
  } else {
    console.log(`No picture (report.png): no Chrome or Chromium was found. To get one, ${howToGetBrowser()}`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`Error: ${error.message}\nRun "npm run demo -- --help" for the options.`);
    process.exit(2);
  }
  console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
