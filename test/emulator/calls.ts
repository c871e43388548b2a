/**
 * Counts every Apps Script service call the emulator answers, by `Class.method`, so tests can
 * assert how many reads and writes a job makes. It is also the one place where a test can make a
 * call fail on demand ({@link ServiceCalls.failOn}) or deny calls (authorisation mode NONE).
 */

/** A scheduled failure: the call after `remaining` more successful calls of `method` throws. */
interface PlannedFailure {
  method: string;
  remaining: number;
  message: string;
}

/** Decides whether a call is allowed (throws when not): used for `ScriptApp.AuthMode.NONE`. */
export type CallGuard = (method: string) => void;

export class ServiceCalls {
  private readonly counts = new Map<string, number>();
  private readonly order: string[] = [];
  private readonly failures: PlannedFailure[] = [];
  /** Set by the workbook to refuse calls the current authorisation mode does not allow. */
  guard?: CallGuard;

  /** Counts one call; throws when a planned failure or the guard says so (before any effect). */
  record(method: string): void {
    this.guard?.(method);
    const failure = this.failures.find((f) => f.method === method);
    if (failure) {
      if (failure.remaining === 0) {
        this.failures.splice(this.failures.indexOf(failure), 1);
        throw new Error(failure.message);
      }
      failure.remaining--;
    }
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    this.order.push(method);
  }

  /**
   * Makes the call of `method` that follows `afterCalls` more successful calls of it throw
   * `message` (once), before it changes anything — as a Sheets service error does.
   */
  failOn(
    method: string,
    afterCalls = 0,
    message = `Service Spreadsheets failed while accessing document with id emulated (${method}).`,
  ): void {
    this.failures.push({ method, remaining: afterCalls, message });
  }

  /** Calls of one method (e.g. `Range.getValues`), or of every method when none is named. */
  count(method?: string): number {
    if (method) return this.counts.get(method) ?? 0;
    let total = 0;
    for (const n of this.counts.values()) total += n;
    return total;
  }

  /** Calls whose method matches a prefix such as `Range.` or `Sheet.`. */
  countMatching(prefix: string): number {
    let total = 0;
    for (const [method, n] of this.counts) if (method.startsWith(prefix)) total += n;
    return total;
  }

  /** Calls by method, sorted by name. */
  byMethod(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Every counted call in the order it was made. */
  sequence(): string[] {
    return this.order.slice();
  }

  /** Forgets the counts and the sequence (planned failures stay). */
  reset(): void {
    this.counts.clear();
    this.order.length = 0;
  }
}
