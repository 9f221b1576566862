import { csvCell } from '@exoatlas/core';
import { formatAuthor, type CitationRecord } from '../citation-record.js';
import type { CitationWriter } from './writer.js';

/** The columns written, named as screening tools read them (ASReview, Rayyan). */
const COLUMNS: ReadonlyArray<[string, (r: CitationRecord) => string | number | undefined]> = [
  ['record_id', (r) => r.id],
  ['title', (r) => r.title],
  ['abstract', (r) => r.abstract],
  ['authors', (r) => r.authors.map(formatAuthor).join('; ')],
  ['year', (r) => r.year],
  ['journal', (r) => r.journal],
  ['volume', (r) => r.volume],
  ['issue', (r) => r.issue],
  ['pages', (r) => r.pages],
  ['doi', (r) => r.doi],
  ['pmid', (r) => r.pmid],
  ['pmcid', (r) => r.pmcid],
  ['keywords', (r) => r.keywords.join('; ')],
  ['mesh_terms', (r) => r.meshTerms.join('; ')],
  ['publication_type', (r) => r.publicationTypes.join('; ')],
  ['type', (r) => r.type],
  ['language', (r) => r.language],
  ['issn', (r) => r.issn.join('; ')],
  ['url', (r) => r.url],
  ['database', (r) => r.sourceDatabase],
  ['label', (r) => r.label],
];

/** CSV with a header row, RFC 4180 quoting, CRLF line ends; text cells that a spreadsheet would run as a formula are defused (@exoatlas/core). */
export function csvWriter(): CitationWriter {
  return {
    begin: () => `${COLUMNS.map(([name]) => name).join(',')}\r\n`,
    write: (r) => `${COLUMNS.map(([, get]) => csvCell(get(r))).join(',')}\r\n`,
    end: () => '',
  };
}
