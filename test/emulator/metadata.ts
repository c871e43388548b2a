/**
 * Developer metadata as Apps Script documents it: key/value pairs (value may be null) with a
 * visibility (DOCUMENT by default, or PROJECT) attached to the spreadsheet, a sheet, or an entire
 * row or column (`Range.addDeveloperMetadata` on any other range throws Google's message). Found
 * with `createDeveloperMetadataFinder().withKey(…).withValue(…).find()`. Row/column metadata move
 * with their row/column when rows or columns are inserted or deleted, and go with a deleted sheet.
 */
import type { ServiceCalls } from './calls';
import { DeveloperMetadataLocationType, DeveloperMetadataVisibility, EmuEnumValue, asEnum, enumName } from './enums';
import type { EmuRange } from './range';
import type { EmuSheet } from './sheet';
import type { EmuSpreadsheet } from './spreadsheet';

type GasMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;
type GasLocation = GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation;
type GasFinder = GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;

/** One stored piece of developer metadata. */
export interface MetadataEntry {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  location: { type: 'SPREADSHEET' | 'SHEET' | 'ROW' | 'COLUMN'; sheet?: EmuSheet; index?: number };
}

/** Google's message for metadata on a range that is not an entire row or column. */
export const ARBITRARY_RANGE_METADATA =
  'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.';

/** Reads the `(key[, value][, visibility])` arguments of `addDeveloperMetadata`. */
export function metadataArguments(args: unknown[]): {
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
} {
  const [key, second, third] = args;
  let value: string | null = null;
  let visibility: 'DOCUMENT' | 'PROJECT' = 'DOCUMENT';
  if (second instanceof EmuEnumValue) visibility = second.name as 'DOCUMENT' | 'PROJECT';
  else if (second !== undefined && second !== null) value = String(second);
  if (third !== undefined && third !== null) visibility = enumName(third) as 'DOCUMENT' | 'PROJECT';
  return { key: String(key), value, visibility };
}

/** A `DeveloperMetadata` handle on a stored entry. */
export class EmuDeveloperMetadata
  implements
    Pick<
      GasMetadata,
      | 'getId'
      | 'getKey'
      | 'getValue'
      | 'getVisibility'
      | 'getLocation'
      | 'setKey'
      | 'setValue'
      | 'setVisibility'
      | 'remove'
      | 'moveToSheet'
      | 'moveToSpreadsheet'
    >
{
  constructor(
    private readonly spreadsheet: EmuSpreadsheet,
    readonly entry: MetadataEntry,
  ) {}

  private get calls(): ServiceCalls {
    return this.spreadsheet.calls;
  }

  getId(): number {
    this.calls.record('DeveloperMetadata.getId');
    return this.entry.id;
  }

  getKey(): string {
    this.calls.record('DeveloperMetadata.getKey');
    return this.entry.key;
  }

  getValue(): string {
    this.calls.record('DeveloperMetadata.getValue');
    return this.entry.value as string;
  }

  getVisibility(): GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility {
    this.calls.record('DeveloperMetadata.getVisibility');
    return asEnum(DeveloperMetadataVisibility, this.entry.visibility);
  }

  getLocation(): GasLocation {
    this.calls.record('DeveloperMetadata.getLocation');
    return new EmuDeveloperMetadataLocation(this.spreadsheet, this.entry) as unknown as GasLocation;
  }

  setKey(key: string): GasMetadata {
    this.calls.record('DeveloperMetadata.setKey');
    this.entry.key = String(key);
    return this as unknown as GasMetadata;
  }

  setValue(value: string): GasMetadata {
    this.calls.record('DeveloperMetadata.setValue');
    this.entry.value = value === null || value === undefined ? null : String(value);
    return this as unknown as GasMetadata;
  }

  setVisibility(visibility: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility): GasMetadata {
    this.calls.record('DeveloperMetadata.setVisibility');
    this.entry.visibility = enumName(visibility) as 'DOCUMENT' | 'PROJECT';
    return this as unknown as GasMetadata;
  }

  moveToSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): GasMetadata {
    this.calls.record('DeveloperMetadata.moveToSheet');
    this.entry.location = { type: 'SHEET', sheet: sheet as unknown as EmuSheet };
    return this as unknown as GasMetadata;
  }

  moveToSpreadsheet(): GasMetadata {
    this.calls.record('DeveloperMetadata.moveToSpreadsheet');
    this.entry.location = { type: 'SPREADSHEET' };
    return this as unknown as GasMetadata;
  }

  remove(): void {
    this.calls.record('DeveloperMetadata.remove');
    const at = this.spreadsheet.metadata.indexOf(this.entry);
    if (at >= 0) this.spreadsheet.metadata.splice(at, 1);
  }
}

/** Where a piece of metadata lives. */
export class EmuDeveloperMetadataLocation
  implements Pick<GasLocation, 'getLocationType' | 'getSheet' | 'getRow' | 'getColumn' | 'getSpreadsheet'>
{
  constructor(
    private readonly spreadsheet: EmuSpreadsheet,
    private readonly entry: MetadataEntry,
  ) {}

  getLocationType(): GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType {
    this.spreadsheet.calls.record('DeveloperMetadataLocation.getLocationType');
    return asEnum(DeveloperMetadataLocationType, this.entry.location.type);
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    this.spreadsheet.calls.record('DeveloperMetadataLocation.getSheet');
    return (this.entry.location.type === 'SHEET'
      ? this.entry.location.sheet
      : null) as unknown as GoogleAppsScript.Spreadsheet.Sheet;
  }

  getSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.spreadsheet.calls.record('DeveloperMetadataLocation.getSpreadsheet');
    return (this.entry.location.type === 'SPREADSHEET'
      ? this.spreadsheet
      : null) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  }

  getRow(): GoogleAppsScript.Spreadsheet.Range {
    this.spreadsheet.calls.record('DeveloperMetadataLocation.getRow');
    const { type, sheet, index } = this.entry.location;
    return (type === 'ROW'
      ? sheet!.rangeOf(`${index}:${index}`)
      : null) as unknown as GoogleAppsScript.Spreadsheet.Range;
  }

  getColumn(): GoogleAppsScript.Spreadsheet.Range {
    this.spreadsheet.calls.record('DeveloperMetadataLocation.getColumn');
    const { type, sheet, index } = this.entry.location;
    return (type === 'COLUMN'
      ? sheet!.rangeOf(`${columnName(index!)}:${columnName(index!)}`)
      : null) as unknown as GoogleAppsScript.Spreadsheet.Range;
  }
}

function columnName(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** `DeveloperMetadataFinder`: filters the metadata of its scope. */
export class EmuDeveloperMetadataFinder
  implements
    Pick<
      GasFinder,
      'withKey' | 'withValue' | 'withId' | 'withLocationType' | 'withVisibility' | 'onIntersectingLocations' | 'find'
    >
{
  private readonly filters: ((entry: MetadataEntry) => boolean)[] = [];

  constructor(
    private readonly spreadsheet: EmuSpreadsheet,
    private readonly scope: (entry: MetadataEntry, intersecting: boolean) => boolean,
  ) {}

  private intersecting = false;

  private add(method: string, filter: (entry: MetadataEntry) => boolean): GasFinder {
    this.spreadsheet.calls.record(`DeveloperMetadataFinder.${method}`);
    this.filters.push(filter);
    return this as unknown as GasFinder;
  }

  withKey(key: string): GasFinder {
    return this.add('withKey', (e) => e.key === key);
  }

  withValue(value: string): GasFinder {
    return this.add('withValue', (e) => e.value === value);
  }

  withId(id: number): GasFinder {
    return this.add('withId', (e) => e.id === id);
  }

  withLocationType(locationType: GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType): GasFinder {
    const name = enumName(locationType);
    return this.add('withLocationType', (e) => e.location.type === name);
  }

  withVisibility(visibility: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility): GasFinder {
    const name = enumName(visibility);
    return this.add('withVisibility', (e) => e.visibility === name);
  }

  onIntersectingLocations(): GasFinder {
    this.spreadsheet.calls.record('DeveloperMetadataFinder.onIntersectingLocations');
    this.intersecting = true;
    return this as unknown as GasFinder;
  }

  find(): GasMetadata[] {
    this.spreadsheet.calls.record('DeveloperMetadataFinder.find');
    return this.spreadsheet.metadata
      .filter((e) => this.scope(e, this.intersecting) && this.filters.every((f) => f(e)))
      .map((e) => new EmuDeveloperMetadata(this.spreadsheet, e) as unknown as GasMetadata);
  }
}

/** Whether an entry sits on a sheet (the sheet itself or one of its rows/columns). */
export function onSheet(entry: MetadataEntry, sheet: EmuSheet): boolean {
  return entry.location.sheet === sheet;
}

/** Whether an entry is a row/column of `range` (`intersecting`: any row/column the range touches, or its sheet). */
export function inRange(entry: MetadataEntry, range: EmuRange, intersecting: boolean): boolean {
  const { type, sheet, index } = entry.location;
  if (sheet !== range.sheet) return false;
  const { row, column, numRows, numColumns } = range.rect;
  if (type === 'ROW')
    return index! >= row && index! < row + numRows && (intersecting || numColumns === range.sheet.maxColumns);
  if (type === 'COLUMN')
    return index! >= column && index! < column + numColumns && (intersecting || numRows === range.sheet.maxRows);
  return intersecting && type === 'SHEET';
}
