import { writeCitations } from '@exoatlas/literature';
import { ExoError, toExoError } from '@exoatlas/schema';
import { runSearch, SEARCH_CLIENTS, type RetryOptions, type SearchBudget } from '@exoatlas/search';
import { requireRole, type Action } from '../auth/roles.js';
import { invalid, text } from '../service/input.js';
import type { ReviewService } from '../service/review-service.js';
import type { User } from '../types.js';
import { SCHEDULE_INTERVAL_MS, SCHEDULES, SEARCH_DATABASES, type SavedSearch, type SavedSearchStore, type Schedule, type SearchDatabase, type SearchRun } from './types.js';

/** How the runs reach the services: base URLs (a mirror, or the tests' local server), contact and keys, the budget. */
export interface SearchConnection {
  baseUrls?: Partial<Record<SearchDatabase, string>>;
  email?: string;
  apiKeys?: Partial<Record<SearchDatabase, string>>;
  budget?: Omit<SearchBudget, 'deadline'> & { maxMillis?: number };
  retry?: RetryOptions;
  pageSize?: number;
}

export interface SavedSearchServiceOptions {
  now?: () => Date;
  connection?: SearchConnection;
  /** A run still marked running after this long died with its process and may be retried (default 2 hours). */
  staleAfterMs?: number;
  /** The search runner (tests may wrap it). */
  search?: typeof runSearch;
}

/** A saved search with its latest run. */
export type SavedSearchView = SavedSearch & { lastRun: SearchRun | null };

const DEFAULT_BUDGET = { maxRecords: 20_000, maxRequests: 2_000, maxMillis: 30 * 60_000 };

function parseFilters(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) invalid('filters must be an object of parameter names to texts (e.g. {"mindate": "2020"})', 'filters');
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    if (!/^[A-Za-z][A-Za-z0-9_.-]{0,40}$/.test(name)) invalid(`filter name '${name}' is not a parameter name`, 'filters');
    if (['term', 'query', 'search', 'cursor', 'cursorMark', 'usehistory', 'retstart', 'retmax', 'rows', 'per-page', 'pageSize', 'api_key', 'mailto', 'email', 'tool', 'format', 'resultType', 'retmode', 'db'].includes(name)) {
      invalid(`filter '${name}' is set by the search itself`, 'filters');
    }
    out[name] = text(v, `filters.${name}`, { required: true, max: 2000 })!;
  }
  return out;
}

function parseSchedule(value: unknown): Schedule {
  if (value === undefined || value === null || value === '') return 'none';
  if (!(SCHEDULES as readonly unknown[]).includes(value)) invalid(`schedule must be one of ${SCHEDULES.join(', ')}`, 'schedule');
  return value as Schedule;
}

function parseDatabase(value: unknown): SearchDatabase {
  if (!(SEARCH_DATABASES as readonly unknown[]).includes(value)) invalid(`database must be one of ${SEARCH_DATABASES.join(', ')}`, 'database');
  return value as SearchDatabase;
}

/**
 * Saved searches on a review project (issue 21): owners add, schedule and run them; every member lists them and their
 * runs. A run searches the service to the end (or its budget), and its records enter the project through the ordinary
 * import (ReviewService.importSearches: de-duplicated against everything the project holds, one transaction), so a run
 * that fails half-way imports nothing; it is recorded as failed and a scheduled search stays due for the next tick.
 */
export class SavedSearchService {
  private readonly now: () => Date;
  private readonly staleAfterMs: number;
  private readonly search: typeof runSearch;

  constructor(
    private readonly review: ReviewService,
    readonly store: SavedSearchStore,
    private readonly options: SavedSearchServiceOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.staleAfterMs = options.staleAfterMs ?? 2 * 3_600_000;
    this.search = options.search ?? runSearch;
  }

  private async access(actor: User | undefined, projectId: string, action: Action): Promise<User> {
    const user = this.review.requireUser(actor);
    const project = await this.review.store.getProject(projectId);
    requireRole(project ? await this.review.store.memberRole(projectId, user.id) : undefined, action, projectId);
    return user;
  }

  private async find(projectId: string, id: unknown): Promise<SavedSearch> {
    const n = typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id;
    const found = typeof n === 'number' && Number.isSafeInteger(n) ? await this.store.getSavedSearch(projectId, n) : undefined;
    if (!found) throw new ExoError('EXO_ERR_SEARCH_NOT_FOUND', `no saved search ${String(id)} in '${projectId}'`, { id: String(id) });
    return found;
  }

  private nextRun(schedule: Schedule, from: Date): string | null {
    return schedule === 'none' ? null : new Date(from.getTime() + SCHEDULE_INTERVAL_MS[schedule]).toISOString();
  }

  /** Saves a search; a scheduled one is due at once (its first run is the next tick). */
  async add(actor: User | undefined, projectId: string, input: { database?: unknown; query?: unknown; filters?: unknown; schedule?: unknown }): Promise<SavedSearch> {
    const user = await this.access(actor, projectId, 'import');
    const database = parseDatabase(input.database);
    const query = text(input.query, 'query', { required: true, max: 20_000 })!;
    const filters = parseFilters(input.filters);
    const schedule = parseSchedule(input.schedule);
    const now = this.now().toISOString();
    return this.store.createSavedSearch({ projectId, database, query, filters, schedule, nextRunAt: schedule === 'none' ? null : now, createdBy: user.id, createdAt: now });
  }

  async list(actor: User | undefined, projectId: string): Promise<SavedSearchView[]> {
    await this.access(actor, projectId, 'read');
    const [searches, runs] = await Promise.all([this.store.savedSearches(projectId), this.store.runs(projectId)]);
    const last = new Map<number, SearchRun>();
    for (const run of runs) last.set(run.savedSearchId, run);
    return searches.map((s) => ({ ...s, lastRun: last.get(s.id) ?? null }));
  }

  async runs(actor: User | undefined, projectId: string, id?: unknown): Promise<SearchRun[]> {
    await this.access(actor, projectId, 'read');
    return this.store.runs(projectId, id === undefined ? undefined : (await this.find(projectId, id)).id);
  }

  /** Sets (or clears, with 'none') a search's schedule; its next run is one interval from now. */
  async setSchedule(actor: User | undefined, projectId: string, id: unknown, schedule: unknown): Promise<SavedSearch> {
    await this.access(actor, projectId, 'import');
    const search = await this.find(projectId, id);
    const parsed = parseSchedule(schedule);
    return this.store.setSchedule(projectId, search.id, parsed, this.nextRun(parsed, this.now()));
  }

  /** Runs a saved search now, as the actor; a failure is recorded on the run and thrown. */
  async run(actor: User | undefined, projectId: string, id: unknown): Promise<SearchRun> {
    const user = await this.access(actor, projectId, 'import');
    const search = await this.find(projectId, id);
    const outcome = await this.execute(search, user, 'manual');
    if (!outcome) throw new ExoError('EXO_ERR_SEARCH_RUN_IN_PROGRESS', `saved search ${search.id} is already running`, { id: String(search.id) });
    if (outcome.error) throw new ExoError(outcome.error.code, `run ${outcome.run.id} of saved search ${search.id} failed and imported nothing: ${outcome.error.message}`, { ...outcome.error.context, run: outcome.run.id });
    return outcome.run;
  }

  /** The saved searches due now, across projects (the scheduler's tick). */
  due(): Promise<SavedSearch[]> {
    const now = this.now();
    return this.store.dueSearches(now.toISOString(), new Date(now.getTime() - this.staleAfterMs).toISOString());
  }

  /**
   * Runs one due search as the user who saved it (the scheduler's job); undefined when it is no longer due or another
   * process holds it. Failures are recorded on the run, not thrown: the search stays due and the next tick retries it.
   */
  async runScheduled(projectId: string, id: number): Promise<SearchRun | undefined> {
    const search = await this.store.getSavedSearch(projectId, id);
    if (!search || search.schedule === 'none' || search.nextRunAt === null || search.nextRunAt > this.now().toISOString()) return undefined;
    const creator = await this.review.store.getUser(search.createdBy);
    return (await this.execute(search, creator, 'schedule'))?.run;
  }

  /** Claims the search, runs it, imports its records in one transaction and records the outcome. */
  private async execute(search: SavedSearch, user: User | undefined, trigger: SearchRun['trigger']): Promise<{ run: SearchRun; error?: ExoError } | undefined> {
    const started = this.now();
    const run = await this.store.startRun({ projectId: search.projectId, savedSearchId: search.id, trigger, runBy: user?.id ?? null, startedAt: started.toISOString(), staleBefore: new Date(started.getTime() - this.staleAfterMs).toISOString() });
    if (!run) return undefined;
    try {
      const c = this.options.connection ?? {};
      const budget = { ...DEFAULT_BUDGET, ...c.budget };
      const result = await this.search(search.database, {
        query: search.query,
        filters: search.filters,
        baseUrl: c.baseUrls?.[search.database],
        email: c.email,
        apiKey: c.apiKeys?.[search.database],
        pageSize: c.pageSize,
        retry: c.retry,
        budget: { maxRecords: budget.maxRecords, maxRequests: budget.maxRequests, deadline: Date.now() + budget.maxMillis },
      });
      let imported = { added: 0, duplicates: 0, searchId: undefined as number | undefined };
      if (result.records.length > 0) {
        const date = started.toISOString().slice(0, 10);
        // Through the ordinary import: the records, written as CSL-JSON, are read back and de-duplicated against
        // everything the project holds, then written in one transaction with the search's provenance.
        const file = { name: `${search.database}-search-${search.id}-run-${run.id}-${date}.json`, data: writeCitations(result.records, 'csl-json') };
        const out = await this.review.importSearches(user, search.projectId, [file], { database: SEARCH_CLIENTS[search.database].label, date, query: search.query });
        imported = { added: out.added, duplicates: out.duplicates, searchId: out.searches[0]?.id };
      }
      const finishedAt = this.now();
      const finished = await this.store.finishRun(run.id, {
        finishedAt: finishedAt.toISOString(),
        status: 'succeeded',
        total: result.total,
        found: result.records.length,
        newRecords: imported.added,
        duplicates: imported.duplicates,
        ...(result.stoppedEarly ? { stoppedEarly: result.stoppedEarly.message } : {}),
        ...(imported.searchId !== undefined ? { searchId: imported.searchId } : {}),
        nextRunAt: this.nextRun(search.schedule, finishedAt),
      });
      return { run: finished };
    } catch (thrown) {
      // Nothing of the run was imported (the import is one transaction); the schedule is left due, so the next tick retries.
      const error = toExoError(thrown);
      return { run: await this.store.finishRun(run.id, { finishedAt: this.now().toISOString(), status: 'failed', error: error.message }), error };
    }
  }
}
