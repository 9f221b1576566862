import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/helpers/app.js';
import { signIn } from '../../../test/helpers/session.js';
import { skipped, testBackends } from '../../../test/helpers/backends.js';
import { FIXTURE_RESPONDERS, startFakeService, type FakeService } from '../../search/test/helpers/fake-service.js';

describe.each(await testBackends())('issue 21: saved-search API on $name', (backend) => {
  if (skipped(backend)) return;
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let pubmed: FakeService;
  let owner: string;
  let reviewer: string;
  beforeAll(async () => {
    pubmed = await startFakeService(FIXTURE_RESPONDERS.pubmed);
    ctx = await testApp({ backend: backend.name, deps: { searches: { tickMs: 0, connection: { baseUrls: { pubmed: pubmed.url }, pageSize: 2 } } } });
    owner = await signIn(ctx.app, 'owen');
    reviewer = await signIn(ctx.app, 'rhea', owner);
    await call(owner, 'POST', '/api/reviews', { id: 'living', name: 'Living' });
    await call(owner, 'POST', '/api/reviews/living/members', { username: 'rhea', role: 'reviewer' });
  });
  afterAll(async () => {
    await ctx.close();
    await pubmed.close();
  });

  async function call(token: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
    const res = await ctx.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: res.statusCode, body: res.json() };
  }

  it('owners add, run and schedule; members list searches and runs; each run says found and new', async () => {
    const added = await call(owner, 'POST', '/api/reviews/living/searches/saved', { database: 'pubmed', query: 'exosomes AND ipsc', filters: { mindate: '2015' } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ database: 'pubmed', schedule: 'none', nextRunAt: null });
    const id = added.body.id as number;
    expect((await call(reviewer, 'POST', '/api/reviews/living/searches/saved', { database: 'pubmed', query: 'x' })).body.error.code).toBe('EXO_ERR_AUTH_FORBIDDEN');
    expect((await call(owner, 'POST', '/api/reviews/living/searches/saved', { database: 'embase', query: 'x' })).status).toBe(400);
    expect((await call(reviewer, 'POST', `/api/reviews/living/searches/saved/${id}/run`)).status).toBe(403);

    const run = await call(owner, 'POST', `/api/reviews/living/searches/saved/${id}/run`);
    expect(run.status).toBe(201);
    expect(run.body).toMatchObject({ status: 'succeeded', query: 'exosomes AND ipsc', found: 3, newRecords: 3, trigger: 'manual' });
    expect((await call(reviewer, 'GET', '/api/reviews/living/records')).body.total).toBe(3);
    const again = await call(owner, 'POST', `/api/reviews/living/searches/saved/${id}/run`);
    expect(again.body).toMatchObject({ found: 3, newRecords: 0, duplicates: 3 });

    const listed = await call(reviewer, 'GET', '/api/reviews/living/searches/saved');
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0].lastRun).toMatchObject({ id: again.body.id, newRecords: 0 });
    const runs = await call(reviewer, 'GET', `/api/reviews/living/searches/saved/${id}/runs`);
    expect(runs.body.items.map((r: { newRecords: number }) => r.newRecords)).toEqual([3, 0]);

    const scheduled = await call(owner, 'PUT', `/api/reviews/living/searches/saved/${id}/schedule`, { schedule: 'weekly' });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.schedule).toBe('weekly');
    expect(Date.parse(scheduled.body.nextRunAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect((await call(reviewer, 'PUT', `/api/reviews/living/searches/saved/${id}/schedule`, { schedule: 'daily' })).status).toBe(403);
    expect((await call(owner, 'GET', '/api/reviews/living/searches/saved/999/runs')).body.error.code).toBe('EXO_ERR_SEARCH_NOT_FOUND');
    expect((await call(owner, 'GET', '/api/reviews/living/searches/saved/abc/runs')).status).toBe(404);
  });

  it('a run against a service that fails is a coded 502, recorded as failed, and imports nothing', async () => {
    const down = await startFakeService(() => ({ body: 'not json' }));
    const app2 = await testApp({ backend: backend.name, deps: { searches: { tickMs: 0, connection: { baseUrls: { openalex: down.url }, retry: { maxRetries: 0 } } } } });
    try {
      const token = await signIn(app2.app, 'olive');
      await app2.app.inject({ method: 'POST', url: '/api/reviews', headers: { authorization: `Bearer ${token}` }, payload: { id: 'p2', name: 'P2' } });
      const added = await app2.app.inject({ method: 'POST', url: '/api/reviews/p2/searches/saved', headers: { authorization: `Bearer ${token}` }, payload: { database: 'openalex', query: 'q' } });
      const res = await app2.app.inject({ method: 'POST', url: `/api/reviews/p2/searches/saved/${added.json().id}/run`, headers: { authorization: `Bearer ${token}` } });
      expect(res.statusCode).toBe(502);
      expect(res.json().error.code).toBe('EXO_ERR_SEARCH_BAD_RESPONSE');
      expect(res.json().error.message).toMatch(/OpenAlex answered in an unexpected format/);
      const runs = await app2.app.inject({ url: `/api/reviews/p2/searches/saved/${added.json().id}/runs`, headers: { authorization: `Bearer ${token}` } });
      expect(runs.json().items.map((r: { status: string }) => r.status)).toEqual(['failed']);
      expect((await app2.app.inject({ url: '/api/reviews/p2/records', headers: { authorization: `Bearer ${token}` } })).json().total).toBe(0);
    } finally {
      await app2.close();
      await down.close();
    }
  });

  it('issue 21 item 4: living PRISMA per update (JSON and SVG) for members', async () => {
    const flow = await call(reviewer, 'GET', '/api/reviews/living/prisma/updates');
    expect(flow.status).toBe(200);
    // Both runs of the first test ran on one day: one update, the second run's records all duplicates.
    expect(flow.body.updates).toHaveLength(1);
    expect(flow.body.updates[0]).toMatchObject({ update: 1, previous: { studies: 0 }, new: { identified: 6, duplicatesRemoved: 3, screened: 3 }, total: { studies: 0 } });
    expect(flow.body.overall).toMatchObject({ identified: 6, screened: 3 });
    const svg = await ctx.app.inject({ url: '/api/reviews/living/prisma/updates/1/diagram.svg', headers: { authorization: `Bearer ${reviewer}` } });
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toContain('Previous studies');
    expect((await call(reviewer, 'GET', '/api/reviews/living/prisma/updates/2/diagram.svg')).status).toBe(404);
    const stranger = await signIn(ctx.app, 'sven', owner);
    expect((await call(stranger, 'GET', '/api/reviews/living/prisma/updates')).status).toBe(404);
    // Item 5: the evidence over time (nothing screened yet: no included studies).
    const years = await call(reviewer, 'GET', '/api/reviews/living/evidence/years');
    expect(years.body.items).toEqual([{ year: 2017, records: 1, included: 0 }, { year: 2019, records: 1, included: 0 }, { year: 2022, records: 1, included: 0 }]);
    expect((await call(stranger, 'GET', '/api/reviews/living/evidence/years')).status).toBe(404);
  });

  it('every saved-search route is documented in the OpenAPI document', async () => {
    const doc = (await ctx.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/reviews/{project}/searches/saved']!).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/reviews/{project}/searches/saved/{search}/runs']!)).toEqual(['get']);
    expect(Object.keys(doc.paths['/api/reviews/{project}/searches/saved/{search}/run']!)).toEqual(['post']);
    expect(Object.keys(doc.paths['/api/reviews/{project}/searches/saved/{search}/schedule']!)).toEqual(['put']);
    expect(Object.keys(doc.paths['/api/reviews/{project}/prisma/updates']!)).toEqual(['get']);
    expect(Object.keys(doc.paths['/api/reviews/{project}/evidence/years']!)).toEqual(['get']);
    expect(Object.keys(doc.paths['/api/reviews/{project}/prisma/updates/{update}/diagram.svg']!)).toEqual(['get']);
  });
});
