/**
 * What the wizard's step 2 shows, as console lines for `npm run demo`: the export each sheet was
 * recognised as, the column chosen for each field and why, the questions left to the user, and what
 * the reader understood of the values (dates and amounts written as text, mixed formats, rows the
 * export's rules leave out). Worded by the sidebar's own functions, in the wizard's language.
 */
import type { MappingCheck, WizardScan } from '../src/ui/protocol';
import {
  choiceReason,
  columnSentences,
  effortSentence,
  exportFormatName,
  exportRules,
  format,
  questionText,
  sourceSentences,
} from '../src/ui/sidebar/strings';

/**
 * The step-2 explanations of a scan and its mapping check, one line each.
 * @param scan what `wizardScan` answered.
 * @param check what `wizardCheckMapping` answered for the scan's mapping.
 * @return the lines, in the scan's language.
 */
export function understoodLines(scan: WizardScan, check: MappingCheck): string[] {
  const language = scan.language;
  const lines: string[] = [];
  for (const source of scan.sources) {
    const mapped = scan.mapping[source.kind];
    if (!mapped) continue;
    const detection = scan.detection.find((d) => d.kind === source.kind && d.sheet === mapped.sheet);
    lines.push(`${source.label} — ${format(language, 'sheetLabel', { sheet: mapped.sheet })}`);
    if (detection?.format)
      lines.push(
        `  ${format(language, 'recognisedAs', { format: exportFormatName(language, detection.format) })} ` +
          (exportRules(language, source.kind) ?? ''),
      );
    for (const field of source.fields) {
      const header = mapped.columns[field.key];
      const choice = detection?.choices.find((c) => c.field === field.key && c.header === header);
      if (header)
        lines.push(
          `  ${field.label} ← ${header}${choice ? `. ${choiceReason(language, choice, detection?.format)}` : ''}`,
        );
      const question = detection?.questions.find((q) => q.field === field.key);
      if (!header && question) lines.push(`  ${field.label}: ${questionText(language, question)}`);
    }
    if (detection?.effort && mapped.columns.effort)
      lines.push(
        `  ${effortSentence(language, mapped.columns.effort, detection.effort.direction, detection.effort.word)}`,
      );
    const reading = check.readings?.find((r) => r.kind === source.kind);
    if (!reading) continue;
    for (const column of reading.columns)
      for (const line of columnSentences(language, column, { locale: scan.locale, timeZone: scan.timeZone }).lines)
        lines.push(`  ${line}`);
    for (const line of sourceSentences(language, reading)) lines.push(`  ${line}`);
  }
  return lines;
}
