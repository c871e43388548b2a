/**
 * One size of the report benchmark, run in its own process by bench/run.ts (so its peak memory is
 * its own): `node --expose-gc --import tsx bench/report-child.ts <orders> <runs>`. Builds the sample
 * shop (demo/sample) with that many orders, loads the built bundle over an emulated workbook, scans
 * it as the wizard does, then generates the report for December 2025: the first run creates the
 * report sheet; the next runs regenerate it in place ("Refresh"). The source sheets hold only their
 * own columns (see `trimToData`). Prints one JSON line.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { generateSample } from '../demo/sample/generator';
import { loadBundle, Workbook } from '../test/emulator';
import { mappedSheetValuesHeap, reportRequest, trimToData, ZONE } from './data';
import { median } from './timing';

const orders = Number(process.argv[2]);
const runs = Number(process.argv[3] ?? 3);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const t0 = performance.now();
// issue 4's reference size: 100 000 orders / 20 000 customers / 20 000 survey answers
const { sheets } = generateSample({
  customers: Math.max(100, Math.round(orders / 5)),
  orders,
  timeZone: ZONE,
  responses: Math.round(orders / 5),
});
const rowsBySheet = Object.fromEntries(Object.entries(sheets).map(([name, rows]) => [name, rows.length - 1]));
const workbook = new Workbook({ timeZone: ZONE, locale: 'en_US', sheets });
trimToData(workbook); // at 1M orders, 26 columns a sheet would be beyond Sheets' 10-million-cell limit
const quiet = { ...console, error: () => undefined, warn: () => undefined };
const fx = loadBundle({ ...workbook.globals(), console: quiet });
const setupMs = performance.now() - t0;

const scan = wire(fx.wizardScan());
const request = wire(reportRequest(scan));
const heapInUse = () => getHeapStatistics().used_heap_size;

// What the emulator's `getValues` copies of the mapped sheets weigh, measured apart before the report.
const spreadsheet = (
  workbook.globals().SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp
).getActiveSpreadsheet();
const sourceValues = mappedSheetValuesHeap(spreadsheet, scan.mapping, gc, heapInUse);

/** Time spent in garbage collection (every kind), by start time: summed over a run's window. */
const gcPauses: { start: number; duration: number }[] = [];
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcPauses.push({ start: entry.startTime, duration: entry.duration });
});
gcObserver.observe({ entryTypes: ['gc'] });

gc();
const before = process.memoryUsage();
const heapBefore = heapInUse();
workbook.calls.reset();
let start = performance.now();
const first = wire(fx.wizardGenerate(request));
const firstMs = performance.now() - start;
const firstWindow = { start, end: start + firstMs };
gc();
/** Heap kept after the first run: the sheets the emulator now stores (the report module's code aside). */
const keptAfterFirst = heapInUse() - heapBefore;
const calls = workbook.calls.byMethod();
const peakRssAfterFirst = process.resourceUsage().maxRSS * 1024;

const times: number[] = [];
const refreshCalls: number[] = [];
for (let i = 0; i < runs; i++) {
  gc();
  workbook.calls.reset();
  start = performance.now();
  wire(fx.wizardGenerate(request));
  times.push(performance.now() - start);
  refreshCalls.push(workbook.calls.count());
}

/** Data rows of the lists sheet the report wrote (below its three heading rows). */
function listsRows(): number {
  const lists = workbook.sheetNames().find((name) => /^KPI lists/.test(name));
  return lists ? workbook.sheet(lists).lastRow() - 3 : 0;
}

// GC entries are delivered on a later turn of the event loop, after the synchronous runs.
await new Promise((resolve) => setTimeout(resolve, 100));
gcObserver.disconnect();
const firstGcMs = gcPauses
  .filter((p) => p.start >= firstWindow.start && p.start < firstWindow.end)
  .reduce((sum, p) => sum + p.duration, 0);

console.log(
  JSON.stringify({
    orders,
    rowsBySheet,
    setupMs,
    firstMs,
    refreshMs: median(times),
    refreshSamples: times,
    calls,
    callTotal: Object.values(calls).reduce((a, b) => a + b, 0),
    refreshCalls,
    rssBefore: before.rss,
    heapBefore: before.heapUsed,
    peakRss: process.resourceUsage().maxRSS * 1024,
    peakRssAfterFirst,
    firstGcMs,
    sourceValues,
    keptAfterFirst,
    headline: first.headline,
    skippedRows: first.skippedRows,
    warnings: first.warnings,
    // The lists sheet: its data rows (at Sheets' cell limit, the first rows of each list only).
    listsRows: listsRows(),
  }),
);
