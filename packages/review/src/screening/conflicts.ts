import type { Decision, Resolution, ScreeningMode, Stage } from '../types.js';
import { exclusionReasons, latestByReviewer, stageOutcome } from './decisions.js';

export interface Conflict {
  recordId: number;
  stage: Stage;
  /** The reviewers' latest decisions (all visible: every needed reviewer has decided). */
  decisions: Decision[];
  /**
   * "disagreement": reviewers differ; "maybe": they agree on nothing firmer than maybe; "reason": all exclude, for
   * different reasons (the resolution names the one PRISMA counts).
   */
  kind: 'disagreement' | 'maybe' | 'reason';
}

/** Records in conflict at a stage, by record id. Resolved records are not listed. */
export function findConflicts(
  decisionsByRecord: ReadonlyMap<number, readonly Decision[]>,
  resolutionsByRecord: ReadonlyMap<number, readonly Resolution[]>,
  mode: ScreeningMode,
  stage: Stage,
): Conflict[] {
  const out: Conflict[] = [];
  for (const [recordId, decisions] of [...decisionsByRecord].sort((a, b) => a[0] - b[0])) {
    const outcome = stageOutcome(decisions, resolutionsByRecord.get(recordId) ?? [], mode);
    if (outcome.status !== 'conflict') continue;
    const latest = latestByReviewer(decisions);
    const values = new Set(latest.map((d) => d.decision));
    const kind = values.size > 1 ? 'disagreement' : values.has('exclude') && exclusionReasons(latest).length > 1 ? 'reason' : 'maybe';
    out.push({ recordId, stage, decisions: latest, kind });
  }
  return out;
}
