/**
 * The normal-normal (random-/mixed-effects or equal-effects) meta-analysis model of metafor's rma.uni():
 * τ² by the chosen estimator, β by weighted least squares with weights 1/(vᵢ + τ²), Wald-type (z) or
 * Knapp–Hartung (t) inference, the omnibus QM test, residual heterogeneity, R² and, for intercept-only models,
 * the prediction interval. Every step costs O(k·p²); no k × k matrix is ever formed.
 */
import { MetaError } from '../errors.js';
import { pf, pt } from '../math/beta.js';
import { pchisq } from '../math/gamma.js';
import { pnorm } from '../math/normal.js';
import { invertSpd } from '../math/small-matrix.js';
import { type Method, TAU2_ESTIMATORS } from '../tau2/index.js';
import type { Tau2Context } from '../tau2/context.js';
import { type Control, DEFAULT_CONTROL } from './control.js';
import { type Design, type ScaledDesign, assertIdentifiable, interceptDesign, scaleDesign, unscaleBeta, unscaleVcov } from './design.js';
import { heterogeneity } from './heterogeneity.js';
import { knhaScale } from './knha.js';
import { critical, predictionInterval } from './prediction.js';
import { Wls } from './wls.js';

/** The tests of the coefficients: Wald-type z (default) or Knapp–Hartung t. */
/** The tests of a univariate model: z, or Knapp–Hartung's t and F. */
export const UNIVARIATE_TESTS = ['z', 'knha'] as const;
export type UnivariateTest = (typeof UNIVARIATE_TESTS)[number];
/** Every test an analysis takes: the univariate ones, and t for multilevel models (t and F with k − p df, as rma.mv's test = "t"). */
export const TESTS = [...UNIVARIATE_TESTS, 't'] as const;
export type TestType = (typeof TESTS)[number];

export interface RmaOptions {
  method: Method;
  test: UnivariateTest;
  /** confidence level in percent (metafor's `level`, default 95) */
  level: number;
  control: Control;
  /** compute R² for models with moderators (metafor skips it in leave-one-out and permutations) */
  computeR2: boolean;
  /** a refit's starting τ² for the iterative estimators (used when control.warmStart is on) */
  tau2Start?: number;
}

export const DEFAULT_RMA_OPTIONS: RmaOptions = { method: 'REML', test: 'z', level: 95, control: DEFAULT_CONTROL, computeR2: true };

export interface RmaFit {
  k: number;
  p: number;
  method: Method;
  test: UnivariateTest;
  level: number;
  names: string[];
  intOnly: boolean;
  beta: Float64Array;
  /** variance–covariance matrix of β (row-major p × p), Knapp–Hartung scaled */
  vb: Float64Array;
  se: Float64Array;
  zval: Float64Array;
  pval: Float64Array;
  ciLb: Float64Array;
  ciUb: Float64Array;
  crit: number;
  tau2: number;
  seTau2: number;
  QE: number;
  QEp: number;
  I2: number;
  H2: number;
  vt: number;
  QM: number;
  QMdf: [number, number];
  QMp: number;
  R2: number | null;
  /** Knapp–Hartung scale factor (1 under test z) */
  s2w: number;
  /** residual degrees of freedom of the t tests (NaN under test z) */
  ddf: number;
  /** inverse-variance weights 1/(vᵢ + τ²) */
  w: Float64Array;
  /** hat values wᵢ xᵢ'(X'WX)⁻¹xᵢ */
  hat: Float64Array;
  allViPositive: boolean;
  yi: Float64Array;
  vi: Float64Array;
  design: Design;
  predLb: number;
  predUb: number;
  iterations: number;
  warnings: string[];
}

/** Fits metafor's rma.uni(yi, vi, mods, method, test, level, control). */
export function rmaUni(yi: Float64Array, vi: Float64Array, design: Design | null, options: Partial<RmaOptions> = {}): RmaFit {
  const opts: RmaOptions = { ...DEFAULT_RMA_OPTIONS, ...options };
  const k = yi.length;
  if (k < 1) throw new MetaError('EXO_ERR_META_NO_STUDIES', 'no study is left to pool (k = 0)');
  const d = design ?? interceptDesign(k);
  const p = d.p;
  const warnings: string[] = [];
  let allViPositive = true;
  for (let i = 0; i < k; i++) if (!(vi[i]! > 0)) allViPositive = false;
  if (!allViPositive) warnings.push('There are outcomes with non-positive sampling variances.');
  let test = opts.test;
  if (k === 1 && test !== 'z') {
    warnings.push('Setting argument test="z" since k=1.');
    test = 'z';
  }
  const isFixed = opts.method === 'FE' || opts.method === 'EE';
  const sd = scaleDesign(d);
  if (!(sd.interceptOnly && k === 1)) assertIdentifiable(k, p, !isFixed);
  const ws = new Wls(k, p);
  const yc = centred(yi);
  let tau2 = 0;
  let iterations = 0;
  if (!isFixed && k > 1) {
    const ctx: Tau2Context = { y: yc, v: vi, yRaw: yi, design: sd, k, p, control: opts.control, allViPositive, ws };
    if (opts.control.warmStart && opts.tau2Start !== undefined) ctx.start = opts.tau2Start;
    const est = TAU2_ESTIMATORS[opts.method as Exclude<Method, 'FE' | 'EE'>](ctx);
    tau2 = Math.max(opts.control.tau2Min, est.tau2);
    iterations = est.iterations;
    warnings.push(...est.warnings);
  }
  for (let i = 0; i < k; i++) {
    if (vi[i]! + tau2 <= 0) {
      throw new MetaError('EXO_ERR_META_OUT_OF_RANGE', 'a study has sampling variance 0 and tau^2 is 0, so its weight would be infinite', { column: 'vi' });
    }
  }
  // final fit on the raw effect sizes
  if (!ws.fit(yi, vi, tau2, sd, false)) {
    throw new MetaError('EXO_ERR_META_SINGULAR', 'the model matrix is not of full rank for these studies: some moderators are redundant');
  }
  const w = Float64Array.from(ws.w);
  const hat = new Float64Array(k);
  if (sd.interceptOnly) for (let i = 0; i < k; i++) hat[i] = w[i]! / ws.sumW;
  else for (let i = 0; i < k; i++) hat[i] = ws.hat(i, sd);
  const beta = unscaleBeta(sd, ws.beta);
  const vb = unscaleVcov(sd, ws.s);
  let s2w = 1;
  if (test === 'knha') {
    s2w = knhaScale(ws.rss, k, p);
    if (isFixed) warnings.push(`Knapp & Hartung method is not meant to be used in the context of ${opts.method} models.`);
    for (let i = 0; i < p * p; i++) vb[i] = vb[i]! * s2w;
  }
  const ddf = test === 'knha' ? k - p : NaN;
  const btt: number[] = [];
  for (let j = d.hasIntercept && p > 1 ? 1 : 0; j < p; j++) btt.push(j);
  const m = btt.length;
  let QM = quadraticForm(beta, vb, btt, p);
  const se = new Float64Array(p);
  const zval = new Float64Array(p);
  const pval = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    se[j] = Math.sqrt(vb[j * p + j]!);
    zval[j] = beta[j]! / se[j]!;
  }
  let QMp: number;
  const QMdf: [number, number] = [m, NaN];
  if (test === 'knha') {
    QM = QM / m;
    QMdf[1] = k - p;
    QMp = k - p > 0 ? pf(QM, m, k - p, false) : NaN;
    for (let j = 0; j < p; j++) pval[j] = ddf > 0 ? 2 * pt(Math.abs(zval[j]!), ddf, false) : NaN;
  } else {
    QMp = pchisq(QM, m, false);
    for (let j = 0; j < p; j++) pval[j] = 2 * pnorm(Math.abs(zval[j]!), false);
  }
  const crit = critical(opts.level, test, ddf);
  const ciLb = new Float64Array(p);
  const ciUb = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    ciLb[j] = beta[j]! - crit * se[j]!;
    ciUb[j] = beta[j]! + crit * se[j]!;
  }
  const seTau2 = tau2StandardError(opts.method, ws, yc, vi, sd, tau2, k, p, allViPositive);
  let het = { QE: NaN, QEp: NaN, I2: NaN, H2: NaN, vt: NaN };
  if (allViPositive) het = heterogeneity(yc, vi, sd, ws, tau2, isFixed);
  else warnings.push(`Cannot compute ${sd.interceptOnly ? 'Q' : 'QE'}-test, I^2, or H^2 when there are non-positive sampling variances in the data.`);
  let R2: number | null = null;
  if (!sd.interceptOnly && d.hasIntercept && opts.computeR2) R2 = pseudoR2(yi, vi, sd, ws, tau2, isFixed, opts);
  const [predLb, predUb] = sd.interceptOnly ? predictionInterval(beta[0]!, se[0]!, tau2, crit) : [NaN, NaN];
  return {
    k,
    p,
    method: opts.method,
    test,
    level: opts.level,
    names: d.names.slice(),
    intOnly: sd.interceptOnly,
    beta,
    vb,
    se,
    zval,
    pval,
    ciLb,
    ciUb,
    crit,
    tau2,
    seTau2,
    ...het,
    QM,
    QMdf,
    QMp,
    R2,
    s2w,
    ddf,
    w,
    hat,
    allViPositive,
    yi,
    vi,
    design: d,
    predLb,
    predUb,
    iterations,
    warnings,
  };
}

function centred(y: Float64Array): Float64Array {
  let m = 0;
  for (let i = 0; i < y.length; i++) m += y[i]!;
  m /= y.length;
  const out = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) out[i] = y[i]! - m;
  return out;
}

/** β[btt]' vb[btt,btt]⁻¹ β[btt] (NaN when that block is singular). */
function quadraticForm(beta: Float64Array, vb: Float64Array, btt: number[], p: number): number {
  const m = btt.length;
  const sub = new Float64Array(m * m);
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) sub[a * m + b] = vb[btt[a]! * p + btt[b]!]!;
  const inv = invertSpd(sub, m);
  if (!inv) return NaN;
  let q = 0;
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) q += beta[btt[a]!]! * inv[a * m + b]! * beta[btt[b]!]!;
  return q;
}

/**
 * Pseudo-R² = max(0, 100·(τ²_RE − τ²)/τ²_RE) against the intercept-only model fitted the same way
 * (metafor rma.uni, r2def "1"; Raudenbush 2009); for FE models the adjusted R² of the weighted regression.
 */
function pseudoR2(yi: Float64Array, vi: Float64Array, sd: ScaledDesign, ws: Wls, tau2: number, isFixed: boolean, opts: RmaOptions): number | null {
  const k = yi.length;
  if (isFixed) {
    let mean = 0;
    for (let i = 0; i < k; i++) mean += yi[i]!;
    mean /= k;
    let varY = 0;
    for (let i = 0; i < k; i++) varY += (yi[i]! - mean) ** 2;
    if (varY === 0) return 0;
    ws.fit(yi, vi, 0, sd, false);
    let sw = 0;
    let swy = 0;
    for (let i = 0; i < k; i++) {
      sw += ws.w[i]!;
      swy += ws.w[i]! * yi[i]!;
    }
    const wm = swy / sw;
    let mss = 0;
    for (let i = 0; i < k; i++) {
      const fitted = yi[i]! - ws.resid[i]!;
      mss += ws.w[i]! * (fitted - wm) ** 2;
    }
    const r2 = mss / (mss + ws.rss);
    const adj = 1 - ((1 - r2) * (k - 1)) / (k - sd.p);
    return Math.max(0, 100 * adj);
  }
  let tau2RE: number;
  try {
    tau2RE = rmaUni(yi, vi, null, { ...opts, computeR2: false }).tau2;
  } catch {
    return null;
  }
  if (tau2RE === 0) return 0;
  return Math.max(0, (100 * (tau2RE - tau2)) / tau2RE);
}

/** Standard error of τ̂² (metafor rma.uni `se.tau2`), where metafor has a closed form cheap in O(k·p²). */
function tau2StandardError(method: Method, ws: Wls, yc: Float64Array, vi: Float64Array, sd: ScaledDesign, tau2: number, k: number, p: number, allViPositive: boolean): number {
  const t = Math.max(tau2, 0);
  switch (method) {
    case 'REML':
      ws.fit(yc, vi, tau2, sd, true);
      return Math.sqrt(2 / ws.trPP);
    case 'ML':
      ws.fit(yc, vi, tau2, sd, false);
      return Math.sqrt(2 / ws.sumW2);
    case 'EB':
    case 'PM':
      ws.fit(yc, vi, tau2, sd, false);
      return Math.sqrt((2 * k * k) / (k - p) / (ws.sumW * ws.sumW));
    case 'DL':
    case 'HS': {
      if (!allViPositive) return NaN;
      ws.fit(yc, vi, 0, sd, true);
      const inner = 2 * (k - p) + 4 * t * ws.trP + 2 * t * t * ws.trPP;
      return method === 'DL' ? Math.sqrt(inner / (ws.trP * ws.trP)) : Math.sqrt(inner / (ws.sumW * ws.sumW));
    }
    default:
      return NaN;
  }
}
