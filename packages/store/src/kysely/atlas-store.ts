import { ExoError, type KnowledgeBase } from '@exoatlas/schema';
import { hashDataFiles, loadKnowledgeBaseFromFiles, readDataFiles, searchLexicon, type SearchLexicon } from '@exoatlas/atlas';
import type { AtlasStore, BuildInfo, SearchHit, SearchOptions } from '../atlas-store.js';
import { LruCache } from '../lru-cache.js';
import type { OpenedDatabase } from './database.js';
import type { SearchIndex } from './search/index.js';
import { BATCH } from './search/search-index.js';
import { atlasVersion, builtKnowledgeBase, currentPublications, indexAtlas, lockAtlas, withPublished } from './published-atlas.js';
import { writeTransaction } from './transaction.js';

/** Bumped when the way the store is built changes, so that old stores are rebuilt (2: search titles in names, issue 18 item 7). */
const BUILD_FORMAT = 'exoatlas-store-2';

/**
 * The atlas on either dialect, rebuilt from data/ when its content hash changes, with the studies published from
 * living-review projects (atlas_publications, kept across rebuilds) in its knowledge base and search index. Several
 * processes may share one database: the build takes a transaction-scoped lock and checks the hash again under it, so
 * two starting at once build once; the parsed knowledge base and the search results are cached under the atlas
 * version the database holds (build hash and published version), so another process's build or publication is seen.
 */
export class KyselyAtlasStore implements AtlasStore {
  readonly backend: AtlasStore['backend'];
  private cachedKb: { version: string; kb: KnowledgeBase } | undefined;
  /** The knowledge base's names and synonyms that queries also match by (issue 18 item 7), for the build it was made from. */
  private cachedLexicon: { kb: KnowledgeBase; lexicon: SearchLexicon } | undefined;
  /** Recent search results, keyed by build hash and query (EXOATLAS_SEARCH_CACHE=0 turns it off). */
  private readonly searchCache = new LruCache<{ total: number; hits: SearchHit[] }>(Number(process.env.EXOATLAS_SEARCH_CACHE ?? 1000));

  constructor(
    private readonly opened: OpenedDatabase,
    private readonly index: SearchIndex,
  ) {
    this.backend = opened.dialect;
  }

  private async meta(key: string, db = this.opened.db): Promise<string | undefined> {
    return (await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst())?.value;
  }

  async ensureCurrent(dataDir: string): Promise<BuildInfo> {
    const files = readDataFiles(dataDir);
    const hash = hashDataFiles(files, BUILD_FORMAT);
    if ((await this.meta('data_hash')) === hash) return { rebuilt: false, hash, builtAt: (await this.meta('built_at')) ?? '' };
    // Validate everything before touching the database: bad data never replaces a good store.
    const { kb } = loadKnowledgeBaseFromFiles(files, dataDir);
    const builtAt = new Date().toISOString();
    let info: BuildInfo;
    try {
      info = await writeTransaction(this.opened, async (trx) => {
        // One builder at a time across processes (SQLite: BEGIN IMMEDIATE already is); the loser finds the work done.
        await lockAtlas(trx, this.opened.dialect);
        if ((await this.meta('data_hash', trx)) === hash) return { rebuilt: false, hash, builtAt: (await this.meta('built_at', trx)) ?? '' };
        await trx.deleteFrom('records').execute();
        await trx.deleteFrom('knowledge_base').execute();
        await this.index.clearDocuments(trx);
        const rows = Object.entries(kb).flatMap(([kind, records]) => (Array.isArray(records) ? (records as { id: string }[]).map((r) => ({ kind, id: r.id, json: JSON.stringify(r) })) : []));
        for (let i = 0; i < rows.length; i += BATCH) await trx.insertInto('records').values(rows.slice(i, i + BATCH)).execute();
        await trx.insertInto('knowledge_base').values({ singleton: 1, json: JSON.stringify(kb) }).execute();
        await indexAtlas(trx, this.index, withPublished(kb, await currentPublications(trx)));
        for (const [key, value] of [
          ['data_hash', hash],
          ['built_at', builtAt],
        ]) {
          await trx
            .insertInto('meta')
            .values({ key: key!, value: value! })
            .onConflict((oc) => oc.column('key').doUpdateSet({ value: value! }))
            .execute();
        }
        return { rebuilt: true, hash, builtAt };
      });
    } catch (error) {
      throw new ExoError('EXO_ERR_STORE_BUILD', `cannot write the database at ${this.opened.location}: ${(error as Error).message}`, { file: this.opened.location });
    }
    return info;
  }

  async version(): Promise<string> {
    return atlasVersion(this.opened.db);
  }

  async knowledgeBase(): Promise<KnowledgeBase> {
    const version = await this.version();
    if (this.cachedKb?.version === version) return this.cachedKb.kb;
    // One read transaction would be tidier; a publication between these reads changes the version, seen next time.
    const built = await builtKnowledgeBase(this.opened.db);
    if (!built) throw new ExoError('EXO_ERR_STORE_BUILD', `the database at ${this.opened.location} has not been built from data/ yet`, { file: this.opened.location });
    this.cachedKb = { version, kb: withPublished(built, await currentPublications(this.opened.db)) };
    return this.cachedKb.kb;
  }

  async search(query: string, options: SearchOptions = {}): Promise<{ total: number; hits: SearchHit[] }> {
    const kinds = options.kinds && options.kinds.length > 0 ? options.kinds : undefined;
    const version = await this.version();
    const cacheKey = JSON.stringify([version, query, kinds ?? [], options.limit ?? 20, options.offset ?? 0]);
    const cached = this.searchCache.get(cacheKey);
    if (cached) return cached;
    const result = await this.index.searchDocuments(this.opened.db, query, { kinds, limit: options.limit ?? 20, offset: options.offset ?? 0, lexicon: await this.lexicon() });
    this.searchCache.set(cacheKey, result);
    return result;
  }

  /** The search lexicon of the current build (searchLexicon in @exoatlas/atlas), made once per knowledge base. */
  private async lexicon(): Promise<SearchLexicon> {
    const kb = await this.knowledgeBase();
    if (this.cachedLexicon?.kb !== kb) this.cachedLexicon = { kb, lexicon: searchLexicon(kb) };
    return this.cachedLexicon.lexicon;
  }

  /** The database is shared by every store of `createKyselyStores`: its `close` closes it. */
  async close(): Promise<void> {}
}
