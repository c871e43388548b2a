/**
 * `Spreadsheet` as Apps Script documents it: sheets (insert by name/index — a taken name throws
 * Google's message —, get by name or id, delete, reorder, activate), time zone and locale,
 * sheet-qualified ranges (`'My sheet'!A1:B2`), developer metadata, protections and toasts. Every
 * call is counted in {@link ServiceCalls}.
 *
 * Re-exports the sheet and range classes so `./spreadsheet` keeps its earlier exports.
 */
import { parseA1, splitSheetReference } from './a1';
import type { ServiceCalls } from './calls';
import { ProtectionType, enumName } from './enums';
import { EmuDeveloperMetadata, EmuDeveloperMetadataFinder, metadataArguments, type MetadataEntry } from './metadata';
import { EmuSheet } from './sheet';
import { emptyUiRecord, type UiRecord } from './ui';

type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** A grid of plain values used to build a workbook: `''` or `null` for blank. */
export type SeedGrid = (import('./entry').EmuValue | null | undefined)[][];

/** Google's message for a sheet name already in use. */
export function duplicateNameMessage(name: string): string {
  return `A sheet with the name "${name}" already exists. Please enter another name.`;
}

/** The emulated spreadsheet. */
export class EmuSpreadsheet
  implements
    Pick<
      GasSpreadsheet,
      | 'getId'
      | 'getName'
      | 'rename'
      | 'getUrl'
      | 'getSpreadsheetTimeZone'
      | 'setSpreadsheetTimeZone'
      | 'getSpreadsheetLocale'
      | 'setSpreadsheetLocale'
      | 'getSheets'
      | 'getNumSheets'
      | 'getSheetByName'
      | 'getSheetById'
      | 'getActiveSheet'
      | 'setActiveSheet'
      | 'moveActiveSheet'
      | 'getRange'
      | 'insertSheet'
      | 'deleteSheet'
      | 'addDeveloperMetadata'
      | 'getDeveloperMetadata'
      | 'createDeveloperMetadataFinder'
      | 'getProtections'
      | 'toast'
    >
{
  readonly sheets: EmuSheet[] = [];
  /** Every piece of developer metadata of the spreadsheet, wherever it is attached. */
  readonly metadata: MetadataEntry[] = [];
  /** Toasts, menus, sidebars and alerts shown (shared with `SpreadsheetApp.getUi()`). */
  ui: UiRecord = emptyUiRecord();
  private nextSheetId = 0;
  private nextMetadataId = 1;
  private nextChartId = 1;
  private activeSheet?: EmuSheet;
  /**
   * Whether `getValues` types follow the number format (`byFormat`, as Sheets stores dates as
   * serial numbers) or the value as entered (`asEntered`): a switch, since only part of it is documented.
   */
  valueTypes: 'byFormat' | 'asEntered' = 'byFormat';

  constructor(
    readonly calls: ServiceCalls,
    public timeZone: string,
    public locale: string,
    private name = 'Untitled spreadsheet',
    private readonly id = 'emulated-spreadsheet-1',
  ) {}

  private record(method: string): void {
    this.calls.record(`Spreadsheet.${method}`);
  }

  getId(): string {
    this.record('getId');
    return this.id;
  }

  getName(): string {
    this.record('getName');
    return this.name;
  }

  rename(newName: string): void {
    this.record('rename');
    this.name = String(newName);
  }

  getUrl(): string {
    this.record('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  getSpreadsheetTimeZone(): string {
    this.record('getSpreadsheetTimeZone');
    return this.timeZone;
  }

  setSpreadsheetTimeZone(timeZone: string): GasSpreadsheet {
    this.record('setSpreadsheetTimeZone');
    this.timeZone = timeZone;
    return this as unknown as GasSpreadsheet;
  }

  getSpreadsheetLocale(): string {
    this.record('getSpreadsheetLocale');
    return this.locale;
  }

  setSpreadsheetLocale(locale: string): void {
    this.record('setSpreadsheetLocale');
    this.locale = locale;
  }

  getSheets(): GasSheet[] {
    this.record('getSheets');
    return this.sheets.slice() as unknown as GasSheet[];
  }

  getNumSheets(): number {
    this.record('getNumSheets');
    return this.sheets.length;
  }

  getSheetByName(name: string): GasSheet | null {
    this.record('getSheetByName');
    return (this.sheets.find((s) => s.name === name) ?? null) as unknown as GasSheet | null;
  }

  getSheetById(id: number): GasSheet | null {
    this.record('getSheetById');
    return (this.sheets.find((s) => s.sheetId === id) ?? null) as unknown as GasSheet | null;
  }

  getActiveSheet(): GasSheet {
    this.record('getActiveSheet');
    return this.active() as unknown as GasSheet;
  }

  /** The active sheet (uncounted). */
  active(): EmuSheet {
    return this.activeSheet && this.sheets.includes(this.activeSheet) ? this.activeSheet : this.sheets[0];
  }

  /** Makes a sheet the active one (uncounted; used by `activate()` calls). */
  activate(sheet: EmuSheet): void {
    this.activeSheet = sheet;
  }

  setActiveSheet(sheet: GasSheet): GasSheet {
    this.record('setActiveSheet');
    this.activeSheet = sheet as unknown as EmuSheet;
    return sheet;
  }

  /** Moves the active sheet to a 1-based position. */
  moveActiveSheet(pos: number): void {
    this.record('moveActiveSheet');
    const sheet = this.active();
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(Math.max(0, Math.min(pos - 1, this.sheets.length)), 0, sheet);
  }

  /** `Sheet1!A1:B2` / `'My sheet'!A1` style reference, or a range of the active sheet. */
  getRange(a1Notation: string): GasRange {
    this.record('getRange');
    const { sheetName, a1 } = splitSheetReference(a1Notation);
    const sheet = sheetName === undefined ? this.active() : this.sheets.find((s) => s.name === sheetName);
    if (!sheet) throw new Error('Range not found');
    return sheet.checkedRange(parseA1(a1, sheet.maxRows, sheet.maxColumns)) as unknown as GasRange;
  }

  /** Throws Google's message when `name` is taken by another sheet (names compare case-insensitively). */
  checkNewName(name: string, except?: EmuSheet): void {
    if (this.sheets.some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase()))
      throw new Error(duplicateNameMessage(name));
  }

  /**
   * `insertSheet()`, `(index)`, `(name)`, `(name, index)`, and the `options` forms
   * (`{template: sheet}` copies the template's cells, sizes and merges). The new sheet is active.
   */
  insertSheet(...args: unknown[]): GasSheet {
    this.record('insertSheet');
    let name: string | undefined;
    let index: number | undefined;
    let template: EmuSheet | undefined;
    for (const arg of args) {
      if (typeof arg === 'string') name = arg;
      else if (typeof arg === 'number') index = arg;
      else if (arg && typeof arg === 'object') template = (arg as { template?: EmuSheet }).template;
    }
    if (name !== undefined) this.checkNewName(name);
    if (name === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    const sheet = new EmuSheet(this, name, this.nextSheetId++ === 0 ? 0 : 100000 + this.nextSheetId * 7919);
    if (template) {
      sheet.maxRows = template.maxRows;
      sheet.maxColumns = template.maxColumns;
      template.grid.forEach((line, r) => {
        if (line) sheet.grid[r] = line.map((cell) => (cell ? structuredClone(cell) : cell));
      });
      sheet.merges.push(...template.merges.map((m) => ({ ...m })));
    }
    this.sheets.splice(Math.max(0, Math.min(index ?? this.sheets.length, this.sheets.length)), 0, sheet);
    this.activeSheet = sheet;
    return sheet as unknown as GasSheet;
  }

  /** Deletes a sheet with its metadata; the last visible sheet cannot go (Google's message). */
  deleteSheet(sheet: GasSheet): void {
    this.record('deleteSheet');
    const target = sheet as unknown as EmuSheet;
    if (this.sheets.filter((s) => !s.hidden && s !== target).length === 0)
      throw new Error('Sorry, it is not possible to delete all non-hidden sheets. At least one sheet must be visible.');
    const at = this.sheets.indexOf(target);
    if (at < 0) throw new Error('Sheet not found');
    this.sheets.splice(at, 1);
    for (let i = this.metadata.length - 1; i >= 0; i--)
      if (this.metadata[i].location.sheet === target) this.metadata.splice(i, 1);
    if (this.activeSheet === target) this.activeSheet = this.sheets[0];
  }

  /** Metadata on the spreadsheet itself. */
  addDeveloperMetadata(...args: unknown[]): GasSpreadsheet {
    this.record('addDeveloperMetadata');
    const { key, value, visibility } = metadataArguments(args);
    this.metadata.push({ id: this.newMetadataId(), key, value, visibility, location: { type: 'SPREADSHEET' } });
    return this as unknown as GasSpreadsheet;
  }

  /** The metadata attached to the spreadsheet itself (not to its sheets, rows or columns). */
  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    this.record('getDeveloperMetadata');
    return this.metadata
      .filter((e) => e.location.type === 'SPREADSHEET')
      .map((e) => new EmuDeveloperMetadata(this, e) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadata);
  }

  /** Finds metadata anywhere in the spreadsheet. */
  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    this.record('createDeveloperMetadataFinder');
    return new EmuDeveloperMetadataFinder(
      this,
      () => true,
    ) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    this.record('getProtections');
    const name = enumName(type ?? ProtectionType.SHEET);
    return this.sheets.flatMap((s) =>
      s.protections.filter((p) => p.type === name),
    ) as unknown as GoogleAppsScript.Spreadsheet.Protection[];
  }

  /** `toast(msg[, title[, timeoutSeconds]])`, recorded in `ui.toasts`. */
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.record('toast');
    this.ui.toasts.push({
      message: String(msg),
      title: title === undefined ? '' : String(title),
      timeoutSeconds: timeoutSeconds ?? 5,
    });
  }

  /** A new metadata id (unique in the spreadsheet). */
  newMetadataId(): number {
    return this.nextMetadataId++;
  }

  /** A new chart id (unique in the spreadsheet). */
  newChartId(): number {
    return 1_000_000 + this.nextChartId++;
  }

  /** Cells of all sheets (for the 10 million cell limit). */
  cellCount(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
  }
}
