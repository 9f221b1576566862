import type { Search } from '../types.js';
import type { ReviewStore } from '../service/review-store.js';
import { ImportBasisChanged, importBasis, planInThread, type ImportPlanner, type SearchFile } from './plan-import.js';

/** How often an import is planned again when other server processes keep importing into the project meanwhile. */
const IMPORT_ATTEMPTS = 5;

/** Where a project's search files came from, as the person importing them says. */
export interface SearchProvenanceInput {
  database: string;
  date: string;
  query: string;
}

/** One import into a review project: who, where, which files. */
export interface ProjectImportJob {
  projectId: string;
  userId: number;
  files: readonly SearchFile[];
  provenance: SearchProvenanceInput;
}

/**
 * Reads, de-duplicates and writes a project's import through `store`: the server runs it in a worker thread with a
 * connection of its own (so neither the parsing nor the inserts hold the request thread), the CLI and tests in
 * their own thread. `mayStillImport` runs after the files are read and before the write (the role may have changed
 * meanwhile) and throws if not.
 */
export async function importIntoProject(store: ReviewStore, job: ProjectImportJob, options: { plan?: ImportPlanner; mayStillImport?: () => Promise<void> } = {}): Promise<Search[]> {
  const plan = options.plan ?? planInThread;
  // Another process's import may land between our plan and our write, which the store detects (ImportBasisChanged):
  // then plan again against the records as they now are.
  for (let attempt = 1; ; attempt++) {
    const existing = await store.citations(job.projectId);
    const { read, plan: made } = await plan(existing, job.files);
    await options.mayStillImport?.();
    try {
      return await store.importSearches(
        job.projectId,
        read.map((f) => ({ ...job.provenance, fileName: f.name, format: f.format, warnings: f.warnings.map((w) => w.message) })),
        { ...made, basis: importBasis(existing) },
        job.userId,
      );
    } catch (error) {
      if (!(error instanceof ImportBasisChanged) || attempt >= IMPORT_ATTEMPTS) throw error;
    }
  }
}

/** Runs a project import somewhere (this thread by default; the server's worker pool). */
export type ProjectImporter = (job: ProjectImportJob) => Promise<Search[]>;
