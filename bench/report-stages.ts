/**
 * Where the report's memory goes, stage by stage (issue 14's memory target). Not part of `npm run
 * bench`: run by hand, one size per process, with a large heap so nothing fails before the peak:
 *
 *   node --expose-gc --max-old-space-size=8192 --import tsx bench/report-stages.ts <orders>
 *
 * Same workbook as bench/report-child.ts (the sample shop), but the add-on's sources run directly
 * under tsx with the emulated services as globals, so the stages can be told apart:
 *
 * 1. the raw `getValues` grids of the mapped sheets alone (what Sheets hands the script);
 * 2. `readSources` (grids + parsing into records);
 * 3. `computeReport`;
 * 4. `composeReport` (named and shared) and `composeListsSheet`;
 * 5. `writeOwnedSheets` (the grids of cell values and formats, and the emulator storing them).
 *
 * For each stage: the heap in use at its start and end after a full GC (what it keeps), its peak
 * (the largest heap-in-use V8 saw before any collection during the stage, from `v8.GCProfiler`),
 * and the growth of the process's peak RSS. What the emulator keeps of the written sheets is
 * measured apart (heap after the write, with every add-on object dropped). The source sheets hold
 * only their own columns (see bench/data.ts `trimToData`). Prints a table and a JSON line.
 */
import fs from 'node:fs';
import { Session } from 'node:inspector';
import { GCProfiler, getHeapStatistics } from 'node:v8';
import { generateSample } from '../demo/sample/generator';
import { Workbook } from '../test/emulator';
import { mappedSheetValues, mappedSheetValuesHeap, reportOptions, trimToData, ZONE } from './data';

const orders = Number(process.argv[2] ?? 100_000);
const gcFn = (globalThis as { gc?: () => void }).gc;
if (!gcFn) throw new Error('run with --expose-gc');
const gc = () => {
  gcFn();
  gcFn();
};
const MB = 1_048_576;
const mb = (bytes: number) => (bytes / MB).toFixed(0);

const { sheets } = generateSample({
  customers: Math.max(100, Math.round(orders / 5)),
  orders,
  timeZone: ZONE,
  responses: Math.round(orders / 5),
});
const workbook = new Workbook({ timeZone: ZONE, locale: 'en_US', sheets });
trimToData(workbook); // as bench/report-child.ts
const quiet = { ...console, error: () => undefined, warn: () => undefined };
// The add-on's modules read the Apps Script services as globals: install the emulated ones.
Object.assign(globalThis, { ...workbook.globals(), console: quiet });

const { wizardScan } = await import('../src/ui/server');
const { ZoneCalendar } = await import('../src/sheets/timezone');
const { readSources } = await import('../src/sheets/report/read-sources');
const { computeReport } = await import('../src/report/compute/report');
const { composeListsSheet, composeReport } = await import('../src/report/compose/report-sheet');
const { writeOwnedSheets } = await import('../src/sheets/report/write-report');
const { findOwnedSheets } = await import('../src/sheets/report/owned-sheets');
const { reportLabels } = await import('../src/report/labels');
const { spreadsheetLanguage } = await import('../src/sheets/language');

interface Stage {
  stage: string;
  ms: number;
  /** Heap in use after a full GC, at the start and at the end of the stage. */
  liveBefore: number;
  liveAfter: number;
  /** Largest heap in use seen during the stage (before any GC, or at its end). */
  peak: number;
  /** ArrayBuffer memory at the end (typed arrays live outside the JS heap). */
  arrayBuffers: number;
  /** Growth of the process's peak RSS during the stage. */
  maxRssGrowth: number;
}

const stages: Stage[] = [];
const maxRss = () => process.resourceUsage().maxRSS * 1024;
const used = () => getHeapStatistics().used_heap_size;

/**
 * `ALLOC=<stage prefix>[,…]`: sampled allocations (kept or collected) of those stages by function,
 * written to /tmp as .heapprofile files (open in Chrome DevTools' Memory tab).
 */
const ALLOC = process.env.ALLOC;
const session = ALLOC ? new Session() : undefined;
session?.connect();
const profiles: Record<string, unknown> = {};

function stage<T>(name: string, body: () => T): T {
  const sampling = ALLOC?.split(',').some((prefix) => name.startsWith(prefix)) ?? false;
  if (sampling) {
    session!.post('HeapProfiler.enable');
    session!.post('HeapProfiler.startSampling', {
      samplingInterval: 16384,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
  }
  gc();
  const liveBefore = used();
  const rssBefore = maxRss();
  const profiler = new GCProfiler();
  profiler.start();
  const t0 = performance.now();
  const result = body();
  const ms = performance.now() - t0;
  if (sampling)
    session!.post('HeapProfiler.stopSampling', (error, r) => {
      if (!error) profiles[name] = (r as { profile: unknown }).profile;
    });
  const end = used();
  const stats = profiler.stop();
  let peak = end;
  for (const s of stats?.statistics ?? [])
    peak = Math.max(peak, (s.beforeGC as { heapStatistics: { usedHeapSize: number } }).heapStatistics.usedHeapSize);
  gc();
  stages.push({
    stage: name,
    ms,
    liveBefore,
    liveAfter: used(),
    peak,
    arrayBuffers: process.memoryUsage().arrayBuffers,
    maxRssGrowth: maxRss() - rssBefore,
  });
  return result;
}

// The request as the wizard sends it (bench/report-child.ts's).
const scan = JSON.parse(JSON.stringify(wizardScan()));
const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
const zone = new ZoneCalendar(spreadsheet.getSpreadsheetTimeZone());
const language = spreadsheetLanguage(spreadsheet);
const locale = spreadsheet.getSpreadsheetLocale();
const mapping = scan.mapping;

gc();
const workbookHeap = used();
const rssStart = process.memoryUsage().rss;
const maxRssStart = maxRss();

// 1. The raw grids alone: one getValues per mapped sheet, kept until the end of the stage.
stage('getValues (raw grids)', () => mappedSheetValues(spreadsheet, mapping).length);
const rawLive = mappedSheetValuesHeap(spreadsheet, mapping, gc, used);

let data: ReturnType<typeof readSources> | undefined = stage('readSources', () =>
  readSources(spreadsheet, mapping, zone),
);
const options = reportOptions(scan, { locale, language, timeZone: zone.timeZone });
// Sub-stages of computeReport: a scratch copy of src/report/compute/report.ts may call
// globalThis.__mark(name) after each part; each mark records the peak heap since the previous one.
const marks: { name: string; peak: number; end: number }[] = [];
let markProfiler: GCProfiler | undefined;
(globalThis as { __mark?: (name: string) => void }).__mark = (name) => {
  const end = used();
  let peak = end;
  for (const s of markProfiler?.stop()?.statistics ?? [])
    peak = Math.max(peak, (s.beforeGC as { heapStatistics: { usedHeapSize: number } }).heapStatistics.usedHeapSize);
  marks.push({ name, peak, end });
  markProfiler = new GCProfiler();
  markProfiler.start();
};
let model: ReturnType<typeof computeReport> | undefined = stage('computeReport', () => {
  markProfiler = new GCProfiler();
  markProfiler.start();
  const m = computeReport(data!, options);
  markProfiler.stop();
  return m;
});
if (marks.length)
  process.stdout.write(
    `computeReport parts (MB: peak heap during the part / heap in use at its end, garbage included):\n${marks.map((m) => `  ${m.name.padEnd(20)} ${mb(m.peak).padStart(6)} / ${mb(m.end)}`).join('\n')}\n`,
  );
const labels = reportLabels(language, locale);
let plans: Parameters<typeof writeOwnedSheets>[1] | undefined = stage('compose (named + lists + shared)', () => [
  {
    role: 'report' as const,
    baseName: labels.sheetName,
    layout: composeReport(model!, 'named', { name: labels.listsSheetName }),
    protectionNote: labels.title,
  },
  {
    role: 'lists' as const,
    baseName: labels.listsSheetName,
    layout: composeListsSheet(model!),
    protectionNote: labels.listWords.sheetTitle,
  },
  {
    role: 'shared' as const,
    baseName: labels.sharedSheetName,
    layout: composeReport(model!, 'shared', null),
    protectionNote: labels.sharedTitle,
  },
]);
const rows = plans.map((p) => `${p.role} ${p.layout.height}×${p.layout.width}`).join(', ');
let writeError: string | undefined;
stage('writeOwnedSheets (first run)', () => {
  try {
    return writeOwnedSheets(spreadsheet, plans!, zone, () => undefined, findOwnedSheets(spreadsheet));
  } catch (error) {
    writeError = (error as Error).message; // e.g. Sheets' 10-million-cell limit: the stages before still count
    return undefined;
  }
});

// What each kept object weighs: drop them one at a time, newest first.
gc();
const withAll = used();
plans = undefined;
gc();
const withoutPlans = used();
model = undefined;
gc();
const withoutModel = used();
data = undefined;
gc();
const withoutData = used();

const kept = {
  rawGrids: rawLive,
  reportData: withoutModel - withoutData,
  model: withoutPlans - withoutModel,
  layouts: withAll - withoutPlans,
  emulatorReportSheets: withoutData - workbookHeap,
};
const addOnPeak = Math.max(...stages.map((s) => s.peak)) - workbookHeap;

const log = (line = '') => process.stdout.write(`${line}\n`);
log(`orders ${orders}; heap with the workbook loaded ${mb(workbookHeap)} MB; RSS ${mb(rssStart)} MB; layouts: ${rows}`);
log('stage                              ms      live before  peak   live after  (MB, heap)   peak-RSS growth');
for (const s of stages)
  log(
    `${s.stage.padEnd(34)} ${s.ms.toFixed(0).padStart(6)}  ${mb(s.liveBefore).padStart(10)}  ${mb(s.peak).padStart(6)}  ${mb(s.liveAfter).padStart(10)}  ${`+${mb(s.maxRssGrowth)}`.padStart(24)}`,
  );
log(
  `kept (MB): raw grids ${mb(kept.rawGrids)}, ReportData ${mb(kept.reportData)}, model ${mb(kept.model)}, layouts ${mb(kept.layouts)}, emulator's copy of the written sheets ${mb(kept.emulatorReportSheets)}`,
);
if (writeError) log(`the write FAILED: ${writeError}`);
log(
  `add-on peak heap over the loaded workbook: +${mb(addOnPeak)} MB; process peak-RSS growth: +${mb(maxRss() - maxRssStart)} MB`,
);
for (const [name, profile] of Object.entries(profiles)) {
  const file = `/tmp/alloc-${orders}-${name.split(' ')[0]}.heapprofile`;
  fs.writeFileSync(file, JSON.stringify(profile));
  log(`sampled allocations of ${name}: ${file}`);
}
log(
  JSON.stringify({
    orders,
    writeError,
    workbookHeap,
    rssStart,
    stages,
    kept,
    addOnPeak,
    maxRssGrowth: maxRss() - maxRssStart,
  }),
);
