/** Issue 16: the Kysely literature store behaves as the SQLite one did, on SQLite and on PostgreSQL. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKyselyStores, type KyselyStores } from '../src/kysely/create-stores.js';
import { repoRoot } from '../../../test/helpers/paths.js';
import { testBackends } from './helpers/backends.js';

const backends = await testBackends();
const fixture = (name: string): Uint8Array => readFileSync(join(repoRoot, 'packages/literature/test/fixtures', name));

describe.each(backends)('issue 16: the Kysely literature store on $name', (backend) => {
  const open: KyselyStores[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });
  async function fresh() {
    const stores = await createKyselyStores({ url: await backend.newUrl() });
    open.push(stores);
    return stores.literature;
  }

  it.skipIf(!backend.isAvailable)('stores every record of a file with the search provenance', async () => {
    const literature = await fresh();
    const summary = await literature.importFile(fixture('embase-bom-crlf.ris'), { fileName: 'embase-bom-crlf.ris', database: 'Embase', date: '2026-11-01', query: "'induced pluripotent stem cell' AND exosome" });
    expect(summary).toMatchObject({ id: 1, format: 'ris', recordCount: 2, database: 'Embase', date: '2026-11-01', query: "'induced pluripotent stem cell' AND exosome" });
    const { total, items } = await literature.searchRecords({ importId: summary.id });
    expect(total).toBe(2);
    expect(items[0]!.title).toMatch(/^Exosomes from induced pluripotent stem cell/);
    expect((await literature.getRecord(items[0]!.id)).storeId).toBe(items[0]!.id);
  });

  it.skipIf(!backend.isAvailable)('searches the imported records full-text, ranked, with snippets and filters', async () => {
    const literature = await fresh();
    await literature.importFile(fixture('embase-bom-crlf.ris'), { fileName: 'a.ris', database: 'Embase' });
    await literature.importFile(fixture('pubmed-efetch.xml'), { fileName: 'b.xml', database: 'PubMed' });
    const hits = await literature.searchRecords({ q: 'chromatography' });
    expect(hits.total).toBe(1);
    expect(hits.items[0]!.snippet).toMatch(/<mark>chromatography<\/mark>/i);
    expect((await literature.searchRecords({ q: 'chromato' })).total).toBe(1); // the last word is a prefix
    expect((await literature.searchRecords({ database: 'pubmed' })).total).toBe(3); // two PubmedArticle and one PubmedBookArticle
    expect((await literature.searchRecords({ q: 'exosomes', database: 'embase' })).items.every((i) => i.snippet?.includes('<mark>'))).toBe(true);
    expect((await literature.searchRecords({ hasDoi: false })).total + (await literature.searchRecords({ hasDoi: true })).total).toBe(5);
    expect((await literature.listImports()).map((i) => i.recordCount)).toEqual([2, 3]);
    await expect(literature.searchRecords({ q: '  "" ' })).rejects.toMatchObject({ code: 'EXO_ERR_QUERY_EMPTY_SEARCH' });
  });

  it.skipIf(!backend.isAvailable)('rolls a failed import back whole: a truncated file leaves nothing', async () => {
    const literature = await fresh();
    await expect(literature.importFile(fixture('truncated.ris'), { fileName: 'truncated.ris' })).rejects.toThrow(/truncated\.ris line \d+/);
    expect(await literature.listImports()).toEqual([]);
    expect((await literature.searchRecords()).total).toBe(0);
    await expect(literature.importFile(fixture('empty.ris'), { fileName: 'empty.ris' })).rejects.toMatchObject({ code: 'EXO_ERR_LIT_EMPTY_FILE' });
    expect(await literature.listImports()).toEqual([]);
  });

  it.skipIf(!backend.isAvailable)('runs concurrent imports one after the other, each whole', async () => {
    const literature = await fresh();
    const results = await Promise.allSettled([
      literature.importFile(fixture('embase-bom-crlf.ris'), { fileName: 'one.ris' }),
      literature.importFile(fixture('truncated.ris'), { fileName: 'bad.ris' }),
      literature.importFile(fixture('pubmed-efetch.xml'), { fileName: 'two.xml' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await literature.listImports()).map((i) => i.fileName)).toEqual(['one.ris', 'two.xml']);
  });

  it.skipIf(!backend.isAvailable)('names missing imports and records', async () => {
    const literature = await fresh();
    await expect(literature.getImport(9)).rejects.toMatchObject({ code: 'EXO_ERR_NOT_FOUND_IMPORT' });
    await expect(literature.getRecord(9)).rejects.toMatchObject({ code: 'EXO_ERR_NOT_FOUND_RECORD' });
  });
});
