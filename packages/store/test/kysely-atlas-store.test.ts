/** Issue 16: the Kysely atlas store builds and searches as the SQLite one did, on SQLite and on PostgreSQL. */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createKyselyStores, type KyselyStores } from '../src/kysely/create-stores.js';
import { copyOfData, dataDir } from '../../../test/helpers/paths.js';
import { testBackends } from './helpers/backends.js';
import { join } from 'node:path';

const backends = await testBackends();
const [sqliteBackend, postgresBackend] = backends as [(typeof backends)[0], (typeof backends)[0]];

describe.each(backends)('issue 16: the Kysely atlas store on $name', (backend) => {
  const open: KyselyStores[] = [];
  const cleanups: (() => void)[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
    cleanups.splice(0).forEach((f) => f());
  });
  async function storesAt(url: string) {
    const stores = await createKyselyStores({ url });
    open.push(stores);
    return stores;
  }
  function dataCopy() {
    const copy = copyOfData();
    cleanups.push(copy.cleanup);
    return copy.dataDir;
  }

  it.skipIf(!backend.isAvailable)('builds from data/, reuses the build from another connection, rebuilds when a file changes and forgets cached searches', async () => {
    const url = await backend.newUrl();
    const data = dataCopy();
    const { atlas } = await storesAt(url);
    const first = await atlas.ensureCurrent(data);
    expect(first.rebuilt).toBe(true);
    expect((await atlas.knowledgeBase()).studies.filter((s) => s.inTable1)).toHaveLength(20);
    const other = (await storesAt(url)).atlas;
    expect(await other.ensureCurrent(data)).toMatchObject({ rebuilt: false, hash: first.hash });
    expect((await other.knowledgeBase()).references).toHaveLength(116);
    const before = await other.search('osteoarthritis');
    expect(await other.search('osteoarthritis')).toBe(before);
    const file = join(data, 'studies/zhu-2017-osteoarthritis.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Zebrafishlike renamed study'));
    expect((await atlas.ensureCurrent(data)).rebuilt).toBe(true);
    // The other connection's caches are keyed by the build hash the database holds: it sees the new build at once.
    expect((await other.knowledgeBase()).studies.find((s) => s.id === 'zhu-2017-osteoarthritis')!.title).toBe('Zebrafishlike renamed study');
    expect((await other.search('Zebrafishlike')).total).toBe(1);
    expect(await other.search('osteoarthritis')).not.toBe(before);
  });

  it.skipIf(!backend.isAvailable || backend.name === 'sqlite')('migrates and builds once when two connections start at once on a new database (PostgreSQL: advisory locks)', async () => {
    const url = await backend.newUrl();
    // Two processes' pools opening a new database at once: each migration runs once (Kysely's advisory lock).
    const [a, b] = await Promise.all([storesAt(url), storesAt(url)]);
    const results = await Promise.all([a.atlas.ensureCurrent(dataDir), b.atlas.ensureCurrent(dataDir)]);
    expect(results.map((r) => r.rebuilt).sort()).toEqual([false, true]);
    expect((await a.atlas.search('Konoshenko', { kinds: ['reference'] })).hits.map((h) => h.id)).toEqual(['ref-27']);
  });

  it.skipIf(!backend.isAvailable)('keeps the last good build when data/ turns bad: never half-built', async () => {
    const url = await backend.newUrl();
    const data = dataCopy();
    const { atlas } = await storesAt(url);
    await atlas.ensureCurrent(data);
    appendFileSync(join(data, 'references.yaml'), '\n- id: [broken\n');
    await expect(atlas.ensureCurrent(data)).rejects.toThrow(/references\.yaml:\d+/);
    const reopened = (await storesAt(url)).atlas;
    expect((await reopened.knowledgeBase()).references).toHaveLength(116);
    expect((await reopened.search('osteoarthritis')).total).toBeGreaterThan(0);
  });

  describe('search', () => {
    let stores: KyselyStores | undefined;
    beforeAll(async () => {
      if (!backend.isAvailable) return;
      stores = await createKyselyStores({ url: await backend.newUrl() });
      await stores.atlas.ensureCurrent(dataDir);
    });
    afterAll(async () => stores?.close());

    it.skipIf(!backend.isAvailable)('searches every record kind with ranking and marked, escaped snippets', async () => {
      const atlas = stores!.atlas;
      const result = await atlas.search('miR-135b', { kinds: ['study'] });
      expect(result.hits[0]).toMatchObject({ kind: 'study', id: 'zhang-2020-osteonecrosis-mir-135b' });
      // One mark on both backends (issue 16.4: PostgreSQL marked 'miR', '-' and '135b' apart; the browser test saw it).
      expect(result.hits[0]!.snippet).toMatch(/<mark>miR-135b<\/mark>/i);
      expect(result.hits.every((h) => h.kind === 'study')).toBe(true);
      const scores = (await atlas.search('exosomes angiogenesis')).hits.map((h) => h.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect((await atlas.search('osteoarth')).total).toBeGreaterThan(0); // the last word is a prefix
      const page = await atlas.search('exosomes', { limit: 5, offset: 5 });
      expect(page.hits).toHaveLength(5);
      expect(page.hits.every((h) => !/<(?!\/?mark>)/.test(h.snippet))).toBe(true);
      await expect(atlas.search('  "" ')).rejects.toMatchObject({ code: 'EXO_ERR_QUERY_EMPTY_SEARCH' });
    });
  });
});

describe('issue 16: PostgreSQL search ranks as SQLite FTS5 does', () => {
  const queries = ['exosome', 'wound healing', 'miR-21', 'osteoarthritis', 'angiogenesis', 'ultracentrifugation', 'size exclusion chromatography', 'immunomodulation'];
  let both: KyselyStores[] = [];
  beforeAll(async () => {
    if (!postgresBackend.isAvailable) return;
    both = [await createKyselyStores({ url: await sqliteBackend.newUrl() }), await createKyselyStores({ url: await postgresBackend.newUrl() })];
    for (const s of both) await s.atlas.ensureCurrent(dataDir);
  });
  afterAll(async () => {
    for (const s of both) await s.close();
  });

  it.skipIf(!postgresBackend.isAvailable).each(queries)('the top 5 hits for %j overlap by at least 3', async (query) => {
    const [sqlite, postgres] = await Promise.all(both.map((s) => s.atlas.search(query, { limit: 5 })));
    const ids = (r: typeof sqlite) => r!.hits.map((h) => `${h.kind}:${h.id}`);
    const shared = ids(sqlite).filter((id) => ids(postgres).includes(id));
    expect(postgres!.total).toBe(sqlite!.total);
    expect(shared.length, `SQLite ${ids(sqlite).join(', ')}\nPostgreSQL ${ids(postgres).join(', ')}`).toBeGreaterThanOrEqual(Math.min(3, sqlite!.hits.length));
  });
});
