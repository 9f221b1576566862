/** The living-review API (/api/reviews, issues 7 and 8): shapes as the server sends them, and the paths. */
import type { Criteria, Member, Search, StageProgress, Decision, RecordStatus, RecordView, StoppingGuidance } from '@exoatlas/review';
import { apiPath, sendJson } from './client';

// Shapes the review API sends as they are in packages/review (one source of truth; types only, nothing bundled).
export type { Criteria, Member, Search, StageProgress, Decision, Resolution, StageView, RecordStatus, RecordView, StoppingGuidance, AgreementStats, AuditEntry, PairAgreement, PrismaCounts } from '@exoatlas/review';

export const STAGES = ['title-abstract', 'full-text'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<Stage, string> = { 'title-abstract': 'Title and abstract', 'full-text': 'Full text' };
export type Role = 'owner' | 'reviewer' | 'viewer';
export type DecisionValue = 'include' | 'exclude' | 'maybe';

export interface ReviewUser {
  id: number;
  username: string;
  displayName: string;
  isAdmin: boolean;
}

/** An account as an admin sees it (GET /api/reviews/users). */
export interface AccountUser extends ReviewUser {
  isDisabled: boolean;
  /** The end of a sign-in lock in force (too many failed attempts), or null. */
  lockedUntil: string | null;
}

export interface ReviewProject {
  id: string;
  name: string;
  question: string;
  criteria: Criteria;
  mode: 'single' | 'dual';
  exclusionReasons: Record<Stage, string[]>;
  createdAt: string;
  role?: Role;
  records?: number;
}

export interface ProjectView {
  project: ReviewProject;
  role: Role;
  members: Member[];
  searches: Search[];
  progress: Record<Stage, StageProgress>;
}

export interface NextRecord {
  record: RecordView | null;
  question: string;
  criteria: Criteria;
  exclusionReasons: string[];
  progress: StageProgress;
  /** How the records are ranked now: by the model or, before an include and an exclude, by the question; in words. */
  ranking: { basis: 'model' | 'query'; millis: number; description: string } | null;
  stopping: StoppingGuidance | null;
}

export interface Conflict {
  recordId: number;
  stage: Stage;
  decisions: Decision[];
  /** "reason": every reviewer excluded, for different reasons (the resolution names the one PRISMA counts) */
  kind: 'disagreement' | 'maybe' | 'reason';
  record: RecordView;
}

/** A cross-table of two reviewers' decisions: the first reviewer's decision → the second's → count. */
export type DecisionTable = Record<DecisionValue, Record<DecisionValue, number>>;


export interface AuditFilters {
  user?: string;
  stage?: Stage;
  offset?: number;
  limit?: number;
}

export type FormKind = 'extraction' | 'rob' | 'misev';
export type ConsensusStatus = 'consensus' | 'agreed' | 'single' | 'conflict' | 'none';

export interface StudyStatus {
  recordId: number;
  label: string;
  title: string;
  year?: number;
  extraction: { status: ConsensusStatus; reviewers: number; mine: number | null };
  rob: { status: ConsensusStatus; reviewers: number; mine: number | null; overall: 'low' | 'unclear' | 'high' | null };
  misev: { status: ConsensusStatus; reviewers: number; mine: number | null; score: number | null };
  outcomes: string[];
}

export interface SavedForm {
  id: number;
  recordId: number;
  kind: FormKind;
  reviewerId: number | null;
  reviewer: string | null;
  version: number;
  data: unknown;
  createdAt: string;
}

export interface FormsView {
  recordId: number;
  kind: FormKind;
  forms: SavedForm[];
  consensus: SavedForm | null;
  discrepancies: { path: string; a?: unknown; b?: unknown }[];
  /** appraisals: the first two reviewers' agreement over the items */
  agreement: { items: number; agreed: number; percent: number | null; kappa: number | null } | null;
  status: ConsensusStatus;
  effective: unknown;
  score?: { reported: number; applicable: number; score: number | null; label: string } | null;
}

export interface FieldIssue {
  path: string;
  message: string;
}

export interface SyrcleItem {
  id: string;
  number: number;
  domain: string;
  label: string;
  question: string;
  signalling: string[];
}

export interface MisevItem {
  id: string;
  label: string;
  criterion: string;
  appliesWhen: string;
}

/** A JSON Schema fragment: enough to read the enumerations of the form's fields. */
export interface JsonSchema {
  type?: string;
  enum?: string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

export interface ExtractionSchema {
  kinds: FormKind[];
  isolationMethods: string[];
  syrcle: SyrcleItem[];
  misev: { label: string; items: MisevItem[] };
  measures: string[];
  subgroups: string[];
  jsonSchema: { extraction: JsonSchema; rob: JsonSchema; misev: JsonSchema };
}

export interface AppraisalSummary {
  rob: { label: string; judgements: Record<string, string> }[];
  misev: { label: string; score: { reported: number; applicable: number; score: number | null } }[];
  svg: { robSummary: string; robTrafficLight: string; misevSummary: string };
}

export interface SynthesisResponse {
  id: number | null;
  options: Record<string, unknown>;
  measure: string;
  measureReason: string;
  result: {
    measureLabel?: string;
    method?: string;
    k?: number;
    estimate: number;
    se: number;
    ciLower: number;
    ciUpper: number;
    pval?: number;
    tau2?: number;
    i2?: number;
    labels: string[];
    rowsUsed: number[];
    weights: number[];
    studies: { yi: number | null; vi: number | null }[];
    subgroups?: { groups: { level: string; k: number; estimate: number; ciLower: number; ciUpper: number }[] } | null;
  };
  table?: { columns: string[]; rows: (string | number | null)[][] };
  /** the pooled effect on its reporting scale (ratios for OR, RR, ROM) and which side favours treatment */
  effect?: { scale: 'ratio' | 'linear'; estimate: number | null; ciLower: number | null; ciUpper: number | null; favoursTreatment: 'above' | 'below' | 'not-stated'; interpretation: string; treatmentOverControl?: { estimate: number | null; ciLower: number | null; ciUpper: number | null } };
  warnings: string[];
  svg: { forest: string; funnel: string; robForest: string };
  publishedAt?: string | null;
}

const P = (project: string): string => `/api/reviews/${encodeURIComponent(project)}`;

/** Paths of the review API. */
export const reviewPaths = {
  me: () => '/api/reviews/auth/me',
  setup: () => '/api/reviews/auth/setup',
  login: () => '/api/reviews/auth/login',
  logout: () => '/api/reviews/auth/logout',
  users: () => '/api/reviews/users',
  changePassword: () => '/api/reviews/auth/password',
  revokeOwnSessions: () => '/api/reviews/auth/sessions/revoke',
  userAction: (username: string, action: 'disable' | 'enable' | 'unlock' | 'sessions/revoke') => `/api/reviews/users/${encodeURIComponent(username)}/${action}`,
  member: (p: string, username: string) => `${P(p)}/members/${encodeURIComponent(username)}`,
  projects: () => '/api/reviews',
  project: (p: string) => P(p),
  members: (p: string) => `${P(p)}/members`,
  searches: (p: string) => `${P(p)}/searches`,
  records: (p: string, stage: Stage) => `${P(p)}/records?stage=${stage}&sort=score&limit=500`,
  record: (p: string, id: number) => `${P(p)}/records/${id}`,
  next: (p: string, stage: Stage) => `${P(p)}/next?stage=${stage}`,
  decide: (p: string, id: number) => `${P(p)}/records/${id}/decisions`,
  retrieval: (p: string, id: number) => `${P(p)}/records/${id}/retrieval`,
  conflicts: (p: string, stage: Stage) => `${P(p)}/conflicts?stage=${stage}`,
  resolve: (p: string, id: number) => `${P(p)}/records/${id}/resolution`,
  agreement: (p: string) => `${P(p)}/agreement`,
  prisma: (p: string) => `${P(p)}/prisma`,
  audit: (p: string, f: AuditFilters = {}) => apiPath(`${P(p)}/audit`, { user: f.user, stage: f.stage, limit: f.limit, offset: f.offset || undefined }),
  prismaSvg: (p: string, standalone = false) => `${P(p)}/prisma.svg${standalone ? '?standalone=true' : ''}`,
  prismaCsv: (p: string) => `${P(p)}/prisma.csv`,
  exportRecords: (p: string, format: 'ris' | 'bibtex' | 'csl-json' | 'csv', stage: Stage = 'full-text', status: RecordStatus = 'included') => `${P(p)}/export?${new URLSearchParams({ format, stage, status })}`,
  screeningLog: (p: string) => `${P(p)}/screening-log.csv`,
  stopScreening: (p: string) => `${P(p)}/screening/stop`,
  discoveryCurve: (p: string) => `${P(p)}/screening/curve.svg`,
  resumeScreening: (p: string) => `${P(p)}/screening/resume`,
  extractionSchema: () => '/api/reviews/extraction/schema',
  extraction: (p: string) => `${P(p)}/extraction`,
  validate: (p: string) => `${P(p)}/extraction/validate`,
  forms: (p: string, id: number, kind: FormKind) => `${P(p)}/records/${id}/forms/${kind}`,
  appraisal: (p: string) => `${P(p)}/appraisal`,
  synthesis: (p: string) => `${P(p)}/synthesis`,
  synthesisExport: (p: string, id: number, what: 'csv-table' | 'csv-results' | 'json') =>
    what === 'json' ? `${P(p)}/syntheses/${id}/export.json` : `${P(p)}/syntheses/${id}/export.csv?what=${what === 'csv-table' ? 'table' : 'results'}`,
  publish: (p: string, id: number) => `${P(p)}/syntheses/${id}/publish`,
  unpublish: (p: string) => `${P(p)}/unpublish`,
};

export const reviewApi = {
  get: <T>(path: string, signal?: AbortSignal) => sendJson<T>('GET', path, undefined, signal),
  post: <T>(path: string, body: unknown) => sendJson<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => sendJson<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => sendJson<T>('PATCH', path, body),
  delete: <T>(path: string) => sendJson<T>('DELETE', path),
};
