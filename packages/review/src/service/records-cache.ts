import type { ReviewRecord } from '../types.js';
import type { ReviewStore } from './review-store.js';

/** How many projects' records one service keeps parsed (a 10,000-record project holds tens of MB). */
const DEFAULT_PROJECTS = 4;

/**
 * A project's records, read and parsed once and kept while `store.recordsVersion` (an aggregate read from the
 * database, not this process's memory: another server process or the CLI may write) stays the same. Reading and
 * parsing 10,000 records with their citations takes 80–170 ms of the request thread; the version query about 3 ms.
 * The arrays handed out are shared: callers must not change them.
 */
export class RecordsCache {
  private readonly projects = new Map<string, { version: string; records: Promise<ReviewRecord[]> }>();

  constructor(
    private readonly store: ReviewStore,
    private readonly maxProjects = DEFAULT_PROJECTS,
  ) {}

  async records(projectId: string): Promise<ReviewRecord[]> {
    // The version is read before the records: a write landing between the two leaves newer records under an older
    // key, which the next call replaces; never older records under a newer key.
    const version = await this.store.recordsVersion(projectId);
    const cached = this.projects.get(projectId);
    if (cached && cached.version === version) {
      // Most recently used last (Map keeps insertion order): the first entry is the one to evict.
      this.projects.delete(projectId);
      this.projects.set(projectId, cached);
      return cached.records;
    }
    const records = this.store.records(projectId);
    this.projects.delete(projectId);
    this.projects.set(projectId, { version, records });
    // A failed read is not kept: the next call reads again.
    records.catch(() => this.projects.get(projectId)?.records === records && this.projects.delete(projectId));
    while (this.projects.size > this.maxProjects) this.projects.delete(this.projects.keys().next().value!);
    return records;
  }

  /** Drops a project's records (its records changed here); the version would notice anyway, this only frees memory sooner. */
  forget(projectId: string): void {
    this.projects.delete(projectId);
  }
}
