import { formatAuthor, type CitationRecord } from '@exoatlas/literature';
import { ExoError } from '@exoatlas/schema';
import { automatedOutcome } from '../screening/automation.js';
import { isBlinded, visibleDecisions, type Reader } from '../visibility/index.js';
import { latestByReviewer, requiredReviewers, stageOutcome, type StageOutcome } from '../screening/decisions.js';
import { STAGES, type Decision, type Project, type Resolution, type ReviewRecord, type Search, type Stage } from '../types.js';
import type { ReviewStore } from './review-store.js';
import type { RecordView, StageProgress, StageView } from './views.js';

// A project's screening state, read once per request, and the views of it each user may see (blinding applied).

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

/**
 * Reads a project's records, decisions and resolutions and settles each record's outcome per stage (a record left
 * unscreened by a stop is excluded by automation tools). `records` reads the records (ReviewService passes its
 * RecordsCache: the records are by far the costliest read); by default straight from the store.
 */
export async function loadState(store: ReviewStore, project: Project, records: (projectId: string) => Promise<ReviewRecord[]> = (id) => store.records(id)): Promise<ScreeningState> {
  // Started together: over SQLite the reads run back to back. A decision on a record newer than the cached records
  // (imported meanwhile by another process) settles nothing here; the next request reads the new records.
  const [list, allDecisions, allResolutions] = await Promise.all([records(project.id), store.decisions(project.id), store.resolutions(project.id)]);
  return settle(store, project, list, allDecisions, allResolutions);
}

/** The outcome of a record nobody has decided or resolved (shared, so frozen). */
const UNSCREENED: StageOutcome = Object.freeze({ status: 'unscreened', decidedBy: 0, isResolved: false });

/** Groups the decisions and resolutions by stage and record, and settles each record's outcome. */
async function settle(store: ReviewStore, project: Project, records: ReviewRecord[], allDecisions: Decision[], allResolutions: Resolution[]): Promise<ScreeningState> {
  const decisions = { 'title-abstract': new Map<number, Decision[]>(), 'full-text': new Map<number, Decision[]>() };
  const resolutions = { 'title-abstract': new Map<number, Resolution[]>(), 'full-text': new Map<number, Resolution[]>() };
  let maxDecision = 0;
  let maxResolution = 0;
  for (const d of allDecisions) {
    const list = decisions[d.stage].get(d.recordId) ?? [];
    list.push(d);
    decisions[d.stage].set(d.recordId, list);
    maxDecision = Math.max(maxDecision, d.id);
  }
  for (const r of allResolutions) {
    const list = resolutions[r.stage].get(r.recordId) ?? [];
    list.push(r);
    resolutions[r.stage].set(r.recordId, list);
    maxResolution = Math.max(maxResolution, r.id);
  }
  const outcomes = { 'title-abstract': new Map<number, StageOutcome>(), 'full-text': new Map<number, StageOutcome>() };
  for (const stage of STAGES) {
    for (const record of records) {
      const own = decisions[stage].get(record.id);
      const settled = resolutions[stage].get(record.id);
      const isAutomated = stage === 'title-abstract' && record.isExcludedByAutomation && !own;
      // Most records of a large project are unscreened: one shared outcome for them keeps this loop to a few ms.
      if (!own && !settled && !isAutomated) outcomes[stage].set(record.id, UNSCREENED);
      else outcomes[stage].set(record.id, isAutomated ? automatedOutcome() : stageOutcome(own ?? [], settled ?? [], project.mode));
    }
  }
  const owners = (await store.members(project.id)).filter((m) => m.role === 'owner');
  const supervisors = {} as Record<Stage, ReadonlySet<number>>;
  for (const stage of STAGES) {
    const deciders = new Set([...decisions[stage].values()].flatMap((ds) => ds.map((d) => d.reviewerId)));
    supervisors[stage] = new Set(owners.map((m) => m.userId).filter((id) => !deciders.has(id)));
  }
  return { project, records, decisions, resolutions, outcomes, supervisors, version: `${records.length}:${maxDecision}:${maxResolution}:${project.mode}:${automationKey(records)}` };
}

/** Which records a stop excluded, in short: their count and the sum of their ids. */
function automationKey(records: readonly ReviewRecord[]): string {
  let count = 0;
  let sum = 0;
  for (const r of records) {
    if (!r.isExcludedByAutomation) continue;
    count++;
    sum += r.id;
  }
  return `${count}+${sum}`;
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
