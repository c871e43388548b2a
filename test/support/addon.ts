/**
 * Test support: the built add-on (dist/) loaded into a `vm` over an emulated workbook.
 */
import { loadBundle, Workbook, type WorkbookOptions } from '../emulator';

/** The add-on's globals (custom functions and endpoints), called as Apps Script would. */
export type AddOnGlobals = Record<string, (...args: any[]) => any>;

/** A fresh workbook and the built bundle loaded over it. */
export function addOn(options: WorkbookOptions = {}): { workbook: Workbook; fx: AddOnGlobals } {
  const workbook = new Workbook(options);
  const fx = loadBundle(workbook.globals()) as AddOnGlobals;
  return { workbook, fx };
}

/** The message of what `call` throws (fails the test when it does not throw). */
export function errorOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the call to throw, it returned normally');
}

/** A column range as Sheets passes it: one value per row. */
export function column(...values: unknown[]): unknown[][] {
  return values.map((v) => [v]);
}
