/**
 * Test support: the built bundle loaded once, over whichever workbook a test points it at. The
 * bundle reads every service through the globals at call time, so swapping the globals behind them
 * runs the same add-on over another workbook without loading it again (loading costs more than a
 * small run; a matrix of hundreds of runs needs this).
 */
import { loadBundle, type Workbook } from '../emulator';

type Globals = Record<string, unknown>;

export class SwappableAddOn {
  private current: Globals = {};
  /** The add-on's globals, as Apps Script exposes them. */
  readonly fx: Record<string, (...args: any[]) => any>;
  /** What the add-on logged with console.error on the current workbook. */
  logged: unknown[][] = [];

  constructor(template: Workbook) {
    const globals: Globals = {};
    for (const name of new Set([...Object.keys(template.globals()), 'console'])) {
      Object.defineProperty(globals, name, { get: () => this.current[name], enumerable: true, configurable: true });
    }
    this.fx = loadBundle(globals);
  }

  /** Runs the add-on over `workbook` from now on. */
  use(workbook: Workbook): void {
    this.logged = [];
    const quiet = {
      ...console,
      error: (...args: unknown[]) => this.logged.push(args),
      warn: (...args: unknown[]) => this.logged.push(args),
    };
    this.current = { ...workbook.globals(), console: quiet };
  }
}
