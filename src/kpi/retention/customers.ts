/**
 * Grouping order rows by customer, and the order customer ids are listed in.
 *
 * Every retention KPI starts from parallel arrays (one entry per order: customer id, day number,
 * amount). These helpers give each distinct customer a dense index once, so the formulas can keep
 * per-customer state in flat arrays: one pass over the orders, O(n).
 */

/** Distinct customers of a list of order rows. */
export interface CustomerIndex {
  /** Distinct customer ids, in order of first appearance. */
  ids: string[];
  /** For each order row, the index of its customer in `ids`. */
  of: Int32Array;
}

/**
 * Gives each distinct customer id a dense index, in order of first appearance. One pass, O(n).
 *
 * @example indexCustomers(['a', 'b', 'a']) // { ids: ['a', 'b'], of: Int32Array [0, 1, 0] }
 */
export function indexCustomers(customerIds: ArrayLike<string>): CustomerIndex {
  const positions = new Map<string, number>();
  const ids: string[] = [];
  const of = new Int32Array(customerIds.length);
  for (let i = 0; i < customerIds.length; i++) {
    const id = customerIds[i];
    let index = positions.get(id);
    if (index === undefined) {
      index = ids.length;
      positions.set(id, index);
      ids.push(id);
    }
    of[i] = index;
  }
  return { ids, of };
}

/** Number of orders of each customer of an index. */
export function ordersPerCustomer(index: CustomerIndex): Int32Array {
  const counts = new Int32Array(index.ids.length);
  for (let i = 0; i < index.of.length; i++) counts[index.of[i]]++;
  return counts;
}

/**
 * Sort key of a text: lower case without accents, each run of digits rewritten as "0", a character
 * holding its length without leading zeros, then those digits. Plain string comparison of keys is
 * then a natural order: digit runs compare as numbers ("c2" < "c10"), and against other characters
 * as any digit would.
 */
function naturalKey(text: string): string {
  let folded = text.toLowerCase();
  if (/[^ -~]/.test(folded)) folded = folded.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return folded.replace(/\d+/g, (run) => {
    const digits = run.replace(/^0+(?=\d)/, '');
    return `0${String.fromCharCode(0x100 + digits.length)}${digits}`;
  });
}

/** Most keys {@link keptNaturalKey} keeps; past that it starts again (a report sorts its customers four times). */
const KEPT_KEYS = 100_000;
let keptKeys: Map<string, string> | undefined;

/** {@link naturalKey}, kept for texts seen before: the same customer ids are sorted again and again. */
function keptNaturalKey(text: string): string {
  keptKeys ??= new Map();
  let key = keptKeys.get(text);
  if (key === undefined) {
    if (keptKeys.size >= KEPT_KEYS) keptKeys.clear();
    key = naturalKey(text);
    keptKeys.set(text, key);
  }
  return key;
}

/**
 * Sorts texts (customer ids, names) in the order a person expects, and returns the permutation:
 * case and accents ignored first ("ana" next to "Ana" and "Álvaro" before "Beatriz"), digit runs
 * compared as numbers ("C2" before "C10"; all-numeric ids therefore sort numerically), exact text
 * as the last tie-break so the order is total and never depends on the input order. With `first`,
 * rows are sorted by that number ascending and the texts only break its ties.
 * O(n log n), each text folded once.
 *
 * @example sortedOrder(['C10', 'c2', 'C2', 'B']) // [3, 2, 1, 0]: B, C2, c2, C10
 * @example sortedOrder(['b', 'a', 'c'], [5, 5, 1]) // [2, 1, 0]: c (1), a (5), b (5)
 */
export function sortedOrder(texts: readonly string[], first?: ArrayLike<number>): number[] {
  const keys = texts.map(keptNaturalKey);
  const order = texts.map((_, i) => i);
  order.sort((x, y) => {
    if (first && first[x] !== first[y]) return first[x] - first[y];
    const kx = keys[x];
    const ky = keys[y];
    if (kx !== ky) return kx < ky ? -1 : 1;
    return texts[x] < texts[y] ? -1 : texts[x] > texts[y] ? 1 : 0;
  });
  return order;
}
