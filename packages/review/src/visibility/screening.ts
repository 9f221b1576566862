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
 * decisions are hidden counts only by the reader's own decision, at the time of it, or not at all. With
 * `isIncluded`, a record counts 1 when its settled outcome is "included" (the dashboard's table and curve then
 * count the same includes, issue 18 item 8), in the same order and with the same blinding.
 */
export function visibleSequence(decisionsByRecord: ReadonlyMap<number, readonly Decision[]>, reader: Reader, isIncluded?: (recordId: number) => boolean): (0 | 1)[] {
  const timed: { first: number; label: 0 | 1 }[] = [];
  const supervises = reader.supervises.has('title-abstract');
  for (const [recordId, decisions] of decisionsByRecord) {
    const blinded = !supervises && isBlinded(decisions, reader.mode);
    const seen = blinded ? decisions.filter((d) => d.reviewerId === reader.userId) : decisions;
    const latest = latestByReviewer(seen);
    if (latest.length === 0) continue;
    const label = isIncluded ? isIncluded(recordId) : !latest.every((d) => d.decision === 'exclude');
    timed.push({ first: Math.min(...seen.map((d) => d.id)), label: label ? 1 : 0 });
  }
  return timed.sort((a, b) => a.first - b.first).map((t) => t.label);
}
