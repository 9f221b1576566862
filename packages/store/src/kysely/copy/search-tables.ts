import { sql, type Kysely } from 'kysely';
import { ExoError } from '@exoatlas/schema';
import type { SearchDocument } from '@exoatlas/atlas';
import type { Database, Dialect } from '../database.js';
import { searchIndexFor } from '../search/index.js';

/**
 * The full-text indexes are not copied as stored (FTS5's shadow tables and PostgreSQL's generated tsvector columns,
 * `seq` and `tokens` are each dialect's own): their text is read from the source and written again through the
 * target's SearchIndex, which rebuilds what that dialect derives from it. Rows come in the order they were added
 * (FTS5 rowid, PostgreSQL seq), so ranking ties break the same way after a copy.
 */
export interface IndexRule {
  /** The index's rows as plain text, in their stored order. */
  read(db: Kysely<Database>, dialect: Dialect): Promise<Record<string, unknown>[]>;
  write(db: Kysely<Database>, dialect: Dialect, rows: Record<string, unknown>[]): Promise<void>;
  /** Columns compared by `db verify`, the first of them the key rows are ordered by. */
  key: string[];
}

const INDEX_RULES: Record<string, IndexRule> = {
  search: {
    key: ['kind', 'id', 'title', 'body'],
    async read(db, dialect) {
      const order = dialect === 'sqlite' ? sql`rowid` : sql`seq`;
      return (await sql<Record<string, unknown>>`SELECT kind, id, title, body FROM search ORDER BY ${order}`.execute(db)).rows;
    },
    async write(db, dialect, rows) {
      await searchIndexFor(dialect).addDocuments(db, rows as unknown as SearchDocument[]);
    },
  },
  citations_fts: {
    key: ['citation_id', 'title', 'abstract', 'authors', 'keywords', 'journal'],
    async read(db, dialect) {
      const id = dialect === 'sqlite' ? sql`rowid` : sql`citation_id`;
      return (await sql<Record<string, unknown>>`SELECT ${id} AS citation_id, title, abstract, authors, keywords, journal FROM citations_fts ORDER BY ${id}`.execute(db)).rows;
    },
    async write(db, dialect, rows) {
      const index = searchIndexFor(dialect);
      for (let i = 0; i < rows.length; i += 200) {
        await index.addCitations(
          db,
          rows.slice(i, i + 200).map((r) => ({ citationId: Number(r.citation_id), title: String(r.title), abstract: String(r.abstract), authors: String(r.authors), keywords: String(r.keywords), journal: String(r.journal) })),
        );
      }
    },
  },
};

/** The rule for an index table; an index added by a later migration without a rule here fails loudly. */
export function indexRule(name: string): IndexRule {
  const rule = INDEX_RULES[name];
  if (!rule) throw new ExoError('EXO_ERR_STORE_COPY_UNKNOWN_TABLE', `cannot copy the full-text index ${name}: the copy has no rule to rebuild it`, { field: name });
  return rule;
}
