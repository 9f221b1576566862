import type { Generated, Kysely, Selectable } from 'kysely';
import { ExoError } from '@exoatlas/schema';
import type { NewSavedSearch, RunOutcome, SavedSearch, SavedSearchStore, Schedule, SearchDatabase, SearchRun } from '@exoatlas/review';
import type { Database, OpenedDatabase } from './database.js';
import { writeTransaction } from './transaction.js';

/** The tables of migration 0009 (issue 21), typed here beside the store that uses them. */
interface SavedSearchTables {
  review_saved_searches: {
    id: Generated<number>;
    project_id: string;
    database_name: string;
    query: string;
    filters: string;
    schedule: string;
    next_run_at: string | null;
    running_since: string | null;
    created_by: number;
    created_at: string;
  };
  review_saved_search_runs: {
    id: Generated<number>;
    saved_search_id: number;
    project_id: string;
    trigger: string;
    run_by: number | null;
    started_at: string;
    finished_at: string | null;
    database_name: string;
    query: string;
    filters: string;
    status: string;
    total: number | null;
    found: number | null;
    new_records: number | null;
    duplicates: number | null;
    stopped_early: string | null;
    error: string | null;
    search_id: number | null;
  };
}
type Db = Kysely<Database & SavedSearchTables>;

function savedSearchFromRow(r: Selectable<SavedSearchTables['review_saved_searches']>): SavedSearch {
  return {
    id: r.id,
    projectId: r.project_id,
    database: r.database_name as SearchDatabase,
    query: r.query,
    filters: JSON.parse(r.filters) as Record<string, string>,
    schedule: r.schedule as Schedule,
    nextRunAt: r.next_run_at,
    runningSince: r.running_since,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

function runFromRow(r: Selectable<SavedSearchTables['review_saved_search_runs']>): SearchRun {
  return {
    id: r.id,
    savedSearchId: r.saved_search_id,
    projectId: r.project_id,
    trigger: r.trigger as SearchRun['trigger'],
    runBy: r.run_by,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    database: r.database_name as SearchDatabase,
    query: r.query,
    filters: JSON.parse(r.filters) as Record<string, string>,
    status: r.status as SearchRun['status'],
    total: r.total,
    found: r.found,
    newRecords: r.new_records,
    duplicates: r.duplicates,
    stoppedEarly: r.stopped_early,
    error: r.error,
    searchId: r.search_id,
  };
}

/** Saved searches and their runs on either dialect (migration 0009). */
export class KyselySavedSearchStore implements SavedSearchStore {
  constructor(private readonly opened: OpenedDatabase) {}

  private get db(): Db {
    return this.opened.db as unknown as Db;
  }

  async createSavedSearch(input: NewSavedSearch): Promise<SavedSearch> {
    const row = await this.db
      .insertInto('review_saved_searches')
      .values({ project_id: input.projectId, database_name: input.database, query: input.query, filters: JSON.stringify(input.filters), schedule: input.schedule, next_run_at: input.nextRunAt, running_since: null, created_by: input.createdBy, created_at: input.createdAt })
      .returningAll()
      .executeTakeFirstOrThrow();
    return savedSearchFromRow(row);
  }

  async savedSearches(projectId: string): Promise<SavedSearch[]> {
    const rows = await this.db.selectFrom('review_saved_searches').selectAll().where('project_id', '=', projectId).orderBy('id').execute();
    return rows.map(savedSearchFromRow);
  }

  async getSavedSearch(projectId: string, id: number): Promise<SavedSearch | undefined> {
    const row = await this.db.selectFrom('review_saved_searches').selectAll().where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
    return row && savedSearchFromRow(row);
  }

  async setSchedule(projectId: string, id: number, schedule: Schedule, nextRunAt: string | null): Promise<SavedSearch> {
    const row = await this.db.updateTable('review_saved_searches').set({ schedule, next_run_at: nextRunAt }).where('project_id', '=', projectId).where('id', '=', id).returningAll().executeTakeFirst();
    if (!row) throw new ExoError('EXO_ERR_SEARCH_NOT_FOUND', `no saved search ${id} in '${projectId}'`, { id: String(id) });
    return savedSearchFromRow(row);
  }

  async startRun(input: { projectId: string; savedSearchId: number; trigger: SearchRun['trigger']; runBy: number | null; startedAt: string; staleBefore: string }): Promise<SearchRun | undefined> {
    return writeTransaction(this.opened, async (trx) => {
      const db = trx as unknown as Db;
      const search = await db.selectFrom('review_saved_searches').selectAll().where('project_id', '=', input.projectId).where('id', '=', input.savedSearchId).executeTakeFirst();
      if (!search) throw new ExoError('EXO_ERR_SEARCH_NOT_FOUND', `no saved search ${input.savedSearchId} in '${input.projectId}'`, { id: String(input.savedSearchId) });
      // The claim: a conditional UPDATE of the one row, which PostgreSQL serialises between concurrent transactions
      // (the second re-checks the condition after the first commits) and SQLite's write lock orders.
      const claimed = await db
        .updateTable('review_saved_searches')
        .set({ running_since: input.startedAt })
        .where('id', '=', input.savedSearchId)
        .where((eb) => eb.or([eb('running_since', 'is', null), eb('running_since', '<', input.staleBefore)]))
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return undefined;
      // A run still marked running under a stale claim died with its process: nothing of it was imported (the import is one transaction).
      await db
        .updateTable('review_saved_search_runs')
        .set({ status: 'failed', finished_at: input.startedAt, error: 'interrupted: the process running it stopped before it finished; nothing of it was imported' })
        .where('saved_search_id', '=', input.savedSearchId)
        .where('status', '=', 'running')
        .execute();
      const row = await db
        .insertInto('review_saved_search_runs')
        .values({ saved_search_id: search.id, project_id: search.project_id, trigger: input.trigger, run_by: input.runBy, started_at: input.startedAt, finished_at: null, database_name: search.database_name, query: search.query, filters: search.filters, status: 'running', total: null, found: null, new_records: null, duplicates: null, stopped_early: null, error: null, search_id: null })
        .returningAll()
        .executeTakeFirstOrThrow();
      return runFromRow(row);
    });
  }

  async finishRun(runId: number, outcome: RunOutcome): Promise<SearchRun> {
    return writeTransaction(this.opened, async (trx) => {
      const db = trx as unknown as Db;
      const row = await db
        .updateTable('review_saved_search_runs')
        .set({ finished_at: outcome.finishedAt, status: outcome.status, total: outcome.total ?? null, found: outcome.found ?? null, new_records: outcome.newRecords ?? null, duplicates: outcome.duplicates ?? null, stopped_early: outcome.stoppedEarly ?? null, error: outcome.error ?? null, search_id: outcome.searchId ?? null })
        .where('id', '=', runId)
        .where('status', '=', 'running')
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new ExoError('EXO_ERR_SEARCH_NOT_FOUND', `no run ${runId} in progress`, { id: String(runId) });
      await db
        .updateTable('review_saved_searches')
        .set({ running_since: null, ...(outcome.nextRunAt !== undefined ? { next_run_at: outcome.nextRunAt } : {}) })
        .where('id', '=', row.saved_search_id)
        .where('running_since', '=', row.started_at)
        .execute();
      return runFromRow(row);
    });
  }

  async runs(projectId: string, savedSearchId?: number): Promise<SearchRun[]> {
    let query = this.db.selectFrom('review_saved_search_runs').selectAll().where('project_id', '=', projectId);
    if (savedSearchId !== undefined) query = query.where('saved_search_id', '=', savedSearchId);
    return (await query.orderBy('id').execute()).map(runFromRow);
  }

  async dueSearches(now: string, staleBefore: string): Promise<SavedSearch[]> {
    const rows = await this.db
      .selectFrom('review_saved_searches')
      .selectAll()
      .where('schedule', '!=', 'none')
      .where('next_run_at', '<=', now)
      .where((eb) => eb.or([eb('running_since', 'is', null), eb('running_since', '<', staleBefore)]))
      .orderBy('next_run_at')
      .orderBy('id')
      .execute();
    return rows.map(savedSearchFromRow);
  }
}
