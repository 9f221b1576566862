import { ExoError } from '@exoatlas/schema';
import { DECISIONS, STAGES, type Decision, type DecisionValue, type Project, type Resolution, type ScreeningMode, type Stage } from '../types.js';
import { NOTE_MAX } from '../service/input.js';

/** Where a record stands at one stage. */
export const RECORD_STATUSES = ['unscreened', 'partial', 'included', 'excluded', 'conflict'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export interface StageOutcome {
  status: RecordStatus;
  /** How many reviewers have decided (their latest decisions). */
  decidedBy: number;
  /** The final exclusion reason when excluded. */
  reason?: string;
  isResolved: boolean;
  /** Excluded by automation tools: nobody had screened it when prioritised screening stopped. */
  isAutomated?: boolean;
}

/** Decisions each record needs before it is settled. */
export const requiredReviewers = (mode: ScreeningMode): number => (mode === 'dual' ? 2 : 1);

/** Each reviewer's latest decision (highest version), in the order the reviewers first decided. */
export function latestByReviewer(decisions: readonly Decision[]): Decision[] {
  const latest = new Map<number, Decision>();
  const sorted = [...decisions].sort((a, b) => a.id - b.id);
  for (const d of sorted) {
    const seen = latest.get(d.reviewerId);
    if (!seen || d.version > seen.version) latest.set(d.reviewerId, d);
  }
  const firstId = new Map<number, number>();
  for (const d of sorted) if (!firstId.has(d.reviewerId)) firstId.set(d.reviewerId, d.id);
  return [...latest.values()].sort((a, b) => firstId.get(a.reviewerId)! - firstId.get(b.reviewerId)!);
}

/** The latest resolution of a record at a stage, if any. */
export function latestResolution(resolutions: readonly Resolution[]): Resolution | undefined {
  return resolutions.reduce<Resolution | undefined>((best, r) => (!best || r.version > best.version ? r : best), undefined);
}

/**
 * A record's status at a stage from its reviewers' latest decisions and any resolution: a resolution settles it;
 * fewer decisions than the mode needs is "partial" (or "unscreened" with none); unanimous include or exclude settles
 * it; anything else (disagreement, or a "maybe") is a conflict for a third reviewer or a discussion. Exclusions with
 * different reasons are a conflict too: PRISMA counts one reason per record, and which one is for the reviewers to
 * settle, not for the order they screened in (a reviewer who gave no reason defers to the one who did).
 */
export function stageOutcome(decisions: readonly Decision[], resolutions: readonly Resolution[], mode: ScreeningMode): StageOutcome {
  const latest = latestByReviewer(decisions);
  const resolution = latestResolution(resolutions);
  if (resolution) return { status: resolution.decision === 'include' ? 'included' : 'excluded', decidedBy: latest.length, reason: resolution.reason, isResolved: true };
  if (latest.length === 0) return { status: 'unscreened', decidedBy: 0, isResolved: false };
  if (latest.length < requiredReviewers(mode)) return { status: 'partial', decidedBy: latest.length, isResolved: false };
  if (latest.every((d) => d.decision === 'include')) return { status: 'included', decidedBy: latest.length, isResolved: false };
  if (latest.every((d) => d.decision === 'exclude')) {
    const reasons = exclusionReasons(latest);
    if (reasons.length <= 1) return { status: 'excluded', decidedBy: latest.length, reason: reasons[0], isResolved: false };
  }
  return { status: 'conflict', decidedBy: latest.length, isResolved: false };
}

/** The distinct exclusion reasons given in these decisions (none given: empty). */
export function exclusionReasons(decisions: readonly Decision[]): string[] {
  return [...new Set(decisions.map((d) => d.reason).filter((r): r is string => typeof r === 'string' && r !== ''))];
}

export interface DecisionInput {
  stage: Stage;
  decision: DecisionValue;
  reason?: string;
  note?: string;
  /** The version of your own latest decision on this record and stage that the form showed (0: none). */
  expectedVersion: number;
}

/** Checks a decision against the project's configuration: known stage and decision, a listed reason for an exclusion. */
export function validateDecision(project: Project, input: { stage?: unknown; decision?: unknown; reason?: unknown; note?: unknown; expectedVersion?: unknown }): DecisionInput {
  const bad = (message: string, field: string): never => {
    throw new ExoError('EXO_ERR_REVIEW_INVALID_INPUT', message, { field });
  };
  const stage = input.stage ?? 'title-abstract';
  if (!(STAGES as readonly unknown[]).includes(stage)) bad(`stage must be one of ${STAGES.join(', ')}`, 'stage');
  if (!(DECISIONS as readonly unknown[]).includes(input.decision)) bad(`decision must be one of ${DECISIONS.join(', ')}`, 'decision');
  const expectedVersion = input.expectedVersion ?? 0;
  if (typeof expectedVersion !== 'number' || !Number.isInteger(expectedVersion) || expectedVersion < 0) bad('expectedVersion must be a whole number ≥ 0 (0 when you have not decided this record before)', 'expectedVersion');
  const reasons = project.exclusionReasons[stage as Stage];
  let reason: string | undefined;
  if (input.reason !== undefined && input.reason !== null && input.reason !== '') {
    if (typeof input.reason !== 'string') bad('reason must be text', 'reason');
    if (input.decision !== 'exclude') bad('a reason is given only with an exclusion', 'reason');
    reason = input.reason as string;
    if (reasons.length > 0 && !reasons.includes(reason)) bad(`unknown exclusion reason '${reason}' for ${String(stage)}; the project lists: ${reasons.join('; ')}`, 'reason');
  } else if (input.decision === 'exclude' && stage === 'full-text' && reasons.length > 0) {
    bad(`an exclusion at full text needs a reason, one of: ${reasons.join('; ')}`, 'reason');
  }
  if (input.note !== undefined && input.note !== null && typeof input.note !== 'string') bad('note must be text', 'note');
  if (typeof input.note === 'string' && input.note.trim().length > NOTE_MAX) bad(`note is too long (at most ${NOTE_MAX} characters)`, 'note');
  const note = typeof input.note === 'string' && input.note.trim() !== '' ? input.note : undefined;
  return { stage: stage as Stage, decision: input.decision as DecisionValue, reason, note, expectedVersion: expectedVersion as number };
}
