import type { RecordStatus } from '../screening/decisions.js';
import type { Decision, Member, Project, Resolution, Search, Stage, Role } from '../types.js';

// What the review service returns about records, stages and projects (the API's and the CLI's shapes).

export interface StageView {
  status: RecordStatus;
  /** How many reviewers have decided (values hidden while blinded). */
  decidedBy: number;
  isBlinded: boolean;
  /** Your latest decision, if any: send its version as expectedVersion to change it. */
  mine?: Decision;
  /** The decisions you may see (only yours while blinded). */
  decisions: Decision[];
  resolution?: Resolution;
  reason?: string;
}

export interface RecordView {
  id: number;
  title: string;
  authors: string[];
  year?: number;
  journal?: string;
  abstract?: string;
  doi?: string;
  pmid?: string;
  keywords: string[];
  sources: string[];
  isNotRetrieved: boolean;
  /** Nobody screened it before title/abstract screening stopped: excluded by automation tools (PRISMA 2020). */
  isExcludedByAutomation: boolean;
  stages: Record<Stage, StageView>;
  /** The relevance score (0–1) from the latest ranking, for the title/abstract stage. */
  score?: number;
}

export interface StageProgress {
  eligible: number;
  included: number;
  excluded: number;
  conflicts: number;
  partial: number;
  unscreened: number;
  /** Of those excluded, the records nobody screened before the owner stopped title/abstract screening (0 at full text). */
  excludedByAutomation: number;
  /** Records you have decided / still to decide at this stage. */
  mine: { decided: number; remaining: number };
}

export interface ProjectView {
  project: Project;
  role: Role;
  members: Member[];
  searches: Search[];
  progress: Record<Stage, StageProgress>;
}
