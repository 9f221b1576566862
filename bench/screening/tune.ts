// Compares model and feature settings on some labelled reviews (fewer seeds than the benchmark):
// `npx tsx bench/screening/tune.ts <csv…>`. Settings come from TUNE (JSON list of Setting), seeds from SEEDS.
// A setting's `features` are TF-IDF options, or `{"stack": [options…]}` for several tokenisations side by side; the
// members of an ensemble ("ens") or a cross-validated choice ("cv") may each have features of their own.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readLabelledSet } from '../../packages/review/src/simulation/labelled.js';
import { tfidf, type TfidfOptions } from '../../packages/review/src/ranking/tfidf.js';
import { NaiveBayes } from '../../packages/review/src/ranking/naive-bayes.js';
import { LinearSvm } from '../../packages/review/src/ranking/linear-svm.js';
import { LogisticRegression } from '../../packages/review/src/ranking/logistic-regression.js';
import { AdaptiveNaiveBayes, type NaiveBayesSetting } from '../../packages/review/src/ranking/adaptive-naive-bayes.js';
import { CvSelection } from './cv-selection.js';
import { lsa } from './lsa.js';
import { Ensemble } from '../../packages/review/src/ranking/ensemble.js';
import type { Balance, DoubleBalanceParameters } from '../../packages/review/src/ranking/balance.js';
import type { Classifier, Label } from '../../packages/review/src/ranking/classifier.js';
import { mulberry32, randomIndex } from '../../packages/review/src/simulation/prng.js';
import { simulateScreening } from '../../packages/review/src/simulation/simulate.js';
import { screeningMetrics } from '../../packages/review/src/simulation/metrics.js';
import type { SparseMatrix } from '../../packages/review/src/ranking/sparse.js';

interface Setting { name: string; model: 'nb' | 'svm' | 'lr' | 'ens' | 'adaptive' | 'cv'; settings?: NaiveBayesSetting[]; margin?: number; members?: Setting[]; c?: number; alpha?: number; balance?: Balance; double?: DoubleBalanceParameters; share?: number; features?: Features; pseudo?: number }
const settings: Setting[] = JSON.parse(process.env.TUNE ?? '[{"name":"nb","model":"nb"}]');
const seeds = (process.env.SEEDS ?? '1,2,3,4,5').split(',').map(Number);

/** A member with features of its own (another tokenizer): fits and scores on its matrix, whatever the caller passes. */
class OnMatrix implements Classifier {
  constructor(private readonly m: SparseMatrix, private readonly c: Classifier) {}
  fit(_x: SparseMatrix, labelled: ReadonlyMap<number, Label>): void { this.c.fit(this.m, labelled); }
  score(_x: SparseMatrix, i: number): number { return this.c.score(this.m, i); }
  describe(): string { return this.c.describe(); }
}

/**
 * Cormack & Grossman's BMI (2015): before each fit, `k` random unscreened records join the training set as temporary
 * excludes (most unscreened records are irrelevant), redrawn each fit; seeded by the number of labels.
 */
class PseudoNegatives implements Classifier {
  constructor(private readonly k: number, private readonly c: Classifier) {}
  fit(x: SparseMatrix, labelled: ReadonlyMap<number, Label>): void {
    const augmented = new Map(labelled);
    const random = mulberry32(0x5bd1e995 ^ labelled.size);
    const free = x.rows - labelled.size;
    for (let tries = 0; augmented.size < labelled.size + Math.min(this.k, free) && tries < 20 * this.k; tries++) {
      const row = randomIndex(random, x.rows);
      if (!augmented.has(row)) augmented.set(row, 0);
    }
    this.c.fit(x, augmented);
  }
  score(x: SparseMatrix, i: number): number { return this.c.score(x, i); }
  describe(): string { return this.c.describe(); }
}

/** Feature views side by side, each row scaled by 1/√views so rows keep unit length. */
function hstack(views: SparseMatrix[]): SparseMatrix {
  const rows = views[0]!.rows;
  const scale = 1 / Math.sqrt(views.length);
  const nnz = views.reduce((a, v) => a + v.values.length, 0);
  const rowPtr = new Int32Array(rows + 1);
  const colIdx = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let k = 0;
  for (let i = 0; i < rows; i++) {
    let offset = 0;
    for (const v of views) {
      for (let p = v.rowPtr[i]!; p < v.rowPtr[i + 1]!; p++, k++) { colIdx[k] = v.colIdx[p]! + offset; values[k] = v.values[p]! * scale; }
      offset += v.cols;
    }
    rowPtr[i + 1] = k;
  }
  return { rows, cols: views.reduce((a, v) => a + v.cols, 0), rowPtr, colIdx, values };
}

type Features = TfidfOptions & { stack?: Features[]; lsa?: number };

let matrixFor: (features: Features | undefined) => SparseMatrix = () => { throw new Error('no review loaded'); };

function make(s: Setting, isMember = false): Classifier {
  if (s.pseudo) return new PseudoNegatives(s.pseudo, make({ ...s, pseudo: undefined }, isMember));
  if (isMember && s.features) return new OnMatrix(matrixFor(s.features), make({ ...s, features: undefined }));
  if (s.model === 'ens') return new Ensemble(s.members!.map((m) => make(m, true)));
  if (s.model === 'cv') return new CvSelection(s.members!.map((m) => () => make(m, true)), 5, s.margin ?? 0.02);
  if (s.model === 'adaptive') return new AdaptiveNaiveBayes({ settings: s.settings, margin: s.margin });
  if (s.model === 'lr') return new LogisticRegression({ c: s.c, balance: s.balance as Exclude<Balance, 'double-sampled'>, includeShare: s.share });
  return s.model === 'nb' ? new NaiveBayes({ alpha: s.alpha, balance: s.balance, doubleBalance: s.double, includeShare: s.share }) : new LinearSvm({ c: s.c, balance: s.balance as Exclude<Balance, 'double-sampled'>, includeShare: s.share });
}

const cache = new Map<string, SparseMatrix>();
for (const file of process.argv.slice(2)) {
  const set = await readLabelledSet(readFileSync(file), { fileName: basename(file) });
  cache.clear();
  matrixFor = (features) => {
    const key = JSON.stringify(features ?? {});
    if (!cache.has(key)) {
      const { lsa: k, stack, ...options } = features ?? {};
      cache.set(key, stack ? hstack(stack.map((f) => matrixFor(f))) : k ? lsa(matrixFor(options), k) : tfidf(set.texts, options));
    }
    return cache.get(key)!;
  };
  for (const s of settings) {
    const x = matrixFor(s.features);
    const t0 = performance.now();
    const ms = seeds.map((seed) => screeningMetrics(simulateScreening(x, set.labels, { seed, classifier: make(s) }), set.labels));
    const mean = (k: 'wss95' | 'rrf10' | 'atd') => (ms.reduce((a, m) => a + m[k], 0) / ms.length) * 100;
    console.log(`${basename(file, '.csv').padEnd(32)} ${s.name.padEnd(20)} WSS@95 ${mean('wss95').toFixed(1).padStart(5)}  RRF@10 ${mean('rrf10').toFixed(1).padStart(5)}  ATD ${mean('atd').toFixed(2).padStart(5)}  (${((performance.now() - t0) / 1000 / seeds.length).toFixed(1)} s/run)`);
  }
}
