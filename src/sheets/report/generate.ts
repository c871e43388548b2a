/**
 * Generates the KPI report: holds the document lock for the whole run, reads each source sheet
 * once, computes and lays the report out in memory, then writes it in a few block calls. The
 * spreadsheet service calls it makes do not depend on the number of data rows.
 */
import { KpiError, type Language } from '../../errors/catalogue';
import { dayFromCivil } from '../../kpi/calendar/days';
import { isoDateFields } from '../cells';
import { fitListRows, listRowCounts, type ListsSheetPlace, listsSheetHeaders } from '../../report/compose/lists';
import { composeListsSheet, composeReport } from '../../report/compose/report-sheet';
import type { HeadlineKey } from '../../report/compute/headline';
import type { ReportModel, ReportOptions, SectionKey } from '../../report/compute/model';
import { computeReport } from '../../report/compute/report';
import { detectSources, type ReportMapping } from '../../report/detect';
import { fill } from '../../report/fill';
import {
  composeHistory,
  HISTORY_COLUMNS,
  HISTORY_LABELS,
  historyRowsOf,
  mergeHistory,
  readHistory,
} from '../../report/history';
import { periodLabel, reportLabels, skipDescriptions } from '../../report/labels';
import type { ReportPeriodKind } from '../../report/period';
import type { ReportData } from '../../report/records';
import { spreadsheetLanguage } from '../language';
import { listsRoomRows } from './cell-room';
import { ZoneCalendar } from '../timezone';
import { readSheetHeaders, readSources } from './read-sources';
import { findOwnedSheets, freeSheetName, type OwnedSheet, ownedSheetIds } from './owned-sheets';
import { type SheetPlan, type WriteResult, type WriteWarning, writeOwnedSheets } from './write-report';

/** How long a run waits for another run in the same document before giving up. */
const LOCK_WAIT_MS = 30_000;

/** A fully resolved report request. */
export interface ReportRequest {
  mapping?: ReportMapping;
  periodKind: ReportPeriodKind;
  periodIndex?: number;
  currency: string;
  sections: Record<SectionKey, boolean>;
  withoutPersonalData: boolean;
  /** Day number of "today" in the spreadsheet zone; default the real today. */
  todayDay?: number;
  language?: Language;
  /** The user's targets, in each KPI's own unit (validated by the endpoint). */
  targets?: Partial<Record<HeadlineKey, number>>;
}

/** A run's outcome: where the report went and what it says. */
export interface ReportRun {
  write: WriteResult;
  model: ReportModel;
  mapping: ReportMapping;
  data: ReportData;
  language: Language;
  zone: ZoneCalendar;
  /** What did not stop the run but the user should know (the report is written). */
  warnings: RunWarning[];
  /**
   * The lists sheet's name when Sheets' cell limit left room for only the first rows of some lists
   * (the report says how many); `null` when it holds every row.
   */
  listsCut: string | null;
}

/** Something that went wrong after the report was complete. */
export type RunWarning = WriteWarning | 'notFlushed';

/** Stage names reported to `onStage`. */
export type ReportStage = 'reading' | 'computing' | 'writing' | 'charts';

/**
 * Takes the document lock (not the script lock: that would serialise every user of the add-on).
 * Outside a document (a standalone run) there is no document lock: that is said plainly.
 */
function documentLock(): GoogleAppsScript.Lock.Lock {
  const lock = LockService.getDocumentLock();
  if (!lock) throw new KpiError('REPORT_NO_LOCK', {});
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new KpiError('REPORT_BUSY', {});
  return lock;
}

/** Runs the whole report. Throws catalogue errors (`KpiError`) for anything the user can fix. */
export function generateReport(
  request: ReportRequest,
  onStage: (stage: ReportStage) => void = () => undefined,
): ReportRun {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const lock = documentLock();
  try {
    onStage('reading');
    const zone = new ZoneCalendar(spreadsheet.getSpreadsheetTimeZone());
    const language = request.language ?? spreadsheetLanguage(spreadsheet);
    const mapping = request.mapping ?? detectSources(readSheetHeaders(spreadsheet, ownedSheetIds(spreadsheet)));
    const data = readSources(spreadsheet, mapping, zone);
    assertSomethingToReport(data);

    onStage('computing');
    const now = Date.now();
    const locale = spreadsheet.getSpreadsheetLocale();
    const options: ReportOptions = {
      locale,
      language,
      periodKind: request.periodKind,
      periodIndex: request.periodIndex,
      currency: request.currency,
      todayDay: request.todayDay ?? zone.dayOf(now),
      generatedAt: now,
      timeZone: zone.timeZone,
      withoutPersonalData: request.withoutPersonalData,
      sections: request.sections,
      ...(request.targets && Object.keys(request.targets).length ? { targets: { ...request.targets } } : {}),
    };
    const model = computeReport(data, options);
    const labels = reportLabels(language, locale);
    const owned = findOwnedSheets(spreadsheet);
    // The version to share and the history are always written (no personal data in either); the named
    // report and its lists unless the user asked for no names.
    const shared: SheetPlan = {
      role: 'shared',
      baseName: labels.sharedSheetName,
      layout: composeReport(model, 'shared', null),
      protectionNote: labels.sharedTitle,
    };
    const history = readHistory(...historyCells(owned.get('history')));
    const historyPlan: SheetPlan = {
      role: 'history',
      baseName: HISTORY_LABELS[language].sheetName,
      layout: composeHistory(
        { ...history, rows: mergeHistory(history.rows, historyRowsOf(model, zone.dayOf(now))) },
        language,
        model.period.kind,
        locale,
        request.currency,
      ),
      protectionNote: HISTORY_LABELS[language].protectionNote,
    };
    const plans: SheetPlan[] = [];
    let lists: ListsSheetPlace | undefined;
    if (!request.withoutPersonalData) {
      lists = { name: owned.get('lists')?.sheet.getName() ?? freeSheetName(spreadsheet, labels.listsSheetName) };
      let report = composeReport(model, 'named', lists);
      const counts = listRowCounts(model, labels);
      if (counts.length) {
        const room = listsRoomRows(
          spreadsheet,
          owned,
          [
            { role: 'report', layout: report },
            { role: 'shared', layout: shared.layout },
            { role: 'history', layout: historyPlan.layout },
          ],
          listsSheetHeaders(model, labels).length,
        );
        if (counts.reduce((sum, c) => sum + c.rows, 0) > room) {
          const fitted = fitListRows(
            counts.map((c) => c.rows),
            room,
          );
          lists.written = Object.fromEntries(counts.map((c, i) => [c.key, fitted[i]]));
          report = composeReport(model, 'named', lists);
        }
      }
      plans.push(
        { role: 'report', baseName: labels.sheetName, layout: report, protectionNote: labels.title },
        {
          role: 'lists',
          baseName: labels.listsSheetName,
          layout: composeListsSheet(model, lists),
          protectionNote: labels.listWords.sheetTitle,
        },
      );
    }
    plans.push(shared, historyPlan);

    onStage('writing');
    const write = writeOwnedSheets(spreadsheet, plans, zone, () => onStage('charts'), owned);
    const warnings: RunWarning[] = [...write.warnings];
    try {
      SpreadsheetApp.flush();
    } catch {
      warnings.push('notFlushed'); // the report is written; Sheets applies pending changes by itself
    }
    return { write, model, mapping, data, language, zone, warnings, listsCut: lists?.written ? lists.name : null };
  } finally {
    try {
      lock.releaseLock();
    } catch {
      // the lock expires by itself when the execution ends
    }
  }
}

/**
 * The cells of the history table (its first columns, every row) and their number formats, as the
 * sheet holds them now: none when there is no history sheet yet. Four reads, whatever its size.
 */
function historyCells(owned: OwnedSheet | undefined): [unknown[][], string[][]] {
  if (!owned) return [[], []];
  const rows = owned.sheet.getLastRow();
  if (rows < 1) return [[], []];
  // A user may have deleted columns: only the ones the sheet has are read.
  const range = owned.sheet.getRange(1, 1, rows, Math.min(HISTORY_COLUMNS, owned.sheet.getMaxColumns()));
  return [range.getValues(), range.getNumberFormats()];
}

/**
 * Stops before anything is written when neither orders nor survey answers are left to report on,
 * saying why (an empty sheet, or every row skipped and for what reasons).
 */
function assertSomethingToReport(data: ReportData): void {
  if ((data.orders?.records.length ?? 0) + (data.surveys?.records.length ?? 0) > 0) return;
  const source = data.orders ?? data.surveys;
  if (!source) return; // the mapping check already said there is no source
  const why = (language: Language) => {
    const labels = reportLabels(language);
    const reasons = skipDescriptions(labels, source.skipped);
    return reasons.length ? fill(labels.wizard.rowsSkipped, { reasons: reasons.join('; ') }) : labels.wizard.addData;
  };
  throw new KpiError('REPORT_NO_DATA', { arg: source.sheet }, { en: why('en'), es: why('es') });
}

/** "March 2025" for the period of a model, in a language. */
export function modelPeriodLabel(model: ReportModel, language: Language): string {
  return periodLabel(language, model.period.kind, model.period.index);
}

/** Day number of `yyyy-mm-dd` text, or undefined. */
export function dayOfIsoText(text: string | undefined): number | undefined {
  const iso = text === undefined ? undefined : isoDateFields(text);
  return iso ? dayFromCivil(iso.year, iso.month, iso.day) : undefined;
}
