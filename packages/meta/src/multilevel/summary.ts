/**
 * The text summary of a multilevel model in the manner of metafor's print.rma.mv(): the variance components
 * table (estimate, square root, number of levels), I² per level, the Q test, the moderator test, the
 * coefficients, and the cluster-robust results when asked for.
 */
import type { MetaResult } from '../results.js';
import { fmt, fmtP, stars, table } from '../summary-format.js';

export function formatMultilevelSummary(r: MetaResult): string {
  const levels = r.random ?? [];
  const sigma2 = r.sigma2 ?? [];
  const intOnly = r.coefficients.length === 1;
  const t = r.test === 't';
  const out: string[] = ['', `Multilevel Meta-Analysis Model (k = ${r.k}; method: ${r.method})`, `Outcome measure: ${r.measure} (${r.measureLabel})`, '', 'Variance Components:', ''];
  const vc = sigma2.map((s, l) => [`sigma^2.${l + 1}`, fmt(s), fmt(Math.sqrt(s)), String(r.nlevels?.[l] ?? ''), `${fmt(r.i2Levels?.[l], 2)}%`, levels.slice(0, l + 1).join('/')]);
  out.push(...table([['', 'estim', 'sqrt', 'nlvls', 'I^2', 'factor'], ...vc]), '');
  out.push(`I^2 (total heterogeneity / total variability, all levels): ${fmt(r.i2, 2)}%`, '');
  out.push(intOnly ? 'Test for Heterogeneity:' : 'Test for Residual Heterogeneity:', `${intOnly ? 'Q' : 'QE'}(df = ${r.qDf}) = ${fmt(r.q)}, p-val ${fmtP(r.qPval, true)}`, '');
  if (!intOnly) {
    const m = r.qmDf;
    out.push(`Test of Moderators (coefficient${m === 1 ? '' : 's'} ${r.coefficients.length - m + 1}${m === 1 ? '' : `:${r.coefficients.length}`}):`);
    out.push(t ? `F(df1 = ${m}, df2 = ${r.df}) = ${fmt(r.qm)}, p-val ${fmtP(r.qmPval, true)}` : `QM(df = ${m}) = ${fmt(r.qm)}, p-val ${fmtP(r.qmPval, true)}`, '');
  }
  out.push('Model Results:', '');
  const header = ['', 'estimate', 'se', t ? 'tval' : 'zval', ...(t ? ['df'] : []), 'pval', 'ci.lb', 'ci.ub', ''];
  const rows = r.coefficients.map((c) => [intOnly ? '' : c.name, fmt(c.estimate), fmt(c.se), fmt(c.statistic), ...(t ? [String(r.df)] : []), fmtP(c.pval), fmt(c.ciLower), fmt(c.ciUpper), stars(c.pval)]);
  out.push(...table([header, ...rows]), '');
  if (r.robust) {
    const rb = r.robust;
    const how = rb.type === 'CR2' ? 'CR2 small-sample correction, Satterthwaite df (clubSandwich)' : 'CR1, df = clusters − coefficients (metafor robust())';
    out.push(`Cluster-robust inference (${rb.clusters} clusters by "${rb.cluster}"; ${how}):`, '');
    const rrows = rb.coefficients.map((c) => [intOnly ? '' : c.name, fmt(c.estimate), fmt(c.se), fmt(c.statistic), fmt(c.df, 2), fmtP(c.pval), fmt(c.ciLower), fmt(c.ciUpper), stars(c.pval)]);
    out.push(...table([['', 'estimate', 'se', 'tval', 'df', 'pval', 'ci.lb', 'ci.ub', ''], ...rrows]), '');
    if (!intOnly && rb.qm !== null && rb.qmDf) out.push(`Robust test of moderators: F(df1 = ${rb.qmDf[0]}, df2 = ${fmt(rb.qmDf[1], 2)}) = ${fmt(rb.qm)}, p-val ${fmtP(rb.qmPval, true)}`, '');
  }
  out.push('---', "Signif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1", '');
  if (intOnly && r.piLower !== null) out.push(`Prediction interval (${r.level}%, all levels): [${fmt(r.piLower)}, ${fmt(r.piUpper)}]`, '');
  if (r.warnings.length > 0) out.push('Warnings:', ...r.warnings.map((w) => `  - ${w}`), '');
  return out.join('\n');
}
