/**
 * analyseTable(): the one entry point of the CLI and the HTTP API — effect sizes, the model, heterogeneity,
 * moderators, subgroups, bias and sensitivity analyses — returning a plain JSON-serialisable object.
 */
import { eggerTest } from './bias/egger.js';
import { failsafeN } from './bias/failsafe.js';
import { rankTest } from './bias/rank.js';
import { trimfill } from './bias/trimfill.js';
import { MEASURE_DEFINITIONS, escalc } from './effect-sizes/escalc.js';
import { MetaError } from './errors.js';
import { warnNonFinite } from './non-finite.js';
import { DEFAULT_CONTROL } from './model/control.js';
import { qProfileInterval } from './model/q-profile.js';
import { type RmaOptions, type UnivariateTest, rmaUni } from './model/rma-uni.js';
import { type ModeratorMatrix, buildModeratorMatrix, designForRows, levelCollator } from './moderators/design-matrix.js';
import { permutationTest } from './moderators/permutation.js';
import { subgroupAnalysis } from './moderators/subgroups.js';
import { analyseMultilevel } from './multilevel/analyse-multilevel.js';
import { type AnalysisOptions, checkAnalysisOptions } from './options.js';
import type { BiasResults, DroppedRow, MetaResult } from './results.js';
import { cumulative } from './sensitivity/cumulative.js';
import { influence } from './sensitivity/influence.js';
import { leaveOneOut, num } from './sensitivity/leave-one-out.js';
import { type TableInput, cellAt, columnIndex, isMissing, parseNumber, rowCount, textColumn, toTable } from './table.js';
import type { Method } from './tau2/index.js';

function checkOptions(options: AnalysisOptions): { method: Method; test: UnivariateTest; level: number } {
  // the types first: a JavaScript caller's {method: 1} is a coded error, not a TypeError from toUpperCase
  const o = checkAnalysisOptions(options);
  const test = o.test ?? 'z';
  if (test === 't') throw new MetaError('EXO_ERR_META_BAD_OPTION', 'test "t" is for multilevel models (option "random"); a univariate model takes z or knha (Knapp–Hartung)', { field: 'test' });
  return { method: o.method ?? 'REML', test, level: o.level ?? 95 };
}

/** Runs the analysis the options ask for on a table (columns + rows, or records). */
export function analyseTable(input: TableInput, options: AnalysisOptions): MetaResult {
  // nested random effects (issue 19 item 2): metafor's rma.mv rather than rma.uni
  if (options !== null && typeof options === 'object' && options.random !== undefined && options.random !== null) return analyseMultilevel(input, options);
  const { method, test, level } = checkOptions(options);
  const table = toTable(input);
  const warnings: string[] = [];
  const es = escalc(table, options.measure);
  warnings.push(...es.warnings);
  const k0 = rowCount(table);
  const studyCol = options.studyColumn ?? 'study';
  if (options.studyColumn && columnIndex(table, studyCol) < 0) throw new MetaError('EXO_ERR_META_MISSING_COLUMN', `the data have no column "${studyCol}" for study labels`, { column: studyCol });
  const labels = studyLabels(table, studyCol, k0);
  const mods = (options.mods ?? []).map((m) => m.trim()).filter((m) => m !== '');
  const mm: ModeratorMatrix | null = mods.length > 0 ? buildModeratorMatrix(table, mods) : null;
  const modMissing = new Set(mm?.missingRows ?? []);
  const used: number[] = [];
  const dropped: DroppedRow[] = [];
  for (let i = 0; i < k0; i++) {
    if (Number.isNaN(es.yi[i]!) || Number.isNaN(es.vi[i]!)) dropped.push({ row: i + 1, reason: 'the effect size or its variance cannot be computed (missing or invalid values)' });
    else if (modMissing.has(i)) dropped.push({ row: i + 1, reason: 'a moderator is missing' });
    else used.push(i);
  }
  if (dropped.length > 0) {
    warnings.push('Studies with NAs omitted from model fitting.');
    warnings.push(`${dropped.length} row${dropped.length === 1 ? '' : 's'} dropped: ${dropped.map((d) => `row ${d.row} (${d.reason})`).join('; ')}.`);
  }
  if (used.length === 0) throw new MetaError('EXO_ERR_META_NO_STUDIES', k0 === 0 ? 'the data have no rows (k = 0)' : 'no study has a computable effect size and variance (k = 0)');
  const yi = pick(es.yi, used);
  const vi = pick(es.vi, used);
  const design = mm ? designForRows(mm, used, warnings) : null;
  const rmaOpts: RmaOptions = { method, test, level, control: { ...DEFAULT_CONTROL, ...options.control }, computeR2: true };
  const fit = rmaUni(yi, vi, design, rmaOpts);
  warnings.push(...fit.warnings);
  const sumW = fit.w.reduce((a, b) => a + b, 0);
  const ci = qProfileInterval(fit);
  const result: MetaResult = {
    k: fit.k,
    estimate: num(fit.beta[0]!),
    se: num(fit.se[0]!),
    statistic: num(fit.zval[0]!),
    pval: num(fit.pval[0]!),
    ciLower: num(fit.ciLb[0]!),
    ciUpper: num(fit.ciUb[0]!),
    tau2: num(fit.tau2),
    i2: num(fit.I2),
    h2: num(fit.H2),
    q: num(fit.QE),
    qDf: fit.k - fit.p,
    qPval: num(fit.QEp),
    piLower: fit.intOnly ? num(fit.predLb) : null,
    piUpper: fit.intOnly ? num(fit.predUb) : null,
    studies: perStudy(k0, es.yi, es.vi),
    weights: percentWeights(fit.w, sumW),
    coefficients: fit.names.map((name, j) => ({
      name,
      estimate: num(fit.beta[j]!),
      se: num(fit.se[j]!),
      statistic: num(fit.zval[j]!),
      pval: num(fit.pval[j]!),
      ciLower: num(fit.ciLb[j]!),
      ciUpper: num(fit.ciUb[j]!),
    })),
    qm: num(fit.QM),
    qmDf: fit.QMdf[0],
    qmPval: num(fit.QMp),
    r2: fit.R2 === null ? null : num(fit.R2),
    measure: es.measure,
    measureLabel: MEASURE_DEFINITIONS[es.measure].label,
    method,
    test: fit.test,
    level,
    df: fit.test === 'knha' ? fit.ddf : null,
    seTau2: num(fit.seTau2),
    tau2Ci: ci ? ci.tau2 : null,
    i2Ci: ci ? ci.i2 : null,
    h2Ci: ci ? ci.h2 : null,
    labels,
    rowsUsed: oneBased(used),
    dropped,
    moderators: mm?.moderators ?? [],
    warnings,
  };
  if (options.bias) result.bias = biasAnalyses(es.yi, es.vi, yi, vi, design, rmaOpts, warnings);
  if (options.leaveOneOut) {
    if (!fit.intOnly) warnings.push('Leave-one-out analysis is only available for models without moderators; skipped.');
    else if (fit.k < 2) warnings.push('Leave-one-out analysis needs at least 2 studies; skipped.');
    else result.leaveOneOut = leaveOneOut(yi, vi, { ...rmaOpts, tau2Start: fit.tau2 });
  }
  if (options.cumulative !== undefined) {
    if (!fit.intOnly) warnings.push('Cumulative meta-analysis is only available for models without moderators; skipped.');
    else {
      const order = cumulativeOrder(table, options.cumulative, used);
      result.cumulative = cumulative(yi, vi, order, rmaOpts).map((r) => ({ ...r, label: labels[used[r.study]!]! }));
    }
  }
  if (options.influence) {
    if (fit.k < 2) warnings.push('Influence diagnostics need at least 2 studies; skipped.');
    else result.influence = influence(fit, rmaOpts);
  }
  if (options.permutations !== undefined) result.permutation = permutationTest(fit, rmaOpts, options.permutations, options.seed ?? 1);
  if (options.subgroup !== undefined) {
    if (columnIndex(table, options.subgroup) < 0) throw new MetaError('EXO_ERR_META_MISSING_COLUMN', `subgroup column "${options.subgroup}" is not a column of the data`, { column: options.subgroup, field: 'subgroup' });
    const all = textColumn(table, options.subgroup);
    const lab = used.map((i) => all[i] ?? null);
    if (lab.some((l) => l === null)) warnings.push(`Studies without a value in "${options.subgroup}" are left out of the subgroup analysis.`);
    result.subgroups = subgroupAnalysis(options.subgroup, lab, yi, vi, { ...rmaOpts, computeR2: false });
  }
  warnNonFinite(result);
  return result;
}

function biasAnalyses(yiAll: Float64Array, viAll: Float64Array, yi: Float64Array, vi: Float64Array, design: ReturnType<typeof designForRows> | null, opts: RmaOptions, warnings: string[]): BiasResults {
  const out: BiasResults = { egger: null, rank: null, trimfill: null, failsafe: null };
  const attempt = <T>(what: string, f: () => T): T | null => {
    try {
      return f();
    } catch (e) {
      warnings.push(`${what} could not be computed: ${(e as Error).message}`);
      return null;
    }
  };
  out.egger = attempt("Egger's regression test", () => eggerTest(yi, vi, design, opts));
  out.rank = attempt('The rank correlation test', () => {
    const r = rankTest(yi, vi);
    // NaN would reach JSON as a bare null (one study, or all effects tied); say so instead
    if (!Number.isFinite(r.tau) || !Number.isFinite(r.pvalNormal)) throw new MetaError('EXO_ERR_META_NO_STUDIES', `Kendall's tau is undefined for ${yi.length === 1 ? 'a single study' : `these ${yi.length} studies`}`);
    return r;
  });
  if (out.rank && out.rank.pval === null) {
    warnings.push(`The exact p-value of the rank correlation test cannot be computed for k = ${yi.length} > 170 without ties (metafor returns NaN); bias.rank.pvalNormal gives the normal approximation.`);
  }
  // metafor's trimfill() and fsn() work on all studies with an effect size, without moderators
  const keep: number[] = [];
  for (let i = 0; i < yiAll.length; i++) if (!Number.isNaN(yiAll[i]!) && !Number.isNaN(viAll[i]!)) keep.push(i);
  const y = Float64Array.from(keep, (i) => yiAll[i]!);
  const v = Float64Array.from(keep, (i) => viAll[i]!);
  out.trimfill = attempt('Trim-and-fill', () => {
    const base = rmaUni(y, v, null, { ...opts, test: 'z', computeR2: false });
    const tf = trimfill(base, opts.method, opts.level);
    return { ...tf, seK0: num(tf.seK0), estimate: num(tf.estimate), se: num(tf.se), ciLower: num(tf.ciLower), ciUpper: num(tf.ciUpper), pval: num(tf.pval), tau2: num(tf.tau2) };
  });
  if (design && design.p > 1) warnings.push('Trim-and-fill and the fail-safe N ignore the moderators (as metafor does).');
  out.failsafe = attempt('The fail-safe N', () => failsafeN(y, v));
  return out;
}

// plain loops: Array.from(iterable, fn) and map() cost several times more on a million studies (issue 23)
function studyLabels(table: ReturnType<typeof toTable>, column: string, k: number): string[] {
  const out = columnIndex(table, column) >= 0 ? (textColumn(table, column) as string[]) : new Array<string>(k).fill('');
  for (let i = 0; i < k; i++) if (out[i] === null || out[i] === '') out[i] = `Study ${i + 1}`;
  return out;
}

function pick(x: Float64Array, rows: number[]): Float64Array {
  const out = new Float64Array(rows.length);
  for (let n = 0; n < rows.length; n++) out[n] = x[rows[n]!]!;
  return out;
}

function oneBased(rows: number[]): number[] {
  const out = new Array<number>(rows.length);
  for (let n = 0; n < rows.length; n++) out[n] = rows[n]! + 1;
  return out;
}

function perStudy(k: number, yi: Float64Array, vi: Float64Array): { yi: number | null; vi: number | null }[] {
  const out = new Array<{ yi: number | null; vi: number | null }>(k);
  for (let i = 0; i < k; i++) out[i] = { yi: num(yi[i]!), vi: num(vi[i]!) };
  return out;
}

function percentWeights(w: Float64Array, sumW: number): number[] {
  const out = new Array<number>(w.length);
  for (let i = 0; i < w.length; i++) out[i] = (100 * w[i]!) / sumW;
  return out;
}

/** Study order for the cumulative analysis: ascending by the column (numbers, else text), ties in data order, missing last. */
function cumulativeOrder(table: ReturnType<typeof toTable>, column: string, used: number[]): number[] {
  const j = columnIndex(table, column);
  if (j < 0) throw new MetaError('EXO_ERR_META_MISSING_COLUMN', `cumulative order column "${column}" is not a column of the data`, { column, field: 'cumulative' });
  const raw = used.map((i) => cellAt(table, i, j));
  const numeric = raw.every((v) => isMissing(v) || typeof v === 'number' || (typeof v === 'string' && parseNumber(v) !== null));
  const key = (v: unknown): number | string | null => (isMissing(v as null) ? null : numeric ? (typeof v === 'number' ? v : parseNumber(String(v))!) : String(v));
  return used
    .map((_, n) => n)
    .sort((a, b) => {
      const ka = key(raw[a]);
      const kb = key(raw[b]);
      if (ka === null || kb === null) return ka === kb ? a - b : ka === null ? 1 : -1;
      const c = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : levelCollator.compare(String(ka), String(kb));
      return c || a - b;
    });
}
