import { AdaptiveNaiveBayes } from './adaptive-naive-bayes.js';
import type { Classifier } from './classifier.js';
import { Ensemble } from './ensemble.js';
import { LinearSvm } from './linear-svm.js';
import { LogisticRegression } from './logistic-regression.js';
import { NaiveBayes } from './naive-bayes.js';
import type { TfidfOptions } from './tfidf.js';

/**
 * The classifiers on offer; see bench/screening/RESULTS.md for how the default was chosen.
 * - "nb-adaptive" (default): multinomial naive Bayes whose class weighting (includes' share of the training weight
 *   0.5, 0.8 or 0.95; α = 3.822) is chosen while screening by leave-one-out AUC on the labels so far.
 * - "nb": multinomial naive Bayes, α = 3.822 (ASReview's), classes weighted alike.
 * - "nb-double": the same with ASReview's DoubleBalance weighting (its default).
 * - "lr": L2 logistic regression, C = 1, classes weighted alike, with the title's words also as features of their own.
 * - "svm": ASReview 2's default (ELAS u4) on our features: linear SVM, squared hinge, C = 0.11, the includes carrying
 *   9.8/10.8 of the training weight (its Balanced(ratio=9.8)), with the title's words also as features of their own.
 * - "nb+svm": the mean of the standardised scores of "nb" and a linear SVM (C = 0.1, classes weighted alike).
 */
export const MODEL_NAMES = ['nb-adaptive', 'nb', 'nb-double', 'lr', 'svm', 'nb+svm'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];
export const DEFAULT_MODEL: ModelName = 'nb-adaptive';

/** ASReview 2's Balanced(ratio=9.8) as the includes' share of the training weight (asreview/models/balancers.py). */
export const ASREVIEW_BALANCED_SHARE = 9.8 / 10.8;

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
      return new LinearSvm({ c: 0.11, includeShare: ASREVIEW_BALANCED_SHARE });
    case 'nb+svm':
      return new Ensemble([new NaiveBayes({ balance: 'classes' }), new LinearSvm({ c: 0.1 })]);
  }
}

/** The TF-IDF features a model is measured with (bench/screening/RESULTS.md): the linear models gain from title words as features of their own; naive Bayes does not. */
export function featuresFor(name: ModelName): TfidfOptions {
  return name === 'lr' || name === 'svm' ? { titleFeatures: true } : {};
}
