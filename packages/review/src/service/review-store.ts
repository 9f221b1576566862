import type { CitationRecord } from '@exoatlas/literature';
import type { AuditEntry, Criteria, Decision, DecisionValue, Member, Project, Resolution, ResolutionMethod, ReviewRecord, Role, ScreeningMode, Search, Stage, User } from '../types.js';
import type { ImportPlan } from '../import/plan-import.js';
import type { LoginAttempt } from '../auth/login-throttle.js';

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

/**
 * What a cached screening state needs to catch up: the rows it lacks and the totals read after them. Both logs are
 * append-only, so a state holding `decisionCount` rows is complete exactly when its rows number that many.
 */
export interface ScreeningLogDelta {
  decisions: Decision[];
  resolutions: Resolution[];
  decisionCount: number;
  resolutionCount: number;
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
  /** Creates an account; with `createdBy`, the account log records who did. */
  createUser(input: { username: string; displayName: string; passwordHash: string; isAdmin: boolean; createdBy?: number }): Promise<User>;
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
  /**
   * A short key read from the database that changes whenever `records` would answer differently: records are only
   * appended (count, last id), their sources change only by an import (the count of searches), and two flags change
   * in place (a hashed sum of the flagged ids per flag). Cheap (one aggregate), so callers may cache the records by it.
   */
  recordsVersion(projectId: string): Promise<string>;
  getRecord(projectId: string, recordId: number): Promise<ReviewRecord | undefined>;
  setNotRetrieved(projectId: string, recordId: number, isNotRetrieved: boolean, userId: number): Promise<void>;
  /** Flags (or unflags) records as excluded by automation tools, with one audit entry holding `details`; all or nothing. */
  setExcludedByAutomation(projectId: string, recordIds: readonly number[], isExcluded: boolean, userId: number, details: Record<string, unknown>): Promise<void>;

  decisions(projectId: string, stage?: Stage): Promise<Decision[]>;
  /** The decisions and resolutions with ids above `after`'s, then how many the project has of each (see ScreeningLogDelta). */
  screeningLogSince(projectId: string, after: { decision: number; resolution: number }): Promise<ScreeningLogDelta>;
  recordDecisions(projectId: string, recordId: number): Promise<Decision[]>;
  appendDecision(input: NewDecision): Promise<Decision>;
  resolutions(projectId: string, stage?: Stage): Promise<Resolution[]>;
  appendResolution(input: NewResolution): Promise<Resolution>;
  /** The audit log, newest first, optionally of one record, one user (by user name) or one stage; `total` counts the matches. */
  audit(projectId: string, options?: AuditOptions): Promise<{ total: number; items: AuditEntry[] }>;

  // ---------------------------------------------------------------- accounts (issue 17)

  /** Creates the very first account, an admin, only if no account exists yet (atomically: of racing calls one wins); else undefined. */
  createFirstUser(input: { username: string; displayName: string; passwordHash: string }): Promise<User | undefined>;
  /** Every account, by user name. */
  listUsers(): Promise<User[]>;
  /** Sets a new password hash and ends the user's sessions except `keepTokenHash` (the one that asked); logged. */
  setPasswordHash(userId: number, passwordHash: string, keepTokenHash: string | undefined, byUserId: number): Promise<void>;
  /** Disables (ending every session of the user) or enables an account; logged. */
  setDisabled(userId: number, isDisabled: boolean, byUserId: number): Promise<void>;
  /** Ends every session of a user; logged. Returns how many ended. */
  deleteSessions(userId: number, byUserId: number): Promise<number>;
  /** Deletes sessions expired at `now`; returns how many. */
  purgeExpiredSessions(now: string): Promise<number>;
  /**
   * Counts a sign-in attempt against each key, in one transaction: if any key is locked, nothing is counted and the
   * latest lock end is returned; otherwise each key's state becomes `countAttempt(...)` (auth/login-throttle.ts).
   */
  reserveLoginAttempt(attempt: LoginAttempt): Promise<{ lockedUntil?: string }>;
  /** After a successful sign-in: the account key's state is deleted, the address key's count goes down by one (not below 0). */
  loginSucceeded(accountKey: string, addressKey: string): Promise<void>;
  /** Deletes throttle state not locked at `now` whose window began before `before` (so unique guessed names do not pile up); returns how many. */
  purgeLoginThrottle(now: string, before: string): Promise<number>;
  /** The throttle keys locked at `now`, with the lock's end. */
  loginLocks(now: string): Promise<{ key: string; lockedUntil: string }[]>;
  /** An admin lifts a lock (deletes the key's state); logged against the target user. */
  clearLoginThrottle(key: string, targetUserId: number, byUserId: number): Promise<void>;
  /** Removes a member from a project in one transaction with its audit entry ('member.remove'); refuses (EXO_ERR_REVIEW_LAST_OWNER) to remove the last owner. Their decisions stay. */
  removeMember(projectId: string, userId: number, byUserId: number): Promise<void>;
  /** The account log (creations, password changes, disable/enable, unlocks, session revocations, locks), newest first. */
  accountAudit(options?: { username?: string; limit?: number; offset?: number }): Promise<{ total: number; items: AccountAuditEntry[] }>;
}

/** One entry of the account log: who (null for the system, e.g. an automatic lock) did what to whom. */
export interface AccountAuditEntry {
  id: number;
  actorId: number | null;
  actor: string | null;
  action: string;
  targetId: number | null;
  target: string | null;
  details: Record<string, unknown> | null;
  at: string;
}
