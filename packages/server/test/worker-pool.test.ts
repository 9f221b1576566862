import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createJobs, JobPool } from '@exoatlas/server';
import { runMeta, runSynthesis, type MetaJob } from '../src/workers/jobs.js';
import { woundHealingStudies } from '../../review/test/synthesis/load-fixture.js';
import { testApp } from '../../../test/helpers/app.js';
import { repoRoot } from '../../../test/helpers/paths.js';
import { signIn } from '../../../test/helpers/session.js';

const bcg = readFileSync(join(repoRoot, 'packages/meta/test/fixtures/metafor/cases/bcg-rr-reml/data.csv'), 'utf8');

/** k studies of yi, vi and one moderator x, the same for a given k (a fixed linear congruential sequence). */
function studies(k: number): { study: string; yi: number; vi: number; x: number }[] {
  let s = 7;
  const rnd = (): number => (s = (s * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: k }, (_, i) => {
    const x = rnd();
    return { study: `S${i}`, yi: 0.2 + 0.5 * x + (rnd() - 0.5), vi: 0.01 + 0.1 * rnd(), x };
  });
}

/** A meta-analysis that takes seconds: a permutation test of a meta-regression, leave-one-out, bias, plots. */
const heavyMeta = (k: number, permutations: number) => ({ rows: studies(k), measure: 'GEN', mods: ['x'], permutations, seed: 1, bias: true, leaveOneOut: true });

const apps: { close: () => Promise<void> }[] = [];
afterAll(async () => {
  for (const a of apps) await a.close();
});
async function app(options: Parameters<typeof testApp>[0] = {}) {
  const ctx = await testApp(options);
  apps.push(ctx);
  return ctx;
}

describe('issue 16.5: heavy work runs in a worker pool', { timeout: 90_000 }, () => {
  it('the pool returns exactly the in-thread analysis (permutations, leave-one-out, bias, plots)', async () => {
    const pool = new JobPool({ threads: 1 });
    try {
      const job: MetaJob = { csv: bcg, plots: true, options: { measure: 'RR', mods: ['ablat'], permutations: 200, seed: 42, bias: true, leaveOneOut: true } };
      const pooled = await pool.run('meta', job, 60_000);
      expect(JSON.stringify(pooled)).toBe(JSON.stringify(runMeta(job)));
      expect(pooled.result.permutation).toBeDefined();
    } finally {
      await pool.close();
    }
  });

  it('a review project synthesis runs in the pool and comes back exactly as on this thread (plots, sensitivity, bias)', async () => {
    const pool = new JobPool({ threads: 1 });
    try {
      const job = { studies: woundHealingStudies(), options: { outcome: 'wound-closure' } };
      const pooled = await pool.run('synthesise', job, 60_000);
      expect(JSON.stringify(pooled)).toBe(JSON.stringify(runSynthesis(job)));
      expect(pooled.svg.forest).toContain('<svg');
      await expect(pool.run('synthesise', { ...job, options: { outcome: 'angiogenesis' } }, 60_000)).rejects.toMatchObject({ code: 'EXO_ERR_EXTRACT_NO_DATA' });
    } finally {
      await pool.close();
    }
  });

  it.runIf(process.platform === 'linux')('worker threads run at a lower priority than the request thread (Linux: per-thread nice 10)', async () => {
    const niceOf = () =>
      execFileSync('ps', ['-L', '-o', 'ni=', '-p', String(process.pid)], { encoding: 'utf8' })
        .trim()
        .split(/\s+/)
        .map(Number);
    const before = niceOf();
    const pool = new JobPool({ threads: 1 });
    try {
      await pool.run('meta', { csv: bcg, plots: false, options: { measure: 'RR' } }, 60_000);
      const after = niceOf();
      expect(after.filter((n) => n === 10).length).toBe(before.filter((n) => n === 10).length + 1);
      // this thread (the request thread) keeps its priority
      expect((await import('node:os')).getPriority()).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it('an error thrown in the worker comes back with its catalogue code', async () => {
    const { app: a } = await app();
    const res = await a.inject({ method: 'POST', url: '/api/meta', payload: { csv: bcg, measure: 'NOPE' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('EXO_ERR_META_UNKNOWN_MEASURE');
  });

  it('GET /api/health answers while a long meta-analysis runs (the request thread is free)', async () => {
    const { app: a } = await app();
    let isMetaDone = false;
    const meta = a.inject({ method: 'POST', url: '/api/meta', payload: heavyMeta(100, 1000) }).then((res) => {
      isMetaDone = true;
      return res;
    });
    // Health is asked again and again while the analysis runs. Without the pool the analysis holds the thread: at
    // most the first health request slips in as the analysis's answer is delivered, never several before it.
    let answeredDuring = 0;
    while (!isMetaDone) {
      expect((await a.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      if (!isMetaDone) answeredDuring++;
      await new Promise((resolve) => setTimeout(resolve, 5)); // a client polling, not a loop that starves the server's I/O
    }
    expect(answeredDuring).toBeGreaterThanOrEqual(3);
    expect((await meta).statusCode).toBe(200);
  });

  it('past its size budget a job is refused with 413, past its work budget with 422, before any work', async () => {
    const { app: a } = await app({ jobs: { threads: 1, budgets: { metaMaxRows: 50, metaMaxPermutationWork: 1000 } } });
    const large = await a.inject({ method: 'POST', url: '/api/meta', payload: { rows: studies(60), measure: 'GEN' } });
    expect(large.statusCode).toBe(413);
    expect(large.json().error).toMatchObject({ code: 'EXO_ERR_JOB_TOO_LARGE', context: { field: 'rows', limit: 50 } });
    const costly = await a.inject({ method: 'POST', url: '/api/meta', payload: { ...heavyMeta(20, 100) } });
    expect(costly.statusCode).toBe(422);
    expect(costly.json().error).toMatchObject({ code: 'EXO_ERR_JOB_OVER_BUDGET', context: { field: 'permutations', limit: 50 } });
  });

  it('a job past its time budget gets 503 with Retry-After, its worker is stopped, and the pool keeps working', async () => {
    const jobs = createJobs({ threads: 1, retryAfterSeconds: 7 });
    const { app: a } = await app({ jobs });
    // Warm the worker first (from source it compiles TypeScript as it starts) so the budget measures the analysis.
    expect((await a.inject({ method: 'POST', url: '/api/meta', payload: { csv: bcg, measure: 'RR' } })).statusCode).toBe(200);
    jobs.budgets.metaTimeoutMs = 1500;
    const slow = await a.inject({ method: 'POST', url: '/api/meta', payload: heavyMeta(1000, 10_000) });
    expect(slow.statusCode).toBe(503);
    expect(slow.headers['retry-after']).toBe('7');
    expect(slow.json().error.code).toBe('EXO_ERR_JOB_TIMEOUT');
    jobs.budgets.metaTimeoutMs = 60_000; // the replacement worker starts (and compiles) again
    const after = await a.inject({ method: 'POST', url: '/api/meta', payload: { csv: bcg, measure: 'RR', plots: false } });
    expect(after.statusCode).toBe(200);
    expect(after.json().result.k).toBe(13);
    await jobs.pool.close();
  });

  it('a full queue refuses a job with 503 EXO_ERR_JOB_BUSY and Retry-After', async () => {
    const { app: a } = await app({ jobs: { threads: 1, maxQueue: 1, retryAfterSeconds: 3 } });
    const running = [a.inject({ method: 'POST', url: '/api/meta', payload: heavyMeta(100, 300) }), a.inject({ method: 'POST', url: '/api/meta', payload: heavyMeta(100, 300) })];
    await new Promise((resolve) => setTimeout(resolve, 50));
    const refused = await a.inject({ method: 'POST', url: '/api/meta', payload: heavyMeta(100, 300) });
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('3');
    expect(refused.json().error.code).toBe('EXO_ERR_JOB_BUSY');
    for (const res of await Promise.all(running)) expect(res.statusCode).toBe(200);
  });

  it('imports are read in the worker and written here: the same records as before, and a malformed file writes nothing', async () => {
    const { app: a, literature } = await app();
    const auth = { authorization: `Bearer ${await signIn(a, 'importer')}` };
    const ris = readFileSync(join(repoRoot, 'packages/literature/test/fixtures/types-and-dates.ris'));
    const res = await a.inject({ method: 'POST', url: '/api/imports?fileName=types-and-dates.ris', headers: { ...auth, 'content-type': 'application/x-research-info-systems' }, payload: ris });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ format: 'ris', fileName: 'types-and-dates.ris' });
    expect(res.json().recordCount).toBeGreaterThan(0);
    const bad = await a.inject({ method: 'POST', url: '/api/imports?fileName=malformed.xml', headers: { ...auth, 'content-type': 'text/xml' }, payload: readFileSync(join(repoRoot, 'packages/literature/test/fixtures/malformed.xml')) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toMatch(/^EXO_ERR_LIT_/);
    expect(await literature.listImports()).toHaveLength(1);
  });
});
