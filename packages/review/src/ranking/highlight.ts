import type { Criteria } from '../types.js';
import { fold, stem, tokenize } from './tokenize.js';

/** Which side of the eligibility criteria a highlighted word comes from. */
export type HighlightKind = 'include' | 'exclude';

/** A run of text, marked when it is a word of the criteria. */
export interface HighlightSegment {
  text: string;
  kind?: HighlightKind;
}

/** Porter stems of the words to mark: the inclusion side, and the exclusion criteria's own words. */
export interface HighlightTerms {
  include: ReadonlySet<string>;
  exclude: ReadonlySet<string>;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Stems of a text's content words (the ranker's filtered tokens) of three or more characters. */
const contentStems = (text: string): Set<string> => new Set(tokenize(text).filter((w) => w.length >= 3).map(stem));

/**
 * The words a reviewer screens for, from the project: the question and the inclusion side of the criteria
 * (population, intervention, comparator, outcomes, study designs, inclusion), and the exclusion criteria's words
 * that are not also on the inclusion side. Matched by Porter stem, so "wounds" marks "wound" and "healing" "heal".
 */
export function highlightTerms(question: string, criteria: Criteria): HighlightTerms {
  const include = contentStems([question, criteria.population, criteria.intervention, criteria.comparator, criteria.outcomes, criteria.studyDesigns, criteria.inclusion].filter(Boolean).join(' '));
  const exclude = new Set([...contentStems(criteria.exclusion ?? '')].filter((s) => !include.has(s)));
  return { include, exclude };
}

/** Splits a text into runs, marking each word whose stem is a term. Joining the runs' text gives the text back. */
export function highlightSegments(text: string, terms: HighlightTerms): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let plainFrom = 0;
  for (const match of text.matchAll(WORD)) {
    const word = fold(match[0]);
    const s = word.length >= 3 ? stem(word) : undefined;
    const kind: HighlightKind | undefined = s === undefined ? undefined : terms.include.has(s) ? 'include' : terms.exclude.has(s) ? 'exclude' : undefined;
    if (!kind) continue;
    if (match.index > plainFrom) segments.push({ text: text.slice(plainFrom, match.index) });
    segments.push({ text: match[0], kind });
    plainFrom = match.index + match[0].length;
  }
  if (plainFrom < text.length) segments.push({ text: text.slice(plainFrom) });
  return segments;
}
