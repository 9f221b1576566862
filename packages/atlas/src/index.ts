export * from './load/index.js';
export * from './query/atlas.js';
export * from './query/entity-index.js';
export * from './query/study-filters.js';
export * from './search/search-documents.js';
