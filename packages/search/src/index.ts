/**
 * @exoatlas/search — clients of the bibliographic databases' APIs (PubMed E-utilities, Europe PMC, OpenAlex,
 * Crossref) that return the literature package's CitationRecords; rate-limited, retried, paged, budgeted.
 */
export { SEARCH_SERVICES, type SearchBudget, type SearchOptions, type SearchResult, type SearchService, type RetryOptions, type StopReason } from './types.js';
export { runSearch, testConnection, searchService, SEARCH_CLIENTS, type ConnectionCheck } from './search.js';
export { RateLimiter } from './rate-limiter.js';
export { retryAfterMs } from './session.js';
export { abstractFromInvertedIndex } from './clients/openalex.js';
