import { join } from 'node:path';
import { Atlas } from '@exoatlas/atlas';
import { createStores } from '@exoatlas/store';
import { buildApp } from '@exoatlas/server';
import { dataDir, repoRoot, tempDir } from './paths.js';

/** The real server over fresh stores (createStores) built from data/, without listening. */
export async function testApp(options: { web?: boolean } = {}) {
  const tmp = tempDir('exoatlas-app-');
  const stores = await createStores({ sqlitePath: join(tmp.dir, 'atlas.sqlite') });
  const { hash } = await stores.atlas.ensureCurrent(dataDir);
  const atlas = new Atlas(await stores.atlas.knowledgeBase());
  const app = await buildApp({ atlas, stores, dataHash: hash, webRoot: options.web ? join(repoRoot, 'packages/web/dist') : undefined });
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
