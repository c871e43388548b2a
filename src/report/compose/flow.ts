/**
 * The cursor that lays a sheet out top to bottom, and the grid the report keeps to: eight columns
 * of equal width, so the summary band's four cards, the two charts of each row and the tables all
 * line up, and a laptop screen shows the whole width without scrolling.
 */
import type { ReportLabels } from '../labels';
import { COLORS, type LayoutRect, type LayoutValue, type SheetLayout } from '../layout';
import type { Formats } from '../formats';

/** Columns of the report's grid, and their width in pixels. */
export const GRID_COLUMNS = 8;
export const GRID_COLUMN_WIDTH = 150;

/** Places blocks one below the other. */
export class Flow {
  row = 1;

  constructor(
    readonly layout: SheetLayout,
    readonly labels: ReportLabels,
    readonly formats: Formats,
    /** The spreadsheet's locale, for numbers inside sentences. */
    readonly locale: string,
  ) {}

  skip(rows = 1): void {
    this.row += rows;
  }

  /** A section bar across the grid. */
  section(title: string): void {
    this.skip();
    for (let c = 1; c <= GRID_COLUMNS; c++)
      this.layout.set(this.row, c, { value: c === 1 ? title : null, bold: true, size: 12, background: COLORS.section });
    this.row += 2;
  }

  subtitle(title: string): void {
    this.layout.set(this.row, 1, { value: title, bold: true, color: COLORS.title });
    this.row++;
  }

  note(text: string, color: string = COLORS.muted): void {
    this.layout.set(this.row, 1, { value: text, italic: true, color });
    this.row++;
  }

  table(headers: string[], body: LayoutValue[][], formats: (string | undefined)[] = [], column = 1): LayoutRect {
    const rect = this.layout.table(this.row, column, headers, body, formats);
    this.row += rect.numRows;
    return rect;
  }
}
