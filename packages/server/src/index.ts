export { buildApp, type AppDeps } from './build-app.js';
export { buildOpenApi } from './openapi.js';
export { accountOptionsFromEnv } from './account-config.js';
export { JobPool, type JobPoolOptions } from './workers/job-pool.js';
export { createJobs, jobSettingsFromEnv, DEFAULT_BUDGETS, type JobBudgets, type JobSettings, type Jobs } from './workers/budgets.js';
export { InProcessQueue, PgBossQueue, type JobQueue, type JobState, type JobStatus } from './jobs/index.js';
export { installStallMonitor, reportStallsTo, type StallReport } from './stall-monitor.js';
export { pooledRanking, type PooledRanking } from './workers/pooled-ranking.js';
