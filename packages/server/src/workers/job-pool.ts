import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { ExoError, toExoError } from '@exoatlas/schema';
import type { JobReply, JobRequest } from './heavy-jobs.js';
import { JOBS, type JobInput, type JobName, type JobOutput } from './jobs.js';

export interface JobPoolOptions {
  /** Worker threads; 0 runs every job on the request thread (no pool: the benchmark's "before"). Default: one per CPU, at least 1 (the request thread itself needs little). */
  threads?: number;
  /** Jobs that may wait for a thread; past it a job is refused with EXO_ERR_JOB_BUSY. Default 4 per thread. */
  maxQueue?: number;
  /** Seconds a refused or timed-out caller is told to wait (the Retry-After header). Default 5. */
  retryAfterSeconds?: number;
}

/**
 * Heavy work off the request thread: a piscina pool running the jobs of jobs.ts, with a queue limit and a time budget
 * per job. A job past its budget is aborted, which terminates its worker thread (piscina starts a fresh one), so a
 * runaway analysis cannot hold a thread forever.
 */
export class JobPool {
  readonly threads: number;
  readonly maxQueue: number;
  readonly retryAfterSeconds: number;
  private readonly pool: Piscina | undefined;

  constructor(options: JobPoolOptions = {}) {
    this.threads = Math.max(0, Math.floor(options.threads ?? Math.max(1, availableParallelism())));
    this.maxQueue = Math.max(1, options.maxQueue ?? 4 * Math.max(1, this.threads));
    this.retryAfterSeconds = options.retryAfterSeconds ?? 5;
    this.pool =
      this.threads > 0
        ? new Piscina({ filename: workerFile(), minThreads: 1, maxThreads: this.threads, maxQueue: this.maxQueue, idleTimeout: 60_000 })
        : undefined;
  }

  /** True when jobs run in worker threads (false: on the caller's thread). */
  get isPooled(): boolean {
    return this.pool !== undefined;
  }

  /** Runs a job within `timeoutMs`; its errors come back as the ExoErrors the job threw. */
  async run<N extends JobName>(name: N, input: JobInput<N>, timeoutMs: number): Promise<JobOutput<N>> {
    if (!this.pool) return (await (JOBS[name] as (i: JobInput<N>) => unknown)(input)) as JobOutput<N>;
    if (this.pool.queueSize >= this.maxQueue) throw this.busy();
    const request: JobRequest = { name, input };
    let reply: JobReply;
    try {
      reply = (await this.pool.run(request, { signal: AbortSignal.timeout(timeoutMs) })) as JobReply;
    } catch (error) {
      const e = error as Error;
      if (e.name === 'AbortError' || e.name === 'TimeoutError') {
        throw new ExoError('EXO_ERR_JOB_TIMEOUT', `the ${name} job ran past its time budget of ${Math.round(timeoutMs / 1000)} s and was stopped; ask for less work or retry later`, { job: name, timeoutMs, retryAfter: this.retryAfterSeconds });
      }
      if (/queue is at limit/i.test(e.message)) throw this.busy();
      throw error;
    }
    if (reply.ok) return reply.value as JobOutput<N>;
    throw toExoError(Object.assign(new Error(reply.error.message), { code: reply.error.code, context: reply.error.context }));
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }

  private busy(): ExoError {
    return new ExoError('EXO_ERR_JOB_BUSY', `the server is busy with ${this.maxQueue} queued jobs; retry in ${this.retryAfterSeconds} s`, { retryAfter: this.retryAfterSeconds });
  }
}

/**
 * The worker's module. From TypeScript source (vitest, tsx) a bootstrap registers tsx first; in the esbuild bundle of
 * the CLI this code sits in a chunk of packages/cli/dist next to the emitted heavy-jobs.js.
 */
function workerFile(): string {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('./heavy-jobs-source.mjs', here).href : new URL('./heavy-jobs.js', here).href;
}
