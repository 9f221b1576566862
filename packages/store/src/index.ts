export * from './atlas-store.js';
export * from './fts-query.js';
export * from './literature/literature-store.js';
export * from './create-stores.js';
export * from './kysely/index.js';
