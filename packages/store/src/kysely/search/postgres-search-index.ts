import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { SearchDocument } from '@exoatlas/atlas';
import type { SearchHit } from '../../atlas-store.js';
import { markSnippet } from '../../fts-query.js';
import type { Database } from '../database.js';
import { searchText } from '../migrations/dialect-ddl.js';
import type { QueryTerm, TermPhrase } from '@exoatlas/atlas';
import { bm25, tokenize } from './bm25.js';
import { phrasesOfTerms, termsOf } from './query-terms.js';
import { BATCH, queryWords, snippetOf, type CitationMatch, type CitationText, type SearchDocumentsOptions, type SearchIndex } from './search-index.js';

/** Texts whose tokens are kept: the atlas's titles and bodies (about 2,000) with room for published studies. */
const TOKEN_CACHE = 10_000;

/** ts_rank normalisation 1 for citations: divide by 1 + log(document length), as bm25 discounts long documents. */
const NORMALISATION = sql.lit(1);

const headlineOptions = (words: number): RawBuilder<string> =>
  sql.lit(`StartSel=\u0002, StopSel=\u0003, MaxWords=${words}, MinWords=${Math.round(words / 2)}, ShortWord=0, MaxFragments=1, FragmentDelimiter=" … "`);

/** ts_headline marks "miR-21" as two adjacent matches ('mir', '-21'): one <mark> reads better. */
const marked = (headline: string): string => markSnippet(headline.replaceAll('\u0003\u0002', ''));

/**
 * The tsquery of what a user typed, as toFtsQuery reads it on SQLite: every word as a phrase of its parts, the last
 * also as a prefix, all required. Words go through the same punctuation folding as the indexed text (`searchText`).
 */
function tsQuery(input: string): RawBuilder<unknown> {
  return sql`(${sql.join(wordQueries(queryWords(input)), sql` && `)})`;
}

function wordQueries(words: readonly string[]): RawBuilder<unknown>[] {
  return words.map((w, i) => phraseQuery(w, i === words.length - 1));
}

/** One phrase as a tsquery, its last lexeme as a prefix (`:*`) when asked. */
function phraseQuery(text: string, isPrefix: boolean): RawBuilder<unknown> {
  const phrase = sql`phraseto_tsquery('simple', ${searchText(sql`${text}::text`)})`;
  return isPrefix ? sql`(regexp_replace(${phrase}::text, '''$', ''':*'))::tsquery` : phrase;
}

/** Any of the phrases (tsquery `||`; these operators share one precedence, so every group is parenthesised). */
const anyOf = (phrases: readonly TermPhrase[]): RawBuilder<unknown> => sql`(${sql.join(phrases.map((p) => phraseQuery(p.text, p.isPrefix)), sql` || `)})`;

/** The query terms as FTS5 reads them on SQLite (query-terms.ts): every term, each one of its phrases. */
const termsQuery = (terms: readonly QueryTerm[]): RawBuilder<unknown> => sql`(${sql.join(terms.map((t) => anyOf(t.phrases)), sql` && `)})`;

/** The rows the terms exclude (another miRNA arm), as the SQLite index excludes them. */
function exclusion(terms: readonly QueryTerm[]): RawBuilder<unknown> {
  const parts = terms.flatMap((t) => (t.exclude ? [sql`(document @@ (${anyOf(t.exclude.other)} && !!${anyOf(t.exclude.asked)}))`] : []));
  return parts.length > 0 ? sql`AND NOT (${sql.join(parts, sql` OR `)})` : sql``;
}

/**
 * The query ts_headline marks matches with. The headline shows the text as written, which the parser reads unfolded
 * ("miR-21" as 'mir' and '-21'), so the folded query is joined (OR) with the words parsed as written.
 */
function headlineQuery(input: string): RawBuilder<unknown> {
  return sql`(${tsQuery(input)} || plainto_tsquery('simple', ${queryWords(input).join(' ')}))`;
}

/**
 * What ts_headline marks for the atlas: every phrase of the terms, folded and as written (the headline parses the
 * text unfolded: "miR-135b-reinforced" is a compound whose parts are 'mir', '135b' and 'reinforced'; see headlineQuery).
 */
function termsHeadlineQuery(phrases: readonly TermPhrase[]): RawBuilder<unknown> {
  return sql`(${anyOf(phrases)} || ${sql.join(phrases.map((p) => sql`plainto_tsquery('simple', ${p.text})`), sql` || `)})`;
}

/**
 * PostgreSQL full-text search: a generated tsvector with a GIN index finds the matches; atlas documents are ranked by
 * FTS5's BM25 (search/bm25.ts: the atlas is a few thousand short documents, so scoring the matches here is cheap and
 * gives the same order as SQLite), citations by ts_rank in the database; ts_headline makes the snippets.
 */
export class PostgresSearchIndex implements SearchIndex {
  /** Tokens of the documents' texts, by text: ranking a broad query tokenized every match on every search. */
  private readonly tokens = new Map<string, string[]>();

  private tokensOf(text: string): string[] {
    let tokens = this.tokens.get(text);
    if (!tokens) {
      if (this.tokens.size >= TOKEN_CACHE) this.tokens.clear();
      tokens = tokenize(text);
      this.tokens.set(text, tokens);
    }
    return tokens;
  }

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

  async searchDocuments(db: Kysely<Database>, query: string, options: SearchDocumentsOptions): Promise<{ total: number; hits: SearchHit[] }> {
    const terms = termsOf(query, options.lexicon);
    const phrases = phrasesOfTerms(terms);
    const kinds = options.kinds && options.kinds.length > 0 ? sql`AND kind IN (${sql.join(options.kinds)})` : sql``;
    // BM25's corpus statistics are over the whole table, whatever the kind filter, as FTS5's are: one count per phrase.
    const stats = (
      await sql<Record<string, number>>`SELECT cast(count(*) AS integer) AS rows, cast(coalesce(avg(tokens), 0) AS float8) AS average,
        ${sql.join(phrases.map((p, i) => sql`cast(count(*) FILTER (WHERE document @@ ${phraseQuery(p.text, p.isPrefix)}) AS integer) AS ${sql.ref(`n${i}`)}`))} FROM search`.execute(db)
    ).rows[0]!;
    const corpus = { rows: stats.rows!, averageLength: stats.average!, rowsWithPhrase: phrases.map((_, i) => stats[`n${i}`]!) };
    const matches = await sql<{ kind: SearchHit['kind']; id: string; title: string; body: string; seq: number }>`
      SELECT kind, id, title, body, seq FROM search WHERE document @@ ${termsQuery(terms)} ${kinds} ${exclusion(terms)}`.execute(db);
    const ranked = matches.rows
      .map((m) => ({ m, score: bm25([{ tokens: this.tokensOf(m.title), weight: 4 }, { tokens: this.tokensOf(m.body), weight: 1 }], phrases, corpus) }))
      .sort((a, b) => b.score - a.score || a.m.seq - b.m.seq);
    const page = ranked.slice(options.offset, options.offset + options.limit);
    if (page.length === 0) return { total: ranked.length, hits: [] };
    const headline = termsHeadlineQuery(phrases);
    const headlines = await sql<{ kind: string; id: string; in_body: string; in_title: string }>`
      SELECT kind, id, ts_headline('simple', body, ${headline}, ${headlineOptions(20)}) AS in_body, ts_headline('simple', title, ${headline}, ${headlineOptions(20)}) AS in_title
      FROM search WHERE (kind, id) IN (${sql.join(page.map(({ m }) => sql`(${m.kind}, ${m.id})`))})`.execute(db);
    const snippet = new Map(headlines.rows.map((h) => [`${h.kind}\u0000${h.id}`, snippetOf(h.in_body, h.in_title)]));
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

