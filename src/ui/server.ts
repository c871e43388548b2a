/**
 * The server side of the sidebar wizard: the few functions the browser calls through
 * `google.script.run`. Each validates its arguments, returns plain JSON (dates as text) and turns
 * every failure into one plain sentence in the user's language.
 */
import { KpiError, type Language } from '../errors/catalogue';
import { periodIndex } from '../kpi/calendar/days';
import { REPORT_SECTIONS, type SectionKey } from '../report/compute/model';
import { detectSourcesExplained, mappingProblems, type ReportMapping, withReadingChoices } from '../report/detect';
import { fill } from '../report/fill';
import { periodLabel, reportLabels, skipDescriptions } from '../report/labels';
import type { ReportPeriodKind } from '../report/period';
import { defaultPeriodIndex } from '../report/period';
import { SOURCE_SPECS } from '../report/sources';
import { dayOfIsoText, generateReport, modelPeriodLabel, type ReportRequest } from '../sheets/report/generate';
import { userLanguage } from '../sheets/language';
import { dateSpan, previewSheets, sampleSource } from '../sheets/report/preview';
import { mappingError, readSheetHeaders } from '../sheets/report/read-sources';
import { findOwnedSheets, ownedSheetIds } from '../sheets/report/owned-sheets';
import { ZoneCalendar } from '../sheets/timezone';
import { verdictOf } from '../report/compute/story';
import { storySentences } from '../report/compose/band';
import { changeText, valueText } from '../report/compose/prose';
import { currencyOfLocale } from '../report/formats';
import type {
  GenerateRequest,
  GenerateResult,
  MappingCheck,
  PeriodChoice,
  TargetCheck,
  TargetEntry,
  SourceReading,
  WizardScan,
} from './protocol';
import { validGenerateRequest, validMapping } from './validate';
import { endpoint } from './endpoint';
import { setProgress } from './progress';
import { readTarget, targetKpis, targetText, type Targets, validTargets } from './targets';

/** Document property holding the last mapping and options (remembered per document). */
export const SETTINGS_PROPERTY = 'fideliza.settings';
/** Rows shown in the mapping preview, rows whose values detection looks at, and rows checked for warnings. */
const PREVIEW_ROWS = 5;
const DETECTION_ROWS = 50;
const CHECKED_ROWS = 200;
/** Periods offered per kind. */
const PERIOD_CHOICES = 24;

const ALL_SECTIONS = Object.fromEntries(REPORT_SECTIONS.map((key) => [key, true])) as Record<SectionKey, boolean>;

/** What is remembered for the document between runs. */
interface RememberedSettings {
  mapping: ReportMapping;
  periodKind: ReportPeriodKind;
  currency: string;
  sections: Record<SectionKey, boolean>;
  withoutPersonalData: boolean;
  /** Targets by KPI, each in its KPI's own unit (absent in settings saved before targets existed). */
  targets?: Targets;
}

function remembered(): RememberedSettings | undefined {
  const text = PropertiesService.getDocumentProperties().getProperty(SETTINGS_PROPERTY);
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as RememberedSettings;
    return { ...parsed, mapping: validMapping(parsed.mapping), targets: rememberedTargets(parsed.targets) };
  } catch {
    return undefined;
  }
}

/** Remembered targets still valid (a KPI renamed or a value edited by hand is dropped, never guessed). */
function rememberedTargets(value: unknown): Targets {
  try {
    return validTargets(value, 'en', 'en_US');
  } catch {
    const out: Targets = {};
    if (value && typeof value === 'object')
      for (const [key, entry] of Object.entries(value)) {
        const reading = readTarget(key, typeof entry === 'number' ? entry : NaN, 'en', 'en_US');
        if (reading.ok) out[key as keyof Targets] = reading.value;
      }
    return out;
  }
}

/** The remembered targets as the wizard lists them, in the order of the KPIs. */
function targetEntries(targets: Targets, locale: string): TargetEntry[] {
  return targetKpis('en', locale).flatMap(({ key }) => {
    const value = targets[key];
    return value === undefined ? [] : [{ key, value, text: targetText(key, value, locale) }];
  });
}

/** Periods from the latest date of the orders (else the surveys, else the subscription starts), newest first. */
function periodChoices(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  mapping: ReportMapping,
  zone: ZoneCalendar,
  language: Language,
  todayDay: number,
): Record<ReportPeriodKind, PeriodChoice[]> {
  // Only the date column of the orders (else the surveys, else the subscriptions' start) is read: the
  // wizard asks again each time the mapping changes.
  const kind = mapping.orders ? 'orders' : mapping.surveys ? 'surveys' : 'subscriptions';
  const source = mapping[kind];
  const span = source ? dateSpan(spreadsheet, kind, source, zone) : undefined;
  const first = span?.first;
  const last = span?.last;
  const choices = {} as Record<ReportPeriodKind, PeriodChoice[]>;
  for (const periodKind of ['month', 'quarter', 'year'] as ReportPeriodKind[]) {
    const newest = defaultPeriodIndex(periodKind, todayDay, last);
    const oldest = first === undefined ? newest : Math.max(periodIndex(first, periodKind), newest - PERIOD_CHOICES + 1);
    choices[periodKind] = [];
    for (let index = newest; index >= oldest; index--) {
      choices[periodKind].push({ kind: periodKind, index, label: periodLabel(language, periodKind, index) });
    }
  }
  return choices;
}

/**
 * Step 1 of the wizard: the sheets of the spreadsheet with a five-row preview, the detected (or
 * remembered) mapping with the reason for each column, the periods with data and the default options.
 *
 * @return {WizardScan} plain data for the sidebar.
 */
export function wizardScan(): WizardScan {
  return endpoint(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const language = userLanguage();
    const zone = new ZoneCalendar(spreadsheet.getSpreadsheetTimeZone());
    const owned = findOwnedSheets(spreadsheet);
    const ownedIds = new Set([...owned.values()].map((o) => o.sheet.getSheetId()));
    const { previews: sheets, samples } = previewSheets(spreadsheet, ownedIds, PREVIEW_ROWS, DETECTION_ROWS);
    const saved = remembered();
    const savedFits = saved && mappingProblems(saved.mapping, samples).length === 0;
    const detection = detectSourcesExplained(samples);
    const mapping = savedFits ? saved!.mapping : detection.mapping;
    const labels = reportLabels(language);
    const locale = spreadsheet.getSpreadsheetLocale();
    return {
      language,
      timeZone: zone.timeZone,
      locale,
      sheets,
      sources: SOURCE_SPECS.map((spec) => ({
        kind: spec.kind,
        label: labels.sourceKinds[spec.kind],
        optional: spec.kind !== 'orders' && spec.kind !== 'surveys',
        fields: spec.fields.map((f) => ({ key: f.key, label: labels.fields[f.key], required: f.required })),
      })),
      detection: detection.sources,
      mapping,
      remembered: Boolean(savedFits),
      periods: periodChoices(spreadsheet, mapping, zone, language, zone.dayOf(Date.now())),
      defaults: {
        currency: saved?.currency ?? currencyOfLocale(spreadsheet.getSpreadsheetLocale()),
        sections: saved?.sections ?? ALL_SECTIONS,
        withoutPersonalData: saved?.withoutPersonalData ?? false,
        targets: targetEntries(saved?.targets ?? {}, locale),
      },
      targetKpis: targetKpis(language, locale),
      reportSheet: owned.get('report')?.sheet.getName() ?? null,
    };
  });
}

/**
 * Step 2 of the wizard: checks a mapping against the sheets and the first rows of each mapped sheet,
 * returning warnings in plain words with the sheet, column and row.
 *
 * @param mapping {ReportMapping} the mapping the user chose.
 * @return {MappingCheck} `ok` and the messages.
 */
export function wizardCheckMapping(mapping: unknown): MappingCheck {
  return endpoint(() => {
    const valid = withReadingChoices(validMapping(mapping), mapping);
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const language = userLanguage();
    const zone = new ZoneCalendar(spreadsheet.getSpreadsheetTimeZone());
    const headers = readSheetHeaders(spreadsheet, ownedSheetIds(spreadsheet));
    const problems = mappingProblems(valid, headers);
    if (problems.length) return { ok: false, messages: problems.map((p) => mappingError(p).localized(language)) };
    const labels = reportLabels(language);
    const messages: string[] = [];
    const readings: SourceReading[] = [];
    for (const spec of SOURCE_SPECS) {
      const source = valid[spec.kind];
      if (!source) continue;
      const parsed = sampleSource(spreadsheet, spec.kind, source, CHECKED_ROWS, zone);
      if (!parsed) {
        messages.push(fill(labels.wizard.noDataRows, { sheet: source.sheet }));
        continue;
      }
      for (const what of skipDescriptions(labels, parsed.skipped)) {
        messages.push(fill(labels.wizard.skippedInFirstRows, { sheet: source.sheet, rows: CHECKED_ROWS, what }));
      }
      readings.push({
        kind: spec.kind,
        sheet: source.sheet,
        rowsChecked: parsed.rowCount,
        records: parsed.records.length,
        columns: parsed.readings ?? [],
        ...(parsed.excluded ? { excluded: parsed.excluded } : {}),
        ...(parsed.grouped ? { grouped: parsed.grouped } : {}),
      });
    }
    const periods = periodChoices(spreadsheet, valid, zone, language, zone.dayOf(Date.now()));
    return { ok: true, messages, periods, readings };
  });
}

function resolveRequest(
  request: GenerateRequest,
  saved: RememberedSettings | undefined,
  locale: string,
  language: Language,
): ReportRequest {
  return {
    mapping: request.mapping ?? saved?.mapping,
    periodKind: request.periodKind ?? saved?.periodKind ?? 'month',
    periodIndex: request.periodIndex,
    currency: request.currency ?? saved?.currency ?? currencyOfLocale(locale),
    sections: { ...ALL_SECTIONS, ...(saved?.sections ?? {}), ...(request.sections ?? {}) },
    withoutPersonalData: request.withoutPersonalData ?? saved?.withoutPersonalData ?? false,
    targets: request.targets === undefined ? (saved?.targets ?? {}) : validTargets(request.targets, language, locale),
    todayDay: dayOfIsoText(request.today),
    language: request.language,
  };
}

/** Runs a report and words the result card. Shared by the wizard and "Refresh last report". */
function runReport(request: GenerateRequest, saved: RememberedSettings | undefined): GenerateResult {
  const started = Date.now();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  // Everything the result card needs is read before the report is written: after it, a failing
  // call may only add a warning.
  const locale = spreadsheet.getSpreadsheetLocale();
  const language = userLanguage();
  const labels = reportLabels(language, locale);
  const resolved = resolveRequest(request, saved, locale, language);
  const run = generateReport(resolved, (stage) => setProgress(request.runId, stage));
  setProgress(request.runId, 'done');
  const settings: RememberedSettings = {
    mapping: run.mapping,
    periodKind: resolved.periodKind,
    currency: resolved.currency,
    sections: resolved.sections,
    withoutPersonalData: resolved.withoutPersonalData,
    targets: resolved.targets ?? {},
  };
  const warnings = run.warnings.map((w) => labels.wizard.warnings[w]);
  if (run.listsCut) warnings.push(fill(labels.wizard.warnings.listsCut, { sheet: run.listsCut }));
  // The report is written: what fails from here on is a warning, never a failed run.
  try {
    PropertiesService.getDocumentProperties().setProperty(SETTINGS_PROPERTY, JSON.stringify(settings));
  } catch {
    warnings.push(labels.wizard.warnings.settingsNotSaved);
  }
  // The cards of the report's summary band, as the card shows them: a change within noise is not news.
  const headline = run.model.story.cards.slice(0, 6).map((key) => {
    const k = run.model.headline.find((kpi) => kpi.key === key)!;
    return {
      key: k.key,
      label: labels.kpis[k.key][0],
      // Numbers as the spreadsheet's locale writes them, like the sentences of the report.
      value: k.current === null ? '—' : valueText(k.current, k.format, resolved.currency, locale),
      change:
        k.current === null || k.previous === null
          ? '—'
          : changeText(k.current - k.previous, k.format, resolved.currency, locale, labels),
      verdict: verdictOf(k),
    };
  });
  const shared = run.write.sheets.find((sheet) => sheet.role === 'shared')!;
  const report = run.write.sheets.find((sheet) => sheet.role === 'report') ?? shared;
  const history = run.write.sheets.find((sheet) => sheet.role === 'history');
  const links = { report: '', shared: '' };
  try {
    const base = `https://docs.google.com/spreadsheets/d/${encodeURIComponent(spreadsheet.getId())}/export`;
    const pdf = (sheetId: number) => `${base}?format=pdf&gid=${sheetId}&portrait=true&fitw=true&gridlines=false`;
    links.shared = pdf(shared.sheetId);
    if (report !== shared) links.report = pdf(report.sheetId);
  } catch {
    warnings.push(fill(labels.wizard.warnings.noLink, { sheet: report.sheetName }));
  }
  return {
    sheetName: report.sheetName,
    sheetId: report.sheetId,
    pdfUrl: links.report,
    shared: { sheetName: shared.sheetName, sheetId: shared.sheetId, pdfUrl: links.shared },
    history: history ? { sheetName: history.sheetName, sheetId: history.sheetId } : null,
    story: Object.values(storySentences(run.model, labels, locale, null)).filter((t): t is string => t !== null),
    periodLabel: modelPeriodLabel(run.model, language),
    headline,
    skippedRows: run.model.sources.reduce((n, s) => n + s.skipped.total, 0),
    created: report.created,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    warnings,
  };
}

/**
 * Step 4 of the wizard: generates (or regenerates in place) the KPI summary sheet and returns what
 * the result card shows. Holds the document lock while it runs.
 *
 * @param request {GenerateRequest} mapping, period and options chosen in the wizard.
 * @return {GenerateResult} the sheet, links and headline numbers.
 */
export function wizardGenerate(request: unknown): GenerateResult {
  return endpoint(() => runReport(validGenerateRequest(request), remembered()));
}

/**
 * Step 3 of the wizard: reads one target as the user typed it, for the KPI chosen, in the
 * spreadsheet's decimal mark ("5 %" or "5" is 5 % for a rate), and shows it back as it will be
 * remembered, or says in the user's language what is wrong and how to write it.
 *
 * @param key {string} the KPI's key, from `targetKpis`.
 * @param text {string} the value as typed.
 * @return {TargetCheck} the value in the KPI's unit and its text, or the message.
 */
export function wizardCheckTarget(key: unknown, text: unknown): TargetCheck {
  return endpoint(() => {
    if (typeof key !== 'string' || key.length > 60 || !(typeof text === 'string' || typeof text === 'number'))
      throw new KpiError(
        'BAD_REQUEST',
        { fn: 'Fideliza', arg: 'target' },
        { en: 'not a target', es: 'no es un objetivo' },
      );
    const locale = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale();
    return readTarget(key, typeof text === 'string' ? text.slice(0, 40) : text, userLanguage(), locale);
  });
}

/**
 * The result card's "Open the summary sheet": makes the report sheet the active tab. (A link out of
 * the sidebar's sandbox would open the spreadsheet again, under the browser's default account.)
 *
 * @param sheetId {number} the report sheet's id, from the result.
 */
export function wizardOpenSheet(sheetId: unknown): void {
  endpoint(() => {
    if (typeof sheetId !== 'number' || !Number.isInteger(sheetId))
      throw new KpiError(
        'BAD_REQUEST',
        { fn: 'Fideliza', arg: 'sheetId' },
        { en: 'not a sheet id', es: 'no es un id de hoja' },
      );
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const owned = [...findOwnedSheets(spreadsheet).values()].find((o) => o.sheet.getSheetId() === sheetId);
    if (!owned) throw new KpiError('REPORT_SHEET_GONE', { fn: 'Fideliza' });
    owned.sheet.activate();
  });
}

/**
 * Menu action "Refresh last report": regenerates the report with the remembered mapping and options
 * and shows a short confirmation.
 */
export function refreshLastReport(): void {
  endpoint(() => {
    const saved = remembered();
    if (!saved) throw new KpiError('NO_REPORT_YET', { fn: 'Fideliza' });
    const result = runReport({}, saved);
    const language = userLanguage();
    const text = reportLabels(language).wizard.refreshed;
    SpreadsheetApp.getActiveSpreadsheet().toast(
      fill(text, { period: result.periodLabel, seconds: result.seconds }),
      'Fideliza',
    );
  });
}
