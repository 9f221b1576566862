import { afterEach, describe, expect, it } from 'vitest';
import { abstractFromInvertedIndex, retryAfterMs, runSearch, type SearchService } from '../src/index.js';
import { busiestWindow, fixture, FIXTURE_RESPONDERS, startFakeService, type FakeService, type Responder } from './helpers/fake-service.js';

const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 50 };
let service: FakeService | undefined;
afterEach(async () => {
  await service?.close();
  service = undefined;
});

async function serve(respond: Responder): Promise<FakeService> {
  service = await startFakeService(respond);
  return service;
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('issue 21: PubMed client (E-utilities)', () => {
  it('searches with usehistory=y, then fetches PubMed XML pages from WebEnv/query_key to the end', async () => {
    const fake = await serve(FIXTURE_RESPONDERS.pubmed);
    const result = await runSearch('pubmed', { query: 'exosomes AND ipsc', baseUrl: fake.url, pageSize: 2, email: 'team@example.org', apiKey: 'k123', filters: { mindate: '2015', datetype: 'pdat' } });
    expect(result).toMatchObject({ service: 'pubmed', total: 3, requests: 3 });
    expect(result.stoppedEarly).toBeUndefined();
    expect(result.records.map((r) => r.pmid)).toEqual(['28270212', '31000001', '36000002']);
    expect(result.records.map((r) => r.id)).toEqual(['pubmed#1', 'pubmed#2', 'pubmed#3']);
    const [first] = result.records;
    expect(first).toMatchObject({ doi: '10.1186/s13287-017-0510-9', pmcid: 'PMC5343225', year: 2017, journal: 'Stem cell research & therapy', sourceDatabase: 'PubMed' });
    expect(first!.authors[0]).toEqual({ family: 'Zhu', given: 'Yu' });
    const [search, page1, page2] = fake.requests;
    expect(search!.path).toBe('/esearch.fcgi');
    expect(Object.fromEntries(search!.params)).toMatchObject({ db: 'pubmed', term: 'exosomes AND ipsc', usehistory: 'y', retmode: 'json', tool: 'exoatlas', email: 'team@example.org', api_key: 'k123', mindate: '2015', datetype: 'pdat' });
    expect(Object.fromEntries(page1!.params)).toMatchObject({ db: 'pubmed', WebEnv: 'MCID_6750f3a1e6a2b51a2c0d4f1e', query_key: '1', retstart: '0', retmax: '2', retmode: 'xml' });
    expect(Object.fromEntries(page2!.params)).toMatchObject({ retstart: '2', retmax: '1' });
  });

  it('keeps to 3 requests per second without an API key (counted on the server)', async () => {
    const count = 8;
    const one = fixture('pubmed-efetch-2.xml');
    const fake = await serve(({ path, params }) =>
      path === '/esearch.fcgi'
        ? { body: fixture('pubmed-esearch.json').replace('"count": "3"', `"count": "${count}"`) }
        : { body: one.replaceAll('36000002', String(40000000 + Number(params.get('retstart')))) },
    );
    const started = performance.now();
    const result = await runSearch('pubmed', { query: 'q', baseUrl: fake.url, pageSize: 1 });
    expect(result.records).toHaveLength(count);
    expect(new Set(result.records.map((r) => r.pmid)).size).toBe(count);
    expect(fake.requests).toHaveLength(count + 1);
    // 9 requests at 3/s need at least two full seconds; no one-second window on the server saw more than 3.
    expect(busiestWindow(fake.requests, 1000)).toBeLessThanOrEqual(3);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1990);
  });

  it('an ESearch ERROR is a refused query; an EFetch page that is not PubMed XML is a malformed response', async () => {
    let fake = await serve(() => ({ body: fixture('pubmed-esearch-error.json') }));
    expect(await codeOf(runSearch('pubmed', { query: 'exosomes AND (', baseUrl: fake.url }))).toBe('EXO_ERR_SEARCH_REJECTED');
    await fake.close();
    fake = await serve(({ path }) => (path === '/esearch.fcgi' ? { body: fixture('pubmed-esearch.json') } : { body: fixture('pubmed-efetch-1.xml').slice(0, 900) }));
    expect(await codeOf(runSearch('pubmed', { query: 'q', baseUrl: fake.url, retry: FAST_RETRY }))).toBe('EXO_ERR_SEARCH_BAD_RESPONSE');
  });
});

describe('issue 21: Europe PMC client (REST search, cursorMark)', () => {
  it('pages with cursorMark (resultType=core, format=json) to the end and maps core results', async () => {
    const fake = await serve(FIXTURE_RESPONDERS.europepmc);
    const result = await runSearch('europepmc', { query: 'exosomes AND iPSC', baseUrl: fake.url, pageSize: 2 });
    expect(result).toMatchObject({ total: 3, requests: 2 });
    expect(fake.requests.map((r) => r.params.get('cursorMark'))).toEqual(['*', 'AoIIQJKSVSg0NjE4MDc4Mg==']);
    expect(Object.fromEntries(fake.requests[0]!.params)).toMatchObject({ query: 'exosomes AND iPSC', resultType: 'core', format: 'json', pageSize: '2' });
    const [med, preprint, third] = result.records;
    expect(med).toMatchObject({ pmid: '28270212', pmcid: 'PMC5343225', doi: '10.1186/s13287-017-0510-9', year: 2017, date: '2017-03-07', volume: '8', issue: '1', pages: '64', issn: ['1757-6512'], sourceDatabase: 'Europe PMC', sourceId: 'MED:28270212' });
    expect(med!.abstract).toBe('Background Osteoarthritis (OA) is the most common joint disease. Methods Exosomes were isolated by ultrafiltration & injected into the knee.');
    expect(med!.meshTerms).toEqual(['Animals', 'Exosomes/*metabolism']);
    expect(preprint).toMatchObject({ type: 'article', flags: ['preprint'], year: 2023, authors: [{ family: 'Larsen', given: 'Kirsten' }, { family: 'Müller', given: 'Jonas' }] });
    expect(third!.authors[1]).toEqual({ literal: 'EV Colitis Consortium' });
  });

  it('an HTML error page instead of JSON is a malformed response (coded), not a crash', async () => {
    const fake = await serve(() => ({ body: '<html><body>Service temporarily moved</body></html>' }));
    expect(await codeOf(runSearch('europepmc', { query: 'q', baseUrl: fake.url }))).toBe('EXO_ERR_SEARCH_BAD_RESPONSE');
  });

  it('keeps to the polite 10 requests per second (counted on the server)', async () => {
    const pages = 21;
    const fake = await serve(({ params }) => {
      const n = Number(params.get('cursorMark') === '*' ? 0 : params.get('cursorMark'));
      const page = JSON.parse(fixture('europepmc-2.json')) as { hitCount: number; nextCursorMark: string; resultList: { result: { id: string; pmid: string }[] } };
      page.hitCount = pages;
      page.nextCursorMark = String(n + 1);
      page.resultList.result[0]!.pmid = page.resultList.result[0]!.id = String(50000000 + n);
      return { body: JSON.stringify(page) };
    });
    const result = await runSearch('europepmc', { query: 'q', baseUrl: fake.url, pageSize: 1 });
    expect(result.records).toHaveLength(pages);
    expect(fake.requests).toHaveLength(pages);
    expect(busiestWindow(fake.requests, 1000)).toBeLessThanOrEqual(10);
    expect(fake.requests.at(-1)!.at - fake.requests[0]!.at).toBeGreaterThanOrEqual(1990);
  });
});

describe('issue 21: OpenAlex client (works, cursor paging, mailto)', () => {
  it('pages with cursor=* and per-page to the end, reconstructing abstracts from abstract_inverted_index', async () => {
    const fake = await serve(FIXTURE_RESPONDERS.openalex);
    const result = await runSearch('openalex', { query: 'exosomes iPSC', baseUrl: fake.url, pageSize: 2, email: 'team@example.org', filters: { filter: 'from_publication_date:2015-01-01' } });
    expect(result).toMatchObject({ total: 3, requests: 2 });
    expect(Object.fromEntries(fake.requests[0]!.params)).toMatchObject({ search: 'exosomes iPSC', cursor: '*', 'per-page': '2', mailto: 'team@example.org', filter: 'from_publication_date:2015-01-01' });
    const [first, preprint, third] = result.records;
    expect(first).toMatchObject({ doi: '10.1186/s13287-017-0510-9', pmid: '28270212', pmcid: 'PMC5343225', year: 2017, journal: 'Stem Cell Research & Therapy', pages: '64', sourceId: 'W2594436612', sourceDatabase: 'OpenAlex' });
    expect(first!.abstract).toBe('Osteoarthritis (OA) is the most common joint disease.');
    expect(first!.authors).toEqual([{ family: 'Zhu', given: 'Yu' }, { family: 'Wang', given: 'Yuqi' }]);
    expect(first!.meshTerms).toEqual(['Exosomes/*metabolism']);
    expect(preprint).toMatchObject({ type: 'article', flags: ['preprint'] });
    expect(preprint!.abstract).toBeUndefined();
    expect(third!.abstract).toBe('Investigators were blinded to group allocation to score.');
    expect(third!.authors[1]).toEqual({ family: 'van der Berg', given: 'Lotte' });
  });

  it('abstract_inverted_index: words back in order, repeated words at each position', () => {
    expect(abstractFromInvertedIndex({ b: [1, 3], a: [0], c: [2] })).toBe('a b c b');
    expect(abstractFromInvertedIndex(null)).toBeUndefined();
  });

  it('JSON without meta/results is a malformed response', async () => {
    const fake = await serve(() => ({ body: '{"error":"Invalid query parameters error.","message":"cursor must be *"}' }));
    expect(await codeOf(runSearch('openalex', { query: 'q', baseUrl: fake.url }))).toBe('EXO_ERR_SEARCH_BAD_RESPONSE');
  });
});

describe('issue 21: Crossref client (works, cursor, mailto)', () => {
  it('pages with cursor=* and rows to the end and maps works (JATS abstracts, date-parts, organisations)', async () => {
    const fake = await serve(FIXTURE_RESPONDERS.crossref);
    const result = await runSearch('crossref', { query: 'exosomes iPSC', baseUrl: fake.url, pageSize: 2, email: 'team@example.org' });
    expect(result).toMatchObject({ total: 3, requests: 2 });
    expect(Object.fromEntries(fake.requests[0]!.params)).toMatchObject({ query: 'exosomes iPSC', cursor: '*', rows: '2', mailto: 'team@example.org' });
    const [first, preprint, third] = result.records;
    expect(first).toMatchObject({ doi: '10.1186/s13287-017-0510-9', date: '2017-03-07', journal: 'Stem Cell Research & Therapy', journalAbbrev: 'Stem Cell Res Ther', sourceDatabase: 'Crossref' });
    expect(first!.abstract).toBe('Background Osteoarthritis (OA) is the most common joint disease.');
    expect(preprint).toMatchObject({ type: 'article', flags: ['preprint'], authors: [{ family: 'Larsen', given: 'Kirsten' }, { literal: 'Lung EV Network' }] });
    expect(third).toMatchObject({ year: 2022, date: '2022-08' });
  });

  it('a 400 (bad filter) is a refused request, not retried', async () => {
    const fake = await serve(() => ({ status: 400, body: '{"status":"failed","message-type":"validation-failure","message":[{"type":"filter-not-available","message":"Filter foo specified but there is no such filter"}]}' }));
    expect(await codeOf(runSearch('crossref', { query: 'q', baseUrl: fake.url, filters: { filter: 'foo:1' } }))).toBe('EXO_ERR_SEARCH_REJECTED');
    expect(fake.requests).toHaveLength(1);
  });
});

describe('issue 21: retries, Retry-After and budgets (all services)', () => {
  it('429 with Retry-After: 1 waits a second, then succeeds', async () => {
    const fake = await serve((req, i) => (i === 0 ? { status: 429, headers: { 'retry-after': '1' }, body: '{"error":"API rate limit exceeded"}' } : FIXTURE_RESPONDERS.openalex(req, i)));
    const result = await runSearch('openalex', { query: 'q', baseUrl: fake.url, pageSize: 2 });
    expect(result.records).toHaveLength(3);
    expect(fake.requests[1]!.at - fake.requests[0]!.at).toBeGreaterThanOrEqual(990);
    expect(result.requests).toBe(3);
  });

  it('500s and a dropped connection are retried with backoff; a service that keeps failing is EXO_ERR_SEARCH_UNAVAILABLE', async () => {
    const fake = await serve((req, i) => (i === 0 ? { status: 500, body: 'Internal Server Error' } : i === 1 ? 'destroy' : i === 2 ? { status: 503, body: '' } : FIXTURE_RESPONDERS.crossref(req, i)));
    const result = await runSearch('crossref', { query: 'q', baseUrl: fake.url, pageSize: 2, retry: FAST_RETRY });
    expect(result.records).toHaveLength(3);
    expect(result.requests).toBe(5);
    await fake.close();
    const down = await serve(() => ({ status: 502, body: 'Bad Gateway' }));
    expect(await codeOf(runSearch('europepmc', { query: 'q', baseUrl: down.url, retry: { ...FAST_RETRY, maxRetries: 3 } }))).toBe('EXO_ERR_SEARCH_UNAVAILABLE');
    expect(down.requests).toHaveLength(4);
  });

  it('stops cleanly at max records, max requests or the deadline, saying so and returning what it read', async () => {
    for (const name of ['pubmed', 'europepmc', 'openalex', 'crossref'] as SearchService[]) {
      const fake = await serve(FIXTURE_RESPONDERS[name]);
      const byRecords = await runSearch(name, { query: 'q', baseUrl: fake.url, pageSize: 2, budget: { maxRecords: 2 } });
      expect(byRecords.records, name).toHaveLength(2);
      expect(byRecords.stoppedEarly?.reason, name).toBe('max-records');
      const byRequests = await runSearch(name, { query: 'q', baseUrl: fake.url, pageSize: 2, budget: { maxRequests: 1 } });
      expect(byRequests.stoppedEarly?.reason, name).toBe('max-requests');
      expect(byRequests.requests, name).toBe(1);
      const atDeadline = await runSearch(name, { query: 'q', baseUrl: fake.url, pageSize: 2, budget: { deadline: Date.now() - 1 } });
      expect(atDeadline, name).toMatchObject({ requests: 0, records: [], stoppedEarly: { reason: 'deadline' } });
      await fake.close();
    }
    // A Retry-After that would pass the deadline stops the search instead of sleeping through it.
    const slow = await serve(() => ({ status: 429, headers: { 'retry-after': '120' }, body: '' }));
    const started = Date.now();
    const result = await runSearch('openalex', { query: 'q', baseUrl: slow.url, budget: { deadline: Date.now() + 2000 } });
    expect(result.stoppedEarly?.reason).toBe('deadline');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('bad options are coded usage errors', async () => {
    expect(await codeOf(runSearch('pubmed', { query: '  ' }))).toBe('EXO_ERR_SEARCH_BAD_OPTION');
    expect(await codeOf(runSearch('nope' as SearchService, { query: 'q' }))).toBe('EXO_ERR_SEARCH_BAD_OPTION');
    expect(await codeOf(runSearch('crossref', { query: 'q', baseUrl: 'ftp://example.org' }))).toBe('EXO_ERR_SEARCH_BAD_OPTION');
    expect(await codeOf(runSearch('crossref', { query: 'q', budget: { maxRecords: 0 } }))).toBe('EXO_ERR_SEARCH_BAD_OPTION');
  });

  it('Retry-After in seconds or as an HTTP date', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:05 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(5000);
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});
