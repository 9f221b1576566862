import { describe, expect, it } from 'vitest';
import { createClassifier, DEFAULT_MODEL, featuresFor, LinearSvm, type Label } from '../src/index.js';
import { ASREVIEW_BALANCED_SHARE } from '../src/ranking/models.js';
import { fitToy } from './helpers/fit-toy.js';

const fitted = (y: Label[], options: ConstructorParameters<typeof LinearSvm>[0]) => fitToy(new LinearSvm({ tolerance: 1e-12, maxPasses: 1_000_000, ...options }), y);

// Expected values: scikit-learn 1.2.1, LinearSVC(C=C, loss='squared_hinge', tol=1e-12, max_iter=1000000)
// .fit(X, y, sample_weight=w) — the intercept is regularised as a feature of value 1 (intercept_scaling=1), as here.
// "ASReview 2's Balanced(ratio=9.8)": w = 1 for includes and n1 / (9.8·n0) for excludes, scaled to sum to n
// (asreview/models/balancers.py) — the includes' share of the weight is 9.8 / 10.8 whatever n1 and n0.
describe('linear SVM (dual coordinate descent, squared hinge) matches liblinear', () => {
  it.each([
    ['C = 1, unweighted', [1, 0, 1, 0, 1, 0, 0, 1], { c: 1, balance: 'none' }, [0.960899632, -0.720151556, 0.544984929, -0.735288386], -0.029823468],
    ['C = 0.11, unweighted, two includes of eight', [1, 0, 0, 0, 0, 0, 1, 0], { c: 0.11, balance: 'none' }, [-0.025642744, -0.034885381, 0.010311097, -0.230291345], -0.272004979],
    ["C = 0.11, ASReview 2's Balanced(ratio=9.8) (ELAS u4), four includes", [1, 0, 1, 0, 1, 0, 0, 1], { c: 0.11, balance: 'classes', includeShare: ASREVIEW_BALANCED_SHARE }, [0.313433264, -0.04113082, 0.221198989, -0.040775042], 0.358940682],
    ["C = 0.11, Balanced(ratio=9.8), two includes of eight", [1, 0, 0, 0, 0, 0, 1, 0], { c: 0.11, balance: 'classes', includeShare: ASREVIEW_BALANCED_SHARE }, [0.190138809, 0.204123201, 0.179347414, -0.073243953], 0.363792182],
    ['C = 1, Balanced(ratio=9.8), two includes of eight', [1, 0, 0, 0, 0, 0, 1, 0], { c: 1, balance: 'classes', includeShare: ASREVIEW_BALANCED_SHARE }, [0.323950586, 0.428790691, 0.413527632, -0.551238474], 0.311621884],
  ] as const)('%s', (_name, y, options, w, b) => {
    const fit = fitted([...y], options);
    fit.w.forEach((v, j) => expect(v).toBeCloseTo(w[j]!, 6));
    expect(fit.b).toBeCloseTo(b, 6);
  });

  it("describes ASReview 2's weighting in a reviewer's words", () => {
    expect(new LinearSvm({ c: 0.11, includeShare: ASREVIEW_BALANCED_SHARE }).describe()).toBe('linear SVM on TF-IDF word and word-pair features (C = 0.11), includes carry 91% of the training weight');
    expect(createClassifier(DEFAULT_MODEL).describe()).toBe("ASReview 2's default model (ELAS u4) on stemmed words: linear SVM on TF-IDF word and word-pair features (C = 0.11), includes carry 91% of the training weight");
    expect(createClassifier('elas-u4').describe()).toBe("ASReview 2's default model (ELAS u4): linear SVM on TF-IDF word and word-pair features (C = 0.11), includes carry 91% of the training weight");
  });

  it('runs the default on stemmed words and elas-u4 on words as scikit-learn finds them (ngram_range (1, 2), sublinear_tf, max_df 0.95)', () => {
    expect(featuresFor('elas-u4')).toEqual({ tokenizer: 'plain', ngrams: 2, sublinear: true, maxDf: 0.95 });
    expect(featuresFor(DEFAULT_MODEL)).toEqual({ ...featuresFor('elas-u4'), stem: true });
  });
});
