import { ExoError } from '@exoatlas/schema';
import type { ExtractionStore, ReviewStore } from '@exoatlas/review';
import type { AtlasStore } from './atlas-store.js';
import type { LiteratureStore } from './literature/literature-store.js';
import { SqliteLiteratureStore } from './literature/literature-store.js';
import { SqliteExtractionStore } from './review/extraction-store.js';
import { SqliteReviewStore } from './review/sqlite-review-store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import { createKyselyStores } from './kysely/create-stores.js';

/** Every store of one database: the atlas, imported literature, review projects and their extraction forms. */
export interface Stores {
  backend: 'sqlite' | 'postgres';
  atlas: AtlasStore;
  literature: LiteratureStore;
  review: ReviewStore;
  extraction: ExtractionStore;
  /** Closes the database (once, however many stores share it). */
  close(): Promise<void>;
}

export interface StoresConfig {
  /** The SQLite file (or ':memory:'), used when no databaseUrl is given. */
  sqlitePath?: string;
  /** A PostgreSQL URL (postgres:// or postgresql://) for team deployments. */
  databaseUrl?: string;
}

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** Opens every store over one database: PostgreSQL when a databaseUrl is given, else the embedded SQLite file. */
export async function createStores(config: StoresConfig): Promise<Stores> {
  const url = config.databaseUrl?.trim();
  if (url) {
    if (!POSTGRES_URL.test(url)) {
      throw new ExoError('EXO_ERR_STORE_OPEN', 'the database URL must start with postgres:// or postgresql://; for SQLite give a file with --db or EXOATLAS_DB', { field: 'databaseUrl' });
    }
    // PostgreSQL through the Kysely stores (src/kysely/); SQLite stays on the hand-written stores until they are retired.
    return createKyselyStores({ url });
  }
  if (config.sqlitePath === undefined || config.sqlitePath === '') {
    throw new ExoError('EXO_ERR_STORE_OPEN', 'no database given: choose a SQLite file with --db or EXOATLAS_DB, or a PostgreSQL URL with --database-url or DATABASE_URL');
  }
  const atlas = new SqliteStore(config.sqlitePath);
  let isClosed = false;
  return {
    backend: 'sqlite',
    atlas,
    literature: new SqliteLiteratureStore(atlas.db),
    review: new SqliteReviewStore(atlas.db),
    extraction: new SqliteExtractionStore(atlas.db),
    async close() {
      if (isClosed) return;
      isClosed = true;
      await atlas.close();
    },
  };
}
