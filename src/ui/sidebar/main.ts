/**
 * The report wizard of the sidebar (PRODUCT.md, "The sidebar wizard"): 1 sheets found → 2 column
 * mapping with a preview and warnings → 3 period and options → 4 generate with progress by stage
 * and the result card. Talks to src/ui/server.ts through {@link call}; every text from the user's
 * sheets is put in the page as text (see dom.ts), never as HTML.
 */
import { googleDocumentLink } from './links';
import type {
  GenerateRequest,
  GenerateResult,
  MappingCheck,
  PeriodChoice,
  Progress,
  ProgressStage,
  ReportMapping,
  ReportPeriodKind,
  SectionKey,
  SheetInfo,
  SourceDetection,
  SourceInfo,
  SourceKind,
  TargetEntry,
  TargetKpi,
  WizardScan,
} from '../protocol';
import { REPORT_SECTIONS } from '../../report/compute/model';
import { effortDirectionOf, matchColumns, type SourceMapping } from '../../report/detect';
import { type FieldKey, sourceSpec } from '../../report/sources';
import { append, h, pageLanguageTag, replaceChildren, uniqueId, type Child } from './dom';
import { call, closeSidebar, failureMessage, hasServer, isAccountProblem } from './rpc';
import {
  choiceReason,
  columnSentences,
  effortSentence,
  exportFormatName,
  exportRules,
  format,
  languageOf,
  questionText,
  sourceSentences,
  type StringKey,
  type UiLanguage,
} from './strings';

/** How often the progress of a run is asked for while it runs. */
export const POLL_MS = 700;

type Step = 1 | 2 | 3 | 4;

const STEP_NAMES: Record<Step, StringKey> = { 1: 'stepSheets', 2: 'stepColumns', 3: 'stepOptions', 4: 'stepGenerate' };
const STAGES: { stage: Exclude<ProgressStage, 'done'>; label: StringKey }[] = [
  { stage: 'reading', label: 'stageReading' },
  { stage: 'computing', label: 'stageComputing' },
  { stage: 'writing', label: 'stageWriting' },
  { stage: 'charts', label: 'stageCharts' },
];
const PERIOD_KINDS: { kind: ReportPeriodKind; label: StringKey }[] = [
  { kind: 'month', label: 'month' },
  { kind: 'quarter', label: 'quarter' },
  { kind: 'year', label: 'year' },
];
/** The label of each report section (a section without one fails the type check). */
const SECTION_LABELS: Record<SectionKey, StringKey> = {
  charts: 'sectionCharts',
  cohorts: 'sectionCohorts',
  actions: 'sectionActions',
  predicted: 'sectionPredicted',
};
const SECTIONS = REPORT_SECTIONS.map((key) => ({ key, label: SECTION_LABELS[key] }));
/** Event the currency list sends the targets area: the unit hint of an amount names the currency. */
const CURRENCY_CHANGED = 'fideliza-currency';
/** Currencies offered besides the spreadsheet's own. */
const CURRENCIES = ['EUR', 'USD', 'GBP', 'MXN', 'ARS', 'COP', 'CLP', 'PEN', 'UYU', 'BRL', 'CAD', 'AUD', 'CHF', 'JPY'];

/** What the user chose in step 3. */
interface Options {
  periodKind: ReportPeriodKind;
  periodIndex: number | null;
  currency: string;
  sections: Record<SectionKey, boolean>;
  withoutPersonalData: boolean;
  /** Targets set, in the order of the KPIs (each checked by the server when it was added). */
  targets: TargetEntry[];
}

/** The wizard: state plus the page it draws. */
class Wizard {
  private language: UiLanguage = languageOf(pageLanguageTag());
  private scan: WizardScan | null = null;
  private step: Step = 1;
  private mapping: ReportMapping = {};
  private options: Options | null = null;
  private check: MappingCheck | null = null;
  private checking: Promise<MappingCheck | null> | null = null;
  private checkSeq = 0;
  private running = false;
  private readonly header = h('header', { class: 'app-header' });
  private readonly body = h('section', { class: 'step', attrs: { 'aria-labelledby': 'step-title' } });
  private readonly errorBox = h('div', { class: 'error-slot', attrs: { role: 'alert', 'aria-live': 'assertive' } });
  private readonly scroller = h('div', { class: 'scroll' }, this.body, this.errorBox);
  private readonly footer = h('footer', { class: 'nav' });

  constructor(private readonly root: HTMLElement) {
    replaceChildren(root, this.header, this.scroller, this.footer);
  }

  private t(key: StringKey, values?: Record<string, string | number>): string {
    return format(this.language, key, values);
  }

  /** Loads the scan and shows step 1. */
  async start(): Promise<void> {
    this.setLanguage(this.language);
    this.clearError();
    replaceChildren(this.header, h('h1', { class: 'sr-only' }, this.t('appName')));
    replaceChildren(this.footer);
    replaceChildren(
      this.body,
      h(
        'div',
        { class: 'loading', attrs: { role: 'status' } },
        h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }),
        this.t('loading'),
      ),
    );
    this.root.setAttribute('aria-busy', 'true');
    if (!hasServer()) {
      this.root.removeAttribute('aria-busy');
      this.showError(this.t('noServer'));
      return;
    }
    try {
      const scan = await call('wizardScan');
      this.scan = scan;
      this.setLanguage(scan.language);
      this.mapping = cloneMapping(scan.mapping);
      this.options = {
        periodKind: firstKindWithPeriods(scan),
        periodIndex: null,
        currency: scan.defaults.currency,
        sections: { ...scan.defaults.sections },
        withoutPersonalData: scan.defaults.withoutPersonalData,
        targets: (scan.defaults.targets ?? []).map((t) => ({ ...t })),
      };
      this.options.periodIndex = scan.periods[this.options.periodKind]?.[0]?.index ?? null;
      this.root.removeAttribute('aria-busy');
      this.go(1);
    } catch (error) {
      this.root.removeAttribute('aria-busy');
      replaceChildren(this.body);
      this.showError(this.failureText(error), () => void this.start());
    }
  }

  private setLanguage(language: UiLanguage): void {
    this.language = language;
    document.documentElement.lang = language;
    document.title = `${this.t('appName')}`;
  }

  // ---- frame: step indicator, heading, footer -------------------------------------------------

  private go(step: Step): void {
    this.step = step;
    this.clearError();
    this.drawHeader();
    if (step === 1) this.drawSheets();
    else if (step === 2) this.drawColumns();
    else if (step === 3) this.drawOptions();
    this.focusHeading();
  }

  private drawHeader(): void {
    const steps = h('ol', { class: 'steps', attrs: { 'aria-label': this.t('stepsLabel') } });
    for (const n of [1, 2, 3, 4] as Step[]) {
      const state = n < this.step ? 'done' : n === this.step ? 'current' : 'todo';
      steps.appendChild(
        h(
          'li',
          { class: `steps-item ${state}`, attrs: { 'aria-current': n === this.step ? 'step' : null } },
          h('span', { class: 'steps-number', attrs: { 'aria-hidden': 'true' } }, String(n)),
          h('span', { class: 'steps-name' }, this.t(STEP_NAMES[n])),
        ),
      );
    }
    replaceChildren(this.header, h('h1', { class: 'sr-only' }, this.t('appName')), steps);
  }

  private heading(title: string): HTMLElement[] {
    return [
      h('p', { class: 'step-of' }, this.t('stepOf', { n: this.step, total: 4 })),
      h('h2', { attrs: { id: 'step-title', tabindex: '-1' } }, title),
    ];
  }

  private focusHeading(): void {
    const title = document.getElementById('step-title');
    if (title) title.focus({ preventScroll: true });
    this.scroller.scrollTop = 0;
  }

  private buttons(...buttons: HTMLButtonElement[]): void {
    replaceChildren(this.footer, ...buttons);
  }

  private button(
    label: string,
    onClick: () => void,
    kind: 'action' | 'secondary' = 'secondary',
    id?: string,
  ): HTMLButtonElement {
    return h('button', { class: kind, attrs: { type: 'button', id }, on: { click: onClick } }, label);
  }

  private clearError(): void {
    replaceChildren(this.errorBox);
  }

  /** Shows a failure in plain words, optionally with a "Try again" button. */
  /** What a failed call says to the user: the server's sentence, or what to do about several accounts. */
  private failureText(error: unknown): string {
    const message = failureMessage(error, this.t('unknownError'));
    return isAccountProblem(message) ? this.t('severalAccounts') : message;
  }

  private showError(message: string, retry?: () => void): void {
    const card = h(
      'div',
      { class: 'card error-card' },
      h('h3', {}, this.t('errorTitle')),
      h('p', { class: 'error-message' }, message),
    );
    if (retry)
      card.appendChild(h('div', { class: 'card-actions' }, this.button(this.t('tryAgain'), retry, 'action', 'retry')));
    replaceChildren(this.errorBox, card);
    card.scrollIntoView({ block: 'nearest' });
  }

  // ---- step 1: sheets found -------------------------------------------------------------------

  private sheetsToChoose(): SheetInfo[] {
    const scan = this.scan as WizardScan;
    return scan.sheets.filter((sheet) => sheet.name !== scan.reportSheet);
  }

  private drawSheets(): void {
    const scan = this.scan as WizardScan;
    const content: Child[] = [
      ...this.heading(this.t('sheetsTitle')),
      h('p', { class: 'intro' }, this.t('sheetsIntro')),
    ];
    if (scan.remembered) content.push(h('p', { class: 'notice' }, this.t('remembered')));
    const sheets = this.sheetsToChoose();
    if (!sheets.length) content.push(h('p', { class: 'notice warn' }, this.t('noSheets')));
    for (const source of scan.sources) content.push(this.sheetField(source, sheets));
    replaceChildren(this.body, ...content);
    this.buttons(this.button(this.t('next'), () => this.leaveSheets(), 'action', 'next'));
  }

  private sheetField(source: SourceInfo, sheets: SheetInfo[]): HTMLElement {
    const id = uniqueId(`sheet-${source.kind}`);
    const hintId = `${id}-hint`;
    const chosen = this.mapping[source.kind]?.sheet ?? '';
    const select = h('select', { attrs: { id, 'aria-describedby': hintId, 'data-source': source.kind } });
    select.appendChild(option('', this.t('noneOption')));
    const names = sheets.map((s) => s.name);
    if (chosen && !names.includes(chosen)) names.unshift(chosen);
    for (const name of names) select.appendChild(option(name, name));
    select.value = chosen;
    const hint = h('p', { class: 'hint', attrs: { id: hintId } });
    const describe = () => {
      const sheet = this.sheetInfo(select.value);
      const parts: string[] = [];
      if (sheet) parts.push(this.t('rowsCount', { n: formatCount(sheet.rows, this.language) }));
      parts.push(source.optional ? this.t('optionalSource') : this.t('needsOrdersOrSurveys'));
      hint.textContent = parts.join(' · ');
    };
    select.addEventListener('change', () => {
      this.chooseSheet(source.kind, select.value);
      describe();
    });
    describe();
    return h('div', { class: 'field' }, h('label', { attrs: { for: id } }, source.label), select, hint);
  }

  private sheetInfo(name: string): SheetInfo | undefined {
    return this.scan?.sheets.find((sheet) => sheet.name === name);
  }

  /** A new sheet for a source: its columns as remembered for that sheet, or detected from its headers. */
  private chooseSheet(kind: SourceKind, name: string): void {
    this.check = null;
    if (!name) {
      delete this.mapping[kind];
      return;
    }
    const original = this.scan?.mapping[kind];
    if (original && original.sheet === name) {
      this.mapping[kind] = { sheet: name, columns: { ...original.columns } };
      return;
    }
    const headers = this.sheetInfo(name)?.headers ?? [];
    this.mapping[kind] = { sheet: name, columns: matchColumns(sourceSpec(kind), headers) };
  }

  private leaveSheets(): void {
    if (!this.mapping.orders && !this.mapping.surveys) {
      this.showError(this.t('noSourceChosen'));
      return;
    }
    this.go(2);
  }

  // ---- step 2: columns ------------------------------------------------------------------------

  private drawColumns(): void {
    const scan = this.scan as WizardScan;
    const warnings = h('div', { class: 'warnings', attrs: { id: 'warnings', 'aria-live': 'polite', tabindex: '-1' } });
    const content: Child[] = [
      ...this.heading(this.t('columnsTitle')),
      h('p', { class: 'intro' }, this.t('columnsIntro')),
      warnings,
    ];
    let first = true;
    for (const source of scan.sources) {
      const mapped = this.mapping[source.kind];
      if (!mapped) continue;
      content.push(this.sourceColumns(source, first));
      first = false;
    }
    replaceChildren(this.body, ...content);
    this.buttons(
      this.button(this.t('back'), () => this.go(1), 'secondary', 'back'),
      this.button(this.t('next'), () => void this.leaveColumns(), 'action', 'next'),
    );
    void this.runCheck();
  }

  /** What detection found for a source in the sheet now chosen for it. */
  private detectionOf(kind: SourceKind, sheet: string): SourceDetection | undefined {
    return this.scan?.detection?.find((d) => d.kind === kind && d.sheet === sheet);
  }

  private sourceColumns(source: SourceInfo, open: boolean): HTMLElement {
    const mapped = this.mapping[source.kind] as SourceMapping;
    const sheet = this.sheetInfo(mapped.sheet);
    const headers = (sheet?.headers ?? []).filter((header) => header !== '');
    const detection = this.detectionOf(source.kind, mapped.sheet);
    const preview = h('div', { class: 'preview-slot' });
    const drawPreview = () => replaceChildren(preview, this.previewTable(sheet, mapped.columns));
    const card = h(
      'section',
      { class: 'card source', attrs: { 'data-source': source.kind } },
      h('h3', {}, source.label),
      h('p', { class: 'sheet-name' }, this.t('sheetLabel', { sheet: mapped.sheet })),
    );
    if (detection?.format)
      card.appendChild(
        h(
          'p',
          { class: 'notice recognised', attrs: { 'data-format': detection.format } },
          this.t('recognisedAs', { format: exportFormatName(this.language, detection.format) }),
          ' ',
          exportRules(this.language, source.kind) ?? '',
        ),
      );
    for (const field of source.fields) {
      const id = uniqueId(`col-${source.kind}-${field.key}`);
      const whyId = `${id}-why`;
      const select = h('select', {
        attrs: {
          id,
          'data-field': field.key,
          required: field.required,
          'aria-required': field.required ? 'true' : null,
          'aria-describedby': whyId,
        },
      });
      select.appendChild(option('', field.required ? this.t('chooseColumn') : this.t('notUsed')));
      const current = mapped.columns[field.key] ?? '';
      const choices = current && !headers.includes(current) ? [current, ...headers] : headers;
      for (const header of choices) select.appendChild(option(header, header));
      select.value = current;
      const why = h('p', { class: 'hint why', attrs: { id: whyId, 'data-why-for': field.key } });
      const describe = () => replaceChildren(why, ...this.fieldNotes(detection, field.key as FieldKey, select.value));
      select.addEventListener('change', () => {
        if (select.value) mapped.columns[field.key] = select.value;
        else delete mapped.columns[field.key];
        this.columnChanged(mapped, field.key as FieldKey, select.value);
        describe();
        drawPreview();
        void this.runCheck();
      });
      describe();
      const label = h('label', { attrs: { for: id } }, field.label);
      if (field.required)
        label.append(
          ' ',
          h('span', { class: 'required', attrs: { 'aria-hidden': 'true' } }, '*'),
          h('span', { class: 'sr-only' }, `(${this.t('requiredMark')})`),
        );
      card.appendChild(h('div', { class: 'field-row' }, label, select));
      card.appendChild(why);
      card.appendChild(h('div', { class: 'reading', attrs: { 'data-reading-for': field.key, 'aria-live': 'polite' } }));
    }
    card.appendChild(h('div', { class: 'source-reading', attrs: { 'aria-live': 'polite' } }));
    drawPreview();
    const details = h(
      'details',
      { class: 'preview', attrs: { open } },
      h('summary', {}, this.t('previewTitle', { sheet: mapped.sheet })),
      preview,
    );
    card.appendChild(details);
    return card;
  }

  /** Why detection chose the column now selected for a field, or what it asks about the field. */
  private fieldNotes(detection: SourceDetection | undefined, field: FieldKey, header: string): Child[] {
    if (!detection) return [];
    const choice = detection.choices.find((c) => c.field === field && c.header === header);
    if (choice) return [choiceReason(this.language, choice, detection.format)];
    const question = detection.questions.find((q) => q.field === field);
    if (question && !header) return [h('span', { class: 'ask' }, questionText(this.language, question))];
    return [];
  }

  /** A column chosen by hand: its reading choices start again from what its header says. */
  private columnChanged(mapped: SourceMapping, field: FieldKey, header: string): void {
    const reading = { ...(mapped.reading ?? {}) };
    if (reading.swapDayMonth) reading.swapDayMonth = reading.swapDayMonth.filter((f) => f !== field);
    if (field === 'effort') {
      if (header) reading.effort = effortDirectionOf(header).direction;
      else delete reading.effort;
    }
    if (!reading.swapDayMonth?.length) delete reading.swapDayMonth;
    if (Object.keys(reading).length) mapped.reading = reading;
    else delete mapped.reading;
  }

  /** Reads a date column the other way round (or back in the locale's order), and checks again. */
  private swapDates(kind: SourceKind, field: FieldKey, swap: boolean): void {
    const mapped = this.mapping[kind];
    if (!mapped) return;
    const swapped = new Set(mapped.reading?.swapDayMonth ?? []);
    if (swap) swapped.add(field);
    else swapped.delete(field);
    const reading = { ...(mapped.reading ?? {}), swapDayMonth: [...swapped] };
    if (!reading.swapDayMonth.length) delete (reading as { swapDayMonth?: FieldKey[] }).swapDayMonth;
    if (Object.keys(reading).length) mapped.reading = reading;
    else delete mapped.reading;
    void this.runCheck();
  }

  /** Flips the direction of the effort question, and checks again. */
  private flipEffort(kind: SourceKind, direction: 'higherIsBetter' | 'lowerIsBetter'): void {
    const mapped = this.mapping[kind];
    if (!mapped) return;
    mapped.reading = { ...(mapped.reading ?? {}), effort: direction };
    void this.runCheck();
  }

  /** What the reader understood of each mapped column, under its field (after each check). */
  private drawReadings(check: MappingCheck | null): void {
    for (const slot of Array.from(this.body.querySelectorAll('.reading, .source-reading'))) replaceChildren(slot);
    if (!check?.readings || !this.scan) return;
    const where = { locale: this.scan.locale, timeZone: this.scan.timeZone };
    for (const reading of check.readings) {
      const card = this.body.querySelector(`section[data-source="${reading.kind}"]`);
      if (!card) continue;
      const sourceSlot = card.querySelector('.source-reading');
      if (sourceSlot)
        replaceChildren(
          sourceSlot,
          ...sourceSentences(this.language, reading).map((line) => h('p', { class: 'hint' }, line)),
        );
      for (const column of reading.columns) {
        const slot = card.querySelector(`[data-reading-for="${column.field}"]`);
        if (!slot) continue;
        const said = columnSentences(this.language, column, where);
        const lines: Child[] = said.lines.length
          ? [
              h(
                'div',
                { class: said.warn ? 'notice warn' : 'hint', attrs: { 'data-understood': column.field } },
                ...said.lines.map((line) => h('p', {}, line)),
              ),
            ]
          : [];
        if (said.offer) {
          const swap = said.offer.swap;
          lines.push(
            h(
              'p',
              {},
              this.button(said.offer.label, () => this.swapDates(reading.kind, column.field, swap), 'secondary'),
            ),
          );
        }
        if (column.field === 'effort') lines.push(...this.effortNotes(reading.kind, column.header));
        replaceChildren(slot, ...lines);
      }
    }
  }

  /** The effort question's direction, with a button to read it the other way. */
  private effortNotes(kind: SourceKind, header: string): Child[] {
    const detected = effortDirectionOf(header);
    const direction = this.mapping[kind]?.reading?.effort ?? detected.direction;
    const word = direction === detected.direction ? detected.word : undefined;
    const flipTo = direction === 'higherIsBetter' ? 'lowerIsBetter' : 'higherIsBetter';
    return [
      h(
        'p',
        { class: 'hint', attrs: { 'data-effort': direction } },
        effortSentence(this.language, header, direction, word),
      ),
      h(
        'p',
        {},
        this.button(
          this.t(flipTo === 'higherIsBetter' ? 'effortFlipHigher' : 'effortFlipLower'),
          () => this.flipEffort(kind, flipTo),
          'secondary',
        ),
      ),
    ];
  }

  /** The first rows of a sheet, the mapped columns highlighted; every cell is text. */
  private previewTable(sheet: SheetInfo | undefined, columns: Record<string, string>): HTMLElement {
    if (!sheet?.preview.length) return h('p', { class: 'hint' }, this.t('previewEmpty'));
    const used = new Set(Object.values(columns));
    const width = Math.max(sheet.headers.length, ...sheet.preview.map((row) => row.length));
    const mappedAt = (c: number) => used.has(sheet.headers[c] ?? '\u0000');
    const head = h('tr', {});
    for (let c = 0; c < width; c++)
      head.appendChild(
        h('th', { class: mappedAt(c) ? 'mapped' : undefined, attrs: { scope: 'col' } }, sheet.headers[c] ?? ''),
      );
    const body = h('tbody', {});
    for (const row of sheet.preview.slice(0, 5)) {
      const tr = h('tr', {});
      for (let c = 0; c < width; c++)
        tr.appendChild(h('td', { class: mappedAt(c) ? 'mapped' : undefined }, row[c] ?? ''));
      body.appendChild(tr);
    }
    const caption = this.t('previewCaption', { n: Math.min(5, sheet.preview.length), sheet: sheet.name });
    return h(
      'div',
      { class: 'table-wrap', attrs: { role: 'region', tabindex: '0', 'aria-label': caption } },
      h('table', {}, h('caption', { class: 'sr-only' }, caption), h('thead', {}, head), body),
    );
  }

  /** Asks the server about the mapping; only the answer to the latest question is shown. */
  private runCheck(): Promise<MappingCheck | null> {
    const seq = ++this.checkSeq;
    this.check = null;
    this.drawWarnings(null);
    this.drawReadings(null);
    const mapping = cloneMapping(this.mapping);
    const pending = call('wizardCheckMapping', mapping).then(
      (check) => {
        if (seq !== this.checkSeq) return this.checking ?? null;
        this.check = check;
        // the periods follow the sheets chosen in step 1
        if (check.periods && this.scan) this.scan = { ...this.scan, periods: check.periods };
        if (this.step === 2) {
          this.drawWarnings(check);
          this.drawReadings(check);
        }
        return check;
      },
      (error) => {
        if (seq === this.checkSeq && this.step === 2) this.showError(this.failureText(error));
        return null;
      },
    );
    this.checking = pending;
    return pending;
  }

  private drawWarnings(check: MappingCheck | null): void {
    const box = document.getElementById('warnings');
    if (!box) return;
    if (!check) {
      box.className = 'warnings checking';
      replaceChildren(box, h('p', { class: 'hint' }, this.t('checking')));
    } else if (check.ok && !check.messages.length) {
      box.className = 'warnings ok';
      replaceChildren(box, h('p', { class: 'notice ok' }, this.t('allGood')));
    } else {
      box.className = `warnings ${check.ok ? 'soft' : 'bad'}`;
      const list = h('ul', {});
      for (const message of check.messages) list.appendChild(h('li', {}, message));
      replaceChildren(
        box,
        h(
          'div',
          { class: `card ${check.ok ? 'warn-card' : 'problem-card'}` },
          h('h3', {}, this.t('warningsTitle')),
          list,
        ),
      );
    }
  }

  private async leaveColumns(): Promise<void> {
    const check = this.check ?? (await this.checking);
    if (this.step !== 2) return;
    if (!check) return;
    if (!check.ok) {
      this.showError(this.t('fixBeforeNext'));
      document.getElementById('warnings')?.focus();
      return;
    }
    this.go(3);
  }

  // ---- step 3: period and options -------------------------------------------------------------

  private drawOptions(): void {
    const scan = this.scan as WizardScan;
    const options = this.options as Options;
    const periodId = uniqueId('period');
    const periodSelect = h('select', { attrs: { id: periodId } });
    const periodHint = h('p', { class: 'hint', attrs: { id: `${periodId}-hint`, 'aria-live': 'polite' } });
    const fillPeriods = () => {
      const choices: PeriodChoice[] = scan.periods[options.periodKind] ?? [];
      replaceChildren(periodSelect, ...choices.map((choice) => option(String(choice.index), choice.label)));
      if (!choices.some((choice) => choice.index === options.periodIndex))
        options.periodIndex = choices[0]?.index ?? null;
      if (options.periodIndex !== null) periodSelect.value = String(options.periodIndex);
      periodSelect.disabled = !choices.length;
      periodHint.textContent = choices.length ? '' : this.t('noPeriods');
    };
    periodSelect.addEventListener('change', () => {
      options.periodIndex = Number(periodSelect.value);
    });

    const kinds = h('fieldset', { class: 'radios' }, h('legend', {}, this.t('periodKind')));
    const radioName = uniqueId('period-kind');
    for (const { kind, label } of PERIOD_KINDS) {
      const id = uniqueId(`kind-${kind}`);
      const radio = h('input', {
        attrs: { type: 'radio', id, name: radioName, value: kind, checked: kind === options.periodKind },
      });
      radio.addEventListener('change', () => {
        if (!radio.checked) return;
        options.periodKind = kind;
        options.periodIndex = null;
        fillPeriods();
      });
      kinds.appendChild(h('span', { class: 'radio' }, radio, h('label', { attrs: { for: id } }, this.t(label))));
    }
    fillPeriods();

    const currencyId = uniqueId('currency');
    const currency = h('select', { attrs: { id: currencyId } });
    const codes = CURRENCIES.includes(options.currency) ? CURRENCIES : [options.currency, ...CURRENCIES];
    for (const code of codes) currency.appendChild(option(code, currencyName(code, this.language)));
    currency.value = options.currency;
    currency.addEventListener('change', () => {
      options.currency = currency.value;
      targets.dispatchEvent(new Event(CURRENCY_CHANGED));
    });

    const targets = this.targetsArea(scan.targetKpis ?? [], options);
    const sections = h('fieldset', { class: 'checks' }, h('legend', {}, this.t('sections')));
    for (const { key, label } of SECTIONS) {
      const id = uniqueId(`section-${key}`);
      const box = h('input', { attrs: { type: 'checkbox', id, 'data-section': key, checked: options.sections[key] } });
      box.addEventListener('change', () => {
        options.sections[key] = box.checked;
      });
      sections.appendChild(h('span', { class: 'check' }, box, h('label', { attrs: { for: id } }, this.t(label))));
    }

    const privacyId = uniqueId('privacy');
    const privacy = h('input', {
      attrs: {
        type: 'checkbox',
        id: privacyId,
        'aria-describedby': `${privacyId}-hint`,
        checked: options.withoutPersonalData,
      },
    });
    privacy.addEventListener('change', () => {
      options.withoutPersonalData = privacy.checked;
    });

    replaceChildren(
      this.body,
      ...this.heading(this.t('optionsTitle')),
      kinds,
      h(
        'div',
        { class: 'field' },
        h('label', { attrs: { for: periodId } }, this.t('period')),
        periodSelect,
        periodHint,
      ),
      h('div', { class: 'field' }, h('label', { attrs: { for: currencyId } }, this.t('currency')), currency),
      sections,
      targets,
      h(
        'div',
        { class: 'field privacy' },
        h(
          'span',
          { class: 'check' },
          privacy,
          h('label', { attrs: { for: privacyId } }, this.t('withoutPersonalData')),
        ),
        h('p', { class: 'hint', attrs: { id: `${privacyId}-hint` } }, this.t('withoutPersonalDataHint')),
      ),
      scan.reportSheet ? h('p', { class: 'notice' }, this.t('replaceNote', { sheet: scan.reportSheet })) : null,
    );
    this.buttons(
      this.button(this.t('back'), () => this.go(2), 'secondary', 'back'),
      this.button(this.t('generate'), () => void this.generate(), 'action', 'generate'),
    );
  }

  /**
   * The "Targets (optional)" area of step 3: a KPI list, a value box whose hint says the unit, an
   * "Add target" button (Enter in the box too), and the targets set, each with its "Remove". The
   * server reads each value as it is added, in the spreadsheet's decimal mark, and says what is
   * wrong beside the box.
   */
  private targetsArea(kpis: TargetKpi[], options: Options): HTMLElement {
    const area = h('fieldset', { class: 'targets', attrs: { id: 'targets' } }, h('legend', {}, this.t('targetsTitle')));
    if (!kpis.length) return area;
    const hintId = uniqueId('targets-hint');
    const kpiId = uniqueId('target-kpi');
    const valueId = uniqueId('target-value');
    const unitId = `${valueId}-unit`;
    const errorId = `${valueId}-error`;
    const labelOf = (key: string) => kpis.find((k) => k.key === key)?.label ?? key;
    const kpiSelect = h('select', { attrs: { id: kpiId } }, ...kpis.map((k) => option(k.key, k.label)));
    const unitHint = h('p', { class: 'hint', attrs: { id: unitId } });
    const error = h('p', { class: 'target-error', attrs: { id: errorId, 'aria-live': 'assertive' } });
    const input = h('input', {
      attrs: {
        type: 'text',
        id: valueId,
        inputmode: 'decimal',
        autocomplete: 'off',
        'aria-describedby': `${unitId} ${errorId}`,
      },
    });
    const status = h('p', { class: 'sr-only', attrs: { role: 'status', 'aria-live': 'polite' } });
    const list = h('ul', { class: 'target-list', attrs: { 'aria-label': this.t('targetsListLabel') } });
    const none = h('p', { class: 'hint target-none' }, this.t('targetsNone'));
    const showUnit = () => {
      const unit = kpis.find((k) => k.key === kpiSelect.value)?.unit ?? 'number';
      unitHint.textContent =
        unit === 'percent'
          ? this.t('targetUnitPercent')
          : unit === 'points'
            ? this.t('targetUnitPoints')
            : unit === 'currency'
              ? this.t('targetUnitCurrency', { currency: options.currency })
              : this.t('targetUnitNumber');
    };
    const setError = (message: string) => {
      error.textContent = message;
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    };
    const drawList = () => {
      const order = (key: string) => kpis.findIndex((k) => k.key === key);
      options.targets.sort((a, b) => order(a.key) - order(b.key));
      replaceChildren(
        list,
        ...options.targets.map((target) => {
          const name = labelOf(target.key);
          const remove = h(
            'button',
            {
              class: 'link-button',
              attrs: {
                type: 'button',
                'aria-label': this.t('targetRemoveLabel', { kpi: name }),
                'data-target': target.key,
              },
              on: {
                click: () => {
                  options.targets = options.targets.filter((t) => t.key !== target.key);
                  drawList();
                  status.textContent = this.t('targetRemoved', { kpi: name });
                  kpiSelect.focus();
                },
              },
            },
            this.t('targetRemove'),
          );
          return h(
            'li',
            { attrs: { 'data-target': target.key } },
            h('span', { class: 'target-text' }, `${name}: ${target.text}`),
            remove,
          );
        }),
      );
      none.hidden = options.targets.length > 0;
      list.hidden = options.targets.length === 0;
    };
    const add = h('button', { class: 'secondary', attrs: { type: 'button', id: 'target-add' } }, this.t('targetAdd'));
    const submit = async () => {
      if (add.disabled) return;
      const key = kpiSelect.value;
      const text = input.value;
      add.disabled = true;
      setError('');
      status.textContent = this.t('targetChecking');
      try {
        const reading = await call('wizardCheckTarget', key, text);
        if (!reading.ok) {
          setError(reading.message);
          status.textContent = '';
          input.focus();
          return;
        }
        options.targets = [
          ...options.targets.filter((t) => t.key !== key),
          { key, value: reading.value, text: reading.text },
        ];
        input.value = '';
        drawList();
        status.textContent = this.t('targetAdded', { kpi: labelOf(key), value: reading.text });
        input.focus();
      } catch (failure) {
        setError(this.failureText(failure));
        status.textContent = '';
      } finally {
        add.disabled = false;
      }
    };
    add.addEventListener('click', () => void submit());
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        void submit();
      }
    });
    kpiSelect.addEventListener('change', () => {
      showUnit();
      setError('');
    });
    area.addEventListener(CURRENCY_CHANGED, showUnit);
    showUnit();
    drawList();
    area.setAttribute('aria-describedby', hintId);
    append(area, [
      h('p', { class: 'hint', attrs: { id: hintId } }, this.t('targetsHint')),
      h(
        'div',
        { class: 'target-form' },
        h('div', { class: 'target-kpi' }, h('label', { attrs: { for: kpiId } }, this.t('targetKpi')), kpiSelect),
        h('div', { class: 'target-value' }, h('label', { attrs: { for: valueId } }, this.t('targetValue')), input),
        add,
      ),
      unitHint,
      error,
      none,
      list,
      status,
    ]);
    return area;
  }

  // ---- step 4: generate -----------------------------------------------------------------------

  private request(runId: string): GenerateRequest {
    const options = this.options as Options;
    const request: GenerateRequest = {
      mapping: cloneMapping(this.mapping),
      periodKind: options.periodKind,
      currency: options.currency,
      sections: { ...options.sections },
      withoutPersonalData: options.withoutPersonalData,
      targets: Object.fromEntries(options.targets.map((t) => [t.key, t.value])),
      runId,
    };
    if (options.periodIndex !== null) request.periodIndex = options.periodIndex;
    return request;
  }

  private async generate(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.step = 4;
    this.clearError();
    this.drawHeader();
    const runId = newRunId();
    const bar = h('div', { class: 'bar' });
    const meter = h(
      'div',
      {
        class: 'meter',
        attrs: {
          role: 'progressbar',
          'aria-valuemin': '0',
          'aria-valuemax': '100',
          'aria-valuenow': '0',
          'aria-label': this.t('progressLabel'),
        },
      },
      bar,
    );
    const stages = h('ol', { class: 'stages' });
    const live = h(
      'p',
      { class: 'progress-text', attrs: { role: 'status', 'aria-live': 'polite' } },
      this.t('starting'),
    );
    replaceChildren(this.body, ...this.heading(this.t('generateTitle')), meter, live, stages);
    const back = this.button(this.t('back'), () => this.go(3), 'secondary', 'back');
    back.disabled = true;
    this.buttons(back);
    this.focusHeading();
    const show = (progress: Progress) => this.drawProgress(progress, bar, meter, stages, live);
    show({ stage: 'reading', percent: 0 });

    let pending = true;
    const generated = call('wizardGenerate', this.request(runId));
    const settle = () => {
      pending = false;
    };
    generated.then(settle, settle);
    const polling = (async () => {
      // One question at a time: the next poll is sent only after the previous answer came back.
      while (pending) {
        await sleep(POLL_MS);
        if (!pending) break;
        try {
          const progress = await call('wizardProgress', runId);
          if (pending && progress?.stage) show(progress);
        } catch {
          // A lost progress answer only delays the bar; the run itself reports its own failure.
        }
      }
    })();

    try {
      const result = await generated;
      await polling;
      if (this.scan) this.scan.reportSheet = result.sheetName;
      show({ stage: 'done', percent: 100 });
      this.drawResult(result);
    } catch (error) {
      await polling;
      this.showError(this.failureText(error), () => void this.generate());
      back.disabled = false;
      live.textContent = '';
      (document.getElementById('retry') as HTMLElement | null)?.focus();
    } finally {
      this.running = false;
    }
  }

  private drawProgress(
    progress: Progress,
    bar: HTMLElement,
    meter: HTMLElement,
    stages: HTMLElement,
    live: HTMLElement,
  ): void {
    const percent = Math.max(0, Math.min(100, Math.round(Number(progress.percent) || 0)));
    bar.style.width = `${percent}%`;
    meter.setAttribute('aria-valuenow', String(percent));
    const at =
      progress.stage === 'done'
        ? STAGES.length
        : Math.max(
            0,
            STAGES.findIndex((s) => s.stage === progress.stage),
          );
    const items = STAGES.map(({ label }, i) => {
      const state = i < at ? 'done' : i === at ? 'current' : 'pending';
      const status = this.t(
        state === 'done' ? 'stageStatusDone' : state === 'current' ? 'stageStatusCurrent' : 'stageStatusPending',
      );
      return h(
        'li',
        { class: `stage ${state}`, attrs: { 'aria-current': state === 'current' ? 'step' : null } },
        h(
          'span',
          { class: 'stage-icon', attrs: { 'aria-hidden': 'true' } },
          state === 'done' ? '✓' : state === 'current' ? '•' : '',
        ),
        h('span', {}, this.t(label)),
        h('span', { class: 'sr-only' }, ` (${status})`),
      );
    });
    replaceChildren(stages, ...items);
    const name = progress.stage === 'done' ? this.t('stageDone') : this.t(STAGES[at]?.label ?? 'stageReading');
    live.textContent = this.t('progressNow', { stage: name, percent });
  }

  /**
   * How to share the report: the version without personal data is always written beside the named
   * one, so its PDF is offered first; the named report's PDF second.
   */
  private shareCard(result: GenerateResult): HTMLElement {
    const card = h('div', { class: 'card share' }, h('h3', {}, this.t('shareTitle')), h('p', {}, this.t('shareNote')));
    const sharedPdf = googleDocumentLink(result.shared.pdfUrl);
    const namedPdf = googleDocumentLink(result.pdfUrl);
    const buttons = [
      sharedPdf
        ? this.button(
            this.t('sharedPdf'),
            () => void window.open(sharedPdf, '_blank', 'noopener'),
            'action',
            'download-shared-pdf',
          )
        : null,
      namedPdf
        ? this.button(
            this.t('downloadPdf'),
            () => void window.open(namedPdf, '_blank', 'noopener'),
            'secondary',
            'download-pdf',
          )
        : null,
    ];
    card.appendChild(h('p', { class: 'hint' }, this.t('sharedSheet', { sheet: result.shared.sheetName })));
    card.appendChild(h('div', { class: 'card-actions' }, ...buttons));
    if (sharedPdf || namedPdf)
      card.appendChild(h('p', { class: 'hint', attrs: { id: 'pdf-account-hint' } }, this.t('pdfAccountHint')));
    return card;
  }

  private drawResult(result: GenerateResult): void {
    const list = h('dl', { class: 'headline' });
    for (const kpi of result.headline) {
      list.appendChild(
        h(
          'div',
          { class: 'kpi', attrs: { 'data-kpi': kpi.key } },
          h('dt', {}, kpi.label),
          h(
            'dd',
            {},
            h('span', { class: 'kpi-value' }, kpi.value),
            kpi.change
              ? h(
                  'span',
                  { class: `kpi-change ${kpi.verdict}`, attrs: { title: this.t('changeHeader') } },
                  kpi.verdict === 'noise' ? `${kpi.change} · ${this.t('withinNoise')}` : kpi.change,
                )
              : null,
          ),
        ),
      );
    }
    const open = this.button(
      this.t('openSheet'),
      () => {
        call('wizardOpenSheet', result.sheetId).catch((error) => this.showError(this.failureText(error)));
      },
      'action',
      'open-sheet',
    );
    replaceChildren(
      this.body,
      ...this.heading(this.t(result.created ? 'resultTitle' : 'resultUpdated')),
      h(
        'div',
        { class: 'card result', attrs: { id: 'result' } },
        h('p', { class: 'result-period' }, this.t('resultPeriod', { period: result.periodLabel })),
        h('p', { class: 'hint' }, this.t('resultSheet', { sheet: result.sheetName })),
        list,
        h('ul', { class: 'story', attrs: { id: 'story' } }, ...result.story.map((sentence) => h('li', {}, sentence))),
        result.skippedRows > 0
          ? h('p', { class: 'notice warn' }, this.t('skipped', { n: formatCount(result.skippedRows, this.language) }))
          : null,
        ...result.warnings.map((warning) => h('p', { class: 'notice warn result-warning' }, warning)),
        h('div', { class: 'card-actions' }, open),
      ),
      this.shareCard(result),
    );
    this.buttons(
      this.button(this.t('newReport'), () => this.go(3), 'secondary', 'back'),
      this.button(this.t('close'), () => closeSidebar(), 'action', 'close'),
    );
    this.focusHeading();
  }
}

function option(value: string, text: string): HTMLOptionElement {
  const element = document.createElement('option');
  element.value = value;
  element.textContent = text;
  return element;
}

function cloneMapping(mapping: ReportMapping): ReportMapping {
  const copy: ReportMapping = {};
  for (const [kind, source] of Object.entries(mapping) as [SourceKind, SourceMapping][]) {
    if (!source) continue;
    copy[kind] = { sheet: source.sheet, columns: { ...source.columns } };
    if (source.reading)
      copy[kind]!.reading = {
        ...source.reading,
        ...(source.reading.swapDayMonth ? { swapDayMonth: [...source.reading.swapDayMonth] } : {}),
      };
  }
  return copy;
}

function firstKindWithPeriods(scan: WizardScan): ReportPeriodKind {
  return PERIOD_KINDS.map((p) => p.kind).find((kind) => (scan.periods[kind] ?? []).length > 0) ?? 'month';
}

function formatCount(n: number, language: UiLanguage): string {
  return new Intl.NumberFormat(language === 'es' ? 'es-ES' : 'en-US').format(n);
}

/** "EUR — euro" in the wizard's language (the code alone where the browser has no names). */
function currencyName(code: string, language: UiLanguage): string {
  try {
    const name = new Intl.DisplayNames([language], { type: 'currency' }).of(code);
    return name && name !== code ? `${code} — ${name}` : code;
  } catch {
    return code;
  }
}

/** A random id for one run (letters and digits), to ask for its progress. */
function newRunId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `run-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function boot(): void {
  const root = document.getElementById('app');
  if (root) void new Wizard(root).start();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
