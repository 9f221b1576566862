/**
 * Issue 20 "heavy, uncompressed delivery" and issue 23 "lists from cache": answers compressed as the client asks
 * (Brotli, gzip, or as they are), the atlas's list routes answered from a cache of encoded bytes with a strong ETag
 * and 304s, the cache invalidated when a review project publishes a study (on both backends, and in another server
 * process on the same database), hashed web assets immutable, index.html revalidated, and the overview's small
 * endpoint instead of the whole export.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Atlas } from '@exoatlas/atlas';
import { ReviewService } from '@exoatlas/review';
import { createStores } from '@exoatlas/store';
import { buildApp } from '@exoatlas/server';
import { ResponseCache } from '../src/delivery/response-cache.js';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/helpers/app.js';
import { skipped, testBackends } from '../../../test/helpers/backends.js';
import { repoRoot } from '../../../test/helpers/paths.js';
import { PASSWORD, PROJECT_ID, buildProject } from '../../review/test/synthesis/build-project.js';
import { rawFixture } from '../../review/test/synthesis/load-fixture.js';

async function get(app: FastifyInstance, url: string, headers: Record<string, string> = {}) {
  const res = await app.inject({ method: 'GET', url, headers });
  return { status: res.statusCode, headers: res.headers, raw: res.rawPayload };
}

/** The body as the client would read it after undoing the Content-Encoding. */
function decoded(res: { headers: Record<string, unknown>; raw: Buffer }): string {
  const coding = res.headers['content-encoding'];
  const body = coding === 'br' ? brotliDecompressSync(res.raw) : coding === 'gzip' ? gunzipSync(res.raw) : res.raw;
  return body.toString('utf8');
}

describe('issue 20 / issue 23: compression, ETags and immutable assets (SQLite)', () => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    ctx = await testApp({ web: true });
  });
  afterAll(() => ctx?.close());

  it('issue 20 delivery: /api/studies is Brotli, gzip or identity as Accept-Encoding asks, the same JSON each way', async () => {
    const plain = await get(ctx.app, '/api/studies?limit=50');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toMatch(/accept-encoding/i);
    const json = JSON.parse(decoded(plain));
    expect(json.items).toHaveLength(50);
    const br = await get(ctx.app, '/api/studies?limit=50', { 'accept-encoding': 'gzip, deflate, br' });
    const gz = await get(ctx.app, '/api/studies?limit=50', { 'accept-encoding': 'gzip' });
    const none = await get(ctx.app, '/api/studies?limit=50', { 'accept-encoding': 'br;q=0, gzip;q=0, identity' });
    expect([br.headers['content-encoding'], gz.headers['content-encoding'], none.headers['content-encoding']]).toEqual(['br', 'gzip', undefined]);
    for (const res of [br, gz, none]) expect(JSON.parse(decoded(res))).toEqual(json);
    // compressed to well under a third of the JSON, and Content-Length is the bytes sent
    expect(br.raw.length).toBeLessThan(plain.raw.length / 3);
    expect(Number(br.headers['content-length'])).toBe(br.raw.length);
    // routes outside the cache are compressed too (by @fastify/compress), but not tiny bodies
    const search = await get(ctx.app, '/api/search?q=exosome&limit=50', { 'accept-encoding': 'br' });
    expect(search.headers['content-encoding']).toBe('br');
    expect(JSON.parse(decoded(search)).hits.length).toBeGreaterThan(0);
    const tiny = await get(ctx.app, '/api/studies?limit=1&text=nosuchwordanywhere', { 'accept-encoding': 'br' });
    expect(tiny.raw.length).toBeLessThan(1024);
    expect(tiny.headers['content-encoding']).toBeUndefined();
  });

  it('issue 23 lists from cache: a strong ETag per coding, 304 on If-None-Match, one entry for one query however spelt', async () => {
    for (const url of ['/api/studies?limit=50', '/api/graph', '/api/studies/facets', '/api/map?rows=diseaseArea&cols=cellSource', '/api/overview', '/api/biology']) {
      const first = await get(ctx.app, url, { 'accept-encoding': 'br' });
      expect(first.status, url).toBe(200);
      const tag = String(first.headers.etag);
      expect(tag, url).toMatch(/^"[\w-]+-br"$/);
      expect(first.headers['cache-control'], url).toBe('no-cache');
      const again = await get(ctx.app, url, { 'accept-encoding': 'br', 'if-none-match': tag });
      expect(again.status, url).toBe(304);
      expect(again.raw.length, url).toBe(0);
      expect(again.headers.etag, url).toBe(tag);
      // a client that kept the gzip copy's tag is answered 304 too: it is the same version of the same answer
      const gzTag = String((await get(ctx.app, url, { 'accept-encoding': 'gzip' })).headers.etag);
      expect(gzTag).not.toBe(tag);
      expect((await get(ctx.app, url, { 'accept-encoding': 'br', 'if-none-match': `"other", W/${gzTag}` })).status, url).toBe(304);
      expect((await get(ctx.app, url, { 'if-none-match': '"other"' })).status, url).toBe(200);
    }
    const a = await get(ctx.app, '/api/studies?cellSource=iMSC&vesicle=exosome&limit=20');
    const b = await get(ctx.app, '/api/studies?limit=20&vesicle=exosome&cellSource=iMSC');
    expect(b.headers.etag).toBe(a.headers.etag);
    // a bad query is still a coded 400, never cached
    expect((await get(ctx.app, '/api/studies?limit=0')).status).toBe(400);
    // the Graphviz form keeps its own type
    const dot = await get(ctx.app, '/api/graph?format=dot', { 'accept-encoding': 'gzip' });
    expect(dot.headers['content-type']).toMatch(/^text\/vnd\.graphviz/);
    expect(decoded(dot)).toMatch(/^digraph/);
  });

  // Needs the built web app (node scripts/build.mjs), as the browser tests do.
  it.skipIf(!existsSync(join(repoRoot, 'packages/web/dist/index.html')))('issue 20 delivery: hashed assets are immutable for a year and pre-compressed; index.html is revalidated', async () => {
    const assets = readdirSync(join(repoRoot, 'packages/web/dist/assets'));
    const script = assets.find((f) => /^index-.*\.js$/.test(f))!;
    const res = await get(ctx.app, `/assets/${script}`, { 'accept-encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(decoded(res).length).toBeGreaterThan(res.raw.length * 3);
    const gz = await get(ctx.app, `/assets/${script}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const css = assets.find((f) => /\.css$/.test(f))!;
    expect((await get(ctx.app, `/assets/${css}`, { 'accept-encoding': 'gzip' })).headers['cache-control']).toMatch(/immutable/);
    // the compressed copies are not URLs of their own
    expect((await get(ctx.app, `/assets/${script}.br`)).status).toBe(404);
    for (const path of ['/', '/studies']) {
      const page = await get(ctx.app, path, { 'accept-encoding': 'br' });
      expect(page.status, path).toBe(200);
      expect(page.headers['cache-control'], path).toBe('no-cache');
      expect(decoded(page), path).toMatch(/<div id="root">/);
    }
  });

  it('issue 20 delivery: the overview\'s biology comes from /api/biology, a small fraction of /api/export', async () => {
    const biology = await get(ctx.app, '/api/biology', { 'accept-encoding': 'br' });
    const exported = await get(ctx.app, '/api/export', { 'accept-encoding': 'br' });
    const items = JSON.parse(decoded(biology)).items;
    expect(items).toEqual(JSON.parse(decoded(exported)).biology);
    expect(items.length).toBeGreaterThan(10);
    expect(biology.raw.length * 20).toBeLessThan(exported.raw.length);
  });
});

describe('issue 23 lists from cache: the version read', () => {
  it('one read shared by the requests waiting for it, never a read that started before a request arrived', async () => {
    let current = 'v1';
    const started: { version: string; resolve: () => void }[] = [];
    const cache = new ResponseCache({
      version: () =>
        new Promise<string>((resolve) => {
          const version = current;
          started.push({ version, resolve: () => resolve(version) });
        }),
    });
    const read = () => (cache as unknown as { readVersion(): Promise<string> }).readVersion();
    const a = read();
    current = 'v2'; // published while A's read is in flight
    const b = read();
    const c = read();
    expect(started).toHaveLength(1);
    started[0]!.resolve();
    expect(await a).toBe('v1');
    await new Promise((r) => setImmediate(r));
    expect(started).toHaveLength(2);
    started[1]!.resolve();
    expect([await b, await c]).toEqual(['v2', 'v2']);
    expect(started).toHaveLength(2);
  });
});

describe.each(await testBackends())('issue 23 lists from cache: invalidated when a study is published, on $name', (backend) => {
  if (skipped(backend)) return;
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let token = '';
  const P = `/api/reviews/${PROJECT_ID}`;

  beforeAll(async () => {
    ctx = await testApp({ backend: backend.name });
    const p = await buildProject(new ReviewService(ctx.stores.review));
    token = (await ctx.app.inject({ method: 'POST', url: '/api/reviews/auth/login', payload: { username: 'alice', password: PASSWORD } })).json().token;
    const auth = { authorization: `Bearer ${token}` };
    for (const s of rawFixture().studies) {
      for (const [kind, data] of [['extraction', s.form], ['rob', s.rob], ['misev', s.misev]] as const) {
        const res = await ctx.app.inject({ method: 'PUT', url: `${P}/records/${p.records[s.studyId]}/forms/${kind}`, headers: auth, payload: { data, expectedVersion: 0 } });
        expect(res.statusCode, res.body).toBe(200);
      }
    }
    expect((await ctx.app.inject({ method: 'POST', url: `${P}/synthesis`, headers: auth, payload: { outcome: 'wound-closure', save: true } })).statusCode).toBe(201);
  });
  afterAll(() => ctx?.close());

  it('a publication changes every cached list at once, here and in another server process on the same database', async () => {
    const stores = await createStores(backend.name === 'postgres' ? { databaseUrl: ctx.stores.url } : { sqlitePath: ctx.stores.url });
    const other = await buildApp({ atlas: new Atlas(await stores.atlas.knowledgeBase()), stores, metaRateLimit: false });
    try {
      const urls = ['/api/studies?origin=project', '/api/studies?limit=500', '/api/overview', '/api/studies/facets', '/api/map?rows=diseaseArea&cols=cellSource', '/api/graph'];
      const before: Record<string, string> = {};
      for (const url of urls) {
        const res = await get(ctx.app, url, { 'accept-encoding': 'br' });
        before[url] = String(res.headers.etag);
        // the other process caches its own copy of the same bytes: same tag
        expect((await get(other, url, { 'accept-encoding': 'br' })).headers.etag, url).toBe(before[url]);
      }
      expect(JSON.parse(decoded(await get(ctx.app, '/api/studies?origin=project'))).total).toBe(0);

      const pub = await ctx.app.inject({ method: 'POST', url: `${P}/syntheses/1/publish`, headers: { authorization: `Bearer ${token}` }, payload: {} });
      expect(pub.statusCode, pub.body).toBe(200);

      for (const app of [ctx.app, other]) {
        const listed = await get(app, '/api/studies?origin=project', { 'accept-encoding': 'br', 'if-none-match': before['/api/studies?origin=project']! });
        expect(listed.status).toBe(200);
        expect(JSON.parse(decoded(listed)).total).toBe(6);
        expect(JSON.parse(decoded(await get(app, '/api/overview', { 'accept-encoding': 'gzip' }))).counts.projectStudies).toBe(6);
        for (const url of urls.filter((u) => u !== '/api/graph')) {
          const res = await get(app, url, { 'accept-encoding': 'br', 'if-none-match': before[url]! });
          expect(res.status, url).toBe(200);
          expect(res.headers.etag, url).not.toBe(before[url]);
        }
      }
    } finally {
      await other.close();
      await stores.close();
    }
  });
});
