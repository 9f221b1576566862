import type { FieldTable } from '../../fields/table.js';

/** EndNote reference types (%0) → CSL item types. */
export const ENDNOTE_TYPES: Readonly<Record<string, string>> = {
  'journal article': 'article-journal', 'electronic article': 'article-journal', book: 'book', 'edited book': 'book',
  'book section': 'chapter', 'electronic book section': 'chapter', 'conference paper': 'paper-conference',
  'conference proceedings': 'paper-conference', thesis: 'thesis', report: 'report', 'government document': 'report',
  'web page': 'webpage', dataset: 'dataset', patent: 'patent', 'magazine article': 'article-magazine',
  'newspaper article': 'article-newspaper', manuscript: 'manuscript', 'unpublished work': 'manuscript', generic: 'document',
};

/** EndNote tag → CitationRecord field (EndNote's tagged import reference). */
export const ENDNOTE_FIELDS: FieldTable = {
  type: { keys: ['%0'], types: ENDNOTE_TYPES, fallback: 'document' },
  title: ['%T'],
  abstract: ['%X'],
  authors: ['%A', '%E'],
  date: ['%D', '%8'],
  journal: ['%J', '%B'],
  journalAbbrev: ['%!'],
  volume: ['%V'],
  issue: ['%N'],
  pages: { range: ['%P'] },
  doi: ['%R', '%U'],
  pmid: ['%M', '%U'],
  issn: ['%@'],
  isbn: ['%@'],
  url: ['%U'],
  publisher: ['%I'],
  language: ['%G'],
  keywords: { keys: ['%K'], split: /\n|;/ },
  publicationTypes: { keys: ['%9'] },
  sourceDatabase: ['%~', '%W'],
  sourceHints: ['%U', '%M'],
  sourceId: ['%F'],
  notes: ['%Z', '%O'],
  labelNotes: ['%Z'],
};
