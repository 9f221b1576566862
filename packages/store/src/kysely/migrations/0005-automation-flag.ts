import type { Migration } from 'kysely';
import type { AnyDb } from './dialect-ddl.js';

/** Records left unscreened when the owner stopped prioritised screening (PRISMA 2020: excluded by automation tools). */
export const automationFlag = (): Migration => ({
  async up(db: AnyDb) {
    await db.schema.alterTable('review_records').addColumn('excluded_by_automation', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  },
});
