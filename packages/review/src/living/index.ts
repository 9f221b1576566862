export * from './types.js';
export { SavedSearchService, type SavedSearchServiceOptions, type SavedSearchView, type SearchConnection } from './saved-search-service.js';
export { searchConnectionFromEnv } from './connection-env.js';
