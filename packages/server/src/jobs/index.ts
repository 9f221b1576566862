export { type JobQueue, type JobState, type JobStatus } from './job-queue.js';
export { InProcessQueue } from './in-process-queue.js';
export { PgBossQueue } from './pg-boss-queue.js';
export { SearchScheduler, SAVED_SEARCH_JOB, type SearchSchedulerOptions } from './search-scheduler.js';
