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
  createUser(input: { username: string; displayName: string; passwordHash: string; isAdmin: boolean }): Promise<User>;
  findUser(username: string): Promise<(User & { passwordHash: string }) | undefined>;
  getUser(id: number): Promise<User | undefined>;
  countUsers(): Promise<number>;
  createSession(userId: number, tokenHash: string, expiresAt: string): Promise<void>;
  sessionUser(tokenHash: string, now: string): Promise<User | undefined>;
  deleteSession(tokenHash: string): Promise<void>;

  createProject(project: NewProject, ownerId: number): Promise<Project>;
  updateProject(id: string, patch: Partial<Omit<NewProject, 'id'>>, userId: number): Promise<Project>;
  getProject(id: string): Promise<Project | undefined>;
  listProjects(userId: number): Promise<(Project & { role: Role })[]>;
  memberRole(projectId: string, userId: number): Promise<Role | undefined>;
  members(projectId: string): Promise<Member[]>;
  setMember(projectId: string, userId: number, role: Role, byUserId: number): Promise<void>;

  /** The project's records with their citations, for de-duplication of a new import. */
  citations(projectId: string): Promise<{ recordId: number; citation: CitationRecord }[]>;
  /** Writes the searches, the new records and every duplicate link in one transaction: all or nothing. */
  importSearches(projectId: string, searches: NewSearch[], plan: ImportPlan, userId: number): Promise<Search[]>;
  searches(projectId: string): Promise<Search[]>;
  records(projectId: string): Promise<ReviewRecord[]>;
  getRecord(projectId: string, recordId: number): Promise<ReviewRecord | undefined>;
  setNotRetrieved(projectId: string, recordId: number, isNotRetrieved: boolean, userId: number): Promise<void>;
  /** Flags (or unflags) records as excluded by automation tools, with one audit entry holding `details`; all or nothing. */
  setExcludedByAutomation(projectId: string, recordIds: readonly number[], isExcluded: boolean, userId: number, details: Record<string, unknown>): Promise<void>;

  decisions(projectId: string, stage?: Stage): Promise<Decision[]>;
  recordDecisions(projectId: string, recordId: number): Promise<Decision[]>;
  appendDecision(input: NewDecision): Promise<Decision>;
  resolutions(projectId: string, stage?: Stage): Promise<Resolution[]>;
  appendResolution(input: NewResolution): Promise<Resolution>;
  /** The audit log, newest first, optionally of one record, one user (by user name) or one stage; `total` counts the matches. */
  audit(projectId: string, options?: AuditOptions): Promise<{ total: number; items: AuditEntry[] }>;
}
