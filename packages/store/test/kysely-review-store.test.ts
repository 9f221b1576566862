/** Issue 16: the Kysely review store behaves as the SQLite one did, on SQLite and on PostgreSQL. */
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyRecord } from '@exoatlas/literature';
import { DEFAULT_EXCLUSION_REASONS, type ImportPlan } from '@exoatlas/review';
import { createKyselyStores, type KyselyStores } from '../src/kysely/create-stores.js';
import { testBackends } from './helpers/backends.js';

const backends = await testBackends();
const citation = (n: number, title: string) => ({ ...emptyRecord(`f#${n}`, { format: 'ris' as const, fields: {} }), title });
const search = { database: 'Embase', date: '2026-11-01', query: 'q', fileName: 'f.ris', format: 'ris', warnings: [] };

describe.each(backends)('issue 16: the Kysely review store on $name', (backend) => {
  const open: KyselyStores[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });

  async function fresh() {
    const stores = await createKyselyStores({ url: await backend.newUrl() });
    open.push(stores);
    const reviews = stores.review;
    const owner = await reviews.createUser({ username: 'owner', displayName: 'Owner', passwordHash: 'x', isAdmin: true });
    await reviews.createProject({ id: 'p', name: 'P', question: 'Q', criteria: {}, mode: 'dual', exclusionReasons: DEFAULT_EXCLUSION_REASONS }, owner.id);
    return { stores, reviews, owner };
  }

  it.skipIf(!backend.isAvailable)('imports searches, records and duplicate links in one transaction', async () => {
    const { reviews, owner } = await fresh();
    const plan: ImportPlan = { newRecords: [citation(1, 'A'), citation(2, 'B')], fates: [[{ kind: 'new', newIndex: 0 }, { kind: 'duplicate-of-new', newIndex: 0 }, { kind: 'new', newIndex: 1 }]] };
    const [s] = await reviews.importSearches('p', [search], plan, owner.id);
    expect(s).toMatchObject({ identified: 3, duplicates: 1, added: 2, database: 'Embase', warnings: [] });
    const records = await reviews.records('p');
    expect(records.map((r) => [r.citation.title, r.searchIds, r.isNotRetrieved, r.isExcludedByAutomation])).toEqual([
      ['A', [s!.id], false, false],
      ['B', [s!.id], false, false],
    ]);
    expect((await reviews.getRecord('p', records[1]!.id))?.citation.title).toBe('B');
    expect(await reviews.getRecord('p', 999)).toBeUndefined();
    expect((await reviews.citations('p')).map((c) => c.citation.title)).toEqual(['A', 'B']);
    // A second search hitting an existing record links it, without a new record.
    const [t] = await reviews.importSearches('p', [{ ...search, fileName: 'g.ris' }], { newRecords: [], fates: [[{ kind: 'duplicate-of-existing', recordId: records[0]!.id }]] }, owner.id);
    expect((await reviews.getRecord('p', records[0]!.id))?.searchIds).toEqual([s!.id, t!.id]);
  });

  it.skipIf(!backend.isAvailable)('rolls back an import that fails half-way: no search, no record, no audit entry', async () => {
    const { reviews, owner } = await fresh();
    const auditBefore = (await reviews.audit('p')).total;
    const plan: ImportPlan = { newRecords: [citation(1, 'A')], fates: [[{ kind: 'new', newIndex: 0 }], [{ kind: 'duplicate-of-new', newIndex: 7 }]] };
    await expect(reviews.importSearches('p', [search, { ...search, fileName: 'g.ris' }], plan, owner.id)).rejects.toThrow(/duplicate precedes its record/);
    expect(await reviews.searches('p')).toEqual([]);
    expect(await reviews.records('p')).toEqual([]);
    expect((await reviews.audit('p')).total).toBe(auditBefore);
  });

  it.skipIf(!backend.isAvailable)('keeps decisions append-only in the database, versioned per reviewer, with before/after in the audit log', async () => {
    const { stores, reviews, owner } = await fresh();
    await reviews.importSearches('p', [search], { newRecords: [citation(1, 'A')], fates: [[{ kind: 'new', newIndex: 0 }]] }, owner.id);
    const recordId = (await reviews.records('p'))[0]!.id;
    const base = { projectId: 'p', recordId, stage: 'title-abstract' as const, reviewerId: owner.id };
    expect((await reviews.appendDecision({ ...base, decision: 'include', expectedVersion: 0 })).version).toBe(1);
    await expect(reviews.appendDecision({ ...base, decision: 'exclude', expectedVersion: 0 })).rejects.toMatchObject({ code: 'EXO_ERR_REVIEW_STALE_DECISION', context: { currentVersion: 1 } });
    expect(await reviews.appendDecision({ ...base, decision: 'exclude', reason: 'Other', expectedVersion: 1 })).toMatchObject({ version: 2, reviewer: 'owner', reason: 'Other' });
    const db = stores.database.db;
    await expect(sql`UPDATE review_decisions SET decision = 'include'`.execute(db)).rejects.toThrow(/decisions are append-only/);
    await expect(sql`DELETE FROM review_decisions`.execute(db)).rejects.toThrow(/decisions are append-only/);
    await expect(sql`UPDATE review_audit SET action = 'x'`.execute(db)).rejects.toThrow(/audit log is append-only/);
    await expect(sql`DELETE FROM review_audit`.execute(db)).rejects.toThrow(/audit log is append-only/);
    expect((await reviews.decisions('p')).map((d) => [d.decision, d.version])).toEqual([
      ['include', 1],
      ['exclude', 2],
    ]);
    expect(await reviews.decisions('p', 'full-text')).toEqual([]);
    expect(await reviews.recordDecisions('p', recordId)).toHaveLength(2);
    const entry = (await reviews.audit('p', { recordId })).items[0]!;
    expect(entry).toMatchObject({ action: 'decision', username: 'owner', recordTitle: 'A', before: { decision: 'include', version: 1 }, after: { decision: 'exclude', reason: 'Other', version: 2 } });
    expect((await reviews.audit('p', { username: 'OWNER', stage: 'title-abstract', limit: 1, offset: 1 })).items[0]).toMatchObject({ after: { decision: 'include' } });
    await expect(reviews.appendDecision({ ...base, recordId: 999, decision: 'include', expectedVersion: 0 })).rejects.toMatchObject({ code: 'EXO_ERR_REVIEW_NOT_FOUND_RECORD' });
  });

  it.skipIf(!backend.isAvailable)('lets only one of two simultaneous decisions on the same version through', async () => {
    const { reviews, owner } = await fresh();
    await reviews.importSearches('p', [search], { newRecords: [citation(1, 'A')], fates: [[{ kind: 'new', newIndex: 0 }]] }, owner.id);
    const recordId = (await reviews.records('p'))[0]!.id;
    const base = { projectId: 'p', recordId, stage: 'title-abstract' as const, reviewerId: owner.id, expectedVersion: 0 };
    const results = await Promise.allSettled([reviews.appendDecision({ ...base, decision: 'include' }), reviews.appendDecision({ ...base, decision: 'exclude' })]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'EXO_ERR_REVIEW_STALE_DECISION' });
    expect(await reviews.decisions('p')).toHaveLength(1);
  });

  it.skipIf(!backend.isAvailable)('resolves, flags records, manages members and projects, each with its audit entry', async () => {
    const { reviews, owner } = await fresh();
    await reviews.importSearches('p', [search], { newRecords: [citation(1, 'A'), citation(2, 'B')], fates: [[{ kind: 'new', newIndex: 0 }, { kind: 'new', newIndex: 1 }]] }, owner.id);
    const [a, b] = await reviews.records('p');
    const r1 = await reviews.appendResolution({ projectId: 'p', recordId: a!.id, stage: 'title-abstract', decision: 'include', method: 'discussion', resolvedBy: owner.id });
    const r2 = await reviews.appendResolution({ projectId: 'p', recordId: a!.id, stage: 'title-abstract', decision: 'exclude', reason: 'Other', method: 'third-reviewer', resolvedBy: owner.id });
    expect([r1.version, r2.version, r2.resolver, r2.reason]).toEqual([1, 2, 'owner', 'Other']);
    expect(await reviews.resolutions('p', 'full-text')).toEqual([]);
    await reviews.setNotRetrieved('p', b!.id, true, owner.id);
    await expect(reviews.setNotRetrieved('p', 999, true, owner.id)).rejects.toMatchObject({ code: 'EXO_ERR_REVIEW_NOT_FOUND_RECORD' });
    await reviews.setExcludedByAutomation('p', [a!.id], true, owner.id, { note: 'stopped' });
    expect((await reviews.records('p')).map((r) => [r.isNotRetrieved, r.isExcludedByAutomation])).toEqual([
      [false, true],
      [true, false],
    ]);
    const alice = await reviews.createUser({ username: 'alice', displayName: 'Alice', passwordHash: 'h', isAdmin: false });
    await reviews.setMember('p', alice.id, 'reviewer', owner.id);
    await reviews.setMember('p', alice.id, 'viewer', owner.id);
    expect(await reviews.memberRole('p', alice.id)).toBe('viewer');
    expect((await reviews.members('p')).map((m) => [m.username, m.role])).toEqual([
      ['owner', 'owner'],
      ['alice', 'viewer'],
    ]);
    expect((await reviews.listProjects(alice.id)).map((p) => [p.id, p.role])).toEqual([['p', 'viewer']]);
    expect(await reviews.updateProject('p', { name: 'Renamed' }, owner.id)).toMatchObject({ name: 'Renamed', mode: 'dual', criteria: {} });
    await expect(reviews.updateProject('nope', { name: 'x' }, owner.id)).rejects.toMatchObject({ code: 'EXO_ERR_REVIEW_NOT_FOUND_PROJECT' });
    expect((await reviews.audit('p')).items.map((e) => e.action)).toEqual(['project.update', 'member.set', 'member.set', 'screening.stop', 'record.retrieval', 'resolution', 'resolution', 'search.import', 'project.create']);
  });

  it.skipIf(!backend.isAvailable)('stores only a hash of session tokens, expires them, and refuses a user name twice whatever its case', async () => {
    const { reviews, owner } = await fresh();
    await reviews.createSession(owner.id, 'hash-1', '2030-01-01T00:00:00.000Z');
    expect((await reviews.sessionUser('hash-1', '2029-12-31T00:00:00.000Z'))?.username).toBe('owner');
    expect(await reviews.sessionUser('hash-1', '2030-01-02T00:00:00.000Z')).toBeUndefined();
    await reviews.deleteSession('hash-1');
    expect(await reviews.sessionUser('hash-1', '2029-12-31T00:00:00.000Z')).toBeUndefined();
    await expect(reviews.createUser({ username: 'OWNER', displayName: 'x', passwordHash: 'x', isAdmin: false })).rejects.toMatchObject({ code: 'EXO_ERR_AUTH_USER_EXISTS' });
    expect(await reviews.findUser('Owner')).toMatchObject({ id: owner.id, passwordHash: 'x', isAdmin: true });
    expect(await reviews.countUsers()).toBe(1);
  });
});
