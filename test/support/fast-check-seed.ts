/**
 * Every property test runs from one fixed seed, so a run means the same on every machine and in CI;
 * fast-check prints the seed with any counterexample. `FC_SEED=<number>` replays another seed and
 * `FC_SEED=random` explores new ones.
 */
import fc from 'fast-check';

const wanted = process.env.FC_SEED;
const seed = wanted === 'random' ? Date.now() % 2 ** 31 : wanted ? Number(wanted) : 20_261_130;
if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be a whole number or "random", not ${wanted}`);
fc.configureGlobal({ seed });
