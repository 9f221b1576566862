import type { Classifier } from './classifier.js';
import { Ensemble } from './ensemble.js';
import { LinearSvm } from './linear-svm.js';
import { NaiveBayes } from './naive-bayes.js';

/**
 * The classifiers on offer; see bench/screening/RESULTS.md for how the default was chosen.
 * - "nb": multinomial naive Bayes, α = 3.822 (ASReview's), classes weighted alike.
 * - "nb-double": the same with ASReview's DoubleBalance weighting (its default).
 * - "svm": linear SVM, C = 0.1, classes weighted alike.
 * - "nb+svm": the mean of the two standardised scores.
 */
export const MODEL_NAMES = ['nb', 'nb-double', 'svm', 'nb+svm'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];
export const DEFAULT_MODEL: ModelName = 'nb';

export function createClassifier(name: ModelName): Classifier {
  switch (name) {
    case 'nb':
      return new NaiveBayes({ balance: 'classes' });
    case 'nb-double':
      return new NaiveBayes({ balance: 'double' });
    case 'svm':
      return new LinearSvm({ c: 0.1 });
    case 'nb+svm':
      return new Ensemble([new NaiveBayes({ balance: 'classes' }), new LinearSvm({ c: 0.1 })]);
  }
}
