import { stemmer } from 'stemmer';
import { STOP_WORDS } from './stop-words.js';

/** Case- and accent-folded text: "Exosomés" → "exosomes". */
export const fold = (text: string): string => text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();

/**
 * Words of a text, filtered: Unicode letters and digits, case- and accent-folded, at least two characters, neither a
 * stop word nor a bare number ("mir-135b" gives "mir" and "135b"; "2019" is dropped).
 */
export function tokenize(text: string): string[] {
  const folded = fold(text);
  const words: string[] = [];
  for (const match of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    if (word.length < 2 || STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
    words.push(word);
  }
  return words;
}

/**
 * Words of a text as scikit-learn's CountVectorizer/TfidfVectorizer find them by default: lower-cased, every run of
 * two or more word characters (token_pattern `(?u)\b\w\w+\b`: letters, digits, underscore), numbers and stop words kept.
 */
export function tokenizePlain(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}\p{M}_]{2,}/gu) ?? [];
}

/** Which tokenizer: "plain" (`tokenizePlain`, scikit-learn's default pattern) or "filtered" (`tokenize`, the default). */
export type Tokenizer = 'plain' | 'filtered';

const stems = new Map<string, string>();
/** Porter's stem of a word (Porter 1980, via `stemmer`), memoised: a vocabulary is small next to its word count. */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (stems.size >= 500_000) stems.clear(); // a long-running server sees many projects' words
    stems.set(word, s);
  }
  return s;
}

/** The words of a text, then (ngrams 2) each pair of adjacent kept words, as scikit-learn forms bigrams after stop-word removal. */
export function terms(text: string, ngrams: 1 | 2, tokenizer: Tokenizer = 'filtered', isStemmed = false): string[] {
  const found = tokenizer === 'plain' ? tokenizePlain(text) : tokenize(text);
  const words = isStemmed ? found.map(stem) : found;
  if (ngrams === 1) return words;
  const out = words.slice();
  for (let i = 1; i < words.length; i++) out.push(`${words[i - 1]} ${words[i]}`);
  return out;
}
