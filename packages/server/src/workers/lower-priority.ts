import { setPriority } from 'node:os';
import { isMainThread } from 'node:worker_threads';

/** How much lower than the request thread a worker thread runs (nice 0 → 10). */
const WORKER_NICENESS = 10;

/**
 * Lowers the calling worker thread's scheduling priority, so that on a machine with fewer cores than busy threads
 * (2 cores: a meta-analysis, an import and a refit at once) the request thread is scheduled first and answers within
 * milliseconds while heavy jobs take a little longer. Linux only: there a thread's nice value is its own
 * (setpriority with pid 0 applies to the calling thread); elsewhere it would lower the whole server, so nothing is
 * done. A container that forbids it leaves the priority as it was.
 */
export function lowerThisThreadPriority(): void {
  if (process.platform !== 'linux' || isMainThread) return;
  try {
    setPriority(WORKER_NICENESS);
  } catch {
    // Not permitted here: the job runs at the server's priority.
  }
}
