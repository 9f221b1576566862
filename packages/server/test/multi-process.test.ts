/**
 * Issue 16 part 6: several `exoatlas serve` processes on one PostgreSQL serve one project consistently. Two real
 * server processes (the built CLI) share a throw-away database; everything below goes over HTTP. What one process
 * writes, the other's next answer shows (no cache of one process's memory hides it), a stale decision is refused
 * across processes, and a queued import runs once in the cluster. Needs the built CLI (node scripts/build.mjs).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliBin, repoRoot } from '../../../test/helpers/paths.js';
import { startTestPostgres, type TestPostgres } from '../../store/test/helpers/postgres.js';
import { PASSWORD, RIS_FILE } from '../../review/test/synthesis/build-project.js';
import { rawFixture } from '../../review/test/synthesis/load-fixture.js';

const server: TestPostgres = await startTestPostgres();
if (!server.available) console.warn(`multi-process test skipped: PostgreSQL unavailable (${server.reason})`);

interface Serve {
  child: ChildProcess;
  base: string;
}

/** Starts `exoatlas serve` on the database and a free port; resolves with its address once it listens. */
function serve(url: string): Promise<Serve> {
  const child = spawn(process.execPath, [cliBin, 'serve', '--database-url', url, '--port', '0'], { env: { ...process.env, DATABASE_URL: '', EXOATLAS_DB: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /serving http:\/\/localhost:(\d+)\//.exec(out);
      if (m) resolve({ child, base: `http://127.0.0.1:${m[1]}` });
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`exoatlas serve exited with ${code}: ${err}`)));
  });
}

let a: Serve;
let b: Serve;
let db: pg.Client;
let token = '';

async function call(s: Serve, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await fetch(s.base + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text, headers: res.headers };
}

beforeAll(async () => {
  if (!server.available) return;
  const url = await server.newDatabase();
  // One after the other only so that the atlas is built once; a second concurrent builder would wait on the lock anyway.
  a = await serve(url);
  b = await serve(url);
  db = new pg.Client({ connectionString: url });
  await db.connect();
}, 120_000);

afterAll(async () => {
  for (const s of [a, b]) s?.child.kill('SIGTERM');
  await db?.end();
  if (server.available) await server.stop();
});

describe.skipIf(!server.available)('issue 16 part 6: two server processes on one PostgreSQL', () => {
  const P = '/api/reviews/dual';

  it('a decision made through one process is in the other\'s next record, progress and PRISMA at once; its stale version is refused there with 409', async () => {
    expect((await call(a, 'POST', '/api/reviews/users', { username: 'alice', password: PASSWORD })).status).toBe(201);
    token = (await call(a, 'POST', '/api/reviews/auth/login', { username: 'alice', password: PASSWORD })).body.token;
    expect(token).toBeTruthy();
    expect((await call(a, 'POST', '/api/reviews', { id: 'dual', name: 'Dual', question: 'Do iMSC exosomes speed wound healing?', mode: 'dual' })).status).toBe(201);
    expect((await call(a, 'POST', '/api/reviews/users', { username: 'bob', password: PASSWORD })).status).toBe(201);
    expect((await call(a, 'POST', `${P}/members`, { username: 'bob', role: 'reviewer' })).status).toBe(200);
    const alice = token;
    const bob = (await call(b, 'POST', '/api/reviews/auth/login', { username: 'bob', password: PASSWORD })).body.token as string;
    const imported = await call(a, 'POST', `${P}/searches`, { files: [{ name: 'wound.ris', content: readFileSync(RIS_FILE, 'utf8') }], database: 'PubMed', date: '2026-01-15', query: 'q' });
    expect(imported.status).toBe(201);
    expect(imported.body.added).toBe(6);

    // B reads first, so that any cache of its own (rankers, states) is warm before A writes.
    const before = await call(b, 'GET', `${P}/next`);
    const prismaBefore = (await call(b, 'GET', `${P}/prisma`)).body;
    const record = before.body.record.id as number;
    expect((await call(b, 'GET', P)).body.progress['title-abstract'].mine.decided).toBe(0);

    const decided = await call(a, 'POST', `${P}/records/${record}/decisions`, { stage: 'title-abstract', decision: 'exclude', reason: 'Wrong population or model', expectedVersion: 0 });
    expect(decided.status, JSON.stringify(decided.body)).toBe(201);

    const next = await call(b, 'GET', `${P}/next`);
    expect(next.body.record.id).not.toBe(record);
    const progress = (await call(b, 'GET', P)).body.progress['title-abstract'];
    expect(progress.mine).toEqual({ decided: 1, remaining: 5 });
    expect(progress.partial).toBe(1);
    // The second reviewer's exclusion (through A) settles the record: B's PRISMA counts it excluded at screening.
    expect((await call(b, 'GET', `${P}/prisma`)).body).toEqual(prismaBefore);
    token = bob;
    expect((await call(a, 'POST', `${P}/records/${record}/decisions`, { stage: 'title-abstract', decision: 'exclude', reason: 'Wrong population or model', expectedVersion: 0 })).status).toBe(201);
    token = alice;
    const prisma = (await call(b, 'GET', `${P}/prisma`)).body;
    expect(prisma).not.toEqual(prismaBefore);
    expect(prisma).toMatchObject({ excludedAtScreening: 1 });
    expect((await call(b, 'GET', P)).body.progress['title-abstract']).toMatchObject({ excluded: 1, partial: 0 });
    expect((await call(b, 'GET', `${P}/records/${record}`)).body.stages['title-abstract'].mine).toMatchObject({ decision: 'exclude', version: 1 });

    const stale = await call(b, 'POST', `${P}/records/${record}/decisions`, { stage: 'title-abstract', decision: 'include', expectedVersion: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('EXO_ERR_REVIEW_STALE_DECISION');
  });

  it('a synthesis published through one process appears in the other\'s /api/studies', async () => {
    const W = '/api/reviews/wound';
    expect((await call(a, 'POST', '/api/reviews', { id: 'wound', name: 'Wound', question: 'Q', mode: 'single' })).status).toBe(201);
    await call(a, 'POST', `${W}/searches`, { files: [{ name: 'wound.ris', content: readFileSync(RIS_FILE, 'utf8') }], database: 'PubMed', date: '2026-01-15', query: 'q' });
    const items = (await call(a, 'GET', `${W}/records?limit=100`)).body.items as { id: number; doi?: string }[];
    const recordOf: Record<string, number> = {};
    for (const r of items) {
      for (const stage of ['title-abstract', 'full-text']) expect((await call(a, 'POST', `${W}/records/${r.id}/decisions`, { stage, decision: 'include', expectedVersion: 0 })).status).toBe(201);
      recordOf[r.doi!.replace(/^10\.5555\/fixture\./, '')] = r.id;
    }
    for (const s of rawFixture().studies) {
      for (const [kind, data] of [['extraction', s.form], ['rob', s.rob], ['misev', s.misev]] as const) {
        const put = await call(a, 'PUT', `${W}/records/${recordOf[s.studyId]}/forms/${kind}`, { data, expectedVersion: 0 });
        expect(put.status, JSON.stringify(put.body)).toBe(200);
      }
    }
    const synthesis = await call(a, 'POST', `${W}/synthesis`, { outcome: 'wound-closure', save: true });
    expect(synthesis.status).toBe(201);
    // B's atlas view is built (and would be kept) before the publication.
    const fromProject = async (s: Serve) => ((await call(s, 'GET', '/api/studies?limit=500')).body.items as { origin: { kind: string } }[]).filter((x) => x.origin.kind === 'project').length;
    expect(await fromProject(b)).toBe(0);
    expect((await call(a, 'POST', `${W}/syntheses/${synthesis.body.id}/publish`, {})).status).toBe(200);
    expect(await fromProject(b)).toBe(6);
    expect(await fromProject(a)).toBe(6);
  });

  it('an import queued through one process is run once in the cluster, and its state is readable from either', async () => {
    const ris = readFileSync(join(repoRoot, 'packages/literature/test/fixtures/embase-bom-crlf.ris'));
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const queued = await call(b, 'POST', `/api/imports?fileName=queued-${i}.ris&database=Embase&async=true`, ris.toString('utf8'), { 'content-type': 'application/x-research-info-systems' });
      expect(queued.status, JSON.stringify(queued.body)).toBe(202);
      expect(queued.headers.get('location')).toBe(`/api/imports/jobs/${queued.body.id}`);
      ids.push(queued.body.id);
    }
    for (const [i, id] of ids.entries()) {
      let job: { state: string; import?: { fileName: string; recordCount: number } } = { state: 'created' };
      for (let t = 0; t < 200 && job.state !== 'completed' && job.state !== 'failed'; t++) {
        await new Promise((r) => setTimeout(r, 100));
        job = (await call(t % 2 === 0 ? a : b, 'GET', `/api/imports/jobs/${id}`)).body;
      }
      expect(job).toMatchObject({ state: 'completed', import: { fileName: `queued-${i}.ris`, recordCount: 2 } });
    }
    // Give a second worker every chance to run a job again before counting.
    await new Promise((r) => setTimeout(r, 1500));
    const rows = await db.query<{ file_name: string; n: number }>("SELECT file_name, count(*)::int AS n FROM imports WHERE file_name LIKE 'queued-%' GROUP BY file_name ORDER BY file_name");
    expect(rows.rows).toEqual([0, 1, 2, 3].map((i) => ({ file_name: `queued-${i}.ris`, n: 1 })));
    expect((await call(a, 'GET', '/api/imports/jobs/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
