/**
 * Numbers as the result card shows them, in the user's language.
 */
import type { Language } from '../errors/catalogue';
import type { KpiFormat } from '../report/compute/model';

/** The default currency of a spreadsheet locale (es_ES → EUR, es_MX → MXN, en_US → USD …). */
export function currencyOfLocale(locale: string): string {
  const region = (/[-_]([A-Za-z]{2})$/.exec(locale)?.[1] ?? '').toUpperCase();
  const byRegion: Record<string, string> = {
    US: 'USD',
    GB: 'GBP',
    MX: 'MXN',
    AR: 'ARS',
    CO: 'COP',
    CL: 'CLP',
    PE: 'PEN',
    CA: 'CAD',
    AU: 'AUD',
    IN: 'INR',
    CH: 'CHF',
    UY: 'UYU',
  };
  return byRegion[region] ?? 'EUR';
}

/** One KPI value as text, e.g. `23,5 %`, `1.234,50 €`, `+3,2`. */
export function formatKpi(
  value: number | null,
  format: KpiFormat,
  language: Language,
  currency: string,
  signed = false,
): string {
  if (value === null || !isFinite(value)) return '—';
  const locale = language === 'es' ? 'es-ES' : 'en-US';
  const sign = signed ? 'exceptZero' : 'auto';
  let options: Intl.NumberFormatOptions;
  switch (format) {
    case 'percent':
      options = { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 };
      break;
    case 'currency':
      options = { style: 'currency', currency, maximumFractionDigits: 0 };
      break;
    case 'integer':
      options = { maximumFractionDigits: 0 };
      break;
    case 'points':
      options = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
      break;
    default:
      options = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  }
  try {
    return new Intl.NumberFormat(locale, { ...options, signDisplay: sign } as Intl.NumberFormatOptions).format(value);
  } catch {
    return (signed && value > 0 ? '+' : '') + String(Math.round(value * 100) / 100);
  }
}
