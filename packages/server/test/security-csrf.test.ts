/** Issue 17, finding 6: cross-site request forgery. Writes check Origin (or Sec-Fetch-Site) and the body's media type. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/helpers/app.js';
import { signIn } from '../../../test/helpers/session.js';
import { skipped, testBackends } from '../../../test/helpers/backends.js';

describe.each(await testBackends())('on $name', (backend) => {
  if (skipped(backend)) return;

  let ctx: Awaited<ReturnType<typeof testApp>>;
  let token: string;
  let cookie: string;
  const P = '/api/reviews/csrf-demo';
  beforeAll(async () => {
    ctx = await testApp({ backend: backend.name, deps: { allowedOrigins: ['https://atlas.example.org'] } });
    token = await signIn(ctx.app, 'olivia');
    const login = await ctx.app.inject({ method: 'POST', url: '/api/reviews/auth/login', payload: { username: 'olivia', password: 'violet-harbour-lantern-93' } });
    cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const created = await ctx.app.inject({ method: 'POST', url: '/api/reviews', headers: { authorization: `Bearer ${token}` }, payload: { id: 'csrf-demo', name: 'CSRF demo' } });
    expect(created.statusCode).toBe(201);
  });
  afterAll(() => ctx.close());

  /** A write that succeeds on an empty project, for the cases that must pass the checks. */
  const rename = (headers: Record<string, string>) => ctx.app.inject({ method: 'PATCH', url: P, headers: { host: 'localhost:3000', ...headers }, payload: JSON.stringify({ name: 'Renamed' }) });
  const stop = (headers: Record<string, string>, payload = '{}') => ctx.app.inject({ method: 'POST', url: `${P}/screening/stop`, headers: { host: 'localhost:3000', ...headers }, payload });

  describe('issue 17 finding 6: CSRF', () => {
    it('a foreign Origin with the session cookie and a text/plain body is 403 EXO_ERR_HTTP_CROSS_ORIGIN (was 200)', async () => {
      const res = await stop({ cookie, origin: 'https://evil.example', 'content-type': 'text/plain' });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('EXO_ERR_HTTP_CROSS_ORIGIN');
      expect((await ctx.app.inject({ url: P, headers: { cookie } })).json().project.screeningStoppedAt ?? null).toBeNull();
    });

    it('a foreign Origin is refused even with a JSON body; "null" and malformed origins too', async () => {
      for (const origin of ['https://evil.example', 'null', 'http://localhost:3000.evil.example', 'https://localhost:3000']) {
        const res = await stop({ cookie, origin, 'content-type': 'application/json' });
        expect(res.statusCode, origin).toBe(403);
      }
    });

    it('without Origin, Sec-Fetch-Site cross-site or same-site is refused; same-origin passes', async () => {
      expect((await stop({ cookie, 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' })).statusCode).toBe(403);
      expect((await stop({ cookie, 'sec-fetch-site': 'same-site', 'content-type': 'application/json' })).statusCode).toBe(403);
      expect((await rename({ cookie, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' })).statusCode).toBe(200);
    });

    it('the own origin (Host + protocol) and an allowed origin pass with JSON', async () => {
      expect((await rename({ cookie, origin: 'http://localhost:3000', 'content-type': 'application/json' })).statusCode).toBe(200);
      expect((await rename({ cookie, origin: 'https://atlas.example.org', 'content-type': 'application/json; charset=utf-8' })).statusCode).toBe(200);
    });

    it('a same-origin write with a text/plain or form body is 415 EXO_ERR_HTTP_UNSUPPORTED_MEDIA_TYPE', async () => {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const res = await stop({ cookie, origin: 'http://localhost:3000', 'content-type': type });
        expect(res.statusCode, type).toBe(415);
        expect(res.json().error.code).toBe('EXO_ERR_HTTP_UNSUPPORTED_MEDIA_TYPE');
      }
    });

    it('Bearer requests skip the origin check but not the media-type check', async () => {
      const bearer = { authorization: `Bearer ${token}` };
      expect((await rename({ ...bearer, origin: 'https://evil.example', 'content-type': 'application/json' })).statusCode).toBe(200);
      expect((await stop({ ...bearer, 'content-type': 'text/plain' })).statusCode).toBe(415);
    });

    it("an import takes its documented upload types (text/plain among them) from this site, and refuses others", async () => {
      const ris = 'TY  - JOUR\nTI  - Exosomes\nER  - \n';
      const ok = await ctx.app.inject({ method: 'POST', url: '/api/imports?fileName=a.ris', headers: { host: 'localhost:3000', cookie, origin: 'http://localhost:3000', 'content-type': 'text/plain' }, payload: ris });
      expect(ok.statusCode).toBe(201);
      const html = await ctx.app.inject({ method: 'POST', url: '/api/imports?fileName=a.ris', headers: { cookie, 'content-type': 'text/html' }, payload: ris });
      expect(html.statusCode).toBe(415);
      const foreign = await ctx.app.inject({ method: 'POST', url: '/api/imports?fileName=a.ris', headers: { cookie, origin: 'https://evil.example', 'content-type': 'text/plain' }, payload: ris });
      expect(foreign.statusCode).toBe(403);
    });

    it('the session cookie is SameSite=Strict and HttpOnly', async () => {
      const login = await ctx.app.inject({ method: 'POST', url: '/api/reviews/auth/login', payload: { username: 'olivia', password: 'violet-harbour-lantern-93' } });
      expect(String(login.headers['set-cookie'])).toMatch(/; HttpOnly; SameSite=Strict;/);
    });
  });
});
