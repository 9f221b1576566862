import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readCitations } from '@exoatlas/literature';
import { AUTOMATION_REASON } from '@exoatlas/review';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/helpers/app.js';
import { repoRoot } from '../../../test/helpers/paths.js';
import { skipped, testBackends } from '../../../test/helpers/backends.js';

describe.each(await testBackends())('on $name', (backend) => {
  if (skipped(backend)) return;

  let ctx: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    ctx = await testApp({ backend: backend.name });
  });
  afterAll(() => ctx.close());

  const fixture = (name: string) => readFileSync(join(repoRoot, 'packages/literature/test/fixtures', name), 'utf8');

  interface Res {
    status: number;
    body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
    headers: Record<string, unknown>;
  }

  async function call(method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, options: { token?: string; cookie?: string; body?: unknown } = {}): Promise<Res> {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.cookie) headers.cookie = options.cookie;
    const res = await ctx.app.inject({ method, url, headers, ...(options.body !== undefined ? { payload: options.body as object } : {}) });
    const type = String(res.headers['content-type'] ?? '');
    return { status: res.statusCode, body: type.includes('json') ? res.json() : res.body, headers: res.headers };
  }

  const tokens: Record<string, string> = {};
  const P = '/api/reviews/imsc-wounds';

  async function login(username: string, password = `${username}-password`): Promise<string> {
    const res = await call('POST', '/api/reviews/auth/login', { body: { username, password } });
    expect(res.status).toBe(200);
    return res.body.token as string;
  }

  describe('accounts and sessions', () => {
    it('the first account needs no sign-in and is an admin; after that only admins create accounts', async () => {
      const first = await call('POST', '/api/reviews/users', { body: { username: 'olivia', password: 'olivia-password', displayName: 'Olivia Owner' } });
      expect(first.status).toBe(201);
      expect(first.body.user).toMatchObject({ username: 'olivia', isAdmin: true });
      expect(first.body.user).not.toHaveProperty('passwordHash');
      const anonymous = await call('POST', '/api/reviews/users', { body: { username: 'eve', password: 'eve-password' } });
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error.code).toBe('EXO_ERR_AUTH_REQUIRED');
      tokens.olivia = await login('olivia');
      for (const name of ['alice', 'bob', 'carol', 'vera', 'mallory']) {
        const res = await call('POST', '/api/reviews/users', { token: tokens.olivia, body: { username: name, password: `${name}-password` } });
        expect(res.status).toBe(201);
        tokens[name] = await login(name);
      }
      const notAdmin = await call('POST', '/api/reviews/users', { token: tokens.alice, body: { username: 'eve', password: 'eve-password' } });
      expect(notAdmin.status).toBe(403);
      expect((await call('POST', '/api/reviews/users', { token: tokens.olivia, body: { username: 'alice', password: 'another-password' } })).body.error.code).toBe('EXO_ERR_AUTH_USER_EXISTS');
      expect((await call('POST', '/api/reviews/users', { token: tokens.olivia, body: { username: 'shorty', password: 'short' } })).body.error.code).toBe('EXO_ERR_AUTH_WEAK_PASSWORD');
    });

    it('login sets an HttpOnly SameSite=Strict cookie (issue 17: CSRF); the cookie or a Bearer token authenticates; wrong passwords do not', async () => {
      const wrong = await call('POST', '/api/reviews/auth/login', { body: { username: 'alice', password: 'not-her-password' } });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.code).toBe('EXO_ERR_AUTH_INVALID_CREDENTIALS');
      expect((await call('POST', '/api/reviews/auth/login', { body: { username: 'nobody', password: 'whatever-pass' } })).status).toBe(401);
      const ok = await call('POST', '/api/reviews/auth/login', { body: { username: 'alice', password: 'alice-password' } });
      const cookie = String(ok.headers['set-cookie']);
      expect(cookie).toMatch(/^exoatlas_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+/);
      expect((await call('GET', '/api/reviews/auth/me', { cookie: cookie.split(';')[0] })).body.user.username).toBe('alice');
      expect((await call('GET', '/api/reviews/auth/me', { token: ok.body.token })).body.user.username).toBe('alice');
      expect((await call('GET', '/api/reviews/auth/me', { token: 'forged-token' })).status).toBe(401);
      expect((await call('POST', '/api/reviews/auth/logout', { token: ok.body.token })).status).toBe(204);
      expect((await call('GET', '/api/reviews/auth/me', { token: ok.body.token })).status).toBe(401);
    });

    it('every review route needs a session', async () => {
      expect((await call('GET', '/api/reviews')).status).toBe(401);
      expect((await call('POST', '/api/reviews', { body: { name: 'x' } })).status).toBe(401);
      expect((await call('GET', `${P}/next`)).status).toBe(401);
    });
  });

  describe('projects, members and imports', () => {
    it('creates a dual-screening project whose creator is its owner, and adds members with roles', async () => {
      const created = await call('POST', '/api/reviews', {
        token: tokens.olivia,
        body: { id: 'imsc-wounds', name: 'iMSC exosomes in wound healing', question: 'Do iMSC exosomes speed wound healing in animal models?', mode: 'dual', criteria: { population: 'Animal wound models', intervention: 'iMSC-derived exosomes' } },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ id: 'imsc-wounds', mode: 'dual', criteria: { population: 'Animal wound models' } });
      // issue 17: a taken id gets a random suffix (no 409 oracle); the first project keeps its id and content.
      const again = await call('POST', '/api/reviews', { token: tokens.olivia, body: { id: 'imsc-wounds', name: 'again' } });
      expect(again.status).toBe(201);
      expect(again.body.id).toMatch(/^imsc-wounds-[a-z0-9]+$/);
      for (const [username, role] of [['alice', 'reviewer'], ['bob', 'reviewer'], ['carol', 'reviewer'], ['vera', 'viewer']]) {
        expect((await call('POST', `${P}/members`, { token: tokens.olivia, body: { username, role } })).status).toBe(200);
      }
      expect((await call('POST', `${P}/members`, { token: tokens.alice, body: { username: 'mallory', role: 'owner' } })).status).toBe(403);
      expect((await call('POST', '/api/reviews', { token: tokens.mallory, body: { id: 'other-review', name: 'Another review' } })).status).toBe(201);
    });

    it('reviewers of one project cannot see another: 404, not 403', async () => {
      const res = await call('GET', P, { token: tokens.mallory });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('EXO_ERR_REVIEW_NOT_FOUND_PROJECT');
      expect((await call('GET', '/api/reviews', { token: tokens.mallory })).body.items.map((p: { id: string }) => p.id)).toEqual(['other-review']);
      expect((await call('GET', '/api/reviews/other-review', { token: tokens.alice })).status).toBe(404);
    });

    it('imports searches with provenance, de-duplicated across files', async () => {
      const res = await call('POST', `${P}/searches`, {
        token: tokens.olivia,
        body: { database: 'Embase', date: '2026-11-01', query: 'exosome* AND wound*', files: [{ name: 'duplicates-embase.ris', content: fixture('duplicates-embase.ris') }, { name: 'duplicates-pubmed.nbib', content: fixture('duplicates-pubmed.nbib') }] },
      });
      expect(res.status).toBe(201);
      expect(res.body.identified).toBe(8);
      expect(res.body.added + res.body.duplicates).toBe(8);
      expect(res.body.duplicates).toBeGreaterThan(0);
      expect(res.body.searches[0]).toMatchObject({ database: 'Embase', date: '2026-11-01', query: 'exosome* AND wound*', fileName: 'duplicates-embase.ris', format: 'ris' });
      // Importing the same file again adds nothing new: every record is a duplicate of one already there.
      const again = await call('POST', `${P}/searches`, { token: tokens.olivia, body: { database: 'PubMed', date: '2026-11-02', files: [{ name: 'again.nbib', content: fixture('duplicates-pubmed.nbib') }] } });
      expect(again.body).toMatchObject({ identified: 3, added: 0, duplicates: 3 });
    });

    it('an import that fails half-way leaves the project as it was', async () => {
      const before = await call('GET', P, { token: tokens.olivia });
      const res = await call('POST', `${P}/searches`, {
        token: tokens.olivia,
        body: { database: 'Scopus', date: '2026-11-03', files: [{ name: 'good.ris', content: 'TY  - JOUR\nTI  - A perfectly good record about exosomes\nER  - \n' }, { name: 'truncated.ris', content: fixture('truncated.ris') }] },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('EXO_ERR_LIT_TRUNCATED');
      const after = await call('GET', P, { token: tokens.olivia });
      expect(after.body.searches).toEqual(before.body.searches);
      expect(after.body.progress).toEqual(before.body.progress);
    });

    it('refuses imports from viewers and reviewers (owners only), and bad provenance', async () => {
      const body = { database: 'Embase', date: '2026-11-01', files: [{ name: 'x.ris', content: fixture('duplicates-embase.ris') }] };
      expect((await call('POST', `${P}/searches`, { token: tokens.vera, body })).status).toBe(403);
      expect((await call('POST', `${P}/searches`, { token: tokens.alice, body })).status).toBe(403);
      expect((await call('POST', `${P}/searches`, { token: tokens.mallory, body })).status).toBe(404);
      const badDate = await call('POST', `${P}/searches`, { token: tokens.olivia, body: { ...body, date: '1 Nov 2026' } });
      expect(badDate.status).toBe(400);
      expect(badDate.body.error.context.field).toBe('date');
    });
  });

  describe('screening', () => {
    let recordIds: number[] = [];
    let foreignRecord = 0;
    beforeAll(async () => {
      recordIds = (await call('GET', `${P}/records?limit=500`, { token: tokens.olivia })).body.items.map((r: { id: number }) => r.id);
      await call('POST', '/api/reviews/other-review/searches', { token: tokens.mallory, body: { database: 'PubMed', date: '2026-10-01', files: [{ name: 'p.nbib', content: fixture('pubmed-two-records.nbib') }] } });
      foreignRecord = (await call('GET', '/api/reviews/other-review/records', { token: tokens.mallory })).body.items[0].id;
    });

    it('serves the next record with its relevance score and the eligibility criteria', async () => {
      const next = await call('GET', `${P}/next`, { token: tokens.alice });
      expect(next.status).toBe(200);
      expect(next.body.record.id).toBeTypeOf('number');
      expect(next.body.record.score).toBeGreaterThanOrEqual(0);
      expect(next.body.criteria.population).toBe('Animal wound models');
      expect(next.body.exclusionReasons.length).toBeGreaterThan(0);
      expect(next.body.progress.mine.remaining).toBe(recordIds.length);
      // Before an include and an exclude the question ranks the records, and the response says so.
      expect(next.body.ranking).toMatchObject({ basis: 'query', description: expect.stringMatching(/question and criteria/) });
      // The stopping guidance has the fields its OpenAPI schema lists, and no others.
      const schema = (await call('GET', '/api/openapi.json')).body.components.schemas.ReviewStoppingGuidance;
      expect(next.body.stopping).toMatchObject({ screened: 0, remaining: recordIds.length, included: 0, sinceLastInclude: 0, note: expect.stringMatching(/too early/) });
      for (const field of schema.required) expect(next.body.stopping).toHaveProperty([field]);
      for (const field of Object.keys(next.body.stopping)) expect(schema.properties).toHaveProperty([field]);
    });

    it('records a decision, refuses a stale form with 409, and accepts the change with the current version', async () => {
      const id = recordIds[0]!;
      const first = await call('POST', `${P}/records/${id}/decisions`, { token: tokens.alice, body: { decision: 'include', expectedVersion: 0 } });
      expect(first.status).toBe(201);
      expect(first.body.decision).toMatchObject({ decision: 'include', version: 1, reviewer: 'alice' });
      const stale = await call('POST', `${P}/records/${id}/decisions`, { token: tokens.alice, body: { decision: 'exclude', reason: 'Wrong outcome', expectedVersion: 0 } });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('EXO_ERR_REVIEW_STALE_DECISION');
      expect(stale.body.error.context.currentVersion).toBe(1);
      const changed = await call('POST', `${P}/records/${id}/decisions`, { token: tokens.alice, body: { decision: 'exclude', reason: 'Wrong outcome', expectedVersion: 1 } });
      expect(changed.status).toBe(201);
      expect(changed.body.decision.version).toBe(2);
      // One exclude and no include yet: still the question ranks the records.
      expect((await call('GET', `${P}/next`, { token: tokens.alice })).body.ranking.basis).toBe('query');
      const audit = await call('GET', `${P}/audit?record=${id}`, { token: tokens.alice });
      expect(audit.body.items[0]).toMatchObject({ action: 'decision', username: 'alice', before: { decision: 'include', version: 1 }, after: { decision: 'exclude', reason: 'Wrong outcome', version: 2 } });
      const title = (await call('GET', `${P}/records/${id}`, { token: tokens.alice })).body.title as string;
      expect(audit.body.items[0].recordTitle).toBe(title);
      // filters by user and stage, combined; total counts the matches, so the web page can page them
      const byAlice = await call('GET', `${P}/audit?user=alice&stage=title-abstract&limit=1`, { token: tokens.alice });
      expect(byAlice.status).toBe(200);
      expect(byAlice.body.total).toBe(2);
      expect(byAlice.body.items).toHaveLength(1);
      expect(byAlice.body.items[0]).toMatchObject({ username: 'alice', stage: 'title-abstract', after: { version: 2 } });
      expect((await call('GET', `${P}/audit?user=alice&stage=title-abstract&limit=1&offset=1`, { token: tokens.alice })).body.items[0]).toMatchObject({ after: { version: 1 } });
      expect((await call('GET', `${P}/audit?user=alice&stage=full-text`, { token: tokens.olivia })).body.total).toBe(0);
      expect((await call('GET', `${P}/audit?user=olivia`, { token: tokens.olivia })).body.items.every((e: { username: string }) => e.username === 'olivia')).toBe(true);
      expect((await call('GET', `${P}/audit?stage=abstract`, { token: tokens.olivia })).status).toBe(400);
    });

    it('blinds: a reviewer does not see the other decision until both have decided', async () => {
      const id = recordIds[0]!;
      const bobView = await call('GET', `${P}/records/${id}`, { token: tokens.bob });
      expect(bobView.body.stages['title-abstract']).toMatchObject({ status: 'partial', decidedBy: 1, isBlinded: true, decisions: [] });
      const bobAudit = await call('GET', `${P}/audit?record=${id}`, { token: tokens.bob });
      expect(JSON.stringify(bobAudit.body.items)).not.toContain('Wrong outcome');
      // nor in the screening log, whose row for the record shows no decision yet
      const bobLog = (await call('GET', `${P}/screening-log.csv`, { token: tokens.bob })).body as string;
      expect(bobLog).not.toContain('Wrong outcome');
      expect(bobLog).not.toContain('alice: exclude');
      await call('POST', `${P}/records/${id}/decisions`, { token: tokens.bob, body: { decision: 'include', expectedVersion: 0 } });
      const after = await call('GET', `${P}/records/${id}`, { token: tokens.bob });
      expect(after.body.stages['title-abstract']).toMatchObject({ status: 'conflict', isBlinded: false });
      expect(after.body.stages['title-abstract'].decisions.map((d: { reviewer: string }) => d.reviewer).sort()).toEqual(['alice', 'bob']);
    });

    it('viewers, strangers and records outside the project: 403 / 404, nothing written', async () => {
      const id = recordIds[1]!;
      const auditBefore = (await call('GET', `${P}/audit`, { token: tokens.olivia })).body.total;
      const viewer = await call('POST', `${P}/records/${id}/decisions`, { token: tokens.vera, body: { decision: 'include', expectedVersion: 0 } });
      expect(viewer.status).toBe(403);
      expect(viewer.body.error.code).toBe('EXO_ERR_AUTH_FORBIDDEN');
      const stranger = await call('POST', `${P}/records/${id}/decisions`, { token: tokens.mallory, body: { decision: 'include', expectedVersion: 0 } });
      expect(stranger.status).toBe(404);
      const outside = await call('POST', `${P}/records/${foreignRecord}/decisions`, { token: tokens.alice, body: { decision: 'include', expectedVersion: 0 } });
      expect(outside.status).toBe(404);
      expect(outside.body.error.code).toBe('EXO_ERR_REVIEW_NOT_FOUND_RECORD');
      expect((await call('POST', `${P}/records/abc/decisions`, { token: tokens.alice, body: { decision: 'include', expectedVersion: 0 } })).status).toBe(404);
      const anonymous = await call('POST', `${P}/records/${id}/decisions`, { body: { decision: 'include', expectedVersion: 0 } });
      expect(anonymous.status).toBe(401);
      const bad = await call('POST', `${P}/records/${id}/decisions`, { token: tokens.alice, body: { decision: 'exclude', reason: 'I do not like it', expectedVersion: 0 } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('EXO_ERR_REVIEW_INVALID_INPUT');
      const fullText = await call('POST', `${P}/records/${id}/decisions`, { token: tokens.alice, body: { stage: 'full-text', decision: 'include', expectedVersion: 0 } });
      expect(fullText.status).toBe(409);
      expect(fullText.body.error.code).toBe('EXO_ERR_REVIEW_NOT_ELIGIBLE');
      expect((await call('GET', `${P}/audit`, { token: tokens.olivia })).body.total).toBe(auditBefore);
      expect((await call('GET', `${P}/records/${id}`, { token: tokens.olivia })).body.stages['title-abstract'].decidedBy).toBe(0);
    });

    it('two reviewers deciding the same record at the same moment: both recorded, no lost update', async () => {
      const id = recordIds[2]!;
      const [a, b] = await Promise.all([
        call('POST', `${P}/records/${id}/decisions`, { token: tokens.alice, body: { decision: 'include', expectedVersion: 0 } }),
        call('POST', `${P}/records/${id}/decisions`, { token: tokens.bob, body: { decision: 'include', expectedVersion: 0 } }),
      ]);
      expect([a.status, b.status]).toEqual([201, 201]);
      const view = await call('GET', `${P}/records/${id}`, { token: tokens.olivia });
      expect(view.body.stages['title-abstract']).toMatchObject({ status: 'included', decidedBy: 2 });
      // The same reviewer in two tabs with the same stale version: exactly one wins.
      const [c, d] = await Promise.all([
        call('POST', `${P}/records/${id}/decisions`, { token: tokens.alice, body: { decision: 'exclude', reason: 'Wrong outcome', expectedVersion: 1 } }),
        call('POST', `${P}/records/${id}/decisions`, { token: tokens.alice, body: { decision: 'maybe', expectedVersion: 1 } }),
      ]);
      expect([c.status, d.status].sort()).toEqual([201, 409]);
    });

    it('lists conflicts and records their resolution by a third reviewer', async () => {
      const id = recordIds[0]!;
      const conflicts = await call('GET', `${P}/conflicts`, { token: tokens.carol });
      const entry = conflicts.body.items.find((c: { recordId: number }) => c.recordId === id);
      expect(entry.kind).toBe('disagreement');
      expect(entry.decisions.map((d: { decision: string }) => d.decision).sort()).toEqual(['exclude', 'include']);
      const ownConflict = await call('POST', `${P}/records/${id}/resolution`, { token: tokens.alice, body: { decision: 'include', method: 'third-reviewer' } });
      expect(ownConflict.status).toBe(400);
      expect((await call('POST', `${P}/records/${id}/resolution`, { token: tokens.vera, body: { decision: 'include' } })).status).toBe(403);
      const resolved = await call('POST', `${P}/records/${id}/resolution`, { token: tokens.carol, body: { decision: 'include', method: 'third-reviewer', note: 'Wound model in mice' } });
      expect(resolved.status).toBe(201);
      expect(resolved.body).toMatchObject({ decision: 'include', method: 'third-reviewer', resolver: 'carol' });
      expect((await call('GET', `${P}/records/${id}`, { token: tokens.alice })).body.stages['title-abstract']).toMatchObject({ status: 'included', resolution: { resolver: 'carol' } });
      expect((await call('POST', `${P}/records/${id}/resolution`, { token: tokens.carol, body: { decision: 'exclude' } })).status).toBe(409);
    });

    it('runs to the end: agreement statistics and a PRISMA diagram whose numbers add up', async () => {
      // Alice and Bob screen everything left; they disagree on one record, which Carol resolves.
      for (const [k, id] of recordIds.entries()) {
        for (const who of ['alice', 'bob']) {
          const view = await call('GET', `${P}/records/${id}`, { token: tokens[who] });
          if (view.body.stages['title-abstract'].mine) continue;
          const decision = k % 2 === 0 || (who === 'bob' && k === 3) ? 'include' : 'exclude';
          const res = await call('POST', `${P}/records/${id}/decisions`, { token: tokens[who], body: decision === 'include' ? { decision, expectedVersion: 0 } : { decision, reason: 'Wrong population or model', expectedVersion: 0 } });
          expect(res.status).toBe(201);
        }
      }
      for (const c of (await call('GET', `${P}/conflicts`, { token: tokens.carol })).body.items) {
        expect((await call('POST', `${P}/records/${c.recordId}/resolution`, { token: tokens.carol, body: { decision: 'exclude', reason: 'Wrong outcome', method: 'third-reviewer' } })).status).toBe(201);
      }
      const done = (await call('GET', `${P}/next`, { token: tokens.alice })).body;
      expect(done.record).toBeNull();
      // With includes and excludes decided, the model ranks, and the response names it and its weighting.
      expect(done.ranking).toMatchObject({ basis: 'model', description: "ASReview 2's default model (ELAS u4) on stemmed words: linear SVM on TF-IDF word and word-pair features (C = 0.11), includes carry 91% of the training weight" });
      // Full text: one report not retrieved, the others included or excluded with a reason.
      const included = (await call('GET', `${P}/records?stage=full-text`, { token: tokens.olivia })).body.items.map((r: { id: number }) => r.id);
      expect(included.length).toBeGreaterThan(1);
      expect((await call('PUT', `${P}/records/${included[0]}/retrieval`, { token: tokens.alice, body: { isNotRetrieved: true } })).status).toBe(200);
      for (const [k, id] of included.slice(1).entries()) {
        for (const who of ['alice', 'bob']) {
          const body = k === 0 ? { stage: 'full-text', decision: 'exclude', reason: 'Data not extractable', expectedVersion: 0 } : { stage: 'full-text', decision: 'include', expectedVersion: 0 };
          expect((await call('POST', `${P}/records/${id}/decisions`, { token: tokens[who], body })).status).toBe(201);
        }
      }
      const agreement = await call('GET', `${P}/agreement?stage=title-abstract`, { token: tokens.vera });
      expect(agreement.status).toBe(200);
      expect(agreement.body.items[0].records).toBe(recordIds.length);
      expect(agreement.body.items[0].kappa).toBeLessThan(1);
      // per reviewer pair: alice and bob decided every record; their cross-table adds up to the records
      const pair = agreement.body.items[0].pairs.find((p: { reviewers: string[] }) => p.reviewers.join() === 'alice,bob');
      expect(pair.records).toBe(recordIds.length);
      const cells = Object.values(pair.table as Record<string, Record<string, number>>).flatMap((row) => Object.values(row));
      expect(cells.reduce((a, b) => a + b, 0)).toBe(recordIds.length);
      expect(pair.kappa).toBeCloseTo(agreement.body.items[0].kappa, 12);
      expect(pair.kappaIncludeExclude).toBeDefined();
      // κ's 95% interval brackets it and is the pooled one for the only pair
      const [lower, upper] = agreement.body.items[0].kappaCi as [number, number];
      expect(lower).toBeLessThan(agreement.body.items[0].kappa);
      expect(upper).toBeGreaterThan(agreement.body.items[0].kappa);
      expect(pair.kappaCi).toEqual(agreement.body.items[0].kappaCi);
      const doc = (await call('GET', '/api/openapi.json')).body;
      const itemSchema = doc.paths['/api/reviews/{project}/agreement'].get.responses['200'].content['application/json'].schema.properties.items.items;
      const validate = new Ajv2020({ strict: false, allErrors: true }).compile({ ...itemSchema, components: doc.components });
      for (const item of agreement.body.items) expect(validate(item), JSON.stringify(validate.errors)).toBe(true);

      const prisma = (await call('GET', `${P}/prisma`, { token: tokens.vera })).body;
      expect(prisma.identified).toBe(11);
      expect(prisma.screened).toBe(recordIds.length);
      expect(prisma.identified - prisma.duplicatesRemoved).toBe(prisma.screened);
      expect(prisma.excludedAtScreening + prisma.soughtForRetrieval + prisma.awaitingScreening).toBe(prisma.screened);
      expect(prisma.awaitingScreening).toBe(0);
      expect(prisma.excludedAtScreeningReasons.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBe(prisma.excludedAtScreening);
      expect(prisma.notRetrieved).toBe(1);
      expect(prisma.notRetrieved + prisma.assessedForEligibility).toBe(prisma.soughtForRetrieval);
      expect(prisma.excludedAtFullText + prisma.included + prisma.awaitingAssessment).toBe(prisma.assessedForEligibility);
      expect(prisma.excludedAtFullTextReasons).toEqual([{ reason: 'Data not extractable', count: 1 }]);
      expect(prisma.included).toBe(included.length - 2);
      expect(prisma.identifiedBySource).toEqual([
        { source: 'Embase', count: 8 },
        { source: 'PubMed', count: 3 },
      ]);

      // Exports: the included studies for a reference manager (none here: one report was not retrieved, the other
      // excluded at full text, so the default export is an empty file), any other outcome on request, the screening log.
      const ris = await call('GET', `${P}/export`, { token: tokens.vera });
      expect(ris.status).toBe(200);
      expect(ris.headers['content-type']).toMatch(/^application\/x-research-info-systems/);
      expect(ris.headers['content-disposition']).toBe('attachment; filename="imsc-wounds-full-text-included.ris"');
      expect(prisma.included).toBe(0);
      expect(ris.body).toBe('');
      const sought = await call('GET', `${P}/export?stage=title-abstract&status=included`, { token: tokens.vera });
      const exported = (await readCitations(sought.body as string, { format: 'ris' })).records.map((r) => r.title).sort();
      const soughtTitles = (await call('GET', `${P}/records?stage=title-abstract&status=included`, { token: tokens.olivia })).body.items.map((r: { title: string }) => r.title).sort();
      expect(exported).toEqual(soughtTitles);
      expect(exported).toHaveLength(prisma.soughtForRetrieval);
      const excluded = await call('GET', `${P}/export?format=csv&stage=title-abstract&status=excluded`, { token: tokens.vera });
      expect(excluded.headers['content-disposition']).toBe('attachment; filename="imsc-wounds-title-abstract-excluded.csv"');
      expect((await readCitations(excluded.body as string, { format: 'csv' })).records).toHaveLength(prisma.excludedAtScreening);
      expect((await call('GET', `${P}/export?format=endnote`, { token: tokens.vera })).status).toBe(400);
      expect((await call('GET', `${P}/export`, { token: tokens.mallory })).status).toBe(404);
      const log = await call('GET', `${P}/screening-log.csv`, { token: tokens.vera });
      expect(log.headers['content-type']).toMatch(/^text\/csv/);
      const lines = (log.body as string).trimEnd().split('\r\n');
      expect(lines[0]).toBe('record_id,title,authors,year,journal,doi,pmid,databases,title_abstract_status,title_abstract_reason,title_abstract_decisions,title_abstract_resolution,full_text_sought,full_text_retrieved,full_text_status,full_text_reason,full_text_decisions,full_text_resolution');
      expect(lines).toHaveLength(recordIds.length + 1);
      // the conflicts Carol resolved, each with its resolution (and the decisions it settled)
      const carolResolutions = (await call('GET', `${P}/audit?user=carol&limit=500`, { token: tokens.olivia })).body.items.filter((e: { action: string; stage?: string }) => e.action === 'resolution' && e.stage === 'title-abstract').length;
      expect(carolResolutions).toBeGreaterThan(1);
      expect(lines.filter((l) => l.includes('by carol, third-reviewer'))).toHaveLength(carolResolutions);
      expect(lines.filter((l) => l.includes('excluded,Wrong outcome,alice: exclude (Wrong population or model); bob: include,"exclude (Wrong outcome) by carol, third-reviewer",no,,,,,'))).toHaveLength(1);
      expect(lines.filter((l) => /,yes,no,,,,$/.test(l))).toHaveLength(prisma.notRetrieved);
      expect(lines.filter((l) => /,yes,yes,included,/.test(l))).toHaveLength(prisma.included);

      const svg = await call('GET', `${P}/prisma.svg`, { token: tokens.vera });
      expect(svg.headers['content-type']).toMatch(/image\/svg\+xml/);
      expect(svg.body).toContain(`Records screened (n = ${prisma.screened})`);
      expect((await call('GET', `${P}/prisma.svg?standalone=true`, { token: tokens.vera })).body).toMatch(/^<\?xml/);
      const csv = await call('GET', `${P}/prisma.csv`, { token: tokens.vera });
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      expect(csv.body).toMatch(new RegExp(`^records_screened,.*,${prisma.screened}$`, 'm'));
    });
  });

  describe('stopping guidance', () => {
    it('after 20 decisions and an include it estimates recall, in the shape of its OpenAPI schema', async () => {
      const S = '/api/reviews/stopping-check';
      expect((await call('POST', '/api/reviews', { token: tokens.olivia, body: { id: 'stopping-check', name: 'Stopping check', question: 'Which exosome isolation methods preserve function?' } })).status).toBe(201);
      // The atlas's own reference list (the review's 100-odd references) as a RIS search export.
      const ris = (await call('GET', '/api/references?format=ris')).body as string;
      const imported = await call('POST', `${S}/searches`, { token: tokens.olivia, body: { database: 'Review references', date: '2026-11-27', files: [{ name: 'references.ris', content: ris }] } });
      expect(imported.status).toBe(201);
      const total = (await call('GET', S, { token: tokens.olivia })).body.progress['title-abstract'].unscreened as number;
      expect(total).toBeGreaterThan(50);
      // Screen 25 in ranked order: the first three included, the rest excluded.
      for (let k = 0; k < 25; k++) {
        const next = (await call('GET', `${S}/next`, { token: tokens.olivia })).body;
        const body = k < 3 ? { decision: 'include', expectedVersion: 0 } : { decision: 'exclude', reason: 'Wrong outcome', expectedVersion: 0 };
        expect((await call('POST', `${S}/records/${next.record.id}/decisions`, { token: tokens.olivia, body })).status).toBe(201);
      }
      const { stopping } = (await call('GET', `${S}/next`, { token: tokens.olivia })).body;
      expect(stopping).toMatchObject({ screened: 25, remaining: total - 25, included: 3, sinceLastInclude: 22, note: expect.stringMatching(/cautious estimate.*not a stopping rule/) });
      expect(stopping.expectedRemainingIncludes).toBeGreaterThan(0);
      expect(stopping.estimatedRecall).toBeCloseTo(3 / (3 + stopping.expectedRemainingIncludes), 12);
      expect(stopping.estimatedRecall).toBeLessThan(1);
      const doc = (await call('GET', '/api/openapi.json')).body;
      const schema = doc.components.schemas.ReviewStoppingGuidance;
      const validate = new Ajv2020({ strict: false, allErrors: true }).compile({ ...schema, components: doc.components });
      expect(validate(stopping), JSON.stringify(validate.errors)).toBe(true);
      for (const field of Object.keys(stopping)) expect(schema.properties).toHaveProperty([field]);
      expect(doc.paths['/api/reviews/{project}/next'].get.responses['200'].content['application/json'].schema.properties.stopping.oneOf).toContainEqual({ $ref: '#/components/schemas/ReviewStoppingGuidance' });
    });

    it('the owner stops screening: the unscreened records count as excluded by automation tools in PRISMA, until screening resumes', async () => {
      const S = '/api/reviews/stopping-check';
      const total = (await call('GET', S, { token: tokens.olivia })).body.progress['title-abstract'].eligible as number;
      const curve = await call('GET', `${S}/screening/curve.svg`, { token: tokens.olivia });
      expect(curve.headers['content-type']).toMatch(/^image\/svg\+xml/);
      expect(curve.body).toContain(`Includes found as screening went on: 3 in 25 of ${total} records screened`);
      expect(curve.body).toContain('3 includes in 25 records screened · 22 since the last include');
      expect((await call('GET', `${S}/screening/curve.svg`, { token: tokens.alice })).status).toBe(404);
      expect((await call('POST', `${S}/screening/stop`, { token: tokens.alice, body: {} })).status).toBe(404);
      const stopped = await call('POST', `${S}/screening/stop`, { token: tokens.olivia, body: { note: 'Stopping rule met: 22 excludes in a row' } });
      expect(stopped.status).toBe(200);
      expect(stopped.body).toMatchObject({ excluded: total - 25, stopping: { screened: 25, included: 3, sinceLastInclude: 22, remaining: total - 25 } });
      expect((await call('POST', `${S}/screening/stop`, { token: tokens.olivia, body: {} })).body.error.code).toBe('EXO_ERR_REVIEW_NOT_ELIGIBLE');
      // nothing left to screen; the ranking no longer counts them
      expect((await call('GET', `${S}/next`, { token: tokens.olivia })).body.record).toBeNull();
      expect((await call('GET', S, { token: tokens.olivia })).body.progress['title-abstract']).toMatchObject({ excluded: total - 3, excludedByAutomation: total - 25, unscreened: 0 });
      const prisma = (await call('GET', `${S}/prisma`, { token: tokens.olivia })).body;
      expect(prisma).toMatchObject({ screened: total, awaitingScreening: 0, excludedByAutomation: total - 25, excludedAtScreening: total - 3, soughtForRetrieval: 3 });
      expect(prisma.excludedAtScreeningReasons).toContainEqual({ reason: AUTOMATION_REASON, count: total - 25 });
      expect((await call('GET', `${S}/prisma.svg`, { token: tokens.olivia })).body).toContain(`by a human (n = 22); by automation tools (n = ${total - 25})`);
      const audit = (await call('GET', `${S}/audit?limit=1`, { token: tokens.olivia })).body.items[0];
      expect(audit).toMatchObject({ action: 'screening.stop', username: 'olivia', after: { records: total - 25, note: 'Stopping rule met: 22 excludes in a row', stopping: { screened: 25, included: 3 } } });
      // A record excluded by automation can still be screened; then a human's decision counts.
      const flagged = (await call('GET', `${S}/records?status=excluded&limit=500`, { token: tokens.olivia })).body.items.filter((r: { isExcludedByAutomation: boolean }) => r.isExcludedByAutomation);
      expect(flagged).toHaveLength(total - 25);
      expect(flagged[0].stages['title-abstract']).toMatchObject({ status: 'excluded', reason: AUTOMATION_REASON, decidedBy: 0 });
      const late = await call('POST', `${S}/records/${flagged[0].id}/decisions`, { token: tokens.olivia, body: { decision: 'include', expectedVersion: 0 } });
      expect(late.body.record).toMatchObject({ isExcludedByAutomation: false, stages: { 'title-abstract': { status: 'included' } } });
      expect((await call('GET', `${S}/prisma`, { token: tokens.olivia })).body).toMatchObject({ excludedByAutomation: total - 26, soughtForRetrieval: 4 });
      // Resuming puts the others back in the queue.
      expect((await call('POST', `${S}/screening/resume`, { token: tokens.olivia, body: {} })).body).toEqual({ restored: total - 26 });
      expect((await call('GET', `${S}/prisma`, { token: tokens.olivia })).body).toMatchObject({ excludedByAutomation: 0, awaitingScreening: total - 26 });
      expect((await call('GET', `${S}/next`, { token: tokens.olivia })).body.record).not.toBeNull();
      expect((await call('POST', `${S}/screening/resume`, { token: tokens.olivia, body: {} })).status).toBe(409);
      // A stop covers the records unscreened at that moment: a search imported afterwards is screened as usual.
      const again = (await call('POST', `${S}/screening/stop`, { token: tokens.olivia })).body.excluded as number;
      expect((await call('POST', `${S}/searches`, { token: tokens.olivia, body: { database: 'PubMed', date: '2026-11-28', files: [{ name: 'later.nbib', content: fixture('pubmed-two-records.nbib') }] } })).status).toBe(201);
      expect((await call('GET', `${S}/prisma`, { token: tokens.olivia })).body).toMatchObject({ excludedByAutomation: again, awaitingScreening: 2 });
      expect((await call('GET', `${S}/next`, { token: tokens.olivia })).body.record.sources).toEqual(['PubMed']);
    });
  });

  describe('OpenAPI', () => {
    it('documents every /api route the server registers (read from the route files)', async () => {
      const doc = (await call('GET', '/api/openapi.json')).body;
      const dir = join(repoRoot, 'packages/server/src/routes');
      const registered = readdirSync(dir)
        .filter((f) => f.endsWith('-routes.ts'))
        .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/app\.(get|post|put|patch|delete)(?:<[^(]*>)?\('(\/api\/[^']+)'/g)].map((m) => [m[1]!, m[2]!.replace(/:(\w+)/g, '{$1}')] as const));
      expect(registered.length).toBeGreaterThan(40);
      const missing = registered.filter(([method, path]) => !doc.paths[path]?.[method]).map(([method, path]) => `${method.toUpperCase()} ${path}`);
      expect(missing).toEqual([]);
    });

    it('describes every review route', async () => {
      const doc = (await call('GET', '/api/openapi.json')).body;
      for (const path of ['/api/reviews', '/api/reviews/auth/login', '/api/reviews/{project}/next', '/api/reviews/{project}/records/{record}/decisions', '/api/reviews/{project}/prisma.svg', '/api/reviews/{project}/conflicts', '/api/reviews/{project}/export', '/api/reviews/{project}/screening-log.csv', '/api/reviews/{project}/screening/stop', '/api/reviews/{project}/screening/resume', '/api/reviews/{project}/screening/curve.svg']) {
        expect(doc.paths).toHaveProperty([path]);
      }
      expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'exoatlas_session' });
      expect(doc.paths['/api/reviews/{project}/agreement'].get.responses['200'].content['application/json'].schema.properties.items.items).toEqual({ $ref: '#/components/schemas/ReviewAgreement' });
      expect(doc.components.schemas.ReviewAgreement.properties.pairs.items.required).toEqual(['reviewers', 'records', 'table']);
      expect(doc.paths['/api/reviews/{project}/audit'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['project', 'record', 'user', 'stage', 'limit', 'offset']);
    });
  });
});
