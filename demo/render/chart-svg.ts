/**
 * Draws an embedded chart as inline SVG from the spec the emulator recorded for it (type, ranges
 * with their values and display values, Google Charts options, anchor), the way Sheets draws it:
 *
 * - Data (`chart-common.ts`): the ranges are put side by side (`MERGE_COLUMNS`, the default) or
 *   one under the other (`MERGE_ROWS`), transposed when asked; the first row holds the series names
 *   when `numHeaders` says so (or, when it is -1, when that row is text over data, as Sheets
 *   guesses); the first column is the domain (categories, shown with the cells' display values —
 *   dates as formatted in the sheet) and each further column is a series.
 * - Types: COLUMN, BAR, LINE, AREA, COMBO and SCATTER (`chart-axes.ts`, with the series options of
 *   `chart-series.ts`), PIE (slices clockwise from 12 o'clock with percentage labels). Other types
 *   are drawn as a labelled placeholder, never silently left out.
 * - Options read here: `title`, `backgroundColor`, `width`, `height` (default 600 × 371 px, the size
 *   of a new Sheets chart), `colors`, `legend.position` (default `right`); for PIE, `slices.N.color`.
 */
import type { ChartSpec } from '../../test/emulator';
import { readOption } from '../../test/emulator';
import { axisBody } from './chart-axes';
import {
  type ChartContext,
  type ChartData,
  chartData,
  DEFAULT_COLORS,
  drawLegend,
  fmt,
  LABEL_PX,
  layoutLegend,
  optionNumber,
  optionString,
  TITLE_PX,
  text,
} from './chart-common';
import { escapeHtml, fitText } from './text';

export { type ChartContext, niceTicks } from './chart-common';

/** Sheets' default chart size in pixels. */
const DEFAULT_CHART_WIDTH = 600;
const DEFAULT_CHART_HEIGHT = 371;

const FONT =
  'Roboto, Arial, &quot;Liberation Sans&quot;, &quot;DejaVu Sans Condensed&quot;, &quot;DejaVu Sans&quot;, sans-serif';

function svgOpen(spec: ChartSpec, width: number, height: number): string {
  const title = optionString(spec.options, 'title') ?? '';
  const background = optionString(spec.options, 'backgroundColor') ?? '#ffffff';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" data-chart-type="${escapeHtml(spec.type ?? '')}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}" font-family="${FONT}">` +
    `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" fill="${escapeHtml(background)}" stroke="#dadce0"/>` +
    (title
      ? text(
          16,
          28,
          fitText(title, width - 32, TITLE_PX),
          `class="chart-title" font-size="${TITLE_PX}" font-weight="600" fill="#202124"`,
        )
      : '')
  );
}

/**
 * Draws one recorded chart.
 * @param spec the chart as `EmuSheet.chartSpecs()` records it.
 * @param context locale, zone and number formats of the source cells.
 * @return the `<svg>` element and its size in pixels.
 */
export function chartSvg(spec: ChartSpec, context: ChartContext): { svg: string; width: number; height: number } {
  const width = optionNumber(spec.options, 'width') ?? DEFAULT_CHART_WIDTH;
  const height = optionNumber(spec.options, 'height') ?? DEFAULT_CHART_HEIGHT;
  const data = chartData(spec, context);
  let body: string;
  switch (spec.type) {
    case 'PIE': {
      const option = readOption(spec.options, 'colors');
      const colors = Array.isArray(option) && option.length ? option.map(String) : DEFAULT_COLORS;
      body = pieBody(spec, data, width, height, (i) =>
        escapeHtml(optionString(spec.options, `slices.${i}.color`) ?? colors[i % colors.length]),
      );
      break;
    }
    case 'COLUMN':
    case 'BAR':
    case 'LINE':
    case 'AREA':
    case 'COMBO':
    case 'SCATTER':
      body = axisBody(spec, data, width, height, context);
      break;
    default:
      body = text(
        width / 2,
        height / 2,
        `${spec.type ?? 'Untyped'} chart (not drawn by this renderer)`,
        `text-anchor="middle" font-size="13" fill="#5f6368"`,
      );
  }
  return { svg: `${svgOpen(spec, width, height)}${body}</svg>`, width, height };
}

function pieBody(
  spec: ChartSpec,
  data: ChartData,
  width: number,
  height: number,
  colorOf: (i: number) => string,
): string {
  const values = (data.series[0]?.values ?? []).map((v) => (v !== null && v > 0 ? v : 0));
  const total = values.reduce((s, v) => s + v, 0);
  const legend = layoutLegend(
    optionString(spec.options, 'legend.position') ?? 'right',
    data.categories.map((c, i) => ({ label: c, color: colorOf(i), marker: 'circle' as const, series: i })),
    width,
  );
  const top = optionString(spec.options, 'title') ? 44 : 16;
  const side = legend.position === 'right' || legend.position === 'left' ? legend.size + 16 : 0;
  const vertical = legend.position === 'top' || legend.position === 'bottom' ? legend.size : 0;
  const areaX = legend.position === 'left' ? side : 0;
  const areaW = width - side;
  const areaH = height - top - vertical - 12;
  const r = Math.max(10, Math.min(areaW, areaH) / 2 - 8);
  const cx = areaX + areaW / 2;
  const cy = top + (legend.position === 'top' ? vertical : 0) + areaH / 2;
  const out: string[] = [];
  let angle = 0;
  values.forEach((v, i) => {
    if (v <= 0 || total <= 0) return;
    const share = v / total;
    const a0 = angle;
    const a1 = angle + share * 2 * Math.PI;
    angle = a1;
    const at = (a: number, rr: number) => [cx + rr * Math.sin(a), cy - rr * Math.cos(a)];
    const tip = `${data.categories[i]}: ${v} (${(share * 100).toFixed(1)} %)`;
    if (share >= 0.99999)
      out.push(
        `<circle class="slice" cx="${fmt(cx)}" cy="${fmt(cy)}" r="${fmt(r)}" fill="${colorOf(i)}"><title>${escapeHtml(tip)}</title></circle>`,
      );
    else {
      const [x0, y0] = at(a0, r);
      const [x1, y1] = at(a1, r);
      out.push(
        `<path class="slice" d="M${fmt(cx)},${fmt(cy)} L${fmt(x0)},${fmt(y0)} A${fmt(r)},${fmt(r)} 0 ${a1 - a0 > Math.PI ? 1 : 0} 1 ${fmt(x1)},${fmt(y1)} Z" fill="${colorOf(i)}" stroke="#ffffff"><title>${escapeHtml(tip)}</title></path>`,
      );
    }
    if (share >= 0.05) {
      const [lx, ly] = at((a0 + a1) / 2, r * 0.65);
      out.push(
        text(
          lx,
          ly + 4,
          `${(share * 100).toFixed(1)}%`,
          `class="slice-label" text-anchor="middle" font-size="${LABEL_PX}" fill="#ffffff"`,
        ),
      );
    }
  });
  const box =
    legend.position === 'bottom'
      ? { x: 0, y: height - vertical - 2, w: width, h: vertical }
      : legend.position === 'top'
        ? { x: 0, y: top - 4, w: width, h: vertical }
        : legend.position === 'left'
          ? { x: 12, y: top + 8, w: legend.size, h: height - top }
          : { x: width - legend.size - 12, y: top + 8, w: legend.size, h: height - top };
  out.push(drawLegend(legend, box));
  return out.join('');
}
