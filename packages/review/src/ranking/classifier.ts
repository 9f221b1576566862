import type { SparseMatrix } from './sparse.js';

/** A label: 1 relevant (included), 0 irrelevant (excluded). */
export type Label = 0 | 1;

/**
 * A text classifier over fixed TF-IDF rows. `fit` is called again and again as decisions arrive: it receives the
 * whole labelled set each time, and models keep what they can from the last fit (warm start), so a refit after one
 * more decision costs little.
 */
export interface Classifier {
  fit(x: SparseMatrix, labelled: ReadonlyMap<number, Label>): void;
  /** The relevance score of row i: higher means more likely relevant; comparable within one fit, not a probability. */
  score(x: SparseMatrix, i: number): number;
  /** What ranks the records now, in words a reviewer can read (shown beside the record being screened). */
  describe(): string;
}
