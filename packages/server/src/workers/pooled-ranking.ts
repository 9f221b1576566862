import { inThreadRanking, type RankingEngine } from '@exoatlas/review';
import type { JobBudgets } from './budgets.js';
import { JobPool } from './job-pool.js';

/** Ranking jobs that may wait for the ranking thread: each is short (a refit), many reviewers may ask at once. */
const RANK_QUEUE = 64;

export interface PooledRanking {
  engine: RankingEngine;
  close(): Promise<void>;
}

/**
 * The server's ranking engine: a pool of exactly one worker thread of its own, so that a project's TF-IDF features and
 * the reviewers' classifiers, kept in that thread (jobs.ts, runRank), are found by every later job, and so that a
 * refit never waits behind a long import or meta-analysis in the main pool. The thread starts on the first ranking.
 * With the pool off (`--workers 0`, the benchmark's "before") rankings run on the request thread, as in the CLI.
 */
export function pooledRanking(isPooled: boolean, budgets: JobBudgets): PooledRanking {
  if (!isPooled) return { engine: inThreadRanking(), close: async () => undefined };
  let pool: JobPool | undefined;
  return {
    engine: {
      rank: (job) => (pool ??= new JobPool({ threads: 1, maxQueue: RANK_QUEUE })).run('rank', job, budgets.rankTimeoutMs),
      // The thread's cache is keyed by the records key and evicts the least recently ranked project: nothing to drop.
      forget: () => undefined,
    },
    close: async () => pool?.close(),
  };
}
