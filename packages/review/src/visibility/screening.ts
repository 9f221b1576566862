import type { Decision, ScreeningMode } from '../types.js';
import { latestByReviewer, requiredReviewers } from '../screening/decisions.js';
import type { Reader } from './policy.js';

/** True when the decisions of others on this record and stage are still hidden (see policy.ts). */
export function isBlinded(decisions: readonly Decision[], mode: ScreeningMode): boolean {
  return mode === 'dual' && latestByReviewer(decisions).length < requiredReviewers(mode);
}

/** The latest decisions on one record and stage that a user may see: only their own while blinded. */
export function visibleDecisions(decisions: readonly Decision[], userId: number, mode: ScreeningMode): Decision[] {
  const latest = latestByReviewer(decisions);
  return isBlinded(decisions, mode) ? latest.filter((d) => d.reviewerId === userId) : latest;
}

/**
 * The title/abstract screening as this reader may see it, in the order records were first decided (1: an include
 * or maybe by anyone visible, 0: excluded by all of them): the discovery curve's data. A record whose other
 * decisions are hidden counts only by the reader's own decision, at the time of it, or not at all.
 */
export function visibleSequence(decisionsByRecord: ReadonlyMap<number, readonly Decision[]>, reader: Reader): (0 | 1)[] {
  const timed: { first: number; label: 0 | 1 }[] = [];
  const supervises = reader.supervises.has('title-abstract');
  for (const decisions of decisionsByRecord.values()) {
    const blinded = !supervises && isBlinded(decisions, reader.mode);
    const seen = blinded ? decisions.filter((d) => d.reviewerId === reader.userId) : decisions;
    const latest = latestByReviewer(seen);
    if (latest.length === 0) continue;
    timed.push({ first: Math.min(...seen.map((d) => d.id)), label: latest.every((d) => d.decision === 'exclude') ? 0 : 1 });
  }
  return timed.sort((a, b) => a.first - b.first).map((t) => t.label);
}
