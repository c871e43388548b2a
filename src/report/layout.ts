/**
 * The report sheet laid out in memory: cell values with their formats, charts with the data block
 * each reads, heatmap ranges and column widths. The writer turns it into a few block calls, so the
 * number of spreadsheet calls never depends on the data.
 */

/** A day number to be written as a date, or an instant to be written as a date-time. */
export type LayoutDate = { day: number } | { instant: number };

/**
 * A native formula of the report itself (a `SPARKLINE` of its own cells): written as a formula by
 * its own path, never built from user data (which is always text).
 */
export type LayoutFormula = { formula: string };

/** What one cell holds. Strings are always written as text (never parsed as formulas). */
export type LayoutValue = string | number | boolean | null | LayoutDate | LayoutFormula;

/** One cell and its look. */
export interface LayoutCell {
  value: LayoutValue;
  format?: string;
  bold?: boolean;
  italic?: boolean;
  background?: string;
  color?: string;
  size?: number;
  /** Horizontal alignment; Sheets' default puts text left and numbers right. */
  align?: 'left' | 'center' | 'right';
}

/** A 1-based rectangle of the sheet. */
export interface LayoutRect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** Chart types the report draws. */
export type LayoutChartKind = 'column' | 'bar' | 'line' | 'pie' | 'scatter' | 'combo';

/** How one series of a chart is drawn (Google Charts' `series.N` options). */
export interface LayoutSeries {
  /** In a combo chart: bars (the default) or a line. */
  type?: 'bars' | 'line';
  /** Value axis: 0 on the left (default), 1 on the right. */
  axis?: 0 | 1;
  color?: string;
  lineWidth?: number;
  pointSize?: number;
  /** Left out of the legend (a reference line). */
  hideInLegend?: boolean;
}

/** A value or category axis (Google Charts' `vAxes.N` / `hAxis`). */
export interface LayoutAxis {
  title?: string;
  /** `percent`, or a number pattern. */
  format?: string;
  min?: number;
  max?: number;
  /** Number of gridlines (so that 0 falls on one). */
  gridlines?: number;
}

/** A native chart fed from a data block of the sheet. */
export interface LayoutChart {
  id: string;
  kind: LayoutChartKind;
  title: string;
  data: LayoutRect;
  stacked?: boolean;
  anchor: { row: number; column: number };
  colors?: string[];
  /** Series options by index (0 = the first column after the domain). */
  series?: Record<number, LayoutSeries>;
  hAxis?: LayoutAxis;
  /** Value axes: [left, right]. */
  vAxes?: LayoutAxis[];
  legend?: 'bottom' | 'none';
  /** Size in pixels (default: Sheets' 600 × 371). */
  width?: number;
  height?: number;
}

/** Colours of the report (Google's add-on palette). */
export const COLORS = {
  title: '#1a73e8',
  header: '#e8f0fe',
  section: '#f1f3f4',
  muted: '#5f6368',
  good: '#188038',
  bad: '#d93025',
  promoter: '#34a853',
  passive: '#fbbc04',
  detractor: '#ea4335',
  heatLow: '#fce8e6',
  heatMid: '#fef7e0',
  heatHigh: '#34a853',
  card: '#f8f9fa',
  neutral: '#5f6368',
  attention: '#f29900',
  line: '#1a73e8',
  reference: '#9aa0a6',
} as const;

/** Column letters of a 1-based column: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** A sheet being laid out: cells placed anywhere, the used area grows as needed. */
export class SheetLayout {
  private readonly grid: (LayoutCell | undefined)[][] = [];
  readonly charts: LayoutChart[] = [];
  readonly heatmaps: LayoutRect[] = [];
  readonly columnWidths = new Map<number, number>();
  /** Heights of rows that hold large text (the summary band's values), in pixels. */
  readonly rowHeights = new Map<number, number>();
  frozenRows = 0;

  /** Rows used. */
  get height(): number {
    return this.grid.length;
  }

  /** Columns used. */
  get width(): number {
    return this.grid.reduce((w, row) => Math.max(w, row.length), 0);
  }

  set(row: number, column: number, cell: LayoutCell | LayoutValue): void {
    this.line(row)[column - 1] = isCell(cell) ? cell : { value: cell };
  }

  /** The cells of a row (1-based), the grid grown down to it. */
  private line(row: number): (LayoutCell | undefined)[] {
    while (this.grid.length < row) this.grid.push([]);
    return this.grid[row - 1];
  }

  get(row: number, column: number): LayoutCell | undefined {
    return this.grid[row - 1]?.[column - 1];
  }

  /**
   * Writes a table with a bold header row at (row, column): `formats[c]` applies to column c of
   * the body. Returns the rectangle it covers (header included).
   */
  table(
    row: number,
    column: number,
    headers: string[],
    body: LayoutValue[][],
    formats: (string | undefined)[] = [],
  ): LayoutRect {
    headers.forEach((h, c) => this.set(row, column + c, { value: h, bold: true, background: COLORS.header }));
    // What `set` does for each cell, its line looked up once per row (a table can have many thousands).
    body.forEach((values, r) => {
      if (!values.length) return;
      const line = this.line(row + 1 + r);
      values.forEach((value, c) => {
        line[column - 1 + c] = { value, format: formats[c] };
      });
    });
    return { row, column, numRows: body.length + 1, numColumns: headers.length };
  }

  /** The rows × columns grid of cells, `undefined` where nothing was placed. */
  cells(): (LayoutCell | undefined)[][] {
    const width = this.width;
    return this.grid.map((line) => {
      const full: (LayoutCell | undefined)[] = new Array(width);
      for (let c = 0; c < width; c++) full[c] = line[c];
      return full;
    });
  }
}

function isCell(value: LayoutCell | LayoutValue): value is LayoutCell {
  return typeof value === 'object' && value !== null && 'value' in value;
}
