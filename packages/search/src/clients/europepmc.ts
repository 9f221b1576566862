import { findDoi, findPmcid, findPmid, parseDate, parseName, type CitationAuthor, type CitationRecord } from '@exoatlas/literature';
import { clean, newRecord, urlOf, type ClientContext, type SearchClient } from '../client.js';
import { arr, num, obj, plainText, str, strings, type Json } from '../json.js';

/**
 * Europe PMC's RESTful search (resultType=core, format=json), paged with cursorMark until the cursor stops moving.
 * https://europepmc.org/RestfulWebService#!/Europe32PMC32Articles32RESTful32API/search
 */
export const europePmcClient: SearchClient = {
  service: 'europepmc',
  label: 'Europe PMC',
  defaultBaseUrl: 'https://www.ebi.ac.uk/europepmc/webservices/rest',
  rate: () => 10,
  async run({ options, baseUrl, session, sink }: ClientContext): Promise<void> {
    const pageSize = Math.min(options.pageSize ?? 500, 1000);
    let cursor = '*';
    for (;;) {
      const url = urlOf(baseUrl, '/search', { query: options.query, resultType: 'core', format: 'json', pageSize: Math.min(pageSize, sink.room), cursorMark: cursor, ...options.filters, email: options.email });
      const body = obj(session.json(await session.get(url, 'application/json'), 'the search response'));
      const hitCount = num(body?.hitCount);
      const results = obj(body?.resultList)?.result;
      if (!body || hitCount === undefined || (hitCount > 0 && !Array.isArray(results))) throw session.malformed('no "hitCount" and "resultList.result"');
      sink.total = hitCount;
      const page = arr(results).map((r) => toRecord(obj(r) ?? {}));
      sink.add(page);
      const next = str(body.nextCursorMark);
      if (page.length === 0 || !next || next === cursor || sink.records.length >= hitCount) return;
      cursor = next;
    }
  },
};

function toAuthor(author: Json): CitationAuthor | undefined {
  const collective = str(author.collectiveName);
  if (collective) return { literal: collective };
  const family = str(author.lastName);
  if (family) return { family, given: str(author.firstName) ?? str(author.initials) };
  return parseName(str(author.fullName));
}

/** MEDLINE-form MeSH ("Exosomes/*metabolism", "*Exosomes") from Europe PMC's meshHeadingList. */
function meshTerms(heading: Json): string {
  const name = str(heading.descriptorName) ?? '';
  const quals = arr(obj(heading.meshQualifierList)?.meshQualifier).map((q) => obj(q) ?? {});
  const star = (j: Json): string => (str(j.majorTopic_YN) === 'Y' ? '*' : '');
  if (quals.length === 0) return `${star(heading)}${name}`;
  return [`${star(heading)}${name}`, ...quals.map((q) => `${star(q)}${str(q.qualifierName) ?? ''}`)].join('/');
}

export function toRecord(r: Json): CitationRecord {
  const source = str(r.source) ?? 'MED';
  const id = str(r.id) ?? '';
  const record = newRecord();
  const journalInfo = obj(r.journalInfo) ?? {};
  const journal = obj(journalInfo.journal) ?? {};
  record.title = plainText(r.title);
  record.abstract = plainText(r.abstractText);
  record.authors = arr(obj(r.authorList)?.author).map((a) => toAuthor(obj(a) ?? {})).filter((a): a is CitationAuthor => a !== undefined);
  const date = parseDate(str(journalInfo.printPublicationDate) ?? str(r.firstPublicationDate)) ?? parseDate(str(r.pubYear));
  const year = num(journalInfo.yearOfPublication) ?? num(r.pubYear) ?? date?.year;
  if (year !== undefined) record.year = year;
  if (date && date.year === year) record.date = date.date;
  else if (year !== undefined) record.date = String(year);
  record.journal = str(journal.title);
  record.journalAbbrev = str(journal.isoabbreviation) ?? str(journal.medlineAbbreviation);
  record.volume = str(journalInfo.volume);
  record.issue = str(journalInfo.issue);
  record.pages = str(r.pageInfo);
  record.doi = findDoi(str(r.doi));
  record.pmid = findPmid(str(r.pmid));
  record.pmcid = findPmcid(str(r.pmcid));
  record.issn = [...new Set([str(journal.issn), str(journal.essn)].filter((s): s is string => s !== undefined))];
  record.keywords = strings(obj(r.keywordList)?.keyword);
  record.meshTerms = arr(obj(r.meshHeadingList)?.meshHeading).map((h) => meshTerms(obj(h) ?? {}));
  record.publicationTypes = strings(obj(r.pubTypeList)?.pubType);
  record.language = str(r.language);
  record.sourceDatabase = 'Europe PMC';
  record.sourceId = `${source}:${id}`;
  record.url = `https://europepmc.org/article/${source}/${id}`;
  if (source === 'PPR') {
    record.type = 'article';
    record.flags.push('preprint');
  }
  if (!record.title) record.flags.push('missing-title');
  return clean(record);
}
