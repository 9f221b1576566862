/**
 * The multilevel model of metafor's `rma.mv(yi, vi, mods, random = ~ 1 | a/b/…, method = "REML"|"ML",
 * test = "z"|"t")` (metafor R/rma.mv.r): nested random intercepts, σ² by (restricted) maximum likelihood,
 * β̂ = (X'V⁻¹X)⁻¹X'V⁻¹y with vb = (X'V⁻¹X)⁻¹, Wald z or t tests (t with k − p degrees of freedom, metafor's
 * dfs = "residual"), the omnibus QM (an F statistic QM/m under t), and QE of the equal-effects model.
 */
import type { Design } from '../model/design.js';
import { scaleDesign, transformMatrix, unscaleBeta, unscaleVcov } from '../model/design.js';
import { MetaError } from '../errors.js';
import { pf, pt, qt } from '../math/beta.js';
import { pchisq } from '../math/gamma.js';
import { pnorm, qnorm } from '../math/normal.js';
import { cholLogDet, cholesky, invertSpd } from '../math/small-matrix.js';
import { logLik } from './likelihood.js';
import { type Nesting, buildNesting } from './nesting.js';
import { optimiseSigma2 } from './optimise.js';
import { multilevelI2 } from './i2.js';

export interface RmaMvOptions {
  method: 'REML' | 'ML';
  test: 'z' | 't';
  /** confidence level in percent */
  level: number;
}

export interface RmaMvFit {
  k: number;
  p: number;
  nest: Nesting;
  sigma2: Float64Array;
  /** number of groups per level */
  nlevels: number[];
  logLik: number;
  beta: Float64Array;
  /** row-major p × p */
  vb: Float64Array;
  se: Float64Array;
  zval: Float64Array;
  pval: Float64Array;
  ciLb: Float64Array;
  ciUb: Float64Array;
  /** t degrees of freedom (k − p) or null under z */
  ddf: number | null;
  QE: number;
  QEp: number;
  QM: number;
  QMdf: [number, number | null];
  QMp: number;
  /** I² in percent: total, then per level (metafor's wiki definition) */
  I2: number;
  I2Levels: number[];
  names: string[];
  /** coefficients of the omnibus test QM (metafor's btt) */
  btt: number[];
  intOnly: boolean;
  converged: boolean;
  iterations: number;
  /** the scaled design, kept for the robust variance */
  scaled: { x: Float64Array; t: Float64Array; vbScaled: Float64Array; betaScaled: Float64Array };
}

/** Row-major k × (p+1) [X̃, y] for the likelihood. */
function augmented(x: Float64Array, k: number, p: number, y: Float64Array): Float64Array {
  const u = new Float64Array(k * (p + 1));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < p; j++) u[i * (p + 1) + j] = x[j * k + i]!;
    u[i * (p + 1) + p] = y[i]!;
  }
  return u;
}

export function rmaMv(yi: Float64Array, vi: Float64Array, design: Design, groups: string[][], opts: RmaMvOptions): RmaMvFit {
  const k = yi.length;
  const p = design.p;
  if (k - p < 1) throw new MetaError('EXO_ERR_META_SINGULAR', `a multilevel model with ${p} coefficient${p === 1 ? '' : 's'} needs more than ${p} effect sizes (k = ${k})`);
  const nest = buildNesting(groups);
  const sd = scaleDesign(design);
  const u = augmented(sd.x, k, p, yi);
  const xtx = new Float64Array(p * p);
  for (let a = 0; a < p; a++)
    for (let b = 0; b < p; b++) {
      let s = 0;
      for (let i = 0; i < k; i++) s += sd.x[a * k + i]! * sd.x[b * k + i]!;
      xtx[a * p + b] = s;
    }
  if (!cholesky(xtx, p)) throw new MetaError('EXO_ERR_META_SINGULAR', 'the model matrix is singular (redundant moderators)');
  const logDetXtX = cholLogDet(xtx, p);
  const reml = opts.method === 'REML';
  // QE: the residual heterogeneity of the equal-effects model (all σ² = 0)
  const fe = logLik(u, p, vi, nest, new Float64Array(nest.m), false, 0, false);
  if (!fe) throw new MetaError('EXO_ERR_META_SINGULAR', 'the model matrix is singular');
  const QE = Math.max(0, -2 * (fe.ll + 0.5 * k * Math.log(2 * Math.PI)) - sumLog(vi));
  // start: the DerSimonian–Laird-type excess of QE, shared equally between the levels
  const I = multilevelI2(sd.x, k, p, vi, new Float64Array(nest.m));
  const tau2 = Math.max(0, (QE - (k - p)) / I.trP);
  const start = new Float64Array(nest.m).fill(tau2 / nest.m);
  const opt = optimiseSigma2({ u, p, v: vi, nest, reml, logDetXtX }, start);
  const betaScaled = opt.fit.beta;
  const vbScaled = opt.fit.vb;
  const beta = unscaleBeta(sd, betaScaled);
  const vb = unscaleVcov(sd, vbScaled);
  const se = Float64Array.from({ length: p }, (_, j) => Math.sqrt(vb[j * p + j]!));
  const zval = Float64Array.from(beta, (b, j) => b / se[j]!);
  const ddf = opts.test === 't' ? k - p : null;
  const alpha = 1 - opts.level / 100;
  const crit = ddf === null ? qnorm(alpha / 2, false) : qt(alpha / 2, ddf, false);
  const pval = Float64Array.from(zval, (z) => (ddf === null ? 2 * pnorm(Math.abs(z), false) : 2 * pt(Math.abs(z), ddf, false)));
  const ciLb = Float64Array.from(beta, (b, j) => b - crit * se[j]!);
  const ciUb = Float64Array.from(beta, (b, j) => b + crit * se[j]!);
  // omnibus test of the moderators (btt: all but the intercept; the intercept alone in intercept-only models)
  const btt = design.hasIntercept && p > 1 ? Array.from({ length: p - 1 }, (_, j) => j + 1) : Array.from({ length: p }, (_, j) => j);
  const QMchi = waldQuadratic(beta, vb, p, btt);
  const mdf = btt.length;
  const QM = ddf === null ? QMchi : QMchi / mdf;
  const QMp = ddf === null ? pchisq(QMchi, mdf, false) : pf(QM, mdf, ddf, false);
  const i2 = multilevelI2(sd.x, k, p, vi, opt.sigma2);
  return {
    k,
    p,
    nest,
    sigma2: opt.sigma2,
    nlevels: nest.size.slice(),
    logLik: opt.fit.ll,
    beta,
    vb,
    se,
    zval,
    pval,
    ciLb,
    ciUb,
    ddf,
    QE,
    QEp: pchisq(QE, k - p, false),
    QM,
    QMdf: [mdf, ddf],
    QMp,
    I2: i2.total,
    I2Levels: i2.levels,
    names: design.names,
    btt,
    intOnly: p === 1 && design.hasIntercept,
    converged: opt.converged,
    iterations: opt.iterations,
    scaled: { x: sd.x, t: transformMatrix(sd), vbScaled, betaScaled },
  };
}

function sumLog(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += Math.log(v[i]!);
  return s;
}

/** b[btt]' vb[btt,btt]⁻¹ b[btt]. */
export function waldQuadratic(beta: Float64Array, vb: Float64Array, p: number, btt: number[]): number {
  const m = btt.length;
  const sub = new Float64Array(m * m);
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) sub[a * m + b] = vb[btt[a]! * p + btt[b]!]!;
  const inv = invertSpd(sub, m);
  if (!inv) return NaN;
  let s = 0;
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) s += beta[btt[a]!]! * inv[a * m + b]! * beta[btt[b]!]!;
  return Math.max(0, s);
}
