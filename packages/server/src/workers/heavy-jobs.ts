/**
 * The worker threads' entry: runs one named job from jobs.ts. Errors cannot cross the thread boundary with their
 * code and context (structured clone keeps only name and message), so they come back as data and are rebuilt.
 */
import { JOBS, type JobName } from './jobs.js';
import { lowerThisThreadPriority } from './lower-priority.js';

// This module is loaded once per worker thread: heavy jobs yield the cores to the request thread.
lowerThisThreadPriority();

export interface JobRequest {
  name: JobName;
  input: unknown;
}

export type JobReply = { ok: true; value: unknown } | { ok: false; error: { code?: string; message: string; context?: Record<string, unknown> } };

export default async function runJob(request: JobRequest): Promise<JobReply> {
  try {
    const run = JOBS[request.name] as (input: unknown) => unknown;
    return { ok: true, value: await run(request.input) };
  } catch (error) {
    const e = error as { code?: unknown; message?: unknown; context?: unknown };
    return {
      ok: false,
      error: {
        code: typeof e.code === 'string' ? e.code : undefined,
        message: typeof e.message === 'string' ? e.message : String(error),
        context: typeof e.context === 'object' && e.context !== null ? (e.context as Record<string, unknown>) : undefined,
      },
    };
  }
}
