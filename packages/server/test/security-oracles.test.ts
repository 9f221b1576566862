/** Issue 17, finding 10: oracles (project ids, user names) and loose checks (dates, truncated MEDLINE, a full disk). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toExoError } from '@exoatlas/schema';
import { sql } from 'kysely';
import type { KyselyStores } from '@exoatlas/store';
import { testApp } from '../../../test/helpers/app.js';
import { signIn } from '../../../test/helpers/session.js';
import { skipped, testBackends } from '../../../test/helpers/backends.js';

describe.each(await testBackends())('on $name', (backend) => {
  if (skipped(backend)) return;

  let ctx: Awaited<ReturnType<typeof testApp>>;
  const as: Record<string, { authorization: string }> = {};
  beforeAll(async () => {
    // No worker pool: imports then write through the app's own SQLite connection, the one the full-disk test limits
    // (a pooled import writes through the worker's connection; its error code crosses back and maps the same way).
    ctx = await testApp({ backend: backend.name, deps: { jobs: { threads: 0 } } });
    const admin = await signIn(ctx.app, 'olivia');
    as.olivia = { authorization: `Bearer ${admin}` };
    as.mallory = { authorization: `Bearer ${await signIn(ctx.app, 'mallory', admin)}` };
    expect((await ctx.app.inject({ method: 'POST', url: '/api/reviews', headers: as.olivia, payload: { id: 'secret-project', name: 'Secret' } })).statusCode).toBe(201);
  });
  afterAll(() => ctx.close());

  const importRis = (query: string, payload: string, type = 'text/plain') => ctx.app.inject({ method: 'POST', url: `/api/imports?${query}`, headers: { ...as.olivia, 'content-type': type }, payload });
  const RIS = 'TY  - JOUR\nTI  - Exosomes in wound healing\nPY  - 2020\nER  - \n';

  describe('issue 17 finding 10: oracles', () => {
    it("creating a project with a taken id answers a non-member just like a free id (was 409 'already exists')", async () => {
      const taken = await ctx.app.inject({ method: 'POST', url: '/api/reviews', headers: as.mallory, payload: { id: 'secret-project', name: 'Mine' } });
      const free = await ctx.app.inject({ method: 'POST', url: '/api/reviews', headers: as.mallory, payload: { id: 'never-used-id', name: 'Mine too' } });
      expect(taken.statusCode).toBe(201);
      expect(free.statusCode).toBe(201);
      expect(taken.json().id).toMatch(/^secret-project-[a-z0-9]{1,5}$/);
      expect(free.json().id).toBe('never-used-id');
      // The owner's project is untouched and still hidden from mallory.
      expect((await ctx.app.inject({ url: '/api/reviews/secret-project', headers: as.olivia })).json().project.name).toBe('Secret');
      expect((await ctx.app.inject({ url: '/api/reviews/secret-project', headers: as.mallory })).statusCode).toBe(404);
      // The owner gets the same treatment: the answer never depends on whose project holds the id.
      const again = await ctx.app.inject({ method: 'POST', url: '/api/reviews', headers: as.olivia, payload: { id: 'secret-project', name: 'Again' } });
      expect(again.statusCode).toBe(201);
      expect(again.json().id).not.toBe('secret-project');
    });

    it('adding members (the only place a user name is looked up) is for owners: others get the same answer whether the user exists or not', async () => {
      for (const username of ['olivia', 'no-such-user']) {
        const stranger = await ctx.app.inject({ method: 'POST', url: '/api/reviews/secret-project/members', headers: as.mallory, payload: { username, role: 'viewer' } });
        expect(stranger.statusCode, username).toBe(404);
        expect(stranger.json().error.code).toBe('EXO_ERR_REVIEW_NOT_FOUND_PROJECT');
        const anonymous = await ctx.app.inject({ method: 'POST', url: '/api/reviews/secret-project/members', payload: { username, role: 'viewer' } });
        expect(anonymous.statusCode).toBe(401);
      }
    });
  });

  describe('issue 17 finding 10: impossible calendar dates are refused', () => {
    it('POST /api/imports?date=2026-02-31 is 400 and imports nothing (was accepted); 2028-02-29, 2026-11 and 2026 pass', async () => {
      const before = (await ctx.app.inject({ url: '/api/imports' })).json().items.length;
      for (const date of ['2026-02-31', '2026-13-01', '2026-04-31', '2027-02-29', '2026-00-10', '2026-11-00']) {
        const res = await importRis(`fileName=a.ris&date=${date}`, RIS);
        expect(res.statusCode, date).toBe(400);
        expect(res.json().error).toMatchObject({ code: 'EXO_ERR_QUERY_INVALID', context: { field: 'date' } });
      }
      expect((await ctx.app.inject({ url: '/api/imports' })).json().items.length).toBe(before);
      for (const date of ['2028-02-29', '2026-11', '2026']) expect((await importRis(`fileName=a.ris&date=${date}`, RIS)).statusCode, date).toBe(201);
    });

    it("a review search import dated 2026-02-31 is refused", async () => {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/reviews/secret-project/searches', headers: as.olivia, payload: { database: 'PubMed', date: '2026-02-31', files: [{ name: 'a.ris', content: RIS }] } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.context.field).toBe('date');
    });
  });

  describe('issue 17 finding 10: a truncated MEDLINE file is reported like the other readers do', () => {
    const whole = 'PMID- 1\nTI  - Exosomes heal wounds.\nDP  - 2020\nSO  - J Ex. 2020.\n\nPMID- 2\nTI  - Exosomes in bone.\nDP  - 2021\nSO  - J Ex. 2021.\n';
    it('a file cut in the middle of a line is 400 EXO_ERR_LIT_TRUNCATED with the line (was imported silently)', async () => {
      const res = await importRis('fileName=cut.nbib&format=medline', whole.slice(0, whole.indexOf('Exosomes in bone') + 8));
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'EXO_ERR_LIT_TRUNCATED', context: { file: 'cut.nbib', line: 7 } });
    });

    it('a file cut between lines, before the last record\'s SO line, is truncated too; the whole file imports', async () => {
      const res = await importRis('fileName=cut.nbib&format=medline', whole.slice(0, whole.indexOf('DP  - 2021')));
      expect(res.json().error).toMatchObject({ code: 'EXO_ERR_LIT_TRUNCATED' });
      expect((await importRis('fileName=whole.nbib&format=medline', whole)).statusCode).toBe(201);
    });
  });

  describe('issue 17 finding 10: a full disk is a coded storage error and writes nothing', () => {
    // SQLite's page limit stands in for a full disk; PostgreSQL has no per-connection equivalent.
    it.skipIf(backend.name !== 'sqlite')('SQLITE_FULL during an import is 507 EXO_ERR_STORE_FULL naming the cause (was 500 "cannot rollback")', async () => {
      // The test app runs on SQLite without a worker pool: its one connection is the one the literature store writes through.
      const { db } = (ctx.stores as KyselyStores).database;
      const count = async () => Number((await sql<{ n: number }>`SELECT count(*) AS n FROM citations`.execute(db)).rows[0]!.n);
      const before = { imports: (await ctx.app.inject({ url: '/api/imports' })).json().items.length, citations: await count() };
      const pages = (await sql<{ page_count: number }>`PRAGMA page_count`.execute(db)).rows[0]!.page_count + 2;
      await sql.raw(`PRAGMA max_page_count = ${pages}`).execute(db);
      const big = Array.from({ length: 400 }, (_, i) => `TY  - JOUR\nTI  - Exosome study number ${i} ${'of wound healing '.repeat(20)}\nPY  - 2020\nER  - \n`).join('');
      try {
        const res = await importRis('fileName=big.ris', big);
        expect(res.statusCode).toBe(507);
        expect(res.json().error).toMatchObject({ code: 'EXO_ERR_STORE_FULL', context: { cause: 'SQLITE_FULL' } });
        expect(res.json().error.message).not.toMatch(/cannot rollback/);
      } finally {
        await sql`PRAGMA max_page_count = 1073741823`.execute(db);
      }
      expect((await ctx.app.inject({ url: '/api/imports' })).json().items.length).toBe(before.imports);
      expect(await count()).toBe(before.citations);
      expect((await importRis('fileName=big.ris', big)).statusCode).toBe(201);
    });

    it('the CLI maps storage failures the same way (toExoError): exit code 5 with the cause', () => {
      const full = toExoError(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
      expect([full.code, full.status, full.exitCode, full.context.cause]).toEqual(['EXO_ERR_STORE_FULL', 507, 5, 'SQLITE_FULL']);
      const io = toExoError(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' }));
      expect([io.code, io.status]).toEqual(['EXO_ERR_STORE_UNAVAILABLE', 503]);
      expect(toExoError(Object.assign(new Error('UNIQUE constraint failed'), { code: 'SQLITE_CONSTRAINT_UNIQUE' })).code).toBe('EXO_ERR_INTERNAL_UNEXPECTED');
    });
  });
});
