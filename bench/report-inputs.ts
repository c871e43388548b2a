/**
 * Issue 16's speed target: what the new report inputs (a segment column, effort answers, ticket
 * first-response and resolved times) add to the report's compute at 100 000 orders / 20 000
 * customers / 20 000 answers. Run by bench/run.ts in its own process (`--only=report-inputs`), or by
 * hand: `node --expose-gc --import tsx bench/report-inputs.ts [orders] [runs] [whole-report runs]`.
 *
 * The same sample shop twice — without those columns, and with them (bench/data.ts `reportInputs`) —
 * each in its own emulated workbook. For each, the add-on's own modules (run under tsx, the emulated
 * services as globals) read the sources once, then `computeReport` is timed (median of `runs` after
 * a warm-up, the two variants interleaved so machine noise falls on both); and the whole report
 * through the bundle (`wizardGenerate`, reading and writing included; the first run creates the
 * sheets) as a cross-check. Prints one
 * JSON line.
 */
import { generateSample } from '../demo/sample/generator';
import { loadBundle, Workbook } from '../test/emulator';
import { reportInputs, reportOptions, reportRequest, ZONE } from './data';
import { gc, median } from './timing';

const orders = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 5);
/** Whole-report runs per variant (the first creates the sheets; each takes seconds at 100k). */
const wholeRuns = Number(process.argv[4] ?? 1);
const quiet = { ...console, error: () => undefined, warn: () => undefined, log: () => undefined };

const { sheets } = generateSample({
  customers: Math.max(100, Math.round(orders / 5)),
  orders,
  timeZone: ZONE,
  responses: Math.round(orders / 5),
});

const { ZoneCalendar } = await import('../src/sheets/timezone');
const { readSources } = await import('../src/sheets/report/read-sources');
const { computeReport } = await import('../src/report/compute/report');

interface Variant {
  name: 'without' | 'with';
  workbook: Workbook;
  globals: Record<string, unknown>;
  fx: Record<string, (...args: unknown[]) => any>;
  request: Record<string, unknown>;
  data: ReturnType<typeof readSources>;
  options: Parameters<typeof computeReport>[1];
  headers: Record<string, unknown[]>;
  compute: number[];
  whole: number[];
}

function variant(name: Variant['name']): Variant {
  const rows = reportInputs(sheets, name === 'with');
  const workbook = new Workbook({ timeZone: ZONE, locale: 'en_US', sheets: rows });
  const globals = { ...workbook.globals(), console: quiet };
  const fx = loadBundle(globals);
  const scan = JSON.parse(JSON.stringify(fx.wizardScan()));
  const request = reportRequest(scan);
  Object.assign(globalThis, globals);
  const spreadsheet = workbook.globals().SpreadsheetApp as { getActiveSpreadsheet(): any };
  const active = spreadsheet.getActiveSpreadsheet();
  const zone = new ZoneCalendar(ZONE);
  const data = readSources(active, scan.mapping, zone);
  const options = reportOptions(scan, { locale: 'en_US', language: scan.language, timeZone: ZONE });
  const headers = Object.fromEntries(Object.entries(rows).map(([sheet, r]) => [sheet, r[0]]));
  return { name, workbook, globals, fx, request, data, options, headers, compute: [], whole: [] };
}

const variants = [variant('without'), variant('with')];

function timeCompute(v: Variant): number {
  Object.assign(globalThis, v.globals);
  gc();
  const t0 = performance.now();
  computeReport(v.data, v.options);
  return performance.now() - t0;
}

function timeWhole(v: Variant): number {
  gc();
  const t0 = performance.now();
  v.fx.wizardGenerate(v.request);
  return performance.now() - t0;
}

// What the "with" model has that the other has not: the new sections must be there to be measured.
const withModel = computeReport(variants[1].data, variants[1].options) as unknown as Record<string, unknown>;
const withoutModel = computeReport(variants[0].data, variants[0].options) as unknown as Record<string, unknown>;
const present = (model: Record<string, unknown>) =>
  Object.keys(model).filter((k) => model[k] !== undefined && model[k] !== null);
const newParts = present(withModel).filter((k) => !present(withoutModel).includes(k));

for (const v of variants) timeCompute(v); // warm-up
for (let i = 0; i < runs; i++)
  for (const v of i % 2 ? [...variants].reverse() : variants) v.compute.push(timeCompute(v));
for (let i = 0; i < wholeRuns; i++)
  for (const v of i % 2 ? [...variants].reverse() : variants) v.whole.push(timeWhole(v));

const [without, withInputs] = variants;
process.stdout.write(
  `${JSON.stringify({
    orders,
    runs,
    computeWithoutMs: median(without.compute),
    computeWithMs: median(withInputs.compute),
    extraComputeMs: median(withInputs.compute) - median(without.compute),
    computeSamples: { without: without.compute, with: withInputs.compute },
    wholeWithoutMs: median(without.whole),
    wholeWithMs: median(withInputs.whole),
    wholeSamples: { without: without.whole, with: withInputs.whole },
    newModelParts: newParts,
    headers: { without: without.headers, with: withInputs.headers },
  })}\n`,
);
