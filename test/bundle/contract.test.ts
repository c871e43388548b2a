/**
 * The bundle contract: what Apps Script and Sheets need from dist/.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { CUSTOM_FUNCTION_NAME, catalogueProblems } from '../../scripts/catalogue.mjs';
import { DIST, loadBundle, Workbook } from '../emulator';
import { errorOf } from '../support/addon';
import { API } from '../support/catalogue';

const customFunctions = API.functions;
const distFiles = () => fs.readdirSync(DIST).filter((f) => f.endsWith('.js'));

/** Globals whose every property access throws: loading must not touch them. */
function servicesThatThrow(): Record<string, unknown> {
  const globals: Record<string, unknown> = {};
  for (const name of [
    'SpreadsheetApp',
    'Utilities',
    'Session',
    'PropertiesService',
    'LockService',
    'HtmlService',
    'CacheService',
    'ScriptApp',
    'UrlFetchApp',
    'DriveApp',
    'Logger',
  ]) {
    Object.defineProperty(globals, name, {
      get() {
        throw new Error(`${name} was touched while the bundle loaded`);
      },
    });
  }
  return globals;
}

describe('bundle contract (dist/)', () => {
  let globalsSource: string;
  beforeAll(() => {
    globalsSource = fs.readFileSync(path.join(DIST, 'globals.js'), 'utf8');
  });

  it('declares and documents the public API as Sheets and the docs need it (build.mjs would refuse otherwise)', () => {
    expect(customFunctions.length).toBeGreaterThanOrEqual(5);
    expect(catalogueProblems(API)).toEqual([]);
  });

  it('declares every custom function at top level with its JSDoc and @customfunction right above it', () => {
    for (const fn of customFunctions) {
      const pattern = new RegExp(
        `/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\nfunction ${fn.name}\\(([^)]*)\\) \\{\\n  return Fideliza\\.runCustomFunction\\('${fn.name}', \\[\\2\\]\\);\\n\\}`,
      );
      const match = pattern.exec(globalsSource);
      expect(match, `${fn.name} wrapper`).not.toBeNull();
      const doc = match![1];
      expect(doc).toContain('@customfunction');
      expect(match![2]).toBe(fn.params.map((p) => p.name).join(', '));
      for (const param of fn.params)
        expect(doc, `${fn.name} @param ${param.name}`).toMatch(new RegExp(`@param ${param.name} \\S`));
      // the first line of the block is the one-line description Sheets shows
      expect(doc.split('\n')[1].replace(/^\s*\*\s*/, '')).toBe(fn.description);
    }
  });

  it('names every custom function as Sheets allows: UPPER_SNAKE, no trailing _, unique, not a built-in', () => {
    const builtIns = new Set([
      'SUM',
      'COUNT',
      'AVERAGE',
      'IF',
      'RATE',
      'NPV',
      'IRR',
      'TREND',
      'RANK',
      'PERCENTRANK',
      'CORREL',
      'GROWTH',
      'DAYS',
      'NOW',
      'TODAY',
      'QUARTILE',
      'MEDIAN',
      'FORECAST',
    ]);
    const names = customFunctions.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(CUSTOM_FUNCTION_NAME);
      expect(name.endsWith('_')).toBe(false);
      expect(builtIns.has(name), `${name} clashes with a Sheets built-in`).toBe(false);
    }
  });

  it('leaves no import, export or top-level await in any dist/*.js', () => {
    for (const file of distFiles()) {
      const code = fs.readFileSync(path.join(DIST, file), 'utf8');
      expect(code, file).not.toMatch(/^\s*(import|export)\b/m);
      expect(code, file).not.toMatch(/^\s*await\b/m);
      // Apps Script runs scripts, not modules: every file must compile as a classic script
      expect(() => new vm.Script(code, { filename: file })).not.toThrow();
    }
  });

  it('pushes the bundle before the wrappers, and the wrappers work in either order', () => {
    const clasp = JSON.parse(fs.readFileSync('.clasp.json', 'utf8'));
    expect(clasp.rootDir).toBe('dist');
    expect(clasp.filePushOrder).toEqual(['dist/fideliza.js', 'dist/globals.js']);
    const workbook = new Workbook();
    const context = vm.createContext(workbook.globals());
    for (const file of ['globals.js', 'fideliza.js'])
      vm.runInContext(fs.readFileSync(path.join(DIST, file), 'utf8'), context);
    expect(context.NPS([[10], [9], [3]])).toBeCloseTo(33.333, 3);
  });

  it('touches no Apps Script service while loading', () => {
    const context = loadBundle(servicesThatThrow());
    for (const fn of customFunctions) expect(typeof context[fn.name], fn.name).toBe('function');
    expect(typeof context.Fideliza).toBe('object');
  });

  it('ships the manifest with V8, the time zone, exception logging and only the two narrow scopes', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect(typeof manifest.timeZone).toBe('string');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
  });

  it('makes every custom function and every export of the two entries (but the runners) a global, and nothing else', () => {
    const context = loadBundle(new Workbook().globals());
    const globals = Object.keys(context).filter((key) => typeof context[key] === 'function');
    const expected = [...API.functions.map((e) => e.name), ...API.globals.map((e) => e.name)];
    expect(globals.sort()).toEqual(expected.sort());
  });
});

describe('what a custom-function cell loads', () => {
  const scripts = () => distFiles().map((file) => fs.readFileSync(path.join(DIST, file), 'utf8'));

  it('is dist/*.js, under 150 KiB together, with no code of the report in it', () => {
    const bytes = scripts().reduce((sum, code) => sum + Buffer.byteLength(code), 0);
    expect(bytes / 1024).toBeLessThan(150);
    // function names survive minification (keepNames): the report's own functions are not there
    for (const name of ['computeReport', 'writeOwnedSheets', 'readSources', 'detectSources', 'composeReport'])
      for (const code of scripts()) expect(code).not.toContain(name);
  });

  it('computes a formula without reading the report module', () => {
    const workbook = new Workbook({ htmlFolder: path.join(DIST, 'no-such-folder') });
    const fx = loadBundle(workbook.globals());
    expect(fx.NPS([[10], [9], [3]])).toBeCloseTo(33.333, 3);
    expect(workbook.calls.count('HtmlService.createHtmlOutputFromFile')).toBe(0);
  });

  it('wizard endpoints load the report module once per execution, from its project file', () => {
    const workbook = new Workbook({ sheets: { Orders: [['Customer ID', 'Order date', 'Amount']] } });
    const fx = loadBundle(workbook.globals());
    fx.wizardScan();
    fx.wizardScan();
    expect(workbook.calls.count('HtmlService.createHtmlOutputFromFile')).toBe(1);
    expect(workbook.calls.count('Utilities.ungzip')).toBe(1);
    const packed = fs.readFileSync(path.join(DIST, 'ReportModule.html'), 'utf8');
    expect(packed).toMatch(/^[A-Za-z0-9+/]+={0,2}$/); // nothing HTML could read as markup
  });

  it("says in the user's language that nothing changed when the report module cannot be read", () => {
    const workbook = new Workbook({
      userLocale: 'es',
      sheets: { Orders: [['Customer ID', 'Order date', 'Amount']] },
      htmlFolder: path.join(DIST, 'no-such-folder'),
    });
    const fx = loadBundle(workbook.globals());
    const before = workbook.fingerprints();
    expect(errorOf(() => fx.wizardScan())).toMatch(
      /^Google Sheets no respondió \(No HTML file named ReportModule was found\)\. No se ha cambiado nada/,
    );
    expect(workbook.fingerprints()).toEqual(before);
  });

  it('fails the same way, and loads on the next execution, when a service fails while the module is read', () => {
    for (const method of ['HtmlService.createHtmlOutputFromFile', 'Utilities.base64Decode', 'Utilities.ungzip']) {
      const workbook = new Workbook({ sheets: { Orders: [['Customer ID', 'Order date', 'Amount']] } });
      workbook.failOn(method, 0);
      const before = workbook.fingerprints();
      expect(
        errorOf(() => loadBundle(workbook.globals()).wizardScan()),
        method,
      ).toMatch(
        /^Google Sheets did not answer \(.+\)\. Nothing was changed in the spreadsheet\. Try again in a minute\.$/,
      );
      expect(workbook.fingerprints(), method).toEqual(before);
      expect(loadBundle(workbook.globals()).wizardScan().sources, method).toBeDefined();
    }
  });
});
