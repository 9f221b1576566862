import type { CitationFormat, CitationInput, CitationRecord, LiteratureWarning } from '@exoatlas/literature';

/** Where a set of records came from: the search that produced the file. */
export interface SearchProvenance {
  fileName: string;
  database?: string;
  /** Date the search was run (ISO). */
  date?: string;
  /** The query string as run. */
  query?: string;
}

export interface ImportSummary {
  id: number;
  fileName: string;
  format: CitationFormat;
  database?: string;
  date?: string;
  query?: string;
  importedAt: string;
  recordCount: number;
  warnings: LiteratureWarning[];
}

export interface RecordFilters {
  q?: string;
  importId?: number;
  database?: string;
  yearFrom?: number;
  yearTo?: number;
  hasDoi?: boolean;
  flag?: string;
  limit?: number;
  offset?: number;
}

export interface RecordSummary {
  id: number;
  importId: number;
  title?: string;
  authors: string[];
  year?: number;
  journal?: string;
  doi?: string;
  pmid?: string;
  sourceDatabase?: string;
  flags: string[];
  snippet?: string;
}

/** Imported literature: each import is all or nothing, so a failed file leaves nothing behind. */
export interface LiteratureStore {
  /** Streams a file's records into the store in one transaction; any read error rolls the whole import back. */
  importFile(input: CitationInput, provenance: SearchProvenance, options?: { format?: CitationFormat; onProgress?: (records: number) => void }): Promise<ImportSummary>;
  /** Writes records already read (e.g. by a worker thread) in one transaction. */
  importParsed(parsed: { format: CitationFormat; records: readonly CitationRecord[]; warnings: LiteratureWarning[] }, provenance: SearchProvenance): Promise<ImportSummary>;
  listImports(): Promise<ImportSummary[]>;
  getImport(id: number): Promise<ImportSummary>;
  /** One imported record, whole. */
  getRecord(id: number): Promise<CitationRecord & { storeId: number; importId: number }>;
  /** Imported records with full-text search (ranked, with snippets) and filters. */
  searchRecords(filters?: RecordFilters): Promise<{ total: number; items: RecordSummary[] }>;
}
