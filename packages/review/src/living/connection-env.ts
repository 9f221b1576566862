import { SEARCH_DATABASES } from './types.js';
import type { SearchConnection } from './saved-search-service.js';

/**
 * How saved searches reach the services, from the environment: EXOATLAS_SEARCH_EMAIL (NCBI `email`, the OpenAlex and
 * Crossref polite pool), EXOATLAS_NCBI_API_KEY and EXOATLAS_OPENALEX_API_KEY, and EXOATLAS_SEARCH_BASE_URL_<DATABASE>
 * (e.g. _PUBMED) for a mirror, a proxy or a test server.
 */
export function searchConnectionFromEnv(env: Record<string, string | undefined>): SearchConnection {
  const baseUrls: SearchConnection['baseUrls'] = {};
  for (const db of SEARCH_DATABASES) {
    const url = env[`EXOATLAS_SEARCH_BASE_URL_${db.toUpperCase()}`];
    if (url) baseUrls[db] = url;
  }
  return {
    baseUrls,
    ...(env.EXOATLAS_SEARCH_EMAIL ? { email: env.EXOATLAS_SEARCH_EMAIL } : {}),
    apiKeys: { ...(env.EXOATLAS_NCBI_API_KEY ? { pubmed: env.EXOATLAS_NCBI_API_KEY } : {}), ...(env.EXOATLAS_OPENALEX_API_KEY ? { openalex: env.EXOATLAS_OPENALEX_API_KEY } : {}) },
  };
}
