import { formatAuthor, type CitationRecord } from '@exoatlas/literature';
import { ExoError } from '@exoatlas/schema';
import { agreementStats, type AgreementStats } from '../agreement/agreement.js';
import { checkPasswordStrength, DUMMY_HASH, hashPassword, verifyPassword } from '../auth/password.js';
import { requireRole, type Action } from '../auth/roles.js';
import { hashToken, newSessionToken, SESSION_DAYS } from '../auth/token.js';
import { planImport, readSearchFiles, type SearchFile } from '../import/plan-import.js';
import { prismaCounts, type PrismaCounts } from '../prisma/counts.js';
import type { Classifier, Label } from '../ranking/classifier.js';
import type { ModelName } from '../ranking/models.js';
import { Ranker, type Ranking } from '../ranking/ranker.js';
import { criteriaText, recordText } from '../ranking/record-text.js';
import { isBlinded, visibleDecisions } from '../screening/blinding.js';
import { findConflicts, type Conflict } from '../screening/conflicts.js';
import { latestByReviewer, requiredReviewers, stageOutcome, validateDecision, type RecordStatus, type StageOutcome } from '../screening/decisions.js';
import { automatedOutcome, teamSequence } from '../screening/automation.js';
import { stoppingGuidance, type StoppingGuidance } from '../screening/stopping.js';
import { ROLES, RESOLUTION_METHODS, SCREENING_MODES, STAGES, type AuditEntry, type Criteria, type Decision, type Project, type Resolution, type ReviewRecord, type Role, type Search, type Stage, type User } from '../types.js';
import type { AuditOptions, NewProject, ReviewStore } from './review-store.js';

export interface ReviewServiceOptions {
  now?: () => Date;
  /** Runs a task soon without holding up the caller (the server passes setImmediate); absent, rankings refresh when asked for. */
  schedule?: (task: () => void) => void;
  model?: ModelName;
}

/** Default exclusion reasons per stage; each project may change them. */
export const DEFAULT_EXCLUSION_REASONS: Record<Stage, string[]> = {
  'title-abstract': ['Wrong population or model', 'Wrong intervention', 'Wrong comparator', 'Wrong outcome', 'Wrong study design', 'Review, editorial or commentary', 'Other'],
  'full-text': ['Wrong population or model', 'Wrong intervention', 'Wrong comparator', 'Wrong outcome', 'Wrong study design', 'Review, editorial or commentary', 'Conference abstract only', 'Data not extractable', 'Language', 'Other'],
};

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
  /** Records you have decided / still to decide at this stage. */
  mine: { decided: number; remaining: number };
}

export interface ProjectView {
  project: Project;
  role: Role;
  members: ReturnType<ReviewStore['members']>;
  searches: Search[];
  progress: Record<Stage, StageProgress>;
  /** Records nobody screened before the owner stopped title/abstract screening (0 while screening goes on). */
  excludedByAutomation: number;
}

interface ScreeningState {
  project: Project;
  records: ReviewRecord[];
  decisions: Record<Stage, Map<number, Decision[]>>;
  resolutions: Record<Stage, Map<number, Resolution[]>>;
  outcomes: Record<Stage, Map<number, StageOutcome>>;
  /** A key that changes with any decision or resolution. */
  version: string;
}

interface ProjectRanking {
  recordsKey: string;
  ranker: Ranker;
  recordIds: number[];
  rowOf: Map<number, number>;
  byUser: Map<number, { classifier: Classifier; key?: string; ranking?: Ranking }>;
}

const PROJECT_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function invalid(message: string, field: string): never {
  throw new ExoError('EXO_ERR_REVIEW_INVALID_INPUT', message, { field });
}

function text(value: unknown, field: string, options: { required?: boolean; max?: number } = {}): string | undefined {
  if (value === undefined || value === null || value === '') {
    if (options.required) invalid(`${field} is required`, field);
    return undefined;
  }
  if (typeof value !== 'string') invalid(`${field} must be text`, field);
  const trimmed = value.trim();
  if (options.required && trimmed === '') invalid(`${field} is required`, field);
  if (trimmed.length > (options.max ?? 20_000)) invalid(`${field} is too long (at most ${options.max ?? 20_000} characters)`, field);
  return trimmed || undefined;
}

/** "iMSC exosomes in wound healing" → "imsc-exosomes-in-wound-healing" */
export function slugify(name: string): string {
  const slug = name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48).replace(/-+$/, '');
  return slug.length >= 2 ? slug : `review-${slug || 'project'}`;
}

function parseCriteria(value: unknown): Criteria {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) invalid('criteria must be an object with population, intervention, comparator, outcomes, studyDesigns, inclusion, exclusion', 'criteria');
  const v = value as Record<string, unknown>;
  const keys = ['population', 'intervention', 'comparator', 'outcomes', 'studyDesigns', 'inclusion', 'exclusion'] as const;
  for (const k of Object.keys(v)) if (!(keys as readonly string[]).includes(k)) invalid(`unknown criteria field '${k}' (known: ${keys.join(', ')})`, `criteria.${k}`);
  const out: Criteria = {};
  for (const k of keys) {
    const t = text(v[k], `criteria.${k}`);
    if (t !== undefined) out[k] = t;
  }
  return out;
}

function parseReasons(value: unknown, fallback: Record<Stage, string[]>): Record<Stage, string[]> {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'object' || Array.isArray(value)) invalid("exclusionReasons must map a stage ('title-abstract', 'full-text') to a list of reasons", 'exclusionReasons');
  const v = value as Record<string, unknown>;
  const out = { ...fallback };
  for (const [stage, reasons] of Object.entries(v)) {
    if (!(STAGES as readonly string[]).includes(stage)) invalid(`unknown stage '${stage}' in exclusionReasons`, 'exclusionReasons');
    if (!Array.isArray(reasons) || reasons.some((r) => typeof r !== 'string' || r.trim() === '')) invalid(`exclusionReasons.${stage} must be a list of non-empty texts`, `exclusionReasons.${stage}`);
    out[stage as Stage] = [...new Set((reasons as string[]).map((r) => r.trim()))];
  }
  return out;
}

const labelOf = (status: RecordStatus): Label | undefined => (status === 'included' ? 1 : status === 'excluded' ? 0 : undefined);

/**
 * The living-review workflow with its policy: who may do what (every write checks the role; non-members see nothing),
 * blinding, stale-write protection, de-duplicated imports, ranking and the reports. The HTTP API and the CLI both
 * call it; persistence is a ReviewStore.
 */
export class ReviewService {
  private readonly now: () => Date;
  private readonly schedule?: (task: () => void) => void;
  private readonly model?: ModelName;
  private readonly rankings = new Map<string, ProjectRanking>();

  constructor(
    readonly store: ReviewStore,
    options: ReviewServiceOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.schedule = options.schedule;
    this.model = options.model;
  }

  // ---------------------------------------------------------------- accounts

  requireUser(actor: User | undefined): User {
    if (!actor) throw new ExoError('EXO_ERR_AUTH_REQUIRED', 'sign in first (POST /api/reviews/auth/login), then send the session cookie or an Authorization: Bearer token');
    return actor;
  }

  /** Creates an account. The very first account needs no sign-in and becomes an admin; after that only admins add users. */
  async createUser(actor: User | undefined, input: { username?: unknown; password?: unknown; displayName?: unknown; isAdmin?: unknown }): Promise<User> {
    const isFirst = this.store.countUsers() === 0;
    if (!isFirst) {
      const user = this.requireUser(actor);
      if (!user.isAdmin) throw new ExoError('EXO_ERR_AUTH_FORBIDDEN', 'only an admin can create user accounts');
    }
    const username = typeof input.username === 'string' ? input.username.trim() : '';
    if (!USERNAME.test(username)) throw new ExoError('EXO_ERR_AUTH_WEAK_PASSWORD', 'a user name has 2–40 letters, digits, dots, dashes or underscores, starting with a letter or digit', { field: 'username' });
    if (typeof input.password !== 'string') throw new ExoError('EXO_ERR_AUTH_WEAK_PASSWORD', 'a password is required', { field: 'password' });
    checkPasswordStrength(input.password);
    if (this.store.findUser(username)) throw new ExoError('EXO_ERR_AUTH_USER_EXISTS', `a user '${username}' already exists`, { field: 'username' });
    const displayName = text(input.displayName, 'displayName', { max: 200 }) ?? username;
    return this.store.createUser({ username, displayName, passwordHash: await hashPassword(input.password), isAdmin: isFirst || input.isAdmin === true });
  }

  /** Checks a password and opens a session; the token is returned once and only its hash is stored. */
  async login(username: unknown, password: unknown): Promise<{ token: string; user: User; expiresAt: string }> {
    const found = typeof username === 'string' ? this.store.findUser(username.trim()) : undefined;
    const ok = await verifyPassword(typeof password === 'string' ? password : '', found?.passwordHash ?? DUMMY_HASH);
    if (!found || !ok) throw new ExoError('EXO_ERR_AUTH_INVALID_CREDENTIALS', 'wrong user name or password');
    const token = newSessionToken();
    const expiresAt = new Date(this.now().getTime() + SESSION_DAYS * 86_400_000).toISOString();
    this.store.createSession(found.id, hashToken(token), expiresAt);
    const { passwordHash: _drop, ...user } = found;
    return { token, user, expiresAt };
  }

  authenticate(token: string | undefined): User | undefined {
    if (!token) return undefined;
    return this.store.sessionUser(hashToken(token), this.now().toISOString());
  }

  logout(token: string | undefined): void {
    if (token) this.store.deleteSession(hashToken(token));
  }

  // ---------------------------------------------------------------- projects

  private access(actor: User | undefined, projectId: string, action: Action): { user: User; project: Project; role: Role } {
    const user = this.requireUser(actor);
    const project = this.store.getProject(projectId);
    const role = project ? this.store.memberRole(projectId, user.id) : undefined;
    requireRole(role, action, projectId);
    return { user, project: project!, role: role! };
  }

  createProject(actor: User | undefined, input: { id?: unknown; name?: unknown; question?: unknown; criteria?: unknown; mode?: unknown; exclusionReasons?: unknown }): Project {
    const user = this.requireUser(actor);
    const name = text(input.name, 'name', { required: true, max: 300 })!;
    const id = input.id === undefined ? slugify(name) : typeof input.id === 'string' && PROJECT_ID.test(input.id) ? input.id : invalid('id must be 2–63 lower-case letters, digits or dashes', 'id');
    const mode = input.mode ?? 'single';
    if (!(SCREENING_MODES as readonly unknown[]).includes(mode)) invalid(`mode must be one of ${SCREENING_MODES.join(', ')}`, 'mode');
    if (this.store.getProject(id)) throw new ExoError('EXO_ERR_REVIEW_PROJECT_EXISTS', `a review project '${id}' already exists; choose another id`, { id });
    const project: NewProject = {
      id,
      name,
      question: text(input.question, 'question', { max: 5000 }) ?? '',
      criteria: parseCriteria(input.criteria),
      mode: mode as NewProject['mode'],
      exclusionReasons: parseReasons(input.exclusionReasons, DEFAULT_EXCLUSION_REASONS),
    };
    return this.store.createProject(project, user.id);
  }

  updateProject(actor: User | undefined, projectId: string, input: { name?: unknown; question?: unknown; criteria?: unknown; mode?: unknown; exclusionReasons?: unknown }): Project {
    const { user, project } = this.access(actor, projectId, 'manage');
    const patch: Partial<Omit<NewProject, 'id'>> = {};
    if (input.name !== undefined) patch.name = text(input.name, 'name', { required: true, max: 300 })!;
    if (input.question !== undefined) patch.question = text(input.question, 'question', { max: 5000 }) ?? '';
    if (input.criteria !== undefined) patch.criteria = parseCriteria(input.criteria);
    if (input.exclusionReasons !== undefined) patch.exclusionReasons = parseReasons(input.exclusionReasons, project.exclusionReasons);
    if (input.mode !== undefined) {
      if (!(SCREENING_MODES as readonly unknown[]).includes(input.mode)) invalid(`mode must be one of ${SCREENING_MODES.join(', ')}`, 'mode');
      patch.mode = input.mode as Project['mode'];
    }
    this.rankings.delete(projectId);
    return this.store.updateProject(projectId, patch, user.id);
  }

  listProjects(actor: User | undefined): (Project & { role: Role; records: number })[] {
    const user = this.requireUser(actor);
    return this.store.listProjects(user.id).map((p) => ({ ...p, records: this.store.searches(p.id).reduce((n, s) => n + s.added, 0) }));
  }

  getProject(actor: User | undefined, projectId: string): ProjectView {
    const { user, project, role } = this.access(actor, projectId, 'read');
    const state = this.state(project);
    const excludedByAutomation = state.records.filter((r) => state.outcomes['title-abstract'].get(r.id)!.isAutomated).length;
    return { project, role, members: this.store.members(projectId), searches: this.store.searches(projectId), progress: this.progress(state, user.id), excludedByAutomation };
  }

  addMember(actor: User | undefined, projectId: string, input: { username?: unknown; role?: unknown }): ReturnType<ReviewStore['members']> {
    const { user } = this.access(actor, projectId, 'manage');
    if (!(ROLES as readonly unknown[]).includes(input.role)) invalid(`role must be one of ${ROLES.join(', ')}`, 'role');
    const member = typeof input.username === 'string' ? this.store.findUser(input.username.trim()) : undefined;
    if (!member) throw new ExoError('EXO_ERR_REVIEW_NOT_FOUND_USER', `no user '${String(input.username)}'`, { field: 'username' });
    if (member.id === user.id && input.role !== 'owner' && this.store.members(projectId).filter((m) => m.role === 'owner').length === 1) {
      invalid('a project keeps at least one owner: add another owner first', 'role');
    }
    this.store.setMember(projectId, member.id, input.role as Role, user.id);
    return this.store.members(projectId);
  }

  // ---------------------------------------------------------------- import

  /**
   * Imports search exports with their provenance: every file is read and de-duplicated (against each other and the
   * project) before anything is written, then written in one transaction; a bad file changes nothing.
   */
  async importSearches(actor: User | undefined, projectId: string, files: readonly SearchFile[], provenance: { database?: unknown; date?: unknown; query?: unknown }): Promise<{ searches: Search[]; identified: number; duplicates: number; added: number; warnings: string[] }> {
    const { user } = this.access(actor, projectId, 'import');
    if (files.length === 0) invalid('no file to import', 'files');
    const database = text(provenance.database, 'database', { required: true, max: 200 })!;
    const date = text(provenance.date, 'date', { required: true, max: 10 })!;
    if (!ISO_DATE.test(date) || Number.isNaN(Date.parse(date))) invalid(`date must be the day the search was run, as YYYY-MM-DD (got '${date}')`, 'date');
    const query = text(provenance.query, 'query', { max: 20_000 }) ?? '';
    const read = await readSearchFiles(files);
    // Re-check after the awaits: the role may have changed while the files were read.
    this.access(actor, projectId, 'import');
    const plan = planImport(this.store.citations(projectId), read);
    const searches = this.store.importSearches(
      projectId,
      read.map((f) => ({ database, date, query, fileName: f.name, format: f.format, warnings: f.warnings.map((w) => w.message) })),
      plan,
      user.id,
    );
    this.rankings.delete(projectId);
    return {
      searches,
      identified: searches.reduce((n, s) => n + s.identified, 0),
      duplicates: searches.reduce((n, s) => n + s.duplicates, 0),
      added: searches.reduce((n, s) => n + s.added, 0),
      warnings: searches.flatMap((s) => s.warnings),
    };
  }

  // ---------------------------------------------------------------- screening state

  private state(project: Project): ScreeningState {
    const records = this.store.records(project.id);
    const decisions = { 'title-abstract': new Map<number, Decision[]>(), 'full-text': new Map<number, Decision[]>() };
    const resolutions = { 'title-abstract': new Map<number, Resolution[]>(), 'full-text': new Map<number, Resolution[]>() };
    let maxDecision = 0;
    let maxResolution = 0;
    for (const d of this.store.decisions(project.id)) {
      const list = decisions[d.stage].get(d.recordId) ?? [];
      list.push(d);
      decisions[d.stage].set(d.recordId, list);
      maxDecision = Math.max(maxDecision, d.id);
    }
    for (const r of this.store.resolutions(project.id)) {
      const list = resolutions[r.stage].get(r.recordId) ?? [];
      list.push(r);
      resolutions[r.stage].set(r.recordId, list);
      maxResolution = Math.max(maxResolution, r.id);
    }
    const outcomes = { 'title-abstract': new Map<number, StageOutcome>(), 'full-text': new Map<number, StageOutcome>() };
    for (const stage of STAGES) {
      for (const record of records) {
        const own = decisions[stage].get(record.id) ?? [];
        const isAutomated = stage === 'title-abstract' && record.isExcludedByAutomation && own.length === 0;
        outcomes[stage].set(record.id, isAutomated ? automatedOutcome() : stageOutcome(own, resolutions[stage].get(record.id) ?? [], project.mode));
      }
    }
    return { project, records, decisions, resolutions, outcomes, version: `${records.length}:${maxDecision}:${maxResolution}:${project.mode}:${records.filter((r) => r.isExcludedByAutomation).length}` };
  }

  private isEligible(state: ScreeningState, record: ReviewRecord, stage: Stage): boolean {
    if (stage === 'title-abstract') return true;
    return state.outcomes['title-abstract'].get(record.id)!.status === 'included' && !record.isNotRetrieved;
  }

  /** Records still waiting for this user's decision at a stage. */
  private queue(state: ScreeningState, userId: number, stage: Stage): ReviewRecord[] {
    const needed = requiredReviewers(state.project.mode);
    return state.records.filter((r) => {
      if (!this.isEligible(state, r, stage)) return false;
      if (state.resolutions[stage].has(r.id) || state.outcomes[stage].get(r.id)!.isAutomated) return false;
      const latest = latestByReviewer(state.decisions[stage].get(r.id) ?? []);
      return latest.length < needed && !latest.some((d) => d.reviewerId === userId);
    });
  }

  private progress(state: ScreeningState, userId: number): Record<Stage, StageProgress> {
    const out = {} as Record<Stage, StageProgress>;
    for (const stage of STAGES) {
      const p: StageProgress = { eligible: 0, included: 0, excluded: 0, conflicts: 0, partial: 0, unscreened: 0, mine: { decided: 0, remaining: 0 } };
      for (const record of state.records) {
        if (!this.isEligible(state, record, stage)) continue;
        p.eligible++;
        const status = state.outcomes[stage].get(record.id)!.status;
        if (status === 'included') p.included++;
        else if (status === 'excluded') p.excluded++;
        else if (status === 'conflict') p.conflicts++;
        else if (status === 'partial') p.partial++;
        else p.unscreened++;
        if ((state.decisions[stage].get(record.id) ?? []).some((d) => d.reviewerId === userId)) p.mine.decided++;
      }
      p.mine.remaining = this.queue(state, userId, stage).length;
      out[stage] = p;
    }
    return out;
  }

  private stageView(state: ScreeningState, record: ReviewRecord, stage: Stage, userId: number): StageView {
    const decisions = state.decisions[stage].get(record.id) ?? [];
    const outcome = state.outcomes[stage].get(record.id)!;
    const blinded = isBlinded(decisions, state.project.mode) && outcome.status !== 'included' && outcome.status !== 'excluded';
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

  private view(state: ScreeningState, record: ReviewRecord, userId: number, searches: Map<number, Search>, score?: number): RecordView {
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
      stages: { 'title-abstract': this.stageView(state, record, 'title-abstract', userId), 'full-text': this.stageView(state, record, 'full-text', userId) },
      score,
    };
  }

  private findRecord(state: ScreeningState, recordId: number): ReviewRecord {
    const record = Number.isInteger(recordId) ? state.records.find((r) => r.id === recordId) : undefined;
    if (!record) throw new ExoError('EXO_ERR_REVIEW_NOT_FOUND_RECORD', `review project '${state.project.id}' has no record ${String(recordId)}`, { id: String(recordId) });
    return record;
  }

  // ---------------------------------------------------------------- ranking

  /** The labels this user may train on: their own title/abstract decisions, and settled outcomes they may see. */
  private labelsFor(state: ScreeningState, userId: number): { labels: Map<number, Label>; sequence: (0 | 1)[] } {
    const labels = new Map<number, Label>();
    const timed: { id: number; label: Label }[] = [];
    for (const record of state.records) {
      const decisions = state.decisions['title-abstract'].get(record.id) ?? [];
      const outcome = state.outcomes['title-abstract'].get(record.id)!;
      // Nobody screened it: no label to learn from.
      if (outcome.isAutomated) continue;
      const mine = latestByReviewer(decisions).find((d) => d.reviewerId === userId);
      const first = decisions.reduce((m, d) => Math.min(m, d.id), Infinity);
      const settled = labelOf(outcome.status);
      if (settled !== undefined && (outcome.isResolved || !isBlinded(decisions, state.project.mode))) {
        labels.set(record.id, settled);
      } else if (mine) {
        labels.set(record.id, mine.decision === 'exclude' ? 0 : 1);
      } else if (state.project.mode === 'single' && decisions.length > 0) {
        // A single-screening conflict (disagreement or maybe): anything but a unanimous exclude counts as relevant.
        labels.set(record.id, latestByReviewer(decisions).every((d) => d.decision === 'exclude') ? 0 : 1);
      }
      const label = labels.get(record.id);
      if (label !== undefined && (state.project.mode === 'single' || mine)) timed.push({ id: mine?.id ?? first, label });
    }
    return { labels, sequence: timed.sort((a, b) => a.id - b.id).map((t) => t.label) };
  }

  private rankingFor(state: ScreeningState, userId: number): Ranking {
    const recordsKey = `${state.records.length}:${state.records[state.records.length - 1]?.id ?? 0}`;
    let project = this.rankings.get(state.project.id);
    if (!project || project.recordsKey !== recordsKey) {
      const ranker = new Ranker(
        state.records.map((r) => recordText(r.citation)),
        { model: this.model, query: criteriaText(state.project.question, state.project.criteria) },
      );
      project = { recordsKey, ranker, recordIds: state.records.map((r) => r.id), rowOf: new Map(state.records.map((r, i) => [r.id, i])), byUser: new Map() };
      this.rankings.set(state.project.id, project);
    }
    let mine = project.byUser.get(userId);
    if (!mine) {
      mine = { classifier: project.ranker.newClassifier() };
      project.byUser.set(userId, mine);
    }
    if (mine.ranking && mine.key === state.version) return mine.ranking;
    const { labels } = this.labelsFor(state, userId);
    const rows = new Map<number, Label>();
    for (const [recordId, label] of labels) rows.set(project.rowOf.get(recordId)!, label);
    mine.ranking = project.ranker.rank(rows, mine.classifier);
    mine.key = state.version;
    return mine.ranking;
  }

  private scoreOf(state: ScreeningState, ranking: Ranking, recordId: number): number {
    const row = this.rankings.get(state.project.id)!.rowOf.get(recordId)!;
    return ranking.scores[row]!;
  }

  /** Schedules a refit after a decision; a failure there (a closed database at shutdown) is left to the next request. */
  private refreshLater(projectId: string, userId: number): void {
    this.schedule?.(() => {
      try {
        this.refreshRanking(projectId, userId);
      } catch {
        // The next request refits the ranking itself.
      }
    });
  }

  /** Refits this user's ranking now (the server runs it right after a decision, so the next request finds it ready). */
  refreshRanking(projectId: string, userId: number): void {
    const project = this.store.getProject(projectId);
    if (project) this.rankingFor(this.state(project), userId);
  }

  // ---------------------------------------------------------------- screening

  listRecords(actor: User | undefined, projectId: string, options: { stage?: Stage; status?: RecordStatus; limit?: number; offset?: number; sort?: 'id' | 'score' } = {}): { total: number; items: RecordView[] } {
    const { user, project } = this.access(actor, projectId, 'read');
    const state = this.state(project);
    const stage = options.stage ?? 'title-abstract';
    const searches = new Map(this.store.searches(projectId).map((s) => [s.id, s]));
    let records = state.records.filter((r) => this.isEligible(state, r, stage));
    if (options.status) {
      records = records.filter((r) => {
        const v = this.stageView(state, r, stage, user.id);
        return v.status === options.status;
      });
    }
    const ranking = options.sort === 'score' || stage === 'title-abstract' ? this.rankingFor(state, user.id) : undefined;
    if (options.sort === 'score' && ranking) records = [...records].sort((a, b) => this.scoreOf(state, ranking, b.id) - this.scoreOf(state, ranking, a.id) || a.id - b.id);
    const offset = options.offset ?? 0;
    const page = records.slice(offset, offset + (options.limit ?? 50));
    return { total: records.length, items: page.map((r) => this.view(state, r, user.id, searches, ranking ? this.scoreOf(state, ranking, r.id) : undefined)) };
  }

  getRecord(actor: User | undefined, projectId: string, recordId: number): RecordView {
    const { user, project } = this.access(actor, projectId, 'read');
    const state = this.state(project);
    const record = this.findRecord(state, recordId);
    const ranking = this.rankingFor(state, user.id);
    return this.view(state, record, user.id, new Map(this.store.searches(projectId).map((s) => [s.id, s])), this.scoreOf(state, ranking, record.id));
  }

  /**
   * A project's records for export, in id order, as this reader may see them (decisions still blinded are left out),
   * each with its bibliographic record. With a status, only the records with that outcome at the stage (at full text,
   * those whose full text was assessed).
   */
  exportRecords(actor: User | undefined, projectId: string, options: { stage?: Stage; status?: RecordStatus } = {}): { view: RecordView; citation: CitationRecord }[] {
    const { user, project } = this.access(actor, projectId, 'read');
    const state = this.state(project);
    const stage = options.stage ?? 'title-abstract';
    const searches = new Map(this.store.searches(projectId).map((s) => [s.id, s]));
    const records = options.status ? state.records.filter((r) => this.isEligible(state, r, stage) && state.outcomes[stage].get(r.id)!.status === options.status) : state.records;
    return records.map((r) => ({ view: this.view(state, r, user.id, searches), citation: r.citation }));
  }

  /**
   * The next record for this user at a stage: at title/abstract the highest-ranked one not yet decided by them (and
   * still needing a reviewer), with its score, the eligibility criteria, progress and stopping guidance.
   */
  next(actor: User | undefined, projectId: string, stage: Stage = 'title-abstract'): { record: RecordView | null; criteria: Criteria; question: string; exclusionReasons: string[]; progress: StageProgress; ranking: { basis: Ranking['basis']; millis: number; description: string } | null; stopping: StoppingGuidance | null } {
    const { user, project } = this.access(actor, projectId, 'read');
    const state = this.state(project);
    const queue = this.queue(state, user.id, stage);
    const progress = this.progress(state, user.id)[stage];
    const searches = new Map(this.store.searches(projectId).map((s) => [s.id, s]));
    const base = { criteria: project.criteria, question: project.question, exclusionReasons: project.exclusionReasons[stage], progress };
    if (stage === 'full-text') {
      const first = queue[0];
      return { ...base, record: first ? this.view(state, first, user.id, searches) : null, ranking: null, stopping: null };
    }
    const ranking = this.rankingFor(state, user.id);
    let best: ReviewRecord | undefined;
    let bestScore = -Infinity;
    for (const r of queue) {
      const s = this.scoreOf(state, ranking, r.id);
      if (s > bestScore) {
        best = r;
        bestScore = s;
      }
    }
    const { sequence } = this.labelsFor(state, user.id);
    return {
      ...base,
      record: best ? this.view(state, best, user.id, searches, bestScore) : null,
      ranking: { basis: ranking.basis, millis: ranking.millis, description: ranking.description },
      stopping: stoppingGuidance(sequence, queue.length),
    };
  }

  /**
   * Records a decision. Reviewers and owners only; the record must be in the project and at that stage; the
   * expectedVersion must match the reviewer's latest decision (else 409: the form is stale). Two reviewers deciding
   * the same record at once both get recorded.
   */
  decide(actor: User | undefined, projectId: string, recordId: number, input: Record<string, unknown>): { decision: Decision; record: RecordView } {
    const { user, project } = this.access(actor, projectId, 'screen');
    const state = this.state(project);
    const record = this.findRecord(state, recordId);
    const valid = validateDecision(project, input);
    if (!this.isEligible(state, record, valid.stage)) {
      throw new ExoError('EXO_ERR_REVIEW_NOT_ELIGIBLE', `record ${recordId} is not at the full-text stage: it needs a title/abstract include${record.isNotRetrieved ? ' and a retrieved full text' : ''}`, { id: String(recordId) });
    }
    const decision = this.store.appendDecision({ projectId, recordId, reviewerId: user.id, ...valid });
    this.refreshLater(projectId, user.id);
    const after = this.state(project);
    return { decision, record: this.view(after, this.findRecord(after, recordId), user.id, new Map(this.store.searches(projectId).map((s) => [s.id, s]))) };
  }

  /** Marks a full text as not retrievable (or retrievable again): PRISMA's "reports not retrieved". */
  setNotRetrieved(actor: User | undefined, projectId: string, recordId: number, isNotRetrieved: boolean): RecordView {
    const { user, project } = this.access(actor, projectId, 'screen');
    const state = this.state(project);
    const record = this.findRecord(state, recordId);
    if (state.outcomes['title-abstract'].get(record.id)!.status !== 'included') {
      throw new ExoError('EXO_ERR_REVIEW_NOT_ELIGIBLE', `record ${recordId} was not included on title and abstract: its full text is not sought`, { id: String(recordId) });
    }
    this.store.setNotRetrieved(projectId, recordId, isNotRetrieved, user.id);
    const after = this.state(project);
    return this.view(after, this.findRecord(after, recordId), user.id, new Map(this.store.searches(projectId).map((s) => [s.id, s])));
  }

  /**
   * Stops prioritised title/abstract screening (owners): every record nobody has screened is excluded by automation
   * tools, as PRISMA 2020 reports it, and the team's stopping guidance at that moment goes into the audit log with the
   * owner's note. Records half-screened or in conflict still need their decisions. Undone by resumeScreening.
   */
  stopScreening(actor: User | undefined, projectId: string, input: { note?: unknown } = {}): { excluded: number; stopping: StoppingGuidance } {
    const { user, project } = this.access(actor, projectId, 'manage');
    const note = text(input.note, 'note', { max: 2000 });
    const state = this.state(project);
    const unscreened = state.records.filter((r) => state.outcomes['title-abstract'].get(r.id)!.status === 'unscreened');
    if (unscreened.length === 0) throw new ExoError('EXO_ERR_REVIEW_NOT_ELIGIBLE', `every record of '${projectId}' has been screened on title and abstract: there is nothing to stop`, { id: projectId });
    const stopping = stoppingGuidance(teamSequence(state.decisions['title-abstract']), unscreened.length);
    this.store.setExcludedByAutomation(projectId, unscreened.map((r) => r.id), true, user.id, { note, stopping });
    this.rankings.delete(projectId);
    return { excluded: unscreened.length, stopping };
  }

  /** Resumes title/abstract screening (owners): the records excluded by automation go back to the screening queue. */
  resumeScreening(actor: User | undefined, projectId: string): { restored: number } {
    const { user, project } = this.access(actor, projectId, 'manage');
    const state = this.state(project);
    const flagged = state.records.filter((r) => r.isExcludedByAutomation);
    if (flagged.length === 0) throw new ExoError('EXO_ERR_REVIEW_NOT_ELIGIBLE', `title/abstract screening of '${projectId}' was not stopped`, { id: projectId });
    // A flagged record someone screened after all is already out of the queue; only the others return to it.
    const restored = flagged.filter((r) => state.outcomes['title-abstract'].get(r.id)!.isAutomated).length;
    this.store.setExcludedByAutomation(projectId, flagged.map((r) => r.id), false, user.id, { restored });
    this.rankings.delete(projectId);
    return { restored };
  }

  conflicts(actor: User | undefined, projectId: string, stage: Stage = 'title-abstract'): { stage: Stage; items: (Conflict & { record: RecordView })[] } {
    const { user, project } = this.access(actor, projectId, 'read');
    const state = this.state(project);
    const searches = new Map(this.store.searches(projectId).map((s) => [s.id, s]));
    const found = findConflicts(state.decisions[stage], state.resolutions[stage], project.mode, stage);
    return { stage, items: found.map((c) => ({ ...c, record: this.view(state, this.findRecord(state, c.recordId), user.id, searches) })) };
  }

  /**
   * Settles a conflict: by a third reviewer (who must not be one of the record's reviewers) or by discussion (any
   * reviewer or owner). The resolution is recorded beside the decisions, which stay as they were.
   */
  resolve(actor: User | undefined, projectId: string, recordId: number, input: { stage?: unknown; decision?: unknown; reason?: unknown; method?: unknown; note?: unknown }): Resolution {
    const { user, project } = this.access(actor, projectId, 'resolve');
    const state = this.state(project);
    const record = this.findRecord(state, recordId);
    const stage = (input.stage ?? 'title-abstract') as Stage;
    if (!(STAGES as readonly string[]).includes(stage)) invalid(`stage must be one of ${STAGES.join(', ')}`, 'stage');
    if (input.decision !== 'include' && input.decision !== 'exclude') invalid('a resolution decides include or exclude', 'decision');
    const method = input.method ?? 'discussion';
    if (!(RESOLUTION_METHODS as readonly unknown[]).includes(method)) invalid(`method must be one of ${RESOLUTION_METHODS.join(', ')}`, 'method');
    const outcome = state.outcomes[stage].get(record.id)!;
    if (outcome.status !== 'conflict') throw new ExoError('EXO_ERR_REVIEW_NOT_ELIGIBLE', `record ${recordId} is not in conflict at ${stage} (it is ${outcome.status})`, { id: String(recordId) });
    const reviewers = latestByReviewer(state.decisions[stage].get(record.id) ?? []).map((d) => d.reviewerId);
    if (method === 'third-reviewer' && reviewers.includes(user.id)) invalid('a third-reviewer resolution comes from someone who did not screen the record; use method "discussion"', 'method');
    const reason = text(input.reason, 'reason', { max: 500 });
    if (reason !== undefined) {
      if (input.decision !== 'exclude') invalid('a reason is given only with an exclusion', 'reason');
      const reasons = project.exclusionReasons[stage];
      if (reasons.length > 0 && !reasons.includes(reason)) invalid(`unknown exclusion reason '${reason}'; the project lists: ${reasons.join('; ')}`, 'reason');
    }
    const resolution = this.store.appendResolution({ projectId, recordId, stage, decision: input.decision, reason, method: method as Resolution['method'], resolvedBy: user.id, note: text(input.note, 'note') });
    this.refreshLater(projectId, user.id);
    return resolution;
  }

  agreement(actor: User | undefined, projectId: string, stage?: Stage): AgreementStats[] {
    const { project } = this.access(actor, projectId, 'read');
    const state = this.state(project);
    return (stage ? [stage] : [...STAGES]).map((s) => agreementStats(state.decisions[s], s));
  }

  prisma(actor: User | undefined, projectId: string): PrismaCounts {
    const { project } = this.access(actor, projectId, 'read');
    const state = this.state(project);
    return prismaCounts(
      this.store.searches(projectId),
      state.records.map((r) => {
        const ta = state.outcomes['title-abstract'].get(r.id)!;
        const ft = state.outcomes['full-text'].get(r.id)!;
        return { titleAbstract: { status: ta.status, reason: ta.reason }, fullText: { status: ft.status, reason: ft.reason }, isNotRetrieved: r.isNotRetrieved, isExcludedByAutomation: ta.isAutomated === true };
      }),
    );
  }

  audit(actor: User | undefined, projectId: string, options: AuditOptions = {}): { total: number; items: AuditEntry[] } {
    this.access(actor, projectId, 'read');
    const result = this.store.audit(projectId, options);
    // Blinding covers the audit trail too: while a dual record is not fully decided, others' decisions stay hidden.
    const project = this.store.getProject(projectId)!;
    if (project.mode === 'single') return result;
    const user = actor!;
    const state = this.state(project);
    return {
      total: result.total,
      items: result.items.map((e) => {
        if (e.action !== 'decision' || e.userId === user.id || e.recordId === undefined || e.stage === undefined) return e;
        const hidden = isBlinded(state.decisions[e.stage].get(e.recordId) ?? [], project.mode);
        return hidden ? { ...e, before: '(hidden until both reviewers have decided)', after: '(hidden until both reviewers have decided)' } : e;
      }),
    };
  }
}
