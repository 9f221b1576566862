import type { Decision, Project, Resolution, Search, Stage, User } from '@exoatlas/review';

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  is_admin: number;
  created_at: string;
  is_disabled: number;
}

export interface ProjectRow {
  id: string;
  name: string;
  question: string;
  criteria: string;
  mode: Project['mode'];
  exclusion_reasons: string;
  created_at: string;
  created_by: number;
}

export interface SearchRow {
  id: number;
  project_id: string;
  database_name: string;
  search_date: string;
  query: string;
  file_name: string;
  format: string;
  identified: number;
  duplicates: number;
  added: number;
  warnings: string;
  imported_at: string;
  imported_by: number;
}

export interface DecisionRow {
  id: number;
  project_id: string;
  record_id: number;
  stage: Stage;
  reviewer_id: number;
  reviewer: string;
  decision: Decision['decision'];
  reason: string | null;
  note: string | null;
  version: number;
  created_at: string;
}

export interface ResolutionRow {
  id: number;
  project_id: string;
  record_id: number;
  stage: Stage;
  decision: Resolution['decision'];
  reason: string | null;
  method: Resolution['method'];
  resolved_by: number;
  resolver: string;
  note: string | null;
  version: number;
  created_at: string;
}

export const userFromRow = (r: UserRow): User => ({ id: r.id, username: r.username, displayName: r.display_name, isAdmin: r.is_admin === 1, createdAt: r.created_at, isDisabled: r.is_disabled === 1 });

export const projectFromRow = (r: ProjectRow): Project => ({
  id: r.id,
  name: r.name,
  question: r.question,
  criteria: JSON.parse(r.criteria) as Project['criteria'],
  mode: r.mode,
  exclusionReasons: JSON.parse(r.exclusion_reasons) as Project['exclusionReasons'],
  createdAt: r.created_at,
  createdBy: r.created_by,
});

export const searchFromRow = (r: SearchRow): Search => ({
  id: r.id,
  projectId: r.project_id,
  database: r.database_name,
  date: r.search_date,
  query: r.query,
  fileName: r.file_name,
  format: r.format,
  identified: r.identified,
  duplicates: r.duplicates,
  added: r.added,
  importedAt: r.imported_at,
  importedBy: r.imported_by,
  warnings: JSON.parse(r.warnings) as string[],
});

const optional = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

export const decisionFromRow = (r: DecisionRow): Decision => ({
  id: r.id,
  projectId: r.project_id,
  recordId: r.record_id,
  stage: r.stage,
  reviewerId: r.reviewer_id,
  reviewer: r.reviewer,
  decision: r.decision,
  reason: optional(r.reason),
  note: optional(r.note),
  version: r.version,
  createdAt: r.created_at,
});

export const resolutionFromRow = (r: ResolutionRow): Resolution => ({
  id: r.id,
  projectId: r.project_id,
  recordId: r.record_id,
  stage: r.stage,
  decision: r.decision,
  reason: optional(r.reason),
  method: r.method,
  resolvedBy: r.resolved_by,
  resolver: r.resolver,
  note: optional(r.note),
  version: r.version,
  createdAt: r.created_at,
});
