/**
 * Issue 19 item 4: conversions at extraction. Expected values computed in R 4.2 from the cited formulas
 * (the R expression is quoted with each), with n = 50, min 1, q1 3, median 5, q3 8, max 15:
 *   xi <- 2*qnorm((n-0.375)/(n+0.25)); eta <- 2*qnorm((0.75*n-0.125)/(n+0.25))
 */
import { describe, expect, it } from 'vitest';
import { sdOfChange } from '../../src/conversions/change-score-sd.js';
import { meanSdFromMedian } from '../../src/conversions/median-to-mean-sd.js';
import { sdFromCi, sdFromCiOfDifference, sdFromP, sdFromT } from '../../src/conversions/sd-from-ci-t-p.js';

describe('issue 19 item 4: median, range and IQR → mean and SD (Luo et al. 2018, Wan et al. 2014)', () => {
  it('S1 range: w <- 4/(4+n^0.75); w*(a+b)/2 + (1-w)*m = 5.52624618959678; (b-a)/xi = 3.12036296922191', () => {
    const r = meanSdFromMedian({ n: 50, min: 1, median: 5, max: 15 });
    expect(r.scenario).toBe('S1');
    expect(r.mean).toBeCloseTo(5.52624618959678, 12);
    expect(r.sd).toBeCloseTo(3.12036296922191, 12);
  });
  it('S2 five numbers: Luo eq. 15 = 5.62237386552201; (b-a)/(2*xi) + (q3-q1)/(2*eta) = 3.46844293666886', () => {
    const r = meanSdFromMedian({ n: 50, min: 1, q1: 3, median: 5, q3: 8, max: 15 });
    expect(r.scenario).toBe('S2');
    expect(r.mean).toBeCloseTo(5.62237386552201, 12);
    expect(r.sd).toBeCloseTo(3.46844293666886, 12);
    expect(r.source).toMatch(/Luo.*Wan/);
  });
  it('S3 IQR: w <- 0.7+0.39/n; w*(q1+q3)/2 + (1-w)*m = 5.3539; (q3-q1)/eta = 3.81652290411582', () => {
    const r = meanSdFromMedian({ n: 50, q1: 3, median: 5, q3: 8 });
    expect(r.scenario).toBe('S3');
    expect(r.mean).toBeCloseTo(5.3539, 12);
    expect(r.sd).toBeCloseTo(3.81652290411582, 12);
  });
  it('refuses unordered quartiles, a zero spread, a median alone and n < 2 with codes', () => {
    expect(() => meanSdFromMedian({ n: 50, q1: 6, median: 5, q3: 8 })).toThrow(expect.objectContaining({ code: 'EXO_ERR_META_OUT_OF_RANGE' }));
    expect(() => meanSdFromMedian({ n: 50, q1: 5, median: 5, q3: 5 })).toThrow(expect.objectContaining({ code: 'EXO_ERR_META_OUT_OF_RANGE' }));
    expect(() => meanSdFromMedian({ n: 50, median: 5 })).toThrow(expect.objectContaining({ code: 'EXO_ERR_META_MISSING_COLUMN' }));
    expect(() => meanSdFromMedian({ n: 1, min: 1, median: 5, max: 9 })).toThrow(expect.objectContaining({ code: 'EXO_ERR_META_OUT_OF_RANGE' }));
  });
});

describe('issue 19 item 4: CI, t and p → SD (Cochrane Handbook 6.5.2.2–6.5.2.3)', () => {
  it('one mean with a 95% CI: sqrt(12)*(4.4-2.3)/(2*qt(0.975, 11)) = 1.65258119947669', () => {
    expect(sdFromCi(2.3, 4.4, 12)).toBeCloseTo(1.65258119947669, 12);
    // large samples: the Handbook's 3.92 (= 2·qnorm(0.975))
    expect(sdFromCi(2.3, 4.4, 400, { dist: 'z' })).toBeCloseTo((20 * 2.1) / (2 * 1.959963984540054), 12);
  });
  it('a difference with a 95% CI: (2.5-0.5)/(2*qt(0.975, 18))/sqrt(1/10+1/10) = 1.06432696438524', () => {
    expect(sdFromCiOfDifference(0.5, 2.5, 10, 10)).toBeCloseTo(1.06432696438524, 12);
  });
  it('t = 2.8 for a difference of 1.5: 1.5/2.8/sqrt(1/8+1/9) = 1.10249090448756', () => {
    expect(sdFromT(2.8, 1.5, 8, 9)).toBeCloseTo(1.10249090448756, 12);
    expect(sdFromT(-2.8, 1.5, 8, 9)).toBeCloseTo(1.10249090448756, 12);
  });
  it('p = 0.02: 1.5/qt(0.01, 15, lower.tail=FALSE)/sqrt(1/8+1/9) = 1.18616634234764', () => {
    expect(sdFromP(0.02, 1.5, 8, 9)).toBeCloseTo(1.18616634234764, 10);
  });
  it('refuses a reversed CI, p outside (0, 1) and t = 0', () => {
    expect(() => sdFromCi(4.4, 2.3, 12)).toThrow(expect.objectContaining({ code: 'EXO_ERR_META_OUT_OF_RANGE', context: { field: 'upper' } }));
    expect(() => sdFromP(0, 1.5, 8, 9)).toThrow(expect.objectContaining({ code: 'EXO_ERR_META_OUT_OF_RANGE' }));
    expect(() => sdFromP(1, 1.5, 8, 9)).toThrow(expect.objectContaining({ code: 'EXO_ERR_META_OUT_OF_RANGE' }));
    expect(() => sdFromT(0, 1.5, 8, 9)).toThrow(expect.objectContaining({ code: 'EXO_ERR_META_OUT_OF_RANGE' }));
  });
});

describe('issue 19 item 4: change from baseline (Handbook 6.5.2.8)', () => {
  it('sqrt(2^2 + 3^2 - 2*0.5*2*3) = 2.64575131106459, and r outside [-1, 1] is refused', () => {
    expect(sdOfChange(2, 3, 0.5)).toBeCloseTo(2.64575131106459, 12);
    expect(() => sdOfChange(2, 3, 1.5)).toThrow(expect.objectContaining({ code: 'EXO_ERR_META_OUT_OF_RANGE' }));
  });
});
