/**
 * Targets for headline KPIs (issue 16, wizard step 3): which KPIs take one, how a target typed in
 * the sidebar is read (as the user sees the KPI: "5 %" or "5" is 0.05 for a rate, NPS in points,
 * money in the report's currency, in the spreadsheet's decimal mark), how it is shown back, and the
 * plain message when it cannot be read. Every target reaches the report in the KPI's own unit.
 */
import { KpiError, type Language } from '../errors/catalogue';
import { BETTER_WHEN, type HeadlineKey } from '../report/compute/headline';
import { fill } from '../report/fill';
import { reportLabels } from '../report/labels';
import { amountOfText, readerLocale } from '../sheets/report/reader-values';
import { numberText } from '../locale/number-text';

/** How a target is typed and shown: a rate in %, NPS in points, an amount of money, or a plain number. */
export type TargetUnit = 'percent' | 'points' | 'currency' | 'number';

/** A KPI that takes a target, as the wizard lists it. */
export interface TargetKpi {
  key: HeadlineKey;
  label: string;
  unit: TargetUnit;
}

/** Targets as remembered and sent to the report: each in its KPI's own unit (a rate as a fraction). */
export type Targets = Partial<Record<HeadlineKey, number>>;

/**
 * The unit of the KPIs whose values are not plain numbers. Any headline KPI not named here (one
 * added later) is read as a plain number, which is what a count, a ratio or a decimal is.
 */
const UNITS: Partial<Record<HeadlineKey, TargetUnit>> = {
  nps: 'points',
  csat: 'percent',
  churn: 'percent',
  retention: 'percent',
  repeatRate: 'percent',
  nrr: 'percent',
  grossMrrChurn: 'percent',
  conversionRate: 'percent',
  cartAbandonment: 'percent',
  revenue: 'currency',
  aov: 'currency',
  ltv: 'currency',
  mrr: 'currency',
  expansionMrr: 'currency',
  arr: 'currency',
  arpa: 'currency',
  mrrGrowth: 'percent',
};

/** A KPI's target unit. */
export function targetUnit(key: HeadlineKey): TargetUnit {
  return UNITS[key] ?? 'number';
}

/**
 * The KPIs a user can set a target for: every headline KPI that is better higher or lower (not
 * the context counts such as the answers or the margin of error), in the headline's order.
 */
export function targetKpis(language: Language, locale: string): TargetKpi[] {
  const labels = reportLabels(language, locale);
  return (Object.keys(BETTER_WHEN) as HeadlineKey[])
    .filter((key) => BETTER_WHEN[key] !== 0)
    .map((key) => ({ key, label: labels.kpis[key]?.[0] ?? key, unit: targetUnit(key) }));
}

/** Whether `key` is a KPI that takes a target. */
export function isTargetKey(key: string): key is HeadlineKey {
  return Object.prototype.hasOwnProperty.call(BETTER_WHEN, key) && BETTER_WHEN[key as HeadlineKey] !== 0;
}

const MESSAGES = {
  en: {
    unknownKpi: 'Targets: “{kpi}” is not a KPI of the report. Choose one from the list.',
    empty: 'Target for {kpi}: type a value.',
    notNumber: 'Target for {kpi}: “{text}” is not a number. {how}',
    range: 'Target for {kpi}: {text} is out of range. {how}',
    howPercent: 'Type a percentage such as 5 or 5 % (between −1000 % and 1000 %).',
    howPoints: 'Type NPS points between −100 and 100, such as 30.',
    howCurrency: 'Type an amount such as {example}, without the currency if you like.',
    howNumber: 'Type a number such as {example}.',
  },
  es: {
    unknownKpi: 'Objetivos: «{kpi}» no es un KPI del informe. Elige uno de la lista.',
    empty: 'Objetivo de {kpi}: escribe un valor.',
    notNumber: 'Objetivo de {kpi}: «{text}» no es un número. {how}',
    range: 'Objetivo de {kpi}: {text} está fuera del intervalo. {how}',
    howPercent: 'Escribe un porcentaje como 5 o 5 % (entre −1000 % y 1000 %).',
    howPoints: 'Escribe puntos de NPS entre −100 y 100, como 30.',
    howCurrency: 'Escribe un importe como {example}, con o sin la moneda.',
    howNumber: 'Escribe un número como {example}.',
  },
} as const;

/** Where a target's value may lie, in the KPI's own unit. */
const LIMITS: Record<TargetUnit, [number, number]> = {
  percent: [-10, 10],
  points: [-100, 100],
  currency: [-1e12, 1e12],
  number: [-1e12, 1e12],
};

/** A target read, or why it cannot be. */
export type TargetReading = { ok: true; value: number; text: string } | { ok: false; message: string };

function howToFix(unit: TargetUnit, language: Language, locale: string): string {
  const m = MESSAGES[language];
  const example = numberText(unit === 'currency' ? 1500.5 : 2.5, unit === 'currency' ? 2 : 1, locale);
  if (unit === 'percent') return m.howPercent;
  if (unit === 'points') return m.howPoints;
  return fill(unit === 'currency' ? m.howCurrency : m.howNumber, { example });
}

/**
 * Reads a target as typed (`"5 %"`, `"5"`, `"1.500,50 €"`, `"-10"`) or as a number already in the
 * KPI's unit (a remembered target), in the spreadsheet `locale`'s decimal mark.
 */
export function readTarget(key: string, entry: unknown, language: Language, locale: string): TargetReading {
  const m = MESSAGES[language];
  if (!isTargetKey(key)) return { ok: false, message: fill(m.unknownKpi, { kpi: String(key).slice(0, 40) }) };
  const kpi = reportLabels(language, locale).kpis[key]?.[0] ?? key;
  const unit = targetUnit(key);
  const how = howToFix(unit, language, locale);
  let value: number | undefined;
  let shown = '';
  if (typeof entry === 'number') {
    value = Number.isFinite(entry) ? entry : undefined;
    shown = String(entry);
  } else if (typeof entry === 'string') {
    shown = entry.trim().slice(0, 40);
    if (shown === '') return { ok: false, message: fill(m.empty, { kpi }) };
    const percentSign = /\s*%\s*$/.test(shown);
    const body = shown.replace(/\s*%\s*$/, '');
    const read = percentSign && unit !== 'percent' ? undefined : amountOfText(body, readerLocale(locale).decimal);
    value = read === undefined ? undefined : unit === 'percent' ? read / 100 : read;
  } else {
    return { ok: false, message: fill(m.empty, { kpi }) };
  }
  if (value === undefined || !Number.isFinite(value))
    return { ok: false, message: fill(m.notNumber, { kpi, text: shown, how }) };
  const [low, high] = LIMITS[unit];
  if (value < low || value > high) return { ok: false, message: fill(m.range, { kpi, text: shown, how }) };
  // Rounded as the user could have typed it: no 0.30000000000000004.
  const clean = Number(value.toPrecision(12));
  return { ok: true, value: clean, text: targetText(key, clean, locale) };
}

/** A target as the sidebar shows it: `5 %`, `30`, `1.500,5` — in the spreadsheet's decimal mark. */
export function targetText(key: HeadlineKey, value: number, locale: string): string {
  const unit = targetUnit(key);
  const shown = unit === 'percent' ? value * 100 : value;
  const decimals = Math.min(6, Math.max(0, (String(Number(shown.toPrecision(10))).split('.')[1] ?? '').length));
  const text = numberText(shown, decimals, locale);
  return unit === 'percent' ? `${text} %` : text;
}

/**
 * Every target of a request or of the remembered settings, read; the first that cannot be read
 * stops the run with its message (the sidebar checks each as it is added, so this is a last guard).
 */
export function validTargets(value: unknown, language: Language, locale: string): Targets {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw new KpiError(
      'BAD_REQUEST',
      { fn: 'Fideliza', arg: 'targets' },
      { en: 'not an object', es: 'no es un objeto' },
    );
  const targets: Targets = {};
  for (const [key, entry] of Object.entries(value as Record<string, unknown>).slice(0, 100)) {
    const reading = readTarget(key, entry, language, locale);
    if (!reading.ok) {
      const other = language === 'en' ? 'es' : 'en';
      const otherReading = readTarget(key, entry, other, locale);
      const otherMessage = otherReading.ok ? reading.message : otherReading.message;
      // The catalogue's sentence closes the parenthesis: the message's own full stop goes.
      const bare = (message: string) => message.replace(/\.$/, '');
      const detail = { [language]: bare(reading.message), [other]: bare(otherMessage) } as Record<Language, string>;
      throw new KpiError('BAD_REQUEST', { fn: 'Fideliza', arg: 'targets' }, detail);
    }
    targets[key as HeadlineKey] = reading.value;
  }
  return targets;
}
