import { ExoError } from '@exoatlas/schema';
import type { ExtractionStore, ReviewStore, SavedSearchStore } from '@exoatlas/review';
import type { AtlasStore } from './atlas-store.js';
import type { LiteratureStore } from './literature/literature-store.js';
import { createKyselyStores } from './kysely/create-stores.js';
import { isPostgresUrl } from './kysely/database.js';

/** Every store of one database: the atlas, imported literature, review projects and their extraction forms. */
export interface Stores {
  backend: 'sqlite' | 'postgres';
  atlas: AtlasStore;
  literature: LiteratureStore;
  review: ReviewStore;
  extraction: ExtractionStore;
  /** Saved searches of review projects and their runs (issue 21). */
  savedSearches: SavedSearchStore;
  /**
   * Where another thread or process can open this same database (the SQLite file or the PostgreSQL URL, password
   * included: never show it); undefined for an in-memory SQLite database, which only this connection sees.
   */
  url: string | undefined;
  /** SQLite: how long a write waits, synchronously, for another writer's lock; nothing on PostgreSQL. */
  setBusyTimeout(ms: number): void;
  /** Closes the database (once, however many stores share it). */
  close(): Promise<void>;
}

export interface StoresConfig {
  /** The SQLite file (or ':memory:'), used when no databaseUrl is given. */
  sqlitePath?: string;
  /** A PostgreSQL URL (postgres:// or postgresql://) for team deployments. */
  databaseUrl?: string;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
  /** SQLite: how long a write waits for another writer's lock (default 5,000 ms; the server shortens it, busy-retry.ts). */
  busyTimeoutMs?: number;
}

/**
 * Opens every store over one database: PostgreSQL when a databaseUrl is given, else the embedded SQLite file. Both go
 * through the same Kysely stores and migrations (src/kysely/, docs/storage.md).
 */
export async function createStores(config: StoresConfig): Promise<Stores> {
  const url = config.databaseUrl?.trim();
  if (url) {
    if (!isPostgresUrl(url)) {
      throw new ExoError('EXO_ERR_STORE_OPEN', 'the database URL must start with postgres:// or postgresql://; for SQLite give a file with --db or EXOATLAS_DB', { field: 'databaseUrl' });
    }
    return createKyselyStores({ url, poolSize: config.poolSize });
  }
  if (config.sqlitePath === undefined || config.sqlitePath === '') {
    throw new ExoError('EXO_ERR_STORE_OPEN', 'no database given: choose a SQLite file with --db or EXOATLAS_DB, or a PostgreSQL URL with --database-url or DATABASE_URL');
  }
  return createKyselyStores({ url: config.sqlitePath, busyTimeoutMs: config.busyTimeoutMs });
}
