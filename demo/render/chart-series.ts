/**
 * How each series of an axis chart is drawn, from the chart type and the Google Charts options
 * (https://developers.google.com/chart/interactive/docs/gallery/combochart, "Configuration
 * options"):
 *
 * - Kind: COLUMN and BAR draw bars, LINE and SCATTER lines/points, AREA areas. A COMBO chart draws
 *   each series as `series.N.type` (`'bars'`, `'line'`, `'area'`; `'steppedArea'` is drawn as an
 *   area and `'candlesticks'` as bars) or else as `seriesType` — `'bars'` when that is not set
 *   either, the Sheets combo chart's first look.
 * - Axis: `series.N.targetAxisIndex` 1 puts the series on the second value axis (the right one);
 *   0, the default, on the left. A horizontal BAR chart has one value axis here.
 * - Colour: `series.N.color` over `colors[N]` over Sheets' default palette (by series index, so a
 *   hidden-from-legend series still takes its slot).
 * - `lineWidth` and `pointSize` (global, overridden by `series.N.lineWidth`/`series.N.pointSize`):
 *   defaults 2 and 0 (lines without dots), for SCATTER 0 and 7 (dots without lines). `lineWidth: 0`
 *   with a `pointSize` draws points only; `pointSize: 0` a line only. `pointStyle` (the builders'
 *   `setPointStyle`) sets the point size when `pointSize` is not given.
 * - Legend: `series.N.visibleInLegend: false` leaves the series out; `series.N.labelInLegend`
 *   replaces its name (the header cell).
 * Every key can be given flat (`'series.1.type'`) or nested (`series: {1: {type: 'line'}}`).
 */
import { readOption, type ChartSpec } from '../../test/emulator';
import {
  type ChartData,
  DEFAULT_COLORS,
  type LegendItem,
  optionBoolean,
  optionNumber,
  optionString,
} from './chart-common';
import { escapeHtml } from './text';

/** How a series is drawn. */
export type SeriesKind = 'bars' | 'line' | 'area';

/** Everything the drawing needs to know about one series. */
export interface SeriesStyle {
  /** Index among the data series (0 = the first column after the domain). */
  index: number;
  name: string;
  /** The legend text (`labelInLegend`, else the name). */
  label: string;
  /** CSS colour, escaped for an attribute. */
  color: string;
  kind: SeriesKind;
  /** Value axis: 0 left (or bottom for BAR), 1 right. */
  axis: 0 | 1;
  lineWidth: number;
  /** Point diameter in pixels; 0 draws no points. */
  pointSize: number;
  inLegend: boolean;
}

/**
 * Point diameters for `Charts.PointStyle` (the builders' `setPointStyle`). Google does not publish
 * the sizes: these are estimates close to what Sheets draws.
 */
const POINT_STYLE_SIZE: Record<string, number> = { NONE: 0, TINY: 3, MEDIUM: 7, LARGE: 11, HUGE: 15 };

function kindOf(type: string | null): SeriesKind | null {
  switch (type) {
    case 'bars':
    case 'candlesticks':
      return 'bars';
    case 'line':
      return 'line';
    case 'area':
    case 'steppedArea':
      return 'area';
    default:
      return null;
  }
}

/**
 * The drawing style of each series of an axis chart.
 * @param spec the recorded chart.
 * @param data its data table.
 * @return one style per data series, in data order.
 */
export function seriesStyles(spec: ChartSpec, data: ChartData): SeriesStyle[] {
  const options = spec.options;
  const type = spec.type ?? '';
  const scatter = type === 'SCATTER';
  const palette = readOption(options, 'colors');
  const colors = Array.isArray(palette) && palette.length ? palette.map(String) : DEFAULT_COLORS;
  const pointStyle = optionString(options, 'pointStyle');
  const lineWidth = optionNumber(options, 'lineWidth') ?? (scatter ? 0 : 2);
  const pointSize =
    optionNumber(options, 'pointSize') ?? (pointStyle ? (POINT_STYLE_SIZE[pointStyle] ?? 7) : scatter ? 7 : 0);
  const defaultKind: SeriesKind =
    type === 'COMBO'
      ? (kindOf(optionString(options, 'seriesType')) ?? 'bars')
      : type === 'COLUMN' || type === 'BAR'
        ? 'bars'
        : type === 'AREA'
          ? 'area'
          : 'line';
  return data.series.map((s, index) => {
    const key = (name: string) => `series.${index}.${name}`;
    const kind = type === 'COMBO' ? (kindOf(optionString(options, key('type'))) ?? defaultKind) : defaultKind;
    const label = optionString(options, key('labelInLegend')) ?? s.name;
    return {
      index,
      name: s.name,
      label,
      color: escapeHtml(optionString(options, key('color')) ?? colors[index % colors.length]),
      kind,
      axis: type !== 'BAR' && optionNumber(options, key('targetAxisIndex')) === 1 ? 1 : 0,
      lineWidth: Math.max(0, optionNumber(options, key('lineWidth')) ?? lineWidth),
      pointSize: Math.max(0, optionNumber(options, key('pointSize')) ?? pointSize),
      inLegend: optionBoolean(options, key('visibleInLegend')) !== false,
    };
  });
}

/** The legend entries of the series that show in the legend, each marked as it is drawn. */
export function legendItems(styles: SeriesStyle[]): LegendItem[] {
  return styles
    .filter((s) => s.inLegend)
    .map((s) => ({
      label: s.label,
      color: s.color,
      series: s.index,
      marker:
        s.kind !== 'line'
          ? 'square'
          : s.lineWidth <= 0
            ? 'circle'
            : s.pointSize > 0
              ? 'line-point'
              : ('line' as LegendItem['marker']),
    }));
}
