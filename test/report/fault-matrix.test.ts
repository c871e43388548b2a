/**
 * A run either completes or leaves everything as it was. For each scenario the calls a clean run
 * makes are taken from the emulator's log, and the run is repeated once per call with that call
 * failing (as a Sheets service error does, before any effect). After a failure: every sheet as it
 * was (values, formulas the user typed, formats, sizes, conditional formats, protections,
 * metadata, charts), no sheet left behind, the document's settings untouched, and a message in
 * plain words. A failure after the report is complete (flush, links, settings, removing the old
 * charts) is a success with a warning. New calls are covered as soon as the code makes them.
 * Run `npm run build` first.
 */
import { describe, expect, it } from 'vitest';
import { generateSample } from '../../demo/sample/generator';
import { Workbook } from '../emulator';
import { copySheets, ZONE } from '../support/report';
import { SwappableAddOn } from '../support/swappable';

/** A small shop: every section of the report appears, and a run takes a few milliseconds. */
const SAMPLE = generateSample({ customers: 40, orders: 320, timeZone: ZONE });
const DECEMBER = { periodKind: 'month', periodIndex: 2025 * 12 + 11, today: '2026-01-10', runId: 'matrix' };
const EVERYTHING = { charts: true, cohorts: true, actions: true, predicted: true };
/** Every section but the predicted value: the same writes, without fitting two models on each of the runs. */
const ALL_BUT_PREDICTIONS = { ...EVERYTHING, predicted: false };
const HEADLINE_ONLY = { charts: false, cohorts: false, actions: false, predicted: false };

/** The document as a user would compare it: sheets in order with their whole state, and the add-on's settings. */
function stateOf(workbook: Workbook): unknown {
  const properties = Object.fromEntries(
    [...workbook.properties.document.data.entries()].filter(([key]) => key !== 'fideliza.progress'),
  );
  return { sheets: workbook.sheetNames(), prints: workbook.fingerprints(), properties };
}

interface Scenario {
  name: string;
  /** The workbook before the run (fresh each time: a run changes it). */
  prepare(addOn: SwappableAddOn): Workbook;
  request: Record<string, unknown>;
}

const addOn = new SwappableAddOn(new Workbook());

function fresh(): Workbook {
  return new Workbook({ timeZone: ZONE, locale: 'en_US', sheets: copySheets(SAMPLE.sheets) });
}

/** A workbook whose report was generated once with `sections`, and where the user typed into the report sheet. */
function withReport(
  sections: Record<string, boolean>,
  withoutPersonalData = false,
): (addOn: SwappableAddOn) => Workbook {
  return (swappable) => {
    const workbook = fresh();
    swappable.use(workbook);
    const first = swappable.fx.wizardGenerate({ ...DECEMBER, sections, withoutPersonalData });
    const sheet = workbook.sheet(first.sheetName);
    // A formula and a note of the user's own, far below the report, must survive a failed run.
    sheet.rangeOf('A400').enterValues([['=1+1']]);
    sheet.rangeOf('B400').writeValues([['my note']]);
    return workbook;
  };
}

/**
 * A workbook with a KPI history of two months, a user's edit in it (text in a value cell) and a
 * note of theirs below it: the run of December replaces its month's rows and keeps the rest.
 */
function withHistory(swappable: SwappableAddOn): Workbook {
  const workbook = fresh();
  swappable.use(workbook);
  swappable.fx.wizardGenerate({ ...DECEMBER, periodIndex: DECEMBER.periodIndex - 1, sections: HEADLINE_ONLY });
  const first = swappable.fx.wizardGenerate({ ...DECEMBER, sections: HEADLINE_ONLY });
  const history = workbook.sheet(first.history.sheetName);
  history.rangeOf('C2').writeValues([['n/a']]);
  history.rangeOf('A90').writeValues([['my note']]);
  return workbook;
}

const SCENARIOS: Scenario[] = [
  { name: 'first run', prepare: () => fresh(), request: { ...DECEMBER, sections: EVERYTHING } },
  {
    name: 'regeneration',
    prepare: withReport(ALL_BUT_PREDICTIONS),
    request: { ...DECEMBER, sections: ALL_BUT_PREDICTIONS },
  },
  {
    name: 'regeneration into a narrower, shorter report',
    prepare: withReport(ALL_BUT_PREDICTIONS),
    request: { ...DECEMBER, sections: HEADLINE_ONLY },
  },
  {
    name: 'regeneration into a wider report',
    prepare: withReport(HEADLINE_ONLY),
    request: { ...DECEMBER, sections: ALL_BUT_PREDICTIONS },
  },
  {
    name: "regeneration with a KPI history of other months and a user's edits in it",
    prepare: withHistory,
    request: { ...DECEMBER, sections: HEADLINE_ONLY },
  },
  {
    name: 'the version without personal data',
    prepare: withReport(ALL_BUT_PREDICTIONS),
    request: { ...DECEMBER, sections: ALL_BUT_PREDICTIONS, withoutPersonalData: true },
  },
];

/**
 * A scenario repeats the run once per call of a clean run (about a thousand times, plus a fresh
 * workbook after each completed run): minutes on a busy machine, not the default minute.
 */
const SCENARIO_TIMEOUT_MS = 600_000;

/** What a failed run may say: one plain sentence, no raw error, no doubled prefix. */
function expectPlain(message: string, where: string): void {
  expect(message, where).not.toMatch(
    /internal error|error interno|\bError:|Exception:|undefined|NaN|Fideliza: Fideliza/,
  );
  expect(message, where).toMatch(/Nothing was changed|not be read|another report|Try again/i);
}

describe('a run either completes or leaves everything as it was (one failure per call of a clean run)', () => {
  const totals: Record<string, { calls: number; failed: number; warned: number }> = {};

  for (const scenario of SCENARIOS) {
    it(
      scenario.name,
      () => {
        // The clean run: its calls, and its report.
        const clean = scenario.prepare(addOn);
        addOn.use(clean);
        clean.calls.reset();
        const expected = addOn.fx.wizardGenerate(scenario.request);
        const calls = clean.calls.sequence();
        expect(calls.length).toBeGreaterThan(50);
        const seen = new Map<string, number>();
        let failed = 0;
        let warned = 0;
        // A workbook a failed run left as it was serves the next failure too (that is what is checked).
        let workbook: Workbook | undefined;
        let before: unknown;
        for (const method of calls) {
          const occurrence = seen.get(method) ?? 0;
          seen.set(method, occurrence + 1);
          const where = `${scenario.name}: ${method} #${occurrence + 1}`;
          if (!workbook) {
            workbook = scenario.prepare(addOn);
            addOn.use(workbook);
            before = stateOf(workbook);
          }
          workbook.calls.reset();
          workbook.failOn(method, occurrence);
          let result: any;
          let message: string | undefined;
          try {
            result = addOn.fx.wizardGenerate(scenario.request);
          } catch (error) {
            message = (error as Error).message;
          }
          if (message !== undefined) {
            failed++;
            expectPlain(message, where);
            expect(stateOf(workbook), where).toEqual(before);
            continue;
          }
          // It completed: the same report as a clean run, perhaps with a warning.
          const completed = workbook;
          workbook = undefined;
          if (result.warnings.length) warned++;
          expect(result.sheetName, where).toBe(expected.sheetName);
          expect(result.headline, where).toEqual(expected.headline);
          const charts = completed.chartSpecs(result.sheetName).length;
          const cleanCharts = clean.chartSpecs(expected.sheetName).length;
          if (result.warnings.length) expect(charts, where).toBeGreaterThanOrEqual(cleanCharts);
          else expect(charts, where).toBe(cleanCharts);
        }
        totals[scenario.name] = { calls: calls.length, failed, warned };
        expect(failed).toBeGreaterThan(0);
      },
      SCENARIO_TIMEOUT_MS,
    );
  }

  it('prints the matrix', () => {
    const lines = Object.entries(totals).map(
      ([name, t]) =>
        `${name}: ${t.calls} calls, ${t.failed} failed cleanly, ${t.calls - t.failed} completed (${t.warned} with a warning)`,
    );
    console.log(`fault matrix\n  ${lines.join('\n  ')}`);
    expect(lines.length).toBe(SCENARIOS.length);
  });
});
