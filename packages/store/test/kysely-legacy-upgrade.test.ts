/**
 * Issue 16: a SQLite file made by the hand-written store (PRAGMA user_version, no Kysely migration table) opens with
 * the Kysely stores in place, with nothing lost, and only the migrations it lacked are applied. The file was made by
 * that release's own code (fixtures/legacy-schema6.sqlite.gz); older schemas are made from it by undoing migrations.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createKyselyStores } from '../src/kysely/create-stores.js';
import { dataDir, repoRoot, tempDir } from '../../../test/helpers/paths.js';

const tmp = tempDir('exoatlas-legacy-');
afterAll(() => tmp.cleanup());
const ALL = ['0001-atlas', '0002-literature', '0003-review', '0004-extraction', '0005-automation-flag', '0006-audit-no-delete', '0007-accounts', '0008-published-atlas', '0010-records-version-index'];
/** Takes a file back to before the hand-written store's 6th migration (accounts), as the previous release left it. */
const ACCOUNTS_DOWN =
  'DROP TABLE review_first_user; DROP TABLE review_login_throttle; DROP TABLE review_account_audit; DROP INDEX review_sessions_by_user; DROP INDEX review_sessions_by_expiry; ALTER TABLE review_users DROP COLUMN is_disabled;';

/** A copy of the file the last hand-written release made (fixtures/README.md), ready to be upgraded in place. */
function legacyFile(name: string) {
  const path = join(tmp.dir, name);
  writeFileSync(path, gunzipSync(readFileSync(join(repoRoot, 'packages/store/test/fixtures/legacy-schema6.sqlite.gz'))));
  const db = new Database(path, { readonly: true });
  try {
    const owner = db.prepare("SELECT id FROM review_users WHERE username = 'owner'").get() as { id: number };
    const record = db.prepare("SELECT id FROM review_records WHERE project_id = 'p' ORDER BY id LIMIT 1").get() as { id: number };
    return { path, ownerId: owner.id, recordId: record.id };
  } finally {
    db.close();
  }
}

const userVersion = (path: string): number => {
  const db = new Database(path);
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
};

describe('issue 16: upgrading a SQLite file of the current release to the Kysely stores', () => {
  it('issue 17: adopts a schema-6 file (with accounts): marks its migrations applied (0007 included), adds only 0006, and loses nothing', async () => {
    const legacy = legacyFile('six.sqlite');
    expect(userVersion(legacy.path)).toBe(6);
    const stores = await createKyselyStores({ url: legacy.path });
    try {
      const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(stores.database.db);
      expect(applied.rows.map((r) => r.name)).toEqual(ALL);
      // The file has no atlas yet: it is built into the legacy FTS5 table, which answers.
      expect(await stores.atlas.ensureCurrent(dataDir)).toMatchObject({ rebuilt: true });
      expect((await stores.atlas.knowledgeBase()).references).toHaveLength(116);
      expect((await stores.atlas.search('miR-135b', { kinds: ['study'] })).hits[0]?.id).toBe('zhang-2020-osteonecrosis-mir-135b');
      expect((await stores.literature.listImports()).map((i) => [i.fileName, i.recordCount])).toEqual([['a.ris', 2]]);
      expect((await stores.literature.searchRecords({ q: 'chromatography' })).total).toBe(1);
      expect(await stores.review.findUser('OWNER')).toMatchObject({ id: legacy.ownerId, passwordHash: 'secret-hash' });
      expect((await stores.review.records('p')).map((r) => [r.citation.title, r.isExcludedByAutomation])).toEqual([
        ['A', false],
        ['B', false],
      ]);
      expect((await stores.review.decisions('p')).map((d) => [d.decision, d.version])).toEqual([['include', 1]]);
      expect((await stores.review.audit('p')).items.map((e) => e.action)).toEqual(['extraction', 'decision', 'search.import', 'project.create']);
      expect((await stores.extraction.latestForms('p')).map((f) => f.data)).toEqual([{ n: 12 }]);
      // New writes continue the old versions; the old triggers still hold and the new one (audit: no DELETE) is in place.
      await stores.review.appendDecision({ projectId: 'p', recordId: legacy.recordId, stage: 'title-abstract', reviewerId: legacy.ownerId, decision: 'exclude', reason: 'Other', expectedVersion: 1 });
      await expect(sql`UPDATE review_decisions SET decision = 'maybe'`.execute(stores.database.db)).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM review_audit`.execute(stores.database.db)).rejects.toThrow(/audit log is append-only/);
      // The account tables are the legacy ones, in use: the first account is recorded, the account log append-only.
      expect(await stores.review.createFirstUser({ username: 'intruder', displayName: 'I', passwordHash: 'x' })).toBeUndefined();
      await stores.review.setDisabled(legacy.ownerId, true, legacy.ownerId);
      expect(await stores.review.findUser('owner')).toMatchObject({ isDisabled: true });
      await expect(sql`DELETE FROM review_account_audit`.execute(stores.database.db)).rejects.toThrow(/append-only/);
    } finally {
      await stores.close();
    }
    // user_version stays at the legacy count, so the previous release (which checks only that) can still open it.
    expect(userVersion(legacy.path)).toBe(6);
    const raw = new Database(legacy.path, { readonly: true });
    expect(raw.prepare("SELECT decision FROM review_decisions WHERE project_id = 'p' ORDER BY id").all()).toEqual([{ decision: 'include' }, { decision: 'exclude' }]);
    raw.close();
  });

  it('issue 17: upgrades a schema-5 file (before accounts): applies 0006 and 0007, records its first account, and sets user_version 6', async () => {
    const legacy = legacyFile('five.sqlite');
    const db = new Database(legacy.path);
    db.exec(ACCOUNTS_DOWN);
    db.pragma('user_version = 5');
    db.close();
    const stores = await createKyselyStores({ url: legacy.path });
    try {
      const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(stores.database.db);
      expect(applied.rows.map((r) => r.name)).toEqual(ALL);
      expect(await stores.review.findUser('owner')).toMatchObject({ id: legacy.ownerId, isDisabled: false });
      expect(await stores.review.createFirstUser({ username: 'intruder', displayName: 'I', passwordHash: 'x' })).toBeUndefined();
    } finally {
      await stores.close();
    }
    expect(userVersion(legacy.path)).toBe(6);
    // The first account was recorded by migration 0007 from the users already there.
    const raw = new Database(legacy.path, { readonly: true });
    expect(raw.prepare('SELECT user_id FROM review_first_user').get()).toEqual({ user_id: legacy.ownerId });
    raw.close();
  });

  it('upgrades a schema-4 file (before the automation flag): applies 0005, 0006 and 0007 only', async () => {
    const legacy = legacyFile('four.sqlite');
    const db = new Database(legacy.path);
    db.exec(ACCOUNTS_DOWN);
    db.exec('ALTER TABLE review_records DROP COLUMN excluded_by_automation');
    db.pragma('user_version = 4');
    db.close();
    const stores = await createKyselyStores({ url: legacy.path });
    try {
      const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(stores.database.db);
      expect(applied.rows.map((r) => r.name)).toEqual(ALL);
      expect((await stores.review.records('p')).map((r) => r.isExcludedByAutomation)).toEqual([false, false]);
      await stores.review.setExcludedByAutomation('p', [legacy.recordId], true, legacy.ownerId, { note: 'stopped' });
      expect((await stores.review.records('p')).map((r) => r.isExcludedByAutomation)).toEqual([true, false]);
    } finally {
      await stores.close();
    }
  });

  it('refuses a file from a newer release, changing nothing', async () => {
    const path = join(tmp.dir, 'future.sqlite');
    const db = new Database(path);
    db.exec('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    db.pragma('user_version = 9');
    db.close();
    await expect(createKyselyStores({ url: path })).rejects.toMatchObject({ code: 'EXO_ERR_STORE_OPEN', message: expect.stringMatching(/schema version 9, newer than this release/) });
    expect(userVersion(path)).toBe(9);
  });

  it('gives new files the legacy user_version, so the previous release can open them after a downgrade', async () => {
    const path = join(tmp.dir, 'new.sqlite');
    const stores = await createKyselyStores({ url: path });
    await stores.review.createUser({ username: 'alice', displayName: 'Alice', passwordHash: 'h', isAdmin: false });
    await stores.close();
    expect(userVersion(path)).toBe(6);
  });

  it('says clearly when the database path cannot be written', async () => {
    await expect(createKyselyStores({ url: '/proc/no-such-dir/atlas.sqlite' })).rejects.toMatchObject({ code: 'EXO_ERR_STORE_OPEN', message: expect.stringMatching(/cannot open the database at \/proc\/no-such-dir/) });
  });
});
