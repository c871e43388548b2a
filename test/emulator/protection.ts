/**
 * `Protection` as Apps Script documents it: `Sheet.protect()` (type SHEET) or `Range.protect()`
 * (type RANGE); a protection can be warning-only (editors are warned, not blocked), has a
 * description, and is removed with `remove()`. The emulator does not enforce protections.
 */
import type { ServiceCalls } from './calls';
import { ProtectionType, asEnum } from './enums';
import type { EmuRange } from './range';
import type { EmuSheet } from './sheet';

type GasProtection = GoogleAppsScript.Spreadsheet.Protection;

/** A protection on a sheet or a range. */
export class EmuProtection
  implements
    Pick<
      GasProtection,
      | 'getProtectionType'
      | 'getRange'
      | 'setRange'
      | 'getDescription'
      | 'setDescription'
      | 'isWarningOnly'
      | 'setWarningOnly'
      | 'canEdit'
      | 'canDomainEdit'
      | 'getEditors'
      | 'remove'
    >
{
  description = '';
  warningOnly = false;

  constructor(
    private readonly calls: ServiceCalls,
    readonly sheet: EmuSheet,
    readonly type: 'SHEET' | 'RANGE',
    public range: EmuRange,
  ) {}

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    this.calls.record('Protection.getProtectionType');
    return asEnum(ProtectionType, this.type);
  }

  getRange(): GoogleAppsScript.Spreadsheet.Range {
    this.calls.record('Protection.getRange');
    return this.range as unknown as GoogleAppsScript.Spreadsheet.Range;
  }

  setRange(range: GoogleAppsScript.Spreadsheet.Range): GasProtection {
    this.calls.record('Protection.setRange');
    this.range = range as unknown as EmuRange;
    return this as unknown as GasProtection;
  }

  getDescription(): string {
    this.calls.record('Protection.getDescription');
    return this.description;
  }

  setDescription(description: string): GasProtection {
    this.calls.record('Protection.setDescription');
    this.description = String(description);
    return this as unknown as GasProtection;
  }

  isWarningOnly(): boolean {
    this.calls.record('Protection.isWarningOnly');
    return this.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): GasProtection {
    this.calls.record('Protection.setWarningOnly');
    this.warningOnly = Boolean(warningOnly);
    return this as unknown as GasProtection;
  }

  /** The script's user owns the emulated spreadsheet, so can always edit. */
  canEdit(): boolean {
    this.calls.record('Protection.canEdit');
    return true;
  }

  canDomainEdit(): boolean {
    this.calls.record('Protection.canDomainEdit');
    return !this.warningOnly;
  }

  getEditors(): GoogleAppsScript.Base.User[] {
    this.calls.record('Protection.getEditors');
    return [];
  }

  remove(): void {
    this.calls.record('Protection.remove');
    const list = this.sheet.protections;
    const at = list.indexOf(this);
    if (at >= 0) list.splice(at, 1);
  }

  /** Plain description for fingerprints and renderings. */
  spec(): Record<string, unknown> {
    return { type: this.type, range: this.range.a1(), description: this.description, warningOnly: this.warningOnly };
  }
}
