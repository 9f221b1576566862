/**
 * Issue 16 part 8, "Moving and keeping data": `exoatlas db copy | verify | backup | restore | migrate`, in process
 * through run(). A populated SQLite installation (the atlas built from data/, a literature import, two review projects
 * with users, members, a session, search imports, decisions, a resolution, audit entries, extraction forms and a saved
 * synthesis) goes SQLite → PostgreSQL → a new SQLite file, and every table's row count and checksum must be equal after
 * the round trip; the PostgreSQL copy then serves the projects through createStores({databaseUrl}); migrate, restore and
 * backup also act on a PostgreSQL installation. The PostgreSQL half is skipped, with the reason printed, when no server
 * can be started (and must run when EXOATLAS_TEST_DATABASE_URL is set).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExtractionService, ReviewService, type User } from '@exoatlas/review';
import { copyDatabase, createStores, migrateToLatest, openKysely, tableDigests, type TableDigest } from '@exoatlas/store';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processIO, type CommandIO } from '../src/command-io.js';
import { run } from '../src/main.js';
import { repoRoot, tempDir } from '../../../test/helpers/paths.js';
import { PASSWORD, PROJECT_ID, RIS_FILE, buildProject } from '../../review/test/synthesis/build-project.js';
import { rawFixture } from '../../review/test/synthesis/load-fixture.js';
import { startTestPostgres, type TestPostgres } from '../../store/test/helpers/postgres.js';

const tmp = tempDir('exoatlas-db-cli-');
const installation = join(tmp.dir, 'atlas.sqlite');
let server: TestPostgres;

async function exoatlas(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = { ...processIO(), cwd: tmp.dir, env: { ...process.env, EXOATLAS_DB: installation, DATABASE_URL: '', EXOATLAS_USER: '', ...env }, stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTTY: false };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

async function digestsOf(url: string): Promise<TableDigest[]> {
  const opened = openKysely({ url });
  try {
    await migrateToLatest(opened);
    return await tableDigests(opened);
  } finally {
    await opened.db.destroy();
  }
}

/** Everything a team's installation holds, written through the real services over the hand-written SQLite store. */
async function populate(): Promise<void> {
  const imported = await exoatlas(['import', join(repoRoot, 'packages/literature/test/fixtures/pubmed-two-records.nbib'), '--database', 'PubMed', '--date', '2026-01-15']);
  expect(imported.stderr).toBe('');
  const stores = await createStores({ sqlitePath: installation });
  try {
    const review = new ReviewService(stores.review);
    const extraction = new ExtractionService(review, stores.extraction);
    const p = await buildProject(review);
    await review.login('alice', PASSWORD);
    for (const s of rawFixture().studies) {
      const id = p.records[s.studyId]!;
      await extraction.saveForm(p.alice, PROJECT_ID, id, 'extraction', { data: s.form, expectedVersion: 0 });
      await extraction.saveForm(p.alice, PROJECT_ID, id, 'rob', { data: s.rob });
    }
    await extraction.synthesise(p.bob, PROJECT_ID, { outcome: 'wound-closure' }, true);
    await dualProjectWithResolution(review, p.alice);
  } finally {
    await stores.close();
  }
}

async function dualProjectWithResolution(review: ReviewService, alice: User): Promise<void> {
  await review.createProject(alice, { id: 'dual', name: 'Dual screening', question: 'Do they agree?', mode: 'dual' });
  await review.addMember(alice, 'dual', { username: 'bob', role: 'reviewer' });
  await review.importSearches(alice, 'dual', [{ name: 'w.ris', data: readFileSync(RIS_FILE, 'utf8') }], { database: 'Embase', date: '2026-02-01' });
  const bob = (await review.login('bob', PASSWORD)).user;
  const record = (await review.listRecords(alice, 'dual', { limit: 1 })).items[0]!.id;
  await review.decide(alice, 'dual', record, { stage: 'title-abstract', decision: 'include', expectedVersion: 0 });
  await review.decide(bob, 'dual', record, { stage: 'title-abstract', decision: 'exclude', reason: 'Wrong population or model', expectedVersion: 0 });
  await review.resolve(alice, 'dual', record, { stage: 'title-abstract', decision: 'include', method: 'discussion' });
}

beforeAll(async () => {
  await populate();
  server = await startTestPostgres();
  if (!server.available && process.env.EXOATLAS_TEST_DATABASE_URL) throw new Error(`EXOATLAS_TEST_DATABASE_URL is set, so the PostgreSQL half must run: ${server.reason}`);
  if (!server.available) console.warn(`PostgreSQL half of db-cli.test.ts skipped: ${server.reason}`);
}, 240_000);
afterAll(async () => {
  if (server?.available) await server.stop();
  tmp.cleanup();
});

const nonEmpty = (digests: TableDigest[]): string[] => digests.filter((d) => d.rows > 0).map((d) => d.table);

describe('exoatlas db (issue 16 part 8: moving and keeping data)', () => {
  it('the populated installation holds rows in every table the round trip must carry', async () => {
    const tables = nonEmpty(await digestsOf(installation));
    for (const t of ['meta', 'records', 'knowledge_base', 'search', 'imports', 'citations', 'citations_fts', 'review_users', 'review_sessions', 'review_projects', 'review_members', 'review_searches', 'review_records', 'review_search_hits', 'review_decisions', 'review_resolutions', 'review_audit', 'review_forms', 'review_syntheses', 'review_first_user', 'review_account_audit']) {
      expect(tables).toContain(t);
    }
  });

  it('migrate brings a database to the latest migration and --status lists them', async () => {
    const fresh = join(tmp.dir, 'fresh.sqlite');
    const before = await exoatlas(['db', 'migrate', '--status', '--db', fresh]);
    expect(before.stderr).toMatch(/does not exist yet/);
    expect(existsSync(fresh)).toBe(false);
    const r = await exoatlas(['db', 'migrate', '--db', fresh]);
    expect(r.stdout).toMatch(/applied 0001-atlas, 0002-literature/);
    expect((await exoatlas(['db', 'migrate', '--db', fresh])).stdout).toMatch(/already at the latest migration/);
    const after = await exoatlas(['db', 'migrate', '--status', '--db', fresh, '--json']);
    expect(JSON.parse(after.stdout).migrations.every((m: { appliedAt: string | null }) => m.appliedAt !== null)).toBe(true);
  });

  it('copies SQLite → SQLite with every table equal, and refuses a non-empty target without changing it', async () => {
    const copy = join(tmp.dir, 'copy.sqlite');
    const r = await exoatlas(['db', 'copy', '--from', installation, '--to', copy]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/review_decisions\s+\d+ rows/);
    expect(r.stdout).toMatch(/citations_fts\s+\d+ rows \(full-text index, rebuilt\)/);
    expect(r.stdout).toMatch(/verified: \d+ tables, row counts and checksums equal/);
    const before = await digestsOf(copy);
    expect(before).toEqual(await digestsOf(installation));
    const again = await exoatlas(['db', 'copy', '--from', installation, '--to', copy]);
    expect(again.code).toBe(6);
    expect(again.stderr).toMatch(/is not empty .*--force/);
    expect(await digestsOf(copy)).toEqual(before);
    const forced = await exoatlas(['db', 'copy', '--from', installation, '--to', copy, '--force']);
    expect(forced.code).toBe(0);
    expect(await digestsOf(copy)).toEqual(before);
  });

  it('a copy that fails halfway leaves the target empty', async () => {
    const from = openKysely({ url: installation });
    const to = openKysely({ url: join(tmp.dir, 'half.sqlite') });
    try {
      await migrateToLatest(from);
      await migrateToLatest(to);
      let tables = 0;
      const failing = copyDatabase(from, to, {
        onTable: () => {
          if (++tables === 8) throw new Error('the connection dropped');
        },
      });
      await expect(failing).rejects.toThrow(/the connection dropped/);
      expect(nonEmpty(await tableDigests(to))).toEqual([]);
    } finally {
      await from.db.destroy();
      await to.db.destroy();
    }
  });

  it('backs up through the SQLite online backup API and restores into an empty database', async () => {
    const backup = join(tmp.dir, 'backup.sqlite');
    const b = await exoatlas(['db', 'backup', '--to', backup]);
    expect(b.stdout).toMatch(/SQLite online backup/);
    expect(existsSync(backup)).toBe(true);
    expect((await exoatlas(['db', 'backup', '--to', backup])).code).toBe(6);
    const restored = join(tmp.dir, 'restored.sqlite');
    const r = await exoatlas(['db', 'restore', '--from', backup, '--db', restored]);
    expect(r.stderr).toBe('');
    expect(await digestsOf(restored)).toEqual(await digestsOf(installation));
  });

  it('migrate, restore and backup act on a PostgreSQL installation named by --database-url or DATABASE_URL', async (ctx) => {
    if (!server.available) ctx.skip();
    if (!server.available) return;
    const pg = await server.newDatabase();
    const pending = await exoatlas(['db', 'migrate', '--status', '--database-url', pg, '--json']);
    expect(pending.stderr).toBe('');
    const listed = JSON.parse(pending.stdout).migrations as { name: string; appliedAt: string | null }[];
    expect(listed.length).toBeGreaterThan(1);
    expect(listed.every((m) => m.appliedAt === null)).toBe(true);
    expect((await exoatlas(['db', 'migrate', '--database-url', pg])).stdout).toMatch(/applied 0001-atlas, 0002-literature/);
    expect((await exoatlas(['db', 'migrate', '--database-url', pg])).stdout).toMatch(/already at the latest migration/);
    // A migrated but empty database takes a restore; the installation is then PostgreSQL's, named by DATABASE_URL.
    const restored = await exoatlas(['db', 'restore', '--from', installation, '--database-url', pg]);
    expect(restored.stderr).toBe('');
    const original = await digestsOf(installation);
    expect(await digestsOf(pg)).toEqual(original);
    expect((await exoatlas(['db', 'restore', '--from', installation, '--database-url', pg])).code).toBe(6);
    const backup = join(tmp.dir, 'from-postgres.sqlite');
    const saved = await exoatlas(['db', 'backup', '--to', backup], { DATABASE_URL: pg });
    expect(saved.stderr).toBe('');
    expect(saved.stdout).toMatch(/backup written to/);
    expect(await digestsOf(backup)).toEqual(original);
  });

  it('round-trips SQLite → PostgreSQL → SQLite with every table equal, and PostgreSQL serves the projects', async (ctx) => {
    if (!server.available) ctx.skip();
    if (!server.available) return;
    const pg = await server.newDatabase();
    const toPg = await exoatlas(['db', 'copy', '--from', installation, '--to', pg]);
    expect(toPg.stderr).toBe('');
    expect(toPg.stdout).toMatch(/verified/);
    if (process.env.SHOW_DB_COPY) console.log(toPg.stdout);
    const back = join(tmp.dir, 'back.sqlite');
    const toSqlite = await exoatlas(['db', 'copy', '--from', pg, '--to', back]);
    expect(toSqlite.stderr).toBe('');
    const original = await digestsOf(installation);
    expect(await digestsOf(pg)).toEqual(original);
    expect(await digestsOf(back)).toEqual(original);
    expect((await exoatlas(['db', 'verify', '--from', installation, '--to', pg])).stdout).toMatch(/checksums equal/);
    // --force replaces a PostgreSQL target's contents, the append-only triggers suspended inside the transaction.
    expect((await exoatlas(['db', 'copy', '--from', installation, '--to', pg])).code).toBe(6);
    const forced = await exoatlas(['db', 'copy', '--from', installation, '--to', pg, '--force']);
    expect(forced.stderr).toBe('');
    expect(await digestsOf(pg)).toEqual(original);

    const sqliteStores = await createStores({ sqlitePath: installation });
    const pgStores = await createStores({ databaseUrl: pg });
    try {
      const a = new ReviewService(sqliteStores.review);
      const b = new ReviewService(pgStores.review);
      const alice = (await a.login('alice', PASSWORD)).user;
      const aliceOnPg = (await b.login('alice', PASSWORD)).user;
      expect(aliceOnPg.id).toBe(alice.id);
      expect(await b.listProjects(aliceOnPg)).toEqual(await a.listProjects(alice));
      expect(await b.listRecords(aliceOnPg, PROJECT_ID, { limit: 100 })).toEqual(await a.listRecords(alice, PROJECT_ID, { limit: 100 }));
      expect(await b.conflicts(aliceOnPg, 'dual')).toEqual(await a.conflicts(alice, 'dual'));
      expect((await pgStores.literature.searchRecords({ q: 'exosome' })).total).toBe((await sqliteStores.literature.searchRecords({ q: 'exosome' })).total);
      // The rebuilt atlas index finds the same documents (the order of near ties is each dialect's own).
      const hitIds = async (stores: typeof pgStores): Promise<string[]> => (await stores.atlas.search('wound healing', { limit: 500 })).hits.map((h) => `${h.kind}:${h.id}`).sort();
      expect(await hitIds(pgStores)).toEqual(await hitIds(sqliteStores));
      // Sequences were reset past the copied ids: a new project's search import gets fresh ids.
      await b.createProject(aliceOnPg, { id: 'after-copy', name: 'After the copy', question: 'q', mode: 'single' });
    } finally {
      await sqliteStores.close();
      await pgStores.close();
    }
  });

  it('a copy into PostgreSQL that fails on a bad row halfway leaves the target empty', async (ctx) => {
    if (!server.available) ctx.skip();
    if (!server.available) return;
    const bad = join(tmp.dir, 'bad.sqlite');
    expect((await exoatlas(['db', 'copy', '--from', installation, '--to', bad])).code).toBe(0);
    const opened = openKysely({ url: bad });
    // PostgreSQL text cannot hold NUL: the audit log (copied late, after most tables) gets a row it will refuse.
    await sql`INSERT INTO review_audit (project_id, user_id, action, at) VALUES ('dual', 1, ${'bad\u0000row'}, '2026-01-01T00:00:00Z')`.execute(opened.db);
    await opened.db.destroy();
    const pg = await server.newDatabase();
    const r = await exoatlas(['db', 'copy', '--from', bad, '--to', pg]);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/the copy failed at table review_audit .*left as it was/);
    expect(nonEmpty(await digestsOf(pg))).toEqual([]);
  });
});
