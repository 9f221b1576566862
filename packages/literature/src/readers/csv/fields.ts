import type { FieldTable } from '../../fields/table.js';

/** "a; b; c" → keywords (semicolons, else commas). */
function splitList(value: string): string[] {
  return value.split(value.includes(';') ? ';' : value.includes('|') ? '|' : ',');
}

/** Canonical CSV column (see COLUMN_ALIASES) → CitationRecord field. */
export const CSV_FIELDS: FieldTable = {
  title: ['title'],
  abstract: ['abstract'],
  authorLists: ['authors'],
  date: ['year'],
  journal: ['journal'],
  journalAbbrev: ['journalAbbrev'],
  volume: ['volume'],
  issue: ['issue'],
  pages: { range: ['pages'], start: ['pageStart', 'articleNumber'], end: ['pageEnd'] },
  doi: ['doi'],
  pmid: ['pmid'],
  pmcid: ['pmcid'],
  issn: ['issn'],
  isbn: ['isbn'],
  url: ['url'],
  publisher: ['publisher'],
  language: ['language'],
  keywords: { keys: ['keywords'], split: splitList },
  meshTerms: { keys: ['mesh'], split: splitList },
  publicationTypes: { keys: ['type'], split: splitList },
  sourceDatabase: ['database'],
  sourceHints: ['url', 'id'],
  sourceId: ['id'],
  notes: ['notes'],
  label: ['label'],
  labelNotes: ['notes'],
};
