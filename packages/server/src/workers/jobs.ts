import { readCitations, type CitationFormat, type CitationRecord, type LiteratureWarning } from '@exoatlas/literature';
import { importIntoProject, planInThread, RankerCache, requireRole, synthesise, type SynthesisOptions, type SynthesisResult, type SynthesisStudy, type ProjectImportJob, type RankJob, type RankReply, type Search, type SearchFile } from '@exoatlas/review';
import { KyselyLiteratureStore, KyselyReviewStore, openKysely, searchIndexFor, type ImportSummary, type SearchProvenance } from '@exoatlas/store';
import { analyseTable, forestPlot, funnelPlot, parseCsv, type AnalysisOptions, type MetaResult } from '@exoatlas/meta';

/** A meta-analysis as POST /api/meta asks for it: the data (records or CSV text), the options, and whether to draw. */
export interface MetaJob {
  rows?: Record<string, string | number | null>[];
  csv?: string;
  plots: boolean;
  options: AnalysisOptions;
}

export interface MetaJobResult {
  result: MetaResult;
  svg?: { forest: string; funnel: string };
}

/** The whole analysis: table, model, permutations, leave-one-out, bias and the plots (all CPU, no I/O). */
export function runMeta(job: MetaJob): MetaJobResult {
  const table = job.rows ?? parseCsv(job.csv!);
  const result = analyseTable(table, job.options);
  return { result, svg: job.plots ? { forest: forestPlot(result), funnel: funnelPlot(result) } : undefined };
}

export interface ParseJob {
  content: Uint8Array | string;
  fileName: string;
  format?: CitationFormat;
}

export interface ParseJobResult {
  format: CitationFormat;
  records: CitationRecord[];
  warnings: LiteratureWarning[];
}

/** A search export read into records (format detection, decoding, field tables): the CPU part of an import. */
export async function runParse(job: ParseJob): Promise<ParseJobResult> {
  return readCitations(job.content, { fileName: job.fileName, format: job.format });
}

export interface ImportJob extends ParseJob {
  /** The database (SQLite file or PostgreSQL URL): the worker writes through its own connection, so the request thread neither copies nor inserts the records. */
  databaseUrl: string;
  provenance: SearchProvenance;
  /** How long the worker waits for another writer (an import in another worker, `exoatlas import`). */
  busyTimeoutMs: number;
}

/** A whole literature import in the worker: read every record first (no lock held), then insert them in one transaction. */
export async function runImport(job: ImportJob): Promise<ImportSummary> {
  const parsed = await runParse(job);
  // The server has brought the schema up to date already: no migrations here.
  const database = openKysely({ url: job.databaseUrl, poolSize: 1, busyTimeoutMs: job.busyTimeoutMs });
  try {
    return await new KyselyLiteratureStore(database, searchIndexFor(database.dialect)).importParsed(parsed, job.provenance);
  } finally {
    await database.db.destroy();
  }
}

export interface ReviewImportJob {
  existing: Parameters<typeof planInThread>[0];
  files: SearchFile[];
}

/** A review project's import: its files read and de-duplicated against each other and the project's records. */
export function runReviewImport(job: ReviewImportJob): ReturnType<typeof planInThread> {
  return planInThread(job.existing, job.files);
}

export interface ProjectImportWorkerJob extends ProjectImportJob {
  files: SearchFile[];
  /** The database (SQLite file or PostgreSQL URL) the worker opens: the records never cross to the request thread. */
  databaseUrl: string;
  busyTimeoutMs: number;
}

/**
 * A whole review-project import in the worker: the project's records read, the files read and de-duplicated against
 * them, the importer's role checked again, and everything written in one transaction through the worker's connection.
 */
export async function runProjectImport(job: ProjectImportWorkerJob): Promise<Search[]> {
  const database = openKysely({ url: job.databaseUrl, poolSize: 1, busyTimeoutMs: job.busyTimeoutMs });
  try {
    const store = new KyselyReviewStore(database);
    return await importIntoProject(store, job, { mayStillImport: async () => void requireRole(await store.memberRole(job.projectId, job.userId), 'import', job.projectId) });
  } finally {
    await database.db.destroy();
  }
}

export interface SynthesisJob {
  studies: SynthesisStudy[];
  options: SynthesisOptions;
}

/** A review project's synthesis: the analysis table, the model with its sensitivity analyses, and the plots (CPU only). */
export function runSynthesis(job: SynthesisJob): SynthesisResult {
  return synthesise(job.studies, job.options);
}

/**
 * This thread's ranking features and classifiers. The ranking pool has one thread (pooled-ranking.ts), so every job of
 * a project finds them here; the request thread only sends labels and receives scores.
 */
const rankers = new RankerCache();

/** One reviewer's refit and scores; `needsTexts` when this thread lacks the project's features (first job, or a fresh thread). */
export function runRank(job: RankJob): RankReply {
  return rankers.rank(job);
}

/** Every job the pool runs, by name: the worker and the in-thread fallback share this table. */
export const JOBS = { meta: runMeta, parse: runParse, import: runImport, reviewImport: runReviewImport, projectImport: runProjectImport, synthesise: runSynthesis, rank: runRank } as const;
export type JobName = keyof typeof JOBS;
export type JobInput<N extends JobName> = Parameters<(typeof JOBS)[N]>[0];
export type JobOutput<N extends JobName> = Awaited<ReturnType<(typeof JOBS)[N]>>;
