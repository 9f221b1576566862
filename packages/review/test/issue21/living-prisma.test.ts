import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStores, type Stores } from '@exoatlas/store';
import { evidenceOverTime, livingPrisma, livingPrismaCounts, prismaUpdateSvg, ReviewService, SavedSearchService, type User } from '../../src/index.js';
import { newPostgresDatabase, skipped, testBackends } from '../../../../test/helpers/backends.js';
import { FIXTURE_RESPONDERS, startFakeService, type FakeService } from '../../../search/test/helpers/fake-service.js';

const backends = await testBackends();

describe('issue 21 item 4: living PRISMA counts (pure)', () => {
  it('groups searches by day into updates; records count in the update that first found them; total = previous + new', () => {
    const searches = [
      { id: 2, database: 'OpenAlex', date: '2026-12-08', query: 'q', identified: 3 },
      { id: 1, database: 'PubMed', date: '2026-12-01', query: 'q', identified: 3 },
      { id: 3, database: 'Crossref', date: '2026-12-08', query: 'q', identified: 2 },
    ];
    const rec = (searchId: number, ta: 'included' | 'excluded' | 'unscreened', ft: 'included' | 'excluded' | 'unscreened' = 'unscreened') => ({ searchId, titleAbstract: { status: ta }, fullText: { status: ft }, isNotRetrieved: false });
    const living = livingPrismaCounts(searches, [rec(1, 'included', 'included'), rec(1, 'excluded'), rec(1, 'included', 'included'), rec(2, 'included', 'included'), rec(3, 'unscreened')]);
    expect(living.updates.map((u) => [u.update, u.date, u.searches.map((s) => s.id), u.previous.studies, u.new.identified, u.new.duplicatesRemoved, u.new.screened, u.new.included, u.total.studies])).toEqual([
      [1, '2026-12-01', [1], 0, 3, 0, 3, 2, 2],
      [2, '2026-12-08', [2, 3], 2, 5, 3, 2, 1, 3],
    ]);
    expect(living.overall).toMatchObject({ identified: 8, duplicatesRemoved: 3, screened: 5, included: 3 });
    expect(living.updates[1]!.new.identifiedBySource).toEqual([{ source: 'OpenAlex', count: 3 }, { source: 'Crossref', count: 2 }]);
  });
});

describe.each(backends)('issue 21 item 4: a living review across two updates ($name)', (backend) => {
  if (skipped(backend)) return;
  let stores: Stores;
  let pubmed: FakeService;
  let openalex: FakeService;
  beforeEach(async () => {
    stores = backend.name === 'postgres' ? await createStores({ databaseUrl: await newPostgresDatabase() }) : await createStores({ sqlitePath: ':memory:' });
    pubmed = await startFakeService(FIXTURE_RESPONDERS.pubmed);
    openalex = await startFakeService(FIXTURE_RESPONDERS.openalex);
  });
  afterEach(async () => {
    await pubmed.close();
    await openalex.close();
    await stores.close();
  });

  it('scheduled PubMed and OpenAlex searches, the overlap de-duplicated, new records screened, the flow per update', async () => {
    const review = new ReviewService(stores.review, { schedule: () => undefined });
    let clock = new Date('2026-12-01T06:00:00Z');
    const living = new SavedSearchService(review, stores.savedSearches, { now: () => clock, connection: { baseUrls: { pubmed: pubmed.url, openalex: openalex.url }, pageSize: 2 } });
    const owner: User = await review.createUser(undefined, { username: 'ola', password: 'correct-horse-battery' });
    await review.createProject(owner, { id: 'living', name: 'Living' });
    const pm = await living.add(owner, 'living', { database: 'pubmed', query: 'exosomes AND ipsc', schedule: 'weekly' });
    // Update 1: the scheduler's tick runs the due PubMed search.
    for (const due of await living.due()) await living.runScheduled(due.projectId, due.id);
    const decide = async (title: RegExp, stage: 'title-abstract' | 'full-text', decision: 'include' | 'exclude', reason?: string) => {
      const { items } = await review.listRecords(owner, 'living', { stage, limit: 500 });
      const record = items.find((r) => title.test(r.title))!;
      await review.decide(owner, 'living', record.id, { stage, decision, reason, expectedVersion: 0 });
    };
    await decide(/^Comparison of exosomes/, 'title-abstract', 'include');
    await decide(/^Comparison of exosomes/, 'full-text', 'include');
    await decide(/myocardial infarction/, 'title-abstract', 'exclude', 'Wrong population or model');
    await decide(/colitis/, 'title-abstract', 'include');
    await decide(/colitis/, 'full-text', 'exclude', 'Data not extractable');
    // Update 2, a week later: OpenAlex is added; both are due; the overlap with PubMed is not screened again.
    clock = new Date('2026-12-08T06:00:01Z');
    const oa = await living.add(owner, 'living', { database: 'openalex', query: 'exosomes iPSC', schedule: 'weekly' });
    const runs = [];
    for (const due of await living.due()) runs.push(await living.runScheduled(due.projectId, due.id));
    expect(runs.map((r) => [r!.savedSearchId, r!.found, r!.newRecords])).toEqual([
      [pm.id, 3, 0],
      [oa.id, 3, 1],
    ]);
    await decide(/lung injury/, 'title-abstract', 'include');
    await decide(/lung injury/, 'full-text', 'include');

    const flow = await livingPrisma(review, owner, 'living');
    const [first, second] = flow.updates;
    expect(first).toMatchObject({ update: 1, date: '2026-12-01', previous: { studies: 0 }, total: { studies: 1 } });
    expect(first!.new).toMatchObject({ identified: 3, duplicatesRemoved: 0, screened: 3, excludedAtScreening: 1, soughtForRetrieval: 2, assessedForEligibility: 2, excludedAtFullText: 1, included: 1 });
    expect(first!.new.excludedAtFullTextReasons).toEqual([{ reason: 'Data not extractable', count: 1 }]);
    expect(second).toMatchObject({ update: 2, date: '2026-12-08', previous: { studies: 1, reports: 1 }, total: { studies: 2, reports: 2 } });
    expect(second!.new).toMatchObject({ identified: 6, duplicatesRemoved: 5, screened: 1, included: 1, identifiedBySource: [{ source: 'PubMed', count: 3 }, { source: 'OpenAlex', count: 3 }] });
    // The whole project's flow is the ordinary PRISMA counts.
    expect(flow.overall).toEqual(await review.prisma(owner, 'living'));
    const svg = prismaUpdateSvg(second!);
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    // The boxes' words, their wrapped lines joined.
    const text = svg.replace(/<title[^>]*>.*<\/title>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Studies included in previous version of review (n = 1)');
    expect(text).toContain('Total studies included in review (n = 2)');
    expect(text).toContain('Duplicate records removed (n = 5)');
    expect(text).toContain('New studies included in review (n = 1)');
    // Item 5: the evidence over time — records and included studies per publication year.
    expect((await evidenceOverTime(review, owner, 'living')).items).toEqual([
      { year: 2017, records: 1, included: 1 },
      { year: 2019, records: 1, included: 0 },
      { year: 2022, records: 1, included: 0 },
      { year: 2023, records: 1, included: 1 },
    ]);
  });
});
