import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { SearchDocument } from '@exoatlas/atlas';
import type { SearchHit } from '../../atlas-store.js';
import { markSnippet } from '../../fts-query.js';
import type { Database } from '../database.js';
import { searchText } from '../migrations/dialect-ddl.js';
import { BATCH, queryWords, type CitationMatch, type CitationText, type SearchIndex } from './search-index.js';

/** ts_rank weights {D, C, B, A}: the title (A) counts four times the body (B), as bm25(search, 4.0, 1.0) does on SQLite. */
const WEIGHTS = sql.lit('{0.1, 0.1, 0.25, 1.0}');
/** ts_rank normalisation 1: divide by 1 + log(document length), as bm25 discounts long documents. */
const NORMALISATION = sql.lit(1);

const headlineOptions = (words: number): RawBuilder<string> =>
  sql.lit(`StartSel=\u0002, StopSel=\u0003, MaxWords=${words}, MinWords=${Math.round(words / 2)}, ShortWord=0, MaxFragments=1, FragmentDelimiter=" … "`);

/**
 * The tsquery of what a user typed, as toFtsQuery reads it on SQLite: every word as a phrase of its parts, the last
 * also as a prefix, all required. Words go through the same punctuation folding as the indexed text (`searchText`).
 */
function tsQuery(input: string): RawBuilder<unknown> {
  const words = queryWords(input);
  const parts = words.map((w, i) => {
    const phrase = sql`phraseto_tsquery('simple', ${searchText(sql`${w}::text`)})`;
    return i === words.length - 1 ? sql`(regexp_replace(${phrase}::text, '''$', ''':*'))::tsquery` : phrase;
  });
  return sql`(${sql.join(parts, sql` && `)})`;
}

/**
 * The query ts_headline marks matches with. The headline shows the text as written, which the parser reads unfolded
 * ("miR-21" as 'mir' and '-21'), so the folded query is joined (OR) with the words parsed as written.
 */
function headlineQuery(input: string): RawBuilder<unknown> {
  return sql`(${tsQuery(input)} || plainto_tsquery('simple', ${queryWords(input).join(' ')}))`;
}

/** PostgreSQL full-text search: a generated tsvector with a GIN index, ts_rank, ts_headline snippets. */
export class PostgresSearchIndex implements SearchIndex {
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

  async searchDocuments(db: Kysely<Database>, query: string, options: { kinds?: readonly string[]; limit: number; offset: number }): Promise<{ total: number; hits: SearchHit[] }> {
    const q = tsQuery(query);
    const kinds = options.kinds && options.kinds.length > 0 ? sql`AND kind IN (${sql.join(options.kinds)})` : sql``;
    const count = await sql<{ n: number }>`SELECT cast(count(*) AS integer) AS n FROM search WHERE document @@ ${q} ${kinds}`.execute(db);
    // Rank first, then make headlines for the page only (ts_headline re-parses the text: the costly part).
    const rows = await sql<{ kind: SearchHit['kind']; id: string; title: string; snippet: string; score: number }>`
      WITH ranked AS (
        SELECT kind, id, title, body, ts_rank(${WEIGHTS}, document, ${q}, ${NORMALISATION}) AS score FROM search
        WHERE document @@ ${q} ${kinds} ORDER BY score DESC, kind, id LIMIT ${options.limit} OFFSET ${options.offset})
      SELECT kind, id, title, ts_headline('simple', title || E'\n' || body, ${headlineQuery(query)}, ${headlineOptions(20)}) AS snippet, score
      FROM ranked ORDER BY score DESC, kind, id`.execute(db);
    return { total: count.rows[0]!.n, hits: rows.rows.map((r) => ({ kind: r.kind, id: r.id, title: r.title, snippet: markSnippet(r.snippet), score: Number(r.score) })) };
  }

  async addCitation(db: Kysely<Database>, citationId: number, t: CitationText): Promise<void> {
    await sql`INSERT INTO citations_fts (citation_id, title, abstract, authors, keywords, journal) VALUES (${citationId}, ${t.title}, ${t.abstract}, ${t.authors}, ${t.keywords}, ${t.journal})`.execute(db);
  }

  citationMatch(query: string): CitationMatch {
    const q = tsQuery(query);
    return {
      where: sql`c.id IN (SELECT citation_id FROM citations_fts WHERE document @@ ${q})`,
      rank: sql<number>`(SELECT ts_rank(f.document, ${q}, ${NORMALISATION}) FROM citations_fts f WHERE f.citation_id = c.id)`,
      direction: 'desc',
    };
  }

  async citationSnippets(db: Kysely<Database>, query: string, ids: readonly number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await sql<{ id: number; s: string }>`
      SELECT citation_id AS id, ts_headline('simple', concat_ws(' ', title, abstract, authors, keywords, journal), ${headlineQuery(query)}, ${headlineOptions(24)}) AS s
      FROM citations_fts WHERE citation_id IN (${sql.join(ids)})`.execute(db);
    return new Map(rows.rows.map((r) => [r.id, markSnippet(r.s)]));
  }
}

