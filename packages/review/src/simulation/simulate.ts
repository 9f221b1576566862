import type { Classifier, Label } from '../ranking/classifier.js';
import { createClassifier, DEFAULT_MODEL, type ModelName } from '../ranking/models.js';
import type { SparseMatrix } from '../ranking/sparse.js';
import { mulberry32, randomIndex } from './prng.js';

export interface SimulationOptions {
  seed: number;
  model?: ModelName;
  /** A classifier of your own (an experiment's settings), used instead of `model`'s. */
  classifier?: Classifier;
  /** Called after each record screened (k = records screened so far). */
  onProgress?: (k: number, n: number) => void;
}

/** The two starting records a seed chooses: one random included, then one random excluded (mulberry32(seed)). */
export function startingRecords(labels: readonly Label[], seed: number): [number, number] {
  const included: number[] = [];
  const excluded: number[] = [];
  labels.forEach((l, i) => (l === 1 ? included : excluded).push(i));
  const random = mulberry32(seed);
  return [included[randomIndex(random, included.length)]!, excluded[randomIndex(random, excluded.length)]!];
}

/**
 * Simulates prioritised screening on a fully labelled set: starting from one random included and one random excluded
 * record (chosen by the seed), it repeatedly trains the classifier on every label seen so far, ranks the unscreened
 * records and "screens" the top one (revealing its label), until every record is screened. Ties go to the lower row.
 * Returns the rows in the order screened. Deterministic for a given seed, model and input.
 */
export function simulateScreening(x: SparseMatrix, labels: readonly Label[], options: SimulationOptions): number[] {
  const n = labels.length;
  const [first, second] = startingRecords(labels, options.seed);
  const classifier: Classifier = options.classifier ?? createClassifier(options.model ?? DEFAULT_MODEL);
  const labelled = new Map<number, Label>([
    [first, labels[first]!],
    [second, labels[second]!],
  ]);
  const order = [first, second];
  const isScreened = new Uint8Array(n);
  isScreened[first] = 1;
  isScreened[second] = 1;
  while (order.length < n) {
    classifier.fit(x, labelled);
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < n; i++) {
      if (isScreened[i]) continue;
      const s = classifier.score(x, i);
      if (s > bestScore || best === -1) {
        best = i;
        bestScore = s;
      }
    }
    isScreened[best] = 1;
    order.push(best);
    labelled.set(best, labels[best]!);
    options.onProgress?.(order.length, n);
  }
  return order;
}
