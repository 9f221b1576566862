import { AdaptiveNaiveBayes } from './adaptive-naive-bayes.js';
import type { Classifier } from './classifier.js';
import { Ensemble } from './ensemble.js';
import { LinearSvm } from './linear-svm.js';
import { LogisticRegression } from './logistic-regression.js';
import { NaiveBayes } from './naive-bayes.js';
import type { TfidfOptions } from './tfidf.js';

/**
 * The classifiers on offer; see bench/screening/RESULTS.md for how the default was chosen.
 * - "svm" (default): ASReview 2's default model, ELAS u4, with each word reduced to its Porter stem — linear SVM
 *   (squared hinge, C = 0.11) with the includes carrying 9.8/10.8 of the training weight (its Balanced(ratio=9.8)),
 *   on TF-IDF of stemmed scikit-learn-style tokens and word pairs (sublinear tf, max_df 0.95).
 * - "elas-u4": the same without stemming, as ASReview ships it (the default until the fourth round).
 * - "nb-adaptive": multinomial naive Bayes whose class weighting (includes' share of the training weight 0.5, 0.8 or
 *   0.95; α = 3.822) is chosen while screening by leave-one-out AUC on the labels so far (the default until Nov 2026).
 * - "nb": multinomial naive Bayes, α = 3.822 (ASReview's), classes weighted alike.
 * - "nb-double": the same with ASReview 1's DoubleBalance weighting (its default).
 * - "lr": L2 logistic regression, C = 1, classes weighted alike, with the title's words also as features of their own.
 * - "nb+svm": the mean of the standardised scores of "nb" and a linear SVM (C = 0.1, classes weighted alike).
 */
export const MODEL_NAMES = ['svm', 'elas-u4', 'nb-adaptive', 'nb', 'nb-double', 'lr', 'nb+svm'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];
export const DEFAULT_MODEL: ModelName = 'svm';

/** ASReview 2's Balanced(ratio=9.8) as the includes' share of the training weight (asreview/models/balancers.py). */
export const ASREVIEW_BALANCED_SHARE = 9.8 / 10.8;

/** ELAS u4's classifier: linear SVM, squared hinge, C = 0.11, Balanced(ratio=9.8) (asreview/models/models.py). */
const elasU4 = (label: string): LinearSvm => new LinearSvm({ c: 0.11, includeShare: ASREVIEW_BALANCED_SHARE, label });

export function createClassifier(name: ModelName): Classifier {
  switch (name) {
    case 'nb-adaptive':
      return new AdaptiveNaiveBayes();
    case 'nb':
      return new NaiveBayes({ balance: 'classes' });
    case 'nb-double':
      return new NaiveBayes({ balance: 'double' });
    case 'lr':
      return new LogisticRegression({ c: 1 });
    case 'svm':
      return elasU4("ASReview 2's default model (ELAS u4) on stemmed words");
    case 'elas-u4':
      return elasU4("ASReview 2's default model (ELAS u4)");
    case 'nb+svm':
      return new Ensemble([new NaiveBayes({ balance: 'classes' }), new LinearSvm({ c: 0.1 })]);
  }
}

/** ELAS u4's TF-IDF: scikit-learn's tokens and word pairs, sublinear tf, terms in more than 95% of the records dropped. */
const ELAS_U4_FEATURES: TfidfOptions = { tokenizer: 'plain', ngrams: 2, sublinear: true, maxDf: 0.95 };

/**
 * The TF-IDF features a model is measured with (bench/screening/RESULTS.md): ELAS u4's for "elas-u4", the same on
 * Porter stems for "svm"; for "lr" the filtered words and pairs plus the title's words as features of their own; the
 * filtered words and pairs otherwise.
 */
export function featuresFor(name: ModelName): TfidfOptions {
  if (name === 'svm') return { ...ELAS_U4_FEATURES, stem: true };
  if (name === 'elas-u4') return ELAS_U4_FEATURES;
  return name === 'lr' ? { titleFeatures: true } : {};
}
