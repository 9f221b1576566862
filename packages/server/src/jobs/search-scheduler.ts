import type { SavedSearchService } from '@exoatlas/review';
import type { JobQueue } from './job-queue.js';

/** The queue's name for a scheduled run of a saved search. */
export const SAVED_SEARCH_JOB = 'saved-search-run';

export interface SearchSchedulerOptions {
  /** How often due searches are looked for (default one minute). */
  tickMs?: number;
}

/**
 * The scheduler of saved searches (issue 21): every tick, each due search becomes a job on the app's queue. On
 * PostgreSQL that is pg-boss, shared by every server process, and a job runs in one of them; two servers that both
 * queue the same due search still run it once, because a run first claims the search (one conditional UPDATE) and a
 * search whose next run moved on is no longer due. On SQLite the queue is this process's.
 */
export class SearchScheduler {
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private isClosed = false;

  private constructor(
    private readonly savedSearches: SavedSearchService,
    private readonly queue: JobQueue,
  ) {}

  /** Registers this process as a worker of scheduled runs, and starts ticking (unless tickMs is 0). */
  static async start(savedSearches: SavedSearchService, queue: JobQueue, options: SearchSchedulerOptions = {}): Promise<SearchScheduler> {
    const scheduler = new SearchScheduler(savedSearches, queue);
    await queue.work<{ projectId: string; id: number }, unknown>(SAVED_SEARCH_JOB, async ({ projectId, id }) => {
      const run = await savedSearches.runScheduled(projectId, id);
      return run ? { runId: run.id, status: run.status } : { skipped: 'not due, or another process is running it' };
    });
    const tickMs = options.tickMs ?? 60_000;
    if (tickMs > 0) {
      scheduler.timer = setInterval(() => void scheduler.tick(), tickMs);
      scheduler.timer.unref();
    }
    return scheduler;
  }

  /** Queues every due search once (a tick still running is not started again). */
  tick(): Promise<void> {
    if (this.isClosed) return Promise.resolve();
    this.ticking ??= (async () => {
      try {
        for (const search of await this.savedSearches.due()) await this.queue.enqueue(SAVED_SEARCH_JOB, { projectId: search.projectId, id: search.id });
      } catch {
        // A database that is closing or briefly unreachable: the next tick looks again.
      } finally {
        this.ticking = undefined;
      }
    })();
    return this.ticking;
  }

  async close(): Promise<void> {
    this.isClosed = true;
    clearInterval(this.timer);
    await this.ticking;
  }
}
