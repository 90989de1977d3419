import type { Parameters } from 'fast-check';

/**
 * How long the property tests search. The normal test run (and CI) uses a fixed seed and a small number
 * of runs, so it is reproducible and quick; `npm run fuzz` runs 2,000 cases per property from a new seed
 * (both settable: SPACELINT_FUZZ_RUNS, SPACELINT_FUZZ_SEED). A failure prints the seed and path to replay it.
 */
export const FUZZ_RUNS = positiveInt(process.env.SPACELINT_FUZZ_RUNS) ?? 40;
export const FUZZ_SEED = integer(process.env.SPACELINT_FUZZ_SEED) ?? 20_261_128;

/** fast-check parameters for one property: `weight` scales the run count for cheaper or dearer properties. */
export function fuzzParameters<T>(weight = 1): Parameters<T> {
  return { seed: FUZZ_SEED, numRuns: Math.max(1, Math.round(FUZZ_RUNS * weight)) };
}

/** Vitest timeout for a property: generous, since a long fuzz run is still one test. */
export function fuzzTimeout(weight = 1): number {
  return 30_000 + FUZZ_RUNS * weight * 400;
}

function positiveInt(value: string | undefined): number | undefined {
  const n = integer(value);
  return n !== undefined && n > 0 ? n : undefined;
}

function integer(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}
