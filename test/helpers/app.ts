import { join } from 'node:path';
import { Atlas } from '@exoatlas/atlas';
import { createStores } from '@exoatlas/store';
import { buildApp, type AppDeps } from '@exoatlas/server';
import { newPostgresDatabase, type Backend } from './backends.js';
import { dataDir, repoRoot, tempDir } from './paths.js';

/**
 * The real server over fresh stores (createStores) built from data/, without listening: a new SQLite file, or with
 * `backend: 'postgres'` a new database on the test file's PostgreSQL server (see backends.ts).
 */
export async function testApp(options: { backend?: Backend; web?: boolean; deps?: Partial<AppDeps>; accounts?: AppDeps['accounts'] } & Pick<AppDeps, 'jobs' | 'busyRetry'> = {}) {
  const tmp = tempDir('exoatlas-app-');
  const stores = options.backend === 'postgres' ? await createStores({ databaseUrl: await newPostgresDatabase() }) : await createStores({ sqlitePath: join(tmp.dir, 'atlas.sqlite') });
  const { hash } = await stores.atlas.ensureCurrent(dataDir);
  const atlas = new Atlas(await stores.atlas.knowledgeBase());
  const app = await buildApp({
    atlas,
    stores,
    dataHash: hash,
    webRoot: options.web ? join(repoRoot, 'packages/web/dist') : undefined,
    // Suites call POST /api/meta far more often than a person would; security-writes.test.ts tests the limit itself.
    metaRateLimit: false,
    accounts: options.accounts,
    jobs: options.jobs,
    busyRetry: options.busyRetry,
    ...options.deps,
  });
  return {
    app,
    atlas,
    stores,
    store: stores.atlas,
    literature: stores.literature,
    close: async () => {
      await app.close();
      await stores.close();
      tmp.cleanup();
    },
  };
}
