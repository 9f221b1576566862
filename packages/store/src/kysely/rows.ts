import type { Selectable } from 'kysely';
import type { Decision, Project, Resolution, Search, User } from '@exoatlas/review';
import type { Database } from './database.js';

// The rows as the tables hold them (database.ts types every table once); decisions and resolutions come with the
// user name of who made them, joined in.
export type UserRow = Selectable<Database['review_users']>;
export type ProjectRow = Selectable<Database['review_projects']>;
export type SearchRow = Selectable<Database['review_searches']>;
export type DecisionRow = Selectable<Database['review_decisions']> & { reviewer: string };
export type ResolutionRow = Selectable<Database['review_resolutions']> & { resolver: string };

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
