/**
 * The extraction, appraisal and synthesis API: the fixture project (six wound-healing studies, built through part 1's
 * service) carried from extraction to a pooled estimate and forest plot that match metafor (R call in
 * packages/review/test/synthesis/metafor.test.ts), with bad values refused at the field, roles enforced, exports,
 * appraisal plots and publication into the atlas.
 */
import { ReviewService } from '@exoatlas/review';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/helpers/app.js';
import { PASSWORD, PROJECT_ID, buildProject, type BuiltProject } from '../../review/test/synthesis/build-project.js';
import { rawFixture } from '../../review/test/synthesis/load-fixture.js';
import { skipped, testBackends } from '../../../test/helpers/backends.js';

describe.each(await testBackends())('on $name', (backend) => {
  if (skipped(backend)) return;

  let ctx: Awaited<ReturnType<typeof testApp>>;
  let p: BuiltProject;
  const tokens: Record<string, string> = {};
  const fixture = rawFixture();
  const P = `/api/reviews/${PROJECT_ID}`;

  interface Res {
    status: number;
    body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
    type: string;
  }

  async function call(method: 'GET' | 'POST' | 'PUT', url: string, options: { as?: string; body?: unknown } = {}): Promise<Res> {
    const headers: Record<string, string> = options.as ? { authorization: `Bearer ${tokens[options.as]}` } : {};
    const res = await ctx.app.inject({ method, url, headers, ...(options.body !== undefined ? { payload: options.body as object } : {}) });
    const type = String(res.headers['content-type'] ?? '');
    return { status: res.statusCode, body: type.includes('json') ? res.json() : res.body, type };
  }

  beforeAll(async () => {
    ctx = await testApp({ backend: backend.name });
    p = await buildProject(new ReviewService(ctx.stores.review));
    for (const name of ['alice', 'bob', 'vera']) {
      const res = await call('POST', '/api/reviews/auth/login', { body: { username: name, password: PASSWORD } });
      tokens[name] = res.body.token;
    }
  });
  afterAll(() => ctx.close());

  const formUrl = (studyId: string, kind: string) => `${P}/records/${p.records[studyId]}/forms/${kind}`;

  describe('extraction API', () => {
    it('describes the forms: SYRCLE items, MISEV checklist, JSON Schemas', async () => {
      const res = await call('GET', '/api/reviews/extraction/schema');
      expect(res.status).toBe(200);
      expect(res.body.syrcle).toHaveLength(10);
      expect(res.body.misev.label).toMatch(/not EV-TRACK's EV-METRIC/);
      expect(res.body.jsonSchema.extraction.properties.outcomes).toBeDefined();
    });

    it('lists the included studies for members only', async () => {
      expect((await call('GET', `${P}/extraction`)).status).toBe(401);
      const res = await call('GET', `${P}/extraction`, { as: 'vera' });
      expect(res.status).toBe(200);
      expect(res.body.items.map((i: { label: string }) => i.label)).toEqual(['Zhang et al. 2015', 'Kim et al. 2018', 'Li et al. 2019', 'Chen et al. 2020', 'Wang et al. 2021', 'Garcia et al. 2022']);
    });

    it('refuses bad values with a message per field and saves nothing', async () => {
      const form = structuredClone(fixture.studies[2]!.form) as { outcomes: { groups: Record<string, unknown>[] }[] };
      form.outcomes[0]!.groups[1]!.sd = -7.2;
      form.outcomes[0]!.groups[2]!.n = 0;
      const res = await call('PUT', formUrl('li-2019', 'extraction'), { as: 'bob', body: { data: form, expectedVersion: 0 } });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('EXO_ERR_EXTRACT_INVALID');
      expect(res.body.error.context.fields).toEqual([
        { path: 'outcomes[0].groups[1].sd', message: 'a standard deviation cannot be negative' },
        { path: 'outcomes[0].groups[2].n', message: 'n must be at least 1' },
      ]);
      expect((await call('GET', `${formUrl('li-2019', 'extraction')}/history`, { as: 'bob' })).body.items).toEqual([]);
      const v = await call('POST', `${P}/extraction/validate`, { as: 'bob', body: { kind: 'extraction', data: form } });
      expect(v.body.ok).toBe(false);
      expect(v.body.issues).toHaveLength(2);
      expect((await call('PUT', formUrl('li-2019', 'extraction'), { as: 'vera', body: { data: fixture.studies[2]!.form } })).status).toBe(403);
    });

    it('carries the project from extraction to a pooled estimate and forest plot that match metafor', async () => {
      for (const s of fixture.studies) {
        for (const [kind, data] of [['extraction', s.form], ['rob', s.rob], ['misev', s.misev]] as const) {
          const res = await call('PUT', formUrl(s.studyId, kind), { as: 'alice', body: { data, expectedVersion: 0 } });
          expect(res.status, `${s.studyId} ${kind}: ${JSON.stringify(res.body)}`).toBe(200);
        }
      }
      const res = await call('POST', `${P}/synthesis`, { as: 'bob', body: { outcome: 'wound-closure', subgroup: 'cellSource', save: true } });
      expect(res.status).toBe(201);
      expect(res.body.id).toBe(1);
      expect(res.body.measure).toBe('SMD');
      expect(res.body.result.estimate).toBeCloseTo(2.10981404058809, 8);
      expect(res.body.result.tau2).toBeCloseTo(0.542069096388195, 8);
      expect(res.body.result.subgroups.groups.map((g: { level: string }) => g.level)).toEqual(['AT-MSC', 'BM-MSC', 'iMSC']);
      expect(res.body.svg.forest).toMatch(/^<svg[^>]*role="img"/);
      expect(res.body.svg.robForest).toContain('Forest plot with risk of bias');
      const bad = await call('POST', `${P}/synthesis`, { as: 'bob', body: { outcome: 'wound-closure', measure: 'XYZ' } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('EXO_ERR_EXTRACT_BAD_OPTION');
      expect((await call('POST', `${P}/synthesis`, { as: 'bob', body: { outcome: 'angiogenesis' } })).body.error.code).toBe('EXO_ERR_EXTRACT_NO_DATA');
    });

    it('exports a saved synthesis as CSV, JSON and SVG, reproduced from the stored table', async () => {
      const table = await call('GET', `${P}/syntheses/1/export.csv`, { as: 'vera' });
      expect(table.type).toMatch(/text\/csv/);
      expect(table.body.split('\n')[0]).toMatch(/^study,studyId,arm,timePoint,m1i,sd1i,n1i,m2i,sd2i,n2i,/);
      const results = await call('GET', `${P}/syntheses/1/export.csv?what=results`, { as: 'vera' });
      expect(results.body.split('\n')[0]).toBe('study,studyId,yi,vi,ciLower,ciUpper,weight');
      const json = await call('GET', `${P}/syntheses/1/export.json`, { as: 'vera' });
      expect(json.body.result.estimate).toBeCloseTo(2.10981404058809, 8);
      const svg = await call('GET', `${P}/syntheses/1/plot.svg?plot=rob-forest`, { as: 'vera' });
      expect(svg.type).toMatch(/image\/svg\+xml/);
      expect((await call('GET', `${P}/syntheses`, { as: 'vera' })).body.items).toHaveLength(1);
    });

    it('renders the SYRCLE and MISEV summaries', async () => {
      const a = await call('GET', `${P}/appraisal`, { as: 'vera' });
      expect(a.body.rob).toHaveLength(6);
      for (const name of ['rob-summary', 'rob-traffic-light', 'misev-summary']) {
        const res = await call('GET', `${P}/appraisal/${name}.svg`, { as: 'vera' });
        expect(res.status).toBe(200);
        expect(res.body).toMatch(/^<svg/);
      }
    });

    it('publishes to the atlas (owners only); the project studies are public', async () => {
      expect((await call('POST', `${P}/syntheses/1/publish`, { as: 'bob', body: {} })).status).toBe(403);
      const pub = await call('POST', `${P}/syntheses/1/publish`, { as: 'alice', body: {} });
      expect(pub.status).toBe(200);
      const res = await call('GET', '/api/project-studies');
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(6);
      expect(res.body.items[2].study).toMatchObject({ cellSource: 'BM-MSC', diseaseArea: 'wound-healing', origin: { kind: 'project', projectId: PROJECT_ID } });
    });

    it('shows the published studies back in the atlas: study list, study page and evidence map, marked by origin', async () => {
      const published = (await call('GET', '/api/project-studies')).body.items.map((i: { study: { id: string } }) => i.study.id);
      const all = (await call('GET', '/api/studies?limit=500')).body;
      const fromProject = all.items.filter((s: { origin: { kind: string } }) => s.origin.kind === 'project');
      expect(fromProject.map((s: { id: string }) => s.id).sort()).toEqual([...published].sort());
      expect(all.items.filter((s: { origin: { kind: string } }) => s.origin.kind === 'review').length).toBeGreaterThanOrEqual(56);
      const page = await call('GET', `/api/studies/${published[0]}`);
      expect(page.status).toBe(200);
      expect(page.body.origin).toMatchObject({ kind: 'project', projectId: PROJECT_ID });
      const map = (await call('GET', '/api/map?rows=diseaseArea&cols=cellSource')).body;
      const cell = map.cells.find((c: { row: string; col: string }) => c.row === 'wound-healing' && c.col === 'BM-MSC');
      expect(cell.studyIds).toEqual(expect.arrayContaining(fromProject.filter((s: { cellSource: string; diseaseArea: string }) => s.cellSource === 'BM-MSC' && s.diseaseArea === 'wound-healing').map((s: { id: string }) => s.id)));
    });

    it('documents every route in the OpenAPI document', async () => {
      const doc = (await call('GET', '/api/openapi.json')).body;
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/reviews/{project}/synthesis', '/api/reviews/{project}/records/{record}/forms/{kind}', '/api/project-studies']));
    });
  });
});
