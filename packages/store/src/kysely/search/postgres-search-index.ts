import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { SearchDocument } from '@exoatlas/atlas';
import type { SearchHit } from '../../atlas-store.js';
import { markSnippet } from '../../fts-query.js';
import type { Database } from '../database.js';
import { searchText } from '../migrations/dialect-ddl.js';
import { bm25, phrasesOf, tokenize } from './bm25.js';
import { BATCH, queryWords, type CitationMatch, type CitationText, type SearchIndex } from './search-index.js';

/** ts_rank normalisation 1 for citations: divide by 1 + log(document length), as bm25 discounts long documents. */
const NORMALISATION = sql.lit(1);

const headlineOptions = (words: number): RawBuilder<string> =>
  sql.lit(`StartSel=\u0002, StopSel=\u0003, MaxWords=${words}, MinWords=${Math.round(words / 2)}, ShortWord=0, MaxFragments=1, FragmentDelimiter=" … "`);

/**
 * ts_headline marks "miR-21" as two adjacent matches ('mir', '-21') and "miR-135b" as two joined by a hyphen ('mir',
 * '-', '135b'): one <mark>, as SQLite gives, reads better.
 */
const marked = (headline: string): string => markSnippet(headline.replaceAll('\u0003\u0002', '').replaceAll('\u0003-\u0002', '-'));

/**
 * The tsquery of what a user typed, as toFtsQuery reads it on SQLite: every word as a phrase of its parts, the last
 * also as a prefix, all required. Words go through the same punctuation folding as the indexed text (`searchText`).
 */
function tsQuery(input: string): RawBuilder<unknown> {
  return sql`(${sql.join(wordQueries(queryWords(input)), sql` && `)})`;
}

function wordQueries(words: readonly string[]): RawBuilder<unknown>[] {
  return words.map((w, i) => {
    const phrase = sql`phraseto_tsquery('simple', ${searchText(sql`${w}::text`)})`;
    return i === words.length - 1 ? sql`(regexp_replace(${phrase}::text, '''$', ''':*'))::tsquery` : phrase;
  });
}

/**
 * The query ts_headline marks matches with. The headline shows the text as written, which the parser reads unfolded
 * ("miR-21" as 'mir' and '-21'), so the folded query is joined (OR) with the words parsed as written.
 */
function headlineQuery(input: string): RawBuilder<unknown> {
  return sql`(${tsQuery(input)} || plainto_tsquery('simple', ${queryWords(input).join(' ')}))`;
}

/**
 * PostgreSQL full-text search: a generated tsvector with a GIN index finds the matches; atlas documents are ranked by
 * FTS5's BM25 (search/bm25.ts: the atlas is a few thousand short documents, so scoring the matches here is cheap and
 * gives the same order as SQLite), citations by ts_rank in the database; ts_headline makes the snippets.
 */
export class PostgresSearchIndex implements SearchIndex {
  async clearDocuments(db: Kysely<Database>): Promise<void> {
    await sql`DELETE FROM search`.execute(db);
  }

  async addDocuments(db: Kysely<Database>, docs: readonly SearchDocument[]): Promise<void> {
    const { n: first } = (await sql<{ n: number }>`SELECT cast(count(*) AS integer) AS n FROM search`.execute(db)).rows[0]!;
    for (let i = 0; i < docs.length; i += BATCH) {
      const rows = docs.slice(i, i + BATCH).map((d, j) => sql`(${d.kind}, ${d.id}, ${d.title}, ${d.body}, ${first + i + j}, ${tokenize(d.title).length + tokenize(d.body).length})`);
      await sql`INSERT INTO search (kind, id, title, body, seq, tokens) VALUES ${sql.join(rows)}`.execute(db);
    }
  }

  async searchDocuments(db: Kysely<Database>, query: string, options: { kinds?: readonly string[]; limit: number; offset: number }): Promise<{ total: number; hits: SearchHit[] }> {
    const words = queryWords(query);
    const perWord = wordQueries(words);
    const kinds = options.kinds && options.kinds.length > 0 ? sql`AND kind IN (${sql.join(options.kinds)})` : sql``;
    // BM25's corpus statistics are over the whole table, whatever the kind filter, as FTS5's are.
    const stats = (
      await sql<Record<string, number>>`SELECT cast(count(*) AS integer) AS rows, cast(coalesce(avg(tokens), 0) AS float8) AS average,
        ${sql.join(perWord.map((w, i) => sql`cast(count(*) FILTER (WHERE document @@ ${w}) AS integer) AS ${sql.ref(`n${i}`)}`))} FROM search`.execute(db)
    ).rows[0]!;
    const corpus = { rows: stats.rows!, averageLength: stats.average!, rowsWithPhrase: perWord.map((_, i) => stats[`n${i}`]!) };
    const matches = await sql<{ kind: SearchHit['kind']; id: string; title: string; body: string; seq: number }>`
      SELECT kind, id, title, body, seq FROM search WHERE document @@ ${sql`(${sql.join(perWord, sql` && `)})`} ${kinds}`.execute(db);
    const phrases = phrasesOf(words);
    const ranked = matches.rows
      .map((m) => ({ m, score: bm25([{ tokens: tokenize(m.title), weight: 4 }, { tokens: tokenize(m.body), weight: 1 }], phrases, corpus) }))
      .sort((a, b) => b.score - a.score || a.m.seq - b.m.seq);
    const page = ranked.slice(options.offset, options.offset + options.limit);
    if (page.length === 0) return { total: ranked.length, hits: [] };
    const headlines = await sql<{ kind: string; id: string; snippet: string }>`
      SELECT kind, id, ts_headline('simple', title || E'\n' || body, ${headlineQuery(query)}, ${headlineOptions(20)}) AS snippet
      FROM search WHERE (kind, id) IN (${sql.join(page.map(({ m }) => sql`(${m.kind}, ${m.id})`))})`.execute(db);
    const snippet = new Map(headlines.rows.map((h) => [`${h.kind}\u0000${h.id}`, h.snippet]));
    return {
      total: ranked.length,
      hits: page.map(({ m, score }) => ({ kind: m.kind, id: m.id, title: m.title, snippet: marked(snippet.get(`${m.kind}\u0000${m.id}`) ?? ''), score })),
    };
  }

  async addCitations(db: Kysely<Database>, rows: readonly (CitationText & { citationId: number })[]): Promise<void> {
    if (rows.length === 0) return;
    const values = rows.map((t) => sql`(${t.citationId}, ${t.title}, ${t.abstract}, ${t.authors}, ${t.keywords}, ${t.journal})`);
    await sql`INSERT INTO citations_fts (citation_id, title, abstract, authors, keywords, journal) VALUES ${sql.join(values)}`.execute(db);
  }

  citationMatch(query: string): CitationMatch {
    const q = tsQuery(query);
    return { table: sql`(SELECT citation_id, ts_rank(document, ${q}, ${NORMALISATION}) AS rank FROM citations_fts WHERE document @@ ${q})`, direction: 'desc' };
  }

  async citationSnippets(db: Kysely<Database>, query: string, ids: readonly number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await sql<{ id: number; s: string }>`
      SELECT citation_id AS id, ts_headline('simple', concat_ws(' ', title, abstract, authors, keywords, journal), ${headlineQuery(query)}, ${headlineOptions(24)}) AS s
      FROM citations_fts WHERE citation_id IN (${sql.join(ids)})`.execute(db);
    return new Map(rows.rows.map((r) => [r.id, marked(r.s)]));
  }
}

