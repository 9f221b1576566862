import { queryTerms, type QueryTerm, type SearchLexicon, type TermPhrase } from '@exoatlas/atlas';
import { queryWords } from './search-index.js';

/**
 * What a user typed as query terms (issue 18 item 7): the words `toFtsQuery` reads (it throws
 * EXO_ERR_QUERY_EMPTY_SEARCH when there are none), each widened to its other spellings and the knowledge base's
 * synonyms (`queryTerms` in @exoatlas/atlas). Both SearchIndex implementations translate these, so they match the
 * same rows and BM25 sees the same phrases.
 */
export const termsOf = (input: string, lexicon?: SearchLexicon): QueryTerm[] => queryTerms(queryWords(input), lexicon);

/** Every phrase of the terms, in order: the phrases FTS5's bm25() sums over. */
export const phrasesOfTerms = (terms: readonly QueryTerm[]): TermPhrase[] => terms.flatMap((t) => t.phrases);

/** A phrase in FTS5's syntax: its tokens quoted (they hold letters and digits only), `*` when a prefix. */
const fts5Phrase = (p: TermPhrase): string => `"${p.tokens.join(' ')}"${p.isPrefix ? '*' : ''}`;

const fts5Any = (phrases: readonly TermPhrase[]): string => `(${phrases.map(fts5Phrase).join(' OR ')})`;

/** The FTS5 MATCH expression: every term, each one of its phrases. */
export const fts5Match = (terms: readonly QueryTerm[]): string => terms.map((t) => fts5Any(t.phrases)).join(' AND ');

/** The FTS5 expression of the rows the terms exclude (another miRNA arm), or undefined when none. */
export function fts5Exclusion(terms: readonly QueryTerm[]): string | undefined {
  const parts = terms.flatMap((t) => (t.exclude ? [`(${fts5Any(t.exclude.other)} NOT ${fts5Any(t.exclude.asked)})`] : []));
  return parts.length > 0 ? parts.join(' OR ') : undefined;
}
