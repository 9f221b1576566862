/**
 * A readable text summary in the manner of metafor's print.rma.uni(): model line, τ²/τ/I²/H²(/R²), the
 * heterogeneity and moderator tests, the coefficient table with significance codes, then the prediction
 * interval and whatever further analyses were run.
 */
import { formatMultilevelSummary } from './multilevel/summary.js';
import type { MetaResult } from './results.js';
import { fmt, fmtP, stars, table } from './summary-format.js';

export function formatSummary(r: MetaResult): string {
  if (r.model === 'multilevel') return formatMultilevelSummary(r);
  const out: string[] = [''];
  const isFixed = r.method === 'FE' || r.method === 'EE';
  const intOnly = r.coefficients.length === 1;
  const model = isFixed
    ? `${intOnly ? (r.method === 'FE' ? 'Fixed-Effects Model' : 'Equal-Effects Model') : 'Fixed-Effects with Moderators Model'} (k = ${r.k})`
    : `${intOnly ? 'Random-Effects Model' : 'Mixed-Effects Model'} (k = ${r.k}; tau^2 estimator: ${r.method})`;
  out.push(model, `Outcome measure: ${r.measure} (${r.measureLabel})`, '');
  const what = intOnly ? 'total' : 'residual';
  if (!isFixed) {
    const label = intOnly ? 'tau^2 (estimated amount of total heterogeneity): ' : 'tau^2 (estimated amount of residual heterogeneity):     ';
    const tauLabel = intOnly ? 'tau (square root of estimated tau^2 value):      ' : 'tau (square root of estimated tau^2 value):             ';
    out.push(`${label}${fmt(r.tau2)}${r.seTau2 !== null ? ` (SE = ${fmt(r.seTau2)})` : ''}`);
    out.push(`${tauLabel}${fmt(r.tau2 === null ? null : Math.sqrt(r.tau2))}`);
  }
  if (r.i2 !== null) {
    out.push(intOnly ? `I^2 (total heterogeneity / total variability):   ${fmt(r.i2, 2)}%` : `I^2 (residual heterogeneity / unaccounted variability): ${fmt(r.i2, 2)}%`);
    out.push(intOnly ? `H^2 (total variability / sampling variability):  ${fmt(r.h2, 2)}` : `H^2 (unaccounted variability / sampling variability):   ${fmt(r.h2, 2)}`);
  }
  if (!intOnly && r.r2 !== null) out.push(`R^2 (amount of heterogeneity accounted for):            ${fmt(r.r2, 2)}%`);
  if (r.tau2Ci) {
    out.push(`95% CI (Q-profile): tau^2 [${fmt(r.tau2Ci[0])}, ${fmt(r.tau2Ci[1])}], I^2 [${fmt(r.i2Ci?.[0] ?? null, 2)}%, ${fmt(r.i2Ci?.[1] ?? null, 2)}%]`.replace('95%', `${r.level}%`));
  }
  out.push('');
  if (r.q !== null) {
    out.push(intOnly ? 'Test for Heterogeneity:' : 'Test for Residual Heterogeneity:');
    out.push(`${intOnly ? 'Q' : 'QE'}(df = ${r.qDf}) = ${fmt(r.q)}, p-val ${fmtP(r.qPval, true)}`, '');
  }
  if (!intOnly) {
    const m = r.qmDf;
    const which = m === 1 ? `coefficient ${r.coefficients.length - m + 1}` : `coefficients ${r.coefficients.length - m + 1}:${r.coefficients.length}`;
    out.push(`Test of Moderators (${which}):`);
    out.push(r.test === 'knha' ? `F(df1 = ${m}, df2 = ${r.df}) = ${fmt(r.qm)}, p-val ${fmtP(r.qmPval, true)}` : `QM(df = ${m}) = ${fmt(r.qm)}, p-val ${fmtP(r.qmPval, true)}`, '');
  }
  out.push('Model Results:', '');
  const knha = r.test === 'knha';
  const header = [intOnly ? '' : '', 'estimate', 'se', knha ? 'tval' : 'zval', ...(knha ? ['df'] : []), 'pval', 'ci.lb', 'ci.ub', ''];
  const rows = r.coefficients.map((c) => [intOnly ? '' : c.name, fmt(c.estimate), fmt(c.se), fmt(c.statistic), ...(knha ? [String(r.df)] : []), fmtP(c.pval), fmt(c.ciLower), fmt(c.ciUpper), stars(c.pval)]);
  const lines = table([header, ...rows]).map((l) => (intOnly ? l.replace(/^ {2}/, '') : l));
  out.push(...lines, '', '---', "Signif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1", '');
  if (intOnly && r.piLower !== null) {
    const ratio = r.measure === 'OR' || r.measure === 'RR' || r.measure === 'ROM';
    out.push(`Prediction interval (${r.level}%): [${fmt(r.piLower)}, ${fmt(r.piUpper)}]`);
    if (ratio) out.push(`Back-transformed: estimate ${fmt(Math.exp(r.estimate ?? NaN))}, CI [${fmt(Math.exp(r.ciLower ?? NaN))}, ${fmt(Math.exp(r.ciUpper ?? NaN))}], PI [${fmt(Math.exp(r.piLower))}, ${fmt(Math.exp(r.piUpper ?? NaN))}]`);
    // a data table does not say whether higher or lower is better (issue 18 item 3)
    out.push(`Favours treatment: direction not stated (${ratio ? 'above or below 1' : 'above or below 0'} depends on whether higher or lower values of the outcome are better)`);
    out.push('');
  }
  if (r.subgroups) {
    out.push(`Subgroups by "${r.subgroups.column}":`, '');
    const sg = r.subgroups.groups.map((g) => [g.level, String(g.k), fmt(g.estimate), fmt(g.se), fmtP(g.pval), fmt(g.ciLower), fmt(g.ciUpper), fmt(g.tau2), stars(g.pval)]);
    out.push(...table([['level', 'k', 'estimate', 'se', 'pval', 'ci.lb', 'ci.ub', 'tau^2', ''], ...sg]));
    out.push('', `Test for subgroup differences: Q(df = ${r.subgroups.test.df}) = ${fmt(r.subgroups.test.qb)}, p-val ${fmtP(r.subgroups.test.pval, true)}`, '');
  }
  if (r.permutation) {
    const p = r.permutation;
    out.push(`Permutation test (${p.iterations} ${p.exact ? 'exact' : `random, seed ${p.seed}`} permutations): ${intOnly ? `pval ${fmtP(p.pval[0] ?? null)}` : `QM p-val ${fmtP(p.qmPval)}`}`, '');
  }
  if (r.bias) {
    const b = r.bias;
    out.push('Publication bias:');
    if (b.egger) out.push(`  Egger's regression test: ${b.egger.statisticName} = ${fmt(b.egger.statistic)}${b.egger.df !== null ? `, df = ${b.egger.df}` : ''}, p ${fmtP(b.egger.pval, true)}${b.egger.limitEstimate !== null ? `; limit estimate ${fmt(b.egger.limitEstimate)}` : ''}`);
    if (b.rank) out.push(`  Rank correlation test: Kendall's tau = ${fmt(b.rank.tau)}, p ${fmtP(b.rank.pval ?? b.rank.pvalNormal, true)}`);
    if (b.trimfill) out.push(`  Trim-and-fill: ${b.trimfill.k0} missing on the ${b.trimfill.side} side; adjusted estimate ${fmt(b.trimfill.estimate)} [${fmt(b.trimfill.ciLower)}, ${fmt(b.trimfill.ciUpper)}]`);
    if (b.failsafe) out.push(`  Fail-safe N (Rosenthal): ${b.failsafe.rosenthal}`);
    out.push('');
  }
  if (r.leaveOneOut) {
    out.push('Leave-one-out:', '');
    const rows2 = r.leaveOneOut.map((l, i) => [r.labels[r.rowsUsed[i]! - 1] ?? '', fmt(l.estimate), fmt(l.se), fmtP(l.pval), fmt(l.ciLower), fmt(l.ciUpper), fmt(l.q), fmt(l.tau2), fmt(l.i2, 2)]);
    out.push(...table([['omitted', 'estimate', 'se', 'pval', 'ci.lb', 'ci.ub', 'Q', 'tau^2', 'I^2'], ...rows2]), '');
  }
  if (r.cumulative) {
    out.push('Cumulative meta-analysis:', '');
    const rows3 = r.cumulative.map((c) => [`+ ${c.label}`, String(c.k), fmt(c.estimate), fmt(c.se), fmtP(c.pval), fmt(c.ciLower), fmt(c.ciUpper), fmt(c.tau2)]);
    out.push(...table([['added', 'k', 'estimate', 'se', 'pval', 'ci.lb', 'ci.ub', 'tau^2'], ...rows3]), '');
  }
  if (r.influence) {
    out.push('Influence diagnostics:', '');
    const rows4 = r.influence.map((d, i) => [r.labels[r.rowsUsed[i]! - 1] ?? '', fmt(d.rstudent), fmt(d.dffits), fmt(d.cookD), fmt(d.covRatio), fmt(d.tau2Del), fmt(d.qeDel), fmt(d.hat), fmt(d.weight, 2), d.influential ? '*' : '']);
    out.push(...table([['study', 'rstudent', 'dffits', 'cook.d', 'cov.r', 'tau2.del', 'QE.del', 'hat', 'weight', 'inf'], ...rows4]), '');
  }
  if (r.warnings.length > 0) out.push('Warnings:', ...r.warnings.map((w) => `  - ${w}`), '');
  void what;
  return out.join('\n');
}
