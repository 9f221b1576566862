import type { CitationRecord } from '../citation-record.js';
import type { CitationWriter } from './writer.js';

/** One CSL-JSON item (CSL 1.0.2 variables). */
export function toCslItem(r: CitationRecord): Record<string, unknown> {
  const item: Record<string, unknown> = { id: r.id, type: r.type };
  const set = (key: string, value: unknown): void => {
    if (value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)) item[key] = value;
  };
  set('title', r.title);
  set('author', r.authors.map((a) => (a.literal ? { literal: a.literal } : { family: a.family, ...(a.given ? { given: a.given } : {}) })));
  if (r.date) set('issued', { 'date-parts': [r.date.split('-').map(Number)] });
  else if (r.year !== undefined) set('issued', { 'date-parts': [[r.year]] });
  set('container-title', r.journal);
  set('container-title-short', r.journalAbbrev);
  set('volume', r.volume);
  set('issue', r.issue);
  set('page', r.pages);
  set('DOI', r.doi);
  set('PMID', r.pmid);
  set('PMCID', r.pmcid);
  set('ISSN', r.issn[0]);
  set('ISBN', r.isbn);
  set('URL', r.url);
  set('publisher', r.publisher);
  set('abstract', r.abstract);
  set('keyword', r.keywords.length > 0 ? r.keywords.join(', ') : undefined);
  set('language', r.language);
  set('genre', r.publicationTypes[0]);
  set('source', r.sourceDatabase);
  set('note', r.notes.length > 0 ? r.notes.join('\n') : undefined);
  return item;
}

/** A CSL-JSON array, one item per line group, streamable. */
export function cslJsonWriter(): CitationWriter {
  return {
    begin: () => '[\n',
    write: (r, index) => `${index > 0 ? ',\n' : ''}${JSON.stringify(toCslItem(r), null, 2).replace(/^/gm, '  ')}`,
    end: () => '\n]\n',
  };
}
