/**
 * How the `Intl` of Apps Script's V8 may differ from Node's (Google does not document its ICU
 * build). A workbook's `intl` option gives the bundle one of these as its global `Intl`:
 *
 * - `standard`: the host's `Intl` as it is.
 * - `hour24`: `DateTimeFormat` writes midnight as hour `24` whatever `hourCycle` asks (V8/ICU builds
 *   that resolve `hour12: false` to the h24 cycle did so: nodejs/node#33089, tc39/ecma402#402).
 * - `timeZoneThrows`: `DateTimeFormat` refuses a `timeZone` other than UTC with a `RangeError`, as
 *   a runtime without full ICU zone data does.
 * - `noFormatToParts`: `DateTimeFormat` has `format` but no `formatToParts`.
 */

/** The behaviours a test can switch on. */
export type IntlBehaviour = 'standard' | 'hour24' | 'timeZoneThrows' | 'noFormatToParts';

export const INTL_BEHAVIOURS: readonly IntlBehaviour[] = ['standard', 'hour24', 'timeZoneThrows', 'noFormatToParts'];

/** The `Intl` global a bundle sees under a behaviour. */
export function intlWith(behaviour: IntlBehaviour): typeof Intl {
  if (behaviour === 'standard') return Intl;
  const Host = Intl.DateTimeFormat;
  function DateTimeFormat(locales?: string | string[], options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    if (behaviour === 'timeZoneThrows' && options?.timeZone !== undefined && options.timeZone !== 'UTC')
      throw new RangeError(`Invalid time zone specified: ${options.timeZone}`);
    const host = new Host(locales, options);
    if (behaviour === 'timeZoneThrows') return host;
    if (behaviour === 'noFormatToParts') {
      return {
        format: (date?: Date | number) => host.format(date),
        resolvedOptions: () => host.resolvedOptions(),
      } as Intl.DateTimeFormat;
    }
    const midnightAs24 = (parts: Intl.DateTimeFormatPart[]) =>
      parts.map((part) => (part.type === 'hour' && Number(part.value) === 0 ? { ...part, value: '24' } : part));
    return {
      format: (date?: Date | number) =>
        midnightAs24(host.formatToParts(date))
          .map((part) => part.value)
          .join(''),
      formatToParts: (date?: Date | number) => midnightAs24(host.formatToParts(date)),
      resolvedOptions: () => ({ ...host.resolvedOptions(), hourCycle: 'h24' }),
    } as Intl.DateTimeFormat;
  }
  // Intl's members are not enumerable: the others are inherited, not copied.
  const quirky = Object.create(Intl) as { DateTimeFormat: unknown };
  quirky.DateTimeFormat = DateTimeFormat;
  return quirky as unknown as typeof Intl;
}
