import type { Decision, ScreeningMode } from '../types.js';
import { latestByReviewer, requiredReviewers } from './decisions.js';

/**
 * The decisions on one record and stage that a user may see. Dual screening is blind: until the record has as many
 * reviewers' decisions as it needs, each user sees only their own (owners too, so that an owner who screens stays
 * independent). Single screening hides nothing.
 */
export function visibleDecisions(decisions: readonly Decision[], userId: number, mode: ScreeningMode): Decision[] {
  const latest = latestByReviewer(decisions);
  if (mode === 'single' || latest.length >= requiredReviewers(mode)) return latest;
  return latest.filter((d) => d.reviewerId === userId);
}

/** True when the decisions of others on this record are still hidden from the user. */
export function isBlinded(decisions: readonly Decision[], mode: ScreeningMode): boolean {
  return mode === 'dual' && latestByReviewer(decisions).length < requiredReviewers(mode);
}
