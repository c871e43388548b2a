/**
 * Test support for the pure maths: what a KPI function throws.
 */
import { isKpiError } from '../../src/errors/catalogue';

/** The catalogue code `call` throws (fails when it throws something else, or nothing). */
export function codeOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    if (isKpiError(error)) return error.code;
    throw error;
  }
  throw new Error('expected a KpiError');
}
