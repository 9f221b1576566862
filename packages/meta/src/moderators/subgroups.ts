/**
 * Subgroup analysis: the intercept-only model fitted separately in each subgroup (own τ²), and the test for
 * subgroup differences Q_between = Σ wg (θ̂g − θ̄)², wg = 1/SEg², on G − 1 df — the Wald test of a fixed-effects
 * meta-regression of the subgroup estimates on the subgroup (Borenstein et al. 2009, ch. 19; Cochrane Handbook
 * §10.11.3.1; in metafor: rma(est, sei = se, mods = ~ group, method = "FE")).
 */
import { pchisq } from '../math/gamma.js';
import { type RmaOptions, rmaUni } from '../model/rma-uni.js';
import { num } from '../sensitivity/leave-one-out.js';
import { levelCollator } from './design-matrix.js';

export interface SubgroupRow {
  level: string;
  k: number;
  estimate: number | null;
  se: number | null;
  statistic: number | null;
  pval: number | null;
  ciLower: number | null;
  ciUpper: number | null;
  piLower: number | null;
  piUpper: number | null;
  tau2: number | null;
  i2: number | null;
  q: number | null;
  qDf: number;
  qPval: number | null;
  /** 0-based indices (within the studies used) of this subgroup's studies */
  studies: number[];
  warnings: string[];
}

export interface SubgroupAnalysis {
  column: string;
  groups: SubgroupRow[];
  test: { qb: number | null; df: number; pval: number | null };
}

export function subgroupAnalysis(column: string, labels: (string | null)[], yi: Float64Array, vi: Float64Array, opts: RmaOptions): SubgroupAnalysis {
  const levels = [...new Set(labels.filter((l): l is string => l !== null))].sort(levelCollator.compare);
  const groups: SubgroupRow[] = levels.map((level) => {
    const idx: number[] = [];
    labels.forEach((l, i) => l === level && idx.push(i));
    const y = Float64Array.from(idx, (i) => yi[i]!);
    const v = Float64Array.from(idx, (i) => vi[i]!);
    try {
      const f = rmaUni(y, v, null, { ...opts, computeR2: false });
      return {
        level,
        k: f.k,
        estimate: num(f.beta[0]!),
        se: num(f.se[0]!),
        statistic: num(f.zval[0]!),
        pval: num(f.pval[0]!),
        ciLower: num(f.ciLb[0]!),
        ciUpper: num(f.ciUb[0]!),
        piLower: num(f.predLb),
        piUpper: num(f.predUb),
        tau2: num(f.tau2),
        i2: num(f.I2),
        q: num(f.QE),
        qDf: f.k - 1,
        qPval: num(f.QEp),
        studies: idx,
        warnings: f.warnings,
      };
    } catch (e) {
      return { level, k: idx.length, estimate: null, se: null, statistic: null, pval: null, ciLower: null, ciUpper: null, piLower: null, piUpper: null, tau2: null, i2: null, q: null, qDf: idx.length - 1, qPval: null, studies: idx, warnings: [(e as Error).message] };
    }
  });
  const usable = groups.filter((g) => g.estimate !== null && g.se !== null && g.se > 0);
  let qb: number | null = null;
  let pval: number | null = null;
  const df = usable.length - 1;
  if (usable.length >= 2) {
    let sw = 0;
    let swy = 0;
    for (const g of usable) {
      const w = 1 / g.se! ** 2;
      sw += w;
      swy += w * g.estimate!;
    }
    const mean = swy / sw;
    qb = usable.reduce((s, g) => s + (g.estimate! - mean) ** 2 / g.se! ** 2, 0);
    pval = pchisq(qb, df, false);
  }
  return { column, groups, test: { qb, df, pval } };
}
