/**
 * The progress of a report run, which the sidebar polls while the run works. It lives in the bundle
 * every execution loads (not in the report module): each poll is an execution of its own and reads
 * one document property.
 */
import { KpiError } from '../errors/catalogue';
import { endpoint } from './endpoint';
import type { Progress, ProgressStage } from './protocol';

/** Document property holding the progress of the current run. */
const PROGRESS_PROPERTY = 'fideliza.progress';

/**
 * A run id as the sidebar makes them: letters, digits, `-` and `_`, at most 64.
 *
 * @param value what the browser sent.
 * @returns the id.
 * @example validRunId('run-1') // 'run-1'
 */
export function validRunId(value: unknown): string {
  if (typeof value !== 'string' || !/^[\w-]{1,64}$/.test(value))
    throw new KpiError(
      'BAD_REQUEST',
      { fn: 'Fideliza', arg: 'runId' },
      { en: 'letters, digits, - and _ only', es: 'solo letras, dígitos, - y _' },
    );
  return value;
}

/**
 * Stores the stage a run has reached, for {@link wizardProgress}. Best effort: the progress bar only
 * informs, so a failure to store it never fails the run.
 *
 * @param runId the id the sidebar gave the run (no id: nothing is stored).
 * @param stage the stage reached.
 * @example setProgress('run-1', 'computing')
 */
export function setProgress(runId: string | undefined, stage: ProgressStage): void {
  if (!runId) return;
  try {
    PropertiesService.getDocumentProperties().setProperty(PROGRESS_PROPERTY, JSON.stringify({ runId, stage }));
  } catch {
    // the sidebar's bar stays at the last stage it saw; the run's result still reaches it
  }
}

const STAGE_PERCENT: Record<ProgressStage, number> = { reading: 10, computing: 40, writing: 70, charts: 90, done: 100 };

/**
 * Progress of a run started with `wizardGenerate`, polled by the sidebar.
 *
 * @param runId {string} the id the sidebar gave the run.
 * @return {Progress} the stage and a percentage.
 */
export function wizardProgress(runId: unknown): Progress {
  return endpoint(() => {
    const id = validRunId(runId);
    const text = PropertiesService.getDocumentProperties().getProperty(PROGRESS_PROPERTY);
    const saved = text ? (JSON.parse(text) as { runId: string; stage: ProgressStage }) : undefined;
    if (!saved || saved.runId !== id) return { stage: null, percent: 0 };
    return { stage: saved.stage, percent: STAGE_PERCENT[saved.stage] };
  });
}
