import { findDoi, findPmid, parseDate, parseName, type CitationAuthor, type CitationRecord } from '@exoatlas/literature';
import { clean, newRecord, urlOf, type ClientContext, type SearchClient } from '../client.js';
import { arr, num, obj, str, strings, type Json } from '../json.js';

/** OpenAlex work types → CSL item types. */
const TYPES: Record<string, string> = {
  article: 'article-journal', review: 'article-journal', letter: 'article-journal', editorial: 'article-journal', erratum: 'article-journal',
  preprint: 'article', 'book-chapter': 'chapter', book: 'book', dissertation: 'thesis', dataset: 'dataset', report: 'report',
  'peer-review': 'review', standard: 'standard', other: 'document',
};

/**
 * OpenAlex works (`/works?search=…&cursor=*&per-page=200&mailto=…`), paged with the cursor until it is null.
 * https://docs.openalex.org/how-to-use-the-api/get-lists-of-entities/paging
 */
export const openAlexClient: SearchClient = {
  service: 'openalex',
  label: 'OpenAlex',
  defaultBaseUrl: 'https://api.openalex.org',
  rate: () => 10,
  async run({ options, baseUrl, session, sink }: ClientContext): Promise<void> {
    const perPage = Math.min(options.pageSize ?? 200, 200);
    let cursor = '*';
    for (;;) {
      const url = urlOf(baseUrl, '/works', { search: options.query, ...options.filters, 'per-page': Math.min(perPage, sink.room), cursor, mailto: options.email, api_key: options.apiKey });
      const body = obj(session.json(await session.get(url, 'application/json'), 'the works response'));
      const meta = obj(body?.meta);
      const count = num(meta?.count);
      if (!body || count === undefined || !Array.isArray(body.results)) throw session.malformed('no "meta.count" and "results"');
      sink.total = count;
      const page = body.results.map((r) => toRecord(obj(r) ?? {}));
      sink.add(page);
      const next = str(meta?.next_cursor);
      if (page.length === 0 || !next || sink.records.length >= count) return;
      cursor = next;
    }
  },
};

/** The abstract from OpenAlex's inverted index (word → positions), words put back in order. */
export function abstractFromInvertedIndex(index: unknown): string | undefined {
  const words = obj(index);
  if (!words) return undefined;
  const slots: string[] = [];
  for (const [word, positions] of Object.entries(words)) for (const p of arr(positions)) if (typeof p === 'number' && Number.isInteger(p) && p >= 0 && p < 100_000) slots[p] = word;
  const text = slots.filter((w) => w !== undefined).join(' ');
  return text === '' ? undefined : text;
}

export function toRecord(w: Json): CitationRecord {
  const record = newRecord();
  const ids = obj(w.ids) ?? {};
  const location = obj(w.primary_location) ?? {};
  const source = obj(location.source) ?? {};
  const biblio = obj(w.biblio) ?? {};
  const type = str(w.type) ?? 'article';
  record.type = TYPES[type] ?? 'article-journal';
  record.title = str(w.title) ?? str(w.display_name);
  record.abstract = abstractFromInvertedIndex(w.abstract_inverted_index);
  record.authors = arr(w.authorships)
    .map((a) => parseName(str(obj(obj(a)?.author)?.display_name) ?? str(obj(a)?.raw_author_name)))
    .filter((a): a is CitationAuthor => a !== undefined);
  const date = parseDate(str(w.publication_date));
  record.year = num(w.publication_year) ?? date?.year;
  record.date = date?.date ?? (record.year !== undefined ? String(record.year) : undefined);
  record.journal = str(source.display_name);
  record.publisher = str(source.host_organization_name);
  record.issn = [...new Set(strings(source.issn))];
  record.volume = str(biblio.volume);
  record.issue = str(biblio.issue);
  const first = str(biblio.first_page);
  const last = str(biblio.last_page);
  record.pages = first && last && last !== first ? `${first}-${last}` : first;
  record.doi = findDoi(str(w.doi) ?? str(ids.doi));
  record.pmid = findPmid(str(ids.pmid));
  const pmcid = /(\d{3,9})\/?$/.exec(str(ids.pmcid) ?? '');
  if (pmcid) record.pmcid = `PMC${pmcid[1]}`;
  record.keywords = arr(w.keywords).map((k) => str(obj(k)?.display_name)).filter((k): k is string => k !== undefined);
  record.meshTerms = arr(w.mesh).map((m) => {
    const mesh = obj(m) ?? {};
    const star = mesh.is_major_topic === true ? '*' : '';
    const qualifier = str(mesh.qualifier_name);
    return qualifier ? `${str(mesh.descriptor_name) ?? ''}/${star}${qualifier}` : `${star}${str(mesh.descriptor_name) ?? ''}`;
  });
  record.publicationTypes = [type];
  record.language = str(w.language);
  record.sourceDatabase = 'OpenAlex';
  const id = str(w.id);
  record.sourceId = id?.replace(/^https?:\/\/openalex\.org\//, '');
  record.url = str(location.landing_page_url) ?? id;
  if (type === 'preprint') record.flags.push('preprint');
  if (!record.title) record.flags.push('missing-title');
  return clean(record);
}
