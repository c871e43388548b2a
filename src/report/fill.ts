/**
 * Fills `{name}` placeholders of a label: the one way every text of the report, the wizard and the
 * help puts values into a sentence, so a translation may move them anywhere.
 *
 * @example fill('{n} of {total} functions', { n: 3, total: 41 }) // '3 of 41 functions'
 */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
