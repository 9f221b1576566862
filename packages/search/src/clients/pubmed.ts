import { LiteratureError, readCitations } from '@exoatlas/literature';
import { ExoError } from '@exoatlas/schema';
import { urlOf, type ClientContext, type SearchClient } from '../client.js';
import { num, obj, str } from '../json.js';
import { BudgetStop } from '../session.js';

/** ESearch with the history server hands out at most the first 10,000 records of a query. */
const HISTORY_LIMIT = 10_000;

/**
 * PubMed through NCBI E-utilities: ESearch with usehistory=y finds the records and keeps them on the history server,
 * then EFetch reads them in pages (retstart/retmax from WebEnv + query_key) as PubMed XML, which the literature
 * package's reader parses. https://www.ncbi.nlm.nih.gov/books/NBK25499/
 */
export const pubmedClient: SearchClient = {
  service: 'pubmed',
  label: 'PubMed',
  defaultBaseUrl: 'https://eutils.ncbi.nlm.nih.gov/entrez/eutils',
  // NCBI: 3 requests per second per host, 10 with an API key.
  rate: (options) => (options.apiKey ? 10 : 3),
  async run({ options, baseUrl, session, sink }: ClientContext): Promise<void> {
    const identity = { tool: options.tool ?? 'exoatlas', email: options.email, api_key: options.apiKey };
    const search = session.json(
      await session.get(urlOf(baseUrl, '/esearch.fcgi', { db: 'pubmed', term: options.query, usehistory: 'y', retmax: 0, retmode: 'json', ...options.filters, ...identity }), 'application/json'),
      'the ESearch response',
    );
    const result = obj(obj(search)?.esearchresult);
    if (!result) throw session.malformed('the ESearch response has no "esearchresult"');
    const error = str(result.ERROR);
    if (error) throw new ExoError('EXO_ERR_SEARCH_REJECTED', `PubMed refused the query: ${error}`, { service: 'pubmed' });
    const count = num(result.count);
    if (count === undefined) throw session.malformed('the ESearch response has no count');
    sink.total = count;
    if (count === 0) return;
    const webEnv = str(result.webenv);
    const queryKey = str(result.querykey);
    if (!webEnv || !queryKey) throw session.malformed('the ESearch response has no WebEnv/query_key (was usehistory=y honoured?)');
    const pageSize = Math.min(options.pageSize ?? 200, HISTORY_LIMIT);
    const reachable = Math.min(count, HISTORY_LIMIT);
    for (let start = 0; start < reachable; start += pageSize) {
      const size = Math.min(pageSize, reachable - start, sink.room);
      const xml = await session.get(
        urlOf(baseUrl, '/efetch.fcgi', { db: 'pubmed', query_key: queryKey, WebEnv: webEnv, retstart: start, retmax: size, retmode: 'xml', ...identity }),
        'application/xml',
      );
      sink.add(await readPage(xml, start, session.malformed.bind(session)));
    }
    if (count > HISTORY_LIMIT) throw new BudgetStop('service-limit', `PubMed hands out only the first ${HISTORY_LIMIT} of ${count} records of one query; narrow it (e.g. by date) to read the rest`);
  },
};

async function readPage(xml: string, start: number, malformed: (detail: string) => ExoError) {
  if (/<(eFetchResult|ERROR)>/.test(xml.slice(0, 500))) throw malformed(`EFetch returned an error: ${xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200)}`);
  try {
    return (await readCitations(xml, { format: 'pubmed-xml', idPrefix: `pubmed-${start}`, keepRaw: false })).records;
  } catch (error) {
    if (error instanceof LiteratureError) throw malformed(`the EFetch page at ${start} is not PubMed XML (${error.message})`);
    throw error;
  }
}
