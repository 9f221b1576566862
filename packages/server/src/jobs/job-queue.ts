import { ExoError } from '@exoatlas/schema';

/** Where a queued job stands: waiting, being run by some process, done (with its result) or failed (with its error). */
export type JobState = 'created' | 'active' | 'completed' | 'failed';

export interface JobStatus<R = unknown> {
  id: string;
  name: string;
  state: JobState;
  result?: R;
  error?: { code: string; message: string };
}

/**
 * Work that must run once per cluster (long imports now, scheduled searches later). On PostgreSQL every server
 * process works the same pg-boss queue: a job is fetched by exactly one of them and its state is in the database,
 * so any process can report it. On SQLite (one server) the queue is this process's memory.
 */
export interface JobQueue {
  readonly kind: 'pg-boss' | 'in-process';
  /** Runs jobs of that name in this process (each process that may run them registers the same handler). */
  work<T extends object, R>(name: string, handler: (data: T) => Promise<R>): Promise<void>;
  /** Queues a job; its id is what status() takes. */
  enqueue<T extends object>(name: string, data: T): Promise<string>;
  /** The job's state, or undefined for an unknown id. */
  status<R>(name: string, id: string): Promise<JobStatus<R> | undefined>;
  close(): Promise<void>;
}

/** What a handler's run is stored as: its result, or its error as the API reports it (never a stack trace). */
export type JobOutcome<R> = { ok: true; result: R } | { ok: false; error: { code: string; message: string } };

/** Runs a handler and keeps its outcome, a coded error included, as plain JSON both queues can store. */
export async function settle<R>(run: () => Promise<R>): Promise<JobOutcome<R>> {
  try {
    return { ok: true, result: await run() };
  } catch (error) {
    if (error instanceof ExoError) return { ok: false, error: { code: error.code, message: error.message } };
    return { ok: false, error: { code: 'EXO_ERR_INTERNAL_UNEXPECTED', message: 'the job failed unexpectedly; please report it' } };
  }
}
