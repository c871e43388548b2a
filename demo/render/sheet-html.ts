/**
 * A faithful, self-contained HTML rendering of one emulated sheet, as Google Sheets shows it:
 *
 * - The grid with Sheets' row numbers and column letters, column widths and row heights from the
 *   sheet (defaults 100 × 21 px; an auto-resized column fits its widest text; a row without a set
 *   height grows to its largest font and to wrapped text), gridlines (unless hidden) and the thick
 *   divider under frozen rows / right of frozen columns.
 * - Each cell's DISPLAY text: its value with its number format in the spreadsheet locale and zone
 *   (the emulator's `displayValue`), font weight, style, colour, size and family, background,
 *   borders, alignment (numbers and dates right, booleans centred, text left unless set), wrap.
 *   Unwrapped text overflows into empty neighbouring cells (right for left-aligned text, left for
 *   right-aligned, both ways for centred) and is clipped by the first cell that holds something.
 *   A formula cell (the emulator does not evaluate formulas) shows its formula, outlined in red —
 *   except `=SPARKLINE(…)`, drawn inside its cell from the cells it reads (`sparkline.ts`; a
 *   reference to another sheet of the workbook is read there), never as its text or `#FORMULA`.
 * - Conditional formats (colour scales interpolated per cell; boolean rules) over the cell format.
 * - Each embedded chart drawn as inline SVG from its recorded spec, placed at its anchor cell plus
 *   offsets.
 *
 * Every text is escaped: names from user data such as `<script>` or `=HYPERLINK(...)` show
 * literally. The page loads nothing external and runs no script.
 */
import { columnLetters, type EmuCell, parseA1, splitSheetReference } from '../../test/emulator';
import {
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  displayValue,
  type EmuSheet,
  type EmuValue,
  isDate,
  type Workbook,
} from '../../test/emulator';
import { chartSvg, type ChartContext } from './chart-svg';
import { conditionalStyles, type ConditionalStyle } from './conditional';
import { parseSparkline, type ReferenceReader, type SparklineCall, sparklineSvg } from './sparkline';
import { escapeHtml, ptToPx, textWidth, wrapText } from './text';

/** Width of Sheets' row-number column and height of its column-letter row, in pixels. */
const ROW_HEADER_WIDTH = 46;
const COLUMN_HEADER_HEIGHT = 24;
/** Horizontal padding Sheets leaves inside a cell, in pixels. */
const CELL_PADDING = 3;
const DEFAULT_FONT_PT = 10;
const GRIDLINE = '#e2e3e3';

function fontStack(family: string | undefined): string {
  const first = family && family !== 'Arial' ? `"${family.replace(/["\\<>]/g, '')}", ` : '';
  return `${first}Arial, "Liberation Sans", "DejaVu Sans Condensed", "DejaVu Sans", sans-serif`;
}

/** What one cell shows and how. */
interface CellView {
  row: number;
  column: number;
  text: string;
  align: 'left' | 'center' | 'right';
  overflows: boolean;
  style: string;
  formula?: string;
  sparkline?: SparklineCall;
}

function isEmpty(cell: EmuCell | undefined): boolean {
  return !cell || (cell.value === '' && !cell.formula);
}

function horizontal(cell: EmuCell): 'left' | 'center' | 'right' {
  const set = (cell.horizontalAlignment ?? '').toLowerCase();
  if (set.includes('left')) return 'left';
  if (set.includes('right')) return 'right';
  if (set.includes('center')) return 'center';
  if (cell.formula) return 'left';
  if (typeof cell.value === 'number' || isDate(cell.value)) return 'right';
  if (typeof cell.value === 'boolean') return 'center';
  return 'left';
}

/** The SPARKLINE call of a cell, if its formula is one. */
function sparklineOf(cell: EmuCell | undefined): SparklineCall | null {
  return cell?.formula ? parseSparkline(cell.formula) : null;
}

/**
 * The text a cell shows in the spreadsheet locale and zone (a formula cell shows its formula; a
 * SPARKLINE cell shows no text: it is drawn).
 * @param cell the emulated cell.
 * @param locale spreadsheet locale, e.g. `es_ES`.
 * @param timeZone spreadsheet zone.
 * @return the display text.
 */
export function cellText(cell: EmuCell | undefined, locale: string, timeZone: string): string {
  if (!cell) return '';
  if (sparklineOf(cell)) return '';
  if (cell.formula) return cell.formula;
  return displayValue(cell.value, cell.numberFormat, locale, timeZone);
}

/** Sizes of the rendered rows and columns, and what the rendering covers. */
interface Geometry {
  rows: number;
  columns: number;
  widths: number[];
  heights: number[];
  left: number[];
  top: number[];
}

function columnWidth(sheet: EmuSheet, column: number, locale: string, timeZone: string): number {
  const set = sheet.columnWidths.get(column);
  if (typeof set === 'number') return set;
  if (set !== 'auto') return DEFAULT_COLUMN_WIDTH;
  let widest = 0;
  sheet.grid.forEach((line) => {
    const cell = line?.[column - 1];
    if (!cell || isEmpty(cell)) return;
    widest = Math.max(
      widest,
      textWidth(cellText(cell, locale, timeZone), ptToPx(cell.fontSize ?? DEFAULT_FONT_PT), cell.fontWeight === 'bold'),
    );
  });
  return Math.max(20, Math.ceil(widest + 2 * CELL_PADDING + 4));
}

function rowHeight(sheet: EmuSheet, row: number, widths: number[], locale: string, timeZone: string): number {
  const set = sheet.rowHeights.get(row);
  if (set !== undefined) return set;
  let height = DEFAULT_ROW_HEIGHT;
  sheet.grid[row - 1]?.forEach((cell, c) => {
    if (!cell) return;
    const px = ptToPx(cell.fontSize ?? DEFAULT_FONT_PT);
    const lineHeight = Math.ceil(px * 1.25);
    let lines = 1;
    if (cell.wrap && !isEmpty(cell))
      lines = wrapText(
        cellText(cell, locale, timeZone),
        (widths[c] ?? DEFAULT_COLUMN_WIDTH) - 2 * CELL_PADDING,
        px,
      ).length;
    height = Math.max(height, lines * lineHeight + 4);
  });
  return height;
}

function geometry(sheet: EmuSheet, locale: string, timeZone: string): Geometry {
  let rows = 0;
  let columns = 0;
  sheet.grid.forEach((line, r) =>
    line?.forEach((cell, c) => {
      if (!cell || (isEmpty(cell) && !cell.background && !cell.border)) return;
      rows = Math.max(rows, r + 1);
      columns = Math.max(columns, c + 1);
    }),
  );
  for (const m of sheet.merges) {
    rows = Math.max(rows, m.row + m.numRows - 1);
    columns = Math.max(columns, m.column + m.numColumns - 1);
  }
  const widths: number[] = [];
  const widthOf = (c: number) => (widths[c - 1] ??= columnWidth(sheet, c, locale, timeZone));
  const heights: number[] = [];
  // Charts extend the area: find the last row and column each one covers.
  for (const chart of sheet.charts) {
    const w = typeof chart.options.width === 'number' ? chart.options.width : 600;
    const h = typeof chart.options.height === 'number' ? chart.options.height : 371;
    let c = chart.position.anchorColumn;
    for (let x = chart.position.offsetX + w; x > 0; c++) x -= widthOf(c);
    let r = chart.position.anchorRow;
    for (let y = chart.position.offsetY + h; y > 0; r++) y -= sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT;
    columns = Math.max(columns, c - 1);
    rows = Math.max(rows, r - 1);
  }
  rows = Math.min(sheet.maxRows, Math.max(rows + 1, sheet.frozenRows, 1));
  columns = Math.min(sheet.maxColumns, Math.max(columns + 1, sheet.frozenColumns, 1));
  for (let c = 1; c <= columns; c++) widthOf(c);
  widths.length = columns;
  for (let r = 1; r <= rows; r++) heights.push(rowHeight(sheet, r, widths, locale, timeZone));
  const left = [ROW_HEADER_WIDTH];
  widths.forEach((w, i) => left.push(left[i] + w));
  const top = [COLUMN_HEADER_HEIGHT];
  heights.forEach((h, i) => top.push(top[i] + h));
  return { rows, columns, widths, heights, left, top };
}

function cellStyle(cell: EmuCell, conditional: ConditionalStyle | undefined): string {
  const parts: string[] = [];
  const bold = conditional?.bold ?? cell.fontWeight === 'bold';
  const italic = conditional?.italic ?? cell.fontStyle === 'italic';
  const color = conditional?.fontColor ?? cell.fontColor;
  if (bold) parts.push('font-weight:bold');
  if (italic) parts.push('font-style:italic');
  if (color) parts.push(`color:${escapeHtml(color)}`);
  if (cell.fontSize && cell.fontSize !== DEFAULT_FONT_PT) parts.push(`font-size:${cell.fontSize}pt`);
  if (cell.fontFamily) parts.push(`font-family:${escapeHtml(fontStack(cell.fontFamily))}`);
  const lines = [conditional?.underline ? 'underline' : '', conditional?.strikethrough ? 'line-through' : ''].filter(
    Boolean,
  );
  if (lines.length) parts.push(`text-decoration:${lines.join(' ')}`);
  return parts.join(';');
}

function verticalAlign(cell: EmuCell): string {
  const v = (cell.verticalAlignment ?? 'bottom').toLowerCase();
  return v === 'top' ? 'flex-start' : v === 'middle' || v === 'center' ? 'center' : 'flex-end';
}

function borderCss(cell: EmuCell): string {
  const side = (name: 'top' | 'bottom' | 'left' | 'right') => {
    const b = cell.border?.[name];
    if (!b) return '';
    const style = /DOUBLE/.test(b.style)
      ? 'double'
      : /DOTTED/.test(b.style)
        ? 'dotted'
        : /DASHED/.test(b.style)
          ? 'dashed'
          : 'solid';
    const width = /THICK/.test(b.style) || /DOUBLE/.test(b.style) ? 3 : /MEDIUM/.test(b.style) ? 2 : 1;
    return `border-${name}:${width}px ${style} ${escapeHtml(b.color)};`;
  };
  return side('top') + side('bottom') + side('left') + side('right');
}

/**
 * Reads a reference of a formula in a sheet: `B2:N2` on that sheet, `'Other sheet'!B2:N2` on another
 * sheet of the workbook (names match regardless of case, as in Sheets), as stored values.
 */
function referenceReader(sheets: EmuSheet[], from: EmuSheet): ReferenceReader {
  return (reference) => {
    const { sheetName, a1 } = splitSheetReference(reference);
    const target =
      sheetName === undefined ? from : sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
    if (!target) return null;
    try {
      const rect = parseA1(a1, target.maxRows, target.maxColumns);
      const rows: EmuValue[][] = [];
      for (let r = rect.row; r < rect.row + rect.numRows; r++) {
        const line: EmuValue[] = [];
        for (let c = rect.column; c < rect.column + rect.numColumns; c++) line.push(target.cell(r, c)?.value ?? '');
        rows.push(line);
      }
      return rows;
    } catch {
      return null;
    }
  };
}

/**
 * Renders a sheet of an emulated workbook as a standalone HTML page.
 * @param workbook the emulated workbook (read directly: rendering counts no service call).
 * @param sheetName the sheet to draw, e.g. the report's `result.sheetName`.
 * @return the HTML document.
 * @throws Error when the workbook has no sheet of that name.
 * @example renderSheetHtml(run.workbook, run.result.sheetName) // '<!DOCTYPE html>…'
 */
export function renderSheetHtml(workbook: Workbook, sheetName: string): string {
  const spreadsheet = workbook.spreadsheet;
  const sheet = spreadsheet.sheets.find((s) => s.name === sheetName);
  if (!sheet)
    throw new Error(`No sheet named "${sheetName}" (sheets: ${spreadsheet.sheets.map((s) => s.name).join(', ')})`);
  const { locale, timeZone } = spreadsheet;
  const g = geometry(sheet, locale, timeZone);
  const conditional = conditionalStyles(sheet);
  const totalWidth = g.left[g.columns];
  const totalHeight = g.top[g.rows];
  const out: string[] = [];

  // Merged areas: top-left cell → size; covered cells are skipped.
  const mergeAt = new Map<string, { numRows: number; numColumns: number }>();
  const covered = new Set<string>();
  for (const m of sheet.merges) {
    mergeAt.set(`${m.row},${m.column}`, m);
    for (let r = m.row; r < m.row + m.numRows; r++)
      for (let c = m.column; c < m.column + m.numColumns; c++)
        if (r !== m.row || c !== m.column) covered.add(`${r},${c}`);
  }
  const occupied = (r: number, c: number) =>
    !isEmpty(sheet.cell(r, c)) || covered.has(`${r},${c}`) || mergeAt.has(`${r},${c}`);

  // Headers.
  out.push(`<div class="corner" style="width:${ROW_HEADER_WIDTH}px;height:${COLUMN_HEADER_HEIGHT}px"></div>`);
  for (let c = 1; c <= g.columns; c++)
    out.push(
      `<div class="colhead" style="left:${g.left[c - 1]}px;width:${g.widths[c - 1]}px">${columnLetters(c)}</div>`,
    );
  for (let r = 1; r <= g.rows; r++)
    out.push(
      `<div class="rowhead" style="top:${g.top[r - 1]}px;height:${g.heights[r - 1]}px;line-height:${g.heights[r - 1]}px">${r}</div>`,
    );

  // Gridlines.
  if (!sheet.hiddenGridlines) {
    for (let c = 1; c <= g.columns; c++)
      out.push(
        `<div class="vline" style="left:${g.left[c] - 1}px;height:${totalHeight - COLUMN_HEADER_HEIGHT}px"></div>`,
      );
    for (let r = 1; r <= g.rows; r++)
      out.push(`<div class="hline" style="top:${g.top[r] - 1}px;width:${totalWidth - ROW_HEADER_WIDTH}px"></div>`);
  }

  // Backgrounds and borders, then texts.
  const views: CellView[] = [];
  for (let r = 1; r <= g.rows; r++) {
    for (let c = 1; c <= g.columns; c++) {
      const key = `${r},${c}`;
      if (covered.has(key)) continue;
      const cell = sheet.cell(r, c);
      const cond = conditional.get(key);
      const merge = mergeAt.get(key);
      const right = c + (merge?.numColumns ?? 1) - 1;
      const bottom = r + (merge?.numRows ?? 1) - 1;
      const box = `left:${g.left[c - 1]}px;top:${g.top[r - 1]}px;width:${g.left[Math.min(right, g.columns)] - g.left[c - 1]}px;height:${g.top[Math.min(bottom, g.rows)] - g.top[r - 1]}px`;
      const background =
        cond?.background ?? (cell?.background && cell.background !== '#ffffff' ? cell.background : undefined);
      const borders = cell ? borderCss(cell) : '';
      if (background || borders)
        out.push(
          `<div class="fill" data-cell="${columnLetters(c)}${r}" style="${box};${background ? `background:${escapeHtml(background)};` : ''}${borders}"></div>`,
        );
      if (!cell || isEmpty(cell)) continue;
      const sparkline = sparklineOf(cell);
      const text = cellText(cell, locale, timeZone);
      const align = horizontal(cell);
      const overflows = !sparkline && !cell.wrap && !merge && (typeof cell.value === 'string' || Boolean(cell.formula));
      views.push({
        row: r,
        column: c,
        text,
        align,
        overflows,
        style: cellStyle(cell, cond),
        ...(sparkline ? { sparkline } : cell.formula ? { formula: cell.formula } : {}),
      });
    }
  }
  for (const v of views) {
    const cell = sheet.cell(v.row, v.column)!;
    const merge = mergeAt.get(`${v.row},${v.column}`);
    let first = v.column;
    let last = v.column + (merge?.numColumns ?? 1) - 1;
    if (v.overflows) {
      // Left- and right-aligned text keeps its place whatever the box: reach every free cell on the
      // overflowing side. Centred text overflows evenly on both sides, only when it does not fit.
      if (v.align === 'left') while (last < g.columns && !occupied(v.row, last + 1)) last++;
      else if (v.align === 'right') while (first > 1 && !occupied(v.row, first - 1)) first--;
      else {
        const needed =
          textWidth(v.text, ptToPx(cell.fontSize ?? DEFAULT_FONT_PT), cell.fontWeight === 'bold') * 1.15 +
          2 * CELL_PADDING;
        while (
          g.left[last] - g.left[first - 1] < needed &&
          first > 1 &&
          last < g.columns &&
          !occupied(v.row, first - 1) &&
          !occupied(v.row, last + 1)
        ) {
          first--;
          last++;
        }
      }
    }
    const rowsDown = merge?.numRows ?? 1;
    const boxWidth = g.left[Math.min(last, g.columns)] - g.left[first - 1];
    const boxHeight = g.top[Math.min(v.row + rowsDown - 1, g.rows)] - g.top[v.row - 1];
    const box = `left:${g.left[first - 1]}px;top:${g.top[v.row - 1]}px;width:${boxWidth}px;height:${boxHeight}px`;
    if (v.sparkline) {
      const drawn = sparklineSvg(v.sparkline, referenceReader(spreadsheet.sheets, sheet), boxWidth - 1, boxHeight - 1);
      const content = 'svg' in drawn ? drawn.svg : `<span>${escapeHtml(drawn.error)}</span>`;
      out.push(
        `<div class="cell spark" data-cell="${columnLetters(v.column)}${v.row}" style="${box}">${content}</div>`,
      );
      continue;
    }
    const flex = `justify-content:${v.align === 'left' ? 'flex-start' : v.align === 'right' ? 'flex-end' : 'center'};align-items:${verticalAlign(cell)}`;
    const wrap = cell.wrap ? 'white-space:pre-wrap;overflow-wrap:anywhere;' : '';
    const cls = `cell${v.formula ? ' formula' : ''}${typeof cell.value === 'number' || isDate(cell.value) ? ' num' : ''}`;
    const title = v.formula ? ` title="formula (not evaluated by the emulator)"` : '';
    out.push(
      `<div class="${cls}" data-cell="${columnLetters(v.column)}${v.row}"${title} style="${box};${flex};${wrap}${v.style}"><span>${escapeHtml(v.text)}</span></div>`,
    );
  }

  // Frozen dividers.
  if (sheet.frozenRows > 0)
    out.push(
      `<div class="frozen-row" style="top:${g.top[Math.min(sheet.frozenRows, g.rows)] - 2}px;width:${totalWidth}px"></div>`,
    );
  if (sheet.frozenColumns > 0)
    out.push(
      `<div class="frozen-col" style="left:${g.left[Math.min(sheet.frozenColumns, g.columns)] - 2}px;height:${totalHeight}px"></div>`,
    );

  // Charts.
  const context: ChartContext = {
    locale,
    timeZone,
    formatOf: (name, row, column) => spreadsheet.sheets.find((s) => s.name === name)?.cell(row, column)?.numberFormat,
  };
  const offsetLeft = (column: number) => g.left[Math.min(column, g.columns + 1) - 1] ?? totalWidth;
  const offsetTop = (row: number) => g.top[Math.min(row, g.rows + 1) - 1] ?? totalHeight;
  sheet.chartSpecs().forEach((spec, i) => {
    const { svg } = chartSvg(spec, context);
    const x = offsetLeft(spec.position.anchorColumn) + spec.position.offsetX;
    const y = offsetTop(spec.position.anchorRow) + spec.position.offsetY;
    out.push(`<div class="chart-box" data-chart="${i + 1}" style="left:${x}px;top:${y}px">${svg}</div>`);
  });

  const tabs = spreadsheet.sheets
    .filter((s) => !s.hidden)
    .map((s) => `<span class="tab${s === sheet ? ' active' : ''}">${escapeHtml(s.name)}</span>`)
    .join('');
  const css = [
    `*{box-sizing:border-box}`,
    `body{margin:0;background:#ffffff;font-family:${fontStack(undefined)};font-size:${DEFAULT_FONT_PT}pt;color:#000000}`,
    `.sheet{position:relative;width:${totalWidth}px;height:${totalHeight}px;background:#ffffff}`,
    `.corner,.colhead,.rowhead{position:absolute;background:#f8f9fa;color:#5f6368;font-size:8pt;text-align:center;border-right:1px solid #c4c7c5;border-bottom:1px solid #c4c7c5}`,
    `.corner{left:0;top:0}`,
    `.colhead{top:0;height:${COLUMN_HEADER_HEIGHT}px;line-height:${COLUMN_HEADER_HEIGHT}px}`,
    `.rowhead{left:0;width:${ROW_HEADER_WIDTH}px}`,
    `.vline,.hline{position:absolute;background:${GRIDLINE}}`,
    `.vline{top:${COLUMN_HEADER_HEIGHT}px;width:1px}`,
    `.hline{left:${ROW_HEADER_WIDTH}px;height:1px}`,
    `.fill{position:absolute}`,
    `.cell{position:absolute;display:flex;overflow:hidden;white-space:pre;padding:1px ${CELL_PADDING}px 3px ${CELL_PADDING}px;line-height:1.2}`,
    `.cell.formula{outline:2px dashed #d93025;outline-offset:-2px;color:#d93025}`,
    `.cell.spark{padding:0;align-items:center;justify-content:center;color:#d93025}`,
    `.frozen-row{position:absolute;left:0;height:4px;background:#bdc1c6}`,
    `.frozen-col{position:absolute;top:0;width:4px;background:#bdc1c6}`,
    `.chart-box{position:absolute;line-height:0;box-shadow:0 1px 2px rgba(60,64,67,.15)}`,
    `.tabs{display:flex;gap:2px;padding:6px 8px 10px ${ROW_HEADER_WIDTH}px;background:#f8f9fa;border-top:1px solid #c4c7c5;font-size:10pt;width:${totalWidth}px}`,
    `.tab{padding:4px 14px;color:#444746;border-radius:0 0 6px 6px}`,
    `.tab.active{background:#e1e9f7;color:#0b57d0;font-weight:bold}`,
  ].join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(locale.slice(0, 2))}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(sheet.name)}</title>`,
    `<style>\n${css}\n</style>`,
    '</head>',
    '<body>',
    `<div class="sheet" data-sheet="${escapeHtml(sheet.name)}" data-locale="${escapeHtml(locale)}" data-time-zone="${escapeHtml(timeZone)}">`,
    out.join('\n'),
    '</div>',
    `<div class="tabs">${tabs}</div>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
