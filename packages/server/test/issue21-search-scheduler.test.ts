import { afterAll, describe, expect, it } from 'vitest';
import { Atlas } from '@exoatlas/atlas';
import { createStores } from '@exoatlas/store';
import type { FastifyInstance } from 'fastify';
import { buildApp, PgBossQueue, type AppDeps } from '../src/index.js';
import { testApp } from '../../../test/helpers/app.js';
import { newPostgresDatabase, skipped, testBackends } from '../../../test/helpers/backends.js';
import { dataDir } from '../../../test/helpers/paths.js';
import { signIn } from '../../../test/helpers/session.js';
import { FIXTURE_RESPONDERS, startFakeService, type FakeService } from '../../search/test/helpers/fake-service.js';

const backends = await testBackends();
const fakes: FakeService[] = [];
afterAll(async () => {
  for (const f of fakes) await f.close();
});

async function fake(): Promise<FakeService> {
  const f = await startFakeService(FIXTURE_RESPONDERS.pubmed);
  fakes.push(f);
  return f;
}

async function call(app: FastifyInstance, token: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  return res.json();
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('issue 21 item 3: scheduled searches run through the job queue', () => {
  it('SQLite: the in-process scheduler runs a due search once and schedules the next run', { timeout: 120_000 }, async () => {
    const pubmed = await fake();
    const ctx = await testApp({ backend: 'sqlite', deps: { searches: { tickMs: 100, connection: { baseUrls: { pubmed: pubmed.url }, pageSize: 2 } } } });
    try {
      const token = await signIn(ctx.app, 'sam');
      await call(ctx.app, token, 'POST', '/api/reviews', { id: 'living', name: 'Living' });
      const saved = await call(ctx.app, token, 'POST', '/api/reviews/living/searches/saved', { database: 'pubmed', query: 'exosomes', schedule: 'daily' });
      const runs = async () => (await call(ctx.app, token, 'GET', `/api/reviews/living/searches/saved/${saved.id}/runs`)).items as { status: string; newRecords: number; trigger: string }[];
      await until('the scheduled run', async () => (await runs()).some((r) => r.status !== 'running'));
      await new Promise((r) => setTimeout(r, 500));
      expect(await runs()).toMatchObject([{ status: 'succeeded', trigger: 'schedule', newRecords: 3 }]);
      const [listed] = (await call(ctx.app, token, 'GET', '/api/reviews/living/searches/saved')).items as { nextRunAt: string }[];
      expect(Date.parse(listed!.nextRunAt) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    } finally {
      await ctx.close();
    }
  });

  describe.each(backends.filter((b) => b.name === 'postgres'))('$name', (backend) => {
    if (skipped(backend)) return;
    it('two servers on one PostgreSQL database (pg-boss): a due search runs once, never twice', { timeout: 120_000 }, async () => {
      const pubmed = await fake();
      const url = await newPostgresDatabase();
      const apps: { app: FastifyInstance; close: () => Promise<void> }[] = [];
      try {
        for (let i = 0; i < 2; i++) {
          const stores = await createStores({ databaseUrl: url });
          const { hash } = await stores.atlas.ensureCurrent(dataDir);
          const atlas = new Atlas(await stores.atlas.knowledgeBase());
          const queue = await PgBossQueue.start(url);
          const deps: AppDeps = { atlas, stores, dataHash: hash, metaRateLimit: false, queue, searches: { tickMs: 150, connection: { baseUrls: { pubmed: pubmed.url }, pageSize: 2 } } };
          const app = await buildApp(deps);
          apps.push({ app, close: async () => (await app.close(), await stores.close()) });
        }
        const [a, b] = apps.map((x) => x.app) as [FastifyInstance, FastifyInstance];
        const token = await signIn(a, 'pat');
        await call(a, token, 'POST', '/api/reviews', { id: 'living', name: 'Living' });
        // Saved through one server, due at once; both servers tick every 150 ms and both queue it.
        const saved = await call(b, token, 'POST', '/api/reviews/living/searches/saved', { database: 'pubmed', query: 'exosomes', schedule: 'weekly' });
        const runs = async () => (await call(a, token, 'GET', `/api/reviews/living/searches/saved/${saved.id}/runs`)).items as { status: string; newRecords: number }[];
        await until('the scheduled run', async () => (await runs()).some((r) => r.status === 'succeeded'), 60_000);
        // Many more ticks of both servers: still one run, one ESearch, three records.
        await new Promise((r) => setTimeout(r, 2500));
        expect(await runs()).toMatchObject([{ status: 'succeeded', newRecords: 3 }]);
        expect(pubmed.requests.filter((r) => r.path === '/esearch.fcgi')).toHaveLength(1);
        expect((await call(b, token, 'GET', '/api/reviews/living/records')).total).toBe(3);
      } finally {
        for (const x of apps) await x.close();
      }
    });
  });
});
