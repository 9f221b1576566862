import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStores, type Stores } from '@exoatlas/store';
import { ReviewService, SavedSearchService, type User } from '../../src/index.js';
import { newPostgresDatabase, skipped, testBackends } from '../../../../test/helpers/backends.js';
import { FIXTURE_RESPONDERS, startFakeService, type FakeService, type Responder } from '../../../search/test/helpers/fake-service.js';

const backends = await testBackends();
const PASSWORD = 'correct-horse-battery';

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe.each(backends)('issue 21: saved searches on a review project ($name)', (backend) => {
  if (skipped(backend)) return;
  let stores: Stores;
  let review: ReviewService;
  let owner: User;
  let reviewer: User;
  let outsider: User;
  let pubmed: FakeService;
  let openalex: FakeService;
  let clock: Date;
  let pubmedRespond: Responder;
  const service = (): SavedSearchService =>
    new SavedSearchService(review, stores.savedSearches, {
      now: () => clock,
      connection: { baseUrls: { pubmed: pubmed.url, openalex: openalex.url }, pageSize: 2, retry: { maxRetries: 1, baseDelayMs: 5, maxDelayMs: 20 } },
    });

  beforeEach(async () => {
    stores = backend.name === 'postgres' ? await createStores({ databaseUrl: await newPostgresDatabase() }) : await createStores({ sqlitePath: ':memory:' });
    review = new ReviewService(stores.review, { schedule: () => undefined });
    owner = await review.createUser(undefined, { username: 'olga', password: PASSWORD });
    reviewer = await review.createUser(owner, { username: 'rui', password: PASSWORD });
    outsider = await review.createUser(owner, { username: 'oona', password: PASSWORD });
    await review.createProject(owner, { id: 'living', name: 'Living review' });
    await review.addMember(owner, 'living', { username: 'rui', role: 'reviewer' });
    pubmedRespond = FIXTURE_RESPONDERS.pubmed;
    pubmed = await startFakeService((req, i) => pubmedRespond(req, i));
    openalex = await startFakeService(FIXTURE_RESPONDERS.openalex);
    clock = new Date('2026-12-01T09:00:00Z');
  });
  afterEach(async () => {
    await pubmed.close();
    await openalex.close();
    await stores.close();
  });

  it('owners add and run; members list; each run records date, query, found and new; overlap across databases is de-duplicated', async () => {
    const living = service();
    const pm = await living.add(owner, 'living', { database: 'pubmed', query: 'exosomes AND ipsc', filters: { mindate: '2015', datetype: 'pdat' }, schedule: 'weekly' });
    expect(pm).toMatchObject({ database: 'pubmed', schedule: 'weekly', nextRunAt: '2026-12-01T09:00:00.000Z', filters: { mindate: '2015', datetype: 'pdat' } });
    const oa = await living.add(owner, 'living', { database: 'openalex', query: 'exosomes iPSC' });
    expect(oa.nextRunAt).toBeNull();
    expect(await codeOf(living.add(reviewer, 'living', { database: 'pubmed', query: 'x' }))).toBe('EXO_ERR_AUTH_FORBIDDEN');
    expect(await codeOf(living.add(outsider, 'living', { database: 'pubmed', query: 'x' }))).toBe('EXO_ERR_REVIEW_NOT_FOUND_PROJECT');
    expect(await codeOf(living.add(owner, 'living', { database: 'scopus', query: 'x' }))).toBe('EXO_ERR_REVIEW_INVALID_INPUT');
    expect(await codeOf(living.add(owner, 'living', { database: 'pubmed', query: 'x', filters: { term: 'y' } }))).toBe('EXO_ERR_REVIEW_INVALID_INPUT');
    expect(await codeOf(living.add(owner, 'living', { database: 'pubmed', query: 'x', schedule: 'hourly' }))).toBe('EXO_ERR_REVIEW_INVALID_INPUT');
    expect(await codeOf(living.run(reviewer, 'living', pm.id))).toBe('EXO_ERR_AUTH_FORBIDDEN');

    const first = await living.run(owner, 'living', pm.id);
    expect(first).toMatchObject({ status: 'succeeded', trigger: 'manual', query: 'exosomes AND ipsc', total: 3, found: 3, newRecords: 3, duplicates: 0, startedAt: '2026-12-01T09:00:00.000Z', error: null });
    expect(pubmed.requests[0]!.params.get('mindate')).toBe('2015');
    clock = new Date('2026-12-02T09:00:00Z');
    const second = await living.run(owner, 'living', oa.id);
    // OpenAlex holds the two PubMed-indexed papers (same DOIs/PMIDs) and a preprint PubMed does not.
    expect(second).toMatchObject({ status: 'succeeded', total: 3, found: 3, newRecords: 1, duplicates: 2 });
    const records = await review.listRecords(owner, 'living', {});
    expect(records.total).toBe(4);
    // Provenance: each run's import is a project search named after its database, dated and with its query.
    const searches = await stores.review.searches('living');
    expect(searches.map((s) => [s.id === first.searchId || s.id === second.searchId, s.database, s.date, s.query])).toEqual([
      [true, 'PubMed', '2026-12-01', 'exosomes AND ipsc'],
      [true, 'OpenAlex', '2026-12-02', 'exosomes iPSC'],
    ]);
    // Members list the searches with their last run; the runs are listed per search.
    const listed = await living.list(reviewer, 'living');
    expect(listed.map((s) => [s.database, s.lastRun?.newRecords])).toEqual([['pubmed', 3], ['openalex', 1]]);
    expect(await living.runs(reviewer, 'living', pm.id)).toHaveLength(1);
    expect(await codeOf(living.list(outsider, 'living'))).toBe('EXO_ERR_REVIEW_NOT_FOUND_PROJECT');
    expect(await codeOf(living.runs(owner, 'living', 999))).toBe('EXO_ERR_SEARCH_NOT_FOUND');
    // A scheduled search's next run is one interval after the run finished.
    expect((await stores.savedSearches.getSavedSearch('living', pm.id))!.nextRunAt).toBe('2026-12-08T09:00:00.000Z');
  });

  it('schedule: due searches run on the tick as their creator; a second update finds nothing new', async () => {
    const living = service();
    const pm = await living.add(owner, 'living', { database: 'pubmed', query: 'exosomes' });
    expect(await living.due()).toEqual([]);
    expect(await codeOf(living.setSchedule(reviewer, 'living', pm.id, 'daily'))).toBe('EXO_ERR_AUTH_FORBIDDEN');
    const scheduled = await living.setSchedule(owner, 'living', pm.id, 'daily');
    expect(scheduled.nextRunAt).toBe('2026-12-02T09:00:00.000Z');
    expect(await living.due()).toEqual([]);
    clock = new Date('2026-12-02T09:00:01Z');
    expect((await living.due()).map((s) => s.id)).toEqual([pm.id]);
    const run = await living.runScheduled('living', pm.id);
    expect(run).toMatchObject({ status: 'succeeded', trigger: 'schedule', runBy: owner.id, newRecords: 3 });
    expect(await living.due()).toEqual([]);
    expect(await living.runScheduled('living', pm.id)).toBeUndefined();
    clock = new Date('2026-12-03T09:00:02Z');
    expect(await living.runScheduled('living', pm.id)).toMatchObject({ status: 'succeeded', found: 3, newRecords: 0, duplicates: 3 });
    expect((await review.listRecords(owner, 'living', {})).total).toBe(3);
    expect((await living.setSchedule(owner, 'living', pm.id, 'none')).nextRunAt).toBeNull();
  });

  it('a run that fails half-way imports nothing, is recorded as failed, and the next tick retries it', async () => {
    const living = service();
    const pm = await living.add(owner, 'living', { database: 'pubmed', query: 'exosomes', schedule: 'weekly' });
    // The second EFetch page keeps failing: the first page's records must not be imported on their own.
    pubmedRespond = (req, i) => (req.path === '/efetch.fcgi' && req.params.get('retstart') === '2' ? { status: 500, body: 'Internal Server Error' } : FIXTURE_RESPONDERS.pubmed(req, i));
    const failed = await living.runScheduled('living', pm.id);
    expect(failed).toMatchObject({ status: 'failed', found: null, newRecords: null });
    expect(failed!.error).toMatch(/PubMed kept failing after 2 attempts: HTTP 500/);
    expect((await review.listRecords(owner, 'living', {})).total).toBe(0);
    expect(await stores.review.searches('living')).toEqual([]);
    expect((await living.due()).map((s) => s.id)).toEqual([pm.id]);
    // A failure inside the import transaction (here the store refuses the write) leaves nothing either.
    pubmedRespond = FIXTURE_RESPONDERS.pubmed;
    const importSearches = stores.review.importSearches.bind(stores.review);
    stores.review.importSearches = () => Promise.reject(new Error('disk full'));
    expect(await living.runScheduled('living', pm.id)).toMatchObject({ status: 'failed' });
    stores.review.importSearches = importSearches;
    expect((await review.listRecords(owner, 'living', {})).total).toBe(0);
    // The next tick: it is still due, runs, and imports everything once.
    const retried = await living.runScheduled('living', pm.id);
    expect(retried).toMatchObject({ status: 'succeeded', newRecords: 3 });
    expect((await living.runs(owner, 'living', pm.id)).map((r) => r.status)).toEqual(['failed', 'failed', 'succeeded']);
    expect(await codeOf(living.run(owner, 'living', pm.id))).toBeUndefined();
  });

  it('one run at a time: a second run is refused while one holds the search; a run left by a dead process is failed and taken over', async () => {
    const living = service();
    const pm = await living.add(owner, 'living', { database: 'pubmed', query: 'exosomes', schedule: 'daily' });
    // PubMed holds the first run's first request until released, so the second run surely finds the search held
    // (two runs racing freely could each finish before the other started).
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const answer = pubmedRespond;
    pubmedRespond = async (req, i) => (await held, answer(req, i));
    const first = living.run(owner, 'living', pm.id);
    while (pubmed.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const second = living.run(owner, 'living', pm.id);
    const [b] = await Promise.allSettled([second]);
    release();
    const [a] = await Promise.allSettled([first]);
    pubmedRespond = answer;
    const outcomes = [a!, b!].map((r) => (r.status === 'fulfilled' ? 'ran' : (r.reason as { code: string }).code)).sort();
    expect(outcomes).toEqual(['EXO_ERR_SEARCH_RUN_IN_PROGRESS', 'ran']);
    // A process claims the search and dies (its run stays 'running').
    const dead = await stores.savedSearches.startRun({ projectId: 'living', savedSearchId: pm.id, trigger: 'schedule', runBy: null, startedAt: clock.toISOString(), staleBefore: new Date(clock.getTime() - 1).toISOString() });
    expect(dead).toBeDefined();
    // An hour later the claim still holds (runs are taken for dead after two hours)…
    clock = new Date(clock.getTime() + 3_600_000);
    expect(await codeOf(living.run(owner, 'living', pm.id))).toBe('EXO_ERR_SEARCH_RUN_IN_PROGRESS');
    // …a day later the search is due again and the dead run is failed and taken over.
    clock = new Date(clock.getTime() + 86_400_000);
    expect((await living.due()).map((s) => s.id)).toEqual([pm.id]);
    expect(await living.runScheduled('living', pm.id)).toMatchObject({ status: 'succeeded', newRecords: 0, duplicates: 3 });
    const runs = await living.runs(owner, 'living', pm.id);
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'failed', 'succeeded']);
    expect(runs[1]!.error).toMatch(/interrupted/);
  });
});
