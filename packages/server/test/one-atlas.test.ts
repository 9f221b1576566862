/**
 * Issue 18 items 1 and 2 — one atlas, origin first-class. A study published from a living-review project is written
 * into the store (its records and the search index), so every reader finds it: the API's study list, search, health,
 * overview, map and export; another server process on the same database; the CLI (`studies --text`, `show`,
 * `search`, `map`). Each study says where it comes from. Publishing again makes a new version, unpublishing takes the
 * studies out, a rebuild from data/ keeps them, and a dual project publishes only with consensus forms.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { Atlas } from '@exoatlas/atlas';
import { ExtractionService, ReviewService } from '@exoatlas/review';
import { Study } from '@exoatlas/schema';
import { createStores, type KyselyStores } from '@exoatlas/store';
import { buildApp } from '@exoatlas/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/helpers/app.js';
import { skipped, testBackends } from '../../../test/helpers/backends.js';
import { cliBin, dataDir } from '../../../test/helpers/paths.js';
import { PASSWORD, PROJECT_ID, RIS_FILE, buildProject, type BuiltProject } from '../../review/test/synthesis/build-project.js';
import { rawFixture } from '../../review/test/synthesis/load-fixture.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe.each(await testBackends())('issue 18 one atlas on $name', (backend) => {
  if (skipped(backend)) return;

  let ctx: Awaited<ReturnType<typeof testApp>>;
  let p: BuiltProject;
  let reviewStudies: number;
  const tokens: Record<string, string> = {};
  const fixture = rawFixture();
  const P = `/api/reviews/${PROJECT_ID}`;

  async function call(method: 'GET' | 'POST' | 'PUT', url: string, options: { as?: string; body?: unknown; app?: typeof ctx.app } = {}): Promise<{ status: number; body: Json }> {
    const headers: Record<string, string> = options.as ? { authorization: `Bearer ${tokens[options.as]}` } : {};
    const res = await (options.app ?? ctx.app).inject({ method, url, headers, ...(options.body !== undefined ? { payload: options.body as object } : {}) });
    return { status: res.statusCode, body: String(res.headers['content-type'] ?? '').includes('json') ? res.json() : res.body };
  }

  /** The real bundled CLI on the same database (build it first: node scripts/build.mjs). */
  function exoatlas(...args: string[]): { code: number | null; stdout: string; stderr: string } {
    const where = backend.name === 'postgres' ? ['--database-url', ctx.stores.url!] : ['--db', ctx.stores.url!];
    const r = spawnSync(process.execPath, [cliBin, ...args, ...where], { encoding: 'utf8', env: { ...process.env, EXOATLAS_DB: '', DATABASE_URL: '', EXOATLAS_DATA: dataDir, COLUMNS: '200' } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  beforeAll(async () => {
    ctx = await testApp({ backend: backend.name });
    reviewStudies = ctx.atlas.kb.studies.length;
    p = await buildProject(new ReviewService(ctx.stores.review));
    for (const name of ['alice', 'bob']) tokens[name] = (await call('POST', '/api/reviews/auth/login', { body: { username: name, password: PASSWORD } })).body.token;
    for (const s of fixture.studies) {
      for (const [kind, data] of [['extraction', s.form], ['rob', s.rob], ['misev', s.misev]] as const) {
        const res = await call('PUT', `${P}/records/${p.records[s.studyId]}/forms/${kind}`, { as: 'alice', body: { data, expectedVersion: 0 } });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
      }
    }
    expect((await call('POST', `${P}/synthesis`, { as: 'alice', body: { outcome: 'wound-closure', save: true } })).status).toBe(201);
  });
  afterAll(() => ctx?.close());

  it('issue 18 item 1: before publishing the atlas holds the review alone', async () => {
    expect((await call('GET', '/api/health')).body.counts).toMatchObject({ studies: reviewStudies, studiesFromProjects: 0 });
    expect((await call('GET', '/api/studies?origin=project')).body.total).toBe(0);
    expect((await call('GET', '/api/studies/facets')).body.origin).toEqual([{ value: 'review', count: reviewStudies }]);
  });

  it('issue 18 item 1: a published study is in the store and every API route reads it', async () => {
    const pub = await call('POST', `${P}/syntheses/1/publish`, { as: 'alice', body: {} });
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    expect(pub.body.version).toBe(1);
    const id = pub.body.studies[0].study.id as string;
    expect(id).toBe(`project-${PROJECT_ID}-${p.records['zhang-2015']}`);

    expect((await call('GET', '/api/health')).body.counts).toMatchObject({ studies: reviewStudies + 6, studiesFromProjects: 6 });
    const overview = (await call('GET', '/api/overview')).body.counts;
    expect(overview).toMatchObject({ studies: reviewStudies + 6, projectStudies: 6 });
    expect(overview.table1Studies + overview.textStudies + overview.projectStudies).toBe(overview.studies);

    const fromProjects = (await call('GET', '/api/studies?origin=project&limit=500')).body;
    expect(fromProjects.total).toBe(6);
    expect((await call('GET', '/api/studies?origin=review&limit=500')).body.total).toBe(reviewStudies);
    expect((await call('GET', '/api/studies?origin=elsewhere')).status).toBe(400);
    // the record's words and its first author find it
    expect((await call('GET', '/api/studies?text=Zhang%20cutaneous')).body.items.map((s: Json) => s.id)).toContain(id);

    const search = (await call('GET', '/api/search?q=cutaneous%20wound%20healing%20rats&kind=study')).body;
    expect(search.hits.map((h: Json) => h.id)).toContain(id);

    const map = (await call('GET', '/api/map?rows=diseaseArea&cols=cellSource')).body;
    const inMap = new Set(map.cells.flatMap((c: Json) => c.studyIds));
    for (const s of fromProjects.items) expect(inMap.has(s.id), s.id).toBe(true);
    // the map says which of a cell's studies come from projects, and the facets count the origins
    const projectIds = new Set(fromProjects.items.map((s: Json) => s.id));
    for (const c of map.cells) expect(c.fromProjects, `${c.row} × ${c.col}`).toBe(c.studyIds.filter((id: string) => projectIds.has(id)).length);
    expect(map.cells.reduce((n: number, c: Json) => n + c.fromProjects, 0)).toBeGreaterThan(0);
    const facets = (await call('GET', '/api/studies/facets')).body;
    expect(facets.origin).toEqual([
      { value: 'review', count: reviewStudies },
      { value: 'project', count: 6 },
    ]);

    const exported = (await call('GET', '/api/export')).body;
    const published = exported.studies.filter((s: Json) => s.origin.kind === 'project');
    expect(published).toHaveLength(6);
    // the export contract: a published study is a valid Study record, its origin included
    for (const s of published) expect(Study.safeParse(s).error?.issues ?? []).toEqual([]);
  });

  it('issue 18 item 2: a published study says where it comes from; the review\'s say they are the review\'s', async () => {
    const id = `project-${PROJECT_ID}-${p.records['zhang-2015']}`;
    const page = (await call('GET', `/api/studies/${id}`)).body;
    expect(page.origin).toMatchObject({
      kind: 'project',
      projectId: PROJECT_ID,
      question: 'Do iMSC exosomes speed skin wound healing in animals?',
      reviewers: ['alice'],
      record: { id: p.records['zhang-2015'], doi: '10.5555/fixture.zhang-2015', title: page.title },
      synthesisId: 1,
      version: 1,
    });
    expect(page.provenance).toEqual([]);
    expect(page.curationNote).toBeUndefined();
    expect(page.inTable1).toBe(false);
    const review = (await call('GET', '/api/studies?origin=review&limit=1')).body.items[0];
    expect(review.origin).toEqual({ kind: 'review' });
    expect(review.provenance.length).toBeGreaterThan(0);
  });

  it('issue 18 item 1: another server process on the same database sees each publication (caches keyed by the database version)', async () => {
    const stores = await createStores(backend.name === 'postgres' ? { databaseUrl: ctx.stores.url } : { sqlitePath: ctx.stores.url });
    const other = await buildApp({ atlas: new Atlas(await stores.atlas.knowledgeBase()), stores, metaRateLimit: false });
    try {
      expect((await call('GET', '/api/health', { app: other })).body.counts.studiesFromProjects).toBe(6);
      const out = await call('POST', `${P}/unpublish`, { as: 'alice', body: {} });
      expect(out.status, JSON.stringify(out.body)).toBe(200);
      expect(out.body).toMatchObject({ version: 1, studies: 6 });
      // unpublished through the first process: the second sees it at once, in its list, search and counts
      expect((await call('GET', '/api/health', { app: other })).body.counts).toMatchObject({ studies: reviewStudies, studiesFromProjects: 0 });
      expect((await call('GET', '/api/search?q=cutaneous%20wound%20healing%20rats&kind=study', { app: other })).body.hits.filter((h: Json) => h.id.startsWith('project-'))).toEqual([]);
      expect((await call('POST', `${P}/unpublish`, { as: 'alice', body: {} })).body.error.code).toBe('EXO_ERR_EXTRACT_NOT_PUBLISHED');
      expect((await call('POST', `${P}/unpublish`, { as: 'bob', body: {} })).status).toBe(403);
      // publishing again is a new version, and the atlas shows it
      const again = await call('POST', `${P}/syntheses/1/publish`, { as: 'alice', body: {} });
      expect(again.body.version).toBe(2);
      expect((await call('GET', '/api/studies?origin=project', { app: other })).body.items[0].origin.version).toBe(2);
      const versions = (await call('GET', `${P}/publications`, { as: 'bob' })).body.items;
      expect(versions.map((v: Json) => [v.version, v.studies, v.withdrawnAt === null])).toEqual([
        [1, 6, false],
        [2, 6, true],
      ]);
      const audit = (await call('GET', `${P}/audit?limit=5`, { as: 'alice' })).body.items.map((e: Json) => e.action);
      expect(audit.slice(0, 3)).toEqual(['publish-synthesis', 'unpublish', 'publish-synthesis']);
    } finally {
      await other.close();
      await stores.close();
    }
  });

  it('issue 18 item 1: a rebuild from data/ keeps the published studies in the atlas and its search index', async () => {
    // data/ as if it had changed: the next start rebuilds the atlas from it
    await (ctx.stores as KyselyStores).database.db
      .updateTable('meta').set({ value: 'stale' }).where('key', '=', 'data_hash').execute();
    expect((await ctx.stores.atlas.ensureCurrent(dataDir)).rebuilt).toBe(true);
    expect((await call('GET', '/api/health')).body.counts.studiesFromProjects).toBe(6);
    expect((await call('GET', '/api/search?q=cutaneous%20wound%20healing%20rats&kind=study')).body.hits.map((h: Json) => h.id)).toContain(`project-${PROJECT_ID}-${p.records['zhang-2015']}`);
  });

  it.skipIf(!existsSync(cliBin))('issue 18 item 1: the CLI reads the same atlas — studies --text, --origin, show, search, map', () => {
    const id = `project-${PROJECT_ID}-${p.records['zhang-2015']}`;
    const byAuthor = exoatlas('studies', '--text', 'Zhang', '--origin', 'project', '--json');
    expect(byAuthor.code, byAuthor.stderr).toBe(0);
    expect(JSON.parse(byAuthor.stdout).items.map((s: Json) => s.id)).toEqual([id]);
    const list = exoatlas('studies', '--origin', 'project');
    expect(list.stdout).toContain(`project ${PROJECT_ID}`);
    expect(list.stdout).toMatch(/6 of 6 studies/);
    const show = exoatlas('show', id);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain(`living-review project ${PROJECT_ID}`);
    expect(show.stdout).toContain('doi:10.5555/fixture.zhang-2015');
    expect(show.stdout).not.toContain('Table 1');
    expect(show.stdout).not.toContain('Curation note');
    const search = exoatlas('search', 'cutaneous', 'wound', 'healing', 'rats', '--kind', 'study', '--json');
    expect(JSON.parse(search.stdout).hits.map((h: Json) => h.id)).toContain(id);
    const map = exoatlas('map', '--json');
    expect(map.code, map.stderr).toBe(0);
    const mapped = new Set(JSON.parse(map.stdout).cells.flatMap((c: Json) => c.studyIds));
    expect(mapped.has(id)).toBe(true);
    const exported = exoatlas('export', '--json');
    expect(JSON.parse(exported.stdout).studies.filter((s: Json) => s.origin.kind === 'project')).toHaveLength(6);
  });

  it('issue 18 item 2: a dual project publishes only with consensus extraction and risk-of-bias forms for every included study', async () => {
    const reviews = new ReviewService(ctx.stores.review);
    const extraction = new ExtractionService(reviews, ctx.stores.extraction);
    const { alice, bob } = p;
    await reviews.createProject(alice, { id: 'dual-wound', name: 'Dual wound healing', question: 'Do iMSC exosomes heal wounds (dual)?', mode: 'dual' });
    await reviews.addMember(alice, 'dual-wound', { username: 'bob', role: 'reviewer' });
    await reviews.importSearches(alice, 'dual-wound', [{ name: 'w.ris', data: readFileSync(RIS_FILE, 'utf8') }], { database: 'PubMed', date: '2026-01-15', query: 'q' });
    const records = (await reviews.listRecords(alice, 'dual-wound', { limit: 100 })).items.slice(0, 2);
    for (const stage of ['title-abstract', 'full-text']) {
      for (const r of records) for (const who of [alice, bob]) await reviews.decide(who, 'dual-wound', r.id, { stage, decision: 'include', expectedVersion: 0 });
    }
    const formOf = (r: { doi?: string }) => fixture.studies.find((s) => `10.5555/fixture.${s.studyId}` === r.doi)!;
    for (const r of records) {
      for (const who of [alice, bob]) {
        await extraction.saveForm(who, 'dual-wound', r.id, 'extraction', { data: formOf(r).form, expectedVersion: 0 });
        await extraction.saveForm(who, 'dual-wound', r.id, 'rob', { data: formOf(r).rob, expectedVersion: 0 });
      }
    }
    const [first, second] = records as [(typeof records)[0], (typeof records)[0]];
    await extraction.saveForm(alice, 'dual-wound', first.id, 'extraction', { data: formOf(first).form, consensus: true });
    await extraction.saveForm(alice, 'dual-wound', first.id, 'rob', { data: formOf(first).rob, consensus: true });
    await extraction.saveForm(alice, 'dual-wound', second.id, 'extraction', { data: formOf(second).form, consensus: true });
    const { id } = await extraction.synthesise(alice, 'dual-wound', { outcome: 'wound-closure' }, true);
    const before = (await call('GET', '/api/health')).body.counts.studies;

    const refused = await extraction.publish(alice, 'dual-wound', id!).catch((e: Json) => e);
    expect(refused.code).toBe('EXO_ERR_EXTRACT_NO_CONSENSUS');
    expect(refused.context.records).toEqual([expect.stringMatching(new RegExp(`^record ${second.id} \\(.*\\): no consensus risk of bias$`))]);
    expect(refused.message).toMatch(/nothing was published/);
    expect((await call('GET', '/api/health')).body.counts.studies).toBe(before);

    await extraction.saveForm(alice, 'dual-wound', second.id, 'rob', { data: formOf(second).rob, consensus: true });
    const published = await extraction.publish(alice, 'dual-wound', id!);
    expect(published.studies).toHaveLength(2);
    expect(published.studies[0]!.study.origin).toMatchObject({ kind: 'project', projectId: 'dual-wound', reviewers: ['alice', 'bob'], consensusAt: expect.stringMatching(/^\d{4}-/) });
    expect((await call('GET', '/api/health')).body.counts.studies).toBe(before + 2);
  });
});
