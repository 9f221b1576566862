/**
 * Mean and SD from a median with a range and/or interquartile range (issue 19 item 4), assuming normal data:
 * the mean by Luo et al. (2018, Stat Methods Med Res 27:1785–1805, doi:10.1177/0962280216669183; eqs 7, 11, 15),
 * the SD by Wan et al. (2014, BMC Med Res Methodol 14:135, doi:10.1186/1471-2288-14-135; eqs 7, 9, 16), as
 * metafor's conv.fivenum(method = c("luo2016", "wan2014")) computes them. n is the group's sample size.
 *   S1 {min, median, max}:        mean = w(a+b)/2 + (1−w)m, w = 4/(4+n^0.75);            SD = (b−a)/ξ
 *   S2 {min, q1, median, q3, max}: mean = w₁(a+b)/2 + w₂(q₁+q₃)/2 + (1−w₁−w₂)m,
 *                                  w₁ = 2.2/(2.2+n^0.75), w₂ = 0.7 − 0.72/n^0.55;         SD = (b−a)/(2ξ) + (q₃−q₁)/(2η)
 *   S3 {q1, median, q3}:          mean = w(q₁+q₃)/2 + (1−w)m, w = 0.7 + 0.39/n;           SD = (q₃−q₁)/η
 * with ξ = 2Φ⁻¹((n − 0.375)/(n + 0.25)) and η = 2Φ⁻¹((0.75n − 0.125)/(n + 0.25)).
 */
import { MetaError } from '../errors.js';
import { qnorm } from '../math/normal.js';
import { finite, ordered, sampleSize } from './check.js';

export interface MedianSummary {
  median: number;
  n: number;
  min?: number;
  max?: number;
  q1?: number;
  q3?: number;
}

export interface ConvertedMeanSd {
  mean: number;
  sd: number;
  /** S1 (range), S2 (range and IQR) or S3 (IQR), Wan et al.'s scenarios */
  scenario: 'S1' | 'S2' | 'S3';
  /** the formulas used, for the provenance of the value */
  source: string;
}

const SOURCE = 'mean: Luo et al. 2018 (Stat Methods Med Res 27:1785); SD: Wan et al. 2014 (BMC Med Res Methodol 14:135)';

export function meanSdFromMedian(s: MedianSummary): ConvertedMeanSd {
  const n = sampleSize('n', s.n, 2);
  const m = finite('median', s.median);
  const hasRange = s.min !== undefined && s.max !== undefined;
  const hasIqr = s.q1 !== undefined && s.q3 !== undefined;
  const xi = 2 * qnorm((n - 0.375) / (n + 0.25));
  const eta = 2 * qnorm((0.75 * n - 0.125) / (n + 0.25));
  if (hasRange && hasIqr) {
    const [a, q1, q3, b] = [finite('min', s.min!), finite('q1', s.q1!), finite('q3', s.q3!), finite('max', s.max!)];
    ordered(['min', 'q1', 'median', 'q3', 'max'], [a, q1, m, q3, b]);
    const w1 = 2.2 / (2.2 + n ** 0.75);
    const w2 = 0.7 - 0.72 / n ** 0.55;
    return { mean: (w1 * (a + b)) / 2 + (w2 * (q1 + q3)) / 2 + (1 - w1 - w2) * m, sd: (b - a) / (2 * xi) + (q3 - q1) / (2 * eta), scenario: 'S2', source: SOURCE };
  }
  if (hasRange) {
    const [a, b] = [finite('min', s.min!), finite('max', s.max!)];
    ordered(['min', 'median', 'max'], [a, m, b]);
    const w = 4 / (4 + n ** 0.75);
    return { mean: (w * (a + b)) / 2 + (1 - w) * m, sd: (b - a) / xi, scenario: 'S1', source: SOURCE };
  }
  if (hasIqr) {
    const [q1, q3] = [finite('q1', s.q1!), finite('q3', s.q3!)];
    ordered(['q1', 'median', 'q3'], [q1, m, q3]);
    const w = 0.7 + 0.39 / n;
    return { mean: (w * (q1 + q3)) / 2 + (1 - w) * m, sd: (q3 - q1) / eta, scenario: 'S3', source: SOURCE };
  }
  throw new MetaError('EXO_ERR_META_MISSING_COLUMN', 'a median converts to a mean and SD only with the range (min and max), the quartiles (q1 and q3) or both', { field: 'q1' });
}
