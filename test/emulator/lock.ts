/**
 * `LockService` as Apps Script documents it: `tryLock(ms)` returns whether the lock was acquired;
 * `waitLock(ms)` throws "Lock timeout: another process was holding the lock for too long." when it
 * cannot; `hasLock`, `releaseLock`. A test simulates another execution holding a lock by setting
 * `heldElsewhere` on its state (`workbook.lockHeldElsewhere = true` for the document lock). The
 * emulator does not sleep: a lock held elsewhere is never released during the wait. Outside a
 * container-bound script `getDocumentLock()` returns `null`.
 */
import type { ServiceCalls } from './calls';

type GasLock = GoogleAppsScript.Lock.Lock;

/** Google's message when `waitLock` times out. */
export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

/** The state of one lock (document, script or user). */
export interface LockState {
  /** Another execution holds it: acquiring fails. */
  heldElsewhere: boolean;
  /** This execution holds it. */
  held: boolean;
  /** Times this execution acquired it. */
  acquisitions: number;
  /** Timeouts passed to tryLock/waitLock, in order. */
  timeouts: number[];
}

/** A new, free lock. */
export function freeLock(): LockState {
  return { heldElsewhere: false, held: false, acquisitions: 0, timeouts: [] };
}

/** A `Lock` handle on a lock state. */
export class EmuLock implements GasLock {
  constructor(
    private readonly calls: ServiceCalls,
    private readonly state: LockState,
  ) {}

  private acquire(timeoutInMillis: number): boolean {
    this.state.timeouts.push(timeoutInMillis);
    if (this.state.heldElsewhere) return false;
    if (!this.state.held) this.state.acquisitions++;
    this.state.held = true;
    return true;
  }

  tryLock(timeoutInMillis: number): boolean {
    this.calls.record('Lock.tryLock');
    return this.acquire(timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    this.calls.record('Lock.waitLock');
    if (!this.acquire(timeoutInMillis)) throw new Error(LOCK_TIMEOUT);
  }

  hasLock(): boolean {
    this.calls.record('Lock.hasLock');
    return this.state.held;
  }

  releaseLock(): void {
    this.calls.record('Lock.releaseLock');
    this.state.held = false;
  }
}

/** The locks of one emulated document/project/user. */
export interface LockStates {
  document: LockState;
  script: LockState;
  user: LockState;
}

/** The `LockService` global. */
export function lockService(
  calls: ServiceCalls,
  locks: LockStates,
  containerBound = true,
): GoogleAppsScript.Lock.LockService {
  return {
    // "If this method is called outside of the context of a containing document … null is returned."
    getDocumentLock: () => {
      calls.record('LockService.getDocumentLock');
      return (containerBound ? new EmuLock(calls, locks.document) : null) as GoogleAppsScript.Lock.Lock;
    },
    getScriptLock: () => {
      calls.record('LockService.getScriptLock');
      return new EmuLock(calls, locks.script);
    },
    getUserLock: () => {
      calls.record('LockService.getUserLock');
      return new EmuLock(calls, locks.user);
    },
  };
}
