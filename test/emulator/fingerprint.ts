/**
 * A hash of a sheet's whole state — values, formulas, formats, notes, sizes, merges, charts,
 * conditional format rules, developer metadata, protections — for "the user's sheets are
 * unchanged" tests. Keys are sorted before hashing, so equal states hash equally whatever order
 * their properties were set in.
 */
import { createHash } from 'node:crypto';
import type { EmuSheet } from './sheet';

/** JSON with object keys sorted (Dates as ISO strings). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Object.prototype.toString.call(value) === '[object Date]') return JSON.stringify((value as Date).toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 (hex) of a sheet's canonical state (cells hashed row by row: fast on 100 000-row sheets). */
export function fingerprintSheet(sheet: EmuSheet): string {
  const hash = createHash('sha256');
  hash.update(canonicalJson(sheet.snapshot(false)));
  sheet.grid.forEach((line, r) => {
    if (!line) return;
    let chunk = '';
    line.forEach((cell, c) => {
      if (!cell) return;
      const { value, ...rest } = cell;
      let hasRest = false;
      for (const key in rest)
        if ((rest as Record<string, unknown>)[key] !== undefined) {
          hasRest = true;
          break;
        }
      if (value === '' && !hasRest) return;
      const text =
        typeof value === 'string'
          ? `s${JSON.stringify(value)}`
          : Object.prototype.toString.call(value) === '[object Date]'
            ? `d${(value as Date).getTime()}`
            : `${typeof value}${String(value)}`;
      chunk += `${r + 1},${c + 1}:${text}${hasRest ? canonicalJson(rest) : ''};`;
    });
    if (chunk) hash.update(chunk);
  });
  return hash.digest('hex');
}
