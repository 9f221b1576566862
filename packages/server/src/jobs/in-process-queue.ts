import { randomUUID } from 'node:crypto';
import { settle, type JobOutcome, type JobQueue, type JobStatus } from './job-queue.js';

/** How many finished jobs the in-process queue remembers for status(). */
const KEEP_FINISHED = 1000;

/**
 * The queue of a single server (SQLite): jobs run in this process, one at a time in the order queued, and their
 * states live in its memory (a restart forgets them, as it would forget the running job itself).
 */
export class InProcessQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  private readonly handlers = new Map<string, (data: object) => Promise<unknown>>();
  private readonly jobs = new Map<string, JobStatus & { key: string }>();
  private chain: Promise<unknown> = Promise.resolve();

  async work<T extends object, R>(name: string, handler: (data: T) => Promise<R>): Promise<void> {
    this.handlers.set(name, handler as (data: object) => Promise<unknown>);
  }

  async enqueue<T extends object>(name: string, data: T): Promise<string> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`no handler for jobs '${name}'`);
    const id = randomUUID();
    const job: JobStatus & { key: string } = { id, name, state: 'created', key: name };
    this.jobs.set(id, job);
    this.forgetOld();
    this.chain = this.chain.then(async () => {
      job.state = 'active';
      const outcome: JobOutcome<unknown> = await settle(() => handler(data));
      if (outcome.ok) Object.assign(job, { state: 'completed', result: outcome.result });
      else Object.assign(job, { state: 'failed', error: outcome.error });
    });
    return id;
  }

  async status<R>(name: string, id: string): Promise<JobStatus<R> | undefined> {
    const job = this.jobs.get(id);
    if (!job || job.key !== name) return undefined;
    const { key: _key, ...status } = job;
    return status as JobStatus<R>;
  }

  /** Waits for every queued job (tests; shutdown). */
  async drain(): Promise<void> {
    await this.chain;
  }

  async close(): Promise<void> {
    await this.chain;
  }

  private forgetOld(): void {
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= KEEP_FINISHED) break;
      if (job.state === 'completed' || job.state === 'failed') this.jobs.delete(id);
    }
  }
}
