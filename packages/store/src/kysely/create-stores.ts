import type { Dialect, KyselyConfig, OpenedDatabase } from './database.js';
import { openKysely } from './database.js';
import { KyselyExtractionStore } from './extraction-store.js';
import { migrateToLatest } from './migrations/migrate.js';
import { KyselyReviewStore } from './review-store.js';

export interface KyselyStores {
  backend: Dialect;
  /** The opened database, for maintenance and tests. */
  database: OpenedDatabase;
  review: KyselyReviewStore;
  extraction: KyselyExtractionStore;
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
  return {
    backend: database.dialect,
    database,
    review: new KyselyReviewStore(database),
    extraction: new KyselyExtractionStore(database),
    close: () => database.db.destroy(),
  };
}
