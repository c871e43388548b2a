/**
 * A typed promise wrapper over `google.script.run`: `call('wizardScan')` resolves with the
 * server's answer or rejects with the server's error (its message is already a sentence in the
 * user's language). The keys are the server endpoints of src/ui/server.ts.
 */
import type {
  GenerateRequest,
  GenerateResult,
  MappingCheck,
  Progress,
  ReportMapping,
  TargetCheck,
  WizardScan,
} from '../protocol';

/** The server endpoints the wizard calls: name → (arguments) → answer. */
export interface ServerApi {
  wizardScan(): WizardScan;
  wizardCheckMapping(mapping: ReportMapping): MappingCheck;
  wizardCheckTarget(key: string, text: string): TargetCheck;
  wizardGenerate(request: GenerateRequest): GenerateResult;
  wizardProgress(runId: string): Progress;
  wizardOpenSheet(sheetId: number): void;
}

/** The part of Apps Script's client-side `google.script.run` the wrapper uses. */
interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [endpoint: string]: unknown;
}

interface GoogleClient {
  script?: { run?: ScriptRunner; host?: { close?: () => void } };
}

function client(): GoogleClient | undefined {
  return (globalThis as unknown as { google?: GoogleClient }).google;
}

/** Whether the page runs inside Apps Script (or a test's stand-in for it). */
export function hasServer(): boolean {
  return !!client()?.script?.run;
}

/** The message of a failure as `google.script.run` hands it over (an Error, or sometimes a string). */
export function failureMessage(error: unknown, fallback: string): string {
  if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    const message = (error as { message: string }).message.trim();
    if (message) return message;
  }
  if (typeof error === 'string' && error.trim()) return error.trim();
  return fallback;
}

/**
 * Whether a failure is Google refusing the call because several accounts are signed in and the
 * document's is not the browser's default (Apps Script's documented multi-login limitation); these
 * are the messages `google.script.run` hands over then.
 */
export function isAccountProblem(message: string): boolean {
  const refusals = [
    /PERMISSION_DENIED/,
    /Authori[sz]ation is required/i,
    /Action not allowed/i,
    /reading from storage/i,
  ];
  return refusals.some((refusal) => refusal.test(message));
}

/** Calls a server endpoint; resolves with its answer, rejects with its failure. */
export function call<K extends keyof ServerApi>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    const run = client()?.script?.run;
    if (!run) {
      reject(new Error('google.script.run is not available'));
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerApi[K]>))
      .withFailureHandler(reject);
    const endpoint = runner[name];
    if (typeof endpoint !== 'function') {
      reject(new Error(`the server has no endpoint ${name}`));
      return;
    }
    (endpoint as (...values: unknown[]) => void).apply(runner, args);
  });
}

/** Closes the sidebar (no-op outside Apps Script). */
export function closeSidebar(): void {
  client()?.script?.host?.close?.();
}
