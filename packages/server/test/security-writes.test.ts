/** Issue 17, finding 5: anonymous writes. Every unsafe method needs a session, except the few documented ones. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/helpers/app.js';
import { signIn } from '../../../test/helpers/session.js';
import { skipped, testBackends } from '../../../test/helpers/backends.js';

describe.each(await testBackends())('on $name', (backend) => {
  if (skipped(backend)) return;

  let ctx: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    ctx = await testApp({ backend: backend.name, deps: { metaRateLimit: { max: 3, timeWindowMs: 60_000 } } });
  });
  afterAll(() => ctx.close());

  const RIS = 'TY  - JOUR\nTI  - Exosomes heal wounds\nPY  - 2020\nER  - \n';
  const csv = 'study,ai,n1i,ci,n2i\nA,5,20,10,20\nB,4,25,9,25\nC,6,30,12,30\n';

  describe('issue 17 finding 5: anonymous writes are refused', () => {
    it('POST /api/imports without a session is 401 and imports nothing (was 201 for an anonymous cross-site text/plain upload)', async () => {
      const before = (await ctx.app.inject({ url: '/api/imports' })).json().items.length;
      const res = await ctx.app.inject({ method: 'POST', url: '/api/imports?fileName=x.ris', headers: { 'content-type': 'text/plain' }, payload: RIS });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('EXO_ERR_AUTH_REQUIRED');
      const forged = await ctx.app.inject({ method: 'POST', url: '/api/imports?fileName=x.ris', headers: { 'content-type': 'text/plain', authorization: 'Bearer not-a-session' }, payload: RIS });
      expect(forged.statusCode).toBe(401);
      expect((await ctx.app.inject({ url: '/api/imports' })).json().items.length).toBe(before);
    });

    it('the first account may be created without a session; the second may not; login stays open', async () => {
      const first = await ctx.app.inject({ method: 'POST', url: '/api/reviews/users', payload: { username: 'root', password: 'violet-harbour-lantern-93' } });
      expect(first.statusCode).toBe(201);
      const second = await ctx.app.inject({ method: 'POST', url: '/api/reviews/users', payload: { username: 'eve', password: 'violet-harbour-lantern-93' } });
      expect(second.statusCode).toBe(401);
      expect(second.json().error.code).toBe('EXO_ERR_AUTH_REQUIRED');
      const login = await ctx.app.inject({ method: 'POST', url: '/api/reviews/auth/login', payload: { username: 'root', password: 'violet-harbour-lantern-93' } });
      expect(login.statusCode).toBe(200);
      const token = login.json().token as string;
      const upload = await ctx.app.inject({ method: 'POST', url: '/api/imports?fileName=x.ris', headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` }, payload: RIS });
      expect(upload.statusCode).toBe(201);
      expect(await signIn(ctx.app, 'alice', token)).toBeTruthy();
    });

    it('every unsafe route of the API refuses an anonymous request before reading its body', async () => {
      const openapi = (await ctx.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
      const open = new Set(['post /api/reviews/auth/login', 'post /api/reviews/auth/logout', 'post /api/meta', 'post /api/reviews/users']);
      let checked = 0;
      for (const [path, methods] of Object.entries(openapi.paths)) {
        for (const method of Object.keys(methods).filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))) {
          const responses = (methods[method] as { responses: Record<string, unknown> }).responses;
          expect(Object.keys(responses), `${method} ${path} documents the security answers`).toEqual(expect.arrayContaining(['403', '413', '415']));
          if (open.has(`${method} ${path}`)) continue;
          expect(Object.keys(responses)).toContain('401');
          const url = path.replace(/\{[^}]+\}/g, (p) => (/record|id/i.test(p) ? '1' : p.includes('kind') ? 'extraction' : 'some-project'));
          const res = await ctx.app.inject({ method: method.toUpperCase() as 'POST', url, payload: {} });
          expect(res.statusCode, `${method} ${url}`).toBe(401);
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThan(10);
    });

    it('POST /api/meta stays anonymous but is rate limited: 429 with Retry-After and a coded JSON error', async () => {
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 4; i += 1) {
        last = await ctx.app.inject({ method: 'POST', url: '/api/meta', payload: { csv, measure: 'RR', plots: false } });
        statuses.push(last.statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
      expect(last!.json().error).toMatchObject({ code: 'EXO_ERR_HTTP_RATE_LIMITED' });
      expect(last!.json().error.context.retryAfterSeconds).toBeGreaterThan(0);
      const openapi = (await ctx.app.inject({ url: '/api/openapi.json' })).json();
      expect(openapi.paths['/api/meta'].post.responses).toHaveProperty('429');
    });
  });
});
