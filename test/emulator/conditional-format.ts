/**
 * Conditional format rules as Apps Script documents them: `SpreadsheetApp.newConditionalFormatRule()`
 * gives a `ConditionalFormatRuleBuilder`; a rule holds either a gradient (colour scale: min, optional
 * mid, max points, each a colour, an `InterpolationType` and a value) or a boolean condition with a
 * format (background, font colour, bold, italic, strikethrough, underline), plus the ranges it
 * applies to. Setting a gradient point turns the rule into a colour scale; a `when…` call turns it
 * into a boolean rule (the last kind set wins, as in the builder's documentation).
 */
import type { ServiceCalls } from './calls';
import { EmuColor, normalizeColor } from './colors';
import { BooleanCriteria, InterpolationType, asEnum, enumName } from './enums';
import type { EmuRange } from './range';

type GasRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type GasBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type GasGradient = GoogleAppsScript.Spreadsheet.GradientCondition;
type GasBoolean = GoogleAppsScript.Spreadsheet.BooleanCondition;
type GasRange = GoogleAppsScript.Spreadsheet.Range;
type GasInterpolation = GoogleAppsScript.Spreadsheet.InterpolationType;

/** One point of a colour scale. */
export interface GradientPoint {
  color: string;
  type: string;
  value: string;
}

/** The plain content of a rule (what the rendering and the fingerprint read). */
export interface RuleState {
  ranges: EmuRange[];
  gradient?: { min?: GradientPoint; mid?: GradientPoint; max?: GradientPoint };
  condition?: { criteria: string; values: unknown[] };
  format: {
    background?: string | null;
    fontColor?: string | null;
    bold?: boolean | null;
    italic?: boolean | null;
    strikethrough?: boolean | null;
    underline?: boolean | null;
  };
}

function copyState(state: RuleState): RuleState {
  return {
    ranges: state.ranges.slice(),
    ...(state.gradient ? { gradient: { ...state.gradient } } : {}),
    ...(state.condition
      ? { condition: { criteria: state.condition.criteria, values: state.condition.values.slice() } }
      : {}),
    format: { ...state.format },
  };
}

/** A built rule. */
export class EmuConditionalFormatRule
  implements Pick<GasRule, 'copy' | 'getBooleanCondition' | 'getGradientCondition' | 'getRanges'>
{
  readonly state: RuleState;

  constructor(
    private readonly calls: ServiceCalls,
    state: RuleState,
  ) {
    this.state = copyState(state);
  }

  copy(): GasBuilder {
    this.calls.record('ConditionalFormatRule.copy');
    return new EmuConditionalFormatRuleBuilder(this.calls, this.state) as unknown as GasBuilder;
  }

  getBooleanCondition(): GasBoolean | null {
    this.calls.record('ConditionalFormatRule.getBooleanCondition');
    return this.state.condition ? (new EmuBooleanCondition(this.calls, this.state) as unknown as GasBoolean) : null;
  }

  getGradientCondition(): GasGradient | null {
    this.calls.record('ConditionalFormatRule.getGradientCondition');
    return this.state.gradient
      ? (new EmuGradientCondition(this.calls, this.state.gradient) as unknown as GasGradient)
      : null;
  }

  getRanges(): GasRange[] {
    this.calls.record('ConditionalFormatRule.getRanges');
    return this.state.ranges.slice() as unknown as GasRange[];
  }

  /** A plain description: ranges in A1, gradient points or condition, and format. */
  spec(): Record<string, unknown> {
    return {
      ranges: this.state.ranges.map((r) => r.a1()),
      ...(this.state.gradient ? { gradient: JSON.parse(JSON.stringify(this.state.gradient)) } : {}),
      ...(this.state.condition
        ? { condition: { criteria: this.state.condition.criteria, values: this.state.condition.values.map(String) } }
        : {}),
      format: { ...this.state.format },
    };
  }
}

/** `ConditionalFormatRuleBuilder`. */
export class EmuConditionalFormatRuleBuilder
  implements
    Pick<
      GasBuilder,
      | 'build'
      | 'copy'
      | 'getBooleanCondition'
      | 'getGradientCondition'
      | 'getRanges'
      | 'setBackground'
      | 'setBold'
      | 'setFontColor'
      | 'setGradientMaxpoint'
      | 'setGradientMaxpointWithValue'
      | 'setGradientMidpointWithValue'
      | 'setGradientMinpoint'
      | 'setGradientMinpointWithValue'
      | 'setItalic'
      | 'setRanges'
      | 'setStrikethrough'
      | 'setUnderline'
      | 'whenCellEmpty'
      | 'whenCellNotEmpty'
      | 'whenFormulaSatisfied'
      | 'whenNumberBetween'
      | 'whenNumberEqualTo'
      | 'whenNumberGreaterThan'
      | 'whenNumberGreaterThanOrEqualTo'
      | 'whenNumberLessThan'
      | 'whenNumberLessThanOrEqualTo'
      | 'whenNumberNotBetween'
      | 'whenNumberNotEqualTo'
      | 'whenTextContains'
      | 'whenTextDoesNotContain'
      | 'whenTextEndsWith'
      | 'whenTextEqualTo'
      | 'whenTextStartsWith'
      | 'withCriteria'
    >
{
  private readonly state: RuleState;

  constructor(
    private readonly calls: ServiceCalls,
    state?: RuleState,
  ) {
    this.state = state ? copyState(state) : { ranges: [], format: {} };
  }

  private step(method: string, change: (state: RuleState) => void): GasBuilder {
    this.calls.record(`ConditionalFormatRuleBuilder.${method}`);
    change(this.state);
    return this as unknown as GasBuilder;
  }

  private point(method: string, which: 'min' | 'mid' | 'max', color: string, type: unknown, value: string): GasBuilder {
    return this.step(method, (s) => {
      delete s.condition;
      s.gradient = {
        ...s.gradient,
        [which]: {
          color: normalizeColor(color, '#ffffff'),
          type: enumName(type),
          value: value === undefined || value === null ? '' : String(value),
        },
      };
    });
  }

  private when(method: string, criteria: keyof typeof BooleanCriteria, values: unknown[]): GasBuilder {
    return this.step(method, (s) => {
      delete s.gradient;
      s.condition = { criteria, values };
    });
  }

  build(): GasRule {
    this.calls.record('ConditionalFormatRuleBuilder.build');
    return new EmuConditionalFormatRule(this.calls, this.state) as unknown as GasRule;
  }

  copy(): GasBuilder {
    this.calls.record('ConditionalFormatRuleBuilder.copy');
    return new EmuConditionalFormatRuleBuilder(this.calls, this.state) as unknown as GasBuilder;
  }

  getBooleanCondition(): GasBoolean | null {
    this.calls.record('ConditionalFormatRuleBuilder.getBooleanCondition');
    return this.state.condition
      ? (new EmuBooleanCondition(this.calls, copyState(this.state)) as unknown as GasBoolean)
      : null;
  }

  getGradientCondition(): GasGradient | null {
    this.calls.record('ConditionalFormatRuleBuilder.getGradientCondition');
    return this.state.gradient
      ? (new EmuGradientCondition(this.calls, { ...this.state.gradient }) as unknown as GasGradient)
      : null;
  }

  getRanges(): GasRange[] {
    this.calls.record('ConditionalFormatRuleBuilder.getRanges');
    return this.state.ranges.slice() as unknown as GasRange[];
  }

  setRanges(ranges: GasRange[]): GasBuilder {
    return this.step('setRanges', (s) => {
      s.ranges = (ranges as unknown as EmuRange[]).slice();
    });
  }

  setBackground(color: string | null): GasBuilder {
    return this.step('setBackground', (s) => {
      s.format.background = color === null ? null : normalizeColor(color, '#ffffff');
    });
  }

  setFontColor(color: string | null): GasBuilder {
    return this.step('setFontColor', (s) => {
      s.format.fontColor = color === null ? null : normalizeColor(color, '#000000');
    });
  }

  setBold(bold: boolean | null): GasBuilder {
    return this.step('setBold', (s) => {
      s.format.bold = bold;
    });
  }

  setItalic(italic: boolean | null): GasBuilder {
    return this.step('setItalic', (s) => {
      s.format.italic = italic;
    });
  }

  setStrikethrough(strikethrough: boolean | null): GasBuilder {
    return this.step('setStrikethrough', (s) => {
      s.format.strikethrough = strikethrough;
    });
  }

  setUnderline(underline: boolean | null): GasBuilder {
    return this.step('setUnderline', (s) => {
      s.format.underline = underline;
    });
  }

  setGradientMinpoint(color: string): GasBuilder {
    return this.point('setGradientMinpoint', 'min', color, InterpolationType.MIN, '');
  }

  setGradientMaxpoint(color: string): GasBuilder {
    return this.point('setGradientMaxpoint', 'max', color, InterpolationType.MAX, '');
  }

  setGradientMinpointWithValue(color: string, type: GasInterpolation, value: string): GasBuilder {
    return this.point('setGradientMinpointWithValue', 'min', color, type, value);
  }

  setGradientMidpointWithValue(color: string, type: GasInterpolation, value: string): GasBuilder {
    return this.point('setGradientMidpointWithValue', 'mid', color, type, value);
  }

  setGradientMaxpointWithValue(color: string, type: GasInterpolation, value: string): GasBuilder {
    return this.point('setGradientMaxpointWithValue', 'max', color, type, value);
  }

  whenCellEmpty(): GasBuilder {
    return this.when('whenCellEmpty', 'CELL_EMPTY', []);
  }

  whenCellNotEmpty(): GasBuilder {
    return this.when('whenCellNotEmpty', 'CELL_NOT_EMPTY', []);
  }

  whenFormulaSatisfied(formula: string): GasBuilder {
    return this.when('whenFormulaSatisfied', 'CUSTOM_FORMULA', [formula]);
  }

  whenNumberBetween(start: number, end: number): GasBuilder {
    return this.when('whenNumberBetween', 'NUMBER_BETWEEN', [start, end]);
  }

  whenNumberNotBetween(start: number, end: number): GasBuilder {
    return this.when('whenNumberNotBetween', 'NUMBER_NOT_BETWEEN', [start, end]);
  }

  whenNumberEqualTo(number: number): GasBuilder {
    return this.when('whenNumberEqualTo', 'NUMBER_EQUAL_TO', [number]);
  }

  whenNumberNotEqualTo(number: number): GasBuilder {
    return this.when('whenNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', [number]);
  }

  whenNumberGreaterThan(number: number): GasBuilder {
    return this.when('whenNumberGreaterThan', 'NUMBER_GREATER_THAN', [number]);
  }

  whenNumberGreaterThanOrEqualTo(number: number): GasBuilder {
    return this.when('whenNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }

  whenNumberLessThan(number: number): GasBuilder {
    return this.when('whenNumberLessThan', 'NUMBER_LESS_THAN', [number]);
  }

  whenNumberLessThanOrEqualTo(number: number): GasBuilder {
    return this.when('whenNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }

  whenTextContains(text: string): GasBuilder {
    return this.when('whenTextContains', 'TEXT_CONTAINS', [text]);
  }

  whenTextDoesNotContain(text: string): GasBuilder {
    return this.when('whenTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', [text]);
  }

  whenTextEndsWith(text: string): GasBuilder {
    return this.when('whenTextEndsWith', 'TEXT_ENDS_WITH', [text]);
  }

  whenTextEqualTo(text: string): GasBuilder {
    return this.when('whenTextEqualTo', 'TEXT_EQUAL_TO', [text]);
  }

  whenTextStartsWith(text: string): GasBuilder {
    return this.when('whenTextStartsWith', 'TEXT_STARTS_WITH', [text]);
  }

  withCriteria(criteria: GoogleAppsScript.Spreadsheet.BooleanCriteria, args: any[]): GasBuilder {
    return this.when('withCriteria', enumName(criteria) as keyof typeof BooleanCriteria, args.slice());
  }
}

/** `GradientCondition`: the points of a colour scale. */
export class EmuGradientCondition
  implements
    Pick<
      GasGradient,
      | 'getMinColor'
      | 'getMinType'
      | 'getMinValue'
      | 'getMidColor'
      | 'getMidType'
      | 'getMidValue'
      | 'getMaxColor'
      | 'getMaxType'
      | 'getMaxValue'
    >
{
  constructor(
    private readonly calls: ServiceCalls,
    private readonly gradient: NonNullable<RuleState['gradient']>,
  ) {}

  /** Deprecated hex form of {@link getMinColorObject}. */
  getMinColor(): string {
    this.calls.record('GradientCondition.getMinColor');
    return this.gradient.min?.color ?? '';
  }

  getMinColorObject(): GoogleAppsScript.Spreadsheet.Color | null {
    this.calls.record('GradientCondition.getMinColorObject');
    return this.gradient.min
      ? (new EmuColor(this.gradient.min.color) as unknown as GoogleAppsScript.Spreadsheet.Color)
      : null;
  }

  getMinType(): GasInterpolation {
    this.calls.record('GradientCondition.getMinType');
    return (this.gradient.min ? asEnum(InterpolationType, this.gradient.min.type) : null) as GasInterpolation;
  }

  getMinValue(): string {
    this.calls.record('GradientCondition.getMinValue');
    return this.gradient.min?.value ?? '';
  }

  getMidColor(): string {
    this.calls.record('GradientCondition.getMidColor');
    return this.gradient.mid?.color ?? '';
  }

  getMidColorObject(): GoogleAppsScript.Spreadsheet.Color | null {
    this.calls.record('GradientCondition.getMidColorObject');
    return this.gradient.mid
      ? (new EmuColor(this.gradient.mid.color) as unknown as GoogleAppsScript.Spreadsheet.Color)
      : null;
  }

  getMidType(): GasInterpolation {
    this.calls.record('GradientCondition.getMidType');
    return (this.gradient.mid ? asEnum(InterpolationType, this.gradient.mid.type) : null) as GasInterpolation;
  }

  getMidValue(): string {
    this.calls.record('GradientCondition.getMidValue');
    return this.gradient.mid?.value ?? '';
  }

  getMaxColor(): string {
    this.calls.record('GradientCondition.getMaxColor');
    return this.gradient.max?.color ?? '';
  }

  getMaxColorObject(): GoogleAppsScript.Spreadsheet.Color | null {
    this.calls.record('GradientCondition.getMaxColorObject');
    return this.gradient.max
      ? (new EmuColor(this.gradient.max.color) as unknown as GoogleAppsScript.Spreadsheet.Color)
      : null;
  }

  getMaxType(): GasInterpolation {
    this.calls.record('GradientCondition.getMaxType');
    return (this.gradient.max ? asEnum(InterpolationType, this.gradient.max.type) : null) as GasInterpolation;
  }

  getMaxValue(): string {
    this.calls.record('GradientCondition.getMaxValue');
    return this.gradient.max?.value ?? '';
  }
}

/** `BooleanCondition`: a rule's criteria and the format it applies. */
export class EmuBooleanCondition
  implements
    Pick<
      GasBoolean,
      | 'getBackground'
      | 'getBold'
      | 'getCriteriaType'
      | 'getCriteriaValues'
      | 'getFontColor'
      | 'getItalic'
      | 'getStrikethrough'
      | 'getUnderline'
    >
{
  constructor(
    private readonly calls: ServiceCalls,
    private readonly state: RuleState,
  ) {}

  /** Deprecated hex form of {@link getBackgroundObject}. */
  getBackground(): string {
    this.calls.record('BooleanCondition.getBackground');
    return this.state.format.background ?? (null as unknown as string);
  }

  getBackgroundObject(): GoogleAppsScript.Spreadsheet.Color | null {
    this.calls.record('BooleanCondition.getBackgroundObject');
    return this.state.format.background
      ? (new EmuColor(this.state.format.background) as unknown as GoogleAppsScript.Spreadsheet.Color)
      : null;
  }

  getFontColor(): string {
    this.calls.record('BooleanCondition.getFontColor');
    return this.state.format.fontColor ?? (null as unknown as string);
  }

  getFontColorObject(): GoogleAppsScript.Spreadsheet.Color | null {
    this.calls.record('BooleanCondition.getFontColorObject');
    return this.state.format.fontColor
      ? (new EmuColor(this.state.format.fontColor) as unknown as GoogleAppsScript.Spreadsheet.Color)
      : null;
  }

  getBold(): boolean {
    this.calls.record('BooleanCondition.getBold');
    return this.state.format.bold ?? (null as unknown as boolean);
  }

  getItalic(): boolean {
    this.calls.record('BooleanCondition.getItalic');
    return this.state.format.italic ?? (null as unknown as boolean);
  }

  getStrikethrough(): boolean {
    this.calls.record('BooleanCondition.getStrikethrough');
    return this.state.format.strikethrough ?? (null as unknown as boolean);
  }

  getUnderline(): boolean {
    this.calls.record('BooleanCondition.getUnderline');
    return this.state.format.underline ?? (null as unknown as boolean);
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    this.calls.record('BooleanCondition.getCriteriaType');
    return asEnum(BooleanCriteria, this.state.condition!.criteria);
  }

  getCriteriaValues(): any[] {
    this.calls.record('BooleanCondition.getCriteriaValues');
    return this.state.condition!.values.slice();
  }
}
