/**
 * Every platform assumption the emulator makes and the add-on relies on, in one table: what it
 * is, where it comes from, the answer the emulator gives, and a probe that asks the platform. The
 * emulator's own tests run each probe against the emulator (test/emulator/assumptions.test.ts);
 * the live check kit (`npm run live-check`) runs the same probes in a real spreadsheet and lists
 * the answers beside these. Probes use only Apps Script's documented API, so they run unchanged in
 * both places.
 *
 * Two kinds: `probe` runs from the kit's menu; `formula` is a cell formula the kit writes in one
 * step and reads in the next (Sheets computes custom functions on its own time), where
 * `FIDELIZA_PROBE(x)` describes what a custom function received (see kit.ts).
 */

/** A JSON value a probe answers. */
export type Answer = string | number | boolean | null | Answer[];

/**
 * The emulator's switches (WorkbookOptions) that make it answer otherwise; a test flips each one
 * and expects the kit to report exactly the assumptions listed with it.
 */
export type EmulatorSwitch =
  | 'intl:hour24'
  | 'intl:timeZoneThrows'
  | 'intl:noFormatToParts'
  | 'containerBound:false'
  | 'errorArguments:notCalled'
  | 'valueTypes:asEntered';

/** What a probe gets: a fresh scratch sheet of the spreadsheet the check runs in. */
export interface Scratch {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
}

interface Base {
  id: string;
  area: string;
  /** The assumption, in words. */
  what: string;
  /** Where it comes from: a Google page, or "not documented" with what the emulator chose. */
  source: string;
  /** The emulator's answer: what the add-on is built and tested for. */
  expected: Answer;
  flippedBy?: EmulatorSwitch[];
}

export interface ProbeAssumption extends Base {
  probe(scratch: Scratch): Answer;
}

export interface FormulaAssumption extends Base {
  /** Cells the formula refers to, set first: A1 notation on the scratch sheet → what to enter. */
  cells: Record<string, string | number>;
  /** Written to the scratch sheet's A1; what its display shows is the answer. */
  formula: string;
}

export type Assumption = ProbeAssumption | FormulaAssumption;

const RANGE_DOC = 'https://developers.google.com/apps-script/reference/spreadsheet/range';
const CUSTOM_FUNCTIONS_DOC = 'https://developers.google.com/apps-script/guides/sheets/functions';

/** A date as the spreadsheet's clocks show it, `yyyy-MM-dd HH:mm`, or the type when not a Date. */
function shown(value: unknown, spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Answer {
  if (Object.prototype.toString.call(value) !== '[object Date]') return `${typeof value} ${String(value)}`;
  return `Date ${Utilities.formatDate(value as Date, spreadsheet.getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm')}`;
}

/** "refused" when `run` throws (Apps Script names its errors differently from Node: only the fact counts). */
function thrown(run: () => unknown): string {
  try {
    run();
    return 'no error';
  } catch {
    return 'refused';
  }
}

function midnightHour(): Answer {
  const format = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', hour: '2-digit', hourCycle: 'h23' });
  return format.formatToParts(new Date(Date.UTC(2024, 0, 1))).find((part) => part.type === 'hour')?.value ?? null;
}

export const ASSUMPTIONS: Assumption[] = [
  {
    id: 'values.fresh-cell-format',
    area: 'values and number formats',
    what: 'getNumberFormat() of a cell nobody formatted is "0.###############" (the report writes no format there).',
    source: 'not documented; public Apps Script code treats "0.###############" as the automatic format',
    expected: '0.###############',
    probe: ({ sheet }) => sheet.getRange('A1').getNumberFormat(),
  },
  {
    id: 'values.iso-text-is-date',
    area: 'values and number formats',
    what: 'Text 2024-03-31 entered with setValue becomes a date at midnight on the spreadsheet\'s clocks.',
    source: `${RANGE_DOC}#setvaluevalue (entered values are read as typed)`,
    expected: 'Date 2024-03-31 00:00',
    probe: ({ spreadsheet, sheet }) => {
      const cell = sheet.getRange('A1').setValue('2024-03-31');
      return shown(cell.getValue(), spreadsheet);
    },
  },
  {
    id: 'values.date-format-reads-date',
    area: 'values and number formats',
    what: 'A number in a date-formatted cell reads as a Date (Sheets stores dates as serial numbers).',
    source: `${RANGE_DOC}#getvalues ("depending on the value of the cell"); serial numbers: Sheets API DateTimeRenderOption`,
    expected: 'Date 2024-03-31 00:00',
    flippedBy: ['valueTypes:asEntered'],
    probe: ({ spreadsheet, sheet }) => {
      const cell = sheet.getRange('A1').setValue(45382).setNumberFormat('yyyy-mm-dd');
      return shown(cell.getValue(), spreadsheet);
    },
  },
  {
    id: 'values.number-format-reads-number',
    area: 'values and number formats',
    what: 'A date in a number-formatted cell reads as its serial number (days since 1899-12-30).',
    source: 'not documented for Apps Script; inferred from the Sheets API serial-number model',
    expected: 'number 45382',
    flippedBy: ['valueTypes:asEntered'],
    probe: ({ spreadsheet, sheet }) => {
      const cell = sheet.getRange('A1').setValue('2024-03-31');
      cell.setNumberFormat('0');
      return shown(cell.getValue(), spreadsheet);
    },
  },
  {
    id: 'values.duration-reads-1899',
    area: 'values and number formats',
    what: 'A duration reads as a Date on 1899-12-30 (12:00 for half a day).',
    source: `${CUSTOM_FUNCTIONS_DOC}#data_types ("durations … as Date objects")`,
    expected: 'Date 1899-12-30 12:00',
    flippedBy: ['valueTypes:asEntered'],
    probe: ({ spreadsheet, sheet }) => {
      const cell = sheet.getRange('A1').setValue(0.5).setNumberFormat('[h]:mm:ss');
      return shown(cell.getValue(), spreadsheet);
    },
  },
  {
    id: 'intl.midnight-hour',
    area: 'Intl',
    what: 'Intl.DateTimeFormat with hourCycle h23 writes midnight as hour 00 (the add-on also reads 24 as 0).',
    source: 'not documented for Apps Script; V8/ICU builds wrote 24 (nodejs/node#33089)',
    expected: '00',
    flippedBy: ['intl:hour24', 'intl:noFormatToParts'],
    probe: () => {
      try {
        return midnightHour();
      } catch (error) {
        return error instanceof Error ? error.name : 'thrown';
      }
    },
  },
  {
    id: 'intl.time-zone-option',
    area: 'Intl',
    what: 'Intl.DateTimeFormat accepts an IANA timeZone (the add-on falls back to Utilities.formatDate).',
    source: 'not documented for Apps Script (its ICU build is unknown)',
    expected: 'no error',
    flippedBy: ['intl:timeZoneThrows'],
    probe: () => thrown(() => new Intl.DateTimeFormat('en-US', { timeZone: 'America/Santiago' })),
  },
  {
    id: 'intl.format-to-parts',
    area: 'Intl',
    what: 'Intl.DateTimeFormat has formatToParts.',
    source: 'not documented for Apps Script',
    expected: true,
    flippedBy: ['intl:noFormatToParts'],
    probe: () => typeof new Intl.DateTimeFormat('en-US').formatToParts === 'function',
  },
  {
    id: 'intl.agrees-with-utilities',
    area: 'Intl',
    what: 'Intl and Utilities.formatDate show the same wall clock in Santiago across its DST change at midnight.',
    source: 'not documented (two copies of the tz data: ICU and Java)',
    expected: '2024-09-08 01:00',
    flippedBy: ['intl:timeZoneThrows', 'intl:noFormatToParts'],
    probe: () => {
      const instant = new Date(Date.UTC(2024, 8, 8, 4));
      const viaUtilities = Utilities.formatDate(instant, 'America/Santiago', 'yyyy-MM-dd HH:mm');
      try {
        const parts = new Intl.DateTimeFormat('en-US', {
          timeZone: 'America/Santiago',
          hourCycle: 'h23',
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
        }).formatToParts(instant);
        const get = (type: string) => parts.find((part) => part.type === type)?.value;
        const viaIntl = `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
        return viaIntl === viaUtilities ? viaUtilities : `Intl ${viaIntl} / Utilities ${viaUtilities}`;
      } catch (error) {
        return error instanceof Error ? error.name : 'thrown';
      }
    },
  },
  {
    id: 'entry.equals-is-formula',
    area: 'entered text',
    what: 'setValues reads "=1+1" as a formula.',
    source: `${RANGE_DOC}#setvaluevalue ("If it begins with '=' it is interpreted as a formula")`,
    expected: '=1+1',
    probe: ({ sheet }) => sheet.getRange('A1').setValues([['=1+1']]).getFormula(),
  },
  {
    id: 'entry.apostrophe-is-text',
    area: 'entered text',
    what: 'A leading apostrophe keeps "=1+1" as text and is not part of the value (the report writes every text so).',
    source: 'not documented for Apps Script; how Sheets treats typed input',
    expected: ['=1+1', ''],
    probe: ({ sheet }) => {
      const cell = sheet.getRange('A1').setValues([["'=1+1"]]);
      return [String(cell.getValue()), cell.getFormula()];
    },
  },
  {
    id: 'entry.plus-number',
    area: 'entered text',
    what: '"+7" is entered as the number 7.',
    source: 'not documented; how Sheets treats typed input',
    expected: 'number 7',
    probe: ({ spreadsheet, sheet }) => shown(sheet.getRange('A1').setValues([['+7']]).getValue(), spreadsheet),
  },
  {
    id: 'entry.minus-text-formula',
    area: 'entered text',
    what: '"-foo" is entered as the formula =-foo (the Lotus convention).',
    source: 'not documented; emulator choice',
    expected: '=-foo',
    probe: ({ sheet }) => sheet.getRange('A1').setValues([['-foo']]).getFormula(),
  },
  {
    id: 'entry.at-is-text',
    area: 'entered text',
    what: '"@x" stays text (no formula meaning in Sheets).',
    source: 'not documented; emulator choice',
    expected: ['@x', ''],
    probe: ({ sheet }) => {
      const cell = sheet.getRange('A1').setValues([['@x']]);
      return [String(cell.getValue()), cell.getFormula()];
    },
  },
  {
    id: 'limits.cell-characters',
    area: 'limits',
    what: 'A cell takes 50,000 characters; 50,001 are refused (the report cuts longer texts).',
    source: 'Google Sheets limits (support.google.com/drive/answer/37603); the message seen in public code',
    expected: ['no error', 'refused'],
    probe: ({ sheet }) => [
      thrown(() => sheet.getRange('A1').setValue('x'.repeat(50_000))),
      thrown(() => sheet.getRange('A2').setValue('x'.repeat(50_001))),
    ],
  },
  {
    id: 'charts.options-read-back',
    area: 'charts',
    what: 'An option set on the chart builder reads back from getOptions().',
    source: 'https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart#getoptions',
    expected: 'Probe',
    probe: ({ sheet }) => {
      sheet.getRange('A1:B3').setValues([
        ['x', 'y'],
        ['a', 1],
        ['b', 2],
      ]);
      const chart = sheet
        .newChart()
        .asColumnChart()
        .addRange(sheet.getRange('A1:B3'))
        .setOption('title', 'Probe')
        .setPosition(1, 4, 0, 0)
        .build();
      sheet.insertChart(chart);
      const inserted = sheet.getCharts()[0];
      const title = inserted.getOptions().get('title');
      sheet.removeChart(inserted);
      return title;
    },
  },
  {
    id: 'platform.report-module-loads',
    area: 'platform',
    what:
      'The report module loads on demand: HtmlService gives ReportModule.html\'s base64 text unchanged, ' +
      'Utilities.base64Decode and Utilities.ungzip restore the code, a global eval runs it (src/ui/report-module.ts).',
    source:
      'https://developers.google.com/apps-script/guides/html/best-practices (getContent() of a project file); ' +
      'https://developers.google.com/apps-script/reference/utilities/utilities (base64Decode, ungzip); ' +
      'https://developers.google.com/apps-script/reference/html/html-template#getCode() (eval)',
    expected: [true, 'function'],
    probe: () => {
      const addOn = (globalThis as unknown as { Fideliza: { runReportEndpoint(name: string, args: unknown[]): unknown } })
        .Fideliza;
      const check = addOn.runReportEndpoint('wizardCheckTarget', ['nps', '40']) as { ok: boolean };
      return [check.ok, typeof addOn.runReportEndpoint];
    },
  },
  {
    id: 'protections.warning-only',
    area: 'protections',
    what: 'A sheet protection set to warning-only reads back as such and counts once.',
    source: 'https://developers.google.com/apps-script/reference/spreadsheet/protection',
    expected: [true, 1],
    probe: ({ sheet }) => {
      const protection = sheet.protect().setWarningOnly(true);
      const answer: Answer = [
        protection.isWarningOnly(),
        sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length,
      ];
      protection.remove();
      return answer;
    },
  },
  {
    id: 'metadata.sheet-round-trip',
    area: 'developer metadata',
    what: 'Developer metadata added to a sheet reads back with its key and value (how the add-on finds its sheets).',
    source: 'https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata',
    expected: ['fideliza.probe=1'],
    probe: ({ sheet }) => {
      sheet.addDeveloperMetadata('fideliza.probe', '1');
      return sheet.getDeveloperMetadata().map((m) => `${m.getKey()}=${m.getValue()}`);
    },
  },
  {
    id: 'locks.document-lock',
    area: 'locks',
    what: 'A script bound to the spreadsheet gets a document lock it can take (null outside a container).',
    source: 'https://developers.google.com/apps-script/reference/lock/lock-service#getdocumentlock',
    expected: 'true',
    flippedBy: ['containerBound:false'],
    probe: () => {
      const lock = LockService.getDocumentLock();
      if (!lock) return 'null';
      const taken = lock.tryLock(1000);
      if (taken) lock.releaseLock();
      return String(taken);
    },
  },
  {
    id: 'properties.value-limit',
    area: 'properties',
    what: 'A property value of 9 KB is stored; one byte more is refused.',
    source: 'https://developers.google.com/apps-script/guides/services/quotas (properties value size 9 KB)',
    expected: ['no error', 'refused'],
    probe: () => {
      const store = PropertiesService.getDocumentProperties();
      const answer = [
        thrown(() => store.setProperty('fideliza.probe', 'x'.repeat(9 * 1024))),
        thrown(() => store.setProperty('fideliza.probe', 'x'.repeat(9 * 1024 + 1))),
      ];
      store.deleteProperty('fideliza.probe');
      return answer;
    },
  },
  {
    id: 'custom-functions.error-cell-as-text',
    area: 'custom functions',
    what: 'A referenced cell holding #N/A reaches the custom function as the text "#N/A" (the add-on names it).',
    source: 'not documented; emulator default (the other way: the function is not called)',
    expected: 'string #N/A',
    flippedBy: ['errorArguments:notCalled'],
    cells: { B1: '=NA()' },
    formula: '=FIDELIZA_PROBE(B1)',
  },
  {
    id: 'custom-functions.error-in-range-as-text',
    area: 'custom functions',
    what: 'An error cell inside a referenced range arrives as its text, the other cells as values.',
    source: 'not documented; emulator default',
    expected: 'range string #N/A | number 1',
    flippedBy: ['errorArguments:notCalled'],
    cells: { B1: '=NA()', B2: 1 },
    formula: '=FIDELIZA_PROBE(B1:B2)',
  },
  {
    id: 'custom-functions.date-argument',
    area: 'custom functions',
    what: 'A date cell reaches a custom function as a Date at midnight on the spreadsheet\'s clocks.',
    source: `${CUSTOM_FUNCTIONS_DOC}#data_types`,
    expected: 'Date 2024-03-31 00:00',
    cells: { B1: '2024-03-31' },
    formula: '=FIDELIZA_PROBE(B1)',
  },
  {
    id: 'custom-functions.today-argument',
    area: 'custom functions',
    what: 'TODAY() as an argument leaves the cell Loading… (the docs say to type the date in a cell instead).',
    source: `${CUSTOM_FUNCTIONS_DOC}#arguments ("not allowed … displays Loading... indefinitely")`,
    expected: 'Loading...',
    cells: {},
    formula: '=FIDELIZA_PROBE(TODAY())',
  },
  {
    id: 'custom-functions.no-writes',
    area: 'custom functions',
    what: 'A custom function may not write to the spreadsheet.',
    source: `${CUSTOM_FUNCTIONS_DOC}#using_apps_script_services (Spreadsheet: read only)`,
    expected: '#ERROR!',
    cells: {},
    formula: '=FIDELIZA_PROBE_WRITE()',
  },
  {
    id: 'custom-functions.reads-settings',
    area: 'custom functions',
    what: 'A custom function may read the spreadsheet\'s time zone and locale (the add-on\'s formulas do).',
    source: `${CUSTOM_FUNCTIONS_DOC}#using_apps_script_services (Spreadsheet: most get methods)`,
    expected: 'ok',
    cells: {},
    formula: '=FIDELIZA_PROBE_SETTINGS()',
  },
  {
    id: 'custom-functions.bundle-runs',
    area: 'custom functions',
    what: 'The add-on\'s own NPS runs as a custom function: 10, 9, 3, 8 → 25.',
    source: 'FUNCTIONS.md',
    expected: '25',
    cells: { B1: 10, B2: 9, B3: 3, B4: 8 },
    formula: '=NPS(B1:B4)',
  },
];
