import { RankerCache, type RankJob, type RankReply } from '../ranking/ranker-cache.js';

/**
 * Where rankings are computed: the TF-IDF features and each reviewer's classifier live with the engine, the caller
 * sends labels and receives scores. ReviewService defaults to this thread (the CLI has no server); the server passes
 * one that runs the jobs in its ranking worker (packages/server/src/workers/pooled-ranking.ts), so that building
 * features (about 1 s for 10,000 records) and refits (tens of ms) never hold the request thread.
 */
export interface RankingEngine {
  /** Answers a RankJob; an engine that runs jobs under budgets rejects with its EXO_ERR_JOB_* error. */
  rank(job: RankJob): Promise<RankReply>;
  /** Drops a project's features early (its records or criteria changed here); the records key would notice anyway. */
  forget(projectId: string): void;
}

/** Rankings on the caller's thread, cached in this process. */
export function inThreadRanking(): RankingEngine {
  const cache = new RankerCache();
  return {
    rank: async (job) => cache.rank(job),
    forget: (projectId) => cache.forget(projectId),
  };
}
