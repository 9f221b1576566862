import { randomBytes } from 'node:crypto';
import type { CitationRecord } from '@exoatlas/literature';
import { ExoError, isCalendarDate } from '@exoatlas/schema';
import { agreementStats, type AgreementStats } from '../agreement/agreement.js';
import { requireRole, type Action } from '../auth/roles.js';
import { planInThread, type ImportPlanner, type SearchFile } from '../import/plan-import.js';
import { importIntoProject, type ProjectImporter } from '../import/import-into-project.js';
import { prismaCounts, type PrismaCounts } from '../prisma/counts.js';
import type { ModelName } from '../ranking/models.js';
import type { Ranking } from '../ranking/ranker.js';
import { visibleAudit, visibleSequence } from '../visibility/index.js';
import { findConflicts, type Conflict } from '../screening/conflicts.js';
import { exclusionReasons, latestByReviewer, validateDecision, type RecordStatus } from '../screening/decisions.js';
import { teamSequence } from '../screening/automation.js';
import { stoppingGuidance, type StoppingGuidance } from '../screening/stopping.js';
import { ROLES, RESOLUTION_METHODS, SCREENING_MODES, STAGES, type AuditEntry, type Criteria, type Decision, type Member, type Project, type Resolution, type ReviewRecord, type Role, type Search, type Stage, type User } from '../types.js';
import type { AuditOptions, NewProject, ReviewStore } from './review-store.js';
import { AccountService, type AccountServiceOptions } from './account-service.js';
import { PROJECT_ID, invalid, parseCriteria, parseReasons, slugify, text } from './input.js';
import type { ProjectView, RecordView, StageProgress } from './views.js';
import { labelsFor, ProjectRankings } from './project-rankings.js';
import { inThreadRanking, type RankingEngine } from './ranking-engine.js';
import { RecordsCache } from './records-cache.js';
import { ScreeningStateCache } from './screening-cache.js';
import { mapYielding } from './yielding.js';
import { findRecord, isEligible, recordView, screeningQueue, screeningReader, stageProgress, stageView, type ScreeningState } from './screening-state.js';

export type { ProjectView, RecordView, StageProgress, StageView } from './views.js';
export { slugify } from './input.js';

export interface ReviewServiceOptions extends AccountServiceOptions {
  now?: () => Date;
  /** Runs a task soon without holding up the caller (the server passes setImmediate); absent, rankings refresh when asked for. */
  schedule?: (task: () => void) => void;
  model?: ModelName;
  /** Reads and de-duplicates an import's files (the server runs it in its worker pool); default: on this thread. */
  planImport?: ImportPlanner;
  /**
   * Runs a whole import (read, de-duplicate, write) elsewhere: the server's worker pool with its own connection, which
   * checks the importer's role again before writing. Absent: planned by `planImport` and written on this thread.
   */
  importer?: ProjectImporter;
  /** Builds ranking features and refits classifiers (the server runs them in its ranking worker); default: on this thread. */
  ranking?: RankingEngine;
}

/** Default exclusion reasons per stage; each project may change them. */
export const DEFAULT_EXCLUSION_REASONS: Record<Stage, string[]> = {
  'title-abstract': ['Wrong population or model', 'Wrong intervention', 'Wrong comparator', 'Wrong outcome', 'Wrong study design', 'Review, editorial or commentary', 'Other'],
  'full-text': ['Wrong population or model', 'Wrong intervention', 'Wrong comparator', 'Wrong outcome', 'Wrong study design', 'Review, editorial or commentary', 'Conference abstract only', 'Data not extractable', 'Language', 'Other'],
};



/**
 * The living-review workflow with its policy: who may do what (every write checks the role; non-members see nothing),
 * blinding, stale-write protection, de-duplicated imports, ranking and the reports. The HTTP API and the CLI both
 * call it; persistence is a ReviewStore.
 */
export class ReviewService {
  private readonly now: () => Date;
  private readonly schedule?: (task: () => void) => void;
  private readonly rankings: ProjectRankings;
  private readonly records: RecordsCache;
  private readonly states: ScreeningStateCache;
  /** Accounts and sessions (issue 17). */
  readonly accounts: AccountService;
  private readonly planImport: ImportPlanner;
  private readonly importer?: ProjectImporter;
  /** Imports run one at a time: each plans against the records the project has when it starts. */
  private importQueue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly store: ReviewStore,
    options: ReviewServiceOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.schedule = options.schedule;
    this.rankings = new ProjectRankings(options.ranking ?? inThreadRanking(), options.model);
    this.records = new RecordsCache(store);
    this.states = new ScreeningStateCache(store, (id) => this.records.records(id));
    this.accounts = new AccountService(store, { ...options, now: this.now });
    this.planImport = options.planImport ?? planInThread;
    this.importer = options.importer;
  }

  // ---------------------------------------------------------------- accounts (account-service.ts)

  requireUser(actor: User | undefined): User {
    return this.accounts.requireUser(actor);
  }

  /** Creates an account. The very first account needs no sign-in and becomes an admin; after that only admins add users. */
  createUser(actor: User | undefined, input: { username?: unknown; password?: unknown; displayName?: unknown; isAdmin?: unknown }): Promise<User> {
    return this.accounts.createUser(actor, input);
  }

  /** Checks a password (throttled per account and per client address) and opens a session. */
  login(username: unknown, password: unknown, address?: string): Promise<{ token: string; user: User; expiresAt: string }> {
    return this.accounts.login(username, password, address);
  }

  /** The user of a session token; a disabled user's sessions find no one. */
  authenticate(token: string | undefined): Promise<User | undefined> {
    return this.accounts.authenticate(token);
  }

  logout(token: string | undefined): Promise<void> {
    return this.accounts.logout(token);
  }

  // ---------------------------------------------------------------- projects

  private async access(actor: User | undefined, projectId: string, action: Action): Promise<{ user: User; project: Project; role: Role }> {
    const user = this.requireUser(actor);
    const project = await this.store.getProject(projectId);
    const role = project ? await this.store.memberRole(projectId, user.id) : undefined;
    requireRole(role, action, projectId);
    return { user, project: project!, role: role! };
  }
  /** The project's screening state: kept per project and brought up to date from the database (screening-cache.ts). */
  private loadState(project: Project): Promise<ScreeningState> {
    return this.states.load(project);
  }

  /** Drops what this service keeps of a project after it changed the project's records or criteria here. */
  private forget(projectId: string): void {
    this.rankings.forget(projectId);
    this.records.forget(projectId);
    this.states.forget(projectId);
  }

  /** The project's searches by id, to name each record's sources. */
  private async searchesById(projectId: string): Promise<Map<number, Search>> {
    return new Map((await this.store.searches(projectId)).map((s) => [s.id, s]));
  }


  async createProject(actor: User | undefined, input: { id?: unknown; name?: unknown; question?: unknown; criteria?: unknown; mode?: unknown; exclusionReasons?: unknown }): Promise<Project> {
    const user = this.requireUser(actor);
    const name = text(input.name, 'name', { required: true, max: 300 })!;
    const requested = input.id === undefined ? slugify(name) : typeof input.id === 'string' && PROJECT_ID.test(input.id) ? input.id : invalid('id must be 2–63 lower-case letters, digits or dashes', 'id');
    const mode = input.mode ?? 'single';
    if (!(SCREENING_MODES as readonly unknown[]).includes(mode)) invalid(`mode must be one of ${SCREENING_MODES.join(', ')}`, 'mode');
    // A taken id, the actor's own project or a stranger's alike, gets a random suffix instead of a 409 that would tell a
    // non-member the project exists (docs/security.md); the answer carries the id the project got.
    let id = requested;
    while (await this.store.getProject(id)) id = `${requested.slice(0, 57).replace(/-+$/, '')}-${randomBytes(4).readUInt32BE(0).toString(36).slice(0, 5)}`;
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

  async updateProject(actor: User | undefined, projectId: string, input: { name?: unknown; question?: unknown; criteria?: unknown; mode?: unknown; exclusionReasons?: unknown }): Promise<Project> {
    const { user, project } = await this.access(actor, projectId, 'manage');
    const patch: Partial<Omit<NewProject, 'id'>> = {};
    if (input.name !== undefined) patch.name = text(input.name, 'name', { required: true, max: 300 })!;
    if (input.question !== undefined) patch.question = text(input.question, 'question', { max: 5000 }) ?? '';
    if (input.criteria !== undefined) patch.criteria = parseCriteria(input.criteria);
    if (input.exclusionReasons !== undefined) patch.exclusionReasons = parseReasons(input.exclusionReasons, project.exclusionReasons);
    if (input.mode !== undefined) {
      if (!(SCREENING_MODES as readonly unknown[]).includes(input.mode)) invalid(`mode must be one of ${SCREENING_MODES.join(', ')}`, 'mode');
      patch.mode = input.mode as Project['mode'];
    }
    this.forget(projectId);
    return this.store.updateProject(projectId, patch, user.id);
  }

  async listProjects(actor: User | undefined): Promise<(Project & { role: Role; records: number })[]> {
    const user = this.requireUser(actor);
    const projects = await this.store.listProjects(user.id);
    return Promise.all(projects.map(async (p) => ({ ...p, records: (await this.store.searches(p.id)).reduce((n, s) => n + s.added, 0) })));
  }

  async getProject(actor: User | undefined, projectId: string): Promise<ProjectView> {
    const { user, project, role } = await this.access(actor, projectId, 'read');
    const state = await this.loadState(project);
    return { project, role, members: await this.store.members(projectId), searches: await this.store.searches(projectId), progress: stageProgress(state, user.id) };
  }

  async addMember(actor: User | undefined, projectId: string, input: { username?: unknown; role?: unknown }): ReturnType<ReviewStore['members']> {
    const { user } = await this.access(actor, projectId, 'manage');
    if (!(ROLES as readonly unknown[]).includes(input.role)) invalid(`role must be one of ${ROLES.join(', ')}`, 'role');
    const member = typeof input.username === 'string' ? await this.store.findUser(input.username.trim()) : undefined;
    if (!member) throw new ExoError('EXO_ERR_REVIEW_NOT_FOUND_USER', `no user '${String(input.username)}'`, { field: 'username' });
    if (member.id === user.id && input.role !== 'owner' && (await this.store.members(projectId)).filter((m) => m.role === 'owner').length === 1) {
      invalid('a project keeps at least one owner: add another owner first', 'role');
    }
    await this.store.setMember(projectId, member.id, input.role as Role, user.id);
    return this.store.members(projectId);
  }

  // ---------------------------------------------------------------- import

  /**
   * Imports search exports with their provenance: every file is read and de-duplicated (against each other and the
   * project) before anything is written, then written in one transaction; a bad file changes nothing.
   */
  async importSearches(actor: User | undefined, projectId: string, files: readonly SearchFile[], provenance: { database?: unknown; date?: unknown; query?: unknown }): Promise<{ searches: Search[]; identified: number; duplicates: number; added: number; warnings: string[] }> {
    const { user } = await this.access(actor, projectId, 'import');
    if (files.length === 0) invalid('no file to import', 'files');
    const database = text(provenance.database, 'database', { required: true, max: 200 })!;
    const date = text(provenance.date, 'date', { required: true, max: 10 })!;
    if (!isCalendarDate(date)) invalid(`date must be the day the search was run, as YYYY-MM-DD (got '${date}')`, 'date');
    const query = text(provenance.query, 'query', { max: 20_000 }) ?? '';
    const job = { projectId, userId: user.id, files, provenance: { database, date, query } };
    const run = this.importQueue.then(() =>
      this.importer
        ? this.importer(job)
        : importIntoProject(this.store, job, {
            plan: this.planImport,
            // Re-checked after the files are read: the role may have changed meanwhile.
            mayStillImport: async () => void (await this.access(actor, projectId, 'import')),
          }),
    );
    this.importQueue = run.catch(() => undefined);
    const searches = await run;
    this.forget(projectId);
    return {
      searches,
      identified: searches.reduce((n, s) => n + s.identified, 0),
      duplicates: searches.reduce((n, s) => n + s.duplicates, 0),
      added: searches.reduce((n, s) => n + s.added, 0),
      warnings: searches.flatMap((s) => s.warnings),
    };
  }

  // ---------------------------------------------------------------- ranking

  /** Schedules a refit after a decision; a failure there (a closed database at shutdown) is left to the next request. */
  private refreshLater(projectId: string, userId: number): void {
    this.schedule?.(() => {
      this.refreshRanking(projectId, userId).catch(() => {
        // The next request refits the ranking itself.
      });
    });
  }

  /** Refits this user's ranking now (the server runs it right after a decision, so the next request finds it ready). */
  async refreshRanking(projectId: string, userId: number): Promise<void> {
    const project = await this.store.getProject(projectId);
    if (project) await this.rankings.for(await this.loadState(project), userId);
  }

  // ---------------------------------------------------------------- screening

  async listRecords(actor: User | undefined, projectId: string, options: { stage?: Stage; status?: RecordStatus; limit?: number; offset?: number; sort?: 'id' | 'score' } = {}): Promise<{ total: number; items: RecordView[] }> {
    const { user, project } = await this.access(actor, projectId, 'read');
    const state = await this.loadState(project);
    const stage = options.stage ?? 'title-abstract';
    const searches = await this.searchesById(projectId);
    let records = state.records.filter((r) => isEligible(state, r, stage));
    if (options.status) {
      records = records.filter((r) => {
        const v = stageView(state, r, stage, user.id);
        return v.status === options.status;
      });
    }
    const ranking = options.sort === 'score' || stage === 'title-abstract' ? await this.rankings.for(state, user.id) : undefined;
    if (options.sort === 'score' && ranking) records = [...records].sort((a, b) => this.rankings.scoreOf(state, ranking, b.id) - this.rankings.scoreOf(state, ranking, a.id) || a.id - b.id);
    const offset = options.offset ?? 0;
    const page = records.slice(offset, offset + (options.limit ?? 50));
    return { total: records.length, items: page.map((r) => recordView(state, r, user.id, searches, ranking ? this.rankings.scoreOf(state, ranking, r.id) : undefined)) };
  }

  async getRecord(actor: User | undefined, projectId: string, recordId: number): Promise<RecordView> {
    const { user, project } = await this.access(actor, projectId, 'read');
    const state = await this.loadState(project);
    const record = findRecord(state, recordId);
    const ranking = await this.rankings.for(state, user.id);
    return recordView(state, record, user.id, await this.searchesById(projectId), this.rankings.scoreOf(state, ranking, record.id));
  }

  /**
   * A project's records for export, in id order, as this reader may see them (decisions still blinded are left out),
   * each with its bibliographic record under the project's record id. With a status, only the records with that outcome at the stage (at full text,
   * those whose full text was assessed).
   */
  async exportRecords(actor: User | undefined, projectId: string, options: { stage?: Stage; status?: RecordStatus } = {}): Promise<{ view: RecordView; citation: CitationRecord }[]> {
    const { user, project } = await this.access(actor, projectId, 'read');
    const state = await this.loadState(project);
    const stage = options.stage ?? 'title-abstract';
    const searches = await this.searchesById(projectId);
    const records = options.status ? state.records.filter((r) => isEligible(state, r, stage) && state.outcomes[stage].get(r.id)!.status === options.status) : state.records;
    // the project's record id (what --record and the API take), not the parser's id ("import-0#1", repeated across searches)
    return mapYielding(records, (r) => ({ view: recordView(state, r, user.id, searches), citation: { ...r.citation, id: String(r.id) } }));
  }

  /**
   * The next record for this user at a stage: at title/abstract the highest-ranked one not yet decided by them (and
   * still needing a reviewer), with its score, the eligibility criteria, progress and stopping guidance.
   */
  async next(actor: User | undefined, projectId: string, stage: Stage = 'title-abstract'): Promise<{ record: RecordView | null; criteria: Criteria; question: string; exclusionReasons: string[]; progress: StageProgress; ranking: { basis: Ranking['basis']; millis: number; description: string; warning?: Ranking['warning'] } | null; stopping: StoppingGuidance | null }> {
    const { user, project } = await this.access(actor, projectId, 'read');
    const state = await this.loadState(project);
    const queue = screeningQueue(state, user.id, stage);
    const progress = stageProgress(state, user.id)[stage];
    const searches = await this.searchesById(projectId);
    const base = { criteria: project.criteria, question: project.question, exclusionReasons: project.exclusionReasons[stage], progress };
    if (stage === 'full-text') {
      const first = queue[0];
      return { ...base, record: first ? recordView(state, first, user.id, searches) : null, ranking: null, stopping: null };
    }
    const ranking = await this.rankings.for(state, user.id);
    let best: ReviewRecord | undefined;
    let bestScore = -Infinity;
    for (const r of queue) {
      const s = this.rankings.scoreOf(state, ranking, r.id);
      if (s > bestScore) {
        best = r;
        bestScore = s;
      }
    }
    const { sequence } = labelsFor(state, user.id);
    return {
      ...base,
      record: best ? recordView(state, best, user.id, searches, bestScore) : null,
      ranking: { basis: ranking.basis, millis: ranking.millis, description: ranking.description, ...(ranking.warning ? { warning: ranking.warning } : {}) },
      stopping: stoppingGuidance(sequence, queue.length),
    };
  }

  /**
   * Records a decision. Reviewers and owners only; the record must be in the project and at that stage; the
   * expectedVersion must match the reviewer's latest decision (else 409: the form is stale). Two reviewers deciding
   * the same record at once both get recorded.
   */
  async decide(actor: User | undefined, projectId: string, recordId: number, input: Record<string, unknown>): Promise<{ decision: Decision; record: RecordView }> {
    const { user, project } = await this.access(actor, projectId, 'screen');
    const state = await this.loadState(project);
    const record = findRecord(state, recordId);
    const valid = validateDecision(project, input);
    if (!isEligible(state, record, valid.stage)) {
      throw new ExoError('EXO_ERR_REVIEW_NOT_ELIGIBLE', `record ${recordId} is not at the full-text stage: it needs a title/abstract include${record.isNotRetrieved ? ' and a retrieved full text' : ''}`, { id: String(recordId) });
    }
    const decision = await this.store.appendDecision({ projectId, recordId, reviewerId: user.id, ...valid });
    this.refreshLater(projectId, user.id);
    const after = await this.loadState(project);
    return { decision, record: recordView(after, findRecord(after, recordId), user.id, await this.searchesById(projectId)) };
  }

  /** Marks a full text as not retrievable (or retrievable again): PRISMA's "reports not retrieved". */
  async setNotRetrieved(actor: User | undefined, projectId: string, recordId: number, isNotRetrieved: boolean): Promise<RecordView> {
    const { user, project } = await this.access(actor, projectId, 'screen');
    const state = await this.loadState(project);
    const record = findRecord(state, recordId);
    if (state.outcomes['title-abstract'].get(record.id)!.status !== 'included') {
      throw new ExoError('EXO_ERR_REVIEW_NOT_ELIGIBLE', `record ${recordId} was not included on title and abstract: its full text is not sought`, { id: String(recordId) });
    }
    await this.store.setNotRetrieved(projectId, recordId, isNotRetrieved, user.id);
    const after = await this.loadState(project);
    return recordView(after, findRecord(after, recordId), user.id, await this.searchesById(projectId));
  }

  /**
   * Stops prioritised title/abstract screening (owners): every record nobody has screened is excluded by automation
   * tools, as PRISMA 2020 reports it, and the team's stopping guidance at that moment goes into the audit log with the
   * owner's note. Records half-screened or in conflict still need their decisions. Undone by resumeScreening.
   */
  async stopScreening(actor: User | undefined, projectId: string, input: { note?: unknown } = {}): Promise<{ excluded: number; stopping: StoppingGuidance }> {
    const { user, project } = await this.access(actor, projectId, 'manage');
    const note = text(input.note, 'note', { max: 2000 });
    const state = await this.loadState(project);
    const unscreened = state.records.filter((r) => state.outcomes['title-abstract'].get(r.id)!.status === 'unscreened');
    if (unscreened.length === 0) throw new ExoError('EXO_ERR_REVIEW_NOT_ELIGIBLE', `every record of '${projectId}' has been screened on title and abstract: there is nothing to stop`, { id: projectId });
    // The audit keeps the whole team's guidance (shown to each reader once nothing is blinded to them); the owner's answer is what they may see.
    const stopping = stoppingGuidance(teamSequence(state.decisions['title-abstract']), unscreened.length);
    await this.store.setExcludedByAutomation(projectId, unscreened.map((r) => r.id), true, user.id, { note, stopping });
    return { excluded: unscreened.length, stopping: stoppingGuidance(visibleSequence(state.decisions['title-abstract'], screeningReader(state, user.id)), unscreened.length) };
  }

  /**
   * The title/abstract screening this reader may see, in the order records were first decided, and how many records
   * the stage has: the discovery curve's data. A record counts as an include once its outcome is "included" — the
   * status the dashboard's progress table counts — so the curve and the table never disagree (a "maybe", a conflict
   * or a record awaiting its second reviewer is not an include yet).
   */
  async discovery(actor: User | undefined, projectId: string): Promise<{ sequence: (0 | 1)[]; total: number; pending: number }> {
    const { user, project } = await this.access(actor, projectId, 'read');
    const state = await this.loadState(project);
    const outcomes = state.outcomes['title-abstract'];
    const isIncluded = (recordId: number): boolean => outcomes.get(recordId)?.status === 'included';
    const reader = screeningReader(state, user.id);
    const sequence = visibleSequence(state.decisions['title-abstract'], reader, isIncluded);
    // the same records in the same order, labelled by the include or maybe decisions this reader may see
    const decided = visibleSequence(state.decisions['title-abstract'], reader);
    const pending = decided.filter((v, i) => v === 1 && sequence[i] === 0).length;
    return { sequence, total: state.records.length, pending };
  }

  /** Resumes title/abstract screening (owners): the records excluded by automation go back to the screening queue. */
  async resumeScreening(actor: User | undefined, projectId: string): Promise<{ restored: number }> {
    const { user, project } = await this.access(actor, projectId, 'manage');
    const state = await this.loadState(project);
    const flagged = state.records.filter((r) => r.isExcludedByAutomation);
    if (flagged.length === 0) throw new ExoError('EXO_ERR_REVIEW_NOT_ELIGIBLE', `title/abstract screening of '${projectId}' was not stopped`, { id: projectId });
    // A flagged record someone screened after all is already out of the queue; only the others return to it.
    const restored = flagged.filter((r) => state.outcomes['title-abstract'].get(r.id)!.isAutomated).length;
    await this.store.setExcludedByAutomation(projectId, flagged.map((r) => r.id), false, user.id, { restored });
    return { restored };
  }

  async conflicts(actor: User | undefined, projectId: string, stage: Stage = 'title-abstract'): Promise<{ stage: Stage; items: (Conflict & { record: RecordView })[] }> {
    const { user, project } = await this.access(actor, projectId, 'read');
    const state = await this.loadState(project);
    const searches = await this.searchesById(projectId);
    const found = findConflicts(state.decisions[stage], state.resolutions[stage], project.mode, stage);
    return { stage, items: found.map((c) => ({ ...c, record: recordView(state, findRecord(state, c.recordId), user.id, searches) })) };
  }

  /**
   * Settles a conflict: by a third reviewer (who must not be one of the record's reviewers) or by discussion (any
   * reviewer or owner). The resolution is recorded beside the decisions, which stay as they were.
   */
  async resolve(actor: User | undefined, projectId: string, recordId: number, input: { stage?: unknown; decision?: unknown; reason?: unknown; method?: unknown; note?: unknown }): Promise<Resolution> {
    const { user, project } = await this.access(actor, projectId, 'resolve');
    const state = await this.loadState(project);
    const record = findRecord(state, recordId);
    const stage = (input.stage ?? 'title-abstract') as Stage;
    if (!(STAGES as readonly string[]).includes(stage)) invalid(`stage must be one of ${STAGES.join(', ')}`, 'stage');
    if (input.decision !== 'include' && input.decision !== 'exclude') invalid('a resolution decides include or exclude', 'decision');
    const method = input.method ?? 'discussion';
    if (!(RESOLUTION_METHODS as readonly unknown[]).includes(method)) invalid(`method must be one of ${RESOLUTION_METHODS.join(', ')}`, 'method');
    const outcome = state.outcomes[stage].get(record.id)!;
    if (outcome.status !== 'conflict') throw new ExoError('EXO_ERR_REVIEW_NOT_ELIGIBLE', `record ${recordId} is not in conflict at ${stage} (it is ${outcome.status})`, { id: String(recordId) });
    const latest = latestByReviewer(state.decisions[stage].get(record.id) ?? []);
    const reviewers = latest.map((d) => d.reviewerId);
    if (method === 'third-reviewer' && reviewers.includes(user.id)) invalid('a third-reviewer resolution comes from someone who did not screen the record; use method "discussion"', 'method');
    const reason = text(input.reason, 'reason', { max: 500 });
    if (reason !== undefined) {
      if (input.decision !== 'exclude') invalid('a reason is given only with an exclusion', 'reason');
      const reasons = project.exclusionReasons[stage];
      if (reasons.length > 0 && !reasons.includes(reason)) invalid(`unknown exclusion reason '${reason}'; the project lists: ${reasons.join('; ')}`, 'reason');
    } else if (input.decision === 'exclude' && exclusionReasons(latest).length > 1) {
      invalid(`the reviewers excluded for different reasons (${exclusionReasons(latest).join('; ')}); the resolution names the one that counts`, 'reason');
    }
    const resolution = await this.store.appendResolution({ projectId, recordId, stage, decision: input.decision, reason, method: method as Resolution['method'], resolvedBy: user.id, note: text(input.note, 'note') });
    this.refreshLater(projectId, user.id);
    return resolution;
  }

  async agreement(actor: User | undefined, projectId: string, stage?: Stage): Promise<AgreementStats[]> {
    const { project } = await this.access(actor, projectId, 'read');
    const state = await this.loadState(project);
    return (stage ? [stage] : [...STAGES]).map((s) => agreementStats(state.decisions[s], s));
  }

  async prisma(actor: User | undefined, projectId: string): Promise<PrismaCounts> {
    const { project } = await this.access(actor, projectId, 'read');
    const state = await this.loadState(project);
    return prismaCounts(
      await this.store.searches(projectId),
      state.records.map((r) => {
        const ta = state.outcomes['title-abstract'].get(r.id)!;
        const ft = state.outcomes['full-text'].get(r.id)!;
        return { titleAbstract: { status: ta.status, reason: ta.reason }, fullText: { status: ft.status, reason: ft.reason }, isNotRetrieved: r.isNotRetrieved, isExcludedByAutomation: ta.isAutomated === true };
      }),
    );
  }

  async audit(actor: User | undefined, projectId: string, options: AuditOptions = {}): Promise<{ total: number; items: AuditEntry[] }> {
    const { user, project } = await this.access(actor, projectId, 'read');
    const result = await this.store.audit(projectId, options);
    const state = await this.loadState(project);
    return { total: result.total, items: visibleAudit(result.items, screeningReader(state, user.id), state.decisions) };
  }

  // ---------------------------------------------------------------- members (issue 17)

  /** Removes a member (owners): their decisions stay, attributed to them; the audit log records it; the last owner stays. */
  async removeMember(actor: User | undefined, projectId: string, username: unknown): Promise<Member[]> {
    const { user } = await this.access(actor, projectId, 'manage');
    const member = typeof username === 'string' ? await this.store.findUser(username.trim()) : undefined;
    const role = member ? await this.store.memberRole(projectId, member.id) : undefined;
    if (!member || !role) throw new ExoError('EXO_ERR_REVIEW_NOT_FOUND_USER', `'${String(username)}' is not a member of '${projectId}'`, { field: 'username' });
    await this.store.removeMember(projectId, member.id, user.id);
    this.forget(projectId);
    return this.store.members(projectId);
  }
}
