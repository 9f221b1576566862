import { findDoi, parseName, type CitationAuthor, type CitationRecord } from '@exoatlas/literature';
import { clean, newRecord, urlOf, type ClientContext, type SearchClient } from '../client.js';
import { arr, num, obj, plainText, str, strings, type Json } from '../json.js';

/** Crossref work types → CSL item types. */
const TYPES: Record<string, string> = {
  'journal-article': 'article-journal', 'proceedings-article': 'paper-conference', 'book-chapter': 'chapter', 'book-section': 'chapter',
  book: 'book', monograph: 'book', 'edited-book': 'book', 'reference-book': 'book', 'posted-content': 'article', dissertation: 'thesis',
  report: 'report', dataset: 'dataset', standard: 'standard', 'reference-entry': 'entry-encyclopedia', 'peer-review': 'review',
};

/**
 * Crossref's works route (`/works?query=…&cursor=*&rows=…&mailto=…`), paged with `next-cursor` until a page is empty.
 * https://api.crossref.org/swagger-ui/index.html and https://www.crossref.org/documentation/retrieve-metadata/rest-api/
 */
export const crossrefClient: SearchClient = {
  service: 'crossref',
  label: 'Crossref',
  defaultBaseUrl: 'https://api.crossref.org',
  rate: () => 10,
  async run({ options, baseUrl, session, sink }: ClientContext): Promise<void> {
    const rows = Math.min(options.pageSize ?? 200, 1000);
    let cursor = '*';
    for (;;) {
      const url = urlOf(baseUrl, '/works', { query: options.query, ...options.filters, rows: Math.min(rows, sink.room), cursor, mailto: options.email });
      const body = obj(session.json(await session.get(url, 'application/json'), 'the works response'));
      const message = obj(body?.message);
      const total = num(message?.['total-results']);
      if (!body || body.status !== 'ok' || total === undefined || !Array.isArray(message?.items)) throw session.malformed('no "status": "ok" with "message.total-results" and "message.items"');
      sink.total = total;
      const page = message.items.map((item) => toRecord(obj(item) ?? {}));
      sink.add(page);
      const next = str(message['next-cursor']);
      if (page.length === 0 || !next || sink.records.length >= total) return;
      cursor = next;
    }
  },
};

/** The first date-parts of a Crossref date ({"date-parts": [[2020, 3, 1]]}) as ISO and year. */
function dateOf(value: unknown): { year: number; date: string } | undefined {
  const parts = arr(arr(obj(value)?.['date-parts'])[0]).map(num);
  const [year, month, day] = parts;
  if (year === undefined) return undefined;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return { year, date: month === undefined ? String(year) : day === undefined ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}` };
}

function toAuthor(author: Json): CitationAuthor | undefined {
  const family = str(author.family);
  if (family) return { family, given: str(author.given) };
  const name = str(author.name);
  return name ? { literal: name } : parseName(str(author.given));
}

export function toRecord(item: Json): CitationRecord {
  const record = newRecord();
  const type = str(item.type) ?? 'journal-article';
  record.type = TYPES[type] ?? 'article-journal';
  record.title = plainText(strings(item.title)[0]);
  record.abstract = plainText(item.abstract);
  record.authors = arr(item.author).map((a) => toAuthor(obj(a) ?? {})).filter((a): a is CitationAuthor => a !== undefined);
  const date = dateOf(item.issued) ?? dateOf(item.published) ?? dateOf(item['published-print']) ?? dateOf(item['published-online']);
  record.year = date?.year;
  record.date = date?.date;
  record.journal = plainText(strings(item['container-title'])[0]);
  record.journalAbbrev = plainText(strings(item['short-container-title'])[0]);
  record.volume = str(item.volume);
  record.issue = str(item.issue);
  record.pages = str(item.page);
  record.doi = findDoi(str(item.DOI));
  record.issn = [...new Set(strings(item.ISSN))];
  record.isbn = strings(item.ISBN)[0];
  record.url = str(item.URL);
  record.publisher = str(item.publisher);
  record.keywords = strings(item.subject);
  record.publicationTypes = [type];
  record.language = str(item.language);
  record.sourceDatabase = 'Crossref';
  record.sourceId = record.doi;
  if (type === 'posted-content') record.flags.push('preprint');
  if (!record.title) record.flags.push('missing-title');
  return clean(record);
}
