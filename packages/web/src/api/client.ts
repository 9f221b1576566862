/** A small typed client of the ExoAtlas HTTP API: the web app talks to the server only through it. */
import type {
  Advice,
  BiologyStatement,
  Claim,
  EntityDetail,
  EntitySummary,
  EvidenceMap,
  Facets,
  Graph,
  GraphEdge,
  IsolationMethod,
  KnowledgeBase,
  LinkedStudy,
  MetaRequest,
  MetaResponse,
  Overview,
  Page,
  Reference,
  SearchResult,
  StudyDetail,
} from './types';

/**
 * Why a request failed: `network` (the API cannot be reached), `unavailable` (the server has no such route yet),
 * `not-found` (no such record), `bad-request` or `server`.
 */
export type ApiErrorKind = 'network' | 'unavailable' | 'not-found' | 'bad-request' | 'server';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly path: string,
    readonly status = 0,
    readonly code = '',
    /** the error's context from the API (e.g. `fields` of a refused form, `currentVersion` of a stale write) */
    readonly context: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function request(path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError('network', 'The ExoAtlas API cannot be reached.', path);
  }
  if (response.ok) return response;
  let code = '';
  let message = `${response.status} ${response.statusText}`;
  let context: Record<string, unknown> = {};
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; context?: Record<string, unknown> } };
    code = body.error?.code ?? '';
    message = body.error?.message ?? message;
    context = body.error?.context ?? {};
  } catch {
    // not JSON: keep the status line
  }
  const isMissingRoute = code === 'EXO_ERR_NOT_FOUND_ROUTE' || (response.status === 404 && code === '') || response.status === 405 || response.status === 501;
  const isFormatUnsupported = response.status === 400 && /unknown query parameter/.test(message);
  const kind: ApiErrorKind = isMissingRoute || isFormatUnsupported ? 'unavailable' : response.status === 404 ? 'not-found' : response.status === 400 ? 'bad-request' : response.status >= 500 ? 'server' : 'bad-request';
  if (response.status >= 502 && response.status <= 504) throw new ApiError('network', 'The ExoAtlas API cannot be reached.', path, response.status, code);
  throw new ApiError(kind, message, path, response.status, code, context);
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await request(path, { signal });
  return (await response.json()) as T;
}

export async function getText(path: string, signal?: AbortSignal): Promise<string> {
  const response = await request(path, { signal, headers: { accept: 'text/plain, application/json;q=0.5, */*;q=0.1' } });
  return response.text();
}

export async function postJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const response = await request(path, { method: 'POST', signal, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return (await response.json()) as T;
}

/** Any method with an optional JSON body; the parsed JSON answer, or null for an empty one (204). */
export async function sendJson<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const response = await request(path, { method, signal, ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}) });
  if (response.status === 204) return null as T;
  return (await response.json()) as T;
}

type Params = Record<string, string | number | boolean | undefined | null>;

/** "/api/x?a=1" with empty parameters dropped. */
export function apiPath(path: string, params: Params = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export const STUDY_FILTERS = ['diseaseArea', 'condition', 'species', 'cellSource', 'comparator', 'setting', 'vesicle', 'entity', 'inTable1', 'origin', 'text'] as const;
export type StudyFilterName = (typeof STUDY_FILTERS)[number];
export type StudyFilterValues = Partial<Record<StudyFilterName, string>>;

export const REFERENCE_FORMATS = {
  bibtex: { label: 'BibTeX', extension: 'bib', mime: 'application/x-bibtex' },
  ris: { label: 'RIS', extension: 'ris', mime: 'application/x-research-info-systems' },
  'csl-json': { label: 'CSL-JSON', extension: 'json', mime: 'application/vnd.citationstyles.csl+json' },
  vancouver: { label: 'Vancouver (text)', extension: 'txt', mime: 'text/plain' },
} as const;
export type ReferenceFormat = keyof typeof REFERENCE_FORMATS;

/** Paths of the API's read endpoints, for useApi(). */
export const paths = {
  health: () => '/api/health',
  studies: (filters: StudyFilterValues = {}, limit = 500) => apiPath('/api/studies', { ...filters, limit }),
  facets: () => '/api/studies/facets',
  study: (id: string) => `/api/studies/${encodeURIComponent(id)}`,
  search: (q: string, kind?: string, limit = 50) => apiPath('/api/search', { q, kind, limit }),
  references: () => '/api/references',
  reference: (n: number | string) => `/api/references/${encodeURIComponent(String(n))}`,
  referencesAs: (format: ReferenceFormat) => apiPath('/api/references', { format }),
  overview: () => '/api/overview',
  entities: (params: { kind?: string; q?: string } = {}) => apiPath('/api/entities', { ...params, limit: 500 }),
  entity: (idOrName: string) => `/api/entities/${encodeURIComponent(idOrName)}`,
  claims: (params: { entity?: string; figure?: string | number; area?: string; cellSource?: string } = {}) => apiPath('/api/claims', params),
  graph: (params: { focus?: string; depth?: string | number; area?: string; figure?: string | number; entity?: string; cellSource?: string } = {}) => apiPath('/api/graph', params),
  graphPaths: (from: string, to: string) => apiPath('/api/graph/paths', { from, to, none: 'empty' }),
  map: () => apiPath('/api/map', { rows: 'diseaseArea', cols: 'cellSource' }),
  methods: () => '/api/methods',
  biology: () => '/api/biology',
  advise: (needs: Params) => apiPath('/api/methods/advise', needs),
  exportKb: () => '/api/export',
  meta: () => '/api/meta',
};

/** The endpoints' response types, keyed like `paths`. */
export interface ApiResponses {
  studies: Page<LinkedStudy>;
  facets: Facets;
  study: StudyDetail;
  search: SearchResult;
  references: { total: number; items: Reference[] };
  reference: Reference;
  overview: Overview;
  entities: { total: number; items: EntitySummary[] };
  entity: EntityDetail;
  claims: { total: number; items: Claim[] };
  graph: Graph;
  paths: { from: string; to: string; paths: { nodes: string[]; edges: GraphEdge[] }[]; reason?: string };
  map: EvidenceMap;
  methods: { items: IsolationMethod[] };
  biology: { items: BiologyStatement[] };
  advise: Advice;
  exportKb: KnowledgeBase;
}

export const runMeta = (body: MetaRequest, signal?: AbortSignal): Promise<MetaResponse> => postJson<MetaResponse>(paths.meta(), body, signal);
