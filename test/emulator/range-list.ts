/**
 * `RangeList` as Apps Script documents it (`Sheet.getRangeList(a1Notations)`): ranges of one sheet
 * set together in one call. Only what the add-on uses: `getRanges` and `setNumberFormat`.
 */
import { parseA1 } from './a1';
import type { EmuRange } from './range';
import type { EmuSheet } from './sheet';

type GasRangeList = GoogleAppsScript.Spreadsheet.RangeList;

export class EmuRangeList implements Pick<GasRangeList, 'getRanges' | 'setNumberFormat'> {
  private readonly ranges: EmuRange[];

  constructor(
    private readonly sheet: EmuSheet,
    a1Notations: string[],
  ) {
    this.ranges = a1Notations.map((a1) => sheet.checkedRange(parseA1(a1, sheet.maxRows, sheet.maxColumns)));
  }

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    this.sheet.spreadsheet.calls.record('RangeList.getRanges');
    return this.ranges as unknown as GoogleAppsScript.Spreadsheet.Range[];
  }

  setNumberFormat(format: string): GasRangeList {
    this.sheet.spreadsheet.calls.record('RangeList.setNumberFormat');
    for (const range of this.ranges)
      range.fill((cell) => {
        cell.numberFormat = String(format);
      });
    return this as unknown as GasRangeList;
  }
}
