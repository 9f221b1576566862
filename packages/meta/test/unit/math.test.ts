/** Distribution functions, uniroot, Kendall's test and R's random numbers against R 4.2.2 (values quoted). */
import { describe, expect, it } from 'vitest';
import { pf, pt, qt } from '../../src/math/beta.js';
import { lgamma, pchisq, qchisq } from '../../src/math/gamma.js';
import { kendallTest } from '../../src/math/kendall.js';
import { pnorm, qnorm } from '../../src/math/normal.js';
import { RRandom } from '../../src/math/r-random.js';
import { zeroin } from '../../src/math/zeroin.js';

const rel = (got: number, want: number): number => Math.abs(got - want) / Math.abs(want);

describe('distributions', () => {
  it('normal', () => {
    expect(rel(pnorm(-1.96), 0.024997895148220428)).toBeLessThan(1e-13); // pnorm(-1.96)
    expect(rel(pnorm(-10), 7.6198530241605269e-24)).toBeLessThan(1e-12); // pnorm(-10)
    expect(rel(qnorm(0.975), 1.9599639845400536)).toBeLessThan(1e-14); // qnorm(0.975)
    expect(rel(qnorm(1e-10), -6.3613409024040557)).toBeLessThan(1e-13); // qnorm(1e-10)
  });
  it('chi-squared, t, F', () => {
    expect(rel(pchisq(769.018517008404, 101, false), 2.4535397536620432e-103)).toBeLessThan(1e-10); // pchisq(.., 101, lower.tail=FALSE)
    expect(rel(pchisq(300, 100, false), 7.412100857322875e-22)).toBeLessThan(1e-10); // pchisq(300, 100, lower.tail=FALSE)
    expect(rel(qchisq(0.025, 20), 9.590777392264867)).toBeLessThan(1e-13); // qchisq(0.025, 20)
    expect(rel(qt(0.975, 7), 2.364624251592784)).toBeLessThan(1e-13); // qt(0.975, 7)
    expect(rel(qt(0.975, 1), 12.706204736174694)).toBeLessThan(1e-13); // qt(0.975, 1)
    expect(rel(pt(-2.5, 4), 0.03338327240599406)).toBeLessThan(1e-12); // pt(-2.5, 4)
    expect(rel(pf(4.2, 2, 30, false), 0.02465190328815661)).toBeLessThan(1e-12); // pf(4.2, 2, 30, lower.tail=FALSE)
    expect(rel(lgamma(0.5), 0.57236494292470008)).toBeLessThan(1e-14); // lgamma(0.5)
  });
});

describe('uniroot (R_zeroin2)', () => {
  it('takes R\'s steps', () => {
    // uniroot(function(x) x^3 - 2*x - 5, c(0, 4)) → root 2.09455164816012, iter 7
    const a = zeroin((x) => x ** 3 - 2 * x - 5, 0, 4);
    expect(a.root).toBeCloseTo(2.09455164816012, 13);
    expect(a.iterations).toBe(7);
    // uniroot(function(x) exp(x) - 10, c(-5, 10)) → root 2.30258433659705, iter 7
    const b = zeroin((x) => Math.exp(x) - 10, -5, 10);
    expect(b.root).toBeCloseTo(2.30258433659705, 13);
    expect(b.iterations).toBe(7);
  });
});

describe('Kendall rank correlation (cor.test(..., method = "kendall", exact = TRUE))', () => {
  it('exact without ties', () => {
    const r = kendallTest([1.2, 3.4, 2.2, 5.1, 4.0, 0.3], [2, 1, 4, 3, 6, 5]);
    expect(r.tau).toBeCloseTo(-0.0666666666666667, 14);
    expect(r.pval).toBeCloseTo(1, 14);
    expect(r.exact).toBe(true);
  });
  it('normal approximation with ties', () => {
    const r = kendallTest([1, 2, 2, 3, 4, 5], [2, 1, 4, 3, 6, 5]);
    expect(r.tau).toBeCloseTo(0.552052447473883, 14);
    expect(r.pval).toBeCloseTo(0.125971163077231, 14);
  });
});

describe("R's Mersenne-Twister and sample()", () => {
  it('set.seed(42); runif(3)', () => {
    const r = new RRandom(42);
    expect([r.unif(), r.unif(), r.unif()]).toEqual([0.9148060434963554, 0.9370754132978618, 0.2861395347863436]);
  });
  it('set.seed(-7); runif(4) (negative seeds)', () => {
    const r = new RRandom(-7);
    const u = [r.unif(), r.unif(), r.unif(), r.unif()];
    [0.326494855573401, 0.539861117023975, 0.254736220929772, 0.196601918665692].forEach((w, i) => expect(u[i]).toBeCloseTo(w, 14));
  });
  it('set.seed(2024); sample(20)', () => {
    const p = Array.from(new RRandom(2024).permutation(20), (i) => i + 1);
    expect(p).toEqual([2, 5, 13, 17, 18, 9, 10, 20, 11, 16, 14, 12, 15, 19, 1, 3, 7, 6, 8, 4]);
  });
  it('set.seed(1); sample(c(-1, 1), 10, replace = TRUE)', () => {
    expect(Array.from(new RRandom(1).signs(10))).toEqual([-1, 1, -1, -1, 1, -1, -1, -1, 1, 1]);
  });
});
