import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore, toFtsQuery, markSnippet } from '../src/index.js';
import { copyOfData, dataDir, tempDir } from '../../../test/helpers/paths.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
const tmp = (): string => {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
};

describe('the SQLite store', () => {
  it('builds from data/ in WAL mode, then reuses the build while data/ is unchanged', () => {
    const path = join(tmp(), 'atlas.sqlite');
    const store = new SqliteStore(path);
    const first = store.ensureCurrent(dataDir);
    expect(first.rebuilt).toBe(true);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.knowledgeBase().studies.filter((s) => s.inTable1)).toHaveLength(20);
    store.close();
    const again = new SqliteStore(path);
    expect(again.ensureCurrent(dataDir)).toMatchObject({ rebuilt: false, hash: first.hash });
    expect(again.knowledgeBase().references.length).toBe(116);
    again.close();
  });

  it('rebuilds when a data file changes (content hash)', () => {
    const copy = copyOfData();
    cleanups.push(copy.cleanup);
    const store = new SqliteStore(join(copy.dir, 'atlas.sqlite'));
    const first = store.ensureCurrent(copy.dataDir);
    const file = join(copy.dataDir, 'studies/zhu-2017-osteoarthritis.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Renamed for the test'));
    const second = store.ensureCurrent(copy.dataDir);
    expect(second.rebuilt).toBe(true);
    expect(second.hash).not.toBe(first.hash);
    const fresh = new SqliteStore(join(copy.dir, 'atlas.sqlite'));
    expect(fresh.knowledgeBase().studies.find((s) => s.id === 'zhu-2017-osteoarthritis')!.title).toBe('Renamed for the test');
    fresh.close();
    store.close();
  });

  it('keeps the last good build when data/ turns bad: never half-built', () => {
    const copy = copyOfData();
    cleanups.push(copy.cleanup);
    const path = join(copy.dir, 'atlas.sqlite');
    const store = new SqliteStore(path);
    store.ensureCurrent(copy.dataDir);
    appendFileSync(join(copy.dataDir, 'references.yaml'), '\n- id: [broken\n');
    expect(() => store.ensureCurrent(copy.dataDir)).toThrow(/references\.yaml:\d+/);
    store.close();
    const reopened = new SqliteStore(path);
    expect(reopened.knowledgeBase().references).toHaveLength(116);
    expect(reopened.search('osteoarthritis').total).toBeGreaterThan(0);
    reopened.close();
  });

  it('searches every record kind with ranking and marked snippets', () => {
    const store = new SqliteStore(join(tmp(), 'atlas.sqlite'));
    store.ensureCurrent(dataDir);
    const result = store.search('miR-135b', { kinds: ['study'] });
    expect(result.hits[0]).toMatchObject({ kind: 'study', id: 'zhang-2020-osteonecrosis-mir-135b' });
    expect(result.hits[0]!.snippet).toMatch(/<mark>miR(<\/mark>-<mark>|-)135b<\/mark>/i);
    expect(store.search('Konoshenko', { kinds: ['reference'] }).hits.map((h) => h.id)).toEqual(['ref-27']);
    const scores = store.search('exosomes angiogenesis').hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(() => store.search('  "" ')).toThrow(expect.objectContaining({ code: 'EXO_ERR_QUERY_EMPTY_SEARCH' }));
    store.close();
  });

  it('answers repeated searches from its cache, and forgets them when data/ changes', () => {
    const copy = copyOfData();
    cleanups.push(copy.cleanup);
    const store = new SqliteStore(join(copy.dir, 'atlas.sqlite'));
    store.ensureCurrent(copy.dataDir);
    const first = store.search('osteoarthritis');
    expect(store.search('osteoarthritis')).toBe(first);
    const file = join(copy.dataDir, 'studies/zhu-2017-osteoarthritis.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Zebrafishlike renamed study'));
    store.ensureCurrent(copy.dataDir);
    expect(store.search('Zebrafishlike').total).toBe(1);
    expect(store.search('osteoarthritis')).not.toBe(first);
    store.close();
  });

  it('says clearly when the database path cannot be written', () => {
    expect(() => new SqliteStore('/proc/no-such-dir/atlas.sqlite')).toThrow(/cannot open the database at \/proc\/no-such-dir\/atlas\.sqlite/);
    expect(() => new SqliteStore('/proc/no-such-dir/atlas.sqlite')).toThrow(expect.objectContaining({ code: 'EXO_ERR_STORE_OPEN' }));
  });
});

describe('search query syntax', () => {
  it('quotes words so FTS5 operators are inert, and prefixes the last word', () => {
    expect(toFtsQuery('miR-135b')).toBe('"miR-135b"*');
    expect(toFtsQuery('PI3K/Akt OR NOT (x')).toBe('"PI3K/Akt" "OR" "NOT" "x"*');
  });
  it('escapes HTML in snippets before marking matches', () => {
    expect(markSnippet('a <b> \u0002c\u0003 & d')).toBe('a &lt;b&gt; <mark>c</mark> &amp; d');
  });
});
