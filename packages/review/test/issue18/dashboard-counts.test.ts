import { createStores } from '@exoatlas/store';
import { describe, expect, it } from 'vitest';
import { ReviewService, discoveryCurveSvg } from '../../src/index.js';

const ris = (n: number) => Array.from({ length: n }, (_, i) => `TY  - JOUR\nTI  - Exosome study number ${i + 1} on wound healing\nAB  - Abstract ${i + 1}\nER  - \n`).join('');

describe('issue 18 item 8: the dashboard curve and table count includes from one source', () => {
  it('dual screening: includes by one reviewer are not includes yet, on the curve as in the table', async () => {
    const stores = await createStores({ sqlitePath: ':memory:' });
    const service = new ReviewService(stores.review, { schedule: () => undefined });
    const amy = await service.createUser(undefined, { username: 'amy', password: 'correct-horse-battery' });
    const ben = await service.createUser(amy, { username: 'ben', password: 'correct-horse-battery' });
    await service.createProject(amy, { id: 'pp', name: 'P', mode: 'dual' });
    await service.addMember(amy, 'pp', { username: 'ben', role: 'reviewer' });
    await service.importSearches(amy, 'pp', [{ name: 'a.ris', data: ris(5) }], { database: 'Embase', date: '2026-11-01' });
    const ids = (await service.listRecords(amy, 'pp', {})).items.map((r) => r.id);
    for (const id of ids.slice(0, 4)) await service.decide(amy, 'pp', id, { decision: id === ids[3] ? 'maybe' : 'include', expectedVersion: 0 });
    const counts = async () => {
      const table = (await service.getProject(amy, 'pp')).progress['title-abstract'].included;
      const { sequence, total, pending } = await service.discovery(amy, 'pp');
      const curve = sequence.reduce<number>((n, v) => n + v, 0);
      return { table, curve, pending, title: discoveryCurveSvg(sequence, total, pending).match(/Includes found as screening went on: (\d+)/)![1] };
    };
    expect(await counts()).toEqual({ table: 0, curve: 0, pending: 4, title: '0' });
    const { sequence, total, pending } = await service.discovery(amy, 'pp');
    expect(discoveryCurveSvg(sequence, total, pending)).toContain('4 more with an include or maybe await a second reviewer or a resolution');
    await service.decide(ben, 'pp', ids[0]!, { decision: 'include', expectedVersion: 0 });
    await service.decide(ben, 'pp', ids[1]!, { decision: 'include', expectedVersion: 0 });
    await service.decide(ben, 'pp', ids[2]!, { decision: 'exclude', expectedVersion: 0 });
    expect(await counts()).toEqual({ table: 2, curve: 2, pending: 2, title: '2' });
    await stores.close();
  });
});
