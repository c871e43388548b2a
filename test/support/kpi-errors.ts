/**
 * Test support for the pure maths: what a KPI function refuses, as its code and as the sentence a
 * formula using it would show.
 */
import { domainError, type Language } from '../../src/errors/catalogue';
import { type DomainIssue, isDomainError } from '../../src/kpi/domain-error';
import { FORMULAS } from '../../src/sheets/functions/catalogue';

function issueOf(call: () => unknown): DomainIssue {
  try {
    call();
  } catch (error) {
    if (isDomainError(error)) return error.issue;
    throw error;
  }
  throw new Error('expected the maths to refuse (a DomainError)');
}

/** The code of what `call` refuses (fails when it throws something else, or nothing). */
export function codeOf(call: () => unknown): DomainIssue['code'] {
  return issueOf(call).code;
}

/**
 * The message custom function `fn` shows for what `call` refuses: the refusal worded with the
 * formula's argument names, as the formula runner words it.
 */
export function refusalIn(fn: string, call: () => unknown, language: Language = 'en'): string {
  const roles = FORMULAS[fn]?.roles ?? {};
  return domainError(issueOf(call), fn, (input) => roles[input] ?? input).localized(language);
}
