/**
 * Axis charts (COLUMN, BAR, LINE, AREA, COMBO, SCATTER) drawn as Google Charts draws them in Sheets:
 *
 * - Series kinds, axes, colours, line widths, point sizes and legend entries: `chart-series.ts`.
 * - Stacking (`isStacked`: `true`/`'absolute'`, `'percent'`, `'relative'`) applies to bars and
 *   areas only — bars stack with bars and areas with areas, per value axis; lines are never stacked.
 *   Positives stack up from the baseline and negatives down from it. `'percent'` and `'relative'`
 *   scale each stack to its category's total (0–100 % / 0–1).
 * - Bars of a category share its group width (`bar.groupWidth`, px or `'NN%'`, default the golden
 *   ratio, 61.8 %), side by side unless stacked. Areas are drawn first, then bars, then lines and
 *   points, so a line is always over the bars.
 * - Value axes: the left one for series on axis 0; a right one when any series has
 *   `targetAxisIndex: 1`, its gridlines on the left axis' gridlines (same number of round steps).
 *   Each axis reads `vAxes.N.<option>` then `vAxis.<option>` (for BAR, `hAxes.0`/`hAxis`):
 *   `viewWindow.min/max` (the axis spans exactly that), `minValue/maxValue` (the axis reaches at
 *   least that), `gridlines.count` (first axis: that many gridlines, round steps unless both
 *   `viewWindow` ends are set — Google calls the count approximate, this draws it exactly), `format` (see `axisFormatter`; otherwise the number format of the axis' first
 *   series cell, shortened to the decimals the step needs), and `title` (the right axis only from
 *   `vAxes.1.title`, so one `vAxis.title` is not written twice).
 * - Categories (`hAxis.title` under them; `reverseCategories`, and `vAxis.direction: -1` on BAR
 *   charts, reverse their order); SCATTER has a numeric x axis (`hAxis.viewWindow`, `hAxis.format`,
 *   `hAxis.title`) and one series per further column, blanks where a series has no point.
 * - A line (or a scatter series with `lineWidth > 0`) joins its points in row order and breaks at a
 *   row where the series is blank, unless `interpolateNulls: true`. A point alone between blanks
 *   shows only when `pointSize > 0`, as in Google Charts.
 */
import { readOption, type ChartSpec } from '../../test/emulator';
import {
  alignedTicks,
  axisFormatter,
  type ChartContext,
  type ChartData,
  categoryLabelPlan,
  drawLegend,
  fmt,
  LABEL_PX,
  layoutLegend,
  niceTicks,
  optionBoolean,
  optionNumber,
  optionString,
  scale,
  TEXT_COLOR,
  text,
  tickFormatter,
} from './chart-common';
import { legendItems, type SeriesStyle, seriesStyles } from './chart-series';
import { escapeHtml, fitText, textWidth } from './text';

type StackMode = 'none' | 'absolute' | 'percent' | 'relative';

function stackMode(option: unknown): StackMode {
  if (option === true || option === 'true' || option === 'absolute') return 'absolute';
  if (option === 'percent' || option === 'relative') return option;
  return 'none';
}

/** A bar as drawn: from one value to another on its axis. */
interface BarSegment {
  style: SeriesStyle;
  i: number;
  from: number;
  to: number;
  value: number;
}

/** What each series puts on its axis once stacked. */
interface Geometry {
  bars: BarSegment[];
  /** Per area series: top and bottom value of each category (null: no value). */
  areas: Map<number, { top: (number | null)[]; bottom: number[] }>;
}

function stackGeometry(styles: SeriesStyle[], data: ChartData, mode: StackMode): Geometry {
  const n = data.categories.length;
  const values = (s: SeriesStyle) => data.series[s.index].values;
  // Percent/relative stacking: each value as a share of its stack's total (absolute values).
  const share = new Map<string, number[]>();
  if (mode === 'percent' || mode === 'relative')
    for (const s of styles) {
      if (s.kind === 'line') continue;
      const key = `${s.kind}:${s.axis}`;
      const totals = share.get(key) ?? new Array<number>(n).fill(0);
      values(s).forEach((v, i) => {
        totals[i] += Math.abs(v ?? 0);
      });
      share.set(key, totals);
    }
  const scaled = (s: SeriesStyle, v: number, i: number) => {
    const total = share.get(`${s.kind}:${s.axis}`)?.[i];
    return total === undefined ? v : total > 0 ? v / total : 0;
  };
  const stacked = mode !== 'none';
  const positive = new Map<string, number[]>();
  const negative = new Map<string, number[]>();
  const accumulator = (map: Map<string, number[]>, key: string) => {
    let acc = map.get(key);
    if (!acc) map.set(key, (acc = new Array<number>(n).fill(0)));
    return acc;
  };
  const bars: BarSegment[] = [];
  const areas: Geometry['areas'] = new Map();
  for (const s of styles) {
    const key = `${s.kind}:${s.axis}`;
    if (s.kind === 'bars')
      values(s).forEach((raw, i) => {
        if (raw === null || raw === 0) return;
        const v = scaled(s, raw, i);
        if (!stacked) {
          bars.push({ style: s, i, from: 0, to: v, value: raw });
          return;
        }
        const acc = accumulator(v > 0 ? positive : negative, key);
        bars.push({ style: s, i, from: acc[i], to: acc[i] + v, value: raw });
        acc[i] += v;
      });
    else if (s.kind === 'area') {
      const acc = accumulator(positive, key);
      const bottom = stacked ? acc.slice() : new Array<number>(n).fill(0);
      const top = values(s).map((raw, i) => {
        if (raw === null) return null;
        const v = scaled(s, raw, i);
        return stacked ? (acc[i] += v) : v;
      });
      areas.set(s.index, { top, bottom });
    }
  }
  return { bars, areas };
}

/** One value axis: its ticks, the interval it spans, and its labels. */
interface ValueAxis {
  ticks: number[];
  domain: [number, number];
  labels: string[];
  title: string | null;
}

/**
 * Draws the plot, axes and legend of an axis chart.
 * @param spec the recorded chart.
 * @param data its data table.
 * @param width chart width in pixels.
 * @param height chart height in pixels.
 * @param context locale, zone and number formats.
 * @return the SVG elements (inside the chart's `<svg>`).
 */
export function axisBody(
  spec: ChartSpec,
  data: ChartData,
  width: number,
  height: number,
  context: ChartContext,
): string {
  const options = spec.options;
  const horizontal = spec.type === 'BAR';
  const scatter = spec.type === 'SCATTER';
  const styles = seriesStyles(spec, data);
  const n = data.categories.length;
  const mode = scatter ? 'none' : stackMode(readOption(options, 'isStacked'));
  const interpolate = optionBoolean(options, 'interpolateNulls') === true;
  const geometry = stackGeometry(styles, data, mode);
  const hasRight = !horizontal && styles.some((s) => s.axis === 1);
  const valueKey = horizontal ? 'hAxis' : 'vAxis';
  const axisOption = (axis: number, key: string): unknown => {
    const own = readOption(options, `${valueKey === 'hAxis' ? 'hAxes' : 'vAxes'}.${axis}.${key}`);
    return own ?? (key === 'title' && axis > 0 ? null : readOption(options, `${valueKey}.${key}`));
  };
  const axisNumber = (axis: number, key: string): number | null => {
    const v = axisOption(axis, key);
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  const title = optionString(options, 'title');
  const domainTitle = optionString(options, horizontal ? 'vAxis.title' : 'hAxis.title');
  const legend = layoutLegend(optionString(options, 'legend.position') ?? 'right', legendItems(styles), width);

  // Extent of each value axis.
  const extent = [0, 1].map((axis) => {
    let lo = Infinity;
    let hi = -Infinity;
    const take = (v: number | null) => {
      if (v === null || !Number.isFinite(v)) return;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    };
    let filled = false;
    for (const b of geometry.bars)
      if (b.style.axis === axis) {
        take(b.from);
        take(b.to);
        filled = true;
      }
    for (const s of styles) {
      if (s.axis !== axis) continue;
      const area = geometry.areas.get(s.index);
      if (area) {
        area.top.forEach(take);
        area.bottom.forEach(take);
        filled = true;
      } else if (s.kind === 'line') data.series[s.index].values.forEach(take);
    }
    if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
    if (filled || mode === 'percent' || mode === 'relative') {
      lo = Math.min(lo, 0);
      hi = Math.max(hi, 0);
    } else if (lo > 0 && lo <= hi / 3) lo = 0;
    const minValue = axisNumber(axis, 'minValue');
    const maxValue = axisNumber(axis, 'maxValue');
    if (minValue !== null) lo = Math.min(lo, minValue);
    if (maxValue !== null) hi = Math.max(hi, maxValue);
    const min = axisNumber(axis, 'viewWindow.min');
    const max = axisNumber(axis, 'viewWindow.max');
    return { lo: min ?? lo, hi: max ?? hi, min, max };
  });
  const seriesOn = (axis: number) => styles.filter((s) => s.axis === axis);
  const formatOf = (axis: number) => data.series[seriesOn(axis)[0]?.index ?? -1]?.format;
  const integerOn = (axis: number) =>
    mode !== 'percent' &&
    mode !== 'relative' &&
    seriesOn(axis).every((s) => data.series[s.index].values.every((v) => v === null || Number.isInteger(v))) &&
    !/[.%]/.test((formatOf(axis) ?? '').split(';')[0]);
  const labelsOf = (axis: number, ticks: number[]) => {
    const explicit = axisFormatter(axisOption(axis, 'format'), context);
    const pattern = mode === 'percent' && !explicit ? '0%' : formatOf(axis);
    const label = explicit ?? tickFormatter(pattern, (ticks[1] ?? 1) - (ticks[0] ?? 0), context);
    return ticks.map(label);
  };
  const axisTitle = (axis: number) => {
    const t = axisOption(axis, 'title');
    return typeof t === 'string' && t !== '' ? t : null;
  };

  // The left (bottom for BAR) axis; the right axis aligned on its gridlines.
  const top = (title ? 44 : 16) + (legend.position === 'top' ? legend.size : 0);
  const legendBottom = legend.position === 'bottom' ? legend.size : 0;
  const legendSide = legend.position === 'right' || legend.position === 'left' ? legend.size + 8 : 0;
  const roughPlotLength = horizontal ? width - 200 - legendSide : height - top - 60 - legendBottom;
  const target = Math.max(2, Math.min(8, Math.floor(roughPlotLength / (horizontal ? 90 : 45))));
  const first = extent[0];
  const count = axisNumber(0, 'gridlines.count');
  let ticks0 =
    count !== null && count >= 2
      ? first.min !== null && first.max !== null
        ? evenTicks(first.min, first.max, Math.round(count) - 1)
        : alignedTicks(first.lo, first.hi, Math.round(count) - 1, integerOn(0))
      : niceTicks(first.lo, first.hi, target, integerOn(0));
  const domain0: [number, number] = [first.min ?? ticks0[0], first.max ?? ticks0[ticks0.length - 1]];
  ticks0 = ticks0.filter((t) => t >= domain0[0] - 1e-9 && t <= domain0[1] + 1e-9);
  const axes: ValueAxis[] = [{ ticks: ticks0, domain: domain0, labels: labelsOf(0, ticks0), title: axisTitle(0) }];
  if (hasRight) {
    const second = extent[1];
    const intervals = Math.max(1, ticks0.length - 1);
    const ticks1 =
      second.min !== null && second.max !== null
        ? evenTicks(second.min, second.max, intervals)
        : alignedTicks(second.lo, second.hi, intervals, integerOn(1));
    axes.push({
      ticks: ticks1,
      domain: [ticks1[0], ticks1[ticks1.length - 1]],
      labels: labelsOf(1, ticks1),
      title: axisTitle(1),
    });
  }

  // Scatter: the numeric x axis.
  let xTicks: number[] = [];
  let xLabels: string[] = [];
  let xDomain: [number, number] = [0, 1];
  if (scatter) {
    const xs = data.domain.filter((v): v is number => v !== null);
    let xlo = xs.length ? Math.min(...xs) : 0;
    const xhi = xs.length ? Math.max(...xs) : 1;
    if (xlo > 0 && xlo <= xhi / 3) xlo = 0;
    const xmin = optionNumber(options, 'hAxis.viewWindow.min');
    const xmax = optionNumber(options, 'hAxis.viewWindow.max');
    xTicks = niceTicks(
      xmin ?? xlo,
      xmax ?? xhi,
      Math.max(2, Math.floor((width - 200) / 90)),
      xs.every((v) => Number.isInteger(v)),
    );
    xDomain = [xmin ?? xTicks[0], xmax ?? xTicks[xTicks.length - 1]];
    xTicks = xTicks.filter((t) => t >= xDomain[0] - 1e-9 && t <= xDomain[1] + 1e-9);
    const explicit = axisFormatter(readOption(options, 'hAxis.format'), context);
    const label = explicit ?? tickFormatter(data.domainFormat, (xTicks[1] ?? 1) - (xTicks[0] ?? 0), context);
    xLabels = xTicks.map(label);
  }

  // Margins.
  const widest = (labels: string[]) => Math.max(0, ...labels.map((t) => textWidth(t, LABEL_PX)));
  const leftLabels = horizontal
    ? Math.min(width * 0.35, Math.max(20, widest(data.categories)))
    : widest(axes[0].labels);
  const leftTitle = horizontal ? domainTitle : axes[0].title;
  const bottomTitle = horizontal ? axes[0].title : domainTitle;
  const rightTitle = hasRight ? axes[1].title : null;
  const left = 12 + leftLabels + 10 + (leftTitle ? 24 : 0) + (legend.position === 'left' ? legendSide : 0);
  const rightLabels = hasRight ? widest(axes[1].labels) + 10 + (rightTitle ? 24 : 0) : 0;
  const right = 20 + rightLabels + (legend.position === 'right' ? legendSide : 0);
  const plotW = Math.max(40, width - left - right);
  let labelPlan = { lines: [] as string[][], every: 1, height: 18 };
  if (!horizontal && !scatter) labelPlan = categoryLabelPlan(data.categories, plotW / Math.max(1, n));
  const bottom = 8 + labelPlan.height + (bottomTitle ? 22 : 0) + legendBottom;
  const plotH = Math.max(40, height - top - bottom);
  const plot = { x: left, y: top, w: plotW, h: plotH };

  const valueScale = (axis: number) => {
    const [d0, d1] = axes[axis].domain;
    return horizontal ? scale(d0, d1, plot.x, plot.x + plot.w) : scale(d0, d1, plot.y + plot.h, plot.y);
  };
  const value = [valueScale(0), hasRight ? valueScale(1) : valueScale(0)];
  const out: string[] = [];
  const tickAttrs = (axis: number, anchor: string) =>
    `class="tick" data-axis="${axis}" text-anchor="${anchor}" font-size="${LABEL_PX}" fill="${TEXT_COLOR}"`;

  // Gridlines (from the first axis) and value labels.
  axes[0].ticks.forEach((t, i) => {
    const p = value[0](t);
    const stroke = t === 0 && !scatter ? '#5f6368' : '#e0e0e0';
    if (horizontal) {
      out.push(
        `<line class="gridline" x1="${fmt(p)}" y1="${plot.y}" x2="${fmt(p)}" y2="${fmt(plot.y + plot.h)}" stroke="${stroke}"/>`,
        text(p, plot.y + plot.h + 16, axes[0].labels[i], tickAttrs(0, 'middle')),
      );
    } else {
      out.push(
        `<line class="gridline" x1="${plot.x}" y1="${fmt(p)}" x2="${fmt(plot.x + plot.w)}" y2="${fmt(p)}" stroke="${stroke}"/>`,
        text(plot.x - 8, p + 4, axes[0].labels[i], tickAttrs(0, 'end')),
      );
    }
  });
  if (hasRight)
    axes[1].ticks.forEach((t, i) =>
      out.push(text(plot.x + plot.w + 8, value[1](t) + 4, axes[1].labels[i], tickAttrs(1, 'start'))),
    );

  if (scatter) out.push(scatterSeries(styles, data, plot, xDomain, xTicks, xLabels, value, interpolate));
  else {
    const reversed = optionBoolean(options, 'reverseCategories') === true;
    const flip = horizontal && optionNumber(options, 'vAxis.direction') === -1 ? !reversed : reversed;
    const slot = (horizontal ? plot.h : plot.w) / Math.max(1, n);
    const center = (i: number) => (horizontal ? plot.y : plot.x) + ((flip ? n - 1 - i : i) + 0.5) * slot;
    data.categories.forEach((label, i) => {
      const attrs = `class="category" text-anchor="${horizontal ? 'end' : 'middle'}" font-size="${LABEL_PX}" fill="${TEXT_COLOR}"`;
      if (horizontal) out.push(text(plot.x - 8, center(i) + 4, fitText(label, leftLabels, LABEL_PX), attrs));
      else if (i % labelPlan.every === 0)
        labelPlan.lines[i].forEach((line, j) => out.push(text(center(i), plot.y + plot.h + 16 + j * 14, line, attrs)));
    });
    // Areas, then bars, then lines and points.
    for (const s of styles) {
      const area = geometry.areas.get(s.index);
      if (!area) continue;
      for (const run of runs(area.top, interpolate)) {
        const line = run.map((i) => `${fmt(center(i))},${fmt(value[s.axis](area.top[i]!))}`).join(' ');
        const floor = run
          .slice()
          .reverse()
          .map((i) => `${fmt(center(i))},${fmt(value[s.axis](area.bottom[i]))}`)
          .join(' ');
        out.push(
          `<polygon class="area" data-series="${s.index}" data-axis="${s.axis}" points="${line} ${floor}" fill="${s.color}" fill-opacity="0.3"/>`,
        );
        if (s.lineWidth > 0 && run.length > 1) out.push(polyline(s, line));
      }
    }
    const barStyles = styles.filter((s) => s.kind === 'bars');
    if (geometry.bars.length || geometry.areas.size) {
      const group = groupWidth(readOption(options, 'bar.groupWidth'), slot);
      for (const b of geometry.bars) {
        const thickness = mode === 'none' ? group / barStyles.length : group;
        const offset = center(b.i) - group / 2 + (mode === 'none' ? barStyles.indexOf(b.style) * thickness : 0);
        const a = value[b.style.axis](b.from);
        const z = value[b.style.axis](b.to);
        const tip = `${b.style.name} — ${data.categories[b.i]}: ${b.value}`;
        const box = horizontal
          ? `x="${fmt(Math.min(a, z))}" y="${fmt(offset)}" width="${fmt(Math.abs(z - a))}" height="${fmt(thickness)}"`
          : `x="${fmt(offset)}" y="${fmt(Math.min(a, z))}" width="${fmt(thickness)}" height="${fmt(Math.abs(z - a))}"`;
        out.push(
          `<rect class="bar" ${box} fill="${b.style.color}" data-series="${b.style.index}" data-axis="${b.style.axis}"><title>${escapeHtml(tip)}</title></rect>`,
        );
      }
      const [d0, d1] = axes[0].domain;
      const base = value[0](Math.min(Math.max(0, d0), d1));
      out.push(
        horizontal
          ? `<line class="baseline" x1="${fmt(base)}" y1="${plot.y}" x2="${fmt(base)}" y2="${fmt(plot.y + plot.h)}" stroke="#5f6368"/>`
          : `<line class="baseline" x1="${plot.x}" y1="${fmt(base)}" x2="${fmt(plot.x + plot.w)}" y2="${fmt(base)}" stroke="#5f6368"/>`,
      );
    }
    for (const s of styles) {
      if (s.kind !== 'line') continue;
      const values = data.series[s.index].values;
      const at = (i: number) =>
        horizontal ? [value[s.axis](values[i]!), center(i)] : [center(i), value[s.axis](values[i]!)];
      for (const run of runs(values, interpolate)) {
        if (s.lineWidth > 0 && run.length > 1)
          out.push(polyline(s, run.map((i) => at(i).map(fmt).join(',')).join(' ')));
        if (s.pointSize > 0)
          for (const i of run)
            out.push(point(s, at(i)[0], at(i)[1], `${s.name} — ${data.categories[i]}: ${values[i]}`));
      }
    }
  }
  out.push(
    `<rect class="plot" x="${fmt(plot.x)}" y="${fmt(plot.y)}" width="${fmt(plot.w)}" height="${fmt(plot.h)}" fill="none" stroke="none"/>`,
  );
  const titleAttrs = `class="axis-title" text-anchor="middle" font-size="${LABEL_PX}" font-style="italic" fill="#202124"`;
  if (bottomTitle)
    out.push(text(plot.x + plot.w / 2, plot.y + plot.h + labelPlan.height + 20, bottomTitle, titleAttrs));
  const rotated = (x: number, content: string, side: string) =>
    `<text class="axis-title" data-side="${side}" transform="translate(${fmt(x)} ${fmt(plot.y + plot.h / 2)}) rotate(-90)" text-anchor="middle" font-size="${LABEL_PX}" font-style="italic" fill="#202124">${escapeHtml(content)}</text>`;
  if (leftTitle) out.push(rotated(12 + (legend.position === 'left' ? legendSide : 0) + 6, leftTitle, 'left'));
  if (rightTitle) out.push(rotated(plot.x + plot.w + rightLabels - 6, rightTitle, 'right'));
  const legendBox =
    legend.position === 'bottom'
      ? { x: 0, y: height - legendBottom - 2, w: width, h: legendBottom }
      : legend.position === 'top'
        ? { x: 0, y: top - legend.size - 4, w: width, h: legend.size }
        : legend.position === 'left'
          ? { x: 12, y: plot.y, w: legend.size, h: plot.h }
          : { x: width - legend.size - 12, y: plot.y, w: legend.size, h: plot.h };
  out.push(drawLegend(legend, legendBox));
  return out.join('');
}

/** `intervals` equal steps from `min` to `max`. */
function evenTicks(min: number, max: number, intervals: number): number[] {
  const n = Math.max(1, intervals);
  return Array.from({ length: n + 1 }, (_, i) => Number((min + ((max - min) * i) / n).toPrecision(12)));
}

/** `bar.groupWidth`: pixels, or a percentage of the category's slot; default the golden ratio. */
function groupWidth(option: unknown, slot: number): number {
  if (typeof option === 'number' && option > 0) return Math.min(option, slot);
  const percent = typeof option === 'string' ? /^(\d+(?:\.\d+)?)%$/.exec(option.trim()) : null;
  if (percent) return (slot * Math.min(100, Number(percent[1]))) / 100;
  return slot * 0.618;
}

/** Runs of consecutive non-null indexes (one run over all of them with `interpolate`). */
function runs(values: (number | null)[], interpolate: boolean): number[][] {
  const out: number[][] = [[]];
  values.forEach((v, i) => {
    if (v === null) {
      if (!interpolate && out[out.length - 1].length) out.push([]);
      return;
    }
    out[out.length - 1].push(i);
  });
  return out.filter((r) => r.length);
}

function polyline(s: SeriesStyle, points: string): string {
  return `<polyline class="line" data-series="${s.index}" data-axis="${s.axis}" points="${points}" fill="none" stroke="${s.color}" stroke-width="${fmt(s.lineWidth)}"/>`;
}

function point(s: SeriesStyle, x: number, y: number, tip: string): string {
  return `<circle class="point" data-series="${s.index}" data-axis="${s.axis}" cx="${fmt(x)}" cy="${fmt(y)}" r="${fmt(s.pointSize / 2)}" fill="${s.color}"><title>${escapeHtml(tip)}</title></circle>`;
}

function scatterSeries(
  styles: SeriesStyle[],
  data: ChartData,
  plot: { x: number; y: number; w: number; h: number },
  xDomain: [number, number],
  xTicks: number[],
  xLabels: string[],
  value: ((v: number) => number)[],
  interpolate: boolean,
): string {
  const out: string[] = [];
  const x = scale(xDomain[0], xDomain[1], plot.x, plot.x + plot.w);
  xTicks.forEach((t, i) => {
    out.push(
      `<line class="gridline" x1="${fmt(x(t))}" y1="${plot.y}" x2="${fmt(x(t))}" y2="${fmt(plot.y + plot.h)}" stroke="#e0e0e0"/>`,
      text(
        x(t),
        plot.y + plot.h + 16,
        xLabels[i],
        `class="tick" data-axis="x" text-anchor="middle" font-size="${LABEL_PX}" fill="${TEXT_COLOR}"`,
      ),
    );
  });
  for (const s of styles) {
    // A row without an x value has no point in any series.
    const values = data.series[s.index].values.map((v, i) => (data.domain[i] === null ? null : v));
    const at = (i: number) => [x(data.domain[i]!), value[s.axis](values[i]!)];
    for (const run of runs(values, interpolate)) {
      if (s.lineWidth > 0 && run.length > 1) out.push(polyline(s, run.map((i) => at(i).map(fmt).join(',')).join(' ')));
      if (s.pointSize > 0)
        for (const i of run) out.push(point(s, at(i)[0], at(i)[1], `${s.name}: ${data.categories[i]}, ${values[i]}`));
    }
  }
  return out.join('');
}
