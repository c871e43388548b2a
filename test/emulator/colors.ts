/**
 * Colours as Sheets stores them: CSS notation in (`#FFF`, `#ff0000`, `red`), lower-case `#rrggbb`
 * out; `null` resets to the default. `Color`/`RgbColor` objects for the `…Object` getters.
 */
import { asEnum, ColorType } from './enums';

const NAMED: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  gray: '#808080',
  grey: '#808080',
  silver: '#c0c0c0',
  purple: '#800080',
  lime: '#00ff00',
  navy: '#000080',
  teal: '#008080',
  maroon: '#800000',
  olive: '#808000',
  aqua: '#00ffff',
  fuchsia: '#ff00ff',
  cyan: '#00ffff',
  magenta: '#ff00ff',
  transparent: '#ffffff',
};

/** `#rrggbb` (lower case) of a CSS colour; `null`/`''` give `fallback`. Unknown names are kept lower-cased. */
export function normalizeColor(color: string | null | undefined, fallback: string): string {
  if (color === null || color === undefined || color === '') return fallback;
  const text = String(color).trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(text)) return text;
  if (/^#[0-9a-f]{3}$/.test(text)) return `#${text[1]}${text[1]}${text[2]}${text[2]}${text[3]}${text[3]}`;
  return NAMED[text] ?? text;
}

type GasRgbColor = GoogleAppsScript.Base.RgbColor;

/** An RGB colour (`SpreadsheetApp.newColor()…`, `getBackgroundObject()`, gradient colours). */
export class EmuRgbColor
  implements Pick<GasRgbColor, 'asHexString' | 'getRed' | 'getGreen' | 'getBlue' | 'getColorType'>
{
  constructor(private readonly hex: string) {}

  asHexString(): string {
    return this.hex;
  }

  getRed(): number {
    return parseInt(this.hex.slice(1, 3), 16);
  }

  getGreen(): number {
    return parseInt(this.hex.slice(3, 5), 16);
  }

  getBlue(): number {
    return parseInt(this.hex.slice(5, 7), 16);
  }

  getColorType(): GoogleAppsScript.Base.ColorType {
    return asEnum(ColorType, 'RGB');
  }
}

/** A `Color` holding an RGB colour. */
export class EmuColor implements Pick<GoogleAppsScript.Spreadsheet.Color, 'asRgbColor' | 'getColorType'> {
  constructor(readonly hex: string) {}

  asRgbColor(): GasRgbColor {
    return new EmuRgbColor(this.hex) as unknown as GasRgbColor;
  }

  getColorType(): GoogleAppsScript.Base.ColorType {
    return asEnum(ColorType, 'RGB');
  }
}
