import type { CitationRecord } from '@exoatlas/literature';
import { ExoError } from '@exoatlas/schema';
import { ImportBasisChanged } from '@exoatlas/review';
import type {
  AccountAuditEntry,
  AuditEntry,
  AuditOptions,
  Decision,
  ImportPlan,
  LoginAttempt,
  Member,
  NewDecision,
  NewProject,
  NewResolution,
  NewSearch,
  Project,
  Resolution,
  ReviewRecord,
  ReviewStore,
  Role,
  Search,
  Stage,
  User,
} from '@exoatlas/review';
import { LruCache } from '../lru-cache.js';
import * as accounts from './sqlite-accounts.js';
import type { SqliteDatabase } from '../sqlite/open-database.js';
import { decisionFromRow, projectFromRow, resolutionFromRow, searchFromRow, userFromRow, type DecisionRow, type ProjectRow, type ResolutionRow, type SearchRow, type UserRow } from './rows.js';

const now = (): string => new Date().toISOString();
const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/**
 * The review store over SQLite (the tables of the review migration). Each write is one IMMEDIATE transaction with its
 * audit entry; decisions and the audit log are append-only (triggers refuse UPDATE and DELETE).
 */
export class SqliteReviewStore implements ReviewStore {
  /**
   * Parsed citations by record id. A record's citation is written once, at import, and never changed, so it can be
   * kept: parsing 10,000 citations took about 100 ms, and every screening request reads the project's records. At
   * roughly 3 KB a citation with its abstract, 50,000 bound the cache near 150 MB; a bigger project parses as before.
   */
  private readonly parsed = new LruCache<CitationRecord>(50_000);

  constructor(readonly db: SqliteDatabase) {}

  /** The citations of rows, parsed once (see `parsed`); `clause` and `params` select the same rows again for those not yet parsed. */
  private citationsOf(ids: readonly number[], clause: string, params: unknown[]): Map<number, CitationRecord> {
    const out = new Map<number, CitationRecord>();
    for (const id of ids) {
      const c = this.parsed.get(String(id));
      if (c) out.set(id, c);
    }
    if (out.size < ids.length) {
      for (const r of this.db.prepare(`SELECT id, citation FROM review_records WHERE ${clause}`).all(...params) as { id: number; citation: string }[]) {
        if (out.has(r.id)) continue;
        const c = JSON.parse(r.citation) as CitationRecord;
        this.parsed.set(String(r.id), c);
        out.set(r.id, c);
      }
    }
    return out;
  }

  private audit_(projectId: string, userId: number, action: string, entry: { recordId?: number; stage?: Stage; before?: unknown; after?: unknown }): void {
    this.db
      .prepare('INSERT INTO review_audit (project_id, user_id, action, record_id, stage, before, after, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(projectId, userId, action, entry.recordId ?? null, entry.stage ?? null, json(entry.before), json(entry.after), now());
  }

  // ---------------------------------------------------------------- users and sessions

  async createUser(input: { username: string; displayName: string; passwordHash: string; isAdmin: boolean; createdBy?: number }): Promise<User> {
    try {
      const id = this.db
        .transaction(() => {
          const info = this.db
            .prepare('INSERT INTO review_users (username, display_name, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?, ?)')
            .run(input.username, input.displayName, input.passwordHash, input.isAdmin ? 1 : 0, now());
          const created = Number(info.lastInsertRowid);
          if (input.createdBy !== undefined) accounts.accountLog(this.db, input.createdBy, 'user.create', created, { isAdmin: input.isAdmin });
          return created;
        })
        .immediate();
      return (await this.getUser(id))!;
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new ExoError('EXO_ERR_AUTH_USER_EXISTS', `a user '${input.username}' already exists`, { field: 'username' });
      throw error;
    }
  }

  async findUser(username: string): Promise<(User & { passwordHash: string }) | undefined> {
    const row = this.db.prepare('SELECT * FROM review_users WHERE username = ?').get(username) as UserRow | undefined;
    return row ? { ...userFromRow(row), passwordHash: row.password_hash } : undefined;
  }

  async getUser(id: number): Promise<User | undefined> {
    const row = this.db.prepare('SELECT * FROM review_users WHERE id = ?').get(id) as UserRow | undefined;
    return row ? userFromRow(row) : undefined;
  }

  async countUsers(): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM review_users').get() as { n: number }).n;
  }

  async createSession(userId: number, tokenHash: string, expiresAt: string): Promise<void> {
    this.db.prepare('INSERT INTO review_sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(tokenHash, userId, now(), expiresAt);
  }

  async sessionUser(tokenHash: string, at: string): Promise<User | undefined> {
    const row = this.db.prepare('SELECT u.* FROM review_sessions s JOIN review_users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ? AND u.is_disabled = 0').get(tokenHash, at) as UserRow | undefined;
    return row ? userFromRow(row) : undefined;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.db.prepare('DELETE FROM review_sessions WHERE token_hash = ?').run(tokenHash);
  }

  // ---------------------------------------------------------------- projects and members

  async createProject(project: NewProject, ownerId: number): Promise<Project> {
    this.db
      .transaction(() => {
        const at = now();
        this.db
          .prepare('INSERT INTO review_projects (id, name, question, criteria, mode, exclusion_reasons, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(project.id, project.name, project.question, JSON.stringify(project.criteria), project.mode, JSON.stringify(project.exclusionReasons), at, ownerId);
        this.db.prepare('INSERT INTO review_members (project_id, user_id, role, added_at) VALUES (?, ?, ?, ?)').run(project.id, ownerId, 'owner', at);
        this.audit_(project.id, ownerId, 'project.create', { after: project });
      })
      .immediate();
    return this.project(project.id)!;
  }

  async updateProject(id: string, patch: Partial<Omit<NewProject, 'id'>>, userId: number): Promise<Project> {
    this.db
      .transaction(() => {
        const before = this.project(id);
        if (!before) throw new ExoError('EXO_ERR_REVIEW_NOT_FOUND_PROJECT', `no review project '${id}'`, { id });
        const next = { ...before, ...patch };
        this.db
          .prepare('UPDATE review_projects SET name = ?, question = ?, criteria = ?, mode = ?, exclusion_reasons = ? WHERE id = ?')
          .run(next.name, next.question, JSON.stringify(next.criteria), next.mode, JSON.stringify(next.exclusionReasons), id);
        this.audit_(id, userId, 'project.update', { before, after: next });
      })
      .immediate();
    return this.project(id)!;
  }

  async getProject(id: string): Promise<Project | undefined> {
    return this.project(id);
  }

  /** Synchronous, for use inside a transaction. */
  private project(id: string): Project | undefined {
    const row = this.db.prepare('SELECT * FROM review_projects WHERE id = ?').get(id) as ProjectRow | undefined;
    return row ? projectFromRow(row) : undefined;
  }

  async listProjects(userId: number): Promise<(Project & { role: Role })[]> {
    const rows = this.db.prepare('SELECT p.*, m.role FROM review_projects p JOIN review_members m ON m.project_id = p.id WHERE m.user_id = ? ORDER BY p.created_at, p.id').all(userId) as (ProjectRow & { role: Role })[];
    return rows.map((r) => ({ ...projectFromRow(r), role: r.role }));
  }

  async memberRole(projectId: string, userId: number): Promise<Role | undefined> {
    return this.role(projectId, userId);
  }

  /** Synchronous, for use inside a transaction. */
  private role(projectId: string, userId: number): Role | undefined {
    return (this.db.prepare('SELECT role FROM review_members WHERE project_id = ? AND user_id = ?').get(projectId, userId) as { role: Role } | undefined)?.role;
  }

  async members(projectId: string): Promise<Member[]> {
    const rows = this.db
      .prepare('SELECT m.user_id, u.username, u.display_name, m.role, m.added_at FROM review_members m JOIN review_users u ON u.id = m.user_id WHERE m.project_id = ? ORDER BY m.added_at, u.username')
      .all(projectId) as { user_id: number; username: string; display_name: string; role: Role; added_at: string }[];
    return rows.map((r) => ({ userId: r.user_id, username: r.username, displayName: r.display_name, role: r.role, addedAt: r.added_at }));
  }

  async setMember(projectId: string, userId: number, role: Role, byUserId: number): Promise<void> {
    this.db
      .transaction(() => {
        const before = this.role(projectId, userId);
        this.db
          .prepare('INSERT INTO review_members (project_id, user_id, role, added_at) VALUES (?, ?, ?, ?) ON CONFLICT (project_id, user_id) DO UPDATE SET role = excluded.role')
          .run(projectId, userId, role, now());
        this.audit_(projectId, byUserId, 'member.set', { before: before ? { userId, role: before } : null, after: { userId, role } });
      })
      .immediate();
  }

  // ---------------------------------------------------------------- searches and records

  async citations(projectId: string): Promise<{ recordId: number; citation: CitationRecord }[]> {
    const ids = (this.db.prepare('SELECT id FROM review_records WHERE project_id = ? ORDER BY id').all(projectId) as { id: number }[]).map((r) => r.id);
    const citations = this.citationsOf(ids, 'project_id = ?', [projectId]);
    return ids.map((id) => ({ recordId: id, citation: citations.get(id)! }));
  }

  async importSearches(projectId: string, searches: NewSearch[], plan: ImportPlan, userId: number): Promise<Search[]> {
    const ids: number[] = [];
    this.db
      .transaction(() => {
        if (plan.basis) {
          // BEGIN IMMEDIATE: no other process writes meanwhile; the plan still holds only if nobody added records since.
          const current = this.db.prepare('SELECT count(*) AS n, max(id) AS last FROM review_records WHERE project_id = ?').get(projectId) as { n: number; last: number | null };
          if (current.n !== plan.basis.records || (current.last ?? 0) !== plan.basis.lastId) throw new ImportBasisChanged(projectId);
        }
        const at = now();
        const insertSearch = this.db.prepare(
          'INSERT INTO review_searches (project_id, database_name, search_date, query, file_name, format, identified, duplicates, added, warnings, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        );
        const insertRecord = this.db.prepare('INSERT INTO review_records (project_id, search_id, citation) VALUES (?, ?, ?)');
        const insertHit = this.db.prepare('INSERT INTO review_search_hits (search_id, position, record_id, is_duplicate) VALUES (?, ?, ?, ?)');
        const newRecordIds = new Map<number, number>();
        searches.forEach((search, k) => {
          const fates = plan.fates[k]!;
          const added = fates.filter((f) => f.kind === 'new').length;
          const info = insertSearch.run(projectId, search.database, search.date, search.query, search.fileName, search.format, fates.length, fates.length - added, added, JSON.stringify(search.warnings), at, userId);
          const searchId = Number(info.lastInsertRowid);
          ids.push(searchId);
          fates.forEach((fate, position) => {
            let recordId: number;
            if (fate.kind === 'duplicate-of-existing') recordId = fate.recordId;
            else if (fate.kind === 'new') {
              recordId = Number(insertRecord.run(projectId, searchId, JSON.stringify(plan.newRecords[fate.newIndex])).lastInsertRowid);
              newRecordIds.set(fate.newIndex, recordId);
            } else {
              const id = newRecordIds.get(fate.newIndex);
              if (id === undefined) throw new Error('import plan: a duplicate precedes its record');
              recordId = id;
            }
            insertHit.run(searchId, position, recordId, fate.kind === 'new' ? 0 : 1);
          });
          this.audit_(projectId, userId, 'search.import', { after: { searchId, ...search, identified: fates.length, added, duplicates: fates.length - added } });
        });
      })
      .immediate();
    return ids.map((id) => searchFromRow(this.db.prepare('SELECT * FROM review_searches WHERE id = ?').get(id) as SearchRow));
  }

  async searches(projectId: string): Promise<Search[]> {
    return (this.db.prepare('SELECT * FROM review_searches WHERE project_id = ? ORDER BY id').all(projectId) as SearchRow[]).map(searchFromRow);
  }

  private recordsWhere(clause: string, hitsClause: string, params: unknown[]): ReviewRecord[] {
    const rows = this.db.prepare(`SELECT id, project_id, search_id, not_retrieved, excluded_by_automation FROM review_records WHERE ${clause} ORDER BY id`).all(...params) as {
      id: number;
      project_id: string;
      search_id: number;
      not_retrieved: number;
      excluded_by_automation: number;
    }[];
    if (rows.length === 0) return [];
    const citations = this.citationsOf(rows.map((r) => r.id), clause, params);
    const hits = new Map<number, number[]>();
    const hitRows = this.db
      .prepare(`SELECT DISTINCT h.record_id, h.search_id FROM review_search_hits h JOIN review_records r ON r.id = h.record_id WHERE ${hitsClause} ORDER BY h.search_id`)
      .all(...params) as { record_id: number; search_id: number }[];
    for (const h of hitRows) {
      const list = hits.get(h.record_id);
      if (list) list.push(h.search_id);
      else hits.set(h.record_id, [h.search_id]);
    }
    return rows.map((r) => ({
      id: r.id,
      projectId: r.project_id,
      searchId: r.search_id,
      searchIds: hits.get(r.id) ?? [r.search_id],
      citation: citations.get(r.id)!,
      isNotRetrieved: r.not_retrieved === 1,
      isExcludedByAutomation: r.excluded_by_automation === 1,
    }));
  }

  async records(projectId: string): Promise<ReviewRecord[]> {
    return this.recordsWhere('project_id = ?', 'r.project_id = ?', [projectId]);
  }

  async recordsVersion(projectId: string): Promise<string> {
    // As the Kysely store's (which replaces this one): flags as sums of hashed ids, so different flagged sets differ.
    const row = this.db
      .prepare(
        `SELECT count(*) AS n, max(id) AS last, (SELECT count(*) FROM review_searches WHERE project_id = ?) AS searches,
           sum(not_retrieved * ((id * 2654435761) % 4294967291)) AS retrieval, sum(excluded_by_automation * ((id * 2246822519) % 4294967291)) AS automation
         FROM review_records WHERE project_id = ?`,
      )
      .get(projectId, projectId) as { n: number; last: number | null; searches: number; retrieval: number | null; automation: number | null };
    return `${row.n}:${row.last ?? 0}:${row.searches}:${row.retrieval ?? 0}:${row.automation ?? 0}`;
  }

  async getRecord(projectId: string, recordId: number): Promise<ReviewRecord | undefined> {
    return this.recordsWhere('project_id = ? AND id = ?', 'r.project_id = ? AND r.id = ?', [projectId, recordId])[0];
  }

  async setNotRetrieved(projectId: string, recordId: number, isNotRetrieved: boolean, userId: number): Promise<void> {
    this.db
      .transaction(() => {
        const row = this.db.prepare('SELECT not_retrieved FROM review_records WHERE project_id = ? AND id = ?').get(projectId, recordId) as { not_retrieved: number } | undefined;
        if (!row) throw new ExoError('EXO_ERR_REVIEW_NOT_FOUND_RECORD', `review project '${projectId}' has no record ${recordId}`, { id: String(recordId) });
        this.db.prepare('UPDATE review_records SET not_retrieved = ? WHERE id = ?').run(isNotRetrieved ? 1 : 0, recordId);
        this.audit_(projectId, userId, 'record.retrieval', { recordId, stage: 'full-text', before: { isNotRetrieved: row.not_retrieved === 1 }, after: { isNotRetrieved } });
      })
      .immediate();
  }

  async setExcludedByAutomation(projectId: string, recordIds: readonly number[], isExcluded: boolean, userId: number, details: Record<string, unknown>): Promise<void> {
    this.db
      .transaction(() => {
        const update = this.db.prepare('UPDATE review_records SET excluded_by_automation = ? WHERE project_id = ? AND id = ?');
        for (const id of recordIds) update.run(isExcluded ? 1 : 0, projectId, id);
        this.audit_(projectId, userId, isExcluded ? 'screening.stop' : 'screening.resume', { stage: 'title-abstract', after: { records: recordIds.length, ...details } });
      })
      .immediate();
  }

  // ---------------------------------------------------------------- decisions and resolutions

  private static readonly DECISION_SELECT = 'SELECT d.*, u.username AS reviewer FROM review_decisions d JOIN review_users u ON u.id = d.reviewer_id';

  async decisions(projectId: string, stage?: Stage): Promise<Decision[]> {
    const rows = stage
      ? this.db.prepare(`${SqliteReviewStore.DECISION_SELECT} WHERE d.project_id = ? AND d.stage = ? ORDER BY d.id`).all(projectId, stage)
      : this.db.prepare(`${SqliteReviewStore.DECISION_SELECT} WHERE d.project_id = ? ORDER BY d.id`).all(projectId);
    return (rows as DecisionRow[]).map(decisionFromRow);
  }

  async recordDecisions(projectId: string, recordId: number): Promise<Decision[]> {
    return (this.db.prepare(`${SqliteReviewStore.DECISION_SELECT} WHERE d.project_id = ? AND d.record_id = ? ORDER BY d.id`).all(projectId, recordId) as DecisionRow[]).map(decisionFromRow);
  }

  /**
   * Appends a decision if the reviewer's latest version on this record and stage is still `expectedVersion`; checked
   * and written in one IMMEDIATE transaction (and the UNIQUE (record, stage, reviewer, version) key backs it up across
   * processes), so a stale form can never overwrite a newer decision.
   */
  async appendDecision(input: NewDecision): Promise<Decision> {
    let id = 0;
    try {
      this.db
        .transaction(() => {
          const exists = this.db.prepare('SELECT 1 FROM review_records WHERE project_id = ? AND id = ?').get(input.projectId, input.recordId);
          if (!exists) throw new ExoError('EXO_ERR_REVIEW_NOT_FOUND_RECORD', `review project '${input.projectId}' has no record ${input.recordId}`, { id: String(input.recordId) });
          const previous = this.db
            .prepare(`${SqliteReviewStore.DECISION_SELECT} WHERE d.record_id = ? AND d.stage = ? AND d.reviewer_id = ? ORDER BY d.version DESC LIMIT 1`)
            .get(input.recordId, input.stage, input.reviewerId) as DecisionRow | undefined;
          const current = previous?.version ?? 0;
          if (current !== input.expectedVersion) throw this.stale(input, current, previous);
          const info = this.db
            .prepare('INSERT INTO review_decisions (project_id, record_id, stage, reviewer_id, decision, reason, note, version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
            .run(input.projectId, input.recordId, input.stage, input.reviewerId, input.decision, input.reason ?? null, input.note ?? null, current + 1, now());
          id = Number(info.lastInsertRowid);
          const slim = (d: { decision: string; reason?: string | null; note?: string | null; version: number }) => ({ decision: d.decision, reason: d.reason ?? undefined, note: d.note ?? undefined, version: d.version });
          this.audit_(input.projectId, input.reviewerId, 'decision', {
            recordId: input.recordId,
            stage: input.stage,
            before: previous ? slim(previous) : null,
            after: slim({ ...input, version: current + 1 }),
          });
        })
        .immediate();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw this.stale(input, input.expectedVersion + 1, undefined);
      throw error;
    }
    return decisionFromRow(this.db.prepare(`${SqliteReviewStore.DECISION_SELECT} WHERE d.id = ?`).get(id) as DecisionRow);
  }

  private stale(input: NewDecision, current: number, previous: DecisionRow | undefined): ExoError {
    return new ExoError(
      'EXO_ERR_REVIEW_STALE_DECISION',
      `record ${input.recordId} (${input.stage}) already has your decision version ${current}${previous ? ` (${previous.decision})` : ''}; the form expected version ${input.expectedVersion}: reload it before changing the decision`,
      { id: String(input.recordId), stage: input.stage, currentVersion: current, expectedVersion: input.expectedVersion, current: previous ? decisionFromRow(previous) : undefined },
    );
  }

  private static readonly RESOLUTION_SELECT = 'SELECT r.*, u.username AS resolver FROM review_resolutions r JOIN review_users u ON u.id = r.resolved_by';

  async resolutions(projectId: string, stage?: Stage): Promise<Resolution[]> {
    const rows = stage
      ? this.db.prepare(`${SqliteReviewStore.RESOLUTION_SELECT} WHERE r.project_id = ? AND r.stage = ? ORDER BY r.id`).all(projectId, stage)
      : this.db.prepare(`${SqliteReviewStore.RESOLUTION_SELECT} WHERE r.project_id = ? ORDER BY r.id`).all(projectId);
    return (rows as ResolutionRow[]).map(resolutionFromRow);
  }

  async appendResolution(input: NewResolution): Promise<Resolution> {
    let id = 0;
    this.db
      .transaction(() => {
        const previous = this.db.prepare('SELECT max(version) AS v FROM review_resolutions WHERE record_id = ? AND stage = ?').get(input.recordId, input.stage) as { v: number | null };
        const version = (previous.v ?? 0) + 1;
        const info = this.db
          .prepare('INSERT INTO review_resolutions (project_id, record_id, stage, decision, reason, method, resolved_by, note, version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(input.projectId, input.recordId, input.stage, input.decision, input.reason ?? null, input.method, input.resolvedBy, input.note ?? null, version, now());
        id = Number(info.lastInsertRowid);
        this.audit_(input.projectId, input.resolvedBy, 'resolution', { recordId: input.recordId, stage: input.stage, before: null, after: { decision: input.decision, reason: input.reason, method: input.method, note: input.note, version } });
      })
      .immediate();
    return resolutionFromRow(this.db.prepare(`${SqliteReviewStore.RESOLUTION_SELECT} WHERE r.id = ?`).get(id) as ResolutionRow);
  }

  async audit(projectId: string, options: AuditOptions = {}): Promise<{ total: number; items: AuditEntry[] }> {
    const clauses = ['a.project_id = ?'];
    const params: unknown[] = [projectId];
    const filters: [string, unknown][] = [
      ['a.record_id = ?', options.recordId],
      ['u.username = ?', options.username],
      ['a.stage = ?', options.stage],
    ];
    for (const [clause, value] of filters) {
      if (value === undefined) continue;
      clauses.push(clause);
      params.push(value);
    }
    const where = clauses.join(' AND ');
    const from = 'review_audit a JOIN review_users u ON u.id = a.user_id';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM ${from} WHERE ${where}`).get(...params) as { n: number }).n;
    const rows = this.db
      .prepare(
        `SELECT a.*, u.username, json_extract(r.citation, '$.title') AS record_title FROM ${from} LEFT JOIN review_records r ON r.id = a.record_id AND r.project_id = a.project_id WHERE ${where} ORDER BY a.id DESC LIMIT ? OFFSET ?`,
      )
      .all(...params, options.limit ?? 100, options.offset ?? 0) as {
      id: number;
      project_id: string;
      user_id: number;
      username: string;
      action: string;
      record_id: number | null;
      record_title: string | null;
      stage: Stage | null;
      before: string | null;
      after: string | null;
      at: string;
    }[];
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        projectId: r.project_id,
        userId: r.user_id,
        username: r.username,
        action: r.action,
        recordId: r.record_id ?? undefined,
        ...(r.record_id !== null && typeof r.record_title === 'string' ? { recordTitle: r.record_title } : {}),
        stage: r.stage ?? undefined,
        before: r.before === null ? null : JSON.parse(r.before),
        after: r.after === null ? null : JSON.parse(r.after),
        at: r.at,
      })),
    };
  }

  // ---------------------------------------------------------------- accounts (issue 17), in sqlite-accounts.ts

  async createFirstUser(input: { username: string; displayName: string; passwordHash: string }): Promise<User | undefined> {
    return accounts.createFirstUser(this.db, input);
  }
  async listUsers(): Promise<User[]> {
    return accounts.listUsers(this.db);
  }
  async setPasswordHash(userId: number, passwordHash: string, keepTokenHash: string | undefined, byUserId: number): Promise<void> {
    accounts.setPasswordHash(this.db, userId, passwordHash, keepTokenHash, byUserId);
  }
  async setDisabled(userId: number, isDisabled: boolean, byUserId: number): Promise<void> {
    accounts.setDisabled(this.db, userId, isDisabled, byUserId);
  }
  async deleteSessions(userId: number, byUserId: number): Promise<number> {
    return accounts.deleteSessions(this.db, userId, byUserId);
  }
  async purgeExpiredSessions(at: string): Promise<number> {
    return accounts.purgeExpiredSessions(this.db, at);
  }
  async reserveLoginAttempt(attempt: LoginAttempt): Promise<{ lockedUntil?: string }> {
    return accounts.reserveLoginAttempt(this.db, attempt);
  }
  async loginSucceeded(accountKey: string, addressKey: string): Promise<void> {
    accounts.loginSucceeded(this.db, accountKey, addressKey);
  }
  async purgeLoginThrottle(at: string, before: string): Promise<number> {
    return accounts.purgeLoginThrottle(this.db, at, before);
  }
  async loginLocks(at: string): Promise<{ key: string; lockedUntil: string }[]> {
    return accounts.loginLocks(this.db, at);
  }
  async clearLoginThrottle(key: string, targetUserId: number, byUserId: number): Promise<void> {
    accounts.clearLoginThrottle(this.db, key, targetUserId, byUserId);
  }
  async removeMember(projectId: string, userId: number, byUserId: number): Promise<void> {
    accounts.removeMember(this.db, projectId, userId, byUserId);
  }
  async accountAudit(options: { username?: string; limit?: number; offset?: number } = {}): Promise<{ total: number; items: AccountAuditEntry[] }> {
    return accounts.accountAudit(this.db, options);
  }
}
