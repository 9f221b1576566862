import type { KnowledgeBase } from '@exoatlas/schema';
import type { SearchDocument } from '@exoatlas/atlas';

export interface SearchHit {
  kind: SearchDocument['kind'];
  id: string;
  title: string;
  /** A short excerpt, HTML-escaped, with the matched words in <mark>…</mark>. */
  snippet: string;
  score: number;
}

export interface SearchOptions {
  kinds?: readonly SearchDocument['kind'][];
  limit?: number;
  offset?: number;
}

export interface BuildInfo {
  /** True when the store was (re)built from data/ by this call. */
  rebuilt: boolean;
  hash: string;
  builtAt: string;
}

/**
 * Persistence of the atlas behind one interface: the SQLite store is the embedded default; a PostgreSQL store
 * implements the same contract for multi-user deployments.
 */
export interface AtlasStore {
  readonly backend: 'sqlite' | 'postgres';
  /** Builds the store from data/ when its content hash differs from the stored one; one transaction, never half-built. */
  ensureCurrent(dataDir: string): Promise<BuildInfo>;
  /**
   * The atlas's version as the database holds it: the build of data/ and the published project studies. It changes
   * whenever knowledgeBase() would; cache anything derived from the atlas under it (several processes share a database).
   */
  version(): Promise<string>;
  /** The knowledge base as last built, with the studies published from living-review projects after the review's. */
  knowledgeBase(): Promise<KnowledgeBase>;
  /** Ranked full-text search over every record kind. */
  search(query: string, options?: SearchOptions): Promise<{ total: number; hits: SearchHit[] }>;
  close(): Promise<void>;
}
