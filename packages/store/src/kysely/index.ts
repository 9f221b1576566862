export { openKysely, isPostgresUrl, type Database as StoreDatabase, type Dialect, type KyselyConfig, type OpenedDatabase } from './database.js';
export { migrateToLatest, migrationStatus } from './migrations/migrate.js';
export { createKyselyStores, type KyselyStores } from './create-stores.js';
export { KyselyAtlasStore } from './atlas-store.js';
export { KyselyLiteratureStore } from './literature-store.js';
export { KyselyReviewStore } from './review-store.js';
export { KyselyExtractionStore } from './extraction-store.js';
export { searchIndexFor, type SearchIndex } from './search/index.js';
export * from './copy/index.js';
