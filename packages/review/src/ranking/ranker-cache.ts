import type { Classifier, Label } from './classifier.js';
import type { ModelName } from './models.js';
import { Ranker, type Ranking } from './ranker.js';

/**
 * One refit of one reviewer's ranking, as plain data (it crosses to a worker thread by structured clone): which
 * features (project, records key, model, query), the reviewer, and the labels by row. The record texts travel only
 * when the holder of the features lacks them (it answers `needsTexts`): a refit sends labels and receives scores.
 */
export interface RankJob {
  projectId: string;
  /** Identifies the project's records and criteria (records are only appended: count, last id, the query text). */
  recordsKey: string;
  model?: ModelName;
  query: string;
  userId: number;
  /** Row numbers (positions in the project's records) and their labels, side by side. */
  rows: Int32Array;
  labels: Uint8Array;
  /** The records' texts in row order; sent again after a `needsTexts` answer. */
  texts?: string[];
}

export type RankReply = { ranking: Ranking } | { needsTexts: true };

/** Projects whose features one holder keeps (a 10,000-record project's TF-IDF matrix is some tens of MB). */
const DEFAULT_PROJECTS = 4;

interface Features {
  key: string;
  ranker: Ranker;
  /** A classifier per reviewer, kept so that each refit starts from the last one (warm start). */
  classifiers: Map<number, Classifier>;
}

/**
 * The features and classifiers of the projects ranked lately, answering RankJobs: in the server's ranking worker (one
 * thread, so every job of a project finds them) or on the caller's thread when there is no server (the CLI).
 */
export class RankerCache {
  private readonly projects = new Map<string, Features>();

  constructor(private readonly maxProjects = DEFAULT_PROJECTS) {}

  rank(job: RankJob): RankReply {
    const key = `${job.model ?? ''}|${job.recordsKey}|${job.query}`;
    let features = this.projects.get(job.projectId);
    if (!features || features.key !== key) {
      if (!job.texts) return { needsTexts: true };
      features = { key, ranker: new Ranker(job.texts, { model: job.model, query: job.query }), classifiers: new Map() };
    }
    // Most recently used last, the least recently used evicted first.
    this.projects.delete(job.projectId);
    this.projects.set(job.projectId, features);
    while (this.projects.size > this.maxProjects) this.projects.delete(this.projects.keys().next().value!);
    let classifier = features.classifiers.get(job.userId);
    if (!classifier) {
      classifier = features.ranker.newClassifier();
      features.classifiers.set(job.userId, classifier);
    }
    const labels = new Map<number, Label>();
    for (let i = 0; i < job.rows.length; i++) labels.set(job.rows[i]!, job.labels[i] as Label);
    return { ranking: features.ranker.rank(labels, classifier) };
  }

  forget(projectId: string): void {
    this.projects.delete(projectId);
  }
}
