/**
 * An emulated workbook: one spreadsheet plus the state behind the other services (properties,
 * locks, UI), and the Apps Script globals (`SpreadsheetApp`, `Session`, `Utilities`, `Logger`,
 * `PropertiesService`, `LockService`, `HtmlService`, `ScriptApp`, `Charts`) that see it. Test
 * controls: `failOn` (a call fails part-way), `lockHeldElsewhere`, `authMode`, `fingerprint`.
 */
import { randomUUID } from 'node:crypto';
import { columnLetters, quoteSheetName } from './a1';
import { ServiceCalls } from './calls';
import { chartsService } from './charts';
import { EmuConditionalFormatRuleBuilder } from './conditional-format';
import { formatDate } from './dates';
import {
  AuthMode,
  BooleanCriteria,
  BorderStyle,
  ColorType,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  InterpolationType,
  ProtectionType,
  WrapStrategy,
} from './enums';
import type { EmuValue } from './entry';
import { fingerprintSheet } from './fingerprint';
import { type ErrorArguments, evaluateCustomFunction, type FormulaResult } from './formula';
import { blobUtilities } from './blob';
import { htmlService } from './html';
import { intlWith, type IntlBehaviour } from './intl';
import { DIST, type AppsScriptGlobals } from './loader';
import { freeLock, lockService, type LockStates } from './lock';
import { propertiesService, propertyStores, type PropertyStores } from './properties';
import type { EmuSheet } from './sheet';
import { EmuSpreadsheet, type SeedGrid } from './spreadsheet';
import { EmuUi, type UiRecord } from './ui';

/** Authorisation modes a test can run the add-on under (`ScriptApp.AuthMode`). */
export type AuthModeName = 'NONE' | 'CUSTOM_FUNCTION' | 'LIMITED' | 'FULL';

/** What a new emulated workbook looks like. */
export interface WorkbookOptions {
  /** Spreadsheet time zone (File ▸ Settings). Tests default to a zone unlike the host's. */
  timeZone?: string;
  /** Spreadsheet locale, e.g. `en_US` or `es_ES`. */
  locale?: string;
  /** Sheets to create, in order: name → rows (row 1 usually the headers), stored as given. */
  sheets?: Record<string, SeedGrid>;
  /** The user's language (`Session.getActiveUserLocale`, e.g. `es`), default the spreadsheet's language. */
  userLocale?: string;
  /** Spreadsheet name (`getName`). */
  name?: string;
  /** Name of the add-on menu (`createAddonMenu`). */
  addOnName?: string;
  /** Authorisation mode of the execution (default FULL). */
  authMode?: AuthModeName;
  /** Folder `HtmlService.createHtmlOutputFromFile` reads, default dist/. */
  htmlFolder?: string;
  /** How the runtime's `Intl` behaves (undocumented for Apps Script; see intl.ts). Default `standard`. */
  intl?: IntlBehaviour;
  /**
   * Whether the script is bound to the spreadsheet (default true). Outside a container
   * `LockService.getDocumentLock()` returns `null`, as Google documents.
   */
  containerBound?: boolean;
  /** What a custom function gets for a referenced error value (undocumented; see formula.ts). Default `asText`. */
  errorArguments?: ErrorArguments;
  /** Whether getValues types follow the number format (default) or the value as entered. */
  valueTypes?: 'byFormat' | 'asEntered';
}

/** The default spreadsheet zone of tests: far from UTC and from Pacific/Auckland, with DST. */
export const TEST_SPREADSHEET_ZONE = 'America/Los_Angeles';

/** Calls allowed in AuthMode.NONE (an add-on's `onOpen` before authorisation: menus only). */
const ALLOWED_WITHOUT_AUTH = /^(SpreadsheetApp\.getUi|Ui\.|Menu\.|Session\.getActiveUserLocale|Logger\.)/;
/**
 * Calls a custom function may make: Google's list of services for custom functions ("Using Apps
 * Script services": Cache, HTML, JDBC, Language, Lock, Maps, Properties, Spreadsheet read-only,
 * URL Fetch, Utilities, XML), of which the emulator has Spreadsheet (get methods only: no `set…`,
 * no UI, no other spreadsheets), Properties reads, Lock, Utilities and Logger. Session, Charts,
 * HtmlService's display and writes of any kind are refused.
 */
const ALLOWED_IN_CUSTOM_FUNCTION =
  /^(SpreadsheetApp\.(getActiveSpreadsheet|getActive|getActiveSheet)$|(Spreadsheet|Sheet|Range|RangeList)\.(get|is|has)(?!Ui$)|PropertiesService\.|Properties\.get|LockService\.|Lock\.|Utilities\.|Logger\.)/;

/** An emulated workbook with its services. */
export class Workbook {
  readonly calls = new ServiceCalls();
  readonly spreadsheet: EmuSpreadsheet;
  readonly userLocale: string;
  readonly properties: PropertyStores;
  readonly locks: LockStates = { document: freeLock(), script: freeLock(), user: freeLock() };
  authMode: AuthModeName;
  readonly intl: IntlBehaviour;
  readonly containerBound: boolean;
  readonly errorArguments: ErrorArguments;
  private readonly addOnName: string;
  private readonly htmlFolder: string;

  constructor(options: WorkbookOptions = {}) {
    const locale = options.locale ?? 'en_US';
    this.spreadsheet = new EmuSpreadsheet(this.calls, options.timeZone ?? TEST_SPREADSHEET_ZONE, locale, options.name);
    this.userLocale = options.userLocale ?? locale.slice(0, 2);
    this.properties = propertyStores(this.calls);
    this.authMode = options.authMode ?? 'FULL';
    this.intl = options.intl ?? 'standard';
    this.containerBound = options.containerBound ?? true;
    this.errorArguments = options.errorArguments ?? 'asText';
    this.spreadsheet.valueTypes = options.valueTypes ?? 'byFormat';
    this.addOnName = options.addOnName ?? 'Fideliza';
    this.htmlFolder = options.htmlFolder ?? DIST;
    this.calls.guard = (method) => {
      const denied =
        (this.authMode === 'NONE' && !ALLOWED_WITHOUT_AUTH.test(method)) ||
        (this.authMode === 'CUSTOM_FUNCTION' && !ALLOWED_IN_CUSTOM_FUNCTION.test(method));
      if (denied)
        throw new Error(
          `You do not have permission to call ${method.replace(/^(Spreadsheet|Sheet|Range)\./, 'SpreadsheetApp.$1.')}.`,
        );
    };
    for (const [name, rows] of Object.entries(options.sheets ?? {})) this.addSheet(name, rows);
    this.calls.reset();
  }

  /** Toasts, menus, sidebars, dialogs and alerts the script showed; queue `alertAnswers` here. */
  get ui(): UiRecord {
    return this.spreadsheet.ui;
  }

  /** Whether another execution holds the document lock (tryLock fails, waitLock times out). */
  get lockHeldElsewhere(): boolean {
    return this.locks.document.heldElsewhere;
  }

  set lockHeldElsewhere(held: boolean) {
    this.locks.document.heldElsewhere = held;
  }

  /**
   * Adds a sheet filled with values (uncounted: this is test set-up, not the add-on's doing).
   * Values are stored as given; with `asEntered` they are read as typed text (`'=1+1'` a formula,
   * `'42'` a number, …) the way `setValues` reads them.
   */
  addSheet(name: string, rows: SeedGrid, options: { asEntered?: boolean } = {}): EmuSheet {
    const guard = this.calls.guard;
    this.calls.guard = undefined;
    try {
      const sheet = this.spreadsheet.insertSheet(name) as unknown as EmuSheet;
      const width = rows.reduce((w, row) => Math.max(w, row.length), 0);
      if (rows.length && width) {
        const padded = rows.map((row) =>
          Array.from({ length: width }, (_, c) => (row[c] === null || row[c] === undefined ? '' : row[c]) as EmuValue),
        );
        sheet.ensureSize(rows.length, width);
        const range = sheet.rangeOf(`A1:${columnLetters(width)}${rows.length}`);
        if (options.asEntered) range.enterValues(padded);
        else range.writeValues(padded);
      }
      return sheet;
    } finally {
      this.calls.guard = guard;
      this.calls.reset();
    }
  }

  /** A sheet by name, for assertions. */
  sheet(name: string): EmuSheet {
    const sheet = this.spreadsheet.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet named ${name}`);
    return sheet;
  }

  /** Names of the sheets in tab order. */
  sheetNames(): string[] {
    return this.spreadsheet.sheets.map((s) => s.name);
  }

  /**
   * What Sheets passes to a custom function for a reference such as `Surveys!B2:B9`: a plain value
   * for one cell, a 2-D array for a range.
   */
  arg(a1: string): EmuValue | EmuValue[][] {
    const bang = a1.lastIndexOf('!');
    const sheet =
      bang >= 0
        ? this.sheet(
            a1
              .slice(0, bang)
              .replace(/^'(.*)'$/, '$1')
              .replace(/''/g, "'"),
          )
        : this.spreadsheet.sheets[0];
    const range = sheet.rangeOf(bang >= 0 ? a1.slice(bang + 1) : a1);
    const values = range.readValues();
    return range.rect.numRows === 1 && range.rect.numColumns === 1 ? values[0][0] : values;
  }

  /**
   * What a cell with `formula` (`=NPS(B2:B9)`) shows, computed with the bundle's `globals` in
   * `AuthMode.CUSTOM_FUNCTION`, as Sheets runs a custom function.
   */
  evaluate(formula: string, globals: Record<string, unknown>, onSheet?: EmuSheet): FormulaResult {
    const mode = this.authMode;
    this.authMode = 'CUSTOM_FUNCTION';
    const read = (a1: string) => this.arg(a1.includes('!') || !onSheet ? a1 : `${quoteSheetName(onSheet.name)}!${a1}`);
    try {
      return evaluateCustomFunction(formula, globals, read, this.errorArguments);
    } finally {
      this.authMode = mode;
    }
  }

  /**
   * Computes every cell whose formula calls one of the bundle's custom functions, as Sheets does
   * after an edit, and stores what the cell shows: the result (a table's top-left value), the error
   * (`#N/A`, `#ERROR!`) or `Loading...`.
   */
  recalculate(globals: Record<string, unknown>): void {
    for (const sheet of this.spreadsheet.sheets)
      for (const line of sheet.grid)
        for (const cell of line ?? []) {
          const name = cell?.formula && /^=\s*([A-Za-z_][\w.]*)\s*\(/.exec(cell.formula)?.[1].toUpperCase();
          if (!name || typeof globals[name] !== 'function') continue;
          const result = this.evaluate(cell.formula!, globals, sheet);
          const value =
            result.kind === 'loading' ? 'Loading...' : result.kind === 'error' ? result.error : result.value;
          cell.value = (Array.isArray(value) ? (value[0]?.[0] ?? '') : value) as EmuValue;
        }
  }

  /** Makes the call of `method` (e.g. `Range.setBackgrounds`) after `afterCalls` successful ones throw, once. */
  failOn(method: string, afterCalls = 0, message?: string): void {
    this.calls.failOn(method, afterCalls, message);
  }

  /** SHA-256 of a sheet's whole state (values, formulas, formats, metadata, charts, rules, …). */
  fingerprint(sheetName: string): string {
    return fingerprintSheet(this.sheet(sheetName));
  }

  /** Fingerprints of every sheet, by name. */
  fingerprints(): Record<string, string> {
    return Object.fromEntries(this.spreadsheet.sheets.map((s) => [s.name, fingerprintSheet(s)]));
  }

  /** The recorded chart specs of a sheet. */
  chartSpecs(sheetName: string): ReturnType<EmuSheet['chartSpecs']> {
    return this.sheet(sheetName).chartSpecs();
  }

  /** The Apps Script globals that see this workbook. */
  globals(): AppsScriptGlobals {
    const { calls, spreadsheet, userLocale } = this;
    const counted =
      <T>(method: string, result: () => T) =>
      () => {
        calls.record(method);
        return result();
      };
    return {
      SpreadsheetApp: {
        getActiveSpreadsheet: counted('SpreadsheetApp.getActiveSpreadsheet', () => spreadsheet),
        getActive: counted('SpreadsheetApp.getActive', () => spreadsheet),
        getActiveSheet: counted('SpreadsheetApp.getActiveSheet', () => spreadsheet.active()),
        getUi: counted('SpreadsheetApp.getUi', () => new EmuUi(calls, spreadsheet.ui, this.addOnName)),
        flush: counted('SpreadsheetApp.flush', () => undefined),
        newConditionalFormatRule: counted(
          'SpreadsheetApp.newConditionalFormatRule',
          () => new EmuConditionalFormatRuleBuilder(calls),
        ),
        InterpolationType,
        DeveloperMetadataVisibility,
        DeveloperMetadataLocationType,
        ProtectionType,
        BooleanCriteria,
        BorderStyle,
        WrapStrategy,
        ColorType,
      },
      Session: {
        getActiveUserLocale: counted('Session.getActiveUserLocale', () => userLocale),
        getScriptTimeZone: counted('Session.getScriptTimeZone', () => 'Europe/Madrid'),
        getTimeZone: counted('Session.getTimeZone', () => 'Europe/Madrid'),
        getActiveUser: counted('Session.getActiveUser', () => ({ getEmail: () => 'user@example.com' })),
        getEffectiveUser: counted('Session.getEffectiveUser', () => ({ getEmail: () => 'user@example.com' })),
        getTemporaryActiveUserKey: counted('Session.getTemporaryActiveUserKey', () => 'emulated-user-key'),
      },
      Utilities: {
        formatDate: (date: Date, timeZone: string, format: string) => {
          calls.record('Utilities.formatDate');
          return formatDate(date, timeZone, format);
        },
        getUuid: counted('Utilities.getUuid', () => randomUUID()),
        sleep: (_milliseconds: number) => calls.record('Utilities.sleep'),
        ...blobUtilities(calls),
      },
      PropertiesService: propertiesService(calls, this.properties),
      LockService: lockService(calls, this.locks, this.containerBound),
      HtmlService: htmlService(calls, this.htmlFolder),
      ScriptApp: { AuthMode, getScriptId: counted('ScriptApp.getScriptId', () => 'emulated-script-1') },
      Charts: chartsService(calls),
      Logger: { log: () => undefined },
      console,
      Intl: intlWith(this.intl),
    };
  }
}
