/**
 * Counts every Apps Script service call the emulator answers, by `Class.method`, so tests can
 * assert how many reads and writes a job makes.
 */
export class ServiceCalls {
  private readonly counts = new Map<string, number>();

  record(method: string): void {
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
  }

  /** Calls of one method (e.g. `Range.getValues`), or of every method when none is named. */
  count(method?: string): number {
    if (method) return this.counts.get(method) ?? 0;
    let total = 0;
    for (const n of this.counts.values()) total += n;
    return total;
  }

  /** Calls by method, sorted by name. */
  byMethod(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }
}
