/**
 * The wound-healing fixture pooled with SMD/REML gives metafor's numbers. Expected values from metafor 3.8-1
 * (R 4.x), compared within 1e-8 (relative; absolute below 1), on the same derived table — SEMs converted with SD = SEM·√n on each group's own n, Li 2019's control
 * (n = 8) shared by its two arms (n2i = 4 each), Chen 2020's "wound area remaining" (lower is better) with the
 * groups swapped so that a positive SMD favours treatment, Zhang 2015 at its latest time point (day 14):
 *
 *   dat <- data.frame(
 *     study = c("Zhang 2015", "Kim 2018", "Li 2019 (low dose)", "Li 2019 (high dose)", "Chen 2020", "Wang 2021", "Garcia 2022"),
 *     m1i  = c(85.2, 78.5, 70.3, 81.0, 35.9, 66.0, 90.1),
 *     sd1i = c(6.1, 3.2*sqrt(6), 9.5, 7.2, 7.8, 5.1*sqrt(5), 4.0),
 *     n1i  = c(8, 6, 6, 6, 10, 5, 7),
 *     m2i  = c(62.4, 55.1, 58.2, 58.2, 18.4, 60.2, 71.5),
 *     sd2i = c(8.3, 4.0*sqrt(6), 10.1, 10.1, 5.5, 4.7*sqrt(5), 6.6),
 *     n2i  = c(8, 6, 4, 4, 10, 5, 7),
 *     species = c("rat","mouse","mouse","mouse","rat","mouse","rat"))
 *   es  <- escalc(measure="SMD", m1i=m1i, sd1i=sd1i, n1i=n1i, m2i=m2i, sd2i=sd2i, n2i=n2i, data=dat)
 *   ctl <- list(threshold=1e-12, maxiter=10000, stepadj=0.5)  # ExoAtlas's DEFAULT_CONTROL
 *   res <- rma(yi, vi, data=es, method="REML", control=ctl)
 *   predict(res); weights(res); regtest(res)
 *   lapply(split(es, es$species), function(d) rma(yi, vi, data=d, method="REML", control=ctl))
 */
import { describe, expect, it } from 'vitest';
import { synthesise } from '../../src/synthesis/synthesise.js';
import { woundHealingStudies } from './load-fixture.js';

const TOL = 1e-8;

const METAFOR = {
  yi: [2.959076365785151, 2.433634208764798, 1.122657201473262, 2.448568649513039, 2.483263974513544, 0.477452858008211, 3.190064409441872],
  vi: [0.523629154329633, 0.580107310919594, 0.479684626267655, 0.716441088235572, 0.35416499917792, 0.41139806158101, 0.64916110487099],
  estimate: 2.10981404058809,
  se: 0.389048245032048,
  zval: 5.42301390002233,
  pval: 5.86024335587739e-8,
  ciLower: 1.34729349207676,
  ciUpper: 2.87233458909942,
  tau2: 0.542069096388195,
  i2: 51.6238401905186,
  h2: 2.06713390219123,
  q: 12.3873920921129,
  qPval: 0.0538639729647822,
  piLower: 0.477706906038356,
  piUpper: 3.741921175137823,
  weights: [14.2027573809533, 13.4879450304645, 14.8136026917611, 12.0268027078196, 16.8882815004833, 15.8745412149167, 12.7060694736016],
  eggerZ: 1.122460327749665,
  eggerP: 0.261666766469476,
  subgroups: { mouse: { est: 1.532261780246766, se: 0.49918116602412, tau2: 0.462470658363911 }, rat: { est: 2.801650170789851, se: 0.399242449484392, tau2: 0 } },
};

describe('synthesis of the wound-healing fixture matches metafor (SMD, REML)', () => {
  const s = synthesise(woundHealingStudies(), { outcome: 'wound-closure', subgroup: 'species' });
  const r = s.result;

  it('derives the table: SEM → SD, shared control split, direction swapped', () => {
    expect(s.measure).toBe('SMD');
    expect(r.labels).toEqual(['Zhang 2015', 'Kim 2018', 'Li 2019 (low dose)', 'Li 2019 (high dose)', 'Chen 2020', 'Wang 2021', 'Garcia 2022']);
    const col = (name: string): unknown[] => s.analysisTable.table.rows.map((row) => row[s.analysisTable.table.columns.indexOf(name)]);
    expect(col('n2i')).toEqual([8, 6, 4, 4, 10, 5, 7]);
    expect(col('swapped')).toEqual(['no', 'no', 'no', 'no', 'yes', 'no', 'no']);
    expect(col('sd1i')[1]).toBeCloseTo(3.2 * Math.sqrt(6), 12);
    expect(s.warnings.join(' ')).toMatch(/Converted 4 standard errors/);
    expect(s.warnings.join(' ')).toMatch(/2 comparisons share a control group/);
    expect(s.warnings.join(' ')).toMatch(/Zhang 2015: 2 time points; the latest \(day 14\)/);
  });

  it('effect sizes and variances', () => {
    r.studies.forEach((st, i) => {
      expect(st.yi).toBeCloseTo(METAFOR.yi[i]!, 10);
      expect(st.vi).toBeCloseTo(METAFOR.vi[i]!, 10);
    });
  });

  it('pooled estimate, heterogeneity, prediction interval and weights', () => {
    const close = (a: number | null, b: number): void => expect(Math.abs(a! - b)).toBeLessThan(TOL * Math.max(1, Math.abs(b)));
    close(r.estimate, METAFOR.estimate);
    close(r.se, METAFOR.se);
    close(r.statistic, METAFOR.zval);
    close(r.pval, METAFOR.pval);
    close(r.ciLower, METAFOR.ciLower);
    close(r.ciUpper, METAFOR.ciUpper);
    close(r.tau2, METAFOR.tau2);
    close(r.i2, METAFOR.i2);
    close(r.h2, METAFOR.h2);
    close(r.q, METAFOR.q);
    close(r.qPval, METAFOR.qPval);
    close(r.piLower, METAFOR.piLower);
    close(r.piUpper, METAFOR.piUpper);
    r.weights.forEach((w, i) => close(w, METAFOR.weights[i]!));
  });

  it("Egger's test and subgroups by species", () => {
    expect(r.bias?.egger?.statistic).toBeCloseTo(METAFOR.eggerZ, 6);
    expect(r.bias?.egger?.pval).toBeCloseTo(METAFOR.eggerP, 6);
    const g = Object.fromEntries(r.subgroups!.groups.map((x) => [x.level, x]));
    for (const sp of ['mouse', 'rat'] as const) {
      expect(g[sp]!.estimate).toBeCloseTo(METAFOR.subgroups[sp].est, 7);
      expect(g[sp]!.se).toBeCloseTo(METAFOR.subgroups[sp].se, 7);
      expect(g[sp]!.tau2).toBeCloseTo(METAFOR.subgroups[sp].tau2, 7);
    }
  });

  it('sensitivity analyses and plots come with it', () => {
    expect(r.leaveOneOut).toHaveLength(7);
    expect(r.influence).toHaveLength(7);
    expect(s.svg.forest).toContain('Forest plot: wound-closure');
    expect(s.svg.funnel).toContain('<svg');
    expect((s.svg.robForest.match(/class="study"/g) ?? []).length).toBe(7);
  });
});

/**
 * The same data as ROM (log ratio of means), Chen 2020 again swapped (ln(m_control/m_treatment)):
 *   es  <- escalc(measure="ROM", m1i=m1i, sd1i=sd1i, n1i=n1i, m2i=m2i, sd2i=sd2i, n2i=n2i, data=dat)
 *   res <- rma(yi, vi, data=es, method="REML", control=ctl)
 *   # est 0.3033374711352994, se 0.0564970780845075, tau2 0.0151236433894153, I2 73.8013480090371701
 */
describe('synthesis of the wound-healing fixture matches metafor (ROM, REML)', () => {
  it('pooled log ratio of means and heterogeneity', () => {
    const r = synthesise(woundHealingStudies(), { outcome: 'wound-closure', measure: 'ROM' }).result;
    expect(r.measure).toBe('ROM');
    expect(r.estimate!).toBeCloseTo(0.3033374711352994, 9);
    expect(r.se!).toBeCloseTo(0.0564970780845075, 9);
    expect(r.tau2!).toBeCloseTo(0.0151236433894153, 9);
    expect(r.i2!).toBeCloseTo(73.8013480090371701, 6);
  });
});
