import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyRecord } from '@exoatlas/literature';
import { DEFAULT_EXCLUSION_REASONS, type ImportPlan } from '@exoatlas/review';
import { SqliteReviewStore, SqliteStore } from '../src/index.js';
import { tempDir } from '../../../test/helpers/paths.js';
import { MIGRATIONS } from '../src/sqlite/migrations.js';

const tmp = tempDir('exoatlas-review-store-');
afterAll(async () => tmp.cleanup());

async function fresh() {
  const store = new SqliteStore(join(tmp.dir, `${Math.random().toString(36).slice(2)}.sqlite`));
  const reviews = new SqliteReviewStore(store.db);
  const owner = await reviews.createUser({ username: 'owner', displayName: 'Owner', passwordHash: 'x', isAdmin: true });
  await reviews.createProject({ id: 'p', name: 'P', question: 'Q', criteria: {}, mode: 'dual', exclusionReasons: DEFAULT_EXCLUSION_REASONS }, owner.id);
  return { store, reviews, owner };
}

const citation = (n: number, title: string) => ({ ...emptyRecord(`f#${n}`, { format: 'ris' as const, fields: {} }), title });
const search = { database: 'Embase', date: '2026-11-01', query: 'q', fileName: 'f.ris', format: 'ris', warnings: [] };

describe('the SQLite review store', () => {
  it('imports searches, records and duplicate links in one transaction', async () => {
    const { store, reviews, owner } = await fresh();
    const plan: ImportPlan = { newRecords: [citation(1, 'A'), citation(2, 'B')], fates: [[{ kind: 'new', newIndex: 0 }, { kind: 'duplicate-of-new', newIndex: 0 }, { kind: 'new', newIndex: 1 }]] };
    const [s] = await reviews.importSearches('p', [search], plan, owner.id);
    expect(s).toMatchObject({ identified: 3, duplicates: 1, added: 2, database: 'Embase' });
    expect((await reviews.records('p')).map((r) => r.citation.title)).toEqual(['A', 'B']);
    await store.close();
  });

  it('rolls back an import that fails half-way: no search, no record, no audit entry', async () => {
    const { store, reviews, owner } = await fresh();
    const auditBefore = (await reviews.audit('p')).total;
    // The second file's plan points at a record that does not exist: the write fails after the first file was written.
    const plan: ImportPlan = { newRecords: [citation(1, 'A')], fates: [[{ kind: 'new', newIndex: 0 }], [{ kind: 'duplicate-of-new', newIndex: 7 }]] };
    await expect(reviews.importSearches('p', [search, { ...search, fileName: 'g.ris' }], plan, owner.id)).rejects.toThrow(/duplicate precedes its record/);
    expect(await reviews.searches('p')).toEqual([]);
    expect(await reviews.records('p')).toEqual([]);
    expect((await reviews.audit('p')).total).toBe(auditBefore);
    await store.close();
  });

  it('keeps decisions append-only, versioned per reviewer, with before/after in the audit log', async () => {
    const { store, reviews, owner } = await fresh();
    await reviews.importSearches('p', [search], { newRecords: [citation(1, 'A')], fates: [[{ kind: 'new', newIndex: 0 }]] }, owner.id);
    const recordId = (await reviews.records('p'))[0]!.id;
    const base = { projectId: 'p', recordId, stage: 'title-abstract' as const, reviewerId: owner.id };
    expect((await reviews.appendDecision({ ...base, decision: 'include', expectedVersion: 0 })).version).toBe(1);
    await expect(reviews.appendDecision({ ...base, decision: 'exclude', expectedVersion: 0 })).rejects.toThrow(expect.objectContaining({ code: 'EXO_ERR_REVIEW_STALE_DECISION' }));
    expect((await reviews.appendDecision({ ...base, decision: 'exclude', reason: 'Other', expectedVersion: 1 })).version).toBe(2);
    expect(() => store.db.prepare('UPDATE review_decisions SET decision = ?').run('include')).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM review_decisions').run()).toThrow(/append-only/);
    expect((await reviews.decisions('p')).map((d) => [d.decision, d.version])).toEqual([
      ['include', 1],
      ['exclude', 2],
    ]);
    const entry = (await reviews.audit('p', { recordId })).items[0]!;
    expect(entry).toMatchObject({ action: 'decision', username: 'owner', before: { decision: 'include', version: 1 }, after: { decision: 'exclude', reason: 'Other', version: 2 } });
    await expect(reviews.appendDecision({ ...base, recordId: 999, decision: 'include', expectedVersion: 0 })).rejects.toThrow(expect.objectContaining({ code: 'EXO_ERR_REVIEW_NOT_FOUND_RECORD' }));
    await store.close();
  });

  it('stores only a hash of session tokens and expires them', async () => {
    const { store, reviews, owner } = await fresh();
    await reviews.createSession(owner.id, 'hash-1', '2030-01-01T00:00:00.000Z');
    expect((await reviews.sessionUser('hash-1', '2029-12-31T00:00:00.000Z'))?.username).toBe('owner');
    expect(await reviews.sessionUser('hash-1', '2030-01-02T00:00:00.000Z')).toBeUndefined();
    await expect(reviews.createUser({ username: 'OWNER', displayName: 'x', passwordHash: 'x', isAdmin: false })).rejects.toThrow(expect.objectContaining({ code: 'EXO_ERR_AUTH_USER_EXISTS' }));
    await store.close();
  });
});

describe('upgrading a database from before the automation flag (schema 4 → 5)', () => {
  it('keeps its records and marks none of them excluded by automation; a stop then flags the unscreened ones', async () => {
    const { store, reviews, owner } = await fresh();
    await reviews.importSearches('p', [search], { newRecords: [citation(1, 'A'), citation(2, 'B')], fates: [[{ kind: 'new', newIndex: 0 }, { kind: 'new', newIndex: 1 }]] }, owner.id);
    // Roll the file back to schema 4, as a database of the previous version was.
    store.db.exec('ALTER TABLE review_records DROP COLUMN excluded_by_automation');
    // … and without the later account tables (issue 17).
    store.db.exec('DROP TABLE review_first_user; DROP TABLE review_login_throttle; DROP TABLE review_account_audit; DROP INDEX review_sessions_by_user; DROP INDEX review_sessions_by_expiry; ALTER TABLE review_users DROP COLUMN is_disabled;');
    store.db.pragma('user_version = 4');
    const path = store.db.name;
    await store.close();
    const reopened = new SqliteStore(path);
    expect(reopened.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const again = new SqliteReviewStore(reopened.db);
    expect((await again.records('p')).map((r) => [r.citation.title, r.isExcludedByAutomation])).toEqual([
      ['A', false],
      ['B', false],
    ]);
    await again.setExcludedByAutomation('p', [(await again.records('p'))[1]!.id], true, owner.id, { note: 'stopped' });
    expect((await again.records('p')).map((r) => r.isExcludedByAutomation)).toEqual([false, true]);
    expect((await again.audit('p', { limit: 1 })).items[0]).toMatchObject({ action: 'screening.stop', after: { records: 1, note: 'stopped' } });
    await reopened.close();
  });
});
