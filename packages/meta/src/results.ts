/** The JSON-serialisable result of analyseTable(): the keys of shared/conformance/metafor/README.md and more. */
import type { EggerResult } from './bias/egger.js';
import type { FailsafeResult } from './bias/failsafe.js';
import type { RankTestResult } from './bias/rank.js';
import type { Measure } from './effect-sizes/types.js';
import type { PermutationResult } from './moderators/permutation.js';
import type { SubgroupAnalysis } from './moderators/subgroups.js';
import type { Method } from './tau2/index.js';
import type { CumulativeRow } from './sensitivity/cumulative.js';
import type { InfluenceRow } from './sensitivity/influence.js';
import type { LeaveOneOutRow } from './sensitivity/leave-one-out.js';

export interface Coefficient {
  name: string;
  estimate: number | null;
  se: number | null;
  statistic: number | null;
  pval: number | null;
  ciLower: number | null;
  ciUpper: number | null;
}

export interface TrimfillSummary {
  k0: number;
  side: 'left' | 'right';
  seK0: number | null;
  estimate: number | null;
  se: number | null;
  ciLower: number | null;
  ciUpper: number | null;
  pval: number | null;
  tau2: number | null;
  filled: { yi: number; vi: number }[];
}

export interface BiasResults {
  egger: EggerResult | null;
  rank: RankTestResult | null;
  trimfill: TrimfillSummary | null;
  failsafe: FailsafeResult | null;
}

export interface DroppedRow {
  /** 1-based data row */
  row: number;
  reason: string;
}

export interface MetaResult {
  k: number;
  estimate: number | null;
  se: number | null;
  statistic: number | null;
  pval: number | null;
  ciLower: number | null;
  ciUpper: number | null;
  tau2: number | null;
  i2: number | null;
  h2: number | null;
  q: number | null;
  qDf: number;
  qPval: number | null;
  piLower: number | null;
  piUpper: number | null;
  studies: { yi: number | null; vi: number | null }[];
  /** percent weights of the studies used */
  weights: number[];
  coefficients: Coefficient[];
  qm: number | null;
  qmDf: number;
  qmPval: number | null;
  r2: number | null;
  bias?: BiasResults;
  leaveOneOut?: LeaveOneOutRow[];
  // —— beyond the conformance keys ——
  measure: Measure;
  measureLabel: string;
  method: Method;
  /** t: the t tests of a multilevel model (metafor's test = "t") */
  test: 'z' | 'knha' | 't';
  level: number;
  /** t degrees of freedom under Knapp–Hartung (null for z) */
  df: number | null;
  seTau2: number | null;
  tau2Ci: [number | null, number | null] | null;
  i2Ci: [number | null, number | null] | null;
  h2Ci: [number | null, number | null] | null;
  /** study labels of every input row */
  labels: string[];
  /** 1-based rows of the studies used, in order (weights, leaveOneOut, influence follow it) */
  rowsUsed: number[];
  dropped: DroppedRow[];
  moderators: { name: string; kind: 'numeric' | 'factor'; levels?: string[] }[];
  subgroups?: SubgroupAnalysis;
  permutation?: PermutationResult;
  cumulative?: (CumulativeRow & { label: string })[];
  influence?: InfluenceRow[];
  warnings: string[];
  // —— multilevel models (issue 19 item 2; see multilevel/analyse-multilevel.ts) ——
  model?: 'multilevel';
  /** grouping columns of the nested random intercepts, outermost first */
  random?: string[];
  /** variance component of each level, outermost first (metafor's sigma2) */
  sigma2?: number[];
  /** number of groups per level */
  nlevels?: number[];
  /** (restricted) log-likelihood */
  logLik?: number;
  /** I² per level in percent (i2 is their sum) */
  i2Levels?: number[];
  robust?: RobustSummary;
}

/** Cluster-robust inference: CR2 (clubSandwich, Satterthwaite df) or CR1 (metafor's robust() default). */
export interface RobustSummary {
  type: 'CR1' | 'CR2';
  cluster: string;
  clusters: number;
  estimate: number | null;
  se: number | null;
  statistic: number | null;
  df: number | null;
  pval: number | null;
  ciLower: number | null;
  ciUpper: number | null;
  coefficients: (Coefficient & { df: number | null })[];
  qm: number | null;
  qmDf: [number, number] | null;
  qmPval: number | null;
}
