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

/** What a publication puts into the atlas: Study and Claim records, and per-study details (the pooled results). */
export interface AtlasRecords {
  studies: unknown[];
  claims: unknown[];
  details: unknown;
}

/** One version of a project's publication into the atlas (issue 18: the atlas shows each project's latest, unless withdrawn). */
export interface AtlasPublication extends AtlasRecords {
  projectId: string;
  version: number;
  synthesisId: number;
  publishedAt: string;
  publishedBy: number;
  withdrawnAt: string | null;
  withdrawnBy: number | null;
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
  /**
   * Publishes a synthesis into the atlas in one audited transaction: marks the synthesis published, adds a new version
   * of the project's publication (the atlas then shows it, with the search index and the atlas version updated).
   */
  publishSynthesis(projectId: string, id: number, atlas: AtlasRecords, userId: number): Promise<AtlasPublication>;
  /** Withdraws the project's current publication from the atlas (audited); EXO_ERR_EXTRACT_NOT_PUBLISHED when there is none. */
  unpublish(projectId: string, userId: number): Promise<AtlasPublication>;
  /** Every version of the project's publications, oldest first. */
  publications(projectId: string): Promise<AtlasPublication[]>;
  /** What the atlas shows: each project's latest publication, unless withdrawn. */
  currentPublications(): Promise<AtlasPublication[]>;
  /** Every published synthesis of every project, with its atlas records, newest first. */
  publishedSyntheses(): Promise<StoredSynthesis[]>;
}
