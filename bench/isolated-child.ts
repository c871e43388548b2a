/**
 * Run by bench/run.ts in a fresh process: `node --expose-gc --import tsx bench/isolated-child.ts`.
 * Measures what a fresh process sees: the first load of the bundle into a `vm` context and its
 * first NPS answer (V8's compilation cache is empty, as for a cold Apps Script instance), then NPS
 * and CSAT on 100 000 answers in a clean heap (median of 9 runs after 2 warm-ups). Prints one JSON line.
 */
import { loadBundle, Workbook } from '../test/emulator';
import { surveyData, ZONE } from './data';
import { measure } from './timing';

let start = performance.now();
const fx = loadBundle(new Workbook({ timeZone: ZONE }).globals());
const loadMs = performance.now() - start;
start = performance.now();
const first = fx.NPS([[9], [10], [7], [3]]);
const firstNpsMs = performance.now() - start;
if (first !== 25) throw new Error('bench: NPS of {9;10;7;3} should be 25');

const data = surveyData(100_000);
const nps = measure(() => fx.NPS(data.scores), 9, 2);
const csat = measure(() => fx.CSAT(data.ratings), 9, 2);
console.log(JSON.stringify({ loadMs, firstNpsMs, nps100k: nps.median, csat100k: csat.median }));
