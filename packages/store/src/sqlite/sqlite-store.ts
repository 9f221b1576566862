import type Database from 'better-sqlite3';
import { ExoError, type KnowledgeBase } from '@exoatlas/schema';
import { loadKnowledgeBaseFromFiles, readDataFiles, hashDataFiles, searchDocuments } from '@exoatlas/atlas';
import type { AtlasStore, BuildInfo, SearchHit, SearchOptions } from '../atlas-store.js';
import { markSnippet, toFtsQuery } from '../fts-query.js';
import { LruCache } from '../lru-cache.js';
import { openDatabase, type SqliteDatabase } from './open-database.js';

/** Bumped when the way the store is built changes, so that old stores are rebuilt. */
const BUILD_FORMAT = 'exoatlas-store-1';

/** The embedded SQLite store: WAL mode, FTS5 full-text index, rebuilt from data/ when its content hash changes. */
export class SqliteStore implements AtlasStore {
  readonly backend = 'sqlite' as const;
  readonly db: SqliteDatabase;
  /** The parsed knowledge base under the build hash the database holds: another process may rebuild the file. */
  private cachedKb: { hash: string; kb: KnowledgeBase } | undefined;
  /**
   * Recent search results, keyed by the build hash the database holds: the index only changes when the store is
   * rebuilt (by any process), and searches repeat (EXOATLAS_SEARCH_CACHE=0 turns it off).
   */
  private readonly searchCache = new LruCache<{ total: number; hits: SearchHit[] }>(Number(process.env.EXOATLAS_SEARCH_CACHE ?? 1000));
  /** Prepared search statements by kind filter: preparing costs more than running a small FTS query. */
  private readonly searchStatements = new Map<string, { count: Database.Statement; page: Database.Statement }>();

  constructor(readonly path: string) {
    this.db = openDatabase(path);
  }

  private meta(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  async ensureCurrent(dataDir: string): Promise<BuildInfo> {
    const files = readDataFiles(dataDir);
    const hash = hashDataFiles(files, BUILD_FORMAT);
    if (this.meta('data_hash') === hash) return { rebuilt: false, hash, builtAt: this.meta('built_at') ?? '' };
    // Validate everything before touching the database: bad data never replaces a good store.
    const { kb } = loadKnowledgeBaseFromFiles(files, dataDir);
    const builtAt = new Date().toISOString();
    try {
      this.db.transaction(() => {
        this.db.exec('DELETE FROM records; DELETE FROM knowledge_base; DELETE FROM search;');
        const insertRecord = this.db.prepare('INSERT INTO records (kind, id, json) VALUES (?, ?, ?)');
        for (const [kind, records] of Object.entries(kb)) {
          if (!Array.isArray(records)) continue;
          for (const r of records as { id: string }[]) insertRecord.run(kind, r.id, JSON.stringify(r));
        }
        this.db.prepare('INSERT INTO knowledge_base (singleton, json) VALUES (1, ?)').run(JSON.stringify(kb));
        const insertDoc = this.db.prepare('INSERT INTO search (kind, id, title, body) VALUES (?, ?, ?, ?)');
        for (const d of searchDocuments(kb)) insertDoc.run(d.kind, d.id, d.title, d.body);
        const setMeta = this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
        setMeta.run('data_hash', hash);
        setMeta.run('built_at', builtAt);
      })();
    } catch (error) {
      throw new ExoError('EXO_ERR_STORE_BUILD', `cannot write the database at ${this.path}: ${(error as Error).message}`, { file: this.path });
    }
    this.cachedKb = { hash, kb };
    this.searchCache.clear();
    return { rebuilt: true, hash, builtAt };
  }

  async knowledgeBase(): Promise<KnowledgeBase> {
    const hash = this.meta('data_hash') ?? '';
    if (this.cachedKb?.hash === hash) return this.cachedKb.kb;
    const row = this.db.prepare('SELECT json FROM knowledge_base WHERE singleton = 1').get() as { json: string } | undefined;
    if (!row) throw new ExoError('EXO_ERR_STORE_BUILD', `the database at ${this.path} has not been built from data/ yet`, { file: this.path });
    this.cachedKb = { hash, kb: JSON.parse(row.json) as KnowledgeBase };
    return this.cachedKb.kb;
  }

  async search(query: string, options: SearchOptions = {}): Promise<{ total: number; hits: SearchHit[] }> {
    const match = toFtsQuery(query);
    const kinds = options.kinds && options.kinds.length > 0 ? options.kinds : undefined;
    const cacheKey = JSON.stringify([this.meta('data_hash') ?? '', match, kinds ?? [], options.limit ?? 20, options.offset ?? 0]);
    const cached = this.searchCache.get(cacheKey);
    if (cached) return cached;
    const params: Record<string, string | number> = { q: match };
    (kinds ?? []).forEach((k, i) => (params[`k${i}`] = k));
    const statements = this.searchStatementsFor(kinds?.length ?? 0);
    const total = (statements.count.get(params) as { n: number }).n;
    const rows = statements.page.all({ ...params, limit: options.limit ?? 20, offset: options.offset ?? 0 }) as { kind: SearchHit['kind']; id: string; title: string; snippet: string; score: number }[];
    const result = { total, hits: rows.map((r) => ({ kind: r.kind, id: r.id, title: r.title, snippet: markSnippet(r.snippet), score: -r.score })) };
    this.searchCache.set(cacheKey, result);
    return result;
  }

  private searchStatementsFor(kindCount: number): { count: Database.Statement; page: Database.Statement } {
    const key = String(kindCount);
    let statements = this.searchStatements.get(key);
    if (!statements) {
      const kindClause = kindCount > 0 ? `AND kind IN (${Array.from({ length: kindCount }, (_, i) => `@k${i}`).join(', ')})` : '';
      statements = {
        count: this.db.prepare(`SELECT count(*) AS n FROM search WHERE search MATCH @q ${kindClause}`),
        // Rank first, then make snippets for the page only (snippet() is the costly part on broad queries).
        page: this.db.prepare(
          `WITH ranked AS (SELECT rowid AS r, bm25(search, 4.0, 1.0) AS score FROM search WHERE search MATCH @q ${kindClause} ORDER BY score LIMIT @limit OFFSET @offset)
           SELECT kind, id, title, snippet(search, -1, char(2), char(3), '…', 20) AS snippet, ranked.score AS score
           FROM search JOIN ranked ON search.rowid = ranked.r WHERE search MATCH @q ORDER BY ranked.score`,
        ),
      };
      this.searchStatements.set(key, statements);
    }
    return statements;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
