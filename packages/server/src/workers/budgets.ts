import { ExoError } from '@exoatlas/schema';
import { JobPool, type JobPoolOptions } from './job-pool.js';

/** What one heavy job may ask for: past a size the caller gets 413, past a work budget 422, past its time 503. */
export interface JobBudgets {
  /** Rows (studies) of one meta-analysis. */
  metaMaxRows: number;
  /** Rows × permutations of one permutation test (the work it costs). */
  metaMaxPermutationWork: number;
  /** Bytes of one uploaded search file (also the body limit of the upload routes). */
  importMaxBytes: number;
  metaTimeoutMs: number;
  importTimeoutMs: number;
  /** One ranking job: building a project's features (about 1 s for 10,000 records on a quiet core) or a refit. */
  rankTimeoutMs: number;
}

export const DEFAULT_BUDGETS: JobBudgets = {
  metaMaxRows: 20_000,
  metaMaxPermutationWork: 20_000_000,
  importMaxBytes: 50 * 1024 * 1024,
  metaTimeoutMs: 120_000,
  importTimeoutMs: 180_000,
  rankTimeoutMs: 60_000,
};

/** How long a worker that writes (an import) waits for another writer: off the request thread, so seconds are fine; then 503. */
export const WORKER_BUSY_TIMEOUT_MS = 5000;

/** The pool and budgets of one app: `buildApp({jobs})`, `exoatlas serve --workers N`, or EXOATLAS_* variables. */
export interface JobSettings extends JobPoolOptions {
  budgets?: Partial<JobBudgets>;
}

export interface Jobs {
  pool: JobPool;
  budgets: JobBudgets;
}

export function createJobs(settings: JobSettings = {}): Jobs {
  return { pool: new JobPool(settings), budgets: { ...DEFAULT_BUDGETS, ...settings.budgets } };
}

/** Settings from the environment: EXOATLAS_WORKERS (0 = no pool), EXOATLAS_JOB_QUEUE, EXOATLAS_JOB_TIMEOUT_MS, EXOATLAS_META_MAX_ROWS, EXOATLAS_META_MAX_PERMUTATION_WORK, EXOATLAS_IMPORT_MAX_BYTES, EXOATLAS_RANK_TIMEOUT_MS. */
export function jobSettingsFromEnv(env: Record<string, string | undefined>): JobSettings {
  const num = (name: string): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new ExoError('EXO_ERR_CLI_USAGE', `${name} must be a whole number ≥ 0 (got "${raw}")`, { field: name });
    return n;
  };
  const timeout = num('EXOATLAS_JOB_TIMEOUT_MS');
  const budgets: Partial<JobBudgets> = {};
  const set = <K extends keyof JobBudgets>(key: K, value: number | undefined): void => {
    if (value !== undefined) budgets[key] = value;
  };
  set('metaMaxRows', num('EXOATLAS_META_MAX_ROWS'));
  set('metaMaxPermutationWork', num('EXOATLAS_META_MAX_PERMUTATION_WORK'));
  set('importMaxBytes', num('EXOATLAS_IMPORT_MAX_BYTES'));
  set('metaTimeoutMs', timeout);
  set('importTimeoutMs', timeout);
  set('rankTimeoutMs', num('EXOATLAS_RANK_TIMEOUT_MS') ?? timeout);
  const settings: JobSettings = { budgets };
  const threads = num('EXOATLAS_WORKERS');
  const queue = num('EXOATLAS_JOB_QUEUE');
  if (threads !== undefined) settings.threads = threads;
  if (queue !== undefined) settings.maxQueue = queue;
  return settings;
}
