import type { CitationRecord } from '@exoatlas/literature';
import type { AuditEntry, Criteria, Decision, DecisionValue, Member, Project, Resolution, ResolutionMethod, ReviewRecord, Role, ScreeningMode, Search, Stage, User } from '../types.js';
import type { ImportPlan } from '../import/plan-import.js';

export interface NewProject {
  id: string;
  name: string;
  question: string;
  criteria: Criteria;
  mode: ScreeningMode;
  exclusionReasons: Record<Stage, string[]>;
}

export interface NewSearch {
  database: string;
  date: string;
  query: string;
  fileName: string;
  format: string;
  warnings: string[];
}

export interface NewDecision {
  projectId: string;
  recordId: number;
  stage: Stage;
  reviewerId: number;
  decision: DecisionValue;
  reason?: string;
  note?: string;
  /** The version of the reviewer's latest decision the client saw; the write fails with EXO_ERR_REVIEW_STALE_DECISION otherwise. */
  expectedVersion: number;
}

export interface NewResolution {
  projectId: string;
  recordId: number;
  stage: Stage;
  decision: 'include' | 'exclude';
  reason?: string;
  method: ResolutionMethod;
  resolvedBy: number;
  note?: string;
}

/** Which audit entries to read: filters (all optional, combined with AND) and the page. */
export interface AuditOptions {
  recordId?: number;
  /** the user who acted, by user name */
  username?: string;
  stage?: Stage;
  limit?: number;
  offset?: number;
}

/**
 * Persistence of review projects (implemented by packages/store over SQLite). Every write is atomic and writes its
 * audit entry in the same transaction; the policy (who may do what) lives in ReviewService.
 */
export interface ReviewStore {
  createUser(input: { username: string; displayName: string; passwordHash: string; isAdmin: boolean }): User;
  findUser(username: string): (User & { passwordHash: string }) | undefined;
  getUser(id: number): User | undefined;
  countUsers(): number;
  createSession(userId: number, tokenHash: string, expiresAt: string): void;
  sessionUser(tokenHash: string, now: string): User | undefined;
  deleteSession(tokenHash: string): void;

  createProject(project: NewProject, ownerId: number): Project;
  updateProject(id: string, patch: Partial<Omit<NewProject, 'id'>>, userId: number): Project;
  getProject(id: string): Project | undefined;
  listProjects(userId: number): (Project & { role: Role })[];
  memberRole(projectId: string, userId: number): Role | undefined;
  members(projectId: string): Member[];
  setMember(projectId: string, userId: number, role: Role, byUserId: number): void;

  /** The project's records with their citations, for de-duplication of a new import. */
  citations(projectId: string): { recordId: number; citation: CitationRecord }[];
  /** Writes the searches, the new records and every duplicate link in one transaction: all or nothing. */
  importSearches(projectId: string, searches: NewSearch[], plan: ImportPlan, userId: number): Search[];
  searches(projectId: string): Search[];
  records(projectId: string): ReviewRecord[];
  getRecord(projectId: string, recordId: number): ReviewRecord | undefined;
  setNotRetrieved(projectId: string, recordId: number, isNotRetrieved: boolean, userId: number): void;
  /** Flags (or unflags) records as excluded by automation tools, with one audit entry holding `details`; all or nothing. */
  setExcludedByAutomation(projectId: string, recordIds: readonly number[], isExcluded: boolean, userId: number, details: Record<string, unknown>): void;

  decisions(projectId: string, stage?: Stage): Decision[];
  recordDecisions(projectId: string, recordId: number): Decision[];
  appendDecision(input: NewDecision): Decision;
  resolutions(projectId: string, stage?: Stage): Resolution[];
  appendResolution(input: NewResolution): Resolution;
  /** The audit log, newest first, optionally of one record, one user (by user name) or one stage; `total` counts the matches. */
  audit(projectId: string, options?: AuditOptions): { total: number; items: AuditEntry[] };
}
