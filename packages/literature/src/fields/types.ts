/** RIS reference types (TY) → CSL item types. */
export const RIS_TYPES: Readonly<Record<string, string>> = {
  ABST: 'article', ADVS: 'motion_picture', AGGR: 'dataset', ANCIENT: 'manuscript', ART: 'graphic', BILL: 'bill',
  BLOG: 'post-weblog', BOOK: 'book', CASE: 'legal_case', CHAP: 'chapter', CHART: 'figure', CLSWK: 'classic',
  COMP: 'software', CONF: 'paper-conference', CPAPER: 'paper-conference', CTLG: 'book', DATA: 'dataset',
  DBASE: 'dataset', DICT: 'entry-dictionary', EBOOK: 'book', ECHAP: 'chapter', EDBOOK: 'book',
  EJOUR: 'article-journal', ELEC: 'webpage', ENCYC: 'entry-encyclopedia', EQUA: 'document', FIGURE: 'figure',
  GEN: 'document', GOVDOC: 'report', GRANT: 'document', GRNT: 'document', HEAR: 'hearing', ICOMM: 'personal_communication',
  INPR: 'article-journal', INTV: 'interview', JFULL: 'periodical', JOUR: 'article-journal', LEGAL: 'legislation',
  MANSCPT: 'manuscript', MAP: 'map', MGZN: 'article-magazine', MPCT: 'motion_picture', MULTI: 'webpage',
  MUSIC: 'musical_score', NEWS: 'article-newspaper', PAMP: 'pamphlet', PAT: 'patent', PCOMM: 'personal_communication',
  POD: 'broadcast', PRESS: 'article-newspaper', RPRT: 'report', SER: 'book', SLIDE: 'speech', SOUND: 'song',
  STAND: 'standard', STAT: 'legislation', STD: 'standard', THES: 'thesis', UNBILL: 'bill', UNPB: 'manuscript',
  UNPD: 'manuscript', VIDEO: 'motion_picture', WEB: 'webpage',
};

/** CSL item types → the RIS type a writer uses. */
export const CSL_TO_RIS: Readonly<Record<string, string>> = {
  'article-journal': 'JOUR', article: 'GEN', book: 'BOOK', chapter: 'CHAP', 'paper-conference': 'CPAPER',
  thesis: 'THES', report: 'RPRT', dataset: 'DATA', webpage: 'ELEC', patent: 'PAT', 'article-magazine': 'MGZN',
  'article-newspaper': 'NEWS', manuscript: 'UNPB', 'entry-dictionary': 'DICT', 'entry-encyclopedia': 'ENCYC',
  software: 'COMP', 'legal_case': 'CASE', legislation: 'STAT', bill: 'BILL', map: 'MAP', graphic: 'ART',
  figure: 'FIGURE', 'motion_picture': 'MPCT', song: 'SOUND', 'personal_communication': 'PCOMM', interview: 'INTV',
  hearing: 'HEAR', pamphlet: 'PAMP', standard: 'STAND', periodical: 'JFULL', 'post-weblog': 'BLOG', speech: 'SLIDE',
  broadcast: 'POD', classic: 'CLSWK', 'musical_score': 'MUSIC', document: 'GEN',
};

/** BibTeX / BibLaTeX entry types → CSL item types. */
export const BIBTEX_TYPES: Readonly<Record<string, string>> = {
  article: 'article-journal', book: 'book', booklet: 'pamphlet', inbook: 'chapter', incollection: 'chapter',
  inproceedings: 'paper-conference', conference: 'paper-conference', proceedings: 'book', manual: 'report',
  mastersthesis: 'thesis', phdthesis: 'thesis', thesis: 'thesis', techreport: 'report', report: 'report',
  unpublished: 'manuscript', misc: 'document', online: 'webpage', electronic: 'webpage', www: 'webpage',
  dataset: 'dataset', software: 'software', patent: 'patent', periodical: 'periodical', collection: 'book',
  mvbook: 'book', reference: 'book', inreference: 'entry-encyclopedia', suppbook: 'chapter', standard: 'standard',
};

/** CSL item types → the BibTeX entry type a writer uses. */
export const CSL_TO_BIBTEX: Readonly<Record<string, string>> = {
  'article-journal': 'article', 'article-magazine': 'article', 'article-newspaper': 'article', book: 'book',
  chapter: 'incollection', 'paper-conference': 'inproceedings', thesis: 'phdthesis', report: 'techreport',
  manuscript: 'unpublished', pamphlet: 'booklet', webpage: 'online',
};

/** The CSL type of a source type, by a table, case-insensitively; `fallback` when unknown. */
export function mapType(table: Readonly<Record<string, string>>, value: string | undefined, fallback: string): string {
  if (!value) return fallback;
  return table[value.trim().toUpperCase()] ?? table[value.trim().toLowerCase()] ?? fallback;
}
