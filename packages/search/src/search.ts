import { ExoError } from '@exoatlas/schema';
import { RecordSink, type SearchClient } from './client.js';
import { crossrefClient } from './clients/crossref.js';
import { europePmcClient } from './clients/europepmc.js';
import { openAlexClient } from './clients/openalex.js';
import { pubmedClient } from './clients/pubmed.js';
import { BudgetStop, SearchSession } from './session.js';
import { SEARCH_SERVICES, type SearchOptions, type SearchResult, type SearchService } from './types.js';

export const SEARCH_CLIENTS: Readonly<Record<SearchService, SearchClient>> = {
  pubmed: pubmedClient,
  europepmc: europePmcClient,
  openalex: openAlexClient,
  crossref: crossrefClient,
};

/** The service named, or a coded usage error listing the known ones. */
export function searchService(name: string): SearchService {
  if ((SEARCH_SERVICES as readonly string[]).includes(name)) return name as SearchService;
  throw new ExoError('EXO_ERR_SEARCH_BAD_OPTION', `unknown database '${name}'; known: ${SEARCH_SERVICES.join(', ')}`, { field: 'database' });
}

function checkOptions(options: SearchOptions): string | undefined {
  if (options.query.trim() === '') return 'the query is empty';
  for (const [name, value] of Object.entries(options.budget ?? {})) {
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < (name === 'deadline' ? 0 : 1))) return `budget ${name} must be a positive number`;
  }
  if (options.pageSize !== undefined && (!Number.isInteger(options.pageSize) || options.pageSize < 1)) return 'pageSize must be a positive whole number';
  if (options.requestsPerSecond !== undefined && !(options.requestsPerSecond > 0)) return 'requestsPerSecond must be positive';
  return undefined;
}

/**
 * Runs one search to the end of its results or until its budget runs out (then `stoppedEarly` says why, and the
 * records read so far are returned). Failures are ExoErrors with EXO_ERR_SEARCH_* codes.
 */
export async function runSearch(service: SearchService, options: SearchOptions): Promise<SearchResult> {
  const client = SEARCH_CLIENTS[searchService(service)];
  const problem = checkOptions(options);
  if (problem) throw new ExoError('EXO_ERR_SEARCH_BAD_OPTION', `${client.label} search: ${problem}`, { service });
  const baseUrl = options.baseUrl ?? client.defaultBaseUrl;
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) throw new ExoError('EXO_ERR_SEARCH_BAD_OPTION', `${client.label} search: base URL '${baseUrl}' is not an http(s) URL`, { field: 'baseUrl' });
  const started = Date.now();
  const session = new SearchSession(service, client.label, options, baseUrl, client.rate(options));
  const sink = new RecordSink(options.budget?.maxRecords);
  let stoppedEarly: SearchResult['stoppedEarly'];
  try {
    await client.run({ options, baseUrl, session, sink });
  } catch (error) {
    if (!(error instanceof BudgetStop)) throw error;
    stoppedEarly = { reason: error.reason, message: error.message };
  }
  // Ids unique within the result, in the order the service ranked the records.
  sink.records.forEach((record, i) => (record.id = `${service}#${i + 1}`));
  return { service, query: options.query, total: sink.total, records: sink.records, requests: session.requests, ...(stoppedEarly ? { stoppedEarly } : {}), elapsedMs: Date.now() - started };
}

export interface ConnectionCheck {
  service: SearchService;
  baseUrl: string;
  /** Records the service says match the test query. */
  count: number;
  requests: number;
  latencyMs: number;
  /** The first record's title, to show the answer was read. */
  sample?: string;
}

/** A tiny real query (one record) that shows the service answers and how fast. */
export async function testConnection(service: SearchService, options: Omit<SearchOptions, 'query'> & { query?: string }): Promise<ConnectionCheck> {
  const client = SEARCH_CLIENTS[searchService(service)];
  const result = await runSearch(service, { ...options, query: options.query ?? 'extracellular vesicles', pageSize: 1, budget: { maxRecords: 1, maxRequests: 10 }, retry: { maxRetries: 2, ...options.retry } });
  return { service, baseUrl: options.baseUrl ?? client.defaultBaseUrl, count: result.total, requests: result.requests, latencyMs: result.elapsedMs, ...(result.records[0]?.title ? { sample: result.records[0].title } : {}) };
}
