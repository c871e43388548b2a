import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankScores, rfmScore, rfmScores, rfmSegment, type RfmRow } from '../../src/kpi/retention/rfm';
import { reportLabels } from '../../src/report/labels';
import { RFM_SEGMENT_NAMES } from '../../src/sheets/functions/retention';
import { cpuMillis, syntheticOrders } from './retention-support';

const AS_OF = 20_000;

/**
 * Twenty customers C1…C20, built so the R and F scores hit all ten segments. Each customer orders
 * `frequency` times, all on day AS_OF − recency, 10 per order (so M follows F).
 *
 * With n = 20 the score is 1 + ⌊5w/20⌋ = 1 + ⌊w/4⌋: w 0–3 → 1, 4–7 → 2, 8–11 → 3, 12–15 → 4, 16–19 → 5.
 * Recency: distinct values, so w = customers with a larger recency: 100, 99, 98, 97 → w 0…3 → R 1;
 * 90…87 → R 2; 80…77 → R 3; 70…67 → R 4; 60…57 → R 5.
 * Frequency: four customers each with 1…5 orders, so w = 0, 4, 8, 12, 16 → F = 1, 2, 3, 4, 5.
 */
const CUSTOMERS: [id: string, recency: number, frequency: number, r: number, f: number, segment: string][] = [
  ['C1', 100, 1, 1, 1, 'Hibernating'],
  ['C2', 99, 3, 1, 3, 'At risk'],
  ['C3', 98, 5, 1, 5, "Can't lose them"],
  ['C4', 97, 2, 1, 2, 'Hibernating'],
  ['C5', 90, 2, 2, 2, 'Hibernating'],
  ['C6', 89, 3, 2, 3, 'At risk'],
  ['C7', 88, 4, 2, 4, 'At risk'],
  ['C8', 87, 5, 2, 5, "Can't lose them"],
  ['C9', 80, 1, 3, 1, 'About to sleep'],
  ['C10', 79, 3, 3, 3, 'Need attention'],
  ['C11', 78, 4, 3, 4, 'Loyal'],
  ['C12', 77, 5, 3, 5, 'Loyal'],
  ['C13', 70, 1, 4, 1, 'Promising'],
  ['C14', 69, 2, 4, 2, 'Potential loyalist'],
  ['C15', 68, 3, 4, 3, 'Potential loyalist'],
  ['C16', 67, 4, 4, 4, 'Loyal'],
  ['C17', 60, 1, 5, 1, 'New customers'],
  ['C18', 59, 5, 5, 5, 'Champions'],
  ['C19', 58, 2, 5, 2, 'Potential loyalist'],
  ['C20', 57, 4, 5, 4, 'Champions'],
];

function orders(): { ids: string[]; days: number[]; amounts: number[] } {
  const ids: string[] = [];
  const days: number[] = [];
  const amounts: number[] = [];
  // listed from C20 down so the output's sort by id is really tested
  for (const [id, recency, frequency] of [...CUSTOMERS].reverse()) {
    for (let k = 0; k < frequency; k++) {
      ids.push(id);
      days.push(AS_OF - recency);
      amounts.push(10);
    }
  }
  return { ids, days, amounts };
}

const project = (rows: RfmRow[]) =>
  rows.map((row) => [
    row.customer,
    row.recency,
    row.frequency,
    row.monetary,
    row.r,
    row.f,
    row.m,
    RFM_SEGMENT_NAMES[row.segment],
  ]);

describe('RFM', () => {
  it('hand-checked table covering all ten segments, sorted by id in natural order', () => {
    const { ids, days, amounts } = orders();
    const rows = rfmScores(ids, days, amounts, AS_OF);
    expect(project(rows)).toEqual(
      CUSTOMERS.map(([id, recency, frequency, r, f, segment]) => [
        id,
        recency,
        frequency,
        frequency * 10,
        r,
        f,
        f,
        segment,
      ]),
    );
    expect(new Set(rows.map((row) => row.segment)).size).toBe(10);
  });

  it('as_of defaults to the latest order date, and orders after as_of are ignored', () => {
    const { ids, days, amounts } = orders();
    // default as_of = latest order = AS_OF − 57 (C20): every recency shrinks by 57, no score changes
    const byDefault = rfmScores(ids, days, amounts);
    expect(byDefault.map((row) => row.recency)).toEqual(CUSTOMERS.map(([, recency]) => recency - 57));
    expect(byDefault.map((row) => row.segment)).toEqual(rfmScores(ids, days, amounts, AS_OF).map((row) => row.segment));
    // a later order of C1 for 1000 and a customer who only ordered later change nothing as of AS_OF
    const later = rfmScores([...ids, 'C1', 'C99'], [...days, AS_OF + 5, AS_OF + 1], [...amounts, 1000, 5], AS_OF);
    expect(project(later)).toEqual(project(rfmScores(ids, days, amounts, AS_OF)));
    expect(rfmScores(['a'], [10], [5], 9)).toEqual([]);
  });

  it('ties share a score: identical customers all get 1 and are Hibernating', () => {
    const rows = rfmScores(['x', 'y', 'z'], [5, 5, 5], [7, 7, 7], 5);
    expect(rows.map((row) => [row.r, row.f, row.m, row.segment])).toEqual([
      [1, 1, 1, 'hibernating'],
      [1, 1, 1, 'hibernating'],
      [1, 1, 1, 'hibernating'],
    ]);
  });

  it('sums money exactly: 0.1 + 0.2 ties with 0.3', () => {
    const rows = rfmScores(['p', 'p', 'q', 'r'], [1, 1, 1, 1], [0.1, 0.2, 0.3, 0], 1);
    expect(rows.map((row) => [row.customer, row.monetary, row.m])).toEqual([
      // w: p and q beat r only → 1 + ⌊5·1/3⌋ = 2; r → 1
      ['p', 0.3, 2],
      ['q', 0.3, 2],
      ['r', 0, 1],
    ]);
  });

  it('the score formula and its cap: 1 + ⌊5w/n⌋ never exceeds 5 for w ≤ n − 1', () => {
    expect(rfmScore(0, 1)).toBe(1);
    expect(rfmScore(3, 4)).toBe(4); // 1 + ⌊15/4⌋
    expect(rfmScore(4, 5)).toBe(5);
    const wrong: string[] = [];
    for (let n = 1; n <= 500; n++)
      for (let w = 0; w < n; w++)
        if (rfmScore(w, n) !== 1 + Math.floor((5 * w) / n) || rfmScore(w, n) > 5) wrong.push(`${w}/${n}`);
    expect(wrong).toEqual([]);
    for (const n of [1, 7, 1000, 99_999, 1_000_000]) expect(rfmScore(n - 1, n)).toBe(n === 1 ? 1 : 5);
  });

  it('maps every R×F pair to the segment of the FUNCTIONS.md table', () => {
    const table: Record<string, string> = {
      Hibernating: '11 12 21 22',
      'At risk': '13 14 23 24',
      "Can't lose them": '15 25',
      'About to sleep': '31 32',
      'Need attention': '33',
      Loyal: '34 35 44 45',
      Promising: '41',
      'New customers': '51',
      'Potential loyalist': '42 43 52 53',
      Champions: '54 55',
    };
    let pairs = 0;
    for (const [label, codes] of Object.entries(table)) {
      for (const code of codes.split(' ')) {
        expect(RFM_SEGMENT_NAMES[rfmSegment(Number(code[0]), Number(code[1]))]).toBe(label);
        pairs++;
      }
    }
    expect(pairs).toBe(25);
    expect(Object.keys(reportLabels('es').rfmSegments).sort()).toEqual(Object.keys(RFM_SEGMENT_NAMES).sort());
  });

  it('property: scores in 1…5, better never scores lower, equal values score equally', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 80 }),
        fc.boolean(),
        (values, higherIsBetter) => {
          const scores = rankScores(Float64Array.from(values), higherIsBetter);
          for (let i = 0; i < values.length; i++) {
            expect(scores[i]).toBeGreaterThanOrEqual(1);
            expect(scores[i]).toBeLessThanOrEqual(5);
            const worse = values.filter((v) => (higherIsBetter ? v < values[i] : v > values[i])).length;
            expect(scores[i]).toBe(1 + Math.floor((5 * worse) / values.length));
          }
        },
      ),
    );
  });

  it('property: the order of rows never changes the result', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('a', 'b', 'c', 'd', 'e', 'A2', 'A10'),
            fc.integer({ min: 0, max: 60 }),
            fc.integer({ min: 0, max: 5000 }).map((c) => c / 100),
          ),
          { minLength: 1, maxLength: 60 },
        ),
        fc.integer(),
        (rows, seed) => {
          const shuffled = rows
            .map((row, i) => ({ row, key: Math.sin(seed + i * 12.9898) }))
            .sort((x, y) => x.key - y.key)
            .map((x) => x.row);
          const of = (list: typeof rows) =>
            rfmScores(
              list.map((r) => r[0]),
              list.map((r) => r[1]),
              list.map((r) => r[2]),
            );
          expect(of(shuffled)).toEqual(of(rows));
          for (const row of of(rows)) expect([row.r, row.f, row.m].every((s) => s >= 1 && s <= 5)).toBe(true);
        },
      ),
    );
  });

  it('handles 100 000 orders of 50 000 customers well under 300 ms', () => {
    const { ids, days, amounts } = syntheticOrders(100_000, 50_000, 11);
    expect(cpuMillis(() => rfmScores(ids, days, amounts))).toBeLessThan(300);
  });
});
