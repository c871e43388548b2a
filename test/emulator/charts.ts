/**
 * Embedded charts as Apps Script documents them: `Sheet.newChart()` gives an `EmbeddedChartBuilder`;
 * `asColumnChart()`, `asPieChart()`, … switch the chart type and return the specific builder, which
 * has ONLY the methods the real class has (the class hierarchy below mirrors the reference: e.g.
 * `setStacked` on area/bar/column/combo/histogram, `setXAxisRange` only on scatter, `set3D` only on
 * pie). Builders write Google Charts options (`title`, `isStacked`, `legend.position`, `hAxis.title`,
 * …) that `getOptions().get(key)` reads back. Every chart inserted in a sheet is recorded as a plain
 * {@link ChartSpec} (type, ranges in A1 with their values, options, anchor) a renderer can draw.
 */
import type { ServiceCalls } from './calls';
import {
  ChartHiddenDimensionStrategy,
  ChartMergeStrategy,
  ChartType,
  CurveStyle,
  PointStyle,
  Position,
  asEnum,
  enumName,
} from './enums';
import type { EmuValue } from './entry';
import type { EmuRange } from './range';
import type { EmuSheet } from './sheet';

type GasRange = GoogleAppsScript.Spreadsheet.Range;
type GasChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type GasTextStyle = GoogleAppsScript.Charts.TextStyle;

/** Where a chart is anchored: 1-based cell, pixel offsets. */
export interface ChartPosition {
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
}

/** A chart's whole state, as a builder edits it and a sheet stores it. */
export interface ChartState {
  chartId: number | null;
  sheet: EmuSheet;
  type: string | null;
  ranges: EmuRange[];
  options: Record<string, unknown>;
  position: ChartPosition;
  numHeaders: number;
  mergeStrategy: string;
  hiddenDimensionStrategy: string;
  transposeRowsAndColumns: boolean;
}

/** What a renderer needs to draw a chart, as plain data. */
export interface ChartSpec {
  chartId: number | null;
  sheet: string;
  type: string | null;
  ranges: { sheet: string; a1: string; values: EmuValue[][]; displayValues: string[][] }[];
  options: Record<string, unknown>;
  position: ChartPosition;
  numHeaders: number;
  mergeStrategy: string;
  hiddenDimensionStrategy: string;
  transposeRowsAndColumns: boolean;
}

/** A fresh chart state for a sheet (anchored at A1 until `setPosition`). */
export function newChartState(sheet: EmuSheet): ChartState {
  return {
    chartId: null,
    sheet,
    type: null,
    ranges: [],
    options: {},
    position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
    numHeaders: -1,
    mergeStrategy: 'MERGE_COLUMNS',
    hiddenDimensionStrategy: 'IGNORE_ROWS',
    transposeRowsAndColumns: false,
  };
}

/** A copy of a chart state (options deep-copied). */
export function copyChartState(state: ChartState): ChartState {
  return {
    ...state,
    ranges: state.ranges.slice(),
    options: structuredClone(state.options),
    position: { ...state.position },
  };
}

/** The plain spec of a chart state. */
export function chartSpec(state: ChartState): ChartSpec {
  return {
    chartId: state.chartId,
    sheet: state.sheet.name,
    type: state.type,
    ranges: state.ranges.map((r) => ({
      sheet: r.sheet.name,
      a1: r.a1(),
      values: r.readValues(),
      displayValues: r.readDisplayValues(),
    })),
    options: structuredClone(state.options),
    position: { ...state.position },
    numHeaders: state.numHeaders,
    mergeStrategy: state.mergeStrategy,
    hiddenDimensionStrategy: state.hiddenDimensionStrategy,
    transposeRowsAndColumns: state.transposeRowsAndColumns,
  };
}

/** Reads an option: a flat key (`'hAxis.title'`), or a path into an object set with `setOption('hAxis', {...})`. */
export function readOption(options: Record<string, unknown>, key: string): unknown {
  if (key in options) return options[key];
  const parts = key.split('.');
  for (let split = parts.length - 1; split > 0; split--) {
    const head = parts.slice(0, split).join('.');
    if (head in options) {
      let node: unknown = options[head];
      for (const part of parts.slice(split))
        node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
      if (node !== undefined) return node;
    }
  }
  return null;
}

function textStyleOption(style: GasTextStyle): Record<string, unknown> {
  const s = style as unknown as EmuTextStyle;
  return { color: s.color, fontName: s.fontName, fontSize: s.fontSize };
}

// Helpers are plain functions, not methods, so each builder class has only the real methods.
function step<T>(
  builder: { state: ChartState; kind: string; calls: ServiceCalls },
  method: string,
  change: (s: ChartState) => void,
): T {
  builder.calls.record(`${builder.kind}.${method}`);
  change(builder.state);
  return builder as unknown as T;
}

function option<T>(
  builder: { state: ChartState; kind: string; calls: ServiceCalls },
  method: string,
  values: Record<string, unknown>,
): T {
  return step<T>(builder, method, (s) => Object.assign(s.options, values));
}

function sameRange(a: EmuRange, b: EmuRange): boolean {
  return a.sheet === b.sheet && a.a1() === b.a1();
}

/** `EmbeddedChartBuilder`: the methods every chart builder has. */
export class EmuEmbeddedChartBuilder implements GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
  declare readonly state: ChartState;
  declare readonly calls: ServiceCalls;
  declare readonly kind: string;

  constructor(calls: ServiceCalls, state: ChartState, kind = 'EmbeddedChartBuilder') {
    Object.defineProperty(this, 'state', { value: state });
    Object.defineProperty(this, 'calls', { value: calls });
    Object.defineProperty(this, 'kind', { value: kind });
  }

  addRange(range: GasRange): this {
    return step(this, 'addRange', (s) => s.ranges.push(range as unknown as EmuRange));
  }

  removeRange(range: GasRange): this {
    return step(this, 'removeRange', (s) => {
      const at = s.ranges.findIndex((r) => sameRange(r, range as unknown as EmuRange));
      if (at >= 0) s.ranges.splice(at, 1);
    });
  }

  clearRanges(): this {
    return step(this, 'clearRanges', (s) => {
      s.ranges.length = 0;
    });
  }

  getRanges(): GasRange[] {
    this.calls.record(`${this.kind}.getRanges`);
    return this.state.ranges.slice() as unknown as GasRange[];
  }

  getChartType(): GoogleAppsScript.Charts.ChartType {
    this.calls.record(`${this.kind}.getChartType`);
    return (this.state.type ? asEnum(ChartType, this.state.type) : null) as GoogleAppsScript.Charts.ChartType;
  }

  getContainer(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    this.calls.record(`${this.kind}.getContainer`);
    return new EmuContainerInfo(this.calls, { ...this.state.position });
  }

  setChartType(type: GoogleAppsScript.Charts.ChartType): this {
    return step(this, 'setChartType', (s) => {
      s.type = enumName(type);
    });
  }

  setHiddenDimensionStrategy(strategy: GoogleAppsScript.Charts.ChartHiddenDimensionStrategy): this {
    return step(this, 'setHiddenDimensionStrategy', (s) => {
      s.hiddenDimensionStrategy = enumName(strategy);
    });
  }

  setMergeStrategy(mergeStrategy: GoogleAppsScript.Charts.ChartMergeStrategy): this {
    return step(this, 'setMergeStrategy', (s) => {
      s.mergeStrategy = enumName(mergeStrategy);
    });
  }

  setNumHeaders(headers: number): this {
    return step(this, 'setNumHeaders', (s) => {
      s.numHeaders = headers;
    });
  }

  setOption(option: string, value: any): this {
    return step(this, 'setOption', (s) => {
      s.options[option] = value;
    });
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    return step(this, 'setPosition', (s) => {
      s.position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    });
  }

  setTransposeRowsAndColumns(transpose: boolean): this {
    return step(this, 'setTransposeRowsAndColumns', (s) => {
      s.transposeRowsAndColumns = Boolean(transpose);
    });
  }

  build(): GasChart {
    this.calls.record(`${this.kind}.build`);
    return new EmuEmbeddedChart(this.calls, copyChartState(this.state)) as unknown as GasChart;
  }

  asAreaChart(): GoogleAppsScript.Spreadsheet.EmbeddedAreaChartBuilder {
    return switchType(this, 'asAreaChart', 'AREA', EmuEmbeddedAreaChartBuilder);
  }

  asBarChart(): GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder {
    return switchType(this, 'asBarChart', 'BAR', EmuEmbeddedBarChartBuilder);
  }

  asColumnChart(): GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder {
    return switchType(this, 'asColumnChart', 'COLUMN', EmuEmbeddedColumnChartBuilder);
  }

  asComboChart(): GoogleAppsScript.Spreadsheet.EmbeddedComboChartBuilder {
    return switchType(this, 'asComboChart', 'COMBO', EmuEmbeddedComboChartBuilder);
  }

  asHistogramChart(): GoogleAppsScript.Spreadsheet.EmbeddedHistogramChartBuilder {
    return switchType(this, 'asHistogramChart', 'HISTOGRAM', EmuEmbeddedHistogramChartBuilder);
  }

  asLineChart(): GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder {
    return switchType(this, 'asLineChart', 'LINE', EmuEmbeddedLineChartBuilder);
  }

  asPieChart(): GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder {
    return switchType(this, 'asPieChart', 'PIE', EmuEmbeddedPieChartBuilder);
  }

  asScatterChart(): GoogleAppsScript.Spreadsheet.EmbeddedScatterChartBuilder {
    return switchType(this, 'asScatterChart', 'SCATTER', EmuEmbeddedScatterChartBuilder);
  }

  asTableChart(): GoogleAppsScript.Spreadsheet.EmbeddedTableChartBuilder {
    return switchType(this, 'asTableChart', 'TABLE', EmuEmbeddedTableChartBuilder);
  }
}

type BuilderClass = new (calls: ServiceCalls, state: ChartState, kind: string) => EmuEmbeddedChartBuilder;

function switchType<T>(builder: EmuEmbeddedChartBuilder, method: string, type: string, Builder: BuilderClass): T {
  builder.calls.record(`${builder.kind}.${method}`);
  builder.state.type = type;
  return new Builder(builder.calls, builder.state, Builder.name.replace(/^Emu/, '')) as unknown as T;
}

/** Methods of every builder except the table's: title, colours, legend, background. */
class StyledChartBuilder extends EmuEmbeddedChartBuilder {
  setBackgroundColor(cssValue: string): this {
    return option(this, 'setBackgroundColor', { backgroundColor: cssValue });
  }

  setColors(cssValues: string[]): this {
    return option(this, 'setColors', { colors: cssValues.slice() });
  }

  setLegendPosition(position: GoogleAppsScript.Charts.Position): this {
    return option(this, 'setLegendPosition', { 'legend.position': enumName(position).toLowerCase() });
  }

  setLegendTextStyle(textStyle: GasTextStyle): this {
    return option(this, 'setLegendTextStyle', { 'legend.textStyle': textStyleOption(textStyle) });
  }

  setTitle(chartTitle: string): this {
    return option(this, 'setTitle', { title: chartTitle });
  }

  setTitleTextStyle(textStyle: GasTextStyle): this {
    return option(this, 'setTitleTextStyle', { titleTextStyle: textStyleOption(textStyle) });
  }
}

/** Charts with two axes: axis titles and text styles. */
class AxisChartBuilder extends StyledChartBuilder {
  setXAxisTitle(title: string): this {
    return option(this, 'setXAxisTitle', { 'hAxis.title': title });
  }

  setXAxisTextStyle(textStyle: GasTextStyle): this {
    return option(this, 'setXAxisTextStyle', { 'hAxis.textStyle': textStyleOption(textStyle) });
  }

  setXAxisTitleTextStyle(textStyle: GasTextStyle): this {
    return option(this, 'setXAxisTitleTextStyle', { 'hAxis.titleTextStyle': textStyleOption(textStyle) });
  }

  setYAxisTitle(title: string): this {
    return option(this, 'setYAxisTitle', { 'vAxis.title': title });
  }

  setYAxisTextStyle(textStyle: GasTextStyle): this {
    return option(this, 'setYAxisTextStyle', { 'vAxis.textStyle': textStyleOption(textStyle) });
  }

  setYAxisTitleTextStyle(textStyle: GasTextStyle): this {
    return option(this, 'setYAxisTitleTextStyle', { 'vAxis.titleTextStyle': textStyleOption(textStyle) });
  }
}

/** Charts over categories (area, bar, column, combo, histogram, line): value range, log scale, reversed categories. */
class CategoryChartBuilder extends AxisChartBuilder {
  reverseCategories(): this {
    return option(this, 'reverseCategories', { reverseCategories: true });
  }

  setRange(start: number, end: number): this {
    const axis = this.state.type === 'BAR' ? 'hAxis' : 'vAxis';
    return option(this, 'setRange', { [`${axis}.viewWindow.min`]: start, [`${axis}.viewWindow.max`]: end });
  }

  useLogScale(): this {
    return option(this, 'useLogScale', { [`${this.state.type === 'BAR' ? 'hAxis' : 'vAxis'}.logScale`]: true });
  }
}

/** Category charts that can stack their series. */
class StackedChartBuilder extends CategoryChartBuilder {
  setStacked(): this {
    return option(this, 'setStacked', { isStacked: true });
  }
}

/** `EmbeddedColumnChartBuilder`. */
export class EmuEmbeddedColumnChartBuilder
  extends StackedChartBuilder
  implements GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder {}

/** `EmbeddedComboChartBuilder`. */
export class EmuEmbeddedComboChartBuilder
  extends StackedChartBuilder
  implements GoogleAppsScript.Spreadsheet.EmbeddedComboChartBuilder {}

/** `EmbeddedHistogramChartBuilder`. */
export class EmuEmbeddedHistogramChartBuilder
  extends StackedChartBuilder
  implements GoogleAppsScript.Spreadsheet.EmbeddedHistogramChartBuilder {}

/** `EmbeddedBarChartBuilder`. */
export class EmuEmbeddedBarChartBuilder
  extends StackedChartBuilder
  implements GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder
{
  reverseDirection(): this {
    return option(this, 'reverseDirection', { 'vAxis.direction': -1 });
  }
}

/** `EmbeddedAreaChartBuilder`. */
export class EmuEmbeddedAreaChartBuilder
  extends StackedChartBuilder
  implements GoogleAppsScript.Spreadsheet.EmbeddedAreaChartBuilder
{
  setPointStyle(style: GoogleAppsScript.Charts.PointStyle): this {
    return option(this, 'setPointStyle', { pointStyle: enumName(style) });
  }
}

/** `EmbeddedLineChartBuilder`. */
export class EmuEmbeddedLineChartBuilder
  extends CategoryChartBuilder
  implements GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder
{
  setCurveStyle(style: GoogleAppsScript.Charts.CurveStyle): this {
    return option(this, 'setCurveStyle', { curveType: enumName(style) === 'SMOOTH' ? 'function' : 'none' });
  }

  setPointStyle(style: GoogleAppsScript.Charts.PointStyle): this {
    return option(this, 'setPointStyle', { pointStyle: enumName(style) });
  }
}

/** `EmbeddedScatterChartBuilder`: the only one with axis ranges and per-axis log scales. */
export class EmuEmbeddedScatterChartBuilder
  extends AxisChartBuilder
  implements GoogleAppsScript.Spreadsheet.EmbeddedScatterChartBuilder
{
  setPointStyle(style: GoogleAppsScript.Charts.PointStyle): this {
    return option(this, 'setPointStyle', { pointStyle: enumName(style) });
  }

  setXAxisRange(start: number, end: number): this {
    return option(this, 'setXAxisRange', { 'hAxis.viewWindow.min': start, 'hAxis.viewWindow.max': end });
  }

  setYAxisRange(start: number, end: number): this {
    return option(this, 'setYAxisRange', { 'vAxis.viewWindow.min': start, 'vAxis.viewWindow.max': end });
  }

  setXAxisLogScale(): this {
    return option(this, 'setXAxisLogScale', { 'hAxis.logScale': true });
  }

  setYAxisLogScale(): this {
    return option(this, 'setYAxisLogScale', { 'vAxis.logScale': true });
  }
}

/** `EmbeddedPieChartBuilder`. */
export class EmuEmbeddedPieChartBuilder
  extends StyledChartBuilder
  implements GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder
{
  reverseCategories(): this {
    return option(this, 'reverseCategories', { reverseCategories: true });
  }

  set3D(): this {
    return option(this, 'set3D', { is3D: true });
  }
}

/** `EmbeddedTableChartBuilder`. */
export class EmuEmbeddedTableChartBuilder
  extends EmuEmbeddedChartBuilder
  implements GoogleAppsScript.Spreadsheet.EmbeddedTableChartBuilder
{
  enablePaging(enableOrPageSize: boolean | number, startPage?: number): this {
    const paging =
      typeof enableOrPageSize === 'boolean'
        ? { page: enableOrPageSize ? 'enable' : 'disable' }
        : { page: 'enable', pageSize: enableOrPageSize, ...(startPage === undefined ? {} : { startPage }) };
    return option(this, 'enablePaging', paging);
  }

  enableRtlTable(rtlEnabled: boolean): this {
    return option(this, 'enableRtlTable', { rtlTable: rtlEnabled });
  }

  enableSorting(enableSorting: boolean): this {
    return option(this, 'enableSorting', { sort: enableSorting ? 'enable' : 'disable' });
  }

  setFirstRowNumber(number: number): this {
    return option(this, 'setFirstRowNumber', { firstRowNumber: number });
  }

  setInitialSortingAscending(column: number): this {
    return option(this, 'setInitialSortingAscending', { sortColumn: column, sortAscending: true });
  }

  setInitialSortingDescending(column: number): this {
    return option(this, 'setInitialSortingDescending', { sortColumn: column, sortAscending: false });
  }

  showRowNumberColumn(showRowNumber: boolean): this {
    return option(this, 'showRowNumberColumn', { showRowNumber });
  }

  useAlternatingRowStyle(alternate: boolean): this {
    return option(this, 'useAlternatingRowStyle', { alternatingRowStyle: alternate });
  }
}

/** `ContainerInfo`: a chart's anchor. */
export class EmuContainerInfo implements GoogleAppsScript.Spreadsheet.ContainerInfo {
  constructor(
    private readonly calls: ServiceCalls,
    private readonly position: ChartPosition,
  ) {}

  getAnchorRow(): number {
    this.calls.record('ContainerInfo.getAnchorRow');
    return this.position.anchorRow;
  }

  getAnchorColumn(): number {
    this.calls.record('ContainerInfo.getAnchorColumn');
    return this.position.anchorColumn;
  }

  getOffsetX(): number {
    this.calls.record('ContainerInfo.getOffsetX');
    return this.position.offsetX;
  }

  getOffsetY(): number {
    this.calls.record('ContainerInfo.getOffsetY');
    return this.position.offsetY;
  }
}

/** `ChartOptions`. */
export class EmuChartOptions implements GoogleAppsScript.Charts.ChartOptions {
  constructor(
    private readonly calls: ServiceCalls,
    private readonly options: Record<string, unknown>,
  ) {}

  get(option: string): any {
    this.calls.record('ChartOptions.get');
    return readOption(this.options, option);
  }
}

/** `EmbeddedChart`: a built (and possibly inserted) chart. */
export class EmuEmbeddedChart
  implements
    Pick<
      GasChart,
      | 'getChartId'
      | 'getContainerInfo'
      | 'getHiddenDimensionStrategy'
      | 'getMergeStrategy'
      | 'getNumHeaders'
      | 'getOptions'
      | 'getRanges'
      | 'getTransposeRowsAndColumns'
      | 'modify'
    >
{
  constructor(
    private readonly calls: ServiceCalls,
    readonly state: ChartState,
  ) {}

  getChartId(): number | null {
    this.calls.record('EmbeddedChart.getChartId');
    return this.state.chartId;
  }

  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    this.calls.record('EmbeddedChart.getContainerInfo');
    return new EmuContainerInfo(this.calls, { ...this.state.position });
  }

  getHiddenDimensionStrategy(): GoogleAppsScript.Charts.ChartHiddenDimensionStrategy {
    this.calls.record('EmbeddedChart.getHiddenDimensionStrategy');
    return asEnum(ChartHiddenDimensionStrategy, this.state.hiddenDimensionStrategy);
  }

  getMergeStrategy(): GoogleAppsScript.Charts.ChartMergeStrategy {
    this.calls.record('EmbeddedChart.getMergeStrategy');
    return asEnum(ChartMergeStrategy, this.state.mergeStrategy);
  }

  getNumHeaders(): number {
    this.calls.record('EmbeddedChart.getNumHeaders');
    return this.state.numHeaders;
  }

  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    this.calls.record('EmbeddedChart.getOptions');
    return new EmuChartOptions(this.calls, structuredClone(this.state.options));
  }

  getRanges(): GasRange[] {
    this.calls.record('EmbeddedChart.getRanges');
    return this.state.ranges.slice() as unknown as GasRange[];
  }

  getTransposeRowsAndColumns(): boolean {
    this.calls.record('EmbeddedChart.getTransposeRowsAndColumns');
    return this.state.transposeRowsAndColumns;
  }

  modify(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    this.calls.record('EmbeddedChart.modify');
    return new EmuEmbeddedChartBuilder(this.calls, copyChartState(this.state));
  }
}

/** `Charts.TextStyle`. */
export class EmuTextStyle implements GasTextStyle {
  constructor(
    readonly color: string,
    readonly fontName: string,
    readonly fontSize: number,
  ) {}

  getColor(): string {
    return this.color;
  }

  getFontName(): string {
    return this.fontName;
  }

  getFontSize(): number {
    return this.fontSize;
  }
}

/** `Charts.TextStyleBuilder`; what is not set stays `'#000000'`, `''`, `0` (the reference gives no defaults). */
export class EmuTextStyleBuilder implements GoogleAppsScript.Charts.TextStyleBuilder {
  private color = '#000000';
  private fontName = '';
  private fontSize = 0;

  constructor(private readonly calls: ServiceCalls) {}

  setColor(cssValue: string): GoogleAppsScript.Charts.TextStyleBuilder {
    this.calls.record('TextStyleBuilder.setColor');
    this.color = cssValue;
    return this;
  }

  setFontName(fontName: string): GoogleAppsScript.Charts.TextStyleBuilder {
    this.calls.record('TextStyleBuilder.setFontName');
    this.fontName = fontName;
    return this;
  }

  setFontSize(fontSize: number): GoogleAppsScript.Charts.TextStyleBuilder {
    this.calls.record('TextStyleBuilder.setFontSize');
    this.fontSize = fontSize;
    return this;
  }

  build(): GasTextStyle {
    this.calls.record('TextStyleBuilder.build');
    return new EmuTextStyle(this.color, this.fontName, this.fontSize);
  }
}

/** The `Charts` global: enums and `newTextStyle()`. */
export function chartsService(calls: ServiceCalls): Record<string, unknown> {
  return {
    ChartType,
    Position,
    ChartMergeStrategy,
    ChartHiddenDimensionStrategy,
    CurveStyle,
    PointStyle,
    newTextStyle: () => {
      calls.record('Charts.newTextStyle');
      return new EmuTextStyleBuilder(calls);
    },
  };
}
