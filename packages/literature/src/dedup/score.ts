import type { ResolvedDedupOptions } from './options.js';
import type { PreparedRecord } from './prepare.js';
import { boundedLevenshtein, similarity } from './similarity.js';

/** Why two records were linked. */
export type LinkReason = 'doi' | 'pmid' | 'exact-title' | 'fuzzy' | 'title-prefix' | 'preprint-version';

export interface DuplicateLink {
  a: string;
  b: string;
  reason: LinkReason;
  /** 1 for identifiers; else the weighted agreement of title, year, first author, pages, volume and journal. */
  score: number;
}

/** Weights of the fields in the score; a field missing from either record is left out of the average. */
const WEIGHTS = { title: 0.6, author: 0.15, year: 0.1, page: 0.1, volume: 0.05, journal: 0.05 } as const;

function authorAgreement(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length >= 4 && b.length >= 4 && (a.startsWith(b) || b.startsWith(a) || boundedLevenshtein(a, b, 1) <= 1)) return 0.8;
  return 0;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Compares two records: identical DOI or PMID (with titles that do not contradict it) links them outright; else the
 * titles must be near-identical with the same numbers and part markers, and year, first author, first page and volume
 * must not contradict each other. Returns the link, or undefined for "not the same work".
 */
export function compareRecords(p: PreparedRecord, q: PreparedRecord, options: ResolvedDedupOptions): DuplicateLink | undefined {
  const hasTitles = p.title !== '' && q.title !== '';
  const isPreprintPair = p.isPreprint !== q.isPreprint;
  if (p.doi && p.doi === q.doi) {
    if (!hasTitles || similarity(p.title, q.title, 0.5) >= 0.5) return { a: p.id, b: q.id, reason: 'doi', score: 1 };
    return undefined; // one DOI on two different works (a supplement's DOI, an export error)
  }
  if (p.pmid && p.pmid === q.pmid) {
    if (!hasTitles || similarity(p.title, q.title, 0.5) >= 0.5) return { a: p.id, b: q.id, reason: 'pmid', score: 1 };
    return undefined;
  }
  if (!hasTitles) return undefined;
  if (p.doi && q.doi && !isPreprintPair) return undefined;
  if (p.pmid && q.pmid) return undefined;
  if (p.marks !== q.marks || p.notice !== q.notice) return undefined;
  if (isPreprintPair && !options.groupPreprints) return undefined;

  const minTitle = isPreprintPair ? options.preprintTitleThreshold : options.titleThreshold;
  let titleScore = similarity(p.title, q.title, minTitle);
  let reason: LinkReason = titleScore === 1 ? 'exact-title' : 'fuzzy';
  if (titleScore < minTitle) {
    // One title may be the other plus a subtitle; accept only with the same first author and year.
    const [short, long] = p.title.length <= q.title.length ? [p.title, q.title] : [q.title, p.title];
    const isPrefix = short.length >= 30 && long.startsWith(short) && /^[ ]/.test(long.slice(short.length));
    if (!isPrefix || !p.author || p.author !== q.author || p.year === undefined || p.year !== q.year) return undefined;
    titleScore = minTitle;
    reason = 'title-prefix';
  }
  if (isPreprintPair) reason = 'preprint-version';

  let total = WEIGHTS.title * titleScore;
  let weight = WEIGHTS.title;
  if (p.year !== undefined && q.year !== undefined) {
    const gap = Math.abs(p.year - q.year);
    const allowed = isPreprintPair ? 2 : 1;
    if (gap > allowed) return undefined;
    total += WEIGHTS.year * (gap === 0 ? 1 : isPreprintPair ? 0.8 : 0.6);
    weight += WEIGHTS.year;
  }
  if (p.author && q.author) {
    const agreement = authorAgreement(p.author, q.author);
    if (agreement === 0 && (isPreprintPair || titleScore < 0.97)) return undefined;
    total += WEIGHTS.author * agreement;
    weight += WEIGHTS.author;
  } else if (isPreprintPair) {
    return undefined; // a preprint is matched to its journal version only with a first author to confirm it
  }
  if (!isPreprintPair) {
    if (p.page && q.page) {
      if (p.page !== q.page) return undefined;
      total += WEIGHTS.page;
      weight += WEIGHTS.page;
    }
    if (p.volume && q.volume) {
      if (p.volume !== q.volume) return undefined;
      total += WEIGHTS.volume;
      weight += WEIGHTS.volume;
    }
    if (p.journal && q.journal) {
      total += WEIGHTS.journal * (p.journal === q.journal ? 1 : 0.3);
      weight += WEIGHTS.journal;
    }
  }
  const score = round(total / weight);
  return score >= options.threshold ? { a: p.id, b: q.id, reason, score } : undefined;
}
