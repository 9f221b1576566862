/** Issue 17, finding 10 (HTTP part): strict numeric ids, and every error — Fastify's own included — in our JSON shape. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from '@exoatlas/schema';
import { testApp } from '../../../test/helpers/app.js';
import { signIn } from '../../../test/helpers/session.js';
import { skipped, testBackends } from '../../../test/helpers/backends.js';

describe.each(await testBackends())('on $name', (backend) => {
  if (skipped(backend)) return;

  let ctx: Awaited<ReturnType<typeof testApp>>;
  let auth: { authorization: string };
  beforeAll(async () => {
    ctx = await testApp({ backend: backend.name });
    auth = { authorization: `Bearer ${await signIn(ctx.app, 'olivia')}` };
    const upload = await ctx.app.inject({ method: 'POST', url: '/api/imports?fileName=a.ris', headers: { ...auth, 'content-type': 'text/plain' }, payload: 'TY  - JOUR\nTI  - Exosomes\nER  - \n' });
    expect(upload.json().id).toBe(1);
  });
  afterAll(() => ctx.close());

  /** The body is `{error: {code, message, context}}` with a catalogue code whose status is the answer's. */
  function expectOurShape(res: { statusCode: number; json: () => unknown; headers: Record<string, unknown> }, code: string): void {
    expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
    const body = res.json() as { error: { code: string; message: string; context: object } };
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.code).toBe(code);
    expect(typeof body.error.message).toBe('string');
    expect(typeof body.error.context).toBe('object');
    expect(ERROR_CATALOGUE[code as keyof typeof ERROR_CATALOGUE].status).toBe(res.statusCode);
    expect(JSON.stringify(body)).not.toMatch(/FST_ERR|at .*\.js:\d+/);
  }

  describe('issue 17 finding 10: ids are parsed strictly', () => {
    it('/api/imports/0x1 is 404 (was 200 for import 1); so are 01, 1.0, 1e0, +1 and 0', async () => {
      expect((await ctx.app.inject({ url: '/api/imports/1' })).statusCode).toBe(200);
      for (const id of ['0x1', '01', '1.0', '1e0', '+1', '0', '-1', ' 1', '99999999999999999999']) {
        const res = await ctx.app.inject({ url: `/api/imports/${encodeURIComponent(id)}` });
        expect(res.statusCode, id).toBe(404);
        expectOurShape(res, 'EXO_ERR_NOT_FOUND_IMPORT');
      }
      expect((await ctx.app.inject({ url: '/api/records/0x1' })).json().error.code).toBe('EXO_ERR_NOT_FOUND_RECORD');
      // Ids in query strings too: a whole number written canonically.
      expect((await ctx.app.inject({ url: '/api/records?importId=1' })).json().total).toBe(1);
      for (const bad of ['01', '0x1', '1.0', '1e0']) expect((await ctx.app.inject({ url: `/api/records?importId=${bad}` })).json().error.code, bad).toBe('EXO_ERR_QUERY_INVALID');
      for (const ok of ['1', 'ref-1']) expect((await ctx.app.inject({ url: `/api/references/${ok}` })).statusCode, ok).toBe(200);
      for (const bad of ['0x1', '01', 'ref-01', '1e0']) expect((await ctx.app.inject({ url: `/api/references/${bad}` })).json().error.code, bad).toBe('EXO_ERR_NOT_FOUND_REFERENCE');
    });

    it('review record and synthesis ids are strict too', async () => {
      await ctx.app.inject({ method: 'POST', url: '/api/reviews', headers: auth, payload: { id: 'ids-demo', name: 'Ids' } });
      expect((await ctx.app.inject({ url: '/api/reviews/ids-demo/records/0x1', headers: auth })).json().error.code).toBe('EXO_ERR_REVIEW_NOT_FOUND_RECORD');
      expect((await ctx.app.inject({ url: '/api/reviews/ids-demo/records/01', headers: auth })).json().error.code).toBe('EXO_ERR_REVIEW_NOT_FOUND_RECORD');
      expect((await ctx.app.inject({ url: '/api/reviews/ids-demo/syntheses/0x1', headers: auth })).json().error.code).toBe('EXO_ERR_EXTRACT_NOT_FOUND');
    });
  });

  describe("issue 17 finding 10: Fastify's own errors come out in our JSON shape", () => {
    it('a 400-character path parameter is 414 EXO_ERR_HTTP_URI_TOO_LONG (was Fastify\'s shape)', async () => {
      const res = await ctx.app.inject({ url: `/api/imports/${'1'.repeat(400)}` });
      expect(res.statusCode).toBe(414);
      expectOurShape(res, 'EXO_ERR_HTTP_URI_TOO_LONG');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    });

    it('a malformed %-escape in the path is 400 in our shape', async () => {
      const res = await ctx.app.inject({ url: '/api/studies/%E0%A4%A' });
      expect(res.statusCode).toBe(400);
      expectOurShape(res, 'EXO_ERR_HTTP_BAD_REQUEST');
    });

    it('a body over the limit is 413 EXO_ERR_HTTP_BODY_TOO_LARGE', async () => {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/meta', headers: { 'content-type': 'application/json' }, payload: `{"csv":"${'x'.repeat(21 * 1024 * 1024)}"}` });
      expect(res.statusCode).toBe(413);
      expectOurShape(res, 'EXO_ERR_HTTP_BODY_TOO_LARGE');
    });

    it('an unsupported media type is 415, invalid JSON 400, an unknown route 404 — all coded', async () => {
      const xml = await ctx.app.inject({ method: 'POST', url: '/api/meta', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
      expect(xml.statusCode).toBe(415);
      expectOurShape(xml, 'EXO_ERR_HTTP_UNSUPPORTED_MEDIA_TYPE');
      const bad = await ctx.app.inject({ method: 'POST', url: '/api/meta', headers: { 'content-type': 'application/json' }, payload: '{"csv": ' });
      expect(bad.statusCode).toBe(400);
      expectOurShape(bad, 'EXO_ERR_HTTP_BAD_REQUEST');
      const missing = await ctx.app.inject({ url: '/api/nothing-here' });
      expect(missing.statusCode).toBe(404);
      expectOurShape(missing, 'EXO_ERR_NOT_FOUND_ROUTE');
      const wrongMethod = await ctx.app.inject({ method: 'DELETE', url: '/api/health', headers: auth });
      expect(wrongMethod.statusCode).toBe(404);
      expectOurShape(wrongMethod, 'EXO_ERR_NOT_FOUND_ROUTE');
    });
  });
});
