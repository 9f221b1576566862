import { join } from 'node:path';
import { Atlas } from '@exoatlas/atlas';
import { LiteratureStore, SqliteStore } from '@exoatlas/store';
import { buildApp, type AppDeps } from '@exoatlas/server';
import { dataDir, repoRoot, tempDir } from './paths.js';

/** The real server over a fresh store built from data/, without listening. */
export async function testApp(options: { web?: boolean } & Pick<AppDeps, 'jobs' | 'busyRetry'> = {}) {
  const tmp = tempDir('exoatlas-app-');
  const store = new SqliteStore(join(tmp.dir, 'atlas.sqlite'));
  const { hash } = store.ensureCurrent(dataDir);
  const atlas = new Atlas(store.knowledgeBase());
  const literature = new LiteratureStore(store.db);
  const app = await buildApp({ atlas, store, literature, dataHash: hash, webRoot: options.web ? join(repoRoot, 'packages/web/dist') : undefined, jobs: options.jobs, busyRetry: options.busyRetry });
  return {
    app,
    atlas,
    store,
    literature,
    close: async () => {
      await app.close();
      store.close();
      tmp.cleanup();
    },
  };
}
