/** The message of a service error, across `vm` realms, without Apps Script's `Exception:` prefix. */
export function serviceMessage(error: unknown): string {
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return String(message ?? error)
    .replace(/^(?:Exception|Error):\s*/i, '')
    .replace(/\.$/, '');
}
