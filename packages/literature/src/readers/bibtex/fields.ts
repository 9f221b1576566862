import type { FieldTable } from '../../fields/table.js';
import { BIBTEX_TYPES } from '../../fields/types.js';

/** "a; b;  c" (Scopus) or "a, b, c": keywords cut at semicolons when there are any, else at commas. */
export function splitKeywords(value: string): string[] {
  return value.split(value.includes(';') ? ';' : ',');
}

/** BibTeX / BibLaTeX field (lower case) → CitationRecord field. Authors are read apart (their braces matter). */
export const BIBTEX_FIELDS: FieldTable = {
  type: { keys: ['@type'], types: BIBTEX_TYPES, fallback: 'document' },
  title: ['title'],
  abstract: ['abstract'],
  date: ['date', 'year'],
  journal: ['journal', 'journaltitle', 'booktitle', 'series'],
  journalAbbrev: ['abbrev_source_title', 'shortjournal', 'journalabbrev', 'journal-abbrev'],
  volume: ['volume'],
  issue: ['number', 'issue'],
  pages: { range: ['pages', 'art_number', 'eid'] },
  doi: ['doi', 'url'],
  pmid: ['pmid', 'pubmed', 'pubmed_id'],
  pmcid: ['pmcid'],
  issn: ['issn'],
  isbn: ['isbn'],
  url: ['url'],
  publisher: ['publisher'],
  language: ['language', 'langid'],
  keywords: { keys: ['keywords', 'author_keywords', 'keyword'], split: splitKeywords },
  meshTerms: { keys: ['mesh', 'mesh_terms'], split: splitKeywords },
  publicationTypes: { keys: ['document_type', 'pubtype'] },
  sourceDatabase: ['source', 'database'],
  sourceHints: ['url'],
  sourceId: ['@key'],
  notes: ['note', 'annote', 'annotation'],
};
