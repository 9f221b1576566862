import { sql, type Kysely } from 'kysely';
import { ExoError } from '@exoatlas/schema';
import type { AtlasPublication, AtlasRecords, ExtractionStore, FormKind, NewForm, SavedForm, StoredSynthesis } from '@exoatlas/review';
import type { Database, OpenedDatabase } from './database.js';
import { isUniqueViolation, writeTransaction } from './transaction.js';
import type { SearchIndex } from './search/index.js';
import { currentPublications, lockAtlas, publicationFromRow, publicationsChanged } from './published-atlas.js';

const now = (): string => new Date().toISOString();

interface FormRow {
  id: number;
  project_id: string;
  record_id: number;
  kind: FormKind;
  reviewer_id: number | null;
  reviewer: string | null;
  version: number;
  data: string;
  created_by: number;
  created_at: string;
}

interface SynthesisRow {
  id: number;
  project_id: string;
  options: string;
  result: string | null;
  created_by: number;
  created_at: string;
  published_at: string | null;
  atlas: string | null;
}

const formFromRow = (r: FormRow): SavedForm => ({
  id: r.id,
  projectId: r.project_id,
  recordId: r.record_id,
  kind: r.kind,
  reviewerId: r.reviewer_id,
  reviewer: r.reviewer,
  version: r.version,
  data: JSON.parse(r.data),
  createdBy: r.created_by,
  createdAt: r.created_at,
});

/** A published Study's origin with its publication version and time (records without an origin object are left alone). */
function stampOrigin(study: unknown, version: number, at: string): unknown {
  const s = study as { origin?: Record<string, unknown> };
  return s && typeof s === 'object' && s.origin && typeof s.origin === 'object' ? { ...s, origin: { ...s.origin, version, publishedAt: at } } : study;
}

const synthesisFromRow = (r: SynthesisRow): StoredSynthesis => ({
  id: r.id,
  projectId: r.project_id,
  options: JSON.parse(r.options),
  result: r.result === null ? null : JSON.parse(r.result),
  createdBy: r.created_by,
  createdAt: r.created_at,
  publishedAt: r.published_at,
  atlas: r.atlas === null ? null : JSON.parse(r.atlas),
});

/**
 * Extraction forms, appraisals and syntheses on either dialect. A form save is one transaction: the stale-write check,
 * the new version and its audit entry, all or nothing; forms are append-only (the database refuses UPDATE and DELETE),
 * so every saved version stays reproducible.
 */
export class KyselyExtractionStore implements ExtractionStore {
  constructor(
    private readonly opened: OpenedDatabase,
    /** The atlas search index, which a publication updates in its transaction. */
    private readonly index: SearchIndex,
  ) {}

  private formQuery(db: Kysely<Database>) {
    return db
      .selectFrom('review_forms as f')
      .leftJoin('review_users as u', 'u.id', 'f.reviewer_id')
      .select(['f.id', 'f.project_id', 'f.record_id', 'f.kind', 'f.reviewer_id', 'u.username as reviewer', 'f.version', 'f.data', 'f.created_by', 'f.created_at']);
  }

  async saveForm(input: NewForm): Promise<SavedForm> {
    const key = input.reviewerId ?? 0;
    let id: number;
    try {
      id = await writeTransaction(this.opened, async (trx) => {
        const exists = await trx.selectFrom('review_records').select('id').where('project_id', '=', input.projectId).where('id', '=', input.recordId).executeTakeFirst();
        if (!exists) throw new ExoError('EXO_ERR_REVIEW_NOT_FOUND_RECORD', `review project '${input.projectId}' has no record ${input.recordId}`, { id: String(input.recordId) });
        const previous = await trx
          .selectFrom('review_forms')
          .select('version')
          .where('record_id', '=', input.recordId)
          .where('kind', '=', input.kind)
          .where('reviewer_key', '=', key)
          .orderBy('version', 'desc')
          .limit(1)
          .executeTakeFirst();
        const current = previous?.version ?? 0;
        if (current !== input.expectedVersion) throw this.stale(input, current);
        const at = now();
        const { id: newId } = await trx
          .insertInto('review_forms')
          .values({ project_id: input.projectId, record_id: input.recordId, kind: input.kind, reviewer_id: input.reviewerId, reviewer_key: key, version: current + 1, data: JSON.stringify(input.data), created_by: input.userId, created_at: at })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('review_audit')
          .values({
            project_id: input.projectId,
            user_id: input.userId,
            action: `${input.kind}${input.reviewerId === null ? '-consensus' : ''}`,
            record_id: input.recordId,
            stage: null,
            before: JSON.stringify({ version: current }),
            after: JSON.stringify({ version: current + 1 }),
            at,
          })
          .execute();
        return newId;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw this.stale(input, input.expectedVersion + 1);
      throw error;
    }
    return formFromRow(await this.formQuery(this.opened.db).where('f.id', '=', id).executeTakeFirstOrThrow());
  }

  private stale(input: NewForm, current: number): ExoError {
    return new ExoError(
      'EXO_ERR_EXTRACT_STALE',
      `the ${input.reviewerId === null ? 'consensus ' : ''}${input.kind} form of record ${input.recordId} is at version ${current}, but the form you saved expected version ${input.expectedVersion}: reload it and apply your changes again`,
      { id: String(input.recordId), kind: input.kind, currentVersion: current, expectedVersion: input.expectedVersion },
    );
  }

  async latestForms(projectId: string, filter: { recordId?: number; kind?: FormKind } = {}): Promise<SavedForm[]> {
    let query = this.formQuery(this.opened.db).where('f.project_id', '=', projectId);
    if (filter.recordId !== undefined) query = query.where('f.record_id', '=', filter.recordId);
    if (filter.kind !== undefined) query = query.where('f.kind', '=', filter.kind);
    const rows = await query
      .where('f.version', '=', (eb) =>
        eb
          .selectFrom('review_forms as g')
          .select(sql<number>`max(g.version)`.as('v'))
          .whereRef('g.record_id', '=', 'f.record_id')
          .whereRef('g.kind', '=', 'f.kind')
          .whereRef('g.reviewer_key', '=', 'f.reviewer_key'),
      )
      .orderBy('f.record_id')
      .orderBy('f.kind')
      // The consensus form (reviewer_key 0) after the reviewers' forms, as the SQLite store ordered them.
      .orderBy(sql`f.reviewer_key = 0`)
      .orderBy('f.reviewer_id')
      .execute();
    return rows.map(formFromRow);
  }

  async formHistory(projectId: string, recordId: number, kind: FormKind): Promise<SavedForm[]> {
    const rows = await this.formQuery(this.opened.db).where('f.project_id', '=', projectId).where('f.record_id', '=', recordId).where('f.kind', '=', kind).orderBy('f.id').execute();
    return rows.map(formFromRow);
  }

  async saveSynthesis(input: { projectId: string; options: unknown; result: unknown; userId: number }): Promise<StoredSynthesis> {
    const { id } = await this.opened.db
      .insertInto('review_syntheses')
      .values({ project_id: input.projectId, options: JSON.stringify(input.options), result: JSON.stringify(input.result), created_by: input.userId, created_at: now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    return (await this.getSynthesis(input.projectId, id))!;
  }

  async syntheses(projectId: string): Promise<StoredSynthesis[]> {
    const rows = await this.opened.db
      .selectFrom('review_syntheses')
      .select(['id', 'project_id', 'options', sql<null>`NULL`.as('result'), 'created_by', 'created_at', 'published_at', sql<null>`NULL`.as('atlas')])
      .where('project_id', '=', projectId)
      .orderBy('id', 'desc')
      .execute();
    return rows.map(synthesisFromRow);
  }

  async getSynthesis(projectId: string, id: number): Promise<StoredSynthesis | undefined> {
    const row = await this.opened.db.selectFrom('review_syntheses').selectAll().where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
    return row ? synthesisFromRow(row) : undefined;
  }

  async publishSynthesis(projectId: string, id: number, atlas: AtlasRecords, userId: number): Promise<AtlasPublication> {
    return writeTransaction(this.opened, async (trx) => {
      await lockAtlas(trx, this.opened.dialect);
      const at = now();
      const result = await trx.updateTable('review_syntheses').set({ published_at: at, published_by: userId, atlas: JSON.stringify(atlas) }).where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new ExoError('EXO_ERR_EXTRACT_NOT_FOUND', `project '${projectId}' has no synthesis ${id}`, { id: String(id) });
      // Publishing again is a new version: the earlier ones stay, as the record of what the atlas showed when.
      const last = await trx.selectFrom('atlas_publications').select(sql<number>`max(version)`.as('v')).where('project_id', '=', projectId).executeTakeFirst();
      const version = Number(last?.v ?? 0) + 1;
      // Each study's origin names the version it was published in, known only here.
      const studies = atlas.studies.map((s) => stampOrigin(s, version, at));
      const row = { project_id: projectId, version, synthesis_id: id, studies: JSON.stringify(studies), claims: JSON.stringify(atlas.claims), details: JSON.stringify(atlas.details ?? null), published_at: at, published_by: userId, withdrawn_at: null, withdrawn_by: null };
      await trx.insertInto('atlas_publications').values(row).execute();
      await trx
        .insertInto('review_audit')
        .values({ project_id: projectId, user_id: userId, action: 'publish-synthesis', record_id: null, stage: null, before: JSON.stringify({ version: version - 1 }), after: JSON.stringify({ synthesisId: id, version, studies: atlas.studies.length }), at })
        .execute();
      await publicationsChanged(trx, this.index);
      return publicationFromRow(row);
    });
  }

  async unpublish(projectId: string, userId: number): Promise<AtlasPublication> {
    return writeTransaction(this.opened, async (trx) => {
      await lockAtlas(trx, this.opened.dialect);
      const current = (await currentPublications(trx)).find((p) => p.projectId === projectId);
      if (!current) throw new ExoError('EXO_ERR_EXTRACT_NOT_PUBLISHED', `project '${projectId}' has nothing in the atlas to unpublish`, { id: projectId });
      const at = now();
      await trx.updateTable('atlas_publications').set({ withdrawn_at: at, withdrawn_by: userId }).where('project_id', '=', projectId).where('version', '=', current.version).execute();
      await trx
        .insertInto('review_audit')
        .values({ project_id: projectId, user_id: userId, action: 'unpublish', record_id: null, stage: null, before: JSON.stringify({ version: current.version, synthesisId: current.synthesisId }), after: JSON.stringify({ withdrawn: true }), at })
        .execute();
      await publicationsChanged(trx, this.index);
      return { ...current, withdrawnAt: at, withdrawnBy: userId };
    });
  }

  async publications(projectId: string): Promise<AtlasPublication[]> {
    const rows = await this.opened.db.selectFrom('atlas_publications').selectAll().where('project_id', '=', projectId).orderBy('version').execute();
    return rows.map(publicationFromRow);
  }

  async currentPublications(): Promise<AtlasPublication[]> {
    return currentPublications(this.opened.db);
  }

  async publishedSyntheses(): Promise<StoredSynthesis[]> {
    const rows = await this.opened.db
      .selectFrom('review_syntheses')
      .select(['id', 'project_id', 'options', sql<null>`NULL`.as('result'), 'created_by', 'created_at', 'published_at', 'atlas'])
      .where('published_at', 'is not', null)
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(synthesisFromRow);
  }
}
