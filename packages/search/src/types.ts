import type { CitationRecord } from '@exoatlas/literature';

/** The bibliographic services a search can run against. */
export const SEARCH_SERVICES = ['pubmed', 'europepmc', 'openalex', 'crossref'] as const;
export type SearchService = (typeof SEARCH_SERVICES)[number];

/** Where a search stops before the end of the results; each is optional. */
export interface SearchBudget {
  /** Keep at most this many records. */
  maxRecords?: number;
  /** Send at most this many HTTP requests (retries included). */
  maxRequests?: number;
  /** Stop when this moment (ms since the epoch) has passed. */
  deadline?: number;
}

export interface RetryOptions {
  /** Retries after the first attempt of one request (default 5). */
  maxRetries?: number;
  /** The first backoff in ms (default 500); it doubles each retry, with full jitter. */
  baseDelayMs?: number;
  /** The longest wait between two attempts, Retry-After included (default 60 s). */
  maxDelayMs?: number;
}

export interface SearchOptions {
  /** The query in the service's own syntax (PubMed/Europe PMC query, OpenAlex `search`, Crossref `query`). */
  query: string;
  /** Service-specific filters: PubMed `mindate`/`maxdate`/`datetype`, OpenAlex/Crossref `filter`, …. */
  filters?: Record<string, string>;
  /** The service's base URL (tests point it at a local server); default its public endpoint. */
  baseUrl?: string;
  /** Contact address: NCBI `email`, OpenAlex/Crossref `mailto` (the "polite pool"). */
  email?: string;
  /** NCBI API key (10 requests/s instead of 3) or OpenAlex API key. */
  apiKey?: string;
  /** NCBI `tool` parameter (default "exoatlas"). */
  tool?: string;
  /** Records per request (each service has its own default and maximum). */
  pageSize?: number;
  budget?: SearchBudget;
  retry?: RetryOptions;
  /** Requests per second; default the service's documented or polite rate. */
  requestsPerSecond?: number;
  /** One request's timeout in ms (default 30 s). */
  requestTimeoutMs?: number;
  signal?: AbortSignal;
}

export type StopReason = 'max-records' | 'max-requests' | 'deadline' | 'service-limit';

export interface SearchResult {
  service: SearchService;
  query: string;
  /** How many records the service says match the query. */
  total: number;
  records: CitationRecord[];
  /** HTTP requests sent, retries included. */
  requests: number;
  /** Set when the search stopped before the last page. */
  stoppedEarly?: { reason: StopReason; message: string };
  elapsedMs: number;
}
