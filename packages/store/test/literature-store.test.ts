import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteLiteratureStore, SqliteStore, type LiteratureStore } from '../src/index.js';
import { repoRoot, tempDir } from '../../../test/helpers/paths.js';

const fixture = (name: string): Uint8Array => readFileSync(join(repoRoot, 'packages/literature/test/fixtures', name));

let store: SqliteStore;
let literature: LiteratureStore;
let cleanup: () => void;
beforeEach(async () => {
  const tmp = tempDir();
  cleanup = tmp.cleanup;
  store = new SqliteStore(join(tmp.dir, 'atlas.sqlite'));
  literature = new SqliteLiteratureStore(store.db);
});
afterEach(async () => {
  await store.close();
  cleanup();
});

describe('importing literature into the store', () => {
  it('stores every record of a file with the search provenance', async () => {
    const summary = await literature.importFile(fixture('embase-bom-crlf.ris'), { fileName: 'embase-bom-crlf.ris', database: 'Embase', date: '2026-11-01', query: "'induced pluripotent stem cell' AND exosome" });
    expect(summary).toMatchObject({ id: 1, format: 'ris', recordCount: 2, database: 'Embase', date: '2026-11-01', query: "'induced pluripotent stem cell' AND exosome" });
    const { total, items } = await literature.searchRecords({ importId: summary.id });
    expect(total).toBe(2);
    expect(items[0]!.title).toMatch(/^Exosomes from induced pluripotent stem cell/);
  });

  it('searches the imported records full-text, ranked, with snippets and filters', async () => {
    await literature.importFile(fixture('embase-bom-crlf.ris'), { fileName: 'a.ris', database: 'Embase' });
    await literature.importFile(fixture('pubmed-efetch.xml'), { fileName: 'b.xml', database: 'PubMed' });
    const hits = await literature.searchRecords({ q: 'chromatography' });
    expect(hits.total).toBe(1);
    expect(hits.items[0]!.snippet).toMatch(/<mark>chromatography<\/mark>/i);
    expect((await literature.searchRecords({ database: 'pubmed' })).total).toBe(3); // two PubmedArticle and one PubmedBookArticle
    expect((await literature.listImports()).map((i) => i.recordCount)).toEqual([2, 3]);
  });

  it('rolls a failed import back whole: a truncated file leaves nothing', async () => {
    await expect(literature.importFile(fixture('truncated.ris'), { fileName: 'truncated.ris' })).rejects.toThrow(/truncated\.ris line \d+/);
    expect(await literature.listImports()).toEqual([]);
    expect((await literature.searchRecords()).total).toBe(0);
    await expect(literature.importFile(fixture('empty.ris'), { fileName: 'empty.ris' })).rejects.toMatchObject({ code: 'EXO_ERR_LIT_EMPTY_FILE' });
    expect(await literature.listImports()).toEqual([]);
  });

  it('runs concurrent imports one after the other, each whole', async () => {
    const results = await Promise.allSettled([
      literature.importFile(fixture('embase-bom-crlf.ris'), { fileName: 'one.ris' }),
      literature.importFile(fixture('truncated.ris'), { fileName: 'bad.ris' }),
      literature.importFile(fixture('pubmed-efetch.xml'), { fileName: 'two.xml' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await literature.listImports()).map((i) => i.fileName)).toEqual(['one.ris', 'two.xml']);
  });

  it('names missing imports and records', async () => {
    await expect(literature.getImport(9)).rejects.toThrow(expect.objectContaining({ code: 'EXO_ERR_NOT_FOUND_IMPORT' }));
    await expect(literature.getRecord(9)).rejects.toThrow(expect.objectContaining({ code: 'EXO_ERR_NOT_FOUND_RECORD' }));
  });
});
