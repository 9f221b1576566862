import { sql, type Migration } from 'kysely';
import type { Dialect } from '../database.js';
import { appendOnly, withId, type AnyDb } from './dialect-ddl.js';

/**
 * Accounts (issue 17), as the hand-written store's 6th migration: disabled accounts; the first account recorded once
 * (a singleton row, filled for a database that already has accounts); login throttling per account and address; an
 * append-only log of account actions; sessions by user and by expiry.
 */
export const accounts = (dialect: Dialect): Migration => ({
  async up(db: AnyDb) {
    await db.schema.alterTable('review_users').addColumn('is_disabled', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema
      .createTable('review_first_user')
      .addColumn('singleton', 'integer', (c) => c.primaryKey().check(sql`singleton = 1`))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('review_users.id'))
      .execute();
    await sql`INSERT INTO review_first_user (singleton, user_id) SELECT 1, min(id) FROM review_users HAVING count(*) > 0`.execute(db);
    await db.schema
      .createTable('review_login_throttle')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('locked_until', 'text')
      .addColumn('locks', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await withId(dialect, db.schema.createTable('review_account_audit'))
      .addColumn('actor_id', 'integer', (c) => c.references('review_users.id'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target_id', 'integer', (c) => c.references('review_users.id'))
      .addColumn('details', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await appendOnly(db, dialect, 'review_account_audit', 'the audit log is append-only', ['update', 'delete']);
    await db.schema.createIndex('review_sessions_by_user').on('review_sessions').column('user_id').execute();
    await db.schema.createIndex('review_sessions_by_expiry').on('review_sessions').column('expires_at').execute();
  },
});
