import { ExoError } from '@exoatlas/schema';

/**
 * Turns what a user types into a safe FTS5 query: each word becomes a quoted phrase (so "miR-135b" matches the
 * tokens "mir" "135b" in sequence, and FTS5 operators in the input are inert); the last word also matches as a prefix.
 */
export function toFtsQuery(input: string): string {
  const words = input
    // eslint-disable-next-line no-control-regex -- control characters are stripped on purpose
    .replace(/["\u0000-\u001f]/g, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) throw new ExoError('EXO_ERR_QUERY_EMPTY_SEARCH', 'a search needs at least one word or number', { field: 'q' });
  return words.map((w, i) => (i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(' ');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes a snippet that FTS5 marked with \u0002…\u0003 and turns the marks into <mark> elements. */
export function markSnippet(raw: string): string {
  // eslint-disable-next-line no-control-regex -- \u0002/\u0003 are the match markers snippet() was given
  return raw.replace(/[&<>"']/g, (c) => ESCAPES[c]!).replace(/\u0002/g, '<mark>').replace(/\u0003/g, '</mark>');
}
