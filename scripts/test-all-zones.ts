// Runs the whole test suite once per host time zone. The spreadsheets in the tests live in a third
// zone (America/Los_Angeles by default), so a date bucketed in the host's zone instead of the
// spreadsheet's fails in at least one run. Ends with one summary line over all runs.
//
// The tests in test/browser/ need Chrome or Chromium. With none on the machine the run stops at
// once and says how to get one, unless FIDELIZA_SKIP_BROWSER_TESTS=1 asks to leave them out
// (CI never sets it: .ci/run installs Chromium).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findBrowser, howToGetBrowser } from '../demo/render/browser';

const zones = ['UTC', 'Pacific/Auckland'];
const extra = process.argv.slice(2);
/**
 * Slow tests whose subject does not depend on the host's zone, run in the first zone only: the
 * fault-injection matrix (a few thousand report runs) checks the rollback, not the calendar; the
 * browser tests drive pages whose dates all come from the server, computed in the spreadsheet's zone.
 */
const FIRST_ZONE_ONLY = ['test/report/fault-matrix.test.ts', 'test/browser/**'];
const BROWSER_TESTS = 'test/browser';
if (!findBrowser()) {
  const files = fs
    .readdirSync(BROWSER_TESTS)
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => `${BROWSER_TESTS}/${file}`);
  if (process.env.FIDELIZA_SKIP_BROWSER_TESTS !== '1') {
    console.error(
      `These tests need Chrome or Chromium, and none was found:\n  ${files.join('\n  ')}\nTo run them, ${howToGetBrowser()}\nTo run the rest without them: FIDELIZA_SKIP_BROWSER_TESTS=1 npm test`,
    );
    process.exit(1);
  }
  console.log(`No browser: leaving out ${files.join(', ')} (FIDELIZA_SKIP_BROWSER_TESTS=1).`);
  extra.push('--exclude', `${BROWSER_TESTS}/**`);
}
let passed = 0;
let failed = 0;
let skipped = 0;
let runsFailed = 0;
for (const [index, zone] of zones.entries()) {
  console.log(`\n=== tests with host TZ=${zone} ===`);
  const only = index === 0 ? [] : FIRST_ZONE_ONLY.flatMap((file) => ['--exclude', file]);
  if (only.length) console.log(`(${FIRST_ZONE_ONLY.join(', ')}: run with TZ=${zones[0]} only)`);
  const report = path.join(os.tmpdir(), `fideliza-vitest-${process.pid}-${zone.replace('/', '_')}.json`);
  const run = spawnSync(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra, ...only],
    {
      stdio: 'inherit',
      env: { ...process.env, TZ: zone },
    },
  );
  if (run.status !== 0) runsFailed++;
  if (fs.existsSync(report)) {
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    passed += json.numPassedTests;
    failed += json.numFailedTests;
    skipped += json.numPendingTests + (json.numTodoTests ?? 0);
    fs.rmSync(report);
  } else {
    failed++;
  }
}
if (runsFailed && !failed) failed = runsFailed;
console.log(`\nAll host time zones (${zones.join(', ')}):`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed || runsFailed ? 1 : 0);
