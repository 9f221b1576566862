/**
 * Persistence of extraction forms, appraisals and syntheses (implemented by packages/store over SQLite). Forms are
 * append-only: each save is a new version of one reviewer's (or the consensus) form, written in one transaction
 * with its stale-write check, so a save either lands whole or not at all.
 */

export const FORM_KINDS = ['extraction', 'rob', 'misev'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

export interface SavedForm {
  id: number;
  projectId: string;
  recordId: number;
  kind: FormKind;
  /** the reviewer whose form this is; null for the consensus form */
  reviewerId: number | null;
  reviewer: string | null;
  /** 1 for the first save of this reviewer's (or the consensus) form of this record and kind, then 2, 3, … */
  version: number;
  data: unknown;
  createdBy: number;
  createdAt: string;
}

export interface NewForm {
  projectId: string;
  recordId: number;
  kind: FormKind;
  reviewerId: number | null;
  data: unknown;
  /** the version the client loaded (0 for a new form); otherwise the write fails with EXO_ERR_EXTRACT_STALE */
  expectedVersion: number;
  userId: number;
}

export interface StoredSynthesis {
  id: number;
  projectId: string;
  options: unknown;
  /** the synthesis JSON (options, derived table, results, warnings) */
  result: unknown;
  createdBy: number;
  createdAt: string;
  publishedAt: string | null;
  /** the atlas records published with it */
  atlas: unknown;
}

export interface ExtractionStore {
  saveForm(input: NewForm): Promise<SavedForm>;
  /** The latest version of every form of a project (per record, kind and reviewer, consensus included). */
  latestForms(projectId: string, filter?: { recordId?: number; kind?: FormKind }): Promise<SavedForm[]>;
  /** Every version of the forms of one record and kind, oldest first. */
  formHistory(projectId: string, recordId: number, kind: FormKind): Promise<SavedForm[]>;
  saveSynthesis(input: { projectId: string; options: unknown; result: unknown; userId: number }): Promise<StoredSynthesis>;
  /** The project's saved syntheses, newest first, without their result bodies (result: null). */
  syntheses(projectId: string): Promise<StoredSynthesis[]>;
  getSynthesis(projectId: string, id: number): Promise<StoredSynthesis | undefined>;
  /** Marks a synthesis as published to the atlas, storing the atlas records made from it. */
  publishSynthesis(projectId: string, id: number, atlas: unknown, userId: number): Promise<StoredSynthesis>;
  /** Every published synthesis of every project, with its atlas records, newest first. */
  publishedSyntheses(): Promise<StoredSynthesis[]>;
}
