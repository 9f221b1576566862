import { sql, type Migration } from 'kysely';
import type { Dialect } from '../database.js';
import { appendOnly, withId, type AnyDb } from './dialect-ddl.js';

/**
 * Extraction (issue 8): extraction, SYRCLE and MISEV forms per record, kind and reviewer (reviewer_key 0 = consensus),
 * append-only with versions; saved syntheses with their options and result, and their atlas records once published.
 */
export const extraction = (dialect: Dialect): Migration => ({
  async up(db: AnyDb) {
    await withId(dialect, db.schema.createTable('review_forms'))
      .addColumn('project_id', 'text', (c) => c.notNull().references('review_projects.id'))
      .addColumn('record_id', 'integer', (c) => c.notNull().references('review_records.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('extraction', 'rob', 'misev')`))
      .addColumn('reviewer_id', 'integer', (c) => c.references('review_users.id'))
      .addColumn('reviewer_key', 'integer', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.notNull().references('review_users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('review_forms_version', ['record_id', 'kind', 'reviewer_key', 'version'])
      .execute();
    await db.schema.createIndex('review_forms_by_project').on('review_forms').columns(['project_id', 'record_id', 'kind']).execute();
    await appendOnly(db, dialect, 'review_forms', 'forms are append-only', ['update', 'delete']);
    await withId(dialect, db.schema.createTable('review_syntheses'))
      .addColumn('project_id', 'text', (c) => c.notNull().references('review_projects.id'))
      .addColumn('options', 'text', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.notNull().references('review_users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text')
      .addColumn('published_by', 'integer', (c) => c.references('review_users.id'))
      .addColumn('atlas', 'text')
      .execute();
    await db.schema.createIndex('review_syntheses_by_project').on('review_syntheses').columns(['project_id', 'id']).execute();
  },
});
