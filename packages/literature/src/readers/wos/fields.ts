import type { FieldTable } from '../../fields/table.js';

/** Web of Science document types (PT) → CSL item types. */
export const WOS_TYPES: Readonly<Record<string, string>> = { J: 'article-journal', B: 'book', S: 'chapter', P: 'patent', C: 'paper-conference' };

/** Web of Science field tag → CitationRecord field (Clarivate's field tag list). Wrapped values are joined first. */
export const WOS_FIELDS: FieldTable = {
  type: { keys: ['PT'], types: WOS_TYPES, fallback: 'article-journal' },
  title: ['TI'],
  abstract: ['AB'],
  authors: ['AF', 'AU', 'CA', 'BE'],
  date: ['PY', 'EA', 'PD'],
  journal: ['SO', 'SE'],
  journalAbbrev: ['JI', 'J9'],
  volume: ['VL'],
  issue: ['IS'],
  pages: { start: ['BP', 'AR'], end: ['EP'] },
  doi: ['DI', 'D2'],
  pmid: ['PM'],
  issn: ['SN', 'EI'],
  isbn: ['BN'],
  publisher: ['PU'],
  language: ['LA'],
  keywords: { keys: ['DE', 'ID'], split: /;/ },
  publicationTypes: { keys: ['DT'], split: /;/ },
  sourceId: ['UT'],
};

/** Tags whose continuation lines are wrapped text of one value, not further values. */
export const WRAPPED_TAGS: ReadonlySet<string> = new Set(['TI', 'AB', 'SO', 'DE', 'ID', 'FX', 'SE', 'BS', 'CT', 'HO', 'DT', 'PU', 'PA', 'SC', 'WC', 'FU']);
