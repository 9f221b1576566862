import { STOP_WORDS } from './stop-words.js';

/**
 * Words of a text for the ranking features: Unicode letters and digits, case- and accent-folded, at least two
 * characters, neither a stop word nor a bare number ("mir-135b" gives "mir" and "135b"; "2019" is dropped).
 */
export function tokenize(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  const words: string[] = [];
  for (const match of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    if (word.length < 2 || STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
    words.push(word);
  }
  return words;
}

/** The words of a text, then (ngrams 2) each pair of adjacent kept words, as scikit-learn forms bigrams after stop-word removal. */
export function terms(text: string, ngrams: 1 | 2): string[] {
  const words = tokenize(text);
  if (ngrams === 1) return words;
  const out = words.slice();
  for (let i = 1; i < words.length; i++) out.push(`${words[i - 1]} ${words[i]}`);
  return out;
}
