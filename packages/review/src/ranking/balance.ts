import type { Label } from './classifier.js';
import { mulberry32 } from '../simulation/prng.js';

/**
 * How the labelled records are weighted for training:
 * - "double": ASReview's DoubleBalance (its default): the training set keeps as many records as are labelled, but
 *   the includes are copied (oversampled) and the excludes undersampled, more strongly the rarer the includes are.
 *   Here each record gets its expected number of copies (deterministic, no resampling).
 * - "double-sampled": the same, with ASReview's random rounding and sampling (seeded by the number of labels, so
 *   reproducible).
 * - "classes": each class weighs alike in total (weight n / (2·n_class)).
 * - "none": every record weighs 1.
 */
export type Balance = 'double' | 'double-sampled' | 'classes' | 'none';

/** ASReview's DoubleBalance parameters (asreview/models/balance/double.py): a, alpha for the includes, b, beta for the excludes. */
export const DOUBLE_BALANCE = { a: 2.155, alpha: 0.94, b: 0.789, beta: 1.0 } as const;
export type DoubleBalanceParameters = { readonly a: number; readonly alpha: number; readonly b: number; readonly beta: number };

/**
 * The size of each class in the rebalanced training set (not rounded): DoubleBalance weights the includes by
 * a·(n1/n0)^−alpha and the excludes by 1 − (1 − b)·(1 + ln n)^−beta, then shares the n = n1 + n0 places in proportion
 * to weight × count, keeping at least one include and two excludes.
 */
export function doubleBalanceSizes(n1: number, n0: number, p: DoubleBalanceParameters = DOUBLE_BALANCE): { ones: number; zeros: number } {
  const n = n1 + n0;
  const w1 = p.a * (n1 / n0) ** -p.alpha;
  const w0 = 1 - (1 - p.b) * (1 + Math.log(n)) ** -p.beta;
  const ones = Math.max(1, Math.min(n - 2, (w1 * n1 * n) / (w1 * n1 + w0 * n0)));
  return { ones, zeros: n - ones };
}

/**
 * The weight of each record of a class under a balance strategy that weighs a class's records alike ("double",
 * "classes", "none"): [weight of an exclude, weight of an include].
 */
export function classWeights(n1: number, n0: number, balance: Exclude<Balance, 'double-sampled'>, p: DoubleBalanceParameters = DOUBLE_BALANCE, includeShare = 0.5): [number, number] {
  if (balance === 'none' || n1 === 0 || n0 === 0) return [1, 1];
  const n = n1 + n0;
  // "classes": the includes carry `includeShare` of the total weight (0.5: each class weighs alike, n / (2·n_class)).
  if (balance === 'classes') return [((1 - includeShare) * n) / n0, (includeShare * n) / n1];
  const sizes = doubleBalanceSizes(n1, n0, p);
  return [sizes.zeros / n0, sizes.ones / n1];
}

/** A class weighting in a reviewer's words. */
export function describeIncludeShare(includeShare: number): string {
  return includeShare === 0.5 ? 'includes and excludes weighted alike' : `includes carry ${Math.round(includeShare * 100)}% of the training weight`;
}

/**
 * The weight (number of copies in the training set) of each labelled row, in the order of `rows`.
 * `rows` must be in a fixed order (sorted) for reproducibility.
 */
export function trainingWeights(rows: readonly number[], labels: readonly Label[], balance: Balance, includeShare = 0.5): Float64Array {
  const weights = new Float64Array(rows.length);
  let n1 = 0;
  for (const l of labels) n1 += l;
  const n0 = rows.length - n1;
  if (balance === 'none' || n1 === 0 || n0 === 0) return weights.fill(1);
  if (balance === 'classes') {
    const [w0, w1] = classWeights(n1, n0, 'classes', DOUBLE_BALANCE, includeShare);
    labels.forEach((l, k) => (weights[k] = l === 1 ? w1 : w0));
    return weights;
  }
  const sizes = doubleBalanceSizes(n1, n0);
  if (balance === 'double') {
    labels.forEach((l, k) => (weights[k] = l === 1 ? sizes.ones / n1 : sizes.zeros / n0));
    return weights;
  }
  // ASReview's sampling: random rounding of the include count, then whole copies plus a sample without replacement.
  const random = mulberry32(0x9e3779b9 ^ rows.length);
  const n = n1 + n0;
  let ones = Math.floor(sizes.ones);
  if (random() < sizes.ones - ones) ones++;
  ones = Math.max(1, Math.min(n - 2, ones));
  const fill = (cls: Label, count: number, size: number) => {
    const members: number[] = [];
    labels.forEach((l, k) => l === cls && members.push(k));
    const copies = Math.floor(size / count);
    for (const k of members) weights[k] = copies;
    const rest = size - copies * count;
    // Partial Fisher–Yates: pick `rest` distinct members.
    for (let i = 0; i < rest; i++) {
      const j = i + Math.floor(random() * (members.length - i));
      [members[i], members[j]] = [members[j]!, members[i]!];
      weights[members[i]!]! += 1;
    }
  };
  fill(1, n1, ones);
  fill(0, n0, n - ones);
  return weights;
}
