import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiPath, getJson, paths } from '../src/api/client';
import { parseSnippet, unescapeHtml } from '../src/components/Snippet';
import { parseCsv, toCsv, toRecords } from '../src/lib/csv';
import { hitHref } from '../src/lib/hit-links';
import { sectionLabel } from '../src/lib/labels';
import { formatAuthors, formatSource, provenanceReferenceNumbers, referenceLinks, referenceMatches, shortCitation } from '../src/lib/references';
import { matchPath, parseLocation, withQuery } from '../src/router/router';
import { groupHits } from '../src/pages/SearchPage';
import { reference } from './fixtures';

describe('router', () => {
  it('matches paths with parameters', () => {
    expect(matchPath('/studies/:id', '/studies/zhu-2017')).toEqual({ id: 'zhu-2017' });
    expect(matchPath('/studies/:id', '/studies')).toBeNull();
    expect(matchPath('/references/:n', '/references/16')).toEqual({ n: '16' });
  });

  it('keeps state in the query string, dropping empty values', () => {
    expect(withQuery('/studies', { diseaseArea: 'renal', species: '', desc: false, inTable1: 'true' })).toBe('/studies?diseaseArea=renal&inTable1=true');
    expect(withQuery('/studies', {})).toBe('/studies');
    const r = parseLocation('/studies/?q=a%20b#x');
    expect(r.path).toBe('/studies');
    expect(r.query.get('q')).toBe('a b');
    expect(r.hash).toBe('x');
  });
});

describe('API client', () => {
  afterEach(() => vi.unstubAllGlobals());
  const respond = (status: number, body: unknown) => vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })));

  it('builds paths', () => {
    expect(apiPath('/api/search', { q: 'miR-21', kind: undefined, limit: 5 })).toBe('/api/search?q=miR-21&limit=5');
    expect(paths.map()).toBe('/api/map?rows=diseaseArea&cols=cellSource');
    expect(paths.entities({ kind: 'mirna' })).toBe('/api/entities?kind=mirna&limit=500');
  });

  it('tells a missing record from a missing route, a bad request and an unreachable server', async () => {
    respond(404, { error: { code: 'EXO_ERR_NOT_FOUND_STUDY', message: "no study 'x'" } });
    await expect(getJson('/api/studies/x')).rejects.toMatchObject({ kind: 'not-found', message: "no study 'x'" });
    respond(404, { error: { code: 'EXO_ERR_NOT_FOUND_ROUTE', message: 'no API route GET /api/map' } });
    await expect(getJson('/api/map')).rejects.toMatchObject({ kind: 'unavailable' });
    respond(400, { error: { code: 'EXO_ERR_QUERY_INVALID', message: "query parameter 'limit': must be a whole number" } });
    await expect(getJson('/api/studies?limit=x')).rejects.toMatchObject({ kind: 'bad-request' });
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const e = await getJson('/api/health').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).kind).toBe('network');
  });
});

describe('references', () => {
  it('formats authors and source as the Vancouver style does', () => {
    expect(formatAuthors(reference)).toBe('Zhang X, You J, et al.');
    expect(formatSource(reference)).toBe('J Cell Mol Med. 2020;24(23):13973–83.');
    expect(shortCitation(reference)).toBe('Zhang et al. 2020');
  });

  it('links out only where an identifier is known', () => {
    expect(referenceLinks(reference)).toEqual([]);
    expect(referenceLinks({ ...reference, doi: '10.1111/jcmm.16006', pmid: '33073479' })).toEqual([
      { label: 'doi:10.1111/jcmm.16006', href: 'https://doi.org/10.1111/jcmm.16006' },
      { label: 'PubMed 33073479', href: 'https://pubmed.ncbi.nlm.nih.gov/33073479/' },
    ]);
  });

  it('searches and collects reference numbers', () => {
    expect(referenceMatches(reference, 'zhang onfh')).toBe(true);
    expect(referenceMatches(reference, 'zhang lung')).toBe(false);
    expect(provenanceReferenceNumbers([{ section: '3', quote: 'q', referenceNumbers: [28, 27] }, { section: '2', quote: 'r', referenceNumbers: [27] }])).toEqual([27, 28]);
    expect(sectionLabel('fig-2')).toBe('Figure 2 legend');
    expect(sectionLabel('3')).toBe('§3 Musculoskeletal system');
    expect(sectionLabel('table-1')).toBe('Table 1');
  });
});

describe('search results', () => {
  it('parses snippets into text and marks without trusting HTML', () => {
    expect(parseSnippet('a &lt;b&gt; <mark>miR-21</mark> &amp; c')).toEqual([
      { text: 'a <b> ', isMark: false },
      { text: 'miR-21', isMark: true },
      { text: ' & c', isMark: false },
    ]);
    expect(unescapeHtml('&quot;x&#39;')).toBe('"x\'');
  });

  it('groups hits by kind in a fixed order and links each to its page', () => {
    const hit = (kind: string, id: string) => ({ kind, id, title: id, snippet: '', score: 1 }) as never;
    const groups = groupHits([hit('reference', 'ref-16'), hit('study', 's1'), hit('entity', 'mir-21'), hit('study', 's2')]);
    expect(groups.map((g) => g.kind)).toEqual(['study', 'entity', 'reference']);
    expect(groups[0]!.hits.map((h) => h.id)).toEqual(['s1', 's2']);
    expect(hitHref({ kind: 'reference', id: 'ref-16' })).toBe('/references/16');
    expect(hitHref({ kind: 'claim', id: 'c1' })).toBe('/mechanisms?claim=c1');
    expect(hitHref({ kind: 'limitation', id: 'l1' })).toBe('/clinical#limitation-l1');
  });
});

describe('CSV for the workbench', () => {
  it('reads quoted cells, keeps quoted columns as text and numbers as numbers', () => {
    const t = parseCsv('study,ai,alloc\r\n"Aronson, 1948",4,"random"\n"Hart ""77""",62,"alternate"\n\n');
    expect(t.columns).toEqual(['study', 'ai', 'alloc']);
    expect(t.rows).toEqual([
      ['Aronson, 1948', '4', 'random'],
      ['Hart "77"', '62', 'alternate'],
    ]);
    expect(t.quotedColumns).toEqual(['study', 'alloc']);
    expect(toRecords(t)).toEqual([
      { study: 'Aronson, 1948', ai: 4, alloc: 'random' },
      { study: 'Hart "77"', ai: 62, alloc: 'alternate' },
    ]);
  });

  it('reads semicolon and tab separated files and missing values', () => {
    expect(toRecords(parseCsv('yi;vi\n0.5;0.1\nNA;0.2'))).toEqual([
      { yi: 0.5, vi: 0.1 },
      { yi: null, vi: 0.2 },
    ]);
    expect(parseCsv('a\tb\n1\t2').rows).toEqual([['1', '2']]);
  });

  it('issue 22: the download defuses spreadsheet formulas in text cells but keeps negative numbers', () => {
    expect(toCsv(['study', 'yi'], [['=HYPERLINK("x")', -0.5], ['@A1', '-1e-3']])).toBe(`study,yi\n"'=HYPERLINK(""x"")",-0.5\n'@A1,-1e-3\n`);
  });

  it('issue 22: the shared reader keeps the workbench behaviour (trimmed unquoted cells, empty rows dropped, typing an open quote)', () => {
    expect(parseCsv(' a , b \n 1 ,\n,,\n"x\n').rows).toEqual([
      ['1', ''],
      ['x\n', ''],
    ]);
  });

  it('writes CSV that reads back', () => {
    const text = toCsv(['study', 'yi'], [['A, "x"', 0.5], ['B', null]]);
    expect(parseCsv(text).rows).toEqual([
      ['A, "x"', '0.5'],
      ['B', ''],
    ]);
  });
});
