/**
 * CitationRecord: the one shape every reader produces and every writer and the de-duplication consume.
 * Field names follow common bibliographic usage; `type` uses the CSL item types so that CSL-JSON is lossless.
 */

/** The formats the readers understand (`tsv` is CSV with tabs; `wos` the Web of Science plain-text export; `endnote` EndNote's tagged .enw). */
export const CITATION_FORMATS = ['pubmed-xml', 'medline', 'ris', 'bibtex', 'csv', 'tsv', 'csl-json', 'wos', 'endnote'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

/** The formats the writers produce. */
export const OUTPUT_FORMATS = ['ris', 'bibtex', 'csl-json', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Each output format's media type and usual file extension. */
export const OUTPUT_FILE_TYPES: Readonly<Record<OutputFormat, { mediaType: string; extension: string }>> = {
  ris: { mediaType: 'application/x-research-info-systems', extension: 'ris' },
  bibtex: { mediaType: 'application/x-bibtex', extension: 'bib' },
  'csl-json': { mediaType: 'application/vnd.citationstyles.csl+json', extension: 'json' },
  csv: { mediaType: 'text/csv', extension: 'csv' },
};

/** A person or an organisation (then only `literal`). */
export interface CitationAuthor {
  family?: string;
  given?: string;
  /** An organisation or a name that could not be split ("World Health Organization"). */
  literal?: string;
}

/** What a reader noticed about a record that a user may want to review. */
export type RecordFlag = 'missing-title' | 'unparsed-year' | 'preprint' | 'empty-record';

/** The record as the file had it: tags (RIS, MEDLINE), field names (BibTeX, CSV, CSL-JSON) or element paths (XML), each with every value. */
export interface RawRecord {
  format: CitationFormat;
  /** The 1-based line where the record starts in its file. */
  line?: number;
  fields: Record<string, string[]>;
}

/** Where each field of a merged record came from (record ids). */
export interface MergeInfo {
  /** Ids of every record merged into this one, the kept record first. */
  from: string[];
  /** Field name → ids of the records that supplied its value (one for a single value; every contributor to a list). */
  fieldSources: Partial<Record<MergeableField, string[]>>;
  /** Ids of preprint versions grouped with this (published) record. */
  preprints?: string[];
}

export interface CitationRecord {
  /** Unique within one read (`<file>#<n>`); de-duplication reports links by it. */
  id: string;
  /** CSL item type: article-journal, book, chapter, paper-conference, thesis, report, dataset, webpage, … */
  type: string;
  title?: string;
  abstract?: string;
  authors: CitationAuthor[];
  year?: number;
  /** ISO date, as precise as the source: 2019, 2019-10 or 2019-10-15. */
  date?: string;
  journal?: string;
  journalAbbrev?: string;
  volume?: string;
  issue?: string;
  pages?: string;
  doi?: string;
  pmid?: string;
  pmcid?: string;
  issn: string[];
  isbn?: string;
  url?: string;
  publisher?: string;
  keywords: string[];
  /** MeSH headings in MEDLINE form: "Odontogenic Cysts/*diagnosis/surgery" (`*` marks a major topic). */
  meshTerms: string[];
  /** Publication types as the source names them (PubMed PT, Embase M3, Scopus document type, …). */
  publicationTypes: string[];
  language?: string;
  /** The database the record was exported from (PubMed, Embase, Scopus, Web of Science, …) when known. */
  sourceDatabase?: string;
  /** The record's own id in its file (RIS ID, BibTeX key, CSV record_id, …). */
  sourceId?: string;
  /** A screening decision carried by the file (CSV label/included column, ASReview RIS notes): 1 included, 0 excluded. */
  label?: 0 | 1;
  notes: string[];
  flags: RecordFlag[];
  raw: RawRecord;
  merge?: MergeInfo;
}

/** The fields a merge chooses a value for. */
export type MergeableField = Exclude<keyof CitationRecord, 'id' | 'raw' | 'merge' | 'flags'>;

/** A record with every list empty and nothing else set (readers fill it). */
export function emptyRecord(id: string, raw: RawRecord): CitationRecord {
  return { id, type: 'article-journal', authors: [], issn: [], keywords: [], meshTerms: [], publicationTypes: [], notes: [], flags: [], raw };
}

/** "Family, Given" or the literal name. */
export function formatAuthor(author: CitationAuthor): string {
  if (author.literal) return author.literal;
  if (author.family && author.given) return `${author.family}, ${author.given}`;
  return author.family ?? author.given ?? '';
}
