import type { Decision } from '../types.js';
import { latestByReviewer, type StageOutcome } from './decisions.js';

/** The exclusion reason PRISMA lists for records nobody screened once prioritised screening stopped. */
export const AUTOMATION_REASON = 'Excluded by automation tools (prioritised screening stopped)';

/** The title/abstract outcome of a record left unscreened when screening stopped (PRISMA 2020: excluded by automation tools). */
export const automatedOutcome = (): StageOutcome => ({ status: 'excluded', decidedBy: 0, reason: AUTOMATION_REASON, isResolved: false, isAutomated: true });

/**
 * The whole team's title/abstract screening in the order records were first decided (1: an include or maybe by
 * anyone, 0: excluded by everyone who decided), for the stopping guidance recorded when screening stops.
 */
export function teamSequence(decisionsByRecord: ReadonlyMap<number, readonly Decision[]>): (0 | 1)[] {
  const timed: { first: number; label: 0 | 1 }[] = [];
  for (const decisions of decisionsByRecord.values()) {
    const latest = latestByReviewer(decisions);
    if (latest.length === 0) continue;
    timed.push({ first: Math.min(...decisions.map((d) => d.id)), label: latest.every((d) => d.decision === 'exclude') ? 0 : 1 });
  }
  return timed.sort((a, b) => a.first - b.first).map((t) => t.label);
}
