import type { Classifier, Label } from './classifier.js';
import { LinearSvm } from './linear-svm.js';
import { NaiveBayes } from './naive-bayes.js';
import type { SparseMatrix } from './sparse.js';

/**
 * The linear SVM and naive Bayes together: each model's score divided by its standard deviation over the labelled
 * rows (so neither dominates by scale), then summed. The two err on different records; the sum ranks more steadily.
 */
export class SvmNaiveBayes implements Classifier {
  private readonly models: Classifier[];
  private scales: number[] = [1, 1];

  constructor(options: { c?: number } = {}) {
    this.models = [new LinearSvm({ c: options.c ?? 0.3 }), new NaiveBayes()];
  }

  fit(x: SparseMatrix, labelled: ReadonlyMap<number, Label>): void {
    this.scales = this.models.map((model) => {
      model.fit(x, labelled);
      let sum = 0;
      let squares = 0;
      for (const row of labelled.keys()) {
        const s = model.score(x, row);
        sum += s;
        squares += s * s;
      }
      const n = labelled.size;
      const variance = n > 1 ? (squares - (sum * sum) / n) / (n - 1) : 1;
      return variance > 0 ? 1 / Math.sqrt(variance) : 1;
    });
  }

  score(x: SparseMatrix, i: number): number {
    return this.models[0]!.score(x, i) * this.scales[0]! + this.models[1]!.score(x, i) * this.scales[1]!;
  }
}
