import type { FieldTable } from '../../fields/table.js';

/** CSL-JSON variable → CitationRecord field (CSL 1.0.2 variable names; authors and type are read apart). */
export const CSL_FIELDS: FieldTable = {
  title: ['title'],
  abstract: ['abstract'],
  date: ['issued', 'original-date', 'available-date'],
  journal: ['container-title'],
  journalAbbrev: ['container-title-short', 'journalAbbreviation'],
  volume: ['volume'],
  issue: ['issue', 'number'],
  pages: { range: ['page', 'page-first'] },
  doi: ['DOI', 'doi'],
  pmid: ['PMID', 'pmid'],
  pmcid: ['PMCID', 'pmcid'],
  issn: ['ISSN'],
  isbn: ['ISBN'],
  url: ['URL'],
  publisher: ['publisher'],
  language: ['language'],
  keywords: { keys: ['keyword'], split: (v) => v.split(v.includes(';') ? ';' : ',') },
  publicationTypes: { keys: ['genre', 'medium'] },
  sourceDatabase: ['source'],
  sourceHints: ['URL'],
  sourceId: ['id', 'citation-key'],
  notes: ['note'],
};
