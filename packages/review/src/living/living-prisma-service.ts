import { requireRole } from '../auth/roles.js';
import { automatedOutcome } from '../screening/automation.js';
import { stageOutcome, type StageOutcome } from '../screening/decisions.js';
import type { ReviewService } from '../service/review-service.js';
import type { PrismaRecord } from '../prisma/counts.js';
import type { Decision, Resolution, ReviewRecord, Search, Stage, User } from '../types.js';
import { livingPrismaCounts, type LivingPrisma } from './living-prisma.js';

const UNSCREENED: StageOutcome = { status: 'unscreened', decidedBy: 0, isResolved: false };

function byRecord<T extends { recordId: number; stage: Stage }>(items: readonly T[], stage: Stage): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) if (item.stage === stage) out.set(item.recordId, [...(out.get(item.recordId) ?? []), item]);
  return out;
}

/** A project's records with their settled outcomes at both stages, as the screening state settles them. */
export interface SettledRecord extends PrismaRecord {
  record: ReviewRecord;
  searchId: number;
}

/**
 * A member's read of the project's records with their outcomes settled from the decisions and resolutions (a record
 * left unscreened by a stop counts as excluded by automation tools), as the screening state settles them.
 */
export async function settledRecords(review: ReviewService, actor: User | undefined, projectId: string): Promise<{ searches: Search[]; records: SettledRecord[] }> {
  const user = review.requireUser(actor);
  const project = await review.store.getProject(projectId);
  requireRole(project ? await review.store.memberRole(projectId, user.id) : undefined, 'read', projectId);
  const [searches, records, decisions, resolutions] = await Promise.all([review.store.searches(projectId), review.store.records(projectId), review.store.decisions(projectId), review.store.resolutions(projectId)]);
  const settle = (record: ReviewRecord, stage: Stage, d: Map<number, Decision[]>, r: Map<number, Resolution[]>): StageOutcome => {
    const own = d.get(record.id);
    const settled = r.get(record.id);
    if (stage === 'title-abstract' && record.isExcludedByAutomation && !own) return automatedOutcome();
    if (!own && !settled) return UNSCREENED;
    return stageOutcome(own ?? [], settled ?? [], project!.mode);
  };
  const ta = [byRecord(decisions, 'title-abstract'), byRecord(resolutions, 'title-abstract')] as const;
  const ft = [byRecord(decisions, 'full-text'), byRecord(resolutions, 'full-text')] as const;
  return {
    searches,
    records: records.map((record) => {
      const t = settle(record, 'title-abstract', ...ta);
      const f = settle(record, 'full-text', ...ft);
      return { record, searchId: record.searchId, titleAbstract: { status: t.status, reason: t.reason }, fullText: { status: f.status, reason: f.reason }, isNotRetrieved: record.isNotRetrieved, isExcludedByAutomation: t.isAutomated === true };
    }),
  };
}

/** The living PRISMA counts of a project (members): per update and overall. */
export async function livingPrisma(review: ReviewService, actor: User | undefined, projectId: string): Promise<LivingPrisma> {
  const { searches, records } = await settledRecords(review, actor, projectId);
  return livingPrismaCounts(searches, records);
}
