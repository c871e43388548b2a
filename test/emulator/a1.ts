/**
 * A1 notation as Sheets reads and writes it: `A1`, `B2:D9`, `A:C`, `2:5`, `A2:B` (open-ended),
 * `$A$1`, `R1C1:R2C3`, and sheet-qualified references such as `'My sheet'!A1:B2` (a quote inside
 * a quoted name is doubled).
 */

/** Row/column bounds of a reference (1-based). `openRows`/`openColumns`: written without an end. */
export interface GridRect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** The reference had no row numbers (`A:C`) — getA1Notation keeps that form. */
  openRows?: boolean;
  /** The reference had no column letters (`2:5`). */
  openColumns?: boolean;
}

/** Column letters of a 1-based column index: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** 1-based column index of column letters: A → 1, AA → 27. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The message Apps Script gives for a reference it cannot read. */
export const RANGE_NOT_FOUND = 'Range not found';

/** Parses `A1`, `B2:D9`, `A:C`, `2:5`, `A2:B` or `R1C1:R2C3` (no sheet prefix), for a sheet of a given size. */
export function parseA1(a1: string, maxRows: number, maxColumns: number): GridRect {
  const text = a1.trim();
  const r1c1 = /^R(\d+)C(\d+)(?::R(\d+)C(\d+))?$/i.exec(text);
  if (r1c1) {
    const [r1, c1, r2 = r1, c2 = c1] = r1c1.slice(1).map((s) => (s === undefined ? undefined : Number(s))) as number[];
    if (r1 < 1 || c1 < 1 || r2 < 1 || c2 < 1) throw new Error(RANGE_NOT_FOUND);
    return {
      row: Math.min(r1, r2),
      column: Math.min(c1, c2),
      numRows: Math.abs(r2 - r1) + 1,
      numColumns: Math.abs(c2 - c1) + 1,
    };
  }
  const m = /^\$?([A-Za-z]*)\$?(\d*)(?::\$?([A-Za-z]*)\$?(\d*))?$/.exec(text);
  if (!m || (!m[1] && !m[2])) throw new Error(RANGE_NOT_FOUND);
  const [, c1, r1] = m;
  const hasEnd = m[3] !== undefined || m[4] !== undefined;
  const c2 = hasEnd ? m[3] : c1;
  const r2 = hasEnd ? m[4] : r1;
  if (!hasEnd && (!c1 || !r1)) throw new Error(RANGE_NOT_FOUND);
  if (hasEnd && !m[3] && !m[4]) throw new Error(RANGE_NOT_FOUND);
  if ((!c1 && c2) || (!r1 && r2 && c1)) throw new Error(RANGE_NOT_FOUND);
  const startColumn = c1 ? columnIndex(c1) : 1;
  const endColumn = c2 ? columnIndex(c2) : maxColumns;
  const startRow = r1 ? Number(r1) : 1;
  const endRow = r2 ? Number(r2) : maxRows;
  if (startRow < 1 || endRow < 1 || startColumn < 1 || endColumn < 1) throw new Error(RANGE_NOT_FOUND);
  return {
    row: Math.min(startRow, endRow),
    column: Math.min(startColumn, endColumn),
    numRows: Math.abs(endRow - startRow) + 1,
    numColumns: Math.abs(endColumn - startColumn) + 1,
    ...(r1 ? {} : { openRows: true }),
    ...(c1 ? {} : { openColumns: true }),
  };
}

/** Splits `'My sheet'!A1:B2` into the sheet name (unquoted) and the reference; no `!` → no sheet. */
export function splitSheetReference(reference: string): { sheetName?: string; a1: string } {
  const bang = reference.lastIndexOf('!');
  if (bang < 0) return { a1: reference };
  const rawName = reference.slice(0, bang);
  const quoted = /^'((?:[^']|'')*)'$/.exec(rawName);
  return { sheetName: quoted ? quoted[1].replace(/''/g, "'") : rawName, a1: reference.slice(bang + 1) };
}

/** A sheet name as A1 notation needs it: quoted (quotes doubled) unless it is a plain word. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** A1 notation of a rectangle: `B2`, `B2:D9`, `A:C` or `2:5`. */
export function a1OfRect(rect: GridRect): string {
  const lastRow = rect.row + rect.numRows - 1;
  const lastColumn = rect.column + rect.numColumns - 1;
  if (rect.openRows) return `${columnLetters(rect.column)}:${columnLetters(lastColumn)}`;
  if (rect.openColumns) return `${rect.row}:${lastRow}`;
  const start = `${columnLetters(rect.column)}${rect.row}`;
  return rect.numRows === 1 && rect.numColumns === 1 ? start : `${start}:${columnLetters(lastColumn)}${lastRow}`;
}
