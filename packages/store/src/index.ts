export * from './atlas-store.js';
export * from './fts-query.js';
export * from './sqlite/sqlite-store.js';
export * from './sqlite/open-database.js';
export * from './sqlite/migrations.js';
export * from './literature/literature-store.js';
export * from './review/index.js';
export { SqliteExtractionStore } from './review/extraction-store.js';
export * from './create-stores.js';
