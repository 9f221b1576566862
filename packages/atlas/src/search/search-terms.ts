import type { KnowledgeBase } from '@exoatlas/schema';
import { mirnaTerm } from './mirna-names.js';

/**
 * What a typed query means to the search index (issue 18 item 7, "search that forgives"). The documents are indexed
 * as the review writes them, so that snippets quote the review; forgiveness is on the query side: every query word
 * becomes a term, a set of alternative phrases any of which may match — the word as typed, its other spellings
 * (miRNA names, singular/plural, a word stem) and the names and synonyms the knowledge base gives the entity or
 * isolation method it names. Both backends translate these terms the same way (FTS5 OR-groups, tsquery `||`).
 */

/** Lower-cased, diacritics removed, split on everything but letters and digits: SQLite FTS5's unicode61 remove_diacritics 2. */
export function searchTokens(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/** One alternative: a phrase of tokens in sequence, its last token also matching as a prefix when `isPrefix`. */
export interface TermPhrase {
  /** The phrase as written (what PostgreSQL's parser reads); its tokens are `searchTokens(text)`. */
  text: string;
  tokens: string[];
  isPrefix: boolean;
}

/** One query term: the row must match one of `phrases`, and must not match `exclude` when it is given. */
export interface QueryTerm {
  phrases: TermPhrase[];
  /** Rows that name `other` (another miRNA arm) and not `asked` do not match: "miR-135b-5p" is not "miR-135b-3p". */
  exclude?: { other: TermPhrase[]; asked: TermPhrase[] };
}

/** Folded name (tokens joined: "PI3K/Akt", "pi3k-akt" and "PI3KAkt" are one key) → every name of the same thing. */
export type SearchLexicon = ReadonlyMap<string, readonly string[]>;

const GREEK: Record<string, string> = { α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', κ: 'kappa' };
const spellGreek = (token: string): string => token.replace(/[αβγδκ]/gu, (c) => GREEK[c]!);

/** One spelling of a token for lexicon keys: American, Greek letters spelt out. */
const canonical = (token: string): string =>
  spellGreek(token).replace(/aem/g, 'em').replace(/^oe/, 'e').replace(/our$/, 'or').replace(/lling$/, 'ling').replace(/isation/g, 'ization');

/** A name folded for the lexicon: tokens joined, in one spelling ("TNF-α", "TNF alpha", "tnfalpha"; "tumour", "tumor"). */
export const foldTerm = (text: string): string => searchTokens(text).map(canonical).join('');

/** The lexicon's key of a name: folded, a final "s" dropped ("iPSC-derived MSCs" is "iPSC-derived MSC"). */
const lexiconKey = (text: string): string => foldTerm(text).replace(/(.{3,})s$/, '$1');

/** Every name of what `text` names, or undefined when the lexicon does not know it. */
export const namesOf = (lexicon: SearchLexicon, text: string): readonly string[] | undefined => lexicon.get(lexiconKey(text));

/** The names and synonyms of the knowledge base's entities and isolation methods, by folded name. */
export function searchLexicon(kb: Pick<KnowledgeBase, 'entities' | 'isolationMethods'>): SearchLexicon {
  const lexicon = new Map<string, string[]>();
  const sets = [...kb.entities.map((e) => [e.name, ...e.synonyms]), ...kb.isolationMethods.map((m) => [m.name, m.abbr])];
  for (const names of sets) {
    for (const name of names) {
      const key = lexiconKey(name);
      if (key.length === 0) continue;
      const known = lexicon.get(key) ?? [];
      lexicon.set(key, [...new Set([...known, ...names])]);
    }
  }
  return lexicon;
}

export const phrase = (text: string, isPrefix = false): TermPhrase => ({ text, tokens: searchTokens(text), isPrefix });

/** The longest run of words a name can span ("human umbilical vein endothelial cells"). */
const MAX_RUN = 6;

/**
 * Query words (as `toFtsQuery` splits them) → terms, all of which must match. Runs of words that name a miRNA or a
 * lexicon entry become one term; a hyphenated word whose parts are each known ("MSC-EVs") becomes one term a part;
 * other words are one term each. The last word also matches as a prefix (the search box suggests as you type).
 */
export function queryTerms(words: readonly string[], lexicon: SearchLexicon = new Map()): QueryTerm[] {
  const terms: QueryTerm[] = [];
  let i = 0;
  while (i < words.length) {
    let matched = false;
    for (let j = Math.min(words.length, i + MAX_RUN); j > i && !matched; j--) {
      const run = words.slice(i, j).join(' ');
      const isLast = j === words.length;
      const term = mirnaTerm(run, lexicon, isLast) ?? lexiconTerm(run, lexicon, isLast);
      if (term) {
        terms.push(term);
        i = j;
        matched = true;
      }
    }
    if (matched) continue;
    const word = words[i]!;
    const isLast = i === words.length - 1;
    const parts = word.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const partTerms = parts.length > 1 ? parts.map((p, k) => lexiconTerm(p, lexicon, isLast && k === parts.length - 1)) : [];
    if (partTerms.length > 0 && partTerms.every(Boolean)) terms.push(...(partTerms as QueryTerm[]));
    else terms.push({ phrases: dedupe(withVariants(phrase(word, isLast))) });
    i++;
  }
  return terms;
}

function lexiconTerm(run: string, lexicon: SearchLexicon, isLast: boolean): QueryTerm | undefined {
  const names = namesOf(lexicon, run);
  if (!names) return undefined;
  return { phrases: dedupe([...withVariants(phrase(run, isLast)), ...names.map((n) => phrase(n))]) };
}

/** British and American spellings (ischaemia/ischemia, tumour/tumor, signalling/signaling, -isation/-ization), Greek letters and their names. */
const SPELLINGS: [RegExp, string][] = [
  [/aem/g, 'em'],
  [/([^a])em(?=i)/g, '$1aem'],
  [/^oe/g, 'e'],
  [/our$/g, 'or'],
  [/([^ou])or$/g, '$1our'],
  [/lling$/g, 'ling'],
  [/([^l])ling$/g, '$1lling'],
  [/isation/g, 'ization'],
  [/ization/g, 'isation'],
  [/[αβγδκ]/gu, 'greek'],
  [/alpha|beta|gamma|delta|kappa/g, 'letter'],
];
const LETTERS: Record<string, string> = { alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', kappa: 'κ' };

/** The token as the other side of the Atlantic (or of the Greek alphabet) writes it, when it differs. */
function otherSpellings(token: string): string[] {
  const out = new Set<string>();
  for (const [pattern, to] of SPELLINGS) {
    const spelt = to === 'greek' ? spellGreek(token) : to === 'letter' ? token.replace(pattern, (m) => LETTERS[m]!) : token.replace(pattern, to);
    if (spelt !== token) out.add(spelt);
  }
  return [...out];
}

/**
 * Other forms of a phrase: each token in its other spellings; the last token's singular or plural, and its stem as a
 * prefix ("ultracentrifuge" → ultracentrifug*, which finds "ultracentrifugation").
 */
export function withVariants(p: TermPhrase): TermPhrase[] {
  const spelt = p.tokens.flatMap((token, k) => otherSpellings(token).map((other) => p.tokens.map((t, m) => (m === k ? other : t))));
  const out = [p, ...spelt.map((tokens) => ({ text: tokens.join(' '), tokens, isPrefix: p.isPrefix }))];
  const last = p.tokens.at(-1);
  if (!last || !/^\p{L}{4,}$/u.test(last)) return out;
  const head = p.tokens.slice(0, -1);
  const variant = (token: string, isPrefix: boolean): TermPhrase => ({ text: [...head, token].join(' '), tokens: [...head, token], isPrefix });
  if (/ies$/.test(last)) out.push(variant(last.slice(0, -3) + 'y', p.isPrefix));
  else if (/[^siu]s$/.test(last)) out.push(variant(last.slice(0, -1), p.isPrefix));
  else if (!/s$/.test(last)) out.push(variant(last + 's', p.isPrefix));
  const stem = /^(.{6,}?)(?:ations?|ions?|ing|ed|es|e|ive)$/u.exec(last)?.[1];
  if (stem) out.push(variant(stem, true));
  return out;
}

export function dedupe(phrases: readonly TermPhrase[]): TermPhrase[] {
  const seen = new Map<string, TermPhrase>();
  for (const p of phrases) {
    if (p.tokens.length === 0) continue;
    const key = `${p.tokens.join(' ')}${p.isPrefix ? '*' : ''}`;
    if (!seen.has(key)) seen.set(key, p);
  }
  return [...seen.values()];
}
