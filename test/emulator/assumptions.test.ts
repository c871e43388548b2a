/**
 * The emulator against the one table of platform assumptions (live-check/assumptions.ts), through
 * the live check kit itself: the kit is built as `npm run live-check` builds it, loaded with the
 * add-on into a `vm` over an emulated spreadsheet, and run from its menu. As the emulator is, every
 * check passes; with each switch flipped, the kit reports exactly the checks that switch changes
 * as failed — so the kit can tell on real Google what the emulator could not. Run `npm run build` first.
 */
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { ASSUMPTIONS, type EmulatorSwitch } from '../../live-check/assumptions';
import { buildKit, KIT_OUT } from '../../scripts/live-check';
import { Workbook, type WorkbookOptions } from './index';

const require = createRequire(import.meta.url);
const gas = require('gas-local') as { require(folder: string, globals: object): Record<string, any> };

const SWITCHES: Record<EmulatorSwitch, WorkbookOptions> = {
  'intl:hour24': { intl: 'hour24' },
  'intl:timeZoneThrows': { intl: 'timeZoneThrows' },
  'intl:noFormatToParts': { intl: 'noFormatToParts' },
  'containerBound:false': { containerBound: false },
  'errorArguments:notCalled': { errorArguments: 'notCalled' },
  'valueTypes:asEntered': { valueTypes: 'asEntered' },
};

/** Runs the kit's two menu steps over a workbook; returns check id → result and the observed answer. */
function runKit(options: WorkbookOptions): Map<string, { result: string; observed: string }> {
  const workbook = new Workbook({ timeZone: 'Europe/Madrid', locale: 'es_ES', sheets: { Datos: [['a']] }, ...options });
  const kit = gas.require(KIT_OUT, workbook.globals());
  kit.onOpen({ authMode: 'FULL' });
  kit.liveCheckRun();
  workbook.recalculate(kit);
  kit.liveCheckReadFormulas();
  const rows = workbook.sheet('Fideliza live check').getDataRange().getValues() as string[][];
  expect(rows[0]).toEqual(['Check', 'Area', 'Assumption', 'Expected (emulator)', 'Observed', 'Result', 'Source']);
  // The kit leaves only its results behind.
  expect(workbook.sheetNames()).toEqual(['Datos', 'Fideliza live check']);
  return new Map(rows.slice(1).map((row) => [row[0], { result: row[5], observed: row[4] }]));
}

beforeAll(async () => {
  await buildKit({ buildAddOn: false });
});

describe('the live check kit over the emulator', () => {
  it("adds its menu beside the add-on's", () => {
    const workbook = new Workbook();
    const kit = gas.require(KIT_OUT, workbook.globals());
    kit.onOpen({ authMode: 'FULL' });
    expect(JSON.stringify(workbook.ui)).toContain('Fideliza live check');
    expect(JSON.stringify(workbook.ui)).toContain('Generate KPI report');
  });

  it('passes every check as the emulator is', () => {
    const results = runKit({});
    expect([...results.keys()]).toEqual(ASSUMPTIONS.map((a) => a.id));
    const failed = [...results].filter(([, r]) => r.result !== 'PASS');
    expect(failed).toEqual([]);
  });

  for (const [name, options] of Object.entries(SWITCHES) as [EmulatorSwitch, WorkbookOptions][]) {
    it(`reports exactly the checks ${name} changes as failed`, () => {
      const results = runKit(options);
      const failed = [...results].filter(([, r]) => r.result === 'FAIL').map(([id]) => id);
      const expected = ASSUMPTIONS.filter((a) => a.flippedBy?.includes(name)).map((a) => a.id);
      expect(expected.length).toBeGreaterThan(0);
      expect(failed).toEqual(expected);
      expect([...results.values()].every((r) => r.result === 'PASS' || r.result === 'FAIL')).toBe(true);
    });
  }
});
