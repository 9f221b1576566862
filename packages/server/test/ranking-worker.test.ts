import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '@exoatlas/meta';
import { ExoError } from '@exoatlas/schema';
import { createStores, type Stores } from '@exoatlas/store';
import { inThreadRanking, ReviewService, type RankingEngine, type User } from '@exoatlas/review';
import { DEFAULT_BUDGETS } from '../src/workers/budgets.js';
import { pooledRanking } from '../src/workers/pooled-ranking.js';
import { testApp } from '../../../test/helpers/app.js';
import { repoRoot, tempDir } from '../../../test/helpers/paths.js';
import { signIn } from '../../../test/helpers/session.js';

// The review fixture (60 invented records, 12 relevant) as a search export, with each record's true label by title.
const table = parseCsv(readFileSync(join(repoRoot, 'packages/review/test/fixtures/synthetic-labelled.csv'), 'utf8'));
const col = (name: string): number => table.columns.indexOf(name);
const fixture = table.rows.map((row) => ({ title: String(row[col('title')]), abstract: String(row[col('abstract')]), label: Number(row[col('label_included')]) }));
const ris = fixture.map((r, i) => `TY  - JOUR\nTI  - ${r.title}\nAB  - ${r.abstract}\nPY  - ${2010 + (i % 12)}\nER  - \n`).join('\n');
const isRelevant = new Map(fixture.map((r) => [r.title, r.label === 1]));

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** A fresh SQLite database; `path` to open it again as another store instance (another process would). */
async function database(): Promise<{ stores: Stores; path: string }> {
  const tmp = tempDir('exoatlas-ranking-');
  const path = join(tmp.dir, 'atlas.sqlite');
  const stores = await createStores({ sqlitePath: path });
  cleanups.push(tmp.cleanup, () => stores.close());
  return { stores, path };
}

async function project(reviews: ReviewService, id = 'wounds'): Promise<User> {
  const user = await reviews.createUser(undefined, { username: 'rita', password: 'rita-correct-horse-battery' });
  await reviews.createProject(user, { id, name: 'Wounds', question: 'Do MSC-derived exosomes speed skin wound healing?' });
  await reviews.importSearches(user, id, [{ name: 'wounds.ris', data: ris }], { database: 'Embase', date: '2026-11-01' });
  return user;
}

/** A pooled engine that the test closes. */
function pooled(budgets = DEFAULT_BUDGETS): RankingEngine {
  const ranking = pooledRanking(true, budgets);
  cleanups.push(() => ranking.close());
  return ranking.engine;
}

describe('issue 16 item 5: ranking off the request thread', { timeout: 120_000 }, () => {
  it('the pooled ranking gives the same scores and order as the in-thread ranking, decision after decision', async () => {
    const { stores } = await database();
    const inThread = new ReviewService(stores.review, { ranking: inThreadRanking() });
    const inPool = new ReviewService(stores.review, { ranking: pooled() });
    const user = await project(inThread);
    const bases = new Set<string>();
    for (let i = 0; i < 14; i++) {
      const [a, b] = [await inThread.next(user, 'wounds'), await inPool.next(user, 'wounds')];
      expect(b.record?.id).toBe(a.record?.id);
      expect(b.ranking).toMatchObject({ basis: a.ranking!.basis, description: a.ranking!.description });
      const [listA, listB] = [await inThread.listRecords(user, 'wounds', { sort: 'score', limit: 60 }), await inPool.listRecords(user, 'wounds', { sort: 'score', limit: 60 })];
      expect(listB.items.map((r) => [r.id, r.score])).toEqual(listA.items.map((r) => [r.id, r.score]));
      bases.add(a.ranking!.basis);
      const record = a.record!;
      await inThread.decide(user, 'wounds', record.id, { decision: isRelevant.get(record.title) ? 'include' : 'exclude', expectedVersion: 0 });
    }
    // Both the query ranking (before an include and an exclude) and the trained model were compared.
    expect([...bases].sort()).toEqual(['model', 'query']);
  });

  it('a refit sends labels only: the ranking thread asks for the texts once per records key', async () => {
    const { stores } = await database();
    const jobs: { texts: boolean; rows: number }[] = [];
    const engine = pooled();
    const spy: RankingEngine = {
      rank: (job) => (jobs.push({ texts: job.texts !== undefined, rows: job.rows.length }), engine.rank(job)),
      forget: (id) => engine.forget(id),
    };
    const reviews = new ReviewService(stores.review, { ranking: spy });
    const user = await project(reviews);
    for (let i = 0; i < 3; i++) {
      const next = await reviews.next(user, 'wounds');
      await reviews.decide(user, 'wounds', next.record!.id, { decision: i === 0 ? 'include' : 'exclude', expectedVersion: 0 });
    }
    await reviews.next(user, 'wounds');
    expect(jobs.map((j) => j.texts)).toEqual([true, false, false, false]);
    expect(jobs.map((j) => j.rows)).toEqual([0, 1, 2, 3]);
  });

  it('a ranking job past its time budget is EXO_ERR_JOB_TIMEOUT, and screening still answers in import order with a warning', async () => {
    const { stores } = await database();
    const engine = pooled({ ...DEFAULT_BUDGETS, rankTimeoutMs: 1 });
    const reviews = new ReviewService(stores.review, { ranking: engine });
    const user = await project(reviews);
    const rejected = await engine.rank({ projectId: 'x', recordsKey: 'k', query: 'wound', userId: 1, rows: new Int32Array(), labels: new Uint8Array(), texts: fixture.map((r) => r.title) }).catch((e: unknown) => e);
    expect(rejected).toBeInstanceOf(ExoError);
    expect((rejected as ExoError).code).toBe('EXO_ERR_JOB_TIMEOUT');
    const next = await reviews.next(user, 'wounds');
    const first = (await reviews.listRecords(user, 'wounds', { limit: 1 })).items[0]!;
    expect(next.record!.id).toBe(first.id);
    expect(next.ranking).toMatchObject({ basis: 'unavailable', warning: { code: 'EXO_ERR_JOB_TIMEOUT' } });
    // The decision goes through, and the next answer comes at once (unranked) rather than waiting out the budget again.
    await reviews.decide(user, 'wounds', first.id, { decision: 'exclude', expectedVersion: 0 });
    expect((await reviews.next(user, 'wounds')).ranking!.basis).toBe('unavailable');
  });

  it('over HTTP: the server runs ranking under its budget (EXOATLAS_RANK_TIMEOUT_MS) and GET …/next answers 200 unranked past it', async () => {
    const ctx = await testApp({ jobs: { threads: 1, budgets: { rankTimeoutMs: 1 } } });
    cleanups.push(() => ctx.close());
    const token = await signIn(ctx.app, 'rita');
    const auth = { authorization: `Bearer ${token}` };
    expect((await ctx.app.inject({ method: 'POST', url: '/api/reviews', headers: auth, payload: { id: 'wounds', name: 'Wounds', question: 'wound healing' } })).statusCode).toBe(201);
    const imported = await ctx.app.inject({ method: 'POST', url: '/api/reviews/wounds/searches', headers: auth, payload: { database: 'Embase', date: '2026-11-01', files: [{ name: 'w.ris', content: ris }] } });
    expect(imported.statusCode).toBe(201);
    const next = await ctx.app.inject({ method: 'GET', url: '/api/reviews/wounds/next', headers: auth });
    expect(next.statusCode).toBe(200);
    expect(next.json().ranking).toMatchObject({ basis: 'unavailable', warning: { code: 'EXO_ERR_JOB_TIMEOUT' } });
    expect(next.json().record.title).toBe(fixture[0]!.title);
  });
});

describe('issue 16 item 5: records cached by a version read from the database', { timeout: 60_000 }, () => {
  it('notices records imported and flags changed through another store instance (another process)', async () => {
    const { stores, path } = await database();
    const here = new ReviewService(stores.review);
    const user = await project(here);
    // The fixture's near-identical decoys are de-duplicated on import: count what the project holds.
    const before = (await here.listRecords(user, 'wounds')).total;
    expect(before).toBeGreaterThan(30);
    const other = await createStores({ sqlitePath: path });
    cleanups.push(() => other.close());
    const there = new ReviewService(other.review);
    await there.importSearches(user, 'wounds', [{ name: 'more.ris', data: 'TY  - JOUR\nTI  - Exosomes from iPSC-derived MSCs close diabetic wounds\nPY  - 2024\nER  - \n' }], { database: 'PubMed', date: '2026-11-02' });
    const after = await here.listRecords(user, 'wounds', { limit: 100 });
    expect(after.total).toBe(before + 1);
    expect(after.items.at(-1)!.title).toBe('Exosomes from iPSC-derived MSCs close diabetic wounds');
    // An import of duplicates only adds no record, but the records' sources change.
    await there.importSearches(user, 'wounds', [{ name: 'again.ris', data: ris.split('\nER  - \n')[0] + '\nER  - \n' }], { database: 'Scopus', date: '2026-11-03' });
    expect((await here.listRecords(user, 'wounds', { limit: 1 })).items[0]!.sources).toEqual(['Embase', 'Scopus']);
    // A flag changed in place (a stop excludes the unscreened records by automation), then undone.
    await there.stopScreening(user, 'wounds', { note: 'enough' });
    expect((await here.listRecords(user, 'wounds', { limit: 1 })).items[0]!.isExcludedByAutomation).toBe(true);
    await there.resumeScreening(user, 'wounds');
    expect((await here.listRecords(user, 'wounds', { limit: 1 })).items[0]!.isExcludedByAutomation).toBe(false);
  });

  it('reads the records once while the version stays the same', async () => {
    const { stores } = await database();
    let reads = 0;
    const counting = new Proxy(stores.review, {
      get: (target, key, receiver) => (key === 'records' ? (id: string) => (reads++, target.records(id)) : Reflect.get(target, key, receiver)),
    });
    const reviews = new ReviewService(counting);
    const user = await project(reviews);
    const next = await reviews.next(user, 'wounds');
    await reviews.decide(user, 'wounds', next.record!.id, { decision: 'exclude', expectedVersion: 0 });
    await reviews.prisma(user, 'wounds');
    await reviews.getProject(user, 'wounds');
    expect(reads).toBe(1);
  });
});
