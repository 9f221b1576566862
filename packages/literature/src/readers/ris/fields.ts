import type { FieldTable } from '../../fields/table.js';
import { RIS_TYPES } from '../../fields/types.js';

/** RIS tag → CitationRecord field, tags in order of preference ("AU+A1": both, in file order). */
export const RIS_FIELDS: FieldTable = {
  type: { keys: ['TY'], types: RIS_TYPES, fallback: 'document' },
  title: ['TI', 'T1', 'CT', 'ST'],
  abstract: ['AB', 'N2'],
  authors: ['AU+A1'],
  date: ['PY', 'Y1', 'DA'],
  journal: ['T2', 'JF', 'JO', 'JA', 'J1', 'J2', 'BT'],
  journalAbbrev: ['J2', 'JA', 'J1', 'JI', 'J9'],
  volume: ['VL', 'VO'],
  issue: ['IS'],
  pages: { start: ['SP', 'C7'], end: ['EP'] },
  doi: ['DO', 'DI', 'M3', 'L2', 'UR', 'LK'],
  pmid: ['C5', 'C2', 'AN', 'UR', 'L2', 'N1'],
  pmcid: ['C2', 'C6'],
  issn: ['SN'],
  url: ['UR', 'L2', 'LK'],
  publisher: ['PB', 'PU'],
  language: ['LA'],
  keywords: { keys: ['KW', 'DE'], split: /\n/ },
  publicationTypes: { keys: ['M3'] },
  sourceDatabase: ['DB', 'DP'],
  sourceHints: ['UR', 'AN', 'L2', 'U2', 'LK'],
  sourceId: ['ID'],
  notes: ['N1'],
  labelNotes: ['N1'],
};
