import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
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

  const get = async (url: string) => {
    const res = await ctx.app.inject({ method: 'GET', url });
    return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? res.json() : res.body };
  };

  describe('GET /api', () => {
    it('/api/health says ok with counts', async () => {
      const { status, body } = await get('/api/health');
      expect(status).toBe(200);
      expect(body).toMatchObject({ status: 'ok', store: backend.name, counts: { references: 116 } });
    });

    it('/api/studies lists with filters, limit and offset', async () => {
      const all = await get('/api/studies?inTable1=true&limit=5&offset=15');
      expect(all.status).toBe(200);
      expect(all.body.total).toBe(20);
      expect(all.body.items.map((s: { table1Row: number }) => s.table1Row)).toEqual([16, 17, 18, 19, 20]);
      const swine = await get('/api/studies?species=swine');
      expect(swine.body.items.map((s: { id: string }) => s.id)).toEqual(['gao-2020-swine-myocardial-ischaemia']);
    });

    it('/api/studies/:id returns the study with its formatted references', async () => {
      const { status, body } = await get('/api/studies/hu-2015-limb-ischaemia');
      expect(status).toBe(200);
      expect(body.referenceNumbers).toEqual([106, 107]);
      expect(body.references.map((r: { reviewNumber: number }) => r.reviewNumber)).toEqual([106, 107]);
      expect(body.provenance[0].section).toBe('table-1');
    });

    it('/api/search ranks and highlights', async () => {
      const { status, body } = await get('/api/search?q=miR-135b');
      expect(status).toBe(200);
      expect(body.hits.find((h: { kind: string }) => h.kind === 'study')).toMatchObject({ id: 'zhang-2020-osteonecrosis-mir-135b' });
      expect((await get('/api/search?q=Konoshenko&kind=reference')).body.hits[0].id).toBe('ref-27');
    });

    it('/api/references lists all 116, /api/references/:n one', async () => {
      expect((await get('/api/references')).body.total).toBe(116);
      expect((await get('/api/references/16')).body.authors[0].family).toBe('Zhu');
    });

    it('/api/export validates against the committed JSON Schema', async () => {
      const { body } = await get('/api/export');
      const schema = JSON.parse(readFileSync(join(repoRoot, 'docs/schema/knowledge-base.schema.json'), 'utf8'));
      const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
      expect(validate(body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(Object.keys(body)).toEqual(expect.arrayContaining(['source', 'references', 'studies', 'entities', 'claims', 'isolationMethods', 'facts', 'advantages', 'limitations']));
    });

    it('/api/openapi.json is OpenAPI 3 with the record schemas and every route', async () => {
      const { body } = await get('/api/openapi.json');
      expect(body.openapi).toMatch(/^3\./);
      expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/studies', '/api/studies/{id}', '/api/search', '/api/references', '/api/export']));
      expect(body.components.schemas.Study.properties.table1Row).toBeDefined();
    });
  });

  describe('bad requests get a code, not a 500', () => {
    it.each([
      ['/api/studies?species=dog', 400, 'EXO_ERR_QUERY_UNKNOWN_FILTER', /unknown species 'dog'/],
      ['/api/studies?limit=abc', 400, 'EXO_ERR_QUERY_INVALID', /'limit'/],
      ['/api/studies?limit=0', 400, 'EXO_ERR_QUERY_INVALID', /'limit'/],
      ['/api/studies?colour=red', 400, 'EXO_ERR_QUERY_INVALID', /unknown query parameter 'colour'/],
      ['/api/studies?inTable1=maybe', 400, 'EXO_ERR_QUERY_INVALID', /inTable1/],
      ['/api/search?q=', 400, 'EXO_ERR_QUERY_EMPTY_SEARCH', /at least one word/],
      ['/api/search', 400, 'EXO_ERR_QUERY_INVALID', /'q'/],
      ['/api/studies/no-such-id', 404, 'EXO_ERR_NOT_FOUND_STUDY', /no study 'no-such-id'/],
      ['/api/references/999', 404, 'EXO_ERR_NOT_FOUND_REFERENCE', /no reference/],
      ['/api/nothing-here', 404, 'EXO_ERR_NOT_FOUND_ROUTE', /no API route GET \/api\/nothing-here/],
    ])('%s → %i %s', async (url, status, code, message) => {
      const res = await get(url);
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).toMatch(message);
    });
  });
});
