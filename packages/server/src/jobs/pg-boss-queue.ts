import PgBoss from 'pg-boss';
import { settle, type JobOutcome, type JobQueue, type JobState, type JobStatus } from './job-queue.js';

/** pg-boss keeps its tables in their own schema, apart from the application's migrations. */
const SCHEMA = 'exoatlas_jobs';

/**
 * The cluster's queue on PostgreSQL (pg-boss 10): each server process works it, pg-boss hands every job to exactly one
 * of them (SKIP LOCKED), and job states and outcomes are rows any process can read. A job is not retried: an import
 * that died half-way rolled back, and running it again unasked could surprise whoever queued it.
 */
export class PgBossQueue implements JobQueue {
  readonly kind = 'pg-boss' as const;
  private readonly queues = new Set<string>();

  private constructor(private readonly boss: PgBoss) {}

  /** Connects, installing or upgrading pg-boss's schema on first use (pg-boss serialises that across processes). */
  static async start(connectionString: string, options: { pollingIntervalSeconds?: number } = {}): Promise<PgBossQueue> {
    const boss = new PgBoss({ connectionString, schema: SCHEMA, max: 4, retryLimit: 0, ...options });
    // pg-boss reports background errors (a lost connection) as events; without a listener they would crash the process.
    boss.on('error', () => undefined);
    await boss.start();
    return new PgBossQueue(boss);
  }

  private async ensureQueue(name: string): Promise<void> {
    if (this.queues.has(name)) return;
    for (let attempt = 1; !(await this.boss.getQueue(name)); attempt++) {
      try {
        await this.boss.createQueue(name, { name, retryLimit: 0 });
      } catch (error) {
        // Another process created it meanwhile (then the loop ends), or creating its partition deadlocked with another
        // process's polling of the job table (PostgreSQL chose us as the victim: 40P01): try again.
        if ((error as { code?: string }).code !== '40P01' || attempt >= 5) {
          if (!(await this.boss.getQueue(name))) throw error;
        }
      }
    }
    this.queues.add(name);
  }

  async work<T extends object, R>(name: string, handler: (data: T) => Promise<R>): Promise<void> {
    await this.ensureQueue(name);
    await this.boss.work<T>(name, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => settle(() => handler(job!.data)));
  }

  async enqueue<T extends object>(name: string, data: T): Promise<string> {
    await this.ensureQueue(name);
    const id = await this.boss.send(name, data, { retryLimit: 0 });
    if (!id) throw new Error(`pg-boss did not queue the job '${name}'`);
    return id;
  }

  async status<R>(name: string, id: string): Promise<JobStatus<R> | undefined> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
    await this.ensureQueue(name);
    const job = await this.boss.getJobById<object>(name, id, { includeArchive: true });
    if (!job) return undefined;
    const out = job.output as JobOutcome<R> | { message?: string } | null;
    if (job.state === 'completed' && out && 'ok' in out) {
      return out.ok ? { id, name, state: 'completed', result: out.result } : { id, name, state: 'failed', error: out.error };
    }
    if (job.state === 'failed' || job.state === 'cancelled') {
      // Expired or cancelled by pg-boss itself (the process running it died): no outcome of ours to report.
      return { id, name, state: 'failed', error: { code: 'EXO_ERR_INTERNAL_UNEXPECTED', message: 'the job did not finish (its server process stopped?); queue it again' } };
    }
    const state: JobState = job.state === 'active' ? 'active' : 'created';
    return { id, name, state };
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 10_000, wait: true });
  }
}
