import { Atlas } from '@exoatlas/atlas';
import type { AtlasStore } from '@exoatlas/store';

/**
 * The atlas every route reads (issue 18: one atlas): the store's knowledge base — the review's records built from
 * data/ and the studies published from living-review projects — as an Atlas, rebuilt only when the version the
 * database holds changes. Several server processes may share one PostgreSQL: a publication by another process
 * changes that version, so nothing here depends on this process's memory being current.
 */
export function storeAtlas(store: AtlasStore, built?: Atlas): () => Promise<Atlas> {
  let cached: { version: string; atlas: Promise<Atlas> } | undefined;
  return async () => {
    const version = await store.version();
    if (cached?.version !== version) {
      // The atlas the app was built with serves until the first version is read, if it is the same knowledge base.
      const atlas = store.knowledgeBase().then((kb) => (built && built.kb === kb ? built : new Atlas(kb)));
      cached = { version, atlas };
      atlas.catch(() => {
        if (cached?.atlas === atlas) cached = undefined;
      });
    }
    return cached.atlas;
  };
}
