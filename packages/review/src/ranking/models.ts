import type { Classifier } from './classifier.js';
import { LinearSvm } from './linear-svm.js';
import { NaiveBayes } from './naive-bayes.js';

/** The classifiers on offer; see bench/screening/RESULTS.md for how the default was chosen. */
export const MODEL_NAMES = ['svm', 'nb'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];
export const DEFAULT_MODEL: ModelName = 'svm';

export function createClassifier(name: ModelName): Classifier {
  switch (name) {
    case 'nb':
      return new NaiveBayes();
    case 'svm':
      // C = 0.1: chosen on ADHD, urinary incontinence and Nagtegaal (bench/screening/RESULTS.md), confirmed on the others.
      return new LinearSvm({ c: 0.1 });
  }
}
