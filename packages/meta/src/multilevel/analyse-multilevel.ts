/**
 * analyseTable() for a multilevel model (`random: "paper/experiment/comparison"`, optionally `robust: "paper"`):
 * the effect sizes, metafor's rma.mv with nested random intercepts, and cluster-robust inference, returned in
 * the shape of MetaResult plus the multilevel keys (sigma2, logLik, robust …).
 */
import { MEASURE_DEFINITIONS, escalc } from '../effect-sizes/escalc.js';
import { MetaError } from '../errors.js';
import { type Design, interceptDesign } from '../model/design.js';
import { type ModeratorMatrix, buildModeratorMatrix, designForRows } from '../moderators/design-matrix.js';
import { warnNonFinite } from '../non-finite.js';
import { type AnalysisOptions, checkAnalysisOptions } from '../options.js';
import type { DroppedRow, MetaResult, RobustSummary } from '../results.js';
import { num } from '../sensitivity/leave-one-out.js';
import { columnIndex, rowCount, textColumn, toTable, type TableInput } from '../table.js';
import { cholLower, inverseFromLower } from './dense.js';
import { denseV, type RobustResult } from './robust-blocks.js';
import { robustCr1 } from './robust-cr1.js';
import { robustCr2 } from './robust-cr2.js';
import { type RmaMvFit, rmaMv } from './rma-mv.js';
import { qt } from '../math/beta.js';
import { qnorm } from '../math/normal.js';

function badOption(field: string, message: string): MetaError {
  return new MetaError('EXO_ERR_META_BAD_OPTION', message, { field });
}

/** The grouping columns of `random` ("a/b/c" or ["a", "b", "c"]), outermost first. */
export function randomLevels(random: string | string[]): string[] {
  const levels = (Array.isArray(random) ? random : random.split('/')).map((s) => s.trim());
  if (levels.length === 0 || levels.some((s) => s === '')) throw badOption('random', `option "random" needs grouping columns, outermost first, such as paper/experiment (got ${JSON.stringify(random)})`);
  if (new Set(levels).size !== levels.length) throw badOption('random', `a grouping column appears twice in option "random" ${JSON.stringify(random)}`);
  return levels;
}

const NOT_AVAILABLE: [keyof AnalysisOptions, string][] = [
  ['subgroup', 'Subgroup analysis'],
  ['bias', 'Publication-bias tests'],
  ['leaveOneOut', 'Leave-one-out analysis'],
  ['cumulative', 'Cumulative meta-analysis'],
  ['influence', 'Influence diagnostics'],
  ['permutations', 'The permutation test'],
];

export function analyseMultilevel(input: TableInput, given: AnalysisOptions): MetaResult {
  const options = checkAnalysisOptions(given);
  const method = (options.method ?? 'REML').toUpperCase();
  if (method !== 'REML' && method !== 'ML') throw new MetaError('EXO_ERR_META_UNKNOWN_METHOD', `multilevel models are fitted by REML or ML (got "${options.method}")`, { field: 'method' });
  const test = options.test ?? 'z';
  if (test !== 'z' && test !== 't') throw badOption('test', `multilevel models use z or t tests (got "${test}")`);
  const level = options.level ?? 95;
  if (!(typeof level === 'number' && level > 0 && level < 100)) throw badOption('level', `the confidence level must be a percentage between 0 and 100 (got ${String(level)})`);
  const robustType = (options.robustType ?? 'CR2').toUpperCase();
  if (robustType !== 'CR2' && robustType !== 'CR1') throw badOption('robustType', `the cluster-robust variance is CR2 (clubSandwich) or CR1 (metafor's default) (got "${options.robustType}")`);
  if (options.robustType !== undefined && options.robust === undefined) throw badOption('robustType', 'option "robustType" needs option "robust" (the cluster column)');
  const levels = randomLevels(options.random!);
  const table = toTable(input);
  for (const col of [...levels, ...(options.robust !== undefined ? [options.robust] : [])]) {
    if (columnIndex(table, col) < 0) throw new MetaError('EXO_ERR_META_MISSING_COLUMN', `the data have no column "${col}" (named in option "${levels.includes(col) ? 'random' : 'robust'}")`, { column: col, field: levels.includes(col) ? 'random' : 'robust' });
  }
  const warnings: string[] = [];
  const es = escalc(table, options.measure);
  warnings.push(...es.warnings);
  const k0 = rowCount(table);
  const studyCol = options.studyColumn ?? 'study';
  if (options.studyColumn && columnIndex(table, studyCol) < 0) throw new MetaError('EXO_ERR_META_MISSING_COLUMN', `the data have no column "${studyCol}" for study labels`, { column: studyCol });
  const labels = columnIndex(table, studyCol) >= 0 ? textColumn(table, studyCol).map((l, i) => l ?? `Study ${i + 1}`) : Array.from({ length: k0 }, (_, i) => `Study ${i + 1}`);
  const mods = (options.mods ?? []).map((m) => m.trim()).filter((m) => m !== '');
  const mm: ModeratorMatrix | null = mods.length > 0 ? buildModeratorMatrix(table, mods) : null;
  const modMissing = new Set(mm?.missingRows ?? []);
  const groupCols = levels.map((c) => textColumn(table, c));
  const clusterCol = options.robust !== undefined ? textColumn(table, options.robust) : null;
  const used: number[] = [];
  const dropped: DroppedRow[] = [];
  for (let i = 0; i < k0; i++) {
    const noGroup = levels.find((_, l) => groupCols[l]![i] === null);
    if (Number.isNaN(es.yi[i]!) || Number.isNaN(es.vi[i]!)) dropped.push({ row: i + 1, reason: 'the effect size or its variance cannot be computed (missing or invalid values)' });
    else if (modMissing.has(i)) dropped.push({ row: i + 1, reason: 'a moderator is missing' });
    else if (noGroup !== undefined) dropped.push({ row: i + 1, reason: `the grouping column "${noGroup}" is empty` });
    else used.push(i);
  }
  if (dropped.length > 0) warnings.push(`${dropped.length} row${dropped.length === 1 ? '' : 's'} dropped: ${dropped.map((d) => `row ${d.row} (${d.reason})`).join('; ')}.`);
  if (used.length === 0) throw new MetaError('EXO_ERR_META_NO_STUDIES', k0 === 0 ? 'the data have no rows (k = 0)' : 'no study has a computable effect size, variance and groups (k = 0)');
  if (clusterCol) {
    const bad = used.find((i) => clusterCol[i] === null);
    if (bad !== undefined) throw new MetaError('EXO_ERR_META_CLUSTERS', `row ${bad + 1} has no value in the cluster column "${options.robust}"`, { row: bad + 1, column: options.robust, field: 'robust' });
  }
  const yi = Float64Array.from(used, (i) => es.yi[i]!);
  const vi = Float64Array.from(used, (i) => es.vi[i]!);
  const design: Design = mm ? designForRows(mm, used, warnings) : interceptDesign(used.length);
  const groups = groupCols.map((col) => used.map((i) => col[i]!));
  const fit = rmaMv(yi, vi, design, groups, { method, test, level });
  fit.nlevels.forEach((n, l) => {
    if (n === 1) warnings.push(`The level "${levels[l]}" has a single group, so its variance component cannot be told apart from the others (or the intercept); do not interpret sigma2[${l}].`);
  });
  if (!fit.converged) warnings.push('The optimiser of the variance components stopped before converging; the estimates may be inaccurate.');
  let robust: RobustSummary | undefined;
  if (clusterCol) {
    const cl = used.map((i) => clusterCol[i]!);
    const r = robustType === 'CR1' ? robustCr1(fit, yi, vi, cl, level) : robustCr2(fit, yi, vi, cl, level);
    robust = robustSummary(r, options.robust!);
  }
  const result: MetaResult = {
    k: fit.k,
    estimate: num(fit.beta[0]!),
    se: num(fit.se[0]!),
    statistic: num(fit.zval[0]!),
    pval: num(fit.pval[0]!),
    ciLower: num(fit.ciLb[0]!),
    ciUpper: num(fit.ciUb[0]!),
    tau2: null,
    i2: num(fit.I2),
    h2: null,
    q: num(fit.QE),
    qDf: fit.k - fit.p,
    qPval: num(fit.QEp),
    ...predictionInterval(fit, level),
    studies: Array.from({ length: k0 }, (_, i) => ({ yi: num(es.yi[i]!), vi: num(es.vi[i]!) })),
    weights: diagonalWeights(fit, vi),
    coefficients: fit.names.map((name, j) => ({ name, estimate: num(fit.beta[j]!), se: num(fit.se[j]!), statistic: num(fit.zval[j]!), pval: num(fit.pval[j]!), ciLower: num(fit.ciLb[j]!), ciUpper: num(fit.ciUb[j]!) })),
    qm: num(fit.QM),
    qmDf: fit.QMdf[0],
    qmPval: num(fit.QMp),
    r2: null,
    measure: es.measure,
    measureLabel: MEASURE_DEFINITIONS[es.measure].label,
    method,
    test,
    level,
    df: fit.ddf,
    seTau2: null,
    tau2Ci: null,
    i2Ci: null,
    h2Ci: null,
    labels,
    rowsUsed: used.map((i) => i + 1),
    dropped,
    moderators: mm?.moderators ?? [],
    warnings,
    model: 'multilevel',
    random: levels,
    sigma2: Array.from(fit.sigma2),
    nlevels: fit.nlevels,
    logLik: fit.logLik,
    i2Levels: fit.I2Levels,
  };
  if (robust) result.robust = robust;
  for (const [key, what] of NOT_AVAILABLE) {
    const v = options[key];
    if (v !== undefined && v !== false) warnings.push(`${what} is not available for multilevel models yet; skipped.`);
  }
  warnNonFinite(result);
  return result;
}

/** metafor's predict.rma.mv for nested random intercepts: β̂ ± crit·√(SE² + Σσ²), intercept-only models. */
function predictionInterval(fit: RmaMvFit, level: number): { piLower: number | null; piUpper: number | null } {
  if (!fit.intOnly) return { piLower: null, piUpper: null };
  const alpha = 1 - level / 100;
  const crit = fit.ddf === null ? qnorm(alpha / 2, false) : qt(alpha / 2, fit.ddf, false);
  const s = Math.sqrt(fit.se[0]! ** 2 + fit.sigma2.reduce((a, b) => a + b, 0));
  return { piLower: num(fit.beta[0]! - crit * s), piUpper: num(fit.beta[0]! + crit * s) };
}

/** metafor's weights(rma.mv) default ("diagonal"): 100·diag(V⁻¹)/Σdiag(V⁻¹), one level-1 block at a time. */
function diagonalWeights(fit: RmaMvFit, vi: Float64Array): number[] {
  const byTop: number[][] = Array.from({ length: fit.nest.size[0]! }, () => []);
  for (let i = 0; i < fit.k; i++) byTop[fit.nest.group[0]![i]!]!.push(i);
  const w = new Float64Array(fit.k);
  for (const rows of byTop) {
    const l = cholLower(denseV(fit, vi, rows), rows.length);
    if (!l) return [];
    const inv = inverseFromLower(l, rows.length);
    rows.forEach((r, a) => (w[r] = inv[a * rows.length + a]!));
  }
  const sum = w.reduce((a, b) => a + b, 0);
  return Array.from(w, (x) => (100 * x) / sum);
}

function robustSummary(r: RobustResult, column: string): RobustSummary {
  const c0 = r.coefficients[0]!;
  return {
    type: r.type,
    cluster: column,
    clusters: r.clusters,
    estimate: num(c0.estimate),
    se: c0.se === null ? null : num(c0.se),
    statistic: c0.statistic === null ? null : num(c0.statistic),
    df: c0.df === null ? null : num(c0.df),
    pval: c0.pval === null ? null : num(c0.pval),
    ciLower: c0.ciLower === null ? null : num(c0.ciLower),
    ciUpper: c0.ciUpper === null ? null : num(c0.ciUpper),
    coefficients: r.coefficients.map((c) => ({ ...c, estimate: num(c.estimate) })),
    qm: r.qm === null ? null : num(r.qm),
    qmDf: r.qmDf,
    qmPval: r.qmPval === null ? null : num(r.qmPval),
  };
}
