// An experiment, not a model on offer: choose among several classifiers while screening by 5-fold cross-validated AUC
// on the labels so far (re-chosen after each new include and every 25 labels), as nb-adaptive does among naive Bayes
// weightings with leave-one-out. Used by tune.ts ("model": "cv"); findings in RESULTS.md.
import { auc } from '../../packages/review/src/ranking/adaptive-naive-bayes.js';
import type { Classifier, Label } from '../../packages/review/src/ranking/classifier.js';
import type { SparseMatrix } from '../../packages/review/src/ranking/sparse.js';

export class CvSelection implements Classifier {
  private readonly live: Classifier[];
  private chosen = 0;
  private evaluatedAt = { includes: -1, labels: -1 };
  lastScores: number[] = [];

  constructor(private readonly make: readonly (() => Classifier)[], private readonly folds = 5, private readonly margin = 0.02) {
    this.live = make.map((m) => m());
  }

  fit(x: SparseMatrix, labelled: ReadonlyMap<number, Label>): void {
    let n1 = 0;
    for (const l of labelled.values()) n1 += l;
    const n0 = labelled.size - n1;
    const isDue = n1 !== this.evaluatedAt.includes || labelled.size - this.evaluatedAt.labels >= 25;
    if (n1 >= this.folds && n0 >= this.folds && isDue) {
      this.lastScores = this.make.map((m) => this.cvAuc(x, labelled, m));
      let best = 0;
      this.lastScores.forEach((v, k) => {
        if (k > 0 && v > this.lastScores[best]! && v > this.lastScores[0]! + this.margin) best = k;
      });
      this.chosen = best;
      this.evaluatedAt = { includes: n1, labels: labelled.size };
    }
    this.live[this.chosen]!.fit(x, labelled);
  }

  /** Stratified k-fold: rows of each class dealt to the folds in row order. */
  private cvAuc(x: SparseMatrix, labelled: ReadonlyMap<number, Label>, make: () => Classifier): number {
    const rows = [...labelled.keys()].sort((a, b) => a - b);
    const fold = new Map<number, number>();
    const dealt = [0, 0];
    for (const r of rows) {
      const l = labelled.get(r)!;
      fold.set(r, dealt[l]! % this.folds);
      dealt[l]!++;
    }
    const scored: { score: number; label: Label }[] = [];
    for (let f = 0; f < this.folds; f++) {
      const train = new Map<number, Label>();
      for (const r of rows) if (fold.get(r) !== f) train.set(r, labelled.get(r)!);
      const model = make();
      model.fit(x, train);
      for (const r of rows) if (fold.get(r) === f) scored.push({ score: model.score(x, r), label: labelled.get(r)! });
    }
    return auc(scored);
  }

  score(x: SparseMatrix, i: number): number {
    return this.live[this.chosen]!.score(x, i);
  }

  describe(): string {
    return `cross-validated choice: ${this.live[this.chosen]!.describe()}`;
  }
}
