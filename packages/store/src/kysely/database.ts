import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, type Generated } from 'kysely';
import { createRequire } from 'node:module';
import type pg from 'pg';
import { ExoError } from '@exoatlas/schema';

/**
 * Every table of the store, typed once for both dialects. Columns keep the same SQL types on SQLite and PostgreSQL:
 * ids are integers (INTEGER PRIMARY KEY / serial), flags are 0/1 integers, timestamps ISO-8601 text and JSON
 * documents text, so rows read back identically whichever backend holds them.
 */
export interface Database {
  meta: { key: string; value: string };
  records: { kind: string; id: string; json: string };
  knowledge_base: { singleton: number; json: string };
  /** The atlas search documents (FTS5 virtual table on SQLite; a table with a tsvector column on PostgreSQL). */
  search: { kind: string; id: string; title: string; body: string };
  imports: {
    id: Generated<number>;
    file_name: string;
    format: string;
    source_database: string | null;
    search_date: string | null;
    search_query: string | null;
    imported_at: string;
    record_count: Generated<number>;
    warnings: Generated<string>;
  };
  citations: {
    id: Generated<number>;
    import_id: number;
    position: number;
    title: string | null;
    year: number | null;
    doi: string | null;
    pmid: string | null;
    journal: string | null;
    first_author: string | null;
    source_database: string | null;
    flags: Generated<string>;
    json: string;
  };
  review_users: { id: Generated<number>; username: string; display_name: string; password_hash: string; is_admin: Generated<number>; created_at: string; is_disabled: Generated<number> };
  /** The first account, recorded once (issue 17): its primary key makes racing first sign-ups create one account. */
  review_first_user: { singleton: number; user_id: number };
  review_login_throttle: { key: string; failures: number; window_start: string; locked_until: string | null; locks: Generated<number> };
  /** The account log, append-only in the database. */
  review_account_audit: { id: Generated<number>; actor_id: number | null; action: string; target_id: number | null; details: string | null; at: string };
  review_sessions: { token_hash: string; user_id: number; created_at: string; expires_at: string };
  review_projects: { id: string; name: string; question: string; criteria: string; mode: 'single' | 'dual'; exclusion_reasons: string; created_at: string; created_by: number };
  review_members: { project_id: string; user_id: number; role: 'owner' | 'reviewer' | 'viewer'; added_at: string };
  review_searches: {
    id: Generated<number>;
    project_id: string;
    database_name: string;
    search_date: string;
    query: string;
    file_name: string;
    format: string;
    identified: number;
    duplicates: number;
    added: number;
    warnings: Generated<string>;
    imported_at: string;
    imported_by: number;
  };
  review_records: { id: Generated<number>; project_id: string; search_id: number; citation: string; not_retrieved: Generated<number>; excluded_by_automation: Generated<number> };
  review_search_hits: { search_id: number; position: number; record_id: number; is_duplicate: number };
  review_decisions: {
    id: Generated<number>;
    project_id: string;
    record_id: number;
    stage: 'title-abstract' | 'full-text';
    reviewer_id: number;
    decision: 'include' | 'exclude' | 'maybe';
    reason: string | null;
    note: string | null;
    version: number;
    created_at: string;
  };
  review_resolutions: {
    id: Generated<number>;
    project_id: string;
    record_id: number;
    stage: 'title-abstract' | 'full-text';
    decision: 'include' | 'exclude';
    reason: string | null;
    method: 'third-reviewer' | 'discussion';
    resolved_by: number;
    note: string | null;
    version: number;
    created_at: string;
  };
  review_audit: {
    id: Generated<number>;
    project_id: string;
    user_id: number;
    action: string;
    record_id: number | null;
    stage: string | null;
    before: string | null;
    after: string | null;
    at: string;
  };
  review_forms: {
    id: Generated<number>;
    project_id: string;
    record_id: number;
    kind: 'extraction' | 'rob' | 'misev';
    reviewer_id: number | null;
    reviewer_key: number;
    version: number;
    data: string;
    created_by: number;
    created_at: string;
  };
  review_syntheses: {
    id: Generated<number>;
    project_id: string;
    options: string;
    result: string;
    created_by: number;
    created_at: string;
    published_at: string | null;
    published_by: number | null;
    atlas: string | null;
  };
  /** Issue 18: each version of a project's publication into the atlas (0008-published-atlas). */
  atlas_publications: {
    project_id: string;
    version: number;
    synthesis_id: number;
    studies: string;
    claims: string;
    details: string;
    published_at: string;
    published_by: number;
    withdrawn_at: string | null;
    withdrawn_by: number | null;
  };
}

export type Dialect = 'sqlite' | 'postgres';

/** Where the store lives: a SQLite file path (or ':memory:'), or a postgres:// URL. */
export interface KyselyConfig {
  url: string;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
  /** SQLite: how long a write waits for another writer's lock, synchronously (default 5,000 ms). */
  busyTimeoutMs?: number;
}

export interface OpenedDatabase {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The file path or the URL without its password, for messages. */
  location: string;
  /** SQLite: changes how long a write waits for another writer's lock; PostgreSQL waits on rows, not the database. */
  setBusyTimeout(ms: number): void;
}

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url);

/** Opens the database named by `config` (no migrations: see `migrateToLatest`). */
/** pg loaded only for a PostgreSQL URL: a SQLite command need not pay for it at start-up (issue 23). */
function loadPg(): typeof pg {
  return createRequire(import.meta.url)('pg') as typeof pg;
}

export function openKysely(config: KyselyConfig): OpenedDatabase {
  if (isPostgresUrl(config.url)) {
    const { Pool } = loadPg();
    const pool = new Pool({ connectionString: config.url, max: config.poolSize ?? 10 });
    // An idle connection that drops (the server restarts, a proxy times it out) is emitted here; without a listener
    // Node ends the process. The pool has already discarded the client and the next query opens a new one.
    pool.on('error', () => undefined);
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres', location: redact(config.url), setBusyTimeout: () => undefined };
  }
  const file = openSqliteFile(config.url, config.busyTimeoutMs ?? 5000);
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) }),
    dialect: 'sqlite',
    location: config.url,
    setBusyTimeout: (ms) => file.pragma(`busy_timeout = ${Math.max(0, Math.floor(ms))}`),
  };
}

/** A better-sqlite3 connection: WAL (readers never wait for the writer), foreign keys on, some patience with other writers. */
function openSqliteFile(path: string, busyTimeoutMs: number): Database.Database {
  try {
    if (path !== ':memory:') makeDirectories(dirname(path));
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    return db;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ExoError('EXO_ERR_STORE_OPEN', `cannot open the database at ${path} (${reason}); choose a writable path with --db or EXOATLAS_DB`, { file: path });
  }
}

const redact = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/** mkdir -p one level at a time (Node's recursive mkdir can spin forever on special file systems such as /proc). */
function makeDirectories(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) makeDirectories(parent);
  mkdirSync(dir);
}
