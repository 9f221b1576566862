import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStores } from '../src/index.js';
import { dataDir, tempDir } from '../../../test/helpers/paths.js';
import { startTestPostgres } from './helpers/postgres.js';

const tmp = tempDir('exoatlas-create-stores-');
const server = await startTestPostgres();
afterAll(async () => {
  tmp.cleanup();
  if (server.available) await server.stop();
});

describe('createStores (issue 16: one asynchronous store interface)', () => {
  it('opens the atlas, literature, review and extraction stores over one SQLite database', async () => {
    const path = join(tmp.dir, 'one.sqlite');
    const stores = await createStores({ sqlitePath: path });
    expect(stores.backend).toBe('sqlite');
    expect(stores.atlas.backend).toBe('sqlite');
    expect((await stores.atlas.ensureCurrent(dataDir)).rebuilt).toBe(true);
    const owner = await stores.review.createUser({ username: 'owner', displayName: 'Owner', passwordHash: 'x', isAdmin: true });
    expect(await stores.extraction.publishedSyntheses()).toEqual([]);
    expect(await stores.literature.listImports()).toEqual([]);
    await stores.close();
    // Closing twice is harmless (the server and the CLI may both close on shutdown).
    await stores.close();
    const again = await createStores({ sqlitePath: path });
    expect((await again.atlas.ensureCurrent(dataDir)).rebuilt).toBe(false);
    expect(await again.review.getUser(owner.id)).toMatchObject({ username: 'owner' });
    await again.close();
  });

  it('opens the PostgreSQL stores for a postgres:// URL (issue 16: the Kysely stores), and says which server it cannot reach without echoing the password', async () => {
    const error = await createStores({ databaseUrl: 'postgres://u:secret@127.0.0.1:1/exo', sqlitePath: join(tmp.dir, 'unused.sqlite') }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'EXO_ERR_STORE_OPEN', message: expect.stringMatching(/cannot connect to the PostgreSQL database at postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/exo/) });
    expect((error as Error).message).not.toContain('secret');
    if (!server.available) {
      console.warn(`PostgreSQL half of createStores skipped: ${server.reason}`);
      return;
    }
    const stores = await createStores({ databaseUrl: server.url, sqlitePath: join(tmp.dir, 'unused.sqlite') });
    expect([stores.backend, stores.atlas.backend]).toEqual(['postgres', 'postgres']);
    const owner = await stores.review.createUser({ username: 'owner', displayName: 'Owner', passwordHash: 'x', isAdmin: true });
    expect(await stores.review.getUser(owner.id)).toMatchObject({ username: 'owner' });
    await stores.close();
    await stores.close();
  });

  it('refuses other URLs and a missing database with a coded error', async () => {
    await expect(createStores({ databaseUrl: 'mysql://localhost/exo' })).rejects.toMatchObject({ code: 'EXO_ERR_STORE_OPEN', message: expect.stringMatching(/postgres:\/\/ or postgresql:\/\//) });
    await expect(createStores({})).rejects.toMatchObject({ code: 'EXO_ERR_STORE_OPEN', message: expect.stringMatching(/--db/) });
  });
});
