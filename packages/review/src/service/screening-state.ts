import { formatAuthor, type CitationRecord } from '@exoatlas/literature';
import { ExoError } from '@exoatlas/schema';
import { isBlinded, visibleDecisions, type Reader } from '../visibility/index.js';
import { latestByReviewer, requiredReviewers, type StageOutcome } from '../screening/decisions.js';
import { STAGES, type Decision, type Project, type Resolution, type ReviewRecord, type Search, type Stage } from '../types.js';
import type { RecordView, StageProgress, StageView } from './views.js';

// A project's screening state (kept and updated by screening-cache.ts), and the views of it each user may see (blinding applied).

export interface ScreeningState {
  project: Project;
  records: ReviewRecord[];
  decisions: Record<Stage, Map<number, Decision[]>>;
  resolutions: Record<Stage, Map<number, Resolution[]>>;
  outcomes: Record<Stage, Map<number, StageOutcome>>;
  /** Per stage, the owners with no decision there: they supervise it and see everyone's decisions (visibility/policy.ts). */
  supervisors: Record<Stage, ReadonlySet<number>>;
  /**
   * A key read from the database, not from this process's memory (another server process may have written): it
   * changes with any import, decision or resolution (all append-only, so counts and last ids identify them), the
   * screening mode, or which records a stop excluded. Caches of derived results (rankings) are keyed by it.
   */
  version: string;
}

/** The reader of the project's screening (visibility/policy.ts): an owner supervises the stages they have not screened. */
export function screeningReader(state: ScreeningState, userId: number): Reader {
  return { userId, mode: state.project.mode, supervises: new Set(STAGES.filter((s) => state.supervisors[s].has(userId))) };
}

/** At title/abstract every record; at full text those included on title and abstract whose full text was retrieved. */
export function isEligible(state: ScreeningState, record: ReviewRecord, stage: Stage): boolean {
  if (stage === 'title-abstract') return true;
  return state.outcomes['title-abstract'].get(record.id)!.status === 'included' && !record.isNotRetrieved;
}

/** Records still waiting for this user's decision at a stage. */
export function screeningQueue(state: ScreeningState, userId: number, stage: Stage): ReviewRecord[] {
  const needed = requiredReviewers(state.project.mode);
  return state.records.filter((r) => {
    if (!isEligible(state, r, stage)) return false;
    if (state.resolutions[stage].has(r.id) || state.outcomes[stage].get(r.id)!.isAutomated) return false;
    const latest = latestByReviewer(state.decisions[stage].get(r.id) ?? []);
    return latest.length < needed && !latest.some((d) => d.reviewerId === userId);
  });
}

/** Per stage: eligible records by status (excluded ones also counted by automation), and this user's share. */
export function stageProgress(state: ScreeningState, userId: number): Record<Stage, StageProgress> {
  const out = {} as Record<Stage, StageProgress>;
  for (const stage of STAGES) {
    const p: StageProgress = { eligible: 0, included: 0, excluded: 0, excludedByAutomation: 0, conflicts: 0, partial: 0, unscreened: 0, mine: { decided: 0, remaining: 0 } };
    for (const record of state.records) {
      if (!isEligible(state, record, stage)) continue;
      p.eligible++;
      const outcome = state.outcomes[stage].get(record.id)!;
      const status = outcome.status;
      if (status === 'included') p.included++;
      else if (status === 'excluded') {
        p.excluded++;
        if (outcome.isAutomated) p.excludedByAutomation++;
      }
      else if (status === 'conflict') p.conflicts++;
      else if (status === 'partial') p.partial++;
      else p.unscreened++;
      if ((state.decisions[stage].get(record.id) ?? []).some((d) => d.reviewerId === userId)) p.mine.decided++;
    }
    p.mine.remaining = screeningQueue(state, userId, stage).length;
    out[stage] = p;
  }
  return out;
}

/** A record's status at a stage as this user may see it: others' decisions hidden while blinded. */
export function stageView(state: ScreeningState, record: ReviewRecord, stage: Stage, userId: number): StageView {
  const decisions = state.decisions[stage].get(record.id) ?? [];
  const outcome = state.outcomes[stage].get(record.id)!;
  const blinded = isBlinded(decisions, state.project.mode) && outcome.status !== 'included' && outcome.status !== 'excluded' && !state.supervisors[stage].has(userId);
  const resolution = (state.resolutions[stage].get(record.id) ?? []).reduce<Resolution | undefined>((b, r) => (!b || r.version > b.version ? r : b), undefined);
  return {
    status: outcome.status,
    decidedBy: outcome.decidedBy,
    isBlinded: blinded,
    mine: latestByReviewer(decisions).find((d) => d.reviewerId === userId),
    decisions: blinded ? visibleDecisions(decisions, userId, state.project.mode) : latestByReviewer(decisions),
    resolution,
    reason: outcome.reason,
  };
}

/** A record with its citation, sources and both stages' views, for this user. */
export function recordView(state: ScreeningState, record: ReviewRecord, userId: number, searches: Map<number, Search>, score?: number): RecordView {
  const c: CitationRecord = record.citation;
  return {
    id: record.id,
    title: c.title ?? '(no title)',
    authors: c.authors.map(formatAuthor),
    year: c.year,
    journal: c.journal,
    abstract: c.abstract,
    doi: c.doi,
    pmid: c.pmid,
    keywords: c.keywords,
    sources: [...new Set(record.searchIds.map((id) => searches.get(id)?.database ?? '?'))],
    isNotRetrieved: record.isNotRetrieved,
    isExcludedByAutomation: state.outcomes['title-abstract'].get(record.id)!.isAutomated === true,
    stages: { 'title-abstract': stageView(state, record, 'title-abstract', userId), 'full-text': stageView(state, record, 'full-text', userId) },
    score,
  };
}

/** The project's record with that id, or EXO_ERR_REVIEW_NOT_FOUND_RECORD. */
export function findRecord(state: ScreeningState, recordId: number): ReviewRecord {
  const record = Number.isInteger(recordId) ? state.records.find((r) => r.id === recordId) : undefined;
  if (!record) throw new ExoError('EXO_ERR_REVIEW_NOT_FOUND_RECORD', `review project '${state.project.id}' has no record ${String(recordId)}`, { id: String(recordId) });
  return record;
}
