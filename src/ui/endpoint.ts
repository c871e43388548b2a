/**
 * How every function the sidebar or the menu calls fails: with one plain sentence in the user's
 * language, never a stack trace.
 */
import { isKpiError, KpiError } from '../errors/catalogue';
import { userLanguageOrEnglish } from '../sheets/language';
import { serviceMessage } from '../sheets/service-message';

/** A failure of an Apps Script service (it can pass), as opposed to a bug of ours. */
const SERVICE_FAILURE =
  /^(?:Exception:\s*)?(?:Service |Google Sheets|We're sorry|Server error|Timed out|Too many|Action not allowed)/i;

/** The catalogue error for any failure of an endpoint: ours as is, a service's worded, a bug as internal. */
function endpointError(error: unknown): KpiError {
  if (isKpiError(error)) return error;
  const detail = serviceMessage(error);
  if (SERVICE_FAILURE.test(detail)) return new KpiError('REPORT_SERVICE_FAILED', { detail });
  console.error(error);
  return new KpiError('REPORT_INTERNAL', { detail });
}

/**
 * Runs the body of a function the browser or the menu calls; every failure leaves as one sentence in
 * the user's language: ours as the catalogue words it, a service's as "Google Sheets did not answer",
 * a bug as an internal error (logged).
 *
 * @param body the endpoint's work.
 * @returns what the body returns.
 * @example endpoint(() => validRunId(runId)) // throws "Fideliza: invalid runId …" in the user's language
 */
export function endpoint<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw new Error(endpointError(error).localized(userLanguageOrEnglish()));
  }
}
