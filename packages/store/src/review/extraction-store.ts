import { ExoError } from '@exoatlas/schema';
import type { ExtractionStore, FormKind, NewForm, SavedForm, StoredSynthesis } from '@exoatlas/review';
import type { SqliteDatabase } from '../sqlite/open-database.js';

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

const now = (): string => new Date().toISOString();

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

const FORM_SELECT = 'SELECT f.id, f.project_id, f.record_id, f.kind, f.reviewer_id, u.username AS reviewer, f.version, f.data, f.created_by, f.created_at FROM review_forms f LEFT JOIN review_users u ON u.id = f.reviewer_id';

/**
 * Extraction forms, appraisals and syntheses over SQLite (the tables of the extraction migration). A form save is one
 * IMMEDIATE transaction: the stale-write check, the new version and its audit entry, all or nothing; forms are
 * append-only (triggers refuse UPDATE and DELETE), so every saved version stays reproducible.
 */
export class SqliteExtractionStore implements ExtractionStore {
  constructor(readonly db: SqliteDatabase) {}

  async saveForm(input: NewForm): Promise<SavedForm> {
    const key = input.reviewerId ?? 0;
    let id = 0;
    try {
      this.db
        .transaction(() => {
          const exists = this.db.prepare('SELECT 1 FROM review_records WHERE project_id = ? AND id = ?').get(input.projectId, input.recordId);
          if (!exists) throw new ExoError('EXO_ERR_REVIEW_NOT_FOUND_RECORD', `review project '${input.projectId}' has no record ${input.recordId}`, { id: String(input.recordId) });
          const previous = this.db.prepare('SELECT version FROM review_forms WHERE record_id = ? AND kind = ? AND reviewer_key = ? ORDER BY version DESC LIMIT 1').get(input.recordId, input.kind, key) as { version: number } | undefined;
          const current = previous?.version ?? 0;
          if (current !== input.expectedVersion) throw this.stale(input, current);
          const info = this.db
            .prepare('INSERT INTO review_forms (project_id, record_id, kind, reviewer_id, reviewer_key, version, data, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
            .run(input.projectId, input.recordId, input.kind, input.reviewerId, key, current + 1, JSON.stringify(input.data), input.userId, now());
          id = Number(info.lastInsertRowid);
          this.db
            .prepare('INSERT INTO review_audit (project_id, user_id, action, record_id, stage, before, after, at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)')
            .run(input.projectId, input.userId, `${input.kind}${input.reviewerId === null ? '-consensus' : ''}`, input.recordId, JSON.stringify({ version: current }), JSON.stringify({ version: current + 1 }), now());
        })
        .immediate();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw this.stale(input, input.expectedVersion + 1);
      throw error;
    }
    return formFromRow(this.db.prepare(`${FORM_SELECT} WHERE f.id = ?`).get(id) as FormRow);
  }

  private stale(input: NewForm, current: number): ExoError {
    return new ExoError(
      'EXO_ERR_EXTRACT_STALE',
      `the ${input.reviewerId === null ? 'consensus ' : ''}${input.kind} form of record ${input.recordId} is at version ${current}, but the form you saved expected version ${input.expectedVersion}: reload it and apply your changes again`,
      { id: String(input.recordId), kind: input.kind, currentVersion: current, expectedVersion: input.expectedVersion },
    );
  }

  async latestForms(projectId: string, filter: { recordId?: number; kind?: FormKind } = {}): Promise<SavedForm[]> {
    const where = ['f.project_id = ?'];
    const args: (string | number)[] = [projectId];
    if (filter.recordId !== undefined) {
      where.push('f.record_id = ?');
      args.push(filter.recordId);
    }
    if (filter.kind !== undefined) {
      where.push('f.kind = ?');
      args.push(filter.kind);
    }
    const sql = `${FORM_SELECT} WHERE ${where.join(' AND ')} AND f.version = (SELECT MAX(g.version) FROM review_forms g WHERE g.record_id = f.record_id AND g.kind = f.kind AND g.reviewer_key = f.reviewer_key) ORDER BY f.record_id, f.kind, f.reviewer_key = 0, f.reviewer_id`;
    return (this.db.prepare(sql).all(...args) as FormRow[]).map(formFromRow);
  }

  async formHistory(projectId: string, recordId: number, kind: FormKind): Promise<SavedForm[]> {
    return (this.db.prepare(`${FORM_SELECT} WHERE f.project_id = ? AND f.record_id = ? AND f.kind = ? ORDER BY f.id`).all(projectId, recordId, kind) as FormRow[]).map(formFromRow);
  }

  async saveSynthesis(input: { projectId: string; options: unknown; result: unknown; userId: number }): Promise<StoredSynthesis> {
    const info = this.db
      .prepare('INSERT INTO review_syntheses (project_id, options, result, created_by, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(input.projectId, JSON.stringify(input.options), JSON.stringify(input.result), input.userId, now());
    return (await this.getSynthesis(input.projectId, Number(info.lastInsertRowid)))!;
  }

  async syntheses(projectId: string): Promise<StoredSynthesis[]> {
    const rows = this.db.prepare('SELECT id, project_id, options, NULL AS result, created_by, created_at, published_at, NULL AS atlas FROM review_syntheses WHERE project_id = ? ORDER BY id DESC').all(projectId) as SynthesisRow[];
    return rows.map(synthesisFromRow);
  }

  async getSynthesis(projectId: string, id: number): Promise<StoredSynthesis | undefined> {
    const row = this.db.prepare('SELECT * FROM review_syntheses WHERE project_id = ? AND id = ?').get(projectId, id) as SynthesisRow | undefined;
    return row ? synthesisFromRow(row) : undefined;
  }

  async publishSynthesis(projectId: string, id: number, atlas: unknown, userId: number): Promise<StoredSynthesis> {
    this.db
      .transaction(() => {
        const info = this.db.prepare('UPDATE review_syntheses SET published_at = ?, published_by = ?, atlas = ? WHERE project_id = ? AND id = ?').run(now(), userId, JSON.stringify(atlas), projectId, id);
        if (info.changes !== 1) throw new ExoError('EXO_ERR_EXTRACT_NOT_FOUND', `project '${projectId}' has no synthesis ${id}`, { id: String(id) });
        this.db
          .prepare("INSERT INTO review_audit (project_id, user_id, action, record_id, stage, before, after, at) VALUES (?, ?, 'publish-synthesis', NULL, NULL, NULL, ?, ?)")
          .run(projectId, userId, JSON.stringify({ synthesisId: id }), now());
      })
      .immediate();
    return (await this.getSynthesis(projectId, id))!;
  }

  async publishedSyntheses(): Promise<StoredSynthesis[]> {
    const rows = this.db.prepare('SELECT id, project_id, options, NULL AS result, created_by, created_at, published_at, atlas FROM review_syntheses WHERE published_at IS NOT NULL ORDER BY published_at DESC, id DESC').all() as SynthesisRow[];
    return rows.map(synthesisFromRow);
  }
}
