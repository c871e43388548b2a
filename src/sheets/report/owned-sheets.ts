/**
 * The sheets the add-on owns, each marked with its role by developer metadata on the sheet: the
 * report, its full action lists, the version without personal data, the KPI history. The add-on
 * finds them by role (never "the first marked sheet"), writes only them, and never offers them
 * as data sources.
 */

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Developer-metadata key that marks a sheet the add-on owns; its value says the role. */
export const OWNED_SHEET_KEY = 'fideliza.sheet';

/** The roles of the sheets the add-on owns. */
export const OWNED_ROLES = ['report', 'lists', 'shared', 'history'] as const;

/** A role of a sheet the add-on owns. */
export type OwnedRole = (typeof OWNED_ROLES)[number];

/**
 * What a marker's value records: the role, and the area the last write covered (formats reach
 * past the last value, so the sheet's last row and column do not say it).
 */
export interface MarkerValue {
  role: OwnedRole;
  look?: WrittenLook;
}

/** The area a write covered. */
export interface WrittenLook {
  rows: number;
  columns: number;
}

/** An owned sheet and the metadata that marks it. */
export interface OwnedSheet {
  role: OwnedRole;
  sheet: Sheet;
  metadata: GoogleAppsScript.Spreadsheet.DeveloperMetadata;
  look: WrittenLook | undefined;
}

/** Reads a marker's value; `undefined` when it is not one of ours. */
export function parseMarker(text: string | null): MarkerValue | undefined {
  try {
    const value = JSON.parse(text ?? '') as MarkerValue;
    if (!value || !OWNED_ROLES.includes(value.role)) return undefined;
    const look = value.look;
    const lookFits = look && Number.isInteger(look.rows) && Number.isInteger(look.columns);
    return { role: value.role, look: lookFits ? { rows: look.rows, columns: look.columns } : undefined };
  } catch {
    return undefined;
  }
}

/** Every sheet the add-on owns, by role (the first marked one of each role). One finder call. */
export function findOwnedSheets(spreadsheet: Spreadsheet): Map<OwnedRole, OwnedSheet> {
  const found = new Map<OwnedRole, OwnedSheet>();
  for (const metadata of spreadsheet.createDeveloperMetadataFinder().withKey(OWNED_SHEET_KEY).find()) {
    const sheet = metadata.getLocation().getSheet();
    const marker = sheet ? parseMarker(metadata.getValue()) : undefined;
    if (!sheet || !marker || found.has(marker.role)) continue;
    found.set(marker.role, { role: marker.role, sheet, metadata, look: marker.look });
  }
  return found;
}

/** The ids of every sheet the add-on owns: never data sources. */
export function ownedSheetIds(spreadsheet: Spreadsheet): Set<number> {
  return new Set([...findOwnedSheets(spreadsheet).values()].map((owned) => owned.sheet.getSheetId()));
}

/** `base`, or `base (2)`, `base (3)`… — the first name no sheet has. */
export function freeSheetName(spreadsheet: Spreadsheet, base: string): string {
  const taken = new Set(spreadsheet.getSheets().map((s) => s.getName().toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} (${n})`.toLowerCase())) return `${base} (${n})`;
}
