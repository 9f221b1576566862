import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore, toFtsQuery, markSnippet } from '../src/index.js';
import { copyOfData, dataDir, tempDir } from '../../../test/helpers/paths.js';

const cleanups: (() => void)[] = [];
afterEach(async () => cleanups.splice(0).forEach((f) => f()));
const tmp = (): string => {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
};

describe('the SQLite store', () => {
  it('builds from data/ in WAL mode, then reuses the build while data/ is unchanged', async () => {
    const path = join(tmp(), 'atlas.sqlite');
    const store = new SqliteStore(path);
    const first = await store.ensureCurrent(dataDir);
    expect(first.rebuilt).toBe(true);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect((await store.knowledgeBase()).studies.filter((s) => s.inTable1)).toHaveLength(20);
    await store.close();
    const again = new SqliteStore(path);
    expect(await again.ensureCurrent(dataDir)).toMatchObject({ rebuilt: false, hash: first.hash });
    expect((await again.knowledgeBase()).references.length).toBe(116);
    await again.close();
  });

  it('rebuilds when a data file changes (content hash)', async () => {
    const copy = copyOfData();
    cleanups.push(copy.cleanup);
    const store = new SqliteStore(join(copy.dir, 'atlas.sqlite'));
    const first = await store.ensureCurrent(copy.dataDir);
    const file = join(copy.dataDir, 'studies/zhu-2017-osteoarthritis.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Renamed for the test'));
    const second = await store.ensureCurrent(copy.dataDir);
    expect(second.rebuilt).toBe(true);
    expect(second.hash).not.toBe(first.hash);
    const fresh = new SqliteStore(join(copy.dir, 'atlas.sqlite'));
    expect((await fresh.knowledgeBase()).studies.find((s) => s.id === 'zhu-2017-osteoarthritis')!.title).toBe('Renamed for the test');
    await fresh.close();
    await store.close();
  });

  it('keeps the last good build when data/ turns bad: never half-built', async () => {
    const copy = copyOfData();
    cleanups.push(copy.cleanup);
    const path = join(copy.dir, 'atlas.sqlite');
    const store = new SqliteStore(path);
    await store.ensureCurrent(copy.dataDir);
    appendFileSync(join(copy.dataDir, 'references.yaml'), '\n- id: [broken\n');
    await expect(store.ensureCurrent(copy.dataDir)).rejects.toThrow(/references\.yaml:\d+/);
    await store.close();
    const reopened = new SqliteStore(path);
    expect((await reopened.knowledgeBase()).references).toHaveLength(116);
    expect((await reopened.search('osteoarthritis')).total).toBeGreaterThan(0);
    await reopened.close();
  });

  it('searches every record kind with ranking and marked snippets', async () => {
    const store = new SqliteStore(join(tmp(), 'atlas.sqlite'));
    await store.ensureCurrent(dataDir);
    const result = await store.search('miR-135b', { kinds: ['study'] });
    expect(result.hits[0]).toMatchObject({ kind: 'study', id: 'zhang-2020-osteonecrosis-mir-135b' });
    expect(result.hits[0]!.snippet).toMatch(/<mark>miR(<\/mark>-<mark>|-)135b<\/mark>/i);
    expect((await store.search('Konoshenko', { kinds: ['reference'] })).hits.map((h) => h.id)).toEqual(['ref-27']);
    const scores = (await store.search('exosomes angiogenesis')).hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    await expect(store.search('  "" ')).rejects.toThrow(expect.objectContaining({ code: 'EXO_ERR_QUERY_EMPTY_SEARCH' }));
    await store.close();
  });

  it('answers repeated searches from its cache, and forgets them when data/ changes', async () => {
    const copy = copyOfData();
    cleanups.push(copy.cleanup);
    const store = new SqliteStore(join(copy.dir, 'atlas.sqlite'));
    await store.ensureCurrent(copy.dataDir);
    const first = await store.search('osteoarthritis');
    expect(await store.search('osteoarthritis')).toBe(first);
    const file = join(copy.dataDir, 'studies/zhu-2017-osteoarthritis.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Zebrafishlike renamed study'));
    await store.ensureCurrent(copy.dataDir);
    expect((await store.search('Zebrafishlike')).total).toBe(1);
    expect(await store.search('osteoarthritis')).not.toBe(first);
    await store.close();
  });

  it('says clearly when the database path cannot be written', async () => {
    expect(() => new SqliteStore('/proc/no-such-dir/atlas.sqlite')).toThrow(/cannot open the database at \/proc\/no-such-dir\/atlas\.sqlite/);
    expect(() => new SqliteStore('/proc/no-such-dir/atlas.sqlite')).toThrow(expect.objectContaining({ code: 'EXO_ERR_STORE_OPEN' }));
  });
});

describe('search query syntax', () => {
  it('quotes words so FTS5 operators are inert, and prefixes the last word', async () => {
    expect(toFtsQuery('miR-135b')).toBe('"miR-135b"*');
    expect(toFtsQuery('PI3K/Akt OR NOT (x')).toBe('"PI3K/Akt" "OR" "NOT" "x"*');
  });
  it('escapes HTML in snippets before marking matches', async () => {
    expect(markSnippet('a <b> \u0002c\u0003 & d')).toBe('a &lt;b&gt; <mark>c</mark> &amp; d');
  });
});
