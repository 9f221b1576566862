import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyRecord } from '@exoatlas/literature';
import { DEFAULT_EXCLUSION_REASONS, type ImportPlan } from '@exoatlas/review';
import { SqliteReviewStore, SqliteStore } from '../src/index.js';
import { tempDir } from '../../../test/helpers/paths.js';
import { MIGRATIONS } from '../src/sqlite/migrations.js';

const tmp = tempDir('exoatlas-review-store-');
afterAll(() => tmp.cleanup());

function fresh() {
  const store = new SqliteStore(join(tmp.dir, `${Math.random().toString(36).slice(2)}.sqlite`));
  const reviews = new SqliteReviewStore(store.db);
  const owner = reviews.createUser({ username: 'owner', displayName: 'Owner', passwordHash: 'x', isAdmin: true });
  reviews.createProject({ id: 'p', name: 'P', question: 'Q', criteria: {}, mode: 'dual', exclusionReasons: DEFAULT_EXCLUSION_REASONS }, owner.id);
  return { store, reviews, owner };
}

const citation = (n: number, title: string) => ({ ...emptyRecord(`f#${n}`, { format: 'ris' as const, fields: {} }), title });
const search = { database: 'Embase', date: '2026-11-01', query: 'q', fileName: 'f.ris', format: 'ris', warnings: [] };

describe('the SQLite review store', () => {
  it('imports searches, records and duplicate links in one transaction', () => {
    const { store, reviews, owner } = fresh();
    const plan: ImportPlan = { newRecords: [citation(1, 'A'), citation(2, 'B')], fates: [[{ kind: 'new', newIndex: 0 }, { kind: 'duplicate-of-new', newIndex: 0 }, { kind: 'new', newIndex: 1 }]] };
    const [s] = reviews.importSearches('p', [search], plan, owner.id);
    expect(s).toMatchObject({ identified: 3, duplicates: 1, added: 2, database: 'Embase' });
    expect(reviews.records('p').map((r) => r.citation.title)).toEqual(['A', 'B']);
    store.close();
  });

  it('rolls back an import that fails half-way: no search, no record, no audit entry', () => {
    const { store, reviews, owner } = fresh();
    const auditBefore = reviews.audit('p').total;
    // The second file's plan points at a record that does not exist: the write fails after the first file was written.
    const plan: ImportPlan = { newRecords: [citation(1, 'A')], fates: [[{ kind: 'new', newIndex: 0 }], [{ kind: 'duplicate-of-new', newIndex: 7 }]] };
    expect(() => reviews.importSearches('p', [search, { ...search, fileName: 'g.ris' }], plan, owner.id)).toThrow(/duplicate precedes its record/);
    expect(reviews.searches('p')).toEqual([]);
    expect(reviews.records('p')).toEqual([]);
    expect(reviews.audit('p').total).toBe(auditBefore);
    store.close();
  });

  it('keeps decisions append-only, versioned per reviewer, with before/after in the audit log', () => {
    const { store, reviews, owner } = fresh();
    reviews.importSearches('p', [search], { newRecords: [citation(1, 'A')], fates: [[{ kind: 'new', newIndex: 0 }]] }, owner.id);
    const recordId = reviews.records('p')[0]!.id;
    const base = { projectId: 'p', recordId, stage: 'title-abstract' as const, reviewerId: owner.id };
    expect(reviews.appendDecision({ ...base, decision: 'include', expectedVersion: 0 }).version).toBe(1);
    expect(() => reviews.appendDecision({ ...base, decision: 'exclude', expectedVersion: 0 })).toThrow(expect.objectContaining({ code: 'EXO_ERR_REVIEW_STALE_DECISION' }));
    expect(reviews.appendDecision({ ...base, decision: 'exclude', reason: 'Other', expectedVersion: 1 }).version).toBe(2);
    expect(() => store.db.prepare('UPDATE review_decisions SET decision = ?').run('include')).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM review_decisions').run()).toThrow(/append-only/);
    expect(reviews.decisions('p').map((d) => [d.decision, d.version])).toEqual([
      ['include', 1],
      ['exclude', 2],
    ]);
    const entry = reviews.audit('p', { recordId }).items[0]!;
    expect(entry).toMatchObject({ action: 'decision', username: 'owner', before: { decision: 'include', version: 1 }, after: { decision: 'exclude', reason: 'Other', version: 2 } });
    expect(() => reviews.appendDecision({ ...base, recordId: 999, decision: 'include', expectedVersion: 0 })).toThrow(expect.objectContaining({ code: 'EXO_ERR_REVIEW_NOT_FOUND_RECORD' }));
    store.close();
  });

  it('stores only a hash of session tokens and expires them', () => {
    const { store, reviews, owner } = fresh();
    reviews.createSession(owner.id, 'hash-1', '2030-01-01T00:00:00.000Z');
    expect(reviews.sessionUser('hash-1', '2029-12-31T00:00:00.000Z')?.username).toBe('owner');
    expect(reviews.sessionUser('hash-1', '2030-01-02T00:00:00.000Z')).toBeUndefined();
    expect(() => reviews.createUser({ username: 'OWNER', displayName: 'x', passwordHash: 'x', isAdmin: false })).toThrow(expect.objectContaining({ code: 'EXO_ERR_AUTH_USER_EXISTS' }));
    store.close();
  });
});

describe('upgrading a database from before the automation flag (schema 4 → 5)', () => {
  it('keeps its records and marks none of them excluded by automation; a stop then flags the unscreened ones', () => {
    const { store, reviews, owner } = fresh();
    reviews.importSearches('p', [search], { newRecords: [citation(1, 'A'), citation(2, 'B')], fates: [[{ kind: 'new', newIndex: 0 }, { kind: 'new', newIndex: 1 }]] }, owner.id);
    // Roll the file back to schema 4, as a database of the previous version was.
    store.db.exec('ALTER TABLE review_records DROP COLUMN excluded_by_automation');
    // … and without the later account tables (issue 17).
    store.db.exec('DROP TABLE review_first_user; DROP TABLE review_login_throttle; DROP TABLE review_account_audit; DROP INDEX review_sessions_by_user; DROP INDEX review_sessions_by_expiry; ALTER TABLE review_users DROP COLUMN is_disabled;');
    store.db.pragma('user_version = 4');
    const path = store.db.name;
    store.close();
    const reopened = new SqliteStore(path);
    expect(reopened.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const again = new SqliteReviewStore(reopened.db);
    expect(again.records('p').map((r) => [r.citation.title, r.isExcludedByAutomation])).toEqual([
      ['A', false],
      ['B', false],
    ]);
    again.setExcludedByAutomation('p', [again.records('p')[1]!.id], true, owner.id, { note: 'stopped' });
    expect(again.records('p').map((r) => r.isExcludedByAutomation)).toEqual([false, true]);
    expect(again.audit('p', { limit: 1 }).items[0]).toMatchObject({ action: 'screening.stop', after: { records: 1, note: 'stopped' } });
    reopened.close();
  });
});
