/** Issue 17, findings 7 and 8: cookies parsed leniently, security headers, and trustProxy for https behind a proxy. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/helpers/app.js';
import { TEST_PASSWORD, signIn } from '../../../test/helpers/session.js';
import { skipped, testBackends } from '../../../test/helpers/backends.js';

describe.each(await testBackends())('on $name', (backend) => {
  if (skipped(backend)) return;

  let ctx: Awaited<ReturnType<typeof testApp>>;
  let proxied: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    ctx = await testApp({ backend: backend.name, web: true });
    proxied = await testApp({ backend: backend.name, deps: { trustProxy: true } });
    await signIn(ctx.app, 'olivia');
    await signIn(proxied.app, 'olivia');
  });
  afterAll(async () => {
    await ctx.close();
    await proxied.close();
  });

  describe('issue 17 finding 7: malformed cookies', () => {
    it('exoatlas_session=% is no session (401), not a 500 "URI malformed"', async () => {
      for (const cookie of ['exoatlas_session=%', 'exoatlas_session=%E0%A4%A', 'exoatlas_session', '=;;exoatlas_session="unterminated']) {
        const res = await ctx.app.inject({ url: '/api/reviews/auth/me', headers: { cookie } });
        expect(res.statusCode, cookie).toBe(401);
        expect(res.json().error.code).toBe('EXO_ERR_AUTH_REQUIRED');
      }
      expect((await ctx.app.inject({ url: '/api/health', headers: { cookie: 'exoatlas_session=%' } })).statusCode).toBe(200);
    });
  });

  describe('issue 17 finding 8: security headers', () => {
    it('the web app and the API answer with a strict CSP, frame-ancestors none, X-Frame-Options DENY, nosniff, no-referrer', async () => {
      for (const url of ['/', '/api/health', '/api/no-such-route']) {
        const res = await ctx.app.inject({ url });
        const csp = String(res.headers['content-security-policy']);
        expect(csp, url).toMatch(/script-src 'self'(;|$)/);
        expect(csp).toMatch(/default-src 'self'/);
        expect(csp).toMatch(/frame-ancestors 'none'/);
        expect(csp).toMatch(/object-src 'none'/);
        expect(csp).not.toMatch(/script-src[^;]*unsafe/);
        expect(res.headers['x-frame-options']).toBe('DENY');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['referrer-policy']).toBe('no-referrer');
      }
    });

    it('the built index.html has no inline script the CSP would block', async () => {
      const html = (await ctx.app.inject({ url: '/' })).body;
      expect(html).toMatch(/<script type="module" crossorigin src="\/assets\//);
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/\son[a-z]+=/i);
    });

    it('without trustProxy the cookie is not Secure, and X-Forwarded-Proto is ignored', async () => {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/reviews/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload: { username: 'olivia', password: TEST_PASSWORD } });
      expect(String(res.headers['set-cookie'])).not.toMatch(/Secure/);
    });

    it('with trustProxy, behind a TLS proxy the session cookie is Secure and the https origin is our own', async () => {
      const headers = { 'x-forwarded-proto': 'https', host: 'atlas.example.org' };
      const res = await proxied.app.inject({ method: 'POST', url: '/api/reviews/auth/login', headers, payload: { username: 'olivia', password: TEST_PASSWORD } });
      expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
      const cookie = String(res.headers['set-cookie']).split(';')[0]!;
      const created = await proxied.app.inject({ method: 'POST', url: '/api/reviews', headers: { ...headers, cookie, origin: 'https://atlas.example.org' }, payload: { id: 'behind-proxy', name: 'Behind a proxy' } });
      expect(created.statusCode).toBe(201);
    });
  });
});
