// `npm run demo` (scripts/demo.ts) end to end, as a child process over the built bundle
// (`npm run build` first), with no browser (test/browser/ checks the picture): the CDNOW sample, a
// small CSV folder with hand-checked numbers, and clear errors for bad arguments.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CDNOW_SAMPLE } from '../support/cdnow';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'fideliza-demo-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The demo without a browser (the browser tests in test/browser/ check the picture). */
function demo(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, CHROME_PATH: 'none' };
  const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/demo.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run demo', () => {
  it('runs on the CDNOW sample turned into an Orders sheet, in English', () => {
    const out = join(dir, 'cdnow');
    const run = demo('--cdnow', CDNOW_SAMPLE, '--locale', 'en', '--out', out, '--verbose');
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    // The CDNOW data ends in June 1998 (README): the default period is the last month with data.
    expect(run.stdout).toContain('KPI Summary — June 1998');
    expect(run.stdout).toContain('(6919 orders)');
    expect(run.stdout).toMatch(/Revenue\s+\$/);
    expect(run.stdout).toMatch(/Report generated in \d+ ms \(wizardGenerate\), \d+ spreadsheet service calls/);
    expect(run.stdout).toMatch(/by class: .*Range \d+/);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<span>Fideliza — KPI summary</span>');
  });

  it('runs on a folder of CSV files with the numbers worked out by hand', () => {
    const input = join(dir, 'csv');
    mkdirSync(input);
    writeFileSync(
      join(input, 'Orders.csv'),
      [
        'Customer ID,Order date,Amount',
        'C1,2025-01-05,10',
        'C2,2025-01-20,30',
        'C1,2025-02-03,15',
        'C2,2025-02-14,25',
        'C3,2025-02-20,20',
        'C1,2025-02-27,abc',
      ].join('\n'),
    );
    const out = join(dir, 'csv-out');
    const run = demo('--input', input, '--period', '2025-02', '--out', out);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('KPI Summary — February 2025');
    // February: 15 + 25 + 20 = 60; January: 10 + 30 = 40 → change +20. Row 7 ("abc") is skipped.
    expect(run.stdout).toMatch(/Revenue\s+\$60\s+\(\+\$20\)/);
    expect(run.stdout).toMatch(/Skipped rows\s+1\b/);
    expect(run.stdout).toContain('not a number (amount): 1 (row 7)');
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    // Without --verbose the console speaks to a user: no service-call counts.
    expect(run.stdout).not.toMatch(/service calls|by class:/);
    expect(run.stdout).toContain(`The report sheet, as Sheets would show it: ${join(out, 'report.html')}`);
  });

  it('takes targets as step 3 does: the missed one is said first, the met one is marked', () => {
    const input = join(dir, 'csv');
    const out = join(dir, 'targets-out');
    // February's revenue is 60 (above); its repeat rate: C1 and C2 ordered twice of 3 customers, 2/3.
    const run = demo(
      '--input',
      input,
      '--period',
      '2025-02',
      '--out',
      out,
      '--target',
      'revenue=50',
      '--target',
      'repeatRate=80%',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const texts: string[] = json.sheets[0].displayValues.flat().filter((t: string) => t !== '');
    expect(texts.find((t) => t.startsWith('Off target'))).toBe('Off target: Repeat rate 66.7% (target 80.0%).');
    expect(texts).toContain('Target $50 ✓');
    const bad = demo('--input', input, '--target', 'nps');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--target nps: use kpi=value, e.g. --target nps=40.');
  });

  it('works with no browser on the machine: the HTML, and one line on how to get the picture', () => {
    const out = join(dir, 'no-browser');
    const run = demo('--cdnow', CDNOW_SAMPLE, '--locale', 'en', '--out', out);
    expect(run.status).toBe(0);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    expect(existsSync(join(out, 'report.png'))).toBe(false);
    expect(run.stdout).toMatch(
      /No picture \(report\.png\): no Chrome or Chromium was found\. To get one, .*CHROME_PATH/,
    );
  });

  it('says clearly what is wrong with the arguments and how to fix it', () => {
    const missing = demo('--input', join(dir, 'nowhere.xlsx'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`--input ${join(dir, 'nowhere.xlsx')}: no such file or folder`);
    expect(missing.stderr).toContain('give a .xlsx file, a .csv file or a folder of .csv files');
    const period = demo('--period', '2025-13');
    expect(period.status).toBe(2);
    expect(period.stderr).toContain('--period 2025-13: use yyyy-mm');
    const unknown = demo('--colour', 'red');
    expect(unknown.stderr).toContain('Unknown option --colour');
    const help = demo('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: npm run demo -- [options]');
  });
});
