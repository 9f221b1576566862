import type { Stores } from '../create-stores.js';
import type { Dialect, KyselyConfig, OpenedDatabase } from './database.js';
import { openKysely } from './database.js';
import { KyselyAtlasStore } from './atlas-store.js';
import { KyselyExtractionStore } from './extraction-store.js';
import { KyselyLiteratureStore } from './literature-store.js';
import { migrateToLatest } from './migrations/migrate.js';
import { KyselyReviewStore } from './review-store.js';
import { KyselySavedSearchStore } from './saved-search-store.js';
import { searchIndexFor } from './search/index.js';

/** The stores of one database, as `createStores` promises them (`Stores`), with the opened database besides. */
export interface KyselyStores extends Stores {
  backend: Dialect;
  /** The opened database, for maintenance and tests. */
  database: OpenedDatabase;
  atlas: KyselyAtlasStore;
  literature: KyselyLiteratureStore;
  review: KyselyReviewStore;
  extraction: KyselyExtractionStore;
  savedSearches: KyselySavedSearchStore;
  close: () => Promise<void>;
}

/** Opens the database named by `config` (a SQLite path or a postgres:// URL), brings its schema up to date, and builds every store on it. */
export async function createKyselyStores(config: KyselyConfig): Promise<KyselyStores> {
  const database = openKysely(config);
  try {
    await migrateToLatest(database);
  } catch (error) {
    await database.db.destroy();
    throw error;
  }
  const index = searchIndexFor(database.dialect);
  let isClosed = false;
  return {
    backend: database.dialect,
    database,
    atlas: new KyselyAtlasStore(database, index),
    literature: new KyselyLiteratureStore(database, index),
    review: new KyselyReviewStore(database),
    extraction: new KyselyExtractionStore(database, index),
    savedSearches: new KyselySavedSearchStore(database),
    url: config.url === ':memory:' ? undefined : config.url,
    setBusyTimeout: (ms) => database.setBusyTimeout(ms),
    close: async () => {
      // Closing twice is harmless (the server and the CLI may both close on shutdown); pg's Pool.end is not.
      if (isClosed) return;
      isClosed = true;
      await database.db.destroy();
    },
  };
}
