import { describe, expect, it } from 'vitest';
import { LogisticRegression, type Label } from '../src/index.js';
import { denseWithUnitRows, TOY_ROWS } from './helpers/dense-matrix.js';
import { fitToy } from './helpers/fit-toy.js';

const fitted = (y: Label[], options: ConstructorParameters<typeof LogisticRegression>[0]) => fitToy(new LogisticRegression({ tolerance: 1e-12, maxPasses: 100_000, ...options }), y);

// Expected values: scikit-learn 1.2.1, LogisticRegression(solver='liblinear', C=C, intercept_scaling=1.0, tol=1e-12,
// max_iter=100000, class_weight=...).fit(X, y) — liblinear regularises the intercept as a feature of value 1, as here.
describe('logistic regression (dual coordinate descent) matches liblinear', () => {
  it.each([
    ['C = 1, unweighted', [1, 0, 1, 0, 1, 0, 0, 1], { c: 1, balance: 'none' }, [0.753932533, -0.647878294, 0.397569019, -0.496694676], 0.002464358],
    ['C = 10, unweighted', [1, 0, 1, 0, 1, 0, 0, 1], { c: 10, balance: 'none' }, [2.659806736, -2.002382666, 1.494288448, -2.082312278], -0.016028323],
    ["C = 1, class_weight='balanced' (one include of eight)", [1, 0, 0, 0, 0, 0, 0, 0], { c: 1, balance: 'classes' }, [0.329776164, -0.602228372, 0.694223996, -0.436440336], -0.207263316],
  ] as const)('%s', (_name, y, options, w, b) => {
    const fit = fitted([...y], options);
    fit.w.forEach((v, j) => expect(v).toBeCloseTo(w[j]!, 6));
    expect(fit.b).toBeCloseTo(b, 6);
  });

  it('refits after a relabelling to the same solution as a fresh fit (warm start stays correct)', () => {
    const x = denseWithUnitRows(TOY_ROWS);
    const y: Label[] = [1, 0, 1, 0, 1, 0, 0, 1];
    const warm = new LogisticRegression({ tolerance: 1e-12, maxPasses: 100_000, balance: 'none' });
    warm.fit(x, new Map(y.map((label, i) => [i, label as Label])));
    const relabelled = new Map(y.map((label, i): [number, Label] => [i, i === 6 ? 1 : label]));
    warm.fit(x, relabelled);
    const fresh = new LogisticRegression({ tolerance: 1e-12, maxPasses: 100_000, balance: 'none' });
    fresh.fit(x, relabelled);
    for (let i = 0; i < x.rows; i++) expect(warm.score(x, i)).toBeCloseTo(fresh.score(x, i), 8);
  });
});
