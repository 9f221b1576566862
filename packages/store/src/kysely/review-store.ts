import { sql, type Kysely } from 'kysely';
import type { CitationRecord } from '@exoatlas/literature';
import { ExoError } from '@exoatlas/schema';
import { ImportBasisChanged, yieldToLoop } from '@exoatlas/review';
import type { AccountAuditEntry, AuditEntry, AuditOptions, Decision, ImportPlan, Member, NewDecision, NewProject, NewResolution, NewSearch, Project, Resolution, ReviewRecord, ReviewStore, Role, ScreeningLogDelta, Search, Stage, User, LoginAttempt } from '@exoatlas/review';
import { LruCache } from '../lru-cache.js';
import { decisionFromRow, projectFromRow, resolutionFromRow, searchFromRow, userFromRow, type DecisionRow } from './rows.js';
import type { Database, OpenedDatabase } from './database.js';
import * as accounts from './review-accounts.js';
import { countAll, isUniqueViolation, writeTransaction } from './transaction.js';

const now = (): string => new Date().toISOString();
const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));
type Db = Kysely<Database>;
/**
 * The review store on either dialect. Each write is one transaction with its audit entry; decisions and the audit log
 * are append-only (the database refuses UPDATE and DELETE, see migrations/dialect-ddl.ts). User names compare without
 * regard to case on both (COLLATE NOCASE on SQLite, lower() on PostgreSQL; both fold ASCII only).
 */
/** Records read per query when a whole project is read (about 10–20 ms of parsing each on a loaded core). */
const RECORDS_PAGE = 500;

export class KyselyReviewStore implements ReviewStore {
  /**
   * Parsed citations by record id. A record's citation is written once, at import, and never changed, so it can be
   * kept: parsing 10,000 citations took about 100 ms, and every screening request reads the project's records. At
   * roughly 3 KB a citation with its abstract, 50,000 bound the cache near 150 MB; a bigger project parses as before.
   */
  private readonly parsed = new LruCache<CitationRecord>(50_000);

  constructor(private readonly opened: OpenedDatabase) {}

  private get db(): Db {
    return this.opened.db;
  }

  /** The citations of records `ids` (all with after < id ≤ last), each parsed once (see `parsed`). */
  private async citationsOf(ids: readonly number[], projectId: string, after: number, last: number): Promise<Map<number, CitationRecord>> {
    const out = new Map<number, CitationRecord>();
    for (const id of ids) {
      const c = this.parsed.get(String(id));
      if (c) out.set(id, c);
    }
    if (out.size < ids.length) {
      const rows = await this.db.selectFrom('review_records').select(['id', 'citation']).where('project_id', '=', projectId).where('id', '>', after).where('id', '<=', last).execute();
      for (const r of rows) {
        if (out.has(r.id)) continue;
        const c = JSON.parse(r.citation) as CitationRecord;
        this.parsed.set(String(r.id), c);
        out.set(r.id, c);
      }
    }
    return out;
  }

  private async audit_(db: Db, projectId: string, userId: number, action: string, entry: { recordId?: number; stage?: Stage; before?: unknown; after?: unknown }): Promise<void> {
    await db
      .insertInto('review_audit')
      .values({ project_id: projectId, user_id: userId, action, record_id: entry.recordId ?? null, stage: entry.stage ?? null, before: json(entry.before), after: json(entry.after), at: now() })
      .execute();
  }

  // ---------------------------------------------------------------- users and sessions

  async createUser(input: { username: string; displayName: string; passwordHash: string; isAdmin: boolean; createdBy?: number }): Promise<User> {
    try {
      const id = await writeTransaction(this.opened, async (trx) => {
        const { id: created } = await trx
          .insertInto('review_users')
          .values({ username: input.username, display_name: input.displayName, password_hash: input.passwordHash, is_admin: input.isAdmin ? 1 : 0, created_at: now() })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (input.createdBy !== undefined) await accounts.accountLog(trx, input.createdBy, 'user.create', created, { isAdmin: input.isAdmin });
        return created;
      });
      return (await this.getUser(id))!;
    } catch (error) {
      if (isUniqueViolation(error)) throw new ExoError('EXO_ERR_AUTH_USER_EXISTS', `a user '${input.username}' already exists`, { field: 'username' });
      throw error;
    }
  }

  async findUser(username: string): Promise<(User & { passwordHash: string }) | undefined> {
    const row = await this.db.selectFrom('review_users').selectAll().where(sql`lower(username)`, '=', sql`lower(${username})`).executeTakeFirst();
    return row ? { ...userFromRow(row), passwordHash: row.password_hash } : undefined;
  }

  async getUser(id: number): Promise<User | undefined> {
    const row = await this.db.selectFrom('review_users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? userFromRow(row) : undefined;
  }

  async countUsers(): Promise<number> {
    return (await this.db.selectFrom('review_users').select(countAll.as('n')).executeTakeFirstOrThrow()).n;
  }

  async createSession(userId: number, tokenHash: string, expiresAt: string): Promise<void> {
    await this.db.insertInto('review_sessions').values({ token_hash: tokenHash, user_id: userId, created_at: now(), expires_at: expiresAt }).execute();
  }

  async sessionUser(tokenHash: string, at: string): Promise<User | undefined> {
    const row = await this.db
      .selectFrom('review_sessions as s')
      .innerJoin('review_users as u', 'u.id', 's.user_id')
      .selectAll('u')
      .where('s.token_hash', '=', tokenHash)
      .where('s.expires_at', '>', at)
      .where('u.is_disabled', '=', 0)
      .executeTakeFirst();
    return row ? userFromRow(row) : undefined;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('review_sessions').where('token_hash', '=', tokenHash).execute();
  }

  // ---------------------------------------------------------------- projects and members

  async createProject(project: NewProject, ownerId: number): Promise<Project> {
    await writeTransaction(this.opened, async (trx) => {
      const at = now();
      await trx
        .insertInto('review_projects')
        .values({ id: project.id, name: project.name, question: project.question, criteria: JSON.stringify(project.criteria), mode: project.mode, exclusion_reasons: JSON.stringify(project.exclusionReasons), created_at: at, created_by: ownerId })
        .execute();
      await trx.insertInto('review_members').values({ project_id: project.id, user_id: ownerId, role: 'owner', added_at: at }).execute();
      await this.audit_(trx, project.id, ownerId, 'project.create', { after: project });
    });
    return (await this.getProject(project.id))!;
  }

  async updateProject(id: string, patch: Partial<Omit<NewProject, 'id'>>, userId: number): Promise<Project> {
    await writeTransaction(this.opened, async (trx) => {
      const before = await this.projectIn(trx, id);
      if (!before) throw new ExoError('EXO_ERR_REVIEW_NOT_FOUND_PROJECT', `no review project '${id}'`, { id });
      const next = { ...before, ...patch };
      await trx
        .updateTable('review_projects')
        .set({ name: next.name, question: next.question, criteria: JSON.stringify(next.criteria), mode: next.mode, exclusion_reasons: JSON.stringify(next.exclusionReasons) })
        .where('id', '=', id)
        .execute();
      await this.audit_(trx, id, userId, 'project.update', { before, after: next });
    });
    return (await this.getProject(id))!;
  }

  private async projectIn(db: Db, id: string): Promise<Project | undefined> {
    const row = await db.selectFrom('review_projects').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? projectFromRow(row) : undefined;
  }

  getProject(id: string): Promise<Project | undefined> {
    return this.projectIn(this.db, id);
  }

  async listProjects(userId: number): Promise<(Project & { role: Role })[]> {
    const rows = await this.db
      .selectFrom('review_projects as p')
      .innerJoin('review_members as m', 'm.project_id', 'p.id')
      .selectAll('p')
      .select('m.role')
      .where('m.user_id', '=', userId)
      .orderBy('p.created_at')
      .orderBy('p.id')
      .execute();
    return rows.map((r) => ({ ...projectFromRow(r), role: r.role }));
  }

  private async roleIn(db: Db, projectId: string, userId: number): Promise<Role | undefined> {
    return (await db.selectFrom('review_members').select('role').where('project_id', '=', projectId).where('user_id', '=', userId).executeTakeFirst())?.role;
  }

  memberRole(projectId: string, userId: number): Promise<Role | undefined> {
    return this.roleIn(this.db, projectId, userId);
  }

  async members(projectId: string): Promise<Member[]> {
    const rows = await this.db
      .selectFrom('review_members as m')
      .innerJoin('review_users as u', 'u.id', 'm.user_id')
      .select(['m.user_id', 'u.username', 'u.display_name', 'm.role', 'm.added_at'])
      .where('m.project_id', '=', projectId)
      .orderBy('m.added_at')
      .orderBy('u.username')
      .execute();
    return rows.map((r) => ({ userId: r.user_id, username: r.username, displayName: r.display_name, role: r.role, addedAt: r.added_at }));
  }

  async setMember(projectId: string, userId: number, role: Role, byUserId: number): Promise<void> {
    await writeTransaction(this.opened, async (trx) => {
      const before = await this.roleIn(trx, projectId, userId);
      await trx
        .insertInto('review_members')
        .values({ project_id: projectId, user_id: userId, role, added_at: now() })
        .onConflict((oc) => oc.columns(['project_id', 'user_id']).doUpdateSet({ role: (eb) => eb.ref('excluded.role') }))
        .execute();
      await this.audit_(trx, projectId, byUserId, 'member.set', { before: before ? { userId, role: before } : null, after: { userId, role } });
    });
  }

  // ---------------------------------------------------------------- searches and records

  async citations(projectId: string): Promise<{ recordId: number; citation: CitationRecord }[]> {
    return (await this.recordsOf(projectId)).map((r) => ({ recordId: r.id, citation: r.citation }));
  }

  async importSearches(projectId: string, searches: NewSearch[], plan: ImportPlan, userId: number): Promise<Search[]> {
    const ids = await writeTransaction(this.opened, async (trx) => {
      if (plan.basis) {
        // Imports into one project take turns across processes (PostgreSQL: the project's row lock; SQLite: BEGIN
        // IMMEDIATE); the plan still holds only if nobody added records since it was made.
        if (this.opened.dialect === 'postgres') await trx.selectFrom('review_projects').select('id').where('id', '=', projectId).forUpdate().execute();
        const current = await trx.selectFrom('review_records').select([countAll.as('n'), sql<number | null>`max(id)`.as('last')]).where('project_id', '=', projectId).executeTakeFirstOrThrow();
        if (Number(current.n) !== plan.basis.records || Number(current.last ?? 0) !== plan.basis.lastId) throw new ImportBasisChanged(projectId);
      }
      const at = now();
      const searchIds: number[] = [];
      const newRecordIds = new Map<number, number>();
      for (const [k, search] of searches.entries()) {
        const fates = plan.fates[k]!;
        const added = fates.filter((f) => f.kind === 'new').length;
        const { id: searchId } = await trx
          .insertInto('review_searches')
          .values({
            project_id: projectId,
            database_name: search.database,
            search_date: search.date,
            query: search.query,
            file_name: search.fileName,
            format: search.format,
            identified: fates.length,
            duplicates: fates.length - added,
            added,
            warnings: JSON.stringify(search.warnings),
            imported_at: at,
            imported_by: userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        searchIds.push(searchId);
        for (const [position, fate] of fates.entries()) {
          let recordId: number;
          if (fate.kind === 'duplicate-of-existing') recordId = fate.recordId;
          else if (fate.kind === 'new') {
            recordId = (await trx.insertInto('review_records').values({ project_id: projectId, search_id: searchId, citation: JSON.stringify(plan.newRecords[fate.newIndex]) }).returning('id').executeTakeFirstOrThrow()).id;
            newRecordIds.set(fate.newIndex, recordId);
          } else {
            const id = newRecordIds.get(fate.newIndex);
            if (id === undefined) throw new Error('import plan: a duplicate precedes its record');
            recordId = id;
          }
          await trx.insertInto('review_search_hits').values({ search_id: searchId, position, record_id: recordId, is_duplicate: fate.kind === 'new' ? 0 : 1 }).execute();
        }
        await this.audit_(trx, projectId, userId, 'search.import', { after: { searchId, ...search, identified: fates.length, added, duplicates: fates.length - added } });
      }
      return searchIds;
    });
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('review_searches').selectAll().where('id', 'in', ids).orderBy('id').execute();
    return rows.map(searchFromRow);
  }

  async searches(projectId: string): Promise<Search[]> {
    return (await this.db.selectFrom('review_searches').selectAll().where('project_id', '=', projectId).orderBy('id').execute()).map(searchFromRow);
  }

  async recordsVersion(projectId: string): Promise<string> {
    // The flags as sums of hashed ids (two odd multipliers modulo a prime below 2^32): unlike plain counts or sums of
    // ids, two different flagged sets practically never give the same pair. bigint so PostgreSQL does not overflow.
    const row = await this.db
      .selectFrom('review_records')
      .select([
        countAll.as('n'),
        sql<number | null>`max(id)`.as('last'),
        sql<string | number | null>`sum(not_retrieved * ((cast(id as bigint) * 2654435761) % 4294967291))`.as('retrieval'),
        sql<string | number | null>`sum(excluded_by_automation * ((cast(id as bigint) * 2246822519) % 4294967291))`.as('automation'),
        (eb) => eb.selectFrom('review_searches').select(countAll.as('s')).where('project_id', '=', projectId).as('searches'),
      ])
      .where('project_id', '=', projectId)
      .executeTakeFirstOrThrow();
    return `${row.n}:${row.last ?? 0}:${row.searches ?? 0}:${row.retrieval ?? 0}:${row.automation ?? 0}`;
  }

  /**
   * The project's records (or one), read in pages of RECORDS_PAGE ids with a turn of the event loop between pages:
   * reading and parsing 10,000 citations at once held the request thread for 0.3–0.8 s (SQLite's reads are
   * synchronous). Records are only ever appended, so paging by id sees each once.
   */
  private async recordsOf(projectId: string, recordId?: number): Promise<ReviewRecord[]> {
    const out: ReviewRecord[] = [];
    for (let after = 0; ; ) {
      let query = this.db.selectFrom('review_records').select(['id', 'project_id', 'search_id', 'not_retrieved', 'excluded_by_automation']).where('project_id', '=', projectId);
      query = recordId !== undefined ? query.where('id', '=', recordId) : query.where('id', '>', after).orderBy('id').limit(RECORDS_PAGE);
      const rows = await query.execute();
      if (rows.length === 0) break;
      const last = rows[rows.length - 1]!.id;
      // The id range this page covers (one record: just its id).
      const first = recordId !== undefined ? recordId - 1 : after;
      const citations = await this.citationsOf(
        rows.map((r) => r.id),
        projectId,
        first,
        last,
      );
      const hits = new Map<number, number[]>();
      const hitRows = await this.db
        .selectFrom('review_search_hits as h')
        .innerJoin('review_records as r', 'r.id', 'h.record_id')
        .select(['h.record_id', 'h.search_id'])
        .distinct()
        .where('r.project_id', '=', projectId)
        .where('r.id', '>', first)
        .where('r.id', '<=', last)
        .orderBy('h.search_id')
        .execute();
      for (const h of hitRows) {
        const list = hits.get(h.record_id);
        if (list) list.push(h.search_id);
        else hits.set(h.record_id, [h.search_id]);
      }
      for (const r of rows) {
        out.push({
          id: r.id,
          projectId: r.project_id,
          searchId: r.search_id,
          searchIds: hits.get(r.id) ?? [r.search_id],
          citation: citations.get(r.id)!,
          isNotRetrieved: r.not_retrieved === 1,
          isExcludedByAutomation: r.excluded_by_automation === 1,
        });
      }
      if (recordId !== undefined || rows.length < RECORDS_PAGE) break;
      after = last;
      await yieldToLoop();
    }
    return out;
  }

  records(projectId: string): Promise<ReviewRecord[]> {
    return this.recordsOf(projectId);
  }

  async getRecord(projectId: string, recordId: number): Promise<ReviewRecord | undefined> {
    return (await this.recordsOf(projectId, recordId))[0];
  }

  async setNotRetrieved(projectId: string, recordId: number, isNotRetrieved: boolean, userId: number): Promise<void> {
    await writeTransaction(this.opened, async (trx) => {
      const row = await trx.selectFrom('review_records').select('not_retrieved').where('project_id', '=', projectId).where('id', '=', recordId).executeTakeFirst();
      if (!row) throw new ExoError('EXO_ERR_REVIEW_NOT_FOUND_RECORD', `review project '${projectId}' has no record ${recordId}`, { id: String(recordId) });
      await trx
        .updateTable('review_records')
        .set({ not_retrieved: isNotRetrieved ? 1 : 0 })
        .where('id', '=', recordId)
        .execute();
      await this.audit_(trx, projectId, userId, 'record.retrieval', { recordId, stage: 'full-text', before: { isNotRetrieved: row.not_retrieved === 1 }, after: { isNotRetrieved } });
    });
  }

  async setExcludedByAutomation(projectId: string, recordIds: readonly number[], isExcluded: boolean, userId: number, details: Record<string, unknown>): Promise<void> {
    await writeTransaction(this.opened, async (trx) => {
      // In chunks: SQLite and PostgreSQL both cap the number of bound parameters of one statement.
      for (let i = 0; i < recordIds.length; i += 1000) {
        await trx
          .updateTable('review_records')
          .set({ excluded_by_automation: isExcluded ? 1 : 0 })
          .where('project_id', '=', projectId)
          .where('id', 'in', recordIds.slice(i, i + 1000))
          .execute();
      }
      await this.audit_(trx, projectId, userId, isExcluded ? 'screening.stop' : 'screening.resume', { stage: 'title-abstract', after: { records: recordIds.length, ...details } });
    });
  }

  // ---------------------------------------------------------------- decisions and resolutions

  private decisionQuery(db: Db) {
    return db.selectFrom('review_decisions as d').innerJoin('review_users as u', 'u.id', 'd.reviewer_id').selectAll('d').select('u.username as reviewer');
  }

  async decisions(projectId: string, stage?: Stage): Promise<Decision[]> {
    let query = this.decisionQuery(this.db).where('d.project_id', '=', projectId);
    if (stage) query = query.where('d.stage', '=', stage);
    return (await query.orderBy('d.id').execute()).map(decisionFromRow);
  }

  async screeningLogSince(projectId: string, after: { decision: number; resolution: number }): Promise<ScreeningLogDelta> {
    // The rows first, then the counts: a count read later can only be larger, so equal counts prove nothing is missing
    // (on PostgreSQL an id can commit after a larger one; the caller then reads everything again).
    const decisions = (await this.decisionQuery(this.db).where('d.project_id', '=', projectId).where('d.id', '>', after.decision).orderBy('d.id').execute()).map(decisionFromRow);
    const resolutions = (await this.resolutionQuery(this.db).where('r.project_id', '=', projectId).where('r.id', '>', after.resolution).orderBy('r.id').execute()).map(resolutionFromRow);
    const counts = await this.db
      .selectNoFrom((eb) => [
        eb.selectFrom('review_decisions').select(countAll.as('n')).where('project_id', '=', projectId).as('decisions'),
        eb.selectFrom('review_resolutions').select(countAll.as('n')).where('project_id', '=', projectId).as('resolutions'),
      ])
      .executeTakeFirstOrThrow();
    return { decisions, resolutions, decisionCount: Number(counts.decisions ?? 0), resolutionCount: Number(counts.resolutions ?? 0) };
  }

  async recordDecisions(projectId: string, recordId: number): Promise<Decision[]> {
    return (await this.decisionQuery(this.db).where('d.project_id', '=', projectId).where('d.record_id', '=', recordId).orderBy('d.id').execute()).map(decisionFromRow);
  }

  /**
   * Appends a decision if the reviewer's latest version on this record and stage is still `expectedVersion`; checked
   * and written in one transaction, and the UNIQUE (record, stage, reviewer, version) key backs it up across
   * processes and connections, so a stale form can never overwrite a newer decision.
   */
  async appendDecision(input: NewDecision): Promise<Decision> {
    let id: number;
    try {
      id = await writeTransaction(this.opened, async (trx) => {
        const exists = await trx.selectFrom('review_records').select('id').where('project_id', '=', input.projectId).where('id', '=', input.recordId).executeTakeFirst();
        if (!exists) throw new ExoError('EXO_ERR_REVIEW_NOT_FOUND_RECORD', `review project '${input.projectId}' has no record ${input.recordId}`, { id: String(input.recordId) });
        const previous = await this.decisionQuery(trx)
          .where('d.record_id', '=', input.recordId)
          .where('d.stage', '=', input.stage)
          .where('d.reviewer_id', '=', input.reviewerId)
          .orderBy('d.version', 'desc')
          .limit(1)
          .executeTakeFirst();
        const current = previous?.version ?? 0;
        if (current !== input.expectedVersion) throw this.stale(input, current, previous);
        const { id: newId } = await trx
          .insertInto('review_decisions')
          .values({
            project_id: input.projectId,
            record_id: input.recordId,
            stage: input.stage,
            reviewer_id: input.reviewerId,
            decision: input.decision,
            reason: input.reason ?? null,
            note: input.note ?? null,
            version: current + 1,
            created_at: now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const slim = (d: { decision: string; reason?: string | null; note?: string | null; version: number }) => ({ decision: d.decision, reason: d.reason ?? undefined, note: d.note ?? undefined, version: d.version });
        await this.audit_(trx, input.projectId, input.reviewerId, 'decision', {
          recordId: input.recordId,
          stage: input.stage,
          before: previous ? slim(previous) : null,
          after: slim({ ...input, version: current + 1 }),
        });
        return newId;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw this.stale(input, input.expectedVersion + 1, undefined);
      throw error;
    }
    return decisionFromRow(await this.decisionQuery(this.db).where('d.id', '=', id).executeTakeFirstOrThrow());
  }

  private stale(input: NewDecision, current: number, previous: DecisionRow | undefined): ExoError {
    return new ExoError(
      'EXO_ERR_REVIEW_STALE_DECISION',
      `record ${input.recordId} (${input.stage}) already has your decision version ${current}${previous ? ` (${previous.decision})` : ''}; the form expected version ${input.expectedVersion}: reload it before changing the decision`,
      { id: String(input.recordId), stage: input.stage, currentVersion: current, expectedVersion: input.expectedVersion, current: previous ? decisionFromRow(previous) : undefined },
    );
  }

  private resolutionQuery(db: Db) {
    return db.selectFrom('review_resolutions as r').innerJoin('review_users as u', 'u.id', 'r.resolved_by').selectAll('r').select('u.username as resolver');
  }

  async resolutions(projectId: string, stage?: Stage): Promise<Resolution[]> {
    let query = this.resolutionQuery(this.db).where('r.project_id', '=', projectId);
    if (stage) query = query.where('r.stage', '=', stage);
    return (await query.orderBy('r.id').execute()).map(resolutionFromRow);
  }

  async appendResolution(input: NewResolution): Promise<Resolution> {
    const id = await writeTransaction(this.opened, async (trx) => {
      const previous = await trx.selectFrom('review_resolutions').select(sql<number | null>`max(version)`.as('v')).where('record_id', '=', input.recordId).where('stage', '=', input.stage).executeTakeFirst();
      const version = (previous?.v ?? 0) + 1;
      const { id: newId } = await trx
        .insertInto('review_resolutions')
        .values({
          project_id: input.projectId,
          record_id: input.recordId,
          stage: input.stage,
          decision: input.decision,
          reason: input.reason ?? null,
          method: input.method,
          resolved_by: input.resolvedBy,
          note: input.note ?? null,
          version,
          created_at: now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.audit_(trx, input.projectId, input.resolvedBy, 'resolution', { recordId: input.recordId, stage: input.stage, before: null, after: { decision: input.decision, reason: input.reason, method: input.method, note: input.note, version } });
      return newId;
    });
    return resolutionFromRow(await this.resolutionQuery(this.db).where('r.id', '=', id).executeTakeFirstOrThrow());
  }

  async audit(projectId: string, options: AuditOptions = {}): Promise<{ total: number; items: AuditEntry[] }> {
    let base = this.db.selectFrom('review_audit as a').innerJoin('review_users as u', 'u.id', 'a.user_id').where('a.project_id', '=', projectId);
    if (options.recordId !== undefined) base = base.where('a.record_id', '=', options.recordId);
    if (options.username !== undefined) base = base.where(sql`lower(u.username)`, '=', sql`lower(${options.username})`);
    if (options.stage !== undefined) base = base.where('a.stage', '=', options.stage);
    const { n: total } = await base.select(countAll.as('n')).executeTakeFirstOrThrow();
    const title = this.opened.dialect === 'postgres' ? sql<string | null>`(r.citation::json ->> 'title')` : sql<string | null>`json_extract(r.citation, '$.title')`;
    const rows = await base
      .leftJoin('review_records as r', (join) => join.onRef('r.id', '=', 'a.record_id').onRef('r.project_id', '=', 'a.project_id'))
      .selectAll('a')
      .select(['u.username', title.as('record_title')])
      .orderBy('a.id', 'desc')
      .limit(options.limit ?? 100)
      .offset(options.offset ?? 0)
      .execute();
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
        stage: (r.stage as Stage | null) ?? undefined,
        before: r.before === null ? null : JSON.parse(r.before),
        after: r.after === null ? null : JSON.parse(r.after),
        at: r.at,
      })),
    };
  }

  // ---------------------------------------------------------------- accounts (issue 17): see review-accounts.ts

  createFirstUser(input: { username: string; displayName: string; passwordHash: string }): Promise<User | undefined> {
    return accounts.createFirstUser(this.opened, input);
  }

  listUsers(): Promise<User[]> {
    return accounts.listUsers(this.db);
  }

  setPasswordHash(userId: number, passwordHash: string, keepTokenHash: string | undefined, byUserId: number): Promise<void> {
    return accounts.setPasswordHash(this.opened, userId, passwordHash, keepTokenHash, byUserId);
  }

  setDisabled(userId: number, isDisabled: boolean, byUserId: number): Promise<void> {
    return accounts.setDisabled(this.opened, userId, isDisabled, byUserId);
  }

  deleteSessions(userId: number, byUserId: number): Promise<number> {
    return accounts.deleteSessions(this.opened, userId, byUserId);
  }

  purgeExpiredSessions(at: string): Promise<number> {
    return accounts.purgeExpiredSessions(this.db, at);
  }

  reserveLoginAttempt(attempt: LoginAttempt): Promise<{ lockedUntil?: string }> {
    return accounts.reserveLoginAttempt(this.opened, attempt);
  }

  loginSucceeded(accountKey: string, addressKey: string): Promise<void> {
    return accounts.loginSucceeded(this.opened, accountKey, addressKey);
  }

  purgeLoginThrottle(at: string, before: string): Promise<number> {
    return accounts.purgeLoginThrottle(this.db, at, before);
  }

  loginLocks(at: string): Promise<{ key: string; lockedUntil: string }[]> {
    return accounts.loginLocks(this.db, at);
  }

  clearLoginThrottle(key: string, targetUserId: number, byUserId: number): Promise<void> {
    return accounts.clearLoginThrottle(this.opened, key, targetUserId, byUserId);
  }

  removeMember(projectId: string, userId: number, byUserId: number): Promise<void> {
    return accounts.removeMember(this.opened, projectId, userId, byUserId);
  }

  accountAudit(options?: { username?: string; limit?: number; offset?: number }): Promise<{ total: number; items: AccountAuditEntry[] }> {
    return accounts.accountAudit(this.db, options);
  }
}
