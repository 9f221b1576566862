import { sql, type Migration } from 'kysely';
import type { Dialect } from '../database.js';
import { appendOnly, createRefuseChangeFunction, withId, type AnyDb } from './dialect-ddl.js';

const STAGES = sql`('title-abstract', 'full-text')`;

/** The living review: users, sessions, projects, members, searches, records, decisions (append-only), resolutions, audit log. */
export const review = (dialect: Dialect): Migration => ({
  async up(db: AnyDb) {
    if (dialect === 'postgres') await createRefuseChangeFunction(db);
    // User names are unique whatever their case: COLLATE NOCASE on SQLite, a unique index on lower(username) on PostgreSQL.
    await withId(dialect, db.schema.createTable('review_users'))
      .addColumn('username', 'text', (c) => (dialect === 'sqlite' ? c.notNull().unique().modifyEnd(sql`COLLATE NOCASE`) : c.notNull()))
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    if (dialect === 'postgres') await sql`CREATE UNIQUE INDEX review_users_username_key ON review_users (lower(username))`.execute(db);
    await db.schema
      .createTable('review_sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('review_users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('review_projects')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('criteria', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode IN ('single', 'dual')`))
      .addColumn('exclusion_reasons', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.notNull().references('review_users.id'))
      .execute();
    await db.schema
      .createTable('review_members')
      .addColumn('project_id', 'text', (c) => c.notNull().references('review_projects.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('review_users.id'))
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role IN ('owner', 'reviewer', 'viewer')`))
      .addColumn('added_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('review_members_pk', ['project_id', 'user_id'])
      .execute();
    await withId(dialect, db.schema.createTable('review_searches'))
      .addColumn('project_id', 'text', (c) => c.notNull().references('review_projects.id').onDelete('cascade'))
      .addColumn('database_name', 'text', (c) => c.notNull())
      .addColumn('search_date', 'text', (c) => c.notNull())
      .addColumn('query', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('identified', 'integer', (c) => c.notNull())
      .addColumn('duplicates', 'integer', (c) => c.notNull())
      .addColumn('added', 'integer', (c) => c.notNull())
      .addColumn('warnings', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addColumn('imported_by', 'integer', (c) => c.notNull().references('review_users.id'))
      .execute();
    await withId(dialect, db.schema.createTable('review_records'))
      .addColumn('project_id', 'text', (c) => c.notNull().references('review_projects.id').onDelete('cascade'))
      .addColumn('search_id', 'integer', (c) => c.notNull().references('review_searches.id'))
      .addColumn('citation', 'text', (c) => c.notNull())
      .addColumn('not_retrieved', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('review_records_by_project').on('review_records').columns(['project_id', 'id']).execute();
    await db.schema
      .createTable('review_search_hits')
      .addColumn('search_id', 'integer', (c) => c.notNull().references('review_searches.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('record_id', 'integer', (c) => c.notNull().references('review_records.id'))
      .addColumn('is_duplicate', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('review_search_hits_pk', ['search_id', 'position'])
      .execute();
    await db.schema.createIndex('review_search_hits_by_record').on('review_search_hits').column('record_id').execute();
    await withId(dialect, db.schema.createTable('review_decisions'))
      .addColumn('project_id', 'text', (c) => c.notNull().references('review_projects.id'))
      .addColumn('record_id', 'integer', (c) => c.notNull().references('review_records.id'))
      .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage IN ${STAGES}`))
      .addColumn('reviewer_id', 'integer', (c) => c.notNull().references('review_users.id'))
      .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision IN ('include', 'exclude', 'maybe')`))
      .addColumn('reason', 'text')
      .addColumn('note', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('review_decisions_version', ['record_id', 'stage', 'reviewer_id', 'version'])
      .execute();
    await db.schema.createIndex('review_decisions_by_project').on('review_decisions').columns(['project_id', 'stage']).execute();
    await appendOnly(db, dialect, 'review_decisions', 'decisions are append-only', ['update', 'delete']);
    await withId(dialect, db.schema.createTable('review_resolutions'))
      .addColumn('project_id', 'text', (c) => c.notNull().references('review_projects.id'))
      .addColumn('record_id', 'integer', (c) => c.notNull().references('review_records.id'))
      .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage IN ${STAGES}`))
      .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision IN ('include', 'exclude')`))
      .addColumn('reason', 'text')
      .addColumn('method', 'text', (c) => c.notNull().check(sql`method IN ('third-reviewer', 'discussion')`))
      .addColumn('resolved_by', 'integer', (c) => c.notNull().references('review_users.id'))
      .addColumn('note', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('review_resolutions_version', ['record_id', 'stage', 'version'])
      .execute();
    await db.schema.createIndex('review_resolutions_by_project').on('review_resolutions').columns(['project_id', 'stage']).execute();
    await withId(dialect, db.schema.createTable('review_audit'))
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('review_users.id'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('record_id', 'integer')
      .addColumn('stage', 'text')
      .addColumn('before', 'text')
      .addColumn('after', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('review_audit_by_project').on('review_audit').columns(['project_id', 'id']).execute();
    await appendOnly(db, dialect, 'review_audit', 'the audit log is append-only', ['update']);
  },
});
