import type { Kysely, RawBuilder } from 'kysely';
import type { SearchDocument, SearchLexicon } from '@exoatlas/atlas';
import type { SearchHit } from '../../atlas-store.js';
import { toFtsQuery } from '../../fts-query.js';
import type { Database } from '../database.js';

/** The text of an imported citation that its search covers. */
export interface CitationText {
  title: string;
  abstract: string;
  authors: string;
  keywords: string;
  journal: string;
}

/**
 * The citations matching a query with their rank, as a derived table (`citation_id`, `rank`) to join to `citations`:
 * one full-text query for all rows (a rank subquery per row re-ran the MATCH each time: 2.5 s for 2,500 hits on SQLite).
 */
export interface CitationMatch {
  table: RawBuilder<{ citation_id: number; rank: number }>;
  direction: 'asc' | 'desc';
}

/**
 * Full-text search of the atlas documents and of imported citations, one implementation per dialect (FTS5 on SQLite,
 * tsvector on PostgreSQL) behind one shape: ranked hits, snippets HTML-escaped with the matches in <mark>…</mark>.
 * Queries are what a user types; each word must match (the last also as a prefix), as `toFtsQuery` defines, in any
 * of its spellings or synonyms (`termsOf`: the lexicon is the knowledge base's names, `searchLexicon(kb)`).
 */
export interface SearchIndex {
  clearDocuments(db: Kysely<Database>): Promise<void>;
  addDocuments(db: Kysely<Database>, docs: readonly SearchDocument[]): Promise<void>;
  searchDocuments(db: Kysely<Database>, query: string, options: SearchDocumentsOptions): Promise<{ total: number; hits: SearchHit[] }>;
  addCitations(db: Kysely<Database>, rows: readonly (CitationText & { citationId: number })[]): Promise<void>;
  citationMatch(query: string): CitationMatch;
  /** Snippets of the citations `ids` for `query`, by id. */
  citationSnippets(db: Kysely<Database>, query: string, ids: readonly number[]): Promise<Map<number, string>>;
}

export interface SearchDocumentsOptions {
  kinds?: readonly string[];
  limit: number;
  offset: number;
  /** Names and synonyms a query word also matches by (without it, only spellings and word forms). */
  lexicon?: SearchLexicon;
}

/** The words of a user's query, as `toFtsQuery` reads them (it throws EXO_ERR_QUERY_EMPTY_SEARCH when there are none). */
export function queryWords(input: string): string[] {
  return [...toFtsQuery(input).matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
}

/**
 * The snippet a hit shows: from the body where it matches (the review's words), else from the title. The title is
 * the hit's heading already (a claim's title names its entities, so it matches the query more often than its quote).
 */
export const snippetOf = (inBody: string, inTitle: string): string => (inBody.includes('\u0002') || !inTitle.includes('\u0002') ? inBody : inTitle);

/** Rows per INSERT: well under both dialects' limits on bound parameters. */
export const BATCH = 200;
