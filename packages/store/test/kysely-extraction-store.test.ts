/** Issue 16: the Kysely extraction store behaves as the SQLite one did, on SQLite and on PostgreSQL. */
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyRecord } from '@exoatlas/literature';
import { DEFAULT_EXCLUSION_REASONS } from '@exoatlas/review';
import { createKyselyStores, type KyselyStores } from '../src/kysely/create-stores.js';
import { testBackends } from './helpers/backends.js';

const backends = await testBackends();
const citation = (n: number, title: string) => ({ ...emptyRecord(`f#${n}`, { format: 'ris' as const, fields: {} }), title });
const search = { database: 'Embase', date: '2026-11-01', query: 'q', fileName: 'f.ris', format: 'ris', warnings: [] };

describe.each(backends)('issue 16: the Kysely extraction store on $name', (backend) => {
  const open: KyselyStores[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });

  async function fresh() {
    const stores = await createKyselyStores({ url: await backend.newUrl() });
    open.push(stores);
    const { review, extraction } = stores;
    const alice = await review.createUser({ username: 'alice', displayName: 'Alice', passwordHash: 'x', isAdmin: true });
    const bob = await review.createUser({ username: 'bob', displayName: 'Bob', passwordHash: 'x', isAdmin: false });
    await review.createProject({ id: 'p', name: 'P', question: 'Q', criteria: {}, mode: 'dual', exclusionReasons: DEFAULT_EXCLUSION_REASONS }, alice.id);
    await review.importSearches('p', [search], { newRecords: [citation(1, 'A'), citation(2, 'B')], fates: [[{ kind: 'new', newIndex: 0 }, { kind: 'new', newIndex: 1 }]] }, alice.id);
    const [a, b] = (await review.records('p')).map((r) => r.id);
    return { stores, review, extraction, alice, bob, a: a!, b: b! };
  }

  it.skipIf(!backend.isAvailable)('saves forms as versions, refuses stale saves, lists the latest per reviewer with the consensus last', async () => {
    const { stores, review, extraction, alice, bob, a, b } = await fresh();
    const form = (reviewerId: number | null, recordId: number, expectedVersion: number, data: unknown) => ({ projectId: 'p', recordId, kind: 'extraction' as const, reviewerId, data, expectedVersion, userId: reviewerId ?? alice.id });
    expect(await extraction.saveForm(form(alice.id, a, 0, { n: 1 }))).toMatchObject({ version: 1, reviewer: 'alice', data: { n: 1 } });
    expect((await extraction.saveForm(form(alice.id, a, 1, { n: 2 }))).version).toBe(2);
    await expect(extraction.saveForm(form(alice.id, a, 1, { n: 3 }))).rejects.toMatchObject({ code: 'EXO_ERR_EXTRACT_STALE', context: { currentVersion: 2, expectedVersion: 1 } });
    await extraction.saveForm(form(null, a, 0, { n: 'consensus' }));
    await extraction.saveForm(form(bob.id, a, 0, { n: 'bob' }));
    await extraction.saveForm({ ...form(bob.id, b, 0, { rob: true }), kind: 'rob' });
    await expect(extraction.saveForm(form(bob.id, 999, 0, {}))).rejects.toMatchObject({ code: 'EXO_ERR_REVIEW_NOT_FOUND_RECORD' });
    expect((await extraction.latestForms('p')).map((f) => [f.recordId === a ? 'a' : 'b', f.kind, f.reviewer, f.version])).toEqual([
      ['a', 'extraction', 'alice', 2],
      ['a', 'extraction', 'bob', 1],
      ['a', 'extraction', null, 1],
      ['b', 'rob', 'bob', 1],
    ]);
    expect(await extraction.latestForms('p', { recordId: b, kind: 'extraction' })).toEqual([]);
    expect((await extraction.formHistory('p', a, 'extraction')).map((f) => f.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 'consensus' }, { n: 'bob' }]);
    expect((await review.audit('p', { recordId: a })).items.map((e) => e.action)).toEqual(['extraction', 'extraction-consensus', 'extraction', 'extraction']);
    await expect(sql`UPDATE review_forms SET data = '{}'`.execute(stores.database.db)).rejects.toThrow(/forms are append-only/);
    await expect(sql`DELETE FROM review_forms`.execute(stores.database.db)).rejects.toThrow(/forms are append-only/);
  });

  it.skipIf(!backend.isAvailable)('lets only one of two simultaneous saves of the same version through', async () => {
    const { extraction, alice, a } = await fresh();
    const base = { projectId: 'p', recordId: a, kind: 'misev' as const, reviewerId: alice.id, expectedVersion: 0, userId: alice.id };
    const results = await Promise.allSettled([extraction.saveForm({ ...base, data: 1 }), extraction.saveForm({ ...base, data: 2 })]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'EXO_ERR_EXTRACT_STALE' });
  });

  it.skipIf(!backend.isAvailable)('saves syntheses, lists them without their bodies, publishes one with its atlas records and an audit entry', async () => {
    const { review, extraction, alice } = await fresh();
    const first = await extraction.saveSynthesis({ projectId: 'p', options: { outcome: 'wound-closure' }, result: { k: 7 }, userId: alice.id });
    const second = await extraction.saveSynthesis({ projectId: 'p', options: { outcome: 'angiogenesis' }, result: { k: 3 }, userId: alice.id });
    expect(first).toMatchObject({ options: { outcome: 'wound-closure' }, result: { k: 7 }, publishedAt: null, atlas: null });
    expect((await extraction.syntheses('p')).map((s) => [s.id, s.result])).toEqual([
      [second.id, null],
      [first.id, null],
    ]);
    expect(await extraction.publishedSyntheses()).toEqual([]);
    const records = { studies: [{ id: 'meta-1' }], claims: [], details: null };
    const published = await extraction.publishSynthesis('p', first.id, records, alice.id);
    expect(published.publishedAt).toMatch(/^\d{4}-/);
    expect((await extraction.publishedSyntheses()).map((s) => [s.id, s.atlas, s.result])).toEqual([[first.id, records, null]]);
    await expect(extraction.publishSynthesis('p', 999, { studies: [], claims: [], details: null }, alice.id)).rejects.toMatchObject({ code: 'EXO_ERR_EXTRACT_NOT_FOUND' });
    expect((await review.audit('p', { limit: 1 })).items[0]).toMatchObject({ action: 'publish-synthesis', after: { synthesisId: first.id, version: 1 } });
    expect(await extraction.getSynthesis('p', 999)).toBeUndefined();
  });
});
