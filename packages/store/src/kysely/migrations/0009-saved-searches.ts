import { sql, type Migration } from 'kysely';
import type { Dialect } from '../database.js';
import { withId, type AnyDb } from './dialect-ddl.js';

/**
 * Issue 21: saved searches of a review project (a database, a query, filters and a schedule) and their runs. A run
 * records the query as it ran, what it found and how many records were new; its records enter the project through the
 * ordinary import (one transaction, de-duplicated against everything the project holds), whose search row the run
 * names. `running_since` is the claim of the one run in progress: set by a conditional UPDATE, so that two processes
 * (or two servers on one PostgreSQL database) never run the same search at once.
 */
export const savedSearches = (dialect: Dialect): Migration => ({
  async up(db: AnyDb) {
    await withId(dialect, db.schema.createTable('review_saved_searches'))
      .addColumn('project_id', 'text', (c) => c.notNull().references('review_projects.id').onDelete('cascade'))
      .addColumn('database_name', 'text', (c) => c.notNull().check(sql`database_name IN ('pubmed', 'europepmc', 'openalex', 'crossref')`))
      .addColumn('query', 'text', (c) => c.notNull())
      .addColumn('filters', 'text', (c) => c.notNull())
      .addColumn('schedule', 'text', (c) => c.notNull().check(sql`schedule IN ('none', 'daily', 'weekly')`))
      .addColumn('next_run_at', 'text')
      .addColumn('running_since', 'text')
      .addColumn('created_by', 'integer', (c) => c.notNull().references('review_users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('review_saved_searches_project').on('review_saved_searches').column('project_id').execute();
    await db.schema.createIndex('review_saved_searches_due').on('review_saved_searches').column('next_run_at').execute();
    await withId(dialect, db.schema.createTable('review_saved_search_runs'))
      .addColumn('saved_search_id', 'integer', (c) => c.notNull().references('review_saved_searches.id').onDelete('cascade'))
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('trigger', 'text', (c) => c.notNull().check(sql`${sql.ref('trigger')} IN ('manual', 'schedule')`))
      .addColumn('run_by', 'integer', (c) => c.references('review_users.id'))
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('database_name', 'text', (c) => c.notNull())
      .addColumn('query', 'text', (c) => c.notNull())
      .addColumn('filters', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('running', 'succeeded', 'failed')`))
      .addColumn('total', 'integer')
      .addColumn('found', 'integer')
      .addColumn('new_records', 'integer')
      .addColumn('duplicates', 'integer')
      .addColumn('stopped_early', 'text')
      .addColumn('error', 'text')
      .addColumn('search_id', 'integer', (c) => c.references('review_searches.id'))
      .execute();
    await db.schema.createIndex('review_saved_search_runs_search').on('review_saved_search_runs').columns(['saved_search_id', 'id']).execute();
  },
});
