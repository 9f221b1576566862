import type { Migration } from 'kysely';
import type { Dialect } from '../database.js';
import { atlas } from './0001-atlas.js';
import { literature } from './0002-literature.js';
import { review } from './0003-review.js';
import { extraction } from './0004-extraction.js';
import { automationFlag } from './0005-automation-flag.js';
import { auditNoDelete } from './0006-audit-no-delete.js';
import { accounts } from './0007-accounts.js';
import { publishedAtlas } from './0008-published-atlas.js';
import { recordsVersionIndex } from './0010-records-version-index.js';

/** The one list of migrations, in order (Kysely's Migrator sorts by name). */
export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-atlas': atlas(dialect),
    '0002-literature': literature(dialect),
    '0003-review': review(dialect),
    '0004-extraction': extraction(dialect),
    '0005-automation-flag': automationFlag(),
    '0006-audit-no-delete': auditNoDelete(dialect),
    '0007-accounts': accounts(dialect),
    '0008-published-atlas': publishedAtlas(),
    // 0009 is taken by saved searches (issue 21, on its way).
    '0010-records-version-index': recordsVersionIndex(),
  };
}

/**
 * The migrations the hand-written SQLite store applied, in its order: a file at `PRAGMA user_version = n` has the
 * first n of them, with the same tables and columns. Its 6th (accounts) is our 0007: it never had 0006 (the audit log's
 * DELETE trigger), which the Migrator then applies after the adopted ones (see `allowUnorderedMigrations` there).
 */
export const LEGACY_SQLITE_MIGRATIONS = ['0001-atlas', '0002-literature', '0003-review', '0004-extraction', '0005-automation-flag', '0007-accounts'] as const;
