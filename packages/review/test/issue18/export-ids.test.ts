import { writeCitations } from '@exoatlas/literature';
import { createStores } from '@exoatlas/store';
import { describe, expect, it } from 'vitest';
import { ReviewService } from '../../src/index.js';

const ris = (from: number, n: number) => Array.from({ length: n }, (_, i) => `TY  - JOUR\nTI  - Exosome study number ${from + i} on wound healing\nAB  - Abstract ${from + i}\nER  - \n`).join('');

describe('issue 18 item 8: exports use the project record ids', () => {
  it('review export --format csv (and CSL-JSON) carry the record ids --record takes, not the parser ids repeated across searches', async () => {
    const stores = await createStores({ sqlitePath: ':memory:' });
    const service = new ReviewService(stores.review, { schedule: () => undefined });
    const owner = await service.createUser(undefined, { username: 'owner', password: 'correct-horse-battery' });
    await service.createProject(owner, { id: 'pp', name: 'P' });
    await service.importSearches(owner, 'pp', [{ name: 'a.ris', data: ris(1, 2) }], { database: 'Embase', date: '2026-11-01' });
    await service.importSearches(owner, 'pp', [{ name: 'b.ris', data: ris(3, 2) }], { database: 'PubMed', date: '2026-11-02' });
    const items = await service.exportRecords(owner, 'pp');
    const ids = items.map((i) => i.view.id);
    expect(new Set(ids).size).toBe(4);
    const csv = writeCitations(items.map((i) => i.citation), 'csv').trimEnd().split(/\r?\n/);
    expect(csv[0]!.split(',')[0]).toBe('record_id');
    expect(csv.slice(1).map((l) => Number(l.split(',')[0]))).toEqual(ids);
    const csl = JSON.parse(writeCitations(items.map((i) => i.citation), 'csl-json')) as { id: string }[];
    expect(csl.map((c) => c.id)).toEqual(ids.map(String));
    // --record takes them
    expect((await service.getRecord(owner, 'pp', ids[3]!)).title).toMatch(/number 4/);
    await stores.close();
  });
});
