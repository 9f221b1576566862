import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect } from 'vitest';
import { hasCatalogueCode } from '@exoatlas/schema';

/**
 * Settings of every property-based (fuzz) test. `npm test` runs them with a fixed seed and a bounded number of runs, so
 * a failure reproduces; FUZZ_RUNS scales the runs (a multiplier, e.g. 100) and FUZZ_SEED sets the seed ("random" picks
 * one), which is how scripts/fuzz-campaign.mjs runs a long campaign.
 */
const multiplier = Number(process.env.FUZZ_RUNS ?? '1');
const seedSetting = process.env.FUZZ_SEED ?? '20261207';
export const FUZZ_SEED = seedSetting === 'random' ? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0 : Number(seedSetting) | 0;
export const isCampaign = multiplier > 1;
/** A campaign's wall-time budget per property (ms), instead of the default's scaled limit. */
const campaignTimeMs = process.env.FUZZ_TIME_MS ? Number(process.env.FUZZ_TIME_MS) : undefined;
/** Where a campaign collects one JSON line per property: its name, seed, runs done, failure. */
const reportFile = process.env.FUZZ_REPORT;

function report<T>(details: fc.RunDetails<T>): void {
  if (reportFile) {
    const line = { test: expect.getState().currentTestName, seed: details.seed, runs: details.numRuns, interrupted: details.interrupted, failed: details.failed, counterexample: details.failed ? fc.stringify(details.counterexample).slice(0, 2000) : undefined, error: details.failed ? String(details.errorInstance).slice(0, 500) : undefined };
    appendFileSync(reportFile, `${JSON.stringify(line)}\n`);
  }
  // fast-check's own message (seed, path, shrunk counterexample) is the failure
  if (details.failed) throw new Error(`${fc.defaultReportMessage(details)}\nCaused by: ${String(details.errorInstance)}`, { cause: details.errorInstance });
}

/** Parameters for fc.assert: `runs` in an ordinary test run, scaled by FUZZ_RUNS; stops early past `timeLimitMs` × multiplier. */
export function fuzzParams<T>(runs: number, timeLimitMs = 20_000): fc.Parameters<T> {
  const scale = Number.isFinite(multiplier) && multiplier > 0 ? multiplier : 1;
  return {
    seed: FUZZ_SEED,
    numRuns: Math.max(1, Math.round(runs * scale)),
    // bounds a campaign's wall time; an ordinary run finishes far below it
    interruptAfterTimeLimit: campaignTimeMs ?? timeLimitMs * scale,
    markInterruptAsFailure: false,
    endOnFailure: true,
    reporter: report,
  };
}

/** A vitest timeout for a property of `runs` runs (scaled like the runs). */
export function fuzzTimeout(ms: number): number {
  if (campaignTimeMs !== undefined) return campaignTimeMs + 5 * 60_000;
  return ms * (Number.isFinite(multiplier) && multiplier > 1 ? multiplier + 1 : 1);
}

/** The error the property allows: a catalogue code other than "unexpected" (which means a bug). */
export function isCodedError(error: unknown): boolean {
  return hasCatalogueCode(error) && error.code !== 'EXO_ERR_INTERNAL_UNEXPECTED';
}

/** Re-throws anything that is not a coded error, with its stack, so fast-check reports the counterexample. */
export function expectCoded(error: unknown): void {
  if (!isCodedError(error)) throw error instanceof Error ? error : new Error(`threw a non-error: ${String(error)}`);
}

/** Runs `f` and reports how long it took in ms (each input must be well under a second). */
export async function timed<T>(f: () => Promise<T> | T): Promise<{ value?: T; error?: unknown; ms: number }> {
  const start = performance.now();
  try {
    const value = await f();
    return { value, ms: performance.now() - start };
  } catch (error) {
    return { error, ms: performance.now() - start };
  }
}

export { fc };
