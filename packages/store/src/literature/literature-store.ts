import { ExoError } from '@exoatlas/schema';
import { formatAuthor, streamCitations, type CitationFormat, type CitationInput, type CitationRecord, type LiteratureWarning } from '@exoatlas/literature';
import type { SqliteDatabase } from '../sqlite/open-database.js';
import { markSnippet, toFtsQuery } from '../fts-query.js';

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

type ImportRow = { id: number; file_name: string; format: CitationFormat; source_database: string | null; search_date: string | null; search_query: string | null; imported_at: string; record_count: number; warnings: string };

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

/** Imported literature in SQLite: one transaction per import, so a failed file leaves nothing behind. */
export class SqliteLiteratureStore implements LiteratureStore {
  /** Imports run one at a time: each holds the connection's write transaction across its async reads. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: SqliteDatabase) {}

  /** The database file (':memory:' for an in-memory database): another connection, e.g. a worker's, may write it. */
  get path(): string {
    return this.db.name;
  }

  /** Streams a file's records into the store in one transaction; any read error rolls the whole import back. */
  importFile(input: CitationInput, provenance: SearchProvenance, options: { format?: CitationFormat; onProgress?: (records: number) => void } = {}): Promise<ImportSummary> {
    const run = this.queue.then(() => this.importNow(input, provenance, options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Writes records already read (by a worker thread) in one transaction: the request thread only inserts rows.
   * Queued behind any running import, like importFile.
   */
  importParsed(parsed: { format: CitationFormat; records: readonly CitationRecord[]; warnings: LiteratureWarning[] }, provenance: SearchProvenance): Promise<ImportSummary> {
    const run = this.queue.then(() => this.writeImport(parsed.records, parsed, provenance, {}));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private importNow(input: CitationInput, provenance: SearchProvenance, options: { format?: CitationFormat; onProgress?: (records: number) => void }): Promise<ImportSummary> {
    const stream = streamCitations(input, { fileName: provenance.fileName, format: options.format });
    return this.writeImport(stream, stream, provenance, options);
  }

  private async writeImport(
    records: AsyncIterable<CitationRecord> | Iterable<CitationRecord>,
    stream: { readonly format?: CitationFormat; readonly warnings: LiteratureWarning[] },
    provenance: SearchProvenance,
    options: { format?: CitationFormat; onProgress?: (records: number) => void },
  ): Promise<ImportSummary> {
    const importedAt = new Date().toISOString();
    const insertCitation = this.db.prepare(
      `INSERT INTO citations (import_id, position, title, year, doi, pmid, journal, first_author, source_database, flags, json)
       VALUES (@importId, @position, @title, @year, @doi, @pmid, @journal, @firstAuthor, @sourceDatabase, @flags, @json)`,
    );
    const insertFts = this.db.prepare('INSERT INTO citations_fts (rowid, title, abstract, authors, keywords, journal) VALUES (?, ?, ?, ?, ?, ?)');
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const importId = Number(
        this.db
          .prepare('INSERT INTO imports (file_name, format, source_database, search_date, search_query, imported_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(provenance.fileName, options.format ?? 'unknown', provenance.database ?? null, provenance.date ?? null, provenance.query ?? null, importedAt).lastInsertRowid,
      );
      let position = 0;
      for await (const record of records) {
        const authors = record.authors.map(formatAuthor);
        const { lastInsertRowid } = insertCitation.run({
          importId,
          position: position++,
          title: record.title ?? null,
          year: record.year ?? null,
          doi: record.doi ?? null,
          pmid: record.pmid ?? null,
          journal: record.journal ?? null,
          firstAuthor: authors[0] ?? null,
          sourceDatabase: provenance.database ?? record.sourceDatabase ?? null,
          flags: JSON.stringify(record.flags),
          json: JSON.stringify(record),
        });
        insertFts.run(lastInsertRowid, record.title ?? '', record.abstract ?? '', authors.join('; '), [...record.keywords, ...record.meshTerms].join('; '), record.journal ?? '');
        if (position % 500 === 0) options.onProgress?.(position);
      }
      if (position === 0) {
        throw new ExoError('EXO_ERR_LIT_EMPTY_FILE', `${provenance.fileName}: the file holds no records; nothing was imported`, { file: provenance.fileName });
      }
      this.db.prepare('UPDATE imports SET format = ?, record_count = ?, warnings = ? WHERE id = ?').run(stream.format ?? 'unknown', position, JSON.stringify(stream.warnings), importId);
      this.db.exec('COMMIT');
      options.onProgress?.(position);
      return this.importRow(importId);
    } catch (error) {
      // SQLite has already rolled back after some errors (SQLITE_FULL, SQLITE_IOERR…): a second ROLLBACK would throw
      // "no transaction is active" and hide the real cause.
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  async listImports(): Promise<ImportSummary[]> {
    return (this.db.prepare('SELECT * FROM imports ORDER BY id').all() as ImportRow[]).map(toImport);
  }

  async getImport(id: number): Promise<ImportSummary> {
    return this.importRow(id);
  }

  private importRow(id: number): ImportSummary {
    const row = this.db.prepare('SELECT * FROM imports WHERE id = ?').get(id) as ImportRow | undefined;
    if (!row) throw new ExoError('EXO_ERR_NOT_FOUND_IMPORT', `no import ${id}`, { id: String(id) });
    return toImport(row);
  }

  /** One imported record, whole. */
  async getRecord(id: number): Promise<CitationRecord & { storeId: number; importId: number }> {
    const row = this.db.prepare('SELECT id, import_id, json FROM citations WHERE id = ?').get(id) as { id: number; import_id: number; json: string } | undefined;
    if (!row) throw new ExoError('EXO_ERR_NOT_FOUND_RECORD', `no record ${id}`, { id: String(id) });
    return { ...(JSON.parse(row.json) as CitationRecord), storeId: row.id, importId: row.import_id };
  }

  /** Imported records with full-text search (ranked, with snippets) and filters. */
  async searchRecords(filters: RecordFilters = {}): Promise<{ total: number; items: RecordSummary[] }> {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (filters.q !== undefined) {
      where.push('c.id IN (SELECT rowid FROM citations_fts WHERE citations_fts MATCH @q)');
      params.q = toFtsQuery(filters.q);
    }
    if (filters.importId !== undefined) {
      where.push('c.import_id = @importId');
      params.importId = filters.importId;
    }
    if (filters.database !== undefined) {
      where.push('lower(c.source_database) = lower(@database)');
      params.database = filters.database;
    }
    if (filters.yearFrom !== undefined) {
      where.push('c.year >= @yearFrom');
      params.yearFrom = filters.yearFrom;
    }
    if (filters.yearTo !== undefined) {
      where.push('c.year <= @yearTo');
      params.yearTo = filters.yearTo;
    }
    if (filters.hasDoi !== undefined) where.push(filters.hasDoi ? 'c.doi IS NOT NULL' : 'c.doi IS NULL');
    if (filters.flag !== undefined) {
      where.push('EXISTS (SELECT 1 FROM json_each(c.flags) WHERE value = @flag)');
      params.flag = filters.flag;
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM citations c ${clause}`).get(params) as { n: number }).n;
    const order = filters.q !== undefined ? 'ORDER BY (SELECT bm25(citations_fts) FROM citations_fts WHERE citations_fts MATCH @q AND rowid = c.id)' : 'ORDER BY c.import_id, c.position';
    const rows = this.db
      .prepare(`SELECT c.id, c.import_id, c.json FROM citations c ${clause} ${order} LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: filters.limit ?? 50, offset: filters.offset ?? 0 }) as { id: number; import_id: number; json: string }[];
    const snippet = filters.q !== undefined ? this.db.prepare(`SELECT snippet(citations_fts, -1, char(2), char(3), '…', 24) AS s FROM citations_fts WHERE citations_fts MATCH @q AND rowid = @id`) : undefined;
    return {
      total,
      items: rows.map((row) => {
        const r = JSON.parse(row.json) as CitationRecord;
        const s = snippet ? (snippet.get({ q: params.q, id: row.id }) as { s: string } | undefined)?.s : undefined;
        return {
          id: row.id,
          importId: row.import_id,
          title: r.title,
          authors: r.authors.map(formatAuthor),
          year: r.year,
          journal: r.journal,
          doi: r.doi,
          pmid: r.pmid,
          sourceDatabase: r.sourceDatabase,
          flags: r.flags,
          ...(s !== undefined ? { snippet: markSnippet(s) } : {}),
        };
      }),
    };
  }
}

function toImport(row: ImportRow): ImportSummary {
  return {
    id: row.id,
    fileName: row.file_name,
    format: row.format,
    database: row.source_database ?? undefined,
    date: row.search_date ?? undefined,
    query: row.search_query ?? undefined,
    importedAt: row.imported_at,
    recordCount: row.record_count,
    warnings: JSON.parse(row.warnings) as LiteratureWarning[],
  };
}
