/**
 * Loads the report module (src/main-report.ts) when an execution first needs it.
 *
 * Apps Script evaluates every script file of the project at the start of every execution, and each
 * custom-function cell is an execution of its own. The report — detection, the KPI model, the
 * sheets, the wizard — is two thirds of the code and no cell uses it, so the build does not ship it
 * as a script file: it ships it gzipped and base64-encoded in an HTML file of the project
 * (`ReportModule.html`), which no execution evaluates on its own. The wizard's endpoints and the
 * "Refresh last report" action call {@link runReportEndpoint}, which reads that file with
 * `HtmlService.createHtmlOutputFromFile(…).getContent()` (the way Google's guides include one project
 * file in another), decodes it with `Utilities.base64Decode` and `Utilities.ungzip`, and evaluates it
 * with a global `eval` (as Apps Script's `HtmlTemplate.getCode()` documents). Base64 holds no
 * character HTML could read as markup. The module is loaded once per execution.
 */
import { KpiError } from '../errors/catalogue';
import { userLanguageOrEnglish } from '../sheets/language';
import { serviceMessage } from '../sheets/service-message';
import type * as ReportModule from '../main-report';

/** The report module's endpoints, by name. */
type ReportEndpoints = typeof ReportModule;

/** The project file (without `.html`) holding the report module. */
export const REPORT_MODULE_FILE = 'ReportModule';

let loaded: ReportEndpoints | undefined;

/**
 * Calls one endpoint of the report module, loading the module on the first call of the execution.
 * Only the generated global wrappers call it (it has no global of its own); a module that cannot be
 * read fails with the catalogue's sentence for a service that did not answer, in the user's language.
 *
 * @param name the endpoint, e.g. `wizardScan`.
 * @param args its arguments, as the browser or the menu passed them.
 * @returns what the endpoint returns.
 * @example runReportEndpoint('wizardCheckTarget', ['nps', '40']) // { ok: true, … }
 * @bundle
 */
export function runReportEndpoint<K extends keyof ReportEndpoints>(
  name: K,
  args: Parameters<ReportEndpoints[K]>,
): ReturnType<ReportEndpoints[K]> {
  loaded ??= loadReportModule();
  const endpoint = loaded[name] as (...values: unknown[]) => ReturnType<ReportEndpoints[K]>;
  return endpoint(...args);
}

/** Reads, decodes and evaluates the report module. */
function loadReportModule(): ReportEndpoints {
  let source: string;
  try {
    const packed = HtmlService.createHtmlOutputFromFile(REPORT_MODULE_FILE).getContent();
    const gzipped = Utilities.newBlob(Utilities.base64Decode(packed.trim()), 'application/x-gzip');
    source = Utilities.ungzip(gzipped).getDataAsString();
  } catch (error) {
    const failure = new KpiError('REPORT_SERVICE_FAILED', { detail: serviceMessage(error) });
    throw new Error(failure.localized(userLanguageOrEnglish()));
  }
  // The module is the build's own output, shipped inside this project: nothing from the user or the
  // network is evaluated. Called through a variable, eval runs it in the global scope, away from this
  // function's.
  // biome-ignore lint/security/noGlobalEval: loading our own module, as explained above
  const globalEval = eval;
  return globalEval(source) as ReportEndpoints;
}
