import type { CitationRecord } from '@exoatlas/literature';

/** Screening stages, in order. */
export const STAGES = ['title-abstract', 'full-text'] as const;
export type Stage = (typeof STAGES)[number];

/** What a reviewer decides about a record at a stage. */
export const DECISIONS = ['include', 'exclude', 'maybe'] as const;
export type DecisionValue = (typeof DECISIONS)[number];

/** Roles in a project: owners manage it and screen, reviewers screen, viewers read. */
export const ROLES = ['owner', 'reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Single screening: one reviewer per record; dual: two independent, blinded reviewers per record. */
export const SCREENING_MODES = ['single', 'dual'] as const;
export type ScreeningMode = (typeof SCREENING_MODES)[number];

/** How a conflict was settled. */
export const RESOLUTION_METHODS = ['third-reviewer', 'discussion'] as const;
export type ResolutionMethod = (typeof RESOLUTION_METHODS)[number];

/** Eligibility criteria, shown beside every record while screening: PICO fields and free text. */
export interface Criteria {
  population?: string;
  intervention?: string;
  comparator?: string;
  outcomes?: string;
  studyDesigns?: string;
  /** Free-text inclusion criteria. */
  inclusion?: string;
  /** Free-text exclusion criteria. */
  exclusion?: string;
}

export interface Project {
  /** A short kebab-case id, used in URLs and on the command line. */
  id: string;
  name: string;
  question: string;
  criteria: Criteria;
  mode: ScreeningMode;
  /** The exclusion reasons a reviewer picks from, per stage. */
  exclusionReasons: Record<Stage, string[]>;
  createdAt: string;
  createdBy: number;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  /** Admins create user accounts (the first account is one). */
  isAdmin: boolean;
  createdAt: string;
  /** An admin disabled the account: it cannot sign in and its sessions do not work (absent means false). */
  isDisabled?: boolean;
}

export interface Member {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  addedAt: string;
}

/** One imported search: a file from a database with its provenance, and what de-duplication made of it. */
export interface Search {
  id: number;
  projectId: string;
  database: string;
  /** ISO date the search was run. */
  date: string;
  query: string;
  fileName: string;
  format: string;
  /** Records read from the file. */
  identified: number;
  /** Of those, duplicates of a record already in the project or elsewhere in this import. */
  duplicates: number;
  /** New unique records this search added to the project. */
  added: number;
  importedAt: string;
  importedBy: number;
  warnings: string[];
}

/** A unique record of a project (one work after de-duplication). */
export interface ReviewRecord {
  id: number;
  projectId: string;
  /** The search that first brought it in. */
  searchId: number;
  /** Every search that found it. */
  searchIds: number[];
  citation: CitationRecord;
  /** Its full text was sought but could not be retrieved (PRISMA "reports not retrieved"). */
  isNotRetrieved: boolean;
  /**
   * Nobody had screened it when the owner stopped prioritised title/abstract screening: PRISMA 2020 counts it as
   * excluded by automation tools. It takes effect only while the record has no title/abstract decision.
   */
  isExcludedByAutomation: boolean;
}

/** One decision; decisions are never changed: a new decision by the same reviewer on the same record and stage has the next version. */
export interface Decision {
  id: number;
  projectId: string;
  recordId: number;
  stage: Stage;
  reviewerId: number;
  reviewer: string;
  decision: DecisionValue;
  reason?: string;
  note?: string;
  /** 1 for a reviewer's first decision on a record at a stage, then 2, 3, … */
  version: number;
  createdAt: string;
}

export interface Resolution {
  id: number;
  projectId: string;
  recordId: number;
  stage: Stage;
  decision: 'include' | 'exclude';
  reason?: string;
  method: ResolutionMethod;
  resolvedBy: number;
  resolver: string;
  note?: string;
  version: number;
  createdAt: string;
}

export interface AuditEntry {
  id: number;
  projectId: string;
  userId: number;
  username: string;
  action: string;
  recordId?: number;
  /** The record's title, when the entry is about a record. */
  recordTitle?: string;
  stage?: Stage;
  before: unknown;
  after: unknown;
  at: string;
}
