import type { Classifier, Label } from './classifier.js';
import { createClassifier, DEFAULT_MODEL, featuresFor, type ModelName } from './models.js';
import { dotRow, type SparseMatrix } from './sparse.js';
import { tfidf } from './tfidf.js';
import { tokenize } from './tokenize.js';

export interface RankerOptions {
  model?: ModelName;
  /** Text that ranks the records until there is at least one include and one exclude (the review question and criteria). */
  query?: string;
}

export interface Ranking {
  /** A relevance score per row, 0–1, higher first: the classifier's margin through a logistic curve, or the cosine similarity to the query before the model can be trained. Not a calibrated probability. */
  scores: Float64Array;
  /** "model" once trained on both classes; "query" before; "unavailable" when the ranking job failed its budget (import order then, with `warning`). */
  basis: 'model' | 'query' | 'unavailable';
  /** Milliseconds the refit and scoring took. */
  millis: number;
  /** What ranked the records, in words: the model (basis "model") or the question and criteria ("query"). */
  description: string;
  /** Why the records are not ranked (basis "unavailable"): the job's error code and message. */
  warning?: { code: string; message: string };
}

/**
 * Prioritised ranking for one project: TF-IDF features built once over its records (and the query), shared by the
 * reviewers' classifiers, each refit as labels arrive (warm start, so a refit after a decision takes milliseconds even for 10,000 records).
 */
export class Ranker {
  private readonly x: SparseMatrix;
  private readonly model: ModelName;
  readonly size: number;

  constructor(texts: readonly string[], options: RankerOptions = {}) {
    this.size = texts.length;
    this.model = options.model ?? DEFAULT_MODEL;
    // The query keeps only its content words: the default features keep stop words (as ELAS u4 does), and a question
    // is mostly function words, which would rank records by how they are phrased.
    this.x = tfidf([...texts, tokenize(options.query ?? '').join(' ')], featuresFor(this.model));
  }

  /** A classifier for one reviewer's labels (keep it: later `rank` calls refit it from where it was). */
  newClassifier(): Classifier {
    return createClassifier(this.model);
  }

  /** Scores every row from the labels (row → 0/1), refitting the classifier. */
  rank(labels: ReadonlyMap<number, Label>, classifier: Classifier): Ranking {
    const started = performance.now();
    const scores = new Float64Array(this.size);
    let positives = 0;
    for (const l of labels.values()) positives += l;
    const isTrainable = positives > 0 && positives < labels.size;
    if (isTrainable) {
      classifier.fit(this.x, labels);
      for (let i = 0; i < this.size; i++) scores[i] = 1 / (1 + Math.exp(-classifier.score(this.x, i)));
    } else {
      const query = this.size;
      const q = new Float64Array(this.x.cols);
      for (let k = this.x.rowPtr[query]!, end = this.x.rowPtr[query + 1]!; k < end; k++) q[this.x.colIdx[k]!] = this.x.values[k]!;
      for (let i = 0; i < this.size; i++) scores[i] = dotRow(this.x, i, q);
    }
    const description = isTrainable ? classifier.describe() : 'similarity to the question and criteria, until there is at least one include and one exclude';
    return { scores, basis: isTrainable ? 'model' : 'query', millis: performance.now() - started, description };
  }
}
