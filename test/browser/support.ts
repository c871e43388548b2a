/**
 * Browser-test support: the machine's headless Chrome or Chromium driven by playwright-core, loading the built
 * sidebars from dist/ with a stand-in for `google.script.run` that behaves like Google's (async,
 * chained `withSuccessHandler`/`withFailureHandler`, arguments and answers through JSON, `Date`s
 * refused) and whose endpoints are exactly the public functions of the vm-loaded bundle running
 * over an emulated workbook.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../demo/render/browser';
import { DIST, loadBundle, type Workbook } from '../emulator';

/** Apps Script sidebars are 300 px wide. */
export const SIDEBAR_VIEWPORT = { width: 300, height: 720 };

/** The folder the screenshots of the README go to. */
export const SCREENSHOTS = path.resolve(DIST, '../docs/img');

/** Starts the machine's Chrome or Chromium headless; fails with instructions when there is none. */
export { launchBrowser };

/** A built page of dist/, failing clearly when `npm run build` has not made it. */
export function distPage(file: 'Sidebar.html' | 'Help.html', query = ''): string {
  const full = path.join(DIST, file);
  if (!fs.existsSync(full)) throw new Error(`${full} is missing: run \`npm run build\` first.`);
  return pathToFileURL(full).href + query;
}

/** Whether a value (from either realm) holds a `Date` anywhere. */
export function containsDate(value: unknown, seen = new Set<unknown>()): boolean {
  if (Object.prototype.toString.call(value) === '[object Date]') return true;
  if (value === null || typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  return Object.values(value as Record<string, unknown>).some((v) => containsDate(v, seen));
}

/** One call the page made to the server. */
export interface ServerCall {
  name: string;
  args: unknown[];
  ok: boolean;
  /** The answer (ok) or the failure message. */
  answer: unknown;
}

/** The stand-in server of one page: the emulated workbook and what the page asked of it. */
export class FakeServer {
  readonly globals: Record<string, any>;
  /** Names `google.script.run` offers: the bundle's public top-level functions. */
  readonly endpoints: string[];
  readonly calls: ServerCall[] = [];
  /** Most calls of each endpoint that were waiting for an answer at the same time. */
  readonly maxInFlight: Record<string, number> = {};
  /** Rule breaks seen on the wire (a Date in an answer, an unknown endpoint…). */
  readonly violations: string[] = [];
  /** Milliseconds to wait before answering, per endpoint (to watch a run in progress). */
  readonly delays: Record<string, number> = {};
  /**
   * Several Google accounts signed in, the document's not the browser's default: Apps Script refuses
   * every call from the sidebar (its documented multi-login limitation) with this message.
   */
  otherAccountIsDefault = false;
  /** Changes an endpoint's answer before it is sent, as a faulty or hostile server would. */
  readonly tamper: Record<string, (value: any) => unknown> = {};
  private readonly inFlight: Record<string, number> = {};

  constructor(readonly workbook: Workbook) {
    const serviceNames = new Set(Object.keys(workbook.globals()));
    this.globals = loadBundle(workbook.globals());
    this.endpoints = Object.keys(this.globals)
      .filter((name) => typeof this.globals[name] === 'function' && !serviceNames.has(name) && !name.endsWith('_'))
      .sort();
  }

  /** Calls of one endpoint. */
  callsOf(name: string): ServerCall[] {
    return this.calls.filter((c) => c.name === name);
  }

  /** Runs one request as Apps Script would: JSON in, JSON out, failures as their message. */
  async handle(name: string, argsJson: string): Promise<string> {
    this.inFlight[name] = (this.inFlight[name] ?? 0) + 1;
    this.maxInFlight[name] = Math.max(this.maxInFlight[name] ?? 0, this.inFlight[name]);
    try {
      const args = JSON.parse(argsJson) as unknown[];
      if (this.delays[name]) await new Promise((resolve) => setTimeout(resolve, this.delays[name]));
      let envelope: { ok: boolean; value?: unknown; message?: string };
      if (this.otherAccountIsDefault) {
        envelope = {
          ok: false,
          message:
            "ScriptError: We're sorry, a server error occurred while reading from storage. Error code PERMISSION_DENIED.",
        };
      } else if (!this.endpoints.includes(name)) {
        this.violations.push(`unknown endpoint ${name}`);
        envelope = { ok: false, message: `Script function not found: ${name}` };
      } else {
        try {
          const answer = this.globals[name](...args);
          const value = this.tamper[name] ? this.tamper[name](answer) : answer;
          if (containsDate(value)) {
            this.violations.push(`${name} answered with a Date`);
            throw new Error(`${name}: a Date cannot cross google.script.run`);
          }
          envelope = { ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) };
        } catch (error) {
          envelope = {
            ok: false,
            message:
              error instanceof Error || (error && typeof (error as Error).message === 'string')
                ? (error as Error).message
                : String(error),
          };
        }
      }
      this.calls.push({ name, args, ok: envelope.ok, answer: envelope.ok ? envelope.value : envelope.message });
      return JSON.stringify(envelope);
    } finally {
      this.inFlight[name]--;
    }
  }
}

/**
 * Installs the stand-in `google.script.run` in the page before its scripts run. Like Google's:
 * every call is asynchronous, handlers are chained, arguments go through JSON and a `Date`,
 * function or DOM node among them throws at once.
 */
export async function installFakeServer(page: Page, server: FakeServer): Promise<void> {
  await page.exposeFunction('__fidelizaServer', (name: string, argsJson: string) => server.handle(name, argsJson));
  // Plain JavaScript text, so no transpiler helper (e.g. tsx's `__name`) leaks into the page.
  await page.addInitScript({ content: `(${FAKE_RUN_SOURCE})(${JSON.stringify(server.endpoints)});` });
}

/** The page side of the stand-in `google.script.run` (runs in the browser). */
const FAKE_RUN_SOURCE = String.raw`function (endpoints) {
  var bridge = window.__fidelizaServer;
  function illegal(value, seen) {
    if (value instanceof Date) return 'Date';
    if (typeof value === 'function') return 'function';
    if (typeof Node !== 'undefined' && value instanceof Node) return 'DOM node';
    if (value === null || typeof value !== 'object' || seen.has(value)) return null;
    seen.add(value);
    var values = Object.values(value);
    for (var i = 0; i < values.length; i++) {
      var bad = illegal(values[i], seen);
      if (bad) return bad;
    }
    return null;
  }
  function runner(success, failure, userObject) {
    var run = {
      withSuccessHandler: function (handler) { return runner(handler, failure, userObject); },
      withFailureHandler: function (handler) { return runner(success, handler, userObject); },
      withUserObject: function (object) { return runner(success, failure, object); },
    };
    endpoints.forEach(function (name) {
      run[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        var bad = illegal(args, new Set());
        if (bad) throw new TypeError('Failed due to illegal value in argument of ' + name + ': a ' + bad + ' cannot be sent to the server.');
        bridge(name, JSON.stringify(args)).then(function (text) {
          var answer = JSON.parse(text);
          setTimeout(function () {
            if (answer.ok) { if (success) success(answer.value, userObject); }
            else if (failure) failure(new Error(answer.message), userObject);
          }, 0);
        });
      };
    });
    return run;
  }
  window.google = { script: { run: runner(), host: { close: function () { window.__closed = true; } } } };
}`;

/** A sidebar page open over a workbook, with the server stand-in and the requests it made. */
export interface OpenSidebar {
  page: Page;
  server: FakeServer;
  /** URLs the page requested other than its own file (must stay empty: nothing external). */
  externalRequests: string[];
  /** Uncaught page errors and console errors. */
  pageErrors: string[];
}

/** Opens dist/Sidebar.html at sidebar size over `workbook`. */
export async function openSidebar(
  browser: Browser,
  workbook: Workbook,
  configure?: (server: FakeServer) => void,
  /** The language the server puts in the page (menu.ts sets it from the user's locale); English by default. */
  language?: 'en' | 'es',
): Promise<OpenSidebar> {
  const page = await browser.newPage({ viewport: SIDEBAR_VIEWPORT, locale: 'en-US' });
  const server = new FakeServer(workbook);
  configure?.(server);
  const externalRequests: string[] = [];
  const pageErrors: string[] = [];
  const url = distPage('Sidebar.html') + (language ? `?lang=${language}` : '');
  page.on('request', (request) => {
    if (request.url() !== url) externalRequests.push(request.url());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await installFakeServer(page, server);
  await page.goto(url);
  return { page, server, externalRequests, pageErrors };
}

/** Everything a user can read on the page: visible text, option texts, labels for assistive tech. */
export async function readableText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.title, document.body.innerText];
    for (const option of Array.from(document.querySelectorAll('option'))) parts.push(option.textContent ?? '');
    for (const element of Array.from(document.querySelectorAll('[aria-label],[title],[placeholder]'))) {
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = element.getAttribute(name);
        if (value) parts.push(value);
      }
    }
    for (const hidden of Array.from(document.querySelectorAll('.sr-only'))) parts.push(hidden.textContent ?? '');
    return parts.join('\n');
  });
}

/** Whether `text` contains `words` as whole words ("Result" is not in "Resultado"). */
export function containsWords(text: string, words: string): boolean {
  const escaped = words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, 'u').test(text);
}

/** Saves a screenshot of what the sidebar shows (its viewport) under docs/img/. */
export async function screenshot(page: Page, file: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, file) });
}

/** One rule broken on a page, as axe-core reports it: the rule, its impact and where. */
export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  /** CSS selectors of the elements concerned, with axe's summary of what to fix for each. */
  nodes: { target: string; summary: string }[];
}

/**
 * The axe-core rules the pages are held to: WCAG 2.0 and 2.1, levels A and AA (names and labels,
 * contrast, keyboard, structure), and axe's best practices (landmarks, heading order, one `h1`).
 */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * Runs axe-core's checks of {@link AXE_TAGS} (or only the rules `onlyRules` names) on what the page
 * shows now (hidden elements are not checked, as a user does not meet them): the rules broken, and
 * the checks axe could not decide (e.g. the contrast of text it could not see whole).
 */
export async function runAxe(
  page: Page,
  onlyRules?: string[],
): Promise<{ violations: AxeFinding[]; incomplete: AxeFinding[] }> {
  const runOnly = onlyRules ? { type: 'rule', values: onlyRules } : { type: 'tag', values: AXE_TAGS };
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.addScriptTag({ content: axe.source });
  // Plain JavaScript text, so no transpiler helper leaks into the page (see installFakeServer).
  const script = `(() => {
    const findings = (list) => list.map((v) => ({
      id: v.id,
      impact: v.impact || null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary || '' })),
    }));
    return window.axe.run(document, { runOnly: ${JSON.stringify(runOnly)} })
      .then((results) => ({ violations: findings(results.violations), incomplete: findings(results.incomplete) }));
  })()`;
  return (await page.evaluate(script)) as { violations: AxeFinding[]; incomplete: AxeFinding[] };
}
