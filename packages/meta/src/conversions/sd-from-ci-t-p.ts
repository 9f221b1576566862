/**
 * SDs from a confidence interval, a t statistic or a p value (issue 19 item 4), as the Cochrane Handbook
 * (Higgins et al., version 6.4, 2023, §6.5.2.2–6.5.2.3) gives them:
 *   one group's mean with a CI:           SD = √n · (upper − lower) / (2·t_{1−α/2, n−1})
 *   a difference in means with a CI:       SE = (upper − lower) / (2·t_{1−α/2, n₁+n₂−2}),  SD = SE / √(1/n₁ + 1/n₂)
 *   a t statistic of that difference:      SE = |m₁ − m₂| / |t|,                            SD as above
 *   a two-sided p value of that t test:    t = t_{1−p/2, n₁+n₂−2}, then as from t
 * The SD from a difference is the pooled SD, to be used for both groups. `dist: 'z'` uses the normal quantile
 * (the Handbook's 3.92 for large samples) instead of t.
 */
import { MetaError } from '../errors.js';
import { qt } from '../math/beta.js';
import { qnorm } from '../math/normal.js';
import { finite, positive, sampleSize } from './check.js';

export interface CiOptions {
  /** confidence level in percent (default 95) */
  level?: number;
  /** 't' (default) or 'z' */
  dist?: 't' | 'z';
}

function quantile(p: number, df: number, dist: 't' | 'z'): number {
  return dist === 'z' ? qnorm(p, false) : qt(p, df, false);
}

function checkCi(lower: number, upper: number, level: number): void {
  finite('lower', lower);
  finite('upper', upper);
  if (!(upper > lower)) throw new MetaError('EXO_ERR_META_OUT_OF_RANGE', `the confidence interval's upper limit (${upper}) must exceed its lower limit (${lower})`, { field: 'upper' });
  if (!(level > 0 && level < 100)) throw new MetaError('EXO_ERR_META_OUT_OF_RANGE', `the confidence level must be a percentage between 0 and 100 (got ${level})`, { field: 'level' });
}

/** SD of one group from the CI of its mean. */
export function sdFromCi(lower: number, upper: number, n: number, o: CiOptions = {}): number {
  const level = o.level ?? 95;
  checkCi(lower, upper, level);
  sampleSize('n', n);
  return (Math.sqrt(n) * (upper - lower)) / (2 * quantile((1 - level / 100) / 2, n - 1, o.dist ?? 't'));
}

/** Pooled SD from the CI of a difference in means between two groups. */
export function sdFromCiOfDifference(lower: number, upper: number, n1: number, n2: number, o: CiOptions = {}): number {
  const level = o.level ?? 95;
  checkCi(lower, upper, level);
  sampleSize('n1', n1, 1);
  sampleSize('n2', n2, 1);
  if (n1 + n2 < 3) throw new MetaError('EXO_ERR_META_OUT_OF_RANGE', 'the two groups need at least 3 animals together', { field: 'n2' });
  const se = (upper - lower) / (2 * quantile((1 - level / 100) / 2, n1 + n2 - 2, o.dist ?? 't'));
  return se / Math.sqrt(1 / n1 + 1 / n2);
}

/** Pooled SD from the two-sample t statistic and the difference in means m1 − m2. */
export function sdFromT(t: number, meanDifference: number, n1: number, n2: number): number {
  if (!(finite('t', t) !== 0)) throw new MetaError('EXO_ERR_META_OUT_OF_RANGE', 't = 0 carries no information about the SD', { field: 't' });
  finite('meanDifference', meanDifference);
  if (meanDifference === 0) throw new MetaError('EXO_ERR_META_OUT_OF_RANGE', 'a difference in means of 0 carries no information about the SD', { field: 'meanDifference' });
  sampleSize('n1', n1, 1);
  sampleSize('n2', n2, 1);
  return Math.abs(meanDifference) / Math.abs(t) / Math.sqrt(1 / n1 + 1 / n2);
}

/** Pooled SD from the two-sided p value of a two-sample t test and the difference in means. */
export function sdFromP(p: number, meanDifference: number, n1: number, n2: number, o: Pick<CiOptions, 'dist'> = {}): number {
  if (!(positive('p', p) < 1)) throw new MetaError('EXO_ERR_META_OUT_OF_RANGE', `p must be between 0 and 1, exclusive (got ${p}); an exact p value is needed, not "p < 0.05"`, { field: 'p' });
  sampleSize('n1', n1, 1);
  sampleSize('n2', n2, 1);
  if (n1 + n2 < 3) throw new MetaError('EXO_ERR_META_OUT_OF_RANGE', 'the two groups need at least 3 animals together', { field: 'n2' });
  return sdFromT(quantile(p / 2, n1 + n2 - 2, o.dist ?? 't'), meanDifference, n1, n2);
}
