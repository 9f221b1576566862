import type { FieldTable } from '../../fields/table.js';

/** MEDLINE tag → CitationRecord field (NLM's MEDLINE/PubMed data element descriptions). */
export const MEDLINE_FIELDS: FieldTable = {
  title: ['TI', 'BTI', 'TT'],
  abstract: ['AB'],
  authors: ['FAU+CN', 'AU+CN', 'FED', 'ED'],
  date: ['DP', 'DEP', 'EDAT'],
  journal: ['JT', 'BTI'],
  journalAbbrev: ['TA'],
  volume: ['VI'],
  issue: ['IP'],
  pages: { range: ['PG'] },
  doi: ['LID', 'AID'],
  pmid: ['PMID'],
  pmcid: ['PMC'],
  issn: ['IS'],
  isbn: ['ISBN'],
  publisher: ['PB'],
  language: ['LA'],
  keywords: { keys: ['OT'] },
  meshTerms: { keys: ['MH'] },
  publicationTypes: { keys: ['PT'] },
  sourceId: ['PMID'],
  notes: ['GN'],
};
