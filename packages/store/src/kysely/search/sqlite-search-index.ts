import { sql, type Kysely } from 'kysely';
import type { SearchDocument } from '@exoatlas/atlas';
import type { SearchHit } from '../../atlas-store.js';
import { markSnippet, toFtsQuery } from '../../fts-query.js';
import type { Database } from '../database.js';
import { fts5Exclusion, fts5Match, termsOf } from './query-terms.js';
import { BATCH, snippetOf, type CitationMatch, type CitationText, type SearchDocumentsOptions, type SearchIndex } from './search-index.js';

/**
 * FTS5, as the hand-written store used it, with snippet() marked with \u0002…\u0003 and bm25 giving the title four
 * times the body's weight. bm25()'s weights are by column index, UNINDEXED columns included: the hand-written store's
 * bm25(search, 4.0, 1.0) weighted `kind` and `id` (which hold no tokens) and left title and body at 1; here the
 * weights name title and body.
 */
export class SqliteSearchIndex implements SearchIndex {
  async clearDocuments(db: Kysely<Database>): Promise<void> {
    await sql`DELETE FROM search`.execute(db);
  }

  async addDocuments(db: Kysely<Database>, docs: readonly SearchDocument[]): Promise<void> {
    for (let i = 0; i < docs.length; i += BATCH) {
      await db
        .insertInto('search')
        .values(docs.slice(i, i + BATCH).map((d) => ({ kind: d.kind, id: d.id, title: d.title, body: d.body })))
        .execute();
    }
  }

  async searchDocuments(db: Kysely<Database>, query: string, options: SearchDocumentsOptions): Promise<{ total: number; hits: SearchHit[] }> {
    const terms = termsOf(query, options.lexicon);
    const match = fts5Match(terms);
    const exclusion = fts5Exclusion(terms);
    const excluded = exclusion ? sql`AND rowid NOT IN (SELECT rowid FROM search WHERE search MATCH ${exclusion})` : sql``;
    const kinds = sql`${options.kinds && options.kinds.length > 0 ? sql`AND kind IN (${sql.join(options.kinds)})` : sql``} ${excluded}`;
    const count = await sql<{ n: number }>`SELECT count(*) AS n FROM search WHERE search MATCH ${match} ${kinds}`.execute(db);
    // Rank first, then make snippets for the page only (snippet() is the costly part on broad queries).
    const rows = await sql<{ kind: SearchHit['kind']; id: string; title: string; inBody: string; inTitle: string; score: number }>`
      WITH ranked AS (SELECT rowid AS r, bm25(search, 0.0, 0.0, 4.0, 1.0) AS score FROM search WHERE search MATCH ${match} ${kinds} ORDER BY score LIMIT ${options.limit} OFFSET ${options.offset})
      SELECT kind, id, title, snippet(search, 3, char(2), char(3), '…', 20) AS inBody, snippet(search, 2, char(2), char(3), '…', 20) AS inTitle, ranked.score AS score
      FROM search JOIN ranked ON search.rowid = ranked.r WHERE search MATCH ${match} ORDER BY ranked.score`.execute(db);
    return { total: count.rows[0]!.n, hits: rows.rows.map((r) => ({ kind: r.kind, id: r.id, title: r.title, snippet: markSnippet(snippetOf(r.inBody, r.inTitle)), score: -r.score })) };
  }

  async addCitations(db: Kysely<Database>, rows: readonly (CitationText & { citationId: number })[]): Promise<void> {
    if (rows.length === 0) return;
    const values = rows.map((t) => sql`(${t.citationId}, ${t.title}, ${t.abstract}, ${t.authors}, ${t.keywords}, ${t.journal})`);
    await sql`INSERT INTO citations_fts (rowid, title, abstract, authors, keywords, journal) VALUES ${sql.join(values)}`.execute(db);
  }

  citationMatch(query: string): CitationMatch {
    return { table: sql`(SELECT rowid AS citation_id, bm25(citations_fts) AS rank FROM citations_fts WHERE citations_fts MATCH ${toFtsQuery(query)})`, direction: 'asc' };
  }

  async citationSnippets(db: Kysely<Database>, query: string, ids: readonly number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const match = toFtsQuery(query);
    const rows = await sql<{ id: number; s: string }>`SELECT rowid AS id, snippet(citations_fts, -1, char(2), char(3), '…', 24) AS s FROM citations_fts WHERE citations_fts MATCH ${match} AND rowid IN (${sql.join(ids)})`.execute(db);
    return new Map(rows.rows.map((r) => [r.id, markSnippet(r.s)]));
  }
}
