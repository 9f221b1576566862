import { classWeights, describeIncludeShare, DOUBLE_BALANCE } from './balance.js';
import type { Classifier, Label } from './classifier.js';
import { ClassSums } from './class-sums.js';
import { dotRow, type SparseMatrix } from './sparse.js';

/** One setting of the naive Bayes model: smoothing α and the share of the training weight the includes get. */
export interface NaiveBayesSetting {
  alpha: number;
  includeShare: number;
}

export interface AdaptiveNaiveBayesOptions {
  /** The candidate settings; the first is used until there are enough labels to compare them. */
  settings?: readonly NaiveBayesSetting[];
  /** Compare the settings only once at least this many includes and excludes are known (default 3). */
  minPerClass?: number;
  /** Leave the first setting only for one whose AUC is higher by more than this (default 0.02: fewer needless switches). */
  margin?: number;
}

export const DEFAULT_SETTINGS: readonly NaiveBayesSetting[] = [
  { alpha: 3.822, includeShare: 0.5 },
  { alpha: 3.822, includeShare: 0.8 },
  { alpha: 3.822, includeShare: 0.95 },
];

/**
 * Multinomial naive Bayes (as `NaiveBayes`) whose smoothing and class weighting are chosen while screening: after
 * each new include (and every 25 labels, and whenever a decision changed), every candidate setting is scored by the leave-one-out AUC on the labelled
 * records — each record scored by the model fitted without it, includes against excludes (Mann–Whitney U / n₁n₀) —
 * and the best setting ranks the unscreened records (the first, classes weighted alike, unless another beats it by
 * more than `margin`). Leaving one record out only changes that record's columns, the
 * class totals and the class weights, so the whole leave-one-out pass costs one pass over the labelled rows per
 * setting. Why: which weighting finds the last includes soonest differs between reviews by 10–15 points of WSS@95
 * (bench/screening/RESULTS.md), and the labels seen so far tell which one fits this review.
 */
export class AdaptiveNaiveBayes implements Classifier {
  private readonly settings: readonly NaiveBayesSetting[];
  private readonly minPerClass: number;
  private readonly margin: number;
  private sums: ClassSums | undefined;
  private weights: Float64Array | undefined;
  private offset = 0;
  private chosen = 0;
  private evaluatedAt = { includes: -1, labels: -1 };
  /** The leave-one-out AUC of each setting at the last comparison (empty before the first). */
  lastScores: number[] = [];

  constructor(options: AdaptiveNaiveBayesOptions = {}) {
    this.settings = options.settings ?? DEFAULT_SETTINGS;
    this.minPerClass = options.minPerClass ?? 3;
    this.margin = options.margin ?? 0.02;
  }

  /** The index of the setting in use. */
  get selected(): number {
    return this.chosen;
  }

  fit(x: SparseMatrix, labelled: ReadonlyMap<number, Label>): void {
    if (!this.sums?.fits(x)) {
      this.sums = new ClassSums(x);
      this.weights = new Float64Array(x.cols);
      this.chosen = 0;
      this.evaluatedAt = { includes: -1, labels: -1 };
    }
    const sums = this.sums;
    const isRelabelled = sums.update(labelled);
    const [n0, n1] = sums.counts;
    const isDue = isRelabelled || n1 !== this.evaluatedAt.includes || labelled.size - this.evaluatedAt.labels >= 25;
    if (this.settings.length > 1 && n0 >= this.minPerClass && n1 >= this.minPerClass && isDue) {
      this.lastScores = this.settings.map((s) => this.leaveOneOutAuc(s));
      let best = 0;
      this.lastScores.forEach((v, k) => {
        if (k > 0 && v > this.lastScores[best]! && v > this.lastScores[0]! + this.margin) best = k;
      });
      this.chosen = best;
      this.evaluatedAt = { includes: n1, labels: labelled.size };
    }
    const setting = this.settings[this.chosen]!;
    const [f0, f1] = classWeights(n1, n0, 'classes', DOUBLE_BALANCE, setting.includeShare);
    this.offset = sums.logOdds(f0, f1, setting.alpha, this.weights!);
  }

  /** AUC of the leave-one-out scores of the labelled records under one setting. */
  private leaveOneOutAuc(setting: NaiveBayesSetting): number {
    const { x, sums: [s0, s1], rowSums: rs, counts, totals } = this.sums!;
    const a = setting.alpha;
    const av = a * this.sums!.usedColumns;
    const scored: { score: number; label: Label }[] = [];
    for (const [row, label] of this.sums!.known) {
      const n0 = counts[0] - (label === 0 ? 1 : 0);
      const n1 = counts[1] - (label === 1 ? 1 : 0);
      if (n0 === 0 || n1 === 0) continue;
      const [f0, f1] = classWeights(n1, n0, 'classes', DOUBLE_BALANCE, setting.includeShare);
      const t0 = totals[0] - (label === 0 ? rs[row]! : 0);
      const t1 = totals[1] - (label === 1 ? rs[row]! : 0);
      let score = rs[row]! * (Math.log(f0 * t0 + av) - Math.log(f1 * t1 + av));
      for (let p = x.rowPtr[row]!, end = x.rowPtr[row + 1]!; p < end; p++) {
        const j = x.colIdx[p]!;
        const xv = x.values[p]!;
        const own0 = label === 0 ? xv : 0;
        const own1 = label === 1 ? xv : 0;
        score += xv * (Math.log(f1 * Math.max(s1[j]! - own1, 0) + a) - Math.log(f0 * Math.max(s0[j]! - own0, 0) + a));
      }
      scored.push({ score, label });
    }
    return auc(scored);
  }

  describe(): string {
    const setting = this.settings[this.chosen]!;
    const share = describeIncludeShare(setting.includeShare);
    if (this.lastScores.length === 0) return `naive Bayes on TF-IDF word and word-pair features, ${share} (the weighting is chosen from ${this.minPerClass} includes and ${this.minPerClass} excludes on)`;
    const auc = this.lastScores[this.chosen]!;
    return `naive Bayes on TF-IDF word and word-pair features, ${share} — chosen by leave-one-out AUC ${auc.toFixed(3)} over your decisions`;
  }

  score(x: SparseMatrix, i: number): number {
    if (!this.weights) return 0;
    return dotRow(x, i, this.weights) + this.sums!.rowSums[i]! * this.offset;
  }
}

/** Area under the ROC curve (ties count half): the Mann–Whitney U statistic divided by n₁·n₀. */
export function auc(scored: readonly { score: number; label: Label }[]): number {
  const sorted = [...scored].sort((p, q) => p.score - q.score);
  let n1 = 0;
  let rankSum = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]!.score === sorted[i]!.score) j++;
    const midRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (sorted[k]!.label === 1) {
      n1++;
      rankSum += midRank;
    }
    i = j;
  }
  const n0 = sorted.length - n1;
  return n1 === 0 || n0 === 0 ? 0.5 : (rankSum - (n1 * (n1 + 1)) / 2) / (n1 * n0);
}
